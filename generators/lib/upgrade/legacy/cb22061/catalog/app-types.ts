// The three app types of the App Development Center (platform.md §2). The type cannot change after creation.
export const APP_TYPES = [
  {
    id: 'integration',
    label: 'Integration',
    description: 'Works behind the scenes through the API and webhooks; public in the App Store.',
  },
  {
    id: 'private',
    label: 'Private App or Integration',
    description: 'Not public: only the clients (tenant IDs) you list can see and install it.',
  },
  {
    id: 'full-application',
    label: 'Full Application',
    description: 'Staff use it inside Commerce7; the only type that may add extensions (pages, menus, cards).',
  },
] as const;

export type AppTypeId = (typeof APP_TYPES)[number]['id'];
export const APP_TYPE_IDS: readonly AppTypeId[] = APP_TYPES.map((t) => t.id);

export function appTypeLabel(id: AppTypeId): string {
  return APP_TYPES.find((t) => t.id === id)!.label;
}

/** Only a Full Application may have extensions. */
export const EXTENSIONS_ALLOWED_FOR: readonly AppTypeId[] = ['full-application'];
/** Only a Private app lists its allowed clients. */
export const ALLOWED_TENANTS_REQUIRED_FOR: readonly AppTypeId[] = ['private'];

export const VERSION_STATUSES = ['draft', 'submitted', 'published'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
/** A submitted or published version is frozen: changes need a new version. */
export const FROZEN_STATUSES: readonly VersionStatus[] = ['submitted', 'published'];

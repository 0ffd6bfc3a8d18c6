// The 29 API permissions ("endpoints") of the App Development Center, in its order (platform.md §3).
export const ACCESS_LEVELS = ['read', 'full'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

export const ACCESS_DESCRIPTIONS: Record<Access, string> = {
  read: 'Read: GET only',
  full: 'Full: GET, POST, PUT and DELETE',
};

export const PERMISSIONS = [
  { name: 'Cart', description: 'Shopping carts of the online store and POS' },
  { name: 'Club', description: 'Wine club definitions (tiers, rules)' },
  { name: 'Club Membership', description: 'Customers\u2019 memberships of wine clubs' },
  { name: 'Club Signup', description: 'Club signup flows (no documented paths)' },
  { name: 'Club Package', description: 'Club shipments/packages, including subscriptions' },
  { name: 'Collection', description: 'Product collections shown in the store' },
  { name: 'Coupon', description: 'Coupon codes' },
  { name: 'Customer', description: 'Customer records (names, emails, phones, appData)' },
  { name: 'Customer Address', description: 'Customers\u2019 shipping and billing addresses' },
  { name: 'Customer Credit Card', description: 'Customers\u2019 stored credit cards (tokenised)' },
  { name: 'Department', description: 'Product departments' },
  { name: 'Email', description: 'Transactional email (no documented paths)' },
  { name: 'Gift Card', description: 'Gift cards and their transactions' },
  { name: 'Inventory', description: 'Stock levels, inventory locations and transactions' },
  { name: 'MetaData Config', description: 'Custom field (meta data) definitions per object type' },
  { name: 'Note', description: 'Staff notes attached to customers and other objects' },
  { name: 'Order', description: 'Orders, their fulfillments and order numbers' },
  { name: 'POS Profile', description: 'Point-of-sale profiles' },
  { name: 'Product', description: 'Products, variants and wine reference data' },
  { name: 'Promotion', description: 'Promotions (automatic discounts)' },
  { name: 'Promotion Set', description: 'Groups of promotions' },
  { name: 'Query', description: 'Saved queries and reports (no documented paths)' },
  { name: 'Refund', description: 'Refunds (no documented paths)' },
  { name: 'Reservation', description: 'Reservations and reservation types' },
  { name: 'Setting', description: 'Tenant settings' },
  { name: 'Shipping', description: 'Shipping methods and rates' },
  { name: 'Tag', description: 'Tags on customers, club memberships, orders and reservations' },
  { name: 'Vendor', description: 'Product vendors' },
  { name: 'WebHook', description: 'Webhook subscriptions and their delivery logs' },
] as const;

export type PermissionName = (typeof PERMISSIONS)[number]['name'];
export const PERMISSION_NAMES: readonly PermissionName[] = PERMISSIONS.map((p) => p.name);

/** Older spellings still seen in docs and code: accepted on input, written as the current name. */
export const PERMISSION_ALIASES: Readonly<Record<string, PermissionName>> = {
  Coupons: 'Coupon',
  GiftCard: 'Gift Card',
  MetaDataConfig: 'MetaData Config',
  Notes: 'Note',
  Promotions: 'Promotion',
  'Promotion Sets': 'Promotion Set',
  Queries: 'Query',
  Webhook: 'WebHook',
  'Club Packages (including Subscriptions)': 'Club Package',
};

export function isPermissionName(value: string): value is PermissionName {
  return (PERMISSION_NAMES as readonly string[]).includes(value);
}

/** The current name for a name or an old alias; undefined when it is neither. */
export function canonicalPermission(value: string): PermissionName | undefined {
  if (isPermissionName(value)) return value;
  return PERMISSION_ALIASES[value];
}

export function permissionDescription(name: PermissionName): string {
  return PERMISSIONS.find((p) => p.name === name)!.description;
}

/** Full includes read: does `granted` cover `needed`? */
export function accessCovers(granted: Access, needed: Access): boolean {
  return granted === 'full' || needed === 'read';
}

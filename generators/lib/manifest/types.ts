// The shape of c7-app.json, the single source of truth for an app. The schema (schema.ts) says the same in JSON Schema.
import type {
  Access, AppTypeId, ClientSettingDataType, ExtensionTypeName, PermissionName, PricingModel, VersionStatus,
  WebhookAction, WebhookObject,
} from '../catalog/index.js';

export const MANIFEST_FILE = 'c7-app.json';
export const MANIFEST_VERSION = 1;

export interface Permission { endpoint: PermissionName; access: Access; reason?: string }
export interface BasicAuth { username: string }
export interface Webhook { object: WebhookObject; action: WebhookAction; url: string; basicAuth?: boolean }
export interface ClientSetting {
  title: string; code: string; dataType: ClientSettingDataType; required?: boolean;
  options?: string[]; description?: string;
}
export interface Extension {
  type: ExtensionTypeName; location: string;
  icon?: string; title?: string; label?: string; iframeUrl?: string; iframeHeight?: number; url?: string;
  format?: 'Action' | 'Link' | 'Modal';
}
export interface Installation { baseUrl?: string; installUrl?: string; uninstallUrl?: string; basicAuth?: BasicAuth }
export interface PricingPlan { name: string; price: number; currency: string }
export interface Pricing { model: PricingModel; plans?: PricingPlan[] }
export interface Screenshot { file: string; caption?: string }
export interface Listing {
  title: string; summary: string; description?: string; category?: string; websiteUrl?: string;
  logo?: string; darkModeLogo?: string; screenshots?: Screenshot[]; supportEmail: string; supportPhone?: string;
  documentationUrl?: string; installSteps?: string; requiresSubscription?: boolean;
}

export interface Manifest {
  $schema?: string;
  manifestVersion: 1;
  app: {
    id: string; title: string; type: AppTypeId; companyName: string; contactEmail: string;
    allowedTenants?: string[]; testTenants?: string[];
    /** Set when this app replaces a Data-role integration (adds the switch-over steps to the checklist). */
    replacesDataRole?: boolean;
  };
  version: { number: string; status: VersionStatus };
  permissions: Permission[];
  webhooks?: Webhook[];
  clientSettings?: ClientSetting[];
  extensions?: Extension[];
  installation: Installation;
  pricing?: Pricing;
  listing: Listing;
  [custom: `x-${string}`]: unknown;
}

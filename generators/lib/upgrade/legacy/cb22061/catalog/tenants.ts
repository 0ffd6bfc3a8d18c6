// Tenant and app IDs (platform.md §2). The exact rule is not published; this is inferred from every example.
export const TENANT_ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';
export const APP_ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';
export const TENANT_ID_HELP =
  'A tenant ID is the first label of the client\u2019s admin URL: "spectrawinery" in https://spectrawinery.admin.platform.commerce7.com';

const tenantRe = new RegExp(TENANT_ID_PATTERN);
export function isTenantId(value: string): boolean {
  return tenantRe.test(value);
}

/** A slug suitable as an App ID, proposed from a title ("Acme Order Sync" -> "acme-order-sync"). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '');
}

/** Where an app's own dashboard lives in the App Development Center. */
export const APP_DASHBOARD_PATTERN = '<id>.dev-center.platform.commerce7.com';
export const appDashboardUrl = (appId: string) => `https://${APP_DASHBOARD_PATTERN.replace('<id>', appId)}`;

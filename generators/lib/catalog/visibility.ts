// Who may install an app (platform.md §2): a Private app is shown only to the tenants it lists; an unpublished
// version only to its test tenants (the developer's tenants, where changes apply live). Commerce7's exact wording
// for a refused tenant is not documented: the messages below are ours, and say so nowhere else.
import type { AppTypeId, VersionStatus } from './app-types.js';

export interface AppVisibility {
  title: string;
  type: AppTypeId;
  allowedTenants?: readonly string[];
  testTenants?: readonly string[];
}

export interface InstallRefusal { message: string; hint: string }

const list = (xs: readonly string[] | undefined) => (xs && xs.length ? xs.join(', ') : 'none');

/** Why `tenant` may not install the app, or undefined when it may. */
export function installRefusal(app: AppVisibility, version: { number: string; status: VersionStatus }, tenant: string): InstallRefusal | undefined {
  const test = app.testTenants ?? [];
  const allowed = app.allowedTenants ?? [];
  if (test.includes(tenant)) return undefined;
  if (version.status !== 'published') {
    return {
      message: `App not available: version ${version.number} of "${app.title}" is not published (status ${version.status}), so Commerce7 shows it only to its test tenants (${list(test)}), not to "${tenant}"`,
      hint: `add "${tenant}" to app.testTenants in c7-app.json (the developer needs a Partner user there), or pass --any-tenant to install it in the emulator anyway`,
    };
  }
  if (app.type === 'private' && !allowed.includes(tenant)) {
    return {
      message: `App not available: "${app.title}" is a Private app, shown only to the tenants it lists (${list(allowed)}), not to "${tenant}"`,
      hint: `add "${tenant}" to app.allowedTenants in c7-app.json, or pass --any-tenant to install it in the emulator anyway`,
    };
  }
  return undefined;
}

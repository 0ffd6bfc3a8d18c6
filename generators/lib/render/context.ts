// The render context: every value a template needs, computed here so templates hold no logic.
// Optional manifest fields are normalized to null (templates render in Handlebars strict mode).
import {
  accessCovers, ACCOUNT_USER_PATH, API_BASE_URL, appDashboardUrl, appTypeLabel, DOC_SITES, COMMERCE7_CSS_URL, COMMERCE7_JS_URL, dataTypeInfo, ENV_VARS,
  EXTENSION_CONTEXT, EXTENSION_QUERY, extensionType, LIST_KEYS, LISTING_FIELDS, type ListingField, PAGE_LIMIT_MAX, pathRules, permissionDescription,
  pathsForPermission, RATE_LIMIT_PER_MINUTE, UNINSTALLED_PURGE_AFTER_DAYS, STOREFRONT_EXTENSION_LOCATIONS, TENANT_HEADER,
  type Access, type AppTypeId, type ClientSettingDataType, type ExtensionTypeName, type PermissionName,
} from '../catalog/index.js';
import type { Manifest } from '../manifest/types.js';
import { DEV_PLACEHOLDERS, DEV_SESSION_FILE } from '../dev-session.js';
import { vendoredTarball } from '../package-info.js';

export interface GeneratorInfo {
  name: string;
  version: string;
  /** How the generated project depends on this package: a semver range, or `file:vendor/…tgz` when run from a checkout. */
  dependency: string;
  /** The vendored tarball (project-relative) when `dependency` points at it, else null (set by buildContext). */
  vendored?: string | null;
}

export interface PermissionContext {
  endpoint: PermissionName; access: Access; isFull: boolean; reason: string | null; description: string; paths: string[];
}
export interface WebhookContext {
  object: string; action: string; url: string; path: string; absoluteUrl: string | null; basicAuth: boolean;
  /** kebab-case key, e.g. "order-create": file names. */
  key: string;
  /** camelCase name, e.g. "orderCreate": identifiers. */
  name: string;
}
export interface ClientSettingContext {
  title: string; code: string; dataType: ClientSettingDataType; required: boolean; options: string[] | null;
  description: string | null; valueType: string;
}
export interface ExtensionContext {
  type: ExtensionTypeName; location: string; title: string | null; label: string | null; icon: string | null;
  format: string | null; iframeHeight: number | null;
  /** The iFrame URL or URL, as written in the manifest. */
  url: string; path: string; absoluteUrl: string | null;
  iframe: boolean; slug: string; name: string;
  /** What the app's route answers: an HTML page (iframe types, Context Menu Link/Modal), Action JSON or Card JSON. */
  route: 'page' | 'action' | 'card';
  /** A storefront location: the URL carries `appToken` (not verifiable at /account/user) instead of the staff token. */
  storefront: boolean;
  /** The query parameter naming the record shown (e.g. "orderId"), and its API list path, for detail locations. */
  contextParam: string | null; contextPath: string | null;
  /** The manifest grants read on contextPath: the generated page may fetch the record. */
  contextReadable: boolean;
}

/** A concrete API call for generated examples and tests: a permitted read and a call the manifest does not allow. */
export interface ApiCallExample {
  method: 'GET' | 'POST'; path: string; permission: PermissionName; access: Access; listKey: string | null;
  /** The TenantClient method that makes the call ("get", "post"). */
  clientMethod: 'get' | 'post';
  /** An item path under `path` that does not exist (for a 404). */
  missingItemPath: string;
}

export interface RenderContext {
  manifest: Manifest;
  teach: boolean;
  generator: GeneratorInfo;
  app: {
    id: string; title: string; type: AppTypeId; typeLabel: string; companyName: string; contactEmail: string;
    isPrivate: boolean; isIntegration: boolean; isFullApplication: boolean;
    allowedTenants: string[]; testTenants: string[]; replacesDataRole: boolean;
    /** The tenant the emulator installs by default. */
    devTenant: string;
  };
  version: { number: string; status: string };
  permissions: PermissionContext[];
  webhooks: WebhookContext[];
  /** Distinct local paths the webhooks are delivered to. */
  webhookPaths: string[];
  clientSettings: ClientSettingContext[];
  extensions: ExtensionContext[];
  installation: {
    baseUrl: string | null;
    installPath: string | null; uninstallPath: string | null;
    installUrl: string | null; uninstallUrl: string | null;
    basicAuthUsername: string | null;
  };
  env: typeof ENV_VARS;
  /** Catalog facts the app's templates print (teaching comments, TOUR.md, the extension layout). */
  platform: {
    apiBaseUrl: string; tenantHeader: string; accountUserPath: string; pageLimitMax: number; rateLimitPerMinute: number;
    commerce7JsUrl: string; commerce7CssUrl: string; staffTokenParam: string; themeParam: string;
    devCenterUrl: string; appDashboardUrl: string; uninstalledPurgeAfterDays: number;
  };
  /** Where a user who hits a problem is sent: the listing's documentation URL, else a mailto: of its support email. */
  support: { email: string; url: string };
  /** Where `npm run dev` records its URLs for the `c7-app emulate` commands (lib/dev-session.ts). */
  devSessionFile: string;
  /** The development-only values npm run dev uses for a secret .env lacks (lib/dev-session.ts). */
  devPlaceholders: { appSecret: string; basicAuthPassword: string };
  /** Commands the dev banner offers to paste: an install, a webhook of the manifest, an uninstall. */
  devCommands: string[];
  /** The Create Listing screen, field by field with the App Development Center's labels; `block` values span lines. */
  listing: Array<{ label: string; value: string; block: boolean }>;
  /** Which calls Commerce7 makes with Basic auth. */
  basicAuth: { install: boolean; webhooks: boolean; any: boolean };
  /** A permitted read, a permitted write and a forbidden call, from the permissions and the catalog's path map (null if none). */
  apiExamples: { permitted: ApiCallExample | null; permittedWrite: ApiCallExample | null; forbidden: ApiCallExample | null };
}

const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const camel = (s: string) => kebab(s).replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase()).replace(/^(\d)/, '_$1');

/** The path part of a URL Commerce7 calls: "/x" stays, "https://h/x?y" becomes "/x?y"... without the query. */
export function localPath(url: string): string {
  if (url.startsWith('/')) return url.split(/[?#]/)[0]!;
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** The absolute URL Commerce7 calls: a path is joined to the base URL. */
export function absoluteUrl(url: string | undefined, baseUrl: string | undefined): string | null {
  if (!url) return null;
  if (!url.startsWith('/')) return url;
  if (!baseUrl) return null;
  return baseUrl.replace(/\/+$/, '') + url;
}

function uniqueNames<T extends { slug: string; name: string }>(items: T[]): T[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = (seen.get(item.slug) ?? 0) + 1;
    seen.set(item.slug, n);
    return n === 1 ? item : { ...item, slug: `${item.slug}-${n}`, name: `${item.name}${n}` };
  });
}

/** The concrete list path of a path-map pattern ("/tag/{objectType}" -> "/tag/customer"), or null if it needs an id. */
function concreteListPath(pattern: string, segmentValues?: { index: number; values: string[] }): string | null {
  const segs = pattern.replace(/\/\*\*$/, '').split('/').filter(Boolean);
  const out = segs.map((seg, i) => (seg.startsWith('{') ? (segmentValues?.index === i ? segmentValues.values[0] ?? null : null) : seg));
  return out.includes(null) ? null : '/' + out.join('/');
}

function apiExamples(granted: Map<PermissionName, Access>): RenderContext['apiExamples'] {
  const candidates = pathRules().flatMap((rule) => {
    if (rule.result.kind !== 'permission' || rule.result.needs.length !== 1 || rule.result.inferred) return [];
    const path = concreteListPath(rule.pattern, rule.segmentValues);
    if (!path) return [];
    const need = rule.result.needs[0]!;
    const base = '/' + (path.split('/')[1] ?? '');
    return [{ rule, path, need, listKey: LIST_KEYS[base] ?? null }];
  }).filter((c) => c.listKey !== null);
  const read = candidates.filter((c) => c.need.access === 'read' && c.rule.methods.includes('GET'));
  const write = candidates.filter((c) => c.need.access === 'full' && c.rule.methods.includes('POST'));
  const ok = (p: PermissionName, a: Access) => { const g = granted.get(p); return g !== undefined && accessCovers(g, a); };
  const ex = (c: (typeof candidates)[number], method: 'GET' | 'POST'): ApiCallExample =>
    ({
      method, path: c.path, permission: c.need.permission, access: c.need.access, listKey: c.listKey,
      clientMethod: method === 'GET' ? 'get' : 'post', missingItemPath: `${c.path}/no-such-id`,
    });
  const permittedRead = read.find((c) => ok(c.need.permission, 'read'));
  const permittedWrite = write.find((c) => ok(c.need.permission, 'full'));
  const forbiddenWrite = write.find((c) => granted.get(c.need.permission) === 'read');
  const forbiddenRead = read.find((c) => !granted.has(c.need.permission));
  return {
    permitted: permittedRead ? ex(permittedRead, 'GET') : null,
    permittedWrite: permittedWrite ? ex(permittedWrite, 'POST') : null,
    forbidden: forbiddenWrite ? ex(forbiddenWrite, 'POST') : forbiddenRead ? ex(forbiddenRead, 'GET') : null,
  };
}

function devCommands(manifest: Manifest, tenant: string): string[] {
  const quote = (s: string) => (/^[\w.:-]+$/.test(s) ? s : `"${s.replace(/["\\$`]/g, '\\$&')}"`);
  const out = [`npx c7-app emulate install --tenant ${tenant}`];
  const hook = manifest.webhooks?.[0];
  if (hook) out.push(`npx c7-app emulate webhook --tenant ${tenant} --object ${quote(hook.object)} --action ${quote(hook.action)}`);
  out.push(`npx c7-app emulate uninstall --tenant ${tenant}`);
  return out;
}

function listingRows(listing: Manifest['listing']): RenderContext['listing'] {
  const rows: RenderContext['listing'] = [];
  for (const [field, info] of Object.entries(LISTING_FIELDS) as Array<[keyof Manifest['listing'] & ListingField, (typeof LISTING_FIELDS)[ListingField]]>) {
    const value: unknown = listing[field];
    if (value === undefined || value === null || value === '') continue;
    const text = field === 'screenshots'
      ? (value as Array<{ file: string; caption?: string }>).map((s) => `- ${s.file}${s.caption ? ` (${s.caption})` : ''}`).join('\n')
      : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
    rows.push({ label: info.label, value: text, block: text.includes('\n') });
  }
  return rows;
}

export function buildContext(manifest: Manifest, opts: { teach: boolean; generator: GeneratorInfo }): RenderContext {
  const base = manifest.installation?.baseUrl;
  const perms = manifest.permissions.map((p) => ({
    endpoint: p.endpoint, access: p.access, isFull: p.access === 'full', reason: p.reason ?? null,
    description: permissionDescription(p.endpoint), paths: pathsForPermission(p.endpoint),
  }));
  const webhooks = (manifest.webhooks ?? []).map((w) => ({
    object: w.object, action: w.action, url: w.url, path: localPath(w.url), absoluteUrl: absoluteUrl(w.url, base),
    basicAuth: w.basicAuth === true, key: kebab(`${w.object} ${w.action}`), name: camel(`${w.object} ${w.action}`),
  }));
  const extensions = uniqueNames((manifest.extensions ?? []).map((x) => {
    const url = x.iframeUrl ?? x.url ?? '';
    const path = localPath(url);
    const last = path.split('/').filter(Boolean).at(-1) ?? kebab(`${x.type} ${x.location}`);
    const slug = kebab(last) || kebab(`${x.type} ${x.location}`);
    const info = extensionType(x.type);
    const detail = EXTENSION_CONTEXT[x.location];
    const detailBase = detail ? '/' + (detail.path.split('/')[1] ?? '') : null;
    const route: ExtensionContext['route'] = x.type === 'Card' ? 'card' : x.type === 'Context Menu' && x.format === 'Action' ? 'action' : 'page';
    return {
      type: x.type, location: x.location, title: x.title ?? null, label: x.label ?? null, icon: x.icon ?? null,
      format: x.format ?? null, iframeHeight: x.iframeHeight ?? null, url, path, absoluteUrl: absoluteUrl(url, base),
      iframe: info.iframe, slug, name: camel(slug),
      route, storefront: STOREFRONT_EXTENSION_LOCATIONS.includes(x.location),
      contextParam: detail?.param ?? null, contextPath: detail?.path ?? null,
      contextReadable: detailBase !== null && pathRules().some((r) => r.result.kind === 'permission' && r.methods.includes('GET')
        && r.pattern.replace(/\/\*\*$/, '') === detailBase && r.result.needs.every((n) => perms.some((p) => p.endpoint === n.permission))),
    };
  }));
  const testTenants = manifest.app.testTenants ?? [];
  return {
    manifest,
    teach: opts.teach,
    generator: { ...opts.generator, vendored: vendoredTarball(opts.generator.dependency) },
    app: {
      id: manifest.app.id, title: manifest.app.title, type: manifest.app.type, typeLabel: appTypeLabel(manifest.app.type),
      companyName: manifest.app.companyName, contactEmail: manifest.app.contactEmail,
      isPrivate: manifest.app.type === 'private', isIntegration: manifest.app.type === 'integration',
      isFullApplication: manifest.app.type === 'full-application',
      allowedTenants: manifest.app.allowedTenants ?? [], testTenants, replacesDataRole: manifest.app.replacesDataRole === true,
      devTenant: testTenants[0] ?? 'demo-winery',
    },
    version: { number: manifest.version.number, status: manifest.version.status },
    permissions: perms,
    webhooks,
    webhookPaths: [...new Set(webhooks.map((w) => w.path))],
    clientSettings: (manifest.clientSettings ?? []).map((s) => ({
      title: s.title, code: s.code, dataType: s.dataType, required: s.required === true, options: s.options ?? null,
      description: s.description ?? null, valueType: dataTypeInfo(s.dataType).valueType,
    })),
    extensions,
    installation: {
      baseUrl: base ?? null,
      installPath: manifest.installation.installUrl ? localPath(manifest.installation.installUrl) : null,
      uninstallPath: manifest.installation.uninstallUrl ? localPath(manifest.installation.uninstallUrl) : null,
      installUrl: absoluteUrl(manifest.installation.installUrl, base),
      uninstallUrl: absoluteUrl(manifest.installation.uninstallUrl, base),
      basicAuthUsername: manifest.installation.basicAuth?.username ?? null,
    },
    env: ENV_VARS,
    platform: {
      apiBaseUrl: API_BASE_URL, tenantHeader: TENANT_HEADER, accountUserPath: ACCOUNT_USER_PATH, pageLimitMax: PAGE_LIMIT_MAX,
      rateLimitPerMinute: RATE_LIMIT_PER_MINUTE, commerce7JsUrl: COMMERCE7_JS_URL, commerce7CssUrl: COMMERCE7_CSS_URL,
      staffTokenParam: EXTENSION_QUERY.staffToken, themeParam: EXTENSION_QUERY.theme,
      devCenterUrl: DOC_SITES.devCenter, appDashboardUrl: appDashboardUrl(manifest.app.id),
      uninstalledPurgeAfterDays: UNINSTALLED_PURGE_AFTER_DAYS,
    },
    support: {
      email: manifest.listing.supportEmail,
      url: manifest.listing.documentationUrl ?? `mailto:${manifest.listing.supportEmail}`,
    },
    listing: listingRows(manifest.listing),
    devSessionFile: DEV_SESSION_FILE,
    devPlaceholders: DEV_PLACEHOLDERS,
    devCommands: devCommands(manifest, testTenants[0] ?? 'demo-winery'),
    basicAuth: {
      install: Boolean(manifest.installation.basicAuth),
      webhooks: webhooks.some((w) => w.basicAuth),
      any: Boolean(manifest.installation.basicAuth) || webhooks.some((w) => w.basicAuth),
    },
    apiExamples: apiExamples(new Map(perms.map((p) => [p.endpoint, p.access] as const))),
  };
}

// The render context: every value a template needs, computed here so templates hold no logic.
// Optional manifest fields are normalized to null (templates render in Handlebars strict mode).
import {
  appTypeLabel, dataTypeInfo, ENV_VARS, extensionType, permissionDescription, pathsForPermission,
  type Access, type AppTypeId, type ClientSettingDataType, type ExtensionTypeName, type PermissionName,
} from '../catalog/index.js';
import type { Manifest } from '../manifest/types.js';

export interface GeneratorInfo {
  name: string;
  version: string;
  /** How the generated project depends on this package: a semver range, or `file:` when run from a checkout. */
  dependency: string;
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
    return {
      type: x.type, location: x.location, title: x.title ?? null, label: x.label ?? null, icon: x.icon ?? null,
      format: x.format ?? null, iframeHeight: x.iframeHeight ?? null, url, path, absoluteUrl: absoluteUrl(url, base),
      iframe: extensionType(x.type).iframe, slug, name: camel(slug),
    };
  }));
  const testTenants = manifest.app.testTenants ?? [];
  return {
    manifest,
    teach: opts.teach,
    generator: opts.generator,
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
  };
}

// Commerce7 calling the app (platform.md §5): install and uninstall POSTs, webhook deliveries, extension URLs.
// Works with an in-process emulator (startEmulator) or a running one (connectEmulator), which holds the state these
// calls touch: which tenants installed the app, the staff tokens it accepts, the data webhook payloads come from.
import { installRefusal } from '../catalog/visibility.js';
import { randomBytes } from 'node:crypto';
import { ENV_VARS, EXTENSION_CONTEXT, STOREFRONT_EXTENSION_LOCATIONS } from '../catalog/api.js';
import { dataTypeInfo } from '../catalog/client-settings.js';
import { ADMIN_UI_THEMES, EXTENSION_QUERY } from '../catalog/extensions.js';
import { canonicalWebhookObject } from '../catalog/webhooks.js';
import { MANIFEST_FILE, type ClientSetting, type Extension, type Manifest, type Webhook } from '../manifest/types.js';
import { basicAuthHeader } from './auth.js';
import { API_PREFIX, CONTROL_PREFIX, DEFAULT_TENANT } from './config.js';
import { defaultStaffUser } from './seed.js';
import type { EmulatorControl, StaffUser, WebhookPayloadOptions } from './types.js';

/** A problem the caller can fix (a missing URL, password, extension…): the CLI turns it into a usage error. */
export class AppClientError extends Error {}

export interface AppTarget {
  manifest: Manifest;
  /** Where the app runs, e.g. "http://127.0.0.1:3000"; manifest paths are joined to it. Default: installation.baseUrl. */
  appUrl?: string;
  /** Default: the manifest's first test tenant, or "demo-winery". */
  tenant?: string;
  /** The emulator whose state the call changes or reads (required for webhooks without a payload, and for open). */
  emulator?: EmulatorControl;
  /** The Basic-auth password Commerce7 sends. Default: C7_BASIC_AUTH_PASSWORD from the environment. */
  basicAuthPassword?: string;
  /** Default 30 s. */
  timeoutMs?: number;
}

export interface AppCallResult {
  method: 'POST';
  url: string;
  /** What was sent (the JSON body). Headers are not kept: they may hold the Basic-auth password. */
  sent: unknown;
  status: number;
  ok: boolean;
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
}

export function defaultTenant(manifest: Manifest): string {
  return manifest.app?.testTenants?.[0] ?? DEFAULT_TENANT;
}

/** A URL from the manifest as the app sees it: paths join to `appUrl` (or installation.baseUrl); an absolute URL under
 *  installation.baseUrl is moved to `appUrl`, so the public URLs of the manifest reach the app running locally. */
export function resolveAppUrl(manifest: Manifest, value: string, appUrl?: string): string {
  const baseUrl = manifest.installation?.baseUrl;
  const trim = (u: string) => u.replace(/\/+$/, '');
  if (value.startsWith('/')) {
    const base = appUrl ?? baseUrl;
    if (!base) throw new AppClientError(`"${value}" is a path, but ${MANIFEST_FILE} has no installation.baseUrl: pass the app URL (--app-url)`);
    return trim(base) + value;
  }
  if (appUrl && baseUrl && (value === trim(baseUrl) || value.startsWith(`${trim(baseUrl)}/`))) return trim(appUrl) + value.slice(trim(baseUrl).length);
  return value;
}

/** The Authorization header Commerce7 sends to install, uninstall (and webhooks marked basicAuth), if any. */
function commerce7Auth(target: AppTarget): string | undefined {
  const username = target.manifest.installation?.basicAuth?.username;
  if (!username) return undefined;
  const password = target.basicAuthPassword ?? process.env[ENV_VARS.basicAuthPassword.name];
  if (!password) {
    throw new AppClientError(`${MANIFEST_FILE} sets installation.basicAuth.username, so Commerce7 sends a password: set ${ENV_VARS.basicAuthPassword.name} (the app checks the same one)`);
  }
  return basicAuthHeader(username, password);
}

async function post(target: AppTarget, url: string, body: unknown, auth: string | undefined): Promise<AppCallResult> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json', 'User-Agent': 'c7-app-emulator' };
  if (auth) headers.Authorization = auth;
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(target.timeoutMs ?? 30_000) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new AppClientError(`cannot reach the app at ${url}: ${cause?.code ?? cause?.message ?? (err as Error).message}; is it running? (pass --app-url)`);
  }
  const text = await res.text();
  let json: unknown;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return { method: 'POST', url, sent: body, status: res.status, ok: res.ok, body: text, ...(json === undefined ? {} : { json }) };
}

function installUser(tenant: string, user?: Partial<StaffUser>) {
  const u = { ...defaultStaffUser(tenant), ...user };
  return { id: u.id, firstName: u.firstName, lastName: u.lastName, email: u.email };
}

/** A value for a client setting: parsed from text (e.g. a --setting flag) or, without text, a sample of its type. */
export function clientSettingValue(setting: ClientSetting, text?: string): unknown {
  const info = dataTypeInfo(setting.dataType);
  const options = setting.options ?? [];
  const bad = (why: string) => new AppClientError(`client setting "${setting.code}" (${setting.dataType}): ${why}`);
  if (text === undefined) {
    switch (info.valueType) {
      case 'integer': return 1;
      case 'number': return 1.5;
      case 'boolean': return true;
      case 'date': return new Date().toISOString().slice(0, 10);
      case 'string[]': return options.slice(0, 1);
      default: return info.options ? options[0] ?? '' : `Sample ${setting.title}`;
    }
  }
  switch (info.valueType) {
    case 'integer': if (!/^-?\d+$/.test(text)) throw bad(`"${text}" is not a whole number`); return Number(text);
    case 'number': if (!/^-?\d+(\.\d+)?$/.test(text)) throw bad(`"${text}" is not a number`); return Number(text);
    case 'boolean': {
      const t = text.toLowerCase();
      if (['true', 'yes', '1'].includes(t)) return true;
      if (['false', 'no', '0'].includes(t)) return false;
      throw bad(`"${text}" is not true/false (or yes/no)`);
    }
    case 'date': if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) throw bad(`"${text}" is not a date YYYY-MM-DD`); return text;
    case 'string[]': {
      const values = text.split(',').map((v) => v.trim()).filter(Boolean);
      const wrong = values.filter((v) => !options.includes(v));
      if (wrong.length) throw bad(`${wrong.map((w) => `"${w}"`).join(', ')} not among the options ${options.join(', ')}`);
      return values;
    }
    default:
      if (info.options && !options.includes(text)) throw bad(`"${text}" is not one of the options ${options.join(', ')}`);
      return text;
  }
}

/** The client-setting values of the install body: every setting of the manifest, from `given` (text) or a sample. */
export function clientSettingValues(manifest: Manifest, given: Record<string, string> = {}): Record<string, unknown> {
  const settings = manifest.clientSettings ?? [];
  for (const code of Object.keys(given)) {
    if (!settings.some((s) => s.code === code)) throw new AppClientError(`no client setting "${code}" in ${MANIFEST_FILE}${settings.length ? `; codes: ${settings.map((s) => s.code).join(', ')}` : ''}`);
  }
  return Object.fromEntries(settings.map((s) => [s.code, clientSettingValue(s, given[s.code])]));
}

export interface InstallOptions extends AppTarget {
  /** Client-setting values as they arrive (already typed). Default: clientSettingValues(manifest). */
  settings?: Record<string, unknown>;
  /** The installing staff member (an Admin Owner by default). */
  user?: Partial<StaffUser>;
  /**
   * Refuse a tenant Commerce7 would not show the app to (a Private app's unlisted tenant, or any but the test tenants
   * for an unpublished version), as `c7-app emulate install` does unless --any-tenant. Default false (tests install
   * wherever they like).
   */
  checkVisibility?: boolean;
}

/** Installs the app for a tenant: marks it installed in the emulator, then POSTs the install body to the Install URL
 *  (`{ tenantId, user, <settingCode>: value… }`, with Basic auth if the manifest asks). If the app does not answer
 *  2xx, the install is rolled back in the emulator. Undefined when the manifest has no Install URL. */
export async function callAppInstall(opts: InstallOptions): Promise<AppCallResult | undefined> {
  const tenant = opts.tenant ?? defaultTenant(opts.manifest);
  const installUrl = opts.manifest.installation?.installUrl;
  const auth = installUrl ? commerce7Auth(opts) : undefined;
  const url = installUrl ? resolveAppUrl(opts.manifest, installUrl, opts.appUrl) : undefined;
  const settings = opts.settings ?? clientSettingValues(opts.manifest);
  if (opts.checkVisibility) {
    const refusal = installRefusal(opts.manifest.app, opts.manifest.version, tenant);
    if (refusal) throw new AppClientError(`${refusal.message}. To go on: ${refusal.hint}`);
  }
  await opts.emulator?.install(tenant);
  if (!url) return undefined;
  const result = await post(opts, url, { tenantId: tenant, user: installUser(tenant, opts.user), ...settings }, auth).catch(async (err: unknown) => {
    await opts.emulator?.uninstall(tenant);
    throw err;
  });
  if (!result.ok) await opts.emulator?.uninstall(tenant);
  return result;
}

/** Uninstalls: the tenant loses API access in the emulator, then `{ tenantId, user }` is POSTed to the Uninstall URL. */
export async function callAppUninstall(opts: AppTarget & { user?: Partial<StaffUser> }): Promise<AppCallResult | undefined> {
  const tenant = opts.tenant ?? defaultTenant(opts.manifest);
  const uninstallUrl = opts.manifest.installation?.uninstallUrl;
  const auth = uninstallUrl ? commerce7Auth(opts) : undefined;
  await opts.emulator?.uninstall(tenant);
  if (!uninstallUrl) return undefined;
  return post(opts, resolveAppUrl(opts.manifest, uninstallUrl, opts.appUrl), { tenantId: tenant, user: installUser(tenant, opts.user) }, auth);
}

export interface WebhookOptions extends AppTarget, WebhookPayloadOptions {
  /** Webhook object, as in the manifest ("Order", "Club Membership"; "ClubMembership" works too). */
  object: string;
  /** "Create", "Update", "Bulk Update", "Delete" or "Send". */
  action: string;
  /** The payload to deliver. Default: from the emulator's data (Bulk Update: a callbackUrl the emulator serves). */
  payload?: Record<string, unknown>;
  /** Who made the change (the delivery's "user"). Default: the demo staff member's email. */
  user?: string;
}

/** The manifest's webhook for an object and action. */
export function findWebhook(manifest: Manifest, object: string, action: string): Webhook {
  const name = canonicalWebhookObject(object) ?? object;
  const hook = (manifest.webhooks ?? []).find((h) => (canonicalWebhookObject(h.object) ?? h.object) === name && h.action.toLowerCase() === action.toLowerCase());
  if (!hook) {
    const declared = (manifest.webhooks ?? []).map((h) => `${h.object} ${h.action}`);
    throw new AppClientError(`${MANIFEST_FILE} subscribes to no "${name} ${action}" webhook, so Commerce7 would not send it${declared.length ? `; it subscribes to: ${declared.join(', ')}` : ''}`);
  }
  return hook;
}

/** Delivers a webhook as Commerce7 does: POST `{ object, action, payload, user, tenantId }` to the webhook's URL, with
 *  Basic auth when the webhook is marked basicAuth. */
export async function callAppWebhook(opts: WebhookOptions): Promise<AppCallResult> {
  const tenant = opts.tenant ?? defaultTenant(opts.manifest);
  const hook = findWebhook(opts.manifest, opts.object, opts.action);
  const auth = hook.basicAuth ? commerce7Auth(opts) : undefined;
  const url = resolveAppUrl(opts.manifest, hook.url, opts.appUrl);
  const object = canonicalWebhookObject(hook.object) ?? hook.object;
  let payload = opts.payload;
  if (!payload) {
    if (!opts.emulator) throw new AppClientError('a webhook payload comes from the emulator\u2019s data: start the emulator, or pass the payload');
    const p: WebhookPayloadOptions = {};
    if (opts.id !== undefined) p.id = opts.id;
    if (opts.count !== undefined) p.count = opts.count;
    payload = await opts.emulator.webhookPayload(tenant, object, hook.action, p);
  }
  return post(opts, url, { object, action: hook.action, payload, user: opts.user ?? defaultStaffUser(tenant).email, tenantId: tenant }, auth);
}

export interface OpenOptions extends AppTarget {
  /** Which extension: its index in the manifest, "Type:Location" (e.g. "Tab Menu:Order Detail"), or its title/label. */
  extension?: number | string;
  theme?: (typeof ADMIN_UI_THEMES)[number];
  /** Extra query parameters (e.g. { orderId: "…" }); default: the first record for detail locations. */
  context?: Record<string, string>;
  /** The staff member the token is issued for. */
  user?: Partial<StaffUser>;
}

export interface OpenedExtension { url: string; extension: Extension; index: number; token: string }

function describeExtension(x: Extension, i: number): string {
  return `${i}: ${x.type}:${x.location}${x.title ?? x.label ? ` (${x.title ?? x.label})` : ''}`;
}

/** Picks one of the manifest's extensions by index, "Type:Location", or title/label. */
export function findExtension(manifest: Manifest, which?: number | string): { extension: Extension; index: number } {
  const exts = manifest.extensions ?? [];
  if (exts.length === 0) throw new AppClientError(`${MANIFEST_FILE} has no extensions (only a Full Application has them)`);
  const list = () => `; its extensions: ${exts.map(describeExtension).join(', ')}`;
  if (which === undefined) {
    if (exts.length === 1) return { extension: exts[0]!, index: 0 };
    throw new AppClientError(`${MANIFEST_FILE} has ${exts.length} extensions: say which (--extension)${list()}`);
  }
  let index = -1;
  if (typeof which === 'number' || /^\d+$/.test(which)) index = Number(which);
  else {
    const w = which.toLowerCase().replace(/\s+/g, ' ').trim();
    index = exts.findIndex((x) => `${x.type}:${x.location}`.toLowerCase() === w || `${x.type}: ${x.location}`.toLowerCase() === w);
    if (index < 0) index = exts.findIndex((x) => (x.title ?? x.label ?? '').toLowerCase() === w);
  }
  const extension = exts[index];
  if (!extension) throw new AppClientError(`no extension "${which}"${list()}`);
  return { extension, index };
}

/** The URL Commerce7 opens (frames, or calls) for an extension: its URL on the app, with `tenantId`, the staff token
 *  in `account` (storefront locations: `appToken`), `adminUITheme`, and the record in context (e.g. `orderId`). */
export async function extensionUrl(opts: OpenOptions): Promise<OpenedExtension> {
  const tenant = opts.tenant ?? defaultTenant(opts.manifest);
  const { extension, index } = findExtension(opts.manifest, opts.extension);
  const target = extension.iframeUrl ?? extension.url;
  if (!target) throw new AppClientError(`extension ${describeExtension(extension, index)} has no URL`);
  const theme = opts.theme ?? 'light';
  if (!(ADMIN_UI_THEMES as readonly string[]).includes(theme)) throw new AppClientError(`theme "${theme}": one of ${ADMIN_UI_THEMES.join(', ')}`);
  const storefront = STOREFRONT_EXTENSION_LOCATIONS.includes(extension.location);
  let token: string;
  if (storefront) {
    // Storefront pages get an appToken; how an app verifies it is not documented, so the emulator only makes one up.
    token = randomBytes(24).toString('base64url');
  } else {
    if (!opts.emulator) throw new AppClientError('a staff token comes from the emulator (the app checks it at GET /account/user): start the emulator first');
    token = await opts.emulator.issueStaffToken(tenant, opts.user);
  }
  const context = {
    ...(opts.emulator && EXTENSION_CONTEXT[extension.location] ? await opts.emulator.extensionContext(tenant, extension.location) : {}),
    ...opts.context,
  };
  const url = new URL(resolveAppUrl(opts.manifest, target, opts.appUrl));
  url.searchParams.set(EXTENSION_QUERY.tenant, tenant);
  url.searchParams.set(storefront ? EXTENSION_QUERY.storefrontToken : EXTENSION_QUERY.staffToken, token);
  url.searchParams.set(EXTENSION_QUERY.theme, theme);
  for (const [k, v] of Object.entries(context)) url.searchParams.set(k, v);
  return { url: url.toString(), extension, index, token };
}

/** A running emulator (started by `c7-app emulate` in another process), reached through its control API. */
export async function connectEmulator(apiUrl: string, creds: { appId: string; appSecret: string }): Promise<EmulatorControl & { tenants: string[] }> {
  let origin: string;
  try {
    const u = new URL(apiUrl);
    origin = u.origin;
    if (u.pathname.replace(/\/+$/, '') !== API_PREFIX) throw new Error('path');
  } catch {
    throw new AppClientError(`"${apiUrl}" is not an emulator API URL like http://127.0.0.1:7070${API_PREFIX}`);
  }
  const auth = basicAuthHeader(creds.appId, creds.appSecret);
  const call = async (method: 'GET' | 'POST', action: string, body?: unknown): Promise<Record<string, unknown>> => {
    let res: Response;
    try {
      res = await fetch(`${origin}${CONTROL_PREFIX}${action ? `/${action}` : ''}`, {
        method, headers: { Authorization: auth, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }), signal: AbortSignal.timeout(10_000),
      });
    } catch {
      throw new AppClientError(`no emulator answers at ${apiUrl}: start \`c7-app emulate\` in another terminal, or pass --emulator-url`);
    }
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) throw new AppClientError(`the emulator at ${apiUrl} refused: ${typeof json.message === 'string' ? json.message : `HTTP ${res.status}`}`);
    return json;
  };
  const state = await call('GET', '');
  if (state.emulator !== 'c7-app') throw new AppClientError(`${apiUrl} is not a c7-app emulator`);
  return {
    url: `${origin}${API_PREFIX}`,
    tenants: Array.isArray(state.tenants) ? (state.tenants as string[]) : [],
    install: async (tenant) => { await call('POST', 'install', { tenant }); },
    uninstall: async (tenant) => { await call('POST', 'uninstall', { tenant }); },
    issueStaffToken: async (tenant, user) => String((await call('POST', 'staff-token', { tenant, user })).token),
    webhookPayload: async (tenant, object, action, o) => (await call('POST', 'webhook-payload', { tenant, object, action, ...o })).payload as Record<string, unknown>,
    extensionContext: async (tenant, location) => (await call('POST', 'extension-context', { tenant, location })).context as Record<string, string>,
  };
}

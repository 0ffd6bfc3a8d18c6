// The emulator's HTTP server (node:http, 127.0.0.1 only): Commerce7's REST API under /v1, driven by the app's
// manifest, and a small control API under /__emulator that the `c7-app emulate install|uninstall|webhook|open`
// commands use to act on the running emulator (install a tenant, issue a staff token, prepare a webhook payload).
import { cannotRead } from '../manifest/index.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ACCOUNT_USER_FIELDS, ACCOUNT_USER_PATH, ENV_VARS, EXTENSION_CONTEXT, TENANT_HEADER } from '../catalog/api.js';
import { normalizeApiPath, resolveApiCall, type PathResolution } from '../catalog/paths.js';
import { accessCovers, canonicalPermission, type Access, type PermissionName } from '../catalog/permissions.js';
import { isTenantId, TENANT_ID_HELP } from '../catalog/tenants.js';
import { loadManifest } from '../manifest/load.js';
import { MANIFEST_FILE, type Manifest } from '../manifest/types.js';
import { API_PREFIX, CONTROL_PREFIX, defaultTenants, HOST } from './config.js';
import { parseBasicAuth, safeEqual, StaffTokens } from './auth.js';
import { ApiError, validationError } from './errors.js';
import { isCursorEndpoint } from './query.js';
import { RateLimiter, type RateLimitStats } from './rate-limit.js';
import { buildWinerySeed, defaultStaffUser, loadSeedFile, parseSeed } from './seed.js';
import { routeOf, TenantStore, type Route } from './store.js';
import { callAppWebhook } from './app-client.js';
import { WEBHOOK_OBJECT_PATHS } from '../catalog/api.js';
import { canonicalWebhookObject, WEBHOOK_ACTION_OF_WRITE } from '../catalog/webhooks.js';
import { SERVED_WITHOUT_KNOWN_PERMISSION } from '../catalog/endpoints.js';
import type { EmulatorControl, EmulatorOptions, RequestLogEntry, SeedData, StaffUser, WebhookDelivery, WebhookPayloadOptions } from './types.js';
import type { Console, DeliveryRecord } from './console/index.js';

const BODY_LIMIT = 1024 * 1024;
const LOG_KEEP = 1000;
/** The console's pages (a local App Development Center, console/): loaded on the first request for one. */
const CONSOLE_PATH = /^\/(?:|install|admin|webhooks|log|__console\/.*)$/;

/** A problem with the emulator's inputs (manifest, secret, tenants, seed): the CLI turns it into a usage error. */
export class EmulatorConfigError extends Error {}

export interface Emulator extends EmulatorControl {
  /** The API base URL, e.g. "http://127.0.0.1:7070/v1": set it as C7_API_BASE_URL for the app. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly appId: string;
  readonly manifest: Manifest;
  /** The most recent requests (up to 1000), oldest first. */
  readonly requests: readonly RequestLogEntry[];
  installedTenants(): string[];
  install(tenant: string): void;
  uninstall(tenant: string): void;
  /** A staff token for extension URLs, accepted by GET /account/user with the tenant header. */
  issueStaffToken(tenant: string, user?: Partial<StaffUser>): string;
  /** The tenant's live data (created from the seed on first use). */
  tenantData(tenant: string): TenantStore;
  webhookPayload(tenant: string, object: string, action: string, opts?: WebhookPayloadOptions): Record<string, unknown>;
  extensionContext(tenant: string, location: string): Record<string, string>;
  /** Deliver the manifest's webhooks for the app's own writes to this app (null: stop delivering). */
  deliverWebhooksTo(target: WebhookDelivery | null): void;
  /** Resolves when every webhook delivery started so far has finished. */
  deliveriesSettled(): Promise<void>;
  /** Each tenant's busiest minute, requests and 429s (null with the rate limit off); also GET /__emulator/rate-limit. */
  rateLimitStats(): RateLimitStats | null;
  stop(): Promise<void>;
}

/** List path -> webhook object ("/club-membership" -> "Club Membership"). */
const OBJECT_OF_PATH = new Map(Object.entries(WEBHOOK_OBJECT_PATHS).map(([object, listPath]) => [listPath, object]));

/** One request log line: method, path, tenant, status, permission. Never the Authorization header. */
export function formatRequestLog(e: RequestLogEntry): string {
  return `${e.method} ${e.path}  tenant=${e.tenant ?? '-'}  ${e.status}  ${e.permission}  ${e.ms}ms`;
}

async function resolveManifest(input: Manifest | string): Promise<Manifest> {
  if (typeof input !== 'string') return input;
  let loaded;
  try {
    loaded = await loadManifest(input);
  } catch (err) {
    throw new EmulatorConfigError(cannotRead(input, err));
  }
  if (!loaded.valid || !loaded.manifest) {
    const first = loaded.diagnostics.filter((d) => d.severity === 'error').slice(0, 3).map((d) => `${d.line}:${d.column} ${d.pointer} ${d.message}`);
    throw new EmulatorConfigError(`${input} is invalid (run \`c7-app validate\`): ${first.join('; ')}`);
  }
  return loaded.manifest;
}

function grantedPermissions(manifest: Manifest): Map<PermissionName, Access> {
  const granted = new Map<PermissionName, Access>();
  for (const p of manifest.permissions ?? []) {
    const name = canonicalPermission(p.endpoint);
    if (!name) continue;
    const before = granted.get(name);
    granted.set(name, before === 'full' ? 'full' : p.access);
  }
  return granted;
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => (tooLarge ? reject(new ApiError(400, `the request body is larger than ${BODY_LIMIT / 1024 / 1024} MiB`)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new ApiError(400, `malformed JSON body: ${(err as Error).message}`);
  }
}

function describeNeed(method: string, path: string, permission: string, access: Access, has: Access | undefined): string {
  const change = has ? ` (it has "${permission}" ${has} access)` : '';
  return `This app needs "${permission}" ${access} access for ${method} ${path}${change}; ${has ? 'set' : 'add'} { "endpoint": "${permission}", "access": "${access}" } ${has ? 'in' : 'to'} ${MANIFEST_FILE} permissions`;
}

interface Result { status: number; body: unknown; headers?: Record<string, string> }

/** Starts the emulator on 127.0.0.1. Resolves once it listens. */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const manifest = await resolveManifest(options.manifest);
  const appId = options.appId ?? manifest.app?.id;
  if (!appId) throw new EmulatorConfigError(`no App ID: set app.id in ${MANIFEST_FILE} or pass --app-id`);
  const appSecret = options.appSecret ?? process.env[ENV_VARS.appSecret.name];
  if (!appSecret) throw new EmulatorConfigError(`no App Secret Key: set ${ENV_VARS.appSecret.name} in the environment (or pass --app-secret); the app must send it too`);
  const tenants = options.tenants ?? defaultTenants(manifest);
  for (const t of tenants) if (!isTenantId(t)) throw new EmulatorConfigError(`"${t}" is not a tenant ID. ${TENANT_ID_HELP}`);
  let seed: SeedData;
  try {
    seed = typeof options.seed === 'string' ? await loadSeedFile(options.seed) : options.seed ? parseSeed(options.seed) : buildWinerySeed();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new EmulatorConfigError(code === 'ENOENT' ? `cannot read seed file ${String(options.seed)}: no such file` : (err as Error).message);
  }

  const granted = grantedPermissions(manifest);
  const installed = new Set(tenants);
  const stores = new Map<string, TenantStore>();
  const tokens = new StaffTokens();
  const limiter = options.rateLimit === false ? undefined : new RateLimiter(options.now ?? Date.now);
  const requests: RequestLogEntry[] = [];
  let apiUrl = '';
  let delivery: WebhookDelivery | null = options.deliverWebhooks ?? null;
  const pending = new Set<Promise<void>>();
  const selfCaused: DeliveryRecord[] = [];
  let consoleApp: Promise<Console> | undefined;

  /** After the app's own write: the webhook Commerce7 would send for it, if the manifest subscribes to it. */
  const deliverSelfCaused = (tenant: string, method: string, route: Route | undefined, result: Result): void => {
    const action = WEBHOOK_ACTION_OF_WRITE[method];
    const object = route && (route.kind === 'list' || route.kind === 'item') ? OBJECT_OF_PATH.get(route.listPath) : undefined;
    if (!delivery || !action || !object || result.status >= 300) return;
    const subscribed = (manifest.webhooks ?? []).some((h) => (canonicalWebhookObject(h.object) ?? h.object) === object && h.action === action);
    if (!subscribed) return;
    const target = delivery;
    const payload = result.body && typeof result.body === 'object' && !Array.isArray(result.body) ? (result.body as Record<string, unknown>) : { id: route && 'id' in route ? route.id : undefined };
    const started = performance.now();
    const seen = (r: { status?: number; error?: string; body?: string }) => {
      selfCaused.push({ time: new Date().toISOString(), tenant, object, action, cause: 'app', ms: Math.round(performance.now() - started), ...(typeof payload.id === 'string' ? { id: payload.id } : {}), ...r });
      if (selfCaused.length > LOG_KEEP) selfCaused.splice(0, selfCaused.length - LOG_KEEP);
    };
    const done: Promise<void> = callAppWebhook({
      manifest, appUrl: target.appUrl, tenant, object, action, payload, user: appId,
      ...(target.basicAuthPassword !== undefined ? { basicAuthPassword: target.basicAuthPassword } : {}),
    })
      .then((r) => { seen({ status: r.status, body: r.body.slice(0, 2000) }); target.log?.(`webhook ${object} ${action} (caused by the app) -> HTTP ${r.status}`); })
      .catch((err: unknown) => { seen({ error: (err as Error).message }); target.log?.(`webhook ${object} ${action} (caused by the app) failed: ${(err as Error).message}`); })
      .finally(() => pending.delete(done));
    pending.add(done);
  };

  const tenantData = (tenant: string): TenantStore => {
    let s = stores.get(tenant);
    if (!s) stores.set(tenant, (s = new TenantStore(seed, appId, { duplicateEmails: options.duplicateEmails ?? 'reject' })));
    return s;
  };
  const checkTenantHeader = (tenant: string): string => {
    if (!isTenantId(tenant)) throw new ApiError(401, `Unauthorized user: "${tenant}" is not a tenant ID. ${TENANT_ID_HELP}`);
    return tenant;
  };
  const checkTenant = (tenant: unknown): string => {
    if (typeof tenant !== 'string' || !isTenantId(tenant)) throw validationError('tenant', `${JSON.stringify(tenant)} is not a tenant ID. ${TENANT_ID_HELP}`);
    return tenant;
  };

  const appAuth = (req: IncomingMessage): void => {
    const creds = parseBasicAuth(headerValue(req, 'authorization'));
    if (!creds) throw new ApiError(401, 'Unauthorized user: send Authorization: Basic base64(<App ID>:<App Secret Key>)');
    if (!safeEqual(creds.username, appId)) throw new ApiError(401, `Unauthorized user: the Basic-auth username must be the App ID "${appId}"`);
    if (!safeEqual(creds.password, appSecret)) throw new ApiError(401, `Unauthorized user: wrong App Secret Key for "${appId}" (the emulator reads ${ENV_VARS.appSecret.name})`);
  };
  const tenantOf = (req: IncomingMessage): string => {
    const tenant = headerValue(req, TENANT_HEADER);
    if (!tenant) throw new ApiError(401, `Unauthorized user: send the "${TENANT_HEADER}" header with the tenant ID`);
    return tenant;
  };
  const rateLimit = (tenant: string): void => {
    const v = limiter?.hit(tenant);
    if (v && !v.ok) throw new ApiError(429, `Too many requests: ${v.reason}; retry after ${v.retryAfterSeconds}s`, [], { 'Retry-After': String(v.retryAfterSeconds) });
  };

  const accountUser = (req: IncomingMessage, tenant: string): Result => {
    const auth = headerValue(req, 'authorization');
    if (!auth) throw new ApiError(401, `Unauthorized user: send the staff token from the extension URL, raw, in Authorization`);
    if (/^Bearer\s/i.test(auth)) throw new ApiError(401, 'Unauthorized user: send the staff token raw in Authorization, without "Bearer"');
    if (/^Basic\s/i.test(auth)) throw new ApiError(401, `Unauthorized user: ${ACCOUNT_USER_PATH} takes the staff token from the extension URL, not the app\u2019s Basic auth`);
    const issued = tokens.lookup(auth.trim());
    if (!issued) throw new ApiError(401, 'Unauthorized user: this token was not issued by Commerce7 (the emulator), or has expired');
    if (issued.tenant !== tenant) throw new ApiError(401, `Unauthorized user: this token belongs to tenant "${issued.tenant}", not "${tenant}"`);
    rateLimit(tenant);
    const user = Object.fromEntries(ACCOUNT_USER_FIELDS.map((f) => [f, issued.user[f]]));
    return { status: 200, body: user };
  };

  const checkPermission = (method: string, path: string, resolution: PathResolution): void => {
    // Seen in the wild with no known permission (/trash): served to any installed app, reads only.
    if (resolution.kind === 'unknown' && method === 'GET' && SERVED_WITHOUT_KNOWN_PERMISSION.includes(`/${path.split('/')[1] ?? ''}`)) return;
    if (resolution.kind === 'unknown') throw new ApiError(404, `${method} ${path}: ${resolution.why}; the emulator serves only paths whose permission is documented`);
    if (resolution.kind !== 'permission') return;
    const missing = resolution.needs.filter((n) => { const has = granted.get(n.permission); return !has || !accessCovers(has, n.access); });
    if (missing.length === 0) return;
    throw new ApiError(403, missing.map((n) => describeNeed(method, path, n.permission, n.access, granted.get(n.permission))).join('. '));
  };

  const api = (req: IncomingMessage, url: URL, raw: Buffer, log: { tenant?: string; permission: string }): Result => {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = normalizeApiPath(url.pathname);
    const resolution = resolveApiCall(method, path);
    log.permission = resolution.kind === 'permission' ? resolution.needs.map((n) => `${n.permission}:${n.access}`).join('+') : resolution.kind;
    const route: Route | undefined = routeOf(path);
    log.tenant = headerValue(req, TENANT_HEADER);

    if (resolution.kind === 'none' && resolution.pattern === ACCOUNT_USER_PATH) return accountUser(req, tenantOf(req));
    // Public storefront data: only the tenant header, no Basic auth (platform.md §3).
    if (resolution.kind === 'none' && route?.kind === 'setting' && route.forWeb) {
      const tenant = checkTenantHeader(tenantOf(req));
      rateLimit(tenant);
      return tenantData(tenant).handle(method, route, url.searchParams, undefined);
    }
    if (resolution.kind === 'none' && !route) throw new ApiError(404, `the emulator does not serve ${method} ${path} (${resolution.why})`);

    appAuth(req);
    const tenant = tenantOf(req);
    if (!installed.has(tenant)) {
      throw new ApiError(401, `Unauthorized user: tenant "${tenant}" has not installed "${appId}" (installed: ${[...installed].join(', ') || 'none'}); run \`c7-app emulate install\``);
    }
    const cursorList = method === 'GET' && route?.kind === 'list' && url.searchParams.has('cursor') && isCursorEndpoint(route.listPath);
    // Cursor lists are not rate limited (platform.md §4): the recommended way to sync.
    if (!cursorList) rateLimit(tenant);
    checkPermission(method, path, resolution);
    if (!route) throw new ApiError(404, `the emulator does not serve ${method} ${path}`);
    if (limiter && method === 'GET' && route.kind === 'list' && !url.searchParams.has('cursor')) {
      const page = Number(url.searchParams.get('page') ?? '1');
      const v = limiter.deepPage(tenant, route.listPath, Number.isFinite(page) ? page : 1);
      if (!v.ok) throw new ApiError(429, `Too many requests: ${v.reason}; retry after ${v.retryAfterSeconds}s`, [], { 'Retry-After': String(v.retryAfterSeconds) });
    }
    const body = method === 'POST' || method === 'PUT' ? parseJsonBody(raw) : undefined;
    const result = tenantData(tenant).handle(method, route, url.searchParams, body);
    deliverSelfCaused(tenant, method, route, result);
    return result;
  };

  const control = (req: IncomingMessage, url: URL, raw: Buffer): Result => {
    appAuth(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const action = url.pathname.slice(CONTROL_PREFIX.length).replace(/^\/+|\/+$/g, '');
    if (method === 'GET' && action === '') {
      return { status: 200, body: { emulator: 'c7-app', appId, url: apiUrl, tenants: [...installed] } };
    }
    if (method === 'GET' && action === 'rate-limit') {
      if (!limiter) throw new ApiError(404, 'the rate limit is off (--no-rate-limit): nothing is counted');
      return { status: 200, body: limiter.stats() };
    }
    if (method !== 'POST') throw new ApiError(404, `no control action ${method} ${url.pathname}`);
    const input = parseJsonBody(raw);
    const body = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
    const tenant = checkTenant(body.tenant);
    switch (action) {
      case 'install': emulator.install(tenant); return { status: 200, body: { tenants: [...installed] } };
      case 'uninstall': emulator.uninstall(tenant); return { status: 200, body: { tenants: [...installed] } };
      case 'staff-token': return { status: 200, body: { token: emulator.issueStaffToken(tenant, (body.user ?? undefined) as Partial<StaffUser> | undefined) } };
      case 'webhook-payload': {
        const opts: WebhookPayloadOptions = {};
        if (typeof body.id === 'string') opts.id = body.id;
        if (typeof body.count === 'number') opts.count = body.count;
        return { status: 200, body: { payload: emulator.webhookPayload(tenant, String(body.object), String(body.action), opts) } };
      }
      case 'extension-context': return { status: 200, body: { context: emulator.extensionContext(tenant, String(body.location)) } };
      default: throw new ApiError(404, `no control action ${action}`);
    }
  };

  const send = (res: ServerResponse, result: Result): void => {
    const text = JSON.stringify(result.body);
    res.writeHead(result.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...result.headers });
    res.end(text);
  };

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (CONSOLE_PATH.test((req.url ?? '/').split('?')[0]!)) {
      consoleApp ??= import('./console/index.js').then((m) => m.createConsole({
        emulator, manifestFile: typeof options.manifest === 'string' ? options.manifest : undefined, delivery: () => delivery, selfCaused,
      }));
      return (await consoleApp).handle(req, res);
    }
    const started = performance.now();
    const log: { tenant?: string; permission: string } = { permission: '-' };
    let result: Result;
    try {
      const url = new URL(req.url ?? '/', `http://${HOST}`);
      const raw = await readBody(req);
      if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
        log.permission = 'control';
        result = control(req, url, raw);
      } else if (url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`)) {
        result = api(req, url, raw, log);
      } else {
        throw new ApiError(404, `not found: the Commerce7 API is under ${apiUrl}`);
      }
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(500, `the emulator failed: ${(err as Error).message}`);
      result = { status: e.statusCode, body: e.toEnvelope(), headers: e.headers };
    }
    try {
      send(res, result);
    } catch {
      res.destroy();
    }
    const entry: RequestLogEntry = {
      time: new Date().toISOString(), method: req.method ?? '?', path: req.url ?? '/', tenant: log.tenant,
      status: result.status, permission: log.permission, ms: Math.round(performance.now() - started),
    };
    requests.push(entry);
    if (requests.length > LOG_KEEP) requests.splice(0, requests.length - LOG_KEEP);
    options.log?.(entry);
  };

  const server: Server = createServer((req, res) => {
    onRequest(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${HOST}:${port}`;
  apiUrl = `${origin}${API_PREFIX}`;
  let stopping: Promise<void> | undefined;

  const emulator: Emulator = {
    url: apiUrl, origin, port, appId, manifest, requests,
    installedTenants: () => [...installed],
    install: (tenant) => { installed.add(checkTenant(tenant)); },
    uninstall: (tenant) => { installed.delete(tenant); },
    issueStaffToken: (tenant, user) => tokens.issue(checkTenant(tenant), { ...defaultStaffUser(tenant), ...user }),
    tenantData: (tenant) => tenantData(checkTenant(tenant)),
    webhookPayload: (tenant, object, action, opts) => {
      // Commerce7 delivers webhooks only to tenants that have the app installed.
      if (!installed.has(checkTenant(tenant))) throw validationError('tenant', `"${tenant}" has not installed "${appId}", so Commerce7 sends it no webhooks; install it first`);
      return tenantData(tenant).webhookPayload(object, action, apiUrl, opts);
    },
    extensionContext: (tenant, location) => {
      const ctx = EXTENSION_CONTEXT[location];
      if (!ctx) return {};
      const first = tenantData(checkTenant(tenant)).rows(ctx.path)[0];
      return first ? { [ctx.param]: first.id } : {};
    },
    deliverWebhooksTo: (target) => { delivery = target; },
    deliveriesSettled: async () => { await Promise.all([...pending]); },
    rateLimitStats: () => limiter?.stats() ?? null,
    stop: () => {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(async () => { await (await consoleApp?.catch(() => undefined))?.close(); });
      return stopping;
    },
  };
  return emulator;
}

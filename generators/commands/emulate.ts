// `c7-app emulate`: a local Commerce7 (the REST API under /v1, driven by c7-app.json), and the commands that act as
// Commerce7 toward a running app (install, uninstall, webhook, open). Loads no Yeoman.
import { writeFileAtomic } from '../lib/atomic-write.js';
import { cannotRead } from '../lib/manifest/index.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { API_BASE_URL, ENV_VARS, RATE_LIMIT_PER_MINUTE } from '../lib/catalog/api.js';
import { ADMIN_UI_THEMES } from '../lib/catalog/extensions.js';
import { isTenantId, TENANT_ID_HELP } from '../lib/catalog/tenants.js';
import {
  AppClientError, buildWinerySeed, callAppInstall, callAppUninstall, callAppWebhook, clientSettingValues, connectEmulator,
  DEFAULT_API_URL, DEFAULT_PORT, defaultTenant, EmulatorConfigError, extensionUrl, formatRequestLog, recordTenant, RecordError, redactSeed, startEmulator,
  type AppCallResult, type EmulatorControl,
} from '../lib/emulator/index.js';
import { loadManifest } from '../lib/manifest/load.js';
import type { Manifest } from '../lib/manifest/types.js';
import { DEV_PLACEHOLDERS, readDevSession } from '../lib/dev-session.js';
import { EXIT, UserError } from './errors.js';
import { formatDiagnostic } from '../lib/manifest/diagnostics.js';
import { resolveManifestPath } from './validate.js';

interface Io { out: NodeJS.WritableStream; err: NodeJS.WritableStream }
const stdio: Io = { out: process.stdout, err: process.stderr };

export interface ManifestOption { manifest?: string; cwd?: string }

/** Loads and validates the manifest; an invalid one prints its diagnostics and ends the command with exit 1. */
async function manifestFrom(opts: ManifestOption, io: Io): Promise<{ manifest: Manifest; file: string } | number> {
  const cwd = opts.cwd ?? process.cwd();
  const file = resolveManifestPath(opts.manifest, cwd);
  let loaded;
  try {
    loaded = await loadManifest(file);
  } catch (err) {
    throw new UserError(cannotRead(file, err));
  }
  if (!loaded.valid || !loaded.manifest) {
    const shown = path.relative(cwd, file) || file;
    for (const d of loaded.diagnostics.filter((x) => x.severity === 'error')) io.err.write(formatDiagnostic(shown, d) + '\n');
    io.err.write(`c7-app: ${shown} is invalid: fix it first (c7-app validate)\n`);
    return EXIT.invalid;
  }
  return { manifest: loaded.manifest, file };
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new UserError(`--port ${value}: a port number 0-65535 (0 picks a free one)`);
  return Number(value);
}

function parseTenants(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const tenants = value.split(',').map((t) => t.trim()).filter(Boolean);
  if (tenants.length === 0) throw new UserError('--tenants: a comma-separated list of tenant IDs');
  for (const t of tenants) if (!isTenantId(t)) throw new UserError(`--tenants: "${t}" is not a tenant ID. ${TENANT_ID_HELP}`);
  return tenants;
}

function pairs(values: string[] | undefined, flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values ?? []) {
    const i = v.indexOf('=');
    if (i <= 0) throw new UserError(`${flag} ${v}: write key=value`);
    out[v.slice(0, i)] = v.slice(i + 1);
  }
  return out;
}

/** Wraps library errors the user can fix as usage errors (exit 2). */
async function userErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppClientError || err instanceof EmulatorConfigError) throw new UserError(err.message);
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UserError(`the port is in use: pass another --port, or --port 0 for a free one`);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// serve

export interface ServeOptions extends ManifestOption {
  port?: string;
  appId?: string;
  appSecret?: string;
  tenants?: string;
  seed?: string;
  rateLimit?: boolean;
  quiet?: boolean;
  /** Deliver the manifest's webhooks for the app's own writes to the app running here. */
  appUrl?: string;
  /** reject (default) or allow a customer whose email another customer has. */
  duplicateEmails?: string;
  /** Stops the emulator (besides SIGINT/SIGTERM); for in-process use. */
  signal?: AbortSignal;
}

/** Runs the emulator in the foreground until SIGINT/SIGTERM (or `signal`). */
export async function runEmulateServe(opts: ServeOptions, io: Io = stdio): Promise<number> {
  const m = await manifestFrom(opts, io);
  if (typeof m === 'number') return m;
  const cwd = opts.cwd ?? process.cwd();
  const tenants = parseTenants(opts.tenants);
  if (opts.duplicateEmails !== undefined && !['reject', 'allow'].includes(opts.duplicateEmails)) throw new UserError(`--duplicate-emails ${opts.duplicateEmails}: reject or allow`);
  const emulator = await userErrors(() => startEmulator({
    ...(opts.duplicateEmails ? { duplicateEmails: opts.duplicateEmails as 'reject' | 'allow' } : {}),
    manifest: m.manifest,
    ...(opts.appId ? { appId: opts.appId } : {}),
    ...(opts.appSecret ? { appSecret: opts.appSecret } : {}),
    ...(tenants ? { tenants } : {}),
    ...(opts.seed ? { seed: path.resolve(cwd, opts.seed) } : {}),
    port: parsePort(opts.port),
    rateLimit: opts.rateLimit !== false,
    ...(opts.quiet ? {} : { log: (e) => io.err.write(formatRequestLog(e) + '\n') }),
    ...(opts.appUrl ? { deliverWebhooks: { appUrl: opts.appUrl, log: (line: string) => { if (!opts.quiet) io.err.write(`${line}\n`); } } } : {}),
  }));
  const perms = m.manifest.permissions.map((p) => `${p.endpoint} ${p.access}`).join(', ') || 'none';
  io.out.write(`Commerce7 emulator listening at ${emulator.url}\n`);
  io.out.write(`  app          ${emulator.appId} (Basic auth: the App ID and ${opts.appSecret ? '--app-secret' : ENV_VARS.appSecret.name})\n`);
  io.out.write(`  installed    ${emulator.installedTenants().join(', ')}\n`);
  io.out.write(`  permissions  ${perms}\n`);
  io.out.write(`  data         ${opts.seed ? opts.seed : 'the bundled winery (c7-app emulate seed prints it)'}\n`);
  io.out.write(`  rate limit   ${opts.rateLimit === false ? 'off' : `${RATE_LIMIT_PER_MINUTE} requests a minute per tenant (cursor lists exempt)`}\n`);
  io.out.write(`  webhooks     ${opts.appUrl ? `the app's own writes are delivered to ${opts.appUrl} (user = the App ID)` : 'delivered by c7-app emulate webhook (--app-url also delivers those of the app\u2019s own writes)'}\n`);
  io.out.write(`  console      ${emulator.url.replace(/\/v1$/, '/')} (listing, install, admin, webhooks, API log)\n`);
  io.out.write(`Point the app at it: ${ENV_VARS.apiBaseUrl.name}=${emulator.url}   Ctrl-C stops it.\n`);

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      opts.signal?.removeEventListener('abort', stop);
      void emulator.stop().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (opts.signal?.aborted) stop();
    else opts.signal?.addEventListener('abort', stop, { once: true });
  });
  io.out.write('Commerce7 emulator stopped\n');
  return EXIT.ok;
}

// ---------------------------------------------------------------------------------------------------------------
// Acting as Commerce7 toward the app

export interface AppFacingOptions extends ManifestOption {
  appUrl?: string;
  tenant?: string;
  emulatorUrl?: string;
  appId?: string;
  appSecret?: string;
}

/** The running emulator's API URL: --emulator-url, else C7_API_BASE_URL when it points at this machine, else the default. */
export function emulatorUrlFrom(opts: AppFacingOptions): string {
  if (opts.emulatorUrl) return opts.emulatorUrl;
  const env = process.env[ENV_VARS.apiBaseUrl.name];
  if (env && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(env)) return env;
  return DEFAULT_API_URL;
}

async function appContext(opts: AppFacingOptions, io: Io): Promise<{ manifest: Manifest; tenant: string; emulator: EmulatorControl } | number> {
  const m = await manifestFrom(opts, io);
  if (typeof m === 'number') return m;
  // A running `npm run dev` of this project says where the app and the emulator are.
  const session = readDevSession(path.dirname(m.file));
  if (session) {
    opts.appUrl ??= session.appUrl;
    opts.emulatorUrl ??= session.emulatorUrl;
    // That run used a development placeholder for a secret .env lacks: use the same one to talk to it.
    for (const key of session.placeholders ?? []) process.env[ENV_VARS[key].name] ??= DEV_PLACEHOLDERS[key];
  }
  const tenant = opts.tenant ?? defaultTenant(m.manifest);
  if (!isTenantId(tenant)) throw new UserError(`--tenant "${tenant}" is not a tenant ID. ${TENANT_ID_HELP}`);
  if (opts.appUrl !== undefined && !/^https?:\/\/[^/]+/.test(opts.appUrl)) throw new UserError(`--app-url ${opts.appUrl}: an http(s) URL such as http://127.0.0.1:3000`);
  const appId = opts.appId ?? m.manifest.app.id;
  const appSecret = opts.appSecret ?? process.env[ENV_VARS.appSecret.name];
  if (!appSecret) throw new UserError(`set ${ENV_VARS.appSecret.name} (or pass --app-secret): the running emulator only answers the app`);
  const emulator = await userErrors(() => connectEmulator(emulatorUrlFrom(opts), { appId, appSecret }));
  return { manifest: m.manifest, tenant, emulator };
}

function report(result: AppCallResult, io: Io): number {
  io.out.write(`POST ${result.url} -> ${result.status}\n`);
  if (result.body) io.out.write(`${result.body.length > 2000 ? `${result.body.slice(0, 2000)}…` : result.body}\n`);
  if (!result.ok) io.err.write(`c7-app: the app answered ${result.status}; Commerce7 expects a 2xx\n`);
  return result.ok ? EXIT.ok : EXIT.invalid;
}

export interface InstallCommandOptions extends AppFacingOptions { setting?: string[]; anyTenant?: boolean }

export async function runEmulateInstall(opts: InstallCommandOptions, io: Io = stdio): Promise<number> {
  const ctx = await appContext(opts, io);
  if (typeof ctx === 'number') return ctx;
  return userErrors(async () => {
    const settings = clientSettingValues(ctx.manifest, pairs(opts.setting, '--setting'));
    const result = await callAppInstall({
      manifest: ctx.manifest, tenant: ctx.tenant, emulator: ctx.emulator, settings, checkVisibility: opts.anyTenant !== true, ...(opts.appUrl ? { appUrl: opts.appUrl } : {}),
    });
    if (!result) {
      io.out.write(`${ctx.tenant} installed ${ctx.manifest.app.id} in the emulator (c7-app.json has no installation.installUrl: nothing to call)\n`);
      return EXIT.ok;
    }
    io.out.write(`install body: ${JSON.stringify(result.sent)}\n`);
    const code = report(result, io);
    io.out.write(result.ok ? `${ctx.tenant} installed ${ctx.manifest.app.id}: the app may call the emulator for this tenant\n` : `install rolled back: ${ctx.tenant} has not installed ${ctx.manifest.app.id}\n`);
    return code;
  });
}

export async function runEmulateUninstall(opts: AppFacingOptions, io: Io = stdio): Promise<number> {
  const ctx = await appContext(opts, io);
  if (typeof ctx === 'number') return ctx;
  return userErrors(async () => {
    const result = await callAppUninstall({ manifest: ctx.manifest, tenant: ctx.tenant, emulator: ctx.emulator, ...(opts.appUrl ? { appUrl: opts.appUrl } : {}) });
    io.out.write(`${ctx.tenant} uninstalled ${ctx.manifest.app.id}: its API calls for this tenant now get 401\n`);
    return result ? report(result, io) : EXIT.ok;
  });
}

export interface WebhookCommandOptions extends AppFacingOptions {
  object?: string;
  action?: string;
  id?: string;
  count?: string;
  payload?: string;
  user?: string;
}

export async function runEmulateWebhook(opts: WebhookCommandOptions, io: Io = stdio): Promise<number> {
  if (!opts.object || !opts.action) throw new UserError('say which webhook: --object Order --action Create (as in c7-app.json)');
  if (opts.count !== undefined && !/^\d+$/.test(opts.count)) throw new UserError(`--count ${opts.count}: a whole number`);
  const ctx = await appContext(opts, io);
  if (typeof ctx === 'number') return ctx;
  let payload: Record<string, unknown> | undefined;
  if (opts.payload) {
    try {
      payload = JSON.parse(await readFile(path.resolve(opts.cwd ?? process.cwd(), opts.payload), 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new UserError(`--payload ${opts.payload}: ${(err as Error).message}`);
    }
  }
  return userErrors(async () => {
    const result = await callAppWebhook({
      manifest: ctx.manifest, tenant: ctx.tenant, emulator: ctx.emulator, object: opts.object!, action: opts.action!,
      ...(opts.appUrl ? { appUrl: opts.appUrl } : {}), ...(opts.id ? { id: opts.id } : {}),
      ...(opts.count ? { count: Number(opts.count) } : {}), ...(payload ? { payload } : {}), ...(opts.user ? { user: opts.user } : {}),
    });
    const sent = result.sent as { payload?: { callbackUrl?: unknown; id?: unknown } };
    io.out.write(`delivered ${opts.object} ${opts.action} for ${ctx.tenant}${typeof sent.payload?.callbackUrl === 'string' ? ` (callbackUrl ${sent.payload.callbackUrl})` : typeof sent.payload?.id === 'string' ? ` (id ${sent.payload.id})` : ''}\n`);
    return report(result, io);
  });
}

export interface OpenCommandOptions extends AppFacingOptions { extension?: string; theme?: string; context?: string[] }

export async function runEmulateOpen(opts: OpenCommandOptions, io: Io = stdio): Promise<number> {
  if (opts.theme !== undefined && !(ADMIN_UI_THEMES as readonly string[]).includes(opts.theme)) throw new UserError(`--theme ${opts.theme}: one of ${ADMIN_UI_THEMES.join(', ')}`);
  const ctx = await appContext(opts, io);
  if (typeof ctx === 'number') return ctx;
  return userErrors(async () => {
    const opened = await extensionUrl({
      manifest: ctx.manifest, tenant: ctx.tenant, emulator: ctx.emulator, context: pairs(opts.context, '--context'),
      ...(opts.extension !== undefined ? { extension: opts.extension } : {}),
      ...(opts.theme ? { theme: opts.theme as (typeof ADMIN_UI_THEMES)[number] } : {}),
      ...(opts.appUrl ? { appUrl: opts.appUrl } : {}),
    });
    io.err.write(`${opened.extension.type} at ${opened.extension.location}: open this URL (the token is valid at ${ctx.emulator.url}/account/user until the emulator stops)\n`);
    io.out.write(`${opened.url}\n`);
    return EXIT.ok;
  });
}

export interface RecordCommandOptions extends ManifestOption {
  tenant?: string;
  out?: string;
  limit?: string;
  baseUrl?: string;
  only?: string;
  appId?: string;
}

/** `c7-app emulate record`: a redacted seed file from a sandbox tenant (GET only; the secret from the environment). */
export async function runEmulateRecord(opts: RecordCommandOptions, io: Io = stdio): Promise<number> {
  if (!opts.tenant) throw new UserError('say which tenant to record: --tenant <id> (a sandbox tenant that has installed the app)');
  if (!isTenantId(opts.tenant)) throw new UserError(`--tenant "${opts.tenant}" is not a tenant ID. ${TENANT_ID_HELP}`);
  if (opts.limit !== undefined && (!/^\d+$/.test(opts.limit) || Number(opts.limit) < 1)) throw new UserError(`--limit ${opts.limit}: a whole number of rows per list, at least 1`);
  if (opts.baseUrl !== undefined && !/^https?:\/\/[^/]+/.test(opts.baseUrl)) throw new UserError(`--base-url ${opts.baseUrl}: an http(s) URL such as ${API_BASE_URL}`);
  const m = await manifestFrom(opts, io);
  if (typeof m === 'number') return m;
  const appSecret = process.env[ENV_VARS.appSecret.name];
  if (!appSecret) throw new UserError(`set ${ENV_VARS.appSecret.name} in the environment: record signs in as the app (App ID + App Secret Key), never with a flag`);
  const only = opts.only?.split(',').map((p) => `/${p.trim().replace(/^\/+/, '')}`).filter((p) => p !== '/');
  let result;
  try {
    result = await recordTenant({
      manifest: m.manifest, tenant: opts.tenant, appId: opts.appId ?? m.manifest.app.id, appSecret,
      ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}), ...(opts.limit ? { limit: Number(opts.limit) } : {}), ...(only ? { only } : {}),
      log: (line) => io.err.write(`${line}\n`),
    });
  } catch (err) {
    if (err instanceof RecordError) throw new UserError(err.message);
    throw err;
  }
  const seed = redactSeed(result.seed);
  const file = path.resolve(opts.cwd ?? process.cwd(), opts.out ?? 'seed.json');
  const text = JSON.stringify({ $comment: `Recorded from tenant ${opts.tenant} by c7-app emulate record; personal data replaced by fakes, ids kept`, ...seed }, null, 2) + '\n';
  try {
    await writeFileAtomic(file, text);
  } catch (err) {
    throw new UserError(`cannot write ${file}: ${(err as Error).message}`);
  }
  for (const l of result.lists) io.out.write(`  ${l.listPath.padEnd(24)} ${l.skipped ? `skipped (${l.skipped})` : l.count}\n`);
  io.out.write(`wrote ${file} (${result.requests} GET requests, personal data redacted): c7-app emulate --seed ${path.relative(opts.cwd ?? process.cwd(), file) || file}\n`);
  return EXIT.ok;
}

export async function runEmulateSeed(opts: { out?: string; cwd?: string }, io: Io = stdio): Promise<number> {
  const text = JSON.stringify(buildWinerySeed(), null, 2) + '\n';
  if (!opts.out) {
    io.out.write(text);
    return EXIT.ok;
  }
  const file = path.resolve(opts.cwd ?? process.cwd(), opts.out);
  try {
    await writeFileAtomic(file, text);
  } catch (err) {
    throw new UserError(`cannot write ${file}: ${(err as Error).message}`);
  }
  io.out.write(`wrote ${file}: edit it, then c7-app emulate --seed ${opts.out}\n`);
  return EXIT.ok;
}

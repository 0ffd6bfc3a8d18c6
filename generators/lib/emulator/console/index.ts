// The emulator's console: a local App Development Center served at the emulator's root (listing preview, install,
// admin shell, webhooks, API log). Loaded by server.ts on the first request for it, so neither the emulator's
// start-up nor `c7-app validate` loads any of this. Server-rendered pages, one small script, JSON actions under
// /__console/api; everything on 127.0.0.1 and nothing from outside (its CSP says so to the browser too).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WEBHOOK_OBJECT_PATHS, STOREFRONT_EXTENSION_LOCATIONS, ACCOUNT_USER_PATH } from '../../catalog/api.js';
import { CARD_VARIANTS, CONTEXT_MENU_ACTION_RESULT_TYPES, EXTENSION_QUERY } from '../../catalog/extensions.js';
import { canonicalWebhookObject } from '../../catalog/webhooks.js';
import { AppClientError, callAppInstall, callAppUninstall, callAppWebhook, extensionUrl } from '../app-client.js';
import { API_PREFIX } from '../config.js';
import type { Manifest } from '../../manifest/types.js';
import type { RequestLogEntry, WebhookDelivery } from '../types.js';
import type { Emulator } from '../server.js';
import { CSS } from './html.js';
import { CLIENT_JS } from './client.js';
import { adminOrigin, storefrontOrigin } from './framing.js';
import { checkSettings, explainLog, IMAGE_TYPES, listingImage, type LogLine } from './model.js';
import { adminPage, installPage, listingPage, logPage, notFoundPage, webhooksPage, type PageInput } from './pages.js';
import { startFrameProxy, type FrameProxy } from './proxy.js';

/** One webhook delivery of the history: sent from the console, or by the emulator for the app's own write. */
export interface DeliveryRecord {
  time: string; tenant: string; object: string; action: string;
  cause: 'console' | 'app';
  status?: number; error?: string; ms: number; body?: string; id?: string;
}

export interface ConsoleDeps {
  emulator: Emulator;
  /** The manifest's file (for the listing images and the checklist's file checks); undefined when given as data. */
  manifestFile: string | undefined;
  /** Where the app runs (npm run dev / --app-url tell the emulator), with the Basic-auth password it checks. */
  delivery: () => WebhookDelivery | null;
  /** The deliveries the emulator made for the app's own writes. */
  selfCaused: readonly DeliveryRecord[];
}

export interface Console {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  close(): Promise<void>;
}

/** The paths the console answers (everything else stays the emulator's). */
export const CONSOLE_PAGES = ['/', '/install', '/admin', '/webhooks', '/log'] as const;

class HttpError extends Error { constructor(readonly status: number, message: string, readonly extra: Record<string, unknown> = {}) { super(message); } }

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => { size += c.length; if (size <= 1024 * 1024) chunks.push(c); });
    req.on('end', () => {
      if (size > 1024 * 1024) return reject(new HttpError(413, 'the body is larger than 1 MiB'));
      try { const v: unknown = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}; resolve(v && typeof v === 'object' ? v as Record<string, unknown> : {}); } catch { reject(new HttpError(400, 'malformed JSON')); }
    });
    req.on('error', reject);
  });
}

const PAGE_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'",
  'frame-src http://127.0.0.1:*', "form-action 'self'", "base-uri 'none'", "object-src 'none'", "frame-ancestors 'none'",
].join('; ');

function recordLabel(row: Record<string, unknown>): string {
  const pick = (k: string) => (typeof row[k] === 'string' || typeof row[k] === 'number' ? String(row[k]) : '');
  const name = [pick('firstName'), pick('lastName')].filter(Boolean).join(' ');
  const label = pick('orderNumber') ? `Order #${pick('orderNumber')}` : pick('reservationNumber') ? `Reservation #${pick('reservationNumber')}` : pick('title') || pick('name') || name || pick('email') || pick('code');
  return label ? `${label} (${String(row.id)})` : String(row.id);
}

export function createConsole(deps: ConsoleDeps): Console {
  const { emulator } = deps;
  const manifest: Manifest = emulator.manifest;
  const root = deps.manifestFile ? path.dirname(path.resolve(deps.manifestFile)) : undefined;
  const consoleDeliveries: DeliveryRecord[] = [];
  const seq = new WeakMap<RequestLogEntry, number>();
  let next = 0;
  let proxy: Promise<FrameProxy> | undefined;
  const tenants = () => [...new Set([...(manifest.app.testTenants ?? []), ...(manifest.app.allowedTenants ?? []), ...emulator.installedTenants(), 'demo-winery'])];
  const input = (): PageInput => ({ manifest, root, tenants: tenants() });

  const target = () => {
    const d = deps.delivery();
    if (!d) throw new HttpError(409, 'the emulator does not know where the app runs: start it with `npm run dev`, or `c7-app emulate serve --app-url http://127.0.0.1:<port>`');
    return { appUrl: d.appUrl, ...(d.basicAuthPassword !== undefined ? { basicAuthPassword: d.basicAuthPassword } : {}) };
  };
  const frameProxy = async (appUrl: string): Promise<FrameProxy> => {
    const current = proxy ? await proxy : undefined;
    if (current && current.target === appUrl) return current;
    await current?.close();
    proxy = startFrameProxy(appUrl, emulator.origin);
    return proxy;
  };
  const tenantOf = (v: unknown): string => {
    if (typeof v !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(v)) throw new HttpError(422, 'a tenant ID: lowercase letters, digits and dashes');
    return v;
  };
  const appErrors = async <T>(fn: () => Promise<T>): Promise<T> => {
    try { return await fn(); } catch (err) {
      if (err instanceof AppClientError) throw new HttpError(409, err.message);
      throw err;
    }
  };

  const logLines = (after: number): LogLine[] => {
    const entries = emulator.requests;
    const out: LogLine[] = [];
    entries.forEach((e, i) => {
      if (!e.path.startsWith(`${API_PREFIX}/`) && e.path !== API_PREFIX) return;
      let n = seq.get(e);
      if (n === undefined) seq.set(e, (n = ++next));
      if (n > after) out.push(explainLog(manifest, entries, i, n));
    });
    return out;
  };

  const api = async (req: IncomingMessage, url: URL): Promise<unknown> => {
    const action = url.pathname.slice('/__console/api/'.length);
    const q = url.searchParams;
    if (req.method === 'GET') {
      switch (action) {
        case 'state': return { installed: emulator.installedTenants(), appUrl: deps.delivery()?.appUrl ?? null, apiUrl: emulator.url, tenants: tenants() };
        case 'log': return { lines: logLines(Number(q.get('after') ?? 0)) };
        case 'deliveries': return { deliveries: [...deps.selfCaused, ...consoleDeliveries].sort((a, b) => a.time.localeCompare(b.time)) };
        case 'records': {
          const object = canonicalWebhookObject(q.get('object') ?? '') ?? q.get('object') ?? '';
          const listPath = WEBHOOK_OBJECT_PATHS[object];
          if (!listPath) return { records: [] };
          return { records: emulator.tenantData(tenantOf(q.get('tenant'))).rows(listPath).slice(0, 50).map((r) => ({ id: r.id, label: recordLabel(r) })) };
        }
        case 'payload': {
          const tenant = tenantOf(q.get('tenant'));
          try {
            return { payload: emulator.webhookPayload(tenant, q.get('object') ?? '', q.get('action') ?? '', q.get('id') ? { id: q.get('id')! } : {}) };
          } catch (err) { throw new HttpError(409, (err as { message?: string }).message ?? String(err)); }
        }
        case 'frame-report': {
          const p = proxy ? await proxy : undefined;
          const since = q.get('since') ?? '';
          const checks = emulator.requests.filter((e) => e.path.startsWith(`${API_PREFIX}${ACCOUNT_USER_PATH}`) && e.time >= since);
          return { report: p?.report(q.get('token') ?? '') ?? null, tokenCheck: checks.length ? { status: checks.at(-1)!.status, count: checks.length } : null };
        }
        default: throw new HttpError(404, `no console action GET ${action}`);
      }
    }
    const body = await readJson(req);
    switch (action) {
      case 'install': {
        const tenant = tenantOf(body.tenant);
        const { values, problems } = checkSettings(manifest, (body.settings ?? {}) as Record<string, unknown>);
        if (problems.length) throw new HttpError(422, `the install form is not complete: ${problems.join('; ')}`, { problems });
        const t = target();
        const started = performance.now();
        const result = await appErrors(() => callAppInstall({ manifest, emulator, tenant, settings: values, checkVisibility: true, ...t }));
        return { result: result ?? null, ms: Math.round(performance.now() - started), installed: emulator.installedTenants() };
      }
      case 'uninstall': {
        const tenant = tenantOf(body.tenant);
        const t = target();
        const started = performance.now();
        const result = await appErrors(() => callAppUninstall({ manifest, emulator, tenant, ...t }));
        return { result: result ?? null, ms: Math.round(performance.now() - started), installed: emulator.installedTenants() };
      }
      case 'webhook': {
        const tenant = tenantOf(body.tenant);
        const [object, hookAction] = [String(body.object ?? ''), String(body.action ?? '')];
        const payload = body.payload && typeof body.payload === 'object' && !Array.isArray(body.payload) ? body.payload as Record<string, unknown> : undefined;
        if (!payload) throw new HttpError(422, 'the payload must be a JSON object');
        const t = target();
        const started = performance.now();
        const record: DeliveryRecord = { time: new Date().toISOString(), tenant, object, action: hookAction, cause: 'console', ms: 0, ...(typeof payload.id === 'string' ? { id: payload.id } : {}) };
        try {
          const result = await appErrors(() => callAppWebhook({ manifest, tenant, object, action: hookAction, payload, ...t }));
          Object.assign(record, { status: result.status, body: result.body.slice(0, 2000), ms: Math.round(performance.now() - started) });
          consoleDeliveries.push(record);
          return { result, ms: record.ms };
        } catch (err) {
          Object.assign(record, { error: (err as Error).message, ms: Math.round(performance.now() - started) });
          consoleDeliveries.push(record);
          throw err;
        }
      }
      case 'open': {
        const tenant = tenantOf(body.tenant);
        const index = Number(body.index);
        const ext = manifest.extensions?.[index];
        if (!ext) throw new HttpError(404, `no extension ${index}`);
        const theme = body.theme === 'dark' ? 'dark' : 'light';
        const t = target();
        const since = new Date().toISOString();
        const opened = await appErrors(() => extensionUrl({ manifest, emulator, tenant, extension: index, theme, appUrl: t.appUrl }));
        const storefront = STOREFRONT_EXTENSION_LOCATIONS.includes(ext.location);
        const kind = ext.type === 'Card' ? 'card' : ext.type === 'Context Menu' && ext.format === 'Action' ? 'action' : ext.type === 'Context Menu' && ext.format === 'Link' ? 'link' : 'frame';
        if (kind === 'frame') {
          const p = await frameProxy(t.appUrl);
          const framed = new URL(opened.url);
          const ancestor = storefront ? storefrontOrigin(tenant) : adminOrigin(tenant);
          p.expect(opened.token, ancestor);
          return { kind, url: opened.url, frameUrl: `${p.origin}${framed.pathname}${framed.search}`, token: opened.token, since, ancestor, storefront, theme, param: storefront ? EXTENSION_QUERY.storefrontToken : EXTENSION_QUERY.staffToken };
        }
        if (kind === 'link') return { kind, url: opened.url, since };
        // Action and Card: Commerce7 GETs the URL and acts on the JSON.
        const started = performance.now();
        let status = 0; let text = '';
        try {
          const res = await fetch(opened.url, { headers: { Accept: 'application/json', 'User-Agent': 'c7-app-emulator' }, signal: AbortSignal.timeout(10_000) });
          status = res.status; text = await res.text();
        } catch (err) {
          const cause = (err as { cause?: { code?: string } }).cause;
          throw new HttpError(502, `cannot reach the app at ${opened.url}: ${cause?.code ?? (err as Error).message}`);
        }
        let json: unknown; try { json = JSON.parse(text); } catch { json = undefined; }
        const problems: string[] = [];
        const o = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
        if (json === undefined) problems.push('the answer is not JSON, so Commerce7 cannot act on it');
        else if (kind === 'action') {
          if (!(CONTEXT_MENU_ACTION_RESULT_TYPES as readonly unknown[]).includes(o.type)) problems.push(`"type" must be one of ${CONTEXT_MENU_ACTION_RESULT_TYPES.join(', ')}`);
          if (typeof o.message !== 'string') problems.push('"message" must be a string (Commerce7 shows it)');
        } else {
          if (typeof o.title !== 'string') problems.push('"title" must be a string');
          if (!(o.variant === null || o.variant === undefined || (CARD_VARIANTS as readonly unknown[]).includes(o.variant))) problems.push(`"variant" must be null, ${CARD_VARIANTS.join(' or ')}`);
        }
        const checks = emulator.requests.filter((e) => e.path.startsWith(`${API_PREFIX}${ACCOUNT_USER_PATH}`) && e.time >= since);
        return { kind, url: opened.url, status, body: text.slice(0, 4000), json: json ?? null, problems, ms: Math.round(performance.now() - started), tokenCheck: checks.length ? { status: checks.at(-1)!.status } : null };
      }
      default: throw new HttpError(404, `no console action POST ${action}`);
    }
  };

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', ...extra });
    res.end(body);
  };

  return {
    async handle(req, res) {
      const url = new URL(req.url ?? '/', emulator.origin);
      // Only this machine's browser, by this address (a page elsewhere cannot rebind a name to it, nor post here).
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${emulator.port}` && host !== `localhost:${emulator.port}`) return send(res, 421, 'text/plain; charset=utf-8', `open the console at ${emulator.origin}/`);
      try {
        if (url.pathname.startsWith('/__console/api/')) {
          if (req.method !== 'GET') {
            const origin = req.headers.origin;
            if (req.headers['x-c7-console'] !== '1' || (origin && origin !== `http://${host}`)) throw new HttpError(403, 'console actions come from the console page');
          }
          const out = await api(req, url);
          return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(out));
        }
        if (url.pathname === '/__console/console.css') return send(res, 200, 'text/css; charset=utf-8', CSS);
        if (url.pathname === '/__console/console.js') return send(res, 200, 'text/javascript; charset=utf-8', CLIENT_JS);
        if (url.pathname.startsWith('/__console/file/')) {
          const file = listingImage(manifest, root, url.pathname.slice('/__console/file/'.length));
          const type = file ? IMAGE_TYPES[path.extname(file).toLowerCase()] : undefined;
          if (!file || !type) return send(res, 404, 'text/plain; charset=utf-8', 'no such listing image');
          return send(res, 200, type, await readFile(file));
        }
        const page = { '/': listingPage, '/install': installPage, '/webhooks': webhooksPage, '/log': logPage, '/admin': adminPage }[url.pathname];
        const html = !page ? notFoundPage(input(), `There is no console page ${url.pathname}.`)
          : page === adminPage && manifest.app.type !== 'full-application' ? notFoundPage(input(), `Extensions are for Full Applications; ${manifest.app.title} is ${manifest.app.type === 'private' ? 'a Private app' : 'an Integration'}, so Commerce7's admin shows no screen of its own.`)
          : page(input());
        return send(res, page && html.includes('data-page="none"') === false ? 200 : 404, 'text/html; charset=utf-8', html, { 'Content-Security-Policy': PAGE_CSP });
      } catch (err) {
        const e = err instanceof HttpError ? err : new HttpError(500, `the console failed: ${(err as Error).message}`);
        return send(res, e.status, 'application/json; charset=utf-8', JSON.stringify({ error: e.message, ...e.extra }));
      }
    },
    async close() {
      const p = proxy ? await proxy.catch(() => undefined) : undefined;
      await p?.close();
    },
  };
}

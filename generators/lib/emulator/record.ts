// `c7-app emulate record`: reads a sandbox tenant's objects from Commerce7 (read-only: GET only) with the app's own
// credentials, within the manifest's permissions, and writes a seed file whose personal data is replaced by
// consistent fakes (ids are kept, so references between objects still hold). The emulator then serves the shapes of
// the developer's own data, including fields nobody documented.
import { API_BASE_URL, CURSOR_START, PAGE_LIMIT_MAX, RATE_LIMIT_PER_MINUTE, RATE_LIMIT_WINDOW_MS, TENANT_HEADER } from '../catalog/api.js';
import { objectDef, OBJECTS } from '../catalog/objects.js';
import { resolveApiCall, TAG_OBJECT_TYPES } from '../catalog/paths.js';
import { accessCovers, canonicalPermission, type Access, type PermissionName } from '../catalog/permissions.js';
import type { Manifest } from '../manifest/types.js';
import { isCursorEndpoint } from './query.js';
import type { Row, SeedData } from './types.js';

export class RecordError extends Error {}

export interface RecordOptions {
  manifest: Manifest;
  tenant: string;
  appId: string;
  appSecret: string;
  /** Default https://api.commerce7.com/v1. */
  baseUrl?: string;
  /** At most this many rows per list (default 200). */
  limit?: number;
  /** Only these list paths ("/order"); each must be granted by the manifest, or recording is refused. */
  only?: string[];
  fetchImpl?: typeof fetch;
  /** Waiting between retries (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
  /** Clock in ms (tests). Default Date.now. */
  now?: () => number;
}

export interface RecordedList { listPath: string; count: number; skipped?: string }

export interface RecordResult { seed: SeedData; lists: RecordedList[]; requests: number }

/** Lists reached through another path, or not readable as a plain list: recorded specially or not at all. */
const NOT_PLAIN = new Set(['/tag', '/customer-credit-card', '/meta-data-config', '/setting', '/trash']);
const MAX_RETRIES = 6;

function grantedMap(manifest: Manifest): Map<PermissionName, Access> {
  const out = new Map<PermissionName, Access>();
  for (const p of manifest.permissions) {
    const name = canonicalPermission(p.endpoint);
    if (name) out.set(name, p.access);
  }
  return out;
}

/** The permission a GET of `path` needs, and whether the manifest grants it. */
function readNeed(granted: Map<PermissionName, Access>, path: string): { ok: boolean; needs: string } {
  const r = resolveApiCall('GET', path);
  if (r.kind !== 'permission') return { ok: false, needs: r.kind === 'unknown' ? r.why : 'no permission' };
  const ok = r.needs.every((n) => { const has = granted.get(n.permission); return has !== undefined && accessCovers(has, n.access); });
  return { ok, needs: r.needs.map((n) => `"${n.permission}" ${n.access}`).join(' and ') };
}

function retryDelay(res: Response, attempt: number): number {
  const h = res.headers.get('retry-after');
  if (h !== null) {
    if (/^\d+(\.\d+)?$/.test(h.trim())) return Number(h) * 1000;
    const at = Date.parse(h);
    if (!Number.isNaN(at)) return Math.max(0, at - Date.now());
  }
  return Math.min(60_000, 1000 * 2 ** attempt);
}

/** Reads the tenant's data. Throws RecordError on a refused list, bad credentials or an unreachable API. */
export async function recordTenant(opts: RecordOptions): Promise<RecordResult> {
  const base = (opts.baseUrl ?? API_BASE_URL).replace(/\/+$/, '');
  const doFetch = opts.fetchImpl ?? fetch;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const limit = opts.limit ?? 200;
  const granted = grantedMap(opts.manifest);
  const auth = `Basic ${Buffer.from(`${opts.appId}:${opts.appSecret}`).toString('base64')}`;
  let requests = 0;

  if (opts.only) {
    for (const p of opts.only) {
      const probe = p === '/tag' ? `/tag/${TAG_OBJECT_TYPES[0]}` : p;
      const need = readNeed(granted, probe);
      if (!need.ok) throw new RecordError(`${p}: c7-app.json does not grant ${need.needs}, so the app may not read it; add { "endpoint": ..., "access": "read" } to permissions, or leave ${p} out`);
    }
  }

  // Stay under Commerce7's 100 requests a minute per tenant (cursor lists are not counted there, but are here too:
  // being gentle with a sandbox costs little).
  const now = opts.now ?? Date.now;
  const sent: number[] = [];
  const pace = async () => {
    while (sent.length >= RATE_LIMIT_PER_MINUTE) {
      const wait = sent[0]! + RATE_LIMIT_WINDOW_MS - now();
      if (wait <= 0) { sent.shift(); continue; }
      opts.log?.(`pausing ${Math.ceil(wait / 1000)}s to stay under ${RATE_LIMIT_PER_MINUTE} requests a minute`);
      await sleep(wait);
      // The oldest request has left the window now (whatever the clock says: never wait for it twice).
      sent.shift();
    }
    sent.push(now());
  };

  /** One GET, retried on 429 (honouring Retry-After) and on 5xx. Only ever GET: recording never writes. */
  const get = async (pathAndQuery: string): Promise<Record<string, unknown> | { __status: number; message: string }> => {
    for (let attempt = 0; ; attempt++) {
      await pace();
      requests++;
      let res: Response;
      try {
        res = await doFetch(`${base}${pathAndQuery}`, { method: 'GET', headers: { Authorization: auth, [TENANT_HEADER]: opts.tenant, Accept: 'application/json' } });
      } catch (err) {
        throw new RecordError(`cannot reach ${base}: ${(err as Error).message}`);
      }
      if ((res.status === 429 || res.status >= 500) && attempt < MAX_RETRIES) {
        const wait = retryDelay(res, attempt);
        opts.log?.(`GET ${pathAndQuery} -> ${res.status}; retrying in ${Math.round(wait / 100) / 10}s`);
        await res.arrayBuffer().catch(() => undefined);
        await sleep(wait);
        continue;
      }
      const text = await res.text();
      let json: unknown;
      try { json = text ? JSON.parse(text) : {}; } catch { json = {}; }
      if (res.status === 401) throw new RecordError(`${base} answered 401 for tenant "${opts.tenant}": check the App ID, C7_APP_SECRET, and that the tenant has installed the app`);
      if (!res.ok) return { __status: res.status, message: String((json as { message?: unknown }).message ?? text.slice(0, 200)) };
      return json as Record<string, unknown>;
    }
  };

  /** A whole list: the cursor where Commerce7 offers it (not rate limited), else pages of 50; at most `limit` rows. */
  const readList = async (path: string, listPath: string, listKey: string): Promise<Row[] | string> => {
    const rows: Row[] = [];
    const pageSize = Math.min(PAGE_LIMIT_MAX, limit);
    if (isCursorEndpoint(listPath)) {
      let cursor: string | undefined = CURSOR_START;
      while (cursor !== undefined && rows.length < limit) {
        const body = await get(`${path}?cursor=${encodeURIComponent(cursor)}&limit=${pageSize}`);
        if ('__status' in body) return `HTTP ${body.__status}: ${body.message}`;
        rows.push(...((body[listKey] as Row[] | undefined) ?? []));
        cursor = typeof body.cursor === 'string' && body.cursor !== '' ? body.cursor : undefined;
      }
    } else {
      for (let page = 1; rows.length < limit; page++) {
        const body = await get(`${path}?page=${page}&limit=${pageSize}`);
        if ('__status' in body) return `HTTP ${body.__status}: ${body.message}`;
        const got = (body[listKey] as Row[] | undefined) ?? [];
        rows.push(...got);
        const total = typeof body.total === 'number' ? body.total : undefined;
        if (got.length < pageSize || (total !== undefined && rows.length >= total)) break;
      }
    }
    return rows.slice(0, limit);
  };

  const seed: SeedData = {};
  const lists: RecordedList[] = [];
  const wanted = (p: string) => !opts.only || opts.only.includes(p);
  for (const def of OBJECTS) {
    if (!wanted(def.listPath)) continue;
    if (def.listPath === '/tag') {
      const need = readNeed(granted, `/tag/${TAG_OBJECT_TYPES[0]}`);
      if (!need.ok) { lists.push({ listPath: '/tag', count: 0, skipped: `needs ${need.needs}` }); continue; }
      const tags: Row[] = [];
      for (const t of TAG_OBJECT_TYPES) {
        const got = await readList(`/tag/${t}`, '/tag', def.listKey);
        if (typeof got === 'string') { lists.push({ listPath: `/tag/${t}`, count: 0, skipped: got }); continue; }
        tags.push(...got.map((r) => ({ objectType: t, ...r })));
      }
      seed[def.listKey] = tags;
      lists.push({ listPath: '/tag', count: tags.length });
      continue;
    }
    if (def.listPath === '/setting') {
      const need = readNeed(granted, '/setting');
      if (!need.ok) { lists.push({ listPath: '/setting', count: 0, skipped: `needs ${need.needs}` }); continue; }
      const body = await get('/setting');
      if ('__status' in body) { lists.push({ listPath: '/setting', count: 0, skipped: `HTTP ${body.__status}: ${body.message}` }); continue; }
      seed[def.listKey] = [{ ...body, id: typeof body.id === 'string' ? body.id : 'setting' } as Row];
      lists.push({ listPath: '/setting', count: 1 });
      continue;
    }
    if (NOT_PLAIN.has(def.listPath)) continue;
    const need = readNeed(granted, def.listPath);
    if (!need.ok) { lists.push({ listPath: def.listPath, count: 0, skipped: `needs ${need.needs}` }); continue; }
    const got = await readList(def.listPath, def.listPath, def.listKey);
    if (typeof got === 'string') { lists.push({ listPath: def.listPath, count: 0, skipped: got }); continue; }
    seed[def.listKey] = got;
    lists.push({ listPath: def.listPath, count: got.length });
    opts.log?.(`${def.listPath}: ${got.length}`);
  }
  // Meta data configs are per object type (the types the tag paths name, and products).
  if (wanted('/meta-data-config') && readNeed(granted, '/meta-data-config/customer').ok) {
    const configs: Row[] = [];
    for (const t of [...TAG_OBJECT_TYPES, 'product']) {
      const got = await readList(`/meta-data-config/${t}`, '/meta-data-config', objectDef('/meta-data-config')!.listKey);
      if (typeof got !== 'string') configs.push(...got.map((r) => ({ objectType: t, ...r })));
    }
    seed[objectDef('/meta-data-config')!.listKey] = configs;
    lists.push({ listPath: '/meta-data-config', count: configs.length });
  }
  // Credit cards are per customer: read those of the recorded customers (when granted).
  const customers = seed[objectDef('/customer')!.listKey] ?? [];
  if (wanted('/customer-credit-card') && customers.length > 0 && readNeed(granted, `/customer/${customers[0]!.id}/credit-card`).ok) {
    const cards: Row[] = [];
    for (const c of customers.slice(0, 50)) {
      const got = await readList(`/customer/${encodeURIComponent(c.id)}/credit-card`, '/customer-credit-card', objectDef('/customer-credit-card')!.listKey);
      if (typeof got !== 'string') cards.push(...got.map((r) => ({ customerId: c.id, ...r })));
    }
    seed[objectDef('/customer-credit-card')!.listKey] = cards;
    lists.push({ listPath: '/customer-credit-card', count: cards.length });
  }
  // Ids must be unique per list for a seed file.
  for (const [k, rows] of Object.entries(seed)) {
    const seen = new Set<string>();
    seed[k] = rows.filter((r) => typeof r.id === 'string' && r.id !== '' && !seen.has(r.id) && (seen.add(r.id), true));
  }
  return { seed, lists, requests };
}

// --- Redaction -------------------------------------------------------------------------------------------------

const FAKE_FIRST = ['Alex', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Avery', 'Quinn', 'Rowan', 'Skyler', 'Reese', 'Emerson'];
const FAKE_LAST = ['Vale', 'Marsh', 'Hollis', 'Crane', 'Ashby', 'Fenwick', 'Larkin', 'Pryor', 'Sutter', 'Wilde', 'Thorne', 'Ellery'];
const NAME_KEYS = new Set(['firstName', 'lastName', 'cardHolderName', 'name', 'company', 'fullName', 'displayName']);
const FREE_TEXT_KEYS = new Set(['giftMessage', 'shippingInstructions', 'content', 'notes', 'comment', 'note', 'message']);
const SECRET_KEYS = new Set(['tokenOnFile', 'oneTimeToken', 'processorResponse', 'authorizationId', 'bin', 'avatar', 'password', 'token']);
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const PHONE_KEYS = new Set(['phone', 'phoneNumber', 'mobile']);
const ADDRESS_KEYS = new Set(['address', 'address2', 'streetAddress']);

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Replaces personal data by consistent fakes: the same original always gets the same fake (so a customer's email in
 * an order matches the customer's), ids are kept. Names, emails, phones, street addresses, birth dates, card data,
 * IP addresses and free text (notes, gift messages) are replaced; any original name, email or phone found inside
 * another string is replaced too.
 */
export function redactSeed(seed: SeedData): SeedData {
  const emails = new Map<string, string>();
  const phones = new Map<string, string>();
  const names = new Map<string, string>();
  const ips = new Map<string, string>();
  const fakeEmail = (e: string) => { const k = e.toLowerCase(); if (!emails.has(k)) emails.set(k, `person${emails.size + 1}@example.com`); return emails.get(k)!; };
  const fakePhone = (p: string) => { const k = p.replace(/\D/g, ''); if (!k) return p; if (!phones.has(k)) phones.set(k, `+1555010${String(phones.size).padStart(4, '0')}`); return phones.get(k)!; };
  const fakeIp = (ip: string) => { if (!ips.has(ip)) ips.set(ip, `192.0.2.${(ips.size % 254) + 1}`); return ips.get(ip)!; };
  const fakeName = (n: string, key: string) => {
    const k = `${key === 'lastName' ? 'l' : 'f'}:${n}`;
    if (!names.has(k)) {
      const i = names.size;
      names.set(k, key === 'lastName' ? FAKE_LAST[i % FAKE_LAST.length]! + (i >= FAKE_LAST.length ? String(Math.floor(i / FAKE_LAST.length)) : '')
        : key === 'company' ? `Company ${i + 1}` : FAKE_FIRST[i % FAKE_FIRST.length]! + (i >= FAKE_FIRST.length ? String(Math.floor(i / FAKE_FIRST.length)) : ''));
    }
    return names.get(k)!;
  };
  // Name words seen anywhere, to catch them inside other strings ("Olivia Garcia" as a card holder or in a note).
  const nameWords = new Map<string, string>();

  const walk = (v: unknown, key: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (isObj(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, k);
      return out;
    }
    if (typeof v !== 'string' || v === '') return v;
    if (key === 'id' || key.endsWith('Id') || key.endsWith('Ids')) return v;
    if (key === 'email' || (EMAIL.test(v) && (EMAIL.lastIndex = 0, true))) return v.replace(EMAIL, (e) => fakeEmail(e));
    if (PHONE_KEYS.has(key)) return fakePhone(v);
    if (NAME_KEYS.has(key)) {
      const parts = v.split(/\s+/).filter(Boolean);
      const fake = parts.map((p, i) => fakeName(p, key === 'lastName' || (parts.length > 1 && i === parts.length - 1) ? 'lastName' : key === 'company' ? 'company' : 'firstName'));
      parts.forEach((p, i) => { if (p.length >= 3) nameWords.set(p, fake[i]!); });
      return fake.join(' ');
    }
    if (ADDRESS_KEYS.has(key)) return `${(v.length * 37) % 9000 + 100} Redacted St`;
    if (key === 'birthDate') return v.slice(0, 4).match(/^\d{4}$/) ? `${v.slice(0, 4)}-01-01` : null;
    if (key === 'maskedCardNumber') return `XXXXXXXXXXXX${String(v.length * 1111).slice(-4).padStart(4, '0')}`;
    if (key === 'maskedCode') return 'XXXXXXXXXXXX';
    if (SECRET_KEYS.has(key)) return '[redacted]';
    if (FREE_TEXT_KEYS.has(key)) return '[redacted]';
    if (key === 'userAgent') return 'Mozilla/5.0 (redacted)';
    if (IPV4.test(v)) { IPV4.lastIndex = 0; return v.replace(IPV4, (ip) => fakeIp(ip)); }
    return v;
  };

  const first: SeedData = {};
  for (const [k, rows] of Object.entries(seed)) first[k] = rows.map((r) => walk(r, '') as Row);
  // A gift card's code is its value: never recorded.
  for (const card of first[objectDef('/gift-card')!.listKey] ?? []) if (typeof card.code === 'string') card.code = `GC-REDACTED-${card.id.slice(0, 8)}`;
  // Second pass: an original name, email or phone inside any other string (a note, a tag title, a company).
  const originals: Array<[RegExp, string]> = [
    ...[...nameWords].map(([o, f]) => [new RegExp(`\\b${o.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g'), f] as [RegExp, string]),
    ...[...phones].filter(([o]) => o.length >= 7).map(([o, f]) => [new RegExp(o.split('').join('[\\s().+-]*'), 'g'), f] as [RegExp, string]),
  ];
  const scrub = (v: unknown, key: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => scrub(x, key));
    if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrub(x, k)]));
    if (typeof v !== 'string' || key === 'id' || key.endsWith('Id')) return v;
    let s = v;
    for (const [re, f] of originals) s = s.replace(re, f);
    return s;
  };
  const out: SeedData = {};
  for (const [k, rows] of Object.entries(first)) out[k] = rows.map((r) => scrub(r, '') as Row);
  return out;
}

// The path map: which permission (and access) an API call needs (platform.md §3).
// Read is GET; Full is any write (inferred by Commerce7's silence, see platform.md). Unknown paths stay unknown.
import { type Access, type PermissionName } from './permissions.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export interface PermissionNeed { permission: PermissionName; access: Access }

export type PathResolution =
  /**
   * `documented`: the path is one platform.md lists (or its `{id}` form), not only a path the family's `/**` wildcard
   * absorbs (`/customer/{id}/something`, `/product/find`): tools that read code report the latter as unknown, with the
   * family's permission as a guess; the emulator and the generated guard still grant it by the family.
   */
  | { kind: 'permission'; needs: PermissionNeed[]; inferred: boolean; pattern: string; documented: boolean }
  | { kind: 'none'; pattern: string; why: string }
  | { kind: 'unknown'; why: string };

type Methods = 'read' | 'write' | 'any' | readonly HttpMethod[];

interface Rule {
  /** Segments; `{x}` matches any one segment, a trailing `**` matches zero or more. */
  pattern: string;
  methods: Methods;
  result: { needs: PermissionNeed[]; inferred?: boolean } | { none: string } | { unknown: string };
}

const read = (permission: PermissionName): PermissionNeed[] => [{ permission, access: 'read' }];
const full = (permission: PermissionName): PermissionNeed[] => [{ permission, access: 'full' }];

/** A family: GET on the path and below is read, any write on it and below is full. */
function family(permission: PermissionName, base: string, opts: { inferred?: boolean; writes?: boolean } = {}): Rule[] {
  const rules: Rule[] = [{ pattern: `${base}/**`, methods: 'read', result: { needs: read(permission), inferred: opts.inferred } }];
  if (opts.writes !== false) rules.push({ pattern: `${base}/**`, methods: 'write', result: { needs: full(permission), inferred: opts.inferred } });
  return rules;
}

// Order matters: the first matching rule wins, so specific paths come before families.
const RULES: Rule[] = [
  // Paths that need no permission.
  { pattern: '/account/user', methods: ['GET'], result: { none: 'staff token check: called with the staff member\u2019s own token' } },
  { pattern: '/app-sync', methods: ['POST'], result: { none: 'the app\u2019s own sync status' } },
  { pattern: '/app-syncs/{objectId}', methods: ['GET'], result: { none: 'the app\u2019s own sync status' } },
  { pattern: '/setting/for-web', methods: ['GET'], result: { none: 'public storefront data, sent with only the tenant header' } },

  // Seen in the wild with no known permission: say so, never guess.
  { pattern: '/customer/{id}/allocation/**', methods: 'any', result: { unknown: 'allocations have no documented permission' } },
  { pattern: '/loyalty-tier/**', methods: 'any', result: { unknown: 'loyalty is a tenant add-on with no documented permission' } },
  { pattern: '/loyalty-transaction/**', methods: 'any', result: { unknown: 'loyalty is a tenant add-on with no documented permission' } },
  { pattern: '/trash/**', methods: 'any', result: { unknown: 'the trash has no documented permission' } },
  { pattern: '/tax/**', methods: 'any', result: { unknown: 'tax paths have no documented permission' } },

  // Customer sub-resources before the Customer family.
  ...family('Customer Address', '/customer/{customerId}/address'),
  ...family('Customer Credit Card', '/customer/{customerId}/credit-card'),
  { pattern: '/customer-address', methods: ['POST'], result: { needs: [...full('Customer'), ...full('Customer Address')], inferred: true } },
  ...family('Customer Address', '/customer-address'),
  ...family('Customer', '/customer'),

  ...family('Cart', '/cart'),
  ...family('Club Membership', '/club-membership'),
  ...family('Club Package', '/club-package'),
  ...family('Club', '/club'),
  ...family('Collection', '/collection'),
  ...family('Coupon', '/coupon'),
  ...family('Department', '/department'),
  ...family('Gift Card', '/gift-card'),
  ...family('Gift Card', '/gift-card-transaction', { inferred: true }),
  ...family('Inventory', '/inventory'),
  ...family('Inventory', '/inventory-location'),
  ...family('Inventory', '/inventory-transaction', { inferred: true }),
  ...family('MetaData Config', '/meta-data-config/{objectType}'),
  ...family('Note', '/note'),
  { pattern: '/order-number', methods: ['PUT'], result: { needs: full('Order') } },
  ...family('Order', '/order'),
  ...family('Product', '/product'),
  ...family('Product', '/wine-appellation', { inferred: true }),
  ...family('Product', '/wine-varietal', { inferred: true }),
  ...family('Promotion', '/promotion'),
  ...family('Promotion Set', '/promotion-set'),
  { pattern: '/promotion-set-x-promotion/**', methods: ['POST', 'DELETE'], result: { needs: full('Promotion Set') } },
  ...family('Reservation', '/reservation'),
  ...family('Reservation', '/reservation-type'),
  { pattern: '/setting', methods: ['GET'], result: { needs: read('Setting') } },
  ...family('Shipping', '/shipping'),
  ...family('Tag', '/tag/{objectType}'),
  { pattern: '/tag-x-object/{objectType}/**', methods: ['POST', 'DELETE'], result: { needs: full('Tag') } },
  ...family('Vendor', '/vendor'),
  ...family('WebHook', '/web-hook'),
  ...family('WebHook', '/web-hook-log', { writes: false }),
  ...family('POS Profile', '/pos-profile', { inferred: true }),
  ...family('Query', '/query', { inferred: true }),
];

/** A family's documented shapes: the list and one item. */
const doc = (base: string): string[] => [base, `${base}/{id}`];

/**
 * The paths platform.md §3 lists, read and write. A `{…Id}`/`{id}` placeholder matches an id (a placeholder, a
 * segment with a digit, a UUID), not a word: `/product/find` is not `/product/{id}`. `{objectType}` matches any word.
 */
const DOCUMENTED: string[] = [
  ...doc('/cart'), ...doc('/club'), ...doc('/club-membership'), ...doc('/club-package'), ...doc('/collection'),
  ...doc('/coupon'), ...doc('/customer'), '/customer-address',
  ...doc('/customer/{customerId}/address'), ...doc('/customer/{customerId}/credit-card'),
  ...doc('/department'), ...doc('/gift-card'), '/gift-card-transaction',
  ...doc('/inventory'), ...doc('/inventory-location'), '/inventory-transaction',
  ...doc('/meta-data-config/{objectType}'), ...doc('/note'),
  ...doc('/order'), '/order/upsert', '/order-number', '/order/{id}/fulfillment', '/order/{id}/fulfillment/all',
  '/order/{id}/fulfillment/{fulfillmentId}',
  ...doc('/product'), '/wine-appellation', '/wine-varietal', ...doc('/promotion'), ...doc('/promotion-set'),
  ...doc('/promotion-set-x-promotion'), ...doc('/reservation'), ...doc('/reservation-type'), '/setting',
  ...doc('/shipping'), ...doc('/tag/{objectType}'), '/tag-x-object/{objectType}', '/tag-x-object/{objectType}/{tagId}/{objectId}',
  ...doc('/vendor'), ...doc('/web-hook'), '/web-hook-log', ...doc('/pos-profile'), ...doc('/query'),
];

/** Is this path segment an id (not a word)? A placeholder, a number, anything with a digit, a UUID. */
export function isIdSegment(segment: string): boolean {
  return /^\{[^}]*\}$/.test(segment) || /\d/.test(segment) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment);
}

let documentedSplit: string[][] | undefined;

/** Is this (normalized) path one the documentation lists, not only one a family's wildcard absorbs? */
export function isDocumentedPath(pathOrUrl: string): boolean {
  const segs = splitPattern(normalizeApiPath(pathOrUrl));
  documentedSplit ??= DOCUMENTED.map(splitPattern);
  return documentedSplit.some((pat) => {
    if (pat.length !== segs.length) return false;
    return pat.every((p, i) => {
      const s = segs[i]!;
      if (!p.startsWith('{')) return p === s;
      return /id\}$/i.test(p) ? isIdSegment(s) : true;
    });
  });
}

/** Object types the Tag paths take. */
export const TAG_OBJECT_TYPES = ['customer', 'club-membership', 'order', 'reservation'] as const;

function methodMatches(methods: Methods, method: HttpMethod): boolean {
  if (methods === 'any') return true;
  if (methods === 'read') return method === 'GET';
  if (methods === 'write') return method !== 'GET';
  return methods.includes(method);
}

function segmentsMatch(pattern: string[], path: string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p === '**') return i === pattern.length - 1;
    const s = path[i];
    if (s === undefined) return false;
    if (p.startsWith('{') && p.endsWith('}')) continue;
    if (p !== s) return false;
  }
  return pattern.length === path.length;
}

function splitPattern(pattern: string): string[] {
  return pattern.split('/').filter(Boolean);
}

/** Strips the origin, `/v1`, the query string and trailing slashes: "https://api.commerce7.com/v1/order/9?x=1" -> "/order/9". */
export function normalizeApiPath(pathOrUrl: string): string {
  let p = pathOrUrl.trim();
  p = p.replace(/^[a-z]+:\/\/[^/]+/i, '');
  // Ruby's interpolation `#{id}` is a placeholder, not the start of a URL fragment.
  p = p.replace(/#\{[^}]*\}/g, '{id}');
  p = p.split(/[?#]/)[0] ?? '';
  p = p.replace(/^\/v1(?=\/|$)/, '');
  p = '/' + p.split('/').filter(Boolean).join('/');
  return p;
}

let rulesSplit: string[][] | undefined;

/** Which permission does `METHOD path` need? */
export function resolveApiCall(method: string, pathOrUrl: string): PathResolution {
  const m = method.toUpperCase() as HttpMethod;
  if (!HTTP_METHODS.includes(m)) return { kind: 'unknown', why: `unknown HTTP method ${method}` };
  const path = normalizeApiPath(pathOrUrl);
  const segs = splitPattern(path);
  rulesSplit ??= RULES.map((r) => splitPattern(r.pattern));
  for (let i = 0; i < RULES.length; i++) {
    const rule = RULES[i]!;
    if (!methodMatches(rule.methods, m)) continue;
    if (!segmentsMatch(rulesSplit[i]!, segs)) continue;
    if (rule.pattern.startsWith('/tag') && !TAG_OBJECT_TYPES.includes(segs[1] as (typeof TAG_OBJECT_TYPES)[number])) {
      return { kind: 'unknown', why: `tags are documented for ${TAG_OBJECT_TYPES.join(', ')} only` };
    }
    const r = rule.result;
    if ('none' in r) return { kind: 'none', pattern: rule.pattern, why: r.none };
    if ('unknown' in r) return { kind: 'unknown', why: r.unknown };
    return { kind: 'permission', needs: r.needs, inferred: r.inferred ?? false, pattern: rule.pattern, documented: isDocumentedPath(path) };
  }
  return { kind: 'unknown', why: `no documented permission governs ${m} ${path}` };
}

/** The documented path families, for docs and the emulator: permission -> base paths. */
export function pathsForPermission(permission: PermissionName): string[] {
  const out = new Set<string>();
  for (const rule of RULES) {
    const r = rule.result;
    if ('needs' in r && r.needs.length === 1 && r.needs[0]!.permission === permission) out.add(rule.pattern.replace(/\/\*\*$/, ''));
  }
  return [...out];
}

/** One rule of the path map, as data: for code generated from it (the typed permission module of a generated app). */
export interface PathRuleView {
  /** Segments; `{x}` matches any one segment, a trailing `**` matches zero or more. */
  pattern: string;
  /** The methods the rule applies to. */
  methods: HttpMethod[];
  result: { kind: 'permission'; needs: PermissionNeed[]; inferred: boolean } | { kind: 'none'; why: string } | { kind: 'unknown'; why: string };
  /** A segment that must hold one of these values, or the call is unknown (tags are documented for some objects only). */
  segmentValues?: { index: number; values: string[] };
}

/** The path map in the order `resolveApiCall` reads it: the first rule whose methods and pattern match decides. */
export function pathRules(): PathRuleView[] {
  const expand = (m: Methods): HttpMethod[] =>
    m === 'any' ? [...HTTP_METHODS] : m === 'read' ? ['GET'] : m === 'write' ? HTTP_METHODS.filter((x) => x !== 'GET') : [...m];
  return RULES.map((rule) => {
    const r = rule.result;
    const result: PathRuleView['result'] = 'none' in r ? { kind: 'none', why: r.none }
      : 'unknown' in r ? { kind: 'unknown', why: r.unknown }
      : { kind: 'permission', needs: r.needs.map((n) => ({ ...n })), inferred: r.inferred ?? false };
    const view: PathRuleView = { pattern: rule.pattern, methods: expand(rule.methods), result };
    if (rule.pattern.startsWith('/tag')) view.segmentValues = { index: 1, values: [...TAG_OBJECT_TYPES] };
    return view;
  });
}

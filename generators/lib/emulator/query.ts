// List queries as Commerce7 takes them (platform.md §4): page or cursor pagination, `q`, and filter operators.
import { CURSOR_ENDPOINTS, CURSOR_START, FILTER_OPERATORS, PAGE_LIMIT_MAX } from '../catalog/api.js';
import { filtersOf, OPERATORS_BY_TYPE, type FilterDef } from '../catalog/filters.js';
import { ApiError, validationError } from './errors.js';
import type { Row } from './types.js';

type Operator = (typeof FILTER_OPERATORS)[number] | 'eq';

export interface Filter {
  /** The query parameter as sent. */
  param?: string;
  /** The object field it reads (the catalog maps documented parameters: orderTagId -> tags.id). */
  field: string;
  op: Operator;
  raw: string;
  values: string[];
  /** A documented filter (catalog/filters.ts): always accepted, even when no row has the field. */
  documented?: FilterDef;
}

export interface ListQuery {
  mode: 'page' | 'cursor';
  page: number;
  /** Offset the cursor points at (cursor mode). */
  offset: number;
  limit: number;
  q: string | undefined;
  filters: Filter[];
}

const RESERVED = new Set(['page', 'limit', 'cursor', 'q']);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_MS = 86_400_000;

export function isCursorEndpoint(listPath: string): boolean {
  return (CURSOR_ENDPOINTS as readonly string[]).includes(listPath);
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeCursor(token: string): number | undefined {
  if (token === CURSOR_START) return 0;
  const m = /^o:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : undefined;
}

function positiveInt(params: URLSearchParams, name: string, fallback: number, max?: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw validationError(name, `must be a whole number of at least 1, not "${raw}"`);
  const n = Number(raw);
  // A limit above the maximum is refused rather than clamped: an app that asks for 100 and silently gets 50
  // would skip rows when it pages by its own count.
  if (max !== undefined && n > max) throw validationError(name, `must be at most ${max} (Commerce7 serves at most ${max} rows a page), not ${n}`);
  return n;
}

/** Parses the query of a list request. `listPath` is the list's base path (e.g. "/customer"). */
export function parseListQuery(params: URLSearchParams, listPath: string): ListQuery {
  const limit = positiveInt(params, 'limit', PAGE_LIMIT_MAX, PAGE_LIMIT_MAX);
  const cursor = params.get('cursor');
  let mode: ListQuery['mode'] = 'page';
  let page = 1;
  let offset = 0;
  if (cursor !== null) {
    if (!isCursorEndpoint(listPath)) {
      throw validationError('cursor', `cursor pagination is not available on ${listPath}; it is on ${CURSOR_ENDPOINTS.join(', ')}: use page and limit here`);
    }
    if (params.has('page')) throw validationError('cursor', 'page and cursor cannot be combined: send cursor=start, then each cursor returned, without page');
    const o = decodeCursor(cursor);
    if (o === undefined) throw validationError('cursor', `"${cursor}" is not a cursor this server returned; start with cursor=${CURSOR_START}`);
    mode = 'cursor';
    offset = o;
  } else {
    page = positiveInt(params, 'page', 1);
  }
  const q = params.get('q') ?? undefined;
  const filters: Filter[] = [];
  const documented = filtersOf(listPath);
  for (const [field, raw] of params) {
    if (RESERVED.has(field)) continue;
    const def = Object.prototype.hasOwnProperty.call(documented, field) ? documented[field] : undefined;
    filters.push(def ? parseDocumentedFilter(field, raw, def) : parseFilter(field, raw));
  }
  return { mode, page, offset, limit, q: q === '' ? undefined : q, filters };
}

const OPERATOR_LIST = FILTER_OPERATORS.map((o) => `${o}:`).join(' ');

/** The operator of a filter value ("gte:2024-01-01" -> gte); an unknown one ("xx:5") is a 422 naming the parameter. */
function splitOperator(param: string, raw: string): { op: Operator; operand: string } {
  const m = /^([a-z]{1,8}):(?!\/\/)(.*)$/s.exec(raw);
  if (!m) return { op: 'eq', operand: raw };
  if (!(FILTER_OPERATORS as readonly string[]).includes(m[1]!)) {
    throw validationError(param, `unknown operator "${m[1]}:" in "${raw}"; Commerce7 takes ${OPERATOR_LIST} or a plain value`);
  }
  return { op: m[1] as Operator, operand: m[2]! };
}

const isNumeric = (v: string) => /^-?\d+(\.\d+)?$/.test(v);
const isDate = (v: string) => DATE_LIKE.test(v) && !Number.isNaN(Date.parse(DATE_ONLY.test(v) ? `${v}T00:00:00Z` : v));

/** A documented filter: its operators and value type come from the catalog; anything else is a 422 naming it. */
export function parseDocumentedFilter(param: string, raw: string, def: FilterDef): Filter {
  const allowed = OPERATORS_BY_TYPE[def.type];
  const { op } = splitOperator(param, raw);
  if (!allowed.includes(op)) {
    throw validationError(param, `${param} takes ${allowed.map((o) => (o === 'eq' ? 'a plain value' : `${o}:`)).join(', ')}, not ${op}: (it is a ${def.type} filter)`);
  }
  const f = parseFilter(param, raw);
  for (const v of f.values) {
    const bad = def.type === 'date' ? !isDate(v) && `"${v}" is not a date: filter dates are YYYY-MM-DD (UTC) or ISO 8601`
      : def.type === 'number' ? !isNumeric(v) && `"${v}" is not a number (money is in cents, e.g. 15000)`
      : def.type === 'boolean' ? !['true', 'false'].includes(v) && `"${v}" is not true or false`
      : def.type === 'enum' ? !def.values!.includes(v) && `"${v}" is not one of ${def.values!.map((x) => `"${x}"`).join(', ')}`
      : v === '' && 'an empty value matches nothing';
    if (bad) throw validationError(param, bad);
  }
  return { ...f, param, field: def.field, documented: def };
}

export function parseFilter(field: string, raw: string): Filter {
  const { op, operand } = splitOperator(field, raw);
  let values: string[];
  if (op === 'btw') {
    values = operand.split('|');
    if (values.length !== 2 || values.some((v) => v === '')) throw validationError(field, `btw takes two values separated by "|", e.g. btw:2024-01-01|2024-01-31, not "${raw}"`);
  } else if (op === 'in') {
    values = operand.split(',').filter((v) => v !== '');
    if (values.length === 0) throw validationError(field, `in takes a comma-separated list, e.g. in:a,b, not "${raw}"`);
  } else {
    values = [operand];
  }
  for (const v of values) {
    if (DATE_LIKE.test(v) && Number.isNaN(Date.parse(DATE_ONLY.test(v) ? `${v}T00:00:00Z` : v))) throw validationError(field, `"${v}" is not a valid date (filter dates are YYYY-MM-DD, UTC)`);
    // Ordering needs a date or a number: "gt:garbage" would silently match nothing.
    if (['gt', 'gte', 'lt', 'lte', 'btw'].includes(op) && !isDate(v) && !isNumeric(v)) {
      throw validationError(field, `${op}: needs a date (YYYY-MM-DD) or a number, not "${v}"`);
    }
  }
  return { param: field, field, op, raw, values };
}

/** The values a field has on a row: a dotted path ("wine.varietal") through objects and arrays; "tagId" also
 *  matches the ids in a "tags" array (the same for any "<x>Id" -> "<x>s"). undefined when the row has no such field. */
export function fieldValues(row: Record<string, unknown>, field: string): unknown[] | undefined {
  let current: unknown[] = [row];
  for (const part of field.split('.')) {
    const next: unknown[] = [];
    let found = false;
    for (const c of current) {
      if (typeof c !== 'object' || c === null) continue;
      if (Array.isArray(c)) {
        for (const el of c) if (typeof el === 'object' && el !== null && part in el) { found = true; next.push((el as Record<string, unknown>)[part]); }
      } else if (part in c) {
        found = true;
        next.push((c as Record<string, unknown>)[part]);
      }
    }
    if (!found) {
      if (field.endsWith('Id') && !field.includes('.')) {
        const plural = row[`${field.slice(0, -2)}s`];
        if (Array.isArray(plural)) return plural.map((el) => (typeof el === 'object' && el !== null ? ((el as Record<string, unknown>)[field] ?? (el as Record<string, unknown>).id) : el));
      }
      return undefined;
    }
    current = next.flatMap((v) => (Array.isArray(v) ? v : [v]));
  }
  return current;
}

/** [start, end) of a filter date: a YYYY-MM-DD covers the whole UTC day; a full timestamp is one instant. */
function dateRange(v: string): [number, number] {
  if (DATE_ONLY.test(v)) {
    const start = Date.parse(`${v}T00:00:00Z`);
    return [start, start + DAY_MS];
  }
  const t = Date.parse(v);
  return [t, t + 1];
}

function toTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !DATE_LIKE.test(value)) return undefined;
  const t = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(t) ? undefined : t;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

/** -1, 0, 1 comparing a value with an operand, or undefined when they cannot be ordered. Dates by instant, numbers by value. */
function order(value: unknown, operand: string): number | undefined {
  if (DATE_LIKE.test(operand)) {
    const t = toTime(value);
    if (t === undefined) return undefined;
    const [start, end] = dateRange(operand);
    // A day is a range: "before the day" (< start), "within" (0), "after" (>= end).
    if (t < start) return -1;
    if (t >= end) return 1;
    return 0;
  }
  const a = toNumber(value);
  const b = toNumber(operand);
  if (a !== undefined && b !== undefined) return Math.sign(a - b);
  if (value === null || value === undefined || typeof value === 'object') return undefined;
  const s = String(value);
  return s < operand ? -1 : s > operand ? 1 : 0;
}

function equals(value: unknown, operand: string): boolean {
  if (DATE_LIKE.test(operand) && toTime(value) !== undefined) return order(value, operand) === 0;
  if (value === null || value === undefined) return operand === 'null';
  if (typeof value === 'object') return false;
  const n = toNumber(operand);
  if (typeof value === 'number' && n !== undefined) return value === n;
  return String(value) === operand;
}

function matches(value: unknown, f: Filter): boolean {
  const [a, b] = f.values as [string, string | undefined];
  switch (f.op) {
    case 'eq': return equals(value, a);
    case 'in': return f.values.some((v) => equals(value, v));
    case 'gt': return order(value, a) === 1;
    case 'gte': { const o = order(value, a); return o === 0 || o === 1; }
    case 'lt': return order(value, a) === -1;
    case 'lte': { const o = order(value, a); return o === 0 || o === -1; }
    case 'btw': {
      const lo = order(value, a);
      const hi = order(value, b!);
      return (lo === 0 || lo === 1) && (hi === 0 || hi === -1);
    }
  }
}

function containsText(node: unknown, needle: string, depth = 0): boolean {
  if (depth > 4 || node === null || node === undefined) return false;
  if (typeof node === 'string') return node.toLowerCase().includes(needle);
  if (typeof node === 'number') return String(node) === needle;
  if (Array.isArray(node)) return node.some((n) => containsText(n, needle, depth + 1));
  if (typeof node === 'object') return Object.values(node).some((n) => containsText(n, needle, depth + 1));
  return false;
}

/** Rows matching `q` and every filter. A filter on a field no row has is a 422 (a typo would otherwise match all). */
export function applyFilters(rows: readonly Row[], query: Pick<ListQuery, 'q' | 'filters'>): Row[] {
  for (const f of query.filters) {
    if (!f.documented && rows.length > 0 && !rows.some((r) => fieldValues(r, f.field) !== undefined)) {
      throw validationError(f.field, `no ${f.field} field to filter on (and it is not a documented filter of this list)`);
    }
  }
  const needle = query.q?.toLowerCase();
  return rows.filter((row) => {
    if (needle !== undefined && !containsText(row, needle)) return false;
    return query.filters.every((f) => (fieldValues(row, f.field) ?? []).some((v) => matches(v, f)));
  });
}

/** The list envelope: `{ <listKey>: [...], total }` (page) or `{ <listKey>: [...], cursor? }` (cursor; no cursor on the last page). */
export function paginate(rows: readonly Row[], query: ListQuery, listKey: string): Record<string, unknown> {
  if (query.mode === 'cursor') {
    if (query.offset > rows.length) throw new ApiError(422, 'cursor: the cursor is past the end of the list; start again with cursor=start', [{ field: 'cursor', message: 'past the end of the list' }]);
    const end = query.offset + query.limit;
    const body: Record<string, unknown> = { [listKey]: rows.slice(query.offset, end) };
    if (end < rows.length) body.cursor = encodeCursor(end);
    return body;
  }
  const start = (query.page - 1) * query.limit;
  return { [listKey]: rows.slice(start, start + query.limit), total: rows.length };
}

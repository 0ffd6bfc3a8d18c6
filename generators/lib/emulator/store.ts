// In-memory data of one tenant, and the REST resources over it: lists, items, writes, tag links, app sync.
// Permission checks happen before (server.ts); this module only knows data.
import { randomUUID } from 'node:crypto';
import { APP_SYNC_LIST, APP_SYNC_PATH, APP_SYNC_STATUSES, CURSOR_START, LIST_KEYS, WEBHOOK_OBJECT_PATHS } from '../catalog/api.js';
import { TAG_OBJECT_TYPES } from '../catalog/paths.js';
import { canonicalWebhookObject, WEBHOOK_ACTION_NAMES } from '../catalog/webhooks.js';
import { ApiError, validationError } from './errors.js';
import { applyFilters, paginate, parseListQuery } from './query.js';
import type { Row, SeedData, WebhookPayloadOptions } from './types.js';

const TAG_LIST = '/tag';
const ADDRESS_LIST = '/customer-address';
const TAG_LINK = '/tag-x-object';
const CUSTOMER_LIST = '/customer';

/** Restricts a list to rows whose field has the value from the path (/tag/{objectType}, /customer/{customerId}/address). */
export interface Scope { field: string; value: string }

/** Which resource a path names. */
export type Route =
  | { kind: 'list'; listPath: string; scope?: Scope }
  | { kind: 'item'; listPath: string; id: string; scope?: Scope }
  | { kind: 'tag-link'; objectType: string; tagId?: string; objectId?: string }
  | { kind: 'app-sync' }
  | { kind: 'app-syncs'; objectId: string };

/** The resource of a normalized API path ("/customer/123"), or undefined when the emulator does not serve it. */
export function routeOf(path: string): Route | undefined {
  const segs = path.split('/').filter(Boolean);
  const [a, b, c, d] = segs;
  if (a === undefined) return undefined;
  const tagType = (t: string | undefined) => t !== undefined && (TAG_OBJECT_TYPES as readonly string[]).includes(t);
  if (`/${a}` === TAG_LIST && tagType(b) && segs.length <= 3) {
    const scope = { field: 'objectType', value: b! };
    return c === undefined ? { kind: 'list', listPath: TAG_LIST, scope } : { kind: 'item', listPath: TAG_LIST, id: c, scope };
  }
  if (`/${a}` === TAG_LINK && tagType(b) && (segs.length === 2 || segs.length === 4)) {
    return { kind: 'tag-link', objectType: b!, tagId: c, objectId: d };
  }
  if (`/${a}` === CUSTOMER_LIST && c === 'address' && segs.length <= 4) {
    const scope = { field: 'customerId', value: b! };
    return d === undefined ? { kind: 'list', listPath: ADDRESS_LIST, scope } : { kind: 'item', listPath: ADDRESS_LIST, id: d, scope };
  }
  if (`/${a}` === APP_SYNC_PATH && segs.length === 1) return { kind: 'app-sync' };
  if (`/${a}` === APP_SYNC_LIST.path && segs.length === 2) return { kind: 'app-syncs', objectId: b! };
  if (LIST_KEYS[`/${a}`] !== undefined && `/${a}` !== TAG_LIST && segs.length <= 2) {
    return b === undefined ? { kind: 'list', listPath: `/${a}` } : { kind: 'item', listPath: `/${a}`, id: b };
  }
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface Response { status: number; body: unknown }

export class TenantStore {
  private readonly lists = new Map<string, Row[]>();
  private readonly appSyncs: Row[] = [];

  constructor(seed: SeedData, private readonly appId: string) {
    for (const [listKey, rows] of Object.entries(structuredClone(seed))) this.lists.set(listKey, rows);
  }

  /** The live rows of a list ("/customer"): tests may read them to check what an app wrote. */
  rows(listPath: string): Row[] {
    const listKey = LIST_KEYS[listPath];
    if (listKey === undefined) throw new Error(`${listPath} is not a list the emulator serves`);
    let rows = this.lists.get(listKey);
    if (!rows) this.lists.set(listKey, (rows = []));
    return rows;
  }

  /** Answers one API request on an already authorized route. */
  handle(method: string, route: Route, params: URLSearchParams, body: unknown): Response {
    switch (route.kind) {
      case 'list': {
        this.checkScope(route.scope, route.listPath);
        if (method === 'GET') return { status: 200, body: this.list(route.listPath, params, route.scope) };
        if (method === 'POST') return { status: 200, body: this.create(route.listPath, body, route.scope) };
        break;
      }
      case 'item': {
        this.checkScope(route.scope, route.listPath);
        const row = this.find(route.listPath, route.id, route.scope);
        if (method === 'GET') return { status: 200, body: row };
        if (method === 'PUT') return { status: 200, body: this.update(row, body) };
        if (method === 'DELETE') {
          const rows = this.rows(route.listPath);
          rows.splice(rows.indexOf(row), 1);
          return { status: 200, body: row };
        }
        break;
      }
      case 'tag-link':
        if (method === 'POST' && route.tagId === undefined) return { status: 200, body: this.link(route.objectType, body) };
        if (method === 'DELETE' && route.objectId !== undefined) return { status: 200, body: this.unlink(route.objectType, route.tagId!, route.objectId) };
        break;
      case 'app-sync':
        if (method === 'POST') return { status: 200, body: this.appSync(body) };
        break;
      case 'app-syncs':
        if (method === 'GET') {
          const rows = this.appSyncs.filter((s) => s.objectId === route.objectId);
          return { status: 200, body: { [APP_SYNC_LIST.listKey]: rows, total: rows.length } };
        }
        break;
    }
    throw new ApiError(404, `the emulator does not serve ${method} on this path`);
  }

  /** A customer's addresses: the customer must exist (404 otherwise, as for any unknown id). */
  private checkScope(scope: Scope | undefined, listPath: string): void {
    if (scope?.field === 'customerId' && listPath === ADDRESS_LIST) this.find(CUSTOMER_LIST, scope.value);
  }

  private list(listPath: string, params: URLSearchParams, scope?: Scope): Record<string, unknown> {
    const query = parseListQuery(params, listPath);
    let rows = this.rows(listPath);
    if (scope) rows = rows.filter((r) => r[scope.field] === scope.value);
    return paginate(applyFilters(rows, query), query, LIST_KEYS[listPath]!);
  }

  find(listPath: string, id: string, scope?: Scope): Row {
    const row = this.rows(listPath).find((r) => r.id === id && (!scope || r[scope.field] === scope.value));
    if (!row) throw new ApiError(404, `${listPath.slice(1)} ${id} not found`);
    return row;
  }

  /** An app may write only its own appData key (platform.md §3). */
  private checkAppData(body: Record<string, unknown>): void {
    if (body.appData === undefined) return;
    if (!isObject(body.appData)) throw validationError('appData', `must be an object: { "${this.appId}": { ... } }`);
    for (const k of Object.keys(body.appData)) {
      if (k !== this.appId) throw validationError(`appData.${k}`, `an app may write only appData.${this.appId} (its own App ID)`);
    }
  }

  private requireObject(body: unknown): Record<string, unknown> {
    if (!isObject(body)) throw new ApiError(422, 'the request body must be a JSON object', [{ field: 'body', message: 'must be a JSON object' }]);
    return body;
  }

  private create(listPath: string, body: unknown, scope?: Scope): Row {
    const input = this.requireObject(body);
    this.checkAppData(input);
    const now = new Date().toISOString();
    const row: Row = { ...structuredClone(input), id: randomUUID(), createdAt: now, updatedAt: now };
    if (scope) row[scope.field] = scope.value;
    this.rows(listPath).push(row);
    return row;
  }

  /** PUT: top-level fields may be partial; a sub-object sent replaces the stored one, except appData keys of other apps. */
  private update(row: Row, body: unknown): Row {
    const input = this.requireObject(body);
    this.checkAppData(input);
    const { id: _id, createdAt: _createdAt, appData, ...fields } = structuredClone(input);
    Object.assign(row, fields);
    if (appData !== undefined) row.appData = { ...(isObject(row.appData) ? row.appData : {}), ...(appData as object) };
    row.updatedAt = new Date().toISOString();
    return row;
  }

  private link(objectType: string, body: unknown): Row {
    const input = this.requireObject(body);
    for (const f of ['tagId', 'objectId']) if (typeof input[f] !== 'string') throw validationError(f, 'is required (a string id)');
    const tag = this.find(TAG_LIST, input.tagId as string, { field: 'objectType', value: objectType });
    const target = this.find(`/${objectType}`, input.objectId as string);
    this.addTag(target, tag);
    return { id: randomUUID(), tagId: tag.id, objectId: target.id, objectType };
  }

  private unlink(objectType: string, tagId: string, objectId: string): Row {
    const target = this.find(`/${objectType}`, objectId);
    const tags = Array.isArray(target.tags) ? (target.tags as Array<{ id?: unknown }>) : [];
    if (!tags.some((t) => t.id === tagId)) throw new ApiError(404, `${objectType} ${objectId} does not carry tag ${tagId}`);
    target.tags = tags.filter((t) => t.id !== tagId);
    target.updatedAt = new Date().toISOString();
    return { id: tagId, tagId, objectId, objectType };
  }

  private addTag(target: Row, tag: Row): void {
    const tags = Array.isArray(target.tags) ? (target.tags as Array<{ id?: unknown }>) : [];
    if (!tags.some((t) => t.id === tag.id)) tags.push({ id: tag.id, title: tag.title } as { id: unknown });
    target.tags = tags;
    target.updatedAt = new Date().toISOString();
  }

  private appSync(body: unknown): Row {
    const input = this.requireObject(body);
    for (const f of ['objectType', 'objectId']) if (typeof input[f] !== 'string' || input[f] === '') throw validationError(f, 'is required');
    if (!(APP_SYNC_STATUSES as readonly unknown[]).includes(input.status)) throw validationError('status', `must be one of ${APP_SYNC_STATUSES.map((s) => `"${s}"`).join(', ')}`);
    const row: Row = { ...structuredClone(input), id: randomUUID(), appId: this.appId, createdAt: new Date().toISOString() };
    // One status per object and app: the newest replaces the previous one.
    const i = this.appSyncs.findIndex((s) => s.objectId === row.objectId);
    if (i >= 0) this.appSyncs.splice(i, 1);
    this.appSyncs.push(row);
    return row;
  }

  /** The payload of a webhook delivery: the object (by id or the first one), or for Bulk Update a callbackUrl to a
   *  cursor list of objects the emulator has just bulk-tagged (`apiUrl` is the emulator's /v1 base URL). */
  webhookPayload(object: string, action: string, apiUrl: string, opts: WebhookPayloadOptions = {}): Record<string, unknown> {
    const name = canonicalWebhookObject(object);
    if (!name) throw validationError('object', `"${object}" is not a webhook object`);
    if (!(WEBHOOK_ACTION_NAMES as readonly string[]).includes(action)) throw validationError('action', `"${action}" is not a webhook action; one of ${WEBHOOK_ACTION_NAMES.join(', ')}`);
    const listPath = WEBHOOK_OBJECT_PATHS[name];
    if (listPath === undefined) throw validationError('object', `the emulator holds no ${name} data: pass the payload yourself`);
    if (action === 'Bulk Update') {
      const objectType = listPath.slice(1);
      if (!(TAG_OBJECT_TYPES as readonly string[]).includes(objectType)) {
        throw validationError('action', `Bulk Update is bulk tagging: Commerce7 tags ${TAG_OBJECT_TYPES.join(', ')} objects, not ${name}`);
      }
      const rows = this.rows(listPath);
      const count = Math.min(opts.count ?? 75, rows.length);
      const now = new Date().toISOString();
      const tag: Row = { id: randomUUID(), title: `Bulk Update ${now}`, objectType, type: 'Manual', createdAt: now, updatedAt: now };
      this.rows(TAG_LIST).push(tag);
      for (const row of rows.slice(0, count)) this.addTag(row, tag);
      return { callbackUrl: `${apiUrl}${listPath}?tagId=${encodeURIComponent(tag.id)}&cursor=${CURSOR_START}` };
    }
    const rows = this.rows(listPath);
    const row = opts.id !== undefined ? this.find(listPath, opts.id) : rows[0];
    if (!row) throw validationError('object', `the tenant has no ${name} data to deliver: add some to the seed, or pass the payload yourself`);
    return structuredClone(row);
  }
}

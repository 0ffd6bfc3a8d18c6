// In-memory data of one tenant, and the REST resources over it: lists, items, writes, tag links, app sync.
// Permission checks happen before (server.ts); this module only knows data.
import { randomUUID } from 'node:crypto';
import { APP_SYNC_LIST, APP_SYNC_PATH, APP_SYNC_STATUSES, CURSOR_START, WEBHOOK_OBJECT_PATHS } from '../catalog/api.js';
import { FULFILLMENT_TYPES, listKeyOf, objectDef, SETTING_FOR_WEB_FIELDS, type JsonSchema } from '../catalog/objects.js';
import { TAG_OBJECT_TYPES } from '../catalog/paths.js';
import { canonicalWebhookObject, WEBHOOK_ACTION_NAMES } from '../catalog/webhooks.js';
import { ApiError, validationError } from './errors.js';
import { applyFilters, paginate, parseListQuery, type ListQuery } from './query.js';
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
  | { kind: 'app-syncs'; objectId: string }
  | { kind: 'setting'; forWeb: boolean }
  | { kind: 'fulfillment'; orderId: string; all: boolean; fulfillmentId?: string }
  | { kind: 'order-upsert' }
  | { kind: 'order-number' }
  | { kind: 'promotion-set-link'; id?: string };

const SETTING = '/setting';
const ORDER_LIST = '/order';
const CREDIT_CARD_LIST = '/customer-credit-card';
const META_LIST = '/meta-data-config';
const PROMO_LINK = '/promotion-set-x-promotion';
const TRASH_LIST = '/trash';
/** Lists reached only through another path: /tag/{objectType}, /customer/{id}/credit-card, /meta-data-config/{objectType}, /setting. */
const NOT_DIRECT = new Set([TAG_LIST, CREDIT_CARD_LIST, META_LIST, SETTING]);

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
  if (`/${a}` === CUSTOMER_LIST && (c === 'address' || c === 'credit-card') && segs.length <= 4) {
    const scope = { field: 'customerId', value: b! };
    const listPath = c === 'address' ? ADDRESS_LIST : CREDIT_CARD_LIST;
    return d === undefined ? { kind: 'list', listPath, scope } : { kind: 'item', listPath, id: d, scope };
  }
  if (`/${a}` === META_LIST && b !== undefined && segs.length <= 3) {
    const scope = { field: 'objectType', value: b };
    return c === undefined ? { kind: 'list', listPath: META_LIST, scope } : { kind: 'item', listPath: META_LIST, id: c, scope };
  }
  if (`/${a}` === SETTING && segs.length === 1) return { kind: 'setting', forWeb: false };
  if (`/${a}` === SETTING && b === 'for-web' && segs.length === 2) return { kind: 'setting', forWeb: true };
  if (`/${a}` === ORDER_LIST && b === 'upsert' && segs.length === 2) return { kind: 'order-upsert' };
  if (`/${a}` === '/order-number' && segs.length === 1) return { kind: 'order-number' };
  if (`/${a}` === ORDER_LIST && b !== undefined && c === 'fulfillment' && segs.length <= 4) {
    return d === 'all' ? { kind: 'fulfillment', orderId: b, all: true } : { kind: 'fulfillment', orderId: b, all: false, ...(d !== undefined ? { fulfillmentId: d } : {}) };
  }
  if (`/${a}` === PROMO_LINK && segs.length <= 2) return { kind: 'promotion-set-link', ...(b !== undefined ? { id: b } : {}) };
  if (`/${a}` === APP_SYNC_PATH && segs.length === 1) return { kind: 'app-sync' };
  if (`/${a}` === APP_SYNC_LIST.path && segs.length === 2) return { kind: 'app-syncs', objectId: b! };
  if (listKeyOf(`/${a}`) !== undefined && !NOT_DIRECT.has(`/${a}`) && segs.length <= 2) {
    return b === undefined ? { kind: 'list', listPath: `/${a}` } : { kind: 'item', listPath: `/${a}`, id: b };
  }
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface Response { status: number; body: unknown }

/** Choices where Commerce7 is silent (README: what the emulator models). */
export interface StoreOptions {
  /** A second customer with an email another customer has: 'reject' (422 on emails, the default) or 'allow'. */
  duplicateEmails?: 'reject' | 'allow';
}

/** The value a server gives a field the create left out, from the catalog's schema: null where nullable, empty lists
 *  and objects, zeros, false, the first documented value of an enum; nested objects get their own defaults. */
function defaultFor(schema: JsonSchema): unknown {
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  if (types.includes('null')) return null;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  switch (types[0]) {
    case 'array': return [];
    case 'object': return fillDefaults({}, schema);
    case 'integer': case 'number': return 0;
    case 'boolean': return false;
    case 'string': return '';
    default: return null;
  }
}

/** Server fields: every required schema property the input lacks, and ids on nested list elements that have an id field. */
function fillDefaults(value: Record<string, unknown>, schema: JsonSchema): Record<string, unknown> {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  for (const [k, sub] of Object.entries(props)) {
    // A field Commerce7 may leave out (not required in the catalog) stays out unless the create sent it.
    if (!(k in value) && !required.has(k)) continue;
    if (!(k in value)) value[k] = defaultFor(sub);
    const items = sub.items as JsonSchema | undefined;
    if (Array.isArray(value[k]) && items?.type === 'object') {
      for (const el of value[k] as unknown[]) {
        if (!isObject(el)) continue;
        if ((items.properties as Record<string, unknown> | undefined)?.id !== undefined && el.id === undefined) el.id = randomUUID();
        fillDefaults(el, items);
      }
    } else if (isObject(value[k]) && sub.properties) {
      fillDefaults(value[k] as Record<string, unknown>, sub);
    }
  }
  return value;
}

function defaultFulfillmentType(order: Row): string {
  return order.orderDeliveryMethod === 'Pickup' ? 'Picked Up' : order.orderDeliveryMethod === 'Carry Out' ? 'Carry Out' : 'Shipped';
}

export class TenantStore {
  private readonly lists = new Map<string, Row[]>();
  private readonly appSyncs: Row[] = [];
  private readonly promotionLinks: Row[] = [];
  private nextOrderNumber: number | undefined;

  constructor(seed: SeedData, private readonly appId: string, private readonly options: StoreOptions = {}) {
    for (const [listKey, rows] of Object.entries(structuredClone(seed))) this.lists.set(listKey, rows);
  }

  /** The live rows of a list ("/customer"): tests may read them to check what an app wrote. */
  rows(listPath: string): Row[] {
    const listKey = listKeyOf(listPath);
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
          this.toTrash(route.listPath, row);
          return { status: 200, body: row };
        }
        break;
      }
      case 'setting': {
        if (method !== 'GET') break;
        const setting = this.rows(SETTING)[0];
        if (!setting) throw new ApiError(404, 'this tenant has no settings in the seed');
        if (!route.forWeb) return { status: 200, body: setting };
        return { status: 200, body: Object.fromEntries(SETTING_FOR_WEB_FIELDS.filter((f) => f in setting).map((f) => [f, setting[f]])) };
      }
      case 'fulfillment': {
        const order = this.find(ORDER_LIST, route.orderId);
        if (method === 'POST' && route.fulfillmentId === undefined) return { status: 200, body: this.fulfill(order, body, route.all) };
        if (method === 'DELETE' && route.fulfillmentId !== undefined && !route.all) return { status: 200, body: this.unfulfill(order, route.fulfillmentId) };
        break;
      }
      case 'order-upsert':
        if (method === 'PUT') return { status: 200, body: this.upsertOrder(body) };
        break;
      case 'order-number':
        if (method === 'PUT') return { status: 200, body: this.setOrderNumber(body) };
        break;
      case 'promotion-set-link':
        if (method === 'POST' && route.id === undefined) return { status: 200, body: this.linkPromotion(body) };
        if (method === 'DELETE' && route.id !== undefined) return { status: 200, body: this.unlinkPromotion(route.id) };
        break;
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
    const query = this.resolveVia(parseListQuery(params, listPath));
    let rows = this.rows(listPath);
    if (scope) rows = rows.filter((r) => r[scope.field] === scope.value);
    return paginate(applyFilters(rows, query), query, listKeyOf(listPath)!);
  }

  /** queryId and the like: the ids another list's rows hold (a saved query's results) become an id filter. */
  private resolveVia(query: ListQuery): ListQuery {
    const filters = query.filters.map((f) => {
      const via = f.documented?.via;
      if (!via) return f;
      const ids = this.rows(via.listPath).filter((r) => f.values.includes(r.id)).flatMap((r) => (Array.isArray(r[via.idsField]) ? (r[via.idsField] as string[]) : []));
      return { ...f, field: 'id', op: 'in' as const, values: ids.length ? [...new Set(ids)] : ['\u0000none'] };
    });
    return { ...query, filters };
  }

  find(listPath: string, id: string, scope?: Scope): Row {
    const row = this.rows(listPath).find((r) => r.id === id && (!scope || r[scope.field] === scope.value));
    if (!row) throw new ApiError(404, `${listPath.slice(1)} ${id} not found`);
    return row;
  }

  /** An app may write only its own appData key (platform.md §3). */
  private checkAppData(body: Record<string, unknown>): void {
    // null is what Commerce7 sends for an object no app has written to (docs/customers, orders-1): sending it back writes nothing.
    if (body.appData === undefined || body.appData === null) return;
    if (!isObject(body.appData)) throw validationError('appData', `must be an object: { "${this.appId}": { ... } }`);
    for (const k of Object.keys(body.appData)) {
      if (k !== this.appId) throw validationError(`appData.${k}`, `an app may write only appData.${this.appId} (its own App ID)`);
    }
  }

  private requireObject(body: unknown): Record<string, unknown> {
    if (!isObject(body)) throw new ApiError(422, 'the request body must be a JSON object', [{ field: 'body', message: 'must be a JSON object' }]);
    return body;
  }

  /** 422 validationError naming every required field the create lacks (catalog/objects.ts), as Commerce7 does. */
  private checkRequired(listPath: string, input: Record<string, unknown>, scope?: Scope): void {
    const def = objectDef(listPath);
    if (!def) return;
    const missing = def.create.filter((f) => f !== scope?.field && (input[f] === undefined || input[f] === null || input[f] === ''));
    for (const group of def.createOneOf ?? []) if (group.every((f) => input[f] === undefined || input[f] === null || input[f] === '')) missing.push(group[0]!);
    if (missing.length === 0) return;
    throw new ApiError(422, `Validation error: ${missing.map((f) => `${f} is required`).join(', ')}`, missing.map((field) => ({ field, message: `${field} is required` })));
  }

  private checkDuplicateEmail(input: Record<string, unknown>, except?: string): void {
    if (this.options.duplicateEmails === 'allow' || !Array.isArray(input.emails)) return;
    const taken = new Set(this.rows(CUSTOMER_LIST).filter((c) => c.id !== except).flatMap((c) => (Array.isArray(c.emails) ? (c.emails as Array<{ email?: unknown }>).map((e) => String(e.email).toLowerCase()) : [])));
    for (const e of input.emails as Array<{ email?: unknown }>) {
      if (isObject(e) && typeof e.email === 'string' && taken.has(e.email.toLowerCase())) {
        throw validationError('emails.email', `${e.email} is already the email of another customer (the emulator\u2019s choice; start it with duplicateEmails: 'allow' to accept it)`);
      }
    }
  }

  private create(listPath: string, body: unknown, scope?: Scope): Row {
    const input = this.requireObject(body);
    this.checkAppData(input);
    // POST /customer-address creates a customer with an address (platform.md §3), or adds one to customerId.
    if (listPath === ADDRESS_LIST && !scope) {
      if (typeof input.customerId === 'string') return this.create(ADDRESS_LIST, input, { field: 'customerId', value: this.find(CUSTOMER_LIST, input.customerId).id });
      const customerFields = ['honorific', 'firstName', 'lastName', 'birthDate', 'emails', 'phones', 'emailMarketingStatus', 'tags', 'metaData', 'appData'];
      this.checkRequired(ADDRESS_LIST, input);
      const customer = this.create(CUSTOMER_LIST, Object.fromEntries(Object.entries(input).filter(([k]) => customerFields.includes(k) || ['city', 'stateCode', 'zipCode', 'countryCode'].includes(k))));
      const { emails: _e, phones: _p, tags: _t, metaData: _m, birthDate: _b, emailMarketingStatus: _s, ...address } = input;
      return this.create(ADDRESS_LIST, address, { field: 'customerId', value: customer.id });
    }
    this.checkRequired(listPath, input, scope);
    if (listPath === CUSTOMER_LIST) this.checkDuplicateEmail(input);
    if (listPath === '/inventory-transaction') this.moveInventory(input);
    const now = new Date().toISOString();
    const row: Row = { ...structuredClone(input), id: randomUUID(), createdAt: now, updatedAt: now };
    if (scope) row[scope.field] = scope.value;
    if (listPath === ORDER_LIST) {
      row.orderNumber = typeof input.orderNumber === 'number' ? input.orderNumber : this.takeOrderNumber();
      row.orderSubmittedDate ??= now;
    }
    if (listPath === '/reservation' && row.reservationNumber === undefined) {
      row.reservationNumber = 1 + Math.max(5000, ...this.rows(listPath).map((r) => (typeof r.reservationNumber === 'number' ? r.reservationNumber : 0)));
    }
    const def = objectDef(listPath);
    if (def) fillDefaults(row, def.schema);
    if (listPath === CUSTOMER_LIST) {
      row.emailMarketingStatus = input.emailMarketingStatus ?? 'Unsubscribed';
      row.countryCode = input.countryCode ?? 'US';
      // Recent responses carry an email status (observed: "Ok"; customerEmailStatus Ok | Bounced is documented).
      for (const e of Array.isArray(row.emails) ? row.emails : []) if (isObject(e) && e.status === undefined) e.status = 'Ok';
    }
    this.rows(listPath).push(row);
    return row;
  }

  private takeOrderNumber(): number {
    const n = this.nextOrderNumber ?? 1 + Math.max(1000, ...this.rows(ORDER_LIST).map((o) => (typeof o.orderNumber === 'number' ? o.orderNumber : 0)));
    this.nextOrderNumber = n + 1;
    return n;
  }

  /** PUT /order-number { orderNumber }: the number the next order gets (inferred: Commerce7 documents the path only). */
  private setOrderNumber(body: unknown): Record<string, unknown> {
    const input = this.requireObject(body);
    if (!Number.isInteger(input.orderNumber) || (input.orderNumber as number) < 1) throw validationError('orderNumber', 'is required: a whole number, the number the next order gets');
    this.nextOrderNumber = input.orderNumber as number;
    return { orderNumber: this.nextOrderNumber };
  }

  /** PUT /order/upsert: updates the order with the body's id (or orderNumber), else creates it. */
  private upsertOrder(body: unknown): Row {
    const input = this.requireObject(body);
    const rows = this.rows(ORDER_LIST);
    const existing = rows.find((o) => (input.id !== undefined && o.id === input.id) || (input.id === undefined && input.orderNumber !== undefined && o.orderNumber === input.orderNumber));
    if (existing) return this.update(existing, input);
    const { id, ...rest } = input;
    const row = this.create(ORDER_LIST, rest);
    if (typeof id === 'string' && id !== '') row.id = id;
    return row;
  }

  /** POST /order/{id}/fulfillment (the items given) or …/fulfillment/all (every unfulfilled quantity). Returns the order. */
  private fulfill(order: Row, body: unknown, all: boolean): Row {
    const input = isObject(body) ? body : {};
    const type = input.type ?? (all ? defaultFulfillmentType(order) : undefined);
    if (!(FULFILLMENT_TYPES as readonly unknown[]).includes(type)) throw validationError('type', `is required: one of ${FULFILLMENT_TYPES.map((t) => `"${t}"`).join(', ')}`);
    const orderItems = Array.isArray(order.items) ? (order.items as Array<Record<string, unknown>>) : [];
    const lines: Array<{ item: Record<string, unknown>; quantity: number }> = [];
    if (all) {
      for (const item of orderItems) {
        const left = Number(item.quantity ?? 0) - Number(item.quantityFulfilled ?? 0);
        if (left > 0) lines.push({ item, quantity: left });
      }
      if (lines.length === 0) throw validationError('items', 'every item of this order is already fulfilled');
    } else {
      const wanted = input.items === undefined ? [] : input.items;
      if (!Array.isArray(wanted)) throw validationError('items', 'must be a list of { orderItemId, quantity }');
      wanted.forEach((w: unknown, i) => {
        const ref = isObject(w) ? (w.orderItemId ?? w.itemId ?? w.id) : undefined;
        const item = orderItems.find((it) => it.id === ref);
        if (!item) throw validationError(`items[${i}].orderItemId`, `${String(ref)} is not an item of order ${order.id}`);
        const left = Number(item.quantity ?? 0) - Number(item.quantityFulfilled ?? 0);
        const quantity = isObject(w) && w.quantity !== undefined ? Number(w.quantity) : left;
        if (!Number.isInteger(quantity) || quantity < 1 || quantity > left) throw validationError(`items[${i}].quantity`, `must be a whole number from 1 to ${left} (unfulfilled)`);
        lines.push({ item, quantity });
      });
    }
    const now = new Date().toISOString();
    for (const l of lines) l.item.quantityFulfilled = Number(l.item.quantityFulfilled ?? 0) + l.quantity;
    const fulfillment = {
      id: randomUUID(), type, fulfillmentDate: typeof input.fulfillmentDate === 'string' ? input.fulfillmentDate : now,
      inventoryLocationId: input.inventoryLocationId ?? null, packageCount: typeof input.packageCount === 'number' ? input.packageCount : type === 'Shipped' ? 1 : 0,
      trackingNumbers: Array.isArray(input.trackingNumbers) ? input.trackingNumbers : [],
      items: lines.map((l) => ({ id: randomUUID(), orderItemId: l.item.id, quantityFulfilled: l.quantity })), createdAt: now,
    };
    order.fulfillments = [...(Array.isArray(order.fulfillments) ? order.fulfillments : []), fulfillment];
    this.refreshFulfillmentStatus(order);
    return order;
  }

  private unfulfill(order: Row, fulfillmentId: string): Row {
    const list = Array.isArray(order.fulfillments) ? (order.fulfillments as Array<Record<string, unknown>>) : [];
    const f = list.find((x) => x.id === fulfillmentId);
    if (!f) throw new ApiError(404, `order ${order.id} has no fulfillment ${fulfillmentId}`);
    const items = Array.isArray(order.items) ? (order.items as Array<Record<string, unknown>>) : [];
    for (const line of (Array.isArray(f.items) ? f.items : []) as Array<Record<string, unknown>>) {
      const item = items.find((it) => it.id === line.orderItemId);
      if (item) item.quantityFulfilled = Math.max(0, Number(item.quantityFulfilled ?? 0) - Number(line.quantityFulfilled ?? 0));
    }
    order.fulfillments = list.filter((x) => x !== f);
    this.refreshFulfillmentStatus(order);
    return order;
  }

  private refreshFulfillmentStatus(order: Row): void {
    const items = Array.isArray(order.items) ? (order.items as Array<Record<string, unknown>>) : [];
    const done = items.reduce((s, it) => s + Number(it.quantityFulfilled ?? 0), 0);
    const total = items.reduce((s, it) => s + Number(it.quantity ?? 0), 0);
    const fulfillments = (order.fulfillments ?? []) as Array<Record<string, unknown>>;
    order.fulfillmentStatus = total > 0 && done >= total ? 'Fulfilled' : done > 0 ? 'Partially Fulfilled' : fulfillments.length > 0 && total === 0 ? 'Fulfilled' : 'Not Fulfilled';
    order.orderFulfilledDate = order.fulfillmentStatus === 'Fulfilled' ? (fulfillments.at(-1)?.fulfillmentDate ?? new Date().toISOString()) : null;
    order.updatedAt = new Date().toISOString();
  }

  /** POST /inventory-transaction: moves the count of the variant at the location (and on the product's variant). */
  private moveInventory(input: Record<string, unknown>): void {
    const quantity = input.quantity;
    if (!Number.isInteger(quantity)) throw validationError('quantity', 'must be a whole number');
    const type = String(input.transactionType);
    const allowed = ['Receive', 'Sale', 'Adjustment', 'Transfer', 'Damage'];
    if (!allowed.includes(type)) throw validationError('transactionType', `must be one of ${allowed.map((t) => `"${t}"`).join(', ')}`);
    const q = quantity as number;
    const delta = type === 'Receive' || type === 'Adjustment' ? q : -Math.abs(q);
    const apply = (locationId: unknown, d: number) => {
      const rows = this.rows('/inventory');
      let inv = rows.find((r) => r.productVariantId === input.productVariantId && r.inventoryLocationId === locationId);
      if (!inv) {
        const product = this.rows('/product').find((p) => Array.isArray(p.variants) && (p.variants as Array<{ id?: unknown }>).some((v) => v.id === input.productVariantId));
        if (!product) throw validationError('productVariantId', `${String(input.productVariantId)} is not a product variant of this tenant`);
        const now = new Date().toISOString();
        inv = { id: randomUUID(), productId: product.id, productVariantId: input.productVariantId, sku: '', inventoryLocationId: locationId, availableForSaleCount: 0, reserveCount: 0, allocatedCount: 0, createdAt: now, updatedAt: now } as Row;
        rows.push(inv);
      }
      inv.availableForSaleCount = Number(inv.availableForSaleCount ?? 0) + d;
      inv.updatedAt = new Date().toISOString();
      for (const p of this.rows('/product')) {
        for (const v of (Array.isArray(p.variants) ? p.variants : []) as Array<Record<string, unknown>>) {
          if (v.id !== input.productVariantId || !Array.isArray(v.inventory)) continue;
          const at = (v.inventory as Array<Record<string, unknown>>).find((x) => x.inventoryLocationId === locationId);
          if (at) at.availableForSaleCount = inv.availableForSaleCount;
          else (v.inventory as unknown[]).push({ inventoryLocationId: locationId, availableForSaleCount: inv.availableForSaleCount });
        }
      }
    };
    apply(input.inventoryLocationId, delta);
    if (type === 'Transfer' && input.toInventoryLocationId !== undefined) apply(input.toInventoryLocationId, Math.abs(q));
  }

  private linkPromotion(body: unknown): Row {
    const input = this.requireObject(body);
    const missing = ['promotionSetId', 'promotionId'].filter((f) => typeof input[f] !== 'string');
    if (missing.length) throw new ApiError(422, `Validation error: ${missing.map((f) => `${f} is required`).join(', ')}`, missing.map((field) => ({ field, message: `${field} is required` })));
    const set = this.find('/promotion-set', input.promotionSetId as string);
    const promotion = this.find('/promotion', input.promotionId as string);
    const promotions = Array.isArray(set.promotions) ? (set.promotions as Array<{ id?: unknown }>) : [];
    if (!promotions.some((p) => p.id === promotion.id)) promotions.push({ id: promotion.id, title: promotion.title } as { id: unknown });
    set.promotions = promotions;
    set.updatedAt = new Date().toISOString();
    const link: Row = { id: randomUUID(), promotionSetId: set.id, promotionId: promotion.id, createdAt: set.updatedAt };
    this.promotionLinks.push(link);
    return link;
  }

  private unlinkPromotion(id: string): Row {
    const link = this.promotionLinks.find((l) => l.id === id);
    if (!link) throw new ApiError(404, `promotion-set-x-promotion ${id} not found`);
    this.promotionLinks.splice(this.promotionLinks.indexOf(link), 1);
    const set = this.rows('/promotion-set').find((s) => s.id === link.promotionSetId);
    if (set && Array.isArray(set.promotions)) set.promotions = (set.promotions as Array<{ id?: unknown }>).filter((p) => p.id !== link.promotionId);
    return link;
  }

  /** A deleted object goes to /trash (inferred: the trash's shape is not documented). */
  private toTrash(listPath: string, row: Row): void {
    if (listPath === TRASH_LIST) return;
    const now = new Date().toISOString();
    this.rows(TRASH_LIST).push({ id: randomUUID(), objectType: listPath.slice(1), objectId: row.id, object: structuredClone(row), deletedAt: now, createdAt: now, updatedAt: now });
  }

  /** PUT: top-level fields may be partial; a sub-object sent replaces the stored one, except appData keys of other apps. */
  private update(row: Row, body: unknown): Row {
    const input = this.requireObject(body);
    this.checkAppData(input);
    if (Array.isArray(input.emails) && this.rows(CUSTOMER_LIST).includes(row)) this.checkDuplicateEmail(input, row.id);
    const { id: _id, createdAt: _createdAt, appData, ...fields } = structuredClone(input);
    // A sub-object sent replaces the stored one (platform.md §4); nested list elements get ids as on create.
    for (const [k, v] of Object.entries(fields)) {
      if (!Array.isArray(v)) continue;
      for (const el of v) if (isObject(el) && el.id === undefined && Array.isArray(row[k]) && (row[k] as unknown[]).some((x) => isObject(x) && 'id' in x)) el.id = randomUUID();
    }
    Object.assign(row, fields);
    if (appData !== undefined && appData !== null) row.appData = { ...(isObject(row.appData) ? row.appData : {}), ...(appData as object) };
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

// Every documented path × method of platform.md §3 (and the paths that need no permission), as data: the emulator
// serves each one, and test/emulator/contract.test.ts is generated from this list. `{x}` segments are ids.
// `answer` is the body an answer carries: a list envelope, a cursor list, or one object.
export interface DocumentedEndpoint {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  answer: 'list' | 'object';
  /** Seen in the wild, not in the permission table (platform.md §3). */
  wild?: true;
}

type M = DocumentedEndpoint['method'];
const ep = (method: M, path: string, answer: DocumentedEndpoint['answer'] = 'object'): DocumentedEndpoint => ({ method, path, answer });

/** GET list, GET item, POST, PUT item, DELETE item. */
function crud(base: string, item = `${base}/{id}`): DocumentedEndpoint[] {
  return [ep('GET', base, 'list'), ep('GET', item), ep('POST', base), ep('PUT', item), ep('DELETE', item)];
}

export const DOCUMENTED_ENDPOINTS: readonly DocumentedEndpoint[] = [
  ...crud('/cart'),
  ...crud('/club'),
  ...crud('/club-membership'),
  ...crud('/club-package'),
  ...crud('/collection'),
  ...crud('/coupon'),
  ...crud('/customer'),
  ...crud('/customer/{customerId}/address'),
  ep('GET', '/customer-address', 'list'),
  ep('POST', '/customer-address'),
  ...crud('/customer/{customerId}/credit-card'),
  ...crud('/department'),
  ...crud('/gift-card'),
  ep('GET', '/gift-card-transaction', 'list'),
  ep('GET', '/inventory', 'list'), ep('GET', '/inventory/{id}'), ep('POST', '/inventory'),
  ep('GET', '/inventory-location', 'list'), ep('GET', '/inventory-location/{id}'), ep('POST', '/inventory-location'),
  ep('POST', '/inventory-transaction'),
  ep('GET', '/meta-data-config/{objectType}', 'list'), ep('GET', '/meta-data-config/{objectType}/{id}'),
  ep('POST', '/meta-data-config/{objectType}'), ep('PUT', '/meta-data-config/{objectType}/{id}'),
  ...crud('/note'),
  ep('GET', '/order', 'list'), ep('GET', '/order/{id}'), ep('POST', '/order'), ep('PUT', '/order/upsert'), ep('PUT', '/order-number'),
  ep('POST', '/order/{id}/fulfillment'), ep('POST', '/order/{id}/fulfillment/all'), ep('DELETE', '/order/{id}/fulfillment/{fulfillmentId}'),
  ...crud('/product'),
  ep('GET', '/wine-appellation', 'list'), ep('GET', '/wine-varietal', 'list'),
  ...crud('/promotion'),
  ep('GET', '/promotion-set/{id}'), ep('POST', '/promotion-set'), ep('PUT', '/promotion-set/{id}'), ep('DELETE', '/promotion-set/{id}'),
  ep('POST', '/promotion-set-x-promotion'), ep('DELETE', '/promotion-set-x-promotion/{id}'),
  ...crud('/reservation'),
  ...crud('/reservation-type'),
  ep('GET', '/setting'),
  ...crud('/shipping'),
  ep('GET', '/tag/{objectType}', 'list'), ep('GET', '/tag/{objectType}/{id}'), ep('POST', '/tag/{objectType}'),
  ep('PUT', '/tag/{objectType}/{id}'), ep('DELETE', '/tag/{objectType}/{id}'),
  ep('POST', '/tag-x-object/{objectType}'), ep('DELETE', '/tag-x-object/{objectType}/{tagId}/{objectId}'),
  ...crud('/vendor'),
  ...crud('/web-hook'),
  ep('GET', '/web-hook-log', 'list'),
  // No permission.
  ep('GET', '/account/user'),
  ep('POST', '/app-sync'),
  ep('GET', '/app-syncs/{objectId}', 'list'),
  ep('GET', '/setting/for-web'),
  // Seen in the wild (no known permission): the emulator serves it to any installed app.
  { method: 'GET', path: '/trash', answer: 'list', wild: true },
];

/** Paths the emulator serves although no permission is known for them (platform.md §3 "seen in the wild"). */
export const SERVED_WITHOUT_KNOWN_PERMISSION: readonly string[] = ['/trash'];

// The documented list filters, per list path: the query parameter, the object field it reads, its value type and
// the operators it takes (platform.md §4: gt: gte: lt: lte: btw: in:, or a plain value). Sources as in objects.ts:
// "wrapper" = the order list options of github.com/Weldawadyathink/commerce7-api-wrapper (client code written against
// the real API), "docs/<page>" = developer.commerce7.com/docs/<page>, "platform" = platform.md, "issue13" = filters
// real client code sends (issue 13), "inferred" = ours.
import { FILTER_OPERATORS } from './api.js';

export type FilterOperator = (typeof FILTER_OPERATORS)[number] | 'eq';
export type FilterType = 'date' | 'number' | 'id' | 'enum' | 'string' | 'boolean';

export interface FilterDef {
  /** Dotted path to the field on the object ("orderInformation.lifetimeValue", "tags.id"). */
  field: string;
  type: FilterType;
  /** For enum filters: the values Commerce7 documents. */
  values?: readonly string[];
  /** The rows of another list hold the matching ids (queryId: a saved query's results). */
  via?: { listPath: string; idsField: string };
  source: string;
}

/** The operators a filter of each type takes: a plain value always; order for dates and numbers; lists for the rest. */
export const OPERATORS_BY_TYPE: Readonly<Record<FilterType, readonly FilterOperator[]>> = {
  date: ['eq', 'gt', 'gte', 'lt', 'lte', 'btw'],
  number: ['eq', 'gt', 'gte', 'lt', 'lte', 'btw', 'in'],
  id: ['eq', 'in'],
  enum: ['eq', 'in'],
  string: ['eq', 'in'],
  boolean: ['eq'],
};

const d = (field: string, source = 'inferred'): FilterDef => ({ field, type: 'date', source });
const n = (field: string, source = 'inferred'): FilterDef => ({ field, type: 'number', source });
const id = (field: string, source = 'inferred'): FilterDef => ({ field, type: 'id', source });
const e = (field: string, values: readonly string[], source = 'inferred'): FilterDef => ({ field, type: 'enum', values, source });
const s = (field: string, source = 'inferred'): FilterDef => ({ field, type: 'string', source });
const b = (field: string, source = 'inferred'): FilterDef => ({ field, type: 'boolean', source });
const stamps = (source = 'inferred') => ({ updatedAt: d('updatedAt', source), createdAt: d('createdAt', source) });

export const LIST_FILTERS: Readonly<Record<string, Readonly<Record<string, FilterDef>>>> = {
  '/order': {
    id: id('id', 'wrapper'), customerId: id('customerId', 'wrapper'), orderTagId: id('tags.id', 'wrapper'), tagId: id('tags.id', 'wrapper'),
    posProfileId: id('posProfileId', 'wrapper'), allocationId: id('items.allocationId', 'wrapper'),
    queryId: { field: 'id', type: 'id', via: { listPath: '/query', idsField: 'objectIds' }, source: 'wrapper (how a saved query selects: inferred)' },
    updatedAt: d('updatedAt', 'wrapper'), createdAt: d('createdAt'), orderPaidDate: d('orderPaidDate', 'wrapper, platform'),
    orderFulfilledDate: d('orderFulfilledDate', 'wrapper'), orderSubmittedDate: d('orderSubmittedDate', 'wrapper'),
    fulfillmentStatus: e('fulfillmentStatus', ['Fulfilled', 'Not Fulfilled', 'Partially Fulfilled', 'No Fulfillment Required'], 'wrapper'),
    complianceStatus: e('complianceStatus', ['Compliant', 'Forced', 'Not Checked', 'No Compliance Required', 'Quarantined', 'Void'], 'wrapper'),
    channel: e('channel', ['Inbound', 'Outbound', 'Web', 'POS', 'Club', 'Marketplace'], 'docs/orders-1 (Inbound, Web, POS, Club), wrapper (Outbound, Marketplace)'),
    orderDeliveryMethod: e('orderDeliveryMethod', ['Pickup', 'Carry Out', 'Ship'], 'wrapper'),
    paymentStatus: e('paymentStatus', ['Paid', 'Authorized', 'Cancelled'], 'docs/orders-1 (the paymentStatus ENUMs)'),
    orderNumber: n('orderNumber'), total: n('total'),
  },
  '/customer': {
    id: id('id'), tagId: id('tags.id', 'platform (the Bulk Update callbackUrl)'), clubId: id('clubs.clubId'),
    lifetimeValue: n('orderInformation.lifetimeValue', 'issue13'), orderCount: n('orderInformation.orderCount', 'issue13'),
    lastOrderDate: d('orderInformation.lastOrderDate'),
    emailMarketingStatus: e('emailMarketingStatus', ['Subscribed', 'Unsubscribed']), birthDate: d('birthDate'),
    stateCode: s('stateCode'), countryCode: s('countryCode'), ...stamps(),
  },
  '/customer-address': { customerId: id('customerId'), ...stamps() },
  '/product': {
    id: id('id'), collectionId: id('collections.id', 'issue13'), departmentId: id('departmentId'), vendorId: id('vendorId'),
    type: e('type', ['General Merchandise', 'Tasting', 'Wine', 'Cannabis', 'Bundle', 'Reservation', 'Event Ticket', 'Gift Card', 'Collateral', 'Rebate'], 'docs/products'),
    webStatus: e('webStatus', ['Available', 'Not Available', 'Retired'], 'docs/products'), adminStatus: e('adminStatus', ['Available', 'Not Available', 'Hidden'], 'docs/products'), ...stamps(),
  },
  '/reservation': {
    id: id('id'), customerId: id('customerId'), reservationTypeId: id('reservationTypeId'), tagId: id('tags.id'),
    reservationDate: d('reservationDate', 'docs/reservations-2'), paymentStatus: e('paymentStatus', ['Paid', 'Declined', 'Pending'], 'docs/reservations-2'),
    channel: e('channel', ['Web', 'Inbound'], 'docs/reservations-2'),
    status: e('status', ['Incomplete', 'Hold', 'Reserved', 'Processing', 'Paid', 'Checked In', 'Closed Out', 'Cancelled', 'No Show'], 'docs/reservations-2'), ...stamps(),
  },
  '/note': { customerId: id('customerId'), orderId: id('orderId', 'issue13'), type: e('type', ['Note', 'Task']), ...stamps() },
  '/club-membership': {
    customerId: id('customerId'), clubId: id('clubId'), tagId: id('tags.id'), status: e('status', ['Active', 'Cancelled', 'On Hold']),
    signupDate: d('signupDate'), cancelDate: d('cancelDate'), ...stamps(),
  },
  '/cart': { customerId: id('customerId'), ...stamps() },
  '/web-hook-log': { isSuccess: b('isSuccess', 'platform'), updatedAt: d('updatedAt', 'platform'), webHookId: id('webHookId'), object: s('object') },
  '/gift-card': { customerId: id('customerId'), status: e('status', ['Active', 'Inactive']), ...stamps() },
  '/gift-card-transaction': { giftCardId: id('giftCardId'), orderId: id('orderId'), ...stamps() },
  '/inventory': { productVariantId: id('productVariantId'), productId: id('productId'), inventoryLocationId: id('inventoryLocationId'), sku: s('sku'), ...stamps() },
  '/inventory-transaction': { productVariantId: id('productVariantId'), inventoryLocationId: id('inventoryLocationId'), ...stamps() },
  '/trash': { objectType: s('objectType'), ...stamps() },
  '/tag': { type: e('type', ['Manual', 'Dynamic']), ...stamps() },
  // Reference lists: no filter documented or needed.
  '/wine-varietal': {}, '/wine-appellation': {},
};

/** Lists with no specific documented filter take updatedAt / createdAt (inferred: the sync pattern every client uses). */
export function filtersOf(listPath: string): Readonly<Record<string, FilterDef>> {
  return LIST_FILTERS[listPath] ?? stamps();
}

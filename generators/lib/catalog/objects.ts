// The objects of the Commerce7 API as data: for each list path its list key, a JSON Schema of the object as
// Commerce7 returns it, and the fields a create must carry (else 422 validationError naming each). The emulator's
// seed and what its POST/PUT return pass these schemas (test/emulator/shapes.test.ts, contract.test.ts); a generated
// app's TypeScript types of the objects are rendered from them (render/objects-module.ts).
//
// Every field's schema carries its source in `$comment` (test/emulator/sources.test.ts fails on a field without
// one), written "<kind>: <keys or reason>":
//   documented: a response shown in Commerce7's API documentation, developer.commerce7.com/docs/<page> (the page
//               names below), or platform.md (../shared/commerce7/platform.md)
//   observed:   a real response kept in public client code (the keys below: repository and path)
//   inferred:   our choice, with the reason
// A field is optional (left out of `required`, `?` in the generated types) when a documented or observed response of
// the object leaves it out; nullable when one shows it null. Commerce7 sends more fields than are modelled here.
import { LIST_KEYS } from './api.js';

/** A JSON Schema (draft 2020-12 subset: type, properties, required, items, enum, format, additionalProperties, $comment). */
export type JsonSchema = Record<string, unknown>;

/** Where a `documented:` or `observed:` note points. */
export const SOURCES: Readonly<Record<string, { kind: 'documented' | 'observed'; where: string }>> = {
  'orders-1': { kind: 'documented', where: 'developer.commerce7.com/docs/orders-1 (Order object, ENUMs, Cart object, list response)' },
  customers: { kind: 'documented', where: 'developer.commerce7.com/docs/customers (Customer object, ENUMs, list response)' },
  'club-memberships': { kind: 'documented', where: 'developer.commerce7.com/docs/club-memberships (Club membership object, ENUMs)' },
  'clubs-1': { kind: 'documented', where: 'developer.commerce7.com/docs/clubs-1 (Club object, ENUMs)' },
  products: { kind: 'documented', where: 'developer.commerce7.com/docs/products (Product object, ENUMs)' },
  'reservations-2': { kind: 'documented', where: 'developer.commerce7.com/docs/reservations-2 (Reservation object, list filters)' },
  tags: { kind: 'documented', where: 'developer.commerce7.com/docs/tags (Tag object, ENUMs)' },
  vendors: { kind: 'documented', where: 'developer.commerce7.com/docs/vendors (Vendor object)' },
  platform: { kind: 'documented', where: 'platform.md \u00a73 (paths, appData under appData.<appId>, web-hook-log, app-sync) and \u00a74 (money in cents)' },
  wrapper: { kind: 'observed', where: 'github.com/Weldawadyathink/commerce7-api-wrapper src/order.ts (C7OrderType, typed from real /order responses, with the embedded customer)' },
  nofraud: { kind: 'observed', where: 'github.com/Commerce7/nofraud api/api/app/main/orderSync/manager.js (Commerce7\u2019s own app reading orders)' },
  zapier: { kind: 'observed', where: 'github.com/dandiep/zapier-commerce7-plugin samples/sample_new_reservation.js (a real /reservation list response, with its customer and customerCreditCard)' },
  fixture: { kind: 'observed', where: 'a real /order list response kept as a client\u2019s test fixture (stored code corpus, file id 13587359970; the index names no repository)' },
};

const OPTIONAL = new WeakSet<object>();
/** Each field of `props` with its source note (kept on a copy, so shared schemas stay unstamped). */
function at(note: string, props: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(props).map(([k, s]) => {
    const c = { ...s, $comment: note };
    if (OPTIONAL.has(s)) OPTIONAL.add(c);
    return [k, c];
  }));
}
/** Fields a documented or observed response of the object leaves out. */
function opt(props: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(props).map(([k, s]) => { const c = { ...s }; OPTIONAL.add(c); return [k, c]; }));
}
const doc = (...keys: string[]) => `documented: ${keys.join(', ')}`;
const seen = (...keys: string[]) => `observed: ${keys.join(', ')}`;
const guess = (why: string) => `inferred: ${why}`;

const S = { type: 'string' } as const;
const NS = { type: ['string', 'null'] } as const;
const INT = { type: 'integer' } as const;
const NINT = { type: ['integer', 'null'] } as const;
const NUM = { type: 'number' } as const;
const BOOL = { type: 'boolean' } as const;
const DATE = { type: 'string', format: 'date-time' } as const;
const NDATE = { type: ['string', 'null'], format: 'date-time' } as const;
const OBJ = { type: 'object' } as const;
const NOBJ = { type: ['object', 'null'] } as const;
const en = (...values: Array<string | null>) => ({ enum: values });
const arr = (items: JsonSchema) => ({ type: 'array', items });
/** An object: its listed properties are present unless marked optional (Commerce7 mostly sends nulls, not gaps). */
const obj = (properties: Record<string, JsonSchema>, nullable = false): JsonSchema => ({
  type: nullable ? ['object', 'null'] : 'object', properties,
  required: Object.entries(properties).filter(([, s]) => !OPTIONAL.has(s)).map(([k]) => k), additionalProperties: true,
});

const STAMPS = (note: string) => at(note, { createdAt: DATE, updatedAt: DATE });
const ADDRESS_FIELDS = {
  honorific: NS, firstName: S, lastName: S, company: NS, phone: NS, address: S, address2: NS, city: S, stateCode: S, zipCode: S, countryCode: S,
};
/** shipTo/billTo of an order (documented on orders-1; birthDate there, null or a date). */
const ORDER_ADDRESS = obj({
  ...at(doc('orders-1'), { id: S, customerAddressId: NS, birthDate: NS, ...ADDRESS_FIELDS }),
}, true);
/** pickupBy/carryOut: the pickup location's address, with its inventoryLocationId and nullable names (documented). */
const PICKUP_ADDRESS = obj({
  ...at(doc('orders-1'), { id: S, inventoryLocationId: NS, customerAddressId: NS, birthDate: NS, honorific: NS, firstName: NS, lastName: NS, company: NS, phone: NS, address: S, address2: NS, city: S, stateCode: S, zipCode: S, countryCode: S }),
}, true);
const TAG_REF = obj({ ...at(doc('customers'), { id: S, title: S }) });
const NAMED_REF = (note: string) => obj(at(note, { id: S, title: S }));

export interface ObjectDef {
  /** The list path ("/order") and the key of its list envelope ("orders"). */
  listPath: string;
  listKey: string;
  /** The object as Commerce7 returns it; each property's `$comment` says where its shape comes from. */
  schema: JsonSchema;
  /** Top-level fields a create must carry (422 validationError naming each missing one). */
  create: readonly string[];
  /** Groups of which a create must carry at least one field (a note: customerId or orderId); the first is named. */
  createOneOf?: ReadonlyArray<readonly string[]>;
  /** Where the create rule comes from (Commerce7 documents no required fields but the customer's email). */
  createSource: string;
}

/** Where an object's id is seen (a uuid string in every documented and observed response); others: inferred. */
const ID_SOURCE: Readonly<Record<string, string>> = {
  '/order': doc('orders-1'), '/customer': doc('customers'), '/club-membership': doc('club-memberships'), '/club': doc('clubs-1'),
  '/product': doc('products'), '/reservation': doc('reservations-2'), '/tag': doc('tags'), '/vendor': doc('vendors'),
  '/customer-address': doc('orders-1') + ' (shipTo.customerAddressId)', '/promotion': doc('orders-1') + ' (promotions[].promotionId)',
  '/shipping': doc('orders-1') + ' (shipping[].shippingServiceId)', '/reservation-type': doc('reservations-2') + ' (reservationType.id)',
  '/collection': doc('products') + ' (collections[].id)', '/department': doc('orders-1') + ' (items[].departmentId)',
  '/cart': doc('orders-1') + ' (the Cart object)', '/inventory-location': seen('zapier') + ' (inventoryLocation.id)',
  '/customer-credit-card': seen('zapier') + ' (customerCreditCard.id)', '/pos-profile': seen('fixture') + ' (posProfile.id)',
};

const def = (listPath: string, listKey: string, properties: Record<string, JsonSchema>, create: string[], createSource: string, createOneOf?: string[][]): ObjectDef =>
  ({ listPath, listKey, schema: obj({ ...at(ID_SOURCE[listPath] ?? guess('every Commerce7 object has a string id (a uuid in every documented one)'), { id: S }), ...properties }), create, createSource, ...(createOneOf ? { createOneOf } : {}) });

export const FULFILLMENT_TYPES = ['Shipped', 'Picked Up', 'Carry Out', 'No Fulfillment Required'] as const;

const ORDER_ITEM = obj({
  ...at(doc('orders-1'), {
    id: S, productTitle: S, type: S, inventoryLocationId: NS, productId: S, productVariantTitle: S, productVariantId: S, image: NS, sku: S,
    costOfGood: INT, price: INT, originalPrice: INT, comparePrice: NINT, bottleDeposit: INT, quantity: INT, quantityFulfilled: INT,
    isPriceOverride: BOOL, tax: INT, taxType: S, weight: NUM, hasShipping: BOOL, vendor: NS, volumeInML: NINT, departmentCode: NS,
    allocationId: NS, departmentId: NS,
  }),
  // A comma-separated string of collection ids, or null (documented twice on orders-1; the wrapper types a string).
  ...at(doc('orders-1') + '; ' + seen('wrapper'), { collectionIds: NS }),
  ...opt(at(doc('orders-1') + ' (on cart items only; order items leave it out)', { purchaseType: S })),
});
const TENDER = obj({
  ...at(doc('orders-1'), {
    id: S, previousTenderId: NS,
    tenderType: en('Credit Card', 'Cash', 'COD', 'External', 'Debit', 'Gift Card', 'Other', 'Alipay', 'WeChat Pay', 'Loyalty Points'),
    // The ENUMs list Sale, PreAuth, Cancel, Refund; the documented responses show "Capture".
    chargeType: en('Sale', 'PreAuth', 'Cancel', 'Refund', 'Capture'),
    chargeStatus: en('Pending', 'Failed', 'Success', 'Waiting', 'Cancelled'),
    amountTendered: INT, tip: INT, errorCode: S, paymentDate: DATE, createdAt: DATE, updatedAt: DATE,
  }),
  ...opt(at(doc('orders-1') + ' (the order object has it; the fixture\u2019s tender leaves it out)', { refundId: NS })),
  ...at(doc('orders-1') + '; ' + seen('wrapper', 'fixture', 'nofraud') + '; null on a tender without a card: inferred', {
    creditCard: obj(at(doc('orders-1'), { gateway: S, cardBrand: S, maskedCardNumber: S, expiryMo: INT, expiryYr: INT, cardHolderName: S, customerCreditCardId: NS }), true),
  }),
  ...opt(at(seen('wrapper', 'fixture') + ' (left out by the documented tender)', {
    giftCard: obj(at(seen('wrapper', 'fixture'), { id: NS, maskedCode: NS })),
  })),
});
const FULFILLMENT = obj({
  ...at(doc('orders-1'), { id: S, type: en(...FULFILLMENT_TYPES), fulfillmentDate: DATE, packageCount: INT }),
  ...opt(at(seen('fixture', 'wrapper') + ' (left out by the documented fulfillment)', { inventoryLocationId: NS })),
  ...at(doc('orders-1') + ' ({ sku, quantityFulfilled }); ' + seen('fixture', 'wrapper') + ' ({ id, quantityFulfilled })', {
    items: arr(obj({
      ...opt(at(seen('fixture', 'wrapper'), { id: S })),
      ...at(doc('orders-1'), { quantityFulfilled: INT }),
      ...opt(at(guess('the emulator links a fulfilled line to its order item; Commerce7\u2019s field for it is not documented'), { orderItemId: S })),
    })),
  }),
  ...opt(at(doc('orders-1') + ' (a Picked Up fulfillment: { pickedUpBy })', { pickedUp: NOBJ })),
  ...opt(at(guess('the emulator keeps the tracking numbers a POST .../fulfillment sends; their place in a real response is not documented'), { trackingNumbers: arr(S) })),
  ...opt(at(guess('the emulator stamps when it recorded the fulfillment'), { createdAt: DATE })),
});

const ORDER_INFORMATION = obj({
  ...at(doc('customers'), {
    currentWebCartId: NS, lastOrderId: NS, lastOrderDate: NDATE, orderCount: INT, lifetimeValue: INT, rank: INT, rankTrend: NS, grossProfit: INT,
    currentClubTitle: NS, daysInCurrentClub: NINT,
  }),
  ...opt(at(seen('wrapper', 'zapier', 'fixture') + ' (left out by the documented customer)', {
    lifetimeValueSeedAmount: INT, yearlyValue: OBJ, acquisitionChannel: NS, daysInClub: INT, isActiveClubMember: BOOL,
  })),
});

const CUSTOMER_PROPS: Record<string, JsonSchema> = {
  ...at(doc('customers') + ' ("all fields optional except for email"; "if no data exists, null will be returned")', {
    avatar: NS, honorific: NS, firstName: NS, lastName: NS, birthDate: NS, city: NS, stateCode: NS, zipCode: NS, countryCode: NS,
    // null in the documented list response (Jane Doe) and in the fixture's embedded customer.
    emailMarketingStatus: en('Subscribed', 'Unsubscribed', null), lastActivityDate: NDATE,
    metaData: OBJ, appSync: NOBJ,
    flags: arr(obj(at(doc('customers'), { id: S, content: S }))),
    notifications: arr(obj(at(doc('customers'), { id: S, type: S, content: S, objectId: NS }))),
    orderInformation: ORDER_INFORMATION,
    emails: arr(obj({
      ...at(doc('customers'), { id: S, email: S }),
      // customerEmailStatus Ok | Bounced (ENUMs); the documented customer leaves it out, zapier and the fixture send "Ok".
      ...opt(at(doc('customers') + '; ' + seen('zapier', 'fixture', 'wrapper'), { status: en('Ok', 'Bounced') })),
    })),
    phones: arr(obj(at(doc('customers'), { id: S, phone: S }))),
    tags: arr(TAG_REF), groups: arr(TAG_REF),
    clubs: arr(obj(at(doc('customers'), { clubId: S, clubTitle: S, cancelDate: NDATE, signupDate: DATE, clubMembershipId: S }))),
    hasAccount: BOOL, createdAt: DATE, updatedAt: DATE,
  }),
  ...at(doc('customers', 'platform') + ' (null in the documented customer; an app writes under appData.<appId>)', { appData: NOBJ }),
};

export const OBJECTS: readonly ObjectDef[] = [
  def('/order', 'orders', {
    ...at(doc('orders-1'), {
      orderSubmittedDate: DATE, orderPaidDate: NDATE, orderNumber: INT, orderSource: S, previousOrderId: NS, previousOrderNumber: NINT,
      linkedOrders: arr(OBJ),
      paymentStatus: en('Paid', 'Authorized', 'Cancelled'),
      complianceStatus: en('Compliant', 'Forced', 'Not Checked', 'No Compliance Required', 'Quarantined', 'Void'),
      fulfillmentStatus: en('Fulfilled', 'Not Fulfilled', 'Partially Fulfilled', 'No Fulfillment Required'),
      cartId: NS, posProfileId: NS, customerId: NS, shippingInstructions: NS,
      taxSaleType: en('Offsite', 'Onsite'),
      subTotal: INT, shipTotal: INT, taxTotal: INT, dutyTotal: INT, bottleDepositTotal: INT, tipTotal: INT, total: INT, totalAfterTip: INT,
      giftMessage: NS, flags: arr(OBJ), isNonTaxable: BOOL, createdAt: DATE, updatedAt: DATE,
      // null in every documented and observed order; the shape of a club order's club is not published.
      club: NOBJ,
      shipping: arr(obj({
        ...at(doc('orders-1'), { id: S, title: S, code: S, service: S, shippingServiceId: NS, price: INT, originalPrice: INT, tax: INT }),
        ...opt(at(seen('wrapper') + ' (left out by the documented shipping line)', { carrier: S })),
      })),
      coupons: arr(OBJ), shipTo: ORDER_ADDRESS, billTo: ORDER_ADDRESS, pickupBy: PICKUP_ADDRESS, carryOut: PICKUP_ADDRESS,
      promotions: arr(obj(at(doc('orders-1'), { id: S, promotionId: S, title: S, inUse: BOOL, productValue: INT, shippingValue: INT, totalValue: INT }))),
      tenders: arr(TENDER), items: arr(ORDER_ITEM), fulfillments: arr(FULFILLMENT),
      taxes: arr(obj({
        // freight/food/generalMerchandise/cannabis/wine are rates in percent (5, 7.75), price is the tax in cents.
        ...at(doc('orders-1'), { id: S, vendor: S, title: S, countryCode: S, stateCode: NS, freight: NUM, food: NUM, generalMerchandise: NUM, cannabis: NUM, wine: NUM, price: INT, isIncludedInPrice: BOOL }),
        ...opt(at(doc('orders-1') + ' (in some documented tax lines, not all)', { isNonTaxable: BOOL, sortOrder: INT })),
      })),
      duties: arr(OBJ),
    }),
    // The wrapper types it string | null; the ENUMs: Pickup, Carry Out, Ship.
    ...at(doc('orders-1') + '; ' + seen('wrapper') + ' (nullable)', { orderDeliveryMethod: en('Ship', 'Pickup', 'Carry Out', null) }),
    ...at(doc('orders-1') + ' (channel ENUMs: Inbound, Web, POS, Club); ' + seen('wrapper') + ' (its filter type adds Outbound, Marketplace)', {
      channel: en('Inbound', 'Outbound', 'Web', 'POS', 'Club', 'Marketplace'),
    }),
    ...opt(at(doc('orders-1') + ' (in the list response, not the order object)', { refundOrderId: NS, refundOrderNumber: NINT })),
    ...opt(at(seen('wrapper', 'fixture') + ' (left out by the documented order object)', {
      orderFulfilledDate: NDATE, customerType: S, fraudCheckStatus: S, isNoDuty: BOOL, metaData: NOBJ, appSync: NOBJ,
      // purchaseType ENUMs are documented on orders-1; the documented order object leaves the field out.
      purchaseType: en('Regular', 'Refund', 'Exchange', 'Pickup To Ship', 'Corporate Order'),
      // shippingStatus ENUMs are documented; the fixture sends "Not Tracked" on a carry-out order.
      shippingStatus: en('Not Tracked', 'Pending', 'In Transit', 'Delivered'),
      customer: obj({
        ...at(doc('customers') + ' (the customer object; names null when not given)', { id: S, firstName: NS, lastName: NS, emailMarketingStatus: en('Subscribed', 'Unsubscribed', null), emails: arr(obj(at(doc('customers'), { id: S, email: S }))), phones: arr(obj(at(doc('customers'), { id: S, phone: S }))) }),
        ...at(seen('wrapper', 'fixture', 'nofraud'), { orderInformation: OBJ }),
      }),
      connectionInformation: obj(at(doc('orders-1') + ' (on the cart); ' + seen('nofraud', 'wrapper'), { customerIpAddress: NS, userAgent: NS })),
      salesAssociate: obj(at(doc('orders-1') + ' (on the cart); ' + seen('wrapper'), { accountId: NS, name: NS }), true),
      fraud: obj(at(seen('wrapper'), { isFraudulent: BOOL, comment: NS }), true),
      tags: arr(TAG_REF),
    })),
    ...opt(at(seen('wrapper', 'fixture') + ' (left out by the documented order; null on the fixture); ' + doc('platform') + ' (appData.<appId>)', { appData: NOBJ })),
  }, ['channel', 'customerId', 'items'], guess('an order needs a channel, a customer and items (Commerce7 documents no required fields)')),
  def('/customer', 'customers', CUSTOMER_PROPS, ['firstName', 'lastName'],
    guess('a customer needs a name here; Commerce7 documents "all fields optional except for email" (docs/customers), and POS customers often have none, so the emulator does not require one. A taken email answers 422 on emails.email (configurable: duplicateEmails)')),
  def('/customer-address', 'customerAddresses', {
    ...at(doc('customers') + ' (create with address) and ' + doc('orders-1') + ' (shipTo/billTo fields)', { customerId: S, ...ADDRESS_FIELDS }),
    ...at(guess('a customer has one default address'), { isDefault: BOOL }),
    ...at(doc('platform') + ' (appData on Customer Address)', { appData: NOBJ }),
    ...STAMPS(guess('every stored object carries createdAt and updatedAt, as the documented ones do')),
  }, ['address', 'city', 'stateCode', 'zipCode', 'countryCode'], guess('an address needs its street, city, state, zip and country')),
  def('/customer-credit-card', 'creditCards', {
    ...at(seen('zapier') + ' (customerCreditCard)', {
      customerId: S, cardBrand: S, gateway: S, maskedCardNumber: S, expiryMo: INT, expiryYr: INT, cardHolderName: NS, isDefault: BOOL, createdAt: DATE, updatedAt: DATE,
    }),
  }, ['cardBrand', 'maskedCardNumber', 'expiryMo', 'expiryYr'], guess('a real create takes a gateway token; the emulator stores what it is given')),
  def('/product', 'products', {
    ...at(doc('products'), {
      title: S, subTitle: NS, image: NS, slug: S,
      type: en('General Merchandise', 'Tasting', 'Wine', 'Cannabis', 'Bundle', 'Reservation', 'Event Ticket', 'Gift Card', 'Collateral', 'Rebate'),
      webStatus: en('Available', 'Not Available', 'Retired'), adminStatus: en('Available', 'Not Available', 'Hidden'),
      teaser: NS, content: NS, departmentId: NS, vendorId: NS, metaData: NOBJ,
      collections: arr(obj(at(doc('products'), { id: S, title: S }))),
      wine: obj({
        ...at(doc('products'), { type: S, varietal: S, vintage: NINT, appellation: S, region: S, countryCode: S }),
        ...opt(at(guess('alcohol by volume, which label and compliance code reads; not in the documented product'), { alcoholPercentage: NUM })),
      }, true),
      variants: arr(obj({
        ...at(doc('products'), {
          id: S, title: S, sku: S, price: INT, comparePrice: NINT, costOfGood: INT, bottleDeposit: INT, sortOrder: INT, weight: NUM, volumeInML: NINT,
          hasInventory: BOOL, hasShipping: BOOL, taxType: en('Food', 'General Merchandise', 'Wine', 'Not Taxable', 'Cannabis'),
          inventory: arr(obj(at(doc('products'), { productVariantId: S, inventoryLocationId: S, availableForSaleCount: INT, reserveCount: INT, allocatedCount: INT }))),
        }),
      })),
      createdAt: DATE, updatedAt: DATE,
    }),
    ...opt(at(guess('the department and vendor by name, beside departmentId/vendorId; not in the documented product'), { department: NAMED_REF(guess('id and title of the department')), vendor: NAMED_REF(guess('id and title of the vendor')) })),
    ...opt(at(doc('platform') + ' (appData; the documented product leaves it out)', { appData: NOBJ })),
  }, ['title', 'type', 'webStatus', 'adminStatus', 'variants'], guess('a product needs a title, type, statuses and a variant ("must have at least one variant": docs/products)')),
  def('/club', 'clubs', {
    ...at(doc('clubs-1'), { title: S, type: en('Traditional', 'Subscription'), content: NS, publishDate: NDATE, slug: S, createdAt: DATE, updatedAt: DATE }),
    ...opt(at(guess('whether members may still join; not in the documented club'), { isActive: BOOL })),
  }, ['title', 'type'], guess('a club needs a title and a type')),
  def('/club-membership', 'clubMemberships', {
    ...at(doc('club-memberships'), {
      status: en('Active', 'Cancelled', 'On Hold'), customerId: S, clubId: S, billToCustomerAddressId: NS, orderDeliveryMethod: en('Ship', 'Pickup'),
      shipToCustomerAddressId: NS, customerCreditCardId: NS, signupDate: DATE, cancelDate: NDATE, lastProcessedDate: NDATE, currentNumberOfShipments: INT,
      club: obj(at(doc('club-memberships'), { id: S, title: S })), onHolds: arr(OBJ), createdAt: DATE, updatedAt: DATE,
    }),
    ...opt(at(doc('club-memberships') + ' (the cancellationReason ENUMs; the documented object leaves the field out)', {
      cancellationReason: en('Too much wine', 'Financial reasons', 'Health reasons', 'Pregnant', 'Moving', 'Switching to another club', 'Other', null),
    })),
    ...opt(at(doc('tags') + ' (tags attach to club memberships; the documented membership leaves the list out)', { tags: arr(TAG_REF) })),
    ...opt(at(doc('platform') + ' (appData); the documented membership leaves metaData and appData out', { metaData: NOBJ, appData: NOBJ })),
  }, ['customerId', 'clubId', 'signupDate', 'orderDeliveryMethod'], guess('the fields of the documented create request but the address and card ids')),
  def('/club-package', 'clubPackages', at(guess('a club\u2019s shipment; Commerce7 documents the path only'), { clubId: S, title: S, type: S, startDate: NDATE, endDate: NDATE, createdAt: DATE, updatedAt: DATE }),
    ['clubId', 'title'], guess('a package needs its club and a title')),
  def('/collection', 'collections', {
    ...at(doc('products') + ' (a product\u2019s collections[])', { title: S, slug: S, createdAt: DATE, updatedAt: DATE }),
    ...at(guess('shown like a product (webStatus/adminStatus); not in the documented collection'), { webStatus: S, adminStatus: S }),
  }, ['title'], guess('a collection needs a title')),
  def('/coupon', 'coupons', at(guess('Commerce7 documents the path only'), { title: S, code: S, status: en('Active', 'Inactive'), discountType: S, discount: INT, createdAt: DATE, updatedAt: DATE }),
    ['title', 'code'], guess('a coupon needs a title and its code')),
  def('/department', 'departments', {
    ...at(guess('an order item carries departmentId and departmentCode (documented, orders-1); the department object is not documented'), { title: S, code: S, createdAt: DATE, updatedAt: DATE }),
  }, ['title'], guess('a department needs a title')),
  def('/note', 'notes', at(guess('Commerce7 documents the path and the orderId filter, not the note object'), {
    customerId: NS, orderId: NS, type: en('Note', 'Task'), content: S, isPinned: BOOL, createdBy: obj(at(guess('the staff member who wrote it'), { id: S, name: S }), true), createdAt: DATE, updatedAt: DATE,
  }), ['content'], guess('a note needs its content and a customerId or an orderId'), [['customerId', 'orderId']]),
  def('/promotion', 'promotions', {
    ...at(doc('orders-1') + ' (order promotions[].title)', { title: S }),
    ...at(guess('Commerce7 documents the path only'), { status: en('Active', 'Inactive'), type: S, startDate: NDATE, endDate: NDATE, createdAt: DATE, updatedAt: DATE }),
  }, ['title'], guess('a promotion needs a title')),
  def('/promotion-set', 'promotionSets', at(guess('Commerce7 documents the path only'), { title: S, promotions: arr(obj(at(guess('the set\u2019s promotions by id and title'), { id: S, title: S }))), createdAt: DATE, updatedAt: DATE }),
    ['title'], guess('a promotion set needs a title')),
  def('/reservation', 'reservations', {
    ...at(doc('reservations-2') + '; ' + seen('zapier'), {
      channel: en('Web', 'Inbound'), reservationNumber: INT, reservationSource: S, customerId: S, reservationDate: DATE, reservationTypeId: S,
      reservationTypeOptionId: NS, guestCount: INT,
      status: en('Incomplete', 'Hold', 'Reserved', 'Processing', 'Paid', 'Checked In', 'Closed Out', 'Cancelled', 'No Show'),
      paymentStatus: en('Paid', 'Declined', 'Pending'), orderId: NS, orderNumber: NINT, price: INT, notes: NS, metaData: NOBJ, appData: NOBJ,
      flags: arr(OBJ), tags: arr(TAG_REF), reservationType: obj(at(doc('reservations-2'), { id: S, title: S })), createdAt: DATE, updatedAt: DATE,
    }),
    ...opt(at(guess('the reservation\u2019s total (price \u00d7 guests) for reports; not in the documented reservation'), { total: INT })),
    ...opt(at(guess('an older name of reservationDate some client code still reads; not in the documented reservation'), { dateTime: DATE })),
  }, ['customerId', 'reservationTypeId', 'reservationDate', 'guestCount'], guess('the documented create request\u2019s customer, type, date and guest count')),
  def('/reservation-type', 'reservationTypes', {
    ...at(doc('reservations-2') + ' (the reservation\u2019s reservationType)', { title: S, createdAt: DATE, updatedAt: DATE }),
    ...at(guess('price per guest and length (the documented reservationTypeOption has price; minutesAllotted the length)'), { price: INT, durationMinutes: INT, isActive: BOOL }),
  }, ['title'], guess('a reservation type needs a title')),
  def('/shipping', 'shipping', {
    ...at(doc('orders-1') + ' (an order\u2019s shipping[] line)', { title: S, code: S, service: S, price: INT }),
    ...at(seen('wrapper') + ' (shipping[].carrier)', { carrier: S }),
    ...STAMPS(guess('every stored object carries createdAt and updatedAt, as the documented ones do')),
  }, ['title'], guess('a shipping method needs a title')),
  def('/vendor', 'vendors', at(doc('vendors'), { title: S, createdAt: DATE, updatedAt: DATE }), ['title'], doc('vendors') + ' (the create request: { title })'),
  def('/web-hook', 'webHooks', {
    ...at(doc('platform') + ' (/web-hook takes { object, action, url })', { object: S, action: S, url: S }),
    ...STAMPS(guess('every stored object carries createdAt and updatedAt')),
  }, ['object', 'action', 'url'], doc('platform') + ' (a subscription is { object, action, url })'),
  def('/web-hook-log', 'webHookLogs', {
    ...at(doc('platform') + ' (GET /web-hook-log?isSuccess=false&updatedAt=gte:)', { isSuccess: BOOL, updatedAt: DATE }),
    ...at(guess('what a delivery log needs: the subscription, where it went, the answer'), { webHookId: S, object: S, action: S, url: S, statusCode: NINT, response: NS, createdAt: DATE }),
  }, [], guess('logs are written by Commerce7, not created')),
  def('/tag', 'tags', {
    ...at(doc('tags'), { title: S, appliesToCondition: NS, conditions: arr(OBJ), createdAt: DATE, updatedAt: DATE }),
    // Documented examples send "Manual"/"Dynamic" (the ENUMs table spells them in lower case).
    ...at(doc('tags') + ' (as in its examples)', { type: en('Manual', 'Dynamic') }),
    // Commerce7 sends "Customer", "Order", "ClubMembership", "Reservation"; the emulator keys tags by the path segment of
    // /tag/{objectType} (customer, order, club-membership, reservation), which its routes and recorded seeds rely on.
    ...at(doc('tags') + ' (objectType); the values are the emulator\u2019s path segments: inferred', { objectType: S }),
  }, ['title'], guess('a tag needs a title; type defaults to Manual')),
  def('/gift-card', 'giftCards', {
    ...at(seen('wrapper', 'fixture') + ' (a tender\u2019s giftCard.maskedCode)', { maskedCode: S }),
    ...at(guess('Commerce7 documents the path only'), { code: S, customerId: NS, initialAmount: INT, balance: INT, status: en('Active', 'Inactive'), expiryDate: NDATE, createdAt: DATE, updatedAt: DATE }),
  }, ['initialAmount'], guess('a gift card needs its amount; the code is generated')),
  def('/gift-card-transaction', 'giftCardTransactions', at(guess('Commerce7 documents the path only'), { giftCardId: S, orderId: NS, type: en('Redemption', 'Refund', 'Adjustment', 'Issue'), amount: INT, createdAt: DATE, updatedAt: DATE }),
    ['giftCardId', 'type', 'amount'], guess('a transaction needs its card, type and amount')),
  def('/inventory', 'inventory', {
    ...at(doc('products') + ' (a variant\u2019s inventory[] row)', { productVariantId: S, inventoryLocationId: S, availableForSaleCount: INT, reserveCount: INT, allocatedCount: INT }),
    ...at(guess('the product and sku beside the variant, for lists by product or sku'), { productId: S, sku: S }),
    ...STAMPS(guess('every stored object carries createdAt and updatedAt')),
  }, ['productVariantId', 'inventoryLocationId'], guess('an inventory row is a variant at a location')),
  def('/inventory-location', 'inventoryLocations', {
    ...at(seen('zapier') + ' (a reservation\u2019s inventoryLocation)', { title: S, createdAt: DATE, updatedAt: DATE }),
    ...at(guess('a short code and the default location; not in the observed location'), { code: S, isDefault: BOOL, isActive: BOOL }),
  }, ['title'], guess('a location needs a title')),
  def('/inventory-transaction', 'inventoryTransactions', at(guess('moves the inventory count of the variant at the location; Commerce7 documents the path only'), {
    productVariantId: S, sku: S, inventoryLocationId: S, transactionType: en('Receive', 'Sale', 'Adjustment', 'Transfer', 'Damage'), quantity: INT, notes: NS, createdAt: DATE, updatedAt: DATE,
  }), ['productVariantId', 'inventoryLocationId', 'transactionType', 'quantity'], guess('a transaction needs the variant, the location, a type and a quantity')),
  def('/meta-data-config', 'metaDataConfigs', at(guess('the definition of a metaData key (metaData on objects: documented, customers); Commerce7 documents the path only'), {
    objectType: S, code: S, title: S, dataType: S, isRequired: BOOL, sortOrder: INT, createdAt: DATE, updatedAt: DATE,
  }), ['code', 'title', 'dataType'], guess('a definition needs its code, title and data type')),
  def('/wine-varietal', 'wineVarietals', at(guess('a name, as products carry wine.varietal (documented, products)'), { title: S }), ['title'], guess('a varietal is its title')),
  def('/wine-appellation', 'wineAppellations', at(guess('a name, as products carry wine.appellation (documented, products)'), { title: S }), ['title'], guess('an appellation is its title')),
  def('/cart', 'carts', {
    ...at(doc('orders-1') + ' (the Cart object)', { customerId: NS, channel: S, items: arr(OBJ), subTotal: INT, total: INT, createdAt: DATE, updatedAt: DATE }),
    ...at(doc('platform') + ' (appData on Cart)', { appData: NOBJ }),
  }, [], guess('an empty cart may be created')),
  def('/pos-profile', 'posProfiles', {
    ...at(seen('fixture') + ' (an order\u2019s posProfile)', { title: S, createdAt: DATE, updatedAt: DATE }),
    ...at(guess('the location the profile sells from (the fixture has carryOutInventoryLocationId and others)'), { inventoryLocationId: NS }),
  }, ['title'], guess('a POS profile needs a title')),
  def('/query', 'queries', at(guess('a saved query (the order filter queryId is documented, orders-1); objectIds is the emulator\u2019s stand-in for its conditions'), {
    title: S, objectType: S, objectIds: arr(S), createdAt: DATE, updatedAt: DATE,
  }), ['title', 'objectType'], guess('a query needs a title and the type it selects')),
  def('/trash', 'trash', at(guess('/trash is seen in the wild, its shape is not documented'), { objectType: S, objectId: S, object: OBJ, deletedAt: DATE, createdAt: DATE, updatedAt: DATE }),
    [], guess('trash is written by deletes, not created')),
  def('/setting', 'settings', {
    ...at(seen('nofraud') + ' (GET /setting/for-web: the currency and the payment gateway)', { currency: S, paymentGateway: S }),
    ...at(guess('tenant facts apps ask for; not documented'), { countryCode: S, timeZone: S, storeName: S, defaultInventoryLocationId: NS, createdAt: DATE, updatedAt: DATE }),
  }, [], guess('settings exist per tenant')),
];

const BY_PATH = new Map(OBJECTS.map((o) => [o.listPath, o]));

export function objectDef(listPath: string): ObjectDef | undefined {
  return BY_PATH.get(listPath);
}

/** The list key of a list path: LIST_KEYS (what the generated app pages by), then the objects above. */
export function listKeyOf(listPath: string): string | undefined {
  return LIST_KEYS[listPath] ?? BY_PATH.get(listPath)?.listKey;
}

/** Every list key a seed file may hold. */
export function allListKeys(): string[] {
  return [...new Set([...Object.values(LIST_KEYS), ...OBJECTS.map((o) => o.listKey)])];
}

/** One modelled field: its dotted path in the object ("items[].tax"), its schema, its source note, required or not. */
export interface FieldView { path: string; schema: JsonSchema; note: string | undefined; required: boolean }

/** Every field of a schema, nested ones included (object properties and the properties of array items). */
export function fieldsOf(schema: JsonSchema, prefix = ''): FieldView[] {
  const out: FieldView[] = [];
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  for (const [k, sub] of Object.entries(props)) {
    const path = prefix + k;
    out.push({ path, schema: sub, note: sub.$comment as string | undefined, required: required.has(k) });
    if (sub.properties) out.push(...fieldsOf(sub, `${path}.`));
    const items = sub.items as JsonSchema | undefined;
    if (items?.properties) out.push(...fieldsOf(items, `${path}[].`));
  }
  return out;
}

/** The fields a public storefront may read from `GET /setting/for-web` (inferred: nofraud reads currency and the gateway). */
export const SETTING_FOR_WEB_FIELDS = ['currency', 'countryCode', 'timeZone', 'storeName', 'paymentGateway'] as const;

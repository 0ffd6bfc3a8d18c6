// The objects of the Commerce7 API as data: for each list path its list key, a JSON Schema of the object as
// Commerce7 returns it, the fields a create must carry (else 422 validationError naming each), and where each shape
// comes from. The emulator's seed must pass these schemas (test/emulator/seed.test.ts); the emulator checks creates.
//
// Sources (kept short; "inferred" = our choice where Commerce7 publishes nothing):
//   wrapper  observed responses typed in github.com/Weldawadyathink/commerce7-api-wrapper src/order.ts (C7OrderType,
//            with its embedded customer): the fullest public record of a real order
//   nofraud  github.com/Commerce7/nofraud (Commerce7's own app): reads connectionInformation.customerIpAddress,
//            tenders[].tenderType/chargeStatus/creditCard, billTo, shipTo, shipping[], customer.orderInformation
//   platform ../shared/commerce7/platform.md (paths, appData, money in cents, web-hook-log, app-sync)
//   issue13  the fields real client code read and crashed on (issue 13 of this project)
//   inferred our choice
import { LIST_KEYS } from './api.js';

/** A JSON Schema (draft 2020-12 subset: type, properties, required, items, enum, format, additionalProperties). */
export type JsonSchema = Record<string, unknown>;

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
/** An object whose listed properties are all present (Commerce7 sends nulls rather than leaving fields out). */
const obj = (properties: Record<string, JsonSchema>, nullable = false): JsonSchema =>
  ({ type: nullable ? ['object', 'null'] : 'object', properties, required: Object.keys(properties), additionalProperties: true });

const TAG_REF = obj({ id: S, title: S });
const ADDRESS_FIELDS = {
  honorific: NS, firstName: S, lastName: S, company: NS, phone: NS, address: S, address2: NS, city: S, stateCode: S,
  zipCode: S, countryCode: S,
};
const STAMPS = { createdAt: DATE, updatedAt: DATE };

export interface ObjectDef {
  /** The list path ("/order") and the key of its list envelope ("orders"). */
  listPath: string;
  listKey: string;
  /** The object as Commerce7 returns it. Every listed property is present in the seed. */
  schema: JsonSchema;
  /** Top-level fields a create must carry (422 validationError naming each missing one). */
  create: readonly string[];
  /** Groups of which a create must carry at least one field (a note: customerId or orderId); the first is named. */
  createOneOf?: ReadonlyArray<readonly string[]>;
  /** Where the shape comes from (see the top of this file). */
  source: string;
  /** Per field, when it differs from `source`. */
  fieldSources?: Readonly<Record<string, string>>;
}

const def = (listPath: string, listKey: string, properties: Record<string, JsonSchema>, create: string[], source: string, fieldSources?: Record<string, string>, createOneOf?: string[][]): ObjectDef =>
  ({ listPath, listKey, schema: obj({ id: S, ...properties }), create, source, ...(fieldSources ? { fieldSources } : {}), ...(createOneOf ? { createOneOf } : {}) });

const ORDER_ITEM = obj({
  id: S, purchaseType: S, type: S, productId: S, productTitle: S, productVariantId: S, productVariantTitle: S, sku: S,
  departmentId: NS, departmentCode: NS, inventoryLocationId: NS, allocationId: NS, collectionIds: arr(S), image: NS,
  costOfGood: INT, price: INT, originalPrice: INT, comparePrice: NINT, bottleDeposit: INT, quantity: INT,
  quantityFulfilled: INT, isPriceOverride: BOOL, tax: INT, taxType: S, weight: NUM, hasShipping: BOOL, volumeInMl: NINT,
});
const TENDER = obj({
  id: S, tenderType: en('Credit Card', 'Cash', 'Gift Card', 'Check', 'Other', 'Loyalty'), chargeType: en('Sale', 'Refund', 'Authorize'),
  chargeStatus: en('Success', 'Error', 'Pending'), amountTendered: INT, tip: INT, paymentDate: DATE,
  creditCard: obj({ gateway: S, cardBrand: S, maskedCardNumber: S, expiryMo: INT, expiryYr: INT, cardHolderName: S, customerCreditCardId: NS }, true),
  giftCard: obj({ id: NS, maskedCode: NS }, true),
  createdAt: DATE, updatedAt: DATE,
});
const FULFILLMENT = obj({
  id: S, type: en('Shipped', 'Picked Up', 'Carry Out', 'No Fulfillment Required'), fulfillmentDate: DATE, inventoryLocationId: NS,
  packageCount: INT, trackingNumbers: arr(S), items: arr(obj({ id: S, orderItemId: S, quantityFulfilled: INT })), createdAt: DATE,
});

export const FULFILLMENT_TYPES = ['Shipped', 'Picked Up', 'Carry Out', 'No Fulfillment Required'] as const;

/** Customer as it appears inside an order (wrapper) and as a list row. */
const CUSTOMER_PROPS: Record<string, JsonSchema> = {
  avatar: NS, honorific: NS, firstName: S, lastName: S, birthDate: NS, city: NS, stateCode: NS, zipCode: NS, countryCode: S,
  emailMarketingStatus: en('Subscribed', 'Unsubscribed'), lastActivityDate: NDATE,
  emails: arr(obj({ id: S, email: S, status: en('Subscribed', 'Unsubscribed') })),
  phones: arr(obj({ id: S, phone: S })),
  orderInformation: obj({
    currentWebCartId: NS, lastOrderId: NS, lastOrderDate: NDATE, orderCount: INT, lifetimeValue: INT, lifetimeValueSeedAmount: INT,
    yearlyValue: OBJ, grossProfit: INT, acquisitionChannel: NS, currentClubTitle: NS, daysInCurrentClub: NINT, daysInClub: INT,
    isActiveClubMember: BOOL,
  }),
  clubs: arr(obj({ clubId: S, clubTitle: S, clubMembershipId: S, signupDate: DATE, cancelDate: NDATE })),
  tags: arr(TAG_REF), groups: arr(OBJ), hasAccount: BOOL, metaData: OBJ, appData: OBJ, flags: OBJ, ...STAMPS,
};

export const OBJECTS: readonly ObjectDef[] = [
  def('/order', 'orders', {
    orderNumber: INT, orderSource: S, customerType: S, purchaseType: S, previousOrderId: NS, refundOrderId: NS,
    orderSubmittedDate: DATE, orderPaidDate: NDATE, orderFulfilledDate: NDATE,
    channel: en('Inbound', 'Outbound', 'Web', 'POS', 'Club', 'Marketplace'),
    paymentStatus: en('Paid', 'Unpaid', 'Partially Paid', 'Refunded'),
    complianceStatus: en('Compliant', 'Forced', 'Not Checked', 'No Compliance Required', 'Quarantined', 'Void'),
    fraudCheckStatus: S,
    fulfillmentStatus: en('Fulfilled', 'Not Fulfilled', 'Partially Fulfilled', 'No Fulfillment Required'),
    shippingStatus: NS, cartId: NS, posProfileId: NS, customerId: S,
    orderDeliveryMethod: en('Ship', 'Pickup', 'Carry Out'), shippingInstructions: NS, taxSaleType: S,
    subTotal: INT, shipTotal: INT, taxTotal: INT, dutyTotal: INT, bottleDepositTotal: INT, tipTotal: INT, total: INT, totalAfterTip: INT,
    giftMessage: NS, isNonTaxable: BOOL, club: NOBJ,
    customer: obj({ id: S, firstName: S, lastName: S, emailMarketingStatus: S, emails: arr(obj({ id: S, email: S, status: S })), phones: arr(obj({ id: S, phone: S })), orderInformation: OBJ }),
    billTo: obj({ id: S, customerAddressId: NS, ...ADDRESS_FIELDS }, true),
    shipTo: obj({ id: S, customerAddressId: NS, ...ADDRESS_FIELDS }, true),
    pickupBy: NOBJ, carryOut: NOBJ,
    shipping: arr(obj({ id: S, title: S, code: S, carrier: S, service: S, price: INT, originalPrice: INT, tax: INT })),
    items: arr(ORDER_ITEM), tenders: arr(TENDER), fulfillments: arr(FULFILLMENT),
    taxes: arr(obj({ id: S, vendor: S, title: S, countryCode: S, stateCode: S, price: INT, wine: INT, generalMerchandise: INT, freight: INT, isIncludedInPrice: BOOL })),
    promotions: arr(obj({ id: S, promotionId: S, title: S, productValue: INT, shippingValue: INT, totalValue: INT })), coupons: arr(OBJ),
    connectionInformation: obj({ customerIpAddress: NS, userAgent: NS }),
    salesAssociate: obj({ accountId: NS, name: NS }, true),
    fraud: obj({ isFraudulent: BOOL, comment: NS }, true),
    tags: arr(TAG_REF), metaData: OBJ, appData: OBJ, appSync: OBJ, flags: OBJ, ...STAMPS,
  }, ['channel', 'customerId', 'items'], 'wrapper (every field), nofraud (connectionInformation, tenders, billTo/shipTo, shipping, customer.orderInformation)', {
    'fulfillments[].trackingNumbers': 'inferred', 'fulfillments[].items[].orderItemId': 'inferred', 'items[].collectionIds': 'wrapper (a string there; a list here, inferred)',
    create: 'inferred: an order needs a channel, a customer and items',
  }),
  def('/customer', 'customers', CUSTOMER_PROPS, ['firstName', 'lastName'], 'wrapper (order.customer), nofraud (orderInformation), platform (appData)', {
    create: 'inferred: a customer needs a name; emails and phones optional (POS customers often have neither)',
    duplicateEmail: 'inferred: Commerce7\u2019s answer is not documented; the emulator answers 422 on emails[].email (configurable: duplicateEmails)',
  }),
  def('/customer-address', 'customerAddresses', { customerId: S, ...ADDRESS_FIELDS, isDefault: BOOL, appData: OBJ, ...STAMPS },
    ['address', 'city', 'stateCode', 'zipCode', 'countryCode'], 'wrapper (shipTo/billTo fields), platform (appData)', { create: 'inferred' }),
  def('/customer-credit-card', 'creditCards', {
    customerId: S, cardBrand: S, maskedCardNumber: S, expiryMo: INT, expiryYr: INT, cardHolderName: S, gateway: S, isDefault: BOOL, ...STAMPS,
  }, ['cardBrand', 'maskedCardNumber', 'expiryMo', 'expiryYr'], 'wrapper (tenders[].creditCard)', { create: 'inferred (a real create takes a gateway token; the emulator stores what it is given)' }),
  def('/product', 'products', {
    title: S, subTitle: NS, slug: S, type: en('Wine', 'General Merchandise', 'Tasting', 'Event', 'Gift Card', 'Bundle', 'Food'),
    webStatus: en('Available', 'Not Available'), adminStatus: en('Available', 'Not Available'), teaser: NS, content: NS,
    departmentId: NS, department: obj({ id: S, title: S }, true), vendorId: NS, vendor: obj({ id: S, title: S }, true),
    collections: arr(obj({ id: S, title: S })),
    wine: obj({ type: S, varietal: S, vintage: INT, appellation: S, region: S, countryCode: S, alcoholPercentage: NUM }, true),
    variants: arr(obj({ id: S, title: S, sku: S, price: INT, comparePrice: NINT, costOfGood: INT, weight: NUM, volumeInML: NINT, hasInventory: BOOL, hasShipping: BOOL, inventory: arr(obj({ inventoryLocationId: S, availableForSaleCount: INT })) })),
    metaData: OBJ, appData: OBJ, ...STAMPS,
  }, ['title', 'type', 'webStatus', 'adminStatus', 'variants'], 'wrapper (items[] product fields), issue13 (departmentId, collections), platform (appData)', { create: 'inferred' }),
  def('/club', 'clubs', { title: S, slug: S, type: en('Traditional', 'Subscription'), isActive: BOOL, ...STAMPS }, ['title', 'type'], 'inferred (wrapper names clubTitle on customers)'),
  def('/club-membership', 'clubMemberships', {
    customerId: S, clubId: S, club: obj({ id: S, title: S }), status: en('Active', 'Cancelled', 'On Hold'), signupDate: DATE, cancelDate: NDATE,
    cancellationReason: NS, orderDeliveryMethod: en('Ship', 'Pickup'), shippingAddressId: NS, billingAddressId: NS, creditCardId: NS,
    currentNumberOfShipments: INT, lastProcessedDate: NDATE, tags: arr(TAG_REF), metaData: OBJ, appData: OBJ, ...STAMPS,
  }, ['customerId', 'clubId', 'signupDate', 'orderDeliveryMethod'], 'issue13 (orderDeliveryMethod), wrapper (customer.clubs[]), platform (appData)', { create: 'inferred' }),
  def('/club-package', 'clubPackages', { clubId: S, title: S, type: S, startDate: NDATE, endDate: NDATE, ...STAMPS }, ['clubId', 'title'], 'inferred'),
  def('/collection', 'collections', { title: S, slug: S, webStatus: S, adminStatus: S, ...STAMPS }, ['title'], 'inferred'),
  def('/coupon', 'coupons', { title: S, code: S, status: en('Active', 'Inactive'), discountType: S, discount: INT, ...STAMPS }, ['title', 'code'], 'inferred'),
  def('/department', 'departments', { title: S, code: S, ...STAMPS }, ['title'], 'wrapper (items[].departmentId/departmentCode)'),
  def('/note', 'notes', { customerId: NS, orderId: NS, type: en('Note', 'Task'), content: S, isPinned: BOOL, createdBy: obj({ id: S, name: S }, true), ...STAMPS },
    ['content'], 'issue13 (orderId filter)', { create: 'inferred: a note needs its content and a customerId or an orderId' }, [['customerId', 'orderId']]),
  def('/promotion', 'promotions', { title: S, status: en('Active', 'Inactive'), type: S, startDate: NDATE, endDate: NDATE, ...STAMPS }, ['title'], 'wrapper (order.promotions[])'),
  def('/promotion-set', 'promotionSets', { title: S, promotions: arr(obj({ id: S, title: S })), ...STAMPS }, ['title'], 'inferred'),
  def('/reservation', 'reservations', {
    reservationNumber: INT, customerId: S, reservationTypeId: S, reservationType: obj({ id: S, title: S }),
    reservationDate: DATE, dateTime: DATE, guestCount: INT, status: en('Confirmed', 'Completed', 'Cancelled', 'No Show'),
    paymentStatus: en('Paid', 'Unpaid', 'Partially Paid'), channel: en('Web', 'Admin', 'POS', 'Phone'), total: INT,
    orderId: NS, tags: arr(TAG_REF), appData: OBJ, ...STAMPS,
  }, ['customerId', 'reservationTypeId', 'reservationDate', 'guestCount'], 'issue13 (reservationDate, paymentStatus, channel filters), platform (appData)', { dateTime: 'inferred (kept for older client code)', create: 'inferred' }),
  def('/reservation-type', 'reservationTypes', { title: S, price: INT, durationMinutes: INT, isActive: BOOL, ...STAMPS }, ['title'], 'inferred'),
  def('/shipping', 'shipping', { title: S, code: S, carrier: S, service: S, price: INT, ...STAMPS }, ['title'], 'wrapper (order.shipping[])'),
  def('/vendor', 'vendors', { title: S, ...STAMPS }, ['title'], 'wrapper (items[].vendor)'),
  def('/web-hook', 'webHooks', { object: S, action: S, url: S, ...STAMPS }, ['object', 'action', 'url'], 'platform (/web-hook takes { object, action, url })'),
  def('/web-hook-log', 'webHookLogs', { webHookId: S, object: S, action: S, url: S, isSuccess: BOOL, statusCode: NINT, response: NS, ...STAMPS }, [], 'platform (GET /web-hook-log?isSuccess=false&updatedAt=gte:)', { fields: 'inferred beyond isSuccess/updatedAt' }),
  def('/tag', 'tags', { title: S, objectType: S, type: en('Manual', 'Dynamic'), ...STAMPS }, ['title'], 'platform (objectType), inferred', { create: 'inferred: a tag needs a title; type defaults to Manual' }),
  def('/gift-card', 'giftCards', { code: S, maskedCode: S, customerId: NS, initialAmount: INT, balance: INT, status: en('Active', 'Inactive'), expiryDate: NDATE, ...STAMPS }, ['initialAmount'], 'wrapper (tenders[].giftCard.maskedCode)', { create: 'inferred' }),
  def('/gift-card-transaction', 'giftCardTransactions', { giftCardId: S, orderId: NS, type: en('Redemption', 'Refund', 'Adjustment', 'Issue'), amount: INT, ...STAMPS }, ['giftCardId', 'type', 'amount'], 'inferred'),
  def('/inventory', 'inventory', { productId: S, productVariantId: S, sku: S, inventoryLocationId: S, availableForSaleCount: INT, reserveCount: INT, allocatedCount: INT, ...STAMPS }, ['productVariantId', 'inventoryLocationId'], 'wrapper (items[].inventoryLocationId), inferred'),
  def('/inventory-location', 'inventoryLocations', { title: S, code: S, isDefault: BOOL, isActive: BOOL, ...STAMPS }, ['title'], 'inferred'),
  def('/inventory-transaction', 'inventoryTransactions', {
    productVariantId: S, sku: S, inventoryLocationId: S, transactionType: en('Receive', 'Sale', 'Adjustment', 'Transfer', 'Damage'), quantity: INT, notes: NS, ...STAMPS,
  }, ['productVariantId', 'inventoryLocationId', 'transactionType', 'quantity'], 'inferred (moves the inventory count of the variant at the location)'),
  def('/meta-data-config', 'metaDataConfigs', { objectType: S, code: S, title: S, dataType: S, isRequired: BOOL, sortOrder: INT, ...STAMPS }, ['code', 'title', 'dataType'], 'inferred (metaData on objects: wrapper)'),
  def('/wine-varietal', 'wineVarietals', { title: S }, ['title'], 'inferred (wine.varietal on products)'),
  def('/wine-appellation', 'wineAppellations', { title: S }, ['title'], 'inferred (wine.appellation on products)'),
  def('/cart', 'carts', { customerId: NS, channel: S, items: arr(OBJ), subTotal: INT, total: INT, appData: OBJ, ...STAMPS }, [], 'wrapper (order.cartId), platform (appData)', { create: 'inferred: an empty cart may be created' }),
  def('/pos-profile', 'posProfiles', { title: S, inventoryLocationId: NS, ...STAMPS }, ['title'], 'inferred (order.posProfileId: wrapper)'),
  def('/query', 'queries', { title: S, objectType: S, objectIds: arr(S), ...STAMPS }, ['title', 'objectType'], 'inferred (the order filter queryId: wrapper); objectIds is the emulator\u2019s stand-in for a saved query\u2019s conditions'),
  def('/trash', 'trash', { objectType: S, objectId: S, object: OBJ, deletedAt: DATE, ...STAMPS }, [], 'inferred: /trash is seen in the wild, its shape is not documented'),
  def('/setting', 'settings', { currency: S, countryCode: S, timeZone: S, storeName: S, defaultInventoryLocationId: NS, paymentGateway: S, ...STAMPS }, [], 'nofraud (GET /setting/for-web: currency, the gateway), inferred'),
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

/** The fields a public storefront may read from `GET /setting/for-web` (inferred: nofraud reads currency and the gateway). */
export const SETTING_FOR_WEB_FIELDS = ['currency', 'countryCode', 'timeZone', 'storeName', 'paymentGateway'] as const;

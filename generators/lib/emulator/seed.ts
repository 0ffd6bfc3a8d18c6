// The bundled data set: a realistic small winery, built deterministically in code (a seeded PRNG, fixed dates),
// so it ships inside dist with no JSON to copy, and every run and every test sees the same rows.
// A user's own seed file (JSON with the same shape) can replace it: see loadSeedFile.
import { readFile } from 'node:fs/promises';
import { STAFF_ROLES } from '../catalog/api.js';
import { allListKeys, listKeyOf } from '../catalog/objects.js';
import type { Row, SeedData, StaffUser } from './types.js';

/** mulberry32: a tiny seeded PRNG, good enough for sample data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const key = (path: string): string => listKeyOf(path)!;

const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Mateo', 'Sophia', 'Lucas', 'Isabella', 'Ethan', 'Mia', 'James', 'Amelia', 'Benjamin', 'Harper', 'Elijah', 'Camila', 'Henry', 'Aria', 'Daniel', 'Chloe', 'Samuel', 'Grace', 'Julian'];
const LAST = ['Garcia', 'Nguyen', 'Smith', 'Rossi', 'Kim', 'Martinez', 'Johnson', 'Chen', 'Dubois', 'Patel', 'Brown', 'Lopez', 'Walker', 'Silva', 'Muller', 'Okafor', 'Hughes', 'Moreau', 'Tanaka', 'Reyes'];
const PLACES: Array<[city: string, stateCode: string, zipCode: string]> = [
  ['Napa', 'CA', '94558'], ['Sonoma', 'CA', '95476'], ['Healdsburg', 'CA', '95448'], ['San Francisco', 'CA', '94110'],
  ['Portland', 'OR', '97205'], ['Seattle', 'WA', '98101'], ['Walla Walla', 'WA', '99362'], ['Austin', 'TX', '78701'],
  ['New York', 'NY', '10014'], ['Chicago', 'IL', '60614'], ['Denver', 'CO', '80202'], ['Boston', 'MA', '02116'],
];
const STREETS = ['Vineyard Ln', 'Oak Knoll Ave', 'Silverado Trl', 'Main St', 'Cellar Rd', 'Harvest Way', 'Barrel Ct', 'Mission St'];
const WINES: Array<[title: string, wineType: string, varietal: string, appellation: string, vintage: number, price: number]> = [
  ['Estate Cabernet Sauvignon', 'Red', 'Cabernet Sauvignon', 'Napa Valley', 2020, 8500],
  ['Reserve Cabernet Sauvignon', 'Red', 'Cabernet Sauvignon', 'Oakville', 2019, 15000],
  ['Hillside Merlot', 'Red', 'Merlot', 'Napa Valley', 2021, 5200],
  ['Russian River Pinot Noir', 'Red', 'Pinot Noir', 'Russian River Valley', 2022, 6000],
  ['Old Vine Zinfandel', 'Red', 'Zinfandel', 'Dry Creek Valley', 2021, 4200],
  ['Syrah', 'Red', 'Syrah', 'Sonoma Coast', 2021, 4800],
  ['Cabernet Franc', 'Red', 'Cabernet Franc', 'Napa Valley', 2020, 6500],
  ['Petite Sirah', 'Red', 'Petite Sirah', 'Napa Valley', 2020, 4600],
  ['Meritage Red Blend', 'Red', 'Red Blend', 'Napa Valley', 2019, 9500],
  ['Malbec', 'Red', 'Malbec', 'Alexander Valley', 2021, 4400],
  ['Estate Chardonnay', 'White', 'Chardonnay', 'Carneros', 2022, 4500],
  ['Unoaked Chardonnay', 'White', 'Chardonnay', 'Sonoma Coast', 2023, 3200],
  ['Sauvignon Blanc', 'White', 'Sauvignon Blanc', 'Napa Valley', 2023, 2900],
  ['Viognier', 'White', 'Viognier', 'Sonoma Valley', 2023, 3400],
  ['Dry Riesling', 'White', 'Riesling', 'Anderson Valley', 2023, 2800],
  ['Pinot Gris', 'White', 'Pinot Gris', 'Russian River Valley', 2023, 2700],
  ['Albarino', 'White', 'Albarino', 'Carneros', 2023, 3100],
  ['Rosé of Pinot Noir', 'Rosé', 'Pinot Noir', 'Carneros', 2023, 2800],
  ['Grenache Rosé', 'Rosé', 'Grenache', 'Sonoma Valley', 2023, 2600],
  ['Blanc de Blancs', 'Sparkling', 'Chardonnay', 'Carneros', 2019, 5800],
  ['Brut Rosé', 'Sparkling', 'Pinot Noir', 'Carneros', 2020, 6200],
  ['Late Harvest Riesling', 'Dessert', 'Riesling', 'Anderson Valley', 2021, 3800],
  ['Port-style Zinfandel', 'Dessert', 'Zinfandel', 'Dry Creek Valley', 2018, 4500],
  ['Library Cabernet Sauvignon', 'Red', 'Cabernet Sauvignon', 'Napa Valley', 2012, 25000],
  ['Sangiovese', 'Red', 'Sangiovese', 'Napa Valley', 2021, 4100],
  ['Tempranillo', 'Red', 'Tempranillo', 'Lodi', 2021, 3900],
  ['Grenache', 'Red', 'Grenache', 'Sonoma Valley', 2022, 4300],
  ['Chenin Blanc', 'White', 'Chenin Blanc', 'Clarksburg', 2023, 2500],
];
const MERCH: Array<[title: string, price: number]> = [
  ['Estate Logo Corkscrew', 1800], ['Crystal Wine Glasses (Set of 2)', 4200], ['Canvas Wine Tote', 2400],
  ['Olive Oil 500ml', 2200], ['Cellar Journal', 1600], ['Gift Card Holder', 500], ['Wine Country Cookbook', 3500], ['Magnum Gift Box', 2000],
];
const NOTES = [
  'Prefers bold reds; ask about the library Cabernet.', 'Allergic to sulfites: suggest the low-sulfite Rosé.',
  'Celebrating an anniversary next month.', 'Wants to be called before club shipments.', 'Hosted a corporate tasting for 12.',
  'Asked about magnum sizes for a wedding.', 'Shipping address changes every winter (snowbird).', 'Long-time member, very loyal.',
  'Interested in barrel tasting events.', 'Requested no marketing calls.',
];

/** The staff member who installs the app and opens its extensions, unless a test names another. */
export function defaultStaffUser(tenant: string): StaffUser {
  return { id: '5f0c7a11-0d3e-4c1b-9a52-7c0ffee0a7a1', firstName: 'Dana', lastName: 'Reyes', email: `dana.reyes@${tenant}.example.com`, role: STAFF_ROLES.adminOwner };
}

export interface BuildSeedOptions {
  /** Number of customers (default 120: more than two pages of 50). */
  customers?: number;
}

/** The bundled winery data set. Deterministic: every call returns the same rows. Shapes: catalog/objects.ts. */
export function buildWinerySeed(opts: BuildSeedOptions = {}): SeedData {
  const rand = prng(0xc7c7);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  const START = Date.UTC(2023, 0, 1);
  const SPAN = Date.UTC(2024, 11, 31) - START;
  const at = (ms: number) => new Date(ms).toISOString();
  const day = 86_400_000;
  const stamps = (ms: number, later = 0) => ({ createdAt: at(ms), updatedAt: at(ms + later) });

  // Reference data first: products, orders and inventory point at it.
  const departments: Row[] = [['Wine', 'WINE'], ['Merchandise', 'MERCH'], ['Tasting', 'TASTE']].map(([title, code], i) => ({ id: uuid(), title, code, ...stamps(START + i * day) }));
  const vendors: Row[] = ['Estate Winery', 'Valley Glassworks'].map((title, i) => ({ id: uuid(), title, ...stamps(START + i * day) }));
  const collections: Row[] = ['Red Wines', 'White Wines', 'Gifts', 'Library Releases'].map((title, i) => ({
    id: uuid(), title, slug: title.toLowerCase().replace(/\s+/g, '-'), webStatus: 'Available', adminStatus: 'Available', ...stamps(START + i * day),
  }));
  const locations: Row[] = [['Winery Warehouse', 'WH', true], ['Tasting Room', 'TR', false]].map(([title, code, isDefault], i) => ({
    id: uuid(), title, code, isDefault, isActive: true, ...stamps(START + i * day),
  }));
  const warehouse = locations[0]!;

  // Tags: customers, orders, memberships and reservations carry them.
  const tagDefs: Array<[title: string, objectType: string]> = [
    ['VIP', 'customer'], ['Wholesale', 'customer'], ['Trade', 'customer'], ['Newsletter Signup', 'customer'],
    ['Gift', 'order'], ['Corporate', 'order'], ['Founding Member', 'club-membership'], ['Large Party', 'reservation'],
  ];
  const tags: Row[] = tagDefs.map(([title, objectType], i) => ({ id: uuid(), title, objectType, type: 'Manual', appliesToCondition: null, conditions: [], ...stamps(START + i * day) }));
  const tagRef = (t: Row) => ({ id: t.id, title: t.title });
  const tagsOf = (objectType: string) => tags.filter((t) => t.objectType === objectType);

  const customers: Row[] = [];
  const addresses: Row[] = [];
  const creditCards: Row[] = [];
  const count = opts.customers ?? 120;
  for (let i = 0; i < count; i++) {
    const firstName = FIRST[i % FIRST.length]!;
    const lastName = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]!;
    const [city, stateCode, zipCode] = pick(PLACES);
    const created = START + Math.floor((SPAN * i) / count) + int(0, day - 1);
    const id = uuid();
    const customerTags = tagsOf('customer').filter(() => rand() < 0.18).map(tagRef);
    const phone = `+1707555${String(1000 + i).padStart(4, '0')}`;
    const marketing = rand() < 0.7 ? 'Subscribed' : 'Unsubscribed';
    customers.push({
      id, avatar: null, honorific: null, firstName, lastName,
      birthDate: `19${int(50, 99)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
      city, stateCode, zipCode, countryCode: 'US', emailMarketingStatus: marketing, lastActivityDate: at(created + int(0, 60) * day),
      emails: [{ id: uuid(), email: `${firstName}.${lastName}${i + 1}@example.com`.toLowerCase(), status: 'Ok' }],
      phones: [{ id: uuid(), phone }],
      orderInformation: {
        currentWebCartId: null, lastOrderId: null, lastOrderDate: null, orderCount: 0, lifetimeValue: 0, rank: 0, rankTrend: null, lifetimeValueSeedAmount: 0,
        yearlyValue: {}, grossProfit: 0, acquisitionChannel: pick(['Web', 'POS', 'Inbound', 'Club']), currentClubTitle: null,
        daysInCurrentClub: null, daysInClub: 0, isActiveClubMember: false,
      },
      clubs: [], tags: customerTags, groups: [], hasAccount: rand() < 0.6, metaData: {}, appData: null, appSync: null, flags: [], notifications: [],
      ...stamps(created, int(0, 30) * day),
    });
    const addressCount = i % 3 === 0 ? 2 : 1;
    for (let a = 0; a < addressCount; a++) {
      const [aCity, aState, aZip] = a === 0 ? [city, stateCode, zipCode] : pick(PLACES);
      addresses.push({
        id: uuid(), customerId: id, honorific: null, firstName, lastName, company: a === 1 && rand() < 0.5 ? `${lastName} & Co.` : null, phone,
        address: `${int(10, 9999)} ${pick(STREETS)}`, address2: null, city: aCity, stateCode: aState, zipCode: aZip,
        countryCode: 'US', isDefault: a === 0, appData: {}, ...stamps(created),
      });
    }
    if (i % 2 === 0) {
      const brand = pick(['Visa', 'MasterCard', 'American Express']);
      creditCards.push({
        id: uuid(), customerId: id, cardBrand: brand, maskedCardNumber: `${brand === 'American Express' ? '3' : '4'}XXXXXXXXXXX${String(1000 + ((i * 37) % 9000)).slice(-4)}`,
        expiryMo: int(1, 12), expiryYr: int(2026, 2031), cardHolderName: `${firstName} ${lastName}`, gateway: 'Stripe', isDefault: true, ...stamps(created),
      });
    }
  }

  const products: Row[] = [];
  const variantInventory = (productVariantId: string) => locations.map((l) => ({ productVariantId, inventoryLocationId: l.id, availableForSaleCount: int(0, 240), reserveCount: 0, allocatedCount: 0 }));
  const dep = (code: string) => departments.find((d) => d.code === code)!;
  const ref = (r: Row) => ({ id: r.id, title: r.title });
  WINES.forEach(([title, wineType, varietal, appellation, vintage, price], i) => {
    const created = START + i * 3 * day;
    const cols = [wineType === 'Red' || wineType === 'Rosé' ? collections[0]! : collections[1]!, ...(vintage < 2015 ? [collections[3]!] : [])];
    products.push({
      id: uuid(), title: `${vintage} ${title}`, subTitle: appellation, image: null, slug: `${vintage}-${title}`.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      type: 'Wine', webStatus: i % 9 === 8 ? 'Not Available' : 'Available', adminStatus: 'Available',
      teaser: `${varietal} from ${appellation}.`, content: `<p>Our ${vintage} ${title}.</p>`,
      departmentId: dep('WINE').id, department: ref(dep('WINE')), vendorId: vendors[0]!.id, vendor: ref(vendors[0]!),
      collections: cols.map(ref),
      wine: { type: wineType, varietal, vintage, appellation, region: 'California', countryCode: 'US', alcoholPercentage: Math.round((12 + rand() * 3) * 10) / 10 },
      variants: [((vid: string) => ({
        id: vid, title: '750ml', sku: `W${String(100 + i)}-750`, price, comparePrice: null, costOfGood: Math.round(price * 0.3), bottleDeposit: 0, sortOrder: 1, weight: 3.1,
        volumeInML: 750, hasInventory: true, hasShipping: true, taxType: 'Wine', inventory: variantInventory(vid),
      }))(uuid())],
      metaData: {}, appData: {}, ...stamps(created, 90 * day),
    });
  });
  MERCH.forEach(([title, price], i) => {
    const created = START + (40 + i * 5) * day;
    products.push({
      id: uuid(), title, subTitle: null, image: null, slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-+$/, ''),
      type: 'General Merchandise', webStatus: 'Available', adminStatus: 'Available', teaser: null, content: null,
      departmentId: dep('MERCH').id, department: ref(dep('MERCH')), vendorId: vendors[1]!.id, vendor: ref(vendors[1]!),
      collections: [ref(collections[2]!)], wine: null,
      variants: [((vid: string) => ({
        id: vid, title: 'Default', sku: `M${String(200 + i)}`, price, comparePrice: null, costOfGood: Math.round(price * 0.4), bottleDeposit: 0, sortOrder: 1, weight: 1,
        volumeInML: null, hasInventory: true, hasShipping: true, taxType: 'General Merchandise', inventory: variantInventory(vid),
      }))(uuid())],
      metaData: {}, appData: {}, ...stamps(created),
    });
  });
  const wines = products.filter((p) => p.type === 'Wine');
  type Variant = { id: string; sku: string; price: number; costOfGood: number; weight: number; inventory: Array<{ inventoryLocationId: string; availableForSaleCount: number }> };
  const inventory: Row[] = products.flatMap((p) => (p.variants as Variant[]).flatMap((v) => v.inventory.map((inv) => ({
    id: uuid(), productId: p.id, productVariantId: v.id, sku: v.sku, inventoryLocationId: inv.inventoryLocationId,
    availableForSaleCount: inv.availableForSaleCount, reserveCount: 0, allocatedCount: 0, ...stamps(p.createdAt === undefined ? START : Date.parse(p.createdAt as string)),
  }))));
  const inventoryTransactions: Row[] = inventory.slice(0, 12).map((inv, i) => ({
    id: uuid(), productVariantId: inv.productVariantId, sku: inv.sku, inventoryLocationId: inv.inventoryLocationId, transactionType: 'Receive',
    quantity: inv.availableForSaleCount, notes: 'Initial count', ...stamps(START + (100 + i) * day),
  }));

  const clubs: Row[] = [
    ['Cellar Club', 'Traditional'], ['Reserve Club', 'Traditional'], ['Sparkling Society', 'Subscription'],
  ].map(([title, type], i) => ({ id: uuid(), title, slug: title!.toLowerCase().replace(/\s+/g, '-'), type, content: null, publishDate: at(START + i * 10 * day), isActive: true, ...stamps(START + i * 10 * day) }));
  const clubPackages: Row[] = clubs.flatMap((club, i) => ['Spring', 'Fall'].map((season, j) => ({
    id: uuid(), clubId: club.id, title: `${season} 2024 ${club.title}`, type: 'Traditional',
    startDate: at(Date.UTC(2024, j === 0 ? 2 : 8, 1 + i)), endDate: at(Date.UTC(2024, j === 0 ? 3 : 9, 1 + i)), ...stamps(Date.UTC(2024, j === 0 ? 1 : 7, 1)),
  })));

  const memberships: Row[] = [];
  for (let i = 0; i < 70; i++) {
    const customer = customers[(i * 7) % customers.length]!;
    const club = clubs[i % clubs.length]!;
    const signup = Date.parse(customer.createdAt as string) + int(0, 60) * day;
    const r = rand();
    const status = r < 0.75 ? 'Active' : r < 0.9 ? 'Cancelled' : 'On Hold';
    const cancel = status === 'Cancelled' ? signup + int(90, 400) * day : null;
    const address = addresses.find((a) => a.customerId === customer.id)!;
    const card = creditCards.find((c) => c.customerId === customer.id);
    const membership: Row = {
      id: uuid(), customerId: customer.id, clubId: club.id, club: { id: club.id, title: club.title }, status,
      signupDate: at(signup), cancelDate: cancel === null ? null : at(cancel), cancellationReason: cancel === null ? null : pick(['Moving', 'Too much wine', 'Financial reasons']),
      orderDeliveryMethod: rand() < 0.8 ? 'Ship' : 'Pickup', shipToCustomerAddressId: address.id, billToCustomerAddressId: address.id, customerCreditCardId: card?.id ?? null,
      currentNumberOfShipments: int(0, 8), lastProcessedDate: status === 'Active' ? at(Date.UTC(2024, 8, 1)) : null,
      onHolds: [], tags: i < 10 ? tagsOf('club-membership').map(tagRef) : [], metaData: {}, appData: null, ...stamps(signup, (cancel ?? signup) - signup),
    };
    memberships.push(membership);
    (customer.clubs as unknown[]).push({ clubId: club.id, clubTitle: club.title, clubMembershipId: membership.id, signupDate: membership.signupDate, cancelDate: membership.cancelDate });
    const info = customer.orderInformation as Record<string, unknown>;
    if (status === 'Active') {
      info.isActiveClubMember = true;
      info.currentClubTitle = club.title;
      info.daysInCurrentClub = Math.round((Date.UTC(2025, 0, 1) - signup) / day);
    }
    info.daysInClub = (info.daysInClub as number) + Math.round(((cancel ?? Date.UTC(2025, 0, 1)) - signup) / day);
  }

  const posProfiles: Row[] = [{ id: uuid(), title: 'Tasting Room POS', inventoryLocationId: locations[1]!.id, ...stamps(START) }];
  const promotions: Row[] = [['Club 15% Off', 'Product'], ['Free Shipping over $150', 'Shipping'], ['Holiday Case Discount', 'Product']].map(([title, type], i) => ({
    id: uuid(), title, status: i === 2 ? 'Inactive' : 'Active', type, startDate: at(START + i * 30 * day), endDate: null, ...stamps(START + i * 30 * day),
  }));
  const promotionSets: Row[] = [{ id: uuid(), title: 'Club Benefits', promotions: promotions.slice(0, 2).map(ref), ...stamps(START + 5 * day) }];
  const coupons: Row[] = [['Welcome 10', 'WELCOME10', 1000], ['Harvest Party', 'HARVEST', 2000]].map(([title, code, discount], i) => ({
    id: uuid(), title, code, status: 'Active', discountType: 'Percentage Off', discount, ...stamps(START + i * 40 * day),
  }));
  const shipping: Row[] = [['Ground', 'GND', 'UPS', 'Ground', 1500], ['2nd Day Air', '2DA', 'UPS', '2nd Day Air', 3500]].map(([title, code, carrier, service, price], i) => ({
    id: uuid(), title, code, carrier, service, price, ...stamps(START + i * day),
  }));
  const SALES = [{ accountId: uuid(), name: 'Dana Reyes' }, { accountId: uuid(), name: 'Sam Okafor' }];
  const giftCards: Row[] = [];
  const giftCardTransactions: Row[] = [];

  const orders: Row[] = [];
  const ORDER_START = Date.UTC(2024, 0, 1);
  const ORDER_SPAN = Date.UTC(2024, 11, 31) - ORDER_START;
  const addressOf = (a: Row) => ({
    id: uuid(), customerAddressId: a.id, birthDate: null, honorific: null, firstName: a.firstName, lastName: a.lastName, company: a.company, phone: a.phone,
    address: a.address, address2: a.address2, city: a.city, stateCode: a.stateCode, zipCode: a.zipCode, countryCode: a.countryCode,
  });
  /** pickupBy / carryOut: the location picked up from, as an address (the winery's), with who picks up when known. */
  const pickupAt = (location: Row, customer: Row | null, address: Row | null) => ({
    id: uuid(), inventoryLocationId: location.id, customerAddressId: address?.id ?? null, birthDate: null, honorific: null,
    firstName: (customer?.firstName as string | undefined) ?? null, lastName: (customer?.lastName as string | undefined) ?? null, company: null,
    phone: '+17075550100', address: '1000 Silverado Trl', address2: null, city: 'Napa', stateCode: 'CA', zipCode: '94558', countryCode: 'US',
  });
  for (let i = 0; i < 200; i++) {
    const customer = pick(customers);
    const submitted = ORDER_START + Math.floor((ORDER_SPAN * i) / 200) + int(0, day - 1);
    const channel = pick(['Web', 'Web', 'POS', 'POS', 'Club', 'Inbound']);
    const deliveryMethod = channel === 'POS' ? 'Carry Out' : rand() < 0.8 ? 'Ship' : 'Pickup';
    const items = Array.from({ length: int(1, 4) }, () => {
      const p = rand() < 0.9 ? pick(wines) : pick(products);
      const v = (p.variants as Variant[])[0]!;
      const quantity = int(1, 6);
      const tax = Math.round(v.price * quantity * 0.0825);
      return {
        id: uuid(), type: p.type as string, productId: p.id, productTitle: p.title as string, productVariantId: v.id, productVariantTitle: 'Default',
        sku: v.sku, departmentId: p.departmentId as string, departmentCode: (p.department as { id: string }).id === dep('WINE').id ? 'WINE' : 'MERCH',
        inventoryLocationId: deliveryMethod === 'Carry Out' ? locations[1]!.id : warehouse.id, allocationId: null as string | null,
        collectionIds: (p.collections as Array<{ id: string }>).map((c) => c.id).join(',') || null, image: null, vendor: (p.vendor as { title: string }).title,
        costOfGood: v.costOfGood, price: v.price, originalPrice: v.price, comparePrice: null, bottleDeposit: 0, quantity, quantityFulfilled: 0,
        isPriceOverride: false, tax, taxType: p.type === 'Wine' ? 'Wine' : 'General Merchandise', weight: v.weight, hasShipping: deliveryMethod === 'Ship', volumeInML: p.type === 'Wine' ? 750 : null,
      };
    });
    if (i % 25 === 3) items[0]!.allocationId = `alloc-${1 + (i % 2)}`;
    const subTotal = items.reduce((s, it) => s + it.price * it.quantity, 0);
    const ship = shipping[0]!;
    const shipTotal = deliveryMethod === 'Ship' ? (subTotal >= 15000 ? 0 : (ship.price as number)) : 0;
    const taxTotal = items.reduce((s, it) => s + it.tax, 0);
    const tipTotal = channel === 'POS' && rand() < 0.3 ? 500 : 0;
    const total = subTotal + shipTotal + taxTotal;
    const address = addresses.find((a) => a.customerId === customer.id)!;
    const fulfilled = rand() < 0.85;
    const orderTags = rand() < 0.1 ? [tagRef(pick(tagsOf('order')))] : [];
    const fulfilledAt = submitted + int(1, 7) * day;
    if (fulfilled) for (const it of items) it.quantityFulfilled = it.quantity;
    const card = creditCards.find((c) => c.customerId === customer.id);
    const tenderType = channel === 'POS' && !card ? 'Cash' : 'Credit Card';
    orders.push({
      id: uuid(), orderNumber: 0, orderSource: 'Internal', customerType: channel === 'Club' ? 'Club Member' : 'Customer', purchaseType: 'Regular',
      previousOrderId: null, previousOrderNumber: null, linkedOrders: [], refundOrderId: null, refundOrderNumber: null,
      orderSubmittedDate: at(submitted), orderPaidDate: at(submitted + 60_000), orderFulfilledDate: fulfilled ? at(fulfilledAt) : null,
      channel, paymentStatus: 'Paid', complianceStatus: deliveryMethod === 'Ship' ? pick(['Compliant', 'Compliant', 'Compliant', 'Not Checked', 'Quarantined']) : 'No Compliance Required',
      fraudCheckStatus: 'Not Checked', fulfillmentStatus: fulfilled ? 'Fulfilled' : 'Not Fulfilled', shippingStatus: deliveryMethod === 'Ship' ? (fulfilled ? 'Delivered' : 'Pending') : 'Not Tracked',
      cartId: channel === 'Web' ? uuid() : null, posProfileId: channel === 'POS' ? posProfiles[0]!.id : null,
      customerId: customer.id, orderDeliveryMethod: deliveryMethod, shippingInstructions: null, taxSaleType: deliveryMethod === 'Ship' ? 'Offsite' : 'Onsite',
      subTotal, shipTotal, taxTotal, dutyTotal: 0, bottleDepositTotal: 0, tipTotal, total, totalAfterTip: total + tipTotal,
      giftMessage: orderTags.some((t) => t.title === 'Gift') ? 'Happy birthday!' : null, isNonTaxable: false, isNoDuty: false,
      club: channel === 'Club' ? { clubId: clubs[i % clubs.length]!.id, clubTitle: clubs[i % clubs.length]!.title } : null,
      customer: {
        id: customer.id, firstName: customer.firstName, lastName: customer.lastName, emailMarketingStatus: customer.emailMarketingStatus,
        emails: customer.emails, phones: customer.phones, orderInformation: customer.orderInformation,
      },
      billTo: addressOf(address),
      shipTo: deliveryMethod === 'Ship' ? addressOf(address) : null,
      pickupBy: deliveryMethod === 'Pickup' ? pickupAt(warehouse, customer, address) : null,
      carryOut: deliveryMethod === 'Carry Out' ? pickupAt(locations[1]!, null, null) : null,
      shipping: deliveryMethod === 'Ship' ? [{ id: uuid(), title: ship.title, code: ship.code, carrier: ship.carrier, service: ship.service, shippingServiceId: ship.id, price: shipTotal, originalPrice: ship.price, tax: 0 }] : [],
      items,
      tenders: [{
        id: uuid(), previousTenderId: null, refundId: null, tenderType, chargeType: 'Sale', chargeStatus: 'Success', amountTendered: total + tipTotal, tip: tipTotal, errorCode: '', paymentDate: at(submitted + 60_000),
        creditCard: tenderType === 'Credit Card'
          ? { gateway: 'Stripe', cardBrand: card?.cardBrand ?? 'Visa', maskedCardNumber: card?.maskedCardNumber ?? '4XXXXXXXXXXX4242', expiryMo: card?.expiryMo ?? 12, expiryYr: card?.expiryYr ?? 2028, cardHolderName: `${customer.firstName} ${customer.lastName}`, customerCreditCardId: card?.id ?? null }
          : null,
        giftCard: { id: null, maskedCode: null }, createdAt: at(submitted + 60_000), updatedAt: at(submitted + 60_000),
      }],
      fulfillments: fulfilled ? [{
        id: uuid(), type: deliveryMethod === 'Ship' ? 'Shipped' : deliveryMethod === 'Pickup' ? 'Picked Up' : 'Carry Out', fulfillmentDate: at(fulfilledAt),
        inventoryLocationId: items[0]!.inventoryLocationId, packageCount: deliveryMethod === 'Ship' ? 1 : 0,
        trackingNumbers: deliveryMethod === 'Ship' ? [`1Z${hex(16).toUpperCase()}`] : [],
        items: items.map((it) => ({ id: uuid(), orderItemId: it.id, quantityFulfilled: it.quantity })),
        ...(deliveryMethod === 'Pickup' ? { pickedUp: { pickedUpBy: `${customer.firstName} ${customer.lastName}` } } : {}), createdAt: at(fulfilledAt),
      }] : [],
      // Rates in percent (8.25 on everything the seed sells), the tax itself in cents.
      taxes: [{ id: uuid(), vendor: 'Avalara', title: `${address.stateCode} Sales Tax`, countryCode: 'US', stateCode: address.stateCode, freight: 0, food: 8.25, generalMerchandise: 8.25, cannabis: 0, wine: 8.25, price: taxTotal, isIncludedInPrice: false, isNonTaxable: false, sortOrder: 0 }],
      promotions: channel === 'Club' ? [{ id: uuid(), promotionId: promotions[0]!.id, title: promotions[0]!.title, inUse: true, productValue: Math.round(subTotal * 0.15), shippingValue: 0, totalValue: Math.round(subTotal * 0.15) }] : [],
      coupons: [], duties: [],
      connectionInformation: channel === 'Web'
        ? { customerIpAddress: `203.0.113.${1 + (i % 250)}`, userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15' }
        : { customerIpAddress: null, userAgent: null },
      salesAssociate: channel === 'POS' || channel === 'Inbound' ? { ...pick(SALES) } : null,
      fraud: null, tags: orderTags, metaData: {}, appData: null, appSync: null, flags: [],
      ...stamps(submitted, 60_000),
    });
  }
  orders.sort((a, b) => String(a.orderSubmittedDate).localeCompare(String(b.orderSubmittedDate)));
  orders.forEach((o, i) => {
    o.orderNumber = 1001 + i;
    const customer = customers.find((c) => c.id === o.customerId)!;
    const info = customer.orderInformation as Record<string, unknown>;
    info.orderCount = (info.orderCount as number) + 1;
    info.lifetimeValue = (info.lifetimeValue as number) + (o.total as number);
    info.grossProfit = (info.grossProfit as number) + (o.items as Array<{ price: number; costOfGood: number; quantity: number }>).reduce((s, it) => s + (it.price - it.costOfGood) * it.quantity, 0);
    const year = String(o.orderSubmittedDate).slice(0, 4);
    const yearly = info.yearlyValue as Record<string, number>;
    yearly[year] = (yearly[year] ?? 0) + (o.total as number);
    info.lastOrderId = o.id;
    info.lastOrderDate = o.orderSubmittedDate;
  });
  // The customer inside an order is a copy (a write to the customer does not change orders already read).
  for (const o of orders) {
    const c = o.customer as Record<string, unknown>;
    c.orderInformation = structuredClone(c.orderInformation);
  }

  for (let i = 0; i < 6; i++) {
    const order = orders[i * 30]!;
    const initialAmount = [5000, 10000, 2500][i % 3]!;
    const card: Row = {
      id: uuid(), code: `GC${hex(12).toUpperCase()}`, maskedCode: `XXXXXXXX${hex(4).toUpperCase()}`, customerId: order.customerId, initialAmount, balance: initialAmount,
      status: 'Active', expiryDate: null, ...stamps(Date.parse(order.orderSubmittedDate as string)),
    };
    card.maskedCode = `XXXXXXXX${(card.code as string).slice(-4)}`;
    giftCards.push(card);
    giftCardTransactions.push({ id: uuid(), giftCardId: card.id, orderId: order.id, type: 'Issue', amount: initialAmount, ...stamps(Date.parse(card.createdAt as string)) });
    if (i % 2 === 0) {
      const used = Math.min(initialAmount, 2000);
      card.balance = initialAmount - used;
      giftCardTransactions.push({ id: uuid(), giftCardId: card.id, orderId: orders[i * 30 + 10]!.id, type: 'Redemption', amount: -used, ...stamps(Date.parse(orders[i * 30 + 10]!.orderSubmittedDate as string)) });
    }
  }

  const notes: Row[] = Array.from({ length: 80 }, (_, i) => {
    const customer = customers[(i * 11) % customers.length]!;
    const created = Date.parse(customer.createdAt as string) + int(1, 200) * day;
    const order = i % 4 === 0 ? orders.find((o) => o.customerId === customer.id) : undefined;
    return {
      id: uuid(), customerId: customer.id, orderId: order?.id ?? null, type: i % 7 === 0 ? 'Task' : 'Note', content: NOTES[i % NOTES.length]!, isPinned: i % 13 === 0,
      createdBy: { id: SALES[i % 2]!.accountId, name: SALES[i % 2]!.name }, ...stamps(created),
    };
  });

  const reservationTypes: Row[] = [
    ['Classic Tasting', 4500, 60], ['Reserve Tasting', 9500, 90], ['Vineyard Tour & Tasting', 12500, 120],
  ].map(([title, price, durationMinutes], i) => ({ id: uuid(), title, price, durationMinutes, isActive: true, ...stamps(START + i * day) }));
  const RES_START = Date.UTC(2024, 2, 1);
  const reservations: Row[] = Array.from({ length: 60 }, (_, i) => {
    const customer = customers[(i * 5 + 3) % customers.length]!;
    const type = reservationTypes[i % reservationTypes.length]!;
    const when = RES_START + i * 5 * day + int(10, 16) * 3_600_000;
    const booked = when - int(3, 30) * day;
    const r = rand();
    const guestCount = int(1, 10);
    const status = r < 0.15 ? 'Cancelled' : when < Date.UTC(2025, 0, 1) ? 'Closed Out' : 'Reserved';
    return {
      id: uuid(), reservationNumber: 5001 + i, customerId: customer.id, reservationTypeId: type.id,
      reservationType: { id: type.id, title: type.title }, reservationDate: at(when), dateTime: at(when), guestCount, status,
      paymentStatus: status === 'Cancelled' ? 'Declined' : i % 5 === 0 ? 'Pending' : 'Paid', channel: pick(['Web', 'Web', 'Inbound', 'Inbound']),
      reservationSource: 'Internal', reservationTypeOptionId: null, price: type.price as number, total: (type.price as number) * guestCount, orderId: null, orderNumber: null, notes: null,
      metaData: null, flags: [], tags: guestCount >= 8 ? tagsOf('reservation').map(tagRef) : [], appData: null, ...stamps(booked),
    };
  });

  const carts: Row[] = customers.slice(0, 5).map((c, i) => {
    const p = wines[i]!;
    const v = (p.variants as Variant[])[0]!;
    const cart: Row = {
      id: uuid(), customerId: c.id, channel: 'Web', items: [{ id: uuid(), productId: p.id, productVariantId: v.id, sku: v.sku, quantity: 2, price: v.price }],
      subTotal: v.price * 2, total: v.price * 2, appData: {}, ...stamps(Date.UTC(2024, 11, 20 + i)),
    };
    (c.orderInformation as Record<string, unknown>).currentWebCartId = cart.id;
    return cart;
  });

  const webHooks: Row[] = [{ id: uuid(), object: 'Order', action: 'Create', url: 'https://example.com/hooks/order', ...stamps(START) }];
  const webHookLogs: Row[] = Array.from({ length: 6 }, (_, i) => ({
    id: uuid(), webHookId: webHooks[0]!.id, object: 'Order', action: 'Create', url: webHooks[0]!.url as string, isSuccess: i % 3 !== 0,
    statusCode: i % 3 !== 0 ? 200 : 503, response: i % 3 !== 0 ? '{"ok":true}' : 'Service Unavailable', ...stamps(Date.UTC(2024, 11, 24 + i)),
  }));
  const metaDataConfigs: Row[] = [
    ['customer', 'favourite_varietal', 'Favourite varietal', 'Select'], ['customer', 'trade_license', 'Trade license number', 'Text'], ['order', 'delivery_notes', 'Delivery notes', 'TextArea'],
  ].map(([objectType, code, title, dataType], i) => ({ id: uuid(), objectType, code, title, dataType, isRequired: false, sortOrder: i, ...stamps(START + i * day) }));
  const uniq = (xs: string[]) => [...new Set(xs)].sort();
  const wineVarietals: Row[] = uniq(WINES.map((w) => w[2])).map((title) => ({ id: uuid(), title }));
  const wineAppellations: Row[] = uniq(WINES.map((w) => w[3])).map((title) => ({ id: uuid(), title }));
  const queries: Row[] = [
    { id: uuid(), title: 'Large orders', objectType: 'order', objectIds: orders.filter((o) => (o.total as number) >= 30000).map((o) => o.id), ...stamps(START) },
    { id: uuid(), title: 'Web orders to ship', objectType: 'order', objectIds: orders.filter((o) => o.channel === 'Web' && o.orderDeliveryMethod === 'Ship').map((o) => o.id), ...stamps(START) },
  ];
  const deletedAt = Date.UTC(2024, 10, 2);
  const trash: Row[] = [
    { id: uuid(), objectType: 'customer', objectId: uuid(), object: { firstName: 'Removed', lastName: 'Customer' }, deletedAt: at(deletedAt), ...stamps(deletedAt) },
    { id: uuid(), objectType: 'product', objectId: uuid(), object: { title: '2015 Discontinued Merlot' }, deletedAt: at(deletedAt + day), ...stamps(deletedAt + day) },
  ];
  const settings: Row[] = [{
    id: uuid(), currency: 'USD', countryCode: 'US', timeZone: 'America/Los_Angeles', storeName: 'Demo Winery', defaultInventoryLocationId: warehouse.id,
    paymentGateway: 'Stripe', ...stamps(START),
  }];

  const seed: Record<string, Row[]> = {
    '/customer': customers, '/customer-address': addresses, '/customer-credit-card': creditCards, '/product': products, '/order': orders,
    '/club': clubs, '/club-package': clubPackages, '/club-membership': memberships, '/note': notes, '/reservation-type': reservationTypes,
    '/reservation': reservations, '/tag': tags, '/department': departments, '/vendor': vendors, '/collection': collections,
    '/inventory-location': locations, '/inventory': inventory, '/inventory-transaction': inventoryTransactions, '/pos-profile': posProfiles,
    '/promotion': promotions, '/promotion-set': promotionSets, '/coupon': coupons, '/shipping': shipping, '/gift-card': giftCards,
    '/gift-card-transaction': giftCardTransactions, '/cart': carts, '/web-hook': webHooks, '/web-hook-log': webHookLogs,
    '/meta-data-config': metaDataConfigs, '/wine-varietal': wineVarietals, '/wine-appellation': wineAppellations, '/query': queries,
    '/trash': trash, '/setting': settings,
  };
  return Object.fromEntries(Object.entries(seed).map(([path, rows]) => [key(path), rows]));
}

/** The list keys a seed file may hold (every object of the catalog). */
export function seedKeys(): string[] {
  return allListKeys();
}

export class SeedError extends Error {}

/** Checks a parsed seed: an object of list key -> array of objects with a string id. `where` names the source. */
export function parseSeed(value: unknown, where = 'seed'): SeedData {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SeedError(`${where}: must be a JSON object of list key -> array of objects, e.g. { "customers": [{ "id": "c1", "firstName": "Ada" }] }`);
  }
  const allowed = new Set(seedKeys());
  const out: SeedData = {};
  for (const [k, rows] of Object.entries(value)) {
    if (k.startsWith('$') || k.startsWith('x-')) continue; // $schema, $comment, your own notes
    if (!allowed.has(k)) throw new SeedError(`${where}: unknown list "${k}"; allowed: ${[...allowed].join(', ')}`);
    if (!Array.isArray(rows)) throw new SeedError(`${where}: "${k}" must be an array`);
    const ids = new Set<string>();
    rows.forEach((row: unknown, i) => {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new SeedError(`${where}: ${k}[${i}] must be an object`);
      const id = (row as { id?: unknown }).id;
      if (typeof id !== 'string' || id === '') throw new SeedError(`${where}: ${k}[${i}] needs a string "id"`);
      if (ids.has(id)) throw new SeedError(`${where}: ${k}[${i}] repeats the id "${id}"`);
      ids.add(id);
    });
    out[k] = rows as Row[];
  }
  return out;
}

/** Reads a JSON seed file; it replaces the bundled data set entirely (lists it leaves out are empty). */
export async function loadSeedFile(file: string): Promise<SeedData> {
  const text = await readFile(file, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new SeedError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  return parseSeed(value, file);
}

// The bundled data set: a realistic small winery, built deterministically in code (a seeded PRNG, fixed dates),
// so it ships inside dist with no JSON to copy, and every run and every test sees the same rows.
// A user's own seed file (JSON with the same shape) can replace it: see loadSeedFile.
import { readFile } from 'node:fs/promises';
import { LIST_KEYS, STAFF_ROLES } from '../catalog/api.js';
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

const key = (path: string): string => LIST_KEYS[path]!;

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

/** The bundled winery data set. Deterministic: every call returns the same rows. */
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

  // Tags first: customers and orders carry them.
  const tagDefs: Array<[title: string, objectType: string]> = [
    ['VIP', 'customer'], ['Wholesale', 'customer'], ['Trade', 'customer'], ['Newsletter Signup', 'customer'],
    ['Gift', 'order'], ['Corporate', 'order'], ['Founding Member', 'club-membership'], ['Large Party', 'reservation'],
  ];
  const tags: Row[] = tagDefs.map(([title, objectType], i) => ({
    id: uuid(), title, objectType, type: 'Manual', createdAt: at(START + i * day), updatedAt: at(START + i * day),
  }));
  const tagRef = (t: Row) => ({ id: t.id, title: t.title });
  const tagsOf = (objectType: string) => tags.filter((t) => t.objectType === objectType);

  const customers: Row[] = [];
  const addresses: Row[] = [];
  const count = opts.customers ?? 120;
  for (let i = 0; i < count; i++) {
    const firstName = FIRST[i % FIRST.length]!;
    const lastName = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]!;
    const [city, stateCode, zipCode] = pick(PLACES);
    const created = START + Math.floor((SPAN * i) / count) + int(0, day - 1);
    const id = uuid();
    const customerTags = tagsOf('customer').filter(() => rand() < 0.18).map(tagRef);
    customers.push({
      id, honorific: null, firstName, lastName,
      birthDate: `19${int(50, 99)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
      city, stateCode, zipCode, countryCode: 'US',
      emailMarketingStatus: rand() < 0.7 ? 'Subscribed' : 'Unsubscribed',
      emails: [{ id: uuid(), email: `${firstName}.${lastName}${i + 1}@example.com`.toLowerCase(), status: 'Subscribed' }],
      phones: [{ id: uuid(), phone: `+1707555${String(1000 + i).padStart(4, '0')}` }],
      tags: customerTags, groups: [], clubs: [],
      orderInformation: { orderCount: 0, lifetimeValue: 0, lastOrderId: null, lastOrderDate: null },
      metaData: {}, appData: {},
      createdAt: at(created), updatedAt: at(created + int(0, 30) * day),
    });
    const addressCount = i % 3 === 0 ? 2 : 1;
    for (let a = 0; a < addressCount; a++) {
      const [aCity, aState, aZip] = a === 0 ? [city, stateCode, zipCode] : pick(PLACES);
      addresses.push({
        id: uuid(), customerId: id, firstName, lastName, company: a === 1 && rand() < 0.5 ? `${lastName} & Co.` : null,
        address: `${int(10, 9999)} ${pick(STREETS)}`, address2: null, city: aCity, stateCode: aState, zipCode: aZip,
        countryCode: 'US', isDefault: a === 0, appData: {}, createdAt: at(created), updatedAt: at(created),
      });
    }
  }

  const products: Row[] = [];
  WINES.forEach(([title, wineType, varietal, appellation, vintage, price], i) => {
    const created = START + i * 3 * day;
    products.push({
      id: uuid(), title: `${vintage} ${title}`, slug: `${vintage}-${title}`.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      subTitle: appellation, type: 'Wine', webStatus: i % 9 === 8 ? 'Not Available' : 'Available', adminStatus: 'Available',
      wine: { type: wineType, varietal, vintage, appellation, region: 'California', countryCode: 'US' },
      variants: [{ id: uuid(), title: '750ml', sku: `W${String(100 + i)}-750`, price, costOfGood: Math.round(price * 0.3), weight: 3.1, hasInventory: true }],
      appData: {}, createdAt: at(created), updatedAt: at(created + 90 * day),
    });
  });
  MERCH.forEach(([title, price], i) => {
    const created = START + (40 + i * 5) * day;
    products.push({
      id: uuid(), title, slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-+$/, ''), subTitle: null,
      type: 'General Merchandise', webStatus: 'Available', adminStatus: 'Available', wine: null,
      variants: [{ id: uuid(), title: 'Default', sku: `M${String(200 + i)}`, price, costOfGood: Math.round(price * 0.4), weight: 1, hasInventory: true }],
      appData: {}, createdAt: at(created), updatedAt: at(created),
    });
  });
  const wines = products.filter((p) => p.type === 'Wine');

  const clubs: Row[] = [
    ['Cellar Club', 'Traditional'], ['Reserve Club', 'Traditional'], ['Sparkling Society', 'Subscription'],
  ].map(([title, type], i) => ({
    id: uuid(), title, slug: title!.toLowerCase().replace(/\s+/g, '-'), type, isActive: true,
    createdAt: at(START + i * 10 * day), updatedAt: at(START + i * 10 * day),
  }));

  const memberships: Row[] = [];
  for (let i = 0; i < 70; i++) {
    const customer = customers[(i * 7) % customers.length]!;
    const club = clubs[i % clubs.length]!;
    const signup = Date.parse(customer.createdAt as string) + int(0, 60) * day;
    const r = rand();
    const status = r < 0.75 ? 'Active' : r < 0.9 ? 'Cancelled' : 'On Hold';
    const cancel = status === 'Cancelled' ? signup + int(90, 400) * day : null;
    const address = addresses.find((a) => a.customerId === customer.id)!;
    const membership: Row = {
      id: uuid(), customerId: customer.id, clubId: club.id, club: { id: club.id, title: club.title }, status,
      signupDate: at(signup), cancelDate: cancel === null ? null : at(cancel),
      orderDeliveryMethod: rand() < 0.8 ? 'Ship' : 'Pickup', shippingAddressId: address.id, billingAddressId: address.id,
      tags: i < 10 ? tagsOf('club-membership').map(tagRef) : [], appData: {},
      createdAt: at(signup), updatedAt: at(cancel ?? signup),
    };
    memberships.push(membership);
    (customer.clubs as unknown[]).push({ clubId: club.id, clubTitle: club.title, clubMembershipId: membership.id, signupDate: membership.signupDate, cancelDate: membership.cancelDate });
  }

  const orders: Row[] = [];
  const ORDER_START = Date.UTC(2024, 0, 1);
  const ORDER_SPAN = Date.UTC(2024, 11, 31) - ORDER_START;
  for (let i = 0; i < 200; i++) {
    const customer = pick(customers);
    const submitted = ORDER_START + Math.floor((ORDER_SPAN * i) / 200) + int(0, day - 1);
    const channel = pick(['Web', 'Web', 'POS', 'POS', 'Club', 'Inbound']);
    const deliveryMethod = channel === 'POS' ? 'Carry Out' : rand() < 0.8 ? 'Ship' : 'Pickup';
    const items = Array.from({ length: int(1, 4) }, () => {
      const p = rand() < 0.9 ? pick(wines) : pick(products);
      const v = (p.variants as Array<{ id: string; sku: string; price: number }>)[0]!;
      const quantity = int(1, 6);
      return { id: uuid(), productId: p.id, productVariantId: v.id, productTitle: p.title, sku: v.sku, quantity, price: v.price, originalPrice: v.price };
    });
    const subTotal = items.reduce((s, it) => s + it.price * it.quantity, 0);
    const shipTotal = deliveryMethod === 'Ship' ? (subTotal >= 15000 ? 0 : 1500) : 0;
    const taxTotal = Math.round(subTotal * 0.0825);
    const address = addresses.find((a) => a.customerId === customer.id)!;
    const fulfilled = rand() < 0.85;
    const orderTags = rand() < 0.1 ? [tagRef(pick(tagsOf('order')))] : [];
    orders.push({
      id: uuid(), orderNumber: 0, channel, orderDeliveryMethod: deliveryMethod,
      orderSubmittedDate: at(submitted), orderPaidDate: at(submitted + 60_000),
      orderFulfilledDate: fulfilled ? at(submitted + int(1, 7) * day) : null,
      paymentStatus: 'Paid', fulfillmentStatus: fulfilled ? 'Fulfilled' : 'Not Fulfilled',
      customerId: customer.id,
      customer: { id: customer.id, firstName: customer.firstName, lastName: customer.lastName, emails: customer.emails },
      shipTo: deliveryMethod === 'Ship'
        ? { firstName: address.firstName, lastName: address.lastName, address: address.address, city: address.city, stateCode: address.stateCode, zipCode: address.zipCode, countryCode: 'US' }
        : null,
      items, subTotal, shipTotal, taxTotal, total: subTotal + shipTotal + taxTotal,
      tags: orderTags, appData: {}, createdAt: at(submitted), updatedAt: at(submitted + 60_000),
    });
  }
  orders.sort((a, b) => String(a.orderSubmittedDate).localeCompare(String(b.orderSubmittedDate)));
  orders.forEach((o, i) => {
    o.orderNumber = 1001 + i;
    const info = customers.find((c) => c.id === o.customerId)!.orderInformation as Record<string, unknown>;
    info.orderCount = (info.orderCount as number) + 1;
    info.lifetimeValue = (info.lifetimeValue as number) + (o.total as number);
    info.lastOrderId = o.id;
    info.lastOrderDate = o.orderSubmittedDate;
  });

  const notes: Row[] = Array.from({ length: 80 }, (_, i) => {
    const customer = customers[(i * 11) % customers.length]!;
    const created = Date.parse(customer.createdAt as string) + int(1, 200) * day;
    return { id: uuid(), customerId: customer.id, content: NOTES[i % NOTES.length]!, isPinned: i % 13 === 0, createdAt: at(created), updatedAt: at(created) };
  });

  const reservationTypes: Row[] = [
    ['Classic Tasting', 4500, 60], ['Reserve Tasting', 9500, 90], ['Vineyard Tour & Tasting', 12500, 120],
  ].map(([title, price, durationMinutes], i) => ({
    id: uuid(), title, price, durationMinutes, isActive: true, createdAt: at(START + i * day), updatedAt: at(START + i * day),
  }));
  const RES_START = Date.UTC(2024, 2, 1);
  const reservations: Row[] = Array.from({ length: 60 }, (_, i) => {
    const customer = customers[(i * 5 + 3) % customers.length]!;
    const type = reservationTypes[i % reservationTypes.length]!;
    const when = RES_START + i * 5 * day + int(10, 16) * 3_600_000;
    const booked = when - int(3, 30) * day;
    const r = rand();
    const guestCount = int(1, 10);
    return {
      id: uuid(), reservationNumber: 5001 + i, customerId: customer.id, reservationTypeId: type.id,
      reservationType: { id: type.id, title: type.title }, dateTime: at(when), guestCount,
      status: r < 0.15 ? 'Cancelled' : when < Date.UTC(2025, 0, 1) ? 'Completed' : 'Confirmed',
      tags: guestCount >= 8 ? tagsOf('reservation').map(tagRef) : [], appData: {},
      createdAt: at(booked), updatedAt: at(booked),
    };
  });

  return {
    [key('/customer')]: customers,
    [key('/customer-address')]: addresses,
    [key('/product')]: products,
    [key('/order')]: orders,
    [key('/club')]: clubs,
    [key('/club-membership')]: memberships,
    [key('/note')]: notes,
    [key('/reservation-type')]: reservationTypes,
    [key('/reservation')]: reservations,
    [key('/tag')]: tags,
  };
}

/** The list keys a seed file may hold (those of LIST_KEYS). */
export function seedKeys(): string[] {
  return [...new Set(Object.values(LIST_KEYS))];
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

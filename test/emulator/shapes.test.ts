// Realistic objects (issue 13 §1), writes that later reads see (§2), filters refused with the parameter named (§3).
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { OBJECTS } from '../../generators/lib/catalog/objects.js';
import { buildWinerySeed, startEmulator, type Emulator, type Row } from '../../generators/lib/emulator/index.js';
import { allPermissionsManifest, call, SECRET } from './helpers.js';

const TENANT = 'demo-winery';

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return (listPath: string) => ajv.compile(OBJECTS.find((o) => o.listPath === listPath)!.schema);
}

describe('emulator: the seed passes the catalog\u2019s JSON Schema of each object', () => {
  const seed = buildWinerySeed();
  const compile = validator();
  for (const def of OBJECTS) {
    it(`${def.listPath} (${def.listKey})`, () => {
      const rows = seed[def.listKey];
      assert.ok(rows && rows.length > 0, `the seed has ${def.listKey}`);
      const validate = compile(def.listPath);
      for (const row of rows) assert.ok(validate(row), `${def.listPath} ${row.id}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    });
  }

  it('orders carry what fraud, fulfilment and accounting code reads: money in cents that adds up', () => {
    const orders = seed.orders!;
    const web = orders.find((o) => o.channel === 'Web')!;
    assert.match((web.connectionInformation as { customerIpAddress: string }).customerIpAddress, /^\d+\.\d+\.\d+\.\d+$/);
    for (const o of orders) {
      const items = o.items as Array<{ price: number; quantity: number; tax: number; departmentId: string; productVariantId: string }>;
      assert.equal(o.subTotal, items.reduce((s, it) => s + it.price * it.quantity, 0));
      assert.equal(o.taxTotal, items.reduce((s, it) => s + it.tax, 0));
      assert.equal(o.total, (o.subTotal as number) + (o.shipTotal as number) + (o.taxTotal as number) + (o.dutyTotal as number) + (o.bottleDepositTotal as number));
      assert.equal((o.tenders as Array<{ amountTendered: number }>).reduce((s, t) => s + t.amountTendered, 0), o.totalAfterTip);
      for (const it of items) assert.ok(it.departmentId && it.productVariantId);
      if (o.fulfillmentStatus === 'Fulfilled') assert.ok((o.fulfillments as unknown[]).length > 0);
      if (o.orderDeliveryMethod === 'Ship') assert.ok(o.shipTo);
    }
    const customers = new Map(seed.customers!.map((c) => [c.id, c]));
    for (const c of customers.values()) {
      const info = c.orderInformation as { orderCount: number; lifetimeValue: number };
      const mine = orders.filter((o) => o.customerId === c.id);
      assert.equal(info.orderCount, mine.length);
      assert.equal(info.lifetimeValue, mine.reduce((s, o) => s + (o.total as number), 0));
    }
  });
});

describe('emulator: writes, server fields and refusals', () => {
  let emu: Emulator;
  const compile = validator();
  before(async () => {
    emu = await startEmulator({ manifest: allPermissionsManifest(), appSecret: SECRET, rateLimit: false, tenants: [TENANT] });
  });
  after(() => emu.stop());
  const c = (path: string, opts: Parameters<typeof call>[2] = {}) => call(emu.url, path, opts, emu.appId);
  const rows = (p: string): Row[] => emu.tenantData(TENANT).rows(p);

  it('a create without its required fields is a 422 validationError naming each field', async () => {
    const r = await c('/customer', { method: 'POST', body: { emails: [{ email: 'x@example.com' }] } });
    assert.equal(r.status, 422);
    assert.equal(r.json.type, 'validationError');
    assert.deepEqual(r.json.errors.map((e: { field: string }) => e.field), ['firstName', 'lastName']);
    const order = await c('/order', { method: 'POST', body: {} });
    assert.deepEqual(order.json.errors.map((e: { field: string }) => e.field), ['channel', 'customerId', 'items']);
    const note = await c('/note', { method: 'POST', body: { content: 'no one' } });
    assert.deepEqual(note.json.errors.map((e: { field: string }) => e.field), ['customerId']);
  });

  it('a created customer gets the server fields a real one has, and passes the schema', async () => {
    const r = await c('/customer', { method: 'POST', body: { firstName: 'Ada', lastName: 'Lovelace', emails: [{ email: 'ada@example.com' }], phones: [{ phone: '+17075550000' }], appData: { [emu.appId]: { n: 1 } } } });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const made = r.json;
    assert.match(made.emails[0].id, /^[0-9a-f-]{36}$/);
    assert.match(made.phones[0].id, /^[0-9a-f-]{36}$/);
    assert.equal(made.emails[0].status, 'Ok', 'customerEmailStatus: Ok | Bounced (docs/customers)');
    assert.equal(made.orderInformation.orderCount, 0);
    assert.equal(made.orderInformation.lifetimeValue, 0);
    assert.equal(made.orderInformation.lastOrderId, null);
    assert.deepEqual(made.clubs, []);
    assert.equal(made.emailMarketingStatus, 'Unsubscribed');
    assert.ok(made.createdAt && made.updatedAt);
    const validate = compile('/customer');
    assert.ok(validate(structuredClone(made)), JSON.stringify(validate.errors));
    assert.deepEqual((await c(`/customer/${made.id}`)).json, made);
  });

  it('a second customer with a taken email is a 422 on emails.email (the emulator\u2019s choice; duplicateEmails: allow)', async () => {
    const taken = (rows('/customer')[3]!.emails as Array<{ email: string }>)[0]!.email;
    const r = await c('/customer', { method: 'POST', body: { firstName: 'Dup', lastName: 'Licate', emails: [{ email: taken.toUpperCase() }] } });
    assert.equal(r.status, 422);
    assert.equal(r.json.errors[0].field, 'emails.email');
    const lax = await startEmulator({ manifest: allPermissionsManifest(), appSecret: SECRET, rateLimit: false, tenants: [TENANT], duplicateEmails: 'allow' });
    try {
      assert.equal((await call(lax.url, '/customer', { method: 'POST', body: { firstName: 'Dup', lastName: 'Licate', emails: [{ email: taken }] } }, lax.appId)).status, 200);
    } finally {
      await lax.stop();
    }
  });

  it('a created order gets the next order number and passes the schema', async () => {
    const before = Math.max(...rows('/order').map((o) => o.orderNumber as number));
    const product = rows('/product')[0]!;
    const variant = (product.variants as Array<{ id: string; price: number }>)[0]!;
    const r = await c('/order', { method: 'POST', body: { channel: 'Inbound', customerId: rows('/customer')[0]!.id, items: [{ productId: product.id, productVariantId: variant.id, quantity: 1, price: variant.price }] } });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.orderNumber, before + 1);
    assert.match(r.json.items[0].id, /^[0-9a-f-]{36}$/);
    const validate = compile('/order');
    assert.ok(validate(r.json), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal((await c('/order-number', { method: 'PUT', body: { orderNumber: 7000 } })).json.orderNumber, 7000);
    const next = await c('/order', { method: 'POST', body: { channel: 'Inbound', customerId: rows('/customer')[0]!.id, items: [] } });
    assert.equal(next.json.orderNumber, 7000);
    assert.equal((await c('/order-number', { method: 'PUT', body: { orderNumber: 'x' } })).status, 422);
  });

  it('a fulfillment shows on the order; deleting it undoes it; /all fulfils what is left', async () => {
    const order = rows('/order').find((o) => o.fulfillmentStatus === 'Not Fulfilled' && (o.items as unknown[]).length >= 2)!;
    const items = order.items as Array<{ id: string; quantity: number }>;
    const part = await c(`/order/${order.id}/fulfillment`, { method: 'POST', body: { type: 'Shipped', trackingNumbers: ['1ZTEST'], items: [{ orderItemId: items[0]!.id, quantity: items[0]!.quantity }] } });
    assert.equal(part.status, 200, JSON.stringify(part.json));
    const read = (await c(`/order/${order.id}`)).json;
    assert.equal(read.fulfillmentStatus, 'Partially Fulfilled');
    const f = read.fulfillments.at(-1);
    assert.deepEqual(f.trackingNumbers, ['1ZTEST']);
    assert.equal(read.items[0].quantityFulfilled, items[0]!.quantity);
    assert.equal((await c(`/order?fulfillmentStatus=Partially%20Fulfilled`)).json.orders.some((o: Row) => o.id === order.id), true);
    assert.equal((await c(`/order/${order.id}/fulfillment/${f.id}`, { method: 'DELETE' })).status, 200);
    assert.equal((await c(`/order/${order.id}`)).json.fulfillmentStatus, 'Not Fulfilled');
    const all = await c(`/order/${order.id}/fulfillment/all`, { method: 'POST', body: { type: 'Shipped' } });
    assert.equal(all.json.fulfillmentStatus, 'Fulfilled');
    assert.ok(all.json.orderFulfilledDate);
    assert.equal((await c(`/order/${order.id}/fulfillment/all`, { method: 'POST', body: {} })).status, 422, 'nothing left to fulfil');
    assert.equal((await c(`/order/${order.id}/fulfillment`, { method: 'POST', body: { type: 'Teleported' } })).json.errors[0].field, 'type');
    assert.equal((await c(`/order/${order.id}/fulfillment/nope`, { method: 'DELETE' })).status, 404);
  });

  it('an inventory transaction moves the count, on /inventory and on the product\u2019s variant', async () => {
    const inv = rows('/inventory')[0]!;
    const before = inv.availableForSaleCount as number;
    const body = { productVariantId: inv.productVariantId, inventoryLocationId: inv.inventoryLocationId, transactionType: 'Sale', quantity: 2 };
    assert.equal((await c('/inventory-transaction', { method: 'POST', body })).status, 200);
    const listed = (await c(`/inventory?productVariantId=${inv.productVariantId}&inventoryLocationId=${inv.inventoryLocationId}`)).json.inventory;
    assert.equal(listed[0].availableForSaleCount, before - 2);
    const product = (await c(`/product/${inv.productId}`)).json;
    const at = product.variants.flatMap((v: { inventory: Array<{ inventoryLocationId: string; availableForSaleCount: number }> }) => v.inventory).find((x: { inventoryLocationId: string }) => x.inventoryLocationId === inv.inventoryLocationId);
    assert.equal(at.availableForSaleCount, before - 2);
    const bad = await c('/inventory-transaction', { method: 'POST', body: { productVariantId: 'nope', inventoryLocationId: inv.inventoryLocationId, transactionType: 'Receive', quantity: 1 } });
    assert.equal(bad.json.errors[0].field, 'productVariantId');
  });

  it('a tag link shows on the object; a promotion-set link on the set; a delete lands in the trash', async () => {
    const tag = rows('/tag').find((t) => t.objectType === 'order')!;
    const order = rows('/order')[10]!;
    await c('/tag-x-object/order', { method: 'POST', body: { tagId: tag.id, objectId: order.id } });
    assert.ok((await c(`/order/${order.id}`)).json.tags.some((t: { id: string }) => t.id === tag.id));
    assert.ok((await c(`/order?orderTagId=${tag.id}`)).json.orders.some((o: Row) => o.id === order.id));
    const set = rows('/promotion-set')[0]!;
    const promo = rows('/promotion')[2]!;
    const link = await c('/promotion-set-x-promotion', { method: 'POST', body: { promotionSetId: set.id, promotionId: promo.id } });
    assert.ok((await c(`/promotion-set/${set.id}`)).json.promotions.some((p: { id: string }) => p.id === promo.id));
    await c(`/promotion-set-x-promotion/${link.json.id}`, { method: 'DELETE' });
    assert.ok(!(await c(`/promotion-set/${set.id}`)).json.promotions.some((p: { id: string }) => p.id === promo.id));
    const vendor = await c('/vendor', { method: 'POST', body: { title: 'Short-lived' } });
    await c(`/vendor/${vendor.json.id}`, { method: 'DELETE' });
    const trash = (await c('/trash?objectType=vendor')).json.trash;
    assert.equal(trash.at(-1).objectId, vendor.json.id);
  });

  it('GET /setting/for-web takes only the tenant header; /setting needs the app\u2019s credentials', async () => {
    const pub = await c('/setting/for-web', { auth: null });
    assert.equal(pub.status, 200);
    assert.equal(pub.json.currency, 'USD');
    assert.equal('defaultInventoryLocationId' in pub.json, false);
    assert.equal((await c('/setting/for-web', { auth: null, tenant: null })).status, 401);
    assert.equal((await c('/setting', { auth: null })).status, 401);
    assert.equal((await c('/setting')).json.timeZone, 'America/Los_Angeles');
  });

  it('meta-data-config is per object type; a write shows in the next read', async () => {
    const made = await c('/meta-data-config/order', { method: 'POST', body: { code: 'gift_wrap', title: 'Gift wrap', dataType: 'Checkbox' } });
    assert.equal(made.json.objectType, 'order');
    const list = (await c('/meta-data-config/order')).json.metaDataConfigs;
    assert.ok(list.every((m: Row) => m.objectType === 'order') && list.some((m: Row) => m.id === made.json.id));
    assert.equal((await c(`/meta-data-config/customer/${made.json.id}`)).status, 404);
    assert.equal((await c(`/meta-data-config/order/${made.json.id}`, { method: 'PUT', body: { title: 'Gift wrapping' } })).json.title, 'Gift wrapping');
  });

  it('PUT /order/upsert updates by id, else creates', async () => {
    const order = rows('/order')[20]!;
    const up = await c('/order/upsert', { method: 'PUT', body: { id: order.id, giftMessage: 'Cheers' } });
    assert.equal(up.json.id, order.id);
    assert.equal((await c(`/order/${order.id}`)).json.giftMessage, 'Cheers');
    const created = await c('/order/upsert', { method: 'PUT', body: { id: 'external-42', channel: 'Marketplace', customerId: rows('/customer')[2]!.id, items: [] } });
    assert.equal(created.json.id, 'external-42');
    assert.equal((await c('/order/external-42')).status, 200);
    assert.equal((await c('/order/upsert', { method: 'PUT', body: { id: 'external-43' } })).status, 422);
  });

  describe('filters', () => {
    it('an unknown operator is a 422 naming the parameter, for a documented filter and any other', async () => {
      for (const q of ['orderPaidDate=xx:2024-01-01', 'channel=like:Web', 'subTotal=xx:5']) {
        const r = await c(`/order?${q}`);
        assert.equal(r.status, 422, q);
        assert.equal(r.json.errors[0].field, q.split('=')[0]);
        assert.match(r.json.message, /unknown operator/);
      }
    });

    it('an unparseable value is a 422 naming the parameter', async () => {
      for (const [q, field] of [['orderPaidDate=gt:garbage', 'orderPaidDate'], ['lifetimeValue=gte:lots', 'lifetimeValue'], ['subTotal=gt:garbage', 'subTotal'], ['channel=Webb', 'channel'], ['orderPaidDate=btw:2024-01-01', 'orderPaidDate']] as const) {
        const path = q.startsWith('lifetimeValue') ? `/customer?${q}` : `/order?${q}`;
        const r = await c(path);
        assert.equal(r.status, 422, q);
        assert.equal(r.json.errors[0].field, field, q);
      }
    });

    it('an operator a filter does not take is a 422 (ranges on an enum)', async () => {
      const r = await c('/order?channel=gt:Web');
      assert.equal(r.status, 422);
      assert.match(r.json.message, /channel takes a plain value, in:/);
    });

    it('the filters issue 13 found refused now filter', async () => {
      const big = await c('/customer?lifetimeValue=gte:50000&orderCount=gte:2');
      assert.equal(big.status, 200);
      assert.ok(big.json.customers.length > 0);
      for (const cu of big.json.customers) assert.ok(cu.orderInformation.lifetimeValue >= 50000 && cu.orderInformation.orderCount >= 2);
      const collection = rows('/collection').find((x) => x.title === 'Library Releases')!;
      const lib = await c(`/product?collectionId=${collection.id}`);
      assert.ok(lib.json.products.length > 0 && lib.json.products.every((p: { collections: Row[] }) => p.collections.some((x) => x.id === collection.id)));
      const res = await c('/reservation?reservationDate=btw:2024-03-01|2024-03-31&paymentStatus=Paid&channel=in:Web,Inbound');
      assert.equal(res.status, 200);
      for (const r of res.json.reservations) assert.ok(r.reservationDate.startsWith('2024-03') && r.paymentStatus === 'Paid' && ['Web', 'Inbound'].includes(r.channel));
      const note = rows('/note').find((n) => n.orderId)!;
      assert.deepEqual((await c(`/note?orderId=${note.orderId}`)).json.notes.map((n: Row) => n.id), rows('/note').filter((n) => n.orderId === note.orderId).map((n) => n.id));
      const query = rows('/query')[0]!;
      const q = await c(`/order?queryId=${query.id}&limit=50`);
      assert.equal(q.json.total, (query.objectIds as string[]).length);
      assert.equal((await c('/order?queryId=no-such-query')).json.total, 0);
      for (const f of ['posProfileId', 'allocationId', 'complianceStatus']) {
        const value = f === 'allocationId' ? 'alloc-1' : f === 'complianceStatus' ? 'Quarantined' : rows('/pos-profile')[0]!.id;
        const r = await c(`/order?${f}=${value}`);
        assert.equal(r.status, 200, f);
        assert.ok(r.json.total > 0, f);
      }
    });
  });
});

describe('emulator: POST /customer-address creates a customer with an address', () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ manifest: allPermissionsManifest(), appSecret: SECRET, rateLimit: false, tenants: [TENANT] });
  });
  after(() => emu.stop());

  it('a new customer (required customer fields checked), or an address for the customerId given', async () => {
    const body = { firstName: 'Grace', lastName: 'Hopper', emails: [{ email: 'grace@example.com' }], address: '1 Navy Way', city: 'Arlington', stateCode: 'VA', zipCode: '22201', countryCode: 'US' };
    const r = await call(emu.url, '/customer-address', { method: 'POST', body }, emu.appId);
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const customer = (await call(emu.url, `/customer/${r.json.customerId}`, {}, emu.appId)).json;
    assert.equal(customer.lastName, 'Hopper');
    assert.match(customer.emails[0].id, /^[0-9a-f-]{36}$/);
    const addresses = (await call(emu.url, `/customer/${customer.id}/address`, {}, emu.appId)).json.customerAddresses;
    assert.deepEqual(addresses.map((a: Row) => a.id), [r.json.id]);
    const noName = await call(emu.url, '/customer-address', { method: 'POST', body: { ...body, firstName: undefined, emails: [{ email: 'other@example.com' }] } }, emu.appId);
    assert.deepEqual(noName.json.errors.map((e: { field: string }) => e.field), ['firstName']);
    const more = await call(emu.url, '/customer-address', { method: 'POST', body: { customerId: customer.id, address: '2 Navy Way', city: 'Arlington', stateCode: 'VA', zipCode: '22201', countryCode: 'US' } }, emu.appId);
    assert.equal(more.json.customerId, customer.id);
    assert.equal((await call(emu.url, '/customer-address', { method: 'POST', body: { customerId: 'nope', address: 'x', city: 'x', stateCode: 'x', zipCode: 'x', countryCode: 'US' } }, emu.appId)).status, 404);
  });
});

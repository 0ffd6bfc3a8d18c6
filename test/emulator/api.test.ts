import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ACCOUNT_USER_FIELDS, CURSOR_ENDPOINTS, ERROR_TYPES, LIST_KEYS, PAGE_LIMIT_MAX, RATE_LIMIT_PER_MINUTE } from '../../generators/lib/catalog/api.js';
import { startEmulator, EmulatorConfigError, type Emulator, type RequestLogEntry } from '../../generators/lib/emulator/index.js';
import { basic, call, FULL_APP, INTEGRATION, readManifest, SECRET } from './helpers.js';

const ENVELOPE_KEYS = ['statusCode', 'type', 'message', 'errors'];

function assertEnvelope(json: any, status: keyof typeof ERROR_TYPES): void {
  assert.deepEqual(Object.keys(json), ENVELOPE_KEYS);
  assert.equal(json.statusCode, status);
  assert.equal(json.type, ERROR_TYPES[status]);
  assert.ok(Array.isArray(json.errors));
}

describe('emulator: the Commerce7 API', () => {
  let emu: Emulator;
  const logged: RequestLogEntry[] = [];
  before(async () => {
    // The Full Application example grants Customer read, Note full, Order read, Product read, Reservation read, Tag full.
    emu = await startEmulator({ manifest: FULL_APP, appSecret: SECRET, log: (e) => logged.push(e), rateLimit: false });
  });
  after(() => emu.stop());

  it('listens on 127.0.0.1 and gives the /v1 base URL; tenants default to the manifest\u2019s test tenants', () => {
    assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    assert.deepEqual(emu.installedTenants(), ['vineyard-labs-sandbox', 'demo-winery']);
    assert.equal(emu.appId, 'tasting-notes');
  });

  describe('auth and tenant', () => {
    it('401 without Basic auth, with a wrong App ID or a wrong secret', async () => {
      for (const auth of [null, basic('someone-else', SECRET), basic('tasting-notes', 'wrong'), 'Bearer abc']) {
        const r = await call(emu.url, '/customer', { auth });
        assert.equal(r.status, 401, String(auth));
        assertEnvelope(r.json, 401);
        assert.match(r.json.message, /^Unauthorized user/);
      }
    });

    it('401 without the tenant header, and for a tenant that has not installed the app', async () => {
      const none = await call(emu.url, '/customer', { tenant: null });
      assert.equal(none.status, 401);
      assert.match(none.json.message, /"tenant" header/);
      const other = await call(emu.url, '/customer', { tenant: 'another-winery' });
      assert.equal(other.status, 401);
      assert.match(other.json.message, /"another-winery" has not installed "tasting-notes"/);
    });

    it('install and uninstall change which tenants have access', async () => {
      emu.install('another-winery');
      assert.equal((await call(emu.url, '/customer?limit=1', { tenant: 'another-winery' })).status, 200);
      emu.uninstall('another-winery');
      assert.equal((await call(emu.url, '/customer?limit=1', { tenant: 'another-winery' })).status, 401);
    });
  });

  describe('permissions', () => {
    it('read access allows GET and refuses writes with 403 naming the permission and access to add', async () => {
      assert.equal((await call(emu.url, '/customer')).status, 200);
      const r = await call(emu.url, '/customer/123', { method: 'PUT', body: { firstName: 'X' } });
      assert.equal(r.status, 403);
      assertEnvelope(r.json, 403);
      assert.match(r.json.message, /This app needs "Customer" full access for PUT \/customer\/123/);
      assert.match(r.json.message, /\{ "endpoint": "Customer", "access": "full" \}/);
    });

    it('an endpoint the manifest does not list: 403 for reads too', async () => {
      const r = await call(emu.url, '/club');
      assert.equal(r.status, 403);
      assert.match(r.json.message, /This app needs "Club" read access for GET \/club; add \{ "endpoint": "Club", "access": "read" \} to c7-app.json permissions/);
      const address = await call(emu.url, `/customer/${emu.tenantData('demo-winery').rows('/customer')[0]!.id}/address`);
      assert.equal(address.status, 403, 'a customer\u2019s addresses need Customer Address, not Customer');
      assert.match(address.json.message, /"Customer Address" read/);
    });

    it('a call needing two permissions names each missing one', async () => {
      const r = await call(emu.url, '/customer-address', { method: 'POST', body: {} });
      assert.equal(r.status, 403);
      assert.match(r.json.message, /"Customer" full/);
      assert.match(r.json.message, /"Customer Address" full/);
    });

    it('full access allows POST, PUT and DELETE', async () => {
      const customerId = emu.tenantData('demo-winery').rows('/customer')[0]!.id;
      const created = await call(emu.url, '/note', { method: 'POST', body: { customerId, content: 'Loved the Syrah' } });
      assert.equal(created.status, 200);
      assert.equal(typeof created.json.id, 'string');
      assert.equal(created.json.content, 'Loved the Syrah');
      const id = created.json.id as string;
      const updated = await call(emu.url, `/note/${id}`, { method: 'PUT', body: { isPinned: true } });
      assert.equal(updated.json.content, 'Loved the Syrah', 'PUT keeps the fields it does not send');
      assert.equal(updated.json.isPinned, true);
      assert.equal((await call(emu.url, `/note/${id}`)).json.isPinned, true);
      assert.equal((await call(emu.url, `/note/${id}`, { method: 'DELETE' })).status, 200);
      const gone = await call(emu.url, `/note/${id}`);
      assert.equal(gone.status, 404);
      assertEnvelope(gone.json, 404);
    });

    it('an app writes only its own appData', async () => {
      const id = emu.tenantData('demo-winery').rows('/note')[0]!.id;
      const other = await call(emu.url, `/note/${id}`, { method: 'PUT', body: { appData: { 'someone-else': { x: 1 } } } });
      assert.equal(other.status, 422);
      assert.equal(other.json.errors[0].field, 'appData.someone-else');
      const own = await call(emu.url, `/note/${id}`, { method: 'PUT', body: { appData: { 'tasting-notes': { synced: true } } } });
      assert.equal(own.status, 200);
      assert.deepEqual(own.json.appData, { 'tasting-notes': { synced: true } });
    });

    it('Tag full: create a tag, tag a customer, list customers by tagId, untag', async () => {
      const tag = await call(emu.url, '/tag/customer', { method: 'POST', body: { title: 'Tasted' } });
      assert.equal(tag.status, 200);
      assert.equal(tag.json.objectType, 'customer');
      const customerId = emu.tenantData('demo-winery').rows('/customer')[5]!.id;
      const link = await call(emu.url, '/tag-x-object/customer', { method: 'POST', body: { tagId: tag.json.id, objectId: customerId } });
      assert.equal(link.status, 200);
      const tagged = await call(emu.url, `/customer?tagId=${tag.json.id}`);
      assert.equal(tagged.json.total, 1);
      assert.equal(tagged.json.customers[0].id, customerId);
      assert.equal((await call(emu.url, `/tag-x-object/customer/${tag.json.id}/${customerId}`, { method: 'DELETE' })).status, 200);
      assert.equal((await call(emu.url, `/customer?tagId=${tag.json.id}`)).json.total, 0);
      assert.ok((await call(emu.url, '/tag/customer')).json.tags.every((t: { objectType: string }) => t.objectType === 'customer'));
    });

    it('a path with no documented permission: 404 with the catalog\u2019s reason (the trash, seen in the wild, is served)', async () => {
      const tax = await call(emu.url, '/tax');
      assert.equal(tax.status, 404);
      assertEnvelope(tax.json, 404);
      assert.match(tax.json.message, /tax paths have no documented permission/);
      const trash = await call(emu.url, '/trash?cursor=start');
      assert.equal(trash.status, 200);
      assert.ok(Array.isArray(trash.json.trash));
      assert.equal((await call(emu.url, '/trash', { method: 'DELETE' })).status, 404, 'the trash is read-only here');
      const nothing = await call(emu.url, '/customers');
      assert.equal(nothing.status, 404);
      assert.match(nothing.json.message, /no documented permission governs GET \/customers/);
      const outside = await call(emu.url.replace(/\/v1$/, ''), '/api/customer');
      assert.equal(outside.status, 404);
      assertEnvelope(outside.json, 404);
    });
  });

  describe('lists', () => {
    it('page pagination: { customers, total }, limit at most 50 (51 is a 422)', async () => {
      const first = await call(emu.url, '/customer?page=1&limit=50');
      assert.equal(first.status, 200);
      assert.deepEqual(Object.keys(first.json), [LIST_KEYS['/customer'], 'total']);
      assert.equal(first.json.total, 120);
      assert.equal(first.json.customers.length, 50);
      const third = await call(emu.url, '/customer?page=3&limit=50');
      assert.equal(third.json.customers.length, 20);
      const ids = new Set([...first.json.customers, ...(await call(emu.url, '/customer?page=2')).json.customers, ...third.json.customers].map((c: { id: string }) => c.id));
      assert.equal(ids.size, 120);
      const tooMany = await call(emu.url, `/customer?limit=${PAGE_LIMIT_MAX + 1}`);
      assert.equal(tooMany.status, 422);
      assertEnvelope(tooMany.json, 422);
      assert.deepEqual(tooMany.json.errors[0].field, 'limit');
      assert.equal((await call(emu.url, '/customer?page=0')).status, 422);
    });

    it('cursor pagination on the cursor endpoints: cursor=start, follow until no cursor comes back', async () => {
      assert.ok((CURSOR_ENDPOINTS as readonly string[]).includes('/customer'));
      const seen: string[] = [];
      let next: string | undefined = 'start';
      let pages = 0;
      while (next) {
        const r = await call(emu.url, `/customer?cursor=${encodeURIComponent(next)}`);
        assert.equal(r.status, 200);
        assert.ok(!('total' in r.json), 'cursor pages carry cursor, not total');
        seen.push(...r.json.customers.map((c: { id: string }) => c.id));
        next = r.json.cursor;
        pages++;
      }
      assert.equal(pages, 3);
      assert.equal(new Set(seen).size, 120);
    });

    it('page and cursor together, a cursor on a non-cursor endpoint, or a made-up cursor: 422', async () => {
      const both = await call(emu.url, '/customer?cursor=start&page=2');
      assert.equal(both.status, 422);
      assert.match(both.json.message, /cannot be combined/);
      const tags = await call(emu.url, '/tag/customer?cursor=start');
      assert.equal(tags.status, 422);
      assert.match(tags.json.message, /not available on \/tag/);
      assert.equal((await call(emu.url, '/customer?cursor=garbage')).status, 422);
    });

    it('an item by id; an unknown id is a 404', async () => {
      const order = emu.tenantData('demo-winery').rows('/order')[3]!;
      const r = await call(emu.url, `/order/${order.id}`);
      assert.equal(r.status, 200);
      assert.equal(r.json.orderNumber, order.orderNumber);
      assert.equal((await call(emu.url, '/order/no-such-order')).status, 404);
    });
  });

  describe('filters', () => {
    const orders = () => emu.tenantData('demo-winery').rows('/order');
    const count = (pred: (o: Record<string, unknown>) => boolean) => orders().filter(pred).length;
    const total = async (query: string) => {
      const r = await call(emu.url, `/order?${query}`);
      assert.equal(r.status, 200, JSON.stringify(r.json));
      return r.json.total as number;
    };

    it('btw: on dates covers both whole days (UTC)', async () => {
      const expected = count((o) => String(o.orderPaidDate) >= '2024-01-01' && String(o.orderPaidDate) < '2024-02-01');
      assert.ok(expected > 5);
      assert.equal(await total('orderPaidDate=btw:2024-01-01|2024-01-31'), expected);
    });

    it('gt:, gte:, lt:, lte: on dates and numbers', async () => {
      assert.equal(await total('orderPaidDate=gte:2024-07-01'), count((o) => String(o.orderPaidDate) >= '2024-07-01'));
      assert.equal(await total('orderPaidDate=gt:2024-07-01'), count((o) => String(o.orderPaidDate) >= '2024-07-02'));
      assert.equal(await total('orderPaidDate=lt:2024-07-01'), count((o) => String(o.orderPaidDate) < '2024-07-01'));
      assert.equal(await total('orderPaidDate=lte:2024-07-01'), count((o) => String(o.orderPaidDate) < '2024-07-02'));
      assert.equal(await total('total=gte:20000'), count((o) => (o.total as number) >= 20000));
      assert.equal(await total('total=lt:5000'), count((o) => (o.total as number) < 5000));
    });

    it('in: and plain equality, also on nested fields', async () => {
      assert.equal(await total('channel=in:POS,Club'), count((o) => o.channel === 'POS' || o.channel === 'Club'));
      assert.equal(await total('channel=Web'), count((o) => o.channel === 'Web'));
      const customerId = orders()[0]!.customerId as string;
      assert.equal(await total(`customer.id=${customerId}`), count((o) => o.customerId === customerId));
      const products = await call(emu.url, '/product?wine.varietal=Chardonnay');
      assert.ok(products.json.total >= 2);
      assert.ok(products.json.products.every((p: { wine: { varietal: string } }) => p.wine.varietal === 'Chardonnay'));
    });

    it('q searches text, case-insensitively', async () => {
      const r = await call(emu.url, '/customer?q=OLIVIA.GARCIA1@');
      assert.equal(r.json.total, 1);
      assert.equal(r.json.customers[0].firstName, 'Olivia');
    });

    it('a filter on a field no row has, or a malformed operator value, is a 422 (a typo would otherwise match all)', async () => {
      const typo = await call(emu.url, '/order?orderPaidDte=gte:2024-01-01');
      assert.equal(typo.status, 422);
      assert.equal(typo.json.errors[0].field, 'orderPaidDte');
      assert.equal((await call(emu.url, '/order?orderPaidDate=btw:2024-01-01')).status, 422);
      assert.equal((await call(emu.url, '/order?orderPaidDate=gte:2024-13-45')).status, 422);
    });
  });

  describe('bad requests never crash the server', () => {
    it('malformed JSON: 400 envelope, and the next request works', async () => {
      const r = await call(emu.url, '/note', { method: 'POST', rawBody: '{"content": ' });
      assert.equal(r.status, 400);
      assertEnvelope(r.json, 400);
      assert.match(r.json.message, /malformed JSON/);
      const notObject = await call(emu.url, '/note', { method: 'POST', rawBody: '[1,2]' });
      assert.equal(notObject.status, 422);
      assert.equal((await call(emu.url, '/note?limit=1')).status, 200);
    });
  });

  describe('staff tokens and GET /account/user', () => {
    it('a token the emulator issued returns the staff member, with the raw token and no app auth', async () => {
      const token = emu.issueStaffToken('demo-winery', { firstName: 'Sam', email: 'sam@demo-winery.example.com' });
      const r = await call(emu.url, '/account/user', { auth: token });
      assert.equal(r.status, 200);
      assert.deepEqual(Object.keys(r.json), [...ACCOUNT_USER_FIELDS]);
      assert.equal(r.json.firstName, 'Sam');
      assert.equal(r.json.role, 'Admin Owner');
    });

    it('401 for Bearer, app Basic auth, an unknown token, or another tenant\u2019s token', async () => {
      const token = emu.issueStaffToken('demo-winery');
      const cases: Array<[string | null, string | null, RegExp]> = [
        [`Bearer ${token}`, 'demo-winery', /without "Bearer"/],
        [basic('tasting-notes', SECRET), 'demo-winery', /not the app/],
        ['not.a.token', 'demo-winery', /not issued/],
        [token, 'vineyard-labs-sandbox', /belongs to tenant "demo-winery"/],
        [null, 'demo-winery', /staff token/],
        [token, null, /"tenant" header/],
      ];
      for (const [auth, tenant, message] of cases) {
        const r = await call(emu.url, '/account/user', { auth, tenant });
        assert.equal(r.status, 401, String(auth));
        assertEnvelope(r.json, 401);
        assert.match(r.json.message, message);
      }
    });
  });

  describe('the request log', () => {
    it('one entry per request with method, path, tenant, status and permission; never credentials', async () => {
      const before = logged.length;
      await call(emu.url, '/order?limit=1');
      await call(emu.url, '/club');
      const [ok, denied] = logged.slice(before);
      assert.equal(logged.length - before, 2);
      assert.deepEqual({ method: ok!.method, path: ok!.path, tenant: ok!.tenant, status: ok!.status, permission: ok!.permission }, { method: 'GET', path: '/v1/order?limit=1', tenant: 'demo-winery', status: 200, permission: 'Order:read' });
      assert.equal(denied!.status, 403);
      assert.equal(denied!.permission, 'Club:read');
      const all = JSON.stringify(emu.requests);
      assert.ok(!all.includes(SECRET) && !all.includes('Basic ') && !all.includes(Buffer.from(`tasting-notes:${SECRET}`).toString('base64')));
    });
  });
});

describe('emulator: rate limit', () => {
  it(`429 with Retry-After past ${RATE_LIMIT_PER_MINUTE} requests a minute per tenant; cursor lists are exempt; a minute later it serves again`, async () => {
    let clock = Date.UTC(2025, 0, 1);
    const emu = await startEmulator({ manifest: FULL_APP, appSecret: SECRET, now: () => clock });
    try {
      for (let i = 0; i < RATE_LIMIT_PER_MINUTE; i++) assert.equal((await call(emu.url, '/product?limit=1')).status, 200, `request ${i + 1}`);
      const over = await call(emu.url, '/product?limit=1');
      assert.equal(over.status, 429);
      assertEnvelope(over.json, 429);
      assert.ok(Number(over.headers.get('retry-after')) >= 1);
      assert.equal((await call(emu.url, '/customer?cursor=start')).status, 200, 'cursor lists are not rate limited');
      assert.equal((await call(emu.url, '/product?limit=1', { tenant: 'vineyard-labs-sandbox' })).status, 200, 'per tenant');
      clock += 60_001;
      assert.equal((await call(emu.url, '/product?limit=1')).status, 200);
    } finally {
      await emu.stop();
    }
  });

  it('reports each tenant\u2019s busiest minute (any 60 s window, refused requests counted), in-process and on the control API', async () => {
    let clock = Date.UTC(2025, 0, 1);
    const emu = await startEmulator({ manifest: FULL_APP, appSecret: SECRET, now: () => clock, tenants: ['demo-winery', 'vineyard-labs-sandbox'] });
    try {
      // 60 requests, 30 s later 50 more (10 of them refused): a sliding minute holds 110; a calendar minute could split them.
      for (let i = 0; i < 60; i++) await call(emu.url, '/product?limit=1');
      clock += 30_000;
      let refused = 0;
      for (let i = 0; i < 50; i++) if ((await call(emu.url, '/product?limit=1')).status === 429) refused += 1;
      assert.equal(refused, 10);
      await call(emu.url, '/customer?cursor=start'); // not rate limited: not counted
      clock += 61_000;
      for (let i = 0; i < 5; i++) await call(emu.url, '/product?limit=1');
      await call(emu.url, '/product?limit=1', { tenant: 'vineyard-labs-sandbox' });
      const expected = {
        'demo-winery': { busiestMinute: 110, busiestMinuteStartedAt: new Date(Date.UTC(2025, 0, 1)).toISOString(), requests: 115, refused: 10 },
        'vineyard-labs-sandbox': { busiestMinute: 1, busiestMinuteStartedAt: new Date(clock).toISOString(), requests: 1, refused: 0 },
      };
      assert.deepEqual(emu.rateLimitStats(), { limitPerMinute: RATE_LIMIT_PER_MINUTE, windowMs: 60_000, tenants: expected });
      const res = await fetch(`${emu.origin}/__emulator/rate-limit`, { headers: { authorization: `Basic ${Buffer.from(`tasting-notes:${SECRET}`).toString('base64')}` } });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { limitPerMinute: RATE_LIMIT_PER_MINUTE, windowMs: 60_000, tenants: expected });
    } finally {
      await emu.stop();
    }
  });

  it('pages past 100 are throttled to one request a minute', async () => {
    const emu = await startEmulator({ manifest: FULL_APP, appSecret: SECRET });
    try {
      assert.equal((await call(emu.url, '/customer?page=101&limit=1')).status, 200);
      const again = await call(emu.url, '/customer?page=102&limit=1');
      assert.equal(again.status, 429);
      assert.match(again.json.message, /use cursor pagination/);
    } finally {
      await emu.stop();
    }
  });

  it('rateLimit: false (--no-rate-limit) serves every request', async () => {
    const emu = await startEmulator({ manifest: FULL_APP, appSecret: SECRET, rateLimit: false });
    try {
      for (let i = 0; i < RATE_LIMIT_PER_MINUTE + 20; i++) assert.equal((await call(emu.url, '/product?limit=1')).status, 200);
    } finally {
      await emu.stop();
    }
  });
});

describe('emulator: configuration', () => {
  it('a seed file replaces the bundled data (lists it leaves out are empty); tenants get their own copy', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7emu-'));
    const file = path.join(dir, 'seed.json');
    writeFileSync(file, JSON.stringify({ $comment: 'mine', customers: [{ id: 'c1', firstName: 'Ada' }, { id: 'c2', firstName: 'Grace' }] }));
    const emu = await startEmulator({ manifest: INTEGRATION, appSecret: SECRET, seed: file, tenants: ['one', 'two'] });
    try {
      const auth = basic('cellar-ledger-sync', SECRET);
      const customers = await call(emu.url, '/customer', { auth, tenant: 'one' });
      assert.deepEqual(customers.json, { customers: [{ id: 'c1', firstName: 'Ada' }, { id: 'c2', firstName: 'Grace' }], total: 2 });
      assert.deepEqual((await call(emu.url, '/order', { auth, tenant: 'one' })).json, { orders: [], total: 0 });
      emu.tenantData('one').rows('/customer').pop();
      assert.equal((await call(emu.url, '/customer', { auth, tenant: 'two' })).json.total, 2);
    } finally {
      await emu.stop();
    }
  });

  it('refuses a bad seed, a missing secret, a bad tenant ID and an invalid manifest with a clear message', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7emu-'));
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ customer: [] }));
    await assert.rejects(startEmulator({ manifest: FULL_APP, appSecret: SECRET, seed: bad }), (e: Error) => e instanceof EmulatorConfigError && /unknown list "customer"/.test(e.message));
    writeFileSync(bad, '{ nope');
    await assert.rejects(startEmulator({ manifest: FULL_APP, appSecret: SECRET, seed: bad }), /not valid JSON/);
    await assert.rejects(startEmulator({ manifest: FULL_APP, appSecret: SECRET, seed: { customers: [{ name: 'no id' } as never] } }), /needs a string "id"/);
    const saved = process.env.C7_APP_SECRET;
    delete process.env.C7_APP_SECRET;
    try {
      await assert.rejects(startEmulator({ manifest: FULL_APP }), /C7_APP_SECRET/);
    } finally {
      if (saved !== undefined) process.env.C7_APP_SECRET = saved;
    }
    await assert.rejects(startEmulator({ manifest: FULL_APP, appSecret: SECRET, tenants: ['Not A Tenant'] }), /not a tenant ID/);
    const invalid = path.join(dir, 'c7-app.json');
    const m = readManifest();
    (m.permissions[0] as { endpoint: string }).endpoint = 'Ordr';
    writeFileSync(invalid, JSON.stringify(m));
    await assert.rejects(startEmulator({ manifest: invalid, appSecret: SECRET }), /is invalid/);
  });

  it('old permission spellings in a manifest object still grant access', async () => {
    const m = readManifest();
    m.permissions = [{ endpoint: 'Notes' as never, access: 'read' }];
    const emu = await startEmulator({ manifest: m, appSecret: SECRET });
    try {
      assert.equal((await call(emu.url, '/note?limit=1')).status, 200);
    } finally {
      await emu.stop();
    }
  });
});

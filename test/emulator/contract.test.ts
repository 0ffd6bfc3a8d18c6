// The contract, generated from the catalog: every documented path × method answers with Commerce7's envelope and
// status (never 404), and every documented filter × operator is accepted and filters — for the bundled seed and for
// a seed file (a recorded one has the same shape; see record.test.ts).
import assert from 'node:assert/strict';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { CURSOR_ENDPOINTS } from '../../generators/lib/catalog/index.js';
import { DOCUMENTED_ENDPOINTS } from '../../generators/lib/catalog/endpoints.js';
import { filtersOf, LIST_FILTERS, OPERATORS_BY_TYPE, type FilterDef, type FilterOperator } from '../../generators/lib/catalog/filters.js';
import { listKeyOf, objectDef, OBJECTS, type JsonSchema } from '../../generators/lib/catalog/objects.js';
import { buildWinerySeed, recordTenant, redactSeed, startEmulator, type Emulator, type Row, type SeedData } from '../../generators/lib/emulator/index.js';
import { startUpstream } from './upstream.js';
import { fieldValues } from '../../generators/lib/emulator/query.js';
import { allPermissionsManifest, call, SECRET } from './helpers.js';

const TENANT = 'demo-winery';

const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validators = new Map<string, ValidateFunction>();
/** Asserts a row passes the catalog's JSON Schema of its object (the same schema the generated app's types come from). */
function assertShape(listPath: string, row: unknown, where: string): void {
  const def = objectDef(listPath);
  if (!def) return;
  let v = validators.get(listPath);
  if (!v) validators.set(listPath, (v = ajv.compile(def.schema)));
  assert.ok(v(row), `${where}: not a ${listPath} object: ${JSON.stringify(v.errors?.slice(0, 3))}`);
}

/** A value for a schema, as a client would send it. */
function example(schema: JsonSchema): unknown {
  if (Array.isArray(schema.enum)) return schema.enum.find((v) => v !== null);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (schema.format === 'date-time') return '2024-06-01T12:00:00.000Z';
  switch (type) {
    case 'string': return 'contract';
    case 'integer': case 'number': return 2;
    case 'boolean': return true;
    case 'array': return [example((schema.items ?? {}) as JsonSchema)];
    default: return {};
  }
}

/** A create body with every field the catalog says a create needs. */
function createBody(listPath: string): Record<string, unknown> {
  const def = objectDef(listPath)!;
  const props = (def.schema.properties ?? {}) as Record<string, JsonSchema>;
  const fields = [...def.create, ...(def.createOneOf ?? []).map((g) => g[0]!)];
  return Object.fromEntries(fields.map((f) => [f, example(props[f]!)]));
}

const listPathOf = (path: string): string => {
  if (/^\/customer\/\{customerId\}\/address/.test(path)) return '/customer-address';
  if (/^\/customer\/\{customerId\}\/credit-card/.test(path)) return '/customer-credit-card';
  return '/' + path.split('/')[1]!;
};

function runContract(name: string, seed: () => Promise<SeedData | undefined>): void {
  describe(`emulator contract (${name}): every documented path × method`, () => {
    let emu: Emulator;
    before(async function () {
      this.timeout(180_000); // recording a seed from the fake upstream takes a few seconds, more on a busy machine
      const s = await seed();
      emu = await startEmulator({ manifest: allPermissionsManifest(), appSecret: SECRET, rateLimit: false, tenants: [TENANT], ...(s ? { seed: s } : {}) });
    });
    after(() => emu?.stop());

    const rows = (listPath: string): Row[] => emu.tenantData(TENANT).rows(listPath);
    const first = (listPath: string): Row => { const r = rows(listPath)[0]; assert.ok(r, `the seed has a ${listPath} row`); return r; };
    const ok = async (method: string, path: string, body?: unknown) => {
      const r = await call(emu.url, path, { method, ...(body !== undefined ? { body } : {}) }, emu.appId);
      assert.equal(r.status, 200, `${method} ${path}: ${JSON.stringify(r.json).slice(0, 300)}`);
      return r.json;
    };

    /** Placeholders -> ids of real rows (a fresh row for DELETE, so reads later still find the seeded ones). */
    async function concrete(method: string, path: string): Promise<string> {
      const listPath = listPathOf(path);
      const customer = first('/customer');
      let out = path.replace('{customerId}', customer.id).replace('{objectType}', 'customer');
      if (out.includes('{fulfillmentId}')) {
        const order = rows('/order').find((o) => o.fulfillmentStatus === 'Not Fulfilled')!;
        const made = await ok('POST', `/order/${order.id}/fulfillment`, { type: 'Shipped', items: [] });
        const f = (made.fulfillments as Row[]).at(-1)!;
        return out.replace('{id}', order.id).replace('{fulfillmentId}', f.id);
      }
      if (out.includes('{tagId}')) {
        const tag = rows('/tag').find((t) => t.objectType === 'customer')!;
        await ok('POST', '/tag-x-object/customer', { tagId: tag.id, objectId: customer.id });
        return out.replace('{tagId}', tag.id).replace('{objectId}', customer.id);
      }
      if (out.includes('{objectId}')) {
        await ok('POST', '/app-sync', { objectType: 'order', objectId: first('/order').id, status: 'Success', issues: [], actions: [] });
        return out.replace('{objectId}', first('/order').id);
      }
      if (out.includes('{id}')) {
        let id: string;
        if (listPath === '/promotion-set-x-promotion') {
          const link = await ok('POST', '/promotion-set-x-promotion', { promotionSetId: first('/promotion-set').id, promotionId: first('/promotion').id });
          id = link.id;
        } else if (path.startsWith('/order/{id}/fulfillment')) {
          id = rows('/order').find((o) => o.fulfillmentStatus === 'Not Fulfilled')!.id;
        } else if (method === 'DELETE') {
          const base = out.slice(0, out.lastIndexOf('/'));
          id = (await ok('POST', base, createBody(listPath))).id;
        } else {
          const scoped = rows(listPath).find((r) => (listPath === '/tag' || listPath === '/meta-data-config' ? r.objectType === 'customer' : true)
            && (listPath === '/customer-address' || listPath === '/customer-credit-card' ? r.customerId === customer.id : true));
          assert.ok(scoped, `the seed has a ${listPath} row for ${out}`);
          id = scoped.id;
        }
        out = out.replace('{id}', id);
      }
      return out;
    }

    function bodyFor(method: string, path: string): unknown {
      if (method !== 'POST' && method !== 'PUT') return undefined;
      const special: Record<string, () => unknown> = {
        // Creates a customer with an address: the customer's required fields too.
        '/customer-address': () => ({ ...createBody('/customer'), ...createBody('/customer-address') }),
        '/order/upsert': () => ({ ...first('/order'), giftMessage: 'upserted' }),
        '/order-number': () => ({ orderNumber: 90001 }),
        '/order/{id}/fulfillment': () => ({ type: 'Shipped', items: [] }),
        '/order/{id}/fulfillment/all': () => ({ type: 'Picked Up' }),
        '/inventory-transaction': () => ({ productVariantId: first('/inventory').productVariantId, inventoryLocationId: first('/inventory').inventoryLocationId, transactionType: 'Receive', quantity: 6 }),
        '/tag-x-object/{objectType}': () => ({ tagId: rows('/tag').find((t) => t.objectType === 'customer')!.id, objectId: first('/customer').id }),
        '/promotion-set-x-promotion': () => ({ promotionSetId: first('/promotion-set').id, promotionId: first('/promotion').id }),
        '/app-sync': () => ({ objectType: 'order', objectId: first('/order').id, status: 'Error', issues: ['x'], actions: [] }),
      };
      if (special[path]) return special[path]!();
      return method === 'PUT' ? { updatedBy: 'contract' } : createBody(listPathOf(path));
    }

    it('every seeded object passes its JSON Schema', () => {
      let checked = 0;
      for (const def of OBJECTS) {
        for (const row of rows(def.listPath)) { assertShape(def.listPath, row, `seeded ${def.listPath} ${row.id}`); checked++; }
      }
      assert.ok(checked > 100, `${checked} seeded objects`);
    });

    for (const e of DOCUMENTED_ENDPOINTS) {
      it(`${e.method} ${e.path} -> 200, ${e.answer === 'list' ? 'a list envelope' : 'an object'}`, async () => {
        const path = await concrete(e.method, e.path);
        let r;
        if (e.path === '/account/user') {
          r = await call(emu.url, path, { auth: emu.issueStaffToken(TENANT) }, emu.appId);
        } else if (e.path === '/setting/for-web') {
          r = await call(emu.url, path, { auth: null }, emu.appId);
        } else {
          const body = bodyFor(e.method, e.path);
          r = await call(emu.url, path, { method: e.method, ...(body !== undefined ? { body } : {}) }, emu.appId);
        }
        assert.equal(r.status, 200, `${e.method} ${path}: ${JSON.stringify(r.json).slice(0, 300)}`);
        assert.equal(typeof r.json, 'object');
        if (e.answer === 'list') {
          const key = e.path === '/app-syncs/{objectId}' ? 'appSyncs' : listKeyOf(listPathOf(e.path))!;
          assert.ok(Array.isArray(r.json[key]), `${path}: { ${key}: [...] } in ${JSON.stringify(r.json).slice(0, 200)}`);
          assert.equal(typeof r.json.total, 'number');
          if ((CURSOR_ENDPOINTS as readonly string[]).includes(listPathOf(e.path))) {
            const c = await call(emu.url, `${path}?cursor=start&limit=2`, {}, emu.appId);
            assert.equal(c.status, 200);
            assert.ok(Array.isArray(c.json[key]) && !('total' in c.json), 'a cursor list has no total');
          }
          // Every object a list answers with has the shape the catalog (and the generated app's types) say.
          if (e.path !== '/app-syncs/{objectId}') (r.json[key] as unknown[]).forEach((row, i) => assertShape(listPathOf(e.path), row, `${path} [${i}]`));
        } else {
          assert.ok(!Array.isArray(r.json) && r.json !== null);
          if (e.path !== '/setting/for-web' && e.path !== '/account/user' && e.path !== '/order-number') assert.equal(typeof r.json.id, 'string', JSON.stringify(r.json).slice(0, 200));
          // What GET/POST/PUT/DELETE answer with (a created customer, an upserted order, an order after a fulfillment).
          const objectPath = e.path.startsWith('/order/{id}/fulfillment') || e.path === '/order/upsert' ? '/order' : listPathOf(e.path);
          if (!['/setting/for-web', '/account/user', '/order-number', '/app-sync', '/promotion-set-x-promotion'].includes(e.path) && !e.path.startsWith('/tag-x-object')) {
            assertShape(objectPath, r.json, `${e.method} ${path}`);
          }
        }
      });
    }
  });

  describe(`emulator contract (${name}): every documented filter × operator`, () => {
    let emu: Emulator;
    before(async function () {
      this.timeout(180_000); // recording a seed from the fake upstream takes a few seconds, more on a busy machine
      const s = await seed();
      emu = await startEmulator({ manifest: allPermissionsManifest(), appSecret: SECRET, rateLimit: false, tenants: [TENANT], ...(s ? { seed: s } : {}) });
    });
    after(() => emu?.stop());

    const listPaths = [...new Set([...Object.keys(LIST_FILTERS), ...OBJECTS.map((o) => o.listPath)])]
      .filter((p) => !['/setting', '/tag', '/meta-data-config', '/customer-credit-card'].includes(p));
    const urlOf = (listPath: string) => (listPath === '/tag' ? '/tag/customer' : listPath);

    for (const listPath of listPaths) {
      for (const [param, f] of Object.entries(filtersOf(listPath))) {
        for (const op of OPERATORS_BY_TYPE[f.type]) {
          it(`${listPath}?${param}=${op === 'eq' ? '' : `${op}:`}… is accepted and filters`, async function () {
            const all = emu.tenantData(TENANT).rows(listPath);
            // A recorded seed holds what the tenant has: /trash has no known permission, so it is never recorded.
            if (all.length === 0 && name === 'recorded seed') this.skip();
            const { raw, expected } = filterCase(all, emu.tenantData(TENANT).rows('/query'), f, op);
            const r = await call(emu.url, `${urlOf(listPath)}?${param}=${encodeURIComponent(raw)}&limit=50`, {}, emu.appId);
            assert.equal(r.status, 200, `${param}=${raw}: ${JSON.stringify(r.json).slice(0, 300)}`);
            const got = (r.json[listKeyOf(listPath)!] as Row[]).map((x) => x.id).sort();
            const matching = all.filter(expected);
            assert.ok(matching.length > 0, `the seed has ${listPath} rows matching ${param}=${raw}`);
            assert.equal(r.json.total, matching.length, `${param}=${raw} total`);
            assert.deepEqual(got, matching.slice(0, 50).map((x) => x.id).sort(), `${param}=${raw}`);
          });
        }
      }
    }
  });
}

const DAY = 86_400_000;
const dayStart = (t: number) => Math.floor(t / DAY) * DAY;

/** A filter value taken from the data, and the rows it should select (computed here, independently of query.ts). */
function filterCase(rows: Row[], queries: Row[], f: FilterDef, op: FilterOperator): { raw: string; expected: (r: Row) => boolean } {
  if (f.via) {
    const q = queries.find((x) => (x[f.via!.idsField] as string[]).some((id) => rows.some((r) => r.id === id)))!;
    assert.ok(q, 'the seed has a saved query over this list');
    const ids = new Set(q[f.via.idsField] as string[]);
    return { raw: op === 'in' ? `in:${q.id},nope` : q.id, expected: (r) => ids.has(r.id) };
  }
  const vals = (r: Row) => (fieldValues(r, f.field) ?? []).filter((v) => v !== null && v !== undefined);
  const source = rows.find((r) => vals(r).length > 0);
  assert.ok(source, `the seed has a row with ${f.field}`);
  const v = vals(source)[0]!;
  if (f.type === 'date') {
    const t = dayStart(Date.parse(String(v)));
    const day = new Date(t).toISOString().slice(0, 10);
    const next = new Date(t + 30 * DAY).toISOString().slice(0, 10);
    const times = (r: Row) => vals(r).map((x) => Date.parse(String(x)));
    const cases: Record<string, { raw: string; expected: (r: Row) => boolean }> = {
      eq: { raw: day, expected: (r) => times(r).some((x) => x >= t && x < t + DAY) },
      gt: { raw: `gt:${new Date(t - 30 * DAY).toISOString().slice(0, 10)}`, expected: (r) => times(r).some((x) => x >= t - 29 * DAY) },
      gte: { raw: `gte:${day}`, expected: (r) => times(r).some((x) => x >= t) },
      lt: { raw: `lt:${next}`, expected: (r) => times(r).some((x) => x < t + 30 * DAY) },
      lte: { raw: `lte:${day}`, expected: (r) => times(r).some((x) => x < t + DAY) },
      btw: { raw: `btw:${day}|${next}`, expected: (r) => times(r).some((x) => x >= t && x < t + 31 * DAY) },
    };
    return cases[op]!;
  }
  if (f.type === 'number') {
    const x = Number(v);
    const nums = (r: Row) => vals(r).map(Number);
    const cases: Record<string, { raw: string; expected: (r: Row) => boolean }> = {
      eq: { raw: String(x), expected: (r) => nums(r).includes(x) },
      in: { raw: `in:${x},-1`, expected: (r) => nums(r).some((y) => y === x || y === -1) },
      gt: { raw: `gt:${x - 1}`, expected: (r) => nums(r).some((y) => y > x - 1) },
      gte: { raw: `gte:${x}`, expected: (r) => nums(r).some((y) => y >= x) },
      lt: { raw: `lt:${x + 1}`, expected: (r) => nums(r).some((y) => y < x + 1) },
      lte: { raw: `lte:${x}`, expected: (r) => nums(r).some((y) => y <= x) },
      btw: { raw: `btw:${x}|${x + 1000}`, expected: (r) => nums(r).some((y) => y >= x && y <= x + 1000) },
    };
    return cases[op]!;
  }
  const s = String(v);
  if (op === 'in') {
    const other = f.values?.find((x) => x !== s) ?? 'no-such-value';
    return { raw: `in:${s},${other}`, expected: (r) => vals(r).map(String).some((x) => x === s || x === other) };
  }
  return { raw: s, expected: (r) => vals(r).map(String).includes(s) };
}

runContract('bundled seed', async () => undefined);
runContract('seed file', async () => JSON.parse(JSON.stringify(buildWinerySeed())) as SeedData);
runContract('recorded seed', async () => {
  const manifest = allPermissionsManifest();
  const up = await startUpstream(manifest);
  try {
    const { seed } = await recordTenant({ manifest, tenant: 'sandbox-winery', appId: manifest.app.id, appSecret: SECRET, baseUrl: up.url, limit: 500, sleep: async () => undefined });
    return JSON.parse(JSON.stringify(redactSeed(seed))) as SeedData;
  } finally {
    await up.stop();
  }
});

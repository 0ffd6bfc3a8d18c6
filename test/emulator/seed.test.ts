import assert from 'node:assert/strict';
import { LIST_KEYS } from '../../generators/lib/catalog/api.js';
import { buildWinerySeed, parseSeed, seedKeys } from '../../generators/lib/emulator/index.js';
import { applyFilters, parseFilter } from '../../generators/lib/emulator/query.js';

describe('emulator: the bundled winery', () => {
  const seed = buildWinerySeed();
  const rows = (listPath: string) => seed[LIST_KEYS[listPath]!]!;

  it('is deterministic and uses only list keys of the catalog', () => {
    assert.deepEqual(buildWinerySeed(), seed);
    for (const k of Object.keys(seed)) assert.ok(seedKeys().includes(k), k);
    assert.deepEqual(parseSeed(JSON.parse(JSON.stringify(seed))), seed, 'a printed seed is a valid seed file');
  });

  it('has enough rows to paginate, with unique ids and consistent references', () => {
    assert.equal(rows('/customer').length, 120);
    for (const p of ['/customer-address', '/product', '/order', '/club', '/club-membership', '/note', '/reservation', '/reservation-type', '/tag']) {
      assert.ok(rows(p).length > 0, p);
    }
    const all = Object.values(seed).flat().map((r) => r.id);
    assert.equal(new Set(all).size, all.length, 'ids are unique across lists');
    const customers = new Set(rows('/customer').map((c) => c.id));
    const products = new Set(rows('/product').map((p) => p.id));
    const clubs = new Set(rows('/club').map((c) => c.id));
    for (const o of rows('/order')) {
      assert.ok(customers.has(o.customerId as string));
      for (const item of o.items as Array<{ productId: string; price: number; quantity: number }>) assert.ok(products.has(item.productId));
      assert.equal(o.total, (o.subTotal as number) + (o.shipTotal as number) + (o.taxTotal as number), 'money in cents adds up');
    }
    for (const m of rows('/club-membership')) assert.ok(customers.has(m.customerId as string) && clubs.has(m.clubId as string));
    for (const r of [...rows('/customer-address'), ...rows('/note'), ...rows('/reservation')]) assert.ok(customers.has(r.customerId as string));
  });
});

describe('emulator: filter semantics', () => {
  const rows = [
    { id: 'a', at: '2024-01-31T23:59:59Z', n: 5, s: 'x', tags: [{ id: 't1' }] },
    { id: 'b', at: '2024-02-01T00:00:00Z', n: 10, s: null, tags: [] },
  ];
  const ids = (field: string, raw: string) => applyFilters(rows, { q: undefined, filters: [parseFilter(field, raw)] }).map((r) => r.id);

  it('a date covers its whole UTC day; a full timestamp is an instant', () => {
    assert.deepEqual(ids('at', 'lte:2024-01-31'), ['a']);
    assert.deepEqual(ids('at', 'gt:2024-01-31'), ['b']);
    assert.deepEqual(ids('at', '2024-02-01'), ['b']);
    assert.deepEqual(ids('at', 'gte:2024-01-31T23:59:59Z'), ['a', 'b']);
    assert.deepEqual(ids('at', 'btw:2024-01-31|2024-02-01'), ['a', 'b']);
  });

  it('numbers compare as numbers (10 > 5), null equals "null", tagId matches the ids in tags', () => {
    assert.deepEqual(ids('n', 'gt:9'), ['b']);
    assert.deepEqual(ids('n', 'in:5,7'), ['a']);
    assert.deepEqual(ids('s', 'null'), ['b']);
    assert.deepEqual(ids('tagId', 't1'), ['a']);
  });
});

// Every modelled field of every object says where its shape comes from (catalog/objects.ts: `$comment` beside the
// field's schema): a documented response, an observed one, or "inferred" with the reason; and every cited source exists.
import assert from 'node:assert/strict';
import { fieldsOf, OBJECTS, SOURCES, type FieldView } from '../../generators/lib/catalog/objects.js';

const CITED = /\b(documented|observed): ([a-z0-9-]+(?:, [a-z0-9-]+)*)/g;

/** The strongest kind a note names: documented, then observed, then inferred. */
export function kindOf(note: string): 'documented' | 'observed' | 'inferred' {
  if (/\bdocumented: /.test(note)) return 'documented';
  if (/\bobserved: /.test(note)) return 'observed';
  return 'inferred';
}

describe('catalog: every field of every object has its source', () => {
  const all: Array<FieldView & { object: string }> = OBJECTS.flatMap((o) => fieldsOf(o.schema).map((f) => ({ ...f, object: o.listPath })));

  it('fieldsOf reaches nested fields (order items, tenders, customer emails)', () => {
    const paths = new Set(all.filter((f) => f.object === '/order').map((f) => f.path));
    for (const p of ['items[].tax', 'tenders[].creditCard.cardBrand', 'fulfillments[].items[].quantityFulfilled', 'shipTo.zipCode']) assert.ok(paths.has(p), p);
    assert.ok(all.some((f) => f.object === '/customer' && f.path === 'emails[].status'));
  });

  for (const def of OBJECTS) {
    it(`${def.listPath}: each field has a "documented:", "observed:" or "inferred:" note, citing known sources`, () => {
      for (const f of all.filter((x) => x.object === def.listPath)) {
        assert.ok(typeof f.note === 'string' && /^(documented|observed|inferred): \S/.test(f.note), `${def.listPath} ${f.path} has no source note`);
        for (const m of f.note.matchAll(CITED)) {
          for (const key of m[2]!.split(', ')) {
            assert.equal(SOURCES[key]?.kind, m[1], `${def.listPath} ${f.path}: "${key}" is not a ${m[1]} source of SOURCES`);
          }
        }
        if (f.note.startsWith('inferred:')) assert.ok(f.note.length > 'inferred: '.length + 10, `${def.listPath} ${f.path}: an inferred field says why`);
      }
      assert.match(def.createSource, /^(documented|observed|inferred): \S/, `${def.listPath}: the create rule says where it comes from`);
    });
  }

  it('coverage by kind (printed for the report)', () => {
    const by = { documented: 0, observed: 0, inferred: 0 };
    for (const f of all) by[kindOf(f.note!)]++;
    const head = ['/order', '/customer', '/club-membership', '/reservation', '/product'];
    const main = all.filter((f) => head.includes(f.object));
    const mainInferred = main.filter((f) => kindOf(f.note!) === 'inferred').length;
    console.log(`      ${all.length} fields: ${by.documented} documented, ${by.observed} observed, ${by.inferred} inferred; `
      + `order/customer/club membership/reservation/product: ${main.length} fields, ${main.length - mainInferred} documented or observed`);
    assert.equal(by.documented + by.observed + by.inferred, all.length);
  });
});

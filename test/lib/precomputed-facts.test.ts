// The build's audit facts are written indexed (lib/audit/precomputed.ts): a run decodes only the entries it looks
// up, and what it gets is what decoding the whole encoded list gives.
import assert from 'node:assert/strict';
import { decodeFacts, encodeFacts, indexFacts, openPrecomputedFacts } from '../../generators/lib/audit/precomputed.js';

const fn = (n: number) => ({ name: `f${n}`, defaults: new Map([['a', n]]), locals: new Map([['x', { t: 'é' }]]) });
const facts = (n: number) => ({ defs: new Map([[`d${n}`, [n]]]), top: fn(0), fns: [fn(n), { ...fn(n + 1), fields: new Map([['k', 'ü']]) }] });

describe('precomputed audit facts: the indexed file', () => {
  const json = encodeFacts([['10:aa', facts(1)], ['12:bb', facts(2)], ['7:cc', facts(3)]]);
  const lazy = openPrecomputedFacts<unknown>(Buffer.from(indexFacts(json)));

  it('has every key, and decodes a looked-up entry as decodeFacts does (multi-byte text included)', () => {
    assert.deepEqual([...lazy.keys()], ['10:aa', '12:bb', '7:cc']);
    const all = new Map(decodeFacts(json));
    assert.deepEqual(lazy.get('12:bb'), all.get('12:bb'));
    assert.ok((lazy.get('12:bb') as { defs: unknown }).defs instanceof Map);
    assert.equal(lazy.get('12:bb'), lazy.get('12:bb'), 'decoded once');
    assert.equal(lazy.get('nope'), undefined);
  });

  it('iterated, gives back exactly what was encoded', () => {
    assert.equal(encodeFacts([...lazy]), json);
    assert.deepEqual([...lazy.values()], decodeFacts(json).map(([, v]) => v));
  });
});

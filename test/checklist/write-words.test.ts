// A full-access reason must say what the app writes: verbs are matched by stem, so every usual form counts.
import assert from 'node:assert/strict';
import { NOUN_STEMS, WRITE_STEMS, WRITE_WORDS, writeWordsRegExp } from '../../generators/lib/checklist/rules/api.js';

describe('api.full-reasons: write verbs by stem', () => {
  const writes = [
    'Tags exported customers', 'Adds a note after each tasting', 'Creates orders from the POS', 'Syncs inventory counts back',
    'Cancels unpaid reservations', 'Records each visit as a note', 'Posts fulfillments when a box ships', 'Pushes loyalty points',
    'Sets the club status', 'Voids expired gift cards', 'Imports customers from the old CRM', 'Updating tags nightly',
    'Marks orders as shipped', 'Attaches products to collections', 'Issues gift cards to members', 'Archives old notes',
  ];
  const reads = ['Reads customer addresses', 'Shows the order history', 'Lists products', 'Displays the club tier', 'Looks up the tag names'];
  for (const r of writes) it(`"${r}" says what is written`, () => assert.ok(WRITE_WORDS.test(r), r));
  for (const r of reads) it(`"${r}" does not`, () => assert.ok(!WRITE_WORDS.test(r), r));
});

// The matcher is a word scan (the regex it replaces took ~7 ms to compile on every `check`): it must answer as the
// regex does, on generated reasons around every stem, form and clause start.
describe('api.full-reasons: the word scan answers as the regex', () => {
  it('agrees with the regex on every generated reason', () => {
    const re = writeWordsRegExp();
    const stems = [...WRITE_STEMS, ...NOUN_STEMS, 'address', 'read', 'tagline'];
    const forms = ['', 's', 'es', 'e', 'ed', 'd', 'ing', 'ies', 'ied', 'y', 'ying', 'ged', 'ging', 'ted', 'ting', 'led', 'ling', 'ls', 'l', 'er', 'x', '_1', '9'];
    const before = ['', 'The app ', 'and ', 'then  ', 'also\t', 'it ', 'app ', 'band ', 'Then ', 'x. ', 'x;', 'x:  ', 'x,', 'x!', '(', 'x?\n', 'x- ', '\u0131 ', '\u0130t ', '\u017f ', 'x\u00a0', 'it\u2003', 'and\u00e9 '];
    const after = ['', ' customers', '.', '_x', '1', '-y', '\u00e9', '\u017f', '\u212a'];
    const wrong: string[] = [];
    let n = 0;
    for (const s of stems) for (const f of forms) for (const b of before) for (const a of after) {
      for (const text of [`${b}${s}${f}${a}`, `${b}${s.toUpperCase()}${f.toUpperCase()}${a}`]) {
        n++;
        const want = re.test(text);
        if (WRITE_WORDS.test(text) !== want) wrong.push(`${JSON.stringify(text)} (regex: ${want})`);
      }
    }
    assert.ok(n > 100000, `${n} reasons`);
    assert.deepEqual(wrong.slice(0, 20), []);
  });
});

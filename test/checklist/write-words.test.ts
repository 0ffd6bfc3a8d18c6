// A full-access reason must say what the app writes: verbs are matched by stem, so every usual form counts.
import assert from 'node:assert/strict';
import { WRITE_WORDS } from '../../generators/lib/checklist/rules/api.js';

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

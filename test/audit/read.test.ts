// Reading a tree (lib/audit/read.ts): copies share one text, and the 1 MiB parse limit is exact without a stat.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectSources, MAX_PARSED_BYTES } from '../../generators/lib/audit/read.js';

describe('audit: reading the tree', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'c7-audit-read-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const collect = () => collectSources([dir], { shown: (f) => path.relative(dir, f).split(path.sep).join('/') });
  const text = (c: ReturnType<typeof collect>, file: string) => c.sources.find((s) => s.file === file)?.text;

  it('gives each file its own bytes: copies, a file of the same size, a binary file of the same size', () => {
    const a = `fetch('https://api.commerce7.com/v1/customer')\n`;
    const b = a.replace('customer', 'xustomer');
    for (const d of ['one', 'two', 'three']) mkdirSync(path.join(dir, d));
    writeFileSync(path.join(dir, 'one/a.js'), a);
    writeFileSync(path.join(dir, 'two/a.js'), a);
    writeFileSync(path.join(dir, 'three/b.js'), b);
    writeFileSync(path.join(dir, 'three/bin.js'), Buffer.from(a.slice(0, -1) + '\0'));
    writeFileSync(path.join(dir, 'three/é.js'), 'é'.repeat(a.length / 2));
    const c = collect();
    assert.equal(text(c, 'one/a.js'), a);
    assert.equal(text(c, 'two/a.js'), a);
    assert.equal(text(c, 'three/b.js'), b);
    assert.equal(text(c, 'three/é.js'), 'é'.repeat(a.length / 2));
    assert.deepEqual(c.skipped, [{ file: 'three/bin.js', reason: 'binary file (contains NUL bytes)' }]);
  });

  it('parses a file of exactly the limit, streams one a byte over it', () => {
    const line = `x = "https://api.commerce7.com/v1/order"\n`;
    const fill = (n: number) => line + '#'.repeat(n - line.length - 1) + '\n';
    writeFileSync(path.join(dir, 'at.py'), fill(MAX_PARSED_BYTES));
    writeFileSync(path.join(dir, 'over.py'), fill(MAX_PARSED_BYTES + 1));
    const c = collect();
    assert.equal(text(c, 'at.py')?.length, MAX_PARSED_BYTES);
    assert.equal(text(c, 'over.py'), undefined);
    assert.deepEqual(c.read.map((r) => [r.file, r.engine]), [['over.py', 'text (streamed: 1.0 MiB, over the 1 MiB parse limit)']]);
  });
});

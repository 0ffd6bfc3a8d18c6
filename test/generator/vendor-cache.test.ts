// lib/generator-vendor's cache of the packed generator (node_modules/.cache): a packed file changed in any way
// (content, size, mtime), added or removed makes a new tarball; nothing changed reads the cached one.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packedFiles, packedGenerator, packGenerator } from '../../generators/lib/generator-vendor.js';

function fakePackage(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'c7-pack-'));
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'p', version: '1.0.0', files: ['dist', 'README-extra.md', 'missing'] }));
  writeFileSync(path.join(root, 'README.md'), '# p\n');
  writeFileSync(path.join(root, 'README-extra.md'), 'extra\n');
  mkdirSync(path.join(root, 'dist', 'sub'), { recursive: true });
  mkdirSync(path.join(root, 'elsewhere'));
  writeFileSync(path.join(root, 'dist', 'a.js'), 'a\n');
  writeFileSync(path.join(root, 'dist', 'sub', 'b.js'), 'b\n');
  writeFileSync(path.join(root, 'dist', '.DS_Store'), 'never packed');
  mkdirSync(path.join(root, 'dist', 'node_modules'));
  writeFileSync(path.join(root, 'dist', 'node_modules', 'x.js'), 'never packed');
  writeFileSync(path.join(root, 'elsewhere', 'linked.js'), 'linked\n');
  symlinkSync(path.join(root, 'elsewhere', 'linked.js'), path.join(root, 'dist', 'link.js'));
  symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'dist', 'linkdir'));
  return root;
}

const cacheEntries = (root: string) => readdirSync(path.join(root, 'node_modules', '.cache', 'generator-c7-app'));

describe('generator-vendor: the packed file list and its cache', () => {
  it('lists what npm packs: package.json, README, "files" (folders walked, symlinks followed, npm\u2019s exclusions)', () => {
    const root = fakePackage();
    assert.deepEqual(packedFiles(root), ['README-extra.md', 'README.md', 'dist/a.js', 'dist/link.js', 'dist/linkdir/linked.js', 'dist/sub/b.js', 'package.json']);
  });

  it('reads the cached tarball while nothing changed; packs again when a file changes (same size too), is added or removed', async () => {
    const root = fakePackage();
    const first = await packGenerator(root);
    assert.ok(first.equals(await packGenerator(root, { cache: false })));
    const [cached] = cacheEntries(root);
    assert.ok(cached);
    assert.ok((await packGenerator(root)).equals(first));
    assert.deepEqual(cacheEntries(root), [cached]);

    writeFileSync(path.join(root, 'dist', 'a.js'), 'A\n'); // same size
    utimesSync(path.join(root, 'dist', 'a.js'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    const changed = await packGenerator(root);
    assert.ok(!changed.equals(first));
    assert.ok(changed.equals(await packGenerator(root, { cache: false })));
    assert.notDeepEqual(cacheEntries(root), [cached]);
    assert.equal(cacheEntries(root).length, 1, 'the old tarball goes');

    writeFileSync(path.join(root, 'dist', 'sub', 'c.js'), 'c\n');
    const added = await packGenerator(root);
    assert.ok(added.equals(await packGenerator(root, { cache: false })) && !added.equals(changed));
    rmSync(path.join(root, 'dist', 'sub', 'c.js'));
    assert.ok((await packGenerator(root)).equals(changed));
  });

  it('gives `new` the cached tarball as a file to copy, with the sha256 of its bytes; its bytes when no cache can be kept', async () => {
    const root = fakePackage();
    const packed = await packedGenerator(root);
    assert.ok(!Buffer.isBuffer(packed));
    const bytes = readFileSync(packed.copyFrom);
    assert.ok(bytes.equals(await packGenerator(root, { cache: false })));
    assert.equal(packed.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.deepEqual(await packedGenerator(root), packed, 'read back from the cache: the same file and hash');
    if (process.getuid?.() === 0) return; // root writes a read-only folder all the same
    writeFileSync(path.join(root, 'dist', 'a.js'), 'changed\n');
    chmodSync(path.join(root, 'node_modules', '.cache', 'generator-c7-app'), 0o500);
    const readOnly = await packedGenerator(root);
    assert.ok(Buffer.isBuffer(readOnly) && readOnly.equals(await packGenerator(root, { cache: false })));
  });
});

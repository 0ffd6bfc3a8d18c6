// generators/lib/code-cache.ts: the V8 code cache `c7-app new` loads its CommonJS bundle file with. A second load
// compiles from the cache the first one wrote; another build of the file (other content, size or mtime) never gets
// an older build's cache; the folder is the user's own; C7_APP_CODE_CACHE=0 turns it off.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { codeCacheDir, loadWithCodeCache } from '../../generators/lib/code-cache.js';
import { runCli } from '../support/cli.js';
import { EXAMPLE_MANIFESTS, ROOT } from '../support/paths.js';

const fresh = () => mkdtempSync(path.join(tmpdir(), 'c7-code-cache-'));

function bundleFile(dir: string, body: string): string {
  const file = path.join(dir, 'new-fast-ABC123.cjs');
  writeFileSync(file, `const host = require('c7-host:x');\nconst path = require('node:path');\n${body}\nexports.run = (a) => [host.name, path.basename(__filename), module.id === __filename, answer(a)];\n`);
  return file;
}

describe('code-cache', () => {
  it('loads a CommonJS file as Node would, with the host\u2019s modules by name', () => {
    const dir = fresh();
    const file = bundleFile(dir, 'function answer(a) { return a * 2; }');
    const m = loadWithCodeCache<{ run: (a: number) => unknown[] }>(file, { host: { 'c7-host:x': { name: 'host' } }, dir: undefined });
    assert.deepEqual(m.exports.run(21), ['host', 'new-fast-ABC123.cjs', true, 42]);
    assert.equal(m.fromCache, false);
    m.saveCache(); // no folder: nothing to write, no error
  });

  it('a second load compiles from the cache the first one wrote', () => {
    const dir = fresh();
    const cache = fresh();
    const file = bundleFile(dir, 'function answer(a) { return a + 1; }');
    const host = { 'c7-host:x': { name: 'h' } };
    const first = loadWithCodeCache<{ run: (a: number) => unknown[] }>(file, { host, dir: cache });
    assert.equal(first.fromCache, false);
    assert.equal(first.exports.run(1)[3], 2);
    first.saveCache();
    assert.equal(readdirSync(cache).length, 1);
    const second = loadWithCodeCache<{ run: (a: number) => unknown[] }>(file, { host, dir: cache });
    assert.equal(second.fromCache, true);
    assert.equal(second.exports.run(1)[3], 2);
  });

  it('another build of the file, even of the same length, gets no cache of the old one; the old cache goes', () => {
    const dir = fresh();
    const cache = fresh();
    const host = { 'c7-host:x': { name: 'h' } };
    const file = bundleFile(dir, 'function answer(a) { return a + 1; }');
    const old = loadWithCodeCache<{ run: (a: number) => unknown[] }>(file, { host, dir: cache });
    old.exports.run(1);
    old.saveCache();
    bundleFile(dir, 'function answer(a) { return a - 1; }');
    const later = new Date(statSync(file).mtimeMs + 5000);
    utimesSync(file, later, later);
    const rebuilt = loadWithCodeCache<{ run: (a: number) => unknown[] }>(file, { host, dir: cache });
    assert.equal(rebuilt.fromCache, false);
    assert.equal(rebuilt.exports.run(1)[3], 0, 'the new code runs');
    rebuilt.saveCache();
    assert.equal(readdirSync(cache).length, 1, readdirSync(cache).join(', '));
    assert.equal(loadWithCodeCache(file, { host, dir: cache }).fromCache, true);
  });

  it('two places of the same file (two installs) keep a cache each', () => {
    const cache = fresh();
    const host = { 'c7-host:x': { name: 'h' } };
    const one = bundleFile(fresh(), 'function answer(a) { return a; }');
    const two = bundleFile(fresh(), 'function answer(a) { return a; }');
    for (const file of [one, two]) loadWithCodeCache(file, { host, dir: cache }).saveCache();
    assert.equal(readdirSync(cache).length, 2);
    assert.equal(loadWithCodeCache(one, { host, dir: cache }).fromCache, true);
    assert.equal(loadWithCodeCache(two, { host, dir: cache }).fromCache, true);
  });

  it('a run that changes a V8 flag (the audit\u2019s --liftoff-only) still leaves a cache the next run takes, the flag set first', () => {
    const file = bundleFile(fresh(), 'function answer(a) { return a; }');
    let cache = fresh();
    // Each in a process of its own: V8 compares the flags a cache was made under with the process's.
    const run = (flags: string[]) => {
      const script = `import v8 from 'node:v8'; import { loadWithCodeCache } from './generators/lib/code-cache.ts';
        const m = loadWithCodeCache(${JSON.stringify(file)}, { host: { 'c7-host:x': {} }, dir: ${JSON.stringify(cache)}, v8Flags: ${JSON.stringify(flags)} });
        m.exports.run(1); v8.setFlagsFromString('--liftoff-only'); m.saveCache(); console.log(m.fromCache);`;
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout.trim();
    };
    assert.equal(run([]), 'false');
    assert.equal(run([]), 'false', 'made after the flag changed: refused, every time');
    cache = fresh();
    assert.equal(run(['--liftoff-only']), 'false');
    assert.equal(run(['--liftoff-only']), 'true');
  });

  it('the folder: under XDG_CACHE_HOME, the user\u2019s only; none with C7_APP_CODE_CACHE=0 or a folder others may write', function () {
    if (process.platform === 'win32' || process.platform === 'darwin') this.skip();
    const base = fresh();
    const dir = codeCacheDir({ XDG_CACHE_HOME: base });
    assert.equal(dir, path.join(base, 'generator-c7-app', 'code-cache'));
    assert.equal(statSync(dir!).mode & 0o077, 0);
    assert.equal(codeCacheDir({ XDG_CACHE_HOME: base, C7_APP_CODE_CACHE: '0' }), undefined);
    const open = fresh();
    mkdirSync(path.join(open, 'generator-c7-app', 'code-cache'), { recursive: true });
    chmodSync(path.join(open, 'generator-c7-app', 'code-cache'), 0o777);
    assert.equal(codeCacheDir({ XDG_CACHE_HOME: open }), undefined);
  });

  // The bundled bin, as a user runs it: `check` is one CommonJS file loaded with its cache (generators/bin.ts). The
  // first run writes the cache, the second takes it (not rewritten), and says the same.
  it('the bin\u2019s check: its first run writes its file\u2019s cache, the next takes it and prints the same checklist', function () {
    this.timeout(60_000);
    const cache = fresh();
    const run = () => runCli(['check', '--json', path.dirname(EXAMPLE_MANIFESTS[2]!)], { env: { C7_APP_CODE_CACHE: cache } });
    const first = run();
    assert.ok(first.status === 0 || first.status === 1, first.stderr);
    const files = () => readdirSync(path.join(cache, 'generator-c7-app', 'code-cache')).filter((f) => f.startsWith('check-'));
    assert.equal(files().length, 1, 'check\u2019s cache written');
    const file = path.join(cache, 'generator-c7-app', 'code-cache', files()[0]!);
    const written = statSync(file).mtimeMs;
    const second = run();
    assert.equal(second.status, first.status);
    assert.equal(second.stdout, first.stdout);
    assert.equal(statSync(file).mtimeMs, written, 'taken, not rewritten (V8 refused nothing)');
  });
});

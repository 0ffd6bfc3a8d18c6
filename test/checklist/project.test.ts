// Project views: the .gitignore matcher, a folder on disk (with and without git), a project in memory.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diskProject, gitignoreMatcher, memoryProject, normalizeRelPath } from '../../generators/lib/checklist/index.js';
import { writeTemp } from './fixtures.js';

const hasGit = spawnSync('git', ['--version']).status === 0;

describe('project views', () => {
  describe('.gitignore matcher', () => {
    const cases: Array<[string, string, boolean, boolean?]> = [
      ['.env', '.env', true],
      ['.env', 'config/.env', true],
      ['/.env', 'config/.env', false],
      ['.env*\n!.env.example', '.env.local', true],
      ['.env*\n!.env.example', '.env.example', false],
      ['*.log', 'logs/a.log', true],
      ['node_modules/', 'node_modules/x/index.js', true],
      ['node_modules/', 'node_modules', false],
      ['node_modules/', 'node_modules', true, true],
      ['build/\n!build/keep.txt', 'build/keep.txt', true],
      ['docs/**/*.md', 'docs/a/b/c.md', true],
      ['docs/**/*.md', 'docs/c.md', true],
      ['**/secret', 'a/b/secret', true],
      ['a/**', 'a/b/c', true],
      ['# comment\n\\#hash', '#hash', true],
      ['file[0-9].txt', 'file7.txt', true],
      ['file[!0-9].txt', 'file7.txt', false],
      ['?.txt', 'ab.txt', false],
      ['', '.env', false],
    ];
    for (const [rules, file, expected, isDir] of cases) {
      it(`${JSON.stringify(rules)} ${expected ? 'ignores' : 'keeps'} ${file}${isDir ? '/' : ''}`, () => {
        assert.equal(gitignoreMatcher(rules).ignores(file, isDir), expected);
      });
    }
    it('no .gitignore ignores nothing', () => assert.equal(gitignoreMatcher(undefined).ignores('.env'), false));
  });

  it('normalizes relative paths', () => {
    assert.equal(normalizeRelPath('./listing//logo.png'), 'listing/logo.png');
    assert.equal(normalizeRelPath('src\\a\\..\\b.ts'), 'src/b.ts');
  });

  describe('memory', () => {
    const p = memoryProject({ '.gitignore': '.env\n', '.env': 'X=1', 'src/a.ts': 'a', './listing/logo.png': 'x' });
    it('lists what git would track', () => assert.deepEqual(p.listFiles(), ['.gitignore', 'listing/logo.png', 'src/a.ts']));
    it('reads and finds files and folders', () => {
      assert.equal(p.read('src/a.ts'), 'a');
      assert.equal(p.read('./listing/logo.png'), 'x');
      assert.equal(p.read('nope'), undefined);
      assert.ok(p.exists('src') && p.exists('.env') && !p.exists('sr'));
    });
    it('answers isIgnored only as a git repository', () => {
      assert.equal(p.isIgnored('.env'), undefined);
      const git = memoryProject({ '.gitignore': '.env\n' }, { gitRepo: true });
      assert.equal(git.isIgnored('.env'), true);
      assert.equal(git.isIgnored('src/a.ts'), false);
    });
  });

  describe('disk, not a git repository', () => {
    let dir: string;
    before(() => {
      dir = writeTemp({
        'c7-app.json': '{}', '.gitignore': '.env\nlogs/\n', '.env': 'C7_APP_SECRET=x', 'src/a.ts': 'a',
        'node_modules/x/index.js': 'x', 'dist/a.js': 'a', 'logs/a.log': 'l',
      });
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('walks the folder, skipping node_modules, dist and what .gitignore excludes', () => {
      assert.deepEqual(diskProject(dir).listFiles(), ['.gitignore', 'c7-app.json', 'src/a.ts']);
    });
    it('says it cannot ask git', () => assert.equal(diskProject(dir).isIgnored('.env'), undefined));
    it('prefetch walks the same files', async () => {
      const p = diskProject(dir);
      await p.prefetch!(['.env']);
      assert.deepEqual(p.listFiles(), ['.gitignore', 'c7-app.json', 'src/a.ts']);
      assert.equal(p.isIgnored('.env'), undefined);
    });
    it('reads files relative to the root', () => {
      const p = diskProject(dir);
      assert.equal(p.read('src/a.ts'), 'a');
      assert.equal(p.read('missing.ts'), undefined);
      assert.equal(p.read('src'), undefined);
      assert.ok(p.exists('src/a.ts') && p.exists('.env') && !p.exists('nope'));
    });
  });

  it('a folder not made yet lists nothing, and asks no git', async () => {
    const cp = await import('node:child_process');
    const { syncBuiltinESMExports } = await import('node:module');
    const spawned: unknown[] = [];
    const original = cp.default.spawnSync;
    cp.default.spawnSync = ((...a: Parameters<typeof original>) => { spawned.push(a[1]); return original(...a); }) as typeof original;
    syncBuiltinESMExports();
    try {
      const p = diskProject(path.join(tmpdir(), `c7-not-made-${process.pid}`, 'app'));
      assert.deepEqual(p.listFiles(), []);
      assert.equal(p.isIgnored('.env'), undefined);
      assert.deepEqual(p.skipped!(), []);
    } finally {
      cp.default.spawnSync = original;
      syncBuiltinESMExports();
    }
    assert.deepEqual(spawned, []);
  });

  describe('disk, in a git repository', function () {
    let dir: string;
    before(function () {
      if (!hasGit) this.skip();
      dir = writeTemp({ 'c7-app.json': '{}', '.gitignore': '.env\n', '.env': 'C7_APP_SECRET=x', 'src/a.ts': 'a', 'dist/a.js': 'a' });
      assert.equal(spawnSync('git', ['init', '-q'], { cwd: dir }).status, 0);
    });
    after(() => dir && rmSync(dir, { recursive: true, force: true }));

    it('lists what git would track (new files included, ignored files left out)', () => {
      assert.deepEqual(diskProject(dir).listFiles(), ['.gitignore', 'c7-app.json', 'dist/a.js', 'src/a.ts']);
    });
    it('asks git check-ignore', () => {
      const p = diskProject(dir);
      assert.equal(p.isIgnored('.env'), true);
      assert.equal(p.isIgnored('src/a.ts'), false);
      assert.equal(p.isIgnored('config/.env'), true, 'a path that does not exist yet');
      assert.equal(p.isIgnored('config/app.ts'), false);
    });
    it('prefetch (git started while the manifest is validated) gives the same answers, with no git process after', async () => {
      const sync = diskProject(dir);
      const rels = ['.env', 'src/a.ts', 'config/.env', 'config/app.ts'];
      const answers = (p: typeof sync) => ({ files: p.listFiles(), ignored: rels.map((r) => p.isIgnored(r)), skipped: p.skipped!() });
      const want = answers(sync);
      const fetched = diskProject(dir);
      await fetched.prefetch!(['config/.env', 'config/app.ts', '.env']);
      const cp = await import('node:child_process');
      const { syncBuiltinESMExports } = await import('node:module');
      const spawned: unknown[] = [];
      const original = cp.default.spawnSync;
      cp.default.spawnSync = ((...a: Parameters<typeof original>) => { spawned.push(a[1]); return original(...a); }) as typeof original;
      syncBuiltinESMExports();
      try {
        assert.deepEqual(answers(fetched), want);
      } finally {
        cp.default.spawnSync = original;
        syncBuiltinESMExports();
      }
      assert.deepEqual(spawned, []);
    });
    it('a project folder its enclosing repository ignores is judged as not a repository', async () => {
      const inner = writeTemp({ '.gitignore': 'inner/\n', 'inner/c7-app.json': '{}', 'inner/src/a.ts': 'a' });
      try {
        assert.equal(spawnSync('git', ['init', '-q'], { cwd: inner }).status, 0);
        const p = diskProject(`${inner}/inner`);
        assert.deepEqual(p.listFiles(), ['c7-app.json', 'src/a.ts']);
        assert.equal(p.isIgnored('.env'), undefined);
        const q = diskProject(`${inner}/inner`);
        await q.prefetch!(['.env']);
        assert.deepEqual(q.listFiles(), ['c7-app.json', 'src/a.ts']);
        assert.equal(q.isIgnored('.env'), undefined);
      } finally {
        rmSync(inner, { recursive: true, force: true });
      }
    });
  });
});

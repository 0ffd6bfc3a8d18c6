// `c7-app new` without a terminal takes the fast path (no Yeoman loaded) and makes exactly the project the Yeoman
// generator makes: same files, same bytes, same exit codes and messages. The bundled bin, as a user runs it.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.js';
import { EXAMPLE_MANIFESTS } from '../support/paths.js';
import { snapshot, type Snapshot } from '../support/snapshot.js';

const fresh = (name = 'app') => path.join(mkdtempSync(path.join(tmpdir(), 'c7-fast-')), name);
const YEOMAN = { C7_APP_YEOMAN: '1' };
/** Packages only Yeoman's environment loads: seen in NODE_DEBUG=module's trace of a run. */
const YEOMAN_MODULES = /node_modules\/(yeoman-environment|yeoman-generator|@npmcli|rxjs|mem-fs-editor)\//;

function same(a: Snapshot, b: Snapshot): string[] {
  const out: string[] = [];
  for (const [rel, bytes] of a) if (!b.get(rel)?.equals(bytes)) out.push(b.has(rel) ? `differs ${rel}` : `only in the fast run: ${rel}`);
  for (const rel of b.keys()) if (!a.has(rel)) out.push(`only in the Yeoman run: ${rel}`);
  return out;
}

/** Runs the same `new` with and without the fast path, each in its own copy of `setup`'s folder (same name). */
function both(args: (dir: string) => string[], setup?: (dir: string) => void) {
  const run = (env: NodeJS.ProcessEnv) => {
    const dir = fresh();
    setup?.(dir);
    const r = runCli(args(dir), { env, cwd: path.dirname(dir) });
    return { r, dir, files: snapshot(dir), out: (r.stdout + r.stderr).replaceAll(path.dirname(dir), '<parent>') };
  };
  return { fast: run({}), yeoman: run(YEOMAN) };
}

describe('c7-app new: the fast path', function () {
  this.timeout(120_000);

  it('--example loads no Yeoman (and the same run with C7_APP_YEOMAN=1 does: the trace sees it)', () => {
    const fast = runCli(['new', fresh(), '--example', '--skip-install'], { env: { NODE_DEBUG: 'module' } });
    assert.equal(fast.status, 0, fast.stderr.slice(-2000));
    assert.doesNotMatch(fast.stderr, YEOMAN_MODULES);
    const slow = runCli(['new', fresh(), '--example', '--skip-install'], { env: { NODE_DEBUG: 'module', ...YEOMAN } });
    assert.equal(slow.status, 0);
    assert.match(slow.stderr, YEOMAN_MODULES);
  });

  it('--example: the same project as the Yeoman generator, byte for byte', () => {
    const { fast, yeoman } = both((dir) => ['new', 'app', '--example', '--skip-install']);
    assert.equal(fast.r.status, 0, fast.out);
    assert.equal(yeoman.r.status, 0, yeoman.out);
    assert.ok(fast.files.size > 50);
    assert.deepEqual(same(fast.files, yeoman.files), []);
    assert.match(fast.out, /^ {3}create app\/c7-app\.json$/m);
    // The summary is the same, word for word.
    const summary = (s: string) => s.slice(s.indexOf('Created the Commerce7'));
    assert.equal(summary(fast.out), summary(yeoman.out));
  });

  it('--answers with flags, --no-teach: the same project', () => {
    const { fast, yeoman } = both((dir) => ['new', dir, '--answers', EXAMPLE_MANIFESTS[1]!, '--summary', 'Exports club members nightly', '--no-teach', '--skip-install']);
    assert.equal(fast.r.status, 0, fast.out);
    assert.equal(yeoman.r.status, 0, yeoman.out);
    assert.deepEqual(same(fast.files, yeoman.files), []);
    assert.match(fast.files.get('c7-app.json')!.toString(), /Exports club members nightly/);
    assert.ok(!fast.files.has('TOUR.md'), '--no-teach leaves TOUR.md out');
  });

  it('re-run over an edited project: refused without --force (same message, nothing written), and the same result with it', () => {
    const base = fresh('base');
    assert.equal(runCli(['new', base, '--answers', EXAMPLE_MANIFESTS[0]!, '--skip-install']).status, 0);
    const edit = (dir: string) => {
      cpSync(base, dir, { recursive: true });
      writeFileSync(path.join(dir, 'README.md'), '# my notes\n');
      writeFileSync(path.join(dir, 'PERMISSIONS.md'), 'stale derived file\n');
      const yoRc = JSON.parse(readFileSync(path.join(dir, '.yo-rc.json'), 'utf8'));
      writeFileSync(path.join(dir, '.yo-rc.json'), JSON.stringify({ other: { kept: true }, ...yoRc }, null, 2));
    };
    const refused = both((dir) => ['new', dir, '--title', 'Ledger Sync Two', '--skip-install'], edit);
    assert.equal(refused.fast.r.status, 1);
    assert.equal(refused.yeoman.r.status, 1);
    assert.equal(refused.fast.r.stderr.replaceAll(refused.fast.dir, '<dir>'), refused.yeoman.r.stderr.replaceAll(refused.yeoman.dir, '<dir>'));
    assert.match(refused.fast.r.stderr, /these files exist and differ[\s\S]*README\.md/);
    assert.equal(readFileSync(path.join(refused.fast.dir, 'README.md'), 'utf8'), '# my notes\n');

    const forced = both((dir) => ['new', dir, '--title', 'Ledger Sync Two', '--force', '--skip-install'], edit);
    assert.equal(forced.fast.r.status, 0, forced.fast.out);
    assert.equal(forced.yeoman.r.status, 0, forced.yeoman.out);
    assert.deepEqual(same(forced.fast.files, forced.yeoman.files), []);
    assert.match(forced.fast.files.get('.yo-rc.json')!.toString(), /"other": \{\s+"kept": true/, 'other keys of .yo-rc.json are kept');
  });

  it('a .yo-resolve file is Yeoman\u2019s to apply: the run goes through Yeoman, which skips the file it lists', () => {
    const dir = fresh();
    assert.equal(runCli(['new', dir, '--example', '--skip-install']).status, 0);
    writeFileSync(path.join(dir, 'README.md'), '# mine\n');
    writeFileSync(path.join(dir, '.yo-resolve'), 'README.md skip\n');
    const r = runCli(['new', dir, '--example', '--force', '--skip-install'], { env: { NODE_DEBUG: 'module' } });
    assert.equal(r.status, 0, r.stderr.slice(-2000));
    assert.match(r.stderr, YEOMAN_MODULES);
    assert.equal(readFileSync(path.join(dir, 'README.md'), 'utf8'), '# mine\n');
  });

  it('the build\u2019s precompiled templates, precomputed audit facts and known-clean secret scans change nothing: the same project without them', () => {
    // A manifest none of the precomputed files came from: some files are found, the others parsed.
    const answers = path.join(mkdtempSync(path.join(tmpdir(), 'c7-fast-')), 'answers.json');
    const m = JSON.parse(readFileSync(EXAMPLE_MANIFESTS[2]!, 'utf8'));
    m.app.title = 'Cellar Door Notes';
    m.permissions = [...m.permissions, { endpoint: 'Club', access: 'read', reason: 'Shows the club of each guest' }];
    writeFileSync(answers, JSON.stringify(m, null, 2));
    for (const args of [['--example'], ['--answers', answers]]) {
      const run = (env: NodeJS.ProcessEnv) => {
        const dir = fresh();
        const r = runCli(['new', dir, ...args, '--skip-install'], { env });
        assert.equal(r.status, 0, r.stdout + r.stderr);
        return snapshot(dir);
      };
      const built = run({});
      const fromScratch = run({ C7_APP_COMPILE_TEMPLATES: '1', C7_APP_PARSE_ALL: '1', C7_APP_SCAN_ALL: '1' });
      assert.deepEqual(same(built, fromScratch), [], args.join(' '));
    }
  });

  it('usage errors are the same: missing answers (exit 1), an unreadable --answers (exit 2)', () => {
    for (const args of [['--title', 'Acme Sync'], ['--answers', '/nonexistent/answers.json']]) {
      const { fast, yeoman } = both((dir) => ['new', dir, ...args, '--skip-install']);
      assert.equal(fast.r.status, yeoman.r.status, args.join(' '));
      assert.equal(fast.r.stderr.replaceAll(fast.dir, '<dir>'), yeoman.r.stderr.replaceAll(yeoman.dir, '<dir>'));
      assert.equal(fast.files.size, 0);
    }
  });
});

// `c7-app check`, black box: the built bin on fixture projects in temporary folders.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SUBMISSION_CHECKLIST_FILE } from '../../generators/lib/checklist/index.js';
import type { Manifest } from '../../generators/lib/manifest/index.js';
import { runCli } from '../support/cli.js';
import { EXAMPLE_MANIFESTS } from '../support/paths.js';
import { goodFiles, readyManifest, writeTemp } from './fixtures.js';

const VERDICT = /^(\d+) passed, (\d+) failed, (\d+) for you$/;
const lastLine = (s: string) => s.trimEnd().split('\n').at(-1) ?? '';
/** The verdict line: the last but the "Next:" line. */
const verdictLine = (s: string) => s.trimEnd().split('\n').filter((l) => VERDICT.test(l)).at(-1) ?? '';

describe('c7-app check (black box)', () => {
  const dirs: string[] = [];
  const fixture = (change?: (m: Manifest, files: Record<string, string>) => void): string => {
    const m = readyManifest('tasting-room-full-app');
    const files = goodFiles(m);
    change?.(m, files);
    files['c7-app.json'] = JSON.stringify(m, null, 2);
    const dir = writeTemp(files);
    dirs.push(dir);
    return dir;
  };
  after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  it('prints the failures first, then the items for you, then one line for what passed, and ends with the next command', () => {
    const dir = fixture((_m, files) => { delete files['listing/screenshot-3.png']; });
    const r = runCli(['check'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const lines = r.stdout.split('\n');
    const firstFail = lines.findIndex((l) => l.includes('\u274c'));
    const firstPerson = lines.findIndex((l) => l.includes('\u2610'));
    assert.ok(firstFail > 0 && firstPerson > firstFail, r.stdout);
    assert.ok(!lines.some((l) => /^\s+\u2705 /.test(l)), 'passed items are not listed one by one');
    assert.match(r.stdout, /^\u2705 \d+ passed \(c7-app check --verbose lists them\)$/m);
    assert.match(lastLine(r.stdout), /^Next: fix the 1 failed item above, then run c7-app check again$/);
    assert.ok(lines.length < 60, `${lines.length} lines`);
  });

  it('--verbose lists every item by section, the passed ones too', () => {
    const dir = fixture();
    const r = runCli(['check', '--verbose'], { cwd: dir });
    assert.match(r.stdout, /^ {2}\u2705 /m);
    assert.match(r.stdout, /^1\. /m);
    assert.match(lastLine(r.stdout), /^Next: /);
  });

  it('--ci: exit 0 when every checked item passes, and writes nothing', () => {
    const dir = fixture();
    const r = runCli(['check', '--ci'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const m = VERDICT.exec(verdictLine(r.stdout));
    assert.ok(m, `verdict line: ${verdictLine(r.stdout)}`);
    assert.equal(m[2], '0');
    assert.ok(!existsSync(path.join(dir, SUBMISSION_CHECKLIST_FILE)));
    assert.match(r.stdout, /SUBMISSION_CHECKLIST\.md does not exist \(--ci writes nothing/);
  });

  it('--ci: exit 1 when a checked item fails, with the reason and the fix', () => {
    const dir = fixture((_m, f) => { delete f['listing/screenshot-3.png']; });
    const r = runCli(['check', '--ci', dir]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /\u274c At least 3 screenshots, each in the project \[Commerce7\]\n {6}why: 1 file missing\n {6}fix: .+\n {6}\u00b7 listing\/screenshot-3\.png: no such file\n {6}rule: Commerce7: developer\.commerce7\.com \u2014 App Store listing \(listing\.screenshots\)/);
    assert.equal(VERDICT.exec(verdictLine(r.stdout))?.[2], '1');
    assert.ok(!existsSync(path.join(dir, SUBMISSION_CHECKLIST_FILE)));
  });

  it('without --ci: exit 0 even with failures, the file written, then rewritten only when it changed', () => {
    const dir = fixture((_m, f) => { delete f['listing/screenshot-3.png']; });
    const file = path.join(dir, SUBMISSION_CHECKLIST_FILE);

    const first = runCli(['check'], { cwd: dir });
    assert.equal(first.status, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /^SUBMISSION_CHECKLIST\.md written$/m);
    const written = readFileSync(file, 'utf8');
    assert.match(written, /\u274c \*\*At least 3 screenshots/);

    const old = new Date('2001-01-01T00:00:00Z');
    utimesSync(file, old, old);
    const second = runCli(['check'], { cwd: dir });
    assert.match(second.stdout, /^SUBMISSION_CHECKLIST\.md up to date$/m);
    assert.equal(statSync(file).mtimeMs, old.getTime(), 'an unchanged file is not rewritten');
    assert.ok(VERDICT.test(verdictLine(second.stdout)));

    writeFileSync(path.join(dir, 'listing/screenshot-3.png'), '\u0089PNG');
    const third = runCli(['check'], { cwd: dir });
    assert.match(third.stdout, /^SUBMISSION_CHECKLIST\.md updated$/m);
    assert.notEqual(readFileSync(file, 'utf8'), written);
    assert.match(readFileSync(file, 'utf8'), /\u2705 \*\*At least 3 screenshots/);
  });

  it('--json prints the items and the summary, and writes nothing', () => {
    const dir = fixture((m) => { m.listing.summary = 'TODO'; });
    const r = runCli(['check', '--json'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { valid: boolean; summary: { failed: number; passed: number; person: number }; items: Array<{ id: string; status: string; kind: string; source: { by: string } }> };
    assert.equal(report.valid, true);
    assert.equal(report.summary.failed, 1);
    const placeholders = report.items.find((i) => i.id === 'listing.placeholders');
    assert.deepEqual([placeholders?.kind, placeholders?.status, placeholders?.source.by], ['auto', 'fail', 'advice']);
    assert.equal(report.items.length, report.summary.failed + report.summary.passed + report.summary.person);
    assert.ok(!existsSync(path.join(dir, SUBMISSION_CHECKLIST_FILE)));
    assert.equal(runCli(['check', '--json', '--ci'], { cwd: dir }).status, 1);
  });

  it('finds c7-app.json upward, or takes the folder or the file', () => {
    const dir = fixture();
    mkdirSync(path.join(dir, 'src/deep'), { recursive: true });
    for (const [args, cwd] of [[['check', '--ci'], path.join(dir, 'src/deep')], [['check', '--ci', dir], undefined], [['check', '--ci', path.join(dir, 'c7-app.json')], undefined]] as const) {
      const r = runCli([...args], { cwd });
      assert.equal(r.status, 0, r.stdout + r.stderr);
    }
  });

  it('never prints a secret found in a tracked file', () => {
    const secret = 'q8X2mZ7rT1vB9nL4wE6y';
    const dir = fixture((_m, f) => { f['src/c7.ts'] = `export const appSecret = '${secret}';\n`; });
    const r = runCli(['check', '--ci'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /src\/c7\.ts:1: appSecret: "<hidden>"/);
    const json = runCli(['check', '--json'], { cwd: dir });
    for (const out of [r.stdout, r.stderr, json.stdout]) assert.ok(!out.includes(secret), 'the value is never shown');
    runCli(['check'], { cwd: dir });
    assert.ok(!readFileSync(path.join(dir, SUBMISSION_CHECKLIST_FILE), 'utf8').includes(secret));
  });

  it('an invalid manifest: its errors, exit 1', () => {
    const dir = fixture();
    const m = JSON.parse(readFileSync(path.join(dir, 'c7-app.json'), 'utf8'));
    m.permissions[0].endpoint = 'Ordr';
    writeFileSync(path.join(dir, 'c7-app.json'), JSON.stringify(m, null, 2));
    const r = runCli(['check'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /c7-app\.json:\d+:\d+ {2}\/permissions\/0\/endpoint {2}error: "Ordr" is not allowed here/);
    assert.ok(!existsSync(path.join(dir, SUBMISSION_CHECKLIST_FILE)));
    assert.equal(JSON.parse(runCli(['check', '--json'], { cwd: dir }).stdout).valid, false);
  });

  it('exit 2 on usage and I/O errors', () => {
    const empty = writeTemp({});
    dirs.push(empty);
    const none = runCli(['check'], { cwd: empty });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no c7-app\.json/);
    assert.equal(runCli(['check', 'missing-folder'], { cwd: empty }).status, 2);
    assert.equal(runCli(['check', '--nope']).status, 2);
  });

  describe('--run-tests', () => {
    it('checks that npm test passes, without changing the file', () => {
      const dir = fixture();
      runCli(['check'], { cwd: dir });
      const before = readFileSync(path.join(dir, SUBMISSION_CHECKLIST_FILE), 'utf8');
      const r = runCli(['check', '--run-tests', '--verbose'], { cwd: dir });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /\u2705 The project\u2019s own tests pass \(npm test\)/);
      assert.match(r.stdout, /^SUBMISSION_CHECKLIST\.md up to date$/m, 'a test run is not written to the file');
      assert.equal(readFileSync(path.join(dir, SUBMISSION_CHECKLIST_FILE), 'utf8'), before);
    });
    it('a failing npm test fails the item (exit 1 with --ci), showing the end of the output', () => {
      const dir = fixture((_m, f) => { f['package.json'] = JSON.stringify({ name: 'app', scripts: { test: 'node -e "console.log(\'2 failing\'); process.exit(3)"' } }); });
      const r = runCli(['check', '--ci', '--run-tests'], { cwd: dir });
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /\u274c The project\u2019s own tests pass \(npm test\) \[advice\]\n {6}why: npm test exited with code 3/);
      assert.match(r.stdout, /\u00b7 2 failing/);
    });
  });

  it('--help describes every option and the exit codes', () => {
    const r = runCli(['check', '--help']);
    assert.equal(r.status, 0);
    for (const opt of ['--ci', '--json', '--run-tests', 'Exit codes']) assert.ok(r.stdout.includes(opt), opt);
  });

  it('does not load Yeoman', () => {
    const r = runCli(['check', '--json', path.dirname(EXAMPLE_MANIFESTS[2]!)], { env: { NODE_DEBUG: 'module' } });
    assert.equal(r.status, 0);
    assert.ok(!/yeoman-(generator|environment)/.test(r.stderr), 'yeoman was loaded');
  });
});

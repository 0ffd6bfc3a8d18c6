// `c7-app upgrade` on a project cb22061 generated (the fixture), with user edits: every template change is taken,
// every user edit kept, a file both changed is merged, a real conflict is marked; a second run writes nothing;
// --dry-run writes nothing; without a terminal it needs --yes; a dirty git work tree is refused, a project outside
// git is backed up first. Edits are placed from the diff of cb22061's output and this version's, so these tests
// hold whatever today's templates say.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { runCli } from '../support/cli.js';
import { snapshot } from '../support/snapshot.js';
import { editedProject, fixtureFiles, freshProject, planLines, resolveConflicts, writeFixture, type Edits } from './support.js';

const BASE_FILE = '.c7-app-base.json.gz';
const read = (dir: string, p: string) => readFileSync(path.join(dir, ...p.split('/')), 'utf8');
const write = (dir: string, p: string, text: string) => writeFileSync(path.join(dir, ...p.split('/')), text);
const tempDir = (tag: string) => path.join(mkdtempSync(path.join(tmpdir(), `c7-upgrade-${tag}-`)), 'tasting-room');
/** Files whose content this version writes for the manifest alone (the checklist also reads the project as it is). */
const comparable = (p: string) => !['SUBMISSION_CHECKLIST.md', '.yo-rc.json', 'c7-app.json', BASE_FILE].includes(p);

describe('c7-app upgrade', function () {
  this.timeout(180_000);
  let fresh: string;
  before(() => { fresh = freshProject('tasting-room'); });

  describe('a cb22061 project with user edits, upgraded with --yes', () => {
    let dir: string;
    let edits: Edits;
    let out: string;
    let original: Map<string, Buffer>;
    before(() => {
      dir = tempDir('edited');
      edits = editedProject(dir, fresh);
      original = snapshot(dir);
      const r = runCli(['upgrade', '--yes'], { cwd: dir, timeout: 120_000 });
      out = r.stdout;
      assert.equal(r.status, 0, `upgrade failed:\n${r.stdout}\n${r.stderr}`);
    });

    it('names the base: cb22061, as no version was recorded', () => {
      assert.match(out, /cb22061/);
    });

    it('takes every template change in the files the user did not touch', () => {
      const after = snapshot(dir);
      const freshFiles = snapshot(fresh);
      const touched = new Set([...edits.clean.keys(), edits.conflict.path]);
      const differ = [...freshFiles.keys()].filter((p) => comparable(p) && !touched.has(p) && !after.get(p)?.equals(freshFiles.get(p)!));
      assert.deepEqual(differ, [], 'files that are not what this version writes');
      const plan = planLines(out);
      assert.ok(plan.some((l) => l.action === 'added'), 'files this version adds are listed as added');
      assert.ok(plan.some((l) => l.action === 'updated'), 'files this version changes are listed as updated');
    });

    it('keeps every user edit and merges the files both changed', () => {
      const plan = planLines(out);
      for (const [p, line] of edits.clean) {
        const text = read(dir, p);
        assert.ok(text.includes(`${line}\n`), `${p} keeps the user's line`);
        assert.equal(text.replace(`${line}\n`, ''), read(fresh, p), `${p} has every change of this version`);
        const changedByUs = fixtureFiles('tasting-room').get(p)!.toString('utf8') !== read(fresh, p);
        assert.equal(plan.find((l) => l.path === p)?.action, changedByUs ? 'merged' : undefined, `${p} in the plan`);
      }
      assert.ok(plan.some((l) => l.action === 'merged' && l.path === 'src/config.ts'), 'a template file both changed is merged');
    });

    it('marks the real conflict with standard markers and lists it', () => {
      const { path: p, line } = edits.conflict;
      assert.ok(planLines(out).some((l) => l.action === 'conflict' && l.path === p));
      const text = read(dir, p);
      assert.match(text, /^<<<<<<< yours\n[\s\S]*^=======\n[\s\S]*^>>>>>>> generator-c7-app \S+\n/m);
      assert.equal(resolveConflicts(text, 'theirs'), read(fresh, p), 'the new version\'s side is this version\'s file');
      assert.ok(resolveConflicts(text, 'ours').includes(line), 'the user\'s side holds the user\'s line');
      assert.match(out, /Next steps:[\s\S]*resolve[\s\S]*src\/server\/webhooks\.ts[\s\S]*npm install[\s\S]*npm test/);
    });

    it('leaves the manifest as it was and records the new version and base', () => {
      assert.equal(read(dir, 'c7-app.json'), original.get('c7-app.json')!.toString('utf8'));
      // The checklist is the one file made from the project as it is, not from the manifest alone.
      const load = (d: string) => {
        const r = JSON.parse(gunzipSync(readFileSync(path.join(d, BASE_FILE))).toString('utf8')) as { files: Record<string, unknown> };
        delete r.files['SUBMISSION_CHECKLIST.md'];
        return r;
      };
      assert.deepEqual(load(dir), load(fresh), 'the recorded base is what this version generates');
    });

    it('backs up every file it changed first (the project is not in git)', () => {
      const backups = path.join(dir, '.c7-app/backup');
      const [stamp] = readdirSync(backups);
      assert.ok(stamp);
      const saved = snapshot(path.join(backups, stamp));
      assert.ok(saved.size > 0);
      for (const [p, bytes] of saved) assert.ok(original.get(p)?.equals(bytes), `${p} backed up as it was`);
      assert.ok(saved.has('src/server/webhooks.ts') && saved.has('src/config.ts'));
    });

    it('writes nothing on a second run', () => {
      const first = snapshot(dir);
      const r = runCli(['upgrade', '--yes'], { cwd: dir, timeout: 120_000 });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(planLines(r.stdout), []);
      assert.match(r.stdout, /up to date/i);
      const second = snapshot(dir);
      assert.deepEqual([...second.keys()], [...first.keys()]);
      for (const [p, b] of first) assert.ok(second.get(p)!.equals(b), `${p} unchanged`);
    });
  });

  it('--dry-run prints the plan and writes nothing', () => {
    const dir = tempDir('dry');
    writeFixture('tasting-room', dir);
    const before = snapshot(dir);
    const r = runCli(['upgrade', '--dry-run'], { cwd: dir, timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(planLines(r.stdout).length > 0);
    assert.match(r.stdout, /nothing was written/i);
    const after = snapshot(dir);
    assert.deepEqual([...after.keys()], [...before.keys()]);
    for (const [p, b] of before) assert.ok(after.get(p)!.equals(b), `${p} unchanged`);
  });

  it('without a terminal and without --yes: prints the plan, writes nothing, exits 1', () => {
    const dir = tempDir('noyes');
    writeFixture('tasting-room', dir);
    const before = snapshot(dir);
    const r = runCli(['upgrade'], { cwd: dir, timeout: 120_000 });
    assert.equal(r.status, 1);
    assert.ok(planLines(r.stdout).length > 0);
    assert.match(r.stderr, /--yes/);
    const after = snapshot(dir);
    for (const [p, b] of before) assert.ok(after.get(p)!.equals(b), `${p} unchanged`);
    assert.equal(after.size, before.size);
  });

  it('refuses a git work tree with uncommitted changes, and upgrades it once committed (no backup: git has it)', () => {
    const dir = tempDir('git');
    writeFixture('tasting-room', dir);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'generated');
    write(dir, 'src/hooks.ts', `${read(dir, 'src/hooks.ts')}// not committed\n`);
    const before = snapshot(dir);
    const refused = runCli(['upgrade', '--yes'], { cwd: dir, timeout: 120_000 });
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /uncommitted[\s\S]*src\/hooks\.ts/);
    const after = snapshot(dir);
    for (const [p, b] of before) assert.ok(after.get(p)!.equals(b), `${p} unchanged`);
    git('commit', '-qam', 'my hook');
    const r = runCli(['upgrade', '--yes'], { cwd: dir, timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!existsSync(path.join(dir, '.c7-app/backup')));
    assert.ok(read(dir, 'src/hooks.ts').endsWith('// not committed\n'));
  });

  it('a project this version generated is up to date; a recorded base drives removals', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'c7-upgrade-recorded-'));
    const dir = path.join(parent, 'p');
    execFileSync('cp', ['-r', fresh, dir]);
    const up = runCli(['upgrade', '--yes'], { cwd: dir, timeout: 120_000 });
    assert.equal(up.status, 0, up.stderr);
    assert.deepEqual(planLines(up.stdout), []);
    assert.match(up.stdout, /up to date/i);
    // An earlier version had two more files: one left as generated (removed), one the user changed (kept).
    const file = path.join(dir, BASE_FILE);
    const record = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as { generator: { version: string }; files: Record<string, unknown> };
    const entry = (text: string) => ({ owner: 'user', sha256: createHash('sha256').update(text).digest('hex'), text });
    record.generator.version = '0.0.1';
    record.files['src/old-a.ts'] = entry('export const a = 1;\n');
    record.files['src/old-b.ts'] = entry('export const b = 1;\n');
    writeFileSync(file, gzipSync(JSON.stringify(record)));
    write(dir, 'src/old-a.ts', 'export const a = 1;\n');
    write(dir, 'src/old-b.ts', 'export const b = 2; // mine\n');
    const r = runCli(['upgrade', '--yes'], { cwd: dir, timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /0\.0\.1/);
    assert.deepEqual(planLines(r.stdout), [{ action: 'kept', path: 'src/old-b.ts' }, { action: 'removed', path: 'src/old-a.ts' }]);
    assert.ok(!existsSync(path.join(dir, 'src/old-a.ts')));
    assert.equal(read(dir, 'src/old-b.ts'), 'export const b = 2; // mine\n');
    rmSync(parent, { recursive: true, force: true });
  });

  it('a handler `scopes --sync` creates for a new webhook is recorded in the base, so a later upgrade can merge it', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'c7-upgrade-synced-'));
    const dir = path.join(parent, 'p');
    execFileSync('cp', ['-r', fresh, dir]);
    const manifest = JSON.parse(read(dir, 'c7-app.json')) as { webhooks: Array<Record<string, unknown>>; permissions?: unknown };
    manifest.webhooks.push({ object: 'Customer', action: 'Create', url: '/webhooks/commerce7', basicAuth: true });
    write(dir, 'c7-app.json', `${JSON.stringify(manifest, null, 2)}\n`);
    const before = new Set(snapshot(dir).keys());
    const sync = runCli(['scopes', '--sync', '--yes'], { cwd: dir, timeout: 120_000 });
    assert.equal(sync.status, 0, `${sync.stdout}\n${sync.stderr}`);
    const created = [...snapshot(dir).keys()].filter((p) => !before.has(p) && p !== BASE_FILE);
    assert.ok(created.length > 0, 'scopes --sync created a handler for the new webhook');
    const record = JSON.parse(gunzipSync(readFileSync(path.join(dir, BASE_FILE))).toString('utf8')) as { files: Record<string, { owner: string; text?: string }> };
    for (const p of created) {
      assert.ok(record.files[p], `${p} is in the base record`);
      if (record.files[p]!.owner === 'user') assert.equal(record.files[p]!.text, read(dir, p), `${p}: its text is the base`);
    }
    const up = runCli(['upgrade', '--dry-run'], { cwd: dir, timeout: 120_000 });
    assert.equal(up.status, 0, up.stderr);
    assert.deepEqual(planLines(up.stdout), [], 'nothing to upgrade right after a sync');
    rmSync(parent, { recursive: true, force: true });
  });
});

// An interrupted `c7-app scopes` / `c7-app new`: the generation journal says so, `c7-app check` fails
// app.generation-complete, and the next run (no TTY, no flags) completes the project. The built bin, no TTY.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildChecklist, memoryProject } from '../../generators/lib/checklist/index.js';
import { GENERATION_JOURNAL } from '../../generators/lib/generation-journal.js';
import { validateManifestText } from '../../generators/lib/manifest/index.js';
import { runCli } from '../support/cli.js';
import { CLI, EXAMPLE_MANIFESTS } from '../support/paths.js';
import { snapshot, type Snapshot } from '../support/snapshot.js';

function diff(actual: Snapshot, expected: Snapshot): string[] {
  const out: string[] = [];
  for (const [rel, bytes] of expected) {
    const a = actual.get(rel);
    if (!a) out.push(`missing ${rel}`);
    else if (!a.equals(bytes)) out.push(`differs ${rel}`);
  }
  for (const rel of actual.keys()) if (!expected.has(rel)) out.push(`extra ${rel}`);
  return out;
}
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const fresh = (name = 'ledger') => path.join(mkdtempSync(path.join(tmpdir(), 'c7-int-')), name);

/** `c7-app check --json` item app.generation-complete. */
function generationItem(dir: string): { status: string; reason?: string; fix?: string } {
  const r = runCli(['check', '--json'], { cwd: dir });
  const items = (JSON.parse(r.stdout) as { items: { id: string; status: string; reason?: string; fix?: string }[] }).items;
  const item = items.find((i) => i.id === 'app.generation-complete');
  assert.ok(item, 'check lists app.generation-complete');
  return item;
}

/** Runs `c7-app <args>` in `cwd` and SIGKILLs it as soon as the journal appears. */
function killAtJournal(args: string[], cwd: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' });
    const poll = setInterval(() => { if (existsSync(path.join(cwd, GENERATION_JOURNAL))) child.kill('SIGKILL'); }, 1);
    child.on('close', (_code, signal) => { clearInterval(poll); resolve(signal === 'SIGKILL'); });
  });
}

describe('an interrupted c7-app run is detected and completed', function () {
  this.timeout(180_000);
  const scopesArgs = ['scopes', '--add', 'Note:read', '--reason', 'Shows notes', '--yes'];
  let project: string;
  let oldFiles: Snapshot;
  let after: Snapshot;

  before(() => {
    project = fresh();
    const made = runCli(['new', project, '--answers', EXAMPLE_MANIFESTS[0]!, '--skip-install']);
    assert.equal(made.status, 0, made.stdout + made.stderr);
    oldFiles = snapshot(project);
    const ref = fresh();
    cpSync(project, ref, { recursive: true });
    const r = runCli(scopesArgs, { cwd: ref });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    after = snapshot(ref);
    assert.ok(diff(after, oldFiles).length >= 3, 'the change rewrites the manifest and derived files');
    assert.ok(!after.has(GENERATION_JOURNAL), 'an uninterrupted run leaves no journal');
  });

  it('scopes killed in its write phase: files old or new, check fails the item, the next `c7-app scopes` completes it', async () => {
    let dir = '';
    for (let attempt = 0; attempt < 8; attempt++) {
      dir = fresh();
      cpSync(project, dir, { recursive: true });
      await killAtJournal(scopesArgs, dir);
      if (existsSync(path.join(dir, GENERATION_JOURNAL))) break;
    }
    assert.ok(existsSync(path.join(dir, GENERATION_JOURNAL)), 'a kill landed in the write phase');
    for (const [rel, bytes] of snapshot(dir)) {
      if (rel === GENERATION_JOURNAL || /\.\d+$/.test(rel)) continue;
      assert.ok(bytes.equals(oldFiles.get(rel) ?? Buffer.alloc(0)) || bytes.equals(after.get(rel) ?? Buffer.alloc(0)), `${rel} is its old or its new content`);
    }
    const item = generationItem(dir);
    assert.equal(item.status, 'fail');
    assert.match(item.reason!, /`c7-app scopes` run in this folder was interrupted/);
    assert.match(item.fix!, /run `c7-app scopes` again/);
    assert.equal(runCli(['check', '--ci'], { cwd: dir }).status, 1, 'check --ci fails');

    const r = runCli(['scopes'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /previous `c7-app scopes` in this folder was interrupted/);
    assert.deepEqual(diff(snapshot(dir), after), []);
    assert.equal(generationItem(dir).status, 'pass');
  });

  it('scopes killed before c7-app.json was replaced: the next plain `c7-app scopes` finishes that change, and cleans up', () => {
    const dir = fresh();
    cpSync(project, dir, { recursive: true });
    // The state a kill leaves right after the journal: every file old, a temporary file beside its target.
    writeFileSync(path.join(dir, GENERATION_JOURNAL), JSON.stringify({
      journal: 1, command: 'scopes', files: ['c7-app.json', 'PERMISSIONS.md'],
      manifest: { before: sha(oldFiles.get('c7-app.json')!), text: after.get('c7-app.json')!.toString('utf8') },
    }));
    writeFileSync(path.join(dir, 'c7-app.json.1234567890'), '{ "half": ');
    const r = runCli(['scopes'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /interrupted/);
    assert.deepEqual(diff(snapshot(dir), after), [], 'the project equals the uninterrupted run: journal and temporary file gone');
  });

  it('a journal whose manifest no longer matches c7-app.json is not applied over the user\u2019s edit', () => {
    const dir = fresh();
    cpSync(project, dir, { recursive: true });
    writeFileSync(path.join(dir, GENERATION_JOURNAL), JSON.stringify({
      journal: 1, command: 'scopes', files: ['c7-app.json'], manifest: { before: sha('something else'), text: after.get('c7-app.json')!.toString('utf8') },
    }));
    const r = runCli(['scopes'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.ok(readFileSync(path.join(dir, 'c7-app.json')).equals(oldFiles.get('c7-app.json')!), 'c7-app.json kept');
    assert.ok(!existsSync(path.join(dir, GENERATION_JOURNAL)), 'the project is in step again: the journal is gone');
  });

  it('new killed before c7-app.json was written: `c7-app new <dir>` without answers completes it from the journal', () => {
    const ref = fresh('club');
    const made = runCli(['new', ref, '--answers', EXAMPLE_MANIFESTS[1]!, '--skip-install']);
    assert.equal(made.status, 0, made.stdout + made.stderr);
    const expected = snapshot(ref);
    const dir = fresh('club');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, GENERATION_JOURNAL), JSON.stringify({
      journal: 1, command: 'new', files: [...expected.keys()], manifest: { before: null, text: expected.get('c7-app.json')!.toString('utf8') },
    }));
    const check = runCli(['new', dir, '--skip-install']);
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.match(check.stdout + check.stderr, /previous `c7-app new` in this folder was interrupted/);
    assert.deepEqual(diff(snapshot(dir), expected), []);
  });

  it('new over an interrupted --force run, without --force and no TTY: still refuses to overwrite changed user files, and says why', () => {
    const dir = fresh();
    cpSync(project, dir, { recursive: true });
    writeFileSync(path.join(dir, 'src/config.ts'), '// my own config\n');
    writeFileSync(path.join(dir, GENERATION_JOURNAL), JSON.stringify({ journal: 1, command: 'new', files: ['src/config.ts'] }));
    const r = runCli(['new', dir, '--skip-install']);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /was interrupted[\s\S]*these files exist and differ[\s\S]*src\/config\.ts/);
    assert.equal(readFileSync(path.join(dir, 'src/config.ts'), 'utf8'), '// my own config\n');
  });

  it('the rule: fails while the journal is there (naming the command), passes without it', () => {
    const manifest = validateManifestText(readFileSync(EXAMPLE_MANIFESTS[0]!, 'utf8')).manifest!;
    const item = (files: Record<string, string>) => buildChecklist(manifest, memoryProject(files)).find((i) => i.id === 'app.generation-complete')!;
    assert.equal(item({}).status, 'pass');
    const failed = item({ [GENERATION_JOURNAL]: JSON.stringify({ journal: 1, command: 'new', files: [] }) });
    assert.equal(failed.status, 'fail');
    assert.match(failed.fix!, /run `c7-app new` again/);
    assert.equal(item({ [GENERATION_JOURNAL]: 'not json' }).status, 'fail', 'any journal means a run did not finish');
  });
});

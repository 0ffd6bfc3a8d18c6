// `c7-app new` as a user runs it: the built bin in a child process, no TTY.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.js';
import { EXAMPLE_MANIFESTS } from '../support/paths.js';

const fresh = () => mkdtempSync(path.join(tmpdir(), 'c7-new-'));

describe('c7-app new (black box)', () => {
  it('--answers writes a validated project and a summary; exit 0', () => {
    const dir = path.join(fresh(), 'club-export');
    const r = runCli(['new', dir, '--answers', EXAMPLE_MANIFESTS[1]!, '--skip-install']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const out = r.stdout + r.stderr;
    assert.match(out, /create .*c7-app\.json/);
    assert.match(out, /Created the Commerce7 Private App or Integration "Club Export"/);
    assert.match(out, /Permissions requested: Club \(read\), Club Membership \(read\), Customer \(read\), Customer Address \(read\)/);
    assert.match(out, /Next steps:/);
    assert.equal(runCli(['validate', path.join(dir, 'c7-app.json')]).status, 0);
    assert.ok(existsSync(path.join(dir, 'PERMISSIONS.md')));
  });

  it('--example scaffolds the bundled sample with no questions', () => {
    const dir = path.join(fresh(), 'sample');
    const r = runCli(['new', dir, '--example', '--skip-install']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(JSON.parse(readFileSync(path.join(dir, 'c7-app.json'), 'utf8')).app.type, 'full-application');
    // The sample brings its listing images, and its checklist (rendered before they were written) counts them.
    assert.ok(existsSync(path.join(dir, 'listing/logo.png')) && existsSync(path.join(dir, 'listing/screenshot-3.png')));
    const checklist = readFileSync(path.join(dir, 'SUBMISSION_CHECKLIST.md'), 'utf8');
    assert.match(checklist, /- ✅ \*\*The Logo exists in the project\*\* · `listing\.logo`/);
    assert.match(checklist, /- ✅ \*\*At least 3 screenshots, each in the project\*\* · `listing\.screenshots`/);
    const check = runCli(['check', '--ci', '--verbose'], { cwd: dir });
    assert.match(check.stdout, /✅ The Logo exists in the project/, 'check agrees with the generated checklist');
  });

  it('without a TTY, missing answers: all listed, exit 1, nothing written', () => {
    const dir = path.join(fresh(), 'x');
    const r = runCli(['new', dir, '--title', 'Acme Sync', '--skip-install']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /answers are missing and there is no terminal to ask/);
    assert.match(r.stderr, /--type or "app\.type"/);
    assert.doesNotMatch(r.stdout + r.stderr, /An error occured while running/, 'our message stands alone, without Yeoman\u2019s task line');
    assert.ok(!existsSync(path.join(dir, 'c7-app.json')));
    assert.deepEqual(existsSync(dir) ? readdirSync(dir) : [], []);
  });

  it('--help lists the everyday flags', () => {
    const r = runCli(['new', '--help']);
    assert.equal(r.status, 0);
    for (const flag of ['--title', '--id', '--type', '--allowed-tenants', '--permissions', '--base-url', '--support-email', '--skip-install', '--force', '--answers', '--example', '--ask-answered']) {
      assert.ok(r.stdout.includes(flag), flag);
    }
  });

  it('an unreadable --answers file is a usage error (exit 2)', () => {
    const r = runCli(['new', path.join(fresh(), 'y'), '--answers', '/nonexistent/answers.json', '--skip-install']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--answers: cannot read/);
  });
});

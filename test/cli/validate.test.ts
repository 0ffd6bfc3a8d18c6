import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.js';
import { EXAMPLE_MANIFESTS } from '../support/paths.js';

describe('c7-app validate (black box)', () => {
  it('exits 0 on each example', () => {
    for (const f of EXAMPLE_MANIFESTS) {
      const r = runCli(['validate', f]);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /is valid/);
    }
  });

  it('finds c7-app.json upward, and lists every error as file:line:column  pointer  message', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7v-'));
    const m = JSON.parse(readFileSync(EXAMPLE_MANIFESTS[0]!, 'utf8'));
    m.permissions[0].endpoint = 'Ordr';
    m.app.allowedTenants = ['x'];
    m.installation.basicAuth.password = 'hunter2';
    writeFileSync(path.join(dir, 'c7-app.json'), JSON.stringify(m, null, 2));
    mkdirSync(path.join(dir, 'src/deep'), { recursive: true });
    const r = runCli(['validate'], { cwd: path.join(dir, 'src/deep') });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /c7-app\.json:\d+:\d+ {2}\/permissions\/0\/endpoint {2}error: "Ordr" is not allowed here\n {4}hint: did you mean "Order"\?/);
    assert.match(r.stdout, /\/app\/allowedTenants {2}error/);
    assert.match(r.stdout, /\/installation\/basicAuth\/password {2}error: .*secret/);
    assert.match(r.stdout, /invalid: 3 errors/);
    assert.ok(!r.stdout.includes('hunter2'), 'a secret is never echoed');
  });

  it('--json prints a machine-readable report', () => {
    const r = runCli(['validate', '--json', EXAMPLE_MANIFESTS[2]!]);
    assert.equal(r.status, 0);
    const report = JSON.parse(r.stdout);
    assert.equal(report.valid, true);
    assert.deepEqual(report.diagnostics, []);
  });

  it('malformed JSON: exit 1 with line:column', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7v-'));
    writeFileSync(path.join(dir, 'c7-app.json'), '{\n  "app": {\n    "id": "x"\n  \n');
    const r = runCli(['validate', '--json'], { cwd: dir });
    assert.equal(r.status, 1);
    const report = JSON.parse(r.stdout);
    assert.equal(report.diagnostics[0].line, 5);
  });

  describe('input that cannot be used (exit 1, located, no stack trace)', () => {
    const dir = () => mkdtempSync(path.join(tmpdir(), 'c7v-'));
    const example = () => readFileSync(EXAMPLE_MANIFESTS[0]!, 'utf8');
    it('a manifest nested 10,000 deep: the depth limit, at line:column', () => {
      const file = path.join(dir(), 'c7-app.json');
      writeFileSync(file, example().replace('"manifestVersion": 1,', `"manifestVersion": 1, "x-deep": ${'['.repeat(10_000)}${']'.repeat(10_000)},`));
      const r = runCli(['validate', file]);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /c7-app\.json:3:\d+ {2}\/x-deep {2}error: nested more than 100 levels deep/);
      assert.doesNotMatch(r.stdout + r.stderr, /RangeError|at .*\.js:\d+/);
    });
    it('invalid UTF-8: the bad byte at line:column', () => {
      const file = path.join(dir(), 'c7-app.json');
      const bytes = Buffer.from(example());
      bytes[bytes.indexOf('Cellar Ledger Software')] = 0xc3;
      writeFileSync(file, bytes);
      const r = runCli(['validate', file]);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /c7-app\.json:8:21 {2}\/ {2}error: this byte is not valid UTF-8 \(0xC3\)/);
    });
    it('a UTF-8 BOM: valid, with a warning', () => {
      const file = path.join(dir(), 'c7-app.json');
      writeFileSync(file, '\uFEFF' + example());
      const r = runCli(['validate', file]);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /c7-app\.json:1:1 {2}\/ {2}warning: the file starts with a UTF-8 byte order mark/);
      assert.match(r.stdout, /is valid \(1 warning\)/);
    });
  });

  it('exit 2 on usage and I/O errors', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7v-'));
    assert.equal(runCli(['validate', 'missing.json'], { cwd: dir }).status, 2);
    const none = runCli(['validate'], { cwd: dir });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no c7-app\.json/);
    assert.equal(runCli(['validate', '--nope']).status, 2);
  });

  it('--help describes every option', () => {
    const r = runCli(['validate', '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /--json/);
    assert.match(r.stdout, /Exit codes/);
  });

  it('does not load Yeoman', () => {
    const r = runCli(['validate', EXAMPLE_MANIFESTS[0]!], { env: { NODE_DEBUG: 'module' } });
    assert.equal(r.status, 0);
    assert.ok(!/yeoman-(generator|environment)/.test(r.stderr), 'yeoman was loaded');
  });
});

// The secretlint layer (recommended preset) for tokens of known services, and `check --json` as a gate on secrets.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { isSecretlintCandidate, memoryProject, scanProjectForSecretsFully, scanWithSecretlint } from '../../generators/lib/checklist/index.js';
import type { Manifest } from '../../generators/lib/manifest/index.js';
import { runCli } from '../support/cli.js';
import { goodFiles, readyManifest, writeTemp } from './fixtures.js';

// Built at run time so that no scanner (ours included) sees a token in this file.
const GITHUB = ['ghp', '_', '1234567890abcdefghij', 'ABCDEFGHIJ123456'].join('');
const SLACK_HOOK = ['https://hooks.slack.com/services/', 'T0123ABCD', '/B0123ABCD/', 'AbCdEfGhIjKlMnOpQrStUv12'].join('');
const SECRET = 'q8X2mZ7rT1vB9nL4wE6y';

describe('secretlint layer', () => {
  it('finds the tokens of known services our rules do not know, value hidden', async () => {
    const r = await scanWithSecretlint([
      { file: 'src/gh.ts', text: `// ci\nexport const ci = "${GITHUB}";\n` },
      { file: 'src/notify.ts', text: `const hook = "${SLACK_HOOK}";\n` },
    ]);
    assert.equal(r.error, undefined);
    assert.deepEqual(r.findings.map((f) => [f.file, f.line, f.kind, f.rule]), [
      ['src/gh.ts', 2, 'provider-token', '@secretlint/secretlint-rule-github'],
      ['src/notify.ts', 1, 'provider-token', '@secretlint/secretlint-rule-slack'],
    ]);
    assert.ok(!JSON.stringify(r).includes(GITHUB) && !JSON.stringify(r).includes('AbCdEfGhIjKlMnOpQrStUv12'));
  });

  // A new project's README and package.json name vendor/generator-c7-app-<version>.tgz, a candidate: the build's
  // clean list is what keeps secretlint from loading there (test/checklist/audit-known.test.ts, on disk).
  it('a candidate: every token shape the preset looks for, and a long path with two digits; not plain prose', () => {
    assert.equal(isSecretlintCandidate(`const t = "${GITHUB}";`), true);
    assert.equal(isSecretlintCandidate(SLACK_HOOK), true);
    assert.equal(isSecretlintCandidate('"generator-c7-app": "file:vendor/generator-c7-app-0.1.0.tgz"'), true);
    assert.equal(isSecretlintCandidate('Run npm test, then npx c7-app check before you submit version 1.2.0.'), false);
  });

  it('merges with our findings, one per file:line', async () => {
    const files = goodFiles(readyManifest('tasting-room-full-app'));
    files['src/gh.ts'] = `export const ci = "${GITHUB}";\n`;
    files['config/db.ts'] = `export const url = "postgres://app:${SECRET}@db.internal/app";\n`; // ours and secretlint's
    const scan = await scanProjectForSecretsFully(memoryProject(files, { gitRepo: true }));
    assert.deepEqual(scan.findings.map((f) => `${f.file}:${f.line}:${f.kind}`), ['config/db.ts:1:url-password', 'src/gh.ts:1:provider-token']);
    assert.equal(scan.secretlint.scannedFiles, 2);
  });
});

describe('c7-app check --ci --json: a gate on secrets alone', () => {
  const dirs: string[] = [];
  after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
  const fixture = (change: (m: Manifest & Record<string, unknown>, f: Record<string, string>) => void) => {
    const m = readyManifest('tasting-room-full-app') as Manifest & Record<string, unknown>;
    const files = goodFiles(m);
    change(m, files);
    files['c7-app.json'] = JSON.stringify(m, null, 2);
    const dir = writeTemp(files);
    dirs.push(dir);
    return dir;
  };
  interface Out { valid: boolean; secrets: { ok: boolean; failed: string[]; findings: Array<{ item: string; category: string; file: string; line: number; kind: string; what: string }> }; items?: Array<{ id: string; section: string; findings?: unknown[] }> }
  const run = (dir: string) => {
    const r = runCli(['check', '--ci', '--json', dir]);
    return { r, out: JSON.parse(r.stdout) as Out };
  };

  it('clean: secrets.ok, no findings', () => {
    const { r, out } = run(fixture(() => {}));
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(out.secrets.failed, []);
    assert.deepEqual(out.secrets.findings, []);
    assert.equal(out.secrets.ok, true);
    assert.deepEqual(out.items!.find((i) => i.id === 'secrets.tracked-files')!.findings, []);
  });

  it('each finding has its item id, category, file, line and kind, never the value', () => {
    const { r, out } = run(fixture((_m, f) => {
      f['scripts/orders.sh'] = `#!/bin/sh\ncurl -u cellar:${SECRET} https://api.commerce7.com/v1/order\n`;
      f['src/gh.ts'] = `export const ci = "${GITHUB}";\n`;
    }));
    assert.equal(r.status, 1);
    assert.equal(out.secrets.ok, false);
    assert.deepEqual(out.secrets.failed, ['secrets.tracked-files']);
    assert.deepEqual(out.secrets.findings.map((f) => [f.item, f.category, f.file, f.line, f.kind]), [
      ['secrets.tracked-files', 'secrets', 'scripts/orders.sh', 2, 'cli-credentials'],
      ['secrets.tracked-files', 'secrets', 'src/gh.ts', 1, 'provider-token'],
    ]);
    assert.ok(!r.stdout.includes(SECRET) && !r.stdout.includes(GITHUB));
  });

  it('11. a secret under an x- key of c7-app.json: the manifest is invalid, and the finding is still in secrets', () => {
    const { r, out } = run(fixture((m) => { m['x-deploy'] = { key: SECRET }; }));
    assert.equal(r.status, 1);
    assert.equal(out.valid, false);
    const f = out.secrets.findings.find((x) => x.kind === 'manifest');
    assert.ok(f, JSON.stringify(out.secrets));
    assert.deepEqual([f.item, f.category, f.file], ['secrets.tracked-files', 'secrets', 'c7-app.json']);
    assert.ok(f.line > 1);
    assert.match(f.what, /\/x-deploy\/key/);
    assert.ok(!r.stdout.includes(SECRET));
    const plain = runCli(['check', '--ci', dirs.at(-1)!]);
    assert.match(plain.stdout, /c7-app\.json:\d+:\d+ {2}\/x-deploy\/key {2}error: "key" looks like a secret/);
    assert.ok(!plain.stdout.includes(SECRET));
  });
});

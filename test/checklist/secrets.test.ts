// The secret scanner: what it flags, what it leaves alone, and that it never repeats a value.
import assert from 'node:assert/strict';
import { isSecretName, memoryProject, scanProjectForSecrets, scanTextForSecrets } from '../../generators/lib/checklist/index.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLE_MANIFESTS, ROOT } from '../support/paths.js';

const basic = (pair: string) => Buffer.from(pair).toString('base64');

describe('secret scanner', () => {
  const flagged: Array<[string, string, string, RegExp]> = [
    ['an env assignment', 'deploy/app.env', 'C7_APP_SECRET=9f8e7d6c5b4a3928', /C7_APP_SECRET=<hidden>/],
    ['an exported env assignment, quoted', 'deploy.sh', 'export C7_BASIC_AUTH_PASSWORD="Xk29-qpLm-77Zt"', /C7_BASIC_AUTH_PASSWORD=<hidden>/],
    ['an env assignment in a README', 'README.md', 'C7_APP_SECRET=9f8e7d6c5b4a3928', /C7_APP_SECRET=<hidden>/],
    ['a password in code', 'src/db.ts', 'const db = connect({ user: "app", password: "hunter22" });', /password: "<hidden>"/],
    ['a secret in code', 'src/c7.ts', "const appSecret = 'q8X2mZ7rT1vB9nL4';", /appSecret: "<hidden>"/],
    ['a secret in JSON', 'config/prod.json', '  "clientSecret": "q8X2mZ7rT1vB9nL4",', /clientSecret: "<hidden>"/],
    ['a token in YAML', '.github/workflows/ci.yml', '  api_token: ghp8c3e1b0d9a7f6e5d4c3b2a1', /api_token: <hidden>/],
    ['a word as a password in a config file', 'config/app.yml', '  db_password: "letmein"', /db_password: <hidden>/],
    ['a Basic credential literal', 'src/client.ts', `headers: { Authorization: 'Basic ${basic('cellar-ledger-sync:q8X2mZ7rT1vB9nL4')}' }`, /Authorization: Basic <hidden>/],
    ['a Bearer token literal', 'scripts/call.sh', 'curl -H "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.abc123def456"', /Bearer <hidden>/],
    ['a private key', 'keys/server.pem', '-----BEGIN RSA PRIVATE KEY-----', /private key/],
  ];
  for (const [name, file, line, what] of flagged) {
    it(`flags ${name}`, () => {
      const found = scanTextForSecrets(file, `// first line\n${line}\n`);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0]!.file, file);
      assert.equal(found[0]!.line, 2);
      assert.match(found[0]!.what, what);
    });
  }

  const ignored: Array<[string, string, string]> = [
    ['empty values in .env.example', '.env.example', 'C7_APP_SECRET=\nC7_BASIC_AUTH_PASSWORD=\n'],
    ['placeholders in .env.example', '.env.example', 'C7_APP_SECRET=<your App Secret Key>\nC7_BASIC_AUTH_PASSWORD=changeme\nAPI_TOKEN=xxxxxxxx\nSECRET_KEY=${SECRET_KEY}\n'],
    ['values read from the environment', 'src/config.ts', 'const C7_APP_SECRET = process.env.C7_APP_SECRET;\nexport const appSecret = process.env.C7_APP_SECRET ?? "";\nconst password = env("PASSWORD");'],
    ['test fixtures that say so', 'test/auth.test.ts', "const env = { C7_APP_SECRET: 'test-app-secret', C7_BASIC_AUTH_PASSWORD: 'fake-password' };"],
    ['names of environment variables', 'src/env.ts', "export const secretName = 'C7_APP_SECRET';\nconst appSecret = 'C7_APP_SECRET';"],
    ['types and form fields', 'src/form.tsx', 'password?: string;\n<input type="password" name="password" />\nconst tokenUrl = "https://api.example.co/token";'],
    ['messages', 'src/errors.ts', "throw new Error('password: must not be empty');\nconst m = { token: 'missing or expired' };"],
    ['a Basic header built at run time', 'src/client.ts', "Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`"],
    ['random base64 that is not an id:secret pair', 'src/data.ts', `const img = "Basic ${Buffer.from([0, 255, 13, 200, 7, 1, 2, 3, 4]).toString('base64')}";`],
    ['a comparison', 'src/auth.ts', "if (password === 'hunter22') deny();"],
    ['words and identifiers in code', 'src/platform.ts', 'export const EXTENSION_QUERY = {"tenant":"tenantId","staffToken":"account","storefrontToken":"appToken"};\nconst tokenType = { accessToken: \'Bearer\' };'],
  ];
  for (const [name, file, text] of ignored) {
    it(`leaves alone ${name}`, () => {
      assert.deepEqual(scanTextForSecrets(file, text), []);
    });
  }

  it('names that end like a secret', () => {
    for (const n of ['C7_APP_SECRET', 'basicAuthPassword', 'api-key', 'SECRET_KEY', 'accessToken', 'private_key']) assert.ok(isSecretName(n), n);
    for (const n of ['tokenUrl', 'passwordField', 'secretName', 'credentials', 'keyboard']) assert.ok(!isSecretName(n), n);
  });

  it('scans the files git would track, never binaries, lock files, dependencies or ignored files, and never repeats a value', () => {
    const value = 'q8X2mZ7rT1vB9nL4';
    const p = memoryProject({
      '.gitignore': '.env\n',
      '.env': `C7_APP_SECRET=${value}\n`,
      'listing/logo.png': `appSecret = "${value}"`,
      'package-lock.json': `{ "token": "${value}" }`,
      'node_modules/dep/index.js': `const appSecret = "${value}";\n`,
      'src/a.ts': `const appSecret = "${value}";\n`,
    });
    const found = scanProjectForSecrets(p);
    assert.deepEqual(found.map((f) => `${f.file}:${f.line}`), ['src/a.ts:1']);
    assert.ok(!JSON.stringify(found).includes(value));
  });
});

describe('secret scanner: the build\u2019s known-clean files (dist)', () => {
  const lib = (p: string) => import(path.join(ROOT, 'dist/generators/lib', p));
  it('skips a generated file only as the build rendered it: an edit (one secret line) is scanned and found', async () => {
    const { buildContext } = await lib('render/context.js');
    const { filePlan, renderPlannedFile } = await lib('render/files.js');
    const { generatorDependency, PACKAGE_NAME, PACKAGE_VERSION } = await lib('package-info.js');
    const { isKnownClean } = await lib('checklist/secrets-clean.js');
    const dist = await lib('checklist/index.js');
    const manifest = JSON.parse(readFileSync(EXAMPLE_MANIFESTS[2]!, 'utf8'));
    const ctx = buildContext(manifest, { teach: true, generator: { name: PACKAGE_NAME, version: PACKAGE_VERSION, dependency: generatorDependency() } });
    const file = filePlan(ctx).find((f: { path: string }) => f.path === 'src/config.ts');
    const text = renderPlannedFile(file, ctx) as string;
    assert.ok(isKnownClean('src/config.ts', text), 'the build recorded the generated src/config.ts');
    assert.ok(!isKnownClean('src/other.ts', text), 'keyed by the path too');
    assert.deepEqual(dist.scanProjectForSecrets(dist.memoryProject({ 'src/config.ts': text })), []);
    const edited = `${text}const appSecret = 'q8X2mZ7rT1vB9nL4';\n`;
    assert.ok(!isKnownClean('src/config.ts', edited));
    const found = dist.scanProjectForSecrets(dist.memoryProject({ 'src/config.ts': edited }));
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0].what, /appSecret: "<hidden>"/);
  });
});

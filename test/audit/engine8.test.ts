// General mechanisms from heldout5/6/7's misses (issue 12), on snippets of our own.
import assert from 'node:assert/strict';
import { auditSources, type AuditReport } from '../../generators/lib/audit/index.js';
import { isAuditedFile } from '../../generators/lib/audit/files.js';
import { collectSources } from '../../generators/lib/audit/read.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: AuditReport) => [...new Set(r.references.map((x) => `${x.method} ${x.path}`))].sort();

describe('audit engine 8: shell inside other formats', () => {
  it('a justfile: recipes are shell, just variables and {{…}} interpolations expand', async () => {
    assert.ok(isAuditedFile('ops/justfile'));
    assert.ok(isAuditedFile('.justfile'));
    const r = await audit({ 'ops/justfile': [
      `set dotenv-load`,
      `base := env_var_or_default("C7_BASE", "https://api.commerce7.com/v1")`,
      `http := 'curl -s -H "tenant: ' + env('C7_TENANT') + '"'`,
      ``,
      `# pull the vendors`,
      `vendors:`,
      `  @{{http}} {{base}}/vendor > v.json`,
      ``,
      `drop code:`,
      `  {{http}} -X DELETE "{{base}}/coupon/{{code}}"`,
      ``,
      `push:`,
      `  #!/usr/bin/env bash`,
      `  {{http}} -X PUT --data @t.json "{{base}}/tag/\$TAG_ID"`,
      `local:`,
      `  curl -s http://127.0.0.1:3000/coupon`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /vendor', 'PUT /tag/{id}']);
    assert.equal(r.references.find((x) => x.path === '/vendor')?.line, 7);
  });
});

describe('audit engine 8: a request built by one call, sent by a verb later in the chain', () => {
  it('the verb step after a request-making call gives its method (Flurl-style client.Request(…).PutJsonAsync)', async () => {
    const r = await audit({ 'Sync.cs': [
      `using Flurl.Http;`,
      `public class Sync {`,
      `  private readonly IFlurlClient api = new FlurlClient("https://api.commerce7.com/v1");`,
      `  public Task Rename(string id, string t) => api.Request("vendor", id).WithHeader("x-note", "1").PatchJsonAsync(new { title = t });`,
      `  public Task Drop(string id) => api.Request("tag", id).DeleteAsync();`,
      `  public Task<string> List() => api.Request("collection").GetStringAsync();`,
      `}`,
    ].join('\n') });
    // The method per resource (how the segments join is another matter).
    assert.deepEqual([...new Set(r.references.map((x) => `${x.method} ${x.path.split('/')[1]}`))].sort(), ['DELETE tag', 'GET collection', 'PATCH vendor']);
  });
});

describe('audit engine 8: a YAML config naming the Commerce7 base', () => {
  it('a services/config YAML whose base key holds Commerce7 makes an injected client\'s relative paths count', async () => {
    const code = [
      `<?php`,
      `class Pusher {`,
      `  public function __construct(private \\GuzzleHttp\\ClientInterface $http) {}`,
      `  public function go(string $id): void {`,
      `    $this->http->request('PATCH', 'customer/' . $id, ['json' => ['flag' => 1]]);`,
      `    $this->http->get('club');`,
      `  }`,
      `}`,
    ].join('\n');
    const yml = [`services:`, `  app.c7:`, `    arguments:`, `      - base_uri: 'https://api.commerce7.com/v1/'`, `        timeout: 10`].join('\n');
    const withYaml = await audit({ 'src/Pusher.php': code, 'app.services.yml': yml });
    assert.deepEqual(calls(withYaml), ['GET /club', 'PATCH /customer/{id}']);
    // Without it nothing says where the client points: the relative paths are not Commerce7's.
    const without = await audit({ 'src/Pusher.php': code, 'app.services.yml': yml.replace('api.commerce7.com', 'api.example.org') });
    assert.deepEqual(calls(without), []);
  });

  it('a YAML file naming the Commerce7 base is collected from the tree (other YAML is not)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7-audit8-'));
    try {
      writeFileSync(path.join(dir, 'settings.yaml'), `c7:\n  api_url: "https://api.commerce7.com/v1"\n`);
      writeFileSync(path.join(dir, 'other.yml'), `name: x\nurl: https://example.org\n`);
      const got = collectSources([dir], { shown: (f) => path.relative(dir, f) });
      assert.deepEqual(got.sources.map((s) => s.file), ['settings.yaml']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('audit engine 8: an HTTP library bound to a name of the project\'s choosing', () => {
  it('const h = require(\'phin\'|\'node-fetch\'): h(…) is that library\'s call', async () => {
    const r = await audit({ 'sync.js': [
      `const h = require('phin');`,
      `const f = require('node-fetch');`,
      `const BASE = 'https://api.commerce7.com/v1';`,
      `async function go(id) {`,
      `  await h({ url: BASE + '/vendor/' + id, method: 'DELETE', parse: 'json' });`,
      `  await f(BASE + '/tag', { method: 'POST', body: '{}' });`,
      `}`,
      `module.exports = { go };`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}', 'POST /tag']);
  });
});

describe('audit engine 8: a table required from another module', () => {
  it('const T = require(\'./table\'): T[name] reads the entries of that file\'s module.exports', async () => {
    const r = await audit({
      'src/endpoints.js': `// [verb, path] per operation\nmodule.exports = {\n  listTags: ['GET', '/tag'],\n  dropVendor: ['DELETE', '/vendor/:id'],\n  unused: ['POST', '/coupon'],\n};`,
      'src/c7.js': [
        `const T = require('./endpoints');`,
        `const ROOT = 'https://api.commerce7.com/v1';`,
        `async function op(name, id) {`,
        `  const [verb, tpl] = T[name];`,
        `  return fetch(ROOT + tpl.replace(':id', id), { method: verb });`,
        `}`,
        `module.exports = { op };`,
      ].join('\n'),
      'main.js': `const { op } = require('./src/c7');\nop('listTags');\nop('dropVendor', process.argv[2]);`,
    });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}', 'GET /tag']);
  });
});

describe('audit engine 8: bash associative arrays', () => {
  it('declare -A T=([k]=v …): ${T[k]} is that entry, ${T[$v]} each entry the key may take', async () => {
    const r = await audit({ 'bin/sync.sh': [
      `#!/usr/bin/env bash`,
      `BASE=https://api.commerce7.com/v1`,
      `declare -A RES=(`,
      `  [tags]="tag"`,
      `  [vend]=vendor`,
      `)`,
      `curl -s "$BASE/\${RES[tags]}" > tags.json`,
      `curl -s -X DELETE "$BASE/\${RES[vend]}/$1"`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}', 'GET /tag']);
  });
});

describe('audit engine 8: a client\'s paginate steps', () => {
  it('client.paginate(url) / .paginate.all(url) / .paginate.each(url) are GETs of that path on the client\'s base', async () => {
    const r = await audit({ 'lib/shop.mjs': [
      `import got from 'got';`,
      `const api = got.extend({ prefixUrl: 'https://api.commerce7.com/v1/' });`,
      `export const everyTag = () => api.paginate.all('tag', { pagination: { paginate: () => false } });`,
      `export async function* vendors() { for await (const v of api.paginate('vendor')) yield v; }`,
    ].join('\n'), 'lib/erp.mjs': [
      `import got from 'got';`,
      `const other = got.extend({ prefixUrl: 'https://erp.example.org/' });`,
      `export const erp = () => other.paginate.all('coupon');`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /tag', 'GET /vendor']);
  });
});

describe('audit engine 8: Deno conventions', () => {
  it('x_test.ts / x_test.js are tests (Deno\'s naming), not audited unless asked', () => {
    assert.ok(!isAuditedFile('src/main_test.ts'));
    assert.ok(!isAuditedFile('lib/c7_test.js'));
    assert.ok(isAuditedFile('src/main_test.ts', { includeTests: true }));
    assert.ok(isAuditedFile('src/latest.ts'));
  });

  it('new Request(url, { ...init }) in a helper: the method is the caller\'s init.method', async () => {
    const r = await audit({
      'api.ts': [
        `const ROOT = new URL("https://api.commerce7.com/v1/");`,
        `export async function api(p: string, init: RequestInit = {}) {`,
        `  const rq = new Request(new URL(p, ROOT), { ...init, headers: { tenant: "t" } });`,
        `  return (await fetch(rq)).json();`,
        `}`,
      ].join('\n'),
      'job.ts': `import { api } from "./api.ts";\nexport async function job(id: string) {\n  await api("coupon");\n  await api(\`coupon/\${id}\`, { method: "DELETE" });\n}`,
    });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /coupon']);
  });
});

describe('audit engine 8: a client given its base by a statement', () => {
  it('cli := lib.New(); cli.URL(base) / cli.SetBaseURL(base): the client is on that base', async () => {
    const r = await audit({ 'main.go': [
      `package main`,
      `import "gopkg.in/h2non/gentleman.v2"`,
      `func main() {`,
      `\tcli := gentleman.New()`,
      `\tcli.URL("https://api.commerce7.com")`,
      `\tcli.Request().Method("DELETE").AddPath("/v1/tag/:id").Param("id", "x").Send()`,
      `\tother := gentleman.New()`,
      `\tother.URL("https://erp.example.org")`,
      `\tother.Request().Method("POST").AddPath("/v1/coupon").Send()`,
      `}`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}']);
  });
});

describe('audit engine 8: HTTPie data items holding a variable', () => {
  it('http URL key="$v" (a data field whose value is a variable) is a POST, key=="$v" a GET query', async () => {
    const r = await audit({ 'tag.sh': [
      `#!/bin/bash`,
      `B=https://api.commerce7.com/v1`,
      `http -a "$AUTH" "$B/vendor" "tenant:$T" title="$1" >/dev/null`,
      `http -a "$AUTH" "$B/coupon" q=="$2"`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /coupon', 'POST /vendor']);
  });
});

// General mechanisms from heldout5/heldout6's misses (issue 12), on snippets of our own: shell held by other formats
// (Makefiles, CI workflows), commands run by another command (xargs, env, timeout), and the rest below.
import assert from 'node:assert/strict';
import { auditSources, type AuditReport } from '../../generators/lib/audit/index.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isAuditedFile } from '../../generators/lib/audit/files.js';
import { collectSources } from '../../generators/lib/audit/read.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: AuditReport) => [...new Set(r.references.map((x) => `${x.method} ${x.path}`))].sort();

describe('audit engine: shell inside other formats', () => {
  it('a Makefile: recipes are shell, Make variables expand (a command variable in place, a URL variable kept)', async () => {
    const r = await audit({ 'tools/Makefile': [
      `API := https://api.commerce7.com/v1`,
      `HTTP = curl -s -H "tenant: $(TENANT)"`,
      `sync: ## pull vendors`,
      `\t@$(HTTP) "$(API)/vendor" > vendors.json`,
      `drop:`,
      `\t-$(HTTP) -X DELETE "$(API)/coupon/$(CODE)"`,
      `local:`,
      `\tcurl -s http://127.0.0.1:3000/coupon`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /vendor']);
    assert.equal(r.references.find((x) => x.path === '/vendor')?.line, 4);
  });

  it('a GitHub Actions workflow: env entries are variables, run blocks are shell, ${{ secrets.X }} is $X', async () => {
    const r = await audit({ '.github/workflows/nightly.yml': [
      `on: { schedule: [{ cron: "0 3 * * *" }] }`,
      `env:`,
      `  BASE: https://api.commerce7.com/v1`,
      `jobs:`,
      `  go:`,
      `    runs-on: ubuntu-latest`,
      `    steps:`,
      `      - run: curl -fsS "$BASE/tag" -o tags.json`,
      `      - name: make one`,
      `        run: |`,
      `          curl -fsS -d '{"title":"x"}' \\`,
      `            -u "\${{ secrets.ID }}:\${{ secrets.KEY }}" "\${{ env.BASE }}/vendor"`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /tag', 'POST /vendor']);
  });

  it('Makefiles and workflow files are audited; a YAML elsewhere and the .c7-app backups are not', () => {
    assert.ok(isAuditedFile('Makefile'));
    assert.ok(isAuditedFile('ops/deploy.mk'));
    assert.ok(isAuditedFile('.github/workflows/ci.yaml'));
    assert.ok(!isAuditedFile('config/settings.yml'));
    assert.ok(!isAuditedFile('.c7-app/backup-1/src/client.ts'));
  });
});

describe('audit engine: a command run by another command', () => {
  it('xargs -I{}, env, timeout: the inner curl/wget is the call, {} an id', async () => {
    const r = await audit({ 'run.sh': [
      `C7=https://api.commerce7.com/v1`,
      `cut -f1 ids.txt | xargs -n1 -I{} curl -s -X PUT "$C7/club-membership/{}"`,
      `env LC_ALL=C curl -s "$C7/department"`,
      `timeout 20 wget -q -O - "$C7/vendor"`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /department', 'GET /vendor', 'PUT /club-membership/{id}']);
  });
});

describe('audit engine: which files are read', () => {
  it('a minified bundle with no source beside it is read; one next to its source is not; workflows by their folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7-audit7-'));
    try {
      const put = (f: string, t: string) => { mkdirSync(path.dirname(path.join(dir, f)), { recursive: true }); writeFileSync(path.join(dir, f), t); };
      put('deploy/worker.min.js', 'fetch("https://api.commerce7.com/v1/tag")');
      put('web/app.js', 'fetch("https://api.commerce7.com/v1/tag")');
      put('web/app.min.js', 'fetch("https://api.commerce7.com/v1/tag")');
      put('.github/workflows/sync.yml', 'jobs: {}');
      put('.c7-app/backup/x.js', 'fetch("https://api.commerce7.com/v1/tag")');
      const c = collectSources([dir], { shown: (abs) => path.relative(dir, abs).split(path.sep).join('/') });
      assert.deepEqual(c.sources.map((s) => s.file).sort(), ['.github/workflows/sync.yml', 'deploy/worker.min.js', 'web/app.js']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('audit engine: request builders of unknown libraries', () => {
  it('a body step given its body (.json({…}), .body(x)) keeps the URL built; the verb after it is the request', async () => {
    const r = await audit({ 'svc.mjs': [
      `import make from 'tiny-http';`,
      `const c7 = (t) => make('https://api.commerce7.com/v1').headers({ tenant: t });`,
      `export async function touch(t, id) {`,
      `  const v = await c7(t).url(\`/vendor/\${id}\`).get().json();`,
      `  await c7(t).url(\`/vendor/\${id}\`).json({ ...v, seen: true }).patch().json();`,
      `  await c7(t).url('/department').body(JSON.stringify({ title: 'x' })).post().text();`,
      `}`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /vendor/{id}', 'PATCH /vendor/{id}', 'POST /department']);
  });
});

describe('audit engine: clients returned by project functions', () => {
  it('a callable client kept by a getter function (let cached; getApi() returns it) is called with path and method', async () => {
    const r = await audit({
      'lib/api.ts': [
        `import { ofetch } from 'ofetch';`,
        `const ROOT = 'https://api.commerce7.com/v1';`,
        `let cached: ReturnType<typeof ofetch.create> | null = null;`,
        `export function getApi() {`,
        `  if (!cached) cached = ofetch.create({ baseURL: ROOT, retry: 2 });`,
        `  return cached;`,
        `}`,
      ].join('\n'),
      'jobs/sweep.ts': [
        `import { getApi } from '../lib/api';`,
        `export async function sweep(id: string) {`,
        `  const call = getApi();`,
        `  await call('/vendor', { query: { q: 'x' } });`,
        `  await call(\`/coupon/\${id}\`, { method: 'DELETE' });`,
        `}`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /vendor']);
  });
});

describe('audit engine: delegation to a same-named function', () => {
  it('TypeScript: a handler method removeVendor(id) calling the injected client\'s removeVendor(id) is not its own caller', async () => {
    const r = await audit({
      'src/tags.client.ts': [
        `import axios from 'axios';`,
        `export class TagsClient {`,
        `  private http = axios.create({ baseURL: 'https://api.commerce7.com/v1' });`,
        `  removeVendor(id: string) { return this.http.delete(\`/vendor/\${id}\`); }`,
        `}`,
      ].join('\n'),
      'src/tags.handler.ts': [
        `import { TagsClient } from './tags.client';`,
        `export class TagsHandler {`,
        `  constructor(private readonly tags: TagsClient) {}`,
        `  // the admin screen's 'remove' button (its '/vendor' page)`,
        `  removeVendor(id: string) { return this.tags.removeVendor(id); }`,
        `}`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}']);
    assert.ok(r.references.some((x) => x.file === 'src/tags.handler.ts'));
  });
});

describe('audit engine: options and URLs made by helpers', () => {
  it('PHP: the options array comes from the object\'s own method ($this->opts(\'DELETE\')), its method a parameter', async () => {
    const r = await audit({ 'src/Sync.php': [
      `<?php`,
      `class Sync {`,
      `  const ROOT = 'https://api.commerce7.com/v1';`,
      `  private function opts(string $verb): array { $o = ['method' => $verb, 'timeout' => 9]; return $o; }`,
      `  public function drop(string $id): void { wp_remote_request(self::ROOT . '/vendor/' . $id, $this->opts('DELETE')); }`,
      `}`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}']);
  });

  it('a URL helper of any library given a Commerce7 URL and a query gives that URL', async () => {
    const r = await audit({ 'q.js': [
      `import { withQuery } from 'ufo';`,
      `const C7 = 'https://api.commerce7.com/v1';`,
      `export const find = (q) => fetch(withQuery(C7 + '/department', { q }), { headers: {} });`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /department']);
  });
});

describe('audit engine: clients configured by steps and settings', () => {
  it('PHP: a base step (->baseUrl($x)) given a setting read by a key naming Commerce7; send($verb, $path) on it', async () => {
    const r = await audit({ 'src/Api.php': [
      `<?php`,
      `class Api {`,
      `  private function http() { $s = settings('integrations.commerce7'); return Client::make()->baseUrl($s['endpoint'])->timeout(5); }`,
      `  private function call(string $verb, string $path) { return $this->http()->send($verb, $path); }`,
      `  public function drop(string $id) { return $this->call('DELETE', "vendor/{$id}"); }`,
      `  public function list() { return $this->call('GET', 'department'); }`,
      `}`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}', 'GET /department']);
  });

  it('Go-like fluent: SetBaseURL(cfg) from a config read naming commerce7, then a verb with a path', async () => {
    const r = await audit({ 'sync.js': [
      `import lib from 'resty-ish';`,
      `const c = lib.client().setBaseUrl(config.get('commerce7.apiUrl'));`,
      `export const tags = () => c.get('/tag/product');`,
      `export const put = (id) => c.put(\`/vendor/\${id}\`, {});`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /tag/product', 'PUT /vendor/{id}']);
  });
});

describe('audit engine: a server framework\u2019s route decorators are the app\u2019s own routes', () => {
  it('NestJS/routing-controllers @Get/@Delete on a controller method are not calls; the method\u2019s own call counts', async () => {
    const r = await audit({ 'src/vendors.controller.ts': [
      `import { Controller, Delete, Get, Param } from '@nestjs/common';`,
      `const C7 = 'https://api.commerce7.com/v1';`,
      `@Controller('vendors')`,
      `export class VendorsController {`,
      `  constructor(private readonly http: HttpService) {}`,
      `  @Get('/vendor/:id')`,
      `  show(@Param('id') id: string) { return this.http.get(\`\${C7}/vendor/\${id}\`); }`,
      `  @Delete('/vendor/:id')`,
      `  remove(@Param('id') id: string) { return { removed: id }; }`,
      `}`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /vendor/{id}']);
    assert.deepEqual(r.permissions.map((p) => `${p.permission}:${p.access}`), ['Vendor:read']);
  });
});

// General mechanisms from heldout9's JavaScript, TypeScript and PHP misses (issue 12), on snippets of our own.
import assert from 'node:assert/strict';
import { auditSources, type AuditReport } from '../../generators/lib/audit/index.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: AuditReport) => [...new Set(r.references.map((x) => `${x.method} ${x.path}`))].sort();
const perms = (r: AuditReport) => r.permissions.map((p) => `${p.permission}:${p.access}`).sort();

describe('audit engine 11js: PHP Requests (rmccue/requests)', () => {
  it('Requests::request($url, $headers, $data, $type): the fourth argument is the method, through a helper too', async () => {
    const r = await audit({ 'src/Club.php': [
      `<?php`,
      `use WpOrg\\Requests\\Requests;`,
      `class Club {`,
      `  const API = 'https://api.commerce7.com/v1';`,
      `  private function call(string $kind, string $path, array $body = []) {`,
      `    return Requests::request(self::API . $path, ['tenant' => 't'], $body ? json_encode($body) : [], $kind, ['timeout' => 5]);`,
      `  }`,
      `  public function rename($id) { return $this->call(Requests::PUT, "/club/{$id}", ['title' => 'x']); }`,
      `  public function all() { return $this->call(Requests::GET, '/club'); }`,
      `}`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /club', 'PUT /club/{id}']);
  });

  it('a direct Requests::request with a literal or constant method, and the library default GET without one', async () => {
    const r = await audit({ 'sync.php': [
      `<?php`,
      `$base = 'https://api.commerce7.com/v1';`,
      `\\Requests::request($base . '/tag/' . $id, [], [], \\Requests::DELETE);`,
      `Requests::request($base . '/vendor', $headers, json_encode($v), 'POST', ['auth' => $auth]);`,
      `Requests::request($base . '/coupon', $headers);`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'GET /coupon', 'POST /vendor']);
  });
});

describe('audit engine 11js: a fetch wrapper made with its options (up-fetch and the like)', () => {
  it('up(fetch, () => ({ baseUrl })) called with a path and { method }: the request on that base', async () => {
    const r = await audit({
      'src/settings.ts': `export const settings = { api: process.env.C7_API_URL ?? 'https://api.commerce7.com/v1' };\n`,
      'src/client.ts': [
        `import { up } from 'up-fetch';`,
        `import { settings } from './settings.js';`,
        `export const api = up(fetch, () => ({ baseUrl: settings.api, headers: { tenant: 'x' } }));`,
      ].join('\n'),
      'src/job.ts': [
        `import { api } from './client.js';`,
        `const tags = await api('/tag', { params: { q: 'x' } });`,
        `for (const t of tags) await api(\`/tag/\${t.id}\`, { method: 'DELETE' });`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'GET /tag']);
  });

  it('options given as an object, and a wrapper on another host is not Commerce7', async () => {
    const r = await audit({ 'c7.js': [
      `const BASE = 'https://api.commerce7.com/v1';`,
      `const c7 = createFetch(globalThis.fetch, { baseUrl: BASE });`,
      `const erp = createFetch(fetch, { baseUrl: 'https://erp.example.org/api' });`,
      `await c7('/vendor', { method: 'POST', body: {} });`,
      `await erp('/customer', { method: 'PUT' });`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['POST /vendor']);
  });
});

describe('audit engine 11js: options spread over defaults', () => {
  it('client.request({ method: "GET", ...opts }): the caller\'s url, its method when it sets one, else the default', async () => {
    const r = await audit({
      'cfg.js': `export default { base: process.env.C7_API_BASE || 'https://api.commerce7.com/v1' };\n`,
      'api.js': [
        `import { Gaxios } from 'gaxios';`,
        `import cfg from './cfg.js';`,
        `const client = new Gaxios({ baseURL: cfg.base });`,
        `export const send = (opts) => client.request({ method: 'GET', ...opts }).then((r) => r.data);`,
        `const NEW_TAG = { method: 'POST', url: '/tag' };`,
        `export async function run(id) {`,
        `  await send({ url: '/vendor', params: { q: 1 } });`,
        `  await send({ url: \`/vendor/\${id}\`, method: 'PATCH' });`,
        `  await send({ ...NEW_TAG, data: { title: 't' } });`,
        `}`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /vendor', 'PATCH /vendor/{id}', 'POST /tag']);
  });

  it('a key after the spread wins over the caller\'s (axios instance, { ...opts, method: "DELETE" })', async () => {
    const r = await audit({ 'c7.js': [
      `import axios from 'axios';`,
      `const http = axios.create({ baseURL: 'https://api.commerce7.com/v1' });`,
      `const drop = (opts) => http.request({ ...opts, method: 'DELETE' });`,
      `const read = (opts) => http.request({ method: 'GET', ...opts });`,
      `drop({ url: '/coupon/1', method: 'GET' });`,
      `read({ url: '/club' });`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /club']);
  });
});

describe('audit engine 11js: options spread over defaults, other shapes', () => {
  it('an axios instance called with { method, ...opts }, and fetch(BASE + opts.path, { method: "GET", ...opts })', async () => {
    const r = await audit({
      'a.js': [
        `import axios from 'axios';`,
        `const api = axios.create({ baseURL: 'https://api.commerce7.com/v1' });`,
        `const call = (opts) => api({ method: 'get', ...opts });`,
        `export const one = () => call({ url: '/club' });`,
        `export const two = (id) => call({ url: \`/order/\${id}\`, method: 'put' });`,
      ].join('\n'),
      'b.js': [
        `const BASE = 'https://api.commerce7.com/v1';`,
        `const LIST = { path: '/vendor' };`,
        `async function c7(opts) {`,
        `  const res = await fetch(BASE + opts.path, { method: 'GET', ...opts, headers: { tenant: 't' } });`,
        `  return res.json();`,
        `}`,
        `export const three = () => c7(LIST);`,
        `export const four = (id) => c7({ path: \`/coupon/\${id}\`, method: 'DELETE' });`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /club', 'GET /vendor', 'PUT /order/{id}']);
  });
});

describe('audit engine 11js: HTTP mocks are not calls', () => {
  it('nock(base).get/put/delete(...) intercepts requests; it makes none', async () => {
    const r = await audit({
      'test/c7.spec.js': [
        `import nock from 'nock';`,
        `nock('https://api.commerce7.com/v1').get('/customer').reply(200, {}).delete('/customer/c1').reply(204);`,
        `const scope = nock('https://api.commerce7.com').persist();`,
        `scope.post('/v1/order').reply(200, {});`,
      ].join('\n'),
      'src/c7.js': `export const list = () => fetch('https://api.commerce7.com/v1/tag');\n`,
    });
    assert.deepEqual(calls(r), ['GET /tag']);
  });
});

describe('audit engine 11js: a JSON config read by its key path', () => {
  it('cfg.erp.baseUrl from a JSON file holding another host is not Commerce7; cfg.c7.baseUrl is', async () => {
    const r = await audit({
      'src/config.json': `{ "c7": { "baseUrl": "https://api.commerce7.com/v1" }, "erp": { "baseUrl": "https://erp.example.org/api" } }`,
      'src/run.ts': [
        `import cfg from './config.json' with { type: 'json' };`,
        `const items = await (await fetch(\`\${cfg.erp.baseUrl}/customer\`)).json();`,
        `await fetch(\`\${cfg.c7.baseUrl}/vendor\`, { method: 'POST', body: '{}' });`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['POST /vendor']);
    assert.deepEqual(r.unknown.map((u) => u.path), []);
  });

  it('the same through require() and a second level of nesting', async () => {
    const r = await audit({
      'settings.json': `{ "services": { "crm": { "url": "https://crm.example.com" }, "commerce7": { "url": "https://api.commerce7.com/v1" } } }`,
      'run.js': [
        `const settings = require('./settings.json');`,
        `fetch(settings.services.crm.url + '/tag/1', { method: 'DELETE' });`,
        `fetch(settings.services.commerce7.url + '/tag/1');`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /tag/{id}']);
  });
});

describe('audit engine 11js: a field a subclass sets, read by a base-class method', () => {
  it('this.root in an abstract base: the subclass of the receiver decides (new, a DI container\'s get)', async () => {
    const r = await audit({
      'src/http.ts': [
        `const BASE = 'https://api.commerce7.com/v1';`,
        `export class Http { send(method: string, path: string) { return fetch(BASE + path, { method }); } }`,
      ].join('\n'),
      'src/res.ts': [
        `import { Http } from './http.js';`,
        `export abstract class Res { protected abstract readonly root: string; constructor(protected http: Http) {}`,
        `  all() { return this.http.send('GET', this.root); }`,
        `  drop(id: string) { return this.http.send('DELETE', \`\${this.root}/\${id}\`); } }`,
        `export class Tags extends Res { protected readonly root = '/tag'; }`,
        `export class Clubs extends Res { protected readonly root = '/club'; }`,
      ].join('\n'),
      'src/main.ts': [
        `import { Tags, Clubs } from './res.js';`,
        `const tags = container.get(Tags);`,
        `const clubs = new Clubs(new Http());`,
        `await tags.drop('1');`,
        `await clubs.all();`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'GET /club']);
  });

  it('PHP: $this->path in a base class; the subclass made with new, or by $container->get(X::class)', async () => {
    const r = await audit({ 'src/Api.php': [
      `<?php`,
      `abstract class Endpoint {`,
      `  protected $path;`,
      `  public function list() { return $this->http('GET', $this->path); }`,
      `  public function remove($id) { return $this->http('DELETE', $this->path . '/' . $id); }`,
      `  private function http($verb, $p) { $ch = curl_init('https://api.commerce7.com/v1' . $p); curl_setopt($ch, CURLOPT_CUSTOMREQUEST, $verb); return curl_exec($ch); }`,
      `}`,
      `class Vendors extends Endpoint { protected $path = '/vendor'; }`,
      `class Coupons extends Endpoint { protected $path = '/coupon'; }`,
      `$v = new Vendors();`,
      `$v->list();`,
      `$c = $container->get(Coupons::class);`,
      `$c->remove(7);`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /vendor']);
  });

  it('a getter or a method each subclass defines (get root(), $this->path()): the receiver\'s class decides', async () => {
    const ts = await audit({ 'src/res.ts': [
      `const BASE = 'https://api.commerce7.com/v1';`,
      `export abstract class Res {`,
      `  protected abstract get root(): string;`,
      `  all() { return fetch(BASE + this.root); }`,
      `  drop(id: string) { return fetch(\`\${BASE}\${this.root}/\${id}\`, { method: 'DELETE' }); }`,
      `}`,
      `export class Notes extends Res { protected get root() { return '/note'; } }`,
      `export class Clubs extends Res { protected get root() { return '/club'; } }`,
      `await new Notes().drop('1');`,
      `const clubs = new Clubs();`,
      `await clubs.all();`,
    ].join('\n') });
    assert.deepEqual(calls(ts), ['DELETE /note/{id}', 'GET /club']);
    const php = await audit({ 'src/Api.php': [
      `<?php`,
      `abstract class Endpoint {`,
      `  abstract protected function path(): string;`,
      `  public function all() { return $this->http('GET', $this->path()); }`,
      `  public function remove($id) { return $this->http('DELETE', $this->path() . '/' . $id); }`,
      `  private function http($verb, $p) { $ch = curl_init('https://api.commerce7.com/v1' . $p); curl_setopt($ch, CURLOPT_CUSTOMREQUEST, $verb); return curl_exec($ch); }`,
      `}`,
      `class Vendors extends Endpoint { protected function path(): string { return '/vendor'; } }`,
      `class Coupons extends Endpoint { protected function path(): string { return '/coupon'; } }`,
      `$v = new Vendors();`,
      `$v->all();`,
      `$c = new Coupons();`,
      `$c->remove(7);`,
    ].join('\n') });
    assert.deepEqual(calls(php), ['DELETE /coupon/{id}', 'GET /vendor']);
  });

  it('PHP late static binding: static::PATH in a base class is the receiver\'s class constant', async () => {
    const r = await audit({ 'src/Res.php': [
      `<?php`,
      `abstract class Res {`,
      `  const BASE = 'https://api.commerce7.com/v1';`,
      `  public function drop($id) { return $this->call('DELETE', static::PATH . '/' . $id); }`,
      `  public function all() { return $this->call('GET', static::PATH); }`,
      `  protected function call($m, $p) { $ch = curl_init(self::BASE . $p); curl_setopt($ch, CURLOPT_CUSTOMREQUEST, $m); return curl_exec($ch); }`,
      `}`,
      `class Vendors extends Res { const PATH = '/vendor'; }`,
      `class Notes extends Res { const PATH = '/note'; }`,
      `(new Vendors())->all();`,
      `$n = new Notes();`,
      `$n->drop(3);`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /note/{id}', 'GET /vendor']);
  });

  it('the field given by the subclass constructor: super(http, "/x") to a base that keeps it, or this.x = "/x"', async () => {
    const r = await audit({ 'src/api.js': [
      `const BASE = 'https://api.commerce7.com/v1';`,
      `class Resource {`,
      `  constructor(token, path) { this.token = token; this.path = path; }`,
      `  find(id) { return fetch(\`\${BASE}\${this.path}/\${id}\`); }`,
      `  remove(id) { return fetch(\`\${BASE}\${this.path}/\${id}\`, { method: 'DELETE' }); }`,
      `}`,
      `class Notes extends Resource { constructor(t) { super(t, '/note'); } }`,
      `class Tags extends Resource { constructor(t) { super(t); this.path = '/tag'; } }`,
      `const notes = new Notes(process.env.TOKEN);`,
      `const tags = new Tags(process.env.TOKEN);`,
      `await notes.remove('1');`,
      `await tags.find('2');`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /note/{id}', 'GET /tag/{id}']);
  });
});

describe('audit engine 11js: a client made on another host', () => {
  it('got.extend / ky.create / axios.create with a non-Commerce7 base: its calls are not Commerce7\'s', async () => {
    const r = await audit({
      'src/c7.js': [
        `import got from 'got';`,
        `export const c7 = got.extend({ prefixUrl: 'https://api.commerce7.com/v1' });`,
      ].join('\n'),
      'src/erp.js': [
        `import got from 'got';`,
        `import ky from 'ky';`,
        `const erpClient = got.extend({ prefixUrl: 'https://erp.example.org/api' });`,
        `const shopApi = ky.create({ prefixUrl: 'https://shop.example.org' });`,
        `export const pull = () => erpClient.get('customer').json();`,
        `export const push = (b) => shopApi.post('order', { json: b });`,
      ].join('\n'),
      'src/main.js': `import { c7 } from './c7.js';\nawait c7.get('tag').json();\n`,
    });
    assert.deepEqual(calls(r), ['GET /tag']);
  });

  it('a base from a setting named for another service is another host; one a project file sets to Commerce7 is not', async () => {
    const r = await audit({
      'src/c7.js': `import got from 'got';\nexport const c7 = got.extend({ prefixUrl: 'https://api.commerce7.com/v1' });\nexport const tags = () => c7.get('tag/customer').json();\n`,
      'src/erp.js': [
        `import got from 'got';`,
        `const api = got.extend({ prefixUrl: process.env.ERP_URL });`,
        `export const pull = () => api.get('customer').json();`,
        `export const drop = (id) => api(\`coupon/\${id}\`, { method: 'DELETE' });`,
      ].join('\n'),
      'svc/.env.example': `STORE_API_URL=https://api.commerce7.com/v1\n`,
      'svc/sync.js': [
        `import axios from 'axios';`,
        `const rest = axios.create({ baseURL: process.env.STORE_API_URL });`,
        `export const put = (id) => rest.put(\`/vendor/\${id}\`, {});`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /tag/customer', 'PUT /vendor/{id}']);
  });
});

describe('audit engine 11js: a helper in any project file the caller imports', () => {
  it('import { send } from "./transport.js", an import renamed (`put as update`, `{ send: push } = require()`): the helper there is applied at the call', async () => {
    const r = await audit({
      'src/transport.js': [
        `const API = process.env.COMMERCE7_API || 'https://api.commerce7.com/v1';`,
        `export async function send(verb, path, body) {`,
        `  const res = await fetch(API + path, { method: verb, body: JSON.stringify(body) });`,
        `  return res.json();`,
        `}`,
      ].join('\n'),
      'src/jobs/run.js': `import { send } from '../transport.js';\nawait send('PUT', '/vendor/' + id, {});\n`,
      'lib/http.ts': `const root = 'https://api.commerce7.com/v1';\nexport const put = (p: string, b: unknown) => fetch(root + p, { method: 'PATCH', body: JSON.stringify(b) });\n`,
      'app/go.ts': `import { put as update } from '../lib/http';\nawait update('/club/1', {});\n`,
      'jobs/push.js': `const { send: push } = require('../src/transport');\npush('DELETE', '/coupon/' + id);\n`,
    });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'PATCH /club/{id}', 'PUT /vendor/{id}']);
  });
});

describe('audit engine 11js: segments joined onto the base URL\'s pathname', () => {
  it('a rest parameter of segments, path.posix.join(url.pathname, ...segments) on new URL(base)', async () => {
    const r = await audit({ 'src/c7.js': [
      `import path from 'node:path';`,
      `export class C7 {`,
      `  #base = 'https://api.commerce7.com/v1';`,
      `  async #go(method, segments) {`,
      `    const url = new URL(this.#base);`,
      `    url.pathname = path.posix.join(url.pathname, ...segments.map(String));`,
      `    return fetch(url, { method });`,
      `  }`,
      `  get(...segments) { return this.#go('GET', segments); }`,
      `  put(segments, body) { return this.#go('PUT', segments, body); }`,
      `}`,
      `const c7 = new C7();`,
      `await c7.get('club', id, 'package');`,
      `await c7.put(['vendor', id], {});`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /club/{id}/package', 'PUT /vendor/{id}']);
  });

  it('a pathname set by a template on the old one; the base a constructor\'s destructured default or the caller\'s', async () => {
    const r = await audit({ 'src/api.js': [
      `export class Api {`,
      `  constructor({ root = 'https://api.commerce7.com/v1', tenant }) { this.root = root; this.tenant = tenant; }`,
      `  async call(method, kind, id) {`,
      `    const u = new URL(this.root);`,
      `    u.pathname = \`\${u.pathname}/\${kind}/\${id}\`;`,
      `    return fetch(u, { method });`,
      `  }`,
      `}`,
      `const api = new Api({ tenant: 't' });`,
      `await api.call('DELETE', 'tag', 5);`,
      `const other = new URL('https://example.org/x');`,
      `other.pathname = \`\${other.pathname}/customer\`;`,
      `await fetch(other);`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}']);
  });
});

describe('audit engine 11js: URLs and XHR', () => {
  it('new URL("/v1/x", base): an absolute path replaces the base\'s path (WHATWG URL), a base from a setting is kept', async () => {
    const r = await audit({ 'c7.js': [
      `const BASE = 'https://api.commerce7.com/v1';`,
      `export const a = (id) => fetch(new URL(\`/v1/note/\${id}\`, BASE), { method: 'DELETE' });`,
      `export const b = () => fetch(new URL('/v1/club', 'https://api.commerce7.com/'));`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /note/{id}', 'GET /club']);
  });

  it('x.open(method, url) on a name made as new XMLHttpRequest(), whatever its name', async () => {
    const r = await audit({ 'c7.js': [
      `const BASE = 'https://api.commerce7.com/v1';`,
      `export function drop(id) { const x = new XMLHttpRequest(); x.open('DELETE', BASE + '/product/' + id); x.send(); }`,
      `export function put(id, b) { const client = new XMLHttpRequest(); client.open('PUT', \`\${BASE}/vendor/\${id}\`); client.send(b); }`,
      `export function notHttp(win) { win.open('/customer', '_blank'); }`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /product/{id}', 'PUT /vendor/{id}']);
  });
});

describe('audit engine 11js: PHP match', () => {
  it('a method chosen by match ($op) { … }: in a function the request calls, or inline; the default arm for other keys', async () => {
    const r = await audit({ 'src/C7.php': [
      `<?php`,
      `final class C7 {`,
      `  private $client;`,
      `  public function __construct() { $this->client = new \\GuzzleHttp\\Client(['base_uri' => 'https://api.commerce7.com/v1/']); }`,
      `  private function verb(string $op): string { return match ($op) { 'create' => 'POST', 'update', 'edit' => 'PUT', default => 'GET' }; }`,
      `  public function run(string $op, string $id) { return $this->client->request($this->verb($op), "customer/{$id}"); }`,
      `  public function tag(string $op) {`,
      `    $ch = curl_init('https://api.commerce7.com/v1/tag/customer');`,
      `    curl_setopt($ch, CURLOPT_CUSTOMREQUEST, match ($op) { 'add' => 'POST', default => 'GET' });`,
      `    return curl_exec($ch);`,
      `  }`,
      `}`,
      `$c = new C7();`,
      `$c->run('edit', '12');`,
      `$c->tag('list');`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /tag/customer', 'PUT /customer/{id}']);
  });
});

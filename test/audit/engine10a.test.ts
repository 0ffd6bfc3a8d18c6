// General mechanisms from heldout8's JavaScript, TypeScript, PHP and Python misses (issue 12), on snippets of our own.
import assert from 'node:assert/strict';
import { auditSources, type AuditReport } from '../../generators/lib/audit/index.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: AuditReport) => [...new Set(r.references.map((x) => `${x.method} ${x.path}`))].sort();

describe('audit engine 10a: options objects handed on', () => {
  it('a destructured options parameter with a rest element (`{ json, ...init } = {}`) spread into fetch: the caller\'s method', async () => {
    const r = await audit({
      'c7.ts': [
        `type Init = Omit<RequestInit, 'body'> & { json?: unknown };`,
        `export function client(env: { C7_API: string }) {`,
        `  return async function send(path: string, { json, ...init }: Init = {}) {`,
        `    const res = await fetch(\`\${env.C7_API}\${path}\`, { ...init, body: json === undefined ? undefined : JSON.stringify(json) });`,
        `    return res.json();`,
        `  };`,
        `}`,
      ].join('\n'),
      'job.ts': [
        `import { client } from './c7';`,
        `export async function job(env: { C7_API: string }, id: string) {`,
        `  const send = client(env);`,
        `  await send(\`/vendor/\${id}\`);`,
        `  await send(\`/tag/\${id}\`, { method: 'DELETE' });`,
        `  await send('/coupon', { json: { code: 'X' }, method: 'POST' });`,
        `}`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'GET /vendor/{id}', 'POST /coupon']);
  });

  it('an options parameter passed on to another helper\'s options parameter keeps the outer caller\'s method', async () => {
    const r = await audit({ 'lib.js': [
      `const base = process.env.C7_API_BASE;`,
      `async function once(path, init) {`,
      `  const res = await fetch(\`\${base}\${path}\`, { ...init, headers: { tenant: 't' } });`,
      `  return res.json();`,
      `}`,
      `export const c7 = (path, init = {}) => retry(() => once(path, init), { retries: 3 });`,
      `export const tags = () => c7('/tag');`,
      `export const drop = (id) => c7(\`/vendor/\${id}\`, { method: 'DELETE' });`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}', 'GET /tag']);
  });
});

describe('audit engine 10a: a method written in another case', () => {
  it('verb.toUpperCase() / verb.upper() / strtoupper($verb) is the method the caller names', async () => {
    const js = await audit({ 'c7.js': [
      `const API = 'https://api.commerce7.com/v1';`,
      `export async function call(verb, path) {`,
      `  return fetch(API + path, { method: verb.toUpperCase() });`,
      `}`,
      `call('put', '/tag/1');`,
    ].join('\n') });
    assert.deepEqual(calls(js), ['PUT /tag/{id}']);
    const py = await audit({ 'c7.py': [
      `import urllib.request`,
      `API = "https://api.commerce7.com/v1"`,
      `def _call(verb, path):`,
      `    req = urllib.request.Request(API + path, method=verb.upper())`,
      `    return urllib.request.urlopen(req)`,
      `_call("post", "/note")`,
    ].join('\n') });
    assert.deepEqual(calls(py), ['POST /note']);
    const php = await audit({ 'c7.php': [
      `<?php`,
      `function c7($verb, $path) {`,
      `  $ch = curl_init('https://api.commerce7.com/v1' . $path);`,
      `  curl_setopt($ch, CURLOPT_CUSTOMREQUEST, strtoupper($verb));`,
      `  return curl_exec($ch);`,
      `}`,
      `c7('delete', '/coupon/9');`,
    ].join('\n') });
    assert.deepEqual(calls(php), ['DELETE /coupon/{id}']);
  });
});

describe('audit engine 10a: fetch wrapped by a library', () => {
  it('a name bound to a call given fetch (fetch-retry, a throttle) is called like fetch; other wrappers are not', async () => {
    const r = await audit({ 'c7.js': [
      `import fetchRetry from 'fetch-retry';`,
      `const f = fetchRetry(globalThis.fetch, { retries: 3 });`,
      `const g = pThrottle({ limit: 2 })(fetch);`,
      `const API = 'https://api.commerce7.com/v1';`,
      `export const drop = (id) => f(\`\${API}/tag/\${id}\`, { method: 'DELETE' });`,
      `export const list = () => g(\`\${API}/vendor\`);`,
      `const memo = memoize(format);`,
      `memo(\`\${API}/coupon\`);`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'GET /vendor']);
  });
});

describe('audit engine 10a: a client made from a route contract', () => {
  it('client = init(contract, { baseUrl }) with contract = { name: { method, path } }: client.name() is that route', async () => {
    const r = await audit({
      'contract.ts': [
        `import { initContract } from '@ts-rest/core';`,
        `const c = initContract();`,
        `export const routes = c.router({`,
        `  getVendor: { method: 'GET', path: '/vendor/:id', responses: {} },`,
        `  renameTag: { method: 'PATCH', path: '/tag/:id', body: null, responses: {} },`,
        `  dropCoupon: { method: 'DELETE', path: '/coupon/:id', responses: {} },`,
        `});`,
      ].join('\n'),
      'main.ts': [
        `import { initClient } from '@ts-rest/core';`,
        `import { routes } from './contract';`,
        `const api = initClient(routes, { baseUrl: process.env.C7_BASE_URL!, baseHeaders: {} });`,
        `export async function go(id: string) {`,
        `  await api.getVendor({ params: { id } });`,
        `  await api.renameTag({ params: { id }, body: { title: 'x' } });`,
        `}`,
      ].join('\n'),
    });
    // dropCoupon is declared, never called.
    assert.deepEqual(calls(r), ['GET /vendor/{id}', 'PATCH /tag/{id}']);
  });

  it('a contract on a base that is not Commerce7\'s is not read', async () => {
    const r = await audit({ 'main.ts': [
      `const routes = { getVendor: { method: 'GET', path: '/vendor/:id' } };`,
      `const api = initClient(routes, { baseUrl: 'https://erp.example.org' });`,
      `api.getVendor({ params: { id: '1' } });`,
    ].join('\n') });
    assert.deepEqual(calls(r), []);
  });
});

describe('audit engine 10a: PHP', () => {
  it('a request library\'s METHOD_X constant (Request::METHOD_PUT) is a method', async () => {
    const r = await audit({ 'c7.php': [
      `<?php`,
      `use GuzzleHttp\\Client;`,
      `use Symfony\\Component\\HttpFoundation\\Request;`,
      `function go(Client $http) {`,
      `  $http->request(Request::METHOD_PUT, 'https://api.commerce7.com/v1/tag/1');`,
      `}`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['PUT /tag/{id}']);
  });

  it('a client object returned by a project method given the method, sent later: that method', async () => {
    const r = await audit({ 'Api.php': [
      `<?php`,
      `use Laminas\\Http\\Client;`,
      `class Api {`,
      `  private function client(string $method, string $path): Client {`,
      `    $client = new Client('https://api.commerce7.com/v1' . $path);`,
      `    $client->setMethod($method);`,
      `    return $client;`,
      `  }`,
      `  public function tags() { return $this->client('GET', '/collection')->send(); }`,
      `  public function one($id) { return json_decode($this->client('GET', '/product/' . $id)->send()->getBody(), true); }`,
      `  public function rename($id, $t) {`,
      `    $c = $this->client('PUT', "/vendor/$id");`,
      `    $c->setRawBody(json_encode(['title' => $t]));`,
      `    return $c->send();`,
      `  }`,
      `}`,
    ].join('\n') });
    // A send read on (->send()->getBody()) is still the request.
    assert.deepEqual(calls(r), ['GET /collection', 'GET /product/{id}', 'PUT /vendor/{id}']);
  });

  it('a stream context built from an options array in a local: its http method', async () => {
    const r = await audit({ 'c7.php': [
      `<?php`,
      `function c7($path, $method = 'GET', $data = null) {`,
      `  $opts = ['http' => ['method' => $method, 'header' => 'tenant: t']];`,
      `  if ($data !== null) { $opts['http']['content'] = json_encode($data); }`,
      `  return file_get_contents('https://api.commerce7.com/v1' . $path, false, stream_context_create($opts));`,
      `}`,
      `c7('/vendor');`,
      `c7('/tag/1', 'PUT', ['title' => 'x']);`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /vendor', 'PUT /tag/{id}']);
  });
});

describe('audit engine 10a: a setting a config file sets to the Commerce7 base', () => {
  const code = [
    `<?php`,
    `use Laminas\\Http\\Client;`,
    `class Api {`,
    `  public function __construct(private array $config) {}`,
    `  public function vendors() {`,
    `    $client = new Client($this->config['base_uri'] . '/vendor');`,
    `    return $client->send();`,
    `  }`,
    `}`,
  ].join('\n');
  it('$this->config[\'base_uri\'] read where config/*.php sets base_uri to Commerce7\'s URL is that base', async () => {
    const r = await audit({ 'src/Api.php': code, 'config/autoload/c7.global.php': `<?php\nreturn ['commerce7' => ['base_uri' => 'https://api.commerce7.com/v1', 'timeout' => 30]];\n` });
    assert.deepEqual(calls(r), ['GET /vendor']);
  });
  it('a key the config sets to another host is not', async () => {
    const r = await audit({ 'src/Api.php': code, 'config/autoload/c7.global.php': `<?php\nreturn ['c7' => ['url' => 'https://api.commerce7.com/v1'], 'erp' => ['base_uri' => 'https://erp.example.org']];\n` });
    assert.deepEqual(calls(r), []);
  });
});

describe('audit engine 10a: an object made by a constructor, passed as an argument', () => {
  it('Python: a dataclass instance\'s fields and a method returning one are the caller\'s constructor arguments', async () => {
    const r = await audit({
      'pkg/endpoints.py': [
        `from dataclasses import dataclass`,
        `@dataclass(frozen=True)`,
        `class Endpoint:`,
        `    method: str`,
        `    path: str`,
        `    def format(self, **ids: str) -> str:`,
        `        return self.path.format(**ids)`,
        `LIST_TAGS = Endpoint("GET", "/tag")`,
        `RENAME = Endpoint("PUT", "/vendor/{vendor_id}")`,
        `UNUSED = Endpoint("DELETE", "/coupon/{coupon_id}")`,
      ].join('\n'),
      'pkg/client.py': [
        `import requests`,
        `API = "https://api.commerce7.com/v1"`,
        `def call(endpoint, *, json=None, **ids):`,
        `    return requests.request(endpoint.method, API + endpoint.format(**ids), json=json)`,
      ].join('\n'),
      'pkg/main.py': [
        `from . import endpoints as ep`,
        `from .client import call`,
        `call(ep.LIST_TAGS)`,
        `call(ep.RENAME, vendor_id="1", json={"title": "x"})`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /tag', 'PUT /vendor/{id}']);
  });

  it('JavaScript: new Route(method, path) passed to a helper reading route.method and route.path', async () => {
    const r = await audit({ 'c7.js': [
      `class Route { constructor(method, path) { this.method = method; this.path = path; } }`,
      `const API = 'https://api.commerce7.com/v1';`,
      `const DROP = new Route('DELETE', '/tag/:id');`,
      `function send(route) { return fetch(API + route.path, { method: route.method }); }`,
      `send(DROP);`,
      `send(new Route('GET', '/vendor'));`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'GET /vendor']);
  });
});

describe('audit engine 10a: a declared API method\'s result', () => {
  it('what an interface (stub) method returns is a response: page.get("cursor") on it is not a call', async () => {
    const r = await audit({ 'api.py': [
      `from uplink import Consumer, get, Query`,
      `class C7(Consumer):`,
      `    @get("customer")`,
      `    def customers(self, cursor: Query = "start"): ...`,
      `    @get("vendor")`,
      `    def vendors(self):`,
      `        pass`,
      `def main():`,
      `    c7 = C7(base_url="https://api.commerce7.com/v1/")`,
      `    page = c7.customers(cursor="start")`,
      `    nxt = page.get("cursor")`,
      `    v = c7.vendors()`,
      `    v.get("tag")`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /customer', 'GET /vendor']);
  });
});

describe('audit engine 10a: a caller that names nothing of Commerce7', () => {
  it('a file that imports a module the pre-filter passed is read (its calls of that module\'s helpers count)', async () => {
    const helper = [
      `import requests`,
      `API = "https://api.commerce7.com/v1"`,
      `def send(method, path):`,
      `    return requests.request(method, API + path)`,
    ].join('\n');
    const r = await audit({
      'app/c7.py': helper,
      'app/__main__.py': `from .c7 import send\nfrom . import other\nsend("PUT", other.TARGET)\nsend("DELETE", "/coupon/" + other.ID)\n`,
      'app/other.py': `TARGET = "/vendor/1"\nID = "C-19"\n`,
      'unrelated/main.py': `import os\ndef send(a, b):\n    return a\nsend("DELETE", "/coupon/1")\n`,
    });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'PUT /vendor/{id}']);
    assert.ok(r.read.some((x) => x.file === 'app/__main__.py' && /tree-sitter/.test(x.engine)));
    const js = await audit({
      'lib/api.js': `const API = 'https://api.commerce7.com/v1';\nexport const call = (m, p) => fetch(API + p, { method: m });\n`,
      'jobs/run.js': `import { call } from '../lib/api.js';\nimport { PATHS } from './paths.js';\nawait call('PATCH', PATHS.v);\n`,
      'jobs/paths.js': `export const PATHS = { v: '/vendor/' + process.argv[2] };\n`,
    });
    assert.deepEqual(calls(js), ['PATCH /vendor/{id}']);
  });
});

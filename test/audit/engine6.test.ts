// General mechanisms from heldout4's misses (issue 12), each tested in several languages on snippets unlike the
// fixtures: values through containers and loop variables (each element pairing its own method with its own path),
// multi-value assignments, builder chains on a Commerce7 base (unknown libraries), the method as data (library
// constants, upload flags), a base named only in a config file, legacy include files, empty Postman variables.
import assert from 'node:assert/strict';
import { auditSources, type AuditReport } from '../../generators/lib/audit/index.js';
import { isAuditedFile } from '../../generators/lib/audit/files.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: AuditReport) => [...new Set(r.references.map((x) => `${x.method} ${x.path}`))].sort();

describe('audit engine: values through containers and loop variables', () => {
  it('Python: a list of [method, path] lists destructured in a for loop pairs each method with its own path', async () => {
    const r = await audit({ 'job.py': [
      `import httpx`,
      `BASE = "https://api.commerce7.com/v1"`,
      `PLAN = [["DELETE", "/club-package/1"], ["GET", "/coupon"]]`,
      `def run():`,
      `    for verb, endpoint in PLAN:`,
      `        httpx.request(verb, BASE + endpoint)`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /club-package/{id}', 'GET /coupon']);
  });

  it('Ruby: a for loop over pairs, and .each with block parameters', async () => {
    const r = await audit({ 'sync.rb': [
      `require 'net/http'`,
      `ROOT = 'https://api.commerce7.com/v1'`,
      `JOBS = [[:post, '/vendor'], [:get, '/department']]`,
      `JOBS.each do |verb, route|`,
      `  HTTParty.send(verb, ROOT + route)`,
      `end`,
      `for m, p in [['put', '/tag/1'], ['get', '/collection']]`,
      `  HTTParty.public_send(m, "#{ROOT}#{p}")`,
      `end`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /collection', 'GET /department', 'POST /vendor', 'PUT /tag/{id}']);
  });

  it('TypeScript: objects with method and path keys, looped with for…of (the loop variable\'s fields)', async () => {
    const r = await audit({ 'seed.ts': [
      `const API = 'https://api.commerce7.com/v1';`,
      `const tasks = [{ verb: 'PUT', url: '/vendor/1' }, { verb: 'GET', url: '/club' }];`,
      `export async function seed() {`,
      `  for (const t of tasks) await fetch(API + t.url, { method: t.verb });`,
      `}`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /club', 'PUT /vendor/{id}']);
  });

  it('JavaScript: a list returned by a function, passed to a helper that loops over its parameter', async () => {
    const r = await audit({ 'run.js': [
      `const C7 = 'https://api.commerce7.com/v1';`,
      `function plan(id) { return [{ method: 'DELETE', path: \`/coupon/\${id}\` }, { method: 'GET', path: '/vendor' }]; }`,
      `async function apply(list) {`,
      `  for (const item of list) await fetch(C7 + item.path, { method: item.method });`,
      `}`,
      `apply(plan(7));`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /vendor']);
  });

  it('C#: a collection of tuples deconstructed in foreach; Go: a slice of positional struct literals ranged over', async () => {
    const r = await audit({
      'Sync.cs': [
        `public class Sync {`,
        `  const string Api = "https://api.commerce7.com/v1";`,
        `  static readonly List<(HttpMethod, string)> Steps = new() { (HttpMethod.Delete, "/coupon/1"), (HttpMethod.Get, "/vendor") };`,
        `  public async Task Run(HttpClient http) {`,
        `    foreach (var (verb, url) in Steps) await http.SendAsync(new HttpRequestMessage(verb, Api + url));`,
        `  }`,
        `}`,
      ].join('\n'),
      'sync.go': [
        `package main`,
        `import "net/http"`,
        `const api = "https://api.commerce7.com/v1"`,
        `type job struct { Verb string; Route string }`,
        `var jobs = []job{ {"PUT", "/tag/1"}, {Verb: "GET", Route: "/club"} }`,
        `func main() {`,
        `  for _, j := range jobs {`,
        `    req, _ := http.NewRequest(j.Verb, api+j.Route, nil)`,
        `    http.DefaultClient.Do(req)`,
        `  }`,
        `}`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /club', 'GET /vendor', 'PUT /tag/{id}']);
  });

  it('PHP: foreach over an array of [method, path] pairs; shell: while read over a here-document (comment lines skipped)', async () => {
    const r = await audit({
      'sync.php': [
        `<?php`,
        `const API = 'https://api.commerce7.com/v1';`,
        `$steps = [['PATCH', '/product/1'], ['GET', '/club']];`,
        `foreach ($steps as [$verb, $p]) {`,
        `  $ch = curl_init(API . $p);`,
        `  curl_setopt($ch, CURLOPT_CUSTOMREQUEST, $verb);`,
        `  curl_exec($ch);`,
        `}`,
      ].join('\n'),
      'plan.sh': [
        `#!/bin/bash`,
        `BASE=https://api.commerce7.com/v1`,
        `while read -r verb route; do`,
        `  curl -X "$verb" "$BASE$route"`,
        `done <<EOF`,
        `# GET /customer (not run)`,
        `DELETE /vendor/2`,
        `GET /coupon`,
        `EOF`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}', 'GET /club', 'GET /coupon', 'PATCH /product/{id}']);
  });

  it('precision: a loop over a list of app routes or a Map lookup in the loop is not a call', async () => {
    const r = await audit({ 'app.js': [
      `const routes = [{ method: 'GET', path: '/customer' }, { method: 'POST', path: '/order' }];`,
      `for (const r of routes) app[r.method.toLowerCase()](r.path, handler);`,
      `const cache = new Map();`,
      `for (const r of routes) cache.get(r.path);`,
    ].join('\n') });
    assert.deepEqual(calls(r), []);
  });
});

describe('audit engine: multi-value assignments', () => {
  it('Go: u, err := url.JoinPath(base, ...) keeps the URL (a call\'s first result is the value)', async () => {
    const r = await audit({
      'main.go': [
        `package main`,
        `import ("net/http"; "net/url")`,
        `const base = "https://api.commerce7.com/v1"`,
        `func f(id string) {`,
        `  u, err := url.JoinPath(base, "coupon", id)`,
        `  if err != nil { return }`,
        `  req, _ := http.NewRequest(http.MethodDelete, u, nil)`,
        `  http.DefaultClient.Do(req)`,
        `}`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}']);
  });
});

describe('audit engine: builder chains on a Commerce7 base (an unknown library)', () => {
  it('Go: a builder from a base, a Path() step, a verb step in the chain, a terminal call', async () => {
    const r = await audit({ 'c.go': [
      `package main`,
      `import "example.com/reqbuilder"`,
      `func root() *reqbuilder.B { return reqbuilder.From("https://api.commerce7.com/v1/").Header("tenant", "t") }`,
      `func a(ctx context.Context) error { return root().Path("vendor").Send(ctx) }`,
      `func b(ctx context.Context, id string) error { return root().Pathf("coupon/%s", id).Delete().Send(ctx) }`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /vendor']);
  });

  it('TypeScript: a fluent client of an unknown library made with the base, segment() then a terminal', async () => {
    const r = await audit({ 'c.ts': [
      `import { chain } from 'some-http-lib';`,
      `const c7 = chain('https://api.commerce7.com/v1').auth('x');`,
      `export const tags = () => c7.segment('tag').run();`,
      `export const drop = (id: string) => c7.segment(\`club/\${id}\`).method('DELETE').run();`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /club/{id}', 'GET /tag']);
  });

  it('precision: a chain on another host, and string methods of the base, are not calls', async () => {
    const r = await audit({ 'c.ts': [
      `import { chain } from 'some-http-lib';`,
      `const slack = chain('https://hooks.slack.com').segment('order').run();`,
      `const host = 'https://api.commerce7.com/v1'.split('/')[2];`,
      `console.log('https://api.commerce7.com/v1/order'.toUpperCase());`,
    ].join('\n') });
    assert.deepEqual(calls(r), []);
  });

  it('precision: a response is not a builder (a verb\'s or a send\'s result, then used)', async () => {
    const r = await audit({
      'a.rb': [
        `module Shop`,
        `  ROOT = 'https://api.commerce7.com/v1'`,
        `  def self.res`,
        `    @res ||= RestClient::Resource.new(ROOT, user: 'x')`,
        `  end`,
        `  def self.vendors`,
        `    JSON.parse(res['vendor'].get)['vendors']`,
        `  end`,
        `end`,
        `abort 'none' if Shop.vendors.none? { |v| v['title'] == 'x' }`,
      ].join('\n'),
      'B.cs': [
        `const string Api = "https://api.commerce7.com/v1";`,
        `app.MapPost("/hook", async (IHttpClientFactory factory) =>`,
        `{`,
        `    var http = factory.CreateClient("c7");`,
        `    using var req = new HttpRequestMessage(HttpMethod.Delete, $"{Api}/coupon/1");`,
        `    (await http.SendAsync(req)).EnsureSuccessStatusCode();`,
        `    return Results.NoContent();`,
        `});`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /vendor']);
    assert.deepEqual(r.unknown.map((u) => u.path), []);
  });
});

describe('audit engine: the method as data', () => {
  it('a request library\'s method constant (PHP Requests::PATCH, Python HTTPMethod.DELETE) at any argument', async () => {
    const r = await audit({
      'a.php': [
        `<?php`,
        `$s = new WpOrg\\Requests\\Session('https://api.commerce7.com/v1/');`,
        `$s->request('club/' . $id, [], '{}', Requests::PATCH);`,
      ].join('\n'),
      'b.py': [
        `import requests`,
        `from http import HTTPMethod`,
        `API = "https://api.commerce7.com/v1"`,
        `requests.request(HTTPMethod.DELETE, f"{API}/coupon/{cid}")`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'PATCH /club/{id}']);
  });

  it('shell: curl -T / --upload-file is a PUT unless -X says otherwise', async () => {
    const r = await audit({ 'up.sh': [
      `API=https://api.commerce7.com/v1`,
      `curl --upload-file body.json "$API/coupon/$ID"`,
      `curl -T body.json -X POST "$API/vendor"`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['POST /vendor', 'PUT /coupon/{id}']);
  });
});

describe('audit engine: input the code depends on', () => {
  it('a base URL named only in a JSON config file lets client-like receivers\' relative paths count', async () => {
    const r = await audit({
      'config/settings.json': JSON.stringify({ Commerce: { Api: 'https://api.commerce7.com/v1/' } }, null, 2),
      'src/Jobs.cs': [
        `public class Jobs(HttpClient client) {`,
        `  public Task A() => client.DeleteAsync("coupon/1");`,
        `  public Task B() => client.GetStringAsync("vendor");`,
        `}`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /vendor']);
  });

  it('without such a config, the same relative paths do not count', async () => {
    const r = await audit({
      'config/settings.json': JSON.stringify({ Other: { Api: 'https://api.example.com/' } }, null, 2),
      'src/Jobs.cs': `public class Jobs(HttpClient client) { public Task A() => client.DeleteAsync("coupon/1"); }`,
    });
    assert.deepEqual(calls(r), []);
  });

  it('PHP include files (.inc, .phtml) are read as PHP, and listed by the walker', async () => {
    assert.ok(isAuditedFile('lib/helpers.inc'));
    assert.ok(isAuditedFile('views/page.phtml'));
    const r = await audit({
      'lib/helpers.inc': `<?php\nfunction c7_del($p) { return file_get_contents('https://api.commerce7.com/v1' . $p, false, stream_context_create(['http' => ['method' => 'DELETE']])); }`,
      'run.php': `<?php\nrequire 'lib/helpers.inc';\nc7_del('/coupon/1');`,
    });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}']);
    assert.ok(r.read.some((x) => x.file === 'lib/helpers.inc' && x.engine === 'tree-sitter (php)'));
  });

  it('Postman: a collection variable with an empty value in a path segment is an id', async () => {
    const coll = {
      info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      variable: [{ key: 'api', value: 'https://api.commerce7.com/v1' }, { key: 'couponId', value: '' }],
      item: [{ name: 'd', request: { method: 'DELETE', url: '{{api}}/coupon/{{couponId}}' } }],
    };
    const r = await audit({ 'x.postman_collection.json': JSON.stringify(coll, null, 2) });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}']);
  });
});

describe('audit engine: maps and comprehensions as containers', () => {
  it('Python .items() and a comprehension; JavaScript Object.entries(); Go range over a map; Ruby each |k, v| on a hash', async () => {
    const r = await audit({
      'a.py': [
        `import requests`,
        `API = "https://api.commerce7.com/v1"`,
        `PAGES = {"vendors": "/vendor", "clubs": "/club"}`,
        `for name, path in PAGES.items():`,
        `    requests.get(API + path)`,
        `DELETES = ["/coupon/1", "/tag/2"]`,
        `[requests.delete(API + p) for p in DELETES]`,
      ].join('\n'),
      'b.js': [
        `const API = 'https://api.commerce7.com/v1';`,
        `const WRITE = { drop: '/product/1', note: '/note/2' };`,
        `for (const [what, p] of Object.entries(WRITE)) fetch(API + p, { method: 'PUT' });`,
      ].join('\n'),
      'c.go': [
        `package main`,
        `import "net/http"`,
        `const api = "https://api.commerce7.com/v1"`,
        `var feeds = map[string]string{"orders": "/order", "carts": "/cart"}`,
        `func main() { for _, p := range feeds { http.Get(api + p) } }`,
      ].join('\n'),
      'd.rb': [
        `API = 'https://api.commerce7.com/v1'`,
        `FEEDS = { customers: '/customer', departments: '/department' }`,
        `FEEDS.each do |name, path|`,
        `  HTTParty.get(API + path)`,
        `end`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'DELETE /tag/{id}', 'GET /cart', 'GET /club', 'GET /customer', 'GET /department', 'GET /order', 'GET /vendor', 'PUT /note/{id}', 'PUT /product/{id}']);
  });
});

describe('audit engine: more containers (word lists, keys, elements made by constructors)', () => {
  it('Ruby %w[] and a shell array "${A[@]}" are lists of words; JavaScript for…in takes the keys', async () => {
    const r = await audit({
      'a.rb': `API = 'https://api.commerce7.com/v1'\n%w[customer vendor].each { |r| HTTParty.get("#{API}/#{r}") }`,
      'b.sh': `API=https://api.commerce7.com/v1\nRESOURCES=(club coupon)\nfor r in "\${RESOURCES[@]}"; do curl "$API/$r"; done`,
      'c.js': `const BASE = 'https://api.commerce7.com/v1';\nconst endpoints = { a: '/department', b: '/inventory' };\nfor (const key in endpoints) fetch(BASE + endpoints[key]);`,
    });
    assert.deepEqual(calls(r), ['GET /club', 'GET /coupon', 'GET /customer', 'GET /department', 'GET /inventory', 'GET /vendor']);
  });

  it('elements made by a constructor: a JavaScript class, a Python dataclass (keywords or positions), a C# record', async () => {
    const r = await audit({
      'c.js': [
        `const BASE = 'https://api.commerce7.com/v1';`,
        `class Step { constructor(method, path) { this.method = method; this.path = path; } }`,
        `const steps = [new Step('DELETE', '/product/1'), new Step('GET', '/inventory')];`,
        `for (const s of steps) fetch(BASE + s.path, { method: s.method });`,
      ].join('\n'),
      'e.py': [
        `import requests`,
        `from dataclasses import dataclass`,
        `API = "https://api.commerce7.com/v1"`,
        `@dataclass`,
        `class Call:`,
        `    method: str`,
        `    path: str`,
        `CALLS = [Call(method="PUT", path="/club/1"), Call("GET", "/collection")]`,
        `for c in CALLS:`,
        `    requests.request(c.method, API + c.path)`,
      ].join('\n'),
      'R.cs': [
        `record Hit(HttpMethod Verb, string Url);`,
        `class R { const string Api = "https://api.commerce7.com/v1";`,
        `  static readonly Hit[] Hits = { new Hit(HttpMethod.Patch, "/vendor/1"), new Hit(HttpMethod.Get, "/tag/order") };`,
        `  async Task Go(HttpClient http) { foreach (var h in Hits) await http.SendAsync(new HttpRequestMessage(h.Verb, Api + h.Url)); } }`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /product/{id}', 'GET /collection', 'GET /inventory', 'GET /tag/order', 'PATCH /vendor/{id}', 'PUT /club/{id}']);
  });
});

describe('audit engine: a URL built is not a request', () => {
  it('new URL(base + path).toString() (JavaScript) and URI(base + path).to_s (Ruby) are values, not calls', async () => {
    const r = await audit({
      'a.js': `const BASE = 'https://api.commerce7.com/v1';\nconsole.log(new URL(BASE + '/order').toString());`,
      'b.rb': `BASE = 'https://api.commerce7.com/v1'\nputs URI(BASE + '/customer').to_s`,
    });
    assert.deepEqual(calls(r), []);
  });
});

describe('audit engine: a list read by a counter', () => {
  it('JavaScript STEPS[i] in a for (;;) loop, Go paths[i]: the same element wherever it is read', async () => {
    const r = await audit({
      'a.js': [
        `const BASE = 'https://api.commerce7.com/v1';`,
        `const STEPS = [{ method: 'PUT', path: '/vendor/1' }, { method: 'GET', path: '/club' }];`,
        `async function run() {`,
        `  for (let i = 0; i < STEPS.length; i++) {`,
        `    const s = STEPS[i];`,
        `    await fetch(BASE + s.path, { method: s.method });`,
        `  }`,
        `}`,
      ].join('\n'),
      'b.go': [
        `package main`,
        `import "net/http"`,
        `const base = "https://api.commerce7.com/v1"`,
        `var paths = []string{"/customer", "/order"}`,
        `func main() { for i := 0; i < len(paths); i++ { http.Get(base + paths[i]) } }`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /club', 'GET /customer', 'GET /order', 'PUT /vendor/{id}']);
  });
});

describe('audit engine: enumerated containers and nested patterns', () => {
  it('Python for i, (m, p) in enumerate(STEPS); JavaScript for (const [i, [m, p]] of S.entries())', async () => {
    const r = await audit({
      'a.py': `import requests\nAPI = "https://api.commerce7.com/v1"\nSTEPS = [("DELETE", "/coupon/1"), ("GET", "/vendor")]\nfor i, (m, p) in enumerate(STEPS):\n    requests.request(m, API + p)\n`,
      'b.js': `const API = 'https://api.commerce7.com/v1';\nconst S = [['PATCH', '/product/1'], ['GET', '/club']];\nfor (const [i, [m, p]] of S.entries()) fetch(API + p, { method: m });\n`,
    });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /club', 'GET /vendor', 'PATCH /product/{id}']);
  });
});

describe('audit engine: the method assigned after the request is made', () => {
  it('TypeScript init.method = …; C# req.Method = …; PHP $args[\'method\'] = …', async () => {
    const r = await audit({
      'd.ts': `const API = 'https://api.commerce7.com/v1';\nexport async function f(id: string) {\n  const init: RequestInit = { headers: {} };\n  init.method = 'DELETE';\n  await fetch(\`\${API}/coupon/\${id}\`, init);\n}`,
      'b.cs': `class W { const string Api = "https://api.commerce7.com/v1";\n  void F(string id) {\n    var req = WebRequest.Create($"{Api}/product/{id}");\n    req.Method = "PATCH";\n    using var res = req.GetResponse();\n  } }`,
      'c.php': `<?php\nfunction drop($id) {\n  $args = ['headers' => []];\n  $args['method'] = 'PUT';\n  return wp_remote_request('https://api.commerce7.com/v1/club/' . $id, $args);\n}`,
    });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'PATCH /product/{id}', 'PUT /club/{id}']);
  });
});

describe('audit engine: the URL assigned after the request is made', () => {
  it('JavaScript opts.url = …; axios(opts); C# req.RequestUri = …; http.SendAsync(req)', async () => {
    const r = await audit({
      'b.js': `const axios = require('axios');\nconst BASE = 'https://api.commerce7.com/v1';\nasync function f(id) {\n  const opts = { method: 'put', headers: {} };\n  opts.url = \`\${BASE}/vendor/\${id}\`;\n  return axios(opts);\n}`,
      'S.cs': `class S { const string Api = "https://api.commerce7.com/v1";\n  async Task F(HttpClient http) {\n    var req = new HttpRequestMessage();\n    req.Method = HttpMethod.Delete;\n    req.RequestUri = new Uri($"{Api}/tag/1");\n    await http.SendAsync(req);\n  } }`,
    });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'PUT /vendor/{id}']);
  });
});

describe('audit engine: destructuring a table entry picked by a key', () => {
  it('TypeScript const { verb, route } = ops[op]; Python method, path = ACTIONS[a]; PHP [$v, $p] = $ops[$k] (a static table)', async () => {
    const r = await audit({
      'a.ts': [
        `import { request } from 'undici';`,
        `const ORIGIN = 'https://api.commerce7.com';`,
        `const ops = { createNote: { verb: 'POST', route: '/v1/note' }, listTags: { verb: 'GET', route: '/v1/tag' } } as const;`,
        `export async function call(op: keyof typeof ops) {`,
        `  const { verb, route } = ops[op];`,
        `  return request(ORIGIN + route, { method: verb });`,
        `}`,
        `call('createNote');`,
      ].join('\n'),
      'b.py': [
        `import requests`,
        `API = "https://api.commerce7.com/v1"`,
        `ACTIONS = {"archive": ("PUT", "/product/{id}"), "lookup": ("GET", "/inventory")}`,
        `def run(action, **kw):`,
        `    method, path = ACTIONS[action]`,
        `    return requests.request(method, API + path.format(**kw))`,
        `run("archive", id=3)`,
      ].join('\n'),
      'c.php': [
        `<?php`,
        `const BASE = 'https://api.commerce7.com/v1';`,
        `function c7(string $op, array $args = []) {`,
        `    static $ops = ['tags' => ['GET', '/tag'], 'drop' => ['DELETE', '/club/%s']];`,
        `    [$verb, $path] = $ops[$op];`,
        `    $ch = curl_init(BASE . vsprintf($path, $args));`,
        `    curl_setopt($ch, CURLOPT_CUSTOMREQUEST, $verb);`,
        `    return curl_exec($ch);`,
        `}`,
        `c7('drop', ['abc']);`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /club/{id}', 'POST /note', 'PUT /product/{id}']);
  });
  it('Go r := routes[name] (a map of positional structs) and JavaScript const r = ROUTES[name]: only the entries called', async () => {
    const r = await audit({
      'a.go': [
        `package main`,
        `import "net/http"`,
        `const base = "https://api.commerce7.com/v1"`,
        `type route struct{ method, path string }`,
        `var routes = map[string]route{"hold": {"PUT", "/club-membership/1"}, "list": {"GET", "/club"}}`,
        `func call(name string) { r := routes[name]; req, _ := http.NewRequest(r.method, base+r.path, nil); http.DefaultClient.Do(req) }`,
        `func main() { call("hold") }`,
      ].join('\n'),
      'b.js': [
        `const BASE = 'https://api.commerce7.com/v1';`,
        `const ROUTES = { drop: { method: 'DELETE', path: '/vendor/1' }, list: { method: 'GET', path: '/inventory' } };`,
        `function call(name) { const r = ROUTES[name]; return fetch(BASE + r.path, { method: r.method }); }`,
        `call('drop');`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}', 'PUT /club-membership/{id}']);
  });

  it('precision: parts of a value computed at run time (id, x = line.split(",")) are not its arguments', async () => {
    const r = await audit({ 'a.rb': `BASE = 'https://api.commerce7.com/v1'\nFile.readlines('ids.txt').each do |line|\n  id, promo = line.split(',')\n  HTTParty.delete(URI.join(BASE + '/', "coupon/#{id}"))\nend` });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}']);
    assert.deepEqual(r.unknown.map((u) => u.path), []);
  });
});

describe('audit engine: a list built up over several assignments', () => {
  it('JavaScript steps = [...steps, x]; Python steps += [(m, p)]: every definition\'s elements', async () => {
    const r = await audit({
      'a.js': `const BASE = 'https://api.commerce7.com/v1';\nlet steps = [];\nsteps = [...steps, { method: 'PUT', path: '/vendor/1' }];\nfor (const s of steps) fetch(BASE + s.path, { method: s.method });`,
      'b.py': `import requests\nB = "https://api.commerce7.com/v1"\nsteps = []\nsteps += [("GET", "/club")]\nfor m, p in steps:\n    requests.request(m, B + p)\n`,
    });
    assert.deepEqual(calls(r), ['GET /club', 'PUT /vendor/{id}']);
  });

  it('elements pushed or appended (JavaScript push, Python append, C# Add) are the list\'s', async () => {
    const r = await audit({
      'a.js': `const BASE = 'https://api.commerce7.com/v1';\nconst jobs = [];\njobs.push({ method: 'DELETE', path: '/coupon/1' });\nfor (const j of jobs) fetch(BASE + j.path, { method: j.method });`,
      'b.py': `import requests\nB = "https://api.commerce7.com/v1"\ndef go():\n    todo = []\n    todo.append(("PATCH", "/product/2"))\n    for m, p in todo:\n        requests.request(m, B + p)\n`,
      'C.cs': `class C { const string Api = "https://api.commerce7.com/v1";\n  async Task F(HttpClient http) {\n    var paths = new List<string>();\n    paths.Add("/inventory");\n    foreach (var p in paths) await http.GetAsync(Api + p);\n  } }`,
    });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /inventory', 'PATCH /product/{id}']);
  });
});

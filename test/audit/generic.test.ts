// A library the audit has not met (issue 12: "a string joined to a Commerce7 base URL is a call"): a call given a URL
// on the Commerce7 base counts, low confidence, with the method its arguments, options, name or chain give; only in
// a function that makes no call the audit knows, and never a call that logs, builds or stores the URL.
import assert from 'node:assert/strict';
import { auditSources } from '../../generators/lib/audit/index.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: Awaited<ReturnType<typeof audit>>) => r.references.map((x) => `${x.method} ${x.path}`).sort();

describe('audit engine: a call of an unrecognised HTTP library on the Commerce7 base', () => {
  it('JS: counted at low confidence, named in the report; the method not seen is said', async () => {
    const r = await audit({ 'src/c7.js': [
      `import weird from 'weird-http';`,
      `const BASE = 'https://api.commerce7.com/v1';`,
      `export const orders = () => weird.call(BASE + '/order');`,
      `export const drop = (id) => weird.destroyThing(BASE + '/tag/' + id);`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'GET /order']);
    const order = r.references.find((x) => x.path === '/order')!;
    assert.equal(order.confidence, 'low');
    assert.equal(order.methodSeen, false);
    assert.equal(order.unrecognisedLibrary, 'weird.call');
    assert.deepEqual(r.unresolved, []);
  });

  it('Go: a helper Do(method, path) over CustomMethod(method, c.Base+path), the method a package constant', async () => {
    const r = await audit({
      'internal/c7/c7.go': [
        'package c7',
        'const DefaultBase = "https://api.commerce7.com/v1"',
        'type Client struct { Base string }',
        'func New() *Client { return &Client{Base: DefaultBase} }',
        'func (c *Client) Do(method, path string, out any) error {',
        '\treq := c.agent().CustomMethod(method, c.Base+path)',
        '\t_, _, errs := req.EndStruct(out)',
        '\tif len(errs) > 0 { return errs[0] }',
        '\treturn nil',
        '}',
      ].join('\n'),
      'main.go': [
        'package main',
        'func main() {',
        '\tapi := c7.New()',
        '\tapi.Do(gorequest.PUT, "/customer/"+id, nil)',
        '\tapi.Do(gorequest.GET, "/order", nil)',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /order', 'PUT /customer/{id}']);
  });

  it('an options object names the URL and the method: concat({ method, url: C7.api + path })', async () => {
    const r = await audit({ 'c7.js': [
      `const concat = promisify(simpleGet.concat);`,
      `const C7 = { api: 'https://api.commerce7.com/v1' };`,
      `function c7(method, path, body) { return concat({ method, url: C7.api + path, body, json: true }); }`,
      `c7('POST', '/customer/' + id + '/address', {});`,
      `c7('GET', '/customer/' + id);`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /customer/{id}', 'POST /customer/{id}/address']);
  });

  it('a verb call given an options object reads its uri: c7.put({ uri: `order/${id}` }) on a client with a base', async () => {
    const r = await audit({ 'c7.js': [
      `const rp = require('request-promise-native');`,
      `const c7 = rp.defaults({ baseUrl: 'https://api.commerce7.com/v1' });`,
      "const mark = (id) => c7.put({ uri: `order/${id}`, body: {} });",
    ].join('\n') });
    assert.deepEqual(calls(r), ['PUT /order/{id}']);
  });

  it('not counted: a URL logged, formatted, parsed or stored; a function that makes a known call decides itself', async () => {
    const r = await audit({ 'a.py': [
      `import logging, requests, pycurl`,
      `BASE = "https://api.commerce7.com/v1"`,
      `def go(method, path):`,
      `    logging.info("calling %s", BASE + path)`,
      `    cache.remember(BASE + "/product")`,
      `    return requests.request(method, BASE + path)`,
      `go("PUT", "/order/1")`,
      `def curl(method, path):`,
      `    c = pycurl.Curl()`,
      `    c.setopt(pycurl.URL, BASE + path)`,
      `    c.setopt(pycurl.CUSTOMREQUEST, method)`,
      `    c.perform()`,
      `curl("POST", "/note")`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['POST /note', 'PUT /order/{id}']);
  });
});

describe('audit engine: shapes of everyday code', () => {
  it('C#: a target-typed new(Base, relative) Uri; a response kept in a variable is not another request', async () => {
    const r = await audit({
      'Http.cs': [
        'public static class C7 {',
        '  public static readonly Uri Base = new("https://api.commerce7.com/v1/");',
        '  public static Uri At(string relative) => new(Base, relative);',
        '}',
      ].join('\n'),
      'Worker.cs': [
        'public sealed class Worker {',
        '  public async Task Run(HttpClient http, string id) {',
        '    var gone = await http.DeleteAsync(C7.At($"order/{id}/fulfillment/{id}"));',
        '    gone.EnsureSuccessStatusCode();',
        '    var list = await http.GetStringAsync(C7.At("customer?q=x"));',
        '  }',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /order/{id}/fulfillment/{id}', 'GET /customer']);
    assert.deepEqual(r.methodNotSeen, []);
  });

  it('a request described by an options object on a client made with the base: c7.any({ method, url })', async () => {
    const r = await audit({ 'a.ts': [
      `import { create } from 'apisauce';`,
      `const c7 = create({ baseURL: 'https://api.commerce7.com/v1' });`,
      "export const rec = (id: string) => c7.any({ method: 'POST', url: `/order/${id}/fulfillment`, data: {} });",
    ].join('\n') });
    assert.deepEqual(calls(r), ['POST /order/{id}/fulfillment']);
  });
});

describe('audit engine: operations a function declares (generated clients)', () => {
  const client = [
    'public partial class Commerce7Client {',
    '  private string _baseUrl = "https://api.commerce7.com/v1/";',
    '  public virtual async Task<Membership> GetClubMembershipAsync(string id) {',
    '    using var request_ = new HttpRequestMessage();',
    '    request_.Method = new HttpMethod("GET");',
    '    var urlBuilder_ = new StringBuilder();',
    '    urlBuilder_.Append(_baseUrl);',
    '    urlBuilder_.Append("club-membership/");',
    '    urlBuilder_.Append(Uri.EscapeDataString(id));',
    '    return await SendAsync<Membership>(request_, urlBuilder_);',
    '  }',
    '  public virtual async Task<Membership> UpdateClubMembershipAsync(string id, Membership body) {',
    '    using var request_ = new HttpRequestMessage();',
    '    request_.Method = new HttpMethod("PUT");',
    '    var urlBuilder_ = new StringBuilder();',
    '    urlBuilder_.Append(_baseUrl);',
    '    urlBuilder_.Append("club-membership/");',
    '    urlBuilder_.Append(Uri.EscapeDataString(id));',
    '    return await SendAsync<Membership>(request_, urlBuilder_);',
    '  }',
    '  public virtual async Task<Order> CreateOrderAsync(Order body) {',
    '    using var request_ = new HttpRequestMessage();',
    '    request_.Method = new HttpMethod("POST");',
    '    var urlBuilder_ = new StringBuilder();',
    '    urlBuilder_.Append(_baseUrl);',
    '    urlBuilder_.Append("order");',
    '    return await SendAsync<Order>(request_, urlBuilder_);',
    '  }',
    '  private async Task<T> SendAsync<T>(HttpRequestMessage request_, StringBuilder urlBuilder_) {',
    '    var url_ = urlBuilder_.ToString();',
    '    request_.RequestUri = new Uri(url_, UriKind.RelativeOrAbsolute);',
    '    using var response_ = await _httpClient.SendAsync(request_);',
    '    return default!;',
    '  }',
    '}',
  ].join('\n');
  it('NSwag-like: each called operation with its method; an operation never called does not count', async () => {
    const r = await audit({
      'Generated/Commerce7Client.cs': client,
      'Worker.cs': [
        'public sealed class Worker {',
        '  public async Task Run(Commerce7Client c7, string id) {',
        '    var m = await c7.GetClubMembershipAsync(id);',
        '    await c7.UpdateClubMembershipAsync(m.Id, m);',
        '  }',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /club-membership/{id}', 'PUT /club-membership/{id}']);
  });
});

describe('audit engine: PHP complex interpolation and a method on the chain root', () => {
  it('Httpful: Request::init(Http::PATCH)->uri("{$this->api}/club-membership/{$id}")->send()', async () => {
    const r = await audit({
      'config.php': `<?php return ['api' => 'https://api.commerce7.com/v1'];`,
      'src/C7.php': [
        '<?php',
        'final class C7 {',
        '  private string $api;',
        "  public function __construct(array $config) { $this->api = rtrim($config['api'], '/'); }",
        '  public function skip(string $id): void {',
        '    Request::init(Http::PATCH)->uri("{$this->api}/club-membership/{$id}")->sendsJson()->send();',
        '  }',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['PATCH /club-membership/{id}']);
  });
});

describe('audit engine: Guzzle async requests', () => {
  it("requestAsync('PATCH', uri) is a PATCH of that uri (not a path named PATCH)", async () => {
    const r = await audit({ 'sync.php': [
      '<?php',
      "$client = new \\GuzzleHttp\\Client(['base_uri' => 'https://api.commerce7.com/v1/']);",
      '$client->requestAsync(\'PATCH\', "inventory/{$sku}", [\'json\' => []]);',
      "$client->getAsync('order');",
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /order', 'PATCH /inventory/{id}']);
    assert.deepEqual(r.unknown, []);
  });
});

describe('audit engine: PowerShell route tables', () => {
  it("a hashtable of { Method; Path = 'x/{0}' } sent by a helper with -f and @params; -CustomMethod 'PATCH'", async () => {
    const r = await audit({ 'Sync.ps1': [
      "$Base = $env:C7_API ?? 'https://api.commerce7.com/v1'",
      '$Routes = @{',
      "    ListDepartments  = @{ Method = [Microsoft.PowerShell.Commands.WebRequestMethod]::Get; Path = 'department' }",
      "    UpdateDepartment = @{ Method = 'Put'; Path = 'department/{0}' }",
      '}',
      'function Invoke-C7Route {',
      '    param([string]$Name, [object[]]$Arguments = @(), $Body)',
      '    $route = $Routes[$Name]',
      '    $uri = "$Base/" + ($route.Path -f $Arguments)',
      '    $params = @{ Uri = $uri; Method = $route.Method }',
      '    (Invoke-WebRequest @params).Content | ConvertFrom-Json',
      '}',
      '$departments = (Invoke-C7Route -Name ListDepartments).departments',
      'Invoke-C7Route -Name UpdateDepartment -Arguments $d.id -Body @{ title = 1 } | Out-Null',
      "Invoke-WebRequest -CustomMethod 'PATCH' -Uri \"$Base/collection/$($env:ID)\" | Out-Null",
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /department', 'PATCH /collection/{id}', 'PUT /department/{id}']);
  });
});

describe('audit engine: everyday shapes found by the heldout13 development set', () => {
  it("a client made on a base from a config key (base_uri) is Commerce7's when the config names it; another host's stays out", async () => {
    const r = await audit({
      'config/commerce7.php': "<?php return ['base_uri' => getenv('C7_BASE_URI') ?: 'https://api.commerce7.com/v1/'];",
      'src/Sync.php': [
        '<?php',
        'final class Sync {',
        '  private Client $c7; private Client $wms;',
        '  public function __construct(array $config) {',
        "    $this->c7 = new Client(['base_uri' => $config['base_uri']]);",
        "    $this->wms = new Client(['base_uri' => 'https://api.shipfusion.com/v2/']);",
        '  }',
        '  public function run(): void {',
        "    $this->c7->postAsync('inventory-transaction', ['json' => []]);",
        "    $this->wms->get('inventory');",
        '  }',
        '}',
      ].join('\n'),
      'run.php': "<?php (new Sync(require __DIR__ . '/config/commerce7.php'))->run();",
    });
    assert.deepEqual(calls(r), ['POST /inventory-transaction']);
  });

  it('a request body\'s "type" is not the method: session.request("POST", url, json=body)', async () => {
    const r = await audit({ 'a.py': [
      'import requests',
      'BASE = "https://api.commerce7.com/v1"',
      's = requests.Session()',
      'body = {"type": "Shipped", "items": []}',
      's.request("POST", f"{BASE}/order/{oid}/fulfillment", json=body)',
    ].join('\n') });
    assert.deepEqual(calls(r), ['POST /order/{id}/fulfillment']);
  });

  it('a service method nothing calls, in a class used elsewhere, is listed and not counted; one used only by itself is an entry point', async () => {
    const r = await audit({ 'svc.ts': [
      "import axios from 'axios';",
      "const http = axios.create({ baseURL: 'https://api.commerce7.com/v1' });",
      'export class ProductService {',
      '  get(id: string) { return http.get(`/product/${id}`); }',
      '  remove(id: string) { return http.delete(`/product/${id}`); }',
      '}',
      "new ProductService().get('1');",
    ].join('\n'),
    // A job nothing in the folder calls (the queue does): its perform calls the class's own helper, which does not
    // make the class "used elsewhere", so perform's write is counted.
    'jobs/fulfil.rb': [
      'class FulfilJob < ApplicationJob',
      '  def perform(order_id)',
      '    c7(:post, "order/#{order_id}/fulfillment", { type: "Shipped" })',
      '  end',
      '  private',
      '  def c7(verb, path, body)',
      '    COMMERCE7.run_request(verb, path, body.to_json, {})',
      '  end',
      'end',
    ].join('\n'),
    'config/initializers/c7.rb': "COMMERCE7 = Faraday.new(url: 'https://api.commerce7.com/v1/')\n" });
    assert.deepEqual(calls(r), ['GET /product/{id}', 'POST /order/{id}/fulfillment']);
    const dead = r.unresolved.find((u) => u.method === 'DELETE')!;
    assert.equal(dead.pattern, '/product/{id}');
    assert.match(dead.why, /^in ProductService\.remove, a method nothing in the code calls, in a class used elsewhere .*not counted$/);
  });
});

describe('audit: settings files that name the base (.env, .ini)', () => {
  it("a .env's API_BASE is the base $_ENV['API_BASE'] reads; only the lines naming Commerce7 are read", async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = (await import('node:path')).default;
    const { collectSources } = await import('../../generators/lib/audit/read.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'c7-env-'));
    writeFileSync(path.join(dir, 'Sync.php'), [
      '<?php',
      "$client = new GuzzleHttp\\Client(['base_uri' => $_ENV['API_BASE']]);",
      "$client->put('product/' . $id, ['json' => []]);",
    ].join('\n'));
    writeFileSync(path.join(dir, '.env'), 'API_BASE=https://api.commerce7.com/v1/\nC7_APP_SECRET=s3cr3t-value\n');
    const collected = collectSources([dir], { shown: (abs) => path.relative(dir, abs) });
    const env = collected.sources.find((s) => s.file === '.env');
    assert.ok(env, 'the .env is read');
    assert.doesNotMatch(env.text, /s3cr3t/);
    const r = await auditSources(collected.sources);
    assert.deepEqual(calls(r), ['PUT /product/{id}']);
    assert.deepEqual(r.unresolved, []);
  });
});

describe('audit engine: TypeScript generics after await; verb words on a client', () => {
  it('await api.replace<T>(`club-membership/${id}`) on a RestClient with the base: a PUT (the await is not the callee)', async () => {
    const r = await audit({ 'a.ts': [
      "const C7_BASE = 'https://api.commerce7.com/v1/';",
      "const api = new RestClient('ua', C7_BASE);",
      'export async function f(m: { id: string }) {',
      '  const { clubs } = await api.get<{ clubs: unknown[] }>(`club`);',
      "  await api.replace<Membership>(`club-membership/${m.id}`, { status: 'Active' });",
      '}',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /club', 'PUT /club-membership/{id}']);
  });

  it("not a verb word: a request factory's createRequest('GET', url) keeps its GET", async () => {
    const r = await audit({ 'Client.php': [
      '<?php',
      'final class Client {',
      "  const ROOT = 'https://api.commerce7.com/v1';",
      "  public function tags(): array { $req = $this->requests->createRequest('GET', self::ROOT . '/tag/customer'); return $this->http->sendRequest($req); }",
      '}',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /tag/customer']);
  });
});

describe('audit engine: Azure Pipelines', () => {
  it('a bash step with $(C7_API) macros and a variables list; $(date …) stays a command', async () => {
    const r = await audit({ 'azure-pipelines.yml': [
      'variables:',
      '  - group: commerce7-prod',
      '  - name: C7_API',
      '    value: https://api.commerce7.com/v1',
      'steps:',
      '  - bash: |',
      "      since=$(date -u -d 'yesterday' +%Y-%m-%d)",
      '      curl -fsS -u "$(C7_APP_ID):$(C7_APP_SECRET)" "$(C7_API)/order?since=${since}" > orders.json',
      '      curl -fsS -X PUT -u "$(C7_APP_ID):$(C7_APP_SECRET)" "$(C7_API)/customer/1" -d @c.json',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /order', 'PUT /customer/{id}']);
  });
});

describe('audit engine: endpoint tables called by alias', () => {
  it("Zodios: makeApi([{ method, path, alias }]) and api.alias(...) — only the aliases called count; ':id' is an id", async () => {
    const r = await audit({
      'api.ts': [
        "import { makeApi, Zodios } from '@zodios/core';",
        'export const endpoints = makeApi([',
        "  { method: 'get', path: '/product', alias: 'listProducts', response: x },",
        "  { method: 'put', path: '/product/:productId', alias: 'updateProduct', response: x },",
        "  { method: 'post', path: '/vendor', alias: 'createVendor', response: x },",
        ']);',
        "export const api = new Zodios('https://api.commerce7.com/v1', endpoints);",
      ].join('\n'),
      'feed.ts': [
        "import { api } from './api.js';",
        'const page = await api.listProducts({ queries: { cursor } });',
        'await api.updateProduct({ title: 1 }, { params: { productId: p.id } });',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /product', 'PUT /product/{id}']);
  });
});

describe('audit engine: a request object made inside the call that sends it', () => {
  it('RestSharp: client.DeleteAsync(new RestRequest(path)) is one DELETE, not also the request\'s default GET', async () => {
    const r = await audit({ 'Sync.cs': [
      'using RestSharp;',
      'public class Sync {',
      '  private readonly RestClient _client = new RestClient(new RestClientOptions("https://api.commerce7.com/v1"));',
      '  public async Task Run(string id) {',
      '    await _client.DeleteAsync(new RestRequest($"tag-x-object/club-membership/{id}/{id}"));',
      '    var list = await _client.GetAsync<object>(new RestRequest("club"));',
      '  }',
      '}',
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /tag-x-object/club-membership/{id}/{id}', 'GET /club']);
    assert.deepEqual(r.unknown, []);
  });
});

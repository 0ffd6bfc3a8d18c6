// Shapes of the twelfth held-out set, once it was given up as a development set (issue 12): a WordPress endpoints
// table named like a base, get_option's and django-environ's defaults, `async with client() as c`, keywords after a
// rest parameter, `TABLE[key].format(*ids)`, Net::HTTP.const_get, C#'s IOptions<T>, and a class's own method name
// called on its client field.
import assert from 'node:assert/strict';
import { auditSources } from '../../generators/lib/audit/index.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: Awaited<ReturnType<typeof audit>>) => r.references.map((x) => `${x.method} ${x.path}`).sort();
const C7 = 'https://api.commerce7.com/v1';

describe('audit engine: shapes of the twelfth held-out set', () => {
  it("a PHP const table named like a base (C7WP_ENDPOINTS['customers']) is a table: its entry, not its key", async () => {
    const r = await audit({
      'inc/api.php': [
        '<?php',
        'const C7WP_ENDPOINTS = [',
        "    'customers' => '/customer',",
        "    'products' => '/product',",
        '];',
        "function c7wp_api($path, $method = 'GET') {",
        `    $ch = curl_init('${C7}' . $path);`,
        '    curl_setopt($ch, CURLOPT_CUSTOMREQUEST, $method);',
        '    return curl_exec($ch);',
        '}',
      ].join('\n'),
      'plugin.php': [
        '<?php',
        "require_once __DIR__ . '/inc/api.php';",
        "add_action('init', function () { c7wp_api(C7WP_ENDPOINTS['products']); });",
        "function signup() { c7wp_api(C7WP_ENDPOINTS['customers'], 'POST'); }",
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /product', 'POST /customer']);
    assert.deepEqual(r.unknown ?? [], []);
  });

  it("WordPress get_option('…', default) with Commerce7's base as the default is that base, with its line as evidence", async () => {
    const r = await audit({ 'api.php': [
      '<?php',
      'function wpc7_get($path) {',
      `    $base = rtrim(get_option('wpc7_api_base', '${C7}'), '/');`,
      "    return wp_remote_get($base . '/' . ltrim($path, '/'));",
      '}',
      "wpc7_get('vendor');",
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /vendor']);
    assert.ok(r.references[0]!.evidence.pieces.some((p) => p.line === 3 && p.text === C7), JSON.stringify(r.references[0]!.evidence));
    assert.deepEqual(r.unresolved, []);
  });

  it('django-environ env("X", default=base), a keyword after *ids, and ENDPOINTS[key].format(*ids)', async () => {
    const r = await audit({
      'app/settings.py': ['import environ', 'env = environ.Env()', `C7_API_BASE = env("C7_API_BASE", default="${C7}")`].join('\n'),
      'app/c7.py': [
        'import requests',
        'from app import settings',
        'ENDPOINTS = {"cards": "/gift-card", "card": "/gift-card/{}", "club": "/club/{}"}',
        'def call(key, *ids, method="GET", json=None):',
        '    url = settings.C7_API_BASE + ENDPOINTS[key].format(*ids)',
        '    return requests.request(method, url, json=json)',
      ].join('\n'),
      'app/tasks.py': [
        'from app.c7 import call',
        'call("cards")',
        'call("card", "c-1", method="PUT", json={})',
        'call("club", "k-9")',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /club/{id}', 'GET /gift-card', 'PUT /gift-card/{id}']);
    assert.ok(r.references.every((x) => x.evidence.pieces.some((p) => p.file === 'app/settings.py' && p.line === 3)));
    assert.deepEqual(r.unresolved, []);
  });

  it('`async with client() as c` binds c to the client the function returns (httpx.AsyncClient with a base)', async () => {
    const r = await audit({ 'jobs.py': [
      'import httpx',
      `BASE = "${C7}"`,
      'def client():',
      '    return httpx.AsyncClient(base_url=BASE)',
      'async def send(c, method, url):',
      '    return (await c.request(method, url)).json()',
      'async def main():',
      '    async with client() as c:',
      '        await send(c, "GET", "/club")',
      '        await send(c, "POST", "/note")',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /club', 'POST /note']);
  });

  it("Net::HTTP.const_get(verb.to_s.capitalize).new(uri): the request's method is the verb the caller passes", async () => {
    const r = await audit({ 'lib/c7.rb': [
      'require "net/http"',
      `BASE = "${C7}"`,
      'def c7(verb, path, body = nil)',
      '  uri = URI(BASE + path)',
      '  req = Net::HTTP.const_get(verb.to_s.capitalize).new(uri)',
      '  req.body = body.to_json if body',
      '  Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }',
      'end',
      'c7(:get, "/reservation")',
      'c7(:put, "/reservation/#{id}", { status: "No Show" })',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /reservation', 'PUT /reservation/{id}']);
  });

  it("C#'s IOptions<ErpOptions>: erp.Value.BaseUrl is ErpOptions' member, not Commerce7Options' of the same name", async () => {
    const r = await audit({
      'Options.cs': [
        'public class Commerce7Options { public string BaseUrl { get; set; } = "' + C7 + '"; }',
        'public class ErpOptions { public string BaseUrl { get; set; } = ""; }',
      ].join('\n'),
      'Worker.cs': [
        'using Flurl.Http;',
        'public class Worker(IOptions<Commerce7Options> c7, IOptions<ErpOptions> erp) : BackgroundService',
        '{',
        '    protected override async Task ExecuteAsync(CancellationToken stop)',
        '    {',
        '        var items = await erp.Value.BaseUrl.AppendPathSegment("items").GetJsonAsync<List<Item>>();',
        '        var vendors = await c7.Value.BaseUrl.AppendPathSegment("vendor").GetJsonAsync<VendorList>();',
        '    }',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ["GET /vendor"]);
    assert.deepEqual(r.unknown ?? [], []);
  });

  it("a class's own method name called on its client field (this.http.get inside a class with get(id)) is the client's", async () => {
    const r = await audit({
      'resource.ts': [
        "import axios from 'axios';",
        'export abstract class Resource {',
        '  protected abstract readonly path: string;',
        `  protected readonly http = axios.create({ baseURL: '${C7}' });`,
        '  list() { return this.http.get(this.path); }',
        '  get(id: string) { return this.http.get(`${this.path}/${id}`); }',
        '}',
        "export class Vendors extends Resource { protected readonly path = '/vendor'; }",
        "export class Products extends Resource { protected readonly path = '/product'; }",
      ].join('\n'),
      'job.ts': [
        "import { Products, Vendors } from './resource';",
        'export async function run(id: string) {',
        '  await new Vendors().list();',
        '  await new Products().get(id);',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /product/{id}', 'GET /vendor']);
    assert.deepEqual(r.unknown ?? [], []);
  });
  it("process.env.X ?? Commerce7's base is that base, with the default's line as evidence", async () => {
    const r = await audit({
      'src/config.ts': `export const config = { c7: { baseURL: process.env.C7_API_URL ?? '${C7}' } };`,
      'src/job.ts': ["import axios from 'axios';", "import { config } from './config';", "axios.get(config.c7.baseURL + '/vendor');"].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /vendor']);
    assert.ok(r.references[0]!.evidence.pieces.some((p) => p.file === 'src/config.ts' && p.text === C7), JSON.stringify(r.references[0]!.evidence));
  });

  it("a client field made in the constructor from an imported config's base takes that base (no \"base reaches no call\" note)", async () => {
    const r = await audit({
      'src/config.ts': `export const config = { c7: { baseURL: process.env.C7_API_URL ?? '${C7}' } };`,
      'src/c7/client.ts': [
        "import axios from 'axios';",
        "import { config } from '../config';",
        'export class Client {',
        '  private readonly http;',
        '  constructor(tenant: string) {',
        '    this.http = axios.create({ baseURL: config.c7.baseURL, headers: { tenant } });',
        '  }',
        "  vendors() { return this.http.get('vendor'); }",
        '}',
      ].join('\n'),
      'src/run.ts': ["import { Client } from './c7/client';", "new Client('t').vendors();"].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /vendor']);
    assert.deepEqual(r.unresolved, []);
  });
});

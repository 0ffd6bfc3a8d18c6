// Shapes of the nineteenth development set (issue 12): bash functions handing "$@" to one that fills a global curl
// argument array, `case` sub-commands as a table, a PowerShell module's uncalled function, Python's `await` and a
// decoded body's `get`, a dict's `get` with a default, and a method of a table entry made by a dataclass.
import assert from 'node:assert/strict';
import { auditSources } from '../../generators/lib/audit/index.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: Awaited<ReturnType<typeof audit>>) => [...new Set(r.references.map((x) => `${x.method} ${x.path}`))].sort();
const C7 = 'https://api.commerce7.com/v1';

describe('audit engine: shapes of the nineteenth development set', () => {
  it('bash: c7() { build_args "$@"; curl "${ARGS[@]}"; } reads the global array the other function fills', async () => {
    const r = await audit({
      'lib.sh': [
        `: "\${C7_API:=${C7}}"`,
        'build_args() {',
        '  local method=$1 path=$2',
        '  ARGS=(-sS -X "$method" -u "$ID:$KEY")',
        '  ARGS+=("${C7_API}${path}")',
        '}',
        'c7() {',
        '  build_args "$@"',
        '  curl "${ARGS[@]}"',
        '}',
      ].join('\n'),
      'run.sh': ['. ./lib.sh', 'c7 GET "/club/$club"', 'c7 DELETE "/tag/$tag"'].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'GET /club/{id}']);
  });

  it('bash: `case "$cmd" in` arms that set method and path are a table: each arm\'s method goes with its own path', async () => {
    const r = await audit({ 'hooks.sh': [
      `API=${C7}`,
      'cmd=$1',
      'case "$cmd" in',
      '  list) method=GET; path=/web-hook ;;',
      '  add) method=POST; path=/web-hook ;;',
      '  sync) method=POST; path=/app-sync ;;',
      '  logs) method=GET; path=/web-hook-log ;;',
      '  *) echo usage; exit 1 ;;',
      'esac',
      'curl -sS -X "$method" "$API$path"',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /web-hook', 'GET /web-hook-log', 'POST /app-sync', 'POST /web-hook']);
    assert.deepEqual(r.unknown ?? [], []);
  });

  it("PowerShell: a module's function no script calls, beside functions scripts do call, is listed as unused", async () => {
    const r = await audit({
      'C7.psm1': [
        `$script:Base = '${C7}'`,
        'function Invoke-C7 {',
        '    param([string]$Method = "GET", [string]$Path)',
        '    Invoke-RestMethod -Method $Method -Uri "$script:Base$Path"',
        '}',
        'function Get-C7Vendor { Invoke-C7 -Method Get -Path "/vendor" }',
        'Export-ModuleMember -Function Invoke-C7, Get-C7Vendor',
      ].join('\n'),
      'run.ps1': ['Import-Module "$PSScriptRoot/C7.psm1"', "Invoke-C7 -Method Post -Path '/note'"].join('\n'),
    });
    assert.deepEqual(calls(r), ['POST /note']);
    assert.ok(r.unresolved.some((u) => u.file === 'C7.psm1' && /Get-C7Vendor, a function nothing in the code calls, in a module used elsewhere/.test(u.why)), JSON.stringify(r.unresolved));
  });

  it("Python: `page = await self.get(path)` then page.get(key) is the decoded body's get, not the client's", async () => {
    const r = await audit({
      'sync/c7.py': [
        'import os',
        'import aiohttp',
        `API = os.getenv("C7_API_BASE", "${C7}")`,
        'class C7:',
        '    def __init__(self, session: aiohttp.ClientSession, tenant: str):',
        '        self.session = session',
        '        self.tenant = tenant',
        '    async def get(self, path: str, **params):',
        '        for _ in range(3):',
        '            async with self.session.get(f"{API}{path}", params=params, headers={"tenant": self.tenant}) as r:',
        '                if r.status == 429:',
        '                    continue',
        '                return await r.json()',
        '    async def each(self, path: str, key: str, **params):',
        '        params["cursor"] = "start"',
        '        while params["cursor"]:',
        '            page = await self.get(path, **params)',
        '            for item in page.get(key):',
        '                yield item',
        '            params["cursor"] = page.get("cursor")',
        'def session():',
        '    return aiohttp.ClientSession()',
      ].join('\n'),
      'sync/run.py': [
        'from .c7 import C7, session',
        'async def main():',
        '  async with session() as s:',
        '    c7 = C7(s, "t")',
        '    async for p in c7.each("/product", "products", type="Wine"):',
        '        stock = await c7.get(f"/inventory-location/{p}")',
        '        print(stock.get("inventory"))',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /inventory-location/{id}', 'GET /product']);
    assert.deepEqual(r.unknown ?? [], []);
  });

  it('Python: row.get("customer", {}) is a dict\'s get with a default, not a GET on a client', async () => {
    const r = await audit({ 'cli.py': [
      'import httpx',
      `client = httpx.Client(base_url="${C7}")`,
      'rows = client.get("/reservation").json()["reservations"]',
      'for x in rows:',
      '    print(x.get("customer", {}).get("lastName", "?"))',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /reservation']);
  });

  it("Python: ep = ENDPOINTS[name]; ep.url(**ids) on a table of dataclass entries takes the entry's path (the key bound per call)", async () => {
    const r = await audit({ 'c7.py': [
      'import requests',
      'from dataclasses import dataclass',
      `BASE_URL = "${C7}"`,
      '@dataclass(frozen=True)',
      'class Endpoint:',
      '    method: str',
      '    path: str',
      '    def url(self, **ids):',
      '        return BASE_URL + self.path.format(**ids)',
      'ENDPOINTS = {"cards": Endpoint("GET", "/gift-card"), "update_card": Endpoint("PUT", "/gift-card/{id}"), "note": Endpoint("POST", "/note")}',
      'def call(name, **ids):',
      '    ep = ENDPOINTS[name]',
      '    return requests.request(ep.method, ep.url(**ids))',
      'call("update_card", id=5)',
      'call("note")',
    ].join('\n') });
    assert.deepEqual(calls(r), ['POST /note', 'PUT /gift-card/{id}']);
    assert.deepEqual(r.unresolved, []);
  });
  it("C#: a table keyed by a declared enum's members ([C7Resource.Vendor] = \"vendor\") is read by the member the caller passes", async () => {
    const r = await audit({
      'Gateway.cs': [
        'public enum C7Resource { Product, Vendor, Department }',
        'public sealed class Gateway',
        '{',
        '    private static readonly IReadOnlyDictionary<C7Resource, string> Paths = new Dictionary<C7Resource, string>',
        '    {',
        '        [C7Resource.Product] = "product",',
        '        [C7Resource.Vendor] = "vendor",',
        '        [C7Resource.Department] = "department",',
        '    };',
        `    private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri("${C7}/") };`,
        '    public Task<string> ListAsync(C7Resource resource, string? q = null) => Send(HttpMethod.Get, q is null ? Paths[resource] : $"{Paths[resource]}?{q}");',
        '    public Task<string> SaveAsync(C7Resource resource, string id) => Send(HttpMethod.Put, $"{Paths[resource]}/{id}");',
        '    private async Task<string> Send(HttpMethod method, string path)',
        '    {',
        '        using var req = new HttpRequestMessage(method, path);',
        '        using var res = await _http.SendAsync(req);',
        '        return await res.Content.ReadAsStringAsync();',
        '    }',
        '}',
      ].join('\n'),
      'Job.cs': ['public class Job(Gateway c7)', '{', '    public async Task Run(string vendorId) { await c7.ListAsync(C7Resource.Department); await c7.SaveAsync(C7Resource.Vendor, vendorId); }', '}'].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /department', 'PUT /vendor/{id}']);
  });
  it('Ruby: define_method("list_#{name}") over a constant hash is one method per entry, counted where each is called', async () => {
    const r = await audit({
      'lib/c7.rb': [
        'require "http"',
        'module C7',
        '  class Api',
        `    BASE = "${C7}"`,
        '    RESOURCES = { orders: "order", vendors: "vendor", clubs: "club" }.freeze',
        '    def initialize(tenant) = @http = HTTP.headers("tenant" => tenant)',
        '    RESOURCES.each do |name, path|',
        '      define_method("list_#{name}") do |**params|',
        '        @http.get("#{BASE}/#{path}", params: params).parse',
        '      end',
        '      define_method("find_#{name.to_s.chomp("s")}") do |id|',
        '        @http.get("#{BASE}/#{path}/#{id}").parse',
        '      end',
        '    end',
        '  end',
        'end',
      ].join('\n'),
      'job.rb': ['require_relative "lib/c7"', 'api = C7::Api.new("t")', 'api.list_orders(limit: 50)', 'api.find_vendor(ARGV[0])'].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /order', 'GET /vendor/{id}']);
    assert.ok(r.unresolved.some((u) => /list_clubs, a method nothing in the code calls/.test(u.why)), JSON.stringify(r.unresolved));
  });
});

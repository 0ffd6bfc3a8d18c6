// Shapes of the twentieth and twenty-first development sets (issue 12): zsh's parameter flags, xh's method as a
// variable, wget's computed --post-data, `printf -v`, a table's key handed down through two shell functions, POSIX
// sh's `set --` before `"$@"`, two assignments before a command on the next line, and PowerShell over .NET's HttpClient.
import assert from 'node:assert/strict';
import { auditSources } from '../../generators/lib/audit/index.js';
import { isAuditedFile } from '../../generators/lib/audit/files.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: Awaited<ReturnType<typeof audit>>) => [...new Set(r.references.map((x) => `${x.method} ${x.path}`))].sort();
const C7 = 'https://api.commerce7.com/v1';

describe('audit engine: shapes of the twentieth and twenty-first development sets', () => {
  it('zsh: ${(f)"$(…)"} and ${(U)1} do not hide the calls after them (the bash grammar read the rest as an error)', async () => {
    const r = await audit({ 'sync.zsh.sh': [
      '#!/usr/bin/env zsh',
      `C7=\${C7:-${C7}}`,
      'api() {',
      '  local verb=${(U)1}',
      '  curl -s -X "$verb" -u "$ID:$KEY" "$C7/$2"',
      '}',
      'skus=(${(f)"$(api get product | jq -r ".products[].sku")"})',
      'for s in $skus; do',
      '  api put "product/$s"',
      'done',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /product', 'PUT /product/{id}']);
  });

  it('xh / httpie: `xh "$method" "$url"` in a helper takes the method from the variable', async () => {
    const r = await audit({ 'c7.sh': [
      `API=${C7}`,
      'c7() { local method=$1 rel=$2; shift 2; xh -a "$ID:$KEY" "$method" "$API/$rel" "$@"; }',
      'c7 POST tag title=Gold',
      'c7 GET club',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /club', 'POST /tag']);
  });

  it('wget: --post-data="$(jq …)" (an option glued to a computed value) is a POST through a "$@" wrapper', async () => {
    const r = await audit({ 'w.sh': [
      `API=${C7}`,
      'w() { wget -q -O - --header "tenant: $T" "$@"; }',
      'w --post-data="$(jq -cn --arg c "$cid" \'{customerId:$c}\')" "$API/note"',
    ].join('\n') });
    assert.deepEqual(calls(r), ['POST /note']);
  });

  it('bash: printf -v url FORMAT … sets url; a table key passed down two functions ("$1" of the caller) selects its entry', async () => {
    const r = await audit({ 'report.sh': [
      `BASE=${C7}`,
      'declare -A RES=([sales]=order [guests]=customer [unused]=vendor)',
      'fetch_page() {',
      '  local u',
      '  printf -v u \'%s/%s?page=%d\' "$BASE" "${RES[$1]}" "$2"',
      '  curl -s -u "$ID:$KEY" "$u"',
      '}',
      'fetch_all() { local p=1; fetch_page "$1" "$p"; }',
      'fetch_all sales',
      'fetch_all guests',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /customer', 'GET /order']);
  });

  it('POSIX sh: `set -- METHOD PATH` then `f "$@"` binds the words; `a=$1 b=$2` then `shift 2` on the next line sets a and b', async () => {
    const r = await audit({ 'notes.sh': [
      `: "\${API:=${C7}}"`,
      'call() {',
      '  m=$1 p=$2',
      '  shift 2',
      '  curl -s -X "$m" -u "$ID:$KEY" "$@" "$API/$p"',
      '}',
      'set -- GET "customer/$cid"',
      'who=$(call "$@")',
      'set -- POST note --data "$body"',
      'call "$@"',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /customer/{id}', 'POST /note']);
  });

  it('PowerShell: [System.Net.Http.HttpClient] with a BaseAddress, GetStringAsync / SendAsync(HttpRequestMessage) / PostAsync', async () => {
    const r = await audit({ 'Sync.ps1': [
      '$http = [System.Net.Http.HttpClient]::new()',
      `$http.BaseAddress = [Uri]'${C7}/'`,
      "$list = ($http.GetStringAsync('club').GetAwaiter().GetResult() | ConvertFrom-Json).clubs",
      'foreach ($c in $list) {',
      '  $msg = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Put, "club/$($c.id)")',
      '  $null = $http.SendAsync($msg).Result',
      '}',
      "Out-Null $http.PostAsync('tag', $body)",
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /club', 'POST /tag', 'PUT /club/{id}']);
  });

  it('node:https: a helper handed the options (send({ hostname, path, method })) sends the caller\'s fields', async () => {
    const r = await audit({
      'lib/http.js': [
        "const https = require('node:https');",
        'function send(options) { return new Promise((ok) => { const req = https.request(options, (res) => ok(res)); req.end(); }); }',
        "function list(what) { return send({ hostname: 'api.commerce7.com', path: `/v1/${what}`, method: 'GET' }); }",
        'module.exports = { send, list };',
      ].join('\n'),
      'purge.js': [
        "const { send, list } = require('./lib/http');",
        "list('tag');",
        "send({ hostname: 'api.commerce7.com', path: `/v1/tag/${t.id}`, method: 'DELETE' });",
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'GET /tag']);
  });

  it('axios: an instance another file makes and exports (module.exports = api) is called as a function there; its base is no lost note', async () => {
    const r = await audit({
      'api.js': ["const axios = require('axios');", `const api = axios.create({ baseURL: process.env.C7_BASE || '${C7}' });`, 'module.exports = api;'].join('\n'),
      'job.js': ["const api = require('./api');", "api({ url: '/vendor' });", "api({ method: 'delete', url: `/vendor/${id}` });"].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}', 'GET /vendor']);
    assert.ok(!r.unresolved.some((u) => u.file === 'api.js'), JSON.stringify(r.unresolved));
  });

  it('TypeScript: an exported function of a module other files call into, that nothing calls, is listed, not counted', async () => {
    const r = await audit({
      'lib/c7.ts': [
        `const BASE = process.env.C7 ?? '${C7}';`,
        'export async function c7(method: string, path: string) { return fetch(`${BASE}${path}`, { method }); }',
        "export const listVendors = (q: string) => c7('GET', `/vendor?q=${q}`);",
      ].join('\n'),
      'app/api/join/route.ts': ["import { c7 } from '../../../lib/c7';", "export async function POST() { await c7('POST', '/club-membership'); }"].join('\n'),
    });
    assert.deepEqual(calls(r), ['POST /club-membership']);
    assert.ok(r.unresolved.some((u) => u.pattern === '/vendor' && /nothing in the code calls/.test(u.why)), JSON.stringify(r.unresolved));
  });

  it('C#: Flurl Request("a", id, "b") appends each segment; SendJsonAsync(HttpMethod.Patch, …) is a PATCH', async () => {
    const r = await audit({ 'Holds.cs': [
      'using Flurl.Http;',
      'class Holds {',
      `  private readonly IFlurlClient _api = new FlurlClient("${C7}");`,
      '  public async Task Run(string id) {',
      '    var h = await _api.Request("club-membership", id, "history").GetJsonAsync<History>();',
      '    await _api.Request("club-membership", id).SendJsonAsync(HttpMethod.Patch, new { status = "Active" });',
      '  }',
      '}',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /club-membership/{id}/history', 'PATCH /club-membership/{id}']);
  });

  it('C#: a value read from a response (JObject.Parse(wc.DownloadString(url))["id"]) is data, not its URL; WebRequest.Create is a GET until Method is set', async () => {
    const r = await audit({ 'Legacy.cs': [
      'class Legacy {',
      `  const string Root = "${C7}/";`,
      '  public JObject Find(string code) {',
      '    using (var wc = new WebClient()) { var json = wc.DownloadString(Root + "gift-card?q=" + code); return (JObject)JObject.Parse(json)["giftCards"][0]; }',
      '  }',
      '  public void Expire(string id) { using (var wc = new WebClient()) wc.UploadString(Root + "gift-card/" + id, "PUT", "{}"); }',
      '  public string Owner(string cid) { var req = (HttpWebRequest)WebRequest.Create(Root + "customer/" + cid); using (var res = req.GetResponse()) return res.ToString(); }',
      '  public void Run() { var card = Find("X"); Expire((string)card["id"]); Owner((string)card["customerId"]); }',
      '}',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /customer/{id}', 'GET /gift-card', 'PUT /gift-card/{id}']);
  });

  it('C#: ServiceStack sends a request DTO to the route its class declares ([Route("/vendor/{Id}", "PUT")])', async () => {
    const r = await audit({
      'Dtos.cs': ['[Route("/vendor", "GET")]', 'public class ListVendors : IReturn<VendorPage> { public int Page { get; set; } }', '[Route("/vendor/{Id}", "PUT")]', 'public class UpdateVendor : IReturn<Vendor> { public string Id { get; set; } }', '[Route("/product", "GET")]', 'public class ListProducts : IReturn<object> { }'].join('\n'),
      'Program.cs': [`var client = new JsonServiceClient("${C7}");`, 'var page = client.Get(new ListVendors { Page = 1 });', 'client.Put(new UpdateVendor { Id = id });'].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /vendor', 'PUT /vendor/{id}']);
  });

  it('tests in each language\'s own naming are skipped unless asked: Tests/, Api.Tests/, CouponTests.cs, OrderTest.php, order_spec.rb', () => {
    for (const f of ['Tests/ClientTests.cs', 'src/Api.Tests/Client.cs', 'src/CouponClientTests.cs', 'src/OrderTest.php', 'lib/order_spec.rb', 'lib/order_test.rb', 'Tests/Unit/OrderSync.php']) {
      assert.equal(isAuditedFile(f), false, f);
      assert.equal(isAuditedFile(f, { includeTests: true }), true, f);
    }
    for (const f of ['src/Contest.cs', 'src/Latest.php', 'lib/attest.rb', 'src/Testimonials.cs', 'src/Api.Client/Orders.cs']) assert.equal(isAuditedFile(f), true, f);
  });

  it('Ruby: RestClient.send(:"#{verb.downcase}", *args) takes the method from the verb its helper is given', async () => {
    const r = await audit({ 'club.rb': [
      'require "rest-client"',
      'class Chores',
      `  BASE = ENV.fetch("C7_API_BASE", "${C7}")`,
      '  def run(id)',
      '    c7("GET", "club")',
      '    c7("PUT", "club-membership/#{id}", { status: "Active" })',
      '  end',
      '  private',
      '  def c7(verb, path, payload = nil)',
      '    args = ["#{BASE}/#{path}"]',
      '    args << payload.to_json if payload',
      '    RestClient.send(:"#{verb.downcase}", *args)',
      '  end',
      'end',
      'Chores.new.run(ARGV[0])',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /club', 'PUT /club-membership/{id}']);
  });

  it('Go: base.ResolveReference(&url.URL{Path: "customer/" + id + "/address"}) keeps the whole reference under the base', async () => {
    const r = await audit({ 'main.go': [
      'package main',
      'import ("net/http"; "net/url")',
      `var base, _ = url.Parse("${C7}/")`,
      'func addresses(id string) (*http.Response, error) {',
      '\tu := base.ResolveReference(&url.URL{Path: "customer/" + id + "/address"})',
      '\treq, _ := http.NewRequest(http.MethodGet, u.String(), nil)',
      '\treturn http.DefaultClient.Do(req)',
      '}',
      'func main() { addresses("1") }',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /customer/{id}/address']);
  });
});

// Shapes of the seventeenth development set (issue 12): PHP options arrays read by key, bash defaults and argument
// arrays, Go's comma-ok map reads and worker pools over channels, a class's parameterless method on a base whose
// constructor sets fields, a bare fetch beside an object's fetch method, a static client factory, C#'s options held
// in a local or a field, and a Refit interface whose other methods are called.
import assert from 'node:assert/strict';
import { auditSources } from '../../generators/lib/audit/index.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: Awaited<ReturnType<typeof audit>>) => [...new Set(r.references.map((x) => `${x.method} ${x.path}`))].sort();
const C7 = 'https://api.commerce7.com/v1';

describe('audit engine: shapes of the seventeenth development set', () => {
  it("PHP: $args['method'] ?? 'GET' and isset($args['method']) ? … : 'GET' on an options-array parameter take the caller's method", async () => {
    const r = await audit({ 'api.php': [
      '<?php',
      `define('C7_API', '${C7}');`,
      'function c7_send($path, $args = array()) {',
      "    $method = isset($args['method']) ? $args['method'] : 'GET';",
      "    return wp_remote_request(C7_API . $path, array('method' => $method));",
      '}',
      'function c7_call($path, array $opts = []) {',
      "    return wp_remote_request(C7_API . $path, ['method' => $opts['method'] ?? 'GET']);",
      '}',
      "c7_send('/club', array('method' => 'PUT'));",
      "c7_call('/vendor', ['method' => 'DELETE']);",
      "c7_call('/product');",
    ].join('\n') });
    assert.ok(calls(r).includes('PUT /club') && calls(r).includes('DELETE /vendor') && calls(r).includes('GET /product'), calls(r).join(', '));
    assert.deepEqual(calls(r).filter((x) => !/^GET /.test(x)), ['DELETE /vendor', 'PUT /club']);
  });

  it('bash: `local path=$1 method=${2:-GET}`, curl "${args[@]}" with -X in the array, ${q:+?$q} and : "${C7_API:=…}"', async () => {
    const r = await audit({
      'lib.sh': [
        `: "\${C7_API:=${C7}}"`,
        'c7() {',
        '  local path=$1 method=${2:-GET} query=${3:-}',
        '  local args=(-sS -X "$method" -u "$ID:$KEY")',
        '  curl "${args[@]}" "$C7_API/$path${query:+?$query}"',
        '}',
      ].join('\n'),
      'run.sh': ['source ./lib.sh', 'c7 customer GET "q=a"', 'c7 "customer/$id/address" PUT', 'c7 note POST', 'c7 vendor'].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /customer', 'GET /vendor', 'POST /note', 'PUT /customer/{id}/address']);
    assert.ok(r.references.every((x) => x.evidence.pieces.some((p) => p.file === 'lib.sh' && p.line === 1)));
    assert.deepEqual(r.unresolved, []);
  });

  it("Go: `path, ok := endpoints[name]` then `path = fmt.Sprintf(path, ids...)` is the table's entry, formatted", async () => {
    const r = await audit({ 'c7.go': [
      'package main',
      'import ("fmt"; "net/http")',
      `const base = "${C7}"`,
      'var endpoints = map[string]string{"clubs": "/club", "club": "/club/%s"}',
      'func call(method, name string, ids ...any) error {',
      '\tpath, ok := endpoints[name]',
      '\tif !ok { return fmt.Errorf("no %s", name) }',
      '\tif len(ids) > 0 { path = fmt.Sprintf(path, ids...) }',
      '\treq, _ := http.NewRequest(method, base+path, nil)',
      '\t_, err := http.DefaultClient.Do(req)',
      '\treturn err',
      '}',
      'func main() { call(http.MethodGet, "clubs"); call(http.MethodPut, "club", "c1") }',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /club', 'PUT /club/{id}']);
    assert.deepEqual(r.unresolved, []);
  });

  it('Go: a worker ranging over the channel (or slice) parameter it is given sends what the caller puts in', async () => {
    const r = await audit({ 'main.go': [
      'package main',
      'import "net/http"',
      `var apiBase = "${C7}"`,
      'type job struct {',
      '\tmethod string',
      '\tpath   string',
      '}',
      'func do(j job) { req, _ := http.NewRequest(j.method, apiBase+j.path, nil); http.DefaultClient.Do(req) }',
      'func worker(jobs <-chan job) { for j := range jobs { do(j) } }',
      'func batch(jobs []job) { for _, j := range jobs { do(j) } }',
      'func main() {',
      '\tjobs := make(chan job)',
      '\tgo worker(jobs)',
      '\tjobs <- job{http.MethodPost, "/inventory-transaction"}',
      '\tclose(jobs)',
      '\tbatch([]job{{http.MethodDelete, "/tag/1"}})',
      '}',
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'POST /inventory-transaction']);
  });

  it("TS: a parameterless method of a subclass whose base's constructor sets fields (vendors() over this.request) counts", async () => {
    const r = await audit({
      'client.ts': [
        'export abstract class Base {',
        `  protected constructor(private readonly tenant: string, private readonly base = '${C7}') {}`,
        '  protected request(verb: string, path: string) {',
        '    return fetch(`${this.base}${path}`, { method: verb, headers: { tenant: this.tenant } });',
        '  }',
        '}',
        'export class Catalog extends Base {',
        '  constructor(tenant: string) { super(tenant); }',
        "  departments() { return this.request('GET', '/department'); }",
        "  retag(id: string) { return this.request('PUT', `/product/${id}`); }",
        '}',
      ].join('\n'),
      'job.ts': ["import { Catalog } from './client';", "const c = new Catalog('t');", 'await c.departments();', "await c.retag('p1');"].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /department', 'PUT /product/{id}']);
  });

  it("TS: a bare fetch() is the global fetch, not the fetch(req) method of an object literal (Bun.serve, a Worker)", async () => {
    const r = await audit({
      'c7.ts': [`export async function send(method: string, path: string) {`, `  return fetch('${C7}' + path, { method });`, '}'].join('\n'),
      'server.ts': [
        "import { send } from './c7';",
        'Bun.serve({',
        '  async fetch(req) {',
        "    if (new URL(req.url).pathname.startsWith('/cart/')) return Response.redirect('/x');",
        "    await send('POST', '/coupon');",
        "    return new Response('ok');",
        '  },',
        '});',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['POST /coupon']);
  });

  it("PHP: a client a static factory makes (C7::make($config['c7']) → new Client(['base_uri' => $cfg['base_uri']])), the base a getenv() ?: fallback", async () => {
    const r = await audit({
      'config.php': ['<?php', 'return [', "    'c7' => [", `        'base_uri' => getenv('C7_BASE_URI') ?: '${C7}/',`, "        'tenant' => getenv('C7_TENANT'),", '    ],', '];'].join('\n'),
      'src/C7.php': [
        '<?php',
        'namespace App;',
        'use GuzzleHttp\\Client;',
        'final class C7 {',
        '    public static function make(array $cfg): Client { return new Client([\'base_uri\' => $cfg[\'base_uri\'], \'headers\' => [\'tenant\' => $cfg[\'tenant\']]]); }',
        '}',
      ].join('\n'),
      'bin/run.php': [
        '<?php',
        '$config = require __DIR__ . \'/../config.php\';',
        "$client = App\\C7::make($config['c7']);",
        "$list = json_decode((string) $client->get('collection')->getBody(), true);",
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /collection']);
  });

  it("C#: options held in a local (var o = ss.Value) or a field (_c7 = c7.Value) read that options class's member", async () => {
    const r = await audit({
      'Options.cs': [
        `public class C7Options { public string BaseUrl { get; set; } = "${C7}"; }`,
        'public class ShipOptions { public string BaseUrl { get; set; } = "https://ssapi.example.com"; }',
      ].join('\n'),
      'Sync.cs': [
        'public class Sync(HttpClient http, IOptions<C7Options> c7, IOptions<ShipOptions> ss)',
        '{',
        '    private readonly C7Options _c7 = c7.Value;',
        '    public async Task RunAsync()',
        '    {',
        '        var o = ss.Value;',
        '        using var shipped = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{o.BaseUrl}/shipments"));',
        '        using var sent = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{_c7.BaseUrl}/note"));',
        '    }',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['POST /note']);
    assert.deepEqual(r.unknown ?? [], []);
  });

  it('C#: a Refit interface method nothing calls, beside called ones, is listed as unused, not counted', async () => {
    const files = (calling: boolean) => ({
      'IApi.cs': [
        'using Refit;',
        'public interface IApi',
        '{',
        '    [Get("/club")] Task<object> Clubs();',
        '    [Delete("/club/{id}")] Task DropClub(string id);',
        '}',
      ].join('\n'),
      'Job.cs': ['public class Job(IApi api)', '{', `    public Task Run() => ${calling ? 'api.Clubs()' : 'Task.CompletedTask'};`, '}'].join('\n'),
    });
    const used = await audit(files(true));
    assert.deepEqual(calls(used), ['GET /club']);
    assert.ok(used.unresolved.some((u) => u.line === 5 && /nothing in the code calls/.test(u.why)), JSON.stringify(used.unresolved));
    // Nothing of the interface called: its routes are what the integration declares it uses.
    assert.deepEqual(calls(await audit(files(false))), ['DELETE /club/{id}', 'GET /club']);
  });
  it('Go: a positional struct literal of a type another file of the package declares takes that type\'s field names', async () => {
    const r = await audit({
      'types.go': [
        'package main',
        'import "net/http"',
        `var apiBase = "${C7}"`,
        'type job struct {',
        '\tmethod string',
        '\tpath   string',
        '}',
        'func do(j job) { req, _ := http.NewRequest(j.method, apiBase+j.path, nil); http.DefaultClient.Do(req) }',
        'func worker(jobs <-chan job) { for j := range jobs { do(j) } }',
      ].join('\n'),
      'main.go': [
        'package main',
        'import "net/http"',
        'func main() {',
        '\tjobs := make(chan job)',
        '\tgo worker(jobs)',
        '\tjobs <- job{http.MethodPost, "/inventory-transaction"}',
        '\tdo(job{http.MethodPut, "/product/p1"})',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['POST /inventory-transaction', 'PUT /product/{id}']);
    assert.deepEqual(r.unresolved, []);
  });
  it('a file that only configures the base, in a project whose client calls were counted, is that base (no "reaches no call" note)', async () => {
    const files = (calls: boolean) => ({
      'src/settings.py': ['from pydantic_settings import BaseSettings', 'class Settings(BaseSettings):', `    api_url: str = "${C7}"`, 'settings = Settings()'].join('\n'),
      'src/main.py': calls
        ? ['import httpx', 'from src.settings import settings', 'def run(client: httpx.Client):', '    client.get("/club")', '    client.post("/note", json={})'].join('\n')
        : ['def run():', '    print("nothing sent")'].join('\n'),
    });
    const r = await audit(files(true));
    assert.deepEqual(calls(r), ['GET /club', 'POST /note']);
    assert.deepEqual(r.unresolved, []);
    // No call counted anywhere: the base is still said, with its line.
    const none = await audit(files(false));
    assert.ok(none.unresolved.some((u) => u.file === 'src/settings.py' && u.line === 3 && /reaches no HTTP call/.test(u.why)), JSON.stringify(none.unresolved));
  });
  it(".NET: a named HttpClient whose BaseAddress is Configuration[\"Commerce7:BaseUrl\"], set only in a compose file's environment (Commerce7__BaseUrl=…), or nowhere", async () => {
    const code = {
      'Program.cs': [
        'var builder = WebApplication.CreateBuilder(args);',
        'builder.Services.AddHttpClient("c7", c => c.BaseAddress = new Uri(builder.Configuration["Commerce7:BaseUrl"]!));',
        'builder.Services.AddHostedService<Worker>();',
      ].join('\n'),
      'Worker.cs': [
        'public class Worker(IHttpClientFactory factory) : BackgroundService',
        '{',
        '    protected override async Task ExecuteAsync(CancellationToken ct)',
        '    {',
        '        var http = factory.CreateClient("c7");',
        '        var clubs = await http.GetFromJsonAsync<ClubList>("club", ct);',
        '        await http.PostAsJsonAsync("note", new { content = "x" }, ct);',
        '    }',
        '}',
      ].join('\n'),
    };
    assert.deepEqual(calls(await audit(code)), ['GET /club', 'POST /note']);
    const composed = await audit({ ...code, 'docker-compose.yml': ['services:', '  worker:', '    environment:', `      - Commerce7__BaseUrl=${C7}/`].join('\n') });
    assert.deepEqual(calls(composed), ['GET /club', 'POST /note']);
    assert.ok(composed.read.some((x) => x.file === 'docker-compose.yml' && /names the Commerce7 base/.test(x.engine)), JSON.stringify(composed.read));
  });
});

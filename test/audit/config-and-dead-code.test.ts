// From the fourteenth development set (issue 12): another host's base read from a project config by its key path
// (a PHP config array, an INI section) is not Commerce7's even when the key is named `base` as Commerce7's is; a PHP
// stream context's method set in a local; a private method nothing calls is dead code, said and not counted.
import assert from 'node:assert/strict';
import { auditSources } from '../../generators/lib/audit/index.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: Awaited<ReturnType<typeof audit>>) => r.references.map((x) => `${x.method} ${x.path}`).sort();

describe('audit engine: config key paths, stream contexts and dead private methods', () => {
  it("PHP: $config['zendesk']['base'] is Zendesk's base (config.php's array), $cfg['base'] of the Commerce7 section is Commerce7's", async () => {
    const r = await audit({
      'config.php': [
        '<?php',
        'return [',
        "    'commerce7' => ['base' => 'https://api.commerce7.com/v1/', 'app_id' => getenv('C7_APP_ID')],",
        "    'zendesk' => [",
        "        'base' => 'https://acme.zendesk.com/api/v2/',",
        "        'token' => getenv('ZENDESK_TOKEN'),",
        '    ],',
        '];',
      ].join('\n'),
      'src/C7.php': [
        '<?php',
        'class C7 {',
        '    public function __construct(private array $cfg) {}',
        "    public function customers() { return $this->send('GET', 'customer'); }",
        '    private function send($method, $path) {',
        "        $ch = curl_init($this->cfg['base'] . $path);",
        '        curl_setopt($ch, CURLOPT_CUSTOMREQUEST, $method);',
        '        return curl_exec($ch);',
        '    }',
        '}',
      ].join('\n'),
      'public/hook.php': [
        '<?php',
        "$config = require __DIR__ . '/../config.php';",
        "$zd = curl_init($config['zendesk']['base'] . 'tickets/' . (int) $_GET['id'] . '.json');",
        'curl_exec($zd);',
        "(new C7($config['commerce7']))->customers();",
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /customer']);
    assert.deepEqual(r.unresolved, []);
  });

  it("Python: cfg['shipstation']['base'] of a configparser INI file is ShipStation's; the Commerce7 section's base is Commerce7's", async () => {
    const r = await audit({
      'settings.ini': '[commerce7]\nbase = https://api.commerce7.com/v1\n\n[shipstation]\nbase = https://ssapi.shipstation.com\n',
      'sync.py': [
        'import configparser, requests',
        'cfg = configparser.ConfigParser()',
        'cfg.read("settings.ini")',
        'SS_BASE = cfg["shipstation"]["base"]',
        'C7 = cfg["commerce7"]',
        'def shipped():',
        '    return requests.get(f"{SS_BASE}/shipments").json()',
        'def orders():',
        '    return requests.get(f"{C7[\'base\']}/order").json()',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /order']);
    assert.deepEqual(r.unknown.map((u) => u.path), []);
  });

  it("PHP: file_get_contents with stream_context_create(['http' => $http]), $http = ['method' => $method] built before", async () => {
    const r = await audit({ 'lib.php': [
      '<?php',
      "const BASE = 'https://api.commerce7.com/v1';",
      'function c7_http(string $method, string $path, ?array $body = null) {',
      "    $http = ['method' => $method, 'ignore_errors' => true];",
      "    if ($body !== null) { $http['content'] = json_encode($body); }",
      "    return file_get_contents(BASE . $path, false, stream_context_create(['http' => $http]));",
      '}',
      "c7_http('GET', '/order');",
      "c7_http('POST', '/order/' . $id . '/fulfillment/all', ['type' => 'Shipped']);",
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /order', 'POST /order/{id}/fulfillment/all']);
  });

  it('a private method nothing calls is listed as dead code, not counted; Main and attributed methods are not dead', async () => {
    const php = await audit({ 'src/Club.php': [
      '<?php',
      'class Club {',
      "    private $base = 'https://api.commerce7.com/v1/';",
      "    public function members() { return $this->get('club-membership'); }",
      "    private function get($path) { return file_get_contents($this->base . $path); }",
      "    private function tagVip($id) { $ch = curl_init($this->base . 'tag/customer'); curl_setopt($ch, CURLOPT_POST, true); return curl_exec($ch); }",
      '}',
      "(new Club())->members();",
    ].join('\n') });
    assert.deepEqual(calls(php), ['GET /club-membership']);
    assert.ok(php.unresolved.some((u) => u.pattern === '/tag/customer' && /private method nothing calls/.test(u.why)), JSON.stringify(php.unresolved));
    const cs = await audit({ 'Program.cs': [
      'class Program {',
      '  static readonly HttpClient Http = new HttpClient { BaseAddress = new Uri("https://api.commerce7.com/v1/") };',
      '  private static async Task Main() { await Http.GetAsync("product"); }',
      '  [Function("Nightly")] private async Task Nightly() { await Http.DeleteAsync("tag/1"); }',
      '  private async Task LogNote() { await Http.PostAsync("note", null); }',
      '}',
    ].join('\n') });
    assert.deepEqual(calls(cs), ['DELETE /tag/{id}', 'GET /product']);
  });
  it("Go: a method is its receiver type's; its generated request builder's DELETE, reached only from the DeleteClub nothing calls, is not counted", async () => {
    const r = await audit({
      'c7api/client.go': [
        'package c7api',
        'import ("context"; "net/http")',
        'type Client struct { Server string; HTTP *http.Client }',
        'func (c *Client) GetClub(ctx context.Context, id string) (*http.Response, error) {',
        '\treq, err := NewGetClubRequest(c.Server, id)',
        '\tif err != nil { return nil, err }',
        '\treturn c.HTTP.Do(req.WithContext(ctx))',
        '}',
        'func (c *Client) DeleteClub(ctx context.Context, id string) (*http.Response, error) {',
        '\treq, err := NewDeleteClubRequest(c.Server, id)',
        '\tif err != nil { return nil, err }',
        '\treturn c.HTTP.Do(req.WithContext(ctx))',
        '}',
        'func NewGetClubRequest(server, id string) (*http.Request, error) {',
        '\treturn http.NewRequest(http.MethodGet, server+"club/"+id, nil)',
        '}',
        'func NewDeleteClubRequest(server, id string) (*http.Request, error) {',
        '\treturn http.NewRequest(http.MethodDelete, server+"club/"+id, nil)',
        '}',
      ].join('\n'),
      'cmd/clubs/main.go': [
        'package main',
        'import ("context"; "net/http"; "example.com/clubs/c7api")',
        'func main() {',
        '\tc := &c7api.Client{Server: "https://api.commerce7.com/v1/", HTTP: http.DefaultClient}',
        '\tc.GetClub(context.Background(), "c-1")',
        '}',
      ].join('\n'),
    });
    assert.deepEqual([...new Set(calls(r))], ['GET /club/{id}']);
    const dead = r.unresolved.find((u) => u.method === 'DELETE');
    assert.match(dead?.why ?? '', /^in Client\.DeleteClub, a method nothing in the code calls, in a class used elsewhere/, JSON.stringify(r.unresolved));
  });
  it('a function called only from a dead private method is dead too (to a fixed point), said with its caller', async () => {
    const r = await audit({ 'sync.ts': [
      "import axios from 'axios';",
      "const http = axios.create({ baseURL: 'https://api.commerce7.com/v1' });",
      'export class Sync {',
      "  run() { return http.get('/product'); }",
      '  #purge() { return removeOldCustomers(); }',
      '}',
      "function removeOldCustomers() { return http.delete('/customer/5'); }",
      'new Sync().run();',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /product']);
    assert.match(r.unresolved.find((u) => u.method === 'DELETE')?.why ?? '', /^in removeOldCustomers, called only from Sync\.purge, which nothing live calls, not counted$/, JSON.stringify(r.unresolved));
  });
});

describe('audit engine: a section of settings passed to a helper', () => {
  it("PHP: shipstation_get($config['shipstation'], '/shipments') reads $cfg['base'] under that section: ShipStation's, not Commerce7's", async () => {
    const r = await audit({
      'config.php': "<?php\nreturn [\n  'c7' => ['base' => 'https://api.commerce7.com/v1', 'tenant' => 't'],\n  'shipstation' => ['base' => 'https://ssapi.shipstation.com'],\n];\n",
      'lib/http.php': [
        '<?php',
        'function c7_http(array $cfg, string $method, string $path): array {',
        "    $ctx = stream_context_create(['http' => ['method' => $method]]);",
        "    return json_decode(file_get_contents($cfg['base'] . $path, false, $ctx), true);",
        '}',
        'function shipstation_get(array $ss, string $path): array {',
        "    $ctx = stream_context_create(['http' => ['method' => 'GET']]);",
        "    return json_decode(file_get_contents($ss['base'] . $path, false, $ctx), true);",
        '}',
      ].join('\n'),
      'sync.php': [
        '<?php',
        "require __DIR__ . '/lib/http.php';",
        "$config = require __DIR__ . '/config.php';",
        "$c7 = $config['c7'];",
        "$shipments = shipstation_get($config['shipstation'], '/shipments?shipDateStart=' . $since . '&pageSize=100');",
        "c7_http($c7, 'POST', '/order/' . $id . '/fulfillment/all');",
        "c7_http($c7, 'GET', '/customer?q=1');",
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /customer', 'POST /order/{id}/fulfillment/all']);
    assert.deepEqual(r.unknown, []);
  });
});

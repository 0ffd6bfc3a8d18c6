// From the fourteenth development set (issue 12): a Drupal module's hook files (.module, .install) are PHP; the HTTP
// client got from Drupal's container (\Drupal::httpClient(), $this->getHttpClient()) is Guzzle, not the project's
// method of the same name; and `$state->get('key')` (Drupal's state store) is not the project's `get` either.
import assert from 'node:assert/strict';
import { isAuditedFile } from '../../generators/lib/audit/files.js';
import { auditSources } from '../../generators/lib/audit/index.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: Awaited<ReturnType<typeof audit>>) => r.references.map((x) => `${x.method} ${x.path}`).sort();

describe('audit engine: a Drupal module', () => {
  it('reads c7_sync.module as PHP: \\Drupal::httpClient()->post(...) is a POST, $state->get(...) is no call', async () => {
    const r = await audit({
      'c7_sync.info.yml': 'name: Commerce7 sync\ntype: module\ncore_version_requirement: ^10\n',
      'c7_sync.module': [
        '<?php',
        'use Drupal\\Core\\Entity\\EntityInterface;',
        '',
        'const C7_BASE = "https://api.commerce7.com/v1";',
        '',
        'function c7_sync_user_insert(EntityInterface $account) {',
        '  $state = \\Drupal::state();',
        "  $tenant = $state->get('c7_sync.tenant');",
        '  \\Drupal::httpClient()->post(C7_BASE . "/customer", [',
        "    'headers' => ['tenant' => $tenant],",
        "    'json' => ['emails' => [['email' => $account->getEmail()]]],",
        '  ]);',
        '}',
      ].join('\n'),
      'src/C7Client.php': [
        '<?php',
        'namespace Drupal\\c7_sync;',
        'class C7Client {',
        '  public function __construct(protected \\GuzzleHttp\\ClientInterface $httpClient) {}',
        '  protected function get(string $path): array {',
        "    $base = 'https://api.commerce7.com/v1';",
        "    return json_decode((string) $this->httpClient->request('GET', $base . $path)->getBody(), TRUE);",
        '  }',
        "  public function collections(): array { return $this->get('/collection'); }",
        '}',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /collection', 'POST /customer']);
    assert.deepEqual(r.unknown, []);
    assert.deepEqual(r.unresolved, [], 'the state store\'s get is not C7Client::get');
    assert.deepEqual(r.references.map((x) => x.engine), ['tree-sitter (php)', 'tree-sitter (php)']);
    // The walk of a project takes the hook files, as it takes .php.
    assert.deepEqual(['c7_sync.module', 'c7_sync.install', 'c7_sync.theme', 'c7_sync.info.yml'].map((f) => isAuditedFile(f)), [true, true, true, false]);
  });
});

describe('audit: the pre-filter keeps the classes a passing file builds on', () => {
  it("PHP: an autoloaded abstract Resource and its Connection, which name no Commerce7 resource, are read for Collection's inherited calls", async () => {
    const r = await audit({
      'src/Api/Connection.php': [
        '<?php',
        'namespace Cellar\\Api;',
        'class Connection {',
        '  public function __construct(private string $base) {}',
        '  public function request(string $method, string $path, ?array $body = null): array {',
        "    $ch = curl_init($this->base . '/' . $path);",
        '    curl_setopt($ch, CURLOPT_CUSTOMREQUEST, $method);',
        '    if ($body !== null) curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));',
        '    return json_decode((string) curl_exec($ch), true) ?? [];',
        '  }',
        '}',
      ].join('\n'),
      'src/Api/Resource.php': [
        '<?php',
        'namespace Cellar\\Api;',
        'abstract class Resource {',
        '  protected $endpoint;',
        '  public function __construct(protected Connection $conn) {}',
        "  public function find(string $id): array { return $this->conn->request('GET', $this->endpoint . '/' . $id); }",
        "  public function update(string $id, array $data): array { return $this->conn->request('PUT', $this->endpoint . '/' . $id, $data); }",
        '}',
      ].join('\n'),
      'src/Api/Product.php': "<?php\nnamespace Cellar\\Api;\nclass Product extends Resource { protected $endpoint = 'product'; }\n",
      'bin/reprice.php': [
        '<?php',
        'use Cellar\\Api\\{Connection, Product};',
        "$conn = new Connection('https://api.commerce7.com/v1');",
        '$products = new Product($conn);',
        "$p = $products->find($argv[1]);",
        "$products->update($p['id'], ['price' => 1200]);",
      ].join('\n'),
    });
    assert.deepEqual([...new Set(calls(r))], ['GET /product/{id}', 'PUT /product/{id}']);
    assert.ok(!r.read.some((f) => /pre-filter/.test(f.engine)), JSON.stringify(r.read));
  });
});

describe('audit engine: PHP 8 enums and match', () => {
  it('[$method, $path] = match ($action) { … } pairs each arm\'s method and path; a backed enum\'s ->value is its case\'s method', async () => {
    const r = await audit({
      'src/HttpMethod.php': "<?php\nnamespace Desk;\nenum HttpMethod: string { case Get = 'GET'; case Post = 'POST'; case Delete = 'DELETE'; }\n",
      'src/Commerce7.php': [
        '<?php',
        'namespace Desk;',
        'final class Commerce7 {',
        '  public function __construct(private \\GuzzleHttp\\ClientInterface $http) {}',
        '  public function call(HttpMethod $method, string $path, ?array $json = null): array {',
        "    return json_decode((string) $this->http->request($method->value, $path, $json ? ['json' => $json] : [])->getBody(), true);",
        '  }',
        '}',
      ].join('\n'),
      'bin/desk.php': [
        '<?php',
        'use Desk\\{Commerce7, HttpMethod};',
        "$c7 = new Commerce7(new \\GuzzleHttp\\Client(['base_uri' => 'https://api.commerce7.com/v1/']));",
        '[$method, $path, $body] = match ($argv[1]) {',
        "  'issue' => [HttpMethod::Post, 'gift-card', ['initialAmount' => 5000]],",
        "  'balance' => [HttpMethod::Get, \"gift-card/{$argv[2]}\", null],",
        "  'note' => [HttpMethod::Get, 'note', null],",
        "  default => exit(\"usage\\n\"),",
        '};',
        '$c7->call($method, $path, $body);',
      ].join('\n'),
    });
    // Each arm's own method: no POST /note, no GET /gift-card from another arm's method.
    assert.deepEqual([...new Set(calls(r))], ['GET /gift-card/{id}', 'GET /note', 'POST /gift-card']);
  });
});

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

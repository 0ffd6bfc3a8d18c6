// c7-app audit: Commerce7 API calls found in code of several languages -> least-privilege permissions, compared
// with a manifest; the black box on a Data-role integration fixture.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiPathOf, auditSources, compareWithManifest, permissionsForManifest, scanSignIn, scanSource, type AuditReport } from '../../generators/lib/audit/index.js';
import { runCli } from '../support/cli.js';
import { EXAMPLE_MANIFESTS } from '../support/paths.js';

const FIXTURE = path.resolve('test/fixtures/data-role-integration');
const calls = (file: string, text: string) => scanSource(file, text).map((r) => `${r.methodSeen ? r.method : `${r.method}?`} ${r.path}`);

describe('audit: finding calls', () => {
  it('reads paths in every spelling: URL, /v1, templates, f-strings, PHP variables, :params', () => {
    assert.equal(apiPathOf('https://api.commerce7.com/v1/order/9?x=1'), '/order/{id}', 'a literal id is shown as {id}');
    assert.equal(apiPathOf('/v1/customer/${id}/address'), '/customer/{id}/address');
    assert.equal(apiPathOf('${BASE}/reservation'), '/reservation');
    assert.equal(apiPathOf('{BASE}/club-membership/{member_id}'), '/club-membership/{id}');
    assert.equal(apiPathOf('https://api.commerce7.com/v1/customer/$id'), '/customer/{id}');
    assert.equal(apiPathOf('/order/:orderId'), '/order/{id}');
    assert.equal(apiPathOf('/about-us'), null, 'not a Commerce7 resource');
    assert.equal(apiPathOf('https://example.com/order'), null, 'another host');
  });

  it('takes the method from the code around the path, in several languages', () => {
    assert.deepEqual(calls('a.js', `await api.post('/note', body);`), ['POST /note']);
    assert.deepEqual(calls('a.js', `fetch('https://api.commerce7.com/v1/order', {\n  method: 'PUT',\n})`), ['PUT /order']);
    assert.deepEqual(calls('a.js', `return client.delete(\n  \`/tag-x-object/order/\${id}\`,\n);`), ['DELETE /tag-x-object/order/{id}']);
    assert.deepEqual(calls('a.php', `$client->request('PATCH', "https://api.commerce7.com/v1/product/$id");`), ['PATCH /product/{id}']);
    assert.deepEqual(calls('a.cs', `await http.PostAsJsonAsync("/customer", c);`), ['POST /customer']);
    assert.deepEqual(calls('a.py', `requests.get(f"{BASE}/reservation", auth=AUTH)`), ['GET /reservation']);
    assert.deepEqual(calls('a.sh', `curl -X DELETE https://api.commerce7.com/v1/web-hook/42`), ['DELETE /web-hook/{id}']);
    assert.deepEqual(calls('a.js', 'const url = `/order/${id}`;'), ['GET? /order/{id}'], 'no method seen: GET, marked');
    assert.deepEqual(calls('a.js', `api.post('/customer/' + id + '/address', a);`), ['POST /customer/{id}/address'], 'joined pieces');
    assert.deepEqual(calls('a.php', `$c->put("/customer/" . $id, $b);`), ['PUT /customer/{id}']);
  });

  it('finds HTTP Basic sign-ins in several languages, not in comments', () => {
    const lines = (text: string) => scanSignIn('f', text).map((s) => s.line);
    assert.deepEqual(lines(`x\nauth: { username: EMAIL, password: PW },\n// auth: { old }`), [2]);
    assert.deepEqual(lines(`r = requests.get(url, auth=(EMAIL, PASSWORD))`), [1]);
    assert.deepEqual(lines(`curl_setopt($ch, CURLOPT_USERPWD, "$email:$password");`), [1]);
    assert.deepEqual(lines(`headers.Authorization = 'Basic ' + btoa(email + ':' + pw);`), [1]);
    assert.deepEqual(lines(`new AuthenticationHeaderValue("Basic", token)`), [1]);
    assert.deepEqual(lines(`const basic = 'basic plan';`), []);
    assert.deepEqual(lines('`Basic ${Buffer.from(`${opts.appId}:${opts.appSecret}`).toString(\'base64\')}`'), [], 'already an app');
  });

  it('skips comments and the integration\u2019s own routes', () => {
    assert.deepEqual(calls('a.js', `// e.g. api.post('/order')\napp.post('/order', handler);\nrouter.get('/customer/:id', h);`), []);
    assert.deepEqual(calls('a.py', `# requests.get("/order")\n@app.route("/order")`), []);
  });
});

describe('audit: permissions', () => {
  let report: AuditReport;
  before(async () => {
    report = await auditSources([{ file: 'sync.js', text: [
    `api.get('/order');`,
    `api.put(\`/order/\${id}\`, body);`,
    `api.get('/customer');`,
    `api.post('/customer/' + id + '/address', a);`,
    `api.get('/account/user');`,
    `api.get('/loyalty-tier');`,
  ].join('\n') }]);
  });

  it('needs the highest access each permission is used with, through the catalog\u2019s path map', () => {
    assert.deepEqual(report.permissions.map((p) => `${p.permission}:${p.access}`), ['Customer:read', 'Customer Address:full', 'Order:full']);
    const order = report.permissions.find((p) => p.permission === 'Order')!;
    assert.equal(order.references[0]!.method, 'PUT', 'the write that makes it full comes first');
    assert.deepEqual(report.noPermission.map((r) => r.path), ['/account/user']);
    assert.deepEqual(report.unknown.map((r) => r.path), ['/loyalty-tier']);
  });

  it('against a manifest: what is missing, too broad, or unused', () => {
    const cmp = compareWithManifest(report, { permissions: [
      { endpoint: 'Order', access: 'read', reason: 'x' },
      { endpoint: 'Customer', access: 'full', reason: 'x' },
      { endpoint: 'Product', access: 'read', reason: 'x' },
    ] } as never);
    assert.deepEqual(cmp.missing.map((m) => `${m.permission}:${m.granted ?? '-'}->${m.needed}`), ['Customer Address:-->full', 'Order:read->full']);
    assert.deepEqual(cmp.broaderThanNeeded.map((b) => b.permission), ['Customer']);
    assert.deepEqual(cmp.unused.map((u) => u.permission), ['Product']);
  });

  it('suggests manifest permissions whose reasons must still be written', () => {
    const suggested = permissionsForManifest(report);
    assert.deepEqual(suggested.map((p) => p.endpoint), ['Customer', 'Customer Address', 'Order']);
    assert.ok(suggested.every((p) => /^TODO: /.test(p.reason)), 'c7-app check flags TODO until a person writes the reason');
    assert.match(suggested[2]!.reason, /PUT \/order\/\{id\}/);
  });
});

describe('c7-app audit (black box)', () => {
  it('lists what a Data-role integration in JS, PHP and Python needs; tests and its own routes are skipped', () => {
    const r = runCli(['audit', FIXTURE]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const needs = [...r.stdout.matchAll(/^ {2}(\S+(?: \S+)?) +(read|full) +\d+ calls?/gm)].map((m) => `${m[1]}:${m[2]}`);
    assert.deepEqual(needs, ['Club Membership:read', 'Customer:full', 'Note:full', 'Order:read', 'Product:full', 'Reservation:read', 'WebHook:full']);
    assert.match(r.stdout, /GET \/account\/user .*staff token check/);
    assert.match(r.stdout, /GET \/loyalty-tier .*no documented permission/);
    // POST /tag-x-object/order/{id} is not a documented path (only the family's wildcard covers it): unknown, with a guess.
    assert.match(r.stdout, /POST \/tag-x-object\/order\/\{id\} .*not a documented path.*guess: Tag full/);
    assert.doesNotMatch(r.stdout, /commerce7\.js:48/, 'orderUrl() builds a string that reaches no HTTP call');
    assert.doesNotMatch(r.stdout, /server\.js|orders\.test\.js/);
    assert.match(r.stdout, /Sign-in \(HTTP Basic\)[^\n]*App ID \(C7_APP_ID\)[\s\S]*src\/commerce7\.js:6 +auth: \{ username: process\.env\.C7_STAFF_EMAIL/);
    const withTests = runCli(['audit', FIXTURE, '--include-tests', '--json']);
    assert.ok(JSON.parse(withTests.stdout).references.some((x: { file: string }) => x.file.endsWith('orders.test.js')));
  });

  it('compared with a manifest that lacks permissions: each with its fix, exit 1', () => {
    const r = runCli(['audit', FIXTURE, '--manifest', EXAMPLE_MANIFESTS[0]!]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /✖ Customer: grants read, the code writes \(PUT \/customer\/\{id\} at .*sync\.php:4:\d+\) → c7-app scopes --set "Customer:full"/);
    assert.match(r.stdout, /✖ Note: not granted .* → c7-app scopes --add "Note:full"/);
  });

  it('run inside an app project on code elsewhere, compares with the project\u2019s c7-app.json', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7-audit-'));
    writeFileSync(path.join(dir, 'c7-app.json'), readFileSync(EXAMPLE_MANIFESTS[2]!, 'utf8'));
    const r = runCli(['audit', FIXTURE], { cwd: dir });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /Compared with .*c7-app\.json:/);
    assert.match(r.stdout, /✖ WebHook: not granted/);
    assert.equal(runCli(['audit', FIXTURE, '--no-manifest'], { cwd: dir }).status, 0);
  });

  it('does not load Yeoman (a fast command, like validate and check)', () => {
    const r = runCli(['audit', FIXTURE, '--no-manifest'], { env: { NODE_DEBUG: 'module' } });
    assert.equal(r.status, 0);
    assert.ok(r.stderr.includes('MODULE'), 'NODE_DEBUG=module reports module loads');
    assert.ok(!/yeoman-(generator|environment)/.test(r.stderr), 'yeoman was loaded');
  });

  it('bad input says what is wrong: a missing path (exit 2), a manifest that is not JSON (exit 1)', () => {
    const missing = runCli(['audit', '/nonexistent/old-integration']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read \/nonexistent\/old-integration: no such file/);
    const dir = mkdtempSync(path.join(tmpdir(), 'c7-audit-'));
    writeFileSync(path.join(dir, 'c7-app.json'), '{ "app": ');
    const bad = runCli(['audit', FIXTURE], { cwd: dir });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /c7-app\.json is not valid JSON: run c7-app validate .* or pass --no-manifest/);
  });

  it('--answers writes permissions that c7-app new accepts, and never replaces a file without --force', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7-audit-'));
    const answers = path.join(dir, 'permissions.json');
    const wrote = runCli(['audit', FIXTURE, '--answers', answers, '--no-manifest']);
    assert.equal(wrote.status, 0);
    assert.match(wrote.stdout, /Wrote .*permissions\.json: complete each "reason" .* c7-app new <dir> --answers .*permissions\.json --replaces-data-role/);
    const written = JSON.parse(readFileSync(answers, 'utf8'));
    assert.equal(written.permissions.length, 7);
    const mine = path.join(dir, 'mine.json');
    writeFileSync(mine, '{"keep": true}\n');
    const again = runCli(['audit', FIXTURE, '--answers', mine]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /exists; pass --force/);
    assert.equal(readFileSync(mine, 'utf8'), '{"keep": true}\n');
    const project = path.join(dir, 'migrated');
    const created = runCli(['new', project, '--answers', answers, '--example', '--skip-install']);
    assert.equal(created.status, 0, created.stdout + created.stderr);
  });
});

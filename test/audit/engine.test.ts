// The audit engine, one mechanism at a time (issue 12): parsed code, a small data flow (constants, joins, format
// strings, helpers across files), HTTP calls as the only sinks, undocumented paths as unknown, odd input.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync, closeSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { auditSources, type AuditReport } from '../../generators/lib/audit/index.js';
import { collectSources } from '../../generators/lib/audit/read.js';
import { isDocumentedPath, resolveApiCall } from '../../generators/lib/catalog/index.js';
import { buildChecklist, memoryProject, prepareChecklist } from '../../generators/lib/checklist/index.js';
import { EXAMPLE_MANIFESTS } from '../support/paths.js';
import { runCli } from '../support/cli.js';

type Files = Record<string, string>;
const audit = (files: Files) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: AuditReport) => r.references.map((x) => `${x.methodSeen ? x.method : `${x.method}?`} ${x.path}`).sort();
const pairs = (r: AuditReport) => r.permissions.map((p) => `${p.permission}:${p.access}`);

describe('audit engine: paths joined to a base URL', () => {
  it('JS: `${BASE}/${resource}` with callers passing paths without a leading slash', async () => {
    const r = await audit({ 'c7.js': [
      `const BASE = 'https://api.commerce7.com/v1';`,
      `export async function c7(resource, method = 'GET', body) {`,
      '  return fetch(`${BASE}/${resource}`, { method, body: JSON.stringify(body) });',
      `}`,
      `await c7('customer');`,
      'await c7(`tag/order/${id}`, "PUT", {});',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /customer', 'PUT /tag/order/{id}'], "the parameter's default is the method");
  });

  it('Python and Ruby: get("order") on a client whose base is Commerce7', async () => {
    const py = await audit({ 'client.py': [
      'import requests',
      'BASE_URL = "https://api.commerce7.com/v1/"',
      'class C7:',
      '    def __init__(self):',
      '        self.session = requests.Session()',
      '    def get(self, path, **params):',
      '        return self.session.get(BASE_URL + path, params=params)',
      'c = C7()',
      'c.get("order", cursor="start")',
    ].join('\n') });
    assert.deepEqual(calls(py), ['GET /order']);
    const rb = await audit({ 'client.rb': [
      'class C7',
      '  include HTTParty',
      "  base_uri 'https://api.commerce7.com/v1'",
      '  def notes; self.class.get("note"); end',
      '  def tag(id); self.class.post("/tag/customer", body: {}); end',
      'end',
    ].join('\n') });
    assert.deepEqual(calls(rb), ['GET /note', 'POST /tag/customer']);
  });

  it('an unknown first segment after a base-URL variable is reported, not dropped', async () => {
    const r = await audit({ 'a.ts': "const C7_API = 'https://api.commerce7.com/v1';\nawait fetch(`${C7_API}/not-a-resource`);" });
    assert.deepEqual(r.unknown.map((u) => u.path), ['/not-a-resource']);
  });
});

describe('audit engine: helpers summarised and applied at their call sites', () => {
  it('a method parameter at any position, across files', async () => {
    const r = await audit({
      'lib/callC7.js': [
        "const C7 = process.env.C7_API_URL || 'https://api.commerce7.com/v1';",
        'module.exports = async function callC7(ctx, resource, options, method, body) {',
        '  return axios({ url: `${C7}/${resource}`, method: method || "GET", data: body, params: options });',
        '};',
      ].join('\n'),
      'jobs/sync.js': [
        "const callC7 = require('../lib/callC7');",
        "await callC7(ctx, 'note', {}, 'POST', { text: 'hi' });",
        'await callC7(ctx, `customer/${id}`, {}, "PUT", c);',
      ].join('\n'),
    });
    assert.deepEqual(pairs(r), ['Customer:full', 'Note:full'], 'a POST through a helper is not a GET');
    const note = r.references.find((x) => x.path === '/note')!;
    assert.equal(note.file, 'jobs/sync.js');
    assert.match(note.evidence.via[0]!, /^callC7 \(lib\/callC7\.js:3\)$/);
    assert.equal(note.confidence, 'medium');
  });

  it('Go: paths from a struct of constants, method as http.MethodPut through a helper', async () => {
    const r = await audit({ 'c7.go': [
      'package c7',
      'const Base = "https://api.commerce7.com/v1"',
      'var Paths = struct{ Order string }{ Order: "/order" }',
      'func (c *Client) send(method, path string, body io.Reader) (*http.Response, error) {',
      '  req, err := http.NewRequest(method, Base+path, body)',
      '  if err != nil { return nil, err }',
      '  return c.http.Do(req)',
      '}',
      'func (c *Client) Fulfil(id string) { c.send(http.MethodPost, Paths.Order+"/"+id+"/fulfillment", nil) }',
    ].join('\n') });
    assert.deepEqual(calls(r), ['POST /order/{id}/fulfillment']);
  });

  it('C#, PHP: methods as named constants, sprintf and string.Format', async () => {
    const cs = await audit({ 'C7.cs': [
      'class C7 { const string Base = "https://api.commerce7.com/v1";',
      '  Task<HttpResponseMessage> Send(HttpMethod m, string path) => http.SendAsync(new HttpRequestMessage(m, $"{Base}/{path}"));',
      '  Task Del(string id) => Send(HttpMethod.Delete, $"vendor/{id}");',
      '  Task Rest() { var r = new RestRequest("product", Method.Post); return client.ExecuteAsync(r); }',
      '}',
    ].join('\n') });
    assert.deepEqual(calls(cs), ['DELETE /vendor/{id}', 'POST /product']);
    const php = await audit({ 'c7.php': [
      '<?php',
      "const C7 = 'https://api.commerce7.com/v1';",
      'function c7($method, $path) { $ch = curl_init(sprintf("%s/%s", C7, $path)); curl_setopt($ch, CURLOPT_CUSTOMREQUEST, $method); return curl_exec($ch); }',
      "c7('PUT', 'club-membership/' . $id);",
    ].join('\n') });
    assert.deepEqual(calls(php), ['PUT /club-membership/{id}']);
  });
});

describe('audit engine: only strings that reach an HTTP call count', () => {
  it('a table of endpoints counts only for the entries that reach a call, with that call\u2019s method', async () => {
    const r = await audit({ 'endpoints.ts': [
      "export const ENDPOINTS = { order: '/order', customer: '/customer', vendor: '/vendor' };",
      "const api = axios.create({ baseURL: 'https://api.commerce7.com/v1' });",
      'await api.post(ENDPOINTS.order, body);',
    ].join('\n') });
    assert.deepEqual(calls(r), ['POST /order']);
  });

  it('links, redirects, pathname checks and trailing comments are not calls', async () => {
    const r = await audit({
      'site.tsx': [
        'export const Nav = () => <a href="/collection/featured">Wines</a>;',
        "if (location.pathname.includes('/customer')) redirect('/order');",
        "const ORDER = '/order'; // GET https://api.commerce7.com/v1/order",
      ].join('\n'),
      'paths.go': 'package p\nconst Order string = "x" // "https://api.commerce7.com/v1/order"\n',
    });
    assert.deepEqual(calls(r), []);
  });

  it('the integration\u2019s own routes are not calls (Express, Flask, chi)', async () => {
    const r = await audit({
      'server.js': "app.post('/order', (req, res) => res.send('ok'));\nrouter.get('/customer/:id', handler);",
      'app.py': '@app.route("/order")\ndef orders():\n    return "ok"',
    });
    assert.deepEqual(calls(r), []);
  });
});

describe('audit engine: undocumented paths and literal ids', () => {
  it('the catalog tells documented sub-paths from what a family wildcard absorbs', () => {
    assert.equal(isDocumentedPath('/order/{id}/fulfillment'), true);
    assert.equal(isDocumentedPath('/order/123'), true);
    assert.equal(isDocumentedPath('/product/find'), false, 'a word is not an id');
    assert.equal(isDocumentedPath('/customer/{id}/something'), false);
    const r = resolveApiCall('GET', '/customer/{id}/something');
    assert.ok(r.kind === 'permission' && !r.documented, 'the emulator and guard still grant it by family');
  });

  it('reports undocumented sub-paths as unknown with the parent permission as a low-confidence guess', async () => {
    const r = await audit({ 'a.js': "await api.get(`/customer/${id}/something`);\nawait api.get('/product/find');\nawait api.get('/order/123');" });
    assert.deepEqual(r.unknown.map((u) => u.path).sort(), ['/customer/{id}/something', '/product/find']);
    assert.deepEqual(r.unknown.map((u) => u.guess && `${u.guess.permission}:${u.guess.access}`).sort(), ['Customer:read', 'Product:read']);
    assert.ok(r.unknown.every((u) => u.confidence === 'low'));
    assert.equal(r.summary.unknown, 2);
    assert.deepEqual(pairs(r), ['Order:read'], 'a guess is not a needed permission');
    assert.deepEqual(r.references.find((x) => x.path.startsWith('/order'))!.path, '/order/{id}', 'a literal id is shown as {id}');
  });

  it('paths computed at run time are listed as such, not counted', async () => {
    const r = await audit({ 'a.js': "const BASE = 'https://api.commerce7.com/v1';\nfor (const t of types) await fetch(`${BASE}/${t}`);" });
    assert.deepEqual(calls(r), []);
    assert.equal(r.unresolved.length, 1);
    assert.match(r.unresolved[0]!.why, /computed at run time/);
  });
});

describe('audit engine: evidence and engines', () => {
  it('each call carries file:line of the call, the path\u2019s pieces and the method, and a confidence', async () => {
    const r = await audit({ 'a.py': 'import requests\nBASE = "https://api.commerce7.com/v1"\n\nrequests.put(\n  f"{BASE}/note/{nid}", json=b)\n' });
    const ref = r.references[0]!;
    assert.equal(ref.engine, 'tree-sitter (python)');
    assert.deepEqual(ref.evidence.call, { file: 'a.py', line: 4 });
    assert.deepEqual(ref.evidence.pieces.map((p) => p.line).sort(), [2, 5]);
    assert.equal(ref.evidence.method?.line, 4);
    assert.equal(ref.confidence, 'high');
  });

  it('says which engine read each file; languages without a grammar use the text scanner', async () => {
    const r = await audit({ 'A.java': 'client.post("https://api.commerce7.com/v1/note", b);', 'b.js': "fetch('/order')", 'c.md': 'nothing' });
    assert.deepEqual(r.read.map((x) => `${x.file}=${x.engine}`).sort(), ['A.java=text', 'b.js=tree-sitter (javascript)', 'c.md=pre-filter (no Commerce7 URL, name or resource)']);
    assert.deepEqual(calls(r), ['GET /order', 'POST /note']);
  });

  it('a Postman collection is read as calls', async () => {
    const collection = { info: { name: 'c7' }, variable: [{ key: 'baseUrl', value: 'https://api.commerce7.com/v1' }], item: [{ name: 'Create note', request: { method: 'POST', url: { raw: '{{baseUrl}}/note' } } }] };
    const r = await audit({ 'c7.postman_collection.json': JSON.stringify(collection, null, 2) });
    assert.deepEqual(calls(r), ['POST /note']);
  });
});

describe('audit engine: identical files and the checklist', () => {
  it('identical files are analysed once, each call reported in its own file', async () => {
    const text = "await api.post('/note', n);\n";
    const r = await audit({ 'a/sync.js': text, 'b/sync.js': text });
    assert.deepEqual(r.references.map((x) => `${x.file}:${x.line} ${x.method} ${x.path}`).sort(), ['a/sync.js:1 POST /note', 'b/sync.js:1 POST /note']);
    assert.deepEqual(r.read.map((x) => x.file).sort(), ['a/sync.js', 'b/sync.js']);
  });

  it('c7-app check reads the project with the same engine: a POST through a helper needs full access', async () => {
    const manifest = JSON.parse(readFileSync(EXAMPLE_MANIFESTS[0]!, 'utf8'));
    manifest.permissions = [{ endpoint: 'Note', access: 'read', reason: 'reads notes' }];
    const project = memoryProject(new Map([
      ['c7-app.json', JSON.stringify(manifest)],
      ['src/c7.ts', "const BASE = 'https://api.commerce7.com/v1';\nexport const send = (method: string, path: string) => fetch(`${BASE}/${path}`, { method });\n"],
      ['src/job.ts', "import { send } from './c7.js';\nawait send('POST', 'note');\n"],
    ]));
    await prepareChecklist(project);
    const item = buildChecklist(manifest, project).find((i) => i.id === 'api.calls-granted')!;
    assert.equal(item.status, 'fail');
    assert.match(JSON.stringify(item), /Note full \(granted: read\): POST \/note at src\/job\.ts:2/);
  });
});

describe('audit engine: input that is not ordinary source', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'c7-audit-input-'));
  const shown = (f: string) => path.relative(dir, f);
  before(() => {
    writeFileSync(path.join(dir, 'blob.php'), Buffer.from([0x3c, 0x3f, 0x70, 0, 1, 2, 0x2f, 0x6f, 0x72, 0x64, 0x65, 0x72]));
    execFileSync('mkfifo', [path.join(dir, 'pipe.js')]);
    // A 3 MiB file with one call near the end, and a bundle whose calls sit on a 200,000-character line.
    const fd = openSync(path.join(dir, 'big.py'), 'w');
    const filler = '# filler line that mentions nothing\n'.repeat(1000);
    for (let i = 0; i < 90; i++) writeSync(fd, filler);
    writeSync(fd, 'requests.delete("https://api.commerce7.com/v1/vendor/7")\n');
    closeSync(fd);
    writeFileSync(path.join(dir, 'bundle.js'), 'var a=1;'.repeat(25_000) + 'fetch("https://api.commerce7.com/v1/coupon",{method:"POST"});' + 'var b=2;'.repeat(1000));
    mkdirSync(path.join(dir, 'locked'));
    writeFileSync(path.join(dir, 'locked', 'x.js'), "fetch('/order')");
    chmodSync(path.join(dir, 'locked'), 0o000);
  });
  after(() => chmodSync(path.join(dir, 'locked'), 0o755));

  it('skips binary files, FIFOs and unreadable folders by name, streams large files, reads long lines', async () => {
    const c = collectSources([dir], { shown });
    const report = await auditSources(c.sources, c);
    const skipped = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]));
    assert.match(skipped['blob.php'] ?? '', /binary/);
    assert.match(skipped['pipe.js'] ?? '', /FIFO/);
    if (process.getuid?.() !== 0) assert.match(skipped['locked/'] ?? '', /permission denied/);
    assert.deepEqual(calls(report).filter((x) => !x.includes('order')), ['DELETE /vendor/{id}', 'POST /coupon']);
    assert.match(report.read.find((r) => r.file === 'big.py')!.engine, /streamed/);
    assert.equal(report.references.find((r) => r.path === '/vendor/{id}')!.line, 90_001);
  });

  it('the CLI lists them and exits 2 only when nothing could be read, without a stack trace', () => {
    const r = runCli(['audit', dir, '--no-manifest']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Files not read:[\s\S]*blob\.php +binary file/);
    const only = runCli(['audit', path.join(dir, 'pipe.js'), '--no-manifest']);
    assert.equal(only.status, 2);
    assert.match(only.stderr, /nothing could be read:[\s\S]*pipe\.js: a FIFO/);
    assert.doesNotMatch(only.stderr, /at .*\.js:\d+/);
  });
});

describe('c7-app audit --fix', () => {
  it('writes the missing permissions with TODO reasons; --reduce lowers and removes what no call uses', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7-audit-fix-'));
    const example = JSON.parse(readFileSync(path.resolve('examples/order-sync-integration/c7-app.json'), 'utf8').toString());
    example.permissions = [{ endpoint: 'Order', access: 'full', reason: 'reads orders' }, { endpoint: 'Vendor', access: 'read', reason: 'vendors' }];
    writeFileSync(path.join(dir, 'c7-app.json'), JSON.stringify(example, null, 2) + '\n');
    writeFileSync(path.join(dir, 'sync.js'), "await api.get('/order');\nawait api.post('/note', n);\n");
    const fix = runCli(['audit', '.', '--fix'], { cwd: dir });
    assert.equal(fix.status, 0, fix.stdout + fix.stderr);
    assert.match(fix.stdout, /\+ Note +new, full +escalation/);
    let m = JSON.parse(readFileSync(path.join(dir, 'c7-app.json'), 'utf8'));
    assert.deepEqual(m.permissions.map((p: { endpoint: string; access: string }) => `${p.endpoint}:${p.access}`), ['Order:full', 'Vendor:read', 'Note:full']);
    assert.match(m.permissions[2].reason, /^TODO: /);
    const reduce = runCli(['audit', '.', '--fix', '--reduce'], { cwd: dir });
    assert.equal(reduce.status, 0, reduce.stdout + reduce.stderr);
    assert.match(reduce.stdout, /- Order +full → read +reduction/);
    m = JSON.parse(readFileSync(path.join(dir, 'c7-app.json'), 'utf8'));
    assert.deepEqual(m.permissions.map((p: { endpoint: string; access: string }) => `${p.endpoint}:${p.access}`), ['Order:read', 'Note:full']);
  });

  it('refuses a frozen version, and needs a manifest', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7-audit-fix-'));
    const example = JSON.parse(readFileSync(path.resolve('examples/order-sync-integration/c7-app.json'), 'utf8'));
    example.version = { ...example.version, status: 'submitted' };
    example.permissions = [];
    const text = JSON.stringify(example, null, 2) + '\n';
    writeFileSync(path.join(dir, 'c7-app.json'), text);
    writeFileSync(path.join(dir, 'sync.js'), "await api.post('/note', n);\n");
    const r = runCli(['audit', '.', '--fix'], { cwd: dir });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /Nothing written: version .* is submitted/);
    assert.equal(readFileSync(path.join(dir, 'c7-app.json'), 'utf8'), text);
    const none = runCli(['audit', '.', '--fix', '--no-manifest'], { cwd: dir });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /--fix needs a c7-app\.json/);
  });
});

// Mechanisms the second held-out set (heldout2) showed missing, each as a small case: a wretch client's url(),
// a Ruby block on a verb, request options made by a function, xh and wget, a host without its scheme, bin/ scripts.
import assert from 'node:assert/strict';
import { auditSources, type AuditReport } from '../../generators/lib/audit/index.js';
import { isAuditedFile } from '../../generators/lib/audit/files.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: AuditReport) => r.references.map((x) => `${x.method} ${x.path}`).sort();

describe('audit engine (heldout2 mechanisms)', () => {
  it("wretch: api.url(path) on a client made with the base, fluent options, terminal verb", async () => {
    const r = await audit({ 'c7.js': [
      `const wretch = require('wretch');`,
      `const make = () => wretch('https://api.commerce7.com/v1').auth('Basic x').headers({ tenant: 't' });`,
      `async function f() {`,
      `  const api = make();`,
      `  await api.url('/vendor').query({ q: 1 }).get().json();`,
      `  await api.url('/coupon').post({ code: 'A' }).json();`,
      `}`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /vendor', 'POST /coupon']);
  });

  it('Ruby: a block on a client verb configures the request (Faraday), a receiverless one is a route', async () => {
    const r = await audit({ 'a.rb': [
      `API = 'https://api.commerce7.com/v1'`,
      `conn = Faraday.new(url: API)`,
      `conn.put("club/#{id}") do |req|`,
      `  req.body = '{}'`,
      `end`,
      `get '/customer' do`,
      `  'page'`,
      `end`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['PUT /club/{id}']);
  });

  it('PHP: the method from options a project function builds (c7_args(\'POST\'))', async () => {
    const r = await audit({ 'p.php': [
      `<?php`,
      `define('C7', 'https://api.commerce7.com/v1');`,
      `function c7_args($method, $body = null) { $args = ['method' => $method, 'timeout' => 5]; return $args; }`,
      `$http->request(C7 . '/note', c7_args('POST', ['x' => 1]));`,
      `$http->request(C7 . '/tag/order', c7_args('GET'));`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /tag/order', 'POST /note']);
  });

  it('shell: xh like httpie, wget --method=PUT with the URL last, options glued to values', async () => {
    const r = await audit({ 'ops.sh': [
      `BASE=\${C7_BASE:-https://api.commerce7.com/v1}`,
      `xh --ignore-stdin -a "$AUTH" GET "$BASE/department" limit==5`,
      `wget -q -O - --method=PUT --header="tenant: $T" --body-data='{}' "$BASE/club/$id"`,
      `curl --retry 4 "$BASE/vendor"`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /department', 'GET /vendor', 'PUT /club/{id}']);
  });

  it("node:https request({ host: 'api.commerce7.com', path }) without a scheme", async () => {
    const r = await audit({ 'h.ts': [
      `import { request } from 'node:https';`,
      `const HOST = 'api.commerce7.com';`,
      'request({ host: HOST, path: `/v1/reservation?x=1`, method: "GET" }, () => {});',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /reservation']);
  });

  it('bin/ scripts are read; only .NET build output under bin/ is skipped', () => {
    assert.equal(isAuditedFile('bin/sync.sh'), true);
    assert.equal(isAuditedFile('bin/Debug/net8.0/appsettings.json'), false);
    assert.equal(isAuditedFile('src/bin/Release/x.json'), false);
  });
});

// General mechanisms from heldout6/8/9's Ruby, shell and Python misses (issue 12), on snippets of our own.
import assert from 'node:assert/strict';
import { auditSources, type AuditReport } from '../../generators/lib/audit/index.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: AuditReport) => [...new Set(r.references.map((x) => `${x.method} ${x.path}`))].sort();

describe('audit engine 11rb: shell words', () => {
  it('${v:+--data "$v"} (an alternate value) is the words it expands to: the URL after it is still read', async () => {
    const r = await audit({ 'c7.sh': [
      `c7() {`,
      `  local verb=$1 where=$2 json=\${3:-}`,
      `  curl -fsS -X "$verb" \${json:+--data "$json"} "$C7_API_URL/$where"`,
      `}`,
      `c7 DELETE "tag/$1"`,
      `c7 POST note '{"content":"hi"}'`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'POST /note']);
    const r2 = await audit({ 'sync.sh': [
      `send() {`,
      `  curl -s \${TOKEN+-H "Authorization: $TOKEN"} \${BODY:+-d "$BODY"} "https://api.commerce7.com/v1/$1"`,
      `}`,
      `BODY='{"a":1}' send coupon`,
    ].join('\n') });
    assert.deepEqual(calls(r2), ['POST /coupon']);
  });

  it('curl --config - / -K - reads its options from a here-document or here-string: url, request, data', async () => {
    const r = await audit({ 'push.sh': [
      `api() {`,
      `  local m=$1 p=$2`,
      `  curl -s --config - <<CFG`,
      `url = "\${C7_ROOT}/\${p}"`,
      `request = "\${m}"`,
      `header = "tenant: acme"`,
      `CFG`,
      `}`,
      `C7_ROOT=https://api.commerce7.com/v1`,
      `api PUT "club/$id"`,
      `api GET department`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /department', 'PUT /club/{id}']);
    const r2 = await audit({ 'note.sh': [
      `curl -sS -K - <<< "url=https://api.commerce7.com/v1/note`,
      `data = {\\"x\\":1}"`,
    ].join('\n') });
    assert.deepEqual(calls(r2), ['POST /note']);
  });

  it('a config read from a file curl is not given (-K other.conf) is not taken for a here-document', async () => {
    const r = await audit({ 'x.sh': [
      `cat <<EOF`,
      `url = "https://api.commerce7.com/v1/order"`,
      `EOF`,
      `curl -K settings.conf "https://example.com/ping"`,
    ].join('\n') });
    assert.deepEqual(calls(r), []);
  });
});

describe('audit engine 11rb: Python request objects', () => {
  it('Tornado\'s HTTPRequest(url, method=…) sent by AsyncHTTPClient().fetch(req): the method the helper\'s caller names', async () => {
    const r = await audit({ 'c7.py': [
      `from tornado.httpclient import AsyncHTTPClient, HTTPRequest`,
      `API = "https://api.commerce7.com/v1"`,
      `async def call(path, verb="GET", data=None):`,
      `    req = HTTPRequest(API + path, method=verb, body=data)`,
      `    return await AsyncHTTPClient().fetch(req)`,
      `async def job():`,
      `    await call("/club")`,
      `    await call("/club-membership", verb="POST", data="{}")`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /club', 'POST /club-membership']);
    const r2 = await audit({ 'c7.py': [
      `import tornado.httpclient`,
      `async def drop(id):`,
      `    http = tornado.httpclient.AsyncHTTPClient()`,
      `    await http.fetch(tornado.httpclient.HTTPRequest(f"https://api.commerce7.com/v1/coupon/{id}", "DELETE"))`,
    ].join('\n') });
    assert.deepEqual(calls(r2), ['DELETE /coupon/{id}']);
  });
});

describe('audit engine 11rb: a shell command\'s own environment', () => {
  it('METHOD=POST req x: the helper reading $METHOD sends POST for that call only', async () => {
    const r = await audit({ 'c7.sh': [
      `req() { curl -s -X "$METHOD" "$C7_API/$1"; }`,
      `METHOD=POST req note`,
      `METHOD=PUT req "tag/1"`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['POST /note', 'PUT /tag/{id}']);
    const r2 = await audit({
      'lib.sh': `c7() {\n  curl -fsS --request "\${VERB:-GET}" -H "tenant: $T" "https://api.commerce7.com/v1/\${RES}"\n}\n`,
      'run.sh': `. ./lib.sh\nVERB=DELETE RES="coupon/$id" c7\nRES=vendor c7\n`,
    });
    assert.deepEqual(calls(r2), ['DELETE /coupon/{id}', 'GET /vendor']);
  });
});

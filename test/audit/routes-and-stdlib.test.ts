// From the sixteenth development set (issue 12): an app's own routes are not calls of its Commerce7 client, even
// when the client's methods are named get/post as Express's are; urllib's Request is a POST when data is given.
import assert from 'node:assert/strict';
import { auditSources } from '../../generators/lib/audit/index.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: Awaited<ReturnType<typeof audit>>) => r.references.map((x) => `${x.method} ${x.path}`).sort();

describe('audit engine: routes the app declares', () => {
  it("app.post('/webhooks/…', handler) is the app's route, not the client's post; the handler's calls count", async () => {
    const r = await audit({
      'commerce7.js': [
        "const BASE = 'https://api.commerce7.com/v1';",
        'function c7(tenant) {',
        '  const send = (method, path, body) => fetch(BASE + path, { method, headers: { tenant }, body: JSON.stringify(body) });',
        '  return { get: (path) => send("GET", path), post: (path, body) => send("POST", path, body) };',
        '}',
        'module.exports = { c7 };',
      ].join('\n'),
      'server.js': [
        "const express = require('express');",
        "const { c7 } = require('./commerce7');",
        'const app = express();',
        "app.post('/webhooks/club-membership', async (req, res) => {",
        "  await c7(req.body.tenantId).post('/note', { content: 'Welcome kit sent' });",
        '  res.sendStatus(200);',
        '});',
        "app.get('/customer/:id/kit', (req, res) => res.json({ kitSent: false }));",
        'app.listen(3000);',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['POST /note']);
    assert.deepEqual(r.unknown, []);
  });
});

describe('audit engine: urllib.request.Request', () => {
  it('is a POST with data and no method, a GET without; data None exactly when a parameter is: each call decides', async () => {
    const r = await audit({ 'stock.py': [
      'import json, urllib.request',
      'API = "https://api.commerce7.com/v1"',
      'def push(payload):',
      '    req = urllib.request.Request(API + "/inventory-transaction", data=json.dumps(payload).encode())',
      '    return urllib.request.urlopen(req)',
      'def products():',
      '    return urllib.request.urlopen(urllib.request.Request(API + "/product", None))',
      'def tag(body):',
      '    return urllib.request.urlopen(urllib.request.Request(API + "/tag", json.dumps(body).encode(), method="PUT"))',
      'def _open(path, payload=None, method=None):',
      '    data = json.dumps(payload).encode() if payload is not None else None',
      '    return urllib.request.urlopen(urllib.request.Request(API + path, data=data, method=method))',
      'def notes():',
      '    return _open("/note", payload={"content": "x"})',
      'def wipe(cid):',
      '    return _open(f"/customer/{cid}", method="DELETE")',
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /customer/{id}', 'GET /product', 'POST /inventory-transaction', 'POST /note', 'PUT /tag']);
    // The helper's data is None exactly when its payload is: notes() passes one (POST), wipe() a method.
    assert.deepEqual(r.methodNotSeen.map((x) => x.path), []);
  });
});

describe("audit engine: Ruby's open-uri", () => {
  it('URI.open(url, headers) is a GET; an undocumented resource read so is unknown', async () => {
    const r = await audit({ 'lib/tiers.rb': [
      'require "open-uri"',
      'class Tiers',
      '  BASE = "https://api.commerce7.com/v1"',
      '  def read(url) = JSON.parse(URI.open(url, "tenant" => @tenant).read)',
      '  def run',
      '    read("#{BASE}/customer/#{@id}")',
      '    read("#{BASE}/loyalty-transaction?cursor=start")',
      '  end',
      'end',
      'Tiers.new.run',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /customer/{id}', 'GET /loyalty-transaction']);
    assert.deepEqual(r.unknown.map((u) => `${u.method} ${u.path}`), ['GET /loyalty-transaction']);
  });
});

describe('audit engine: Go url.URL literals', () => {
  it('url.URL{Scheme, Host, Path: path.Join(append([]string{"/v1"}, parts...)...)}.String() is the URL it spells', async () => {
    const r = await audit({ 'api.go': [
      'package cmd',
      'import ("net/http"; "net/url"; "path")',
      'func endpoint(parts ...string) string {',
      '\tu := url.URL{Scheme: "https", Host: "api.commerce7.com", Path: path.Join(append([]string{"/v1"}, parts...)...)}',
      '\treturn u.String()',
      '}',
      'func rel(p string) string {',
      '\tu := &url.URL{Path: p}',
      '\treturn "https://api.commerce7.com/v1" + u.String()',
      '}',
      'func call(method, target string) error {',
      '\treq, _ := http.NewRequest(method, target, nil)',
      '\t_, err := http.DefaultClient.Do(req)',
      '\treturn err',
      '}',
      'func Run(id string) {',
      '\tcall(http.MethodDelete, endpoint("coupon", id))',
      '\tcall(http.MethodGet, endpoint("promotion"))',
      '\tcall(http.MethodPut, rel("/tag/x"))',
      '}',
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /promotion', 'PUT /tag/x']);
  });
});

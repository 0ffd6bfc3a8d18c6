// General mechanisms from heldout5/6's remaining misses (issue 12), on snippets of our own.
import assert from 'node:assert/strict';
import { auditSources, type AuditReport } from '../../generators/lib/audit/index.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: AuditReport) => [...new Set(r.references.map((x) => `${x.method} ${x.path}`))].sort();

describe('audit engine 9: a request object sent later', () => {
  it('urllib.request.Request(url, method=m) opened by urlopen(req) is one call, with the Request\'s method', async () => {
    const r = await audit({ 'hook.py': [
      `import urllib.request`,
      `from http import HTTPMethod`,
      `BASE = "https://api.commerce7.com/v1"`,
      `def _c7(tenant, method, path, body=None):`,
      `    req = urllib.request.Request(`,
      `        BASE + path,`,
      `        data=None,`,
      `        method=method,`,
      `    )`,
      `    with urllib.request.urlopen(req, timeout=10) as res:`,
      `        return res.read()`,
      `def run(t):`,
      `    _c7(t, HTTPMethod.POST, "/app-sync", {"a": 1})`,
      `    _c7(t, HTTPMethod.DELETE, "/tag/1")`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'POST /app-sync']);
  });
});

describe('audit engine 9: curl variables', () => {
  it('--expand-url "{{api}}/…" is the URL; --expand-json and --json send a POST; --variable takes a value', async () => {
    const r = await audit({ 'sync.sh': [
      `#!/bin/sh`,
      `curl -K c7.curlrc --expand-url "{{api}}/vendor" -o /tmp/v.json`,
      `curl -K c7.curlrc --variable title="$t" --expand-json '{"title":"{{title:json}}"}' --expand-url "{{api}}/tag" >/dev/null`,
      `curl -K c7.curlrc -X PUT --variable id="$id" --expand-json '{}' --expand-url "{{api}}/department/{{id}}"`,
      `curl -K c7.curlrc --variable t="$c" --expand-url "{{api}}/collection?q={{t:url}}"`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /collection', 'GET /vendor', 'POST /tag', 'PUT /department/{id}']);
  });
});

describe('audit engine 9: curl -G', () => {
  it('--data-urlencode is a POST, unless -G puts the data in a GET\'s query string', async () => {
    const r = await audit({ 'find.sh': [
      `API=https://api.commerce7.com/v1`,
      `curl -s -G "$API/customer" --data-urlencode "q=$EMAIL"`,
      `curl -s --data-urlencode "title=$T" "$API/tag"`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /customer', 'POST /tag']);
  });
});

describe('audit engine 9: a request class describing one request', () => {
  it('a class property $method = Method::X and resolveEndpoint() returning a string are one request (Saloon)', async () => {
    const r = await audit({
      'src/Api/Connector.php': [
        `<?php`,
        `final class Api extends Connector {`,
        `    public function resolveBaseUrl(): string { return 'https://api.commerce7.com/v1'; }`,
        `}`,
      ].join('\n'),
      'src/Api/Requests/TagCustomer.php': [
        `<?php`,
        `use Saloon\\Enums\\Method;`,
        `final class TagCustomer extends Request implements HasBody {`,
        `    protected Method $method = Method::PUT;`,
        `    public function __construct(private readonly string $id) {}`,
        `    public function resolveEndpoint(): string`,
        `    {`,
        `        return "/vendor/{$this->id}";`,
        `    }`,
        `}`,
      ].join('\n'),
      'src/Api/Requests/ListTags.php': [
        `<?php`,
        `final class ListTags extends Request {`,
        `    protected Method $method = Method::GET;`,
        `    public function resolveEndpoint(): string { return 'tag'; }`,
        `}`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /tag', 'PUT /vendor/{id}']);
  });
});

describe('audit engine 9: Go request descriptions in struct literals', () => {
  const head = [
    `package main`,
    `import ("context"; "net/http")`,
    `const apiBase = "https://api.commerce7.com/v1"`,
    `type job struct {`,
    `	method string`,
    `	path   string`,
    `}`,
    `func do(ctx context.Context, j job) error {`,
    `	req, _ := http.NewRequestWithContext(ctx, j.method, apiBase+j.path, nil)`,
    `	_, err := http.DefaultClient.Do(req)`,
    `	return err`,
    `}`,
  ];
  it('a positional literal job{method, path} passed to the helper is its method and path', async () => {
    const r = await audit({ 'main.go': [...head,
      `func main() {`,
      `	ctx := context.Background()`,
      `	_ = do(ctx, job{http.MethodDelete, "/vendor/" + id})`,
      `	_ = do(ctx, job{method: http.MethodPost, path: "/tag"})`,
      `}`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}', 'POST /tag']);
  });
});

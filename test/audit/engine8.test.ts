// General mechanisms from heldout5/6/7's misses (issue 12), on snippets of our own.
import assert from 'node:assert/strict';
import { auditSources, type AuditReport } from '../../generators/lib/audit/index.js';
import { isAuditedFile } from '../../generators/lib/audit/files.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: AuditReport) => [...new Set(r.references.map((x) => `${x.method} ${x.path}`))].sort();

describe('audit engine 8: shell inside other formats', () => {
  it('a justfile: recipes are shell, just variables and {{…}} interpolations expand', async () => {
    assert.ok(isAuditedFile('ops/justfile'));
    assert.ok(isAuditedFile('.justfile'));
    const r = await audit({ 'ops/justfile': [
      `set dotenv-load`,
      `base := env_var_or_default("C7_BASE", "https://api.commerce7.com/v1")`,
      `http := 'curl -s -H "tenant: ' + env('C7_TENANT') + '"'`,
      ``,
      `# pull the vendors`,
      `vendors:`,
      `  @{{http}} {{base}}/vendor > v.json`,
      ``,
      `drop code:`,
      `  {{http}} -X DELETE "{{base}}/coupon/{{code}}"`,
      ``,
      `push:`,
      `  #!/usr/bin/env bash`,
      `  {{http}} -X PUT --data @t.json "{{base}}/tag/\$TAG_ID"`,
      `local:`,
      `  curl -s http://127.0.0.1:3000/coupon`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /vendor', 'PUT /tag/{id}']);
    assert.equal(r.references.find((x) => x.path === '/vendor')?.line, 7);
  });
});

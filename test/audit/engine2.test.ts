// Mechanisms found missing on the held-out set (issue 12): test file names, Rake tasks, a method picked from a
// const table by a helper's parameter, dict lookups that are not calls.
import assert from 'node:assert/strict';
import { auditSources, type AuditReport } from '../../generators/lib/audit/index.js';
import { isAuditedFile } from '../../generators/lib/audit/files.js';

type Files = Record<string, string>;
const audit = (files: Files) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: AuditReport) => r.references.map((x) => `${x.methodSeen ? x.method : `${x.method}?`} ${x.path}`).sort();

describe('audit engine (held-out mechanisms): which files', () => {
  it("Django's tests.py is a test file; .rake files are Ruby source", () => {
    assert.equal(isAuditedFile('shop/tests.py'), false);
    assert.equal(isAuditedFile('shop/tests.py', { includeTests: true }), true);
    assert.equal(isAuditedFile('shop/views.py'), true);
    assert.equal(isAuditedFile('lib/tasks/sync.rake'), true);
  });

  it('a .rake file is parsed as Ruby', async () => {
    const r = await audit({ 'lib/tasks/sync.rake': [
      'require "net/http"',
      'task :sync do',
      '  Net::HTTP.get(URI("https://api.commerce7.com/v1/reservation"))',
      'end',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /reservation']);
  });
});

describe('audit engine (held-out mechanisms): method from a const table indexed by a parameter', () => {
  it('TS: VERB[action] resolved through the call sites', async () => {
    const r = await audit({ 'c7.ts': [
      `const C7 = 'https://api.commerce7.com/v1';`,
      `const VERB = { list: 'GET', create: 'POST', remove: 'DELETE' } as const;`,
      `export function call(action, resource, body) {`,
      '  return fetch(`${C7}/${resource}`, { method: VERB[action], body });',
      `}`,
      `await call('list', 'club');`,
      `await call('create', 'coupon', {});`,
      'await call(\'remove\', `promotion/${id}`);',
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /promotion/{id}', 'GET /club', 'POST /coupon']);
  });
});

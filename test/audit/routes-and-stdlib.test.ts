// From the sixteenth development set (issue 12): an app's own routes are not calls of its Commerce7 client, even
// when the client's methods are named get/post as Express's are.
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

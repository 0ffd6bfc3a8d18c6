// Every miss explained (issue 12): a Commerce7 base URL in the code that reaches no HTTP call the audit recognises
// is listed in `unresolved` with its file:line; a base URL that a call or a client did use is not.
import assert from 'node:assert/strict';
import { auditSources } from '../../generators/lib/audit/index.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));

describe('audit engine: a Commerce7 base URL that reaches no call is said, with file:line', () => {
  it('an unknown library given the base URL: listed; nothing silently dropped', async () => {
    const r = await audit({ 'src/c7.js': [
      `import weird from 'weird-http';`,
      `const BASE = 'https://api.commerce7.com/v1';`,
      `export const client = weird.configure(BASE);`,
    ].join('\n') });
    assert.deepEqual(r.references, []);
    const u = r.unresolved.find((x) => x.file === 'src/c7.js' && x.line === 2);
    assert.ok(u, JSON.stringify(r.unresolved));
    assert.match(u.why, /reaches no HTTP call/);
  });

  it('a base URL used by a call, or by a client made with it, is not listed', async () => {
    const r = await audit({
      'a.js': `const BASE = 'https://api.commerce7.com/v1';\nexport const f = () => fetch(BASE + '/order');`,
      'b/api.js': `import axios from 'axios';\nexport const api = axios.create({ baseURL: 'https://api.commerce7.com/v1' });`,
      'b/use.js': `import { api } from './api.js';\nexport const g = () => api.get('product');`,
    });
    assert.deepEqual(r.references.map((x) => `${x.method} ${x.path}`).sort(), ['GET /order', 'GET /product']);
    assert.deepEqual(r.unresolved, []);
  });
});

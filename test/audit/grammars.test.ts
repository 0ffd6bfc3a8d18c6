// The parsers an audit loads first (grammarsNeeded) are those of every file it will read: a file the pre-filter drops
// but that imports a file it passed is read too, and must not fall to the text engine because only the passing files'
// grammars were loaded (the checklist's synchronous audit loads exactly these, and the build records reports with it).
import assert from 'node:assert/strict';
import { auditSources, grammarsNeeded } from '../../generators/lib/audit/index.js';

describe('audit: the grammars loaded first', () => {
  const client = { file: 'src/client.ts', text: "export const api = (path: string) => fetch(`https://api.commerce7.com/v1/${path}`, { headers: { tenant: 't' } });\n" };
  // Names no Commerce7 URL, no client name and no resource: the pre-filter drops it.
  const importer = { file: 'src/jobs/sync.js', text: "import { api } from '../client';\nexport const run = (what) => api(what);\n" };
  const unrelated = { file: 'src/util.js', text: 'export const add = (a, b) => a + b;\n' };

  it('include the grammar of a dropped file that imports a passing one, even when the passing file needs no parser', async () => {
    await auditSources([client]); // the client's facts are now known: it needs no parser of its own
    assert.deepEqual(grammarsNeeded([client, importer]), ['javascript']);
  });

  it('leave out a dropped file that imports nothing the audit reads', () => {
    assert.deepEqual(grammarsNeeded([client, unrelated]), []);
  });

  it('follow imports a few files deep, as the audit does', () => {
    const deeper = { file: 'src/cli.mjs', text: "import { run } from './jobs/sync.js';\nrun();\n" };
    assert.deepEqual(grammarsNeeded([client, importer, deeper]), ['javascript']);
  });
});

// An object's fields set from its constructor (issue 12, heldout2): one Resource instance per endpoint, the path a
// constructor argument, the HTTP call in a method using this.path; bound from `new Resource(..., '/vendor')`.
import assert from 'node:assert/strict';
import { auditSources } from '../../generators/lib/audit/index.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));

describe('audit engine: fields bound from the constructor', () => {
  it('TS parameter properties and Python self.x = x, methods calling methods', async () => {
    const r = await audit({
      'src/res.ts': [
        `const API = 'https://api.commerce7.com/v1';`,
        `export class Res {`,
        `  constructor(private readonly path: string) {}`,
        `  private send(verb: string, suffix = '') { return fetch(\`\${API}\${this.path}\${suffix}\`, { method: verb }); }`,
        `  list() { return this.send('GET'); }`,
        `  remove(id: string) { return this.send('DELETE', \`/\${id}\`); }`,
        `}`,
      ].join('\n'),
      'src/use.ts': [
        `import { Res } from './res';`,
        `export async function go(id: string) {`,
        `  const clubs = new Res('/club');`,
        `  const notes = new Res('/note');`,
        `  await clubs.list();`,
        `  await notes.remove(id);`,
        `}`,
      ].join('\n'),
      'py/c.py': [
        `import requests`,
        `API = "https://api.commerce7.com/v1"`,
        `class Endpoint:`,
        `    def __init__(self, path):`,
        `        self.path = path`,
        `    def create(self, body):`,
        `        return requests.post(API + self.path, json=body)`,
        `tags = Endpoint("/tag/order")`,
        `tags.create({})`,
      ].join('\n'),
    });
    assert.deepEqual(r.references.map((x) => `${x.method} ${x.path}`).sort(), ['DELETE /note/{id}', 'GET /club', 'POST /tag/order']);
  });
});

describe('audit engine: Postman scripts', () => {
  it('pm.sendRequest in a pre-request script, with collection variables; a commented one is not a call', async () => {
    const coll = {
      info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      variable: [{ key: 'c7', value: 'https://api.commerce7.com/v1' }],
      event: [{ listen: 'prerequest', script: { exec: [
        `pm.sendRequest({ url: pm.collectionVariables.get('c7') + '/inventory', method: 'GET' }, () => {});`,
        `// pm.sendRequest({ url: pm.collectionVariables.get('c7') + '/order', method: 'POST' });`,
      ] } }],
      item: [{ name: 'create', request: { method: 'POST', url: '{{c7}}/coupon' } }],
    };
    const r = await audit({ 'c.postman_collection.json': JSON.stringify(coll, null, 2) });
    assert.deepEqual(r.references.map((x) => `${x.method} ${x.path}`).sort(), ['GET /inventory', 'POST /coupon']);
  });
});

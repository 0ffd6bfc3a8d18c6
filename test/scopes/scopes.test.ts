// c7-app scopes: a matrix of user edits x permission changes. Edits survive byte for byte, derived files follow
// the manifest, a second run writes nothing, and --check is red before a sync and green after.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { runApp, runScopes } from '../support/generator.js';
import { runCli } from '../support/cli.js';
import { EXAMPLE_MANIFESTS } from '../support/paths.js';

const MANIFEST = 'c7-app.json';
const read = (dir: string, f: string) => readFileSync(path.join(dir, f), 'utf8');

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else out.set(r, read(dir, r));
    }
  };
  walk('');
  return out;
}

/** The manifest text outside its "permissions" array (and outside "version" when it was bumped). */
function outside(text: string, keys: string[]): string {
  const root = parseTree(text)!;
  const spans = keys.map((k) => findNodeAtLocation(root, [k])!).filter(Boolean).sort((a, b) => a.offset - b.offset);
  let out = '';
  let at = 0;
  for (const n of spans) {
    out += text.slice(at, n.offset) + '\u2026';
    at = n.offset + n.length;
  }
  return out + text.slice(at);
}

async function generated(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'c7-scopes-'));
  await runApp().inDir(dir).withOptions({ answers: EXAMPLE_MANIFESTS[0] });
  return dir;
}

type Edit = { name: string; apply: (dir: string) => void };
const HANDLER = 'src/webhooks/handlers/order-create.ts';
const EDITS: Edit[] = [
  { name: 'a handler changed', apply: (d) => writeFileSync(path.join(d, HANDLER), read(d, HANDLER) + '\n// my own code\nexport const mine = 1;\n') },
  { name: 'listing text changed', apply: (d) => writeFileSync(path.join(d, MANIFEST), read(d, MANIFEST).replace('"summary": "', '"summary": "Now better: ')) },
  { name: 'an unknown x- field', apply: (d) => writeFileSync(path.join(d, MANIFEST), read(d, MANIFEST).replace('"manifestVersion": 1,', '"manifestVersion": 1,\n  "x-deploy":   { "region": "us-west" },')) },
  {
    name: 'reordered keys', apply: (d) => {
      const m = JSON.parse(read(d, MANIFEST));
      const { listing, ...rest } = m;
      writeFileSync(path.join(d, MANIFEST), JSON.stringify({ listing, ...rest }, null, 4) + '\n');
    },
  },
];

type Change = { name: string; options: Record<string, unknown>; expect: (m: any) => void; perms: RegExp };
const CHANGES: Change[] = [
  { name: 'add', options: { add: 'Note:read', reason: 'Shows notes' }, expect: (m) => assert.deepEqual(m.permissions.at(-1), { endpoint: 'Note', access: 'read', reason: 'Shows notes' }), perms: /\| Note \| Read \| Shows notes/ },
  { name: 'remove', options: { remove: 'Product' }, expect: (m) => assert.ok(!m.permissions.some((p: any) => p.endpoint === 'Product')), perms: /^(?![\s\S]*\| Product \|)/ },
  { name: 'escalate', options: { set: 'Customer:full', reason: 'Writes the ledger ID on the customer' }, expect: (m) => assert.deepEqual(m.permissions[1], { endpoint: 'Customer', access: 'full', reason: 'Matches each order to the customer account in the ledger.' }), perms: /\| Customer \| Full/ },
  { name: 'reduce', options: { set: 'Tag:read' }, expect: (m) => assert.equal(m.permissions[3].access, 'read'), perms: /\| Tag \| Read/ },
];

describe('c7-app scopes', function () {
  this.timeout(60_000);

  for (const edit of EDITS) {
    for (const change of CHANGES) {
      it(`${edit.name} \u00d7 ${change.name}: edits kept byte for byte, derived files updated, second run identical`, async () => {
        const dir = await generated();
        edit.apply(dir);
        const before = snapshot(dir);
        await runScopes(dir).withOptions({ ...change.options, yes: true });
        const after = snapshot(dir);
        const m = JSON.parse(after.get(MANIFEST)!);
        change.expect(m);
        assert.equal(outside(after.get(MANIFEST)!, ['permissions']), outside(before.get(MANIFEST)!, ['permissions']));
        assert.equal(after.get(HANDLER), before.get(HANDLER), 'a user file was touched');
        assert.equal(after.get('README.md'), before.get('README.md'));
        assert.match(after.get('PERMISSIONS.md')!, change.perms);
        assert.notEqual(after.get('src/commerce7/permissions.generated.ts'), before.get('src/commerce7/permissions.generated.ts'));
        await runScopes(dir).withOptions({ ...change.options, yes: true });
        assert.deepEqual(snapshot(dir), after, 'the second run wrote something');
      });
    }
  }

  it('--sync after a hand edit: webhooks too; --check red before and green after', async () => {
    const dir = await generated();
    const m = JSON.parse(read(dir, MANIFEST));
    m.webhooks.push({ object: 'Product', action: 'Update', url: '/webhooks/commerce7', basicAuth: true });
    m.permissions.push({ endpoint: 'Inventory', access: 'read', reason: 'Shows stock' });
    writeFileSync(path.join(dir, MANIFEST), JSON.stringify(m, null, 2) + '\n');
    const red = runCli(['scopes', '--check'], { cwd: path.join(dir, 'src') });
    assert.equal(red.status, 1);
    assert.match(red.stdout, /PERMISSIONS\.md {2}\(stale\)/);
    assert.match(red.stdout, /permissions\.generated\.ts/);
    const handlerBefore = read(dir, HANDLER);
    await runScopes(dir).withOptions({ sync: true });
    assert.match(read(dir, 'src/webhooks/handlers/product-update.ts'), /Product/);
    assert.equal(read(dir, HANDLER), handlerBefore);
    assert.match(read(dir, 'PERMISSIONS.md'), /\| Inventory \| Read/);
    const green = runCli(['scopes', '--check'], { cwd: dir });
    assert.equal(green.status, 0, green.stdout + green.stderr);
  });

  it('a submitted version needs --new-version, which bumps the number and sets draft', async () => {
    const dir = await generated();
    writeFileSync(path.join(dir, MANIFEST), read(dir, MANIFEST).replace('"status": "draft"', '"status": "submitted"'));
    await assert.rejects(runScopes(dir).withOptions({ add: 'Note:read', yes: true }), /is submitted[\s\S]*--new-version/);
    assert.match(read(dir, MANIFEST), /"status": "submitted"/);
    await runScopes(dir).withOptions({ add: 'Note:read', yes: true, 'new-version': true });
    const m = JSON.parse(read(dir, MANIFEST));
    assert.deepEqual(m.version, { number: '1.1.0', status: 'draft' });
  });

  it('without a TTY and without --yes: prints the diff, writes nothing, exits 1', async () => {
    const dir = await generated();
    const before = snapshot(dir);
    const r = runCli(['scopes', '--add', 'Customer:full', '--remove', 'Tag'], { cwd: dir });
    assert.equal(r.status, 1);
    const out = r.stdout + r.stderr;
    assert.match(out, /\+ Customer +read \u2192 full +escalation: installed clients must accept/);
    assert.match(out, /- Tag +removed \(was full\) +reduction: safe/);
    assert.match(r.stderr, /--yes/);
    assert.doesNotMatch(out, /An error occured while running/, 'our message stands alone, without Yeoman\u2019s task line');
    assert.deepEqual(snapshot(dir), before);
  });

  it('outside a project it says so and exits non-zero', () => {
    const r = runCli(['scopes', '--add', 'Order:read'], { cwd: mkdtempSync(path.join(tmpdir(), 'c7-none-')) });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not inside a Commerce7 app project/);
  });

  it('bad values say how to fix them', async () => {
    const dir = await generated();
    await assert.rejects(runScopes(dir).withOptions({ add: 'Ordr:read', yes: true }), /--add: "Ordr" is not an endpoint of the App Development Center: did you mean "Order"\?/);
  });
});

describe('yo c7-app:scopes, interactive', function () {
  this.timeout(60_000);
  it('preselects the current permissions, then asks access and reasons; escalations need confirming', async () => {
    const dir = await generated();
    const result = await runScopes(dir).withOptions({ interactive: true }).withAnswers({
      permissions: ['Order', 'Customer', 'Tag', 'Note'],
      'permissions:Customer:access': 'full', 'permissions:Customer:reason': 'Writes the ledger ID on each customer',
      'permissions:Note:access': 'read', go: true,
    });
    const asked = result.askedQuestions.map((q) => q.name);
    assert.ok(asked.includes('permissions') && asked.includes('go'));
    const m = JSON.parse(read(dir, MANIFEST));
    assert.deepEqual(m.permissions.map((p: any) => `${p.endpoint}:${p.access}`), ['Order:read', 'Customer:full', 'Tag:full', 'Note:read']);
    assert.equal(m.permissions[1].reason, 'Writes the ledger ID on each customer');
    assert.match(read(dir, 'PERMISSIONS.md'), /\| Note \| Read/);
  });
});

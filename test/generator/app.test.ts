import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateManifestText } from '../../generators/lib/manifest/index.js';
import { runApp } from '../support/generator.js';
import { EXAMPLE_MANIFESTS } from '../support/paths.js';

const freshDir = () => mkdtempSync(path.join(tmpdir(), 'c7-app-'));
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const stripSchema = (m: Record<string, unknown>) => {
  const { $schema: _s, ...rest } = m;
  return rest;
};

const FLAGS = {
  title: 'Acme Sync', type: 'integration', company: 'Acme Wine Tech', 'contact-email': 'dev@acme.io',
  permissions: 'Order:read,Customer:full', 'base-url': 'https://sync.acme.io', summary: 'Orders into your ledger',
};

describe('yo c7-app', () => {
  for (const example of EXAMPLE_MANIFESTS) {
    const name = example.split('/').at(-2)!;
    it(`--answers with the full ${name} manifest writes it back unchanged, and the project files`, async () => {
      const result = await runApp().withOptions({ answers: example });
      const written = readJson(path.join(result.cwd, 'c7-app.json'));
      assert.deepEqual(stripSchema(written), stripSchema(readJson(example)));
      assert.equal(validateManifestText(readFileSync(path.join(result.cwd, 'c7-app.json'), 'utf8')).valid, true);
      result.assertFile(['README.md', 'APP_DEVELOPMENT_CENTER.md', 'PERMISSIONS.md', '.yo-rc.json']);
      assert.deepEqual(result.askedQuestions, []);
      const perms = readFileSync(path.join(result.cwd, 'PERMISSIONS.md'), 'utf8');
      for (const p of written.permissions) assert.ok(perms.includes(`| ${p.endpoint} |`), p.endpoint);
      assert.match(perms, /^<!-- Generated from c7-app\.json/);
    });
  }

  it('flags answer the everyday questions; defaults fill the rest', async () => {
    const result = await runApp().withOptions(FLAGS);
    const m = readJson(path.join(result.cwd, 'c7-app.json'));
    assert.equal(m.app.id, 'acme-sync');
    assert.deepEqual(m.permissions, [{ endpoint: 'Order', access: 'read' }, { endpoint: 'Customer', access: 'full' }]);
    assert.equal(m.listing.supportEmail, 'dev@acme.io');
    assert.deepEqual(m.installation.basicAuth, { username: 'commerce7' });
    assert.equal(m.$schema, './node_modules/generator-c7-app/schemas/c7-app.schema.json');
    const adc = readFileSync(path.join(result.cwd, 'APP_DEVELOPMENT_CENTER.md'), 'utf8');
    assert.match(adc, /\| Install URL \| `https:\/\/sync\.acme\.io\/commerce7\/install` \|/);
    assert.match(adc, /\| Customer \| Full \|/);
  });

  it('a partial --answers file plus flags: flags win, the file supplies the rest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7a-'));
    const answers = path.join(dir, 'answers.json');
    writeFileSync(answers, JSON.stringify({ app: { companyName: 'From File', type: 'private', allowedTenants: ['spectrawinery'] }, listing: { category: 'Wine Club' } }));
    const result = await runApp().withOptions({ ...FLAGS, type: undefined, company: undefined, title: 'Club Export', answers });
    const m = readJson(path.join(result.cwd, 'c7-app.json'));
    assert.equal(m.app.companyName, 'From File');
    assert.equal(m.app.type, 'private');
    assert.deepEqual(m.app.allowedTenants, ['spectrawinery']);
    assert.equal(m.listing.category, 'Wine Club');
    assert.equal(m.app.title, 'Club Export');
  });

  it('--allowed-tenants: comma or space separated, validated, duplicates removed', async () => {
    const result = await runApp().withOptions({ ...FLAGS, type: 'private', 'allowed-tenants': 'spectrawinery, hillside-estate spectrawinery' });
    assert.deepEqual(readJson(path.join(result.cwd, 'c7-app.json')).app.allowedTenants, ['spectrawinery', 'hillside-estate']);
    await assert.rejects(runApp().withOptions({ ...FLAGS, type: 'private', 'allowed-tenants': 'Spectra Winery' }), /--allowed-tenants: "Spectra" is not a tenant ID|"Spectra", "Winery" are not tenant IDs/);
  });

  it('without a TTY, lists every missing answer with its flag and manifest key, and writes nothing', async () => {
    const ctx = runApp().withOptions({ title: 'Acme Sync' });
    await assert.rejects(ctx, (err: Error) => {
      assert.match(err.message, /7 answers are missing/);
      for (const s of ['--type or "app.type"', '--company or "app.companyName"', '--contact-email', '--permissions', '--base-url', '--summary', '--support-email']) assert.ok(err.message.includes(s), s);
      return true;
    });
    assert.equal(existsSync(path.join(ctx.targetDirectory!, 'c7-app.json')), false);
  });

  it('bad flag values are reported with how to fix them', async () => {
    await assert.rejects(runApp().withOptions({ ...FLAGS, permissions: 'Ordr:read,Customer:write' }), /--permissions: "Ordr" is not an endpoint of the App Development Center: did you mean "Order"\?/);
    await assert.rejects(runApp().withOptions({ ...FLAGS, type: 'public' }), /--type: "public" is not an app type/);
  });

  it('an invalid manifest is never written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7a-'));
    const answers = path.join(dir, 'answers.json');
    writeFileSync(answers, JSON.stringify({ app: { type: 'integration', allowedTenants: ['a'] }, webhooks: [{ object: 'Order', action: 'Explode', url: '/w' }] }));
    const ctx = runApp().withOptions({ ...FLAGS, answers });
    await assert.rejects(ctx, (err: Error) => /nothing was written/.test(err.message) && /\/app\/allowedTenants/.test(err.message) && /\/webhooks\/0\/action/.test(err.message));
    assert.equal(existsSync(path.join(ctx.targetDirectory!, 'c7-app.json')), false);
  });

  it('re-running in the same folder changes nothing and asks nothing again', async () => {
    const first = await runApp().inDir(freshDir()).withOptions({ answers: EXAMPLE_MANIFESTS[1] });
    const files = ['c7-app.json', 'README.md', 'PERMISSIONS.md', '.yo-rc.json'];
    const before = files.map((f) => readFileSync(path.join(first.cwd, f), 'utf8'));
    const second = await runApp().cd(first.cwd).withOptions({ interactive: true }).withAnswers({});
    assert.deepEqual(second.askedQuestions, []);
    assert.deepEqual(files.map((f) => readFileSync(path.join(first.cwd, f), 'utf8')), before);
  });

  it('--ask-answered asks again, with the stored answers as defaults', async () => {
    const first = await runApp().inDir(freshDir()).withOptions(FLAGS);
    const second = await runApp().cd(first.cwd).withOptions({ interactive: true, 'ask-answered': true }).withAnswers({ summary: 'A new teaser' });
    assert.ok(second.askedQuestions.some((q) => q.name === 'title'));
    const m = readJson(path.join(first.cwd, 'c7-app.json'));
    assert.equal(m.listing.summary, 'A new teaser');
    assert.equal(m.app.title, 'Acme Sync');
  });

  it('a hand-edited manifest keeps its formatting and x- fields on re-run', async () => {
    const first = await runApp().inDir(freshDir()).withOptions(FLAGS);
    const file = path.join(first.cwd, 'c7-app.json');
    const edited = readFileSync(file, 'utf8').replace('"manifestVersion": 1,', '"manifestVersion": 1,\n  "x-team": { "owner": "ops" },');
    writeFileSync(file, edited);
    await runApp().cd(first.cwd).withOptions({ summary: 'Changed summary', force: true });
    const after = readFileSync(file, 'utf8');
    assert.equal(after, edited.replace('"summary": "Orders into your ledger"', '"summary": "Changed summary"'));
  });

  it('without a TTY, refuses to overwrite a changed user file (and writes nothing)', async () => {
    const first = await runApp().inDir(freshDir()).withOptions(FLAGS);
    writeFileSync(path.join(first.cwd, 'README.md'), '# my notes\n');
    await assert.rejects(runApp().cd(first.cwd).withOptions({ ...FLAGS, summary: 'Other', force: false }), /README\.md[\s\S]*--force/);
    assert.equal(readFileSync(path.join(first.cwd, 'README.md'), 'utf8'), '# my notes\n');
    assert.equal(readJson(path.join(first.cwd, 'c7-app.json')).listing.summary, 'Orders into your ledger');
  });

  describe('interactive', () => {
    const common = {
      companyName: 'Acme Wine Tech', contactEmail: 'dev@acme.io', testTenants: 'acme-sandbox',
      baseUrl: 'https://app.acme.io', summary: 'Teaser', category: 'Operations', websiteUrl: 'https://acme.io',
      permissions: ['Order', 'Tag'], 'permissions:Order:access': 'read', 'permissions:Order:reason': 'reads orders',
      'permissions:Tag:access': 'full', 'permissions:Tag:reason': 'writes a tag on synced orders',
    };
    it('Integration: asks in the App Development Center order and keeps every answer', async () => {
      const result = await runApp().withOptions({ interactive: true }).withAnswers({
        ...common, title: 'Order Sync', type: 'integration',
        webhooks: ['Order'], 'webhooks:Order:actions': ['Create', 'Update'],
        'clientSettings:add:0': true, 'clientSettings:0:title': 'Ledger company', 'clientSettings:0:dataType': 'Select', 'clientSettings:0:required': true, 'clientSettings:0:options': 'A, B, A',
        'clientSettings:add:1': false,
      });
      const names = result.askedQuestions.map((q) => q.name);
      assert.ok(names.indexOf('title') < names.indexOf('type') && names.indexOf('type') < names.indexOf('permissions') && names.indexOf('permissions') < names.indexOf('webhooks') && names.indexOf('webhooks') < names.indexOf('baseUrl') && names.indexOf('baseUrl') < names.indexOf('listingTitle'), names.join());
      assert.ok(!names.includes('allowedTenants') && !names.includes('extensions:add:0'));
      const m = readJson(path.join(result.cwd, 'c7-app.json'));
      assert.equal(m.app.id, 'order-sync');
      assert.deepEqual(m.app.testTenants, ['acme-sandbox']);
      assert.deepEqual(m.permissions[1], { endpoint: 'Tag', access: 'full', reason: 'writes a tag on synced orders' });
      assert.deepEqual(m.webhooks.map((w: { action: string; basicAuth: boolean }) => [w.action, w.basicAuth]), [['Create', true], ['Update', true]]);
      assert.deepEqual(m.clientSettings, [{ title: 'Ledger company', code: 'ledgerCompany', dataType: 'Select', required: true, options: ['A', 'B'] }]);
      assert.match(m.listing.installSteps, /Ledger company/);
    });

    it('Private: asks for the allowed clients', async () => {
      const result = await runApp().withOptions({ interactive: true }).withAnswers({ ...common, title: 'Club Export', type: 'private', allowedTenants: 'hillside-estate hillside-cellars' });
      assert.ok(result.askedQuestions.some((q) => q.name === 'allowedTenants'));
      assert.deepEqual(readJson(path.join(result.cwd, 'c7-app.json')).app.allowedTenants, ['hillside-estate', 'hillside-cellars']);
    });

    it('Full Application: asks for extensions, offering only the locations of the chosen type', async () => {
      const result = await runApp().withOptions({ interactive: true }).withAnswers({
        ...common, title: 'Tasting Notes', type: 'full-application',
        'extensions:add:0': true, 'extensions:0:type': 'Page', 'extensions:0:location': 'Store Menu', 'extensions:0:icon': 'wine', 'extensions:0:title': 'Tasting Notes',
        'extensions:add:1': true, 'extensions:1:type': 'Context Menu', 'extensions:1:location': 'Order Detail', 'extensions:1:format': 'Action', 'extensions:1:label': 'Mark tasted',
        'extensions:add:2': false,
      });
      const m = readJson(path.join(result.cwd, 'c7-app.json'));
      assert.deepEqual(m.extensions, [
        { type: 'Page', location: 'Store Menu', icon: 'wine', title: 'Tasting Notes', iframeUrl: '/extensions/tasting-notes' },
        { type: 'Context Menu', location: 'Order Detail', format: 'Action', icon: 'apps', label: 'Mark tasted', url: '/extensions/mark-tasted' },
      ]);
    });
  });
});

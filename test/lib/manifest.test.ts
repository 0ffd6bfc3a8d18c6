import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildManifestSchema, validateManifestText, type Diagnostic } from '../../generators/lib/manifest/index.js';
import { EXAMPLE_MANIFESTS, ROOT } from '../support/paths.js';

const base = () => JSON.parse(readFileSync(EXAMPLE_MANIFESTS[0]!, 'utf8')) as Record<string, any>;
const check = (m: unknown) => validateManifestText(JSON.stringify(m, null, 2));
const errors = (m: unknown) => check(m).diagnostics.filter((d) => d.severity === 'error');
const warnings = (m: unknown) => check(m).diagnostics.filter((d) => d.severity === 'warning');
const at = (ds: Diagnostic[], pointer: string) => ds.filter((d) => d.pointer === pointer);

describe('manifest', () => {
  it('the committed schema is the one the catalog builds (npm run schema)', () => {
    const committed = JSON.parse(readFileSync(`${ROOT}/schemas/c7-app.schema.json`, 'utf8'));
    assert.deepEqual(committed, buildManifestSchema());
  });

  it('every schema property has a description', () => {
    const missing: string[] = [];
    const walk = (s: any, path: string) => {
      if (!s || typeof s !== 'object') return;
      for (const [k, v] of Object.entries<any>(s.properties ?? {})) {
        if (!v.description) missing.push(`${path}/${k}`);
        walk(v, `${path}/${k}`);
        if (v.items) walk(v.items, `${path}/${k}[]`);
      }
    };
    walk(buildManifestSchema(), '');
    assert.deepEqual(missing, []);
  });

  for (const file of EXAMPLE_MANIFESTS) {
    it(`example ${file.split('/').at(-2)} is valid without warnings`, () => {
      const r = validateManifestText(readFileSync(file, 'utf8'));
      assert.deepEqual(r.diagnostics, []);
      assert.equal(r.valid, true);
    });
  }

  describe('allowedTenants', () => {
    it('a private app needs a non-empty list', () => {
      const m = base(); m.app.type = 'private';
      assert.equal(at(errors(m), '/app').length, 1);
      m.app.allowedTenants = [];
      assert.match(at(errors(m), '/app/allowedTenants')[0]!.message, /at least 1/);
      m.app.allowedTenants = ['spectrawinery'];
      assert.deepEqual(errors(m), []);
    });
    it('other types must not list any', () => {
      const m = base(); m.app.allowedTenants = ['spectrawinery'];
      const e = at(errors(m), '/app/allowedTenants');
      assert.match(e[0]!.hint!, /only a Private app/);
      m.app.allowedTenants = [];
      assert.deepEqual(errors(m), []);
    });
  });

  describe('tenant IDs', () => {
    it('are lowercase slugs', () => {
      const m = base(); m.app.testTenants = ['Spectra Winery'];
      const e = at(errors(m), '/app/testTenants/0');
      assert.equal(e.length, 1);
      assert.match(e[0]!.hint!, /first label/);
      m.app.testTenants = ['spectra-winery2'];
      assert.deepEqual(errors(m), []);
    });
    it('are not duplicated', () => {
      const m = base(); m.app.testTenants = ['a1', 'b2', 'a1'];
      assert.match(errors(m)[0]!.message, /duplicate/);
    });
  });

  describe('extensions', () => {
    const page = { type: 'Page', location: 'Store Menu', icon: 'wine', title: 'Notes', iframeUrl: '/x' };
    it('only a Full Application may have them', () => {
      const m = base(); m.extensions = [page];
      assert.match(at(errors(m), '/extensions')[0]!.hint!, /only a Full Application/);
      m.app.type = 'full-application';
      assert.deepEqual(errors(m), []);
    });
    it('each location must be valid for its type', () => {
      const m = base(); m.app.type = 'full-application';
      m.extensions = [{ ...page, location: 'Order Detail' }];
      const e = at(errors(m), '/extensions/0/location');
      assert.equal(e.length, 1);
      assert.match(e[0]!.hint!, /Store Menu/);
    });
    it('each type has its required fields and only its fields', () => {
      const m = base(); m.app.type = 'full-application';
      m.extensions = [{ type: 'Card', location: 'Order Detail', url: '/card', label: 'x' }, { type: 'Tab Menu', location: 'Order Detail', label: 'Tab' }];
      const e = errors(m);
      assert.equal(at(e, '/extensions/0/label').length, 1);
      assert.match(at(e, '/extensions/1')[0]!.message, /"iframeUrl" is required/);
    });
  });

  describe('client settings', () => {
    it('codes are unique', () => {
      const m = base(); m.clientSettings.push({ ...m.clientSettings[0] });
      assert.match(at(errors(m), '/clientSettings/3/code')[0]!.message, /already used/);
    });
    it('need an install URL', () => {
      const m = base(); delete m.installation.installUrl;
      assert.match(at(errors(m), '/installation')[0]!.hint!, /install call/);
      m.clientSettings = [];
      assert.deepEqual(errors(m), []);
    });
    it('choice types list their options', () => {
      const m = base(); delete m.clientSettings[2].options;
      assert.match(at(errors(m), '/clientSettings/2')[0]!.message, /"options" is required/);
    });
  });

  describe('permissions', () => {
    it('come from the catalog, with a suggestion', () => {
      const m = base(); m.permissions[0].endpoint = 'Club Membershp';
      assert.match(at(errors(m), '/permissions/0/endpoint')[0]!.hint!, /did you mean "Club Membership"/);
    });
    it('are listed at most once', () => {
      const m = base(); m.permissions.push({ endpoint: 'Order', access: 'full', reason: 'writes orders' });
      assert.match(at(errors(m), '/permissions/4/endpoint')[0]!.message, /already listed/);
    });
    it('old spellings pass with a warning naming the current one', () => {
      const m = base(); m.permissions.push({ endpoint: 'Notes', access: 'read', reason: 'r' });
      const r = check(m);
      assert.equal(r.valid, true);
      assert.match(at(r.diagnostics, '/permissions/4/endpoint')[0]!.message, /old name of "Note"/);
      assert.equal(r.manifest!.permissions[4]!.endpoint, 'Note');
    });
    it('full access without a reason warns', () => {
      const m = base(); delete m.permissions[3].reason;
      assert.equal(at(warnings(m), '/permissions/3').length, 1);
      assert.deepEqual(errors(m), []);
    });
  });

  describe('URLs Commerce7 calls', () => {
    it('must be https', () => {
      const m = base(); m.webhooks[0].url = 'http://sync.example.org/hook';
      assert.match(at(errors(m), '/webhooks/0/url')[0]!.message, /not https/);
    });
    it('localhost is allowed with a warning', () => {
      const m = base(); m.installation.baseUrl = 'http://localhost:3000';
      assert.deepEqual(errors(m), []);
      assert.match(at(warnings(m), '/installation/baseUrl')[0]!.message, /local URL/);
    });
    it('paths need a base URL', () => {
      const m = base(); delete m.installation.baseUrl;
      assert.ok(at(errors(m), '/installation/installUrl')[0]!.message.includes('installation.baseUrl'));
    });
  });

  describe('secrets', () => {
    it('a password field is rejected, pointing to environment variables', () => {
      const m = base(); m.installation.basicAuth.password = 'hunter2';
      const e = errors(m);
      assert.equal(e.length, 1);
      assert.match(e[0]!.message, /looks like a secret/);
      assert.match(e[0]!.hint!, /C7_BASIC_AUTH_PASSWORD/);
    });
    it('a secret key anywhere, even in an x- field, is rejected', () => {
      const m = base(); m['x-deploy'] = { appSecretKey: 'abc' };
      assert.match(at(errors(m), '/x-deploy/appSecretKey')[0]!.hint!, /C7_APP_SECRET/);
    });
    it('x- fields without secrets are kept', () => {
      const m = base(); m['x-team'] = { owner: 'ops' }; m.app['x-note'] = 'ok';
      assert.deepEqual(errors(m), []);
    });
  });

  it('reports every error at once, with positions', () => {
    const m = base(); m.app.type = 'privat'; m.app.titel = 'x'; m.version.status = 'done';
    const text = JSON.stringify(m, null, 2);
    const r = validateManifestText(text);
    const e = r.diagnostics.filter((d) => d.severity === 'error');
    assert.ok(e.length >= 3, JSON.stringify(e));
    const type = at(e, '/app/type')[0]!;
    assert.match(type.hint!, /did you mean "private"/);
    const lines = text.split('\n');
    assert.ok(lines[type.line - 1]!.slice(type.column - 1).startsWith('"privat"'));
    const titel = at(e, '/app/titel')[0]!;
    assert.ok(lines[titel.line - 1]!.slice(titel.column - 1).startsWith('"titel"'));
  });

  it('malformed JSON gets line and column', () => {
    const r = validateManifestText('{\n  "manifestVersion": 1,\n  "app": { "id": "x", }\n}');
    assert.equal(r.valid, false);
    assert.equal(r.manifest, undefined);
    assert.equal(r.diagnostics[0]!.line, 3);
    assert.match(r.diagnostics[0]!.message, /malformed JSON/);
  });
});

describe('precompiled validator (dist)', () => {
  it('reports the same problems as the validator compiled at run time', async () => {
    const m = base(); m.app.type = 'privat'; m.permissions[0].endpoint = 'Ordr'; delete m.listing.summary; m.app.allowedTenants = ['X'];
    const text = JSON.stringify(m, null, 2);
    const fromSource = validateManifestText(text).diagnostics;
    const dist = await import(`${ROOT}/dist/generators/lib/manifest/validate.js`);
    assert.deepEqual(dist.validateManifestText(text).diagnostics, fromSource);
  });
});

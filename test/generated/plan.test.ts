// The generated app's file plan (appFiles), fast: which files each app type gets, who owns them, and what the
// derived modules say. The slow suite (projects.test.ts) installs, type-checks and runs the same projects.
import { jsLiteral } from '../../generators/lib/render/handlebars.js';
import { tsKey } from '../../generators/lib/render/ts-print.js';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { COMMERCE7_JS_URL, ENV_VARS, resolveApiCall } from '../../generators/lib/catalog/index.js';
import type { Manifest } from '../../generators/lib/manifest/types.js';
import { appFiles } from '../../generators/lib/render/app-files.js';
import { renderPlannedFile } from '../../generators/lib/render/files.js';
import { derivedHeader } from '../../generators/lib/render/plan.js';
import { EXAMPLE_MANIFESTS } from '../support/paths.js';
import { projectContext } from '../support/render-project.js';

const load = (i: number) => JSON.parse(readFileSync(EXAMPLE_MANIFESTS[i]!, 'utf8')) as Manifest;

function render(manifest: Manifest, teach = false) {
  const ctx = projectContext(manifest, { teach, dependency: 'file:/checkout/generator-c7-app' });
  const files = appFiles(ctx);
  const text = new Map(files.map((f) => [f.path, String(renderPlannedFile(f, ctx))]));
  return { ctx, files, text };
}

describe('generated app: file plan', () => {
  for (const [i, label] of [[0, 'Integration'], [1, 'Private'], [2, 'Full Application']] as const) {
    describe(label, () => {
      const manifest = load(i);
      const plain = render(manifest, false);
      const teach = render(manifest, true);

      it('lists each file once, with an owner and a purpose', () => {
        const paths = plain.files.map((f) => f.path);
        assert.equal(new Set(paths).size, paths.length);
        for (const f of plain.files) assert.ok(f.purpose.length > 10, f.path);
        for (const p of ['package.json', 'tsconfig.json', '.gitignore', '.env.example', 'src/main.ts', 'src/dev.ts', 'src/commerce7/client.ts', 'src/server/install.ts', 'src/server/webhooks.ts', 'src/storage/sqlite.ts', 'src/webhooks/worker.ts', 'src/inbox-cli.ts', 'test/inbox.test.ts']) {
          assert.ok(paths.includes(p), p);
        }
        assert.ok(!paths.some((p) => ['c7-app.json', 'README.md', 'PERMISSIONS.md', 'SUBMISSION_CHECKLIST.md', '.yo-rc.json'].includes(p)), 'the project files are not the app plan\u2019s');
      });

      it('marks the derived modules and gives them the derived header', () => {
        const derived = plain.files.filter((f) => f.owner === 'derived').map((f) => f.path);
        assert.ok(derived.includes('src/commerce7/permissions.generated.ts'));
        assert.ok(derived.includes('src/app.generated.ts'));
        assert.ok(derived.every((p) => p.endsWith('.generated.ts')), derived.join(', '));
        for (const p of derived) assert.ok(plain.text.get(p)!.startsWith(derivedHeader('ts')), p);
        for (const f of plain.files.filter((x) => x.owner === 'user')) assert.ok(!plain.text.get(f.path)!.includes(derivedHeader('ts')), f.path);
      });

      it('writes one handler per webhook object/action', () => {
        const keys = new Set((manifest.webhooks ?? []).map((w) => `${w.object} ${w.action}`.toLowerCase().replace(/[^a-z0-9]+/g, '-')));
        const handlers = plain.files.filter((f) => f.path.startsWith('src/webhooks/handlers/'));
        assert.equal(handlers.length, keys.size);
        const registry = plain.text.get('src/webhooks/registry.generated.ts')!;
        for (const w of manifest.webhooks ?? []) assert.ok(registry.includes(`${tsKey(`${w.object}/${w.action}`)}: `), `${w.object}/${w.action}`);
      });

      it('grants in the types exactly the manifest\u2019s permissions', () => {
        const mod = plain.text.get('src/commerce7/permissions.generated.ts')!;
        for (const p of manifest.permissions) assert.ok(mod.includes(`${tsKey(p.endpoint)}: ${jsLiteral(p.access)},`), p.endpoint);
        const forbidden = plain.ctx.apiExamples.forbidden!;
        const needs = resolveApiCall(forbidden.method, forbidden.path);
        assert.equal(needs.kind, 'permission');
        assert.ok(mod.includes(`needs { \\"endpoint\\": \\"${forbidden.permission}\\", \\"access\\": \\"${forbidden.access}\\" }`), 'the refusal names the permission to add');
      });

      it('tests POST retries where the manifest grants a write, through a granted path', () => {
        const write = plain.ctx.apiExamples.permittedWrite;
        const grantsWrite = manifest.permissions.some((p) => p.access === 'full');
        assert.equal(write !== null, grantsWrite);
        const test = plain.text.get('test/commerce7-client.test.ts')!;
        assert.equal(test.includes('retries a POST marked idempotent after a 5xx'), grantsWrite);
        if (write) {
          const needs = resolveApiCall('POST', write.path);
          assert.ok(needs.kind === 'permission' && needs.needs.every((n) => manifest.permissions.some((p) => p.endpoint === n.permission && p.access === 'full')), write.path);
        }
      });

      it('puts every environment variable in .env.example without a secret value, and ignores .env and the database', () => {
        const env = plain.text.get('.env.example')!;
        assert.match(env, new RegExp(`^${ENV_VARS.appSecret.name}=$`, 'm'));
        assert.match(env, new RegExp(`^${ENV_VARS.apiBaseUrl.name}=`, 'm'));
        const basic = Boolean(manifest.installation.basicAuth);
        assert.equal(new RegExp(`^${ENV_VARS.basicAuthPassword.name}=$`, 'm').test(env), basic);
        const ignore = plain.text.get('.gitignore')!.split('\n');
        for (const line of ['.env', 'node_modules/', 'dist/', 'data/', '*.sqlite']) assert.ok(ignore.includes(line), line);
      });

      it('depends on generator-c7-app as the context says, and on no native module but an optional better-sqlite3', () => {
        const pkg = JSON.parse(plain.text.get('package.json')!) as { devDependencies: Record<string, string>; dependencies: Record<string, string>; optionalDependencies: Record<string, string>; scripts: Record<string, string> };
        assert.equal(pkg.devDependencies['generator-c7-app'], 'file:/checkout/generator-c7-app');
        // pg is pure JavaScript (its native binding, pg-native, is a separate package it never installs).
        assert.deepEqual(Object.keys(pkg.dependencies).sort(), ['fastify', 'pg']);
        // Optional: only Node 20 needs it (node:sqlite elsewhere); 12, because 13 does not run on Node 20.
        assert.deepEqual(Object.keys(pkg.optionalDependencies), ['better-sqlite3']);
        assert.match(pkg.optionalDependencies['better-sqlite3']!, /^\^12\./);
        for (const s of ['dev', 'start', 'test', 'build']) assert.ok(pkg.scripts[s], s);
      });

      it('adds WHY comments and TOUR.md only with --teach', () => {
        assert.ok(!plain.files.some((f) => f.path === 'TOUR.md'));
        assert.ok(teach.files.some((f) => f.path === 'TOUR.md'));
        assert.ok(![...plain.text.values()].some((t) => t.includes('// WHY')));
        assert.match(teach.text.get('src/commerce7/client.ts')!, /WHY the tenant header/);
        assert.match(teach.text.get('src/commerce7/client.ts')!, new RegExp(`App ID \\(${manifest.app.id}\\)`));
        assert.match(teach.text.get('TOUR.md')!, /Where a new permission goes/);
        // Apart from the comments and the tour, the code is the same.
        const strip = (s: string) => s.split('\n').filter((l) => !/^\s*\/\/ /.test(l) && !/^\s*\/\/$/.test(l)).join('\n');
        for (const [p, t] of plain.text) assert.equal(strip(teach.text.get(p)!), strip(t), p);
      });

      if (manifest.app.type === 'full-application') {
        it('writes one module per extension; each iframe page reaches commerce7.js through a module it imports', () => {
          for (const x of plain.ctx.extensions) {
            const mod = plain.text.get(`src/extensions/${x.slug}.ts`);
            assert.ok(mod, x.slug);
            if (x.iframe) {
              assert.match(mod, /from '\.\/layout\.js'/);
              assert.ok(plain.text.get('src/extensions/layout.ts')!.includes(COMMERCE7_JS_URL));
            }
          }
        });
      } else {
        it('has no extension code', () => {
          assert.ok(!plain.files.some((f) => f.path.startsWith('src/extensions/') || f.path === 'src/server/extensions.ts'));
          assert.ok(!plain.text.get('src/server/app.ts')!.includes('extensions'));
        });
      }
    });
  }
});

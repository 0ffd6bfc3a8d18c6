// The derived modules are printed as Prettier prints them (render/ts-print.ts, {{js}}): `npm run format` in a
// generated project must leave them byte for byte as `c7-app scopes --check` expects. Checked against Prettier itself,
// the version and options the generated project pins, on the edge cases a manifest can produce.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import * as prettier from 'prettier';
import type { Manifest } from '../../generators/lib/manifest/types.js';
import { appFiles } from '../../generators/lib/render/app-files.js';
import { renderPlannedFile } from '../../generators/lib/render/files.js';
import { jsLiteral } from '../../generators/lib/render/handlebars.js';
import { PRINT_WIDTH, tsConst, tsKey, tsUnion } from '../../generators/lib/render/ts-print.js';
import { ROOT } from '../support/paths.js';
import { projectContext } from '../support/render-project.js';

const template = (name: string) => readFileSync(path.join(ROOT, 'templates/app', name), 'utf8');
const options = JSON.parse(template('prettierrc.json.hbs')) as prettier.Options & { overrides?: unknown };
delete options.overrides;
const format = (src: string) => prettier.format(src, { ...options, parser: 'typescript', filepath: 'x.ts' });

async function assertPrettierClean(src: string): Promise<void> {
  assert.equal(src, await format(src));
}

const NASTY = 'Bob\'s "Sync" `${process.exit(1)}` </script>';
const long = (n: number, c = 'x') => c.repeat(n);

describe('derived TypeScript printed as Prettier prints it', () => {
  it('tests the Prettier the generated project pins, with its options', () => {
    const pinned = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.prettier;
    assert.equal(pinned, prettier.version);
    assert.match(template('package.json.hbs'), new RegExp(`"prettier": "${prettier.version.replace(/\./g, '\\.')}"`));
    assert.equal(options.printWidth, PRINT_WIDTH);
  });

  it('string literals: Prettier\u2019s quotes, read back unchanged, still safe inside <script>', async () => {
    for (const v of ['plain', "it's", NASTY, "a'b'c\"", 'back\\slash\nnew line', '"quoted"', 'tab\there', '\u2028']) {
      const lit = jsLiteral(v);
      await assertPrettierClean(`export const X = ${lit};\n`);
      assert.equal(new Function(`return ${lit};`)(), v);
      assert.doesNotMatch(lit, /<\/script/i);
    }
  });

  it('constants: objects one key a line, short arrays on one line, long strings after the = or the colon', async () => {
    const cases = [
      tsConst('export const A = ', long(100)),
      tsConst('export const A = ', long(102)),
      tsConst('export const A = ', long(103)),
      tsConst('export const B = ', { title: long(100), t: long(160), abcd: long(160), abcde: long(160), 'a-b': long(160), list: ['a', 'b'], empty: [], o: {} }, ' as const;'),
      tsConst('export const C: readonly X[] = ', [{ code: 'a', options: [long(50), long(50)], label: long(112) }, { code: 'b', options: null, label: long(113) }]),
      tsConst('export const D = ', ['a', 'b'], ' as const;'),
      tsConst('export const D = ', [long(50), long(50)], ' as const;'),
      tsConst('export const E = ', { 'a-b': 1, c: true, 400: 'x', 'Club Membership': 'read', [NASTY]: NASTY }),
      tsConst('export const F = ', [NASTY, null, 3]),
      tsConst('export const G = ', {}),
      tsConst('export const G = ', []),
    ];
    for (const c of cases) await assertPrettierClean(`${c}\n`);
  });

  it('unions: one line, a property\u2019s on the next line, or one member a line', async () => {
    const members = (n: number, w: number) => Array.from({ length: n }, (_, i) => jsLiteral(`${i}${long(w)}`));
    for (const [n, w] of [[3, 5], [5, 15], [5, 17], [4, 20], [6, 17], [10, 12], [12, 30]] as const) {
      await assertPrettierClean(`${tsUnion('export type K =', members(n, w))}\n`);
      await assertPrettierClean(`export interface S {\n${tsUnion(`  ${tsKey('a-b')}?:`, [...members(n, w), 'null'], ';', 2)}\n}\n`);
      await assertPrettierClean(`export interface S {\n  o: {\n${tsUnion('    status:', members(n, w), ';', 4)}\n  };\n}\n`);
    }
  });
});

// User-owned files that carry a manifest value (an extension's label, the app's title) must be Prettier-clean as
// generated, whatever the value's length or characters: `npm run format:check` runs in the project's CI.
describe('user-owned TypeScript with manifest values, as Prettier prints it', () => {
  const example = JSON.parse(readFileSync(path.join(ROOT, 'examples/tasting-room-full-app/c7-app.json'), 'utf8')) as Manifest;
  const files = (m: Manifest) => {
    const ctx = projectContext(m);
    return appFiles(ctx).filter((f) => f.path.startsWith('src/extensions/') && f.path !== 'src/extensions/layout.ts').map((f) => ({ path: f.path, text: String(renderPlannedFile(f, ctx)) }));
  };

  it('extension labels and the app title of any length stay Prettier-clean', async function () {
    this.timeout(60_000);
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', "'", '"', '`', '$', '{', '\\', '<', '/', 'é'), minLength: 1, maxLength: 160 }).filter((s) => s.trim() === s && s.length > 0);
    await fc.assert(fc.asyncProperty(text, text, async (label, title) => {
      const m = structuredClone(example);
      m.app.title = title;
      for (const x of m.extensions ?? []) { if ('label' in x) x.label = label; if ('title' in x) x.title = label; }
      for (const f of files(m)) assert.equal(f.text, await format(f.text), `${f.path} with label ${JSON.stringify(label)}, title ${JSON.stringify(title)}`);
    }), { numRuns: 40, examples: [['x'.repeat(100), 'y'.repeat(110)], ['x'.repeat(160), 'y'.repeat(160)]] });
  });
});

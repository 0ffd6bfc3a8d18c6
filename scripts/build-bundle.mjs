// After tsc and the precompiled validator: the `c7-app` bin as an esbuild bundle in dist/bin/, so a command starts
// by loading a few files instead of resolving hundreds of modules in node_modules.
//   dist/bin/c7-app.js   the entry: turns Node's compile cache on, then loads the CLI chunk
//   dist/bin/*.js        the CLI (commander and the command list), and one lazy chunk per command's code
//                        (esbuild code splitting: `await import('../commands/x.js')` in generators/cli/* is a chunk)
// Left out of the bundle, loaded from node_modules only on the paths that need them:
//   - Yeoman (yeoman-environment, yeoman-generator, @yeoman/*, mem-fs*): `c7-app new` on a terminal and `c7-app
//     scopes` run the tsc-built generators in dist/generators (a Yeoman generator is a module Yeoman loads by path);
//   - @vscode/tree-sitter-wasm: its JS and the .wasm grammars it reads at run time stay in its package, found
//     with require.resolve (lib/audit/parse.ts), loaded when a file needs parsing;
//   - @secretlint/*: loaded by `c7-app check` only when a file needs the full secret scan; its rule preset is
//     large, and bundling it would only move its start-up cost;
//   - typescript: the generated project's own compiler, found from the project (lib/scopes/usages.ts).
// The precompiled manifest validator (dist/generators/lib/manifest/manifest-validator.cjs) is bundled in, with
// the ajv runtime helpers it requires.
import { build } from 'esbuild';
import { chmodSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'bin');
const validator = path.join(root, 'dist', 'generators', 'lib', 'manifest', 'manifest-validator.cjs');
if (!existsSync(validator)) throw new Error(`${validator} is missing: run tsc and scripts/build-validator.mjs first`);

const EXTERNAL = [
  'yeoman-environment', 'yeoman-generator', 'yeoman-test', '@yeoman/*', 'mem-fs', 'mem-fs-editor', 'mem-fs-editor/*',
  '@vscode/tree-sitter-wasm', '@secretlint/*', 'typescript',
];

/** generators/lib/manifest/precompiled.ts, in the bundle: the validator's code required (lazily) from the bundle. */
const precompiledValidator = {
  name: 'precompiled-validator',
  setup(b) {
    b.onLoad({ filter: /[\\/]generators[\\/]lib[\\/]manifest[\\/]precompiled\.ts$/ }, () => ({
      loader: 'js',
      resolveDir: path.dirname(validator),
      contents: [
        `export const PRECOMPILED_VALIDATOR = ${JSON.stringify(path.basename(validator))};`,
        `export function loadPrecompiledValidator() { return require(${JSON.stringify(validator)}); }`,
      ].join('\n'),
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { 'c7-app': path.join(root, 'generators', 'bin.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // ESM builds first: jsonc-parser's "main" is a UMD file whose require()s esbuild cannot follow.
  mainFields: ['module', 'main'],
  target: 'node20',
  external: EXTERNAL,
  plugins: [precompiledValidator],
  // CommonJS packages in an ESM bundle call require() for Node's built-ins and read __filename (write-file-atomic
  // names its temporary files with it): give them real ones. No bundled package reads its own files by __dirname
  // (checked by the tests run against the bundle).
  banner: {
    js: [
      "import { createRequire as __c7CreateRequire } from 'node:module';",
      "import { fileURLToPath as __c7FileURLToPath } from 'node:url';",
      'const require = __c7CreateRequire(import.meta.url);',
      'const __filename = __c7FileURLToPath(import.meta.url);',
      "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
    ].join(' '),
  },
  chunkNames: '[name]-[hash]',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
chmodSync(path.join(outdir, 'c7-app.js'), 0o755);
if (process.env.BUNDLE_REPORT) {
  for (const [file, info] of Object.entries(result.metafile.outputs)) console.log(`${(info.bytes / 1024).toFixed(0).padStart(6)} KiB  ${path.relative(root, file)}`);
}
console.log(`bundle: ${readdirSync(outdir).length} files in ${path.relative(root, outdir)}`);

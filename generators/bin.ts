#!/usr/bin/env node
// The entry of the bundled `c7-app` bin (dist/bin/c7-app.js, CommonJS; scripts/build-bundle.mjs). A run loads one
// file of the bundle, compiled from its V8 code cache (lib/code-cache.ts): the command's own file for the commands
// run most (validate, check, new: BIN_FILES.commands), else the program's file (the other commands, help, --version,
// a mistyped command). Compiling the code was most of a short command's time, and Node 20 has no compile cache.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN_FILES } from './bin-files.js';
import { loadWithCodeCache, type CachedModule } from './lib/code-cache.js';

// V8 flags set before a file is compiled: every run's cache is then made under the same flags, which V8 requires of a
// cache it takes. The audit's parser runs WASM grammars with Liftoff only (lib/audit/parse.ts sets it too, for the
// tsc build). `new`: no optimizing compiler either, as a run is over before optimized code repays its compile, and
// their compile jobs' memory was the peak (Node 24: 80 -> 72 MiB, Node 20: 69 -> 62; the same time).
const liftoff = process.env.C7_AUDIT_WASM_TIERUP === '1' ? [] : ['--liftoff-only'];
const V8_FLAGS: Readonly<Record<string, string[]>> = { new: [...liftoff, '--no-maglev', '--no-turbofan'], check: liftoff, audit: liftoff };

// A complete run's compiled functions are what the next run needs: its cache is written then. The exit codes of one:
// 0, and 1 where it is an answer (an invalid manifest, a failed checklist item), not a usage error (2).
const COMPLETE: Readonly<Record<string, readonly number[]>> = { new: [0] };

const here = path.dirname(fileURLToPath(import.meta.url));
const loaded = new Map<string, CachedModule<BundleFile>>();

interface BundleFile {
  /** The program on process.argv; the exit code is left in process.exitCode. */
  run(argv: string[]): Promise<void>;
  /** A hot command's module (generators/commands/<name>.ts), for the program's file. */
  command?: unknown;
}

/** A file of the bundle, loaded once; `variant`: whose code cache (the program's file keeps one per command). */
function load(file: string, variant: string): CachedModule<BundleFile> {
  let m = loaded.get(file);
  if (!m) {
    m = loadWithCodeCache<BundleFile>(path.join(here, file), {
      variant,
      v8Flags: V8_FLAGS[variant] ?? [],
      // What a file run by vm cannot do itself: import() (Yeoman, secretlint), and reach a hot command's module.
      host: {
        'c7-host:import': (specifier: string) => import(specifier),
        'c7-host:command': (name: string) => load(BIN_FILES.commands[name]!, name).exports.command,
      },
    });
    loaded.set(file, m);
  }
  return m;
}

const name = process.argv[2] ?? '';
const own = Object.hasOwn(BIN_FILES.commands, name) ? BIN_FILES.commands[name] : undefined;
const variant = own || BIN_FILES.names.includes(name) ? name : 'program';
const file = load(own ?? BIN_FILES.program, variant);
// (No top-level await: the bundle's entry is CommonJS.)
void file.exports.run(process.argv).then(() => {
  if ((COMPLETE[variant] ?? [0, 1]).includes(Number(process.exitCode ?? 0))) file.saveCache();
});

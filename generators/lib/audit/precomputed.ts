// Facts of the files the generator's own templates render, precomputed by the build (scripts/build-facts.mjs):
// `c7-app new` checks the project it is about to write with the audit (the checklist's API items), and parsing
// ~40 TypeScript files with tree-sitter is most of a run. Keyed like the in-memory cache (SHA-1 of the grammar and
// the text), so a file is found only when it is byte for byte a file the build parsed: an edited or new file is
// parsed as always. Used only from the build output (dist), where the facts and the engine come from the same build.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../package-info.js';

export const PRECOMPUTED_FACTS = path.join('dist', 'generators', 'lib', 'audit', 'facts-precomputed.json');

/** JSON for [key, facts] entries, their Maps as { "$map": entries }. */
export const encodeFacts = (entries: unknown): string => JSON.stringify(entries, (_k, v: unknown) => (v instanceof Map ? { $map: [...v] } : v));

type Encoded = { $map: [unknown, unknown][] };
const toMap = (v: unknown) => new Map((v as Encoded).$map);
interface FnShape { defaults: unknown; locals: unknown; fields?: unknown }

/**
 * Back from encodeFacts. The Maps of a FileFacts are known (defs; each function's defaults, locals and a constructor's fields): a reviver
 * visiting every value was most of the load time. The build checks that this gives back what it encoded.
 */
export function decodeFacts(text: string): Array<[string, unknown]> {
  const entries = JSON.parse(text) as Array<[string, { defs: unknown; fns: FnShape[]; top: FnShape }]>;
  const fn = (f: FnShape) => { f.defaults = toMap(f.defaults); f.locals = toMap(f.locals); if (f.fields !== undefined) f.fields = toMap(f.fields); };
  for (const [, facts] of entries) {
    facts.defs = toMap(facts.defs);
    fn(facts.top);
    for (const f of facts.fns) fn(f);
  }
  return entries;
}

export function loadPrecomputedFacts<F>(): Map<string, F> | undefined {
  if (process.env.C7_APP_PARSE_ALL === '1') return undefined;
  const dist = path.join(PACKAGE_ROOT, 'dist') + path.sep;
  if (!fileURLToPath(import.meta.url).startsWith(dist)) return undefined; // running from source: the engine may differ
  const file = path.join(PACKAGE_ROOT, PRECOMPUTED_FACTS);
  if (!existsSync(file)) return undefined;
  return new Map(decodeFacts(readFileSync(file, 'utf8')) as Array<[string, F]>);
}

// Facts of the files the generator's own templates render, precomputed by the build (scripts/build-facts.mjs):
// `c7-app new` checks the project it is about to write with the audit (the checklist's API items), and parsing
// ~40 TypeScript files with tree-sitter is most of a run. Keyed like the in-memory cache (SHA-1 of the grammar and
// the text), so a file is found only when it is byte for byte a file the build parsed: an edited or new file is
// parsed as always. Used only from the build output (dist), where the facts and the engine come from the same build.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../package-info.js';

export const PRECOMPUTED_FACTS = path.join('dist', 'generators', 'lib', 'audit', 'facts-precomputed.idx');

/** JSON for [key, facts] entries, their Maps as { "$map": entries }. */
export const encodeFacts = (entries: unknown): string => JSON.stringify(entries, (_k, v: unknown) => (v instanceof Map ? { $map: [...v] } : v));

type Encoded = { $map: [unknown, unknown][] };
const toMap = (v: unknown) => new Map((v as Encoded).$map);
interface FnShape { defaults: unknown; locals: unknown; fields?: unknown }

/** One FileFacts back from its encodeFacts JSON: the Maps it is known to hold, converted. */
function decodeOne(facts: { defs: unknown; fns: FnShape[]; top: FnShape }): unknown {
  const fn = (f: FnShape) => { f.defaults = toMap(f.defaults); f.locals = toMap(f.locals); if (f.fields !== undefined) f.fields = toMap(f.fields); };
  facts.defs = toMap(facts.defs);
  fn(facts.top);
  for (const f of facts.fns) fn(f);
  return facts;
}

/**
 * Back from encodeFacts. The Maps of a FileFacts are known (defs; each function's defaults, locals and a constructor's fields): a reviver
 * visiting every value was most of the load time. The build checks that this gives back what it encoded.
 */
export function decodeFacts(text: string): Array<[string, unknown]> {
  const entries = JSON.parse(text) as Array<[string, { defs: unknown; fns: FnShape[]; top: FnShape }]>;
  for (const [, facts] of entries) decodeOne(facts);
  return entries;
}

/**
 * The file the build writes, from encodeFacts' entries: a first line of JSON, key -> [start, end] byte offsets into the
 * rest, then each entry's facts JSON. A run parses only the entries it looks up (a new project uses about half).
 */
export function indexFacts(json: string): string {
  const entries = JSON.parse(json) as Array<[string, unknown]>;
  const index: Record<string, [number, number]> = {};
  const parts: string[] = [];
  let at = 0;
  for (const [key, facts] of entries) {
    const text = JSON.stringify(facts);
    const len = Buffer.byteLength(text);
    index[key] = [at, at + len];
    parts.push(text);
    at += len;
  }
  return `${JSON.stringify(index)}\n${parts.join('')}`;
}

/** A Map over the indexed file whose values are decoded on first get (every value, when iterated). */
class LazyFacts<F> extends Map<string, F> {
  readonly #body: Buffer;
  readonly #index: Record<string, [number, number]>;
  constructor(bytes: Buffer) {
    super();
    const nl = bytes.indexOf(10);
    this.#index = JSON.parse(bytes.toString('utf8', 0, nl)) as Record<string, [number, number]>;
    this.#body = bytes.subarray(nl + 1);
    for (const key of Object.keys(this.#index)) super.set(key, undefined as F);
  }
  override get(key: string): F | undefined {
    const v = super.get(key);
    if (v !== undefined || !super.has(key)) return v;
    const [start, end] = this.#index[key]!;
    const facts = decodeOne(JSON.parse(this.#body.toString('utf8', start, end)) as never) as F;
    super.set(key, facts);
    return facts;
  }
  override *entries(): MapIterator<[string, F]> { for (const k of super.keys()) yield [k, this.get(k)!]; }
  override *values(): MapIterator<F> { for (const k of super.keys()) yield this.get(k)!; }
  override [Symbol.iterator](): MapIterator<[string, F]> { return this.entries(); }
  override forEach(cb: (value: F, key: string, map: Map<string, F>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) cb.call(thisArg, v, k, this);
  }
}

/** The facts of an indexed file (indexFacts), decoded as they are looked up. */
export function openPrecomputedFacts<F>(bytes: Buffer): Map<string, F> {
  return new LazyFacts<F>(bytes);
}

export function loadPrecomputedFacts<F>(): Map<string, F> | undefined {
  if (process.env.C7_APP_PARSE_ALL === '1') return undefined;
  const dist = path.join(PACKAGE_ROOT, 'dist') + path.sep;
  if (!fileURLToPath(import.meta.url).startsWith(dist)) return undefined; // running from source: the engine may differ
  const file = path.join(PACKAGE_ROOT, PRECOMPUTED_FACTS);
  if (!existsSync(file)) return undefined;
  return openPrecomputedFacts<F>(readFileSync(file));
}

// Real parsers: tree-sitter grammars compiled to WASM (@vscode/tree-sitter-wasm ships the runtime and the grammars
// built together, so their ABI matches; no native build, nothing downloaded). Loaded lazily, once per process, only
// when a file passes the pre-filter: `c7-app check` on a project without Commerce7 calls never pays for it.
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import { isShellHost } from './hosted.js';

/** The part of web-tree-sitter's Node the audit reads. */
export interface SyntaxNode {
  type: string;
  text: string;
  startIndex: number;
  endIndex: number;
  startPosition: { row: number; column: number };
  isNamed: boolean;
  childCount: number;
  child(index: number): SyntaxNode | null;
  fieldNameForChild(index: number): string | null;
  childForFieldName(name: string): SyntaxNode | null;
  parent: SyntaxNode | null;
}
interface Tree { rootNode: SyntaxNode; delete(): void }
interface Parser { setLanguage(l: unknown): void; parse(text: string): Tree | null; delete(): void }
interface TreeSitter {
  Parser: { new (): Parser; init(o: { locateFile: (f: string) => string }): Promise<void> };
  Language: { load(file: string): Promise<unknown> };
}

export type Grammar = 'javascript' | 'typescript' | 'tsx' | 'php' | 'python' | 'ruby' | 'c-sharp' | 'go' | 'bash' | 'powershell';

/** The interpreter a `#!` line names -> its grammar (`#!/usr/bin/env ruby`, `#!/bin/sh`, `#!/usr/bin/env -S node --x`). */
const SHEBANG = /^#![ \t]*(?:\S*\/)?([\w.-]+)(?:[ \t]+(?:-\S+[ \t]+)*([\w.-]+))?/;
export function shebangGrammar(head: string): Grammar | null {
  const m = SHEBANG.exec(head);
  if (!m) return null;
  const prog = (m[1] === 'env' ? m[2] : m[1]) ?? '';
  if (/^(ruby|jruby|rbx)[\d.]*$/.test(prog)) return 'ruby';
  if (/^python[\d.]*$/.test(prog)) return 'python';
  if (/^(node|nodejs|bun)$/.test(prog)) return 'javascript';
  if (/^(deno|ts-node|tsx)$/.test(prog)) return 'typescript';
  if (/^php[\d.]*$/.test(prog)) return 'php';
  if (/^(sh|bash|dash|ksh|zsh|ash)$/.test(prog)) return 'bash';
  return null;
}

/**
 * The grammar that reads a file, by its extension (a script without one, as bin/ holds: by its `#!` line when the
 * text is given); null: no grammar (the text scanner reads it).
 */
export function grammarFor(file: string, text?: string): Grammar | null {
  // A Makefile's recipes, a CI workflow's steps: shell, rewritten by ./hosted.ts before parsing.
  if (isShellHost(file)) return 'bash';
  const ext = path.extname(file).toLowerCase();
  if (/^(?:Rakefile|Thorfile)$/.test(path.basename(file))) return 'ruby';
  if (!ext && text !== undefined) return shebangGrammar(text.slice(0, 200));
  switch (ext) {
    case '.js': case '.mjs': case '.cjs': case '.jsx': return 'javascript';
    case '.ts': case '.mts': case '.cts': return 'typescript';
    case '.tsx': return 'tsx';
    case '.vue': case '.svelte': return 'typescript';
    case '.php': case '.phtml': return 'php';
    // A legacy PHP include (lib/c7.inc, required by the pages): PHP when it opens a PHP block (C and Pascal use .inc too).
    case '.inc': case '.module': case '.install': case '.theme': return text === undefined || /<\?php/.test(text.slice(0, 1000)) ? 'php' : null;
    case '.py': return 'python';
    case '.rb': case '.rake': case '.thor': case '.ru': return 'ruby';
    case '.cs': return 'c-sharp';
    case '.go': return 'go';
    case '.sh': case '.bash': return 'bash';
    case '.ps1': case '.psm1': return 'powershell';
    default: return null;
  }
}

let runtime: Promise<{ ts: TreeSitter; dir: string }> | undefined;
const parsers = new Map<Grammar, Promise<Parser>>();
const ready = new Map<Grammar, Parser>();
const failed = new Set<Grammar>();

function loadRuntime(): Promise<{ ts: TreeSitter; dir: string }> {
  runtime ??= (async () => {
    const require = createRequire(import.meta.url);
    // The grammars' WASM compiled by Liftoff (V8's baseline compiler) only: optimising the large parse tables with
    // TurboFan cost more CPU (~1.2 s on the 1,000,000-line bench) than it ever saves on the few distinct files an
    // audit parses. Set before the modules are compiled; it concerns WebAssembly only.
    if (process.env.C7_AUDIT_WASM_TIERUP !== '1') v8.setFlagsFromString('--liftoff-only');
    const dir = path.join(path.dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
    const ts = require('@vscode/tree-sitter-wasm') as TreeSitter;
    await ts.Parser.init({ locateFile: (f: string) => path.join(dir, f) });
    return { ts, dir };
  })();
  return runtime;
}

/** A parser for the grammar (created once). Rejects when the WASM cannot be loaded: the caller falls back to text. */
export function parserFor(grammar: Grammar): Promise<Parser> {
  let p = parsers.get(grammar);
  if (!p) {
    p = (async () => {
      const { ts, dir } = await loadRuntime();
      const language = await ts.Language.load(path.join(dir, `tree-sitter-${grammar}.wasm`));
      const parser = new ts.Parser();
      parser.setLanguage(language);
      ready.set(grammar, parser);
      return parser;
    })();
    p.catch(() => failed.add(grammar));
    parsers.set(grammar, p);
  }
  return p;
}

/** Loads the grammars (once); a grammar that cannot be loaded is left to the text engine, never an error. */
export async function prepareGrammars(grammars: Iterable<Grammar>): Promise<void> {
  await Promise.all([...new Set(grammars)].map((g) => parserFor(g).catch(() => undefined)));
}

/** Is the grammar loaded (parsing is then synchronous)? */
export function grammarState(grammar: Grammar): 'ready' | 'failed' | 'not loaded' {
  return ready.has(grammar) ? 'ready' : failed.has(grammar) ? 'failed' : 'not loaded';
}

/** Parses with a loaded grammar and hands the root to `use`; the tree is freed after (WASM memory is not garbage-collected). */
export function withTree<T>(grammar: Grammar, text: string, use: (root: SyntaxNode) => T): T | null {
  const parser = ready.get(grammar);
  if (!parser) return null;
  const tree = parser.parse(text);
  if (!tree) return null;
  try {
    return use(new CachedNode(tree.rootNode, undefined));
  } finally {
    tree.delete();
  }
}

/**
 * A node whose answers are kept: each property of web-tree-sitter's Node, and each child, is a call into WASM that
 * builds a new object, and the extraction asks the same node the same things many times (its type, its children).
 * Nothing compares nodes by identity; the tree is not edited while it is read.
 */
class CachedNode implements SyntaxNode {
  #raw: SyntaxNode;
  #parent: CachedNode | null | undefined;
  #type?: string;
  #text?: string;
  #start?: number;
  #end?: number;
  #position?: { row: number; column: number };
  #named?: boolean;
  #count?: number;
  #children?: Array<CachedNode | null | undefined>;
  #fieldNames?: Array<string | null | undefined>;
  #fields?: Map<string, CachedNode | null>;
  constructor(raw: SyntaxNode, parent: CachedNode | null | undefined) {
    this.#raw = raw;
    this.#parent = parent;
  }
  get type(): string { return (this.#type ??= this.#raw.type); }
  get text(): string { return (this.#text ??= this.#raw.text); }
  get startIndex(): number { return (this.#start ??= this.#raw.startIndex); }
  get endIndex(): number { return (this.#end ??= this.#raw.endIndex); }
  get startPosition(): { row: number; column: number } { return (this.#position ??= this.#raw.startPosition); }
  get isNamed(): boolean { return (this.#named ??= this.#raw.isNamed); }
  get childCount(): number { return (this.#count ??= this.#raw.childCount); }
  child(index: number): SyntaxNode | null {
    const children = (this.#children ??= []);
    let c = children[index];
    if (c === undefined) {
      const raw = this.#raw.child(index);
      children[index] = c = raw ? new CachedNode(raw, this) : null;
    }
    return c;
  }
  fieldNameForChild(index: number): string | null {
    const names = (this.#fieldNames ??= []);
    let n = names[index];
    if (n === undefined) names[index] = n = this.#raw.fieldNameForChild(index);
    return n;
  }
  childForFieldName(name: string): SyntaxNode | null {
    const fields = (this.#fields ??= new Map());
    let c = fields.get(name);
    if (c === undefined) {
      const raw = this.#raw.childForFieldName(name);
      fields.set(name, (c = raw ? new CachedNode(raw, this) : null));
    }
    return c;
  }
  get parent(): SyntaxNode | null {
    if (this.#parent === undefined) {
      const raw = this.#raw.parent;
      this.#parent = raw ? new CachedNode(raw, undefined) : null;
    }
    return this.#parent;
  }
}

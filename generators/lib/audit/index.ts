// `c7-app audit`: from code to permissions. The calls found in the code (scan.ts) resolved through the catalog's
// path map give the least-privilege permissions the code needs; compared with a manifest they say what to add and
// what the code no longer uses. The first step of moving a Data-role integration (full access to everything) to
// an app.
import { createHash } from 'node:crypto';
import { accessCovers, canonicalPermission, isIdSegment, resolveApiCall, type Access, type HttpMethod, type PermissionName } from '../catalog/index.js';
import type { Manifest } from '../manifest/types.js';
import { extractFacts, type CallSite, type FileFacts, type FnDef } from './extract.js';
import { addAirflowConnections, type AirflowConnections } from './airflow.js';
import { powershellSource } from './powershell.js';
import { zshSource } from './shell.js';
import { ABSENT, BASE_NAME, classify, Flow, hasParam, isC7Based, methodOf, RESOURCES, show, type Project, type SinkResult } from './flow.js';
import { grammarFor, grammarState, prepareGrammars, withTree, type Grammar } from './parse.js';
import { hostedShell, isShellHost } from './hosted.js';
import { YAML_C7_BASE } from './files.js';
import { declaredClasses, importIndex, importsAny, usedClasses } from './imports.js';
import { readPostman } from './postman.js';
import { addIniSettings, addJsonSettings, addPhpArraySettings, type SettingIndex } from './settings.js';
import { encodeFacts, loadPrecomputedFacts } from './precomputed.js';
import { scanSignIn, scanSource, stripTrailingComment, type ApiReference as TextReference } from './scan.js';

export { apiPathOf, scanSignIn, scanSource, stripTrailingComment } from './scan.js';
export { AUDIT_SKIP_DIRS, isAuditedFile, isSkippedDir } from './files.js';

export type Confidence = 'high' | 'medium' | 'low';

export interface Evidence {
  /** Where the HTTP call is made (for a call through a helper: the helper's call site). */
  call: { file: string; line: number };
  /** Where the pieces of the path come from (literals, constants, a base URL). */
  pieces: Array<{ file: string; line: number; text: string }>;
  /** Where the method comes from; null when it was not seen (GET assumed). */
  method: { file: string; line: number; text: string } | null;
  /** The helpers the call goes through, innermost first. */
  via: string[];
}

export interface ApiReference extends TextReference {
  /** Which engine read the call: "tree-sitter (javascript)", "text", "json (Postman collection)". */
  engine: string;
  /** The call is of an HTTP library the audit does not know, counted because its URL is on the Commerce7 base: the call's name. */
  unrecognisedLibrary?: string;
  confidence: Confidence;
  evidence: Evidence;
}

export interface NeededPermission {
  permission: PermissionName;
  access: Access;
  /** The calls that need it; for full access, the writes first. */
  references: ApiReference[];
  /** True when every reference behind it comes from a path the catalog marks inferred. */
  inferred: boolean;
}

export interface SkippedFile { file: string; reason: string }
export interface ReadFile { file: string; engine: string; calls: number }

export interface AuditReport {
  files: number;
  /** Every file looked at, with the engine that read it (or why it was not parsed). */
  read: ReadFile[];
  /** Files that could not be read at all: binary, special files, unreadable. */
  skipped: SkippedFile[];
  references: ApiReference[];
  /** Sorted by name. */
  permissions: NeededPermission[];
  /** Calls that need no permission (the staff token check, App Sync, public storefront settings). */
  noPermission: Array<ApiReference & { why: string }>;
  /**
   * Calls the catalog documents no permission for: unknown resources, and undocumented sub-paths of documented
   * resources (`/customer/{id}/something`), with the parent family's permission as a low-confidence guess.
   */
  unknown: Array<ApiReference & { why: string; guess: { permission: PermissionName; access: Access } | null }>;
  /** HTTP calls toward Commerce7 whose path is computed at run time: what the audit cannot see. */
  unresolved: Array<{ file: string; line: number; pattern: string; method: HttpMethod | null; why: string }>;
  /** Calls whose method was not seen, taken as GET: each needs full access if it writes. */
  methodNotSeen: ApiReference[];
  /** HTTP Basic sign-ins in the files that call Commerce7: where the staff email and password must become the App ID and App Secret Key. */
  signIns: Array<{ file: string; line: number; excerpt: string }>;
  summary: { files: number; parsed: number; text: number; skipped: number; calls: number; permissions: number; unknown: number; unresolved: number; methodNotSeen: number };
}

export interface AuditSource {
  file: string;
  text: string;
}

export interface AuditExtra {
  /** Calls already found by the streaming reader (large files), and the files it read or skipped. */
  references?: TextReference[];
  read?: ReadFile[];
  skipped?: SkippedFile[];
}

/** A cheap look at the raw text: does it mention Commerce7 (a URL, a base name, a resource in a quoted path)? */
export const PREFILTER = new RegExp(`commerce7|c7|["'\`/](?:${[...RESOURCES].map((r) => r.replace(/-/g, '\\-')).join('|')})\\b`, 'i');
const C7_LITERAL = /https?:\/\/api\.commerce7\.com/i;
/** A line that sets a named base (`baseURL: '…'`, `public string $baseURI = '…'`, `api_url: HttpUrl = …`, `C7_API: z…default('…')`). */
const CONFIG_ENTRY = /^\s*(?:(?:export|public|private|protected|readonly|static|const|final|var|let|def)\s+)*(?:[\w<>?]+\s+)?['"$]?[A-Za-z_][\w.-]*['"]?\s*(?::[^=]*?)?(?:=>|[:=])/;
const WHOLE_LINE_COMMENT = /^\s*(?:\/\/|#|\*|\/\*|<!--|--|;|')/;
/** A JSON key named for a base URL whose value is Commerce7's API: "BaseUrl": "https://api.commerce7.com/v1/". */
const CONFIG_BASE = /"[\w.:-]*(?:url|uri|base|host|endpoint|api|root|origin)[\w.:-]*"\s*:\s*"https?:\/\/api\.commerce7\.com/i;
/** `'base_uri' => 'https://api.commerce7.com…'`, `api_base = "https://api.commerce7.com…"`, `base: https://…`, `"baseUrl": "…"`. */
const BASE_KEY_SET = /([A-Za-z_][\w-]*)['"]?\s*(?:=>|=|:)\s*['"]?https?:\/\/api\.commerce7\.com/gi;
const PREFILTERED = 'pre-filter (no Commerce7 URL, name or resource)';
const BASE_HINT = new RegExp(`api\\.commerce7\\.com|${BASE_NAME.source}`, 'i');

/** Files with the same content are parsed once (vendored copies, generated clients). */
const factsCache = new Map<string, Map<string, FileFacts | null>>();
let factsCached = 0;

function relabel(f: FileFacts, file: string): FileFacts {
  const copy = (fn: FnDef) => ({ ...fn, file });
  return { ...f, file, top: copy(f.top), fns: f.fns.map(copy) };
}

/** Only the <script> of a Vue or Svelte component, on its own lines. */
function scriptOnly(text: string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)) {
    out += text.slice(at, m.index! + m[1]!.length).replace(/[^\n]/g, ' ') + m[2];
    at = m.index! + m[0].length - '</script>'.length;
  }
  return out + text.slice(at).replace(/[^\n]/g, ' ');
}

/** The build's facts of the generator's own rendered files (./precomputed.ts), loaded on first use. */
let precomputed: Map<string, FileFacts> | undefined | null = null;
/** The lengths of the texts the build parsed: a file of another length is not among them, and costs no digest. */
let precomputedLengths = new Set<number>();
function precomputedFacts(grammar: Grammar, source: string): FileFacts | undefined {
  if (precomputed === null) {
    precomputed = loadPrecomputedFacts<FileFacts>();
    precomputedLengths = new Set([...(precomputed?.keys() ?? [])].map((k) => Number(k.split(':', 1)[0])));
  }
  if (!precomputed || !precomputedLengths.has(source.length)) return undefined;
  return precomputed.get(factsKey(grammar, source));
}

/** The build's key of a source: its length, then the SHA-1 of the grammar and the text. */
const factsKey = (grammar: Grammar, source: string) => `${source.length}:${createHash('sha1').update(grammar).update('\0').update(source).digest('hex')}`;
const sourceOf = (file: string, text: string) => (/\.(vue|svelte)$/i.test(file) ? scriptOnly(text) : hostedShell(file, text) ?? text);

/** Facts already known for this file's text (parsed earlier in this process, or by the build). */
function knownFacts(grammar: Grammar, file: string, text: string): FileFacts | undefined {
  const source = sourceOf(file, text);
  const cached = factsCache.get(grammar)?.get(source);
  if (cached !== undefined) return cached ?? undefined;
  const facts = precomputedFacts(grammar, source);
  if (facts) {
    let byText = factsCache.get(grammar);
    if (!byText) factsCache.set(grammar, (byText = new Map()));
    byText.set(source, facts);
  }
  return facts;
}

function factsFor(file: string, text: string): { facts: FileFacts | null; engine: string } {
  const grammar = grammarFor(file, text);
  if (!grammar) return { facts: null, engine: 'text' };
  const known = knownFacts(grammar, file, text);
  if (known) return { facts: known, engine: `tree-sitter (${grammar})` };
  const state = grammarState(grammar);
  if (state !== 'ready') return { facts: null, engine: state === 'failed' ? `text (the ${grammar} grammar could not be loaded)` : `text (the ${grammar} grammar was not loaded)` };
  const source = grammar === 'powershell' ? powershellSource(sourceOf(file, text)) : grammar === 'bash' ? zshSource(sourceOf(file, text)) : sourceOf(file, text);
  // Keyed by the text itself: a Map hashes a string once, no digest to compute for each of thousands of copies.
  let byText = factsCache.get(grammar);
  if (!byText) factsCache.set(grammar, (byText = new Map()));
  let facts = byText.get(source);
  if (facts === undefined) {
    try {
      facts = withTree(grammar, source, (root) => extractFacts(file, grammar, root));
    } catch {
      facts = null;
    }
    if (++factsCached > 5000) { factsCache.clear(); factsCached = 0; factsCache.set(grammar, byText = new Map()); }
    byText.set(source, facts);
  }
  return facts ? { facts, engine: `tree-sitter (${grammar})` } : { facts: null, engine: 'text (the parser failed)' };
}

const idPath = (p: string) => p.split('/').map((seg, i) => (i > 1 && isIdSegment(seg) ? '{id}' : seg)).join('/');

/** The grammars these files need (only those that pass the pre-filter): load them before auditSourcesSync. */
export function grammarsNeeded(sources: AuditSource[]): Grammar[] {
  const out = new Set<Grammar>();
  for (const s of parsedSources(sources)) {
    const g = grammarFor(s.file, s.text)!;
    // A file whose facts are known (./precomputed.ts) needs no parser.
    if (!out.has(g) && !knownFacts(g, s.file, s.text)) out.add(g);
  }
  return [...out];
}

/**
 * The sources auditSourcesSync hands to a parser: the code files that pass the pre-filter, then the dropped ones that
 * import them (importersOf). The parsers loaded first and the facts the build records are those of exactly these.
 */
function parsedSources(sources: AuditSource[]): AuditSource[] {
  const passed: AuditSource[] = [];
  const dropped: Array<{ src: AuditSource }> = [];
  for (const src of sources) {
    if (src.text.includes('\u0000') || /\.json$/i.test(src.file) || (/\.ya?ml$/i.test(src.file) && !isShellHost(src.file))) continue;
    if (PREFILTER.test(src.text)) passed.push(src);
    else if (grammarFor(src.file, src.text)) dropped.push({ src });
  }
  const read = [...passed, ...importersOf(passed, dropped).map((d) => d.src)];
  return read.filter((s) => grammarFor(s.file, s.text));
}

/**
 * The files the pre-filter dropped that import one it passed (or one so taken): their calls of that module's helpers
 * are Commerce7 calls (`from .client import call; call(ep.SETTINGS)`). And those declaring a class one it passed builds
 * on or uses by name (PHP's autoloaded `abstract class Resource` that `Collection extends`, its `Connection`): the
 * calls of a resource's inherited methods are made there. Followed a few steps deep; only import lines and class
 * names are looked at.
 */
const RUBY_FILE = /\.(?:rb|rake|thor|ru)$|(?:^|\/)(?:Rakefile|Thorfile)$/;
/** A class method called by the class's name (`Vendor.all`, `C7::Club.find(id)`). */
const RUBY_CLASS_CALL = /\b([A-Z]\w*)\.[a-z_]\w*[!?]?/g;
const CS_FILE = /\.cs$/;
/** A C# class used by name: a typed parameter, field or local (`CollectionsApi collections,`), a static call. */
const CS_CLASS_USE = /\b([A-Z]\w*)(?:<[^<>]*>)?\??\s+_?[a-z]\w*\s*[,)=;]|\b([A-Z]\w*)\.[A-Z]\w*\s*\(/g;

function importersOf<T extends { src: AuditSource }>(passed: Array<{ file: string; text: string }>, dropped: T[]): T[] {
  const files = passed.map((s) => s.file);
  const uses = new Set<string>();
  for (const s of passed) usedClasses(s.text, uses);
  // Ruby loads classes by name (Rails' autoloading, Zeitwerk), and C# by namespace, not by file: a file calling a
  // class a kept file of its language declares (`Vendor.all`, a REST model's finder; a C# service given a typed
  // client, `MenuSync(CollectionsApi collections)`) is read too.
  const rubyDeclared = new Set<string>();
  const csDeclared = new Set<string>();
  const declare = (s: { file: string; text: string }) => {
    const into = RUBY_FILE.test(s.file) ? rubyDeclared : CS_FILE.test(s.file) ? csDeclared : null;
    if (into) for (const c of declaredClasses(s.text)) into.add(c);
  };
  for (const s of passed) declare(s);
  const out: T[] = [];
  let left = dropped;
  const declares = new Map<T, string[]>();
  const callsDeclared = (d: T) => RUBY_FILE.test(d.src.file) && rubyDeclared.size > 0 && [...d.src.text.matchAll(RUBY_CLASS_CALL)].some((m) => rubyDeclared.has(m[1]!))
    || CS_FILE.test(d.src.file) && csDeclared.size > 0 && [...d.src.text.matchAll(CS_CLASS_USE)].some((m) => csDeclared.has((m[1] ?? m[2])!));
  for (let round = 0; round < 3 && left.length; round++) {
    const index = importIndex(files);
    const taken = left.filter((d) => importsAny(d.src.file, d.src.text, index)
      || (declares.get(d) ?? declares.set(d, declaredClasses(d.src.text)).get(d)!).some((c) => uses.has(c)) || callsDeclared(d));
    if (!taken.length) break;
    out.push(...taken);
    files.push(...taken.map((d) => d.src.file));
    for (const d of taken) {
      usedClasses(d.src.text, uses);
      declare(d.src);
    }
    left = left.filter((d) => !taken.includes(d));
  }
  return out;
}

/**
 * For the build (scripts/build-facts.mjs): the facts of these sources, parsed (every parser they need is loaded
 * first), as the JSON ./precomputed.ts reads back.
 */
export async function precomputeFacts(sources: AuditSource[]): Promise<string> {
  const grammars = [...new Set(sources.map((s) => grammarFor(s.file, s.text)).filter((g): g is Grammar => g !== null))];
  await prepareGrammars(grammars);
  const entries = new Map<string, FileFacts>();
  for (const s of parsedSources(sources)) {
    const grammar = grammarFor(s.file, s.text)!;
    const { facts } = factsFor(s.file, s.text);
    if (facts) entries.set(factsKey(grammar, sourceOf(s.file, s.text)), facts);
  }
  return encodeFacts([...entries]);
}

/** Loads the parsers these files need: after it, auditSourcesSync parses them (the checklist calls it so). */
export async function prepareAudit(sources: AuditSource[]): Promise<void> {
  await prepareGrammars(grammarsNeeded(sources));
}

/** The audit: loads the parsers it needs, then reads the sources. */
export async function auditSources(sources: AuditSource[], extra: AuditExtra = {}): Promise<AuditReport> {
  await prepareAudit(sources);
  return auditSourcesSync(sources, extra);
}

/**
 * The audit with the parsers already loaded (prepareAudit): synchronous, for the checklist. A file whose grammar
 * is not loaded is read by the text engine, and its engine says so.
 */
export function auditSourcesSync(sources: AuditSource[], extra: AuditExtra = {}): AuditReport {
  const read: ReadFile[] = [...(extra.read ?? [])];
  const skipped: SkippedFile[] = [...(extra.skipped ?? [])];
  const references: ApiReference[] = [];
  const unresolved: AuditReport['unresolved'] = [];
  const parsed: FileFacts[] = [];
  const copies = new Map<FileFacts, string[]>();
  const relabeled = new Map<FileFacts, FileFacts>();
  const texts = new Map<string, string>();
  let linesOf: { file: string; lines: string[] } | null = null;
  const engineOf = new Map<string, string>();
  const baseFiles = new Set<string>();
  // The keys the project's files set to Commerce7's base URL (config arrays, YAML, JSON, .ini-like lines): a setting
  // read by one of them (`$this->config['base_uri']`, `CFG["base"]`) is that base (flow.ts). Once per distinct text.
  const baseKeys = new Set<string>();
  const settings: SettingIndex = new Map();
  const airflowConns: AirflowConnections = new Map();
  const keysSeen = new Set<string>();
  const addBase = (file: string, text: string) => {
    baseFiles.add(file);
    if (keysSeen.has(text)) return;
    keysSeen.add(text);
    if (!/api\.commerce7\.com/i.test(text)) return;
    for (const m of text.matchAll(BASE_KEY_SET)) if (/url|uri|base|host|endpoint|api|root|origin/i.test(m[1]!)) baseKeys.add(m[1]!);
  };
  const lineText = (file: string, line: number) => {
    if (linesOf?.file !== file) linesOf = { file, lines: (texts.get(file) ?? '').split(/\r?\n/) };
    return linesOf.lines[line - 1]?.trim().slice(0, 160) ?? '';
  };

  for (const r of extra.references ?? []) references.push(fromText(r, 'text (streamed)'));
  // The pre-filter's answers by content: a tree of copies (vendored clients, replicas) is looked at once per text.
  const looks = new Map<string, { pass: boolean; base: boolean }>();
  const deferred: Array<{ src: AuditSource; at: number }> = [];

  for (const src of sources) {
    if (src.text.includes('\u0000')) {
      skipped.push({ file: src.file, reason: 'binary file (contains NUL bytes)' });
      continue;
    }
    addAirflowConnections(airflowConns, src.file, src.text);
    if (/\.json$/i.test(src.file)) {
      const calls = readPostman(src.text);
      if (calls) {
        let n = 0;
        for (const c of calls) {
          const path = classify({ parts: [c.url], ev: [] }, { relativeOk: false });
          if (!path || path.dynamic) continue;
          n++;
          const method = (c.method.toUpperCase() as HttpMethod);
          references.push({
            file: src.file, line: c.line, column: 1, method, methodSeen: true, path: path.path, excerpt: `${c.method} ${c.url}`.slice(0, 160),
            engine: 'json (Postman collection)', confidence: 'high',
            evidence: { call: { file: src.file, line: c.line }, pieces: [{ file: src.file, line: c.line, text: c.url }], method: { file: src.file, line: c.line, text: c.method }, via: [] },
          });
        }
        read.push({ file: src.file, engine: 'json (Postman collection)', calls: n });
      } else {
        // A config file (appsettings.json, config/default.json) whose base-URL key holds Commerce7's: the project
        // names its base there, so a client-like receiver's relative path may count (as a base named in code does).
        const base = CONFIG_BASE.test(src.text);
        if (base) addBase(src.file, src.text);
        if (!/(?:^|\/)(?:package(?:-lock)?|composer(?:\.lock)?|tsconfig[\w.-]*|jsconfig)\.json$/i.test(src.file)) addJsonSettings(settings, src.file, src.text);
        read.push({ file: src.file, engine: base ? 'json (config: names the Commerce7 base URL)' : 'json (not an API collection: not read)', calls: 0 });
      }
      continue;
    }
    // A YAML config (not a CI workflow) naming the Commerce7 base: like a JSON one, it says where the project's client
    // points; it holds no calls.
    if (/\.ya?ml$/i.test(src.file) && !isShellHost(src.file)) {
      const base = YAML_C7_BASE.test(src.text);
      if (base) addBase(src.file, src.text);
      const airflow = !base && [...airflowConns.values()].some((c) => c.file === src.file);
      read.push({ file: src.file, engine: base ? 'yaml (config: names the Commerce7 base URL)' : airflow ? 'yaml (config: an Airflow connection to Commerce7)' : 'yaml (config: not read)', calls: 0 });
      continue;
    }
    // A PHP config file returning an array: its settings by key path, Commerce7's or another host's
    // ($config['zendesk']['base'] is Zendesk's base, not Commerce7's `base`).
    if (/\.php$/i.test(src.file) && /^\s*return\s*(?:\[|array\s*\()/m.test(src.text)) addPhpArraySettings(settings, src.file, src.text);
    if (/\.(?:ini|cfg|conf)$/i.test(src.file)) addIniSettings(settings, src.file, src.text);
    let look = looks.get(src.text);
    if (!look) looks.set(src.text, (look = { pass: PREFILTER.test(src.text), base: BASE_HINT.test(src.text) }));
    if (!look.pass) {
      // Read after all, if it imports a file that passed (below).
      if (grammarFor(src.file, src.text)) deferred.push({ src, at: read.length });
      read.push({ file: src.file, engine: PREFILTERED, calls: 0 });
      continue;
    }
    admit(src, look.base);
  }
  // A file the pre-filter dropped that imports one it passed: its calls of that module's helpers are Commerce7 calls
  // (`from .client import call; call(ep.SETTINGS)`). Followed a few imports deep; only import lines are looked at.
  for (const d of importersOf([...texts].map(([file, text]) => ({ file, text })), deferred)) {
    read[d.at] = { file: '', engine: '', calls: -1 };
    admit(d.src, BASE_HINT.test(d.src.text));
  }
  for (let i = read.length - 1; i >= 0; i--) if (read[i]!.calls === -1) read.splice(i, 1);

  function admit(src: AuditSource, base: boolean): void {
    texts.set(src.file, src.text);
    if (base) addBase(src.file, src.text);
    // Minified code (lines over 2,000 characters) is parsed like any file up to the 1 MiB parse limit.
    const got = factsFor(src.file, src.text);
    const engine = got.engine;
    engineOf.set(src.file, engine);
    let facts = got.facts;
    if (facts && !copies.has(facts) && facts.file !== src.file) {
      // Parsed in an earlier run under another name: this run's first copy carries this name.
      const cached = facts;
      facts = relabeled.get(cached) ?? relabel(cached, src.file);
      relabeled.set(cached, facts);
    }
    if (facts) {
      // Identical files share their facts and are analysed once: lookups go by name, so a copy's calls are the
      // first file's with the file name changed.
      const list = copies.get(facts);
      if (list) list.push(src.file);
      else { copies.set(facts, []); parsed.push(facts); }
    }
    else {
      const refs = scanSource(src.file, src.text, { longLines: true });
      references.push(...refs.map((r) => fromText(r, engine)));
      read.push({ file: src.file, engine, calls: refs.length });
    }
  }

  // The project: every definition and function by name, for lookups across files.
  const project: Project = { files: parsed, defs: new Map(), fns: new Map(), baseFiles, baseKeys, settings, airflowConns };
  const called = new Set<string>();
  const selfCalled = new Map<string, Set<FnDef>>();
  const put = <T>(index: Map<string, T[]>, file: string, name: string, items: T[]) => {
    // Under every folder above the file: a lookup walks up from the caller's folder (Flow.nearest).
    let dir = file;
    for (;;) {
      const cut = dir.lastIndexOf('/');
      dir = cut > 0 ? dir.slice(0, cut) : '';
      const key = `${dir}\u0000${name}`;
      const list = index.get(key) ?? [];
      if (list.length < 8) list.push(...items.slice(0, 8 - list.length));
      index.set(key, list);
      if (!dir) break;
    }
  };
  for (const f of parsed) {
    for (const [name, exprs] of f.defs) put(project.defs, f.file, name, exprs.map((expr) => ({ facts: f, expr })));
    for (const fn of f.fns) if (fn.name) put(project.fns, f.file, fn.name, [fn]);
    for (const fn of [f.top, ...f.fns]) for (const c of fn.calls) {
      // A call of its own name from inside a function (a controller's checkIn delegating to the service's checkIn)
      // is not a caller of that function: by itself it leaves the function uncalled (its sinks are reported there).
      if (c.fn !== fn.name) called.add(c.fn);
      else (selfCalled.get(c.fn) ?? selfCalled.set(c.fn, new Set()).get(c.fn)!).add(fn);
    }
  }
  const flow = new Flow(project);
  // A service class's method that nothing calls, its path built from its parameters, in a class whose other methods
  // are called: an operation the integration keeps and does not use (ProductService.remove(id) beside a used get(id)).
  // Used from outside: its own methods calling one another (a job's perform calling its private c7 helper) do not
  // make a class used; only a caller in another class, another file or top-level code does.
  // Who calls each name (a function, or a file's top level), and whether it passes its own parameters on.
  const callerFns = new Map<string, Array<{ by: FnDef; passes: boolean }>>();
  const passesParam = (by: FnDef, args: CallSite['args']) => args.some((a) => a.value.k === 'ref' && a.value.simple && by.params.includes(a.value.name));
  for (const f of parsed) for (const fn of [f.top, ...f.fns]) for (const c of fn.calls) {
    const list = callerFns.get(c.fn) ?? callerFns.set(c.fn, []).get(c.fn)!;
    if (list.length < 64) list.push({ by: fn, passes: passesParam(fn, c.args) });
  }
  const usedClasses = new Set<string>();
  for (const f of parsed) for (const fn of f.fns) {
    if (fn.cls && fn.name && (callerFns.get(fn.name) ?? []).some((x) => x.by.file !== f.file || x.by.cls !== fn.cls)) usedClasses.add(`${f.file}\u0000${fn.cls}`);
  }
  const unusedMethod = (f: FileFacts, fn: FnDef) => !!fn.cls && !!fn.name && fn.method && !called.has(fn.name) && usedClasses.has(`${f.file}\u0000${fn.cls}`);
  // A PowerShell module's function no script calls, in a module whose other functions scripts call (Get-C7Promotion
  // beside a used Invoke-C7Request): the same, a module being its functions' class.
  // A module another file calls into: a PowerShell .psm1, a JavaScript/TypeScript module (lib/c7.ts's request(), called
  // by the route handlers; its listPackages() nothing calls is not an entry point, as a route handler's file is).
  const usedModules = new Set(parsed.filter((f) => /\.(?:psm1|[cm]?[jt]sx?)$/i.test(f.file) && f.fns.some((fn) => fn.name && !fn.cls && (callerFns.get(fn.name) ?? []).some((x) => x.by.file !== f.file))).map((f) => f.file));
  const unusedModuleFn = (f: FileFacts, fn: FnDef) => !fn.cls && !!fn.name && !called.has(fn.name) && usedModules.has(f.file);
  // Dead code, and why: a private method nothing calls; a method nothing calls in a class used elsewhere, for a call
  // whose path or method comes from its parameters (a public method making a fixed call is an entry point: a cron's
  // sweep()); then, to a fixed point, a function whose every caller is dead, or such an unused method passing it its
  // parameters (a generated client's NewDeleteReservationRequest(server, id), called only by the DeleteReservation
  // nothing calls). Callers are matched by name, so one live caller of that name keeps it.
  const dead = new Map<FnDef, string>();
  const unusedWhy = 'a method nothing in the code calls, in a class used elsewhere (if code outside this folder calls it, add its permission by hand)';
  const unusedModuleWhy = 'a function nothing in the code calls, in a module used elsewhere (if a script outside this folder calls it, add its permission by hand)';
  const unused = new Set<FnDef>();
  {
    const all = parsed.flatMap((f) => f.fns.map((fn) => ({ f, fn })));
    for (const { f, fn } of all) {
      if (!fn.name || called.has(fn.name)) continue;
      if (fn.private) dead.set(fn, 'a private method nothing calls: dead code');
      else if (unusedMethod(f, fn) || unusedModuleFn(f, fn)) unused.add(fn);
    }
    for (let changed = dead.size + unused.size > 0; changed;) {
      changed = false;
      for (const { fn } of all) {
        if (!fn.name || dead.has(fn)) continue;
        const by = (callerFns.get(fn.name) ?? []).filter((x) => x.by !== fn);
        if (by.length && by.every((x) => dead.has(x.by) || unused.has(x.by) && x.passes)) {
          dead.set(fn, `called only from ${[...new Set(by.map((x) => `${x.by.cls ? `${x.by.cls}.` : ''}${x.by.name}`))].slice(0, 3).join(', ')}, which nothing live calls`);
          changed = true;
        }
      }
    }
  }
  const seen = new Set<string>();
  /** Was a path without a base counted as a call on a Commerce7 client (`api.get('order')`, `http.get('/order')`)? */
  let relativeOnClient = false;
  /** file:line of every piece of a URL that reached an HTTP call (resolved or not). */
  const usedLines = new Set<string>();
  for (const f of parsed) {
    let n = 0;
    for (const fn of [f.top, ...f.fns]) {
      const sinks = flow.sinks(fn, f);
      // An unused method is dead when one of its calls takes its path or method from its parameters (then all are).
      // (So is a declaration without a body, a Refit interface's method, when the interface's other methods are
      // called: an interface method is never an entry point.)
      const unusedOpen = unused.has(fn) && (!!fn.stub || !!fn.generated || usedModules.has(f.file) || sinks.some((r) => hasParam(r.url) || (r.method !== null && hasParam(r.method))));
      // (A dead or unused method's call on a member each subclass sets: listed once per subclass's value.)
      for (const r of sinks.flatMap((x) => (dead.has(fn) || unusedOpen ? flow.eachMember(x) : [x]))) {
        for (const ev of r.url.ev) usedLines.add(`${ev.file}:${ev.line}`);
        if (r.declared) continue; // an operation a function declares: counted where it is called (flow.ts)
        const open = hasParam(r.url) || (r.method !== null && hasParam(r.method));
        if (open && fn.name && (called.has(fn.name) || [...(selfCalled.get(fn.name) ?? [])].some((g) => g !== fn))) continue; // applied at its call sites
        if (r.needsBase && !isC7Based(r.url)) continue; // a receiver never bound to a Commerce7 client
        const relativeOk = r.relative;
        const c = classify(r.url, { relativeOk });
        if (!c) continue;
        const method = methodOf(r.method);
        // A private method nothing calls is dead code: its call is said, not counted (a permission for it would be
        // one the integration never uses).
        // So is a public method nothing calls in a class the code uses from elsewhere (ProductService.remove(id) beside
        // a used get(id), an SDK's deleteClub() the job never calls): listed, not counted, as four sets written apart
        // from the engine judged; if code outside the folder calls it, its permission is to be added by hand.
        const why = dead.get(fn) ?? (unusedOpen ? (fn.cls ? unusedWhy : unusedModuleWhy) : undefined);
        if (why) {
          const key = `p:${r.file}:${r.line}:${c.path}`;
          if (seen.has(key)) continue;
          seen.add(key);
          unresolved.push({ file: r.file, line: r.line, pattern: c.dynamic ? show(r.url).replace(/https?:\/\/api\.commerce7\.com(?::\d+)?(\/v1)?/i, '') : c.path, method, why: `in ${fn.cls ? `${fn.cls}.` : ''}${fn.name}, ${why}, not counted` });
          continue;
        }
        if (c.dynamic) {
          const key = `u:${r.file}:${r.line}:${show(r.url)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          unresolved.push({ file: r.file, line: r.line, pattern: show(r.url).replace(/https?:\/\/api\.commerce7\.com(?::\d+)?(\/v1)?/i, ''), method, why: `the path is computed at run time (${r.via.length ? `through ${r.via[0]}` : 'a value the audit cannot follow'})` });
          continue;
        }
        const key = `${r.file}:${r.line}:${method ?? r.defaultMethod ?? '?'}:${c.path}`;
        if (seen.has(key)) continue;
        seen.add(key);
        n++;
        const ref = fromSink(r, c.path, c.base, method, engineOf.get(f.file) ?? 'tree-sitter', lineText(r.file, r.line));
        if (c.base === 'client' || c.base === 'segment') relativeOnClient = true;
        references.push(ref);
        for (const copy of copies.get(f) ?? []) references.push(renamed(ref, f.file, copy));
      }
    }
    read.push({ file: f.file, engine: engineOf.get(f.file) ?? 'tree-sitter', calls: n });
    for (const copy of copies.get(f) ?? []) read.push({ file: copy, engine: engineOf.get(copy) ?? 'tree-sitter', calls: n });
  }
  for (const u of [...unresolved]) for (const copy of copies.get(parsed.find((f) => f.file === u.file)!) ?? []) unresolved.push({ ...u, file: copy });
  // A request object made inside the call that sends it (RestSharp's client.DeleteAsync(new RestRequest(path))): the
  // object's default method is not a second call; the sending call's method is the one.
  {
    const byCall = new Map<string, Set<string>>();
    for (const r of references) { const k = `${r.file}:${r.line}:${r.path}`; (byCall.get(k) ?? byCall.set(k, new Set()).get(k)!).add(r.method); }
    const defaulted = (r: ApiReference) => !!r.evidence.method && / \(default [A-Z]+\)$/.test(r.evidence.method.text);
    for (let i = references.length - 1; i >= 0; i--) {
      const r = references[i]!;
      if (defaulted(r) && (byCall.get(`${r.file}:${r.line}:${r.path}`)?.size ?? 0) > 1) references.splice(i, 1);
    }
  }

  const copyNames = new Set<string>();
  for (const list of copies.values()) for (const name of list) copyNames.add(name);
  // Every miss said: a Commerce7 base URL in the code that reaches no HTTP call the audit recognises (an unknown
  // library, a URL handed to code it cannot follow) is listed with its file:line, never silently dropped.
  // Checked once per distinct file (a copy's calls are its original's), then said for every copy.
  for (const u of flow.baseUses) usedLines.add(u);
  for (const r of references) if (!copyNames.has(r.file)) usedLines.add(`${r.file}:${r.line}`);
  for (const file of baseFiles) {
    if (flow.baseFilesUsed.has(file) || copyNames.has(file)) continue;
    // A settings file (.env, YAML, .ini) is read by code, not calling: its base is used when the code made calls.
    if (references.length && /(?:^|\/)\.env(?:\.[\w.-]+)?$|\.(?:env|ini|toml|properties|cfg|conf|ya?ml)$/i.test(file)) continue;
    const text = texts.get(file) ?? '';
    if (!C7_LITERAL.test(text)) continue;
    const lines = text.split(/\r?\n/);
    const original = parsed.find((f) => f.file === file);
    // A file that calls nothing and only configures the base (a NestJS module's `baseURL: …`, a settings class's
    // `api_url = …`, an env schema's default) in a project whose client calls were counted on that base: the base
    // those calls are made on, as a settings file's is.
    const configOnly = relativeOnClient && !!original && [original.top, ...original.fns].every((fn) => !flow.sinks(fn, original).length);
    lines.forEach((raw, i) => {
      if (!C7_LITERAL.test(raw) || raw.length > 2000 || WHOLE_LINE_COMMENT.test(raw) || !C7_LITERAL.test(stripTrailingComment(raw))) return;
      if (usedLines.has(`${file}:${i + 1}`)) return;
      if (configOnly && CONFIG_ENTRY.test(raw)) return;
      for (const name of [file, ...(original ? copies.get(original) ?? [] : [])]) {
        unresolved.push({ file: name, line: i + 1, pattern: raw.trim().slice(0, 120), method: null, why: 'a Commerce7 base URL that reaches no HTTP call the audit recognises (an unknown library, or a URL used in a way it cannot follow): check by hand what this file calls' });
      }
    });
  }

  // Only where Commerce7 is called (or named): Basic auth elsewhere is some other service's.

  const callingFiles = new Set(references.map((r) => r.file));
  const signInsOf = new Map<string, Array<{ line: number; excerpt: string }>>();
  const namesC7 = new Map<string, boolean>();
  const signIns = sources.filter((s) => {
    if (/\.json$/i.test(s.file) || !callingFiles.has(s.file) && !(namesC7.get(s.text) ?? (namesC7.set(s.text, /commerce7/i.test(s.text)), namesC7.get(s.text)!))) return false;
    return !s.text.includes('\u0000');
  }).flatMap((s) => {
    let found = signInsOf.get(s.text);
    if (!found) signInsOf.set(s.text, (found = scanSignIn(s.file, s.text).map(({ line, excerpt }) => ({ line, excerpt }))));
    return found.map((x) => ({ file: s.file, ...x }));
  });

  const needs = new Map<PermissionName, { access: Access; references: ApiReference[]; inferred: boolean }>();
  const noPermission: AuditReport['noPermission'] = [];
  const unknown: AuditReport['unknown'] = [];
  const resolved = new Map<string, ReturnType<typeof resolveApiCall>>();
  for (const ref of references) {
    const key = `${ref.method} ${ref.path}`;
    let r = resolved.get(key);
    if (!r) resolved.set(key, (r = resolveApiCall(ref.method, ref.path)));
    if (r.kind === 'none') noPermission.push({ ...ref, why: r.why });
    else if (r.kind === 'unknown') unknown.push({ ...ref, why: r.why, guess: null });
    else if (!r.documented) {
      const need = r.needs[0]!;
      unknown.push({ ...ref, confidence: 'low', why: `not a documented path: only the ${r.pattern.replace(/\/\*\*$/, '')} family's wildcard covers it (guess: ${need.permission} ${need.access})`, guess: { permission: need.permission, access: need.access } });
    } else {
      for (const need of r.needs) {
        const entry = needs.get(need.permission) ?? { access: 'read' as Access, references: [], inferred: true };
        if (need.access === 'full') entry.access = 'full';
        entry.references.push(ref);
        entry.inferred &&= r.inferred;
        needs.set(need.permission, entry);
      }
    }
  }
  const permissions = [...needs.entries()]
    .map(([permission, e]) => ({
      permission, access: e.access, inferred: e.inferred,
      references: [...e.references].sort((a, b) => Number(a.method === 'GET') - Number(b.method === 'GET')),
    }))
    .sort((a, b) => a.permission.localeCompare(b.permission));
  const methodNotSeen = references.filter((r) => !r.methodSeen);
  const textRead = read.filter((r) => r.engine.startsWith('text')).length;
  return {
    files: read.length + skipped.length, read, skipped, references, permissions, noPermission, unknown, unresolved, methodNotSeen, signIns,
    summary: {
      files: read.length + skipped.length, parsed: parsed.length, text: textRead, skipped: skipped.length, calls: references.length,
      permissions: permissions.length, unknown: unknown.length, unresolved: unresolved.length, methodNotSeen: methodNotSeen.length,
    },
  };
}

/** A reference found in `from`, for an identical file `to`. */
function renamed(ref: ApiReference, from: string, to: string): ApiReference {
  // What names another file is shared with the original, not copied: a tree of copies holds tens of thousands of
  // these, and every object kept is one more for the garbage collector to move. Nothing changes a reference after.
  const f = (x: string) => (x === from ? to : x);
  const piece = <T extends { file: string }>(p: T): T => (p.file === from ? { ...p, file: to } : p);
  const { call, pieces, method, via } = ref.evidence;
  const mark = `(${from}:`;
  return {
    ...ref, file: f(ref.file),
    evidence: {
      call: piece(call),
      pieces: pieces.map(piece),
      method: method && piece(method),
      via: via.some((v) => v.includes(mark)) ? via.map((v) => v.replace(mark, `(${to}:`)) : via,
    },
  };
}

function fromText(r: TextReference, engine: string): ApiReference {
  const path = idPath(r.path);
  return {
    ...r, path, engine, confidence: r.methodSeen ? 'medium' : 'low',
    evidence: { call: { file: r.file, line: r.line }, pieces: [{ file: r.file, line: r.line, text: r.excerpt }], method: r.methodSeen ? { file: r.file, line: r.line, text: r.method } : null, via: [] },
  };
}

function fromSink(r: SinkResult, path: string, base: string, method: HttpMethod | null, engine: string, excerpt: string): ApiReference {
  const absent = r.method !== null && r.method.parts.length === 1 && r.method.parts[0] === ABSENT;
  const methodSeen = method !== null || ((r.method === null || absent) && (r.defaultMethod !== null || absent));
  const m = method ?? (r.method === null || absent ? r.defaultMethod ?? 'GET' : null) ?? 'GET';
  const methodEv = r.method?.ev[0] ?? (methodSeen ? { file: r.sinkFile, line: r.sinkLine, text: method ? `${r.sink}` : `${r.sink} (default ${m})` } : null);
  const guessed = r.unrecognisedLibrary;
  const confidence: Confidence = !methodSeen || guessed ? 'low' : r.via.length || base === 'client' || base === 'name' ? 'medium' : 'high';
  return {
    file: r.file, line: r.line, column: 1, method: m, methodSeen, path, excerpt,
    engine, confidence, ...(guessed ? { unrecognisedLibrary: guessed } : {}),
    evidence: { call: { file: r.file, line: r.line }, pieces: r.url.ev.slice(0, 8), method: methodEv, via: r.via },
  };
}

export interface ManifestComparison {
  /** The code needs it and the manifest does not grant it (or grants read where the code writes). */
  missing: Array<{ permission: PermissionName; needed: Access; granted: Access | null; reference: ApiReference }>;
  /** Granted by the manifest, used by no call found. */
  unused: Array<{ permission: PermissionName; granted: Access }>;
  /** Granted full, but the code found only reads. */
  broaderThanNeeded: Array<{ permission: PermissionName }>;
}

export function compareWithManifest(report: AuditReport, manifest: Pick<Manifest, 'permissions'>): ManifestComparison {
  const granted = new Map<PermissionName, Access>();
  for (const p of manifest.permissions ?? []) {
    const name = canonicalPermission(p.endpoint);
    if (name) granted.set(name, p.access);
  }
  const missing: ManifestComparison['missing'] = [];
  const broaderThanNeeded: ManifestComparison['broaderThanNeeded'] = [];
  for (const need of report.permissions) {
    const g = granted.get(need.permission) ?? null;
    if (g === null || !accessCovers(g, need.access)) missing.push({ permission: need.permission, needed: need.access, granted: g, reference: need.references[0]! });
    else if (g === 'full' && need.access === 'read') broaderThanNeeded.push({ permission: need.permission });
  }
  const used = new Set(report.permissions.map((p) => p.permission));
  const unused = [...granted.entries()].filter(([p]) => !used.has(p)).map(([permission, g]) => ({ permission, granted: g }));
  return { missing, unused, broaderThanNeeded };
}

/** The permissions as c7-app.json writes them, each with a reason to complete (the calls behind it as a start). */
export function permissionsForManifest(report: AuditReport): Array<{ endpoint: PermissionName; access: Access; reason: string }> {
  return report.permissions.map((p) => {
    const calls = [...new Set(p.references.map((r) => `${r.method} ${r.path}`))];
    const shown = calls.slice(0, 3).join(', ') + (calls.length > 3 ? `, and ${calls.length - 3} more` : '');
    return { endpoint: p.permission, access: p.access, reason: `TODO: say why the app ${p.access === 'full' ? 'writes' : 'reads'} this (code calls ${shown})` };
  });
}

// The audit's small, local data flow over the facts of every parsed file (extract.ts):
// - a value is a list of alternatives, each a string pattern of text, holes (unknown at run time) and parameters;
// - names are looked up in the function, then the file, then the project (a base-URL constant defined anywhere);
// - concatenation, template literals, f-strings, interpolation, sprintf/format/% and URL joins are folded;
// - HTTP calls of the usual libraries are the sinks; a function whose sink takes a parameter is a helper, summarised
//   once (which parameter becomes the path, which the method) and applied at each of its call sites, in any file;
// - only a string that reaches a sink counts: tables of endpoints, links, redirects, `pathname.includes` do not.
import { HTTP_METHODS, pathRules, isIdSegment, type HttpMethod } from '../catalog/index.js';
import type { Arg, CallSite, Expr, FileFacts, FnDef } from './extract.js';
import { type PrimaryCtor, chainedKey, firstOfSplit, uriBuilderRead, onRequestStream, withoutContext, fallbackParam, isRequestMessage, memberKey, methodFirstCall, methodMade } from './csgo.js';
import path from 'node:path';
import type { SettingIndex } from './settings.js';
import { AIRFLOW_HOOK, AIRFLOW_OPERATORS, type AirflowConnections } from './airflow.js';
import { collectionPath, ORM_CLASS_CALLS, ORM_FINDERS, ORM_INSTANCE_CALLS, ORM_SETTINGS, type OrmLibrary } from './ruby-orm.js';

/** A parameter; with `table`, the entry of a const table it selects (`VERB[action]`), chosen once it is bound. */
export type Part = string | { hole: string; base?: boolean } | { param: string; table?: Map<string, Val[]> };
export interface Evidence { file: string; line: number; text: string }
/**
 * `tags`: the element of a container each piece was taken from (loop -> index): values combine only when their
 * elements agree, so `for (m, p) in STEPS` pairs each element's method with its own path, not every method with
 * every path.
 */
export interface Val { parts: Part[]; ev: Evidence[]; tags?: Record<string, number> }

export interface SinkResult {
  url: Val;
  /** The method as a value (a literal, a constant, a parameter); null: the library's default (`defaultMethod`). */
  method: Val | null;
  defaultMethod: HttpMethod | null;
  file: string;
  line: number;
  /** The helpers the call went through, innermost first: "callC7 (src/c7.js:12)". */
  via: string[];
  /** The call passes a relative path to a client; it counts only where a Commerce7 base URL is in sight. */
  relative: RelativeOk;
  sink: string;
  /** Where the HTTP call itself is (for a helper: inside the helper). */
  sinkFile: string;
  sinkLine: number;
  /** The URL is the receiver (a parameter) joined with a relative path: it counts only once the receiver is bound to a Commerce7 client. */
  needsBase?: boolean;
  /** An operation declared by a function (a generated client's method): it counts where the function is called, never where it is. */
  declared?: boolean;
  /** The call is to a library the audit does not know (a last resort: a URL on the Commerce7 base): the call's name. */
  unrecognisedLibrary?: string;
}

const FAMILY: Record<string, string> = { javascript: 'js', typescript: 'js', tsx: 'js' };
/** Names resolve within one language (JavaScript and TypeScript together): a shell `c7` is not a JavaScript `c7`. */
function sameFamily(x: unknown, file: string, byFile: Map<string, FileFacts>): boolean {
  const other = (x as { facts?: FileFacts }).facts?.grammar ?? byFile.get((x as { file?: string }).file ?? '')?.grammar;
  const mine = byFile.get(file)?.grammar;
  if (!other || !mine) return true;
  return (FAMILY[other] ?? other) === (FAMILY[mine] ?? mine);
}

/** Entries by "<folder>\u0000<name>", each folder holding those of its whole subtree ('' = the project). */
export type ProjectIndex<T> = Map<string, T[]>;

export interface Project {
  files: FileFacts[];
  defs: ProjectIndex<{ facts: FileFacts; expr: Expr }>;
  fns: ProjectIndex<FnDef>;
  /** Files that name a Commerce7 base URL (a literal, a base_uri/baseURL/BaseAddress, a C7_* variable). */
  baseFiles: Set<string>;
  /** Keys a project file sets to Commerce7's base URL (`'base_uri' => 'https://api.commerce7.com/v1'`). */
  baseKeys?: Set<string>;
  /** The string settings of the project's JSON config files, by key path (settings.ts). */
  settings?: SettingIndex;
  /** Airflow connections whose host is Commerce7's API, by id (airflow.ts). */
  airflowConns?: AirflowConnections;
}

const MAX_ALTS = 12;
const MAX_DEPTH = 14;
const METHOD_TOKEN = /^(get|post|put|patch|delete|del)$/i;
// A request library's method constant, whatever the library: http.MethodPut, HttpMethod.Post, Requests::PUT,
// HTTPMethod.DELETE, Verb.Patch (a qualified name whose last part is the verb, capitalised or upper-case).
// Laminas/Symfony/Zend name theirs Request::METHOD_PUT.
const METHOD_CONST = /(?:^|[.:>\\])(?:http\.)?Method(Get|Post|Put|Patch|Delete)$|(?:Method|HttpMethod|HTTP|Verb|Methods|RequestMethod)(?:\.|::|->)(Get|Post|Put|Patch|Delete)$|^[A-Z][\w\\]*(?:\.|::|->)METHOD_(GET|POST|PUT|PATCH|DELETE)$/i;
const LIB_METHOD_CONST = /^[A-Z][\w\\]*(?:\.|::|->)(GET|POST|PUT|PATCH|DELETE|Get|Post|Put|Patch|Delete)$/;
/** A package's upper-case method constant (gorequest.PUT, hackney's verbs); not Django's request.GET / request.POST query dicts. */
const PKG_METHOD_CONST = /^(?!(?:request|req|self\.request|this\.request|r)\.)[a-z][\w]*\.(GET|POST|PUT|PATCH|DELETE)$/;
// A fully qualified PHP name (\Requests::DELETE) is the same constant.
const methodConst = (text: string): string | null => { text = text.replace(/^\\/, ''); const m = METHOD_CONST.exec(text) ?? LIB_METHOD_CONST.exec(text) ?? PKG_METHOD_CONST.exec(text); return m ? (m[1] ?? m[2] ?? m[3])!.toUpperCase() : null; };
const ENV_READ = /(?:^|\.)(?:env|environ|ENV)(?:\.|\[|$)|getenv|GetEnvironmentVariable|Deno\.env|^\$_(?:ENV|SERVER)\[/;
/** A name that holds a Commerce7 base URL even when its value comes from the environment or elsewhere. */
// (A .NET configuration key's sections too: `Commerce7:BaseUrl`.)
export const BASE_NAME = /(?:c7|commerce7)\w*:?\w*(?:url|uri|base|host|api|endpoint|root|origin)|(?:url|uri|base|host|api|endpoint|root|origin)[\w]*(?:c7|commerce7)/i;
const C7_URL = /https?:\/\/api\.commerce7\.com(?::\d+)?/i;
const C7_START = new RegExp(`^\\s*${C7_URL.source}`, 'i');
/** A string that starts with Commerce7's API URL (a base, or a default that is the base). */
const startsC7 = (s: string): boolean => C7_START.test(s);

/** First path segments that belong to Commerce7's API (from the catalog's path map). */
export const RESOURCES: ReadonlySet<string> = new Set(pathRules().map((r) => r.pattern.split('/')[1]!).filter((s) => s && !s.startsWith('{')));

interface Env {
  facts: FileFacts;
  fn: FnDef;
  bindings?: Map<string, Val[]>;
  depth: number;
  stack: Set<string>;
}

const text = (s: string): Val => ({ parts: [s], ev: [] });
/** Between the items of a list value, until a join names the separator. */
export const SEP = '\u0003';
function withSep(v: Val, sep: string): Val {
  const parts: Part[] = [];
  for (const p of v.parts) {
    const q = typeof p === 'string' ? p.split(SEP).join(sep) : p;
    const last = parts[parts.length - 1];
    if (typeof q === 'string' && typeof last === 'string') parts[parts.length - 1] = last + q;
    else parts.push(q);
  }
  return derive(v, parts.map((p) => (typeof p === 'string' ? p.replace(/([^:])\/{2,}/g, '$1/') : p)), v.ev);
}
/** Does a value start with a Commerce7 base (the URL, or a name that holds it)? */
export function isC7Based(v: Val): boolean {
  const p0 = v.parts.find((p) => typeof p !== 'string' || p.trim() !== '');
  if (p0 === undefined) return false;
  if (typeof p0 === 'string') return startsC7(p0);
  return 'hole' in p0 && !!p0.base;
}
/** Constructors of in-memory collections: `new Map()`, `dict()`, `Hash.new`, `defaultdict(list)`, `make(map[string]int)`. */
/**
 * Python's `x.get("customer", {})`: a dict's get with a default (a session's and httpx's get take no second positional
 * argument; only the module's requests.get(url, params) does).
 */
function dictGet(c: CallSite, facts: FileFacts): boolean {
  if (facts.grammar !== 'python' || c.fn !== 'get' || !c.recv || /^(?:requests|httpx)$/.test(c.recv)) return false;
  const positional = c.args.filter((a) => !a.key).map((a) => a.value);
  const d = positional[1];
  return positional.length === 2 && !!d && (d.k === 'obj' || d.k === 'list' || d.k === 'other' && /^(?:None|True|False|-?\d[\d.]*|\{\}|\[\]|\(\))$/.test(d.text) || d.k === 'str' && d.parts.every((p) => typeof p === 'string'));
}

/** A call that decodes a response body: what a function returning it returns is data. */
const DECODED = /^(?:json|loads|parse|decode|json_decode|toArray|to_h|parsed_response|JSON)$/;
const DATA_MAKER = /^(Map|WeakMap|Set|dict|defaultdict|OrderedDict|Counter|Dictionary|ConcurrentDictionary|HashMap|Hash|URLSearchParams|Headers|FormData|make|array|ArrayObject|SplObjectStorage|Collection|collect)$/;
/** Steps of a request builder that add to the URL's path (Path, Pathf, segment, resource, AppendPath…). */
const PATH_STEP = /^(?:path|pathf|segment|segments|resource|endpoint|route|child|sub|at|appendpath|addpath|withpath|setpath|join|url|uri)$/i;
/** A builder's terminal call that may take the path: send('order'), request('tag'), call, execute, run, fetch. */
const SEND_STEP = /^(?:send|request|fetch|call|execute|invoke|run|perform|exec|do)(?:async|json|request)?$/i;
/** Methods of a string or a response, never a builder's step: they do not carry the URL on. */
const NOT_BUILDER = /^(split|toUpperCase|toLowerCase|upper|lower|capitalize|includes|contains|Contains|startsWith|endsWith|StartsWith|EndsWith|indexOf|IndexOf|match|matches|test|search|length|size|count|substring|substr|Substring|slice|charAt|concat|encode|decode|strip|json|text|body|read|close|then|catch|finally|map|filter|forEach|each|keys|values|items|get_json|raise_for_status|log|print|puts|printf|write|Println|Printf|Sprintf|Errorf|New|Error)$/;
/** Calls that make a client or a resource object: their base URL argument is the client's value. */
const CLIENT_MAKER = /^(new|create\w*|extend|New\w*|Client|Session|Resource|connect|build|defaults|wretch|instance|for|For|make\w*Client)$/;
const BASE_KEY = /^(baseURL|baseUrl|base_url|base_uri|baseUri|BaseAddress|BaseUrl|prefixUrl|prefix_url|url|uri|host|endpoint|base|root|api_base|api_root)$/;
/** Methods of fluent request builders that keep the receiver's URL (Flurl, superagent-like chains). */
const URL_HELPER = /query|param|ur[li]/i;
const CONFIG_READ = /^(?:config|config_for|setting|settings|get_option|option|GetSection|getSection|GetValue|getValue|get|getOrThrow|Get)$/;
const PATH_NAME = /^\$?(?:path|url|uri|endpoint|route|resource|relative\w*|\w*_?path|\w*Path|\w*_?url|\w*Url)$/i;
const BASE_STEP = /^(?:with|set|use)?_?base_?(?:url|uri|address)$/i;
const BODY_STEP = /^(?:json|body|text|form|formData|formUrl)$/;
const FLUENT = /^(With[A-Z]\w*|SetQueryParams?|SetQueryParam|AppendQueryParam|RemoveQueryParams?|SetFragment|RemoveFragment|AllowHttpStatus|AllowAnyHttpStatus|ConfigureRequest|WithTimeout|withHeaders?|withToken|withBasicAuth|withOptions|acceptJson|asJson|asForm|timeout|retry|withQueryParameters|withUrlParameters|basic_auth|auth|headers|accept|addon|query|options|content|catcher|errorType|middlewares|resolve|signal|json_no)$/;
/** Case conversions of any language: verb.toUpperCase(), verb.upper(), strtoupper($verb), strings.ToUpper(v), verb.upcase, verb.to_s.capitalize (Net::HTTP::Put's name), ucfirst($verb). */
const CASE_FN = /^(?:toUpperCase|toLowerCase|toLocaleUpperCase|toLocaleLowerCase|upper|lower|upcase|downcase|ToUpper|ToLower|ToUpperInvariant|ToLowerInvariant|strtoupper|strtolower|capitalize|ucfirst|title)$/;
/** A method option the caller's object literal does not set: the HTTP library's default applies. */
export const ABSENT = '\u0000absent';
const hole = (name: string, base = false): Val => ({ parts: [{ hole: name, base }], ev: [] });

/** Do two values come from the same element of every container they both took a piece of? */
export function compatible(a: Val | null | undefined, b: Val | null | undefined): boolean {
  if (!a?.tags || !b?.tags) return true;
  for (const k in a.tags) if (k in b.tags && b.tags[k] !== a.tags[k]) return false;
  return true;
}
function mergeTags(a: Val | undefined, b: Val | undefined): Record<string, number> | undefined {
  if (!a?.tags) return b?.tags;
  if (!b?.tags) return a.tags;
  return { ...a.tags, ...b.tags };
}
/** A value with new parts and evidence, keeping the elements it was taken from. */
function derive(from: Val | undefined, parts: Part[], ev: Evidence[], also?: Val): Val {
  const tags = mergeTags(from, also);
  return tags ? { parts, ev, tags } : { parts, ev };
}

function cat(a: Val, b: Val): Val {
  return derive(a, [...a.parts, ...b.parts], [...a.ev, ...b.ev], b);
}

function product(lists: Val[][]): Val[] {
  let acc: Val[] = [{ parts: [], ev: [] }];
  for (const list of lists) {
    const next: Val[] = [];
    for (const a of acc) for (const b of list.length ? list : [hole('?')]) if (next.length < MAX_ALTS && compatible(a, b)) next.push(cat(a, b));
    acc = next;
  }
  return acc;
}

function keyOf(v: Val): string {
  let k = '';
  for (const p of v.parts) k += typeof p === 'string' ? p : 'param' in p ? `\u0001${p.param}${p.table ? `[${[...p.table.keys()].join(',')}]` : ''}\u0001` : `\u0002${p.hole}${p.base ? '+' : ''}\u0002`;
  if (v.tags) for (const t in v.tags) k += `\u0004${t}=${v.tags[t]}`;
  return k;
}

function uniq(vals: Val[]): Val[] {
  if (vals.length < 2) return vals;
  const seen = new Set<string>();
  const out: Val[] = [];
  for (const v of vals) {
    const key = keyOf(v);
    if (!seen.has(key) && out.length < MAX_ALTS) { seen.add(key); out.push(v); }
  }
  return out;
}

/** A value's text, holes as `{…}`: for display and method reading. */
export function show(v: Val): string {
  return v.parts.map((p) => (typeof p === 'string' ? p : 'param' in p ? `{${p.param}}` : `{${p.hole}}`)).join('');
}

export function hasParam(v: Val): boolean {
  return v.parts.some((p) => typeof p !== 'string' && 'param' in p);
}

export class Flow {
  private defCache = new Map<string, Val[]>();
  private sinkCache = new Map<FnDef, SinkResult[]>();
  private inProgress = new Set<FnDef>();
  private returnCache = new Map<FnDef, Val[]>();

  private byFile: Map<string, FileFacts>;
  /** file:line of the Commerce7 base URLs that made a client or a relative call count (for the "reaches no call" check). */
  readonly baseUses = new Set<string>();
  /** Files whose own base URL made their relative calls count. */
  readonly baseFilesUsed = new Set<string>();
  private noteBase(vals: Val[]): void {
    for (const v of vals) if (isC7Based(v) || v.parts.some((p) => typeof p === 'string' && C7_URL.test(p))) for (const ev of v.ev) this.baseUses.add(`${ev.file}:${ev.line}`);
  }
  private fnsByFile = new Map<FileFacts, Map<string, FnDef[]>>();

  constructor(readonly project: Project) {
    this.byFile = new Map(project.files.map((f) => [f.file, f]));
  }

  /**
   * The project's entries of a name nearest the file: those in the file's own folder first, then its parent's
   * subtree, and so on (in a monorepo, or a tree of several integrations, `send` is the neighbour's `send`).
   */
  nearest<T>(index: ProjectIndex<T>, name: string, file: string, want?: (x: T) => boolean, self?: T, skip?: (x: T) => boolean): T[] {
    let dir = file;
    for (;;) {
      const cut = dir.lastIndexOf('/');
      dir = cut > 0 ? dir.slice(0, cut) : '';
      // The nearest folder where the name exists at all decides (a neighbour's factory shadows a far helper).
      // The function being read does not shadow another of its name (a controller's hold() calling the service's hold()).
      // (`skip`: entries that do not count as the name existing there at all.)
      const list = index.get(`${dir}\u0000${name}`)?.filter((x) => x !== self && !skip?.(x) && sameFamily(x, file, this.byFile));
      if (list?.length) return want ? list.filter(want) : list;
      if (!dir) return [];
    }
  }

  /** The folder whose subtree holds the nearest entry of the name ('' = the project root), or null. */
  nearestDir<T>(index: ProjectIndex<T>, name: string, file: string): string | null {
    let dir = file;
    for (;;) {
      const cut = dir.lastIndexOf('/');
      dir = cut > 0 ? dir.slice(0, cut) : '';
      if (index.get(`${dir}\u0000${name}`)?.some((x) => sameFamily(x, file, this.byFile))) return dir;
      if (!dir) return null;
    }
  }

  private factsOf(file: string): FileFacts | undefined {
    return this.byFile.get(file);
  }

  // ---- values ----

  eval(e: Expr, env: Env): Val[] {
    if (env.depth > MAX_DEPTH) return [hole('?')];
    const deeper: Env = { ...env, depth: env.depth + 1 };
    switch (e.k) {
      case 'str': {
        const lists = e.parts.map((p) => (typeof p === 'string' ? [text(p)] : this.eval(p, deeper)));
        const vals = product(lists);
        const lit = e.parts.filter((p): p is string => typeof p === 'string').join('');
        if (lit.trim()) for (const v of vals) v.ev.unshift({ file: env.facts.file, line: e.line, text: lit.slice(0, 120) });
        return vals;
      }
      case 'cat':
        return product(e.items.map((x) => this.eval(x, deeper)));
      case 'alt':
        if (fallbackParam(e, env.fn)) return this.eval(e.items[0]!, deeper);
        {
          const alts = e.items.map((x) => this.eval(x, deeper));
          // ${VERB:-GET} / a ?? b where the first is known (set by the command's environment): the default does not apply.
          if (e.orElse && alts[0]!.length && alts[0]!.every((v) => v.parts.length > 0 && v.parts.every((p) => typeof p === 'string') && v.parts.join('') !== '')) return alts[0]!;
          // process.env.C7_API_URL ?? 'https://api.commerce7.com/v1': the default is the base, and its line the URL's
          // evidence (as an environment read's default argument is), not an unknown name beside it.
          const dflt = alts.findIndex((vs) => vs.length > 0 && vs.every((v) => { const p0 = v.parts[0]; return typeof p0 === 'string' && startsC7(p0); }));
          if (dflt > 0 && alts.every((vs, i) => i === dflt || vs.every((v) => { const p0 = v.parts.length === 1 ? v.parts[0] : undefined; return p0 !== undefined && typeof p0 !== 'string' && 'hole' in p0; }))) return alts[dflt]!;
          return uniq(alts.flat());
        }
      case 'sym':
        // A Ruby symbol is a method (:post) or a name (:basic), never a path.
        return [METHOD_TOKEN.test(e.name) ? text(e.name) : hole(`:${e.name}`)];
      case 'ref':
        return this.evalRef(e, env);
      case 'fmt':
        return this.format(this.eval(e.format, deeper), e.args.map((a) => this.eval(a, deeper)));
      case 'call':
        return this.evalCall(e, env);
      case 'obj':
        return [hole('object')];
      case 'list': {
        // The items with a separator mark between them, replaced by the separator of the join that uses the list.
        const lists: Val[][] = [];
        e.items.forEach((it, i) => {
          if (i > 0) lists.push([text(SEP)]);
          lists.push(this.eval(it.value, deeper));
        });
        return lists.length ? product(lists) : [text('')];
      }
      case 'index':
        return this.evalIndex(e, env);
      case 'elem':
        return this.evalElem(e, env);
      default:
        return [hole(e.text.length > 30 ? 'expr' : e.text)];
    }
  }

  /**
   * A loop variable: each element's value (its position or key), tagged with the element so that the variables of
   * one loop combine element by element. Over a parameter: bound at each call site (bind: `steps[].path`).
   */
  private evalElem(e: Extract<Expr, { k: 'elem' }>, env: Env): Val[] {
    if (e.one) return this.evalPart(e, env);
    const els = this.elementsOf(e.iter, env, 0);
    if (!els) {
      const it = e.iter;
      if (it.k === 'ref' && it.simple && env.fn.params.includes(it.name)) {
        const key = `${it.name}[]${e.at !== undefined ? `.${e.at}` : ''}`;
        if (env.bindings) return env.bindings.get(key) ?? [hole(key)];
        return [{ parts: [{ param: key }], ev: [] }];
      }
      return [hole('elem')];
    }
    const out: Val[] = [];
    els.slice(0, MAX_ALTS).forEach((el, i) => {
      const part = this.componentOf(el.expr, e.at, el.env);
      if (!part) return;
      for (const v of this.eval(part, { ...el.env, depth: env.depth + 1 })) {
        if (v.tags && e.loop in v.tags && v.tags[e.loop] !== i) continue;
        out.push({ ...v, tags: { ...v.tags, [e.loop]: i } });
      }
    });
    return out.length ? uniq(out) : [hole('elem')];
  }

  /**
   * A part of one destructured value: of a table's entry picked by a key (OPS[op]: per key, that entry's part, the
   * key bound at the call site when it is a parameter), of a literal, or of what a name is defined as.
   */
  private evalPart(e: Extract<Expr, { k: 'elem' }>, env: Env): Val[] {
    const deeper: Env = { ...env, depth: env.depth + 1 };
    const x = e.iter;
    if (x.k === 'index' && x.obj.k === 'ref') {
      const def = this.objectDef(x.obj, env);
      if (def && def.expr.k === 'obj') {
        const parts = new Map<string, Val[]>();
        for (const en of def.expr.entries.slice(0, 64)) {
          const part = this.componentOf(en.value, e.at, def.env);
          if (part) parts.set(en.key.replace(/^[:"'`]+|["'`]+$/g, ''), this.eval(part, { ...def.env, depth: env.depth + 1 }));
        }
        const out: Val[] = [];
        for (const k of this.eval(x.key, deeper).slice(0, 8)) {
          const p0 = k.parts.length === 1 ? k.parts[0] : undefined;
          if (p0 !== undefined && typeof p0 !== 'string' && 'param' in p0 && !p0.table) { out.push({ parts: [{ param: p0.param, table: parts }], ev: [...k.ev] }); continue; }
          const name = tableKey(k);
          out.push(...((name !== null ? parts.get(name) : undefined) ?? [hole('index')]));
        }
        return out.length ? uniq(out) : [hole('index')];
      }
    }
    let value: { expr: Expr; env: Env } | null = { expr: x, env };
    if (x.k === 'ref') {
      const defs = (x.simple ? env.fn.locals.get(x.name) : undefined) ?? env.facts.defs.get(x.name);
      const d = defs?.find((y) => y.k === 'obj' || y.k === 'list' || y.k === 'call');
      value = d ? { expr: d, env } : null;
    }
    const part = value ? this.componentOf(value.expr, e.at, value.env) : null;
    return part ? this.eval(part, deeper) : [hole('part')];
  }

  /** The elements of a container expression (a list literal, a name defined as one, a function returning one), each with the place to evaluate it. */
  private elementsOf(e: Expr, env: Env, depth: number): Array<{ expr: Expr; env: Env }> | null {
    if (depth > 4 || env.depth > MAX_DEPTH) return null;
    if (e.k === 'list') {
      const out: Array<{ expr: Expr; env: Env }> = [];
      for (const it of e.items) {
        if (!it.spread) out.push({ expr: it.value, env });
        else out.push(...(this.elementsOf(it.value, env, depth + 1) ?? []));
      }
      return out;
    }
    if (e.k === 'ref') {
      if (e.simple && env.fn.params.includes(e.name)) return null;
      const local = e.simple ? env.fn.locals.get(e.name) : undefined;
      const defs: Array<{ expr: Expr; env: Env }> = local?.length ? local.map((expr) => ({ expr, env }))
        : [...(env.facts.defs.get(e.name) ?? []).map((expr) => ({ facts: env.facts, expr })), ...(env.facts.defs.has(e.name) ? [] : this.nearest(this.project.defs, e.name, env.facts.file).slice(0, 4))]
          .map((d) => ({ expr: d.expr, env: { facts: d.facts, fn: d.facts.top, depth: env.depth + 1, stack: env.stack } }));
      // Every definition's elements (steps = []; steps = [...steps, x]: the second holds them).
      let all: Array<{ expr: Expr; env: Env }> | null = null;
      for (const d of defs) {
        if (d.expr === e) continue;
        const r = this.elementsOf(d.expr, d.env, depth + 1);
        if (r) (all ??= []).push(...r.slice(0, MAX_ALTS - all.length));
      }
      return all;
    }
    // A map: its values (Go's range, PHP's $k => $v); .items() / Object.entries() / each_pair: [key, value] pairs.
    if (e.k === 'obj') return e.entries.filter((en) => en.key !== '...').map((en) => ({ expr: en.value, env }));
    // enumerate(STEPS), STEPS.each_with_index / .entries() on a list: [index, element] pairs.
    if (e.k === 'call' && (e.fn === 'enumerate' && !e.recv && e.args[0] || e.fn === 'entries' && e.recvExpr)) {
      const of = e.fn === 'enumerate' ? e.args[0]!.value : e.recvExpr!;
      const els = of.k === 'obj' || of.k === 'ref' && this.objectDef(of, env) ? null : this.elementsOf(of, env, depth + 1);
      if (els) return els.map((el) => ({ expr: { k: 'list', items: [{ value: { k: 'other', text: 'index', line: e.line } as Expr, spread: false }, { value: el.expr, spread: false }], line: e.line }, env: el.env }));
    }
    if (e.k === 'call' && /^(items|iteritems|entries|each_pair|values|keys)$/.test(e.fn)) {
      const of = e.recvExpr && !/^Object$/.test(e.recv) ? e.recvExpr : e.args[0]?.value;
      const table = of?.k === 'obj' ? { expr: of, env } : of?.k === 'ref' ? this.objectDef(of, env) : null;
      // Ruby's each |k, v| is each_pair on a hash, and the elements themselves on a list of pairs.
      if (!table || table.expr.k !== 'obj') return e.fn === 'each_pair' && of ? this.elementsOf(of, env, depth + 1) : null;
      const line = e.line;
      const key = (k: string): Expr => ({ k: 'str', parts: [k], line });
      return table.expr.entries.filter((en) => en.key !== '...').map((en) => ({
        expr: e.fn === 'values' ? en.value : e.fn === 'keys' ? key(en.key)
          : { k: 'list', items: [{ value: key(en.key), spread: false }, { value: en.value, spread: false }], line },
        env: table.env,
      }));
    }
    if (e.k === 'call') {
      // Wrappers that keep the elements: tuple(x), list(x), Object.freeze(x), x.freeze, x.ToList(), new List<T> { … }.
      if (/^(freeze|tuple|list|Array|from|of|to_a|ToList|ToArray|AsReadOnly|ImmutableArray|new|List|frozenset|set|sorted|reversed|array_values)$/.test(e.fn)) {
        for (const x of [...e.args.map((a) => a.value), ...(e.recvExpr ? [e.recvExpr] : [])]) {
          const r = this.elementsOf(x, env, depth + 1);
          if (r) return r;
        }
        return null;
      }
      const target = this.resolveFn(e.fn, e.recv, env.facts, (f) => f.returns.length > 0);
      if (!target || env.stack.has(`fn:${target.name}`)) return null;
      const bindings = this.bind(target, e.args, e.recv, { ...env, depth: env.depth + 1 });
      const facts = this.factsOf(target.file) ?? env.facts;
      const inner: Env = { facts, fn: target, bindings, depth: env.depth + 1, stack: new Set([...env.stack].filter((k) => k.startsWith('fn:'))).add(`fn:${target.name}`) };
      for (const r of target.returns) {
        const els = this.elementsOf(r, inner, depth + 1);
        if (els) return els;
      }
    }
    return null;
  }

  /** componentOf, and an element made by a constructor: Step(method="PUT", path="/x"), new Step('GET', '/x').path. */
  private componentOf(el: Expr, at: number | string | undefined, env: Env): Expr | null {
    const plain = componentOf(el, at);
    // Only a constructor's arguments are the element's parts (Step("GET", "/x")); line.split(',')[0] is not ','.
    if (plain || el.k !== 'call' || at === undefined || !(el.fn === 'new' || /^[A-Z]/.test(el.fn))) return plain;
    const positional = el.args.filter((a) => !a.key);
    if (typeof at === 'number') return positional[at]?.value ?? null;
    const key = at.toLowerCase();
    const kw = el.args.find((a) => a.key?.toLowerCase() === key);
    if (kw) return kw.value;
    const cls = el.fn === 'new' && el.recv ? el.recv.split(/::|\./).pop()! : el.fn;
    for (const name of ['constructor', '__init__', 'initialize', '__construct', cls]) {
      const ctor = this.nearest(this.project.fns, name, env.facts.file, (f) => f.cls === cls && !!f.fields)[0];
      if (!ctor) continue;
      const param = [...ctor.fields!].find(([f]) => f.toLowerCase() === key)?.[1];
      const params = ctor.params.filter((p) => !/^(self|cls)$/.test(p));
      const i = param ? params.indexOf(param) : -1;
      return i >= 0 ? positional[i]?.value ?? null : null;
    }
    return null;
  }

  /** `LIST[i]` as a loop element over LIST (keyed by the list and the counter's names, within the function). */
  private indexElem(e: Extract<Expr, { k: 'index' }>, env: Env): Extract<Expr, { k: 'elem' }> | null {
    if (e.obj.k !== 'ref' || e.key.k !== 'ref' || !this.elementsOf(e.obj, env, 0)) return null;
    return { k: 'elem', iter: e.obj, loop: `${env.facts.file}:${env.fn.line}:${e.obj.text}[${e.key.text}]`, line: e.line };
  }

  /** `step.path`, `$s->path`, `s['path']`, `s[0]` on a loop variable: that field of each element. */
  private loopField(e: Extract<Expr, { k: 'ref' }>, env: Env): Val[] | null {
    let base: string | undefined, key: string | number | undefined;
    if (e.of?.k === 'ref' && e.of.simple && e.keyExpr?.k === 'str' && typeof e.keyExpr.parts[0] === 'string') {
      base = e.of.name;
      const k = e.keyExpr.parts[0];
      key = /^\d+$/.test(k) ? Number(k) : k;
    } else {
      const m = /^\$?([A-Za-z_]\w*)(?:\.|->|\?\.)([A-Za-z_]\w*)$/.exec(e.text);
      if (!m) return null;
      base = m[1]!;
      key = m[2]!;
    }
    const defs = env.fn.locals.get(base) ?? (env.fn === env.facts.top ? env.facts.defs.get(base) : undefined);
    let elem = defs?.find((d): d is Extract<Expr, { k: 'elem' }> => d.k === 'elem' && d.at === undefined);
    if (!elem) {
      const idx = defs?.find((d): d is Extract<Expr, { k: 'index' }> => d.k === 'index');
      // r := routes[name]; r.path — a map's entry picked by a key: that entry's part (per key, as destructuring).
      if (idx && idx.obj.k === 'ref' && this.objectDef(idx.obj, env)?.expr.k === 'obj') return this.evalPart({ k: 'elem', iter: idx, at: key, loop: '', line: e.line, one: true }, env);
      elem = idx ? this.indexElem(idx, env) ?? undefined : undefined;
    }
    if (!elem) return null;
    return this.evalElem({ ...elem, at: key }, { ...env, depth: env.depth + 1 });
  }

  private evalRef(e: Extract<Expr, { k: 'ref' }>, env: Env): Val[] {
    const m = methodConst(e.text);
    if (m) return [{ parts: [m], ev: [{ file: env.facts.file, line: e.line, text: e.text }] }];
    if (!e.simple) {
      // C#'s options pattern: `erp.Value.BaseUrl` on a primary constructor's IOptions<ErpOptions> is ErpOptions'
      // member, not another options class's member of that name.
      const options = this.optionsMember(e, env);
      if (options) return options;
      const field = this.loopField(e, env);
      if (field) return field;
      // C#/Go: a UriBuilder's Uri (its Path as set), the part of a path before its query (path.Split('?')[0]).
      const picked = uriBuilderRead(e, env.fn.locals) ?? firstOfSplit(e, (n) => env.fn.locals.get(n) ?? env.facts.defs.get(n));
      if (picked && env.depth < MAX_DEPTH) return this.eval(picked, { ...env, depth: env.depth + 1 });
    }
    // A sub-resource of a client with a Commerce7 base: RestClient's resource['order'], resource["customer/#{id}"].
    if (e.of && e.keyExpr && env.depth < MAX_DEPTH) {
      const deeper: Env = { ...env, depth: env.depth + 1 };
      // TABLE[:key] / TABLE['key'] on a constant table: that table's entry, not another table's key of that name
      // (first: a table named like a base, C7WP_ENDPOINTS, is still a table, not a client to grow).
      const table = e.name === 'index' ? null : this.tableOf(e.of, env);
      const hit = table?.get(e.name);
      if (hit) return hit;
      const owner = this.eval(e.of, deeper).filter(isC7Based);
      if (owner.length) return this.join([owner, this.eval(e.keyExpr, deeper)]);
      if (e.name === 'index') return [hole('index')];
    }
    const setting = this.jsonSetting(e, env) ?? this.keyedSetting(e, env);
    if (setting) return setting;
    const configured = this.configKey(e, env);
    if (configured && BASE_NAME.test(configured)) return [hole(configured, true)];
    // An object's field set from its constructor's parameter (this.path in a method of Resource): bound from the
    // receiver's `new Resource(auth, '/vendor')` at the call site, a parameter until then.
    // PHP's late static binding (static::PATH, $this::PATH): the constant of the receiver's class, like a field.
    const lateStatic = env.fn.cls && env.facts.grammar === 'php' ? /^(?:static|\$this)::([A-Za-z_]\w*)$/.exec(e.text) : null;
    if (lateStatic) {
      const bound = env.bindings?.get(`this.${lateStatic[1]}`);
      if (bound) return bound;
      const own = this.classField(env.fn.cls!, lateStatic[1]!, env);
      if (own) return own;
    }
    const fieldOf = env.fn.cls ? /^(?:this\.#?|self\.|@|\$this->)(\w+)$/.exec(e.text) : null;
    if (fieldOf) {
      const key = `this.${fieldOf[1]}`;
      const bound = env.bindings?.get(key);
      if (bound) return bound;
      if (!env.bindings && this.ctorOf(env.fn)?.fields?.has(fieldOf[1]!)) return [{ parts: [{ param: key }], ev: [] }];
      const own = this.classField(env.fn.cls!, fieldOf[1]!, env);
      if (own) return own;
    }
    const bare = e.text.replace(/^[$@]+/, '');
    // A parameter of the function being read.
    // `options.method` where options is a parameter: bound from the object literal each caller passes.
    // (PHP's $args['method'] and Ruby's opts[:method] the same.)
    const dotted = /^([A-Za-z_$][\w$]*)\.(method|type|verb)$/.exec(e.text) ?? /^\$?([A-Za-z_]\w*)\[\s*(?:'|"|:)(method|type|verb)['"]?\s*\]$/.exec(e.text);
    // `opts.url` / `opts.path` on an options parameter: the caller's key; when the caller's value is not an object
    // literal (unbound), read as before (a name lookup below).
    const optUrl = optionsUrl(e, env.fn);
    if (optUrl && (!env.bindings || env.bindings.has(e.text))) return env.bindings?.get(e.text) ?? [{ parts: [{ param: e.text }], ev: [] }];
    // A Go struct parameter's field (j.path in do(ctx, j job)): bound from the literal each caller passes.
    const goField = !dotted && env.facts.grammar === 'go' ? /^([A-Za-z_]\w*)\.([A-Za-z_]\w*)$/.exec(e.text) : null;
    if (goField && env.fn.params.includes(goField[1]!)) {
      const bound = env.bindings?.get(e.text);
      if (bound) return bound;
      return env.bindings ? [hole(e.text)] : [{ parts: [{ param: e.text }], ev: [] }];
    }
    if (dotted && (env.fn.params.includes(dotted[1]!) || isRestOf(env.fn, dotted[1]!))) {
      const key = `${dotted[1]}.${dotted[2]}`;
      const bound = env.bindings?.get(key);
      if (bound) return bound;
      return env.bindings ? [hole(key)] : [{ parts: [{ param: key }], ev: [] }];
    }
    // `endpoint.path` on a parameter: the field of the object the caller passes (bind: a constructor's argument, an
    // object literal's entry). Open only where some class of the project has such a field (else a name lookup below).
    const member = e.simple ? null : /^\$?([A-Za-z_]\w*)(?:\.|->)([A-Za-z_]\w*)$/.exec(e.text);
    // A Python enum member's `.value` (a `str, Enum` of resources): the member's own value; on a parameter, the
    // value of what the caller passes (bind).
    // (PHP's backed enum the same: $method->value, HttpMethod::Post->value.)
    const enumValue = env.facts.grammar === 'python' && !e.simple ? /^([A-Za-z_][\w.]*)\.value$/.exec(e.text)
      : env.facts.grammar === 'php' && !e.simple ? /^\$?([A-Za-z_][\w\\]*(?:::[A-Za-z_]\w*)?)->value$/.exec(e.text) : null;
    if (enumValue && !(member && env.fn.params.includes(member[1]!))) {
      const prefix = enumValue[1]!;
      return this.eval({ k: 'ref', name: prefix.replace(/^.*(?:\.|::)/, ''), text: prefix, line: e.line, simple: !/\.|::/.test(prefix) }, env);
    }
    if (member && member[2] === 'value' && enumValue && env.fn.params.includes(member[1]!)) {
      const bound = env.bindings?.get(`${member[1]}.value`) ?? env.bindings?.get(member[1]!);
      if (bound) return bound;
      // (PHP: the parameter itself, whose argument is the case, HttpMethod::Post, a method constant by its name.)
      if (!env.bindings) return [{ parts: [{ param: env.facts.grammar === 'php' ? member[1]! : `${member[1]}.value` }], ev: [] }];
    }
    if (member && !/^(?:self|this|cls)$/.test(member[1]!) && env.fn.params.includes(member[1]!)) {
      const key = `${member[1]}.${member[2]}`;
      const bound = env.bindings?.get(key);
      if (bound) return bound;
      if (!env.bindings && this.ctorFieldNames().has(member[2]!)) return [{ parts: [{ param: key }], ev: [] }];
    }
    if ((e.simple || /^(?:self|this)$/.test(bare)) && (env.fn.params.includes(e.name) || env.fn.pattern.some((p) => p.name === e.name))) {
      const bound = env.bindings?.get(e.name);
      if (bound) return bound;
      if (env.bindings) return [hole(e.name, BASE_NAME.test(e.name))];
      return [{ parts: [{ param: e.name }], ev: [] }];
    }
    // (A variable the project's .env or config sets to the Commerce7 base is that base: $_ENV['API_BASE'].)
    if (ENV_READ.test(e.text)) return [hole(e.name, BASE_NAME.test(e.name) || !!this.project.baseKeys?.has(e.name))];
    if (/^(?:undefined|null|nil|None|true|false|this|self)$/.test(e.name)) return [hole(e.name)];
    // A C# primary constructor's parameter read in a method of its class: a field, bound from the receiver's class.
    if (e.simple && env.fn.cls && !env.fn.locals.has(e.name) && env.facts.primary?.get(env.fn.cls)?.params.some((p) => p.name === e.name)) {
      const field = `this.${e.name}`;
      const bound = env.bindings?.get(field);
      if (bound) return bound;
      if (!env.bindings) return [{ parts: [{ param: field }], ev: [] }];
    }
    const classSetting = this.classSetting(e, env) ?? this.csMember(e, env);
    if (classSetting) return classSetting;
    // C#: a member of an enum the project declares (C7Resource.Vendor) is that member, whatever else is named Vendor.
    const enumMember = env.facts.grammar === 'c-sharp' && !e.simple ? /^([A-Z]\w*)\.([A-Za-z_]\w*)$/.exec(e.text) : null;
    if (enumMember && this.nearest(this.project.defs, `\u0000enum:${enumMember[1]}`, env.facts.file).length) return [hole(`:${enumMember[2]}`)];
    const key = `${e.name}`;
    if (env.stack.has(key)) {
      // A local set from itself (path = fmt.Sprintf(path, ids...), url = url + "?q"): the value it had before, its
      // definitions that do not read it.
      const before = e.simple && !env.stack.has(`${key}\u0000before`) ? env.fn.locals.get(e.name)?.filter((x) => !JSON.stringify(x).includes(`"name":${JSON.stringify(e.name)}`)) : undefined;
      if (before?.length) { const st = new Set(env.stack).add(`${key}\u0000before`); return uniq(before.flatMap((x) => this.eval(x, { ...env, stack: st, depth: env.depth + 1 }))); }
      return [hole(e.name, BASE_NAME.test(e.name))];
    }
    const stack = new Set(env.stack).add(key);
    if (e.simple) {
      const moved = this.pathnameSet(e, env);
      if (moved) return moved;
      const locals = env.fn.locals.get(e.name);
      if (locals) return uniq(locals.flatMap((x) => this.eval(x, { ...env, stack, depth: env.depth + 1 })));
    }
    const cacheKey = `${env.facts.file}\0${e.name}`;
    const cached = this.defCache.get(cacheKey);
    if (cached) return cached;
    // (Not the entry that is this very read: `baseURL: config.c7.baseURL` in an options object defines no baseURL.)
    const itself = (x: Expr) => !e.simple && x.k === 'ref' && x.text === e.text;
    let defs: Array<{ facts: FileFacts; expr: Expr }> = (env.facts.defs.get(e.name) ?? []).filter((x) => !itself(x)).map((expr) => ({ facts: env.facts, expr }));
    if (!defs.length) defs = this.nearest(this.project.defs, e.name, env.facts.file, undefined, undefined, (d) => itself(d.expr)).slice(0, 4);
    if (!defs.length) {
      // A method called without parentheses (Ruby `api`, `self.resource`): its return values.
      if (e.simple || /^(?:self|this|@)\.?\w+$/.test(e.text)) {
        const target = this.resolveFn(e.name, '', env.facts, (f) => f.returns.length > 0 && f.params.filter((p) => !/^(self|cls)$/.test(p)).length === 0);
        if (target && !env.stack.has(`fn:${target.name}`)) {
          const st = new Set([...stack].filter((k) => k.startsWith('fn:'))).add(`fn:${target.name}`);
          const tf = this.factsOf(target.file) ?? env.facts;
          const vals = uniq(target.returns.flatMap((r) => this.eval(r, { facts: tf, fn: target, depth: env.depth + 1, stack: st })));
          if (vals.length) return vals;
        }
      }
      // An enum's member (Res.Tag): a name constant, the key of a table by member (a switch expression's arm).
      const member = env.facts.grammar === 'c-sharp' ? memberKey(e.text) : null;
      if (member) return [hole(`:${member}`)];
      // A setting read by a key that a project file sets to Commerce7's base ($this->config['base_uri'], CFG["base"]).
      return [hole(e.name, BASE_NAME.test(e.name) || !e.simple && !!this.project.baseKeys?.has(e.name))];
    }
    // A Go iota constant is its name (csgo.ts iotaConst), not also the entries a map literal keys by it.
    if (defs.some((d) => d.expr.k === 'sym' && d.facts.grammar === 'go')) defs = defs.filter((d) => d.expr.k === 'sym');
    const vals = uniq(defs.flatMap((d) => this.eval(d.expr, { facts: d.facts, fn: d.facts.top, depth: env.depth + 1, stack })));
    const out = vals.length ? vals : [hole(e.name, BASE_NAME.test(e.name))];
    // A name that is both a constant and something computed (a base from the environment or a literal): keep the flag.
    for (const v of out) for (const p of v.parts) if (typeof p !== 'string' && 'hole' in p && BASE_NAME.test(e.name)) p.base = true;
    if (!out.some(hasParam)) this.defCache.set(cacheKey, out);
    return out;
  }

  /**
   * `cfg.erp.baseUrl` on a name that is no local or parameter: the value a project JSON config file holds at that key
   * path (an imported or required config), the nearest file's; null when no JSON file holds the path.
   */
  private jsonSetting(e: Extract<Expr, { k: 'ref' }>, env: Env): Val[] | null {
    const index = this.project.settings;
    if (!index?.size || e.simple) return null;
    const m = /^([A-Za-z_$][\w$]*)((?:\??\.[A-Za-z_$][\w$-]*)+)$/.exec(e.text);
    if (!m || /^(?:this|self|process|window|globalThis)$/.test(m[1]!) || env.fn.params.includes(m[1]!) || env.fn.locals.has(m[1]!)) return null;
    // A name the file defines as something else than a module it loads (const cfg = { … }) is read as defined.
    const own = env.facts.defs.get(m[1]!);
    if (own?.some((d) => !(d.k === 'call' && /^(?:require|import|readJson|readJSON|loadJson|load)$/.test(d.fn)))) return null;
    const found = index.get(m[2]!.replace(/\?/g, '').slice(1));
    if (!found?.length) return null;
    // The nearest folder's file decides (a monorepo's packages each with their config).
    const near = (s: { file: string }) => { const d = dirOf(s.file); return env.facts.file.startsWith(d ? `${d}/` : '') ? d.length : -1; };
    const best = Math.max(...found.map(near));
    if (best < 0) return null;
    return uniq(found.filter((s) => near(s) === best).slice(0, MAX_ALTS).map((s) => ({ parts: [s.value], ev: [{ file: s.file, line: s.line, text: s.value.slice(0, 120) }] })));
  }

  /**
   * `$config['zendesk']['base']` on a variable loaded from a PHP config file (`$config = require 'config.php'`),
   * `cfg["shipstation"]["base"]` on a configparser: the value a project PHP config array or INI file holds at that key
   * path (settings.ts), the nearest file's; null when none does.
   */
  private keyedSetting(e: Extract<Expr, { k: 'ref' }>, env: Env): Val[] | null {
    const index = this.project.settings;
    if (!index?.size || e.simple) return null;
    const m = /^\$?([A-Za-z_]\w*)((?:\[\s*(['"])[\w.-]+\3\s*\])+)$/.exec(e.text);
    if (!m || m[1] === 'this') return null;
    const keys = [...m[2]!.matchAll(/\[\s*['"]([\w.-]+)['"]\s*\]/g)].map((k) => k[1]!);
    const param = env.fn.params.includes(`$${m[1]}`) ? `$${m[1]}` : env.fn.params.includes(m[1]!) ? m[1]! : null;
    if (param) {
      // `$cfg['base']` on a parameter: the setting under the section each caller passes ($config['shipstation'] is
      // ShipStation's base), once bound (subst); a key no section holds is no setting.
      const tail = `.${keys.join('.')}`;
      if (![...index.keys()].some((k) => k.endsWith(tail))) return null;
      const ref = `${SECTION_READ}\u0000${param}\u0000${keys.join('.')}`;
      return env.bindings ? this.sectionRead(env.bindings, ref) : [{ parts: [{ param: ref }], ev: [] }];
    }
    const found = index.get(keys.join('.'));
    // A section of settings ($config['shipstation'] of config.php), passed on: read by key where it goes.
    if (!found?.length) {
      const path = keys.join('.');
      const under = [...index].filter(([k]) => k.startsWith(`${path}.`));
      if (under.some(([, list]) => list.some((x) => /^https?:\/\//.test(x.value)))) return [{ parts: [{ hole: `${SECTION_READ}\u0000${path}` }], ev: [] }];
    }
    // One key alone ($row['id']) is a setting only when the setting is a URL: a record's field is no config's.
    if (!found?.length || keys.length < 2 && !found.every((f) => /^https?:\/\//.test(f.value))) return null;
    const near = (s: { file: string }) => { const d = dirOf(s.file); return env.facts.file.startsWith(d ? `${d}/` : '') ? d.length : -1; };
    const best = Math.max(...found.map(near));
    if (best < 0) return null;
    return uniq(found.filter((s) => near(s) === best).slice(0, MAX_ALTS).map((s) => ({ parts: [s.value], ev: [{ file: s.file, line: s.line, text: s.value.slice(0, 120) }] })));
  }

  /** A parameter's setting (keyedSetting) once the parameter is bound: under the section the caller passed, else as a key alone. */
  private sectionRead(bindings: Map<string, Val[]>, ref: string): Val[] {
    const [, , param, keys] = ref.split('\u0000') as [string, string, string, string];
    const bound = bindings.get(param) ?? bindings.get(param.replace(/^\$/, '')) ?? [];
    const sections = bound.map((v) => { const p = v.parts.length === 1 ? v.parts[0] : undefined; return p !== undefined && typeof p !== 'string' && 'hole' in p && p.hole.startsWith(`${SECTION_READ}\u0000`) ? p.hole.split('\u0000')[2]! : null; });
    if (bound.length && sections.every((x) => x !== null)) {
      const out = sections.flatMap((sec) => (this.project.settings?.get(`${sec}.${keys}`) ?? []).map((x) => ({ parts: [x.value], ev: [{ file: x.file, line: x.line, text: x.value.slice(0, 120) }] } as Val)));
      if (out.length) return uniq(out);
    }
    const last = keys.replace(/^.*\./, '');
    return [hole(last, BASE_NAME.test(last) || !!this.project.baseKeys?.has(last))];
  }

  /**
   * A setting read from the framework's configuration by a key that names Commerce7, directly or through the
   * section it was read from: `$cfg['url']` after `$cfg = config('services.commerce7')`; its name joins the keys
   * (`services_commerce7_url`: a base name). Null when the value is not such a read.
   */
  private configKey(e: Extract<Expr, { k: 'ref' }>, env: Env): string | null {
    if (e.simple) return null;
    const root = /^[$@]?[A-Za-z_]\w*/.exec(e.text)?.[0];
    if (!root) return null;
    const name = root.replace(/^[$@]/, '');
    const defs = env.fn.locals.get(name) ?? env.fn.locals.get(root) ?? env.facts.defs.get(name) ?? env.facts.defs.get(root);
    const read = defs?.find((d): d is Extract<Expr, { k: 'call' }> => d.k === 'call' && CONFIG_READ.test(d.fn));
    const key = read?.args[0]?.value;
    if (!key || key.k !== 'str' || typeof key.parts[0] !== 'string') return null;
    const keys = e.text.slice(root.length).match(/\w+/g) ?? [];
    return [key.parts[0], ...keys].join('_').replace(/\W+/g, '_');
  }

  /** `TABLE[key]`: the table is a constant object literal; a literal key picks its entry, a parameter picks it at
   * each call site (see subst), anything else is unknown. */
  private evalIndex(e: Extract<Expr, { k: 'index' }>, env: Env): Val[] {
    const deeper: Env = { ...env, depth: env.depth + 1 };
    const table = this.tableOf(e.obj, env);
    if (!table) {
      // STEPS[i] with a counter (for (let i = 0; i < STEPS.length; i++)): an element of the list, the same one
      // wherever STEPS[i] is read in this function.
      const el = this.indexElem(e, env);
      if (el) return this.evalElem(el, env);
      return [hole(e.obj.k === 'ref' ? `${e.obj.name}[]` : 'index')];
    }
    const out: Val[] = [];
    for (const k of this.eval(e.key, deeper).slice(0, 8)) {
      const p0 = k.parts.length === 1 ? k.parts[0] : undefined;
      if (p0 !== undefined && typeof p0 !== 'string' && 'param' in p0 && !p0.table) {
        out.push({ parts: [{ param: p0.param, table }], ev: [...k.ev] });
        continue;
      }
      const name = tableKey(k);
      const hit = name !== null ? table.get(name) : undefined;
      out.push(...(hit ?? [hole('index')]));
    }
    return uniq(out);
  }

  /** The object literal a name is defined as (through freeze), with the place to evaluate its entries. */
  /** A name bound to require('./x') stands for x's module.exports (its definitions, in that file). */
  private throughRequire(defs: Array<{ facts: FileFacts; expr: Expr }>): Array<{ facts: FileFacts; expr: Expr }> {
    return defs.flatMap((d) => {
      const x = d.expr;
      const spec = x.k === 'call' && x.fn === 'require' && !x.recv ? x.args[0]?.value : undefined;
      const rel = spec?.k === 'str' && spec.parts.length === 1 && typeof spec.parts[0] === 'string' && /^\.\.?\//.test(spec.parts[0]) ? spec.parts[0] : null;
      if (!rel) return [d];
      const base = path.posix.normalize(path.posix.join(dirOf(d.facts.file) || '.', rel)).replace(/\.(?:[cm]?js|ts)$/, '');
      for (const file of ['.js', '.cjs', '.ts', '.mjs', '/index.js', '/index.ts'].map((ext) => base + ext)) {
        const facts = this.factsOf(file);
        const exp = facts?.defs.get('exports');
        if (facts && exp) return exp.map((expr) => ({ facts, expr }));
      }
      return [d];
    });
  }

  private objectDef(obj: Extract<Expr, { k: 'ref' }>, env: Env): { expr: Expr; env: Env } | null {
    const local = obj.simple ? env.fn.locals.get(obj.name)?.find((x) => x.k === 'obj') : undefined;
    if (local) return { expr: local, env };
    let defs: Array<{ facts: FileFacts; expr: Expr }> = this.throughRequire((env.facts.defs.get(obj.name) ?? []).map((expr) => ({ facts: env.facts, expr })));
    if (!defs.length) defs = this.nearest(this.project.defs, obj.name, env.facts.file).slice(0, 4);
    const unwrap = (x: Expr): Expr => (x.k === 'call' && /^(freeze|dup|clone|to_h|frozen)$/.test(x.fn) && x.recvExpr ? unwrap(x.recvExpr) : x.k === 'call' && x.fn === 'freeze' && x.args[0] ? unwrap(x.args[0].value) : x);
    const found = defs.map((d) => ({ facts: d.facts, expr: unwrap(d.expr) })).find((d) => d.expr.k === 'obj');
    return found ? { expr: found.expr, env: { facts: found.facts, fn: found.facts.top, depth: env.depth + 1, stack: env.stack } } : null;
  }

  private tableOf(obj: Expr, env: Env): Map<string, Val[]> | null {
    // A table written where it is used (csgo.ts switchTable): its entries, evaluated here.
    if (obj.k === 'obj') return new Map(obj.entries.slice(0, 64).map((en) => [en.key, this.eval(en.value, { ...env, depth: env.depth + 1 })]));
    if (obj.k !== 'ref') return null;
    let defs: Array<{ facts: FileFacts; expr: Expr }> = this.throughRequire((env.facts.defs.get(obj.name) ?? []).map((expr) => ({ facts: env.facts, expr })));
    if (!defs.length) defs = this.nearest(this.project.defs, obj.name, env.facts.file).slice(0, 4);
    // Through .freeze / Object.freeze(...) / as const.
    const unwrap = (x: Expr): Expr => (x.k === 'call' && /^(freeze|dup|clone|to_h|frozen)$/.test(x.fn) && x.recvExpr ? unwrap(x.recvExpr) : x.k === 'call' && x.fn === 'freeze' && x.args[0] ? unwrap(x.args[0].value) : x);
    const found = defs.map((d) => ({ facts: d.facts, expr: unwrap(d.expr) })).find((d) => d.expr.k === 'obj');
    const lit = found;
    if (!lit || lit.expr.k !== 'obj') return null;
    const table = new Map<string, Val[]>();
    for (const en of lit.expr.entries.slice(0, 64)) {
      const key = en.key.replace(/^[:"'`]+|["'`]+$/g, '');
      table.set(key, this.eval(en.value, { facts: lit.facts, fn: lit.facts.top, depth: env.depth + 1, stack: env.stack }));
    }
    return table;
  }

  private format(formats: Val[], args: Val[][], named?: Map<string, Val[]>): Val[] {
    const out: Val[] = [];
    for (const f of formats.slice(0, 4)) {
      if (f.parts.length !== 1 || typeof f.parts[0] !== 'string') { out.push(f); continue; }
      const s = f.parts[0];
      const pieces: Val[][] = [];
      let at = 0;
      let next = 0;
      // Ruby's named references, %<id>s and %{id}, take the hash argument's key: format(FMT, id: x).
      for (const m of s.matchAll(/%(?:\[(\d+)\])?[-+ #0]*\d*(?:\.\d+)?[sdvqixf]|%<(\w+)>[-+ #0]*\d*(?:\.\d+)?[sdif]|%\{(\w+)\}|\{(\w*)(?:[:!][^}]*)?\}/g)) {
        pieces.push([text(s.slice(at, m.index))]);
        const rubyName = m[2] ?? m[3];
        if (rubyName) {
          pieces.push(named?.get(rubyName) ?? [hole('arg')]);
          at = m.index! + m[0].length;
          continue;
        }
        // Python's "{base}/x/{id}".format(base=..., id=...): a named field takes the keyword argument.
        if (m[4] && !/^\d+$/.test(m[4])) {
          pieces.push(named?.get(m[4]) ?? [hole('arg')]);
          at = m.index! + m[0].length;
          continue;
        }
        const idx = m[1] ? Number(m[1]) - 1 : m[4] !== undefined && m[4] !== '' ? Number(m[4]) : next++;
        pieces.push(args[idx] ?? [hole('arg')]);
        at = m.index! + m[0].length;
      }
      pieces.push([text(s.slice(at))]);
      for (const v of product(pieces)) if (compatible(f, v)) out.push(derive(f, v.parts, [...f.ev, ...v.ev], v));
    }
    return uniq(out);
  }

  private evalCall(e: Extract<Expr, { k: 'call' }>, env: Env): Val[] {
    // A table's entry read by a method (Ruby's RESOURCES.fetch(resource), Python's PATHS.get(kind)): TABLE[key].
    if (/^(?:fetch|get)$/.test(e.fn) && e.recvExpr?.k === 'ref' && e.args.length >= 1 && e.args.length <= 2 && !e.args[0]!.key && this.tableOf(e.recvExpr, env)) {
      return this.evalIndex({ k: 'index', obj: e.recvExpr, key: e.args[0]!.value, line: e.line }, env);
    }
    // urllib's method, decided by whether the data is given (sink urllibRequest): per call, once its arguments are bound.
    if (e.fn === DATA_METHOD) {
      const [data, method] = e.args.map((a) => (a.value.k === 'ref' ? a.value.name : ''));
      return env.bindings ? dataMethod(env.bindings, data!, method) : [{ parts: [{ param: `${DATA_METHOD}\u0000${data}\u0000${method ?? ''}` }], ev: [] }];
    }
    // A decoded response body (JSON.parse(res.body), json.loads(r.text), MultiJson.load): data, not the URL it came from.
    if (/^(?:JSON|MultiJson|Oj|Yajl|json|simplejson|orjson|ujson)$/.test(e.recv) && /^(?:parse|load|loads|decode)$/.test(e.fn)) return [hole('json')];
    // .NET's: JObject.Parse(json), JsonConvert.DeserializeObject<T>(s), JsonSerializer.Deserialize; and a response's
    // body as read (wc.DownloadString(url), res.Content.ReadAsStringAsync(), reader.ReadToEnd()): data, not its URL.
    if (/^(?:JObject|JArray|JToken|JsonConvert|JsonSerializer|JsonDocument|JsonNode)$/.test(e.recv) && /^(?:Parse|DeserializeObject|Deserialize)$/.test(e.fn)) return [hole('json')];
    if (/^(?:DownloadString|DownloadStringTaskAsync|DownloadData|GetStringAsync|ReadAsStringAsync|ReadFromJsonAsync|GetFromJsonAsync|ReadToEnd|ReadToEndAsync)$/.test(e.fn)) return [hole('body')];
    // Ruby's self.collection_path (a call without arguments): a class setting, as the bare name is.
    if (e.recv === 'self' && !e.args.length) { const setting = this.classSetting({ k: 'ref', name: e.fn, text: `self.${e.fn}`, line: e.line, simple: false }, env); if (setting) return setting; }
    const deeper: Env = { ...env, depth: env.depth + 1 };
    const fn = e.fn;
    const lower = fn.toLowerCase();
    const args = e.args.filter((a) => !a.key);
    const arg = (i: number) => (args[i] ? this.eval(args[i]!.value, deeper) : [hole('arg')]);
    const recv = () => (e.recvExpr ? this.eval(e.recvExpr, deeper) : [hole('recv')]);
    const namedArgs = () => new Map(e.args.filter((a) => a.key).map((a) => [a.key!, this.eval(a.value, deeper)] as [string, Val[]]));
    // PHP's match: the arm the subject's literal selects; a parameter selects at each call site (as TABLE[$op] does).
    if (fn === '#match' && !e.recv && e.args[0]) {
      const table = new Map<string, Val[]>();
      for (const a of e.args.slice(1)) if (a.key && !table.has(a.key)) table.set(a.key, this.eval(a.value, deeper));
      const dflt = table.get('\u0000default');
      const out: Val[] = [];
      for (const k of this.eval(e.args[0].value, deeper).slice(0, 8)) {
        const p0 = k.parts.length === 1 ? k.parts[0] : undefined;
        if (p0 !== undefined && typeof p0 !== 'string' && 'param' in p0 && !p0.table) { out.push({ parts: [{ param: p0.param, table }], ev: [...k.ev] }); continue; }
        const name = tableKey(k);
        out.push(...((name !== null ? table.get(name) : undefined) ?? dflt ?? [hole('match')]));
      }
      return uniq(out);
    }
    // this.path() / $this->path() that subclasses define each their way: the receiver's class decides (classField).
    if (e.recvExpr && /^(?:this|\$this|self|static)$/.test(e.recv) && !e.args.length && env.fn.cls && this.isExtended(env.fn.cls) && this.overridden(env.fn.cls, fn)) {
      const bound = env.bindings?.get(`this.${fn}`);
      if (bound) return bound;
      const own = this.classField(env.fn.cls, fn, env);
      if (own) return own;
    }
    const objMethod = this.paramClassMethod(e, env);
    if (!objMethod && /^(sprintf|format|printf|sprint|f|formatted)$/i.test(fn) && (args.length > 1 || !e.recvExpr || e.recvExpr.k !== 'str')) {
      if (lower === 'format' && e.recvExpr && (e.recvExpr.k === 'str' || e.recvExpr.k === 'index' || e.recvExpr.k === 'ref' && !/^(string|String|str)$/.test(e.recv))) {
        return this.format(recv(), args.map((a) => this.eval(a.value, deeper)), namedArgs());
      }
      return this.format(arg(0), args.slice(1).map((a) => this.eval(a.value, deeper)), namedArgs());
    }
    // A path template filled by replace: `/product/{productId}`.replace(`{productId}`, id) (OpenAPI generators), Python's
    // str.replace, PHP's str_replace(search, replace, subject). A literal search is replaced by the value; else the
    // template is kept (its `{name}` placeholders are ids).
    // Go's strings.Replace(s, old, new, n) / strings.ReplaceAll(s, old, new), C#'s s.Replace(old, new): the same.
    const goReplace = /^(Replace|ReplaceAll)$/.test(fn) && e.recv === 'strings' && args.length >= 3;
    if ((/^(replace|replaceAll)$/.test(fn) && e.recvExpr && args.length >= 2) || (fn === 'str_replace' && !e.recv && args.length >= 3) || goReplace
      || fn === 'Replace' && env.facts.grammar === 'c-sharp' && e.recvExpr && args.length === 2) {
      const php = fn === 'str_replace';
      const subjects = php ? arg(2) : goReplace ? arg(0) : recv();
      const search = php ? arg(0) : goReplace ? arg(1) : arg(0);
      const by = php ? arg(1) : goReplace ? arg(2) : arg(1);
      const lit = search.length === 1 && search[0]!.parts.length === 1 && typeof search[0]!.parts[0] === 'string' ? search[0]!.parts[0] : null;
      if (!lit) return subjects;
      return uniq(subjects.flatMap((v) => {
        const lists: Val[][] = [];
        for (const p of v.parts) {
          if (typeof p !== 'string' || !p.includes(lit)) { lists.push([{ parts: [p], ev: [] }]); continue; }
          p.split(lit).forEach((piece, i) => { if (i > 0) lists.push(by.slice(0, 4)); lists.push([text(piece)]); });
        }
        return product(lists).filter((x) => compatible(v, x)).map((x) => derive(v, x.parts, [...v.ev, ...x.ev], x));
      }));
    }
    // PHP's vsprintf($format, $args): the arguments are an array (each placeholder a value the audit need not know).
    if (fn === 'vsprintf' && !e.recv && args.length) return this.format(arg(0), []);
    if (lower === 'format' && e.recvExpr && !objMethod) return this.format(recv(), args.map((a) => this.eval(a.value, deeper)), namedArgs());
    // A stored setting with a default (WordPress get_option('c7_api_base', 'https://api.commerce7.com/v1'), Laravel
    // env('C7_BASE', …)) reads like an environment variable's.
    const optionRead = !e.recv && /^(?:get_option|get_site_option|env)$/.test(fn);
    if (optionRead || /^(getenv|GetEnvironmentVariable|fetch|get)$/.test(fn) && ENV_READ.test(e.recv + '.' + fn)) {
      const name = args[0]?.value.k === 'str' ? String(args[0].value.parts[0] ?? '') : fn;
      // A default that is Commerce7's base (os.environ.get("C7_API", "https://api.commerce7.com/v1")): the base, and
      // its line is where the URL's base comes from (not "a base URL that reaches no call").
      // (django-environ's env("C7_API_BASE", default="…") names it.)
      const dflt = (e.args.find((a) => a.key === 'default') ?? args[1])?.value;
      const c7 = dflt?.k === 'str' && typeof dflt.parts[0] === 'string' && startsC7(dflt.parts[0]) ? dflt.parts[0] : undefined;
      if (c7 !== undefined) return [{ parts: [{ hole: name, base: true }], ev: [{ file: env.facts.file, line: dflt!.line, text: c7.slice(0, 120) }] }];
      if (!optionRead) return [hole(name, BASE_NAME.test(name) || !!this.project.baseKeys?.has(name))];
    }
    // config('services.commerce7.url'), Configuration.GetValue("Commerce7:BaseUrl"): a setting named for the base.
    if (CONFIG_READ.test(fn) && args[0]?.value.k === 'str' && typeof args[0].value.parts[0] === 'string' && /[.:_]/.test(args[0].value.parts[0])) {
      const name = args[0].value.parts[0].replace(/\W+/g, '_');
      if (BASE_NAME.test(name)) return [hole(name, true)];
    }
    const chained = (env.facts.grammar === 'go' || env.facts.grammar === 'c-sharp') && e.recvExpr?.k === 'call' ? chainedKey(e) : null;
    if (chained && BASE_NAME.test(chained)) return [hole(chained, true)];
    if (/^(getenv|GetEnvironmentVariable)$/.test(fn)) {
      const name = args[0]?.value.k === 'str' ? String(args[0].value.parts[0] ?? '') : fn;
      return [hole(name, BASE_NAME.test(name))];
    }
    // Shell ${v%%pat} / ${v%pat} / ${v##pat} / ${v#pat} on a known word: the suffix or prefix the glob matches removed.
    if (fn === '${strip}' && args.length === 3) {
      const op = args[1]!.value.k === 'str' ? args[1]!.value.parts[0] : '';
      const glob = args[2]!.value.k === 'str' ? args[2]!.value.parts[0] : undefined;
      if (typeof glob !== 'string' || typeof op !== 'string') return arg(0);
      const whole = new RegExp(`^${glob.split('*').map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\?/g, '.')).join('.*')}$`, 's');
      return arg(0).map((v) => {
        if (v.parts.length !== 1 || typeof v.parts[0] !== 'string') return v;
        const w = v.parts[0];
        // %% the longest suffix, % the shortest; ## the longest prefix, # the shortest.
        const cuts = [...Array(w.length + 1).keys()];
        const order = op === '%%' || op === '#' ? cuts : cuts.reverse();
        for (const i of order) {
          if (op.startsWith('%') ? whole.test(w.slice(i)) : whole.test(w.slice(0, i))) return derive(v, [op.startsWith('%') ? w.slice(0, i) : w.slice(i)], v.ev);
        }
        return v;
      });
    }
    // Identities: URI("..."), new URL(x), url.Parse(x), x.freeze, x.strip, String(x).
    const TRIM = /^(strip|lstrip|rstrip|trim|Trim|TrimStart|TrimEnd|trimStart|trimEnd|trimLeft|trimRight|ltrim|rtrim|chomp|delete_prefix|delete_suffix|removeprefix|removesuffix|ToString|toString|to_s|freeze|dup|clone|TrimPrefix|TrimSuffix|TrimRight|TrimLeft)$/;
    // C# target-typed new("..."); new(Base, relative) where a Uri is made (a Uri-typed field or return): Uri(base, path).
    if (fn === 'new' && !e.recv && args.length === 2 && env.facts.grammar === 'c-sharp' && !(args[1]!.value.k === 'ref' && /^UriKind\.\w+$/.test(args[1]!.value.text))) return this.join([arg(0), arg(1)]);
    if (fn === 'new' && !e.recv && args.length) return arg(0);
    // A case conversion keeps the value (a method written 'put' and sent as verb.toUpperCase() is PUT).
    const made = methodMade(e);
    if (made) return this.eval(made, deeper);
    if (CASE_FN.test(fn)) return args.length === 1 && (!e.recvExpr || /^(strings|string|String|str)$/.test(e.recv)) ? arg(0) : e.recvExpr ? recv() : [hole(fn)];
    if (/^(URI|Uri|URL|parse|Parse|ParseRequestURI|String|str|strval|normalize)$/.test(fn) || TRIM.test(fn)) {
      // new URL(path, base) in JavaScript; new Uri(base, path) in C#.
      // new Uri("order/1", UriKind.Relative): the kind is not a part of the URI.
      if (fn === 'Uri' && args.length === 2 && args[1]!.value.k === 'ref' && /^UriKind\.\w+$/.test(args[1]!.value.text)) return arg(0);
      if (/^(URL|Uri)$/.test(fn) && args.length >= 2) return env.facts.grammar === 'c-sharp' ? this.join([arg(0), arg(1)]) : this.join([arg(1).map((b) => (startsWithSlash(args[0]!.value) ? originOf(b) : b)), arg(0)]);
      if (/^(TrimPrefix|TrimSuffix|TrimRight|TrimLeft)$/.test(fn) && !e.recvExpr) return arg(0); // Go strings.TrimSuffix(s, "/")
      if (args.length && !TRIM.test(fn)) return arg(0);
      if (e.recvExpr) return recv();
      return arg(0);
    }
    // path.join(base, ...segments): a spread list's items are segments too.
    const spreadSegments = (a: Arg): Val[] => (a.value.k === 'list' && a.value.items.length === 1 && a.value.items[0]!.spread ? this.eval(a.value.items[0]!.value, deeper).map((v) => withSep(v, '/')) : this.eval(a.value, deeper));
    // Go's path.Join(append([]string{"/v1"}, parts...)...): one spread list, its items the segments.
    const oneSpread = args.length === 1 && args[0]!.value.k === 'list' && args[0]!.value.items.length === 1 && args[0]!.value.items[0]!.spread;
    if (/^(join|urljoin|Join|JoinPath|joinPath|resolve|Combine)$/.test(fn) && (args.length >= 2 || oneSpread && env.facts.grammar === 'go') && /^(|URI|path|posixpath|urllib\.parse|parse|filepath|url|Path|os\.path|urlparse|path\.posix|posix|Url|Flurl\.Url|URLUtil)$/.test(e.recv)) return this.join(args.map(spreadSegments));
    // segments.map(String) / .map(encodeURIComponent): the same segments, as text.
    if (fn === 'map' && e.recvExpr && args.length === 1 && args[0]!.value.k === 'ref' && /^(String|encodeURIComponent|encodeURI|escape)$/.test(args[0]!.value.text)) return recv();
    // Python's map(str, parts) / map(quote, parts): the same segments, as text.
    if (fn === 'map' && !e.recv && args.length === 2 && args[0]!.value.k === 'ref' && /^(str|quote|quote_plus|urllib\.parse\.quote|parse\.quote)$/.test(args[0]!.value.text)) return this.eval(args[1]!.value, deeper);
    // Lists joined by a separator: [ROOT, ...parts].join('/'), "/".join(parts), strings.Join(parts, "/"),
    // implode('/', $parts), string.Join("/", parts); Go's append(list, more...) is a longer list.
    if (fn === 'append' && !e.recv && args.length) return this.eval({ k: 'list', items: args.map((a) => ({ value: a.value, spread: false })), line: e.line }, env);
    {
      let list: Expr | undefined, sep: Expr | undefined;
      if (fn === 'join' && e.recvExpr && args.length <= 1) {
        if (env.facts.grammar === 'python' && e.recvExpr.k === 'str') { list = args[0]?.value; sep = e.recvExpr; }
        else if (env.facts.grammar !== 'python') { list = e.recvExpr; sep = args[0]?.value; }
      } else if (fn === 'Join' && /^(strings|bytes)$/.test(e.recv) && args.length === 2) { list = args[0]!.value; sep = args[1]!.value; }
      else if ((fn === 'implode' || fn === 'join') && !e.recv && args.length === 2) { list = args[1]!.value; sep = args[0]!.value; }
      else if (fn === 'Join' && /^(string|String)$/.test(e.recv) && args.length >= 2) {
        sep = args[0]!.value;
        list = args.length === 2 ? args[1]!.value : { k: 'list', items: args.slice(1).map((a) => ({ value: a.value, spread: false })), line: e.line };
      }
      if (list) {
        const seps = sep ? this.eval(sep, deeper) : [text(',')];
        const sepText = seps.length === 1 && seps[0]!.parts.length === 1 && typeof seps[0]!.parts[0] === 'string' ? seps[0]!.parts[0] : null;
        if (sepText !== null) return this.eval(list, deeper).map((v) => withSep(v, sepText));
      }
    }
    // Go's base.ResolveReference(&url.URL{Path: "customer/" + id}): the reference resolved against the base (its
    // relative path under the base's folder: bases here end in "/v1/").
    if (fn === 'ResolveReference' && e.recvExpr && args.length === 1 && env.facts.grammar === 'go') return this.join([recv(), arg(0)]);
    // Fluent URL builders (Flurl): a segment appended to the receiver, or the receiver passed through unchanged.
    // Go's (*url.URL).JoinPath(elem...) appends its segments to the receiver's path: api.JoinPath("cart", id).
    if ((/^(AppendPathSegment|AppendPathSegments|appendPath|AppendPath)$/.test(fn) || fn === 'JoinPath' && env.facts.grammar === 'go' && !/^(url|path)$/.test(e.recv)) && e.recvExpr) return this.join([recv(), ...args.map((a) => this.eval(a.value, deeper))]);
    // wretch's api.url('/order'): the path appended to a client with a Commerce7 base.
    if (fn === 'url' && e.recvExpr && args.length === 1) {
      const owner = recv().filter(isC7Based);
      if (owner.length) return this.join([owner, arg(0)]);
    }
    if (FLUENT.test(fn) && e.recvExpr) return recv();
    if (/^(encodeURIComponent|encodeURI|quote|quote_plus|urlencode|rawurlencode|escape|EscapeDataString|QueryEscape|PathEscape|encode_www_form_component)$/.test(fn)) return [hole('id')];
    if (/^(RestRequest|HttpRequestMessage)$/.test(fn)) {
      const urlArg = args.find((a) => a.value.k !== 'ref' || !methodConst(a.value.text));
      return urlArg ? this.eval(urlArg.value, deeper) : [hole(fn)];
    }
    // A builder called on a parameter (route.path(...args) with route a table entry the caller passes): bound in bind.
    if (e.recvExpr?.k === 'ref' && e.recvExpr.simple && env.fn.params.includes(e.recvExpr.name) && /^[A-Za-z_$][\w$]*$/.test(fn)) {
      const key = `${e.recvExpr.name}.${fn}()`;
      if (env.bindings) { const bound = env.bindings.get(key); if (bound) return bound; }
      else {
        // Unless a method of that name is the project's (api.fetch_orders() on a client parameter).
        const named = this.resolveFn(fn, e.recv, env.facts, (f) => f.returns.length > 0);
        if (!named || !named.method && !named.cls) return [{ parts: [{ param: key }], ev: [] }];
      }
    }
    // A project function that returns a URL: its return values with the arguments bound.
    const target = objMethod ?? this.resolveFn(fn, e.recv, env.facts, (f) => f.returns.length > 0);
    if (target && !env.stack.has(`fn:${target.name}`)) {
      const bindings = this.bind(target, e.args, e.recv, deeper);
      // Names are the callee's own from here: its `s` is not the caller's `s` (only the functions entered are kept).
      const stack = new Set([...env.stack].filter((k) => k.startsWith('fn:'))).add(`fn:${target.name}`);
      const facts = this.factsOf(target.file) ?? env.facts;
      return uniq(target.returns.flatMap((r) => this.eval(r, { facts, fn: target, bindings, depth: env.depth + 1, stack })));
    }
    // A declared API method of the project (uplink's `@get("customer") def customers(self): ...`, a Refit interface
    // method) returns a response: never a builder on its receiver's base.
    if (e.recvExpr && this.hasStubs() && this.resolveFn(fn, e.recv, env.facts, (f) => !!f.stub)) return [hole(fn)];
    // A client or resource made with a Commerce7 base URL (RestClient::Resource.new(BASE), ofetch.create({ baseURL }),
    // Faraday.new(url:), a Session subclass built with the base): its value is that base URL.
    const base = this.clientBase(e, env);
    if (base) return base;
    // A builder of any library on a Commerce7 base: requests.URL(base).Path("club"), chain(base).segment('tag').
    // A path step appends its argument; any other step (headers, auth, a verb) keeps the URL built so far.
    // A verb or a send is the request itself: its value is a response, not the URL.
    // A body step given its body (wretch's .json({…}), .body(x), .form(x)) is a step: read with no argument, a response.
    // A request made from the client with no URL of its own (gentleman's cli.Request(), then its steps) is on its base.
    if (e.recvExpr && e.recvExpr.k !== 'str' && (!NOT_BUILDER.test(fn) || BODY_STEP.test(fn) && args.length > 0) && !VERB.test(fn) && (!SEND_STEP.test(fn) && !REQUEST_FN.test(fn) || fn === 'Request' && !args.length)) {
      const owner = this.eval(e.recvExpr, deeper).filter(isC7Based);
      if (owner.length) {
        this.noteBase(owner);
        if (PATH_STEP.test(fn) && args.length) {
          const piece = /f$/.test(fn) && args.length > 1 ? this.format(arg(0), args.slice(1).map((a) => this.eval(a.value, deeper))) : arg(0);
          return this.join([owner, piece]);
        }
        return owner;
      }
    }
    // A path step on a client the caller passes (s.New().Path("vendor/") with s a parameter): the piece is kept, the
    // client's base bound at the call site.
    if (e.recvExpr && PATH_STEP.test(fn) && args.length === 1 && (env.facts.grammar === 'go' || env.facts.grammar === 'c-sharp')) {
      const owner = this.eval(e.recvExpr, deeper);
      if (owner.some(hasParam)) return this.join([owner, arg(0)]);
    }
    // A URL helper of any library given a Commerce7 URL (add_query_arg('q', $v, $url), withQuery(url, q),
    // buildUrl(base + '/x', params)) gives that URL, its query added.
    if (!e.recvExpr && URL_HELPER.test(fn) && !BASE_NAME.test(fn) && e.args.length > 1) {
      for (const a of e.args) {
        if (a.value.k === 'obj' || a.value.k === 'list') continue;
        const c7 = this.eval(a.value, deeper).filter((v) => isC7Based(v) && !!classify(v, { relativeOk: false }));
        if (c7.length) return c7;
      }
    }
    return [hole(fn || 'call', BASE_NAME.test(fn))];
  }

  /** The base URL a client-making call is given, when it is a Commerce7 one (else null). */
  clientBase(e: Extract<Expr, { k: 'call' }>, env: Env): Val[] | null {
    const deeper: Env = { ...env, depth: env.depth + 1 };
    // A configuration step named for the base (Laravel's Http::baseUrl($u), resty's SetBaseURL(u), withBaseUrl(u)):
    // a client on the base it is given, whatever the library.
    if (BASE_STEP.test(e.fn)) {
      const first = e.args.find((a) => !a.key)?.value;
      const c7 = first ? this.eval(first, deeper).filter(isC7Based) : [];
      if (c7.length) { this.noteBase(c7); return c7; }
    }
    if (!CLIENT_MAKER.test(e.fn) && !/^[A-Z]/.test(e.fn)) {
      // A library's factory of any name given the base itself (chain(BASE), from(BASE)): a client on that base.
      const first = e.args.find((a) => !a.key)?.value;
      if (!first || first.k === 'obj' || e.recvExpr || NOT_BUILDER.test(e.fn)) return null;
      const c7 = this.eval(first, deeper).filter((v) => isC7Based(v) && !classify(v, { relativeOk: false }));
      if (c7.length) { this.noteBase(c7); return c7; }
      return null;
    }
    const byKey = keyedIn(e.args, BASE_KEY);
    const first = e.args.find((a) => !a.key)?.value;
    for (const x of [byKey, first]) {
      if (!x || x.k === 'obj') continue;
      const vals = this.eval(x, deeper);
      const c7 = vals.filter(isC7Based);
      if (c7.length) { this.noteBase(c7); return c7; }
    }
    return null;
  }

  private join(lists: Val[][]): Val[] {
    const out: Val[][] = [];
    lists.forEach((l, i) => {
      if (i > 0) out.push([text('/')]);
      out.push(l);
    });
    return product(out).map((v) => ({ ...v, parts: v.parts.map((p, i, all) => (typeof p === 'string' && i > 0 ? p : p)).reduce<Part[]>((acc, p) => {
      const last = acc[acc.length - 1];
      if (typeof p === 'string' && typeof last === 'string') acc[acc.length - 1] = (last + p).replace(/\/{2,}/g, (m, off, s: string) => (s.slice(Math.max(0, off - 1), off) === ':' ? m : '/'));
      else acc.push(p);
      return acc;
    }, []) }));
  }

  // ---- functions ----

  resolveFn(name: string, recv: string, facts: FileFacts, want: (f: FnDef) => boolean, self?: FnDef): FnDef | undefined {
    if (!name) return undefined;
    let byName = this.fnsByFile.get(facts);
    if (!byName) {
      byName = new Map();
      for (const f of facts.fns) if (f.name) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
      this.fnsByFile.set(facts, byName);
    }
    const local = byName.get(name)?.find(want);
    if (local) return local;
    void recv;
    return this.nearest(this.project.fns, name, facts.file, want, self)[0];
  }

  /** The constructor of a method's class (same file). */
  ctorOf(fn: FnDef): FnDef | undefined {
    if (!fn.cls) return undefined;
    const facts = this.factsOf(fn.file);
    return facts?.fns.find((f) => f.cls === fn.cls && f.fields !== undefined);
  }

  private stubs?: boolean;
  private hasStubs(): boolean {
    return (this.stubs ??= this.project.files.some((f) => f.fns.some((fn) => fn.stub)));
  }

  private fieldNames?: Set<string>;
  /** Every field a constructor of the project sets from its parameters (this.path = path, dataclass fields). */
  private ctorFieldNames(): Set<string> {
    if (!this.fieldNames) {
      this.fieldNames = new Set();
      for (const f of this.project.files) for (const fn of f.fns) if (fn.fields) for (const k of fn.fields.keys()) this.fieldNames.add(k);
    }
    return this.fieldNames;
  }

  /** The constructor (with its fields) of class `cls` nearest the file. */
  private ctorFor(cls: string, file: string): FnDef | undefined {
    for (const name of ['constructor', '__init__', 'initialize', '__construct', cls]) {
      const ctor = this.nearest(this.project.fns, name, file, (f) => f.cls === cls && !!f.fields?.size)[0];
      if (ctor) return ctor;
    }
    return undefined;
  }

  /**
   * The constructor call an argument is (`Endpoint("PUT", "/x")`, `new Route(m, p)`, `Route.new(m, p)`) or names
   * (`ep.RENAME`, a local, a constant), with the place to evaluate it; null when it is no object of a project class.
   */
  private madeObject(v: Expr, env: Env, depth = 0): { call: Extract<Expr, { k: 'call' }>; ctor: FnDef; env: Env } | null {
    if (v.k === 'call') {
      const cls = v.fn === 'new' && v.recv ? v.recv.split(/::|\./).pop()! : /^[A-Z]/.test(v.fn) ? v.fn : '';
      const ctor = cls ? this.ctorFor(cls, env.facts.file) : undefined;
      return ctor ? { call: v, ctor, env } : null;
    }
    if (v.k !== 'ref' || depth > 2 || env.fn.params.includes(v.name) && v.simple) return null;
    const local = v.simple ? env.fn.locals.get(v.name) : undefined;
    const defs: Array<{ facts: FileFacts; expr: Expr; top: boolean }> = local ? local.map((expr) => ({ facts: env.facts, expr, top: false }))
      : [...(env.facts.defs.get(v.name) ?? []).map((expr) => ({ facts: env.facts, expr })), ...(env.facts.defs.has(v.name) ? [] : this.nearest(this.project.defs, v.name, env.facts.file).slice(0, 4))].map((d) => ({ ...d, top: true }));
    for (const d of defs.slice(0, 4)) {
      const denv: Env = d.top ? { facts: d.facts, fn: d.facts.top, depth: env.depth + 1, stack: env.stack } : env;
      const hit = this.madeObject(d.expr, denv, depth + 1);
      if (hit) return hit;
    }
    return null;
  }

  /** A method of a project class whose constructor sets fields, called on a parameter (`endpoint.format(**ids)`). */
  private paramClassMethod(e: Extract<Expr, { k: 'call' }>, env: Env): FnDef | undefined {
    const r = e.recvExpr;
    if (r?.k !== 'ref' || !r.simple || /^(?:self|this|cls)$/.test(r.name) || !env.fn.params.includes(r.name)) return undefined;
    return this.resolveFn(e.fn, e.recv, env.facts, (f) => f.returns.length > 0 && !!f.cls && !!this.ctorOf(f)?.fields?.size);
  }

  /** this.<field> bindings for a method called on `recv`: from `new Class(args)` where recv was made, or kept open on this/self. */
  private bindFields(target: FnDef, recv: string, env: Env, map: Map<string, Val[]>): void {
    const ctor = this.ctorOf(target);
    if (!ctor?.fields?.size) return;
    if (/^(?:this|self|@|\$this)$/.test(recv) || recv === '') {
      for (const f of ctor.fields.keys()) {
        const key = `this.${f}`;
        map.set(key, env.bindings?.get(key) ?? [{ parts: [{ param: key }], ev: [] }]);
      }
      return;
    }
    if (!/^[A-Za-z_$][\w$]*$/.test(recv)) return;
    // A parameter's method: its fields are the ones the caller's object gives (`endpoint.path`, bound at the call site).
    if (env.fn.params.includes(recv)) {
      for (const f of ctor.fields.keys()) {
        const key = `${recv}.${f}`;
        map.set(`this.${f}`, env.bindings?.get(key) ?? (env.bindings ? [hole(key)] : [{ parts: [{ param: key }], ev: [] }]));
      }
      return;
    }
    const defs = [...(env.fn.locals.get(recv) ?? []), ...(env.facts.defs.get(recv) ?? [])];
    const isMade = (d: Expr): d is Extract<Expr, { k: 'call' }> => d.k === 'call' && (d.fn === target.cls || d.fn === 'new' && d.recv === target.cls);
    const made = defs.find(isMade);
    if (!made) {
      // An entry of a constant table of such objects (ep = ENDPOINTS[name], ENDPOINTS = { "note": Endpoint("POST",
      // "/note"), … }): each entry's fields, the key picking one (a parameter's at each call site, see subst).
      const ix = defs.find((d): d is Extract<Expr, { k: 'index' }> => d.k === 'index');
      const table = ix && env.depth < MAX_DEPTH ? this.tableExprs(ix.obj, env) : null;
      if (!ix || !table?.size || ![...table.values()].every((x) => isMade(x.expr))) return;
      const perField = new Map<string, Map<string, Val[]>>();
      for (const [key, x] of [...table].slice(0, 32)) {
        const b = this.bind(ctor, (x.expr as Extract<Expr, { k: 'call' }>).args, '', x.env);
        for (const [f, p] of ctor.fields) { const v = b.get(p); if (v) (perField.get(f) ?? perField.set(f, new Map()).get(f)!).set(key, v); }
      }
      for (const k of this.eval(ix.key, { ...env, depth: env.depth + 1 }).slice(0, 4)) {
        const p0 = k.parts.length === 1 ? k.parts[0] : undefined;
        const picked = tableKey(k);
        for (const [f, byKey] of perField) {
          const vals: Val[] = p0 !== undefined && typeof p0 !== 'string' && 'param' in p0 && !p0.table ? [{ parts: [{ param: p0.param, table: byKey }], ev: [...k.ev] }]
            : picked !== null ? byKey.get(picked) ?? [] : [];
          if (vals.length) map.set(`this.${f}`, [...(map.get(`this.${f}`) ?? []), ...vals]);
        }
      }
      return;
    }
    const ctorBindings = this.bind(ctor, made.args, '', env);
    for (const [f, p] of ctor.fields) { const v = ctorBindings.get(p); if (v) map.set(`this.${f}`, v); }
  }

  /** A constant table's entries as expressions, with the place to evaluate each (tableOf evaluates them instead). */
  private tableExprs(obj: Expr, env: Env): Map<string, { expr: Expr; env: Env }> | null {
    if (obj.k !== 'ref') return null;
    const def = this.objectDef(obj, env);
    if (!def || def.expr.k !== 'obj') return null;
    return new Map(def.expr.entries.filter((en) => en.key !== '...').slice(0, 64).map((en) => [en.key, { expr: en.value, env: def.env }]));
  }

  /**
   * A method of a C# class with a primary constructor (`C7ApiBase(HttpClient http, string resource)`), called on a
   * receiver whose class is known (a primary-constructor parameter `ProductApi products` of the caller's class, or a
   * local made by `new ProductApi(…)`): the parameters it reads are the arguments that class passes up its base
   * calls (`ProductApi(HttpClient http) : C7ApiBase(http, "product")`).
   */
  /** C# classes with a primary constructor, across the project, by name (built once). */
  private primaries?: Map<string, { p: PrimaryCtor; facts: FileFacts }>;
  private bindPrimary(target: FnDef, recv: string, env: Env, map: Map<string, Val[]>): void {
    if (!this.primaries) {
      this.primaries = new Map();
      for (const f of this.project.files) for (const [name, p] of f.primary ?? []) if (!this.primaries.has(name)) this.primaries.set(name, { p, facts: f });
    }
    const classOf = (name: string) => this.primaries!.get(name) ?? null;
    const owner = classOf(target.cls!);
    if (!owner || !/^[A-Za-z_]\w*$/.test(recv)) return;
    let type = env.fn.cls ? env.facts.primary?.get(env.fn.cls)?.params.find((p) => p.name === recv)?.type : undefined;
    if (!type) {
      const made = [...(env.fn.locals.get(recv) ?? []), ...(env.facts.defs.get(recv) ?? [])].find((d): d is Extract<Expr, { k: 'call' }> => d.k === 'call' && /^[A-Z]/.test(d.fn) && !d.recv);
      type = made?.fn;
    }
    // The receiver's class: the members its base's method reads are its own (csMember).
    if (type && type !== target.cls && !map.has('@cls')) map.set('@cls', [text(type)]);
    for (let hop = 0; type && type !== target.cls && hop < 4; hop++) {
      const sub = classOf(type);
      if (!sub?.p.base) return;
      if (sub.p.base.name === target.cls) {
        owner.p.params.forEach((param, i) => {
          const a = sub.p.base!.args[i];
          if (a && !map.has(`this.${param.name}`)) map.set(`this.${param.name}`, this.eval(a, { facts: sub.facts, fn: sub.facts.top, depth: env.depth + 1, stack: env.stack }));
        });
        return;
      }
      type = sub.p.base.name;
    }
  }

  /**
   * The method an options argument carries into a helper: an object literal's (or a local one's) `method`, or its
   * absence (the library's default); the caller's own options parameter (or rest element) passes its caller's on.
   */
  private classes?: Map<string, Array<{ base?: string; fields: Record<string, Expr>; facts: FileFacts }>>;
  private subclasses?: Map<string, Set<string>>;
  /**
   * The project's JS/TS/PHP classes by name, and the classes extending each (built once). A subclass constructor's
   * `super(http, '/vendor')` gives it the fields the base constructor sets from those parameters.
   */
  private classIndex(): Map<string, Array<{ base?: string; fields: Record<string, Expr>; facts: FileFacts }>> {
    if (!this.classes) {
      this.classes = new Map();
      this.subclasses = new Map();
      for (const facts of this.project.files) for (const [name, c] of Object.entries(facts.classes ?? {})) {
        const list = this.classes.get(name) ?? [];
        const fields = { ...c.fields };
        // A getter or a method without parameters returning a literal (`get root() { return '/tag'; }`, PHP's
        // `protected function path(): string { return '/vendor'; }`): a field of the class, as far as paths go.
        for (const f of facts.fns) {
          const ret = f.returns.length === 1 ? f.returns[0]! : undefined;
          if (f.cls === name && f.name && ret && (ret.k === 'str' || ret.k === 'cat') && !f.params.some((p) => !/^(self|cls)$/.test(p)) && !(f.name in fields)) fields[f.name] = ret;
        }
        const ctor = c.base && c.superArgs ? this.ctorFor(c.base, facts.file) : undefined;
        if (ctor?.fields) {
          const given = c.superArgs!.filter((a) => !a.key);
          for (const [f, p] of ctor.fields) { const at = ctor.params.indexOf(p); if (at >= 0 && given[at] && !(f in fields)) fields[f] = given[at]!.value; }
        }
        list.push({ base: c.base, fields, facts });
        this.classes.set(name, list);
        if (c.base) { const sub = this.subclasses.get(c.base) ?? new Set(); sub.add(name); this.subclasses.set(c.base, sub); }
      }
    }
    return this.classes;
  }

  /** `cls` and the classes it extends, nearest first. */
  private ancestry(cls: string): string[] {
    const out = [cls];
    for (let c = this.classIndex().get(cls)?.[0]?.base; c && !out.includes(c) && out.length < 8; c = this.classIndex().get(c)?.[0]?.base) out.push(c);
    return out;
  }

  /** Is `cls` a JS/TS/PHP class some project class extends (its methods may read fields a subclass sets)? */
  private isExtended(cls: string | undefined): boolean {
    return !!cls && this.classIndex().size > 0 && this.subclasses!.has(cls);
  }

  /** Does a class extending `cls` (at any depth) give the field its own value? */
  private overridden(cls: string, field: string): boolean {
    this.classIndex();
    const seen = new Set<string>();
    const walk = (c: string): boolean => {
      for (const sub of this.subclasses!.get(c) ?? []) {
        if (seen.has(sub)) continue;
        seen.add(sub);
        if (this.classes!.get(sub)?.some((x) => field in x.fields) || walk(sub)) return true;
      }
      return false;
    };
    return walk(cls);
  }

  /** The field's value on an object of class `cls`: its own initializer or the nearest base class's. */
  private fieldOfClass(cls: string, field: string, env: Env): Val[] | null {
    const index = this.classIndex();
    for (let c: string | undefined = cls, i = 0; c && i < 8; i++) {
      const defs = index.get(c);
      const hit = defs?.find((x) => field in x.fields);
      if (hit) return this.eval(hit.fields[field]!, { facts: hit.facts, fn: hit.facts.top, depth: env.depth + 1, stack: env.stack });
      c = defs?.[0]?.base;
    }
    return null;
  }

  /**
   * `this.root` in a method of `cls`: a parameter when a subclass sets it (the receiver's class decides, bound at the
   * call site: bindClassFields), else the value the class or its bases give; null when no class field is known.
   */
  private classField(cls: string, field: string, env: Env): Val[] | null {
    if (!this.classIndex().size) return null;
    const key = `this.${field}`;
    if (this.overridden(cls, field)) return env.bindings ? null : [{ parts: [{ param: key }], ev: [] }];
    return this.fieldOfClass(cls, field, env);
  }

  /**
   * A method called on an object whose class is known (`new Tags(…)`, a DI container's `container.get(Tags)`,
   * `$app->make(Tags::class)`): the fields its subclass sets (`this.root`) are that class's; on this/self, the caller's.
   */
  private bindClassFields(target: FnDef, recv: string, env: Env, map: Map<string, Val[]>): void {
    const index = this.classIndex();
    if (!index.size || !target.cls || !this.subclasses!.has(target.cls)) return;
    const fields = new Set<string>();
    const seen = new Set<string>();
    const collect = (c: string) => { for (const sub of this.subclasses!.get(c) ?? []) if (!seen.has(sub)) { seen.add(sub); for (const x of index.get(sub) ?? []) for (const f in x.fields) fields.add(f); collect(sub); } };
    collect(target.cls);
    if (!fields.size) return;
    let cls: string | undefined;
    if (/^(?:this|self|\$this)$/.test(recv)) {
      for (const f of fields) if (!map.has(`this.${f}`)) { const v = this.eval({ k: 'ref', name: f, text: `this.${f}`, simple: false, line: target.line }, env); map.set(`this.${f}`, v); }
      return;
    }
    const name = /^\$?[A-Za-z_$][\w$]*$/.test(recv) ? recv.replace(/^\$(?=[A-Za-z_])/, '') : null;
    // An object made where it is used: new Notes().drop(id), (new Vendors())->all().
    const inline = (/^\(?\s*new\s+\\?([A-Za-z_$][\w$\\]*)\s*\(/.exec(recv) ?? (env.facts.grammar === 'python' ? /^([A-Z]\w*)\s*\(/.exec(recv) : null))?.[1]?.split('\\').pop();
    if (inline && index.has(inline)) cls = inline;
    const defs = name ? [...(env.fn.locals.get(name) ?? []), ...(env.facts.defs.get(name) ?? [])] : [];
    if (name && !defs.length) defs.push(...this.nearest(this.project.defs, name, env.facts.file).slice(0, 4).map((d) => d.expr));
    for (const d0 of cls ? [] : defs) {
      // One name of a destructured tuple (products, vendors = Product(c), Vendor(c)): its own item.
      const d = d0.k === 'elem' && d0.iter.k === 'list' && d0.at !== undefined ? componentOf(d0.iter, d0.at) ?? d0 : d0;
      if (d.k !== 'call') continue;
      // `new Tags(…)` is a call of Tags (PHP's, Ruby-like `X::new`: fn 'new' on the class).
      const made = d.fn === 'new' ? d.recv.split(/::|\.|\\/).pop() : !d.recv ? d.fn : undefined;
      const given = d.args.map((a) => a.value).find((v): v is Extract<Expr, { k: 'ref' }> => v.k === 'ref' && index.has(v.text.replace(/::class$/, '').split(/\\|\./).pop()!));
      cls = made && index.has(made) ? made : given ? given.text.replace(/::class$/, '').split(/\\|\./).pop() : undefined;
      if (cls) break;
    }
    // C#: a primary constructor's parameter of that type (`class Sync(CollectionsApi collections)`, injected).
    if (!cls && name && env.fn.cls) {
      const typed = env.facts.primary?.get(env.fn.cls)?.params.find((p) => p.name === name)?.type;
      if (typed && index.has(typed)) cls = typed;
    }
    // The class not known: any subclass's value (as a name lookup would give).
    const classes = cls ? [cls] : [...seen];
    for (const f of fields) {
      if (map.has(`this.${f}`)) continue;
      const v = uniq(classes.flatMap((k) => (cls || index.get(k)?.some((x) => f in x.fields) ? this.fieldOfClass(k, f, env) ?? [] : [])));
      if (v.length) map.set(`this.${f}`, v);
    }
  }

  /**
   * `u` made as `new URL(base)` whose pathname is set after (`u.pathname = path.posix.join(u.pathname, ...segs)`,
   * `` `${u.pathname}/x` ``): the new path with the base in place of its old pathname. Null for any other local.
   */
  private pathnameSet(e: Extract<Expr, { k: 'ref' }>, env: Env): Val[] | null {
    const set = env.fn.locals.get(`${e.name}.pathname`)?.[0];
    if (!set) return null;
    const made = env.fn.locals.get(e.name)?.find((d): d is Extract<Expr, { k: 'call' }> => d.k === 'call' && d.fn === 'URL' && d.args.filter((a) => !a.key).length === 1);
    if (!made) return null;
    let uses = 0;
    const base = made.args[0]!.value;
    const swap = (x: Expr): Expr => {
      switch (x.k) {
        case 'ref': if (x.text === `${e.name}.pathname`) { uses++; return base; } return x;
        case 'str': return { ...x, parts: x.parts.map((p) => (typeof p === 'string' ? p : swap(p))) };
        case 'cat': case 'alt': return { ...x, items: x.items.map(swap) };
        case 'list': return { ...x, items: x.items.map((it) => ({ ...it, value: swap(it.value) })) };
        case 'call': return { ...x, args: x.args.map((a) => ({ ...a, value: swap(a.value) })) };
        default: return x;
      }
    };
    const path = swap(set);
    return uses ? this.eval(path, { ...env, depth: env.depth + 1 }) : null;
  }

  /** An object literal with its spreads of named object literals laid out in place (`{ ...CREATE_TAG, data }`): later keys win. */
  private spreadOut(obj: Extract<Expr, { k: 'obj' }>, env: Env): Extract<Expr, { k: 'obj' }> {
    if (!obj.entries.some((en) => en.key === '...' && en.value.k === 'ref')) return obj;
    const entries: Array<{ key: string; value: Expr }> = [];
    for (const en of obj.entries) {
      const def = en.key === '...' && en.value.k === 'ref' && en.value.simple ? this.objectDef(en.value, env) : null;
      if (def?.expr.k === 'obj') entries.push(...def.expr.entries.filter((x) => x.key !== '...'));
      else entries.push(en);
    }
    return { ...obj, entries };
  }

  private passedMethod(v: Expr, env: Env): Val[] | undefined {
    let obj: Expr = v;
    if (obj.k === 'ref' && obj.simple) {
      if (env.fn.params.includes(obj.name) || isRestOf(env.fn, obj.name)) return this.eval({ k: 'ref', name: 'method', text: `${obj.name}.method`, simple: false, line: obj.line }, env);
      obj = env.fn.locals.get(obj.name)?.find((x) => x.k === 'obj') ?? obj;
    }
    if (obj.k !== 'obj') return undefined;
    const m = obj.entries.find((en) => /^(method|type|verb)$/.test(en.key));
    return m ? this.eval(m.value, env) : [{ parts: [ABSENT], ev: [] }];
  }

  private bind(target: FnDef, args: Arg[], recv: string, env: Env): Map<string, Val[]> {
    const params = [...target.params];
    if (params[0] && /^(self|cls)$/.test(params[0]) && (target.method || recv)) params.shift();
    const extended = target.extension && recv && params[0] ? params.shift()! : null;
    const shift = target.params.length - params.length;
    const map = new Map<string, Val[]>();
    // An extension method's `this` parameter is the receiver it is called on.
    if (extended) map.set(extended, this.eval({ k: 'ref', name: recv.replace(/^.*\./, ''), text: recv, line: target.line, simple: /^[A-Za-z_]\w*$/.test(recv) }, env));
    let i = 0;
    const keyedNames = new Map(target.pattern.map((p) => [p.key, p.name]));
    // A class method called on a class (`Commerce7::Order.find`): its class settings are that class's (classSetting).
    const onClass = target.cls ? /(?:^|::|\.)([A-Z]\w*)$/.exec(recv)?.[1] : undefined;
    if (onClass) map.set('@cls', [{ parts: [onClass], ev: [] }]);
    for (const a of args) {
      if (a.key && params.includes(a.key)) map.set(a.key, this.eval(a.value, env));
      else if (a.key && keyedNames.has(a.key)) map.set(keyedNames.get(a.key)!, this.eval(a.value, env)); // Ruby/Python keywords
      else if (!a.key) {
        const index = i++;
        const p = params[index];
        if (p === '{}') {
          // A destructured options parameter: bind the keys the call passes in its object literal.
          const obj = a.value.k === 'obj' ? a.value : null;
          for (const pat of target.pattern.filter((x) => x.index === index + shift)) {
            // The rest element (`...init`): the method the call passes, unless a named key took it.
            if (pat.key === '...') {
              const m = target.pattern.some((x) => x.index === pat.index && x.key === 'method') ? undefined : this.passedMethod(a.value, env);
              if (m) map.set(`${pat.name}.method`, m);
              continue;
            }
            const entry = obj?.entries.find((en) => en.key === pat.key);
            if (entry) map.set(pat.name, this.eval(entry.value, env));
          }
        } else if (p && p === target.rest) {
          // The rest parameter takes this argument and every positional one after it, as a list.
          const restArgs = args.filter((x) => !x.key).slice(index);
          i = Infinity;
          map.set(p, this.eval({ k: 'list', items: restArgs.map((x) => ({ value: x.value, spread: false })), line: a.value.line }, env));
          // (Keyword arguments after it still bind: call("gift_card", card_id, method="PUT").)
          continue;
        } else if (p) {
          map.set(p, this.eval(a.value, env));
          // A parameter a loop iterates over: each element's fields, tagged with the element (see evalElem).
          if (target.iterParams?.has(p)) {
            const els = this.elementsOf(a.value, env, 0);
            if (els) {
              const tag = `${target.file}:${target.line}:${p}@${env.facts.file}:${a.value.line}`;
              const put = (key: string, vals: Val[], i: number) => {
                const list = map.get(key) ?? [];
                for (const v of vals) if (list.length < MAX_ALTS && (!v.tags || !(tag in v.tags) || v.tags[tag] === i)) list.push({ ...v, tags: { ...v.tags, [tag]: i } });
                map.set(key, list);
              };
              els.slice(0, MAX_ALTS).forEach((el, i) => {
                const elEnv = { ...el.env, depth: env.depth + 1 };
                put(`${p}[]`, this.eval(el.expr, elEnv), i);
                if (el.expr.k === 'obj') for (const en of el.expr.entries.slice(0, 16)) put(`${p}[].${en.key}`, this.eval(en.value, elEnv), i);
                if (el.expr.k === 'list') el.expr.items.slice(0, 8).forEach((it, j) => put(`${p}[].${j}`, this.eval(it.value, elEnv), i));
                // An element made by a constructor (a Go struct literal of another file, job{…}): its fields.
                const made = el.expr.k === 'call' ? this.madeObject(el.expr, elEnv) : null;
                if (made) for (const f of [...made.ctor.fields!.keys()].slice(0, 16)) {
                  const part = this.componentOf(made.call, f, made.env);
                  if (part) put(`${p}[].${f}`, this.eval(part, { ...made.env, depth: env.depth + 1 }), i);
                }
              });
            }
          }
          // An object made by a project class's constructor: its fields, as the callee reads them (`endpoint.path`).
          const made = this.ctorFieldNames().size ? this.madeObject(a.value, env) : null;
          if (made) {
            for (const f of made.ctor.fields!.keys()) {
              const part = this.componentOf(made.call, f, made.env);
              if (part) map.set(`${p}.${f}`, this.eval(part, { ...made.env, depth: env.depth + 1 }));
            }
          }
          // The caller's own options parameter handed on (`once(path, init)`): its caller's method.
          if (a.value.k === 'ref' && a.value.simple && (env.fn.params.includes(a.value.name) || isRestOf(env.fn, a.value.name))) {
            map.set(`${p}.method`, this.passedMethod(a.value, env)!);
            for (const key of ['url', 'uri', 'path', 'endpoint']) map.set(`${p}.${key}`, this.eval({ k: 'ref', name: key, text: `${a.value.name}.${key}`, simple: false, line: a.value.line }, env));
          }
          // An options object literal: its method (or its absence: the library's default) for `p.method`.
          let obj: Expr | undefined = a.value;
          let objFacts = env.facts;
          // A Go loop variable over struct literals (for j := range jobs; do(j)): each field, element by element.
          const el = target.file.endsWith('.go') && obj.k === 'ref' && obj.simple ? env.fn.locals.get(obj.name)?.find((x): x is Extract<Expr, { k: 'elem' }> => x.k === 'elem' && x.at === undefined && !x.one) : undefined;
          if (el) {
            const keys = new Set((this.elementsOf(el.iter, env, 0) ?? []).flatMap((x) => (x.expr.k === 'obj' ? x.expr.entries.map((en) => en.key) : [])));
            // Over a parameter (a worker ranging over the jobs channel it is given): the fields the callee reads,
            // each the element's field its own caller binds (evalElem).
            if (!keys.size && el.iter.k === 'ref' && el.iter.simple && env.fn.params.includes(el.iter.name)) {
              for (const m of JSON.stringify(target.calls).matchAll(new RegExp(`"text":"${p}\\.([A-Za-z_]\\w*)"`, 'g'))) keys.add(m[1]!);
            }
            for (const key of [...keys].slice(0, 16)) map.set(`${p}.${key}`, this.eval({ ...el, at: key }, env));
          }
          if (obj.k === 'ref' && obj.simple) obj = env.fn.locals.get(obj.name)?.find((x) => x.k === 'obj') ?? obj;
          // A constant options object of the file or the project (const LIST_TAGS = { path: '/tag' }).
          if (obj.k === 'ref' && obj.simple && !env.fn.params.includes(obj.name) && !env.fn.locals.has(obj.name)) {
            const def = this.objectDef(obj, env);
            if (def?.expr.k === 'obj') { obj = def.expr; objFacts = def.env.facts; }
          }
          // An entry of a route table: C7.getCustomer = { method: 'GET', path: (id) => `/customer/${id}` }.
          if (obj.k === 'ref' && !obj.simple && /^[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*$/.test(obj.text)) {
            const hit = [...(env.facts.defs.get(obj.name) ?? []).map((expr) => ({ facts: env.facts, expr })), ...this.nearest(this.project.defs, obj.name, env.facts.file).slice(0, 4)].find((d) => d.expr.k === 'obj');
            if (hit) { obj = hit.expr; objFacts = hit.facts; }
          }
          if (obj.k === 'obj') {
            obj = this.spreadOut(obj, env);
            // Its url or path, for a helper that reads `opts.url` / `opts.path` (see optionsUrl, spreadOver).
            for (const key of ['url', 'uri', 'path', 'endpoint']) {
              const u = [...obj.entries].reverse().find((en) => en.key === key);
              if (u) map.set(`${p}.${key}`, this.eval(u.value, { ...env, facts: objFacts, fn: objFacts === env.facts ? env.fn : objFacts.top }));
            }
            const m = [...obj.entries].reverse().find((en) => /^(method|type|verb)$/.test(en.key));
            map.set(`${p}.method`, m ? this.eval(m.value, { ...env, facts: objFacts, fn: objFacts.top }) : [{ parts: [ABSENT], ev: [] }]);
            // A Go struct literal (job{method, path}): each field, for `${p}.field` in the helper.
            if (target.file.endsWith('.go')) for (const en of obj.entries.slice(0, 16)) if (!/^(method|type|verb)$/.test(en.key)) map.set(`${p}.${en.key}`, this.eval(en.value, { ...env, facts: objFacts, fn: objFacts === env.facts ? env.fn : objFacts.top }));
            // Its other entries, for `p.path` where a class of the project has such a field (see evalRef).
            if (this.ctorFieldNames().size) for (const en of obj.entries.slice(0, 16)) {
              if (/^[A-Za-z_]\w*$/.test(en.key) && this.ctorFieldNames().has(en.key) && !map.has(`${p}.${en.key}`) && en.value.k !== 'obj' && en.value.k !== 'other') map.set(`${p}.${en.key}`, this.eval(en.value, { ...env, facts: objFacts, fn: objFacts.top }));
            }
            // Its path builders: `${p}.path()` is what the entry's function literal returns (its parameters unknown).
            for (const en of obj.entries) {
              if (en.value.k !== 'other' || !/^(?:async\s*)?(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*=>|^function\b/.test(en.value.text)) continue;
              const line = en.value.line;
              const lit = objFacts.fns.find((f) => f.line === line && f.returns.length && (f.name === en.key || !f.name));
              if (!lit) continue;
              const vals = uniq(lit.returns.flatMap((r) => this.eval(r, { facts: objFacts, fn: lit, bindings: new Map(), depth: env.depth + 1, stack: new Set([`fn:${lit.name}`]) })));
              if (vals.length) map.set(`${p}.${en.key}()`, vals);
            }
          }
        }
      }
    }
    const unbound = [...params.filter((p) => p !== '{}'), ...target.pattern.map((p) => p.name)];
    for (const p of params) {
      // An options parameter the caller leaves out (or its default `{}`): the library's default method.
      const def = target.defaults.get(p);
      if (!map.has(`${p}.method`) && (!map.has(p) || def?.k === 'obj' && !map.has(p))) {
        const m = def?.k === 'obj' ? def.entries.find((en) => /^(method|type|verb)$/.test(en.key)) : undefined;
        if (!map.has(p)) map.set(`${p}.method`, m ? this.eval(m.value, env) : [{ parts: [ABSENT], ev: [] }]);
      }
    }
    // A rest element of options the caller leaves out (`{ json, ...init } = {}`): the library's default method.
    for (const pat of target.pattern) if (pat.key === '...' && !map.has(`${pat.name}.method`)) map.set(`${pat.name}.method`, [{ parts: [ABSENT], ev: [] }]);
    if (target.cls && target.fields === undefined) this.bindFields(target, recv, env, map);
    if (target.cls && target.file.endsWith('.cs')) this.bindPrimary(target, recv, env, map);
    if (target.cls) this.bindClassFields(target, recv, env, map);
    for (const p of unbound) {
      if (map.has(p)) continue;
      const def = target.defaults.get(p);
      // C# joins a null string as "" ($"{x}", "a" + x): a parameter left at its null default adds nothing to a path.
      if (def?.k === 'other' && def.text === 'null' && target.file.endsWith('.cs')) { map.set(p, [text('')]); continue; }
      // A rest parameter no argument reaches is an empty list: `*parts` adds no segment.
      if (p === target.rest) { map.set(p, [text('')]); continue; }
      map.set(p, def ? this.eval(def, env) : [hole(p)]);
    }
    return map;
  }

  /** The HTTP calls a function makes, directly or through helpers; values may hold its parameters. */
  sinks(fn: FnDef, facts: FileFacts): SinkResult[] {
    const cached = this.sinkCache.get(fn);
    if (cached) return cached;
    if (this.inProgress.has(fn)) return [];
    this.inProgress.add(fn);
    const out: SinkResult[] = [];
    const env: Env = { facts, fn, depth: 0, stack: new Set() };
    // A request class (Saloon: a `$method = Method::POST` property and resolveEndpoint() returning the path) describes
    // one request, sent by the connector whose resolveBaseUrl() gives the base.
    if (fn.name === 'resolveEndpoint' && fn.cls && fn.returns.length) {
      const m = facts.defs.get('method')?.find((d) => d.k === 'ref' && METHOD_TOKEN.test(d.name));
      const relative: RelativeOk = this.project.baseFiles.size > 0 ? 'weak' : false;
      if (m) for (const ret of fn.returns.slice(0, 4)) for (const url of uniq(this.eval(ret, env))) for (const method of uniq(this.eval(m, env)).slice(0, 4)) {
        if (!classify(url, { relativeOk: relative })) continue;
        out.push({ url, method, defaultMethod: null, file: facts.file, line: ret.line, via: [], relative, sink: 'resolveEndpoint', sinkFile: facts.file, sinkLine: ret.line });
      }
    }
    let known = false;
    const deferred: Array<[CallSite, Sink]> = [];
    const emit = (c: CallSite, sink: Sink) => this.emitSink(c, sink, fn, facts, env, out);
    for (const c0 of fn.calls) {
      if (out.length > 200) break;
      let c = paginateStep(fetchWrapper(libraryAlias(this.uncurry(this.unpartial(importAlias(c0, fn, facts), env), env), fn, facts), fn, facts));
      const byAttrs = facts.grammar === 'python' ? this.attributeClientCall(c, env) : null;
      if (byAttrs) { known = true; out.push(...byAttrs); continue; }
      // (C# has no `http` module: a call on a variable named so is an extension method's when the project has one.)
      // (In JavaScript a bare call is never a method's: `fetch(url)` is not Bun.serve({ fetch(req) { … } })'s.)
      const bareJs = !c.recv && /^(?:javascript|typescript|tsx)$/.test(facts.grammar);
      let helper = isLibraryCall(c) && !(facts.grammar === 'c-sharp' && c.recv) ? undefined
        : this.resolveFn(c.fn, c.recv, facts, (f) => f !== fn && !(bareJs && f.method) && (this.isHelper(f) && (!isLibraryCall(c) || !!f.extension) || !isLibraryCall(c) && this.readsShellEnv(f, c)), fn);
      // A plain function is not a method of a local object: preview.get("total") is not the module's get(url).
      if (helper && !helper.method && c.recvExpr?.k === 'ref' && c.recvExpr.simple && (fn.locals.has(c.recvExpr.name) || fn.params.includes(c.recvExpr.name))
        && !(fn.locals.get(c.recvExpr.name) ?? []).some((d) => d.k === 'call' && /^(require|import|import_module)$/.test(d.fn))) helper = undefined;
      // A method of a map, an environment or a header set (os.environ.get(k), self.http.headers.update(h)) is not the
      // project's method of that name (Resource.get(id)).
      // (A local made by a call, `meta = new MetaDataService()`, is an object of the project's whatever its name.)
      if (helper && c.recv && NOT_CLIENT.test(c.recv) && !(c.recvExpr?.k === 'ref' && c.recvExpr.simple && (fn.locals.get(c.recvExpr.name) ?? facts.defs.get(c.recvExpr.name) ?? [])
        .some((d) => d.k === 'call' && (d.fn === 'new' || this.classIndex().has(d.fn) || !d.recv && /^[A-Z]/.test(d.fn))))) helper = undefined;
      // Nor a method of this very class reached through one of its fields (this.http.get(...) inside a class that
      // defines get(id)): the field holds a client, not this object.
      if (helper?.cls && fn.cls && /^(?:this\.#?|self\.|@|\$this->)\w+$/.test(c.recv) && this.ancestry(fn.cls).includes(helper.cls)) helper = undefined;
      // Nor a method of what a project method returned as a decoded body (page = await self.get(path); page.get(key)):
      // a dict's get, not the client's.
      if (helper && this.isResponseResult(c, env)) helper = undefined;
      // Nor a route the app declares (app.post('/webhooks/club', handler), router.get(path, fn)): its own endpoint.
      if (helper && c.fnArg && ROUTE_RECV.test(c.recv) && /^(?:get|post|put|patch|delete|del|all|use|route|head|options)$/i.test(c.fn)) helper = undefined;
      // Nor a method of a Python local made as a literal (ids = {…}; ids.get(k)): a dict's get is not Resource.get.
      if (helper?.method && facts.grammar === 'python' && c.recvExpr?.k === 'ref' && c.recvExpr.simple && (fn.locals.get(c.recvExpr.name) ?? []).some((d) => d.k === 'obj' || d.k === 'list' || d.k === 'str' || d.k === 'other' && /^[{[]/.test(d.text))
        && !(fn.locals.get(c.recvExpr.name) ?? []).some((d) => d.k === 'call' || d.k === 'ref')) helper = undefined;
      // `request(url, …)` / `fetch(…)` named like an HTTP library's call: a helper of that name in another folder is
      // a different module's (undici's request is not the neighbour project's request).
      if (helper && REQUEST_FN.test(c.fn) && dirOf(helper.file) !== dirOf(facts.file)) helper = undefined;
      // A client instance defined here (const c7 = ofetch.create(…)) is called, not a neighbour project's c7().
      if (helper && !c.recv && helper.file !== facts.file && this.clientCall(c, env)) helper = undefined;
      if (helper) {
        known = true;
        const hFacts = this.factsOf(helper.file) ?? facts;
        const bindings = this.bind(helper, c.args, c.recv, env);
        const dynamic = facts.grammar === 'bash' ? this.shellEnv(c, env) : null;
        for (const r of this.sinks(helper, hFacts)) {
          const byEnv = !!dynamic && (namesHole(r.url, dynamic) || !!r.method && namesHole(r.method, dynamic));
          if (!hasParam(r.url) && !(r.method && hasParam(r.method)) && !byEnv && !r.declared) continue; // reported where it is
          const env2 = (v: Val) => (byEnv ? substHoles(v, dynamic!) : [v]);
          for (const url of this.subst(r.url, bindings).flatMap(env2)) {
            if (r.needsBase && !hasParam(url) && !isC7Based(url)) continue;
            const methods = r.method ? this.subst(r.method, bindings).flatMap(env2) : [null];
            for (const method of methods.filter((m, i) => i < 4 || m?.tags)) {
              if (!compatible(url, method)) continue;
              out.push({ ...r, url, method, file: facts.file, line: c.line, via: [`${helper.name} (${helper.file}:${r.line})`, ...r.via], declared: undefined });
            }
          }
        }
        continue;
      }
      // A dict, hash or map literal's get/delete is not HTTP: CACHE.get("customer"), {"a": 1}.get("order").
      if (VERB.test(c.fn) && (this.isDataReceiver(c, env) || this.isStubResult(c, env) || this.isResponseResult(c, env) || dictGet(c, facts))) continue;
      if (c.recvExpr && isMockChain(c.recvExpr, fn, facts, 0)) continue;
      if (facts.grammar === 'c-sharp') c = this.routedDto(c, env);
      let sink = (facts.grammar === 'python' && this.project.airflowConns?.size ? this.airflowCall(c, env) : null) ?? detectSink(c, fn) ?? this.clientCall(c, env) ?? this.contractCall(c, env) ?? this.aliasCall(c, env) ?? this.builderCall(c, env) ?? this.declaredRoute(c, env) ?? this.registeredResource(c) ?? this.dynamicVerb(c, env) ?? this.ormCall(c, env) ?? this.apironCall(c, env);
      if (!sink && facts.grammar === 'bash') {
        // A shell function that runs curl with "$@": the call's words are curl's.
        const target = this.resolveFn(c.fn, '', facts, (f) => f.calls.some((x) => /^(curl|wget|http)$/.test(x.fn) && x.args.some((a) => a.value.k === 'ref' && /\$[@*]/.test(a.value.text) || a.value.k === 'str' && a.value.parts.some((p) => typeof p !== 'string' && p.k === 'ref' && /\$[@*]/.test(p.text)))));
        const inner = target?.calls.find((x) => /^(curl|wget|http)$/.test(x.fn));
        if (inner) sink = detectSink({ ...inner, args: [...inner.args.filter((a) => !/\$[@*]/.test(JSON.stringify(a.value))), ...c.args], line: c.line }, fn);
      }
      if (!sink) {
        // A library the audit has not met counts only in a function that makes no call it knows (genericCall).
        const guess = this.genericCall(c, env);
        if (guess) deferred.push([c, guess]);
        continue;
      }
      known = true;
      emit(c, sink);
    }
    if (!known) for (const [c, sink] of deferred) emit(c, sink);
    // A function that names one Commerce7 path and one method, with no call the audit can follow to a request (a
    // generated client's operation, whatever its transport): an operation, counted where it is called.
    if (!out.some((r) => classify(r.url, { relativeOk: 'strong' }) !== null)) {
      const op = this.declaredOperation(fn, facts);
      if (op) out.push(op);
    }
    this.inProgress.delete(fn);
    this.sinkCache.set(fn, out);
    return out;
  }

  /**
   * Python's attribute-style client: a class whose `__getattr__` (and `__getitem__`) returns a new node with the name
   * (the key) appended to a parts field, and whose methods send `base + "/".join(parts)`: `api.customer[cid].get()`
   * is that method's request on /customer/{id}, `api.order.count.get()` on /order/count. `_` in a name is `-` when
   * `__getattr__` replaces it so.
   */
  private attributeClientCall(c: CallSite, env: Env): SinkResult[] | null {
    const r = c.recvExpr;
    if (!r || !(r.k === 'ref' && !r.simple || r.k === 'index')) return null;
    // The chain's steps, innermost last: names (a.b.c) and keys (a.b[k]).
    const steps: Array<string | Expr> = [];
    let x: Expr = r;
    while (x.k === 'ref' && !x.simple || x.k === 'index') {
      if (x.k === 'index') { steps.unshift(x.key); x = x.obj; continue; }
      if (x.of && x.keyExpr) { steps.unshift(x.keyExpr); x = x.of; continue; }
      const m = /^([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*)+)$/.exec(x.text);
      if (!m) return null;
      steps.unshift(...m[2]!.slice(1).split('.'));
      x = { k: 'ref', name: m[1]!, text: m[1]!, line: x.line, simple: true };
    }
    if (x.k !== 'ref' || !x.simple || !steps.length) return null;
    const made = (env.fn.locals.get(x.name) ?? env.facts.defs.get(x.name) ?? []).find((d): d is Extract<Expr, { k: 'call' }> => d.k === 'call' && !d.recv && /^[A-Z]/.test(d.fn));
    if (!made) return null;
    const index = this.classIndex();
    const chain: string[] = [];
    for (let k: string | undefined = made.fn; k && index.has(k) && chain.length < 6 && !chain.includes(k); k = index.get(k)?.[0]?.base) chain.push(k);
    if (!chain.length) return null;
    const inChain = (f: FnDef) => !!f.cls && chain.includes(f.cls);
    const getattr = this.resolveFn('__getattr__', '', env.facts, inChain);
    const method = this.resolveFn(c.fn, '', env.facts, (f) => inChain(f) && f.name === c.fn);
    if (!getattr || !method) return null;
    // The parts field the node grows: `self._parts` in what __getattr__ returns.
    // (The argument that is the field with more added: `self._parts + [name]`.)
    const grown = getattr.returns.flatMap((ret) => (ret.k === 'call' ? ret.args.map((a) => a.value) : [])).map((v) => (v.k === 'cat' ? v.items[0] : undefined))
      .map((v) => (v?.k === 'ref' ? /^self\.(\w+)$/.exec(v.text)?.[1] : undefined)).find((f): f is string => !!f);
    if (!grown) return null;
    const dashes = getattr.calls.some((y) => y.fn === 'replace' && y.args[0]?.value.k === 'str' && y.args[0].value.parts[0] === '_' && y.args[1]?.value.k === 'str' && y.args[1].value.parts[0] === '-');
    const deeper: Env = { ...env, depth: env.depth + 1 };
    const segs = steps.map((st) => (typeof st === 'string' ? [{ parts: [dashes ? st.replace(/_/g, '-') : st], ev: [{ file: env.facts.file, line: c.line, text: st }] }] : this.eval(st, deeper)));
    const parts = this.join(segs);
    const out: SinkResult[] = [];
    const mFacts = this.factsOf(method.file) ?? env.facts;
    for (const res of this.sinks(method, mFacts)) {
      const at = res.url.parts.findIndex((p) => typeof p !== 'string' && 'hole' in p && p.hole === grown);
      if (at < 0) continue;
      for (const seg of parts.slice(0, MAX_ALTS)) {
        const url: Val = { parts: [...res.url.parts.slice(0, at), ...seg.parts, ...res.url.parts.slice(at + 1)], ev: [...res.url.ev, ...seg.ev] };
        out.push({ ...res, url, file: env.facts.file, line: c.line, via: [`${method.cls}.${method.name} (${method.file}:${res.line})`, ...res.via] });
      }
    }
    return out.length ? out : null;
  }

  private emitSink(c: CallSite, sink: Sink, fn: FnDef, facts: FileFacts, env: Env, out: SinkResult[]): void {
    {
      // The URL is the first candidate argument that names a Commerce7 path (else one holding a parameter).
      const candidates = sink.urlVals ? [sink.urlVals] : sink.url.map((u) => uniq(this.eval(u, env)));
      // A candidate that is a method (a project function returning one: $this->verb($op)) is the method, not the URL.
      let argMethod: Val[] | null = null;
      if (!sink.method && candidates.length > 1) {
        const at = candidates.findIndex((vals) => vals.length > 0 && vals.every(isMethodVal));
        if (at >= 0) { argMethod = candidates[at]!; candidates.splice(at, 1); }
      }
      // A relative path counts on a client with a Commerce7 base: in a file that names one, on a receiver made with
      // one, or on a client-like receiver in a project that names one.
      const recvBase = !!c.recvExpr && this.receiverIsC7(c, env);
      // (The receiver's own base first: its line is the URL's base, wherever the file that names it is.)
      const strong = recvBase || !!c.recv && this.clientHasBase(c, env) || this.project.baseFiles.has(facts.file);
      if (sink.relativeOk && this.project.baseFiles.has(facts.file)) this.baseFilesUsed.add(facts.file);
      // 'strong' (an unknown first segment is reported) needs a client-like receiver too: `page.get("cursor")` is a dict.
      // A route attribute of a REST interface (Refit, RestEase: [Get("vendor")]) is a client's call by construction.
      const clientLike = recvBase || CLIENT_LIKE.test(c.recv) || /^(?:self\.class|self|this|\$this|Refit|)$/.test(c.recv);
      // A client named for Commerce7 ($this->commerce7Client autowired from YAML, Laravel's Http::commerce7($t) macro,
      // c7Api): its base is Commerce7's even where no file the audit reads names it.
      const named = C7_NAMED.test(c.recv.replace(/\((?:[^()]|\([^()]*\))*\)$/, ''));
      // A client made on another host (got.extend({ prefixUrl: ERP }), axios.create({ baseURL: process.env.CRM_URL })): its relative paths are that host's.
      const foreign = !!sink.relativeOk && !recvBase && !!c.recv && this.foreignClient(c.recv, env);
      const relativeOk: RelativeOk = !sink.relativeOk || foreign ? false : strong && clientLike ? 'strong' : strong || (this.project.baseFiles.size > 0 || named) && (clientLike || named) ? 'weak' : false;
      let urls = candidates.find((vals) => vals.some((v) => classify(v, { relativeOk }) !== null));
      // s.get("order") on a parameter s: the client the callers pass decides (a Session made with the base URL).
      let needsBase = !!sink.needsBase;
      const r0 = c.recvExpr;
      // (Not a URL built with a base of its own, `{base}/{path}`: a C# UriBuilder's, a helper's absolute Uri.)
      const ownBase = facts.grammar === 'c-sharp' && !!candidates[0]?.length && candidates[0].every((v) => {
        const ps = v.parts.filter((p) => p !== '');
        return typeof ps[0] !== 'string' && typeof ps[1] === 'string' && ps[1].startsWith('/');
      });
      if (!urls && !ownBase && sink.relativeOk && r0?.k === 'ref' && r0.simple && fn.params.includes(r0.name) && !/^(self|cls|this)$/.test(r0.name) && sink.url[0] && sink.url[0] !== r0) {
        const joined = this.join([this.eval(r0, env), candidates[0] ?? []]);
        if (joined.some(hasParam)) { urls = joined; needsBase = true; }
      }
      urls ??= candidates.find((vals) => vals.some(hasParam)) ?? candidates[0] ?? [];
      // On another host's client only a full Commerce7 URL counts; a path given by the caller must be one too.
      if (foreign) { urls = urls.filter((v) => hasParam(v) || isC7Based(v) || C7_URL.test(show(v))); needsBase = true; }
      const built = sink.method ? null : this.optionsMethod(c, env);
      const methods = sink.methodVals ?? (sink.method ? uniq(this.eval(sink.method, env)) : built ?? argMethod ?? [null]);
      for (const url of urls) for (const method of methods.filter((m, i) => i < 4 || m?.tags)) {
        if (!compatible(url, method)) continue;
        out.push({ url, method, defaultMethod: sink.defaultMethod, file: facts.file, line: c.line, via: [], relative: relativeOk, sink: sink.name, sinkFile: facts.file, sinkLine: c.line, ...(needsBase ? { needsBase } : {}), ...(sink.unrecognised ? { unrecognisedLibrary: sink.name } : {}) });
      }
    }
  }

  /**
   * A call of a name bound to a curried helper's first call (`const call = c7(tenant); call('/order', init)`): the
   * helper called with both argument lists.
   */
  /**
   * Python's functools.partial: `get = partial(session.request, "GET")` (a local, a module name or a field set in the
   * class, `self._get`), then `get(url)` is `session.request("GET", url)`.
   */
  private unpartial(c: CallSite, env: Env): CallSite {
    if (env.facts.grammar !== 'python' || c.recv && !/^(?:self|cls)$/.test(c.recv)) return c;
    let defs: Expr[] | undefined;
    if (!c.recv) defs = env.fn.locals.get(c.fn) ?? env.facts.defs.get(c.fn);
    else if (env.fn.cls) defs = this.classIndex().get(env.fn.cls)?.map((x) => x.fields[c.fn]).filter((x): x is Expr => !!x);
    const made = defs?.length === 1 ? defs[0] : undefined;
    if (made?.k !== 'call' || made.fn !== 'partial' || !/^(?:|functools)$/.test(made.recv)) return c;
    const [target, ...bound] = made.args;
    if (!target || target.key || target.value.k !== 'ref') return c;
    const text = target.value.text;
    const dot = text.lastIndexOf('.');
    const recv = dot < 0 ? '' : text.slice(0, dot);
    const recvExpr: Expr | undefined = recv ? { k: 'ref', name: recv.replace(/^.*\./, ''), text: recv, line: made.line, simple: !recv.includes('.') } : undefined;
    return { ...c, fn: dot < 0 ? text : text.slice(dot + 1), recv, ...(recvExpr ? { recvExpr } : {}), args: [...bound, ...c.args] };
  }

  private uncurry(c: CallSite, env: Env): CallSite {
    if (c.recv || !/^[A-Za-z_$][\w$]*$/.test(c.fn) || env.fn.params.includes(c.fn)) return c;
    const defs = env.fn.locals.get(c.fn) ?? env.facts.defs.get(c.fn);
    const made = defs?.length === 1 ? defs[0] : undefined;
    if (made?.k !== 'call' || made.recv) return c;
    const target = this.resolveFn(made.fn, '', env.facts, (f) => f.curry !== undefined);
    if (!target || target.curry === undefined) return c;
    const outer = made.args.filter((a) => !a.key).slice(0, target.curry);
    while (outer.length < target.curry) outer.push({ value: { k: 'other', text: '?', line: c.line } });
    return { ...c, fn: made.fn, args: [...outer, ...c.args] };
  }

  /**
   * The last call of a chain (or a call on a name made by one) whose receiver is a builder on a Commerce7 base, of
   * any library: the request, with its path built by the chain (or given as the call's argument) and the method
   * named by the call, a verb step in the chain, or a `method` argument; else GET, reported as not seen.
   */
  private builderCall(c: CallSite, env: Env): Sink | null {
    const r = c.recvExpr;
    // A conversion of the URL built (new URL(…).toString()) is not a request: where it goes decides.
    // A setter as a statement ($client->setRawBody($b), req.setHeader(…)) configures the request; a later send makes it.
    // A send read on (`$client->send()->getBody()`) is the request all the same: the later calls read the response.
    if (!r || c.chained && !SEND_STEP.test(c.fn) || c.fnArg || r.k === 'str' || NOT_BUILDER.test(c.fn) || /^(?:set|add)(?:[A-Z_]|$)/.test(c.fn) || /^(toString|to_s|ToString|String|toJSON|href|freeze|encode|escape|strip|rstrip|trim|Trim|TrimEnd|build|Build|toURL|toUri|ToUri|parse|Parse)$/.test(c.fn) || ROUTE_RECV.test(c.recv) || NOT_CLIENT.test(c.recv)) return null;
    if (env.facts.grammar === 'c-sharp' && onRequestStream(c, env.fn.locals)) return null;
    // A configuration step (Flurl's WithHeader / WithBasicAuth / WithTimeout, withCredentials, Laravel's withHeaders)
    // sends nothing: a request configured so and returned is sent by its caller's verb.
    if (/^[Ww]ith[A-Z]\w*$/.test(c.fn)) return null;
    // A URL's own parts read without arguments (Ruby's uri.host, uri.port, uri.request_uri): the URL, not a request.
    if (URL_PART.test(c.fn) && !c.args.length) return null;
    // After a verb or a send the chain holds a response (the request was counted there): (await c.SendAsync(r)).EnsureSuccess().
    if (r.k === 'call' && (VERB.test(r.fn) || SEND_STEP.test(r.fn) || REQUEST_FN.test(r.fn))) return null;
    // A request made by a constructor the audit counts (Typhoeus::Request.new(url, opts).run): counted where it is made.
    if (r.k === 'call' && r.fn === 'new' && /Request$/.test(r.recv) && detectSink({ ...r, fnArg: false }, env.fn)) return null;
    // The same for a response kept in a variable: var gone = await http.DeleteAsync(url); gone.EnsureSuccessStatusCode().
    if (r.k === 'ref' && r.simple) {
      const defs = env.fn.locals.get(r.name) ?? [];
      if (defs.length && defs.every((d) => d.k === 'call' && (VERB.test(d.fn) || SEND_STEP.test(d.fn)) && !!d.recv)) return null;
    }
    const madeByCall = r.k === 'call' || r.k === 'ref' && r.simple && [...(env.fn.locals.get(r.name) ?? []), ...(env.facts.defs.get(r.name) ?? [])].some((d) => d.k === 'call');
    if (!madeByCall || this.isDataReceiver(c, env)) return null;
    const owner = this.eval(r, { ...env, depth: env.depth + 2 }).filter(isC7Based);
    // A request described by an options object with its url and method: apisauce's c7.any({ method, url }); on a
    // client whose base the audit cannot fold (config.c7.baseURL from another file), a relative path as a verb's.
    const o = c.args.find((a) => !a.key)?.value;
    const optsUrl = o?.k === 'obj' && o.entries.some((en) => METHOD_KEY.test(en.key)) ? o.entries.find((en) => URL_KEY.test(en.key))?.value : undefined;
    if (!owner.length && optsUrl && stringy(optsUrl) && (this.receiverIsC7(c, env) || this.clientHasBase(c, env) || this.project.baseFiles.size > 0 && CLIENT_LIKE.test(c.recv))) return { name: `${c.fn} (a request builder)`, url: [optsUrl], method: keyed(c, METHOD_KEY) ?? null, defaultMethod: null, relativeOk: true };
    if (!owner.length) return null;
    const methodOfChain = (): Expr | null => {
      const verb = VERB.exec(c.fn);
      if (verb) return { k: 'str', parts: [verb[1]!.toLowerCase() === 'del' ? 'DELETE' : verb[1]!.toUpperCase()], line: c.line };
      const own = keyed(c, METHOD_KEY) ?? c.args.map((a) => a.value).find(isMethodExpr);
      if (own) return own;
      // req.Method = "PATCH" on the request the chain's root names: var req = WebRequest.Create(url); req.GetResponse().
      const root = ((x: Expr): Expr => { while (x.k === 'call' && x.recvExpr) x = x.recvExpr; return x; })(r);
      const assigned = root.k === 'ref' && root.simple ? env.fn.locals.get(`${root.name}.method`)?.[0] : undefined;
      if (assigned) return assigned;
      // A request object made by a call given the method ($c = $this->client('PUT', $path); $c->send()).
      const made = root.k === 'ref' && root.simple ? env.fn.locals.get(root.name)?.find((d): d is Extract<Expr, { k: 'call' }> => d.k === 'call') : undefined;
      const madeWith = made?.args.find((a) => a.key && METHOD_KEY.test(a.key))?.value ?? made?.args.find((a) => !a.key && isMethodExpr(a.value))?.value;
      if (madeWith) return madeWith;
      for (let x: Expr | undefined = r; x?.k === 'call'; x = x.recvExpr) {
        const v = VERB.exec(x.fn);
        if (v && !/^request_/.test(x.fn)) return { k: 'str', parts: [v[1]!.toLowerCase() === 'del' ? 'DELETE' : v[1]!.toUpperCase()], line: x.line };
        if (/^(method|Method|verb|Verb|setMethod|SetMethod|withMethod|WithMethod|http_method)$/.test(x.fn) && x.args[0]) return x.args[0].value;
        // The request object the chain started from names it: Typhoeus::Request.new(url, method: :put).run.
        const named = x.args.find((a) => a.key && METHOD_KEY.test(a.key))?.value ?? x.args.find((a) => !a.key && isMethodExpr(a.value))?.value;
        if (named) return named;
      }
      return null;
    };
    // A path argument (a literal or built from one) joins the receiver; else the URL is the one the chain built.
    // A send of (method, path, options) names its path by a variable too: $client->send($method, $path, $opts).
    const pathArg = (VERB.test(c.fn) || SEND_STEP.test(c.fn)) ? c.args.find((a) => !a.key && ((a.value.k === 'str' || a.value.k === 'cat' || a.value.k === 'fmt') && startsLiteral(a.value)
      || a.value.k === 'ref' && a.value.simple && PATH_NAME.test(a.value.name)))?.value
      : optsUrl;
    const url: Expr = pathArg ? { k: 'call', fn: 'join', recv: 'path', args: [{ value: r }, { value: pathArg }], line: c.line } : r;
    // .NET's WebRequest.Create(url): an HttpWebRequest whose Method is "GET" until set.
    const root = ((x: Expr): Expr => { while (x.k === 'call' && x.recvExpr) x = x.recvExpr; return x; })(r);
    const webRequest = root.k === 'ref' && root.simple && (env.fn.locals.get(root.name) ?? []).some((d) => d.k === 'call' && /^(?:Create|CreateHttp)$/.test(d.fn) && /^(?:System\.Net\.)?(?:Http)?WebRequest$/.test(d.recv));
    return { name: `${c.fn} (a request builder)`, url: [url], method: methodOfChain(), defaultMethod: webRequest ? 'GET' : null, relativeOk: false };
  }

  /**
   * Options made by a project function: request($url, c7_args('POST', $body)) where c7_args returns an array or
   * object literal (directly or through a local) whose method is one of its parameters or a literal.
   */
  private optionsMethod(c: CallSite, env: Env): Val[] | null {
    for (const a of c.args) {
      const v = a.value;
      // A function, the object's own method ($this->args('PUT', $body), self._opts('DELETE')) or a module's or class's
      // (Ruby's C7T.options(:delete), PHP's Api::opts('PUT')).
      if (v.k !== 'call' || v.recv && !/^(?:\$this|this|self|static|cls|@)$|^[A-Z]\w*(?:(?:::|\.)[A-Z]\w*)*$/.test(v.recv)) continue;
      const target = this.resolveFn(v.fn, v.recv, env.facts, (f) => f.returns.length > 0);
      if (!target) continue;
      for (const r of target.returns) {
        const obj = r.k === 'obj' ? r : r.k === 'ref' && r.simple ? target.locals.get(r.name)?.find((x) => x.k === 'obj') : undefined;
        const m = obj?.k === 'obj' ? obj.entries.find((en) => METHOD_KEY.test(en.key))?.value : undefined;
        if (!m) continue;
        const bindings = this.bind(target, v.args, '', { ...env, depth: env.depth + 1 });
        const tf = this.factsOf(target.file) ?? env.facts;
        const vals = uniq(this.eval(m, { facts: tf, fn: target, bindings, depth: env.depth + 1, stack: new Set([`fn:${target.name}`]) }));
        if (vals.length) return vals;
      }
    }
    return null;
  }

  /** Does the receiver's value start with a Commerce7 base (a client made with one, returned by a factory)? */
  private receiverIsC7(c: CallSite, env: Env): boolean {
    const r = c.recvExpr;
    if (!r || r.k === 'str' || isLibraryCall(c)) return false;
    if (r.k === 'ref' && !r.simple && !r.of && !/^(?:self|this|@|\$this)/.test(r.text)) return false;
    const vals = this.eval(r, { ...env, depth: env.depth + 4 }).filter(isC7Based);
    this.noteBase(vals);
    return vals.length > 0;
  }

  /** A receiver defined only as what a declared API method returns (page = c7.customers(…)): a response's get is a dict's. */
  private isStubResult(c: CallSite, env: Env): boolean {
    const r = c.recvExpr;
    if (!this.hasStubs() || r?.k !== 'ref' || !r.simple) return false;
    const defs = env.fn.locals.get(r.name) ?? env.facts.defs.get(r.name);
    return !!defs?.length && defs.every((d) => d.k === 'call' && !!d.recv && !!this.resolveFn(d.fn, d.recv, env.facts, (f) => !!f.stub));
  }

  /**
   * A receiver defined only as what project functions return, each returning a decoded response body (`return await
   * r.json()`, `resp.json()`, `json.loads(r.text)`): data, not a client.
   */
  private isResponseResult(c: CallSite, env: Env): boolean {
    const r = c.recvExpr;
    if (r?.k !== 'ref' || !r.simple) return false;
    const defs = env.fn.locals.get(r.name);
    if (!defs?.length) return false;
    return defs.every((d) => {
      const call = d.k === 'call' && d.fn === 'await' && d.args[0]?.value.k === 'call' ? d.args[0].value : d;
      if (call.k !== 'call') return false;
      const target = this.resolveFn(call.fn, call.recv, env.facts, (f) => f.returns.length > 0);
      return !!target && target.returns.every((x) => DECODED.test(x.k === 'call' ? x.fn : '') || x.k === 'call' && x.fn === 'await' && x.args[0]?.value.k === 'call' && DECODED.test(x.args[0].value.fn));
    });
  }

  /** A receiver that is data, not a client: a dict/hash/map literal, or a name defined only as one. */
  private isDataReceiver(c: CallSite, env: Env): boolean {
    const r = c.recvExpr;
    if (!r) return false;
    if (r.k === 'obj' || r.k === 'list') return true;
    if (r.k !== 'ref' || !r.simple) return false;
    const defs = env.fn.locals.get(r.name) ?? env.facts.defs.get(r.name);
    // (Go's make(map…) is a map; a class's static factory, C7Client::make($cfg), is whatever it returns.)
    return !!defs?.length && defs.every((d) => d.k === 'obj' || d.k === 'list' || d.k === 'call' && (DATA_MAKER.test(d.fn) && !(d.fn === 'make' && d.recv) || d.fn === 'new' && DATA_MAKER.test(d.recv)));
  }

  /**
   * ServiceStack: client.Get(new ListVendors { … }) / client.Put(new UpdateVendor { Id = id }) sends the DTO to the
   * route its class declares ([Route("/vendor/{Id}", "PUT")], extract.ts): the call with that path in the DTO's place.
   */
  private routedDto(c: CallSite, env: Env): CallSite {
    if (!VERB.test(c.fn) && !/^(?:Send|SendAsync)$/.test(c.fn)) return c;
    const i = c.args.findIndex((a) => !a.key);
    const dto = i >= 0 ? c.args[i]!.value : undefined;
    if (dto?.k !== 'call' || dto.recv || !/^[A-Z]\w*$/.test(dto.fn)) return c;
    const route = (env.facts.defs.get(`\u0000route:${dto.fn}`) ?? this.nearest(this.project.defs, `\u0000route:${dto.fn}`, env.facts.file).map((d) => d.expr))[0];
    if (!route) return c;
    return { ...c, args: c.args.map((a, j) => (j === i ? { value: { ...route, line: c.line } } : a)) };
  }

  /**
   * A client instance called as a function: c7 = ofetch.create({ baseURL }), store = ky.create({ prefixUrl }),
   * api = axios.create({ baseURL }); c7('/order', { method: 'PUT' }) is a request to the base joined with the path.
   */
  private clientCall(c: CallSite, env: Env): Sink | null {
    if (c.recv || !c.args.length || !/^[A-Za-z_$][\w$]*$/.test(c.fn)) return null;
    const defs = [...(env.fn.locals.get(c.fn) ?? []), ...(env.facts.defs.get(c.fn) ?? [])];
    if (!defs.length) defs.push(...this.nearest(this.project.defs, c.fn, env.facts.file).slice(0, 4).map((d) => d.expr));
    // const c7 = require('./c7'), whose module.exports = c7 = axios.create({ baseURL }): the instance that file makes
    // (its base evaluated there).
    let baseEnv = env;
    if (!defs.some((d) => d.k === 'call' && d.fn !== 'require')) {
      for (const d of this.throughRequire(defs.map((expr) => ({ facts: env.facts, expr })))) {
        if (d.facts === env.facts) continue;
        const named = d.expr.k === 'ref' && d.expr.simple ? d.facts.defs.get(d.expr.name) ?? [] : [d.expr];
        const made = named.find((x) => x.k === 'call' && /^(create|extend|defaults|wretch)$/.test(x.fn));
        if (made) { defs.unshift(made); baseEnv = { facts: d.facts, fn: d.facts.top, depth: env.depth + 1, stack: env.stack }; break; }
      }
    }
    const maker = defs.find((d): d is Extract<Expr, { k: 'call' }> => d.k === 'call' && (/^(create|extend|defaults|wretch)$/.test(d.fn) || !!baseOfFetchWrapper(d)));
    // Else a name bound to what a project function returns (const c7 = useCommerce7()): a client when that value
    // is a Commerce7 base (the function returns a client made with one, kept in a variable or not).
    const made = maker ? undefined : defs.find((d): d is Extract<Expr, { k: 'call' }> => d.k === 'call' && !REQUEST_FN.test(d.fn) && !VERB.test(d.fn)
      && !!this.resolveFn(d.fn, d.recv, env.facts, (f) => f.returns.length > 0) && this.eval(d, { ...env, depth: env.depth + 2 }).some(isC7Based));
    if (!maker && !made) return null;
    const base = made ?? keyedIn(maker!.args, BASE_KEY) ?? (maker!.fn === 'wretch' ? maker!.args[0]?.value : undefined);
    if (!base || !made && this.foreignBase(this.eval(base, { ...baseEnv, depth: env.depth + 2 }))) return null;
    const first = c.args.find((a) => !a.key)?.value;
    // api({ method: 'get', ...opts }): the caller's url and method over the defaults (spreadOver).
    const over = first?.k === 'obj' && c.args.filter((a) => !a.key).length === 1 ? spreadOver(first, env.fn, c.line) : null;
    const urlKey = over?.url ?? (first?.k === 'obj' ? first.entries.find((en) => URL_KEY.test(en.key))?.value : undefined);
    const path = urlKey ?? first;
    if (!path || !stringy(path)) return null;
    if (baseEnv !== env) {
      // The base is the other file's: evaluated there (its evidence is that file's line), the path here.
      const baseVals = uniq(this.eval(base, { ...baseEnv, depth: env.depth + 1 }));
      this.noteBase(baseVals);
      const urlVals = this.join([baseVals, uniq(this.eval(path, { ...env, depth: env.depth + 1 }))]);
      if (over) return { name: c.fn, url: [], urlVals, method: over.method, defaultMethod: over.dflt, relativeOk: false };
      return { name: c.fn, url: [], urlVals, method: keyed(c, METHOD_KEY) ?? null, defaultMethod: 'GET', relativeOk: false };
    }
    const url: Expr = { k: 'call', fn: 'join', recv: 'path', args: [{ value: base }, { value: path }], line: c.line };
    if (over) return { name: c.fn, url: [url], method: over.method, defaultMethod: over.dflt, relativeOk: false };
    return { name: c.fn, url: [url], method: keyed(c, METHOD_KEY) ?? null, defaultMethod: 'GET', relativeOk: false };
  }

  /**
   * Airflow's HTTP provider (airflow.ts): HttpOperator(http_conn_id=…, endpoint=…, method=…), and run(endpoint) on an
   * HttpHook(method, http_conn_id) — made in place, kept in a name, or made by a project function whose result (or
   * an element of it: `hook, headers = _c7("POST")`) the name holds; the hook's method and connection are evaluated
   * where it is made, with that function's parameters bound at the call. Only a connection to Commerce7 counts.
   */
  private airflowCall(c: CallSite, env: Env): Sink | null {
    const operator = Object.hasOwn(AIRFLOW_OPERATORS, c.fn) ? AIRFLOW_OPERATORS[c.fn]! : null;
    let made: { method: Expr | undefined; conn: Expr | undefined; env: Env; dflt: HttpMethod } | null = null;
    let endpoint: Expr | undefined;
    if (operator) {
      made = { method: c.args.find((a) => a.key === 'method')?.value, conn: c.args.find((a) => a.key === 'http_conn_id')?.value, env, dflt: operator };
      endpoint = c.args.find((a) => a.key === 'endpoint')?.value;
    } else if (c.fn === 'run' && c.recvExpr) {
      made = this.airflowHook(c.recvExpr, env, 0);
      endpoint = c.args.find((a) => a.key === 'endpoint')?.value ?? c.args.find((a) => !a.key)?.value;
    }
    if (!made) return null;
    const conns = this.project.airflowConns!;
    const ids = made.conn ? this.eval(made.conn, { ...made.env, depth: made.env.depth + 1 }) : [text('http_default')];
    const conn = ids.map((v) => (v.parts.every((p) => typeof p === 'string') ? conns.get(v.parts.join('').toLowerCase()) : undefined)).find((x) => !!x);
    if (!conn) return null;
    const base: Val = { parts: [conn.base], ev: [{ file: conn.file, line: conn.line, text: conn.text }] };
    const path = endpoint ? uniq(this.eval(endpoint, { ...env, depth: env.depth + 1 })) : [text('')];
    const urlVals = endpoint ? this.join([[base], path]) : [base];
    const methodVals = made.method ? uniq(this.eval(made.method, { ...made.env, depth: made.env.depth + 1 })) : undefined;
    return { name: operator ? c.fn : 'HttpHook.run', url: [], urlVals, ...(methodVals?.length ? { methodVals } : {}), method: null, defaultMethod: made.dflt, relativeOk: false };
  }

  /** Where an Airflow HttpHook the expression holds was made: its method and connection arguments, and their place. */
  private airflowHook(e: Expr, env: Env, depth: number): { method: Expr | undefined; conn: Expr | undefined; env: Env; dflt: HttpMethod } | null {
    if (depth > 4 || env.depth > MAX_DEPTH) return null;
    if (e.k === 'elem') return this.airflowHook(e.iter, env, depth + 1);
    if (e.k === 'ref' && e.simple) {
      for (const d of env.fn.locals.get(e.name) ?? env.facts.defs.get(e.name) ?? []) {
        const hit = d !== e ? this.airflowHook(d, env, depth + 1) : null;
        if (hit) return hit;
      }
      return null;
    }
    if (e.k !== 'call') return null;
    if (AIRFLOW_HOOK.test(e.fn)) {
      const positional = e.args.filter((a) => !a.key);
      return { method: e.args.find((a) => a.key === 'method')?.value ?? positional[0]?.value, conn: e.args.find((a) => a.key === 'http_conn_id')?.value ?? positional[1]?.value, env, dflt: 'POST' };
    }
    // A project function that makes the hook (and returns it, alone or in a tuple).
    const target = this.resolveFn(e.fn, e.recv, env.facts, (f) => f.calls.some((x) => AIRFLOW_HOOK.test(x.fn)));
    if (!target || env.stack.has(`fn:${target.name}`)) return null;
    const inner: Env = {
      facts: this.factsOf(target.file) ?? env.facts, fn: target, bindings: this.bind(target, e.args, e.recv, { ...env, depth: env.depth + 1 }),
      depth: env.depth + 1, stack: new Set([...env.stack].filter((k) => k.startsWith('fn:'))).add(`fn:${target.name}`),
    };
    for (const [, defs] of target.locals) for (const d of defs) if (d.k === 'call' && AIRFLOW_HOOK.test(d.fn)) return this.airflowHook(d, inner, depth + 1);
    for (const r of target.returns) {
      const hit = this.airflowHook(r, inner, depth + 1);
      if (hit) return hit;
    }
    return null;
  }

  /**
   * A client made from a route contract and a base (ts-rest's `initClient(contract, { baseUrl })`, any factory of that
   * shape): `client.name(…)` is the contract's entry `name: { method, path }` on that base. Only the entries called count.
   */
  private contractCall(c: CallSite, env: Env): Sink | null {
    const r = c.recvExpr;
    if (r?.k !== 'ref' || !r.simple || c.fnArg || !/^[A-Za-z_$][\w$]*$/.test(c.fn) || VERB.test(c.fn)) return null;
    const defs = env.fn.locals.get(r.name) ?? env.facts.defs.get(r.name);
    const made = defs?.find((d): d is Extract<Expr, { k: 'call' }> => d.k === 'call' && d.args.length >= 2);
    if (!made) return null;
    const base = keyedIn(made.args, BASE_KEY);
    if (!base || !this.eval(base, { ...env, depth: env.depth + 1 }).some(isC7Based)) return null;
    for (const a of made.args) {
      if (a.key || a.value.k === 'obj' && a.value.entries.some((en) => BASE_KEY.test(en.key))) continue;
      const entry = this.contractEntry(a.value, c.fn, env.facts, 0);
      const path = entry?.entries.find((en) => /^(path|url|uri|route)$/.test(en.key))?.value;
      if (!entry || !path) continue;
      const method = entry.entries.find((en) => METHOD_KEY.test(en.key))?.value ?? null;
      const url: Expr = { k: 'call', fn: 'join', recv: 'path', args: [{ value: base }, { value: path }], line: c.line };
      return { name: `${c.fn} (a route contract's entry)`, url: [url], method, defaultMethod: 'GET', relativeOk: false };
    }
    return null;
  }

  /** The entry `name` of a route table: an object literal, a name defined as one, or one wrapped by a call (`c.router({…})`). */
  private contractEntry(e: Expr, name: string, facts: FileFacts, depth: number): Extract<Expr, { k: 'obj' }> | null {
    if (depth > 3) return null;
    if (e.k === 'obj') {
      const v = e.entries.find((en) => en.key === name)?.value;
      return v?.k === 'obj' ? v : null;
    }
    if (e.k === 'call') {
      const inner = e.args.find((a) => !a.key && a.value.k === 'obj')?.value;
      return inner ? this.contractEntry(inner, name, facts, depth + 1) : null;
    }
    if (e.k === 'ref' && e.simple) {
      let defs = this.throughRequire((facts.defs.get(e.name) ?? []).map((expr) => ({ facts, expr })));
      if (!defs.length) defs = this.nearest(this.project.defs, e.name, facts.file).slice(0, 4);
      for (const d of defs) {
        const hit = this.contractEntry(d.expr, name, d.facts, depth + 1);
        if (hit) return hit;
      }
    }
    return null;
  }

  /**
   * Is a base another host's: every value a URL of another host, or a setting (an environment variable, a config
   * key) whose name says nothing of Commerce7 and that no project file sets to Commerce7's URL (ERP_URL, CRM_BASE)?
   */
  private foreignBase(vals: Val[]): boolean {
    if (!vals.length) return false;
    return vals.every((v) => {
      if (isC7Based(v)) return false;
      const p0 = v.parts.find((p) => typeof p !== 'string' || p.trim() !== '');
      if (typeof p0 === 'string') return /^\s*https?:\/\/[^/\s]/i.test(p0) && !C7_URL.test(p0);
      // CRM_URL, erpBaseUrl, SHOPIFY_API: another host's by name; a bare base_uri, baseUrl or api_url (a config
      // key, a parameter) names no host at all.
      return !!p0 && 'hole' in p0 && /^[A-Za-z_][\w]*$/.test(p0.hole) && /(?:url|uri|base|host|endpoint|api|root|origin)/i.test(p0.hole)
        && !BASE_NAME.test(p0.hole) && !/c7|commerce7/i.test(p0.hole) && !this.project.baseKeys?.has(p0.hole)
        && p0.hole.replace(/url|uri|base|host|endpoint|api|root|origin|prefix|address|default|config|http|https|[_\W\d]/gi, '') !== '';
    });
  }

  private foreignCache = new Map<string, boolean>();
  /** Is the receiver (a name) a client made by a factory with a base URL of another host (see foreignBase)? Once per function and name. */
  private foreignClient(recv: string, env: Env): boolean {
    const name = /^[A-Za-z_$][\w$]*$/.exec(recv.replace(/^(?:this\.|self\.|\$this->|@)/, '').replace(/^\$/, ''))?.[0];
    if (!name) return false;
    const key = `${env.facts.file}\0${env.fn.line}:${env.fn.name}\0${name}`;
    const known = this.foreignCache.get(key);
    if (known !== undefined) return known;
    const yes = this.foreignMaker(name, env);
    this.foreignCache.set(key, yes);
    return yes;
  }

  private foreignMaker(name: string, env: Env): boolean {
    const defs = [...(env.fn.locals.get(name) ?? []), ...(env.facts.defs.get(name) ?? [])];
    if (!defs.length) defs.push(...this.nearest(this.project.defs, name, env.facts.file).slice(0, 4).map((d) => d.expr));
    const makers = defs.filter((d): d is Extract<Expr, { k: 'call' }> => d.k === 'call' && CLIENT_MAKER.test(d.fn));
    if (!makers.length || makers.length !== defs.length) return false;
    return makers.every((d) => {
      const base = keyedIn(d.args, BASE_KEY);
      return !!base && this.foreignBase(this.eval(base, { ...env, depth: env.depth + 2 }));
    });
  }

  /** Is the receiver a client made with a Commerce7 base URL (axios.create({ baseURL }), Faraday.new(url:), new RestClient(base))? */
  private clientHasBase(c: CallSite, env: Env): boolean {
    const name = /([A-Za-z_]\w*)\W*$/.exec(c.recv.replace(/\(\)$/, ''))?.[1];
    if (!name) return false;
    // (this.http set in the constructor, or a field initializer, of the method's class or a class it extends.)
    const field = env.fn.cls && /^(?:this\.#?|self\.|@|\$this->)\w+$/.test(c.recv)
      ? this.ancestry(env.fn.cls).flatMap((cls) => (this.classIndex().get(cls) ?? []).map((x) => x.fields[name]).filter((x): x is Expr => !!x)) : [];
    const defs = [...field, ...(env.fn.locals.get(name) ?? []), ...(env.facts.defs.get(name) ?? []), ...this.nearest(this.project.defs, name, env.facts.file).map((d) => d.expr)];
    const BASE_ARG = /^(baseURL|baseUrl|base_url|base_uri|url|prefixUrl|BaseAddress|BaseUrl|baseUri|host)$/;
    for (const d of defs.slice(0, 6)) {
      if (d.k !== 'call') continue;
      // A client a project factory makes (C7Client::make($config['commerce7']) returning new Client(['base_uri' =>
      // $cfg['base_uri'], …])): the base it is made with, the factory's parameters bound from this call.
      const factory = !keyedIn(d.args, BASE_ARG) && env.depth < MAX_DEPTH ? this.resolveFn(d.fn, d.recv, env.facts, (f) => f.returns.some((r) => r.k === 'call' && !!keyedIn(r.args, BASE_ARG))) : undefined;
      if (factory) {
        const tf = this.factsOf(factory.file) ?? env.facts;
        const inner: Env = { facts: tf, fn: factory, bindings: this.bind(factory, d.args, d.recv, { ...env, depth: env.depth + 1 }), depth: env.depth + 2, stack: env.stack };
        const made = factory.returns.flatMap((r) => (r.k === 'call' ? [keyedIn(r.args, BASE_ARG)] : [])).filter((x): x is Expr => !!x);
        const vals = made.flatMap((b) => this.eval(b, inner).flatMap((v) => (hasParam(v) ? this.subst(v, inner.bindings!) : [v])));
        if (vals.some((v) => C7_URL.test(show(v)) || v.parts.some((p) => typeof p !== 'string' && 'hole' in p && p.base))) { this.noteBase(vals); return true; }
        continue;
      }
      const base = keyedIn(d.args, BASE_ARG) ?? d.args.find((a) => !a.key)?.value;
      if (!base) continue;
      const vals = this.eval(base, { ...env, depth: env.depth + 1 });
      if (vals.some((v) => C7_URL.test(show(v)) || v.parts.some((p) => typeof p !== 'string' && 'hole' in p && p.base))) { this.noteBase(vals); return true; }
    }
    return false;
  }

  private helperCache = new Map<FnDef, boolean>();
  /** Does the function reach an HTTP call whose path or method is one of its parameters? */
  private isHelper(fn: FnDef): boolean {
    const known = this.helperCache.get(fn);
    if (known !== undefined) return known;
    this.helperCache.set(fn, false);
    const facts = this.factsOf(fn.file);
    // (A method of a class whose constructor, or an ancestor's, sets fields: bound from the object it is called on.)
    const yes = !!facts && (fn.params.length > 0 || !!this.ctorOf(fn)?.fields?.size || this.isExtended(fn.cls)
      || !!fn.cls && this.ancestry(fn.cls).slice(1).some((c) => !!this.ctorFor(c, fn.file)?.fields?.size) || !!fn.cls && (facts.grammar === 'ruby' || facts.grammar === 'c-sharp')) && this.sinks(fn, facts).some((r) => hasParam(r.url) || (r.method !== null && hasParam(r.method)))
      || !!facts && !!fn.name && this.sinks(fn, facts).some((r) => r.declared);
    this.helperCache.set(fn, yes);
    return yes;
  }

  /** A shell function whose call reads a name this command's environment sets (`VERB=PUT c7`): a helper for it. */
  private readsShellEnv(f: FnDef, c: CallSite): boolean {
    if (!c.args.some((a) => a.key?.startsWith('$'))) return false;
    const facts = this.factsOf(f.file);
    if (facts?.grammar !== 'bash') return false;
    const names = new Set(c.args.flatMap((a) => (a.key?.startsWith('$') ? [a.key.slice(1)] : [])));
    return this.sinks(f, facts).some((r) => namesHole(r.url, names) || !!r.method && namesHole(r.method, names));
  }

  /** `NAME=value helper …` (shell): the values the command's environment gives the names the helper reads. */
  private shellEnv(c: CallSite, env: Env): Map<string, Val[]> | null {
    const set = c.args.filter((a) => a.key?.startsWith('$'));
    if (!set.length) return null;
    return new Map(set.map((a) => [a.key!.slice(1), this.eval(a.value, { ...env, depth: env.depth + 1 })]));
  }

  /**
   * A class setting read in a class's method (Ruby's `collection_path` after `self.collection_path = "order"` in each
   * subclass, ActiveResource-style): the setting of the class the method is called on (`Order.find(id)`), a
   * parameter of the method's summary until a call names the class (see bind's '@cls' and subst).
   */
  private classSetting(e: Extract<Expr, { k: 'ref' }>, env: Env): Val[] | null {
    if (!env.fn.cls || env.facts.grammar !== 'ruby') return null;
    // The bare name, self.name, or the class's own @name (a macro's storage).
    const name = /^(?:self\.|@)?([a-z_]\w*)$/.exec(e.text)?.[1];
    if (!name || !this.classSettingNames().has(name)) return null;
    const cls = env.bindings?.get('@cls')?.[0]?.parts[0];
    if (typeof cls === 'string') return this.settingOf(cls, name, env.facts.file);
    if (env.bindings) return null;
    return [{ parts: [{ param: `@cls.${name}\u0000${env.facts.file}` }], ev: [] }];
  }

  /**
   * C#: a member a base class's method reads by name (`Path` in C7ResourceApi.UpdateAsync) that the class does not
   * define but subclasses do (`protected override string Path => "collection"`): the member of the class the method is
   * called on (`collections.UpdateAsync` on a CollectionsApi, bindPrimary's '@cls'), every subclass's until then.
   */
  private optionsMember(e: Extract<Expr, { k: 'ref' }>, env: Env): Val[] | null {
    if (env.facts.grammar !== 'c-sharp' || !env.fn.cls || env.depth >= MAX_DEPTH) return null;
    const primary = env.facts.primary?.get(env.fn.cls)?.params;
    if (!primary?.some((p) => p.of)) return null;
    const optionsOf = (name: string) => primary.find((p) => p.name === name)?.of;
    let of: string | undefined;
    let member: string | undefined;
    const m = /^(\w+)\.(?:Value|CurrentValue)\.(\w+)$/.exec(e.text);
    if (m && !env.fn.locals.has(m[1]!)) [of, member] = [optionsOf(m[1]!), m[2]];
    // (Or a local or field set to it: `var o = ss.Value;` / `private readonly C7Options _c7 = c7.Value;`, then o.BaseUrl.)
    const held = m ? null : /^(?:this\.)?(\w+)\.(\w+)$/.exec(e.text);
    if (held) {
      const defs = env.fn.locals.get(held[1]!) ?? this.classIndex().get(env.fn.cls)?.map((c) => c.fields[held[1]!]).filter((x): x is Expr => !!x) ?? [];
      const read = defs.map((d) => (d.k === 'ref' ? /^(\w+)\.(?:Value|CurrentValue)$/.exec(d.text)?.[1] : undefined)).find(Boolean);
      if (read) [of, member] = [optionsOf(read), held[2]];
    }
    if (!of || !member) return null;
    const defs = this.nearest(this.project.defs, `${of}.${member}`, env.facts.file);
    if (!defs.length) return null;
    return uniq(defs.slice(0, 4).flatMap((d) => this.eval(d.expr, { facts: d.facts, fn: d.facts.top, depth: env.depth + 1, stack: env.stack })));
  }

  private csMember(e: Extract<Expr, { k: 'ref' }>, env: Env): Val[] | null {
    if (env.facts.grammar !== 'c-sharp' || !e.simple || !env.fn.cls || env.fn.params.includes(e.name) || env.fn.locals.has(e.name)) return null;
    if (this.nearest(this.project.defs, `${env.fn.cls}.${e.name}`, env.facts.file).length) return null;
    const defs = this.nearest(this.project.defs, e.name, env.facts.file);
    if (defs.length < 2) return null;
    const cls = env.bindings?.get('@cls')?.[0]?.parts[0];
    if (typeof cls === 'string') return this.settingOf(cls, e.name, env.facts.file);
    if (env.bindings) return null;
    return [{ parts: [{ param: `@cls.${e.name}\u0000${env.facts.file}` }], ev: [] }];
  }

  /**
   * A method a Ruby model class declares as a route in its body (Flexirest / ActiveRestClient: `get :all, "/product"`,
   * `put :save, "/product/:id"`): `C7::Product.all(…)`, or `product.save` on what `C7::Product.find` returned, sends it.
   * Only the declarations called count.
   */
  private declaredRoute(c: CallSite, env: Env): Sink | null {
    if (env.facts.grammar !== 'ruby' || !c.recvExpr || c.fnArg) return null;
    let cls = /(?:^|::)([A-Z]\w*)$/.exec(c.recv)?.[1];
    const r = c.recvExpr;
    if (!cls && r.k === 'ref' && r.simple) {
      const made = (env.fn.locals.get(r.name) ?? env.facts.defs.get(r.name) ?? []).find((d): d is Extract<Expr, { k: 'call' }> => d.k === 'call' && /(?:^|::)[A-Z]\w*$/.test(d.recv));
      cls = made ? /(?:^|::)([A-Z]\w*)$/.exec(made.recv)?.[1] : undefined;
    }
    if (!cls) return null;
    const decl = this.nearest(this.project.defs, `${cls}#${c.fn}`, env.facts.file)[0]?.expr;
    if (decl?.k !== 'call' || !decl.args[0]) return null;
    return { name: `${cls}.${c.fn} (a declared route)`, url: [decl.args[0].value], method: { k: 'str', parts: [decl.fn.toUpperCase()], line: decl.line }, defaultMethod: null, relativeOk: true };
  }

  /**
   * Python's apiron: a `Service` subclass with a `domain` and endpoints as class attributes (`gift_cards =
   * JsonEndpoint(path="/v1/gift-card", default_method="POST")`), each called by name (`Commerce7.gift_cards(…)`) with
   * the endpoint's method (GET unless it says, or the call's `method=`). Only the endpoints called count.
   */
  private apironCall(c: CallSite, env: Env): Sink | null {
    if (env.facts.grammar !== 'python' || !/^[A-Z]\w*$/.test(c.recv)) return null;
    const index = this.classIndex();
    let endpoint: { expr: Expr; facts: FileFacts } | undefined;
    let domain: { expr: Expr; facts: FileFacts } | undefined;
    let service = false;
    for (let k: string | undefined = c.recv, i = 0; k && i < 6; i++) {
      const defs = index.get(k);
      const own = defs?.find((x) => c.fn in x.fields);
      if (own) endpoint ??= { expr: own.fields[c.fn]!, facts: own.facts };
      const dom = defs?.find((x) => 'domain' in x.fields);
      if (dom) domain ??= { expr: dom.fields.domain!, facts: dom.facts };
      k = defs?.[0]?.base;
      if (k === 'Service') service = true;
    }
    const e = endpoint?.expr;
    if (!service || !domain || e?.k !== 'call' || !/^(?:Json|Streaming)?Endpoint$/.test(e.fn)) return null;
    const path = e.args.find((a) => a.key === 'path')?.value ?? e.args.find((a) => !a.key)?.value;
    if (!path) return null;
    const at = (d: { facts: FileFacts }): Env => ({ facts: d.facts, fn: d.facts.top, depth: env.depth + 1, stack: env.stack });
    const base = this.eval(domain.expr, at(domain)).filter(isC7Based);
    if (!base.length) return null;
    const urlVals = product([base, this.eval(path, at(endpoint!))]);
    const given = c.args.find((a) => a.key === 'method')?.value;
    const declared = e.args.find((a) => a.key === 'default_method')?.value;
    const methodVals = given ? uniq(this.eval(given, env)) : declared ? uniq(this.eval(declared, at(endpoint!))) : [text('GET')];
    return { name: `${c.recv}.${c.fn} (an apiron endpoint)`, url: [], urlVals, methodVals, method: null, defaultMethod: 'GET', relativeOk: false };
  }

  /**
   * A Ruby REST ORM's model (ruby-orm.ts: Her, Spyke, ActiveResource): `Club.all`, `ClubMembership.find(id)`,
   * `m = Model.find(id); m.save` (a PUT; on `Model.new(…)` a POST), on the collection path its class body sets, only
   * where the API its configuration names is Commerce7's. A method the project's model defines itself is its own.
   */
  private ormCall(c: CallSite, env: Env): Sink | null {
    if (env.facts.grammar !== 'ruby' || !c.recvExpr) return null;
    let cls = /(?:^|::)([A-Z]\w*)$/.exec(c.recv)?.[1];
    let instance: 'found' | 'made' | null = null;
    const r = c.recvExpr;
    if (!cls && r.k === 'ref' && r.simple && Object.hasOwn(ORM_INSTANCE_CALLS, c.fn)) {
      for (const d of env.fn.locals.get(r.name) ?? (env.fn === env.facts.top ? env.facts.defs.get(r.name) : undefined) ?? []) {
        // (A block's variable over a finder's records, `Model.where(…).each do |m|`, was found too.)
        const made = d.k === 'elem' ? d.iter : d;
        // Through a relation's steps only (Model.where(…).first): `Model.find(id).attributes` is a Hash, not a record.
        let root: Expr = made;
        while (root.k === 'call' && root.recvExpr && !/(?:^|::)[A-Z]\w*$/.test(root.recv) && ORM_FINDERS.test(root.fn)) root = root.recvExpr;
        const named = root.k === 'call' ? /(?:^|::)([A-Z]\w*)$/.exec(root.recv)?.[1] : undefined;
        if (!named || root.k !== 'call') continue;
        if (root.fn === 'new' && d.k !== 'elem') { cls = named; instance = 'made'; break; }
        if (ORM_FINDERS.test(root.fn) || root.fn === 'create') { cls = named; instance = 'found'; break; }
      }
    }
    if (!cls) return null;
    const model = this.ormModel(cls, env.facts.file);
    if (!model) return null;
    let method: HttpMethod;
    let id: Val[] | null = null;
    if (instance) {
      const m = ORM_INSTANCE_CALLS[c.fn]!;
      method = m === 'save' ? (instance === 'made' ? 'POST' : 'PUT') : m;
      if (method !== 'POST') id = [hole('id')];
    } else {
      const spec = Object.hasOwn(ORM_CLASS_CALLS[model.lib], c.fn) ? ORM_CLASS_CALLS[model.lib][c.fn]! : null;
      if (!spec) return null;
      const first = c.args.find((a) => !a.key)?.value;
      method = spec.method;
      // ActiveResource's find(:all) / find(:first) reads the collection.
      if (spec.id && first && !(first.k === 'sym' && /^(?:all|first|last|one)$/.test(first.name))) id = this.eval(first, { ...env, depth: env.depth + 1 });
      else if (spec.id && !first) return null;
    }
    if (this.resolveFn(c.fn, c.recv, env.facts, (f) => f.cls === cls)) return null;
    const tail = id ? this.join([model.path, id]) : model.path;
    const urlVals = this.join([model.base, model.suffix ? tail.map((v) => ({ ...v, parts: [...v.parts, model.suffix] })) : tail]);
    return { name: `${cls}.${c.fn} (${model.lib === 'her' ? 'Her' : model.lib === 'spyke' ? 'Spyke' : 'ActiveResource'})`, url: [], urlVals, methodVals: [text(method)], method: null, defaultMethod: method, relativeOk: false };
  }

  private ormModels = new Map<string, { lib: OrmLibrary; path: Val[]; suffix: string; base: Val[] } | null>();
  /** A REST ORM model named `cls` (nearest the file), its collection path and its Commerce7 base; null if not one. */
  private ormModel(cls: string, file: string): { lib: OrmLibrary; path: Val[]; suffix: string; base: Val[] } | null {
    const key = `${cls}\u0000${file.slice(0, file.lastIndexOf('/') + 1)}`;
    if (this.ormModels.has(key)) return this.ormModels.get(key)!;
    this.ormModels.set(key, null);
    const def = (c: string, name: string) => this.nearest(this.project.defs, `${c}.${name}`, file)[0];
    const top = (d: { facts: FileFacts }): Env => ({ facts: d.facts, fn: d.facts.top, depth: 2, stack: new Set() });
    // The class and its bases, nearest first: what a base sets, a subclass inherits.
    const chain: string[] = [];
    let lib: OrmLibrary | undefined;
    for (let c: string | undefined = cls; c && chain.length < 6 && !chain.includes(c); ) {
      chain.push(c);
      if (this.nearest(this.project.defs, `${c}.include`, file).some((d) => d.expr.k === 'ref' && /(?:^|::)Her::Model$/.test(d.expr.text))) lib ??= 'her';
      const sup: Expr | undefined = def(c, 'superclass')?.expr;
      if (sup?.k !== 'ref') break;
      if (/(?:^|::)Spyke::Base$/.test(sup.text)) lib ??= 'spyke';
      if (/(?:^|::)ActiveResource::Base$/.test(sup.text)) lib ??= 'activeresource';
      c = sup.name;
    }
    if (!lib) return null;
    const settings: Record<string, string | undefined> = {};
    const ev: Evidence[] = [];
    for (const name of ORM_SETTINGS[lib]) {
      const d = chain.map((c) => def(c, name)).find((x) => !!x);
      if (!d) continue;
      const v = d.expr;
      const lit = v.k === 'str' && v.parts.every((p) => typeof p === 'string') ? v.parts.join('') : v.k === 'other' ? v.text : undefined;
      if (lit === undefined) return null; // computed at run time: not read
      settings[name] = lit;
      if (v.k === 'str') ev.push({ file: d.facts.file, line: v.line, text: lit });
    }
    const { path, suffix } = collectionPath(lib, cls, settings);
    // The API: Her's use_api X (else Her::API) set up with `url:`; a Spyke model's connection; ActiveResource's site.
    let base: Val[] = [];
    if (lib === 'her') {
      const api = chain.map((c) => def(c, 'use_api')).find((x) => !!x)?.expr;
      const name = api?.k === 'ref' ? api.text.replace(/^::/, '') : 'Her::API';
      for (const f of this.project.files) for (const call of f.top.calls) {
        if (call.fn !== 'setup' || call.recv !== name) continue;
        const url = call.args.find((a) => a.key === 'url' || a.key === 'base_url')?.value;
        if (url) base.push(...this.eval(url, top({ facts: f })));
      }
    } else if (lib === 'spyke') {
      const own = chain.map((c) => def(c, 'connection')).find((x) => !!x);
      const conns = own ? [own] : this.nearest(this.project.defs, 'connection', file).filter((d) => d.expr.k === 'call');
      for (const d of conns) base.push(...this.eval(d.expr, top(d)));
    } else {
      const site = chain.map((c) => def(c, 'site')).find((x) => !!x);
      if (site) base = this.eval(site.expr, top(site));
    }
    base = base.filter(isC7Based);
    if (!base.length) return null;
    const model = { lib, path: [{ parts: [path], ev }], suffix, base };
    this.ormModels.set(key, model);
    return model;
  }

  /**
   * Ruby's method_missing as a client's verbs: a class whose method_missing splits the method's name on "_" into a
   * verb and a resource (`get_club`, `put_club_membership(id, body)`) sends that verb to the resource's path, "_" as
   * "-" when it says so (tr/gsub), the first argument the id unless it is the body. Only on an object of that class.
   */
  private dynamicVerb(c: CallSite, env: Env): Sink | null {
    const m = /^(get|post|put|patch|delete)_([a-z][a-z0-9_]*)$/.exec(c.fn);
    const r = c.recvExpr;
    if (!m || env.facts.grammar !== 'ruby' || r?.k !== 'ref' || !r.simple) return null;
    const made = (env.fn.locals.get(r.name) ?? env.facts.defs.get(r.name) ?? []).find((d): d is Extract<Expr, { k: 'call' }> => d.k === 'call' && d.fn === 'new' && /(?:^|::)[A-Z]\w*$/.test(d.recv));
    const cls = made ? /(?:^|::)([A-Z]\w*)$/.exec(made.recv)?.[1] : undefined;
    if (!cls) return null;
    const lit = (e: Expr | undefined) => (e?.k === 'str' && e.parts.length === 1 && typeof e.parts[0] === 'string' ? e.parts[0] : null);
    const mm = this.nearest(this.project.fns, 'method_missing', env.facts.file).find((f) => f.cls === cls
      && f.calls.some((x) => x.fn === 'split' && lit(x.args[0]?.value) === '_'));
    if (!mm) return null;
    const dashes = mm.calls.some((x) => /^(tr|gsub|sub|dasherize)$/.test(x.fn) && (x.fn === 'dasherize' || lit(x.args[1]?.value) === '-'));
    const first = c.args.find((a) => !a.key)?.value;
    const line = c.line;
    const parts: Array<string | Expr> = [`/${dashes ? m[2]!.replace(/_/g, '-') : m[2]}`, ...(first && first.k !== 'obj' ? ['/', { k: 'other', text: '{id}', line } as Expr] : [])];
    return { name: `${cls}#method_missing (${c.fn})`, url: [{ k: 'str', parts, line }], method: { k: 'str', parts: [m[1]!.toUpperCase()], line }, defaultMethod: null, relativeOk: false };
  }

  /**
   * The last resort, for a library the audit has not met: a call given a URL on the Commerce7 base (a string joined to
   * a Commerce7 base URL is a call, issue 12), its method an argument naming one (`CustomMethod(gorequest.PUT, url)`),
   * a `method` option, a verb in the call's name or later in its chain; else not seen. Not a function of the project
   * (its body decides), nor a call that only builds, prints or stores the URL.
   */
  private genericCall(c: CallSite, env: Env): Sink | null {
    if (c.fnArg || GENERIC_NOT.test(c.fn) || ROUTE_RECV.test(c.recv) || NOT_CLIENT.test(c.recv) || GENERIC_NOT_RECV.test(c.recv)) return null;
    if (this.resolveFn(c.fn, c.recv, env.facts, () => true)) return null;
    // (An options object's url entry too: concat({ method, url: C7.api + path }).)
    const values = c.args.flatMap((a) => (a.value.k === 'obj' ? a.value.entries.filter((en) => URL_KEY.test(en.key)).map((en) => en.value) : [a.value]));
    const deeper = { ...env, depth: env.depth + 2 };
    const url = values.find((v) => stringy(v) && v.k !== 'call' && this.eval(v, deeper).some((x) => isC7Based(x) && x.parts.length > 1 || isC7Based(x) && classify(x, { relativeOk: false }) !== null));
    // A helper's `c.Base + path`, the base a field the audit cannot see: relative, so a Commerce7 base in the file decides.
    const onBase = url ? undefined : values.find((v) => (v.k === 'cat' || v.k === 'fmt' || v.k === 'str' && typeof v.parts.find((x) => x !== '') !== 'string') && baseLike(v) && this.eval(v, deeper).some(hasParam));
    if (!url && !onBase) return null;
    const named = GENERIC_VERB.exec(c.fn.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase());
    const method = keyed(c, METHOD_KEY) ?? values.find((v) => v !== url && isMethodExpr(v))
      ?? (named ? { k: 'str' as const, parts: [GENERIC_METHOD[named[1]!]!], line: c.line } : null)
      ?? (c.chained ? chainVerb(c, env.fn) : null)
      // The request the chain started from names it: Httpful's Request::init(Http::PATCH)->uri(url).
      ?? ((): Expr | null => { for (let x = c.recvExpr; x?.k === 'call'; x = x.recvExpr) { const m = x.args.find((a) => isMethodExpr(a.value))?.value; if (m) return m; } return null; })()
      // A helper's own method parameter (request(method, path) setting it on the handle some other way).
      ?? ((name) => (name ? { k: 'ref' as const, name, text: name, simple: true, line: c.line } : null))(env.fn.params.find((p) => /^(method|verb|http_?method|httpMethod|http_?verb)$/i.test(p)));
    return { name: `${c.recv ? `${c.recv}.` : ''}${c.fn}`, url: [(url ?? onBase)!], method, defaultMethod: null, relativeOk: !url, unrecognised: true };
  }

  /**
   * The operation a function declares: its string literals name exactly one Commerce7 resource path (a generated
   * client's "club-membership/" appended to a builder, a "/order/{id}" template) and its arguments one method (a
   * literal, a method constant, `new HttpMethod("PUT")`, a `method` option or assignment), else the verb of its name
   * (UpdateClubMembershipAsync, putOrderById). Only in a project that names a Commerce7 base; never a route.
   */
  private declaredOperation(fn: FnDef, facts: FileFacts): SinkResult | null {
    if (!fn.name || !this.project.baseFiles.size || !fn.calls.length) return null;
    const paths = new Map<string, Expr>();
    const methods: Expr[] = [];
    const seen = new Set<Expr>();
    const walk = (e: Expr | undefined, depth: number): void => {
      if (!e || depth > 6 || seen.has(e)) return;
      seen.add(e);
      if (isMethodExpr(e) && e.k !== 'ref' || e.k === 'ref' && methodConst(e.text)) { methods.push(e); return; }
      if (e.k === 'str') {
        const p0 = e.parts[0];
        const lit = typeof p0 === 'string' ? p0.replace(/^\{\+?base_?url\}/i, '') : '';
        const m = /^\/?([a-z][a-z0-9-]*)(?=[/?{]|$)/.exec(lit);
        if (m && RESOURCES.has(m[1]!) && !/^\/?[a-z][a-z0-9-]*\/[a-z0-9-]*:/.test(lit)) paths.set(lit.replace(/^\/?/, '/'), e);
        return;
      }
      if (e.k === 'cat') for (const x of e.items) walk(x, depth + 1);
      else if (e.k === 'call') { if (e.recvExpr) walk(e.recvExpr, depth + 1); for (const a of e.args) walk(a.value, depth + 1); }
      else if (e.k === 'obj') for (const en of e.entries) { if (METHOD_KEY.test(en.key) && isMethodExpr(en.value)) methods.push(en.value); else walk(en.value, depth + 1); }
      else if (e.k === 'alt') for (const x of e.items) walk(x, depth + 1);
      else if (e.k === 'fmt') walk(e.format, depth + 1);
    };
    for (const c of fn.calls) {
      if (c.fnArg || ROUTE_RECV.test(c.recv) || GENERIC_NOT_RECV.test(c.recv) && !/^(?:string|String)$/.test(c.recv)) continue;
      if (/^(?:log|info|debug|warn|error|print\w*|Print\w*|puts|Errorf|Sprintf|throw|raise|assert\w*)$/.test(c.fn)) continue;
      for (const a of c.args) walk(a.value, 0);
    }
    for (const [name, vals] of fn.locals) {
      if (/\.(?:method|Method|verb)$/.test(name)) for (const v of vals) if (isMethodExpr(v)) methods.push(v);
      for (const v of vals) walk(v, 0);
    }
    for (const r of fn.returns) walk(r, 0);
    if (paths.size !== 1) return null;
    const [path, at] = [...paths][0]!;
    const named = GENERIC_VERB.exec(fn.name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase());
    const kinds = new Set(methods.map((m) => methodOf(this.eval(m, { facts, fn, depth: MAX_DEPTH - 2, stack: new Set() })[0] ?? null)).filter((x) => x));
    if (kinds.size > 1) return null;
    const method: HttpMethod | undefined = kinds.size ? [...kinds][0]! : named ? GENERIC_METHOD[named[1]!] : undefined;
    if (!method) return null;
    const ev: Evidence[] = [{ file: facts.file, line: at.line, text: path }];
    return {
      // ("club-membership/" with the id appended after it: the id's segment.)
      url: { parts: [path.replace(/\{[^}]*\}/g, '{id}').replace(/\/$/, '/{id}')], ev }, method: { parts: [method], ev: [{ file: facts.file, line: methods[0]?.line ?? fn.line, text: method }] },
      defaultMethod: null, file: facts.file, line: at.line, via: [], relative: 'strong', sink: `${fn.name} (an operation declared by the function)`,
      sinkFile: facts.file, sinkLine: at.line, declared: true,
    };
  }

  private aliases?: Map<string, { method: Expr; path: Expr }>;
  /**
   * Endpoint tables whose entries are called by name (Zodios' makeApi([{ method, path, alias }]), any table of
   * { method, path, alias | operationId | name } objects): alias -> its request. Built once, over the project.
   */
  private aliasTable(): Map<string, { method: Expr; path: Expr }> {
    if (this.aliases) return this.aliases;
    const out = new Map<string, { method: Expr; path: Expr }>();
    const seen = new Set<Expr>();
    const walk = (e: Expr | undefined, depth: number): void => {
      if (!e || depth > 6 || seen.has(e)) return;
      seen.add(e);
      if (e.k === 'obj') {
        const get = (re: RegExp) => e.entries.find((en) => re.test(en.key))?.value;
        const alias = get(/^(?:alias|operationId)$/);
        const method = get(/^method$/i);
        const path = get(/^(?:path|url)$/);
        const name = alias?.k === 'str' && alias.parts.length === 1 && typeof alias.parts[0] === 'string' ? alias.parts[0] : null;
        if (name && method && path && isMethodExpr(method) && path.k === 'str') {
          // (Express-style `:productId` segments are the entry's parameters: ids.)
          out.set(name, { method, path: { ...path, parts: path.parts.map((p) => (typeof p === 'string' ? p.replace(/\/:[A-Za-z_]\w*/g, '/{id}') : p)) } });
        }
        for (const en of e.entries) walk(en.value, depth + 1);
      } else if (e.k === 'list') for (const it of e.items) walk(it.value, depth + 1);
      else if (e.k === 'call') for (const a of e.args) walk(a.value, depth + 1);
    };
    for (const f of this.project.files) {
      if (f.grammar !== 'javascript' && f.grammar !== 'typescript' && f.grammar !== 'tsx') continue;
      for (const vals of f.defs.values()) for (const v of vals) walk(v, 0);
    }
    this.aliases = out;
    return out;
  }

  /** `api.updateProduct(body, { params })`: the request of the endpoint table's entry of that alias. */
  private aliasCall(c: CallSite, env: Env): Sink | null {
    if (!c.recv || c.fnArg || VERB.test(c.fn) || env.facts.grammar !== 'javascript' && env.facts.grammar !== 'typescript' && env.facts.grammar !== 'tsx') return null;
    const entry = this.aliasTable().get(c.fn);
    if (!entry) return null;
    return { name: `${c.fn} (an endpoint table's alias)`, url: [entry.path], method: entry.method, defaultMethod: null, relativeOk: true };
  }

  private resources?: Map<string, Expr | undefined>;
  /** python-simple-rest-client's api.add_resource(resource_name="x", actions={…}) anywhere in the project: name -> actions. */
  private registeredResources(): Map<string, Expr | undefined> {
    if (this.resources) return this.resources;
    this.resources = new Map();
    for (const f of this.project.files) {
      if (f.grammar !== 'python') continue;
      for (const fn of [f.top, ...f.fns]) for (const c of fn.calls) {
        if (c.fn !== 'add_resource') continue;
        const name = c.args.find((a) => a.key === 'resource_name')?.value ?? c.args.find((a) => !a.key)?.value;
        const lit = name?.k === 'str' && name.parts.length === 1 && typeof name.parts[0] === 'string' ? name.parts[0] : null;
        if (lit) this.resources.set(lit, c.args.find((a) => a.key === 'actions')?.value);
      }
    }
    return this.resources;
  }

  /**
   * `api.customer.partial_update(id, body=…)` on a python-simple-rest-client API where add_resource registered
   * "customer": the action's request (the library's default actions, or the {method, url} the registration gives).
   */
  private registeredResource(c: CallSite): Sink | null {
    const r = c.recvExpr;
    if (r?.k !== 'ref' || r.simple || !/^[A-Za-z_]\w*\.[A-Za-z_]\w*$/.test(r.text)) return null;
    const resources = this.registeredResources();
    if (!resources.size || !resources.has(r.name)) return null;
    const own = resources.get(r.name);
    const custom = own?.k === 'obj' ? own.entries.find((en) => en.key === c.fn)?.value : undefined;
    const line = c.line;
    if (custom?.k === 'obj') {
      const m = custom.entries.find((en) => en.key === 'method')?.value;
      const u = custom.entries.find((en) => en.key === 'url')?.value;
      const url = u?.k === 'str' ? u.parts.flatMap((p): Array<string | Expr> => (typeof p === 'string' ? p.split(/(\{\w*\})/).map((b, i) => (i % 2 ? { k: 'other', text: '{id}', line } : b)) : [p])) : null;
      return m && url ? { name: `${r.text}.${c.fn} (a registered resource)`, url: [{ k: 'str', parts: ['/', ...url], line }], method: m, defaultMethod: null, relativeOk: false } : null;
    }
    const action = SIMPLE_REST_ACTIONS.get(c.fn);
    if (!action) return null;
    const parts: Array<string | Expr> = [`/${r.name}`, ...(action[1] ? ['/', { k: 'other', text: '{id}', line } as Expr] : [])];
    return { name: `${r.text}.${c.fn} (a registered resource)`, url: [{ k: 'str', parts, line }], method: { k: 'str', parts: [action[0]], line }, defaultMethod: null, relativeOk: false };
  }

  private settingNames?: Set<string>;
  /** The names some Ruby class body sets on self (the index holds them as "Class.name"). */
  private classSettingNames(): Set<string> {
    if (this.settingNames) return this.settingNames;
    this.settingNames = new Set();
    for (const key of this.project.defs.keys()) {
      const m = /\u0000[A-Z]\w*\.([a-z_]\w*)$/.exec(key);
      if (m) this.settingNames.add(m[1]!);
    }
    return this.settingNames;
  }

  /** The class's own setting of the name, else every class's (the name's definitions). */
  private settingOf(cls: string, name: string, file: string): Val[] | null {
    const own = this.nearest(this.project.defs, `${cls}.${name}`, file);
    const defs = own.length ? own : this.nearest(this.project.defs, name, file);
    const vals = uniq(defs.slice(0, 8).flatMap((d) => this.eval(d.expr, { facts: d.facts, fn: d.facts.top, depth: 1, stack: new Set() })));
    return vals.length ? vals : null;
  }

  /** A call whose URL reads a member the receiver's class sets (`@cls.` parameters): one per value any class gives. */
  eachMember(r: SinkResult): SinkResult[] {
    if (!r.url.parts.some((p) => typeof p !== 'string' && 'param' in p && p.param.startsWith('@cls.'))) return [r];
    return this.subst(r.url, new Map()).map((url) => ({ ...r, url }));
  }

  private subst(v: Val, bindings: Map<string, Val[]>): Val[] {
    const pick = (p: { param: string; table?: Map<string, Val[]> }): Val[] => {
      // ('\u0000data-method\u0000<data>\u0000<method>', dataMethod)
      if (p.param.startsWith(`${SECTION_READ}\u0000`)) return this.sectionRead(bindings, p.param);
      const byData = p.param.startsWith(`${DATA_METHOD}\u0000`) ? p.param.split('\u0000') : null;
      if (byData) return dataMethod(bindings, byData[2]!, byData[3] || undefined);
      const setting = /^@cls\.(\w+)\u0000(.*)$/s.exec(p.param);
      if (setting && !bindings.has(p.param)) {
        const cls = bindings.get('@cls')?.[0]?.parts[0];
        return this.settingOf(typeof cls === 'string' ? cls : '', setting[1]!, setting[2]!) ?? [hole(setting[1]!)];
      }
      // A Python enum member's `.value` on a parameter: what the caller passes (see eval's enumValue).
      const bound = bindings.get(p.param) ?? (p.param.endsWith('.value') ? bindings.get(p.param.slice(0, -6)) : undefined);
      if (!bound) return [hole(p.param, BASE_NAME.test(p.param))];
      if (!p.table) return bound;
      // A const table indexed by the parameter: the entries the callers' arguments select.
      return uniq(bound.flatMap((b) => {
        // The caller passes a parameter of its own (page_of "$1" in all_of): the table goes with it, looked up where
        // that one is bound.
        const bp = b.parts.filter((x) => x !== '');
        const b0 = bp.length === 1 ? bp[0] : undefined;
        if (b0 !== undefined && typeof b0 !== 'string' && 'param' in b0 && !b0.table) return [{ parts: [{ param: b0.param, table: p.table! }], ev: [...b.ev] }];
        const name = tableKey(b);
        return (name !== null ? p.table!.get(name) : undefined) ?? p.table!.get('\u0000default') ?? [hole('index')];
      }));
    };
    const lists = v.parts.map((p) => (typeof p !== 'string' && 'param' in p ? pick(p) : [{ parts: [p], ev: [] }]));
    return product(lists).filter((x) => compatible(v, x)).map((x) => derive(v, x.parts, [...v.ev, ...x.ev], x));
  }
}

/** Is `name` the rest element of a destructured parameter (`{ json, ...init }`)? */
function isRestOf(fn: FnDef, name: string): boolean {
  return fn.pattern.some((p) => p.key === '...' && p.name === name);
}

/** A position (a tuple's) or a key (an object's) of one element; the element itself when none is asked. */
function componentOf(el: Expr, at: number | string | undefined): Expr | null {
  if (at === undefined) return el;
  // A path of positions from a nested pattern: "1.0" is the first item of the second.
  if (typeof at === 'string' && /^\d+(?:\.\d+)+$/.test(at)) {
    let x: Expr | null = el;
    for (const i of at.split('.')) x = x ? componentOf(x, Number(i)) : null;
    return x;
  }
  if (el.k === 'list') return typeof at === 'number' ? el.items[at]?.value ?? null : null;
  if (el.k === 'obj') {
    if (typeof at === 'number') return el.entries[at]?.value ?? null;
    const lower = at.toLowerCase();
    return (el.entries.find((en) => en.key === at) ?? el.entries.find((en) => en.key.toLowerCase() === lower))?.value ?? null;
  }
  return null;
}

/** The key a value names in a table: a literal string, or a Ruby symbol (a hole named `:name`). */
function tableKey(v: Val): string | null {
  if (v.parts.length !== 1) return null;
  const p = v.parts[0]!;
  if (typeof p === 'string') return p;
  if ('hole' in p && p.hole.startsWith(':')) return p.hole.slice(1);
  return null;
}

// ---- sinks: the HTTP calls of the usual libraries ----

/** needsBase: counted only when the URL starts with a Commerce7 base (a call of a shape also used for other things). */
interface Sink {
  name: string; url: Expr[]; method: Expr | null; defaultMethod: HttpMethod | null; relativeOk: boolean; needsBase?: boolean; /** genericCall's last resort */ unrecognised?: boolean;
  /** The URL and the method as values already (evaluated where they were made: an Airflow hook's, airflowCall). */
  urlVals?: Val[]; methodVals?: Val[];
}

// Net::HTTP's request_get / get2 / request_post are its get / post.
// Ruby's Net::HTTP.get_response(uri) / Net::HTTP.post_form(uri, params) too; curb's easy.http_put(body); httpclient's get_content(url).
const VERB = /^(?:request_|http_)?(get|post|put|patch|delete|del)(?:2|json|asjson|fromjson|string|stream|bytearray|bytes|urlencoded|multipart|async|_json|_request|_response|_form|_content)*$/i;
const REQUEST_FN = /^(xh|xhs|createRequest|requestAsync|wp_remote_request|wp_safe_remote_request|fetch|axios|got|ky|request|ajax|urlopen|Request|open|NewRequest|NewRequestWithContext|HttpRequestMessage|RestRequest|curl_init|curl|wget|http|https|\$fetch|ofetch|useFetch|superagent|needle|execute|Execute|ExecuteAsync|send_request|fetch_json)$/;
const ROUTE_RECV = /^(?:app|router|server|fastify|Route|\$?router|\$app|bp|blueprint|routes|mux|group|api_router|engine|r|e|g)$/;
/** Receivers that are not HTTP clients: maps, caches, query strings, environments. */
const NOT_CLIENT = /(?:^\$?|[.>])(?:map|cache|params|searchParams|query|headers|env|environ|ENV|config|store|storage|localStorage|sessionStorage|dict|data|args|form|cookies|redis|db|kwargs|options|opts|settings|payload|body|json|result|response|res|resp|row|item|obj|hash|attrs|attributes|meta|context|ctx|values|props|state)$/i;
/** HTTP libraries called as modules: `requests.get` is the library's even when the project defines a `get`. */
const LIB_RECV = /^(?:requests|httpx|axios|got|ky|http|https|HTTParty|Faraday|RestClient|Net::HTTP|HTTP|superagent|undici|\$http|urllib\.request|urllib3|aiohttp|Http|wp_remote|curl)$/;

function isLibraryCall(c: CallSite): boolean {
  // (A framework's HTTP client got from its container is the library's: \Drupal::httpClient(), $this->getHttpClient().)
  return LIB_RECV.test(c.recv) || /^Net::HTTP::/.test(c.recv) || /(?:^|::|->|\.)(?:httpClient|getHttpClient|http_client)\(\)$/.test(c.recv);
}

/** A receiver named for Commerce7: $this->commerce7Client, Http::commerce7, self.c7_api, c7. */
const C7_NAMED = /(?:^|[.@_$>:])(?:c7|commerce7)(?:_?(?:client|api|http|conn|connection|session|rest))?$/i;
const CLIENT_LIKE = /(?:^|[.@_$>])(?:api|client|c7|commerce7|http|conn|connection|session|rest|request)\w*$/i;

const dirOf = (file: string) => file.slice(0, Math.max(0, file.lastIndexOf('/')));

function keyedIn(args: Arg[], re: RegExp): Expr | undefined {
  for (const a of args) {
    if (a.key && re.test(a.key)) return a.value;
    if (a.value.k === 'obj') for (const en of a.value.entries) if (re.test(en.key)) return en.value;
  }
  return undefined;
}

let currentFn: FnDef | null = null;
const keyed = (c: CallSite, re: RegExp): Expr | undefined => {
  const found = keyedAny(c, re);
  // A literal that names no method is not the method: a request body's "type": "Shipped" (jQuery's `type` is one).
  if (re === METHOD_KEY && found?.k === 'str' && found.parts.length === 1 && typeof found.parts[0] === 'string' && !METHOD_TOKEN.test(found.parts[0])) return undefined;
  return found;
};
const BODY_ARG = /^(?:json|data|body|params|form|files|payload|query|qs|headers|content)$/i;
const keyedAny = (c: CallSite, re: RegExp): Expr | undefined => {
  for (const a of c.args) {
    if (a.key && re.test(a.key)) return a.value;
    if (a.key && BODY_ARG.test(a.key)) continue;
    let v = a.value;
    // A method assigned to the options object after it was made: init.method = 'DELETE'; fetch(url, init).
    if ((re === METHOD_KEY || re === URL_KEY) && v.k === 'ref' && v.simple && currentFn) { const set = currentFn.locals.get(`${v.name}.${re === URL_KEY ? 'url' : 'method'}`)?.[0]; if (set) return set; }
    // An options object built just before the call: const opts = { method: 'POST' }; fetch(url, opts).
    if (v.k === 'ref' && v.simple && currentFn) v = currentFn.locals.get(v.name)?.find((x) => x.k === 'obj') ?? v;
    if (v.k === 'obj') for (const en of v.entries) if (re.test(en.key)) return en.value;
    // Options built by a call around an object literal: self::args(['method' => 'PUT']), {...defaults, method}.
    if (v.k === 'call') for (const inner of v.args) if (inner.value.k === 'obj') for (const en of inner.value.entries) if (re.test(en.key)) return en.value;
  }
  return undefined;
};
const METHOD_KEY = /^(method|type|verb|http_method|httpMethod|Method|CURLOPT_CUSTOMREQUEST)$/i;
const URL_KEY = /^(url|uri|path|endpoint|RequestUri|requestUri|CURLOPT_URL|resource)$/i;

function isMethodExpr(e: Expr): boolean {
  // `method ?? HttpMethod.Get` (a fallback), `new HttpMethod(verb)`: a method all the same.
  if (e.k === 'alt') return e.items.some(isMethodExpr);
  if (methodMade(e)) return true;
  // verb.to_s.upcase, method.upper(): a method name in another case (or a symbol made a string) is still the method.
  if (e.k === 'call' && e.recvExpr && !e.args.length && (CASE_FN.test(e.fn) || /^(?:to_s|to_sym|toString|String)$/.test(e.fn))) return isMethodExpr(e.recvExpr);
  if (e.k === 'str') return e.parts.length === 1 && typeof e.parts[0] === 'string' && METHOD_TOKEN.test(e.parts[0]);
  if (e.k === 'sym') return METHOD_TOKEN.test(e.name);
  // (An enum case's value, $method->value / method.value / HttpMethod::Post->value: the method the case names.)
  if (e.k === 'ref') return !!methodConst(e.text) || /^(method|verb|http_?method|httpMethod|m)$/i.test(e.name)
    || e.name === 'value' && /^\$?(?:method|verb|http_?method|httpMethod|m)(?:\.|->)value$/i.test(e.text) || !!methodConst(e.text.replace(/(?:\.|->)value$/, ''));
  return false;
}

/** Does an expression start with literal text (`'tag'`, `"club/" + id`, `` `x/${id}` ``)? */
function startsLiteral(e: Expr): boolean {
  if (e.k === 'str') return typeof e.parts[0] === 'string' && e.parts[0] !== '';
  if (e.k === 'cat') return !!e.items[0] && startsLiteral(e.items[0]);
  if (e.k === 'fmt') return startsLiteral(e.format);
  return false;
}

function stringy(e: Expr): boolean {
  // (A table's entry picked by a key, PATHS[what], is a string too.)
  return e.k === 'str' || e.k === 'cat' || e.k === 'ref' || e.k === 'call' || e.k === 'fmt' || e.k === 'alt' || e.k === 'index';
}

export function detectSink(c0: CallSite, fn: FnDef): Sink | null {
  currentFn = fn;
  // fetch injected as a dependency (this.fetchImpl(url, init), fetchFn, customFetch): called like fetch.
  const c1 = /^(?:fetch(?:Impl|Fn|Func|Function|er)|_fetch|customFetch)$/.test(c0.fn) ? { ...c0, fn: 'fetch', recv: '' } : c0;
  // Go's http.NewRequestWithContext(ctx, method, url, body) (any *WithContext form): the context is not the URL.
  const c = requestObject(withoutContext(c1));
  const positional = c.args.filter((a) => !a.key).map((a) => a.value);
  // Rails routes: get '/x', to: 'controller#action'.
  if (c.args.some((a) => a.key && /^(to|controller|action|as|via|constraints)$/.test(a.key))) return null;
  // Ruby dynamic dispatch: @conn.public_send(verb, path, payload); Faraday's conn.run_request(method, url, body, headers).
  if (/^(public_send|send|__send__|run_request)$/.test(c.fn) && c.recv && positional.length >= 2) {
    return { name: `${c.recv}.${c.fn}`, url: [positional[1]!], method: positional[0]!, defaultMethod: null, relativeOk: true };
  }
  // .NET's WebClient: DownloadString/DownloadData/OpenRead(url) GET; UploadString/UploadData/UploadValues(url, [method,] data) POST
  // unless the middle argument names the method (and their *Async / *TaskAsync forms).
  const wc = /^(Download(?:String|Data|File)|OpenRead|Upload(?:String|Data|Values|File)|OpenWrite)(?:Task)?(?:Async)?$/.exec(c.fn);
  if (wc && c.recv && positional[0] && stringy(positional[0])) {
    const upload = /^(Upload|OpenWrite)/.test(wc[1]!);
    const m = upload && positional.length >= 3 && isMethodExpr(positional[1]!) ? positional[1]! : { k: 'str' as const, parts: [upload ? 'POST' : 'GET'], line: c.line };
    return { name: c.fn, url: [positional[0]], method: m, defaultMethod: null, relativeOk: true };
  }
  const wp = /^wp_(?:safe_)?remote_(get|post|head)$/.exec(c.fn);
  if (wp && positional[0]) return { name: c.fn, url: [positional[0]], method: { k: 'str', parts: [wp[1]!.toUpperCase()], line: c.line }, defaultMethod: null, relativeOk: false };
  // A client's method named by a verb word and given a literal path (typed-rest-client's api.replace('club/1', body),
  // a wrapper's c7.create('note', body), client.remove(`tag/${id}`)): that verb on that path.
  // (Not a request factory: createRequest('GET', url) names its method first.)
  const word = !VERB.test(c.fn) && !/request/i.test(c.fn) && CLIENT_LIKE.test(c.recv) && !c.chained && positional[0] && startsLiteral(positional[0]) && !isMethodExpr(positional[0])
    ? GENERIC_VERB.exec(c.fn.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()) : null;
  const verb = VERB.exec(c.fn) ?? (word ? ([word[0], GENERIC_METHOD[word[1]!]!.toLowerCase()] as unknown as RegExpExecArray) : null);
  if (verb && !/^Net::HTTP::/.test(c.recv)) {
    if (c.fnArg || ROUTE_RECV.test(c.recv) || NOT_CLIENT.test(c.recv)) return null;
    // curb's handle.http_put(body): the handle holds the URL, the argument is the body (Curl::Easy.http_get(url) is not).
    // An options object first names the URL by a key: request's c7.put({ uri: `order/${id}`, body }).
    const p0 = positional[0]?.k === 'obj' ? positional[0].entries.find((en) => URL_KEY.test(en.key))?.value ?? positional[0] : positional[0];
    const first = /^http_/.test(c.fn) && c.recvExpr && !/^[A-Z]/.test(c.recv) ? undefined : p0 ?? keyed(c, URL_KEY);
    // The URL is the first argument, or the receiver itself when it is a URL or a resource (Flurl's
    // url.AppendPathSegment("x").GetJsonAsync(), RestClient's resource['order'].get).
    const urls = [first && stringy(first) ? first : undefined, c.recvExpr && c.recvExpr.k !== 'str' || c.recvExpr && !first ? c.recvExpr : undefined].filter((x): x is Expr => !!x);
    // A relative path given to the verb after a path step (sling's s.Path("vendor/").Get(id)) resolves against it.
    const r = c.recvExpr;
    if (first && stringy(first) && r?.k === 'call' && PATH_STEP.test(r.fn) && r.args.length && !(first.k === 'str' && typeof first.parts[0] === 'string' && /^(?:\/|[a-z]+:)/i.test(first.parts[0]))) {
      urls.unshift({ k: 'call', fn: 'join', recv: 'path', args: [{ value: r }, { value: first }], line: c.line });
    }
    // A handle whose URL was set after it was made (curb's `c.url = "…"; c.http_delete`).
    const setUrl = c.recvExpr?.k === 'ref' && c.recvExpr.simple ? fn.locals.get(`${c.recvExpr.name}.url`)?.[0] : undefined;
    if (setUrl && !first) urls.push(setUrl);
    if (!urls.length) return null;
    const m = verb[1]!.toLowerCase() === 'del' ? 'DELETE' : verb[1]!.toUpperCase();
    return { name: c.fn, url: urls, method: { k: 'str', parts: [m], line: c.line }, defaultMethod: null, relativeOk: true };
  }
  // Net::HTTP::Put.new(uri), Typhoeus::Request.new(url, method: :put)
  if (c.fn === 'new' && /^Net::HTTP::(Get|Post|Put|Patch|Delete)$/.test(c.recv)) {
    const first = positional[0];
    return first ? { name: c.recv, url: [first], method: { k: 'str', parts: [c.recv.split('::').pop()!.toUpperCase()], line: c.line }, defaultMethod: null, relativeOk: false } : null;
  }
  // PHP streams: file_get_contents($url, false, stream_context_create(['http' => ['method' => 'POST']])), fopen.
  if (/^(file_get_contents|fopen)$/.test(c.fn) && !c.recv && positional[0]) {
    const ctx = positional[c.fn === 'fopen' ? 3 : 2];
    return { name: c.fn, url: [positional[0]], method: ctx ? streamMethod(ctx, fn) : null, defaultMethod: 'GET', relativeOk: false };
  }
  const requests = phpRequestsSink(c, positional) ?? spreadOptionsSink(c, fn);
  if (requests) return requests;
  const byClass = requestClassSink(c, fn);
  if (byClass !== undefined) return byClass;
  const isRequest = REQUEST_FN.test(c.fn) || c.fn === 'new' && /Request$/.test(c.recv);
  const first = isRequest ? null : methodFirstCall(c, isMethodExpr);
  if (first && !ROUTE_RECV.test(c.recv) && !NOT_CLIENT.test(c.recv)) return { name: c.fn, url: [first.url], method: first.method, defaultMethod: null, relativeOk: false, needsBase: true };
  if (c.fn === 'curl_setopt') {
    const opt = positional[1];
    if (opt?.k === 'ref' && opt.name === 'CURLOPT_URL' && positional[2]) return { name: 'curl_setopt', url: [positional[2]], method: curlMethod(fn), defaultMethod: 'GET', relativeOk: false };
    return null;
  }
  if (c.fn === 'curl_setopt_array') {
    const url = keyed(c, /^CURLOPT_URL$/);
    return url ? { name: c.fn, url: [url], method: keyed(c, /^CURLOPT_CUSTOMREQUEST$/) ?? curlMethod(fn), defaultMethod: 'GET', relativeOk: false } : null;
  }
  // A request object filled in after it is made (req.RequestUri = …; req.Method = …), then sent: http.SendAsync(req).
  if (!isRequest && !c.fnArg && /^(send|Send|SendAsync|sendAsync|execute|Execute|ExecuteAsync|request|Request|dispatch|do|Do|perform)$/.test(c.fn)) {
    const req = positional.find((p): p is Extract<Expr, { k: 'ref' }> => p.k === 'ref' && p.simple && !!fn.locals.get(`${p.name}.url`));
    if (req) return { name: c.fn, url: [fn.locals.get(`${req.name}.url`)![0]!], method: fn.locals.get(`${req.name}.method`)?.[0] ?? null, defaultMethod: 'GET', relativeOk: !!c.recv };
  }
  if (!isRequest || c.fnArg && c.fn !== 'request') return null;
  // fetch(req) / fetch(req.clone()) of a Request made here: counted where it is made (its init names the method).
  // urllib's urlopen(req) of a urllib.request.Request(url, method=…) made here: the same.
  if ((c.fn === 'fetch' || c.fn === 'urlopen') && positional.length === 1) {
    let a = positional[0]!;
    if (a.k === 'call' && a.fn === 'clone' && a.recvExpr) a = a.recvExpr;
    // urlopen(urllib.request.Request(url, data)): counted where the Request is made, inside the call.
    if (c.fn === 'urlopen' && a.k === 'call' && a.fn === 'Request' && (!a.recv || /^(?:urllib\.request|request|urllib2)$/.test(a.recv))) return null;
    if (a.k === 'ref' && a.simple && fn.locals.get(a.name)?.some((d) => d.k === 'call' && (d.fn === 'Request' && (!d.recv || /^(?:urllib\.request|request|urllib2)$/.test(d.recv)) || d.fn === 'new' && d.recv === 'Request'))) return null;
    if (isRequestObject(a, fn)) return null;
  }
  // urlopen(req) / opener.open(req) of a urllib Request made here: counted where it is made (its method= is there).
  if ((c.fn === 'urlopen' || c.fn === 'open') && positional[0]?.k === 'ref' && positional[0].simple) {
    const defs = fn.locals.get(positional[0].name);
    if (defs?.some((d) => d.k === 'call' && d.fn === 'Request' && (!d.recv || /^(urllib\.request|request|urllib2)$/.test(d.recv)))) return null;
  }
  // (Ruby's open-uri: URI.open(url, headers) is a GET.)
  if (c.fn === 'open' && !/xhr|request|XMLHttpRequest|req$/i.test(c.recv) && !isXhr(c.recv, fn) && c.recv !== 'URI') return null;
  if (c.fn === 'http' || c.fn === 'https') if (c.recv) return null;
  if (/^(curl|wget|http|https|xh|xhs)$/.test(c.fn) && !c.recv) return shellSink(c, fn);
  // fetch(url, { method: 'GET', ...opts }): a method before the spread is only the default (spreadOver).
  const initObj = positional.length >= 2 && positional[positional.length - 1]!.k === 'obj' ? positional[positional.length - 1] as Extract<Expr, { k: 'obj' }> : null;
  const over = initObj ? spreadOver(initObj, fn, c.line) : null;
  let method: Expr | null = (over && over.method.k === 'ref' ? over.method : null) ?? keyed(c, METHOD_KEY) ?? null;
  const urls: Expr[] = [];
  const byKey = keyed(c, URL_KEY);
  const host = keyed(c, /^(hostname|host|baseURL|baseUrl|base_url|prefixUrl)$/);
  if (byKey) {
    const origin: Expr | undefined = host && host.k === 'str' && typeof host.parts[0] === 'string' && !/^[a-z]+:\/\//i.test(host.parts[0]) ? { k: 'cat', items: [{ k: 'str', parts: ['https://'], line: c.line }, host], line: c.line } : host;
    urls.push(origin && byKey.k !== 'ref' ? { k: 'cat', items: [origin, byKey], line: c.line } : byKey);
  }
  // node's http(s).request(options) in a helper that is handed the options (send({ hostname, path, method })): the
  // caller's fields.
  if (!byKey && c.fn === 'request' && /^(?:https?|node:https?)$/.test(c.recv) && /\.[cm]?[jt]sx?$/i.test(fn.file) && positional.length <= 2 && !(positional[1] && stringy(positional[1]))
    && positional[0]?.k === 'ref' && positional[0].simple && fn.params.includes(positional[0].name)) {
    const o = positional[0].name;
    const field = (k: string): Expr => ({ k: 'ref', name: k, text: `${o}.${k}`, simple: false, line: c.line });
    urls.push({ k: 'cat', items: [{ k: 'str', parts: ['https://'], line: c.line }, { k: 'alt', items: [field('hostname'), field('host')], line: c.line }, field('path')], line: c.line });
    method ??= field('method');
    positional.shift();
  }
  // Flurl's client.Request("club-membership", id, "hold-history"): each segment appended, one URL.
  const segments = c.fn === 'Request' && !!c.recv && /\.cs$/i.test(fn.file) && positional.length >= 2 && positional.every(stringy) && !isMethodExpr(positional[0]!);
  if (segments) urls.push({ k: 'call', fn: 'join', recv: 'path', args: positional.map((value) => ({ value })), line: c.line });
  for (const p of segments ? [] : positional) {
    if (!method && isMethodExpr(p)) { method = p; continue; }
    // A method picked from a table: http.NewRequest(verbs[op], url), createRequest(self::VERBS[$op], $url).
    if (!method && p.k === 'index' && p.obj.k === 'ref' && /verb|method|http/i.test(p.obj.name)) { method = p; continue; }
    if (stringy(p) && urls.length < 4) urls.push(p);
  }
  // fetch(url, options) inside a helper whose options are a parameter (or spread into the options): the method is
  // the caller's `options.method`.
  // The same for a Request object made from them (new Request(url, { ...init })), sent by fetch later.
  if (!method && (/^(fetch|got|ky|ofetch|\$fetch|request|axios)$/.test(c.fn) || c.fn === 'new' && c.recv === 'Request' || c.fn === 'Request' && !c.recv)) {
    const spread = positional.slice(1).flatMap((p) => (p.k === 'obj' ? p.entries.filter((en) => en.key === '...').map((en) => en.value) : []));
    const opt = [...positional.slice(1), ...spread].find((p) => p.k === 'ref' && p.simple && (fn.params.includes(p.name) || isRestOf(fn, p.name)));
    if (opt && opt.k === 'ref') method = { k: 'ref', name: 'method', text: `${opt.name}.method`, simple: false, line: opt.line };
  }
  if (!urls.length) return null;
  if (c.fn === 'curl_init') method ??= curlMethod(fn);
  // A request made by one call and sent by a verb step later in its chain, of any library:
  // client.Request("promotion", id).WithHeader(…).PutJsonAsync(body) is a PUT.
  if (!method && c.chained && c.recv) method = chainVerb(c, fn);
  // fetch(url, options) with options the audit cannot see: the method is not known (GET only when nothing is passed).
  const optionsUnseen = !method && positional.slice(1).some((p) => p.k === 'ref' && !(p.simple && fn.locals.get(p.name)?.some((x) => x.k === 'obj')) || p.k === 'call' || p.k === 'other');
  // A request object made with the method first (PSR-7's new Request('PUT', 'product/1'), requests.Request('PUT', …),
  // .NET's new HttpRequestMessage(HttpMethod.Post, "order/1")) is sent by a client (a Guzzle Pool, $client->send, session.send): its relative path is the client's.
  const methodFirst = (c.fn === 'new' ? /Request(?:Message)?$/.test(c.recv) : /^(Request|HttpRequestMessage)$/.test(c.fn)) && !!positional[0] && isMethodExpr(positional[0]);
  // urllib's Request(url, data): POST when data is given and no method is (GET without data); data that may be None
  // (a parameter, `… if payload is not None else None`) leaves the method unseen, and said.
  const urllibData = c.fn === 'Request' && (!c.recv || /^(?:urllib\.request|request|urllib2)$/.test(c.recv)) ? keyed(c, /^data$/) ?? (/\.py$/i.test(fn.file) ? positional[1] : undefined) : undefined;
  if (urllibData?.k === 'other' && urllibData.text === 'None' && !method) return { name: c.fn, url: urls, method: null, defaultMethod: 'GET', relativeOk: false };
  if (urllibData && !(urllibData.k === 'other' && urllibData.text === 'None')) {
    const defs = urllibData.k === 'ref' && urllibData.simple ? fn.locals.get(urllibData.name) : undefined;
    const maybeNone = urllibData.k === 'ref' && urllibData.simple && fn.params.includes(urllibData.name)
      || !!defs?.some((d) => d.k === 'alt' && d.items.some((x) => x.k === 'other' && x.text === 'None') || d.k === 'other' && d.text === 'None');
    // method=method of a helper whose default is None: the caller's method when it passes one, else data decides.
    const dflt = method?.k === 'ref' && method.simple && fn.params.includes(method.name) ? fn.defaults.get(method.name) : undefined;
    // Data that is None exactly when a parameter is (`json.dumps(payload).encode() if payload is not None else None`,
    // or the parameter itself): the method each call gets, from what it passes (dataMethod).
    const dataParam = maybeNone ? dataParamOf(urllibData, fn) : undefined;
    const methodParam = method?.k === 'ref' && method.simple && fn.params.includes(method.name) && (!dflt || dflt.k === 'other' && dflt.text === 'None') ? method.name : undefined;
    if (dataParam && (!method || methodParam)) {
      const ref = (name: string): Expr => ({ k: 'ref', name, text: name, line: urllibData.line, simple: true });
      return { name: c.fn, url: urls, method: { k: 'call', fn: DATA_METHOD, recv: '', args: [{ value: ref(dataParam) }, ...(methodParam ? [{ value: ref(methodParam) }] : [])], line: urllibData.line }, defaultMethod: null, relativeOk: false };
    }
    if (!method) return { name: c.fn, url: urls, method: maybeNone ? null : { k: 'str', parts: ['POST'], line: urllibData.line }, defaultMethod: null, relativeOk: false };
    if (method.k === 'ref' && fn.params.includes(method.name) && (!dflt || dflt.k === 'other' && dflt.text === 'None')) return { name: c.fn, url: urls, method, defaultMethod: maybeNone ? null : 'POST', relativeOk: false };
  }
  return { name: c.fn === 'new' ? c.recv : c.fn, url: urls, method, defaultMethod: over && method === over.method ? over.dflt : optionsUnseen ? null : 'GET', relativeOk: /RestRequest/.test(c.fn) || /request/i.test(c.fn) && !!c.recv || methodFirst || isRequestMessage(c) };
}

/** A section of settings passed on, and a parameter's setting read from it (keyedSetting, sectionRead, subst). */
const SECTION_READ = '\u0000section';
/** The synthetic call of urllib's method by its data (sink above, evalCall, subst). */
const DATA_METHOD = '\u0000data-method';
const isNoneVal = (v: Val): boolean => v.parts.length === 1 && typeof v.parts[0] !== 'string' && 'hole' in v.parts[0]! && v.parts[0].hole === 'None';

/** The parameter urllib's data is None with: the data itself, or the one parameter a `X if p … else None` names. */
function dataParamOf(data: Expr, fn: FnDef): string | undefined {
  if (data.k !== 'ref' || !data.simple) return undefined;
  if (fn.params.includes(data.name)) return fn.defaults.get(data.name)?.k === 'other' ? data.name : undefined;
  const defs = fn.locals.get(data.name) ?? [];
  if (defs.length !== 1 || defs[0]!.k !== 'alt') return undefined;
  const given = defs[0]!.items.filter((x) => !(x.k === 'other' && x.text === 'None'));
  const names = new Set<string>();
  const walk = (e: Expr): void => {
    if (e.k === 'ref') { if (e.simple) names.add(e.name); else if (e.of) walk(e.of); }
    else if (e.k === 'call') { e.args.forEach((a) => walk(a.value)); if (e.recvExpr) walk(e.recvExpr); }
    else if (e.k === 'str') e.parts.forEach((x) => typeof x !== 'string' && walk(x));
    else if (e.k === 'cat' || e.k === 'alt') e.items.forEach(walk);
    else if (e.k === 'fmt') { walk(e.format); e.args.forEach(walk); }
  };
  given.forEach(walk);
  const params = [...names].filter((n) => fn.params.includes(n) && fn.defaults.get(n)?.k === 'other' && /^None$/.test((fn.defaults.get(n) as { text: string }).text));
  return params.length === 1 ? params[0] : undefined;
}

/**
 * urllib's method for one call: the method it passes, else POST when its data is given and GET when it is None (the
 * data's parameter left at its None default); through a caller's own parameter, that caller's calls decide.
 */
function dataMethod(bindings: Map<string, Val[]>, data: string, method: string | undefined): Val[] {
  const passed = method ? (bindings.get(method) ?? []).filter((v) => !isNoneVal(v)) : [];
  if (passed.length) return passed;
  const given = bindings.get(data);
  if (!given?.length) return [hole('method')];
  const outer = given.map((v) => (v.parts.length === 1 && typeof v.parts[0] !== 'string' && 'param' in v.parts[0]! ? v.parts[0].param : null));
  if (outer.every((x) => x !== null)) return uniq(outer.map((x) => ({ parts: [{ param: `${DATA_METHOD}\u0000${x}\u0000` }], ev: [] })));
  const out: Val[] = [];
  if (given.some(isNoneVal)) out.push(text('GET'));
  if (given.some((v) => !isNoneVal(v))) out.push(text('POST'));
  return out;
}

/** Calls that only build, print, store or compare a URL: not requests, whatever library they are of. */
const GENERIC_NOT = /^(?:log|info|debug|warn|warning|error|trace|fatal|Fatal\w*|Panic\w*|print\w*|Print\w*|puts|p|pp|echo|dump|var_dump|printf|sprintf|Sprintf|Sprint|Sprintln|Errorf|Fprintf|format|Format|String|str|join|Join|Combine|push|append|Append|add|Add|set|Set|put_nowait|write|Write|WriteLine|assert\w*|Assert\w*|expect|equal|Equal|deepEqual|strictEqual|include|includes|contains|Contains|startsWith|StartsWith|start_with\?|endsWith|match|test|URL|Uri|URI|parse|Parse|ParseRequestURI|urlparse|urljoin|urlsplit|parse_url|encodeURI|encodeURIComponent|escape|quote|quote_plus|Escape|EscapeDataString|UriBuilder|redirect|Redirect|redirect_to|location|header|raise|throw|Error|error_log|emit|cache|memo|get_or_set|setItem|getItem|replace|Replace|gsub|sub|split|Split|trim|Trim|TrimEnd|TrimRight|TrimSuffix|TrimPrefix|HasPrefix|HasSuffix|lower|upper|encode|decode|hash|md5|sha1|sha256|base64_encode|btoa|atob|json_encode|json|JSON|stringify|Marshal|Unmarshal|Getenv|getenv|setenv|Setenv|env|fetch_env|require|import|include_once|require_once)$/;
const GENERIC_NOT_RECV = /(?:^|[.:>])(?:console|log|logger|Log|Logger|logging|LOG|fmt|strings|path|filepath|os|sys|Debug|Trace|Console|Assert|assert|expect|t|suite|test|spec|cache|Cache|Rails\.logger|Rails\.cache|JSON|json|Regex|re|str|String|url|URI|URL|Uri|urllib\.parse|parse|HttpUtility|WebUtility|Path|File|FileUtils|Dir|Math|Object|Array|Promise|string|self\.log|this\.log|\$this->log|\$this->logger|this\.logger|self\.logger)$/;
/** Does a concatenation or format start with a name for a base URL (`c.Base + path`, `apiRoot + path`, f"{self.api_url}/{path}")? */
function baseLike(e: Expr): boolean {
  const first = e.k === 'cat' ? e.items[0] : e.k === 'fmt' ? e.format : e;
  if (!first) return false;
  if (first.k === 'ref') return /(?:base|root|host|api|url|uri|endpoint|origin|prefix)\w*$/i.test(first.name);
  if (first.k === 'str') { const p0 = first.parts.find((x) => x !== ''); return typeof p0 !== 'string' && !!p0 && baseLike(p0); }
  if (first.k === 'call') return !first.args.length && /(?:base|root|host|api|url|uri|endpoint|origin)\w*$/i.test(first.fn);
  return false;
}
/** A verb among the words of a call's name (snake_case after splitting camelCase): send_put, do_delete, replace. */
const GENERIC_VERB = /(?:^|_)(get|fetch|list|read|load|download|post|create|insert|upload|submit|put|update|replace|upsert|save|patch|delete|del|remove|destroy)(?:_|$)/;
const GENERIC_METHOD: Record<string, HttpMethod> = {
  get: 'GET', fetch: 'GET', list: 'GET', read: 'GET', load: 'GET', download: 'GET',
  post: 'POST', create: 'POST', insert: 'POST', upload: 'POST', submit: 'POST',
  put: 'PUT', update: 'PUT', replace: 'PUT', upsert: 'PUT', save: 'PUT', patch: 'PATCH',
  delete: 'DELETE', del: 'DELETE', remove: 'DELETE', destroy: 'DELETE',
};

/** HTTP mocking libraries of tests: nock(base).get(path), fetchMock.post(url, …), new MockAdapter(axios), fetchMocker. */
const MOCK_ROOT = /^(?:nock|fetchMock|fetchMocker|mockFetch|fetch_mock|MockAdapter|mockAxios|moxios|mockAgent|MockAgent)$/;
/**
 * Is a receiver a mock's interceptor (a chain rooted at `nock(…)`, `fetchMock`, or a name made by one)? Its
 * get/post/put declare the replies a test expects; they make no request.
 */
function isMockChain(e: Expr, fn: FnDef, facts: FileFacts, depth: number): boolean {
  let x = e;
  for (let i = 0; i < 12 && x.k === 'call' && x.recvExpr; i++) x = x.recvExpr;
  if (x.k === 'call') return MOCK_ROOT.test(x.fn) || x.fn === 'new' && MOCK_ROOT.test(x.recv);
  if (x.k !== 'ref') return false;
  const root = x.simple ? x.name : /^[A-Za-z_$][\w$]*/.exec(x.text)?.[0] ?? '';
  if (MOCK_ROOT.test(root)) return true;
  if (depth > 2 || !x.simple) return false;
  const defs = fn.locals.get(x.name) ?? facts.defs.get(x.name);
  return !!defs?.length && defs.every((d) => d !== e && isMockChain(d, fn, facts, depth + 1));
}

/** Does an expression start with '/' (an absolute path: `new URL('/v1/x', base)` replaces the base's path)? */
function startsWithSlash(e: Expr): boolean {
  if (e.k === 'str') return typeof e.parts[0] === 'string' && e.parts[0].startsWith('/') && !e.parts[0].startsWith('//');
  if (e.k === 'cat') return !!e.items[0] && startsWithSlash(e.items[0]);
  return false;
}

/** A URL value's origin (`https://api.commerce7.com/v1` -> `https://api.commerce7.com`) when its text starts with one. */
function originOf(v: Val): Val {
  const p0 = v.parts[0];
  if (typeof p0 !== 'string') return v;
  const m = /^\s*[a-z][a-z0-9+.-]*:\/\/[^/?#]+/i.exec(p0);
  return m ? derive(v, [m[0]], v.ev) : v;
}

/** A method as a value: a verb, or a parameter choosing among verbs (a table or a match of methods). */
function isMethodVal(v: Val): boolean {
  if (v.parts.length !== 1) return false;
  const p = v.parts[0]!;
  if (typeof p === 'string') return METHOD_TOKEN.test(p);
  if (!('param' in p) || !p.table?.size) return false;
  return [...p.table.values()].every((vals) => vals.length > 0 && vals.every((x) => x.parts.length === 1 && typeof x.parts[0] === 'string' && METHOD_TOKEN.test(x.parts[0])));
}

/** A name made as `new XMLHttpRequest()` here (const x = new XMLHttpRequest(); x.open('DELETE', url)). */
function isXhr(recv: string, fn: FnDef): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(recv) && !!fn.locals.get(recv)?.some((d) => d.k === 'call' && (d.fn === 'XMLHttpRequest' || d.fn === 'new' && d.recv === 'XMLHttpRequest'));
}

/** `opts.url` / `opts.uri` on an options parameter (or rest element) of the function: a key its callers set. */
function optionsUrl(e: Extract<Expr, { k: 'ref' }>, fn: FnDef): RegExpExecArray | null {
  const m = /^([A-Za-z_$][\w$]*)\.(url|uri|path|endpoint)$/.exec(e.text);
  return m && (fn.params.includes(m[1]!) || isRestOf(fn, m[1]!)) ? m : null;
}

/**
 * A request given one options object that spreads the helper's options parameter over defaults (gaxios'
 * `gx.request({ method: 'GET', ...opts })`, axios' `http.request({ ...opts, method: 'DELETE' })`): the url and the
 * method are the caller's, a key written after the spread wins, one written before it is the default.
 */
function spreadOptionsSink(c: CallSite, fn: FnDef): Sink | null {
  if (c.fnArg || !(REQUEST_FN.test(c.fn) || SEND_STEP.test(c.fn) && c.recv) || NOT_CLIENT.test(c.recv)) return null;
  const positional = c.args.filter((a) => !a.key).map((a) => a.value);
  const obj = positional.length === 1 ? positional[0] : undefined;
  const over = obj?.k === 'obj' ? spreadOver(obj, fn, c.line) : null;
  if (!over) return null;
  return { name: `${c.recv ? `${c.recv}.` : ''}${c.fn}`, url: [over.url], method: over.method, defaultMethod: over.dflt, relativeOk: !!c.recv };
}

/**
 * An options object spreading the function's options parameter (`{ method: 'GET', ...opts }`): its url and method,
 * the caller's (`opts.url`, `opts.method`) unless a key after the spread sets them; a method before it is the default.
 */
function spreadOver(obj: Extract<Expr, { k: 'obj' }>, fn: FnDef, line: number): { url: Expr; method: Expr; dflt: HttpMethod } | null {
  let at = -1;
  obj.entries.forEach((en, j) => { if (en.key === '...' && en.value.k === 'ref' && en.value.simple && (fn.params.includes(en.value.name) || isRestOf(fn, en.value.name))) at = j; });
  if (at < 0) return null;
  const opt = (obj.entries[at]!.value as Extract<Expr, { k: 'ref' }>).name;
  const own = (re: RegExp) => { let i = -1; obj.entries.forEach((en, j) => { if (re.test(en.key)) i = j; }); return i; };
  const ref = (key: string): Expr => ({ k: 'ref', name: key, text: `${opt}.${key}`, simple: false, line });
  const u = own(/^(url|uri)$/), m = own(METHOD_KEY);
  const lit = m >= 0 && m < at ? obj.entries[m]!.value : null;
  const dflt = lit?.k === 'str' && typeof lit.parts[0] === 'string' && METHOD_TOKEN.test(lit.parts[0]) ? lit.parts[0].toUpperCase() as HttpMethod : 'GET';
  return { url: u > at ? obj.entries[u]!.value : ref('url'), method: m > at ? obj.entries[m]!.value : ref('method'), dflt };
}

/**
 * PHP's Requests (rmccue/requests, WpOrg\Requests): `Requests::request($url, $headers, $data, $type, $options)` takes
 * the method fourth (GET when absent); `Requests\Session->request($url, …)` the same.
 */
function phpRequestsSink(c: CallSite, positional: Expr[]): Sink | null {
  if (c.fn !== 'request' || !/(?:^|\\)Requests$|(?:^|\\)Requests\\Session$/.test(c.recv) || !positional[0]) return null;
  return { name: `${c.recv}::request`, url: [positional[0]], method: positional[3] ?? null, defaultMethod: 'GET', relativeOk: false };
}

// npm HTTP clients by package, as the call they are read like: phin/needle/request take an options object ({ url,
// method }), the fetch family (url, init), axios/got/ky their own.
const HTTP_PACKAGES: ReadonlyMap<string, string> = new Map([
  ['phin', 'request'], ['request', 'request'], ['postman-request', 'request'], ['needle', 'needle'], ['superagent', 'superagent'],
  ['node-fetch', 'fetch'], ['cross-fetch', 'fetch'], ['isomorphic-fetch', 'fetch'], ['make-fetch-happen', 'fetch'], ['undici', 'fetch'],
  ['axios', 'axios'], ['got', 'got'], ['ky', 'ky'], ['ofetch', 'ofetch'],
]);

/** A plain call of a name bound to require('<HTTP package>') (const p = require('phin')) is that package's call. */
function libraryAlias(c: CallSite, fn: FnDef, facts: FileFacts): CallSite {
  if (c.recv || REQUEST_FN.test(c.fn) || fn.params.includes(c.fn)) return c;
  const defs = fn.locals.get(c.fn) ?? facts.defs.get(c.fn);
  const made = defs?.length === 1 ? defs[0] : undefined;
  if (made?.k !== 'call' || made.fn !== 'require' || made.recv) return c;
  const pkg = made.args[0]?.value;
  const name = pkg?.k === 'str' && pkg.parts.length === 1 && typeof pkg.parts[0] === 'string' ? HTTP_PACKAGES.get(pkg.parts[0]) : undefined;
  return name ? { ...c, fn: name } : c;
}

/**
 * A plain call of a name imported under another one (`import { send as go }`, `const { send: go } = require(…)`):
 * the exported function's call, so that helper is found where it is defined.
 */
function importAlias(c: CallSite, fn: FnDef, facts: FileFacts): CallSite {
  if (c.recv || fn.params.includes(c.fn)) return c;
  const named = facts.aliases?.[c.fn];
  if (named) return fn.locals.has(c.fn) ? c : { ...c, fn: named };
  const defs = fn.locals.get(c.fn) ?? facts.defs.get(c.fn);
  const d = defs?.length === 1 ? defs[0] : undefined;
  if (d?.k !== 'elem' || !d.one || typeof d.at !== 'string' || d.at === c.fn || !/^[A-Za-z_$][\w$]*$/.test(d.at)) return c;
  const it = d.iter;
  return it.k === 'call' && (it.fn === 'require' || it.fn === 'import') && !it.recv ? { ...c, fn: d.at } : c;
}

/** `fetch`, `globalThis.fetch`, `window.fetch`: the platform's fetch handed to a wrapper. */
const FETCH_REF = /^(?:(?:globalThis|window|self|global)\.)?fetch$/;
/**
 * A plain call of a name bound to a call given fetch (fetch-retry's `fetchRetry(fetch, opts)`, a throttle's
 * `pThrottle(o)(fetch)`, any wrapper of the same shape) is a fetch: the wrapper returns a fetch of the same signature.
 */
function fetchWrapper(c: CallSite, fn: FnDef, facts: FileFacts): CallSite {
  if (c.recv || REQUEST_FN.test(c.fn) || fn.params.includes(c.fn)) return c;
  const defs = fn.locals.get(c.fn) ?? facts.defs.get(c.fn);
  const made = defs?.length === 1 ? defs[0] : undefined;
  if (made?.k !== 'call' || baseOfFetchWrapper(made)) return c;
  return made.args.some((a) => !a.key && a.value.k === 'ref' && FETCH_REF.test(a.value.text)) ? { ...c, fn: 'fetch' } : c;
}

/**
 * A wrapper given fetch and options naming a base (up-fetch's `up(fetch, () => ({ baseUrl }))`, any factory of that
 * shape): the base its calls' paths are joined to (a client, read by clientCall), or undefined.
 */
function baseOfFetchWrapper(made: Extract<Expr, { k: 'call' }>): Expr | undefined {
  if (!made.args.some((a) => !a.key && a.value.k === 'ref' && FETCH_REF.test(a.value.text))) return undefined;
  return keyedIn(made.args.filter((a) => a.value.k === 'obj'), BASE_KEY);
}

/**
 * A client's paginate step (got's client.paginate(url), .paginate.all(url), .paginate.each(url); the same shape in
 * other libraries) fetches page after page of that path: read as the client's get(url).
 */
function paginateStep(c: CallSite): CallSite {
  if (c.fnArg || !c.recv) return c;
  if (c.fn === 'paginate' && c.recvExpr) return { ...c, fn: 'get' };
  const r = c.recvExpr;
  if (/^(all|each)$/.test(c.fn) && r?.k === 'ref' && !r.simple && r.name === 'paginate' && /^[A-Za-z_$][\w$]*\.paginate$/.test(r.text)) {
    const owner = r.text.slice(0, -'.paginate'.length);
    return { ...c, fn: 'get', recv: owner, recvExpr: { k: 'ref', name: owner, text: owner, line: r.line, simple: true } };
  }
  return c;
}

/** The verb named by a call further along the chain `c` starts (a few steps at most), as a method string. */
function chainVerb(c: CallSite, fn: FnDef): Expr | null {
  let inner: { fn: string; line: number } = c;
  for (let step = 0; step < 6; step++) {
    const outer = fn.calls.find((o) => o.recvExpr?.k === 'call' && o.recvExpr.fn === inner.fn && o.recvExpr.line === inner.line && o !== inner);
    if (!outer) return null;
    const v = VERB.exec(outer.fn);
    if (v && !/^request_/.test(outer.fn)) return { k: 'str', parts: [v[1]!.toLowerCase() === 'del' ? 'DELETE' : v[1]!.toUpperCase()], line: outer.line };
    // Flurl's SendJsonAsync(HttpMethod.Patch, body) / SendAsync(HttpMethod.Delete): the verb it is given.
    const given = /^Send(?:Json|UrlEncoded|String)?Async$/.test(outer.fn) ? outer.args.find((a) => !a.key)?.value : undefined;
    if (given && isMethodExpr(given)) return given;
    if (!outer.chained || SEND_STEP.test(outer.fn)) return null;
    inner = outer;
  }
  return null;
}

/** The method of a PHP stream context: stream_context_create(['http' => ['method' => ...]]), inline or in a local. */
function streamMethod(ctx: Expr, fn: FnDef): Expr | null {
  let e: Expr | undefined = ctx;
  if (e.k === 'ref' && e.simple) e = fn.locals.get(e.name)?.find((x) => x.k === 'call') ?? e;
  if (e.k !== 'call' || e.fn !== 'stream_context_create') return null;
  let opts = e.args[0]?.value;
  // The options array built in a local first: $opts = ['http' => ['method' => $method]]; stream_context_create($opts).
  if (opts?.k === 'ref' && opts.simple) opts = fn.locals.get(opts.name)?.find((x) => x.k === 'obj') ?? opts;
  let http = opts?.k === 'obj' ? opts.entries.find((en) => /^(http|https)$/.test(en.key))?.value : undefined;
  // ['http' => $http], $http built before: $http = ['method' => $method, …].
  if (http?.k === 'ref' && http.simple) http = fn.locals.get(http.name)?.find((x) => x.k === 'obj') ?? http;
  const m = http?.k === 'obj' ? http.entries.find((en) => en.key === 'method')?.value : undefined;
  return m ?? { k: 'str', parts: ['GET'], line: e.line };
}

/** PHP curl: the method is set on the handle by curl_setopt in the same function. */
function curlMethod(fn: FnDef): Expr | null {
  for (const c of fn.calls) {
    if (c.fn === 'curl_setopt') {
      const [, opt, value] = c.args.map((a) => a.value);
      if (opt?.k === 'ref' && opt.name === 'CURLOPT_CUSTOMREQUEST' && value) return value;
      if (opt?.k === 'ref' && /^CURLOPT_(POST|PUT)$/.test(opt.name) && !(value?.k === 'ref' && /false/i.test(value.name))) return { k: 'str', parts: [opt.name.slice(8)], line: c.line };
    }
    if (c.fn === 'curl_setopt_array') {
      const m = keyed(c, /^CURLOPT_CUSTOMREQUEST$/);
      if (m) return m;
      if (keyed(c, /^CURLOPT_POST$/)) return { k: 'str', parts: ['POST'], line: c.line };
    }
  }
  return null;
}

/** curl 8.3+ `{{name}}` / `{{name:fn}}` in an --expand-url: a value set at run time (a config file, --variable), a hole. */
function curlVariables(w: Expr): Expr {
  if (w.k !== 'str' || !w.parts.some((p) => typeof p === 'string' && p.includes('{'))) return w;
  const parts: Array<string | Expr> = [];
  for (const p of w.parts) {
    if (typeof p !== 'string') { parts.push(p); continue; }
    // The string reader has already turned `{{` into `{` (C#/Python escapes): either spelling.
    p.split(/(\{\{?[\w%.-]+(?::[\w:]+)?\}\}?)/).forEach((bit, j) => { if (j % 2) parts.push({ k: 'other', text: bit, line: w.line }); else if (bit) parts.push(bit); });
  }
  return { ...w, parts };
}

const wordLit = (w: Expr) => (w.k === 'str' && w.parts.length === 1 && typeof w.parts[0] === 'string' ? w.parts[0] : null);

/** `"${args[@]}"` of a local array (`local args=(-X "$method" …)`, `args+=(…)`): its words; null when not one. */
function arrayWords(w: Expr, fn: FnDef): Expr[] | null {
  const ref = w.k === 'ref' ? w : w.k === 'str' && w.parts.every((p) => p === '' || typeof p !== 'string') && w.parts.filter((p) => p !== '').length === 1 ? w.parts.find((p) => p !== '') : undefined;
  const name = ref && typeof ref !== 'string' && ref.k === 'ref' ? /^\$\{([A-Za-z_]\w*)\[[@*]\]\}$/.exec(ref.text)?.[1] : undefined;
  const lists = name ? fn.locals.get(name)?.filter((d): d is Extract<Expr, { k: 'list' }> => d.k === 'list') : undefined;
  return lists?.length ? lists.flatMap((l) => l.items.map((it) => it.value)) : null;
}

function shellSink(c: CallSite, fn: FnDef): Sink | null {
  // `NAME=value curl …`: the command's environment, not its words; an array's expansion, its words.
  const words = c.args.filter((a) => !a.key?.startsWith('$')).flatMap((a) => arrayWords(a.value, fn) ?? [a.value]);
  let method: Expr | null = null;
  let data = false;
  const urls: Expr[] = [];
  let items = false;
  let upload = false;
  let get = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const lit = w.k === 'str' && w.parts.length === 1 && typeof w.parts[0] === 'string' ? w.parts[0] : null;
    // "$@" / "$*": the words of a wrapper's caller, not a URL.
    if (w.k === 'ref' && /^\$\{?[@*]/.test(w.text) || w.k === 'str' && w.parts.some((p) => typeof p !== 'string' && p.k === 'ref' && /^\$\{?[@*]/.test(p.text)) && w.parts.every((p) => typeof p !== 'string' || p === '')) continue;
    const httpie = /^(http|https|xh|xhs)$/.test(c.fn);
    // --method=PUT (wget), --request=PUT; --post-data=… / --body-data=… (wget) send a body.
    const inline = lit !== null ? /^--(method|request)=([A-Za-z]+)$/.exec(lit) : null;
    if (inline) { method = { k: 'str', parts: [inline[2]!.toUpperCase()], line: w.line }; continue; }
    // (Its value may be computed: --post-data="$(jq …)" is a word of the option's text and a command.)
    const optHead = w.k === 'str' && typeof w.parts[0] === 'string' ? w.parts[0] : w.k === 'cat' && w.items[0]?.k === 'str' && typeof w.items[0].parts[0] === 'string' ? w.items[0].parts[0] : null;
    if (optHead !== null && /^--(post-data|post-file|body-data|body-file)(?:=|$)/.test(optHead)) { data = true; if (!/=/.test(optHead)) i++; continue; }
    if (c.fn === 'wget' && lit !== null && /^(-O|--output-document|-o|--output-file|--header|-U|--user-agent|--user|--password|-t|--tries|-T|--timeout|--method)$/.test(lit)) {
      if (lit === '--method' && words[i + 1]) method = words[i + 1]!;
      i++;
      continue;
    }
    // httpie / xh: options that take a value.
    if (httpie && lit !== null && /^(-a|--auth|-A|--auth-type|--session|--session-read-only|--timeout|--cert|--cert-key|--verify|-o|--output|-p|--print|--pretty|-s|--style|--format-options|--proxy|--max-redirects|--boundary|--ssl|--ciphers)$/.test(lit)) { i++; continue; }
    // httpie request items after the URL: data fields (a=b, a:=1, a@file) make the default method POST.
    // An item's value may be a variable (title="$1"): its literal head names the kind of item.
    const head = lit ?? (w.k === 'cat' && w.items[0]?.k === 'str' && typeof w.items[0].parts[0] === 'string' ? w.items[0].parts[0] : w.k === 'str' && typeof w.parts[0] === 'string' ? w.parts[0] : null);
    if (httpie && urls.length && head !== null && /^[\w.\[\]-]+(?:=|:=|@)(?!=)/.test(head)) { items = true; continue; }
    if (lit !== null && /^(-X|--request)$/.test(lit)) { method = words[i + 1] ?? null; i++; continue; }
    if (lit !== null && /^-X[A-Z]+$/.test(lit)) { method = { k: 'str', parts: [lit.slice(2)], line: w.line }; continue; }
    // curl 8.3+ --expand-data / --expand-json: the same options, with {{variables}} expanded.
    if (lit !== null && /^(-d|--(?:expand-)?(?:data|data-raw|data-binary|data-urlencode|json)|-F|--form)$/.test(lit)) { data = true; i++; continue; }
    if (c.fn === 'curl' && lit !== null && /^--variable$/.test(lit)) { i++; continue; }
    // -G / --get: the data goes into the query string of a GET.
    if (c.fn === 'curl' && lit !== null && /^(-G|--get)$/.test(lit)) { get = true; continue; }
    // curl -T / --upload-file sends the file with PUT (unless -X names another method).
    if (c.fn === 'curl' && lit !== null && /^(-T|--upload-file)$/.test(lit)) { upload = true; i++; continue; }
    if (lit !== null && /^-/.test(lit)) { if (/^(-H|--header|-u|--user|-o|--output|-A|-e|-b|-c|--url-query|--retry|--retry-delay|--retry-max-time|-m|--max-time|--connect-timeout|-w|--write-out|-x|--proxy|--cacert|--cert|--key|-T|--upload-file|-K|--config|--resolve)$/.test(lit)) i++; continue; }
    // --header="tenant: $T", -H"…": an option glued to its value is not a URL.
    const lead = w.k === 'str' && typeof w.parts[0] === 'string' ? w.parts[0] : w.k === 'cat' && w.items[0]?.k === 'str' && typeof w.items[0].parts[0] === 'string' ? w.items[0].parts[0] : null;
    if (lead !== null && /^-/.test(lead)) continue;
    if (httpie && lit !== null && METHOD_TOKEN.test(lit)) { method = w; continue; }
    // Every other word may be the URL (the first that names a Commerce7 path is taken): `--retry 4 "$API/x"`.
    if (urls.length < 4) urls.push(c.fn === 'curl' && i > 0 && wordLit(words[i - 1]!) === '--expand-url' ? curlVariables(w) : w);
  }
  // httpie / xh: `xh "$method" "$url" …`: a variable before another word is the METHOD of `http [METHOD] URL`.
  const lone = (w: Expr) => w.k === 'ref' || w.k === 'str' && w.parts.filter((p) => p !== '').length === 1 && w.parts.some((p) => typeof p !== 'string' && p.k === 'ref');
  if (/^(http|https|xh|xhs)$/.test(c.fn) && !method && urls.length >= 2 && lone(urls[0]!)) method = urls.shift()!;
  if (!urls.length) return null;
  return { name: c.fn, url: urls, method: method ?? (upload ? { k: 'str', parts: ['PUT'], line: c.line } : (data || items) && !get ? { k: 'str', parts: ['POST'], line: c.line } : null), defaultMethod: 'GET', relativeOk: false };
}

// ---- from a value to an API path ----

/** May a relative path (`get("order")`) count: on a client known to have a Commerce7 base ('strong'), or likely ('weak')? */
export type RelativeOk = false | 'weak' | 'strong';

export interface Classified {
  path: string;
  /** How the value was known to be Commerce7's: its URL, a base-URL name, or only the path's first segment. */
  base: 'url' | 'name' | 'segment' | 'client';
  /** The first segment is computed at run time: the path cannot be known. */
  dynamic: boolean;
}

/** A format placeholder left in a path (a template filled at run time): %s, %d, %<id>s, %{id}, %(id)s. */
const FORMAT_SLOT = /^(?:%[-+ #0]*\d*(?:\.\d+)?[sdvxiu]|%<\w+>[-+ #0]*\d*[sdi]|%\{\w+\}|%\(\w+\)[sd])$/;

/** A value at a sink -> the Commerce7 API path it names, or null when it is not one. */
export function classify(v: Val, opts: { relativeOk: RelativeOk | boolean }): Classified | null {
  // Holes as private-use characters: \uE000 = unknown, \uE001 = a Commerce7 base name, \uE002 = a parameter.
  let s = '';
  for (const p of v.parts) {
    if (typeof p === 'string') s += p.includes(SEP) ? p.split(SEP).join('/') : p;
    else if ('param' in p) s += p.param.startsWith('this.') && BASE_NAME.test(p.param) ? '\uE001' : '\uE002';
    else s += p.base ? '\uE001' : '\uE000';
  }
  let base: Classified['base'];
  let rest: string;
  // { host: 'api.commerce7.com', path: '/v1/order' }: a host without its scheme.
  if (/^[\uE000\uE002]*api\.commerce7\.com(?=[:/]|$)/i.test(s)) s = s.replace(/api\.commerce7\.com/i, 'https://api.commerce7.com');
  const url = C7_URL.exec(s);
  if (url) {
    // Only when the URL starts the value (after holes) or follows a scheme: not a query parameter of another URL.
    const before = s.slice(0, url.index);
    if (/[a-z]:\/\/|[?&=]/i.test(before)) return null;
    base = 'url';
    rest = s.slice(url.index + url[0].length);
  } else if (/^[\uE000\uE002]*\uE001/.test(s)) {
    base = 'name';
    rest = s.replace(/^[\uE000-\uE002]+/, '');
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /^\/\//.test(s)) {
    return null;
  } else if (/^[\uE000\uE002]+\//.test(s)) {
    base = 'segment';
    rest = s.replace(/^[\uE000\uE002]+/, '');
  } else if (s.startsWith('/')) {
    base = 'segment';
    rest = s;
  } else {
    if (!opts.relativeOk) return null;
    base = 'client';
    rest = s;
  }
  rest = rest.replace(/^\/?v1(?=\/|$|\?|\uE000|\uE002)/, '');
  rest = rest.split(/[?#]/)[0]!;
  const segs = rest.split('/').filter(Boolean);
  if (!segs.length) return null;
  const out: string[] = [];
  segs.forEach((seg, i) => {
    const literal = seg.replace(/[\uE000-\uE002]/g, '');
    if (literal === seg) out.push((isIdSegment(seg) && !/^v\d+$/.test(seg)) || /^:\w+$/.test(seg) || FORMAT_SLOT.test(seg) ? '{id}' : seg);
    else if (!literal) out.push('{id}');
    // A hole glued to a word: `order${query}` keeps the word when it is the last segment, else it is an id.
    else if (i === segs.length - 1 && /^[a-z][a-z-]*$/.test(literal) && /^[a-z]/.test(seg)) out.push(literal);
    else out.push('{id}');
  });
  const first = out[0]!;
  const dynamic = first === '{id}';
  // An unknown first segment counts (as unknown) after a Commerce7 base, or on a client known to have one.
  const known = base === 'url' || base === 'name' || base === 'client' && opts.relativeOk === 'strong' && /^[a-z][a-z0-9-]*$/.test(first);
  if (!dynamic && !RESOURCES.has(first) && !known) return null;
  if (dynamic && base !== 'url' && base !== 'name') return null;
  return { path: '/' + out.join('/'), base, dynamic };
}

/** A method value -> the HTTP method, or null when it is not known (a parameter nobody binds, a variable). */
export function methodOf(v: Val | null): HttpMethod | null {
  if (!v) return null;
  if (v.parts.length === 1 && v.parts[0] === ABSENT) return null;
  // (tiny-json-http's and others' `del`: DELETE under a name that is not a keyword.)
  const s = show(v).trim().toUpperCase().replace(/^DEL$/, 'DELETE');
  return (HTTP_METHODS as readonly string[]).includes(s) ? (s as HttpMethod) : null;
}

// ---- request objects made by one call, sent by another ----

/** Tornado's HTTPRequest(url, method=…, body=…) (and the same constructor elsewhere): a request, read like Request(url, method=…). */
const REQUEST_OBJECT = /^HTTPRequest$/;
function requestObject(c: CallSite): CallSite {
  return REQUEST_OBJECT.test(c.fn) && !c.fnArg ? { ...c, fn: 'Request', recv: '' } : c;
}

/** client.fetch(req) of a request object made inline or in a local: counted where it is made (its method= is there). */
function isRequestObject(e: Expr, fn: FnDef): boolean {
  if (e.k === 'call') return REQUEST_OBJECT.test(e.fn);
  return e.k === 'ref' && e.simple && !!fn.locals.get(e.name)?.some((d) => d.k === 'call' && REQUEST_OBJECT.test(d.fn));
}

/** Does the value hold the unknown value of one of these names (a shell variable the caller's environment sets)? */
function namesHole(v: Val, names: { has(name: string): boolean }): boolean {
  return v.parts.some((p) => typeof p !== 'string' && 'hole' in p && names.has(p.hole));
}

/** The value with those names' unknown values replaced by the values given (every combination). */
function substHoles(v: Val, names: Map<string, Val[]>): Val[] {
  const lists = v.parts.map((p) => (typeof p !== 'string' && 'hole' in p && names.get(p.hole)?.length ? names.get(p.hole)! : [{ parts: [p], ev: [] }]));
  return product(lists).map((x) => derive(v, x.parts, [...v.ev, ...x.ev], x));
}

const URL_PART = /^(?:host|hostname|port|scheme|request_uri|userinfo|user|password|authority|origin|fragment|query|path|default_port|normalize)$/;

/** A parameter or local that holds a request class (`verb.new(uri)` with callers passing Net::HTTP::Post). */
const REQUEST_CLASS_NAME = /^(?:verb|method|http_?method|http_?verb|klass|req_?(?:class|klass|type)|request_?(?:class|klass|type)|kind|type)$/i;
const isRequestNew = (d: Expr, fn: FnDef): boolean => d.k === 'call' && d.fn === 'new' && (/^Net::HTTP::(Get|Post|Put|Patch|Delete)$/.test(d.recv)
  || d.recvExpr?.k === 'ref' && d.recvExpr.simple && fn.params.includes(d.recvExpr.name) && REQUEST_CLASS_NAME.test(d.recvExpr.name)
  || !!constGetVerb(d.recvExpr));
/** `Net::HTTP.const_get(verb.to_s.capitalize)`: the request class named by a value (its method), or null. */
function constGetVerb(e: Expr | undefined): Expr | null {
  return e?.k === 'call' && e.fn === 'const_get' && /^(?:::)?Net::HTTP$/.test(e.recv) && e.args[0] && !e.args[0].key ? e.args[0].value : null;
}

/**
 * Ruby's Net::HTTP request classes handed around: `klass.new(uri)` on a parameter is a request whose method is the
 * class the caller passes (Net::HTTP::Post -> POST); `http.request(uri, req)` of such a request (net-http-persistent,
 * Net::HTTP) sends it and is counted where it is made. undefined: not this shape.
 */
function requestClassSink(c: CallSite, fn: FnDef): Sink | null | undefined {
  const positional = c.args.filter((a) => !a.key).map((a) => a.value);
  if (c.fn === 'new' && c.recvExpr && isRequestNew({ k: 'call', fn: 'new', recv: c.recv, recvExpr: c.recvExpr, args: [], line: c.line }, fn) && (!/^Net::/.test(c.recv) || constGetVerb(c.recvExpr))) {
    // (Net::HTTP.const_get(verb.to_s.capitalize).new(uri): the method is the value it names.)
    return positional[0] ? { name: `${c.recv}.new`, url: [positional[0]], method: constGetVerb(c.recvExpr) ?? c.recvExpr, defaultMethod: null, relativeOk: false } : null;
  }
  if (c.fn === 'request' && c.recv && positional.some((p) => isRequestNew(p, fn) || p.k === 'ref' && p.simple && fn.locals.get(p.name)?.some((d) => isRequestNew(d, fn)))) return null;
  return undefined;
}

/** python-simple-rest-client's default actions: method, and whether the path ends in the id the call passes. */
const SIMPLE_REST_ACTIONS: ReadonlyMap<string, [string, boolean]> = new Map([
  ['list', ['GET', false]], ['create', ['POST', false]], ['retrieve', ['GET', true]], ['update', ['PUT', true]], ['partial_update', ['PATCH', true]], ['destroy', ['DELETE', true]],
]);

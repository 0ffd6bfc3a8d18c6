// A syntax tree of any of the grammars -> the few facts the audit's data flow needs, as plain data (the tree is freed
// right after): the definitions of names (constants, variables, fields, table entries), the functions (parameters,
// calls, returns) and every call with its arguments. Node types differ per grammar; the tables below name them.
import type { SyntaxNode } from './parse.js';
import { channelRange, channelSend, copyLoop, dictionaryLiteral, iotaConst, isExtensionMethod, uriBuilderPath, nullFallback, primaryCtor, requestSetter, switchTable, type PrimaryCtor } from './csgo.js';
import { curlConfigArgs, curlConfigInput, shellWords } from './shell.js';
import { powershellFacts } from './powershell.js';

export type Expr =
  /** A string literal; interpolations (`${x}`, f"{x}", "#{x}", "$x", $"{x}") are nested expressions. */
  | { k: 'str'; parts: Array<string | Expr>; line: number }
  /** A name: `BASE`, `this.base`, `paths.Order`, `$base`, `@base`, `Net::HTTP::Post`; `name` is its last identifier. */
  | { k: 'ref'; name: string; text: string; line: number; simple: boolean; of?: Expr; keyExpr?: Expr }
  /** A list literal (`[a, ...rest]`, `[]string{a}`, a tuple): joined by `.join(sep)` / `strings.Join`. */
  | { k: 'list'; items: Array<{ value: Expr; spread: boolean }>; line: number }
  | { k: 'cat'; items: Expr[]; line: number }
  | { k: 'call'; fn: string; recv: string; recvExpr?: Expr; args: Arg[]; line: number }
  | { k: 'obj'; entries: Array<{ key: string; value: Expr }>; line: number }
  /** orElse: `a ?? b`, b only where a is null (csgo.ts nullFallback). */
  | { k: 'alt'; items: Expr[]; line: number; orElse?: boolean }
  /** `"a/%s" % x` (Python, Ruby). */
  | { k: 'fmt'; format: Expr; args: Expr[]; line: number }
  | { k: 'sym'; name: string; line: number }
  /** `TABLE[key]` with a key computed at run time (a parameter, a variable): looked up once the key is known. */
  | { k: 'index'; obj: Expr; key: Expr; line: number }
  /**
   * A loop variable: an element of `iter` (`for (m, p) in STEPS`, `foreach ($steps as [$m, $p])`, `while read m p`
   * over a here-document, `steps.forEach((s) => …)`); `at` picks a position (a tuple's) or a key (an object's, a
   * struct's field); `loop` names the loop, so the variables of one element go together.
   */
  | { k: 'elem'; iter: Expr; at?: number | string; loop: string; line: number; one?: boolean }
  | { k: 'other'; text: string; line: number };

export interface Arg { key?: string; value: Expr }

export interface CallSite {
  fn: string;
  /** The receiver's source text ('' for a plain function call). */
  recv: string;
  recvExpr?: Expr;
  args: Arg[];
  line: number;
  /** A function literal or block is passed: a route declaration or an event handler, not an HTTP call. */
  fnArg: boolean;
  /** The call is the receiver of another call (`a.path('x')` in `a.path('x').send()`): the chain's last call decides. */
  chained?: boolean;
}

export interface FnDef {
  name: string;
  /** Parameters a loop iterates over (`for (const s of steps)`): bound element by element at each call site. */
  iterParams?: Set<string>;
  /** Positional parameters; a destructured one (`{ method, query } = {}`) is named `{}` and listed in `pattern`. */
  params: string[];
  /** Names bound from a destructured parameter: `{ method }` at position 2 -> { index: 2, key: 'method' }; a rest element `...init` has key '...'. */
  pattern: Array<{ index: number; key: string; name: string }>;
  /** Default values of parameters (`method = 'GET'`). */
  defaults: Map<string, Expr>;
  calls: CallSite[];
  locals: Map<string, Expr[]>;
  returns: Expr[];
  line: number;
  file: string;
  /** A method (called as `x.name(...)`): a leading self/cls parameter is not an argument. */
  method: boolean;
  /** The rest parameter (`...parts`, Go `parts ...string`, Python `*parts`): bound to all the remaining arguments. */
  rest?: string;
  /** The class the function is defined in ('' outside one). */
  cls?: string;
  /** A constructor's fields set from its parameters: `this.path = path`, TS `private path: string`, PHP promotion. */
  fields?: Map<string, string>;
  /**
   * A curried function (`(tenant) => (path, init) => fetch(API + path, init)`): its first `curry` parameters are the
   * outer call's, the rest those of the function it returns (`const call = c7(tenant); call('/order')`).
   */
  curry?: number;
  /** A declaration without a body of its own (Python `...`/`pass`, a C# interface method): an API client library's
   * declared call (uplink, Refit); what it returns is a response. */
  stub?: boolean;
  /** A method the code generates (Ruby's define_method per table entry): an API surface, never an entry point. */
  generated?: boolean;
  /** A method only its own class may call (private, `#name`, C#'s default, Python's `_name`). */
  private?: boolean;
  /** A C# extension method (`this HttpClient http` first): called as `http.Name(…)`, the receiver is that parameter. */
  extension?: boolean;
  /** C# parameters defaulting to null whose `?? fallback` is their default (csgo.ts nullFallback). */
  nullDefaults?: Set<string>;
}

export interface FileFacts {
  file: string;
  grammar: string;
  defs: Map<string, Expr[]>;
  fns: FnDef[];
  /** The file's top-level code, as a function without parameters. */
  top: FnDef;
  /** C# classes with a primary constructor, by name (csgo.ts primaryCtor). */
  primary?: Map<string, PrimaryCtor>;
  /** JS/TS imports under another name (`import { send as go }`): local name -> the exported name. */
  aliases?: Record<string, string>;
  /** JS/TS/PHP classes: the class each extends and its fields' initial values (`protected root = '/vendor'`). */
  classes?: Record<string, { base?: string; fields: Record<string, Expr>; superArgs?: Arg[] }>;
}

const STRING = new Set(['string', 'template_string', 'encapsed_string', 'string_literal', 'verbatim_string_literal', 'raw_string_literal',
  'interpreted_string_literal', 'interpolated_string_expression', 'heredoc', 'nowdoc', 'raw_string', 'character_literal', 'string_value']);
const STRING_TEXT = new Set(['string_fragment', 'string_content', 'escape_sequence', 'string_start', 'string_end', 'interpolation_start',
  'interpolation_quote', 'string_literal_content', 'interpreted_string_literal_content', 'raw_string_literal_content', 'heredoc_start',
  'heredoc_end', 'heredoc_body', 'nowdoc_body', 'nowdoc_string', 'interpolated_string_text', 'interpolated_verbatim_string_text',
  'string_literal_encoding', 'raw_string_start', 'raw_string_end', 'raw_string_content', 'string_value', 'text_interpolation']);
const WRAPPERS = new Set(['template_substitution', 'interpolation', 'parenthesized_expression', 'await_expression', 'await', 'as_expression',
  'non_null_expression', 'satisfies_expression', 'type_assertion', 'argument', 'literal_element', 'expression_list', 'expression_statement',
  'cast_expression', 'parenthesized_statements', 'arrow_expression_clause', 'unary_expression_paren', 'equals_value_clause', 'spread_element_no']);
const IDENT = new Set(['identifier', 'constant', 'variable_name', 'name', 'property_identifier', 'field_identifier',
  'shorthand_property_identifier', 'instance_variable', 'class_variable', 'global_variable', 'simple_expansion', 'expansion',
  'type_identifier', 'predefined_type', 'qualified_name', 'private_property_identifier', 'this', 'self', 'variable_name_php']);
const MEMBER = new Set(['member_expression', 'attribute', 'member_access_expression', 'selector_expression', 'scope_resolution',
  'class_constant_access_expression', 'field_expression', 'nullsafe_member_access_expression', 'scoped_property_access_expression',
  'qualified_identifier', 'scoped_identifier', 'conditional_access_expression']);
const SUBSCRIPT = new Set(['subscript_expression', 'subscript', 'element_access_expression', 'element_reference', 'index_expression']);
const BINARY = new Set(['binary_expression', 'binary_operator', 'binary', 'boolean_operator']);
const TERNARY = new Set(['ternary_expression', 'conditional_expression', 'conditional']);
const CALL = new Set(['call_expression', 'new_expression', 'call', 'invocation_expression', 'object_creation_expression', 'function_call_expression',
  'member_call_expression', 'scoped_call_expression', 'nullsafe_member_call_expression', 'command', 'implicit_object_creation_expression']);
const OBJECT = new Set(['object', 'dictionary', 'hash', 'array_creation_expression', 'initializer_expression', 'anonymous_object_creation_expression', 'literal_value']);
const NUMBER = new Set(['number', 'integer', 'float', 'int_literal', 'integer_literal', 'real_literal', 'float_literal']);
const FUNCTION = new Set(['function_declaration', 'function_definition', 'method_definition', 'method_declaration', 'function_expression',
  'arrow_function', 'method', 'singleton_method', 'local_function_statement', 'func_literal', 'generator_function_declaration',
  'generator_function', 'anonymous_function_creation_expression', 'anonymous_function', 'arrow_function_expression', 'lambda',
  'lambda_expression', 'function_item', 'constructor_declaration']);
const FN_LITERAL = new Set(['arrow_function', 'function_expression', 'func_literal', 'lambda', 'lambda_expression', 'anonymous_function_creation_expression',
  'anonymous_function', 'arrow_function_expression', 'block', 'do_block']);

const lineOf = (n: SyntaxNode) => n.startPosition.row + 1;
/** web-tree-sitter hands out a new wrapper per access: compare nodes by position and type. */
const same = (a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined) => !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
const lastIdent = (text: string) => /([A-Za-z_][\w]*)\W*$/.exec(text.replace(/\(\)$/, ''))?.[1] ?? text;

function namedChildren(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i);
    if (c && c.isNamed && c.type !== 'comment') out.push(c);
  }
  return out;
}

function field(n: SyntaxNode, name: string): SyntaxNode | null {
  return n.childForFieldName(name);
}

function unquoteKey(n: SyntaxNode): string {
  return n.text.replace(/^[:$@]|:$/g, '').replace(/^(["'`])(.*)\1$/s, '$2');
}

/** The text parts and interpolations of a string node. */
function stringExpr(n: SyntaxNode): Expr {
  const parts: Array<string | Expr> = [];
  const text = n.text;
  let at = 0;
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i)!;
    if (!c.isNamed || STRING_TEXT.has(c.type) || c.type === 'comment') continue;
    const start = c.startIndex - n.startIndex;
    if (start > at) parts.push(text.slice(at, start));
    let inner: SyntaxNode = c;
    if (c.type === 'template_substitution' || c.type === 'interpolation') inner = namedChildren(c).find((x) => x.type !== 'interpolation_brace' && x.type !== 'interpolation_alignment_clause' && x.type !== 'interpolation_format_clause') ?? c;
    parts.push(toExpr(inner));
    at = c.endIndex - n.startIndex;
  }
  if (at < text.length) parts.push(text.slice(at));
  // PHP's complex syntax "{$this->api}/x": the braces are the interpolation's, not the string's.
  if (n.type === 'encapsed_string' || n.type === 'heredoc_body') {
    for (let i = 1; i < parts.length - 1; i++) {
      const before = parts[i - 1], after = parts[i + 1];
      if (typeof parts[i] !== 'string' && typeof before === 'string' && typeof after === 'string' && before.endsWith('{') && after.startsWith('}')) {
        parts[i - 1] = before.slice(0, -1);
        parts[i + 1] = after.slice(1);
      }
    }
  }
  // Delimiters: quotes with a prefix (f", $", @", r', b`), heredoc markers.
  if (typeof parts[0] === 'string') parts[0] = parts[0].replace(/^(?:<<<['"]?\w+['"]?\r?\n|[A-Za-z@$]{0,3}(?:"""|'''|["'`]))/, '');
  const last = parts.length - 1;
  if (typeof parts[last] === 'string') parts[last] = (parts[last] as string).replace(/(?:"""|'''|["'`]|\r?\n\s*\w+;?)$/, '');
  if (n.type === 'interpolated_string_expression' && typeof parts[0] === 'string') parts[0] = (parts[0] as string).replace(/^\$?@?\$?"/, '');
  return { k: 'str', parts: parts.map((p) => (typeof p === 'string' ? p.replace(/\{\{/g, '{').replace(/\}\}/g, '}') : p)), line: lineOf(n) };
}

/** The callee, receiver and arguments of a call node. */
function callParts(n: SyntaxNode): { fn: string; recv: string; recvExpr?: Expr; argsNode: SyntaxNode[]; block: boolean } {
  let fnNode: SyntaxNode | null = null;
  let recvNode: SyntaxNode | null = null;
  let argsHolder: SyntaxNode | null = field(n, 'arguments');
  let fn = '';
  switch (n.type) {
    case 'call': // python (function) or ruby (receiver, method)
      if (field(n, 'method')) { fnNode = field(n, 'method'); recvNode = field(n, 'receiver'); } else fnNode = field(n, 'function');
      break;
    case 'member_call_expression': case 'nullsafe_member_call_expression':
      fnNode = field(n, 'name'); recvNode = field(n, 'object'); break;
    case 'scoped_call_expression':
      fnNode = field(n, 'name'); recvNode = field(n, 'scope'); break;
    case 'new_expression':
      fnNode = field(n, 'constructor'); break;
    case 'object_creation_expression': case 'implicit_object_creation_expression':
      fnNode = field(n, 'type') ?? namedChildren(n).find((c) => c.type === 'name' || c.type === 'qualified_name') ?? null;
      argsHolder ??= namedChildren(n).find((c) => c.type === 'arguments' || c.type === 'argument_list') ?? null;
      break;
    case 'command':
      fnNode = field(n, 'name'); break;
    default:
      fnNode = field(n, 'function');
  }
  // TypeScript parses `await api.put<T>(…)` as a call of `await api.put` (type arguments bind after the await).
  if (fnNode?.type === 'await_expression') fnNode = namedChildren(fnNode)[0] ?? fnNode;
  if (fnNode && MEMBER.has(fnNode.type) && !recvNode) {
    const kids = namedChildren(fnNode);
    const prop = field(fnNode, 'property') ?? field(fnNode, 'attribute') ?? field(fnNode, 'field') ?? field(fnNode, 'name') ?? kids[kids.length - 1] ?? null;
    recvNode = field(fnNode, 'object') ?? field(fnNode, 'operand') ?? field(fnNode, 'expression') ?? field(fnNode, 'scope') ?? kids[0] ?? null;
    fn = prop ? lastIdent(prop.text.replace(/<.*$/s, '')) : '';
  } else if (fnNode) {
    fn = lastIdent(fnNode.text.replace(/<.*$/s, ''));
    if (n.type === 'new_expression' || n.type === 'object_creation_expression') recvNode = null;
  } else if (n.type === 'implicit_object_creation_expression') fn = 'new';
  if (n.type === 'command') {
    let args = shellWords(namedChildren(n).filter((c) => !same(c, fnNode) && c.type !== 'command_name' && c.type !== 'variable_assignment' && c.type !== 'file_redirect' && c.type !== 'herestring_redirect'));
    // `set -- GET "club/$id"; c7 "$@"`: the words "$@" stands for are the last `set --` before it (POSIX sh's array).
    if (args.some(isAllArgs)) {
      const set = lastSetArgs(n);
      if (set) args = args.flatMap((a) => (isAllArgs(a) ? set : [a]));
    }
    // NAME=value fn …: the assignment is in the environment of that one command (a function reads it as $NAME).
    args.push(...namedChildren(n).filter((c) => c.type === 'variable_assignment'));
    // curl --config - <<EOF: the options on stdin are arguments too (toArgs reads them).
    const config = fn === 'curl' ? curlConfigInput(n, args) : null;
    if (config) args.push(config);
    // A command run by another (`xargs -I{} curl …`, `env A=b curl …`, `timeout 30 wget …`): the inner command's.
    if (RUNNER.test(fn)) {
      const at = args.findIndex((c) => /^(?:curl|wget|http|https|xh|xhs)$/.test(c.text));
      if (at >= 0) return { fn: args[at]!.text, recv: '', argsNode: args.slice(at + 1), block: false };
    }
    return { fn, recv: '', argsNode: args, block: false };
  }
  const argsNode = argsHolder ? namedChildren(argsHolder) : [];
  if (n.type === 'object_creation_expression' || n.type === 'implicit_object_creation_expression') {
    const init = field(n, 'initializer') ?? namedChildren(n).find((c) => c.type === 'initializer_expression') ?? null;
    if (init) argsNode.push(init);
  }
  const block = field(n, 'block') !== null || namedChildren(n).some((c) => c.type === 'do_block' || c.type === 'block' && n.type === 'call');
  return { fn, recv: recvNode?.text ?? '', recvExpr: recvNode ? toExpr(recvNode) : undefined, argsNode, block };
}

/** A lone `"$@"` / `$@` word. */
const isAllArgs = (a: SyntaxNode) => /^"?\$(?:@|\{@\})"?$/.test(a.text);

/**
 * The words of the last `set -- word…` before the command `n` in its function (or the script's top level), looking
 * back through the statements that enclose it; null when there is none.
 */
function lastSetArgs(n: SyntaxNode): SyntaxNode[] | null {
  for (let at: SyntaxNode | null = n; at && at.type !== 'function_definition'; at = at.parent) {
    const p = at.parent;
    if (!p) break;
    let before: SyntaxNode | null = null;
    for (let i = 0; i < p.childCount; i++) {
      const c = p.child(i)!;
      if (c.startIndex >= at.startIndex) break;
      if (c.type === 'command' && field(c, 'name')?.text === 'set') {
        const words = namedChildren(c).filter((w) => w.type !== 'command_name');
        if (words[0]?.text === '--') before = c;
      }
    }
    if (before) return namedChildren(before).filter((w) => w.type !== 'command_name').slice(1);
  }
  return null;
}

const RUNNER = /^(?:xargs|env|sudo|doas|time|nohup|nice|ionice|timeout|exec|command|builtin|parallel|watch|stdbuf|retry|flock|chronic)$/;

function toArgs(nodes: SyntaxNode[]): Arg[] {
  const out: Arg[] = [];
  for (const a of nodes) {
    if (a.type === 'heredoc_redirect' || a.type === 'herestring_redirect') { out.push(...curlConfigArgs(a, toExpr)); continue; }
    if (a.type === 'variable_assignment') { const v = field(a, 'value'); if (v) out.push({ key: `$${field(a, 'name')?.text ?? ''}`, value: toExpr(v) }); continue; }
    if (a.type === 'keyword_argument' || a.type === 'pair' && a.parent?.type === 'argument_list') {
      const key = field(a, 'name') ?? field(a, 'key');
      const value = field(a, 'value');
      if (key && value) out.push({ key: unquoteKey(key), value: toExpr(value) });
      continue;
    }
    if (a.type === 'argument') {
      const name = field(a, 'name') ?? namedChildren(a).find((c) => c.type === 'name_colon') ?? null;
      const kids = namedChildren(a).filter((c) => !same(c, name) && c.type !== 'name_colon');
      const v = kids[kids.length - 1];
      if (v) out.push({ key: name ? lastIdent(name.text) : undefined, value: toExpr(v) });
      continue;
    }
    out.push({ value: toExpr(a) });
  }
  return out;
}

export function toExpr(n: SyntaxNode): Expr {
  const line = lineOf(n);
  const t = n.type;
  if (STRING.has(t)) return stringExpr(n);
  if (t === 'concatenated_string' || t === 'concatenation') return { k: 'cat', items: namedChildren(n).map(toExpr), line };
  if (t === 'word' || NUMBER.has(t)) return { k: 'str', parts: [n.text], line };
  if (t === 'simple_symbol' || t === 'hash_key_symbol') return { k: 'sym', name: n.text.replace(/^:/, ''), line };
  // Ruby's :"#{verb.downcase}" (send's method): a string with its interpolations, the colon dropped.
  if (t === 'delimited_symbol') {
    const str = stringExpr(n);
    if (str.k === 'str' && typeof str.parts[0] === 'string') str.parts[0] = str.parts[0].replace(/^:["']?/, '');
    const last = str.k === 'str' ? str.parts.length - 1 : -1;
    if (str.k === 'str' && typeof str.parts[last] === 'string') str.parts[last] = (str.parts[last] as string).replace(/["']$/, '');
    return str;
  }
  if (t === 'expansion') {
    // Bash's ${T[key]} (an associative array's entry): the entry, as a table lookup.
    const sub = namedChildren(n)[0];
    const arr = sub?.type === 'subscript' ? namedChildren(sub) : [];
    if (arr.length === 2 && arr[0]!.type === 'variable_name' && n.text === `\${${sub!.text}}`) {
      const of: Expr = { k: 'ref', name: arr[0]!.text, text: arr[0]!.text, line, simple: true };
      const idx = arr[1]!;
      if (idx.type === 'word' && /^[\w-]+$/.test(idx.text) && !/^\d+$/.test(idx.text)) return { k: 'ref', name: idx.text, text: n.text, line, simple: false, of, keyExpr: { k: 'str', parts: [idx.text], line } };
      if (idx.type === 'simple_expansion' || idx.type === 'expansion' || STRING.has(idx.type)) return { k: 'index', obj: of, key: toExpr(idx), line };
    }
  }
  // Bash's ${2:-GET}, ${C7_API:=https://…}: the variable, or the default where it is unset or empty.
  const dflt = t === 'expansion' ? shellDefault(n) : null;
  // (${query:+?$query}: the word where the variable is set, else nothing.)
  if (dflt?.alternate) return { k: 'alt', items: [toExpr(dflt.value), { k: 'str', parts: [''], line }], line };
  // (A positional parameter's default, ${2:-GET}, is the function's parameter default: see visit. Another
  // variable's default is kept when it is a URL, ${C7_BASE:-https://…}: a name set per command, ${VERB:-GET}, is
  // bound where the command runs.)
  if (dflt && !/^\d+$/.test(dflt.name) && /^["']?https?:\/\//.test(dflt.value.text)) return { k: 'alt', items: [{ k: 'ref', name: dflt.name, text: `$${dflt.name}`, line, simple: true }, toExpr(dflt.value)], line, orElse: true };
  if (t === 'simple_expansion' || t === 'expansion') {
    const name = /\$\{?#?!?([A-Za-z_]\w*|\d+)/.exec(n.text)?.[1] ?? n.text;
    const ref: Expr = { k: 'ref', name, text: n.text, line, simple: true };
    // ${pair%%:*}, ${pair#*:}: the value with a prefix or suffix pattern removed (evaluated by the flow).
    const strip = /^\$\{([A-Za-z_]\w*|\d+)(%%|%|##|#)([^}]*)\}$/.exec(n.text);
    if (strip) return { k: 'call', fn: '${strip}', recv: '', args: [{ value: ref }, { value: { k: 'str', parts: [strip[2]!], line } }, { value: { k: 'str', parts: [strip[3]!], line } }], line };
    return ref;
  }
  if (IDENT.has(t)) {
    const name = lastIdent(n.text);
    return { k: 'ref', name, text: n.text, line, simple: !/[.:>]/.test(n.text) };
  }
  if (MEMBER.has(t)) return { k: 'ref', name: lastIdent(n.text), text: n.text, line, simple: false };
  if (SUBSCRIPT.has(t)) {
    let idx = field(n, 'index') ?? field(n, 'subscript') ?? namedChildren(n)[1] ?? null;
    // C#'s table[op]: the one argument in the brackets.
    if (idx?.type === 'bracketed_argument_list' && namedChildren(idx).length === 1) { const a = namedChildren(idx)[0]!; idx = a.type === 'argument' ? namedChildren(a)[0] ?? a : a; }
    const key = idx ? (STRING.has(idx.type) ? idx.text.replace(/^["'`]|["'`]$/g, '') : idx.type === 'simple_symbol' ? idx.text.slice(1) : null) : null;
    const obj = field(n, 'object') ?? field(n, 'value') ?? field(n, 'operand') ?? namedChildren(n)[0] ?? null;
    // path.Split('?')[0] / strings.Split(path, "?")[0]: the path before its query (the query is dropped anyway).
    if (obj && idx?.text === '0' && CALL.has(obj.type)) { const c = toExpr(obj); if (c.k === 'call' && /^(?:Split|SplitN|split)$/.test(c.fn)) { const head = c.recv === 'strings' ? c.args[0]?.value : c.recvExpr; if (head) return head; } }
    // s[0] on a loop variable over tuples: that position (flow.ts loopField).
    if (obj && idx && NUMBER.has(idx.type) && /^\d+$/.test(idx.text) && IDENT.has(obj.type)) return { k: 'ref', name: `[${idx.text}]`, text: n.text, line, simple: false, of: toExpr(obj), keyExpr: { k: 'str', parts: [idx.text], line } };
    if (key && /^\w[\w-]*$/.test(key)) return { k: 'ref', name: key, text: n.text, line, simple: false, ...(obj ? { of: toExpr(obj), keyExpr: { k: 'str', parts: [key], line } as Expr } : {}) };
    // A sub-resource by a computed string (`api["order/#{id}"]`): kept with its object, for clients indexed by path.
    if (obj && idx && STRING.has(idx.type)) return { k: 'ref', name: 'index', text: n.text, line, simple: false, of: toExpr(obj), keyExpr: toExpr(idx) };
    // A step of a sub-resource chain by a computed segment (RestClient's api["order"][id]["fulfillment"]): kept with
    // its object too; flow.ts joins it only when the chain starts at a client with a Commerce7 base.
    if (obj && idx && !key && SUBSCRIPT.has(obj.type)) {
      const of = toExpr(obj);
      if (of.k === 'ref' && of.of) return { k: 'ref', name: 'index', text: n.text, line, simple: false, of, keyExpr: toExpr(idx) };
    }
    if (obj && idx && !key && /^(?:[$@]*[A-Za-z_][\w]*(?:(?:::|\.|->)[A-Za-z_]\w*)?)$/.test(obj.text) && /^[$@]*[A-Za-z_][\w.]*$/.test(idx.text)) {
      return { k: 'index', obj: toExpr(obj), key: toExpr(idx), line };
    }
    return { k: 'other', text: (obj?.text ?? '') + '[]', line };
  }
  // Go's &x, *p, &url.URL{…}: the value pointed at. Other `&T{…}` keep their text: `&http.Client{…}` names a client.
  if (t === 'unary_expression' && /^[&*](?!&)/.test(n.text) && field(n, 'operand')) {
    const operand = field(n, 'operand')!;
    if (operand.type !== 'composite_literal' || n.text.startsWith('&url.URL{')) return toExpr(operand);
  }
  if (WRAPPERS.has(t)) {
    const kids = namedChildren(n).filter((c) => c.type !== 'type_annotation' && c.type !== 'type_identifier' || t === 'argument');
    const inner = t === 'as_expression' || t === 'satisfies_expression' || t === 'cast_expression' ? field(n, 'value') ?? kids[0] : kids[kids.length - 1];
    if (t === 'as_expression' && kids[0]) return toExpr(kids[0]);
    return inner ? toExpr(inner) : { k: 'other', text: n.text, line };
  }
  if (BINARY.has(t)) {
    const left = field(n, 'left');
    const right = field(n, 'right');
    const op = field(n, 'operator')?.text ?? n.text.slice((left?.endIndex ?? n.startIndex) - n.startIndex, (right?.startIndex ?? n.endIndex) - n.startIndex).trim();
    if (!left || !right) return { k: 'other', text: n.text, line };
    if (op === '+' || op === '.' || op === '..') return { k: 'cat', items: [toExpr(left), toExpr(right)], line };
    if (op === '%') return { k: 'fmt', format: toExpr(left), args: right.type === 'tuple' || right.type === 'array' ? namedChildren(right).map(toExpr) : [toExpr(right)], line };
    if (['||', '??', 'or', '?:', '||='].includes(op)) return { k: 'alt', items: [toExpr(left), toExpr(right)], line, ...(op === '??' ? { orElse: true } : {}) };
    return { k: 'other', text: n.text, line };
  }
  if (TERNARY.has(t)) {
    const a = field(n, 'consequence') ?? field(n, 'body');
    const b = field(n, 'alternative');
    // Python's `a if cond else b` names no fields: its children are the value, the condition, the other value.
    const kids = namedChildren(n);
    const items = a && b ? [a, b] : t === 'conditional_expression' && kids.length === 3 ? [kids[0]!, kids[2]!] : kids.slice(1);
    return { k: 'alt', items: items.map(toExpr), line };
  }
  { const dict = dictionaryLiteral(n, toExpr, namedChildren); if (dict) return dict; }
  if (CALL.has(t)) {
    const { fn, recv, recvExpr, argsNode } = callParts(n);
    return { k: 'call', fn, recv, recvExpr, args: toArgs(argsNode), line };
  }
  // PHP's match ($op) { 'create' => 'POST', default => 'GET' }: the subject and its arms by literal key (flow.ts).
  if (t === 'match_expression') {
    const subject = namedChildren(n)[0];
    const block = namedChildren(n).find((c) => c.type === 'match_block');
    const arms: Arg[] = [];
    for (const arm of block ? namedChildren(block) : []) {
      const kids = namedChildren(arm);
      const value = kids[kids.length - 1];
      if (!value) continue;
      if (arm.type === 'match_default_expression') arms.push({ key: '\u0000default', value: toExpr(value) });
      else for (const c of namedChildren(kids[0]!)) if (STRING.has(c.type)) arms.push({ key: c.text.replace(/^["']|["']$/g, ''), value: toExpr(value) });
    }
    if (subject && arms.length) return { k: 'call', fn: '#match', recv: '', args: [{ value: toExpr(subject) }, ...arms], line };
  }
  // Options given as a thunk (up-fetch's up(fetch, () => ({ baseUrl }))): the object it returns.
  const thunk = optionsThunk(n);
  if (thunk) return toExpr(thunk);
  // Ruby's %w[customer order] / %i[a b].
  if (t === 'string_array' || t === 'symbol_array') {
    return { k: 'list', items: namedChildren(n).map((c) => ({ value: (t === 'symbol_array' ? { k: 'sym', name: c.text, line: lineOf(c) } : { k: 'str', parts: [c.text], line: lineOf(c) }) as Expr, spread: false })), line };
  }
  if (t === 'switch_expression') { const table = switchTable(n, toExpr, namedChildren); if (table) return table; }
  // C#'s (HttpMethod.Get, "/order"), a collection initializer of such ({ (a, b), (c, d) }), new[] { … }, C# 12's [a, b].
  // (The grammar reads `T[] x = [a, b]` as an element_binding_expression; as a dictionary initializer's key it is not a list.)
  if (t === 'tuple_expression' || t === 'collection_expression' || t === 'element_binding_expression' && n.parent?.type !== 'assignment_expression' || t === 'initializer_expression' && !namedChildren(n).some((c) => c.type === 'assignment_expression')) {
    return { k: 'list', items: namedChildren(n).map((c) => ({ value: toExpr(c), spread: false })), line };
  }
  if (t === 'implicit_array_creation_expression' || t === 'array_creation_expression') {
    // C#'s new[] { … } (PHP's [...] is an array_creation_expression too, without an initializer: an object below).
    const init = namedChildren(n).find((c) => c.type === 'initializer_expression');
    if (init) return toExpr(init);
    if (t === 'implicit_array_creation_expression') return { k: 'other', text: n.text.slice(0, 80), line };
  }
  // Bash's associative array literal, ( [k]="v" [k2]=v2 ): an object of its entries.
  if (t === 'array' && namedChildren(n).length && namedChildren(n).every((c) => c.type === 'concatenation' && /^\[[\w-]+\]=/.test(c.text))) {
    const entries = namedChildren(n).map((c) => {
      const kids = namedChildren(c);
      const eq = kids.findIndex((k) => k.type === 'word' && k.text.startsWith('='));
      const key = /^\[([\w-]+)\]/.exec(c.text)![1]!;
      const rest: Expr[] = kids.slice(eq + 1).map(toExpr);
      const head = eq >= 0 ? kids[eq]!.text.slice(1) : '';
      const items = head ? [{ k: 'str', parts: [head], line } as Expr, ...rest] : rest;
      return { key, value: items.length === 1 ? items[0]! : { k: 'cat', items, line } as Expr };
    });
    return { k: 'obj', entries, line };
  }
  if (t === 'array' || t === 'list' || t === 'tuple' || t === 'expression_list_no' || (t === 'composite_literal' && /^(slice_type|array_type|implicit_length_array_type)$/.test(field(n, 'type')?.type ?? ''))) {
    const holder = t === 'composite_literal' ? field(n, 'body') : n;
    // Go: []struct{ name, path string }{{"a", "/b"}} or []Step{{"GET", "/x"}}: positional elements take the fields' names.
    const fields = t === 'composite_literal' ? structFields(field(field(n, 'type')!, 'element')) : null;
    const items = holder ? namedChildren(holder).map((c) => {
      const spread = c.type === 'spread_element' || c.type === 'list_splat' || c.type === 'splat_argument' || c.type === 'variadic_argument';
      const inner = spread ? namedChildren(c)[0] ?? c : c;
      const lit = fields && inner.type === 'literal_element' ? namedChildren(inner)[0] : undefined;
      if (fields && lit?.type === 'literal_value' && !namedChildren(lit).some((x) => x.type === 'keyed_element')) {
        const entries = namedChildren(lit).slice(0, fields.length).map((x, i) => ({ key: fields[i]!, value: toExpr(x) }));
        return { value: { k: 'obj', entries, line: lineOf(lit) } as Expr, spread };
      }
      return { value: toExpr(inner), spread };
    }) : [];
    return { k: 'list', items, line };
  }
  if (t === 'composite_literal') {
    const body = field(n, 'body');
    // Go: map[string]route{"a": {"GET", "/x"}} — positional struct values take the fields' names.
    const type = field(n, 'type');
    const fields = type?.type === 'map_type' ? structFields(field(type, 'value')) : null;
    if (body && fields) {
      const entries: Array<{ key: string; value: Expr }> = [];
      for (const c of namedChildren(body)) {
        if (c.type !== 'keyed_element') continue;
        const [k, v] = namedChildren(c);
        const lit = v?.type === 'literal_element' ? namedChildren(v)[0] : v;
        if (!k || !lit) continue;
        const value: Expr = lit.type === 'literal_value' && !namedChildren(lit).some((x) => x.type === 'keyed_element')
          ? { k: 'obj', entries: namedChildren(lit).slice(0, fields.length).map((x, i) => ({ key: fields[i]!, value: toExpr(x) })), line: lineOf(lit) } : toExpr(lit);
        entries.push({ key: unquoteKey(k), value });
      }
      return { k: 'obj', entries, line };
    }
    // Go: url.URL{Scheme: "https", Host: "api.commerce7.com", Path: p} (then u.String()) is the URL it spells.
    if (body && type?.type === 'qualified_type' && type.text === 'url.URL') {
      const parts = new Map<string, Expr>();
      for (const c of namedChildren(body)) {
        const [k, v] = c.type === 'keyed_element' ? namedChildren(c) : [];
        const value = v?.type === 'literal_element' ? namedChildren(v)[0] : v;
        if (k && value) parts.set(k.text, toExpr(value));
      }
      const host = parts.get('Host');
      const pathPart = parts.get('Path');
      const items: Expr[] = host ? [parts.get('Scheme') ?? { k: 'str', parts: ['https'], line }, { k: 'str', parts: ['://'], line }, host] : [];
      if (pathPart) items.push(pathPart);
      if (items.length) return items.length === 1 ? items[0]! : { k: 'cat', items, line };
    }
    // Go: job{http.MethodGet, "/x"} — a positional literal of a struct declared here takes the fields' names.
    const own = type?.type === 'type_identifier' ? goStructs.get(type.text) : undefined;
    if (body && own && namedChildren(body).length && !namedChildren(body).some((x) => x.type === 'keyed_element')) {
      return { k: 'obj', entries: namedChildren(body).slice(0, own.length).map((x, i) => ({ key: own[i]!, value: toExpr(x.type === 'literal_element' ? namedChildren(x)[0] ?? x : x) })), line };
    }
    // …and of a struct another file of the package declares: a constructor call, its fields named there (the
    // type's constructor, see extractFacts; flow.ts componentOf).
    if (body && !own && type?.type === 'type_identifier' && namedChildren(body).length && !namedChildren(body).some((x) => x.type === 'keyed_element')) {
      return { k: 'call', fn: 'new', recv: type.text, recvExpr: { k: 'ref', name: type.text, text: type.text, line, simple: true }, args: namedChildren(body).slice(0, 16).map((x) => ({ value: toExpr(x.type === 'literal_element' ? namedChildren(x)[0] ?? x : x) })), line };
    }
    return body ? toExpr(body) : { k: 'other', text: n.text.slice(0, 80), line };
  }
  if (t === 'operator_assignment' || t === 'augmented_assignment') {
    const right = field(n, 'right');
    if (right) return toExpr(right);
  }
  if (t === 'variadic_argument' || t === 'splat_argument' || t === 'list_splat' || t === 'spread_element') {
    const inner = namedChildren(n)[0];
    if (inner) return { k: 'list', items: [{ value: toExpr(inner), spread: true }], line };
  }
  // PHP's [$a, $b] (no keys): a list, as JavaScript's and Python's are.
  if (t === 'array_creation_expression' && namedChildren(n).length && namedChildren(n).every((c) => c.type === 'array_element_initializer' && namedChildren(c).length === 1)) {
    return { k: 'list', items: namedChildren(n).map((c) => {
      const v = namedChildren(c)[0]!;
      return v.type === 'variadic_unpacking' ? { value: toExpr(namedChildren(v)[0] ?? v), spread: true } : { value: toExpr(v), spread: false };
    }), line };
  }
  if (OBJECT.has(t)) {
    const entries: Array<{ key: string; value: Expr }> = [];
    for (const c of namedChildren(n)) {
      const key = field(c, 'key') ?? field(c, 'left') ?? (c.type === 'array_element_initializer' && namedChildren(c).length === 2 ? namedChildren(c)[0]! : null);
      const value = field(c, 'value') ?? field(c, 'right') ?? (c.type === 'array_element_initializer' ? namedChildren(c)[namedChildren(c).length - 1]! : null);
      if (key && value) entries.push({ key: unquoteKey(key), value: toExpr(value) });
      else if (c.type === 'spread_element' || c.type === 'dictionary_splat' || c.type === 'hash_splat_argument') {
        const inner = namedChildren(c)[0];
        if (inner) entries.push({ key: '...', value: toExpr(inner) });
      } else if (c.type === 'shorthand_property_identifier') entries.push({ key: c.text, value: { k: 'ref', name: c.text, text: c.text, line: lineOf(c), simple: true } });
      else if (c.type === 'keyed_element') {
        const kids = namedChildren(c);
        if (kids.length === 2) entries.push({ key: unquoteKey(kids[0]!), value: toExpr(kids[1]!) });
      }
    }
    return { k: 'obj', entries, line };
  }
  return { k: 'other', text: n.text.length > 80 ? n.text.slice(0, 80) : n.text, line };
}

/** `() => ({ … })`: an arrow function without parameters whose body is an object literal; that object, or null. */
function optionsThunk(n: SyntaxNode): SyntaxNode | null {
  if (n.type !== 'arrow_function') return null;
  const params = field(n, 'parameters');
  if (params && namedChildren(params).length) return null;
  let body = field(n, 'body');
  while (body?.type === 'parenthesized_expression') body = namedChildren(body)[0] ?? null;
  return body?.type === 'object' ? body : null;
}

/** Go struct types of the file being read, by name (their fields in order): positional literals name their fields. */
let goStructs = new Map<string, string[]>();
function structFields(type: SyntaxNode | null): string[] | null {
  if (!type) return null;
  if (type.type === 'type_identifier') return goStructs.get(type.text) ?? null;
  if (type.type === 'pointer_type') return structFields(namedChildren(type)[0] ?? null);
  if (type.type !== 'struct_type') return null;
  const out: string[] = [];
  for (const list of namedChildren(type)) for (const d of namedChildren(list)) {
    if (d.type !== 'field_declaration') continue;
    for (let i = 0; i < d.childCount; i++) if (d.fieldNameForChild(i) === 'name') out.push(d.child(i)!.text);
  }
  return out.length ? out : null;
}

/** `"${RESOURCES[@]}"` / `${RESOURCES[*]}`: the expansion node of a whole shell array. */
function arrayExpansion(v: SyntaxNode): SyntaxNode | null {
  const inner = v.type === 'string' && namedChildren(v).length === 1 ? namedChildren(v)[0]! : v;
  return inner.type === 'expansion' && /^\$\{[A-Za-z_]\w*\[[@*]\]\}$/.test(inner.text) ? inner : null;
}

/** The variables a callback's first parameter binds: a name (the whole element), or a destructuring pattern. */
function loopVarsOfPattern(p: SyntaxNode): Array<[string, number | string | undefined]> {
  if (IDENT.has(p.type)) return [[lastIdent(p.text), undefined]];
  const inner = p.type === 'required_parameter' || p.type === 'optional_parameter' ? field(p, 'pattern') ?? p : p;
  if (IDENT.has(inner.type)) return [[lastIdent(inner.text), undefined]];
  if (inner.type === 'object_pattern') {
    return namedChildren(inner).flatMap((c): Array<[string, string]> => c.type === 'shorthand_property_identifier_pattern' ? [[c.text, c.text]]
      : c.type === 'pair_pattern' && field(c, 'key') && field(c, 'value') && IDENT.has(field(c, 'value')!.type) ? [[field(c, 'value')!.text, unquoteKey(field(c, 'key')!)]] : []);
  }
  if (inner.type === 'array_pattern') return namedChildren(inner).flatMap((c, i): Array<[string, number]> => (IDENT.has(c.type) ? [[c.text, i]] : []));
  return [];
}

/** Array-like iteration through a callback: the callback's parameters are the receiver's elements. */
const ITERATE = /^(forEach|map|flatMap|each|each_with_index|each_with_object|filter_map|flat_map|collect|for_each|ForEach|Select|SelectMany|array_map|array_walk)$/;

/**
 * A loop's variables as the elements they take: [name, position or key] (undefined: the whole element); null when
 * the node is not a loop over elements.
 */
function loopVars(n: SyntaxNode): { iter: SyntaxNode; vars: Array<[string, number | string | undefined]>; keys?: boolean } | null {
  const pattern = (p: SyntaxNode | null | undefined): Array<[string, number | string | undefined]> => {
    if (!p) return [];
    if (IDENT.has(p.type)) return [[lastIdent(p.text), undefined]];
    if (p.type === 'object_pattern') {
      return namedChildren(p).flatMap((c): Array<[string, string]> => c.type === 'shorthand_property_identifier_pattern' ? [[c.text, c.text]]
        : c.type === 'pair_pattern' && field(c, 'key') && field(c, 'value') && IDENT.has(field(c, 'value')!.type) ? [[field(c, 'value')!.text, unquoteKey(field(c, 'key')!)]] : []);
    }
    const kids = p.type === 'tuple_expression' ? namedChildren(p).map((c) => c.type === 'argument' ? namedChildren(c)[0] ?? c : c).map((c) => c.type === 'declaration_expression' ? field(c, 'name') ?? c : c) : namedChildren(p);
    // A nested pattern (`for i, (m, p) in enumerate(STEPS)`): its names take a path of positions, "1.0".
    return kids.flatMap((c, i): Array<[string, number | string]> => (IDENT.has(c.type) && c.text !== '_' ? [[lastIdent(c.text), i]]
      : /^(tuple_pattern|pattern_list|list_pattern|array_pattern|list_literal|left_assignment_list|destructured_left_assignment|parenthesized_expression)$/.test(c.type)
        ? pattern(c).filter(([, j]) => j !== undefined).map(([nm, j]) => [nm, `${i}.${j}`]) : []));
  };
  switch (n.type) {
    case 'for_statement': {
      // Shell: for r in "${RESOURCES[@]}" — the array's elements.
      const variable = field(n, 'variable');
      if (variable) {
        const values = [...Array(n.childCount).keys()].filter((i) => n.fieldNameForChild(i) === 'value').map((i) => n.child(i)!);
        const arr = values.length === 1 ? arrayExpansion(values[0]!) : null;
        return arr ? { iter: arr, vars: [[variable.text, undefined]] } : null;
      }
      const range = namedChildren(n).find((c) => c.type === 'range_clause');
      if (range) {
        // Go: for _, s := range steps (the second name is the element; a lone name is the index).
        const names = field(range, 'left') ? namedChildren(field(range, 'left')!) : [];
        const right = field(range, 'right');
        return names.length === 2 && right && names[1]!.text !== '_' ? { iter: right, vars: [[names[1]!.text, undefined]] } : null;
      }
      const left = field(n, 'left'), right = field(n, 'right');
      return left && right ? { iter: right, vars: pattern(left) } : null; // Python
    }
    case 'for_in_clause': {
      // Python comprehensions: [requests.get(B + p) for p in PATHS]
      const left = field(n, 'left'), right = field(n, 'right');
      return left && right ? { iter: right, vars: pattern(left) } : null;
    }
    case 'for_in_statement': {
      // JavaScript for…of; for…in takes the keys (iterKeys: evaluated as the object's keys).
      const left = field(n, 'left'), right = field(n, 'right');
      const of = [...Array(n.childCount).keys()].some((i) => n.child(i)!.type === 'of');
      return left && right ? { iter: right, vars: pattern(left), ...(of ? {} : { keys: true }) } : null;
    }
    case 'foreach_statement': {
      const left = field(n, 'left'), right = field(n, 'right');
      if (left && right) return { iter: right, vars: pattern(left) }; // C#
      const kids = namedChildren(n).filter((c) => c.type !== 'compound_statement' && c.type !== 'colon_block');
      if (kids.length < 2) return null; // PHP: foreach ($iter as $v) / as [$a, $b] / as $k => $v
      let v = kids[1]!;
      if (v.type === 'pair') v = namedChildren(v)[1] ?? v;
      return { iter: kids[0]!, vars: v.type === 'list_literal' ? pattern(v).map(([nm, i]) => [nm.replace(/^\$/, ''), i]) : pattern(v) };
    }
    case 'for': {
      // Ruby: for m, p in STEPS
      const pat = field(n, 'pattern'), value = field(n, 'value');
      const iter = value ? namedChildren(value)[0] : undefined;
      return pat && iter ? { iter, vars: pat.type === 'left_assignment_list' ? pattern(pat) : pattern(pat) } : null;
    }
    default:
      return null;
  }
}

interface Params { params: string[]; pattern: FnDef['pattern']; defaults: Map<string, Expr>; rest?: string }

function paramList(n: SyntaxNode | null): Params {
  const out: Params = { params: [], pattern: [], defaults: new Map() };
  if (!n) return out;
  if (IDENT.has(n.type)) { out.params.push(lastIdent(n.text)); return out; }
  const objectPattern = (p: SyntaxNode, index: number) => {
    out.params.push('{}');
    for (const c of namedChildren(p)) {
      if (c.type === 'shorthand_property_identifier_pattern') out.pattern.push({ index, key: c.text, name: c.text });
      // `{ json, ...init }`: the rest element holds every other key the caller passes (its method among them).
      else if (c.type === 'rest_pattern' && namedChildren(c)[0] && IDENT.has(namedChildren(c)[0]!.type)) out.pattern.push({ index, key: '...', name: namedChildren(c)[0]!.text });
      else if (c.type === 'object_assignment_pattern') {
        const left = field(c, 'left');
        const right = field(c, 'right');
        if (left) {
          out.pattern.push({ index, key: left.text, name: left.text });
          if (right) out.defaults.set(left.text, toExpr(right));
        }
      } else if (c.type === 'pair_pattern') {
        const key = field(c, 'key');
        let value = field(c, 'value');
        let def: SyntaxNode | null = null;
        if (value?.type === 'assignment_pattern') { def = field(value, 'right'); value = field(value, 'left'); }
        if (key && value && IDENT.has(value.type)) {
          out.pattern.push({ index, key: unquoteKey(key), name: value.text });
          if (def) out.defaults.set(value.text, toExpr(def));
        }
      }
    }
  };
  // C#: `params object[] parts` comes as the keyword, the type and the name side by side in the list: the name is
  // the rest parameter, the type none.
  let csRest = false;
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i)!;
    if (!c.isNamed) { if (c.type === 'params') csRest = true; continue; }
    if (csRest && /_type$/.test(c.type)) continue;
    if (csRest && c.type === 'identifier') { out.params.push(c.text); out.rest = c.text; csRest = false; continue; }
    csRest = false;
    if (c.type === 'type_annotation' || c.type === 'comment') continue;
    const index = out.params.length;
    // A rest parameter: JS/TS `...parts`, Python `*parts`, Ruby `*parts`, PHP `...$parts`, Go `parts ...string`, C# `params string[] parts`.
    if (/^(rest_pattern|list_splat_pattern|splat_parameter|variadic_parameter)$/.test(c.type) || /^(\.\.\.|params\s)/.test(c.text) || c.type === 'variadic_parameter_declaration' || /^\*\w/.test(c.text) && !/^\*\*/.test(c.text)) {
      const t = c.text;
      const pname = c.type === 'variadic_parameter_declaration' ? field(c, 'name')?.text
        : (/\.\.\.\s*\$?([A-Za-z_]\w*)/.exec(t) ?? /^\*\s*([A-Za-z_]\w*)/.exec(t) ?? /^params\s+\S+\s+([A-Za-z_]\w*)/.exec(t))?.[1];
      if (pname) { out.params.push(pname.replace(/^\$/, '')); out.rest = pname.replace(/^\$/, ''); continue; }
    }
    if (IDENT.has(c.type)) { out.params.push(lastIdent(c.text)); continue; }
    if (c.type === 'object_pattern') { objectPattern(c, index); continue; }
    if (c.type === 'parameter_declaration' || c.type === 'variadic_parameter_declaration') {
      // Go: `method, path string` declares two.
      for (let i = 0; i < c.childCount; i++) if (c.fieldNameForChild(i) === 'name') out.params.push(c.child(i)!.text);
      continue;
    }
    // JS assignment_pattern / TS required_parameter (pattern, value) / Python default_parameter / Ruby optional_parameter /
    // PHP simple_parameter (default_value) / C# parameter (equals_value_clause).
    let name = field(c, 'name') ?? field(c, 'pattern') ?? field(c, 'left') ?? namedChildren(c).find((x) => IDENT.has(x.type) && x.type !== 'type_identifier' && x.type !== 'predefined_type') ?? null;
    let def = field(c, 'value') ?? field(c, 'default_value') ?? field(c, 'right') ?? namedChildren(c).find((x) => x.type === 'equals_value_clause') ?? null;
    // C# (this grammar): `string? id = null` has the default right after the name, without a clause around it.
    if (!def && c.type === 'parameter' && name) { const kids = namedChildren(c); const at = kids.findIndex((x) => same(x, name)); def = at >= 0 ? kids[at + 1] ?? null : null; }
    if (name?.type === 'assignment_pattern') name = field(name, 'left');
    if (name?.type === 'object_pattern') { objectPattern(name, index); continue; }
    const pname = name ? lastIdent(name.text) : c.text;
    out.params.push(pname);
    if (def && !same(def, name)) out.defaults.set(pname, toExpr(def.type === 'equals_value_clause' ? namedChildren(def)[0] ?? def : def));
  }
  return out;
}

function fnName(n: SyntaxNode): string {
  const name = field(n, 'name');
  if (name) return lastIdent(name.text);
  const p = n.parent;
  if (p && (p.type === 'variable_declarator' || p.type === 'pair' || p.type === 'assignment_expression' || p.type === 'assignment' || p.type === 'public_field_definition' || p.type === 'field_definition')) {
    const k = field(p, 'name') ?? field(p, 'key') ?? field(p, 'left') ?? field(p, 'property');
    if (k) return lastIdent(k.text);
  }
  return '';
}

/**
 * `${NAME:-default}` / `${NAME-default}` / `${NAME:=default}` / `${NAME=default}`: the name, the default and whether
 * it assigns; `${NAME:+word}` / `${NAME+word}`: the word used where NAME is set (`alternate`).
 */
function shellDefault(n: SyntaxNode): { name: string; nameNode: SyntaxNode; value: SyntaxNode; assigns: boolean; alternate: boolean } | null {
  const kids: SyntaxNode[] = [];
  for (let i = 0; i < n.childCount; i++) kids.push(n.child(i)!);
  const [open, name, op, value, close] = kids;
  if (kids.length !== 5 || open!.type !== '${' || name!.type !== 'variable_name' || !/^:?[-=+]$/.test(op!.type) || close!.type !== '}' || !value!.isNamed) return null;
  return { name: name!.text, nameNode: name!, value: value!, assigns: op!.type.endsWith('='), alternate: op!.type.endsWith('+') };
}

/** Assignment-like nodes: [name node, value node] pairs. */
function definitions(n: SyntaxNode): Array<[SyntaxNode, SyntaxNode]> {
  switch (n.type) {
    // `: "${C7_API:=https://api.commerce7.com/v1}"` sets C7_API where it is unset.
    case 'expansion': {
      const d = shellDefault(n);
      return d?.assigns ? [[d.nameNode, d.value]] : [];
    }
    case 'variable_declarator': {
      const name = field(n, 'name');
      const kids = namedChildren(n);
      const value = field(n, 'value') ?? (kids.length > 1 ? kids[kids.length - 1]! : null);
      // C#'s `var (verb, path) = Ops.Table[op];`: a deconstruction, read as the other languages' destructuring.
      if (!name && kids[0]?.type === 'tuple_pattern' && value && !same(value, kids[0])) return [[kids[0], value]];
      return name && value && !same(value, name) ? [[name, value]] : [];
    }
    case 'assignment_expression': case 'assignment': case 'augmented_assignment_no': case 'operator_assignment': case 'public_field_definition': case 'field_definition': case 'property_declaration_cs': {
      const name = field(n, 'left') ?? field(n, 'name') ?? field(n, 'property');
      const value = field(n, 'right') ?? field(n, 'value');
      return name && value ? [[name, value]] : [];
    }
    // Python's `async with client() as c:`: c is what the context manager gives, read as the client itself (an
    // httpx/aiohttp client's __aenter__ returns the client).
    case 'as_pattern': {
      if (n.parent?.type !== 'with_item') return [];
      const kids = namedChildren(n);
      const target = kids.find((k) => k.type === 'as_pattern_target');
      const name = target ? namedChildren(target)[0] : undefined;
      return name && kids[0] && kids[0] !== target && name.type === 'identifier' ? [[name, kids[0]]] : [];
    }
    case 'const_element': case 'enum_assignment': case 'enum_member_declaration': case 'enum_case': {
      const kids = namedChildren(n);
      return kids.length >= 2 ? [[kids[0]!, kids[kids.length - 1]!]] : [];
    }
    case 'property_element': {
      const name = field(n, 'name') ?? namedChildren(n)[0];
      const value = field(n, 'default_value') ?? namedChildren(n)[1];
      return name && value ? [[name, value]] : [];
    }
    case 'property_declaration': {
      const name = field(n, 'name');
      const value = field(n, 'value') ?? namedChildren(n).find((c) => c.type === 'arrow_expression_clause') ?? null;
      return name && value ? [[name, value.type === 'arrow_expression_clause' ? namedChildren(value)[0] ?? value : value]] : [];
    }
    case 'const_spec': case 'var_spec': case 'short_var_declaration': case 'assignment_statement': {
      const names = n.type.endsWith('spec') ? namedChildren(n).filter((_, i) => false || namedChildren(n)[i]!.type === 'identifier') : namedChildren(field(n, 'left') ?? n);
      const valueList = field(n, 'value') ?? field(n, 'right');
      const values = valueList ? (valueList.type === 'expression_list' ? namedChildren(valueList) : [valueList]) : [];
      // `u, err := url.JoinPath(...)`: a call's first result is the value (the others: an error, an ok flag).
      if (values.length === 1 && names.length > 1 && values[0]!.type === 'call_expression' && names[0]!.text !== '_') return [[names[0]!, values[0]!]];
      // `path, ok := endpoints[name]` (and a type assertion's `v, ok := x.(T)`): the value, and a flag.
      if (values.length === 1 && names.length === 2 && /^(?:index_expression|type_assertion_expression)$/.test(values[0]!.type) && names[0]!.text !== '_') return [[names[0]!, values[0]!]];
      return names.map((nm, i) => [nm, values[Math.min(i, values.length - 1)]] as [SyntaxNode, SyntaxNode | undefined]).filter((x): x is [SyntaxNode, SyntaxNode] => !!x[1] && values.length === names.length);
    }
    case 'for_statement': {
      // Shell: for pair in customer:customers order:orders; do … done — the variable takes each word.
      const name = field(n, 'variable');
      if (!name || name.type !== 'variable_name') return [];
      const out: Array<[SyntaxNode, SyntaxNode]> = [];
      for (let i = 0; i < n.childCount && out.length < 32; i++) {
        const c = n.child(i);
        // An array's elements are the loop's (loopVars), not the array joined.
        if (c && n.fieldNameForChild(i) === 'value' && !arrayExpansion(c)) out.push([name, c]);
      }
      return out;
    }
    case 'augmented_assignment': {
      // steps += [("GET", "/club")]: a list extended (a string's += is not a definition of its whole value).
      const name = field(n, 'left'), value = field(n, 'right');
      return name && value && /^(list|tuple)$/.test(value.type) ? [[name, value]] : [];
    }
    case 'variable_assignment': case 'static_variable_declaration': {
      // Shell's NAME=value; PHP's `static $ops = [...]` in a function. `NAME=value cmd` sets it for cmd only (but
      // not when the command is on a later line: `a=$1 b=$2` then `shift 2`, which the grammar takes for one command).
      if (n.parent?.type === 'command') {
        const cmd = field(n.parent, 'name');
        if (!cmd || cmd.startPosition.row <= n.startPosition.row) return [];
      }
      const name = field(n, 'name');
      const value = field(n, 'value');
      return name && value ? [[name, value]] : [];
    }
    case 'pair': case 'keyed_element': {
      const kids = namedChildren(n);
      const key = field(n, 'key') ?? kids[0];
      const value = field(n, 'value') ?? kids[1];
      return key && value && n.parent?.type !== 'argument_list' ? [[key, value]] : [];
    }
    default:
      return [];
  }
}

const CLASS = new Set(['class_declaration', 'class_definition', 'class', 'abstract_class_declaration', 'class_specifier']);
const CTOR = /^(constructor|__init__|initialize|__construct)$/;
const REFIT_VERB = /^(Get|Post|Put|Patch|Delete|Head)$/;
/**
 * A Refit interface method (C#: `[Get("/order/{id}")] Task<Order> GetOrder(string id);`, no body): the attribute
 * is the HTTP call, method and path, made wherever the generated client is used.
 */
function refitCall(n: SyntaxNode, def: FnDef): void {
  for (const list of namedChildren(n).filter((c) => c.type === 'attribute_list')) {
    for (const attr of namedChildren(list).filter((c) => c.type === 'attribute')) {
      const name = field(attr, 'name') ?? namedChildren(attr)[0];
      const verb = name ? REFIT_VERB.exec(name.text) : null;
      const argList = namedChildren(attr).find((c) => c.type === 'attribute_argument_list');
      const first = argList ? namedChildren(argList)[0] : undefined;
      const str = first ? namedChildren(first).find((c) => STRING.has(c.type)) ?? (STRING.has(first.type) ? first : undefined) : undefined;
      if (!verb || !str) continue;
      def.calls.push({ fn: verb[1]!.toLowerCase(), recv: 'Refit', args: [{ value: stringExpr(str) }], line: lineOf(attr), fnArg: false });
    }
  }
}

/** Is this call the receiver of a further call (`x.a()` in `x.a().b()`, Ruby `x.a.b`, PHP `$x->a()->b()`)? */
function isReceiver(n: SyntaxNode): boolean {
  const p = n.parent;
  if (!p) return false;
  if (MEMBER.has(p.type)) {
    const obj = field(p, 'object') ?? field(p, 'operand') ?? field(p, 'expression') ?? namedChildren(p)[0];
    return same(obj, n) && !!p.parent && CALL.has(p.parent.type);
  }
  if (CALL.has(p.type)) return same(field(p, 'receiver') ?? field(p, 'object') ?? field(p, 'scope'), n);
  return false;
}

/** Walks one parsed file into facts. */
/** A method only its class can call: `private` (PHP, TS, C#, Java, Kotlin; not C#'s unwritten default), `#name`, Python's `_name`. */
function isPrivateMethod(n: SyntaxNode, grammar: string, name: string): boolean {
  // An entry point or a method a framework calls (an attribute, an annotation, a decorator) has callers unseen.
  if (/^(?:Main|main)$/.test(name) || n.parent?.type === 'decorated_definition' || namedChildren(n).some((c) => /attribute|annotation|decorator/.test(c.type) || c.type === 'modifiers' && /@/.test(c.text))) return false;
  const mods = namedChildren(n).filter((c) => /modifier/.test(c.type)).map((c) => c.text);
  const words = mods.join(' ').split(/\s+/);
  if (grammar === 'python') return /^_(?!_)/.test(name) || /^__\w*[^_]$/.test(name);
  return words.includes('private') || name.startsWith('#') || !!field(n, 'name')?.text.startsWith('#');
}

export function extractFacts(file: string, grammar: string, root: SyntaxNode): FileFacts {
  if (grammar === 'powershell') return powershellFacts(file, root);
  const top: FnDef = { name: '', params: [], pattern: [], defaults: new Map(), calls: [], locals: new Map(), returns: [], line: 1, file, method: false };
  const facts: FileFacts = { file, grammar, defs: new Map(), fns: [], top };
  const add = (map: Map<string, Expr[]>, name: string, value: Expr) => {
    const list = map.get(name);
    if (list) { if (list.length < 8) list.push(value); } else map.set(name, [value]);
  };
  let currentClass = '';
  goStructs = new Map();
  if (grammar === 'go') {
    for (const d of namedChildren(root)) if (d.type === 'type_declaration') for (const spec of namedChildren(d)) {
      const name = field(spec, 'name'), type = field(spec, 'type');
      const fields = name && type?.type === 'struct_type' ? structFields(type) : null;
      if (name && fields) goStructs.set(name.text, fields);
    }
    // A struct type is its own constructor, fields in order: job{http.MethodPost, "/x"} written in another file of
    // the package takes its fields' names from it.
    for (const [name, fields] of goStructs) facts.fns.push({ name, params: [...fields], pattern: [], defaults: new Map(), calls: [], locals: new Map(), returns: [], line: 1, file, method: false, cls: name, fields: new Map(fields.map((f) => [f, f])) });
  }
  /** Callbacks of an iteration (`steps.forEach((s) => …)`) by position: their parameters are the receiver's elements. */
  const pending = new Map<number, Array<[string, Expr]>>();
  const elems = (iter: Expr, vars: Array<[string, number | string | undefined]>, at: SyntaxNode): Array<[string, Expr]> => {
    const loop = `${file}:${lineOf(at)}:${at.startPosition.column}`;
    return vars.map(([name, pos]) => [name, { k: 'elem', iter, ...(pos !== undefined ? { at: pos } : {}), loop, line: lineOf(at) } as Expr]);
  };
  const bindElems = (fn: FnDef, list: Array<[string, Expr]>) => {
    for (const [name, value] of list) {
      add(fn === top ? facts.defs : fn.locals, name, value);
      const iter = (value as Extract<Expr, { k: 'elem' }>).iter;
      if (iter.k === 'ref' && iter.simple && fn.params.includes(iter.name)) (fn.iterParams ??= new Set()).add(iter.name);
    }
  };
  /** define_method in a loop over a constant hash (see visit): true when it was read as one method per entry. */
  const definedMethods = (n: SyntaxNode, fn: FnDef, args: Arg[]): boolean => {
    const cb = namedChildren(n).find((c) => c.type === 'do_block' || c.type === 'block');
    const tmpl = args[0]?.value;
    if (!cb || !tmpl || tmpl.k !== 'str' || args.length !== 1) return false;
    // The loop variables: elements of TABLE (or TABLE.each_pair), the key at 0 and the value at 1.
    const loopVar = (e: Expr): string | null => (e.k === 'ref' && e.simple ? e.name : e.k === 'call' && e.recvExpr ? loopVar(e.recvExpr) : null);
    const holes = tmpl.parts.filter((p): p is Expr => typeof p !== 'string');
    const keyVar = holes.length === 1 ? loopVar(holes[0]!) : null;
    const scope = fn === top ? facts.defs : fn.locals;
    const el = keyVar ? scope.get(keyVar)?.find((x): x is Extract<Expr, { k: 'elem' }> => x.k === 'elem') : undefined;
    if (!el) return false;
    const iter = el.iter.k === 'call' && el.iter.fn === 'each_pair' && el.iter.recvExpr ? el.iter.recvExpr : el.iter;
    const unwrap = (x: Expr): Expr => (x.k === 'call' && x.fn === 'freeze' && x.recvExpr ? unwrap(x.recvExpr) : x);
    const table = iter.k === 'ref' ? (facts.defs.get(iter.name) ?? []).map(unwrap).find((x): x is Extract<Expr, { k: 'obj' }> => x.k === 'obj') : undefined;
    if (!table?.entries.length || table.entries.length > 32) return false;
    const valueVar = [...scope].find(([, xs]) => xs.some((x) => x.k === 'elem' && x.loop === el.loop && x.at === 1))?.[0];
    // The method's name for a key: the key through to_s / to_sym / chomp("s") / delete_suffix("s") / singularize.
    const nameOf = (e: Expr, key: string): string | null => {
      if (e.k === 'ref') return key;
      if (e.k !== 'call' || !e.recvExpr) return null;
      const inner = nameOf(e.recvExpr, key);
      if (inner === null) return null;
      const a = e.args[0]?.value;
      const lit = a?.k === 'str' && typeof a.parts[0] === 'string' ? a.parts[0] : undefined;
      if (/^(?:to_s|to_sym|to_str)$/.test(e.fn) && !e.args.length) return inner;
      if (/^(?:chomp|delete_suffix)$/.test(e.fn) && lit !== undefined) return inner.endsWith(lit) ? inner.slice(0, -lit.length) : inner;
      if (e.fn === 'singularize' && !e.args.length) return inner.replace(/s$/, '');
      return null;
    };
    const names = table.entries.map((en) => { const k = en.key.replace(/^:/, ''); const m = nameOf(holes[0]!, k); return m === null ? null : tmpl.parts.map((p) => (typeof p === 'string' ? p : m)).join(''); });
    if (names.some((x) => x === null)) return false;
    const params = paramList(field(cb, 'parameters') ?? namedChildren(cb).find((c) => c.type === 'block_parameters') ?? null);
    const body = namedChildren(cb).find((c) => c.type === 'body_statement' || c.type === 'block_body') ?? null;
    table.entries.forEach((en, i) => {
      const def: FnDef = { name: names[i]!, ...params, calls: [], locals: new Map(), returns: [], line: lineOf(n), file, method: true, cls: currentClass, generated: true };
      def.locals.set(keyVar!, [{ k: 'sym', name: en.key.replace(/^:/, ''), line: lineOf(n) }]);
      if (valueVar) def.locals.set(valueVar, [en.value]);
      facts.fns.push(def);
      if (body) {
        visit(body, def);
        const last = namedChildren(body).pop();
        if (last && !/^(if|unless|while|until|case|begin|return|rescue|ensure)$/.test(last.type)) def.returns.push(toExpr(last));
      }
    });
    return true;
  };
  /** Assignments read as a case table's elements (caseTable), by node. */
  const caseAssigned = new Set<number>();
  const caseTable = (n: SyntaxNode, fn: FnDef) => {
    const arms = namedChildren(n).filter((c) => c.type === 'case_item').map((item) => namedChildren(item).filter((c) => c.type === 'variable_assignment'));
    const named = (a: SyntaxNode) => field(a, 'name')?.text ?? namedChildren(a)[0]?.text ?? '';
    const withAll = (names: string[]) => arms.filter((as) => names.every((nm) => as.some((a) => named(a) === nm)));
    const counts = new Map<string, number>();
    for (const as of arms) for (const nm of new Set(as.map(named))) counts.set(nm, (counts.get(nm) ?? 0) + 1);
    const names = [...counts].filter(([, c]) => c >= 2).map(([nm]) => nm);
    const rows = names.length >= 2 ? withAll(names) : [];
    if (rows.length < 2) return;
    const loop = `${file}:${lineOf(n)}:case`;
    for (const nm of names) {
      const items = rows.map((as) => { const a = as.find((x) => named(x) === nm)!; const v = field(a, 'value') ?? namedChildren(a)[1]; return { value: v ? toExpr(v) : ({ k: 'str', parts: [''], line: lineOf(a) } as Expr), spread: false }; });
      add(fn === top ? facts.defs : fn.locals, nm, { k: 'elem', iter: { k: 'list', items, line: lineOf(n) }, loop, line: lineOf(n) } as Expr);
    }
    for (const as of rows) for (const a of as) if (names.includes(named(a))) caseAssigned.add(a.startIndex);
  };
  const visit = (n: SyntaxNode, fn: FnDef) => {
    const t = n.type;
    if (t === 'comment' || t === 'line_comment' || t === 'block_comment') return;
    if (t === 'import_specifier') {
      const name = field(n, 'name'), alias = field(n, 'alias');
      if (name && alias && name.text !== alias.text) (facts.aliases ??= {})[alias.text] = name.text.replace(/^["']|["']$/g, '');
      return;
    }
    if (CLASS.has(t) || t === 'record_declaration') {
      const name = field(n, 'name');
      const saved = currentClass;
      currentClass = name ? lastIdent(name.text) : '';
      const primary = grammar === 'c-sharp' && currentClass ? primaryCtor(n, toExpr, namedChildren) : null;
      if (primary) (facts.primary ??= new Map()).set(currentClass, primary);
      // ServiceStack's request DTO: [Route("/vendor/{Id}", "PUT")] class UpdateVendor — the route its client sends it
      // to (client.Put(new UpdateVendor { … }): flow.ts routedDto).
      if (grammar === 'c-sharp' && currentClass) {
        for (const list of namedChildren(n).filter((c) => c.type === 'attribute_list')) {
          for (const attr of namedChildren(list).filter((c) => c.type === 'attribute')) {
            if (!/^(?:Route|RouteAttribute)$/.test((field(attr, 'name') ?? namedChildren(attr)[0])?.text ?? '')) continue;
            const argList = namedChildren(attr).find((c) => c.type === 'attribute_argument_list');
            const first = argList ? namedChildren(argList)[0] : undefined;
            const str = first ? namedChildren(first).find((c) => STRING.has(c.type)) ?? (STRING.has(first.type) ? first : undefined) : undefined;
            if (str) add(facts.defs, `\u0000route:${currentClass}`, stringExpr(str));
          }
        }
      }
      if (currentClass && /^(?:javascript|typescript|tsx|php)$/.test(grammar)) {
        const heritage = namedChildren(n).find((c) => c.type === 'class_heritage' || c.type === 'base_clause');
        const base = heritage ? /^(?:extends\s+)?\\?([A-Za-z_$][\w$\\.]*)/.exec(heritage.text.replace(/^extends\s+/, ''))?.[1] : undefined;
        (facts.classes ??= {})[currentClass] = { ...(base ? { base: lastIdent(base.replace(/\\/g, '.')) } : {}), fields: {} };
      }
      // Ruby: `class Sync < Base`; its fields are the `@x = …` its initialize sets (@api = RestClient::Resource.new(…)).
      if (currentClass && grammar === 'ruby') {
        const base = field(n, 'superclass')?.text.replace(/^<\s*/, '');
        (facts.classes ??= {})[currentClass] = { ...(base && /^[A-Z][\w:]*$/.test(base) ? { base: base.replace(/^.*::/, '') } : {}), fields: {} };
        // The whole name too (Spyke::Base, ActiveResource::Base: a REST ORM's model, flow.ts ormCall).
        if (base && /^[A-Z][\w:]*$/.test(base)) add(facts.defs, `${currentClass}.superclass`, { k: 'ref', name: base.replace(/^.*::/, ''), text: base, line: lineOf(n), simple: !base.includes(':') });
      }
      // Python: the first base that is not a mixin of the language's own (class Vendor(Resource), class E(str, Enum)).
      if (currentClass && grammar === 'python') {
        const supers = field(n, 'superclasses');
        const base = supers ? namedChildren(supers).map((c) => c.text).find((b) => /^[A-Za-z_][\w.]*$/.test(b) && !/^(?:object|str|int|ABC|Enum|IntEnum|StrEnum|Generic|Protocol|Exception)$/.test(b)) : undefined;
        (facts.classes ??= {})[currentClass] = { ...(base ? { base: lastIdent(base) } : {}), fields: {} };
      }
      const before = facts.fns.length;
      for (let i = 0; i < n.childCount; i++) { const c = n.child(i)!; if (c.isNamed) visit(c, fn); }
      // A data class's fields in order (Python dataclass / NamedTuple annotations, a C# record's parameters): a
      // constructor, so that Step("GET", "/x").path is known (flow.ts componentOf).
      if (currentClass && !facts.fns.slice(before).some((f) => f.cls === currentClass && f.fields)) {
        const body = field(n, 'body');
        const names = t === 'record_declaration' ? namedChildren(namedChildren(n).find((c) => c.type === 'parameter_list') ?? n).filter((c) => c.type === 'parameter').map((c) => field(c, 'name')?.text ?? '').filter(Boolean)
          : grammar === 'python' && body ? namedChildren(body).map((st) => namedChildren(st)[0]).filter((a): a is SyntaxNode => a?.type === 'assignment' && !!field(a, 'type') && field(a, 'left')?.type === 'identifier').map((a) => field(a, 'left')!.text) : [];
        if (names.length) facts.fns.push({ name: '__init__', params: names, pattern: [], defaults: new Map(), calls: [], locals: new Map(), returns: [], line: lineOf(n), file, method: false, cls: currentClass, fields: new Map(names.map((x) => [x, x])) });
      }
      currentClass = saved;
      return;
    }
    // An anonymous closure (a callback, `new Promise((resolve) => …)`) is part of the function around it: its calls
    // are that function's, and the names it uses are that function's parameters and locals.
    if (FUNCTION.has(t) && fn !== top && !fnName(n) && FN_LITERAL.has(t)) {
      const body = field(n, 'body') ?? namedChildren(n)[namedChildren(n).length - 1] ?? null;
      const pend = pending.get(n.startIndex);
      if (pend) bindElems(fn, pend);
      if (body) visit(body, { ...fn, returns: [] , calls: fn.calls, locals: fn.locals });
      return;
    }
    if (FUNCTION.has(t)) {
      const body = field(n, 'body') ?? (t === 'method_declaration' ? namedChildren(n).find((c) => c.type === 'arrow_expression_clause') ?? null : namedChildren(n)[namedChildren(n).length - 1] ?? null);
      const def: FnDef = {
        name: fnName(n), ...paramList(field(n, 'parameters') ?? field(n, 'parameter')),
        calls: [], locals: new Map(), returns: [], line: lineOf(n), file,
        method: ['method_definition', 'method_declaration', 'method', 'singleton_method'].includes(t) || n.parent?.type === 'block' && n.parent.parent?.type === 'class_definition' || n.parent?.type === 'decorated_definition' || n.parent?.type === 'block' && n.parent?.parent?.type === 'class_definition',
      };
      if (t === 'function_definition' && grammar === 'python' && def.params[0] && /^(self|cls)$/.test(def.params[0])) def.method = true;
      if (t === 'function_definition' && grammar === 'python' && body?.type === 'block' && namedChildren(body).every((st) => st.type === 'pass_statement'
        || st.type === 'expression_statement' && namedChildren(st).every((x) => x.type === 'ellipsis' || STRING.has(x.type)))) def.stub = true;
      if (t === 'method_declaration' && grammar === 'c-sharp' && !body) def.stub = true;
      if (t === 'method_declaration' && grammar === 'c-sharp' && isExtensionMethod(n)) def.extension = true;
      // A Go method's class is its receiver's type: func (c *Client) DeleteReservation(…) is Client's.
      if (t === 'method_declaration' && grammar === 'go') {
        const recvType = field(n, 'receiver')?.text.match(/\*?\s*([A-Za-z_]\w*)(?:\[[^\]]*\])?\s*\)$/)?.[1];
        if (recvType) def.cls = recvType;
      }
      if (currentClass) {
        def.cls = currentClass;
        if (def.method && isPrivateMethod(n, grammar, def.name)) def.private = true;
        if (CTOR.test(def.name) || def.name === currentClass) {
          def.fields = new Map();
          // TS parameter properties (`private readonly path: string`), PHP constructor promotion.
          const plist = field(n, 'parameters');
          for (const c of plist ? namedChildren(plist) : []) {
            if (namedChildren(c).some((x) => x.type === 'accessibility_modifier' || x.type === 'visibility_modifier') || c.type === 'property_promotion_parameter') {
              const id = field(c, 'pattern') ?? field(c, 'name') ?? namedChildren(c).find((x) => IDENT.has(x.type) && x.type !== 'type_identifier');
              if (id) { const nm = lastIdent(id.text); def.fields.set(nm, nm); }
            }
          }
        }
      }
      if (grammar === 'bash') def.params = Array.from({ length: 9 }, (_, i) => String(i + 1));
      const pend = pending.get(n.startIndex);
      if (pend) {
        const names = new Set(pend.map(([nm]) => nm));
        def.params = def.params.filter((p) => !names.has(p) && p !== '{}');
        def.pattern = [];
        for (const [name, value] of pend) add(def.locals, name, value);
      }
      facts.fns.push(def);
      // A function whose body is a function literal returns that function: its parameters follow the outer ones.
      if (body && FN_LITERAL.has(body.type) && !fnName(body) && !def.rest) {
        const inner = paramList(field(body, 'parameters') ?? field(body, 'parameter'));
        if (inner.params.length) {
          const at = def.params.length;
          def.curry = at;
          def.params.push(...inner.params);
          def.pattern.push(...inner.pattern.map((x) => ({ ...x, index: x.index + at })));
          for (const [k, v] of inner.defaults) def.defaults.set(k, v);
          if (inner.rest) def.rest = inner.rest;
        }
      }
      if (body) {
        if (!/block|statement|body|compound/.test(body.type) && t !== 'method' && t !== 'function_definition') def.returns.push(toExpr(body));
        // Ruby 3's endless method (def path(id) = "order/#{id}"): its value is the expression.
        if (t === 'method' && !/block|statement|body|compound/.test(body.type)) def.returns.push(toExpr(body));
        // Ruby: a method's value is its last expression.
        if ((t === 'method' || t === 'singleton_method') && body.type === 'body_statement') {
          const last = namedChildren(body).pop();
          if (last && !/^(if|unless|while|until|case|begin|return|rescue|ensure)$/.test(last.type)) def.returns.push(toExpr(last));
        }
        visit(body, def);
      } else if (t === 'method_declaration' && grammar === 'c-sharp') {
        refitCall(n, def);
        // A method of a C# interface (Refit's IC7Api) is that interface's: used or not as its class's methods are.
        const iface = n.parent?.type === 'declaration_list' && n.parent.parent?.type === 'interface_declaration' ? field(n.parent.parent, 'name') : null;
        if (iface && !def.cls) def.cls = iface.text;
      }
      return;
    }
    const chanLoop = grammar === 'go' ? channelRange(n, (name) => fn.locals.get(name) ?? facts.defs.get(name)) : null;
    if (chanLoop) bindElems(fn, elems(toExpr(chanLoop.iter), [[chanLoop.name, undefined]], n));
    const loop = loopVars(n);
    if (loop) {
      const iter = toExpr(loop.iter);
      bindElems(fn, elems(loop.keys ? { k: 'call', fn: 'keys', recv: loop.iter.text, recvExpr: iter, args: [], line: lineOf(n) } : iter, loop.vars, n));
    }
    // Shell: while read -r method path body; do … done <<'PLAN' … PLAN: each line of the here-document is an element
    // (its words; the last variable takes the rest of the line). Comment and blank lines are not steps.
    if (t === 'redirected_statement') {
      const body = field(n, 'body');
      const doc = namedChildren(n).find((c) => c.type === 'heredoc_redirect');
      const cond = body?.type === 'while_statement' ? field(body, 'condition') : null;
      const words = cond?.type === 'command' && field(cond, 'name')?.text === 'read' ? namedChildren(cond).filter((c) => c.type !== 'command_name').map((c) => c.text) : null;
      const text = doc ? namedChildren(doc).find((c) => c.type === 'heredoc_body')?.text : undefined;
      if (words && text !== undefined) {
        const vars: string[] = [];
        for (let i = 0; i < words.length; i++) {
          if (/^-[dpuntN]$/.test(words[i]!)) { i++; continue; }
          if (!words[i]!.startsWith('-') && /^[A-Za-z_]\w*$/.test(words[i]!)) vars.push(words[i]!);
        }
        const rows = text.split(/\r?\n/).filter((l) => l.trim() && !/^\s*#/.test(l)).slice(0, 32).map((l) => {
          const w = l.trim().split(/\s+/);
          const cells = vars.map((_, i) => (i === vars.length - 1 ? w.slice(i).join(' ') : w[i] ?? ''));
          return { value: { k: 'list', items: cells.map((c) => ({ value: { k: 'str', parts: [c], line: lineOf(doc!) } as Expr, spread: false })), line: lineOf(doc!) } as Expr, spread: false };
        });
        if (vars.length && rows.length) bindElems(fn, elems({ k: 'list', items: rows, line: lineOf(doc!) }, vars.map((v, i) => [v, i]), n));
      }
    }
    if (grammar === 'c-sharp' && t === 'binary_expression') nullFallback(n, fn, toExpr);
    // A C# enum's name: `Res.Product` is that member (a table's key), not a definition named Product (flow.ts).
    if (grammar === 'c-sharp' && t === 'enum_declaration') { const nm = field(n, 'name'); if (nm) add(facts.defs, `\u0000enum:${nm.text}`, { k: 'other', text: 'enum', line: lineOf(n) }); }
    // Bash: `local method=${2:-GET}`: the default of the function's second parameter, where a caller leaves it out.
    if (grammar === 'bash' && t === 'expansion' && fn !== top) {
      const d = shellDefault(n);
      if (d && !d.alternate && /^\d+$/.test(d.name) && !fn.defaults.has(d.name)) fn.defaults.set(d.name, toExpr(d.value));
    }
    const sent = grammar === 'go' ? channelSend(n, toExpr) : null;
    if (sent) add(fn === top ? facts.defs : fn.locals, sent[0], sent[1]);
    if (t === 'return_statement' || t === 'return') {
      const v = namedChildren(n)[0];
      if (v) fn.returns.push(toExpr(v.type === 'argument_list' ? namedChildren(v)[0] ?? v : v));
    }
    const named = grammar === 'go' ? iotaConst(n) : null;
    if (named) add(facts.defs, named, { k: 'sym', name: named, line: lineOf(n) });
    const copied = grammar === 'go' ? copyLoop(n) : null;
    if (copied) add(fn === top ? facts.defs : fn.locals, copied[0], toExpr(copied[1]));
    // Bash: `case "$cmd" in list) method=GET; path=/web-hook ;; sync) method=POST; path=/app-sync ;; esac`: a table,
    // each arm an element, so an arm's method goes with its own path (as a loop's elements do).
    if (grammar === 'bash' && t === 'case_statement') caseTable(n, fn);
    // Bash: `printf -v url '%s/%s' "$API" "$path"` sets url to the formatted string (a sprintf).
    if (grammar === 'bash' && t === 'command' && field(n, 'name')?.text === 'printf') {
      const words = namedChildren(n).filter((c) => c.type !== 'command_name' && c.type !== 'file_redirect');
      const at = words.findIndex((w) => w.text === '-v');
      const target = at >= 0 ? words[at + 1] : undefined;
      if (target && /^[A-Za-z_]\w*$/.test(target.text) && words[at + 2]) {
        add(fn === top ? facts.defs : fn.locals, target.text, { k: 'fmt', format: toExpr(words[at + 2]!), args: words.slice(at + 3).map(toExpr), line: lineOf(n) });
      }
    }
    for (const [nameNode, valueNode] of named || caseAssigned.has(n.startIndex) ? [] : definitions(n)) {
      if (FUNCTION.has(valueNode.type)) continue;
      // A destructuring assignment (const { verb, route } = OPS[op]; method, path = ACTIONS[a]; [$m, $p] = $ops[$k]):
      // each name is a part of the one value (an `elem` of it, `one`), so its parts stay together.
      if (/^(object_pattern|array_pattern|pattern_list|tuple_pattern|list_literal|left_assignment_list|list_pattern)$/.test(nameNode.type)) {
        const vars = nameNode.type === 'object_pattern' || nameNode.type === 'array_pattern' ? loopVarsOfPattern(nameNode)
          : namedChildren(nameNode).flatMap((c, i): Array<[string, number]> => (IDENT.has(c.type) && c.text !== '_' ? [[lastIdent(c.text), i]] : []));
        // (a, b = x(), y(): each name its own value, as Python and Go assign them.)
        const items = valueNode.type === 'expression_list' ? namedChildren(valueNode) : [];
        if (items.length > 1 && items.length === vars.length && vars.every(([, pos], i) => pos === i)) {
          vars.forEach(([nm], i) => add(fn === top ? facts.defs : fn.locals, nm, toExpr(items[i]!)));
          continue;
        }
        // [$method, $path] = match ($action) { 'issue' => [Post, 'gift-card'], … }: each arm is one element, as a loop's.
        // (Not `one` value then: the arms are the elements, the names of one arm go together.)
        const whole = toExpr(valueNode);
        const arms = whole.k === 'call' && whole.fn === '#match' ? whole.args.slice(1).filter((a) => a.value.k === 'list').map((a) => ({ value: a.value, spread: false })) : null;
        const list = arms ? elems({ k: 'list', items: arms, line: whole.line }, vars, n) : elems(whole, vars, n).map(([nm, x]) => [nm, { ...x, one: true }] as [string, Expr]);
        for (const [nm, x] of list) add(fn === top ? facts.defs : fn.locals, nm, x);
        continue;
      }
      const name = nameNode.type === 'string' || nameNode.type === 'hash_key_symbol' ? unquoteKey(nameNode) : lastIdent(nameNode.text);
      if (!name) continue;
      const value = toExpr(valueNode);
      // (Python: an assignment in the class body, `path = "vendor"`, is a class attribute.)
      if (fn === top && currentClass && (/^(?:public_field_definition|field_definition|property_element|const_element)$/.test(t) || grammar === 'python' && t === 'assignment' && /^[A-Za-z_]\w*$/.test(nameNode.text))) {
        const cls = facts.classes?.[currentClass];
        if (cls) cls.fields[name.replace(/^[#$]/, '')] = value;
      }
      const simple = !/[.:>\[]/.test(nameNode.text.replace(/^\$/, ''));
      // A private field (this.#base) is a field too; so is one set from a destructured parameter (`{ base = URL }`).
      const self = /^(?:this\.#?|self\.|@|\$this->)(\w+)$/.exec(nameNode.text);
      if (self && fn.fields && value.k === 'ref' && value.simple && (fn.params.includes(value.name) || fn.pattern.some((x) => x.name === value.name && x.key !== '...'))) fn.fields.set(self[1]!, value.name);
      // A constructor setting a field to a value of its own (this.root = '/vendor'): the class's field.
      else if (self && fn.fields && currentClass && facts.classes?.[currentClass] && !(value.k === 'ref' && value.simple && fn.params.includes(value.name))) facts.classes[currentClass]!.fields[self[1]!] ??= value;
      if (fn === top || !simple || t === 'pair' || t === 'keyed_element') add(facts.defs, name, value);
      else add(fn.locals, name, value);
      // Ruby's `self.collection_path = "order"` in a class body: that class's setting (flow.ts classSetting).
      if (grammar === 'ruby' && fn === top && currentClass && /^self\.\w+$/.test(nameNode.text)) add(facts.defs, `${currentClass}.${name}`, value);
      // C#: a member of the class body (`protected override string Path => "collection";`) is that class's too: a
      // base class's method reads the receiver's own (flow.ts csMember).
      if (grammar === 'c-sharp' && fn === top && currentClass && simple) add(facts.defs, `${currentClass}.${name}`, value);
      // The method set on a request or options object after it is made (init.method = 'DELETE', req.Method =
      // "PATCH", $opts['method'] = 'PUT'): kept as "<object>.method" for the call that sends it (flow.ts keyed).
      const setsMethod = t !== 'pair' && t !== 'keyed_element' ? /^\$?([A-Za-z_]\w*)(?:\.|->|\[['"])(?:method|Method|verb|http_method)['"\]]*$/.exec(nameNode.text) : null;
      if (setsMethod) add(fn.locals, `${setsMethod[1]}.method`, value);
      // Likewise its URL: opts.url = `${BASE}/x`; axios(opts) — req.RequestUri = new Uri(…).
      const setsUrl = t !== 'pair' && t !== 'keyed_element' ? /^\$?([A-Za-z_]\w*)(?:\.|->|\[['"])(?:url|uri|Url|Uri|URL|RequestUri|requestUri)['"\]]*$/.exec(nameNode.text) : null;
      if (setsUrl) add(fn.locals, `${setsUrl[1]}.url`, value);
      const built = grammar === 'c-sharp' ? uriBuilderPath(nameNode.text, fn.locals) : null;
      if (built) add(fn.locals, built, value);
      // A WHATWG URL's path set after it is made (u.pathname = path.posix.join(u.pathname, …)): flow.ts pathnameSet.
      const setsPath = t !== 'pair' && /^(javascript|typescript|tsx)$/.test(grammar) ? /^([A-Za-z_$][\w$]*)\.pathname$/.exec(nameNode.text) : null;
      if (setsPath) add(fn.locals, `${setsPath[1]}.pathname`, value);
    }
    if (CALL.has(t)) {
      const { fn: name, recv, recvExpr, argsNode, block } = callParts(n);
      // A JS/TS decorator named for a verb (Nest, routing-controllers, tsoa: @Get('/x'), @Delete(':id')) declares the
      // app's own route. Python's decorators stay calls: uplink's @get("order") is a client.
      const route = n.parent?.type === 'decorator' && grammar !== 'python' && !!name && /^(?:Get|Post|Put|Patch|Delete|Head|Options|All)$/.test(name);
      // Ruby: `RESOURCES.each do |name, path| define_method("list_#{name}") do |**params| … end end`: one method per
      // entry, named and bound per entry, counted where each is called (not where the block is written).
      if (grammar === 'ruby' && name === 'define_method' && !recv && currentClass && definedMethods(n, fn, toArgs(argsNode))) return;
      if (name && !route) {
        const args = toArgs(argsNode);
        // A Ruby block on a receiver's verb (Faraday's conn.put(path) do |req| … end) configures the request; a block
        // without a receiver (Sinatra's get '/x' do) declares a route.
        const fnArg = block && !(grammar === 'ruby' && recv && !/^(?:self|app|router|routes|namespace)$/.test(recv)) || argsNode.some((a) => FN_LITERAL.has(a.type) || a.type === 'argument' && namedChildren(a).some((c) => FN_LITERAL.has(c.type)));
        fn.calls.push({ fn: name, recv, recvExpr, args, line: lineOf(n), fnArg, ...(isReceiver(n) ? { chained: true } : {}) });
        // A Ruby model's route declaration in its class body (Flexirest's `get :find, "/product/:id"`): the class's
        // method `find` sends that request (flow.ts declaredRoute).
        if (grammar === 'ruby' && fn === top && currentClass && !recv && /^(?:get|post|put|patch|delete)$/.test(name) && args[0]?.value.k === 'sym' && args[1] && args[1].value.k === 'str') {
          add(facts.defs, `${currentClass}#${args[0].value.name}`, { k: 'call', fn: name, recv: '', args: [args[1]], line: lineOf(n) });
        }
        // A class macro given one string (`resource "tag"`, `collection_path "order"`): a setting of the class too.
        else if (grammar === 'ruby' && fn === top && currentClass && !recv && /^[a-z_]\w*$/.test(name) && args.length === 1 && !args[0]!.key && args[0]!.value.k === 'str') {
          add(facts.defs, `${currentClass}.${name}`, args[0]!.value);
        }
        // Or one name (`include Her::Model`, `use_api COMMERCE7`): what a REST ORM's model is made of (flow.ts ormCall).
        else if (grammar === 'ruby' && fn === top && currentClass && !recv && /^(?:include|use_api)$/.test(name) && args.length === 1 && !args[0]!.key && args[0]!.value.k === 'ref') {
          add(facts.defs, `${currentClass}.${name}`, args[0]!.value);
        }
        // cli.URL(base) / client.SetBaseURL(base) as a statement: the client is (also) one on that base.
        if (/^(?:URL|BaseURL|BaseUrl|SetURL|SetBaseURL|SetBaseUrl|SetHostURL|setBaseURL|setBaseUrl|base_url)$/.test(name) && recvExpr?.k === 'ref' && recvExpr.simple && args.length === 1 && !args[0]!.key && n.parent && /statement$/.test(n.parent.type)) {
          add(fn === top ? facts.defs : fn.locals, recvExpr.name, { k: 'call', fn: 'setBaseUrl', recv: '', args, line: lineOf(n) });
        }
        const setter = requestSetter(name, recv, args);
        if (setter) add(fn.locals, setter[0], setter[1]);
        // steps.push(x) / .append(x) / .Add(x): the list gains the element (a loop over it takes it).
        if (/^(push|append|Add|add|unshift|extend)$/.test(name) && recvExpr?.k === 'ref' && recvExpr.simple && args.length && !args.some((a) => a.key)) {
          const items = name === 'extend' && args[0]!.value.k === 'list' ? args[0]!.value.items : args.map((a) => ({ value: a.value, spread: false }));
          add(fn === top ? facts.defs : fn.locals, recvExpr.name, { k: 'list', items, line: lineOf(n) });
        }
        // steps.forEach((s) => …), STEPS.each do |m, p| … end: the callback's parameters are the receiver's elements.
        if (ITERATE.test(name) && recvExpr) {
          const cb = argsNode.map((a) => (a.type === 'argument' ? namedChildren(a)[0] ?? a : a)).find((a) => FN_LITERAL.has(a.type))
            ?? namedChildren(n).find((c) => c.type === 'do_block' || c.type === 'block');
          const params = cb ? field(cb, 'parameters') ?? field(cb, 'parameter') ?? namedChildren(cb).find((c) => c.type === 'block_parameters') ?? null : null;
          const first = params ? (IDENT.has(params.type) ? params : namedChildren(params)[0]) : undefined;
          if (cb && params && first) {
            const ruby = params.type === 'block_parameters';
            // Ruby splats an element over several block parameters (|m, p|); each_with_index's second is the index.
            const vars: Array<[string, number | string | undefined]> = ruby && namedChildren(params).length > 1 && !/with/.test(name)
              ? namedChildren(params).flatMap((c, i): Array<[string, number]> => (IDENT.has(c.type) ? [[c.text, i]] : []))
              : loopVarsOfPattern(first);
            // |k, v| over a hash takes its pairs (each_pair); over a list of pairs, each pair.
            const iter: Expr = ruby && vars.length > 1 && typeof vars[0]![1] === 'number' ? { k: 'call', fn: 'each_pair', recv, recvExpr, args: [], line: lineOf(n) } : recvExpr;
            const list = elems(iter, vars, n);
            if (ruby) bindElems(fn, list);
            else pending.set(cb.startIndex, list);
          }
        }
        // super(http, '/vendor') / parent::__construct($http, '/vendor') in a constructor: the base class's fields (flow.ts).
        if (fn.fields && currentClass && facts.classes?.[currentClass] && (name === 'super' && !recv || name === '__construct' && recv === 'parent')) facts.classes[currentClass]!.superArgs = args;
        // PHP define('BASE', '...').
        if (name === 'define' && args.length === 2 && args[0]!.value.k === 'str') add(facts.defs, String(args[0]!.value.parts[0] ?? ''), args[1]!.value);
      }
    }
    for (let i = 0; i < n.childCount; i++) {
      const c = n.child(i)!;
      if (c.isNamed) visit(c, fn);
    }
  };
  visit(root, top);
  // Bash: a function that hands its arguments on (`c7_args "$@"; curl "${CURL_ARGS[@]}"`) sees what the function
  // it called sets (bash variables are global unless `local`), with the same positional parameters.
  if (grammar === 'bash') {
    const byName = new Map(facts.fns.filter((f) => f.name).map((f) => [f.name, f] as [string, FnDef]));
    for (const fn of facts.fns) for (const c of fn.calls) {
      const target = byName.get(c.fn);
      const passesAll = c.args.length === 1 && /^"?\$[@*]"?$/.test(c.args[0]!.value.k === 'str' ? c.args[0]!.value.parts.map((p) => (typeof p === 'string' ? p : p.k === 'ref' ? p.text : '')).join('') : c.args[0]!.value.k === 'ref' ? c.args[0]!.value.text : '');
      if (!target || target === fn || c.recv || !passesAll) continue;
      for (const [name, defs] of target.locals) if (!fn.locals.has(name)) fn.locals.set(name, defs);
    }
  }
  return facts;
}

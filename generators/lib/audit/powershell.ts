// PowerShell scripts and modules (.ps1, .psm1) -> the facts the data flow reads (./extract.ts's FileFacts): functions
// with their param() blocks, variables, hashtables, `-Name value` parameters and @splats, and Invoke-RestMethod /
// Invoke-WebRequest read as an HTTP request (-Uri, -Method). PowerShell's names are case-insensitive: variables and
// parameters are kept in lower case.
import type { SyntaxNode } from './parse.js';
import type { Arg, CallSite, Expr, FileFacts, FnDef } from './extract.js';

const named = (n: SyntaxNode): SyntaxNode[] => {
  const out: SyntaxNode[] = [];
  for (let i = 0; i < n.childCount; i++) { const c = n.child(i)!; if (c.isNamed) out.push(c); }
  return out;
};
const line = (n: SyntaxNode) => n.startPosition.row + 1;

/** The grammar's one-child layers (every expression is a pipeline of a logical of a … of a unary expression). */
const LAYER = new Set(['pipeline', 'pipeline_chain', 'logical_expression', 'bitwise_expression', 'comparison_expression', 'additive_expression',
  'multiplicative_expression', 'format_expression', 'range_expression', 'array_literal_expression', 'unary_expression', 'statement_list',
  'parenthesized_expression', 'expression_with_unary_operator', 'left_assignment_expression', 'argument_expression',
  'logical_argument_expression', 'bitwise_argument_expression', 'comparison_argument_expression', 'additive_argument_expression',
  'multiplicative_argument_expression', 'format_argument_expression', 'range_argument_expression']);
function unwrap(n: SyntaxNode): SyntaxNode {
  for (;;) {
    const kids = named(n);
    if (!LAYER.has(n.type) || kids.length !== 1) return n;
    n = kids[0]!;
  }
}

/** Invoke-RestMethod / Invoke-WebRequest and their aliases: PowerShell's HTTP requests. */
const HTTP_CMDLET = /^(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr)$/i;

const varName = (text: string) => text.replace(/^[$@]/, '').replace(/^(?:script|global|local|private|using):/i, '').toLowerCase();

function variable(n: SyntaxNode): Expr {
  const t = n.text.replace(/^[$@]\{?|\}$/g, '');
  // $env:C7_API: an environment read (flow.ts ENV_READ), under its own name.
  const env = /^env:(\w+)$/i.exec(t);
  if (env) return { k: 'ref', name: env[1]!, text: `env.${env[1]}`, line: line(n), simple: false };
  const name = varName(n.text);
  return { k: 'ref', name, text: name, line: line(n), simple: true };
}

function stringOf(n: SyntaxNode): Expr {
  const lit = named(n)[0] ?? n;
  const text = lit.text;
  if (/^verbatim/.test(lit.type)) return { k: 'str', parts: [text.replace(/^@?'(?:\r?\n)?|(?:\r?\n)?'@?$/g, '').replace(/''/g, "'")], line: line(n) };
  const parts: Array<string | Expr> = [];
  let at = 0;
  for (const c of named(lit)) {
    const start = c.startIndex - lit.startIndex;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(expr(c));
    at = c.endIndex - lit.startIndex;
  }
  if (at < text.length) parts.push(text.slice(at));
  if (typeof parts[0] === 'string') parts[0] = parts[0].replace(/^@?"(?:\r?\n)?/, '');
  const last = parts.length - 1;
  if (typeof parts[last] === 'string') parts[last] = (parts[last] as string).replace(/(?:\r?\n)?"@?$/, '');
  return { k: 'str', parts: parts.map((p) => (typeof p === 'string' ? p.replace(/`(.)/g, '$1') : p)), line: line(n) };
}

/** A type literal's name without its brackets: [System.Net.Http.HttpClient] -> System.Net.Http.HttpClient. */
const typeName = (t: SyntaxNode) => t.text.replace(/^\[|\]$/g, '').trim();

/** The values of an `( a, b )` argument list of a .NET method call. */
function callArgs(list: SyntaxNode | undefined): Arg[] {
  const inner = list ? named(list).find((c) => c.type === 'argument_expression_list') : undefined;
  return (inner ? named(inner) : []).map((a) => ({ value: expr(a) }));
}

/**
 * A .NET method call, as C#'s facts have it (./extract.ts): `$client.GetStringAsync('x')` is GetStringAsync on
 * `client`; `[System.Net.Http.HttpRequestMessage]::new(m, p)` is the constructor HttpRequestMessage(m, p);
 * `[Type]::Method(a)` a static call on Type. PowerShell's HttpClient scripts are C#'s HttpClient code.
 */
function methodCall(target: SyntaxNode, member: string, list: SyntaxNode | undefined, at: number): Extract<Expr, { k: 'call' }> {
  const args = callArgs(list);
  const t = unwrap(target);
  if (t.type === 'type_literal') {
    const type = typeName(t);
    if (/^new$/i.test(member)) return { k: 'call', fn: type.split('.').pop()!, recv: '', args, line: at };
    return { k: 'call', fn: member, recv: type, args, line: at };
  }
  const recvExpr = expr(t);
  const recv = recvExpr.k === 'ref' ? recvExpr.text : t.text;
  return { k: 'call', fn: member, recv, recvExpr, args, line: at };
}

/**
 * `Wait-C7 $client.GetStringAsync('x')`: in a command's words the grammar gives the member and its ( … ) apart, side
 * by side; the method call they are, or null.
 */
function gluedCall(e: SyntaxNode, next: SyntaxNode | undefined): Extract<Expr, { k: 'call' }> | null {
  if (next?.type !== 'argument_list' || next.startIndex !== e.endIndex) return null;
  const m = unwrap(e);
  const [obj, member] = m.type === 'member_access' ? named(m) : [];
  return obj && member ? methodCall(obj, member.text, next, line(e)) : null;
}

function expr(n0: SyntaxNode): Expr {
  const n = unwrap(n0);
  const at = line(n);
  switch (n.type) {
    case 'invokation_expression': case 'invocation_expression': {
      const kids = named(n);
      const member = kids.find((c) => c.type === 'member_name');
      const list = kids.find((c) => c.type === 'argument_list');
      if (kids[0] && member) return methodCall(kids[0], member.text, list, at);
      return { k: 'other', text: n.text.slice(0, 80), line: at };
    }
    // [Uri]'https://…': the value cast.
    case 'cast_expression': {
      const v = named(n).filter((c) => c.type !== 'type_literal').pop();
      return v ? expr(v) : { k: 'other', text: n.text.slice(0, 80), line: at };
    }
    case 'string_literal': return stringOf(n);
    case 'variable': return variable(n);
    case 'generic_token': case 'simple_name': return { k: 'str', parts: [n.text], line: at };
    case 'integer_literal': case 'real_literal': return { k: 'str', parts: [n.text], line: at };
    case 'sub_expression': {
      const inner = named(n)[0];
      return inner ? expr(inner) : { k: 'other', text: n.text, line: at };
    }
    case 'member_access': {
      const [obj, member] = named(n);
      const key = member ? member.text : '';
      const of = obj ? expr(obj) : undefined;
      // [WebRequestMethod]::Post, [Net.Http.HttpMethod]::Put: a static member of a type, written Type::Name.
      if (obj?.type === 'type_literal') return { k: 'ref', name: key, text: `${obj.text.replace(/^\[|\]$/g, '')}::${key}`, line: at, simple: false };
      const base = of?.k === 'ref' ? of.text : obj?.text ?? '';
      return { k: 'ref', name: key, text: `${base}.${key}`, line: at, simple: false, ...(of ? { of, keyExpr: { k: 'str', parts: [key], line: at } as Expr } : {}) };
    }
    case 'hash_literal_expression': {
      const body = named(n).find((c) => c.type === 'hash_literal_body');
      const entries = (body ? named(body) : []).filter((e) => e.type === 'hash_entry').flatMap((e) => {
        const [k, v] = named(e);
        return k && v ? [{ key: k.text.replace(/^['"]|['"]$/g, ''), value: expr(v) }] : [];
      });
      return { k: 'obj', entries, line: at };
    }
    default: {
      // `$a + '/x'`: a concatenation (the layer keeps its operands when there are two).
      const kids = named(n);
      if (n.type === 'additive_expression' && kids.length === 2 && /\+/.test(n.text.slice(kids[0]!.endIndex - n.startIndex, kids[1]!.startIndex - n.startIndex))) {
        return { k: 'cat', items: kids.map(expr), line: at };
      }
      // `$env:C7_API ?? 'https://…'` (read as -or, powershellSource): the first, else the second.
      if (n.type === 'logical_expression' && kids.length === 2 && /^\s*-or\s*$/i.test(n.text.slice(kids[0]!.endIndex - n.startIndex, kids[1]!.startIndex - n.startIndex))) {
        return { k: 'alt', items: kids.map(expr), line: at };
      }
      // `'department/{0}' -f $id`: .NET's composite format, read as a format with {0} slots.
      if (n.type === 'format_expression' && kids.length === 3 && kids[1]!.type === 'format_operator') {
        const args = unwrap(kids[2]!);
        const items = args.type === 'array_literal_expression' && named(args).length > 1 ? named(args) : [kids[2]!];
        return { k: 'fmt', format: expr(kids[0]!), args: items.map(expr), line: at };
      }
      // `$Routes[$Name]`: a table's entry, looked up once the key is known.
      if (n.type === 'element_access' && kids.length === 2) return { k: 'index', obj: expr(kids[0]!), key: expr(kids[1]!), line: at };
      if (n.type === 'command') return callOf(n, null) ?? { k: 'other', text: n.text.slice(0, 80), line: at };
      return { k: 'other', text: n.text.slice(0, 80), line: at };
    }
  }
}

/** The hashtable a splatted `@name` stands for, in the function or the file. */
type Lookup = (name: string) => Expr[] | undefined;

function argsOf(elements: SyntaxNode | undefined, lookup: Lookup | null): Arg[] {
  const els = elements ? named(elements).filter((c) => c.type !== 'command_argument_sep') : [];
  const out: Arg[] = [];
  for (let i = 0; i < els.length; i++) {
    const e = els[i]!;
    if (e.type === 'command_parameter') {
      const glued = /^-(\w+):(.+)$/.exec(e.text);
      const next = els[i + 1];
      const key = glued ? glued[1]! : e.text.replace(/^-/, '');
      // A switch (-Raw, -Force) takes no value: the next word is another parameter or there is none.
      if (glued) out.push({ key: key.toLowerCase(), value: { k: 'str', parts: [glued[2]!], line: line(e) } });
      else if (next && next.type !== 'command_parameter') { out.push({ key: key.toLowerCase(), value: expr(next) }); i++; }
      continue;
    }
    const glued = gluedCall(e, els[i + 1]);
    if (glued) { out.push({ value: glued }); i++; continue; }
    const v = unwrap(e);
    // @params: the hashtable's entries are named parameters.
    if (v.type === 'variable' && v.text.startsWith('@') && lookup) {
      const table = lookup(varName(v.text))?.find((x) => x.k === 'obj');
      if (table?.k === 'obj') for (const en of table.entries) out.push({ key: en.key.toLowerCase(), value: en.value });
      continue;
    }
    out.push({ value: expr(e) });
  }
  return out;
}

function callOf(n: SyntaxNode, lookup: Lookup | null): Extract<Expr, { k: 'call' }> | null {
  const name = n.childForFieldName('command_name')?.text ?? named(n).find((c) => c.type === 'command_name')?.text;
  if (!name) return null;
  const args = argsOf(n.childForFieldName('command_elements') ?? named(n).find((c) => c.type === 'command_elements'), lookup);
  if (HTTP_CMDLET.test(name)) {
    // Read like request({ url, method }): -Uri (or the first positional word) and -Method.
    // (-CustomMethod 'PATCH': a method WebRequestMethod does not list on older hosts, the method all the same.)
    const mapped = args.map((a) => (a.key === 'uri' ? { key: 'url', value: a.value } : a.key === 'custommethod' ? { key: 'method', value: a.value } : a));
    return { k: 'call', fn: 'request', recv: '', args: mapped, line: line(n) };
  }
  return { k: 'call', fn: name, recv: '', args, line: line(n) };
}

/**
 * PowerShell 7's `a ?? b`, which the grammar does not know (it parses the rest of the line as errors): written
 * `a -or b` for the parser, read back as a fallback (expr). Lines keep their numbers.
 */
export function powershellSource(text: string): string {
  return text.includes('??') ? text.replace(/(?<=\S)[ \t]+\?\?(?=[ \t])/g, ' -or') : text;
}

export function powershellFacts(file: string, root: SyntaxNode): FileFacts {
  const fresh = (name: string, at: number): FnDef => ({ name, params: [], pattern: [], defaults: new Map(), calls: [], locals: new Map(), returns: [], line: at, file, method: false });
  const top = fresh('', 1);
  const facts: FileFacts = { file, grammar: 'powershell', defs: new Map(), fns: [], top };
  const add = (map: Map<string, Expr[]>, name: string, value: Expr) => {
    const list = map.get(name);
    if (list) { if (list.length < 8) list.push(value); } else map.set(name, [value]);
  };
  const visit = (n: SyntaxNode, fn: FnDef): void => {
    if (n.type === 'function_statement') {
      const name = named(n).find((c) => c.type === 'function_name')?.text;
      if (name) {
        const def = fresh(name, line(n));
        const params = named(n).flatMap((c) => (c.type === 'script_block' ? named(c) : [c])).filter((c) => c.type === 'param_block' || c.type === 'function_parameter_declaration');
        for (const block of params) for (const list of named(block).filter((c) => c.type === 'parameter_list')) for (const p of named(list)) {
          if (p.type !== 'script_parameter') continue;
          const v = named(p).find((c) => c.type === 'variable');
          if (!v) continue;
          const pname = varName(v.text);
          def.params.push(pname);
          const dflt = named(p).find((c) => c.type === 'script_parameter_default');
          const dv = dflt ? named(dflt)[0] : undefined;
          if (dv) def.defaults.set(pname, expr(dv));
        }
        facts.fns.push(def);
        for (const c of named(n)) if (c.type === 'script_block') visit(c, def);
        return;
      }
    }
    if (n.type === 'assignment_expression') {
      const left = named(n)[0] ? unwrap(named(n)[0]!) : null;
      const op = named(n).find((c) => c.type === 'assignement_operator' || c.type === 'assignment_operator')?.text ?? '=';
      const value = n.childForFieldName('value') ?? named(n)[named(n).length - 1];
      if (left?.type === 'variable' && value && op === '=') add(fn === top ? facts.defs : fn.locals, varName(left.text), expr(value));
      // $client.BaseAddress = [Uri]'https://…': a member set, kept by its name as C#'s are.
      if (left?.type === 'member_access' && value && op === '=') {
        const member = named(left)[1]?.text;
        if (member) add(facts.defs, member, expr(value));
      }
    }
    // Every .NET method call, wherever it is (an argument, an assignment's value, a pipeline's head).
    const call = n.type === 'invokation_expression' || n.type === 'invocation_expression' ? expr(n) : null;
    if (call?.k === 'call') fn.calls.push({ fn: call.fn, recv: call.recv, ...(call.recvExpr ? { recvExpr: call.recvExpr } : {}), args: call.args, line: call.line, fnArg: false } satisfies CallSite);
    if (n.type === 'command_elements') {
      const els = named(n).filter((c) => c.type !== 'command_argument_sep');
      els.forEach((e, i) => {
        const c = gluedCall(e, els[i + 1]);
        if (c) fn.calls.push({ fn: c.fn, recv: c.recv, ...(c.recvExpr ? { recvExpr: c.recvExpr } : {}), args: c.args, line: c.line, fnArg: false });
      });
    }
    if (n.type === 'command') {
      const lookup: Lookup = (name) => fn.locals.get(name) ?? facts.defs.get(name);
      const c = callOf(n, lookup);
      if (c) fn.calls.push({ fn: c.fn, recv: '', args: c.args, line: c.line, fnArg: false } satisfies CallSite);
    }
    for (const c of named(n)) visit(c, fn);
  };
  visit(root, top);
  return facts;
}

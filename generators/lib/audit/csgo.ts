// C# and Go shapes of the audit's data flow (issue 12): the documented behaviour of .NET's HttpClient family and of
// Go's HTTP libraries and channels, kept apart from the shared engine (extract.ts, flow.ts call in here).
import type { Arg, CallSite, Expr, FnDef } from './extract.js';
import type { SyntaxNode } from './parse.js';

/** .NET's `new HttpMethod("PATCH")` / `new HttpMethod(verb.ToUpperInvariant())`: the method its string names. */
export function methodMade(e: Expr): Expr | null {
  if (e.k !== 'call' || e.recv || e.fn !== 'HttpMethod') return null;
  const a = e.args.filter((x) => !x.key);
  return a.length === 1 ? a[0]!.value : null;
}

/**
 * An HttpRequestMessage, however it is made (method and URI as arguments, or an object initializer `{ Method = …,
 * RequestUri = new Uri("x", UriKind.Relative) }`), is sent by an HttpClient: a relative URI is the client's base's.
 */
export const isRequestMessage = (c: CallSite): boolean => c.fn === 'HttpRequestMessage' || c.fn === 'new' && /(?:^|\.)HttpRequestMessage$/.test(c.recv);

/** Calls that make or send a request from a method and a URL given first and second (grequests.Req("POST", url, ro),
 * go-kit's httptransport.NewClient(http.MethodPut, u, enc, dec), resty's R().Execute("GET", url), a client's
 * Request/Do/Send of the same shape). A route registration of that shape (gin's Handle("POST", "/x", h)) is not one. */
const METHOD_FIRST_FN = /^(?:Req|Request|Execute|Do|DoRequest|Send|SendRequest|Call|Fetch|Invoke|MakeRequest|NewClient)$/;
export function methodFirstCall(c: CallSite, isMethod: (e: Expr) => boolean): { method: Expr; url: Expr } | null {
  if (!c.recv || c.fnArg || !METHOD_FIRST_FN.test(c.fn)) return null;
  const positional = c.args.filter((a: Arg) => !a.key).map((a) => a.value);
  const [m, u] = positional;
  if (!m || !u || !isMethod(m) || m.k === 'ref' && m.simple) return null;
  if (u.k === 'obj' || u.k === 'list' || u.k === 'other') return null;
  return { method: m, url: u };
}

/** Go's `ch <- v`: the channel gains an element (a `for x := range ch` takes it, as a loop over a list does). */
export function channelSend(n: SyntaxNode, toExpr: (n: SyntaxNode) => Expr): [string, Expr] | null {
  if (n.type !== 'send_statement') return null;
  const ch = n.childForFieldName('channel');
  const v = n.childForFieldName('value');
  if (!ch || !v || ch.type !== 'identifier') return null;
  return [ch.text, { k: 'list', items: [{ value: toExpr(v), spread: false }], line: n.startPosition.row + 1 }];
}

/**
 * A request object filled by setter calls before a client sends it (fasthttp's req.SetRequestURI(u) and
 * req.Header.SetMethod(m), the same shape in other libraries): "<request>.url" / "<request>.method", as an
 * assignment `req.Method = m` is (extract.ts), for the send that names the request (flow.ts detectSink).
 */
const URL_SETTER = /^(?:SetRequestURI|SetRequestURIBytes|SetRequestUri|SetURI|SetUri|setRequestURI|setRequestUri|setURI|setUri|SetRequestURL|SetRequestUrl)$/;
const METHOD_SETTER = /^(?:SetMethod|SetMethodBytes|setMethod|SetRequestMethod|setRequestMethod|SetVerb|setVerb)$/;
export function requestSetter(fn: string, recv: string, args: Arg[]): [string, Expr] | null {
  const root = /^([A-Za-z_]\w*)(?:\.Header)?$/.exec(recv)?.[1];
  if (!root || args.length !== 1 || args[0]!.key) return null;
  if (URL_SETTER.test(fn) && !/\.Header$/.test(recv)) return [`${root}.url`, args[0]!.value];
  if (METHOD_SETTER.test(fn)) return [`${root}.method`, args[0]!.value];
  return null;
}

/**
 * C#'s switch expression on a name (`r switch { Res.Tag => "tag", … }`): a table keyed by each arm's constant (its last
 * identifier, so `Res.Tag` and `Tag` meet), looked up with the value the name has.
 */
export function switchTable(n: SyntaxNode, toExpr: (n: SyntaxNode) => Expr, named: (n: SyntaxNode) => SyntaxNode[]): Expr | null {
  if (n.type !== 'switch_expression') return null;
  const kids = named(n);
  const subject = kids[0];
  if (!subject || subject.type !== 'identifier') return null;
  const entries: Array<{ key: string; value: Expr }> = [];
  for (const arm of kids.slice(1)) {
    if (arm.type !== 'switch_expression_arm') continue;
    const parts = named(arm);
    const pat = parts[0], value = parts[parts.length - 1];
    if (!pat || !value || parts.length !== 2) continue;
    const key = /([A-Za-z_]\w*)$/.exec(pat.text.trim())?.[1] ?? (/^"([^"]*)"$/.exec(pat.text.trim())?.[1]);
    if (!key || pat.type === 'discard') continue;
    entries.push({ key, value: toExpr(value) });
  }
  if (!entries.length) return null;
  const line = n.startPosition.row + 1;
  return { k: 'index', obj: { k: 'obj', entries, line }, key: { k: 'ref', name: subject.text, text: subject.text, line, simple: true }, line };
}

/** A constant of an enum or a class (`Res.Tag`, `Op.ListClubs`) used as a table key: its last identifier. */
export function memberKey(text: string): string | null {
  return /^[A-Z]\w*\.([A-Za-z_]\w*)$/.exec(text)?.[1] ?? null;
}

/**
 * C#'s `param ?? fallback` on a parameter that defaults to null (`HttpMethod? method = null`): the fallback is that
 * parameter's default (a caller that leaves it out gets it), and the expression is the parameter (flow.ts alt).
 */
export function nullFallback(n: SyntaxNode, fn: FnDef, toExpr: (n: SyntaxNode) => Expr): void {
  const left = n.childForFieldName('left'), right = n.childForFieldName('right'), op = n.childForFieldName('operator');
  if (!left || !right || (op?.text ?? '') !== '??' || left.type !== 'identifier' || !fn.params.includes(left.text)) return;
  const def = fn.defaults.get(left.text);
  if (def && !(def.k === 'other' && def.text === 'null')) return;
  fn.defaults.set(left.text, toExpr(right));
  (fn.nullDefaults ??= new Set()).add(left.text);
}

/** The value of `a ?? b` in a function: a parameter whose null default is b stands for itself (bound per caller). */
export const fallbackParam = (e: Expr, fn: FnDef): boolean =>
  e.k === 'alt' && !!e.orElse && e.items[0]?.k === 'ref' && e.items[0].simple && !!fn.nullDefaults?.has(e.items[0].name);

/**
 * Go's `for x := range ch` over a channel (a name made by make(chan T)): the lone name is the element received, not
 * an index as over a slice. [the loop's range node, the name] when it is such a loop.
 */
export function channelRange(n: SyntaxNode, defsOf: (name: string) => Expr[] | undefined): { iter: SyntaxNode; name: string } | null {
  if (n.type !== 'for_statement') return null;
  let range: SyntaxNode | null = null;
  for (let i = 0; i < n.childCount; i++) if (n.child(i)!.type === 'range_clause') range = n.child(i);
  const left = range?.childForFieldName('left'), right = range?.childForFieldName('right');
  if (!left || !right || right.type !== 'identifier' || !/^[A-Za-z_]\w*$/.test(left.text) || left.text === '_') return null;
  const made = defsOf(right.text)?.some((d) => d.k === 'call' && d.fn === 'make' && !d.recv && d.args[0]?.value.k === 'other' && /^(?:chan\b|<-\s*chan\b)/.test(d.args[0].value.text));
  return made || chanParam(n, right.text) ? { iter: right, name: left.text } : null;
}

/** Is `name` a parameter of channel type (`jobs <-chan job`) of the function around `n`? (Its elements: what callers send.) */
function chanParam(n: SyntaxNode, name: string): boolean {
  let f: SyntaxNode | null = n.parent;
  while (f && !/^(?:function_declaration|method_declaration|func_literal)$/.test(f.type)) f = f.parent;
  const params = f?.childForFieldName('parameters');
  if (!params) return false;
  for (let i = 0; i < params.childCount; i++) {
    const d = params.child(i)!;
    if (d.type !== 'parameter_declaration' || d.childForFieldName('type')?.type !== 'channel_type') continue;
    for (let j = 0; j < d.childCount; j++) if (d.child(j)!.type === 'identifier' && d.child(j)!.text === name) return true;
  }
  return false;
}

/**
 * A setting read by a chain of lookups (go-ini's cfg.Section("commerce7").Key("base").String(), viper's
 * Sub("c7").GetString("base_url"), .NET's GetSection("Commerce7").GetValue<string>("BaseUrl")): the keys joined,
 * so that a base name among them is recognised (flow.ts BASE_NAME). Null unless two or more keys are read.
 */
export function chainedKey(e: Expr): string | null {
  const keys: string[] = [];
  for (let x: Expr | undefined = e; x?.k === 'call'; x = x.recvExpr) {
    const a = x.args.filter((y) => !y.key);
    if (a.length === 0) continue;
    const v = a[0]!.value;
    if (a.length !== 1 || v.k !== 'str' || v.parts.length !== 1 || typeof v.parts[0] !== 'string' || !/^[\w.:-]+$/.test(v.parts[0])) return null;
    keys.unshift(v.parts[0]);
  }
  return keys.length >= 2 ? keys.join('_').replace(/\W+/g, '_') : null;
}

/** Go's `F…WithContext(ctx, …)` / `F…Ctx(ctx, …)`: the call without its leading context argument. */
export function withoutContext(c: CallSite): CallSite {
  if (!/(?:WithContext|Ctx)$/.test(c.fn) || !c.recv) return c;
  const a0 = c.args[0]?.value;
  return a0 && !c.args[0]!.key && (a0.k === 'ref' || a0.k === 'call') && /(?:^|\.)(?:ctx|context|c|Background\(\)|TODO\(\)|Context\(\))$/i.test(a0.k === 'ref' ? a0.text : `${a0.fn}()`)
    ? { ...c, args: c.args.slice(1) } : c;
}

/**
 * A C# dictionary written as an initializer (`new() { ["a"] = x }`, `new Dictionary<K, V> { ["a"] = x }`,
 * `{ { "a", x } }`, keys by enum member `[Op.List] = x`): an object literal of its entries, a table like any other.
 */
export function dictionaryLiteral(n: SyntaxNode, toExpr: (n: SyntaxNode) => Expr, named: (n: SyntaxNode) => SyntaxNode[]): Expr | null {
  if (n.type !== 'object_creation_expression' && n.type !== 'implicit_object_creation_expression') return null;
  const kids = named(n);
  if (kids.some((c) => c.type === 'argument_list' && named(c).length > 0)) return null;
  const init = kids.find((c) => c.type === 'initializer_expression');
  const items = init ? named(init) : [];
  if (!items.length) return null;
  const keyOf = (k: SyntaxNode | undefined): string | null => {
    if (!k) return null;
    const t = k.text.trim();
    return /^@?"([^"\\]*)"$/.exec(t)?.[1] ?? /^(?:[A-Z]\w*\.)+([A-Za-z_]\w*)$/.exec(t)?.[1] ?? null;
  };
  const entries: Array<{ key: string; value: Expr }> = [];
  for (const it of items) {
    let key: string | null = null, value: SyntaxNode | undefined;
    if (it.type === 'assignment_expression') {
      const left = it.childForFieldName('left'), right = it.childForFieldName('right');
      if (left?.type !== 'element_binding_expression' || !right) return null;
      const arg = named(left)[0];
      key = keyOf(arg && arg.type === 'argument' ? named(arg)[0] : arg);
      value = right;
    } else if (it.type === 'initializer_expression' && named(it).length === 2) {
      key = keyOf(named(it)[0]);
      value = named(it)[1];
    } else return null;
    if (key === null || !value) return null;
    entries.push({ key, value: toExpr(value) });
  }
  return { k: 'obj', entries, line: n.startPosition.row + 1 };
}

/** A C# class with a primary constructor: its parameters (name, type) and the base class it calls with arguments. */
/** A parameter's `type` without its type arguments; `of`: the options class of `IOptions<ErpOptions>` (and its kin). */
export interface PrimaryCtor { params: Array<{ name: string; type: string; of?: string }>; base?: { name: string; args: Expr[] } }

/** `class ProductApi(HttpClient http) : C7ApiBase(http, "product")`: the primary constructor and its base call. */
export function primaryCtor(n: SyntaxNode, toExpr: (n: SyntaxNode) => Expr, named: (n: SyntaxNode) => SyntaxNode[]): PrimaryCtor | null {
  if (n.type !== 'class_declaration' && n.type !== 'struct_declaration') return null;
  const kids = named(n);
  const list = kids.find((c) => c.type === 'parameter_list');
  if (!list) return null;
  const params = named(list).filter((c) => c.type === 'parameter').map((c) => {
    const parts = named(c).filter((x) => x.type !== 'attribute_list' && x.type !== 'modifier');
    const nameNode = c.childForFieldName('name') ?? parts[1] ?? parts[0];
    const typeNode = c.childForFieldName('type') ?? (parts.length > 1 ? parts[0] : undefined);
    const type = typeNode?.text ?? '';
    const of = /^(?:[\w.]+\.)?IOptions(?:Snapshot|Monitor)?<\s*(?:[\w.]+\.)?(\w+)\s*>$/.exec(type)?.[1];
    return { name: nameNode?.text ?? '', type: type.replace(/<.*$/s, '').replace(/\?$/, '').split('.').pop()!, ...(of ? { of } : {}) };
  }).filter((p) => p.name);
  const baseList = kids.find((c) => c.type === 'base_list');
  const bk = baseList ? named(baseList) : [];
  const args = bk.find((c) => c.type === 'argument_list');
  const baseName = bk[0] && args ? bk[0].text.replace(/<.*$/s, '').split('.').pop()! : '';
  return {
    params,
    ...(baseName && args ? { base: { name: baseName, args: named(args).map((a) => toExpr(a.type === 'argument' ? named(a)[named(a).length - 1] ?? a : a)) } } : {}),
  };
}

/**
 * .NET's HttpWebRequest streams: req.GetRequestStream() (the body written) and resp.GetResponseStream() (read) belong to
 * the request that GetResponse() sends; calls on them (Write, ReadToEnd) are not requests of their own.
 */
const REQUEST_STREAM = /^(?:GetRequestStream|GetResponseStream|GetRequestStreamAsync|GetResponseStreamAsync)$/;
export function onRequestStream(c: CallSite, locals: Map<string, Expr[]>): boolean {
  if (REQUEST_STREAM.test(c.fn)) return true;
  const r = c.recvExpr;
  const made = (x: Expr | undefined): boolean => !!x && x.k === 'call' && (REQUEST_STREAM.test(x.fn) || x.args.some((a) => made(a.value)) || made(x.recvExpr));
  return !!r && r.k === 'ref' && r.simple && !!locals.get(r.name)?.some(made);
}

/** `static Task<T> C7GetAsync<T>(this HttpClient http, …)`: a C# extension method (its first parameter is `this`). */
export function isExtensionMethod(n: SyntaxNode): boolean {
  const list = n.childForFieldName('parameters');
  const first = list ? (() => { for (let i = 0; i < list.childCount; i++) if (list.child(i)!.type === 'parameter') return list.child(i); return null; })() : null;
  return !!first && /^this\s/.test(first.text);
}

/**
 * `s.Split('?')[0]`, `strings.Split(s, "?")[0]`: the part before the separator; for a path, the path itself (its
 * query is dropped where the path is read). The split value, or null when `e` is not such a pick.
 */
export function firstOfSplit(e: Expr, defsOf: (name: string) => Expr[] | undefined): Expr | null {
  if (e.k !== 'ref' || e.name !== '[0]' || !e.of || e.of.k !== 'ref' || !e.of.simple) return null;
  const made = defsOf(e.of.name)?.find((d): d is Extract<Expr, { k: 'call' }> => d.k === 'call' && /^(?:Split|SplitN|split)$/.test(d.fn));
  if (!made) return null;
  if (made.recv === 'strings') return made.args[0]?.value ?? null;
  return made.recvExpr ?? null;
}

/** .NET's UriBuilder: `var b = new UriBuilder(base); b.Path = p;` — "<b>.url" is the path set (flow.ts reads b.Uri). */
export function uriBuilderPath(target: string, locals: Map<string, Expr[]>): string | null {
  const m = /^([A-Za-z_]\w*)\.Path$/.exec(target);
  return m && locals.get(m[1]!)?.some((d) => d.k === 'call' && d.fn === 'UriBuilder') ? `${m[1]}.url` : null;
}

/** `b.Uri` / `b.ToString()` of a UriBuilder whose Path was set: that path. */
export function uriBuilderRead(e: Expr, locals: Map<string, Expr[]>): Expr | null {
  const m = e.k === 'ref' ? /^([A-Za-z_]\w*)\.(?:Uri|AbsoluteUri)$/.exec(e.text) : null;
  return m ? locals.get(`${m[1]}.url`)?.[0] ?? null : null;
}

/** Go's `const ( A Op = iota; B; C )`: each name is a named constant (a table's key by name, like an enum member). */
export function iotaConst(n: SyntaxNode): string | null {
  if (n.type !== 'const_spec' || n.parent?.type !== 'const_declaration' || !/\biota\b/.test(n.parent.text)) return null;
  const name = n.childForFieldName('name');
  const value = n.childForFieldName('value');
  return name && (!value || value.text.trim() === 'iota') ? name.text : null;
}

/**
 * Go's copy loop `for i, s := range src { …; dst[i] = s }`: dst holds src's elements (a placeholder replaced in the
 * loop stays a placeholder, read as an id). [dst, the range's operand] when `n` is the assignment.
 */
export function copyLoop(n: SyntaxNode): [string, SyntaxNode] | null {
  if (n.type !== 'assignment_statement') return null;
  const left = n.childForFieldName('left'), right = n.childForFieldName('right');
  const kids: SyntaxNode[] = [];
  for (let i = 0; left && i < left.childCount; i++) if (left.child(i)!.isNamed) kids.push(left.child(i)!);
  const dst = kids.length === 1 ? kids[0]! : null;
  if (!dst || dst.type !== 'index_expression' || right?.text.includes(',')) return null;
  const operand = dst.childForFieldName('operand'), index = dst.childForFieldName('index');
  if (operand?.type !== 'identifier' || index?.type !== 'identifier') return null;
  for (let p = n.parent; p; p = p.parent) {
    if (p.type !== 'for_statement') continue;
    let range: SyntaxNode | null = null;
    for (let i = 0; i < p.childCount; i++) if (p.child(i)!.type === 'range_clause') range = p.child(i);
    const names = range?.childForFieldName('left')?.text.split(',').map((x) => x.trim());
    if (names?.[0] === index.text && names[1] === right?.text.trim()) return [operand.text, range!.childForFieldName('right')!];
    return null;
  }
  return null;
}

// Finds the Commerce7 API calls in source code of any language (an old Data-role integration in JavaScript, PHP,
// Python, C#...): a string that is an api.commerce7.com URL, or a quoted path whose first segment is a Commerce7
// resource. The HTTP method is read from the code around it (`.post(`, `method: 'PUT'`, `PostAsync(`, `-X DELETE`);
// when none is seen the call is taken as a GET and marked, because a write needs full access.
import { HTTP_METHODS, isIdSegment, normalizeApiPath, pathRules, type HttpMethod } from '../catalog/index.js';

export interface ApiReference {
  /** As given to scanSource (relative to the audited folder in reports). */
  file: string;
  line: number;
  column: number;
  method: HttpMethod;
  /** False when no method was found near the path: GET is assumed. */
  methodSeen: boolean;
  /** The API path, normalized: "/order/{id}" for "/v1/order/${orderId}". */
  path: string;
  /** The source line, trimmed (for the report). */
  excerpt: string;
}

/** First path segments that belong to Commerce7's API (from the catalog's path map). */
const RESOURCES = new Set(pathRules().map((r) => r.pattern.split('/')[1]!).filter((s) => s && !s.startsWith('{')));

const API_URL = /https?:\/\/api\.commerce7\.com(?::\d+)?(\/[^\s"'`)<>\]]*)?/gi;
const LONG_LINE = 2000;
/** In long lines: a quoted Commerce7 path or URL whose quotes sit right around it (no quote or space inside). */
const LOCAL_QUOTED = /(["'`])((?:\$\{[^}`'"\s]{0,80}\})?(?:https?:\/\/api\.commerce7\.com(?::\d+)?)?\/[\w{}$.:\/?=&-]*)\1/g;
/** A quoted string on one line. Backticks included: JS templates. */
const QUOTED = /(["'`])((?:(?!\1)[^\n\\]|\\.)*)\1/g;

// Method evidence, nearest first. A call like `client.post(` / `$http->put(` / `requests.delete(` /
// `PostAsJsonAsync(`; an options key `method: 'PATCH'` / `'method' => 'POST'`; curl's `-X POST`; PHP curl options.
const CALL_VERB = /(?:^|[^A-Za-z0-9_])(get|post|put|patch|delete)(?:AsJson|Json)?(?:Async)?\s*(?:<[^>()]*>)?\s*\(/gi;
const METHOD_KEY = /\bmethod["']?\s*(?::|=>?|,)\s*(?:[A-Za-z_.]*\.)?["'`]?(GET|POST|PUT|PATCH|DELETE)\b/gi;
const CURL_X = /(?:-X|--request)\s*["']?(GET|POST|PUT|PATCH|DELETE)\b/gi;
const CURLOPT = /CURLOPT_(?:CUSTOMREQUEST\s*,\s*["'](GET|POST|PUT|PATCH|DELETE)["']|(POST)\s*,\s*(?:true|1))/gi;
const HTTP_METHOD_ENUM = /\bHttpMethod\.(Get|Post|Put|Patch|Delete)\b/gi;
/** A call whose first argument is the method: $client->request('PUT', ...), requests.request("POST", ...). */
const METHOD_ARG = /\(\s*["'](GET|POST|PUT|PATCH|DELETE)["']\s*,/gi;
/** A line that is only a comment (//, /*, *, #, --, '''), in the languages above. */
const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*|#(?![{!\[])|--\s|'''|\"\"\")/;
/** Lines that declare a route of the integration's own server, not a call to Commerce7. */
const OWN_ROUTE = /(?:\b(?:app|router|server|fastify)\s*\.\s*(?:get|post|put|patch|delete|all|use|route)\s*\(|@(?:app|router|blueprint|bp)\.(?:route|get|post|put|patch|delete)\b|\bRoute::|@(?:Get|Post|Put|Patch|Delete|Request)Mapping\b|\bHandleFunc\s*\()/i;

function lastMatch(re: RegExp, text: string): HttpMethod | undefined {
  let found: string | undefined;
  for (const m of text.matchAll(re)) found = (m[1] ?? m[2])!;
  return found ? (found.toUpperCase() as HttpMethod) : undefined;
}

function firstMatch(re: RegExp, text: string): HttpMethod | undefined {
  for (const m of text.matchAll(re)) return ((m[1] ?? m[2])!).toUpperCase() as HttpMethod;
  return undefined;
}

const ALL_EVIDENCE = [METHOD_KEY, METHOD_ARG, CURL_X, CURLOPT, HTTP_METHOD_ENUM];

/** The method of a call whose path starts at `column` of `lines[index]`. */
function methodAt(lines: string[], index: number, column: number, isApiLine: (i: number) => boolean): HttpMethod | undefined {
  const line = lines[index]!;
  const before = line.slice(0, column);
  const after = line.slice(column);
  // 1. A verb call that opens on this line before the path: client.post('/order', ...).
  const verb = lastMatch(CALL_VERB, before);
  // 2. An explicit method anywhere on the line or in the next lines (a fetch options object), up to the next call.
  let explicit: HttpMethod | undefined;
  for (const re of ALL_EVIDENCE) explicit ??= firstMatch(re, before) ?? firstMatch(re, after);
  for (let i = index + 1; !explicit && i < Math.min(lines.length, index + 6) && !isApiLine(i); i++) {
    for (const re of ALL_EVIDENCE) explicit ??= firstMatch(re, lines[i]!);
  }
  if (explicit) return explicit;
  if (verb) return verb;
  // 3. A call opened on the previous lines whose arguments continue here: client.post(\n  '/order', ...
  for (let i = index - 1; i >= Math.max(0, index - 2) && !isApiLine(i); i--) {
    const open = lastMatch(CALL_VERB, lines[i]!);
    if (open) return open;
    for (const re of ALL_EVIDENCE) explicit ??= lastMatch(re, lines[i]!);
    if (explicit) return explicit;
  }
  return undefined;
}

/** "/v1/order/${id}?x=1" -> "/order/{id}"; null when it is not a Commerce7 API path. */
export function apiPathOf(literal: string): string | null {
  let s = literal.trim().replace(/^(?:\$\{[^}]*\}|\{[^}]*\}|%s|\$[A-Za-z_]\w*)+/, '');
  const url = /^https?:\/\/api\.commerce7\.com(?::\d+)?/i.exec(s);
  if (url) s = s.slice(url[0].length) || '/';
  else if (/^[a-z]+:\/\//i.test(s)) return null;
  if (!s.startsWith('/')) return null;
  // Placeholders of any language become one {segment}: ${id}, {id}, :id, %s, $id, " + id + " (cut by the quote).
  s = s.replace(/\$\{[^}]*\}|#\{[^}]*\}|\{[^}]*\}|%[sd]|\$[A-Za-z_]\w*/g, '{id}').replace(/\/:[A-Za-z_]\w*/g, '/{id}');
  const path = normalizeApiPath(s).split('/').map((seg, i) => (i > 1 && isIdSegment(seg) ? '{id}' : seg)).join('/');
  const first = path.split('/')[1] ?? '';
  return RESOURCES.has(first) || (url !== null && path !== '/') ? path : null;
}

/** What a path literal is joined to: '/customer/' + id + '/address' (JS, Python, C#) or "/customer/" . $id (PHP) -> "{id}/address". */
function concatenated(rest: string): string {
  let out = '';
  for (;;) {
    const value = /^\s*(?:\+|\.)\s*(?!["'`])[\w$.\[\]()>-]+/.exec(rest);
    if (!value) return out;
    out += '{id}';
    rest = rest.slice(value[0].length);
    const literal = /^\s*(?:\+|\.)\s*(["'`])([^"'`\n]*)\1/.exec(rest);
    if (!literal) return out;
    out += literal[2];
    rest = rest.slice(literal[0].length);
  }
}

/**
 * HTTP Basic sign-in in code of any language: axios `auth: {`, requests `auth=(`, PHP `CURLOPT_USERPWD`, a
 * hand-built "Basic " header, C# `NetworkCredential(` / `AuthenticationHeaderValue("Basic"`, Guzzle `'auth' => [`.
 */
const BASIC_AUTH = /\bauth["']?\s*(?::|=>?)\s*[({[]|CURLOPT_USERPWD|["'`]Basic\s*["'`]?\s*(?:\+|\.|\$\{)|withBasicAuth\s*\(|setBasicAuth\s*\(|HTTPBasicAuth\s*\(|NetworkCredential\s*\(|AuthenticationHeaderValue\s*\(\s*["']Basic/i;

/** Lines of one file that sign in with HTTP Basic: where a Data-role integration sends its staff email and password. */
export function scanSignIn(file: string, text: string): Array<{ file: string; line: number; excerpt: string }> {
  const out: Array<{ file: string; line: number; excerpt: string }> = [];
  if (!BASIC_AUTH.test(text)) return out; // one look at the whole text first
  text.split(/\r?\n/).forEach((line, index) => {
    // A line that already names the App ID or App Secret Key signs in as an app: nothing to change there.
    if (line.length <= 2000 && !COMMENT_LINE.test(line) && BASIC_AUTH.test(line) && !/app[_-]?(?:id|secret)/i.test(line)) out.push({ file, line: index + 1, excerpt: line.trim().slice(0, 160) });
  });
  return out;
}

/**
 * A line without its trailing comment (`// …`, `# …`, `-- …` outside quotes): `Order string // "https://api.commerce7.com/v1/order"`
 * is a declaration, not a call. `://` in a URL is not a comment.
 */
export function stripTrailingComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '/' && line[i + 1] === '/' && line[i - 1] !== ':') return line.slice(0, i);
    else if (ch === '/' && line[i + 1] === '*') return line.slice(0, i);
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]!)) && !/[{!\[]/.test(line[i + 1] ?? '')) return line.slice(0, i);
  }
  return line;
}

/** Every Commerce7 API reference in one file's text (the text engine: languages without a grammar, minified code). */
export function scanSource(file: string, text: string, opts: { longLines?: boolean } = {}): ApiReference[] {
  const lines = text.split(/\r?\n/).map((l) => (l.length > LONG_LINE ? (opts.longLines ? l : '') : stripTrailingComment(l)));
  const found: Array<{ index: number; column: number; path: string }> = [];
  lines.forEach((line, index) => {
    if (COMMENT_LINE.test(line)) return; // examples in comments are not calls
    const seen = new Set<number>();
    // A long line (minified code, or a window of one) may start inside a string: only quotes right around a path count.
    for (const m of line.matchAll(line.length > LONG_LINE ? LOCAL_QUOTED : QUOTED)) {
      const path = apiPathOf(m[2]! + concatenated(line.slice(m.index! + m[0].length)));
      if (path === null) continue;
      if (OWN_ROUTE.test(line.slice(0, m.index)) && !/api\.commerce7\.com/i.test(m[2]!)) continue;
      found.push({ index, column: m.index!, path });
      for (let c = m.index!; c < m.index! + m[0].length; c++) seen.add(c);
    }
    for (const m of line.matchAll(API_URL)) {
      if (seen.has(m.index!)) continue;
      const path = apiPathOf(m[0]);
      if (path !== null && path !== '/') found.push({ index, column: m.index!, path });
    }
  });
  const apiLines = new Set(found.map((f) => f.index));
  found.sort((a, b) => a.index - b.index || a.column - b.column);
  return found.map(({ index, column, path }, i) => {
    let method: HttpMethod | undefined;
    if (lines[index]!.length > LONG_LINE) {
      // Minified: the method is near the call, before the next call on the same line.
      const next = found[i + 1]?.index === index ? found[i + 1]!.column : column + 400;
      const start = Math.max(0, column - 300, i > 0 && found[i - 1]!.index === index ? found[i - 1]!.column + 1 : 0);
      method = methodAt([lines[index]!.slice(start, Math.min(next, column + 400))], 0, column - start, () => false);
    } else method = methodAt(lines, index, column, (j) => apiLines.has(j));
    return {
      file, line: index + 1, column: column + 1,
      method: method && HTTP_METHODS.includes(method) ? method : 'GET',
      methodSeen: method !== undefined,
      path,
      excerpt: (lines[index]!.length > 160 ? lines[index]!.slice(Math.max(0, column - 40), column + 120) : lines[index]!).trim().slice(0, 160),
    };
  });
}

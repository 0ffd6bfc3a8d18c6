// Shell words the tree does not give as plain arguments: `${v:+words}` alternates, and the options curl reads from
// stdin (`curl --config - <<EOF`). Used by ./extract.ts on bash commands.
import type { SyntaxNode } from './parse.js';
import type { Arg, Expr } from './extract.js';

const named = (n: SyntaxNode): SyntaxNode[] => {
  const out: SyntaxNode[] = [];
  for (let i = 0; i < n.childCount; i++) { const c = n.child(i)!; if (c.isNamed) out.push(c); }
  return out;
};

/** `${v:+word…}` / `${v+word…}`: expands to its words when v is set (a body or header passed only when given). */
const ALTERNATE = /^\$\{[A-Za-z_]\w*:?\+/;
export const isAlternate = (n: SyntaxNode): boolean => n.type === 'expansion' && ALTERNATE.test(n.text);

/**
 * The words an unquoted `${v:+--data "$v"}` stands for, as separate arguments (bash splits them): the option and its
 * value, so that the URL after it is not taken for the option's value. Other arguments stay as they are.
 */
export function shellWords(args: SyntaxNode[]): SyntaxNode[] {
  if (!args.some(isAlternate)) return args;
  return args.flatMap((a) => {
    if (!isAlternate(a)) return [a];
    const inner = named(a).filter((c) => c.type !== 'variable_name');
    // One concatenation node holds words the source separates by spaces: split it where it does.
    return inner.flatMap((c) => (c.type === 'concatenation' && /\s/.test(c.text) ? named(c) : [c]));
  });
}

/** curl reads its options from stdin: `--config -`, `-K -`, `-K-` (tree-sitter drops a lone `-` before a heredoc). */
function readsConfigFromStdin(args: SyntaxNode[]): boolean {
  return args.some((a, i) => {
    if (a.text === '-K-' || a.text === '--config=-') return true;
    if (a.text !== '-K' && a.text !== '--config') return false;
    const next = args[i + 1];
    return !next || next.text === '-' || next.text === '/dev/stdin' || /redirect$/.test(next.type);
  });
}

/** The here-document or here-string that feeds a curl command reading its config from stdin, if any. */
export function curlConfigInput(cmd: SyntaxNode, args: SyntaxNode[]): SyntaxNode | null {
  if (!readsConfigFromStdin(args)) return null;
  const here = named(cmd).find((c) => c.type === 'herestring_redirect');
  if (here) return here;
  const parent = cmd.parent;
  return parent?.type === 'redirected_statement' ? named(parent).find((c) => c.type === 'heredoc_redirect') ?? null : null;
}

type Piece = string | Expr;

/** The text and interpolations of a here-document (or here-string), in order; `${v:+…}` as its inner text. */
function pieces(n: SyntaxNode, toExpr: (n: SyntaxNode) => Expr, out: Piece[], from = n.startIndex, to = n.endIndex): void {
  const src = n.text;
  let at = from;
  const gap = (end: number) => { if (end > at) out.push(src.slice(at - n.startIndex, end - n.startIndex)); };
  for (const c of named(n)) {
    if (c.endIndex <= from || c.startIndex >= to) continue;
    if (c.type === 'variable_name' && isAlternate(n)) { at = c.endIndex; continue; }
    gap(c.startIndex);
    if (/^(?:heredoc_content|string_content|word|raw_string|heredoc_start|heredoc_end)$/.test(c.type)) out.push(c.text);
    else if (c.type === 'string' || c.type === 'concatenation' || c.type === 'heredoc_body' || isAlternate(c)) {
      const inner: Piece[] = [];
      pieces(c, toExpr, inner);
      // An alternate's own `${v:+` … `}` delimiters are not text of the config.
      if (isAlternate(c)) { if (typeof inner[0] === 'string') inner[0] = inner[0].replace(/^:?\+/, ''); const l = inner.length - 1; if (typeof inner[l] === 'string') inner[l] = (inner[l] as string).replace(/\}$/, ''); }
      out.push(...inner);
    } else out.push(toExpr(c));
    at = c.endIndex;
  }
  gap(to);
}

/** A curl config line's keyword as the command-line option it stands for. */
function optionOf(key: string): string {
  if (key.length === 1) return `-${key}`;
  return `--${key}`;
}

/**
 * The options of a curl config (`url = "…"`, `request = "PUT"`, `--data …`, `header: …`; one per line, `#` comments)
 * given on stdin, as the arguments they stand for on the command line.
 */
export function curlConfigArgs(input: SyntaxNode, toExpr: (n: SyntaxNode) => Expr): Arg[] {
  const line0 = input.startPosition.row + 1;
  const all: Piece[] = [];
  const body = input.type === 'heredoc_redirect' ? named(input).find((c) => c.type === 'heredoc_body') : named(input).find((c) => c.type === 'string' || c.type === 'raw_string');
  if (!body) return [];
  pieces(body, toExpr, all);
  // A here-string's own quotes.
  if (body.type !== 'heredoc_body' && typeof all[0] === 'string') all[0] = all[0].replace(/^["']/, '');
  if (body.type !== 'heredoc_body' && typeof all[all.length - 1] === 'string') all[all.length - 1] = (all[all.length - 1] as string).replace(/["']$/, '');
  // Split into lines at the newlines of the text pieces.
  const lines: Piece[][] = [[]];
  for (const p of all) {
    if (typeof p !== 'string') { lines[lines.length - 1]!.push(p); continue; }
    const bits = p.split('\n');
    bits.forEach((b, i) => { if (i) lines.push([]); if (b) lines[lines.length - 1]!.push(b); });
  }
  const out: Arg[] = [];
  lines.forEach((ln, row) => {
    const head = typeof ln[0] === 'string' ? ln[0] : '';
    const m = /^\s*(?:--?)?([A-Za-z][\w-]*)(?:\s*[=:]\s*|\s+|$)/.exec(head);
    if (!m || /^\s*#/.test(head)) return;
    const line = line0 + row;
    const rest: Piece[] = [head.slice(m[0].length), ...ln.slice(1)].filter((p) => p !== '');
    // A quoted value: the quotes are the config's, not the value's.
    if (typeof rest[0] === 'string' && rest[0].startsWith('"')) rest[0] = rest[0].slice(1);
    const last = rest.length - 1;
    if (typeof rest[last] === 'string') rest[last] = (rest[last] as string).replace(/"\s*$/, '').replace(/\s+$/, '');
    const value = rest.filter((p) => p !== '').map((p) => (typeof p === 'string' ? p.replace(/\\"/g, '"') : p));
    out.push({ value: { k: 'str', parts: [optionOf(m[1]!)], line } });
    if (value.length) out.push({ value: { k: 'str', parts: value, line } });
  });
  return out;
}

/**
 * zsh's parameter flags (`${(f)"$(cmd)"}`, `${(U)1}`, `${(j:,:)names}`), which bash's grammar cannot parse: the rest
 * of the file after one became a single error, its calls lost. Read as bash reads the same without the flags:
 * `${(U)1}` as `${1}`, and a flagged expansion of a quoted string or a command (`${(f)"$(…)"}`, `${(f)$(…)}`) as
 * that string or command. Lines are kept (nothing spanning a line is removed), so evidence keeps its line numbers.
 */
export function zshSource(text: string): string {
  if (!text.includes('${(')) return text;
  let out = '';
  let i = 0;
  for (let j = text.indexOf('${(', i); j >= 0; j = text.indexOf('${(', i)) {
    const close = text.indexOf(')', j + 3);
    const flags = close < 0 ? '' : text.slice(j + 3, close);
    // Flags are a few letters, with delimited arguments (j:,: s/x/); anything longer is not a flag list.
    if (close < 0 || !/^[\w:,.\/@#%^=~&|*!+ -]{1,24}$/.test(flags)) {
      out += text.slice(i, j + 3);
      i = j + 3;
      continue;
    }
    const next = text[close + 1];
    const end = next === '"' || next === "'" || next === '$' ? closingBrace(text, j + 1) : -1;
    if (end > 0) {
      out += text.slice(i, j) + text.slice(close + 1, end);
      i = end + 1;
    } else {
      out += `${text.slice(i, j)}\${`;
      i = close + 1;
    }
  }
  return out + text.slice(i);
}

/** The `}` that closes the `{` at `open`, on its line or later: single-quoted text skipped; -1 when there is none. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const ch = text[k];
    if (ch === '\\') k++;
    else if (ch === "'") {
      const q = text.indexOf("'", k + 1);
      if (q < 0) return -1;
      k = q;
    } else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return k;
  }
  return -1;
}

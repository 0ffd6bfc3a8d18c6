// JSON text with source positions: every diagnostic points at file:line:column, even for malformed JSON.
// The text is checked before anything walks it: UTF-8 (from bytes), a byte order mark, the nesting depth (the parser
// and every walk after it recurse), the syntax, and duplicate keys (JSON readers keep the last copy silently).
import { parseTree, findNodeAtLocation, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

export interface Position { line: number; column: number }

/**
 * How deep objects and arrays may nest (the top-level object is level 1). A manifest needs about 5; the limit keeps
 * every recursive step (the parser, the schema, the secrets walk, merges of --answers) far from the stack's end.
 */
export const MAX_NESTING_DEPTH = 100;

/** A problem of the text itself (before any schema): its offset in the text after the BOM. */
export interface TextProblem { severity: 'error' | 'warning'; message: string; hint: string; offset: number; pointer: string }

const BOM = '\uFEFF';
/** The text without a leading byte order mark. */
export const stripBom = (text: string): string => (text.startsWith(BOM) ? text.slice(1) : text);

/** UTF-8 bytes as text, a BOM kept (it is reported, not silently dropped); bad bytes become U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** Byte offsets of each invalid UTF-8 sequence (as the WHATWG decoder replaces them: one per maximal bad part). */
export function invalidUtf8Offsets(bytes: Uint8Array, max = Infinity): number[] {
  const bad: number[] = [];
  const n = bytes.length;
  let i = 0;
  while (i < n && bad.length < max) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) { need = 2; lo = 0xa0; }
    else if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) need = 2;
    else if (b === 0xed) { need = 2; hi = 0x9f; }
    else if (b === 0xf0) { need = 3; lo = 0x90; }
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else if (b === 0xf4) { need = 3; hi = 0x8f; }
    else { bad.push(i); i++; continue; }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const c = bytes[j];
      if (c === undefined || c < lo || c > hi) { ok = false; break; }
      lo = 0x80;
      hi = 0xbf;
    }
    if (!ok) bad.push(i);
    i = j;
  }
  return bad;
}

export class JsonSource {
  /** The text as given or decoded, a BOM included. */
  readonly text: string;
  /** The text the positions count in: without the BOM (editors do not show it as a column). */
  readonly body: string;
  readonly hasBom: boolean;
  readonly root: Node | undefined;
  readonly syntaxErrors: Array<{ message: string; offset: number }>;
  /** Problems of the text: encoding, BOM (a warning), depth, syntax, duplicate keys; offsets in `body`. */
  readonly problems: TextProblem[] = [];
  private readonly lineStarts: number[];

  constructor(input: string | Uint8Array) {
    const encodingAt: number[] = [];
    if (typeof input === 'string') {
      this.text = input;
    } else {
      this.text = decodeUtf8(input);
      // Fast path: the whole file decodes strictly; else locate each bad byte (the first 20).
      try { new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input); } catch {
        for (const at of invalidUtf8Offsets(input, 20)) encodingAt.push(at);
      }
      for (const at of encodingAt) {
        // The character offset of the bad byte: the length of what decodes before it.
        const offset = decodeUtf8(input.subarray(0, at)).length;
        this.problems.push({
          severity: 'error', pointer: '', offset,
          message: `this byte is not valid UTF-8 (0x${input[at]!.toString(16).toUpperCase().padStart(2, '0')})`,
          hint: 'save the file as UTF-8 (your editor\u2019s "Save with encoding" or "Reopen with encoding"); the file was probably written as Latin-1 or Windows-1252',
        });
      }
    }
    this.hasBom = this.text.startsWith(BOM);
    this.body = this.hasBom ? this.text.slice(1) : this.text;
    if (this.hasBom) {
      for (const p of this.problems) p.offset = Math.max(0, p.offset - 1);
      this.problems.unshift({
        severity: 'warning', pointer: '', offset: 0, message: 'the file starts with a UTF-8 byte order mark (BOM)',
        hint: 'it is accepted; save the file as "UTF-8" rather than "UTF-8 with BOM", since some JSON tools refuse it',
      });
    }
    this.lineStarts = [0];
    for (let i = 0; i < this.body.length; i++) if (this.body.charCodeAt(i) === 10) this.lineStarts.push(i + 1);

    const tooDeep = depthExceededAt(this.body, MAX_NESTING_DEPTH);
    if (tooDeep) {
      this.syntaxErrors = [];
      this.problems.push({
        severity: 'error', pointer: tooDeep.pointer, offset: tooDeep.offset,
        message: `nested more than ${MAX_NESTING_DEPTH} levels deep`,
        hint: `objects and arrays in c7-app.json may nest at most ${MAX_NESTING_DEPTH} levels (a manifest needs about 5): flatten this value`,
      });
      this.root = undefined;
      return;
    }
    const errors: ParseError[] = [];
    let root: Node | undefined;
    try {
      root = parseTree(this.body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    } catch (err) {
      // A safety net: the depth check above is meant to make this unreachable.
      if (!(err instanceof RangeError)) throw err;
      this.syntaxErrors = [];
      this.problems.push({ severity: 'error', pointer: '', offset: 0, message: 'nested too deep to read', hint: `objects and arrays in c7-app.json may nest at most ${MAX_NESTING_DEPTH} levels: flatten the deepest value` });
      this.root = undefined;
      return;
    }
    this.root = root;
    this.syntaxErrors = errors.map((e) => ({ message: describeParseError(printParseErrorCode(e.error)), offset: e.offset }));
    // One message per place: a stray comma would otherwise be reported twice.
    const seen = new Set<number>();
    for (const e of this.syntaxErrors) {
      if (seen.has(e.offset)) continue;
      seen.add(e.offset);
      this.problems.push({ severity: 'error', pointer: '', offset: e.offset, message: e.message, hint: 'fix the JSON syntax first; other checks run once it parses' });
    }
    if (errors.length === 0 && this.root) this.findDuplicateKeys(this.root);
  }

  /** The text problems that are errors (anything but the BOM). */
  get errors(): TextProblem[] {
    return this.problems.filter((p) => p.severity === 'error');
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  /** The node at a JSON pointer, or its nearest existing ancestor. `key` points at the property name instead of the value. */
  locate(pointer: string, key = false): Position {
    const segs = parsePointer(pointer);
    while (segs.length > 0) {
      const node = this.root && findNodeAtLocation(this.root, segs);
      if (node) {
        const target = key && node.parent?.type === 'property' ? node.parent.children![0]! : node;
        return this.position(target.offset);
      }
      segs.pop();
    }
    return this.root ? this.position(this.root.offset) : { line: 1, column: 1 };
  }

  /** The position of the value at exactly this pointer, if the text has one there. */
  find(pointer: string): Position | undefined {
    const node = this.root && findNodeAtLocation(this.root, parsePointer(pointer));
    return node ? this.position(node.offset) : undefined;
  }

  /** Reported at the later copy: that is the one JSON.parse keeps, so the earlier one is silently ignored. */
  private findDuplicateKeys(root: Node): void {
    const stack: Array<[Node, Array<string | number>]> = [[root, []]];
    const found: TextProblem[] = [];
    while (stack.length) {
      const [node, path] = stack.pop()!;
      if (node.type === 'object') {
        const first = new Map<string, Node>();
        for (const prop of node.children ?? []) {
          const keyNode = prop.children?.[0];
          if (!keyNode || typeof keyNode.value !== 'string') continue;
          const name = keyNode.value;
          const earlier = first.get(name);
          if (earlier) {
            const at = this.position(earlier.offset);
            found.push({
              severity: 'error', pointer: toPointer([...path, name]), offset: keyNode.offset,
              message: `duplicate key "${name}": it is also at line ${at.line}, column ${at.column}, and JSON readers keep only this later copy`,
              hint: `keep one "${name}" in this object and delete the other`,
            });
          } else first.set(name, keyNode);
          const value = prop.children?.[1];
          if (value) stack.push([value, [...path, name]]);
        }
      } else if (node.type === 'array') {
        (node.children ?? []).forEach((c, i) => stack.push([c, [...path, i]]));
      }
    }
    this.problems.push(...found.sort((a, b) => a.offset - b.offset));
  }
}

/**
 * The first place where objects and arrays nest deeper than `max`, found without recursion, the way jsonc-parser
 * would open them: strings are skipped (a line break ends one, as in the parser), and a closing bracket of the
 * other kind closes nothing (the parser skips it). Brackets the parser skips after an error are counted anyway,
 * so the count is never below the parser's depth.
 */
function depthExceededAt(text: string, max: number): { offset: number; pointer: string } | undefined {
  const open: number[] = []; // 123 "{" or 91 "["
  let inString = false;
  let stringStart = -1;
  let lastString = '';
  let topKey: string | undefined; // the top-level field the deep value is in: the pointer of the report
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 10 || c === 13) inString = false;
      else if (c === 92) i++; // a backslash escapes the next character
      else if (c === 34) { inString = false; lastString = text.slice(stringStart + 1, i); }
      continue;
    }
    if (c === 34) { inString = true; stringStart = i; }
    else if (c === 58 && open.length === 1) topKey = lastString;
    else if (c === 123 || c === 91) {
      open.push(c);
      if (open.length > max) return { offset: i, pointer: topKey === undefined ? '' : toPointer([unescapeJson(topKey)]) };
    } else if ((c === 125 && open.at(-1) === 123) || (c === 93 && open.at(-1) === 91)) open.pop();
  }
  return undefined;
}

function unescapeJson(raw: string): string {
  try { return JSON.parse(`"${raw}"`) as string; } catch { return raw; }
}

export function parsePointer(pointer: string): Array<string | number> {
  if (pointer === '' || pointer === '/') return [];
  return pointer.slice(1).split('/').map((s) => {
    const v = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(v) ? Number(v) : v;
  });
}

export function toPointer(segs: Array<string | number>): string {
  return segs.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function describeParseError(code: string): string {
  const map: Record<string, string> = {
    InvalidSymbol: 'invalid character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'a property name in double quotes is expected',
    ValueExpected: 'a value is expected',
    ColonExpected: 'a colon (:) is expected',
    CommaExpected: 'a comma is expected',
    CloseBraceExpected: 'a closing brace } is expected',
    CloseBracketExpected: 'a closing bracket ] is expected',
    EndOfFileExpected: 'nothing may follow the top-level value',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in a string',
  };
  return `malformed JSON: ${map[code] ?? code}`;
}

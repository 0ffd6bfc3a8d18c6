// JSON text with source positions: every diagnostic points at file:line:column, even for malformed JSON.
import { parseTree, findNodeAtLocation, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

export interface Position { line: number; column: number }

export class JsonSource {
  readonly root: Node | undefined;
  readonly syntaxErrors: Array<{ message: string; offset: number }>;
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const errors: ParseError[] = [];
    this.root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    this.syntaxErrors = errors.map((e) => ({ message: describeParseError(printParseErrorCode(e.error)), offset: e.offset }));
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
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

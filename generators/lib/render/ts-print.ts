// Data in the derived TypeScript modules, printed as Prettier prints it with the generated project's .prettierrc.json
// (single quotes, 120 columns, trailing commas), so `npm run format` leaves a derived file byte for byte as
// `c7-app scopes --check` expects it. Only the shapes the modules use: JSON values and unions of literal types.
import { jsLiteral } from './handlebars.js';

/** The generated project's Prettier printWidth (templates/app/prettierrc.json). */
export const PRINT_WIDTH = 120;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * `value` as a TS expression starting at column `column` (the text before it on its line), followed on its last line
 * by `suffix` characters (e.g. `;` or ` as const;`). A non-empty object is always expanded, one key a line (Prettier
 * keeps an object expanded when a line break follows its `{`); an array of plain values stays on one line if it fits.
 */
export function tsValue(value: unknown, indent = 0, column = indent, suffix = 1): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const plain = value.every((v) => v === null || typeof v !== 'object');
    if (plain) {
      const one = `[${value.map((v) => jsLiteral(v)).join(', ')}]`;
      if (column + one.length + suffix <= PRINT_WIDTH) return one;
    }
    const pad = ' '.repeat(indent + 2);
    return `[\n${value.map((v) => `${pad}${tsValue(v, indent + 2, indent + 2, 1)},`).join('\n')}\n${' '.repeat(indent)}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const pad = ' '.repeat(indent + 2);
    const rows = entries.map(([k, v]) => tsProperty(k, v, indent + 2));
    return `{\n${rows.join('\n')}\n${' '.repeat(indent)}}`;
  }
  return jsLiteral(value);
}

/** A property name: Prettier unquotes one that is an identifier (a number stays quoted in TypeScript). */
export function tsKey(name: string): string {
  return IDENTIFIER.test(name) ? name : jsLiteral(name);
}

/** One `key: value,` row of an object literal whose rows are indented by `indent` columns. */
export function tsProperty(name: string, value: unknown, indent: number): string {
  const key = tsKey(name);
  const pad = ' '.repeat(indent);
  const row = `${pad}${key}: ${tsValue(value, indent, indent + key.length + 2, 1)},`;
  // A string too long for its line moves to the next one, indented (Prettier's break after the colon), unless the
  // key is shorter than 5 columns (tabWidth + 3: Prettier's "short key").
  if (typeof value === 'string' && row.length > PRINT_WIDTH && key.length >= 5) return `${pad}${key}:\n${pad}  ${jsLiteral(value)},`;
  return row;
}

/** `head` + value + `tail` on the line(s) of one declaration, e.g. `export const X = ` … `;`. */
export function tsConst(head: string, value: unknown, tail = ';'): string {
  const line = `${head}${tsValue(value, 0, head.length, tail.length)}${tail}`;
  if (typeof value === 'string' && line.length > PRINT_WIDTH) return `${head.trimEnd()}\n  ${jsLiteral(value)}${tail}`;
  return line;
}

/**
 * A union of types after `head` (e.g. `export type X =`, or `  name:` for a property), ending with `end` (`;`), as
 * Prettier breaks it: on one line if it fits; else on the next line, indented, if it fits there; else one member a
 * line led by `|`.
 */
export function tsUnion(head: string, members: string[], end = ';', indent = 0): string {
  const joined = members.join(' | ');
  if (`${head} ${joined}${end}`.length <= PRINT_WIDTH || members.length < 2) return `${head} ${joined}${end}`;
  const pad = ' '.repeat(indent + 2);
  if (`${pad}${joined}${end}`.length <= PRINT_WIDTH) return `${head}\n${pad}${joined}${end}`;
  return `${head}\n${members.map((m) => `${pad}| ${m}`).join('\n')}${end}`;
}

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
    const rows = entries.map(([k, v]) => {
      // Prettier unquotes a key that is an identifier (a number stays quoted in TypeScript).
      const key = IDENTIFIER.test(k) ? k : jsLiteral(k);
      return `${pad}${key}: ${tsValue(v, indent + 2, indent + 2 + key.length + 2, 1)},`;
    });
    return `{\n${rows.join('\n')}\n${' '.repeat(indent)}}`;
  }
  return jsLiteral(value);
}

/**
 * A union of types after `head` (e.g. `export type X =` or `  name:`), ending with `end` (`;`): on one line if it
 * fits, else one member a line led by `|`, as Prettier breaks a long union.
 */
export function tsUnion(head: string, members: string[], end = ';', indent = 0): string {
  const one = `${head} ${members.join(' | ')}${end}`;
  if (one.length <= PRINT_WIDTH || members.length < 2) return one;
  const pad = ' '.repeat(indent + 2);
  return `${head}\n${members.map((m) => `${pad}| ${m}`).join('\n')}${end}`;
}

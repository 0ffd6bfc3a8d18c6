// The one Handlebars instance that renders templates. Nothing is HTML-escaped (noEscape): instead every user value
// goes through a helper made for the place it lands, so a title with quotes, backticks or `${}` cannot break out.
import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import { loadPrecompiledTemplates, type PrecompiledTemplates } from './precompiled.js';
import { tsConst, tsProperty } from './ts-print.js';

/** A JSON literal that is also a safe JS/TS expression and safe inside HTML <script>: reads back unchanged. */
export function jsonLiteral(value: unknown, indent?: number): string {
  return (JSON.stringify(value, null, indent) ?? 'undefined')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A JS/TS string literal quoted as Prettier prints it (single quotes unless the text holds more of them than double
 * quotes), so a generated project is `prettier --check` clean; as safe as jsonLiteral. Other values: jsonLiteral.
 */
export function jsLiteral(value: unknown): string {
  const json = jsonLiteral(value);
  if (typeof value !== 'string') return json;
  const raw = json.slice(1, -1);
  if ((raw.match(/'/g) ?? []).length > (raw.match(/"/g) ?? []).length) return json;
  return `'${raw.replace(/\\(.)|'/g, (m, c: string | undefined) => (c === undefined ? "\\'" : c === '"' ? '"' : m))}'`;
}

/** Text inside Markdown (also a table cell): special characters backslash-escaped, one line. */
export function markdownText(value: unknown): string {
  return String(value ?? '')
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1');
}

/** Multi-line Markdown text (descriptions, install steps): kept as written, but HTML and code fences cannot open. */
export function markdownBlock(value: unknown): string {
  return String(value ?? '')
    .replace(/</g, '&lt;')
    .replace(/^(\s*)(```|~~~)/gm, '$1\\$2');
}

/** Text inside a `//` or `/* *\/` code comment: one line, cannot close the comment. */
export function commentText(value: unknown): string {
  return String(value ?? '').replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\*\//g, '* /');
}

/** Markdown inline code: a backtick run longer than any inside the value. */
export function markdownCode(value: unknown): string {
  const s = String(value ?? '').replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

export function createHandlebars(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('json', (value: unknown, options: { hash?: { indent?: number } }) => jsonLiteral(value, options?.hash?.indent));
  hb.registerHelper('js', (value: unknown) => jsLiteral(value));
  // A declaration or an object row holding a user's value, broken where Prettier breaks it (render/ts-print.ts).
  hb.registerHelper('tsConst', (head: string, value: unknown) => tsConst(head, value));
  hb.registerHelper('tsProperty', (key: string, value: unknown, options: { hash?: { indent?: number } }) => tsProperty(key, value, options?.hash?.indent ?? 2));
  hb.registerHelper('md', (value: unknown) => markdownText(value));
  hb.registerHelper('mdBlock', (value: unknown) => markdownBlock(value));
  hb.registerHelper('code', (value: unknown) => markdownCode(value));
  hb.registerHelper('comment', (value: unknown) => commentText(value));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('not', (a: unknown) => !a);
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  return hb;
}

/** The options every template is compiled with (the build's precompiled templates too). */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

const shared = createHandlebars();
const cache = new Map<string, { source: string; compiled: HandlebarsTemplateDelegate }>();
let precompiled: PrecompiledTemplates | undefined | null = null;

/** Renders template source; `name` keys the compile cache (a template path). */
export function renderTemplate(name: string, source: string, context: unknown): string {
  let entry = cache.get(name);
  if (!entry || entry.source !== source) {
    if (precompiled === null) precompiled = process.env.C7_APP_COMPILE_TEMPLATES === '1' ? undefined : loadPrecompiledTemplates();
    const built = precompiled?.[name];
    const compiled = built && built.sha1 === createHash('sha1').update(source).digest('hex')
      ? shared.template(built.spec as never)
      : shared.compile(source, COMPILE_OPTIONS);
    entry = { source, compiled };
    cache.set(name, entry);
  }
  return entry.compiled(context);
}

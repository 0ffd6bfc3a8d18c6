// The one Handlebars instance that renders templates. Nothing is HTML-escaped (noEscape): instead every user value
// goes through a helper made for the place it lands, so a title with quotes, backticks or `${}` cannot break out.
// Only Handlebars' runtime is loaded at start: its compiler (~170 KiB with source-map) only when a template is not
// the one the build precompiled (an edited template, or running from source).
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type FullHandlebars from 'handlebars';
import HandlebarsRuntime from 'handlebars/runtime.js';
import { loadPrecompiledTemplates, type PrecompiledTemplates } from './precompiled.js';
import { TEMPLATES_DIR } from './templates-dir.js';
import { tsConst, tsProperty } from './ts-print.js';

type Runtime = typeof FullHandlebars;
type TemplateSpec = Parameters<Runtime['template']>[0];
// A require of our own (not the free `require`), so the bundle leaves the compiler out and Node loads it on demand.
const loadPackage = createRequire(import.meta.url);

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

export function createHandlebars(): Runtime {
  const hb = (HandlebarsRuntime as unknown as Runtime).create();
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
let compiler: Runtime | undefined;
let precompiled: PrecompiledTemplates | undefined | null = null;

/** The template compiled from its source: the compiler's spec, run by the same runtime as a precompiled one. */
function compile(source: string): HandlebarsTemplateDelegate {
  compiler ??= loadPackage('handlebars') as Runtime;
  return shared.template(new Function(`return ${compiler.precompile(source, COMPILE_OPTIONS)}`)() as TemplateSpec);
}

function builtTemplates(): PrecompiledTemplates | undefined {
  if (precompiled === null) precompiled = process.env.C7_APP_COMPILE_TEMPLATES === '1' ? undefined : loadPrecompiledTemplates();
  return precompiled;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const cache = new Map<string, { source: string; compiled: HandlebarsTemplateDelegate }>();

/** Renders template source; `name` keys the compile cache (a template path). */
export function renderTemplate(name: string, source: string, context: unknown): string {
  let entry = cache.get(name);
  if (!entry || entry.source !== source) {
    const built = builtTemplates()?.[name];
    entry = { source, compiled: built && built.sha1 === sha1(source) ? shared.template(built.spec as TemplateSpec) : compile(source) };
    cache.set(name, entry);
  }
  return entry.compiled(context);
}

const fileCache = new Map<string, { size: number; mtimeMs: number; compiled: HandlebarsTemplateDelegate }>();

/**
 * Renders the template file `rel` (under templates/, or `root`). A file with the size and mtime the build recorded is
 * the one it precompiled: stat only. Any other is read, and its SHA-1 decides (the precompiled spec, or compiled).
 */
export function renderTemplateFile(rel: string, context: unknown, root: string = TEMPLATES_DIR): string {
  const file = path.join(root, rel);
  const st = statSync(file);
  let entry = fileCache.get(file);
  if (!entry || entry.size !== st.size || entry.mtimeMs !== st.mtimeMs) {
    const built = builtTemplates()?.[rel];
    let compiled: HandlebarsTemplateDelegate;
    if (built && built.size === st.size && built.mtimeMs === st.mtimeMs) compiled = shared.template(built.spec as TemplateSpec);
    else {
      const source = readFileSync(file, 'utf8');
      compiled = built && built.sha1 === sha1(source) ? shared.template(built.spec as TemplateSpec) : compile(source);
    }
    entry = { size: st.size, mtimeMs: st.mtimeMs, compiled };
    fileCache.set(file, entry);
  }
  return entry.compiled(context);
}

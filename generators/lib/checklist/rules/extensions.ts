// Extensions (Full Application only): every iframe page loads commerce7.js; light and dark mode (platform.md §5).
import path from 'node:path';
import { ADMIN_UI_THEMES, COMMERCE7_JS_URL, EXTENSION_QUERY, EXTENSION_TYPES } from '../../catalog/index.js';
import type { Extension } from '../../manifest/types.js';
import { normalizeRelPath } from '../project.js';
import { autoItem, commerce7, fail, list, pass, type Outcome, type Rule, type RuleContext } from '../rule.js';
import type { ProjectView } from '../types.js';

/** Where the generated project keeps the page of each iframe extension: `<dir>/<slug>.ts`. */
export const EXTENSION_PAGES_DIR = 'src/extensions';
/** How many relative imports deep a page may load commerce7.js (the page, its modules, theirs). */
const IMPORT_DEPTH = 2;

const isIframe = (x: Extension) => EXTENSION_TYPES.some((t) => t.type === x.type && t.iframe) && typeof x.iframeUrl === 'string' && x.iframeUrl !== '';
const iframeExtensions = (ctx: RuleContext) => list(ctx.manifest.extensions).filter(isIframe);

/** The last path segment of an iframe URL: "/extensions/tasting-notes?x=1" -> "tasting-notes". */
export function extensionSlug(iframeUrl: string): string {
  let pathname = iframeUrl;
  try { pathname = new URL(iframeUrl, 'https://app.invalid').pathname; } catch { /* keep as written */ }
  const segments = pathname.split(/[?#]/)[0]!.split('/').filter(Boolean);
  return segments.at(-1) ?? 'index';
}

/** The source file of an iframe extension's page, relative to the project root. */
export function extensionPageFile(iframeUrl: string): string {
  return `${EXTENSION_PAGES_DIR}/${extensionSlug(iframeUrl)}.ts`;
}

const IMPORT_RE = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"']+)\1/g;

function resolveImport(fromFile: string, spec: string, project: ProjectView): string | undefined {
  const base = normalizeRelPath(path.posix.join(path.posix.dirname(fromFile), spec));
  const stem = base.replace(/\.(m|c)?js$/, '');
  const candidates = [base.replace(/\.js$/, '.ts').replace(/\.mjs$/, '.mts').replace(/\.cjs$/, '.cts'), base.replace(/\.js$/, '.tsx'), base, `${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`];
  return candidates.find((c) => project.read(c) !== undefined);
}

/** The file (the page itself, or a module it imports) that holds the script URL; undefined when none does. */
export function findCommerce7Js(page: string, project: ProjectView): string | undefined {
  const seen = new Set<string>([page]);
  let level = [page];
  for (let depth = 0; depth <= IMPORT_DEPTH && level.length; depth++) {
    const next: string[] = [];
    for (const file of level) {
      const text = project.read(file);
      if (text === undefined) continue;
      if (text.includes(COMMERCE7_JS_URL)) return file;
      for (const m of text.matchAll(IMPORT_RE)) {
        const target = resolveImport(file, m[2]!, project);
        if (target && !seen.has(target)) { seen.add(target); next.push(target); }
      }
    }
    level = next;
  }
  return undefined;
}

function checkPage(file: string, project: ProjectView): Outcome {
  if (project.read(file) === undefined) {
    return fail(`${file} does not exist`, `create ${file} (it must load ${COMMERCE7_JS_URL}), or re-run the generator to add it`);
  }
  const holder = findCommerce7Js(file, project);
  if (!holder) {
    return fail(`${file} does not load commerce7.js (nor do the modules it imports, ${IMPORT_DEPTH} levels deep)`, `load \`<script src="${COMMERCE7_JS_URL}"></script>\` in the page: Commerce7 needs it to size the frame`);
  }
  return pass(holder === file ? undefined : `loaded through ${holder}`);
}

export const extensionRules: Rule[] = [
  {
    id: 'extensions.commerce7-js', section: 'extensions', kind: 'many',
    items: (ctx) => {
      const bySlug = new Map<string, Extension[]>();
      for (const x of iframeExtensions(ctx)) {
        const slug = extensionSlug(x.iframeUrl!);
        bySlug.set(slug, [...(bySlug.get(slug) ?? []), x]);
      }
      return [...bySlug].map(([slug, xs]) => {
        const file = extensionPageFile(xs[0]!.iframeUrl!);
        const names = xs.map((x) => `${x.type} "${x.title ?? x.label ?? x.location}"`).join(', ');
        return autoItem(`extensions.commerce7-js.${slug}`, 'extensions', `${names}: the page ${file} loads commerce7.js`, commerce7('extensions'), checkPage(file, ctx.project));
      });
    },
  },
  {
    id: 'extensions.themes', section: 'extensions', kind: 'person', source: commerce7('appReview'),
    applies: (ctx) => iframeExtensions(ctx).length > 0,
    title: 'Every page has a purpose, works in light and dark mode and is responsive',
    lookAt: `each page opened with ${EXTENSION_QUERY.theme}=${ADMIN_UI_THEMES.join(' and ')}, on a narrow and a wide screen.`,
  },
  {
    id: 'extensions.framing', section: 'extensions', kind: 'person', source: commerce7('extensions'),
    applies: (ctx) => iframeExtensions(ctx).length > 0,
    title: 'Commerce7 can frame the pages',
    lookAt: 'the response headers of each page: no X-Frame-Options: SAMEORIGIN or DENY, and no Content-Security-Policy frame-ancestors that leaves Commerce7 out.',
  },
];

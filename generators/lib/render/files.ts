// The whole file plan of a generated project, and rendering one planned file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appFiles } from './app-files.js';
import type { RenderContext } from './context.js';
import { renderTemplateFile } from './handlebars.js';
import { derivedHeader, type PlannedFile } from './plan.js';
import { projectFiles } from './project-files.js';

export { TEMPLATES_DIR } from './templates-dir.js';
import { TEMPLATES_DIR } from './templates-dir.js';

export function filePlan(ctx: RenderContext): PlannedFile[] {
  const files = [...projectFiles(ctx), ...appFiles(ctx)];
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`file plan lists ${f.path} twice`);
    seen.add(f.path);
  }
  return files;
}

function headerKind(file: string): 'md' | 'ts' | 'hash' {
  if (/\.(md|html)$/.test(file)) return 'md';
  if (/\.(ts|js|mjs|cjs)$/.test(file)) return 'ts';
  return 'hash';
}

/** The contents of one planned file: a string, or a Buffer for copied files. */
export function renderPlannedFile(file: PlannedFile, ctx: RenderContext): string | Buffer {
  const src = file.source;
  if ('copy' in src) return readFileSync(path.join(TEMPLATES_DIR, src.copy));
  if ('render' in src) return src.render(ctx);
  return renderTemplateFile(src.template, { ...ctx, header: derivedHeader(headerKind(file.path)) });
}

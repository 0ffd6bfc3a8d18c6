// The whole file plan of a generated project, and rendering one planned file.
import { appFiles } from './app-files.js';
import type { RenderContext } from './context.js';
import { renderTemplate } from './handlebars.js';
import { derivedHeader, type PlannedFile } from './plan.js';
import { projectFiles } from './project-files.js';

import { legacyTemplate } from './templates-source.js';

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
  if ('copy' in src) throw new Error(`cb22061 copied no files (${src.copy})`);
  if ('render' in src) return src.render(ctx);
  const template = legacyTemplate(src.template);
  return renderTemplate(src.template, template, { ...ctx, header: derivedHeader(headerKind(file.path)) });
}

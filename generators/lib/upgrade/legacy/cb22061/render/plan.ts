// The file plan: every file a generated project holds, where it comes from, and who owns it (design.md).
//   derived: rewritten from the manifest whenever it changes (a header says so)
//   user:    written once; never overwritten without the user's consent (the conflicter asks, or --force)
//   shared:  c7-app.json: only the fields a command is about change
import type { RenderContext } from './context.js';

export type Owner = 'derived' | 'user' | 'shared';

export type FileSource =
  /** A Handlebars template, relative to templates/. */
  | { template: string }
  /** Text computed in code (for files that are data, e.g. JSON or generated modules). */
  | { render: (ctx: RenderContext) => string }
  /** A file copied byte for byte (images), relative to templates/. */
  | { copy: string };

export interface PlannedFile {
  /** Path inside the generated project, with forward slashes. */
  path: string;
  owner: Owner;
  source: FileSource;
  /** One line: what the file is for (shown in the summary and docs). */
  purpose: string;
}

export type PlanPart = (ctx: RenderContext) => PlannedFile[];

/** The header that marks a derived file, in the comment syntax of its kind. */
export function derivedHeader(kind: 'md' | 'ts' | 'hash'): string {
  const text = 'Generated from c7-app.json by generator-c7-app. Do not edit: change the manifest, then run `c7-app scopes --sync`.';
  if (kind === 'md') return `<!-- ${text} -->`;
  if (kind === 'ts') return `// ${text}`;
  return `# ${text}`;
}

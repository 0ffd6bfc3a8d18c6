// Everything a project's files are made from, rendered in memory: the file plan, then the submission checklist,
// which looks at the project as it will be (the files about to be written over what is on disk).
import { buildChecklist, diskProject, memoryProject, prepareChecklist, renderChecklistMarkdown, SUBMISSION_CHECKLIST_FILE, type ProjectView } from '../checklist/index.js';
import { GENERATION_JOURNAL } from '../generation-journal.js';
import type { RenderContext } from './context.js';
import { filePlan, renderPlannedFile } from './files.js';
import type { PlannedFile } from './plan.js';

export interface RenderedFile { file: PlannedFile; contents: string | Buffer }

/** A project view where `files` (path -> text) stand in front of `base`. */
export function overlayProject(base: ProjectView, files: ReadonlyMap<string, string>): ProjectView {
  const mem = memoryProject(files);
  return {
    exists: (rel) => mem.exists(rel) || base.exists(rel),
    read: (rel) => mem.read(rel) ?? base.read(rel),
    listFiles: () => [...new Set([...base.listFiles(), ...mem.listFiles()])].sort(),
    isIgnored: (rel) => base.isIgnored(rel),
  };
}

/** The project as this run leaves it: the journal of an interrupted run is gone once the run completes. */
function withoutJournal(base: ProjectView): ProjectView {
  const hidden = (rel: string) => rel.replace(/^\.\//, '') === GENERATION_JOURNAL;
  return {
    exists: (rel) => !hidden(rel) && base.exists(rel),
    read: (rel) => (hidden(rel) ? undefined : base.read(rel)),
    listFiles: () => base.listFiles().filter((f) => !hidden(f)),
    isIgnored: (rel) => base.isIgnored(rel),
  };
}

export const checklistFile = (render: (ctx: RenderContext) => string): PlannedFile => ({
  path: SUBMISSION_CHECKLIST_FILE, owner: 'derived', source: { render }, purpose: 'the submission checklist (c7-app check)',
});

interface RenderOptions { root?: string; manifestText: string; written?: (f: RenderedFile) => boolean; alsoWritten?: string[] }

/** The plan's files rendered, and the project as the checklist sees it with them written. */
function renderFiles(ctx: RenderContext, opts: RenderOptions): { rendered: RenderedFile[]; project: ProjectView } {
  const rendered = filePlan(ctx).map((file) => ({ file, contents: renderPlannedFile(file, ctx) }));
  const overlay = new Map<string, string>([['c7-app.json', opts.manifestText]]);
  for (const r of rendered) if (typeof r.contents === 'string' && (opts.written?.(r) ?? true)) overlay.set(r.file.path, r.contents);
  // Other files about to be written (e.g. images): the checklist only asks whether they exist.
  for (const p of opts.alsoWritten ?? []) if (!overlay.has(p)) overlay.set(p, '');
  const project = opts.root ? overlayProject(withoutJournal(diskProject(opts.root)), overlay) : memoryProject(overlay);
  return { rendered, project };
}

function withChecklist(ctx: RenderContext, rendered: RenderedFile[], project: ProjectView): RenderedFile[] {
  const markdown = renderChecklistMarkdown(ctx.manifest, buildChecklist(ctx.manifest, project));
  rendered.push({ file: checklistFile(() => markdown), contents: markdown });
  return rendered;
}

/**
 * Renders the plan, then the checklist. `root` is the project folder (files already there count, e.g. listing
 * images); `written` decides which rendered files the checklist sees in place of the disk (default: all).
 * The checklist's parsers must be loaded (prepareChecklist); renderProjectPrepared loads what it needs.
 */
export function renderProject(ctx: RenderContext, opts: RenderOptions): RenderedFile[] {
  const { rendered, project } = renderFiles(ctx, opts);
  return withChecklist(ctx, rendered, project);
}

/**
 * renderProject, loading first the parsers the checklist needs for the project as it will be: none for files
 * whose facts the build precomputed (the generator's own templates, lib/audit/precomputed.ts).
 */
export async function renderProjectPrepared(ctx: RenderContext, opts: RenderOptions): Promise<RenderedFile[]> {
  const { rendered, project } = renderFiles(ctx, opts);
  await prepareChecklist(project);
  return withChecklist(ctx, rendered, project);
}

// The commit of Yeoman's in-memory files to disk, for `c7-app new` and `c7-app scopes`: Yeoman's own pipeline
// (.yo-resolve, .yo-rc files forced, the conflicter that asks before touching a changed file), ending in an atomic
// write per file (lib/atomic-write) instead of mem-fs-editor's plain fs.writeFile, and wrapped in the generation
// journal (lib/generation-journal). Plugged in through the generator feature `customCommitTask`, the hook
// yeoman-environment offers for this; mem-fs-editor's commit has no hook for how a file is written.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { createConflicterTransform, createYoResolveTransform, forceYoFiles } from '@yeoman/conflicter';
import type { Store } from 'mem-fs';
import type { MemFsEditorFile } from 'mem-fs-editor';
import { clearFileState, isFileNew, isFilePending, isFileStateDeleted, isFileStateModified, setCommittedFile } from 'mem-fs-editor/state';
import { writeFileAtomic } from '../lib/atomic-write.js';
import { beginGeneration, endGeneration, type GenerationJournal } from '../lib/generation-journal.js';

/** What the commit needs from yeoman-environment (its own commit task destructures the same). */
export interface CommitEnv {
  sharedFs: Store<MemFsEditorFile>;
  adapter: Parameters<typeof createConflicterTransform>[0];
  conflicterOptions?: Parameters<typeof createConflicterTransform>[1];
}

export interface CommitPlan {
  root: string;
  command: GenerationJournal['command'];
  manifest?: GenerationJournal['manifest'];
  /** A journal from an interrupted run was found: it stays until this run has written something. */
  resuming?: boolean;
}

const toRel = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

/**
 * The conflicter's status lines, in our words: a derived file we rewrite is "updated", not a yellow "force" (which
 * reads as a warning, and is what every scopes run does).
 */
function quietAdapter(adapter: CommitEnv['adapter']): CommitEnv['adapter'] {
  const log = adapter.log as unknown as Record<string, unknown> & { writeln: (s: string) => unknown };
  const ours = new Proxy(log, {
    get: (target, key, receiver) => (key === 'force' ? (file: string) => target.writeln(`  updated ${file}`) : Reflect.get(target, key, receiver)),
  });
  return new Proxy(adapter, { get: (target, key, receiver) => (key === 'log' ? ours : Reflect.get(target, key, receiver)) });
}

export async function commitAtomically(env: CommitEnv, plan: CommitPlan): Promise<void> {
  env = { sharedFs: env.sharedFs, adapter: quietAdapter(env.adapter), ...(env.conflicterOptions ? { conflicterOptions: env.conflicterOptions } : {}) };
  const pending = env.sharedFs.all().filter((f) => isFilePending(f));
  const filter = (file: MemFsEditorFile) => isFilePending(file) || file.path.endsWith('.yo-resolve');
  const dirs = new Set<string>();
  let touched = false;
  const commit = new Transform({
    objectMode: true,
    transform(file: MemFsEditorFile, _encoding, callback) {
      commitFile(file, () => { touched = true; dirs.add(path.dirname(file.path)); }).then(() => callback(null, file), callback);
    },
  });
  if (!pending.length) {
    await env.sharedFs.pipeline({ filter }, createYoResolveTransform(), forceYoFiles(), createConflicterTransform(env.adapter, env.conflicterOptions), commit);
    // Nothing left to write: what an interrupted run left undone is done.
    if (plan.resuming) endGeneration(plan.root, []);
    return;
  }
  await beginGeneration(plan.root, {
    command: plan.command,
    files: pending.map((f) => toRel(plan.root, f.path)),
    ...(plan.manifest ? { manifest: plan.manifest } : {}),
  });
  try {
    await env.sharedFs.pipeline({ filter }, createYoResolveTransform(), forceYoFiles(), createConflicterTransform(env.adapter, env.conflicterOptions), commit);
  } catch (err) {
    // Stopped before any file changed: nothing is incomplete, unless an earlier run already was.
    if (!touched && !plan.resuming) endGeneration(plan.root, []);
    throw err;
  }
  endGeneration(plan.root, dirs);
}

/** mem-fs-editor's commitFileAsync, with the write made atomic. */
async function commitFile(file: MemFsEditorFile, onTouch: () => void): Promise<void> {
  if (isFileStateModified(file)) {
    setCommittedFile(file);
    if (!file.contents) throw new Error(`${file.path} cannot write an empty file`);
    onTouch();
    await writeFileAtomic(file.path, file.contents, file.stat?.mode != null ? { mode: file.stat.mode } : {});
  } else if (isFileStateDeleted(file) && !isFileNew(file)) {
    setCommittedFile(file);
    onTouch();
    await rm(file.path, { recursive: true });
  }
  clearFileState(file);
}

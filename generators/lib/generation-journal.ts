// The generation journal: `.c7-app-generation.json` in the project folder, written (atomically) before `c7-app new`
// or `c7-app scopes` writes its first file, removed once every file is on disk. When it is there, a run was killed
// part-way: some files may be missing or still old (each file is whole: lib/atomic-write). The next new/scopes in
// the folder completes the run, and `c7-app check` fails `app.generation-complete` until then.
//
// A file of its own rather than a key in .yo-rc.json: its presence alone is the signal (nothing to parse to decide),
// it is created and removed in one step each (an atomic rename, an unlink), .yo-rc.json stays one of the files
// written in the middle of the run, and the generated .gitignore lists it, so an interrupted state is not committed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { removeTempFiles, syncDir, writeFileAtomic } from './atomic-write.js';
import { GENERATION_JOURNAL } from './generation-journal-file.js';

export { GENERATION_JOURNAL };

export type GenerationCommand = 'new' | 'scopes';

export interface GenerationJournal {
  journal: 1;
  command: GenerationCommand;
  /** The files the run was about to write or remove, relative to the project folder, with "/". */
  files: string[];
  /**
   * c7-app.json as the run was writing it, and a digest of the file it replaces (null: there was none), so a later
   * run can finish the change the interrupted one had been asked for when the manifest was not replaced yet.
   */
  manifest?: { before: string | null; text: string };
}

export const digest = (text: string | undefined): string | null => (text === undefined ? null : createHash('sha256').update(text).digest('hex'));

/** The journal left in `root` by an interrupted run; undefined when the last run completed. */
export function readJournal(root: string): GenerationJournal | undefined {
  const file = path.join(root, GENERATION_JOURNAL);
  if (!existsSync(file)) return undefined;
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as Partial<GenerationJournal>;
    return {
      journal: 1,
      command: j.command === 'scopes' ? 'scopes' : 'new',
      files: Array.isArray(j.files) ? j.files.filter((f): f is string => typeof f === 'string') : [],
      ...(j.manifest && typeof j.manifest.text === 'string' ? { manifest: { before: typeof j.manifest.before === 'string' ? j.manifest.before : null, text: j.manifest.text } } : {}),
    };
  } catch {
    // Not ours or unreadable: still a sign that a run did not finish.
    return { journal: 1, command: 'new', files: [] };
  }
}

/** One sentence for the user about an interrupted run. */
export function describeInterrupted(j: GenerationJournal): string {
  return `The previous \`c7-app ${j.command}\` in this folder was interrupted before it finished writing (${GENERATION_JOURNAL} is still there): ` +
    `of the ${j.files.length} file(s) it was writing, some may be missing or still old.`;
}

/**
 * What the next run does first: reads the journal and removes the temporary files the killed run left next to
 * the files it was writing. Returns the journal (undefined when the last run completed).
 */
export function recoverInterrupted(root: string): GenerationJournal | undefined {
  const j = readJournal(root);
  if (j) removeTempFiles([...j.files.map((f) => path.join(root, f)), path.join(root, GENERATION_JOURNAL)]);
  return j;
}

/** Writes the journal before the first file (flushed, with its folder entry). */
export async function beginGeneration(root: string, journal: Omit<GenerationJournal, 'journal'>): Promise<void> {
  const body: GenerationJournal = { journal: 1, ...journal };
  await writeFileAtomic(path.join(root, GENERATION_JOURNAL), JSON.stringify(body, null, 2) + '\n');
  syncDir(root);
}

/** After the last file: flushes the folders written to, then removes the journal. */
export function endGeneration(root: string, dirs: Iterable<string>): void {
  for (const d of new Set(dirs)) syncDir(d);
  try {
    unlinkSync(path.join(root, GENERATION_JOURNAL));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  syncDir(root);
}

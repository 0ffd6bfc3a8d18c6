// The upgrade journal: `.c7-app/upgrade-journal.json`, written (atomically, flushed) before `c7-app upgrade` writes
// its first file, removed after the last one. It lists each file the run writes with the SHA-256 of what it writes
// (null: removed). Each file is whole whatever moment a kill comes (lib/atomic-write); the journal lets the next
// `upgrade` know which files already hold this upgrade's result, so it neither merges a merged file again nor wraps
// a conflicted one in new markers, and completes the rest.
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { removeTempFiles, syncDir, writeFileAtomic } from '../atomic-write.js';
import { BASE_FILE } from './record.js';

export const UPGRADE_JOURNAL = '.c7-app/upgrade-journal.json';

export interface UpgradeJournal { journal: 1; to: string; files: Record<string, string | null> }

const at = (root: string) => path.join(root, ...UPGRADE_JOURNAL.split('/'));

export function readUpgradeJournal(root: string): UpgradeJournal | undefined {
  if (!existsSync(at(root))) return undefined;
  try {
    const j = JSON.parse(readFileSync(at(root), 'utf8')) as Partial<UpgradeJournal>;
    const files = typeof j.files === 'object' && j.files !== null ? j.files : {};
    // The record is written last, after the listed files: a kill there leaves its temporary file too.
    removeTempFiles([...Object.keys(files).map((f) => path.join(root, ...f.split('/'))), path.join(root, BASE_FILE), at(root)]);
    return { journal: 1, to: String(j.to ?? ''), files };
  } catch {
    return undefined; // unreadable: plan from the files as they are (each is whole)
  }
}

export async function beginUpgrade(root: string, journal: Omit<UpgradeJournal, 'journal'>): Promise<void> {
  await writeFileAtomic(at(root), `${JSON.stringify({ journal: 1, ...journal }, null, 2)}\n`);
  syncDir(path.dirname(at(root)));
}

export function endUpgrade(root: string, dirs: Iterable<string>): void {
  for (const d of new Set(dirs)) syncDir(d);
  try { unlinkSync(at(root)); } catch (err) { if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; }
  syncDir(path.dirname(at(root)));
}

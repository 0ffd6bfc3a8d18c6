// Every file a c7-app command writes goes through here: a temporary file in the target's folder, flushed to disk
// (fsync), then renamed over the target, so a killed process leaves each file with its old or its new content,
// never empty or cut short. The work is write-file-atomic's (npm's own, used by npm to write package.json and the
// cache): same-folder temporary name `<file>.<number>`, fsync, the old file's mode and owner kept, the temporary
// file removed when the write fails or the process exits on a signal it can catch. Not Yeoman-specific: the
// generators' commit (generators/app/commit.ts) and the plain commands (check, audit, emulate seed) call it alike.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, unlinkSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomicLib from 'write-file-atomic';

export interface AtomicWriteOptions {
  /** The new file's mode (e.g. a copied file's). By default an existing file keeps its mode; a new one gets 0o666 less the umask. */
  mode?: number;
}

const libOptions = (opts: AtomicWriteOptions): writeFileAtomicLib.Options => ({ fsync: true, ...(opts.mode !== undefined ? { mode: opts.mode & 0o7777 } : {}) });

/** Writes `data` to `file` atomically, creating its folder when missing. */
export async function writeFileAtomic(file: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomicLib(file, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength), libOptions(opts));
}

/** The same, synchronously (for commands that write one file at the end). */
export function writeFileAtomicSync(file: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomicLib.sync(file, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength), libOptions(opts));
}

/**
 * Flushes a folder's entries (the renames done in it) to disk, so that after a power loss a later step (removing
 * the generation journal) is not on disk before the files it vouches for. A file system that cannot fsync a folder
 * is left as it is.
 */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // EISDIR/EINVAL/EPERM on some file systems: nothing more can be done
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** write-file-atomic's temporary names: the target's name, a dot, a 32-bit number in decimal. */
export function isTempFileOf(target: string, candidate: string): boolean {
  const base = path.basename(target);
  const name = path.basename(candidate);
  return name.startsWith(`${base}.`) && /^\d{1,10}$/.test(name.slice(base.length + 1));
}

/**
 * Removes the temporary files a killed write left next to `targets` (SIGKILL gives no chance to clean up).
 * Returns the removed paths.
 */
export function removeTempFiles(targets: string[]): string[] {
  const byDir = new Map<string, string[]>();
  for (const t of targets) byDir.set(path.dirname(t), [...(byDir.get(path.dirname(t)) ?? []), t]);
  const removed: string[] = [];
  for (const [dir, files] of byDir) {
    let entries: string[];
    try { entries = readdirSync(dir); } catch { continue; }
    for (const entry of entries) {
      if (!files.some((t) => isTempFileOf(t, entry))) continue;
      try {
        unlinkSync(path.join(dir, entry));
        removed.push(path.join(dir, entry));
      } catch {
        // gone already, or not ours to remove
      }
    }
  }
  return removed;
}

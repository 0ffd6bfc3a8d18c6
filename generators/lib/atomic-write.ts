// Every file a c7-app command writes goes through here: a temporary file in the target's folder, flushed to disk
// (fsync), then renamed over the target, so a killed process leaves each file with its old or its new content,
// never empty or cut short. What write-file-atomic (npm's) does, done here with one fs call per step: its async path
// resolved the target with the JS realpath (an lstat per path component), registered a signal handler per file and
// unlinked every temporary file again after the rename: ~50 ms of `c7-app new`'s 100 files, against ~20 ms here.
// Kept from it: the temporary name `<file>.<number>` (removeTempFiles below knows it), a symlink's target written,
// an existing file's mode and owner kept, the temporary file removed when the write fails or the process dies of a
// signal it can catch (signal-exit, as write-file-atomic), writes of one file from one process in call order.
// Not Yeoman-specific: the generators' commit (generators/app/commit.ts) and the plain commands call it alike.
// The async steps are node:fs's callback calls (the same calls fs/promises makes, without a FileHandle per file),
// and neither node:fs/promises nor node:crypto is loaded for them (~2 ms and ~5 ms of loading on Node 24).
import {
  chmod, chmodSync, chown, chownSync, close, closeSync, copyFile, fsync, fsyncSync, mkdir, mkdirSync, open, openSync, readdirSync, realpath, realpathSync,
  rename, renameSync, stat, statSync, unlink, unlinkSync, write as writeFd, writeSync, type Stats,
} from 'node:fs';
import path from 'node:path';
import { onExit } from 'signal-exit';

/** A node:fs callback call as a promise. */
function call<T = void>(start: (done: (err: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => start((err, value) => (err ? reject(err) : resolve(value as T))));
}

export interface AtomicWriteOptions {
  /** The new file's mode (e.g. a copied file's). By default an existing file keeps its mode; a new one gets 0o666 less the umask. */
  mode?: number;
  /**
   * The caller just saw nothing at this path (existsSync: no file, nor a symlink to one): the target is the path
   * itself and there is no old file to take a mode or owner from, so neither is asked of the file system again.
   */
  absent?: boolean;
}

// A random start per process and per thread (each worker has its own module state), then one more per call: every
// call of a process gets its own name, and two processes the same one only as rarely as two random 32-bit numbers
// (write-file-atomic's scheme hashes pid, thread and a counter to 32 bits: the same odds, with a hash per file).
let invocations = Math.floor(Math.random() * 2 ** 32);
/** `<file>.<uint32>`: distinct per call, random per process and thread. */
const tempName = (file: string) => `${file}.${(invocations = (invocations + 1) >>> 0)}`;

// The temporary files of the writes under way, removed if a caught signal ends the process. The handler stays once
// installed: removing it when no write was under way dropped a signal caught just before (the process lived on).
const inFlight = new Set<string>();
let exitHandlerInstalled = false;
function track(tmp: string): void {
  inFlight.add(tmp);
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  onExit(() => {
    let missing = false;
    for (const t of inFlight) {
      try { unlinkSync(t); } catch { missing = true; /* renamed already, or not created yet */ }
    }
    // An async open runs on libuv's thread pool: it can create its file just after this sweep (CI saw one left in
    // 30 kills). Give the pool a moment, then sweep again.
    if (!missing) return;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    for (const t of inFlight) {
      try { unlinkSync(t); } catch { /* renamed already, or never created */ }
    }
  });
}
function untrack(tmp: string): void {
  inFlight.delete(tmp);
}

/** chown/chmod refusals that do not matter (graceful-fs's rule, as write-file-atomic): no such call, or not root. */
function ignorable(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSYS') return true;
  return process.getuid?.() !== 0 && (code === 'EINVAL' || code === 'EPERM');
}

interface Plan { target: string; mode?: number; owner?: { uid: number; gid: number } }

/** Where to write (a symlink's target) and what the new file takes from the old one. */
function plan(target: string, existing: { mode: number; uid: number; gid: number } | undefined, opts: AtomicWriteOptions): Plan {
  const mode = opts.mode ?? existing?.mode;
  return {
    target,
    ...(mode !== undefined ? { mode: mode & 0o7777 } : {}),
    ...(existing && process.getuid ? { owner: { uid: existing.uid, gid: existing.gid } } : {}),
  };
}

const bytes = (data: string | Uint8Array) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data);

/** A file's bytes to write without reading them: the file system copies them (copy_file_range on Linux). */
export interface FileCopy { copyFrom: string }
export type WriteData = string | Uint8Array | FileCopy;
const isCopy = (data: WriteData): data is FileCopy => typeof data === 'object' && 'copyFrom' in data;

// One file's writes, one after the other (two writes of one file in flight would race on the rename).
const queues = new Map<string, Promise<void>>();

/** Writes `data` to `file` atomically, creating its folder when missing. */
export async function writeFileAtomic(file: string, data: WriteData, opts: AtomicWriteOptions = {}): Promise<void> {
  // Queued before the first await, so the order is the calls' order.
  const key = path.resolve(file);
  const before = queues.get(key);
  const write = async () => {
    await call((done) => mkdir(path.dirname(file), { recursive: true }, (err) => done(err)));
    await writeAsync(file, data, opts);
  };
  const mine = before ? before.then(write) : write();
  const settled = mine.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => { if (queues.get(key) === settled) queues.delete(key); });
  return mine;
}

async function writeAsync(file: string, data: WriteData, opts: AtomicWriteOptions): Promise<void> {
  // realpath(3), as fs/promises' realpath (not fs.realpath's lstat of each path component).
  const target = opts.absent ? file : await call<string>((done) => realpath.native(file, done)).catch(() => file);
  const existing = opts.absent ? undefined : await call<Stats>((done) => stat(target, done)).catch(() => undefined);
  const p = plan(target, existing, opts);
  const tmp = tempName(p.target);
  track(tmp);
  let renamed = false;
  try {
    // A copy is made first (it creates the temporary file), then opened to be flushed like a written one.
    if (isCopy(data)) await call((done) => copyFile(data.copyFrom, tmp, done));
    const fd = await call<number>((done) => open(tmp, isCopy(data) ? 'r+' : 'w', p.mode ?? 0o666, done));
    try {
      if (!isCopy(data)) {
        const buf = bytes(data);
        for (let at = 0; at < buf.byteLength;) at += await call<number>((done) => writeFd(fd, buf, at, buf.byteLength - at, null, done));
      }
      await call((done) => fsync(fd, done));
    } finally {
      await call((done) => close(fd, done));
    }
    if (p.owner) await call((done) => chown(tmp, p.owner!.uid, p.owner!.gid, done)).catch((err: unknown) => { if (!ignorable(err)) throw err; });
    if (p.mode !== undefined) await call((done) => chmod(tmp, p.mode!, done)).catch((err: unknown) => { if (!ignorable(err)) throw err; });
    await call((done) => rename(tmp, p.target, done));
    renamed = true;
  } finally {
    if (!renamed) await call((done) => unlink(tmp, done)).catch(() => undefined);
    untrack(tmp);
  }
}

/** The same, synchronously (for commands that write one file at the end). */
export function writeFileAtomicSync(file: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): void {
  mkdirSync(path.dirname(file), { recursive: true });
  let target = file;
  try { target = realpathSync(file); } catch { /* not there yet */ }
  let existing: { mode: number; uid: number; gid: number } | undefined;
  try { existing = statSync(target); } catch { /* a new file */ }
  const p = plan(target, existing, opts);
  const tmp = tempName(p.target);
  track(tmp);
  let renamed = false;
  try {
    const fd = openSync(tmp, 'w', p.mode ?? 0o666);
    try {
      const buf = bytes(data);
      for (let at = 0; at < buf.byteLength;) at += writeSync(fd, buf, at, buf.byteLength - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (p.owner) { try { chownSync(tmp, p.owner.uid, p.owner.gid); } catch (err) { if (!ignorable(err)) throw err; } }
    if (p.mode !== undefined) { try { chmodSync(tmp, p.mode); } catch (err) { if (!ignorable(err)) throw err; } }
    renameSync(tmp, p.target);
    renamed = true;
  } finally {
    if (!renamed) { try { unlinkSync(tmp); } catch { /* never created */ } }
    untrack(tmp);
  }
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

/**
 * syncDir for several folders at once: their fsyncs overlap (one after the other, each waited for the disk; ~20
 * folders were ~30 ms of `new` on a busy disk). Resolves when every folder is flushed.
 */
export async function syncDirs(dirs: Iterable<string>): Promise<void> {
  await Promise.all([...new Set(dirs)].map(async (dir) => {
    let fd: number | undefined;
    try {
      fd = await call<number>((done) => open(dir, 'r', done));
      await call((done) => fsync(fd!, done));
    } catch {
      // as syncDir: a file system that cannot fsync a folder is left as it is
    } finally {
      if (fd !== undefined) await call((done) => close(fd!, done)).catch(() => undefined);
    }
  }));
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

// Reading a file the user's folder holds, without hanging, crashing or filling memory: a FIFO, a socket or a device is
// refused before it is opened for reading (opened non-blocking, so a FIFO never waits for a writer), a file larger than
// the limit is refused from its size (and never read past the limit, should it grow), and every failure is a reason
// in words, never an exception.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

export type SafeRead =
  | { ok: true; text: string }
  /** `missing`: no such file (or a folder): not a problem to report. */
  | { ok: false; missing: true }
  | { ok: false; missing?: false; reason: string };

/** 16 MiB: far above any text file a project's checks read, far below what would strain memory. */
export const DEFAULT_READ_LIMIT = 16 * 1024 * 1024;

/** "a FIFO (named pipe)", "a socket"…: what a path that is not a regular file is. */
export function describeSpecial(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(bytes >= 100 * 1024 * 1024 ? 0 : 1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

export function errorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied';
  if (code === 'ELOOP') return 'cannot be read: a loop of symbolic links';
  return `cannot be read: ${code ?? (e as Error).message}`;
}

/** The size of a regular file, or undefined (missing, not a regular file, not statable). */
export function regularFileSize(file: string): number | undefined {
  try {
    const st = statSync(file);
    return st.isFile() ? st.size : undefined;
  } catch { return undefined; }
}

/** Read a regular file as UTF-8 text, at most `limit` bytes. */
export function readRegularFile(file: string, limit = DEFAULT_READ_LIMIT): SafeRead {
  let st: Stats;
  try { st = statSync(file); } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { ok: false, missing: true } : { ok: false, reason: errorReason(e) };
  }
  if (st.isDirectory()) return { ok: false, missing: true };
  if (!st.isFile()) return { ok: false, reason: `${describeSpecial(st)}, not read` };
  if (st.size > limit) return { ok: false, reason: `too large (${formatSize(st.size)}; the limit is ${formatSize(limit)}), not read` };
  let fd: number;
  try {
    // O_NONBLOCK: should the path have become a FIFO since the stat, opening it does not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) { return { ok: false, reason: errorReason(e) }; }
  try {
    const now = fstatSync(fd);
    if (!now.isFile()) return { ok: false, reason: `${describeSpecial(now)}, not read` };
    const buf = Buffer.allocUnsafe(Math.min(now.size, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buf.length) break;
      const n = readSync(fd, buf, length, buf.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limit) return { ok: false, reason: `too large (over ${formatSize(limit)}), not read` };
    return { ok: true, text: buf.toString('utf8', 0, length) };
  } catch (e) {
    return { ok: false, reason: errorReason(e) };
  } finally {
    closeSync(fd);
  }
}

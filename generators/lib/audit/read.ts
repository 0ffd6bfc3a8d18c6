// Reading what `c7-app audit` is pointed at, whatever it is: folders walked (skipping dependencies and build output),
// special files (FIFOs, sockets, devices) and unreadable files or folders named and skipped, binary files (NUL bytes)
// skipped, files over 1 MiB streamed through the text engine in bounded memory (a pre-filter on the raw bytes, then
// only the matching windows are scanned). Never throws for one bad file; the caller decides when nothing was read.
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { connectionBase } from './airflow.js';
import { isAuditedFile, isSkippedDir, YAML_C7_BASE } from './files.js';
import { shebangGrammar } from './parse.js';
import type { AuditExtra, AuditSource, ReadFile, SkippedFile } from './index.js';
import { PREFILTER } from './index.js';
import { scanSource, type ApiReference } from './scan.js';

/** Files up to this size are read whole and parsed; larger ones are streamed. */
export const MAX_PARSED_BYTES = 1024 * 1024;
const CHUNK = 1024 * 1024;
/** A line longer than this is scanned in windows of this size (with an overlap), never held whole. */
const WINDOW = 64 * 1024;
const OVERLAP = 2048;
/** Files kept to find copies by: up to this size each, this many of one size, this much in all. */
const KEEP_MAX_FILE = 64 * 1024;
const KEEP_PER_SIZE = 8;
const KEEP_MAX_TOTAL = 64 * 1024 * 1024;

export interface Collected extends AuditExtra {
  sources: AuditSource[];
  read: ReadFile[];
  skipped: SkippedFile[];
  references: ApiReference[];
}

function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'EISDIR') return 'is a folder';
  return (err as Error)?.message ?? String(err);
}

function special(stat: Stats): string | null {
  if (stat.isFIFO()) return 'a FIFO (named pipe): not a file to read';
  if (stat.isSocket()) return 'a socket: not a file to read';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device: not a file to read';
  return null;
}

/** `x.min.js` whose source (`x.js`, `x.mjs`, `x.ts`…) is not in its folder. */
function isLoneBundle(name: string, entries: Array<{ name: string }>): boolean {
  const m = /^(.+)\.min\.[cm]?js$/i.exec(name);
  if (!m) return false;
  const stem = m[1]!.toLowerCase();
  return !entries.some((e) => /\.(?:[cm]?[jt]sx?)$/i.test(e.name) && e.name.toLowerCase().replace(/\.[^.]+$/, '') === stem);
}

/**
 * Collects the files under the targets. `shown` maps an absolute path to what the report prints.
 * A target that does not exist at all is an error for the caller (thrown as the fs error).
 */
export function collectSources(targets: string[], opts: { includeTests?: boolean; shown: (abs: string) => string }): Collected {
  const out: Collected = { sources: [], read: [], skipped: [], references: [] };
  // One byte past the parse limit: a file that fills it is a large one.
  const shared = Buffer.allocUnsafe(MAX_PARSED_BYTES + 1);
  // Copies (vendored clients, a monorepo's duplicated packages, replicas) share one string: a file whose bytes equal
  // an earlier file's takes its text, not decoded again, and the texts the audit holds (and the garbage collector
  // copies) are the distinct ones. Small files only, a bounded number per size and in all.
  const bySize = new Map<number, Array<{ bytes: Buffer; text: string }>>();
  let keptBytes = 0;
  const sameBytes = (data: Buffer): string | undefined => {
    for (const k of bySize.get(data.length) ?? []) if (k.bytes.equals(data)) return k.text;
    return undefined;
  };
  const keepBytes = (data: Buffer, text: string) => {
    if (data.length > KEEP_MAX_FILE || keptBytes + data.length > KEEP_MAX_TOTAL) return;
    let list = bySize.get(data.length);
    if (!list) bySize.set(data.length, (list = []));
    if (list.length >= KEEP_PER_SIZE) return;
    list.push({ bytes: Buffer.from(data), text });
    keptBytes += data.length;
  };
  const visitFile = (full: string, stat: Stats) => {
    const name = opts.shown(full);
    const sp = special(stat);
    if (sp) return void out.skipped.push({ file: name, reason: sp });
    if (stat.size > MAX_PARSED_BYTES) return void streamFile(full, name, stat.size, out);
    let text: string;
    try {
      const buf = readFileSync(full);
      if (buf.includes(0)) return void out.skipped.push({ file: name, reason: 'binary file (contains NUL bytes)' });
      text = buf.toString('utf8');
    } catch (err) {
      return void out.skipped.push({ file: name, reason: `cannot read: ${reasonOf(err)}` });
    }
    out.sources.push({ file: name, text });
  };
  // A regular file: one open, one read into a buffer shared by all files, one close (no lstat, no fstat: a large tree
  // has tens of thousands, and each system call is microseconds). A read that fills the buffer past the parse limit
  // means a large file: only then is it measured (fstat) and streamed.
  const readRegular = (full: string) => {
    const name = opts.shown(full);
    let fd: number;
    try {
      fd = openSync(full, 'r');
    } catch (err) {
      return void out.skipped.push({ file: name, reason: `cannot read: ${reasonOf(err)}` });
    }
    try {
      // A regular file's read is short only at its end: no second read to see the end.
      let at = 0;
      for (;;) {
        const want = shared.length - at;
        const n = readSync(fd, shared, at, want, at);
        at += n;
        if (n < want || at === shared.length) break;
      }
      if (at > MAX_PARSED_BYTES) {
        const size = fstatSync(fd).size;
        closeSync(fd);
        fd = -1;
        return void streamFile(full, name, size, out);
      }
      const data = shared.subarray(0, at);
      const copy = sameBytes(data);
      if (copy !== undefined) return void out.sources.push({ file: name, text: copy });
      if (data.includes(0)) return void out.skipped.push({ file: name, reason: 'binary file (contains NUL bytes)' });
      const text = data.toString('utf8');
      keepBytes(data, text);
      out.sources.push({ file: name, text });
    } catch (err) {
      out.skipped.push({ file: name, reason: `cannot read: ${reasonOf(err)}` });
    } finally {
      if (fd >= 0) closeSync(fd);
    }
  };
  const readEnvLike = (full: string) => {
    try {
      // Kept besides: section headers and other hosts' URLs (no credentials in them), so `cfg["shipstation"]["base"]`
      // is known to be another host's.
      const keep = (l: string) => !/secret|password|passwd|token|key\b/i.test(l) && (/api\.commerce7\.com/i.test(l) || /^\s*\[[\w.-]+\]\s*$/.test(l) || /^\s*[\w.-]+\s*[=:]\s*["']?https?:\/\/[^\s@"']+["']?\s*$/.test(l));
      // An Airflow connection to Commerce7 (its value holds the login and password): its name and the API's URL only.
      const airflow = (l: string) => {
        const m = /^(\s*(?:export\s+)?AIRFLOW_CONN_\w+\s*[=:]\s*)(.*)$/.exec(l);
        return m && /api\.commerce7\.com/i.test(m[2]!) ? `${m[1]}${connectionBase(m[2]!)}` : null;
      };
      const text = readFileSync(full, 'utf8').split(/\r?\n/).map((l) => airflow(l) ?? (keep(l) ? l : '')).join('\n');
      out.sources.push({ file: opts.shown(full), text });
    } catch (err) {
      out.skipped.push({ file: opts.shown(full), reason: `cannot read: ${reasonOf(err)}` });
    }
  };
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      return void out.skipped.push({ file: opts.shown(dir) + '/', reason: `cannot read the folder: ${reasonOf(err)}` });
    }
    // `dir` is normalized (below): a child's path is a concatenation, as path.join would give.
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    const dirName = path.basename(dir);
    // A workflow is known by its folder (.github/workflows/x.yml): shell in its steps.
    const inWorkflows = dirName === 'workflows' && path.basename(path.dirname(dir)) === '.github';
    for (const entry of entries) {
      const full = prefix + entry.name;
      if (entry.isDirectory()) {
        if (!isSkippedDir(entry.name, opts, dirName)) walk(full);
        continue;
      }
      if (!isAuditedFile(inWorkflows ? `.github/workflows/${entry.name}` : entry.name, opts)) {
        // A script without an extension (bin/departments, scripts/backup): read when its `#!` names a language.
        if (entry.isFile() && !entry.name.includes('.') && isScript(full)) readRegular(full);
        // A minified bundle with no source beside it (a deploy repo's worker): the only code there is, so read.
        else if (entry.isFile() && isLoneBundle(entry.name, entries)) readRegular(full);
        // A YAML config naming Commerce7's base (a Drupal services.yml, config/settings.yaml): where the project's
        // client points, so its relative paths count; other YAML is not read.
        // (Or an Airflow connection to Commerce7: AIRFLOW_CONN_C7 in a docker-compose file, Astro's airflow_settings.yaml.)
        else if (entry.isFile() && /\.ya?ml$/i.test(entry.name) && namesC7Base(full, YAML_OR_AIRFLOW)) readRegular(full);
        // A .env, .ini, .toml or .properties file naming it (API_BASE=https://api.commerce7.com/v1): only its lines
        // that name Commerce7, the others blanked (they hold secrets; the line numbers stay).
        else if (entry.isFile() && ENV_LIKE.test(entry.name) && namesC7Base(full, ENV_OR_AIRFLOW)) readEnvLike(full);
        continue;
      }
      if (entry.isFile()) {
        readRegular(full);
        continue;
      }
      let stat: Stats;
      try {
        stat = entry.isSymbolicLink() ? statSync(full) : lstatSync(full);
      } catch (err) {
        out.skipped.push({ file: opts.shown(full), reason: `cannot read: ${reasonOf(err)}` });
        continue;
      }
      if (stat.isDirectory()) continue; // a link to a folder: not followed (loops)
      visitFile(full, stat);
    }
  };
  for (const t of targets) {
    const stat = statSync(t); // throws: the caller reports a target that does not exist
    if (stat.isDirectory()) walk(path.normalize(t));
    else visitFile(t, stat);
  }
  return out;
}

/** Does a (YAML) config file hold a base-URL key set to Commerce7's API? Its first 64 KiB are checked. */
/** Settings files of KEY=value lines: .env, .env.example, .env.local.dist, settings.ini, app.toml, x.properties. */
const ENV_LIKE = /^\.env(?:\.[\w.-]+)?$|\.(?:env|ini|toml|properties|cfg|conf)$/i;

const ENV_C7_BASE = /^[ \t]*(?:export\s+)?["']?[\w.-]*(?:url|uri|base|host|endpoint|api|root|origin)[\w.-]*["']?\s*[=:]\s*["']?https?:\/\/api\.commerce7\.com/im;

/** An Airflow connection whose value names Commerce7's API (airflow.ts): AIRFLOW_CONN_<ID>=…, `conn_host: https://…`. */
const AIRFLOW_C7 = /^[ \t-]*(?:export[ \t]+|ENV[ \t]+)?["']?AIRFLOW_CONN_\w+["']?[ \t]*[:=][^\n]*api\.commerce7\.com/im;
const YAML_OR_AIRFLOW = new RegExp(`${YAML_C7_BASE.source}|${AIRFLOW_C7.source}`, 'im');
const ENV_OR_AIRFLOW = new RegExp(`${ENV_C7_BASE.source}|${AIRFLOW_C7.source}`, 'im');

function namesC7Base(full: string, re: RegExp = YAML_C7_BASE): boolean {
  let fd = -1;
  try {
    fd = openSync(full, 'r');
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return re.test(buf.subarray(0, n).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/** Does the file start with a `#!` line naming an interpreter the audit has a grammar for? */
function isScript(full: string): boolean {
  let fd = -1;
  try {
    fd = openSync(full, 'r');
    const head = Buffer.alloc(128);
    const n = readSync(fd, head, 0, 128, 0);
    return n > 2 && head[0] === 0x23 && head[1] === 0x21 && shebangGrammar(head.toString('latin1', 0, n)) !== null;
  } catch {
    return false;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/** A large file through the text engine, a chunk at a time: memory stays bounded whatever the file's size. */
function streamFile(full: string, name: string, size: number, out: Collected): void {
  let fd: number;
  try {
    fd = openSync(full, 'r');
  } catch (err) {
    out.skipped.push({ file: name, reason: `cannot read: ${reasonOf(err)}` });
    return;
  }
  const buf = Buffer.alloc(CHUNK);
  let carry = '';
  let lineNo = 1; // line of carry's start
  let calls = 0;
  let first = true;
  const scanPiece = (piece: string, line: number) => {
    if (!PREFILTER.test(piece)) return;
    for (const r of scanSource(name, piece, { longLines: true })) {
      out.references.push({ ...r, line: r.line + line - 1 });
      calls++;
    }
  };
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      if (first) {
        first = false;
        if (buf.subarray(0, Math.min(n, 8192)).includes(0)) {
          out.skipped.push({ file: name, reason: 'binary file (contains NUL bytes)' });
          return;
        }
      }
      let text = carry + buf.toString('utf8', 0, n);
      // Complete lines go to the scanner in one piece; the unfinished last line is carried.
      const cut = text.lastIndexOf('\n');
      if (cut >= 0) {
        const done = text.slice(0, cut);
        scanPiece(done, lineNo);
        for (let i = 0; i < done.length; i++) if (done.charCodeAt(i) === 10) lineNo++;
        lineNo++;
        text = text.slice(cut + 1);
      }
      // A line longer than a window (a minified bundle): scan it in windows, keep only the overlap.
      while (text.length > WINDOW + OVERLAP) {
        scanPiece(text.slice(0, WINDOW + OVERLAP), lineNo);
        text = text.slice(WINDOW);
      }
      carry = text;
    }
    if (carry) scanPiece(carry, lineNo);
  } catch (err) {
    out.skipped.push({ file: name, reason: `cannot read: ${reasonOf(err)}` });
    return;
  } finally {
    closeSync(fd);
  }
  // Overlapping windows may find a call twice.
  const seen = new Set<string>();
  out.references = out.references.filter((r) => {
    if (r.file !== name) return true;
    const k = `${r.line}:${r.method}:${r.path}:${r.excerpt}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  out.read.push({ file: name, engine: `text (streamed: ${(size / 1024 / 1024).toFixed(1)} MiB, over the ${MAX_PARSED_BYTES / 1024 / 1024} MiB parse limit)`, calls });
}

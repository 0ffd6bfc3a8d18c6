// A V8 code cache for a CommonJS file of the bundle (scripts/build-bundle.mjs: dist/bin/<name>-<hash>.cjs, loaded by
// generators/bin.ts). Compiling its code was most of what a short command did: `new`'s ~1.2 MB of JS parsed at load,
// then each function compiled on its first call. The cache is written after a run that completed, so it
// holds the functions that run compiled, not only the top level (Node's own compile cache, on for the ESM chunks
// from Node 22, keeps the top level only); the next run deserializes them instead of compiling.
//   - where: the user's cache folder (XDG_CACHE_HOME or ~/.cache, ~/Library/Caches, %LOCALAPPDATA%), in a folder
//     of its own that only the user may write to (else no cache: V8 trusts what a cache holds);
//   - which: one file per bundle file, variant (the command it ran: each runs other functions) and place (two
//     installs of the generator keep one each), keyed by the file's
//     name (its content hash), size and mtime, and Node's version and architecture; V8 also refuses a cache made
//     under other V8 flags, so the flags a run may set are set before the file is compiled (`v8Flags`);
//   - C7_APP_CODE_CACHE=0: no cache read or written; an absolute path: that folder instead of the user's cache folder.
// Written through the atomic writer (a killed write leaves the old cache or none); the cache of an older build of
// the same file in the same place is removed then.
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from './atomic-write.js';

// Every run of the bin loads this module first: what it needs of Node is got when it is needed (node:crypto, node:v8
// and node:os each made Node load more of its own modules: ~4, ~2.5 and ~1.5 ms of every validate on Node 20).
const { createRequire } = process.getBuiltinModule('node:module');
const vm = process.getBuiltinModule('node:vm');
const homedir = (env: NodeJS.ProcessEnv) => (process.platform !== 'win32' && env.HOME ? env.HOME : process.getBuiltinModule('node:os').homedir());

/** 32-bit FNV-1a of a string, as 8 hex digits: names a place, no secret. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

const APP = 'generator-c7-app';

/** The folder for the code caches, made if absent; undefined when there is none to use safely. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.C7_APP_CODE_CACHE === '0') return undefined;
  let base: string | undefined;
  try {
    if (env.C7_APP_CODE_CACHE && path.isAbsolute(env.C7_APP_CODE_CACHE)) base = env.C7_APP_CODE_CACHE;
    else if (process.platform === 'win32') base = env.LOCALAPPDATA || path.join(homedir(env), 'AppData', 'Local');
    else if (process.platform === 'darwin') base = path.join(homedir(env), 'Library', 'Caches');
    else base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(homedir(env), '.cache');
  } catch {
    return undefined; // no home folder
  }
  if (!base || !path.isAbsolute(base)) return undefined;
  const dir = path.join(base, APP, 'code-cache');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory()) return undefined;
    // POSIX: the user's own folder, not writable by others (a cache is code V8 runs).
    if (process.getuid && (st.uid !== process.getuid() || (st.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

export interface CachedModule<T> {
  exports: T;
  /** Compiled from the cache (V8 took it). */
  fromCache: boolean;
  /** Writes the cache when there was none or V8 refused it; call after a complete run. Never throws. */
  saveCache(): void;
}

/**
 * Loads the CommonJS `file` as Node's loader would (exports, require, module, __filename, __dirname), with its code
 * cache in `dir`. `host`: modules the file requires by these names get the caller's values instead (what a file run
 * by vm cannot make itself, such as import()). `v8Flags`: set first (see above). `variant`: which of the file's
 * caches (default "main").
 */
export function loadWithCodeCache<T>(file: string, opts: { host?: Record<string, unknown>; dir?: string | undefined; v8Flags?: string[]; variant?: string } = {}): CachedModule<T> {
  const { host = {}, v8Flags = [] } = opts;
  const variant = (opts.variant ?? 'main').replace(/[^\w-]/g, '_');
  const dir = 'dir' in opts ? opts.dir : codeCacheDir();
  for (const flag of v8Flags) process.getBuiltinModule('node:v8').setFlagsFromString(flag);
  const source = readFileSync(file, 'utf8');
  const base = path.basename(file);
  // The place: another install of the generator (another project's node_modules) has its own cache.
  const place = fnv1a(path.dirname(path.resolve(file)));
  let cacheFile: string | undefined;
  let cachedData: Buffer | undefined;
  if (dir) {
    try {
      const st = statSync(file);
      cacheFile = path.join(dir, `${base}.${place}.${variant}.${st.size}-${Math.trunc(st.mtimeMs)}.${process.version}-${process.arch}.v8cache`);
      cachedData = readFileSync(cacheFile);
    } catch {
      // no cache yet
    }
  }
  // The wrapper on a line of its own, the line offset taking it back: stack traces give the file's own positions.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, {
    filename: file, lineOffset: -1, ...(cachedData ? { cachedData } : {}),
  });
  const real = createRequire(file);
  const req = Object.assign((id: string) => (Object.hasOwn(host, id) ? host[id] : real(id)), { resolve: real.resolve, cache: real.cache, main: real.main, extensions: real.extensions });
  const mod = { exports: {} as T, filename: file, id: file, loaded: false };
  (script.runInThisContext() as (...a: unknown[]) => void).call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
  mod.loaded = true;
  const stale = cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true);
  return {
    exports: mod.exports,
    fromCache: cachedData !== undefined && script.cachedDataRejected === false,
    saveCache: () => {
      if (!stale || !dir || !cacheFile) return;
      try {
        writeFileAtomicSync(cacheFile, script.createCachedData());
        const name = path.basename(cacheFile);
        // Caches of older builds of this file in this place and variant (another hash, size or mtime) go; other
        // variants' and other Nodes' stay.
        const entry = base.replace(/-[A-Z0-9]+\.cjs$/, '-');
        const suffix = `.${process.version}-${process.arch}.v8cache`;
        for (const f of readdirSync(dir)) {
          if (f !== name && f.startsWith(entry) && f.includes(`.${place}.${variant}.`) && f.endsWith(suffix)) rmSync(path.join(dir, f), { force: true });
        }
      } catch {
        // a cache that cannot be written is no cache
      }
    },
  };
}

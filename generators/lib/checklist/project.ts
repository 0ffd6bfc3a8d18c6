// Views of a project for the rules: on disk (asking git when the folder is in a repository) or in memory.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from '../manifest/types.js';
import { DEV_NULL } from '../project-git.js';
import { describeSpecial, errorReason, readRegularFile, regularFileSize } from '../safe-read.js';
import { gitignoreMatcher } from './gitignore.js';
import type { ProjectView, SkippedPath } from './types.js';

/**
 * Folders never walked when there is no git to ask: dependencies, build output, git's own, and .c7-app/ (the
 * generator's state: npm run dev's session, upgrade backups — an old project's .gitignore does not list it).
 */
export const WALK_SKIP_DIRS = ['node_modules', 'dist', '.git', '.c7-app'] as const;
const WALK_MAX_FILES = 20_000;

/** "./a//b/../c.ts" -> "a/c.ts": the form every view uses for a path relative to the project root. */
export function normalizeRelPath(relPath: string): string {
  const p = path.posix.normalize(relPath.replace(/\\/g, '/'));
  return p === '.' ? '' : p.replace(/^\.\//, '').replace(/\/$/, '');
}

// Git reads these to find its repository; inside a hook they point elsewhere: find the repository from the folder.
const GIT_LOCATION_VARS = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_PREFIX'];

type GitResult = { status: number | null; stdout: string; stderr: string } | undefined;
const GIT_MAX_BUFFER = 256 * 1024 * 1024;

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: '0' };
  for (const v of GIT_LOCATION_VARS) delete env[v];
  return env;
}
// A personal global excludes file does not protect anyone else who clones the project: leave it out.
const gitArgs = (args: string[]) => ['-c', `core.excludesFile=${DEV_NULL}`, ...args];

function git(root: string, args: string[]): GitResult {
  const r = spawnSync('git', gitArgs(args), { cwd: root, env: gitEnv(), encoding: 'utf8', maxBuffer: GIT_MAX_BUFFER, windowsHide: true });
  if (r.error) return undefined; // git is not installed (or its output exceeded the buffer)
  return { status: r.status, stdout: r.stdout, stderr: r.stderr ?? '' };
}

/** git(), not waiting: what spawnSync would have answered (undefined for no git, or output past the buffer). */
function gitAsync(root: string, args: string[]): Promise<GitResult> {
  return new Promise((resolve) => {
    const child = spawn('git', gitArgs(args), { cwd: root, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let failed = false;
    const collect = (into: Buffer[]) => (b: Buffer) => {
      size += b.length;
      if (size > GIT_MAX_BUFFER) { failed = true; child.kill(); return; }
      into.push(b);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.on('error', () => { failed = true; });
    child.on('close', (status) => resolve(failed ? undefined : { status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/**
 * The project in folder `root`. In a git repository, `listFiles` is what git would track (`git ls-files --cached
 * --others --exclude-standard`) and `isIgnored` asks `git check-ignore`. Otherwise (no repository, no git, or the
 * folder ignored by an enclosing repository) files are found by walking the folder, skipping WALK_SKIP_DIRS and what
 * the root .gitignore excludes, and `isIgnored` answers undefined: the rules then judge from .gitignore.
 */
export function diskProject(root: string): ProjectView {
  const abs = path.resolve(root);
  let files: string[] | undefined;
  let inGit: boolean | undefined;
  const ignoredCache = new Map<string, boolean | undefined>();
  /** What could not be read, by path: reported by name (skipped), never a crash or a hang. */
  const problems = new Map<string, string>();
  const at = (rel: string) => path.resolve(abs, normalizeRelPath(rel));

  /** The listing from `git ls-files`, or (not a repository, no git, ignored by an enclosing one) from a walk. */
  const apply = (r: GitResult) => {
    if (files !== undefined) return;
    if (r && r.status === 0) {
      const listed = [...new Set(r.stdout.split('\0').filter(Boolean))].filter((f) => existsSync(path.join(abs, f))).sort();
      // A project whose manifest git would not track lies in a folder an enclosing repository ignores: not its repo.
      if (!existsSync(path.join(abs, MANIFEST_FILE)) || listed.includes(MANIFEST_FILE)) {
        inGit = true;
        files = listed;
        // git lists what it can and warns about a folder it cannot open: that folder was not looked into.
        for (const m of r.stderr.matchAll(/could not open directory '([^']+)': ([^\n]+)/g)) {
          problems.set(m[1]!.replace(/\/$/, '') + '/', `folder cannot be read: ${m[2]!.toLowerCase()}`);
        }
        return;
      }
    }
    inGit = false;
    files = walk(abs, (p, reason) => problems.set(p, reason));
  };
  const LS_FILES = ['ls-files', '-z', '--cached', '--others', '--exclude-standard'];
  const load = () => {
    // A folder not made yet (a new project's, before its files are written) has nothing to list: no git run for it.
    if (files === undefined) apply(existsSync(abs) ? git(abs, LS_FILES) : undefined);
  };
  const ignoredAnswer = (r: GitResult) => (r?.status === 0 ? true : r?.status === 1 ? false : undefined);

  return {
    exists: (rel) => existsSync(at(rel)),
    read: (rel) => {
      const r = readRegularFile(at(rel));
      if (r.ok) return r.text;
      if (!r.missing) problems.set(normalizeRelPath(rel), r.reason);
      return undefined;
    },
    size: (rel) => regularFileSize(at(rel)),
    listFiles: () => { load(); return [...files!]; },
    isIgnored: (rel) => {
      load();
      if (!inGit) return undefined;
      const key = normalizeRelPath(rel);
      // A file on disk that git would not track is ignored: the listing already answers, without another process.
      if (isFile(path.join(abs, key))) return !files!.includes(key);
      if (!ignoredCache.has(key)) {
        ignoredCache.set(key, ignoredAnswer(git(abs, ['check-ignore', '-q', '--', key])));
      }
      return ignoredCache.get(key);
    },
    prefetch: async (ignoredPaths = []) => {
      // The git processes run together, while the caller reads and validates the manifest.
      const keys = [...new Set(ignoredPaths.map(normalizeRelPath))].filter((k) => !ignoredCache.has(k));
      const [listing, ...ignored] = await Promise.all([files === undefined && existsSync(abs) ? gitAsync(abs, LS_FILES) : undefined, ...keys.map((k) => gitAsync(abs, ['check-ignore', '-q', '--', k]))]);
      if (files === undefined) apply(listing);
      keys.forEach((k, i) => { if (!ignoredCache.has(k)) ignoredCache.set(k, ignoredAnswer(ignored[i])); });
    },
    skipped: (): SkippedPath[] => {
      load();
      return [...problems].map(([p, reason]) => ({ path: p, reason })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

function walk(root: string, skip: (relPath: string, reason: string) => void): string[] {
  const ignore = gitignoreMatcher(readText(path.join(root, '.gitignore')));
  const out: string[] = [];
  const visit = (rel: string) => {
    let entries;
    try { entries = readdirSync(path.join(root, rel), { withFileTypes: true }); } catch (e) {
      if (rel) skip(`${rel}/`, `folder ${errorReason(e)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.length >= WALK_MAX_FILES) return;
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if ((WALK_SKIP_DIRS as readonly string[]).includes(e.name) || ignore.ignores(child, true)) continue;
        visit(child);
      } else if (e.isFile()) {
        if (!ignore.ignores(child)) out.push(child);
      } else if ((e.isFIFO() || e.isSocket() || e.isCharacterDevice() || e.isBlockDevice()) && !ignore.ignores(child)) {
        // Never opened: reading a FIFO waits for a writer, a device may never end.
        try { skip(child, `${describeSpecial(statSync(path.join(root, child)))}, not read`); } catch { skip(child, 'not a regular file, not read'); }
      }
    }
  };
  visit('');
  return out.sort();
}

function isFile(file: string): boolean {
  try { return statSync(file).isFile(); } catch { return false; }
}

function readText(file: string): string | undefined {
  const r = readRegularFile(file);
  return r.ok ? r.text : undefined;
}

export interface MemoryProjectOptions {
  /**
   * true: the project is a git repository, and `isIgnored` answers from its .gitignore (as git would, for a
   * project not yet committed). false (default): `isIgnored` answers undefined, like a folder that is not a repository.
   */
  gitRepo?: boolean;
}

/**
 * A project held in memory (e.g. the generator's files before they are written): path -> text. `listFiles` leaves
 * out what the project's own .gitignore excludes.
 */
export function memoryProject(files: Readonly<Record<string, string>> | ReadonlyMap<string, string>, opts: MemoryProjectOptions = {}): ProjectView {
  const map = new Map<string, string>();
  for (const [k, v] of files instanceof Map ? files : Object.entries(files)) map.set(normalizeRelPath(k), v);
  // The files never change: the .gitignore matcher and the listing are made once (the checklist's rules list the
  // project several times; each listing matched every path again).
  let matcher: ReturnType<typeof gitignoreMatcher> | undefined;
  let listed: string[] | undefined;
  const ignore = () => (matcher ??= gitignoreMatcher(map.get('.gitignore')));
  return {
    exists: (rel) => {
      const p = normalizeRelPath(rel);
      if (map.has(p)) return true;
      return [...map.keys()].some((k) => k.startsWith(`${p}/`));
    },
    read: (rel) => map.get(normalizeRelPath(rel)),
    listFiles: () => {
      const m = ignore();
      listed ??= [...map.keys()].filter((k) => !m.ignores(k)).sort();
      return [...listed];
    },
    isIgnored: (rel) => (opts.gitRepo ? ignore().ignores(normalizeRelPath(rel)) : undefined),
  };
}

// After a fresh `c7-app new`: the project becomes a git repository with a first commit, so the developer's first
// change is a diff and the generated CI workflow has something to run on. No Yeoman here: `c7-app new` calls it from
// the generator (generators/app) and may call it from any other path that writes a new project.
//   - skipped inside an existing repository (a project in a monorepo or in the generator's own clone: no nested repo)
//   - skipped when git is not installed (said once), or with --no-git (nothing said)
//   - never fails the run: a failed git step is said, and the project is written all the same
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** os.devNull, without loading node:os (~1.5 ms of a check on Node 20). */
export const DEV_NULL = process.platform === 'win32' ? '\\\\.\\nul' : '/dev/null';

export type ProjectGitResult =
  | { kind: 'committed'; commit: string; fallbackIdentity: boolean }
  | { kind: 'skipped'; reason: 'disabled' }
  | { kind: 'skipped'; reason: 'no-git' }
  | { kind: 'skipped'; reason: 'inside-repository'; repository: string; ignored: boolean }
  | { kind: 'failed'; step: 'init' | 'add' | 'commit'; message: string };

/**
 * Who the first commit is by when git has no identity (CI, a fresh container, root without a config): set for that
 * one command only (`git -c user.name=… -c user.email=…`), never written to any config. A configured identity, or
 * GIT_AUTHOR_* / GIT_COMMITTER_* in the environment, wins.
 */
export const FALLBACK_IDENTITY = { name: 'generator-c7-app', email: 'generator-c7-app@localhost' } as const;

// Git reads these to find its repository; inside a hook they point elsewhere: find the repository from the folder.
const GIT_LOCATION_VARS = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_PREFIX', 'GIT_INDEX_FILE'];

export interface Ran { status: number | null; stdout: string; stderr: string; missing: boolean }

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
  for (const v of GIT_LOCATION_VARS) delete env[v];
  return env;
}

function git(root: string, args: string[]): Ran {
  const r = spawnSync('git', args, { cwd: root, env: gitEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { status: r.error ? null : r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? (r.error?.message ?? ''), missing };
}

/** The same, without blocking: the config read runs beside `git add`. */
function gitAsync(root: string, args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd: root, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', (err: NodeJS.ErrnoException) => resolve({ status: null, stdout, stderr: stderr || err.message, missing: err.code === 'ENOENT' }));
    child.on('close', (status) => resolve({ status, stdout, stderr, missing: false }));
  });
}

const firstLine = (r: Ran) => (r.stderr.trim() || r.stdout.trim()).split('\n')[0] ?? `git exited with ${r.status}`;

/**
 * What is known of git before the project is written: the repository the folder lies in (its top folder), and
 * whether git is missing, when git was asked. startGitProbe asks git only when a folder from the project's up to
 * the root looks like part of a repository (a `.git`, or a bare repository's HEAD, objects and refs): a new project
 * usually lies in none, and then no git process runs before `git init` (which says by itself whether git runs).
 */
export interface GitProbe { missing: boolean; repository: string | undefined }

/** A folder git could find a repository from: its own `.git` (folder or file), or itself a bare repository. */
function looksLikeRepository(dir: string): boolean {
  return existsSync(path.join(dir, '.git')) || (existsSync(path.join(dir, 'HEAD')) && existsSync(path.join(dir, 'objects')) && existsSync(path.join(dir, 'refs')));
}

/** Starts the probe for `root` (which may not exist yet: asked from its nearest existing folder, the same repository). */
export function startGitProbe(root: string): Promise<GitProbe> {
  let at = path.resolve(root);
  while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  let maybe = false;
  for (let d = at, last = ''; d !== last && !maybe; last = d, d = path.dirname(d)) maybe = looksLikeRepository(d);
  // None: git would find no repository either (it looks in these same places, and stops earlier with
  // GIT_CEILING_DIRECTORIES or at a file system boundary); one: git says which, if any (it may not go that far).
  if (!maybe) return Promise.resolve({ missing: false, repository: undefined });
  return gitAsync(at, ['rev-parse', '--show-toplevel']).then((t) => ({ missing: t.missing, repository: t.status === 0 ? t.stdout.trim() : undefined }));
}

/** The last value of each key in `git config -z --get-regexp` output ("key\nvalue\0" per entry). */
function lastValues(out: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const entry of out.split('\0')) {
    if (!entry) continue;
    const nl = entry.indexOf('\n');
    values.set(nl < 0 ? entry : entry.slice(0, nl), nl < 0 ? '' : entry.slice(nl + 1));
  }
  return values;
}

/** The config read in the new repository (its last value of each key), and a default branch git refused to point HEAD at. */
interface ConfigRead { values: Map<string, string>; branchRefused?: Ran }

// Read in the new repository in one run: the identity as git sees it there (an includeIf "gitdir:" applies), the
// default branch the developer chose, and core.abbrev (with none, the commit's id is read from the files: shortHead).
const CONFIG_READ = ['config', '-z', '--get-regexp', '^(user\\.(name|email)|init\\.defaultbranch|core\\.abbrev)$'];

// The generated CI workflow runs on pushes to main: main unless the developer chose another default branch (then
// HEAD is pointed at that one in initProjectGit, before anything is committed: what a plain `git init` would have made).
const INIT = ['-c', 'init.defaultBranch=main', 'init', '--quiet'];

/**
 * Where `git init` runs while the files are being written (startEarlyInit): a folder of the project's own, whose
 * `.git` is moved to the project's root only once the files are on disk. Until then the project is no repository
 * (git finds none from its folder), so a killed run leaves no repository, only this folder: the next run removes it
 * (removeEarlyInit) before it reads the project, and never takes it for a repository.
 */
export const EARLY_INIT_DIR = '.c7-app-git-init.tmp';

/** A `git init` started ahead of the files; initProjectGit moves its repository into place, or discards it. */
export interface EarlyInit { root: string; result: Promise<Ran | undefined>; settled: boolean }

/**
 * Starts `git init` for a fresh project into EARLY_INIT_DIR, beside the writes (its ~10 ms and its process start
 * were on the run's path after them). Nothing is started when the probe says the project will get no repository
 * (git missing, inside a repository): initProjectGit then says so as before. Creates `root` if absent.
 */
export function startEarlyInit(root: string, probe: Promise<GitProbe>): EarlyInit {
  const early: EarlyInit = {
    root,
    settled: false,
    result: probe.then((p) => {
      if (p.missing || p.repository) return undefined;
      removeEarlyInit(root);
      mkdirSync(root, { recursive: true });
      return gitAsync(root, [...INIT, EARLY_INIT_DIR]);
    }).catch(() => undefined),
  };
  return early;
}

/** Removes EARLY_INIT_DIR from `root`: a killed run's, or one this run did not use. */
export function removeEarlyInit(root: string): void {
  const dir = path.join(root, EARLY_INIT_DIR);
  // (Retried: a killed run's git may still be writing in it for a moment.)
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 20 });
}

/** Once its git has ended: removes the early init's folder unless initProjectGit moved its repository into place. */
export async function discardEarlyInit(early: EarlyInit | undefined): Promise<void> {
  if (!early || early.settled) return;
  early.settled = true;
  await early.result;
  try { removeEarlyInit(early.root); } catch { /* a folder that cannot be removed is removed by the next run */ }
}

/**
 * The early init's repository moved to `root`/.git: the same `git init` result as one run there (a repository
 * holds no path of its own; its config, HEAD and templates are the same). Undefined when it did not succeed (git
 * missing, init failed, the move refused): its folder is removed, and the caller runs `git init` in `root` itself,
 * which says what is wrong exactly as before.
 */
async function adoptEarlyInit(early: EarlyInit | undefined): Promise<Ran | undefined> {
  if (!early || early.settled) return undefined;
  early.settled = true;
  const ran = await early.result;
  const dir = path.join(early.root, EARLY_INIT_DIR);
  try {
    if (ran?.status === 0) {
      renameSync(path.join(dir, '.git'), path.join(early.root, '.git'));
      rmSync(dir, { recursive: true, force: true });
      return ran;
    }
  } catch {
    // the move refused: a plain init below
  }
  removeEarlyInit(early.root);
  return undefined;
}

/**
 * Makes `root` (a freshly generated project, on disk) a repository with one commit of everything not ignored.
 * `probe`: startGitProbe(root) started earlier (else it is started here); `early`: startEarlyInit's, when the run
 * started `git init` beside its writes. Once the files are written: the repository in place (the early init's, else
 * init), then add with the config read beside it, then commit. (No repository at the project's root before the
 * files: the checklist of a run that completes a killed one would see the killed run's repository, and judge the
 * project as git sees it.)
 */
export async function initProjectGit(root: string, opts: { enabled?: boolean; message: string; probe?: Promise<GitProbe>; early?: EarlyInit }): Promise<ProjectGitResult> {
  if (opts.enabled === false) {
    await discardEarlyInit(opts.early);
    return { kind: 'skipped', reason: 'disabled' };
  }
  const probe = await (opts.probe ?? startGitProbe(root));
  if (probe.missing || probe.repository) await discardEarlyInit(opts.early);
  if (probe.missing) return { kind: 'skipped', reason: 'no-git' };
  const repository = probe.repository;
  // (An ignored folder, such as the README's example inside the generator's own clone, is still not made a repository.)
  if (repository) return { kind: 'skipped', reason: 'inside-repository', repository, ignored: git(root, ['check-ignore', '-q', '.']).status === 0 };

  // A killed run's early init is never the project's repository (nor added to it as one).
  const init = (await adoptEarlyInit(opts.early)) ?? (removeEarlyInit(root), git(root, INIT));
  if (init.missing) return { kind: 'skipped', reason: 'no-git' };
  if (init.status !== 0) {
    // A git that does not run at all (a stub that only says how to install it) is no git; else init itself failed.
    const version = git(root, ['--version']);
    return version.missing || version.status !== 0 ? { kind: 'skipped', reason: 'no-git' } : { kind: 'failed', step: 'init', message: firstLine(init) };
  }
  // A personal global excludes file protects nobody who clones the project: the project's .gitignore decides.
  // The files' objects streamed into one pack, not deflated (every file counts as "big": git's bulk check-in, whose
  // objects are the same, with the same ids; a file that needs a conversion or a filter still goes the usual way):
  // writing ~85 loose objects in ~70 new folders was most of `git add`'s time, and most of the bytes (the vendored
  // tarball, the gzipped base) do not compress; deflating them was half of it. git gc compresses them later.
  const add = gitAsync(root, ['-c', `core.excludesFile=${DEV_NULL}`, '-c', 'core.bigFileThreshold=1', '-c', 'pack.compression=0', 'add', '--all']);
  const read = gitAsync(root, CONFIG_READ).then(async (c): Promise<ConfigRead> => {
    const values = lastValues(c.stdout);
    const branch = values.get('init.defaultbranch')?.trim();
    if (!branch || branch === 'main') return { values };
    const moved = await gitAsync(root, ['symbolic-ref', 'HEAD', `refs/heads/${branch}`]);
    return moved.status === 0 ? { values } : { values, branchRefused: moved };
  });
  const [added, configured] = await Promise.all([add, read]);
  // A default branch git refuses (not a valid name): where a plain `git init` would have failed.
  if (configured.branchRefused) return { kind: 'failed', step: 'init', message: firstLine(configured.branchRefused) };
  if (added.status !== 0) return { kind: 'failed', step: 'add', message: firstLine(added) };

  const values = configured.values;
  const identity: string[] = [];
  if ((values.get('user.name') ?? '').trim() === '') identity.push('-c', `user.name=${FALLBACK_IDENTITY.name}`);
  if ((values.get('user.email') ?? '').trim() === '') identity.push('-c', `user.email=${FALLBACK_IDENTITY.email}`);
  // No automatic maintenance after the commit (git would start `git maintenance run --auto`, another process): a
  // repository of one commit and ~100 loose objects is far below any of its thresholds.
  const commit = git(root, [...identity, '-c', 'maintenance.auto=false', 'commit', '--quiet', '--no-verify', '-m', opts.message]);
  if (commit.status !== 0) return { kind: 'failed', step: 'commit', message: firstLine(commit) };
  const head = (values.has('core.abbrev') ? undefined : shortHead(root)) ?? git(root, ['rev-parse', '--short', 'HEAD']).stdout.trim();
  return { kind: 'committed', commit: head, fallbackIdentity: identity.length > 0 };
}

/**
 * What `git rev-parse --short HEAD` says in a repository just made (core.abbrev unset), from its files: HEAD's
 * branch's loose ref, abbreviated as git does for a small repository (7 digits, longer while another object's id
 * starts the same: the loose objects of its folder and those of the packs `git add` wrote). Undefined when the
 * repository is not that simple (a packed or reftable ref, SHA-256 ids, alternates, a pack index not of version 2):
 * then git is asked.
 */
function shortHead(root: string): string | undefined {
  try {
    const gitDir = path.join(root, '.git');
    const head = /^ref: (refs\/heads\/[^\n]+)\n$/.exec(readFileSync(path.join(gitDir, 'HEAD'), 'utf8'));
    if (!head) return undefined;
    const id = /^([0-9a-f]{40})\n$/.exec(readFileSync(path.join(gitDir, head[1]!), 'utf8'))?.[1];
    const objects = path.join(gitDir, 'objects');
    if (!id || existsSync(path.join(objects, 'info', 'alternates'))) return undefined;
    const others = readdirSync(path.join(objects, id.slice(0, 2))).filter((f) => f !== id.slice(2)).map((f) => id.slice(0, 2) + f);
    for (const idx of readdirSync(path.join(objects, 'pack')).filter((f) => f.endsWith('.idx'))) {
      const ids = packIndexIds(readFileSync(path.join(objects, 'pack', idx)));
      if (!ids) return undefined;
      others.push(...ids.filter((o) => o !== id));
    }
    let len = 7;
    while (len < 40 && others.some((o) => o.startsWith(id.slice(0, len)))) len++;
    return id.slice(0, len);
  } catch {
    return undefined;
  }
}

/** The object ids of a version 2 pack index of SHA-1 ids (gitformat-pack(5)), or undefined for another kind. */
function packIndexIds(buf: Buffer): string[] | undefined {
  if (buf.length < 8 + 256 * 4 || buf.readUInt32BE(0) !== 0xff744f63 || buf.readUInt32BE(4) !== 2) return undefined;
  const count = buf.readUInt32BE(8 + 255 * 4);
  const start = 8 + 256 * 4;
  // Each object: its 20-byte id, then a CRC and an offset (4 bytes each), then the pack's and the index's checksums.
  if (buf.length < start + count * 28 + 40) return undefined;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(buf.toString('hex', start + i * 20, start + (i + 1) * 20));
  return ids;
}

/** One line for the developer, or undefined when there is nothing to say (--no-git). */
export function describeProjectGit(r: ProjectGitResult): string | undefined {
  switch (r.kind) {
    case 'committed':
      return `git: created a repository with a first commit (${r.commit})${r.fallbackIdentity
        ? `, as "${FALLBACK_IDENTITY.name}" because git has no user.name/user.email here (git commit --amend --reset-author after setting yours)`
        : ''}.`;
    case 'failed':
      return `git: the project is written, but git ${r.step} failed (${r.message}); run git init and commit yourself.`;
    case 'skipped':
      if (r.reason === 'disabled') return undefined;
      if (r.reason === 'no-git') return 'git is not installed: the project is not a git repository (run git init once you have it).';
      return r.ignored
        ? `git: inside the repository at ${r.repository}, which ignores this folder: no repository of its own (git init here if you want one).`
        : `git: inside the repository at ${r.repository}: no repository of its own (commit it there).`;
  }
}

/** The one call after a fresh `new`: init and commit, then say what happened. */
export async function initProjectGitAndSay(root: string, opts: { enabled?: boolean; message: string; log: (line: string) => void; probe?: Promise<GitProbe>; early?: EarlyInit }): Promise<ProjectGitResult> {
  const result = await initProjectGit(root, opts);
  const line = describeProjectGit(result);
  if (line) opts.log(line);
  return result;
}

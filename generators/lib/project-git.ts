// After a fresh `c7-app new`: the project becomes a git repository with a first commit, so the developer's first
// change is a diff and the generated CI workflow has something to run on. No Yeoman here: `c7-app new` calls it from
// the generator (generators/app) and may call it from any other path that writes a new project.
//   - skipped inside an existing repository (a project in a monorepo or in the generator's own clone: no nested repo)
//   - skipped when git is not installed (said once), or with --no-git (nothing said)
//   - never fails the run: a failed git step is said, and the project is written all the same
import { spawnSync } from 'node:child_process';
import { devNull } from 'node:os';

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

interface Ran { status: number | null; stdout: string; stderr: string; missing: boolean }

function git(root: string, args: string[]): Ran {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
  for (const v of GIT_LOCATION_VARS) delete env[v];
  const r = spawnSync('git', args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { status: r.error ? null : r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? (r.error?.message ?? ''), missing };
}

const firstLine = (r: Ran) => (r.stderr.trim() || r.stdout.trim()).split('\n')[0] ?? `git exited with ${r.status}`;

/** The repository `root` lies in (its top folder), or undefined when it is in none. */
function enclosingRepository(root: string): string | undefined {
  const r = git(root, ['rev-parse', '--show-toplevel']);
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Makes `root` (a freshly generated project, on disk) a repository with one commit of everything not ignored. */
export function initProjectGit(root: string, opts: { enabled?: boolean; message: string }): ProjectGitResult {
  if (opts.enabled === false) return { kind: 'skipped', reason: 'disabled' };
  const version = git(root, ['--version']);
  if (version.missing || version.status !== 0) return { kind: 'skipped', reason: 'no-git' };
  const repository = enclosingRepository(root);
  // (An ignored folder, such as the README's example inside the generator's own clone, is still not made a repository.)
  if (repository) return { kind: 'skipped', reason: 'inside-repository', repository, ignored: git(root, ['check-ignore', '-q', '.']).status === 0 };

  // The generated CI workflow runs on pushes to main: main unless the developer chose another default branch.
  const hasDefaultBranch = git(root, ['config', '--get', 'init.defaultBranch']).stdout.trim() !== '';
  const init = git(root, [...(hasDefaultBranch ? [] : ['-c', 'init.defaultBranch=main']), 'init', '--quiet']);
  if (init.status !== 0) return { kind: 'failed', step: 'init', message: firstLine(init) };
  // A personal global excludes file protects nobody who clones the project: the project's .gitignore decides.
  const add = git(root, ['-c', `core.excludesFile=${devNull}`, 'add', '--all']);
  if (add.status !== 0) return { kind: 'failed', step: 'add', message: firstLine(add) };

  const identity: string[] = [];
  const configured = (key: string) => git(root, ['config', '--get', key]).stdout.trim() !== '';
  if (!configured('user.name')) identity.push('-c', `user.name=${FALLBACK_IDENTITY.name}`);
  if (!configured('user.email')) identity.push('-c', `user.email=${FALLBACK_IDENTITY.email}`);
  const commit = git(root, [...identity, 'commit', '--quiet', '--no-verify', '-m', opts.message]);
  if (commit.status !== 0) return { kind: 'failed', step: 'commit', message: firstLine(commit) };
  const head = git(root, ['rev-parse', '--short', 'HEAD']).stdout.trim();
  return { kind: 'committed', commit: head, fallbackIdentity: identity.length > 0 };
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
export function initProjectGitAndSay(root: string, opts: { enabled?: boolean; message: string; log: (line: string) => void }): ProjectGitResult {
  const result = initProjectGit(root, opts);
  const line = describeProjectGit(result);
  if (line) opts.log(line);
  return result;
}

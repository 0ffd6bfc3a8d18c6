// Runs the built `c7-app` bin as a user would: a child process, no TTY.
import { spawnSync } from 'node:child_process';
import { CLI } from './paths.js';

export interface CliResult { status: number | null; stdout: string; stderr: string }

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeout?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd, env: { ...process.env, NO_COLOR: '1', ...opts.env }, input: opts.input ?? '', encoding: 'utf8',
    timeout: opts.timeout ?? 60_000,
    // `c7-app emulate seed` prints a few MB of JSON (more than spawnSync's 1 MiB default).
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Runs the project's own tests for `c7-app check --run-tests`: `npm test` in the project root, output captured.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestRun } from './types.js';

export const TEST_COMMAND = 'npm test';
const TAIL_LINES = 20;
const TIMEOUT_MS = 15 * 60 * 1000;

/** Remove ANSI colour codes: the tail is shown in the terminal and in JSON. */
const plain = (s: string) => s.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '');

export async function runProjectTests(root: string): Promise<TestRun> {
  const pkgFile = path.join(root, 'package.json');
  let hasScript = false;
  if (existsSync(pkgFile)) {
    try { hasScript = typeof (JSON.parse(readFileSync(pkgFile, 'utf8')) as { scripts?: Record<string, unknown> }).scripts?.test === 'string'; } catch { /* reported below */ }
  }
  if (!hasScript) return { command: TEST_COMMAND, passed: false, exitCode: null, outputTail: ['package.json has no "test" script'] };

  return new Promise((resolve) => {
    const win = process.platform === 'win32';
    // stdin closed and output piped: the tests see no TTY, as in CI.
    const child = spawn(win ? 'npm.cmd' : 'npm', ['test'], {
      cwd: root, shell: win, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    let output = '';
    const keep = (chunk: Buffer) => { output = (output + chunk.toString('utf8')).slice(-64 * 1024); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill(), TIMEOUT_MS);
    const done = (exitCode: number | null, extra?: string) => {
      clearTimeout(timer);
      const lines = plain(output + (extra ? `\n${extra}` : '')).split(/\r?\n/).map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
      resolve({ command: TEST_COMMAND, passed: exitCode === 0, exitCode, outputTail: lines.slice(-TAIL_LINES) });
    };
    child.on('error', (err) => done(null, `could not run ${TEST_COMMAND}: ${err.message}`));
    child.on('close', (code) => done(code));
  });
}

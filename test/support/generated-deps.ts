// The dependencies of generated projects, installed once per test run in a shared parent folder (node resolves
// upward, so every project rendered under it uses them). projects.test.ts and inbox-crash.test.ts both render their
// projects under sharedProjectRoot(): whichever runs first installs (about 10 s of download plus 2 min compiling
// better-sqlite3 on 2 cores), the other finds it done.
import { createServer } from 'node:net';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Manifest } from '../../generators/lib/manifest/types.js';
import { generateProject, projectContext } from './render-project.js';
import { renderPlannedFile } from '../../generators/lib/render/files.js';
import { appFiles } from '../../generators/lib/render/app-files.js';

export interface Run { code: number | null; out: string; ms: number }

export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 15 * 60_000): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, ms: performance.now() - started });
    });
  });
}

export const tail = (s: string, n = 60) => s.split('\n').slice(-n).join('\n');
export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The package.json every generated project has (the same for every manifest: the test checks it). */
function projectPackageJson(manifest: Manifest): Record<string, unknown> {
  const ctx = projectContext(manifest);
  const file = appFiles(ctx).find((f) => f.path === 'package.json')!;
  return JSON.parse(String(renderPlannedFile(file, ctx))) as Record<string, unknown>;
}

let shared: Promise<{ root: string; timings: string[] }> | undefined;

/**
 * A folder (under the run's temporary root, removed at the end) with the generated projects' dependencies
 * installed: `npm install --ignore-scripts` (generator-c7-app is a file: link to this checkout, already built; its
 * `prepare` would rebuild it), then better-sqlite3's native build on its own, timed. Installed once per process.
 */
export function sharedProjectRoot(manifest: Manifest): Promise<{ root: string; timings: string[] }> {
  shared ??= (async () => {
    const pkg = JSON.stringify({ ...projectPackageJson(manifest), name: 'c7-generated-projects' }, null, 2);
    // C7_GENERATED_ROOT: a folder kept between runs (while iterating); installed again only when the dependencies change.
    const kept = process.env.C7_GENERATED_ROOT;
    // (npm rewrites package.json as it installs: the dependencies are compared, not the text.)
    const deps = (text: string) => { const p = JSON.parse(text) as Record<string, unknown>; return JSON.stringify([p.dependencies, p.optionalDependencies, p.devDependencies]); };
    if (kept && existsSync(path.join(kept, 'node_modules')) && existsSync(path.join(kept, 'package.json')) && deps(readFileSync(path.join(kept, 'package.json'), 'utf8')) === deps(pkg)) {
      return { root: kept, timings: [`dependencies already installed in ${kept} (C7_GENERATED_ROOT)`] };
    }
    const root = kept ?? mkdtempSync(path.join(os.tmpdir(), 'c7-generated-'));
    mkdirSync(root, { recursive: true });
    const timings: string[] = [];
    writeFileSync(path.join(root, 'package.json'), pkg);
    const install = await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], root);
    if (install.code !== 0) throw new Error(`npm install failed:\n${tail(install.out)}`);
    timings.push(`npm install (download, no scripts): ${secs(install.ms)}`);
    const rebuild = await run('npm', ['rebuild', 'better-sqlite3', 'esbuild', '--loglevel=error'], root);
    if (rebuild.code !== 0) throw new Error(`building better-sqlite3 failed:\n${tail(rebuild.out)}`);
    timings.push(`npm rebuild better-sqlite3 (native build from source): ${secs(rebuild.ms)}`);
    return { root, timings };
  })();
  shared.catch(() => { shared = undefined; });
  return shared;
}

/** The dependencies a project's package.json asks for, to check it matches the shared install. */
export function dependencySignature(dir: string): string {
  const p = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  return JSON.stringify([p.dependencies, p.optionalDependencies, p.devDependencies]);
}

/** A free port on 127.0.0.1 (the OS picks it; the server that found it is closed again). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The Full Application example generated under the shared install as `name` (emptied first: a kept root has the last
 * run's), its Reservation Create handler replaced by one that runs `before` (a statement, e.g. an I/O delay or a
 * Commerce7 call), then appends the delivery key to $PROOF_FILE (one write per line), and built. For the tests that
 * start real instances and count what was handled.
 */
export async function buildProofApp(manifest: Manifest, name: string, before: string): Promise<{ dir: string; timings: string[] }> {
  const shared = await sharedProjectRoot(manifest);
  const dir = path.join(shared.root, name);
  rmSync(dir, { recursive: true, force: true });
  const project = generateProject(manifest, dir);
  if (dependencySignature(dir) !== dependencySignature(shared.root)) throw new Error(`${name}: its package.json asks for other dependencies than the shared install's`);
  const hook = project.ctx.webhooks.find((w) => w.object === 'Reservation' && w.action === 'Create')!;
  writeFileSync(path.join(dir, 'src/webhooks/handlers', `${hook.key}.ts`), [
    "import { appendFileSync } from 'node:fs';",
    "import { defineWebhookHandler } from '../types.js';",
    '',
    "export default defineWebhookHandler<'Reservation', 'Create'>(async (event) => {",
    `  ${before}`,
    '  appendFileSync(process.env.PROOF_FILE!, `${event.deliveryKey}\\n`);',
    '});',
    '',
  ].join('\n'));
  const build = await run('npm', ['run', 'build'], dir);
  if (build.code !== 0) throw new Error(`npm run build failed:\n${tail(build.out)}`);
  return { dir, timings: shared.timings };
}

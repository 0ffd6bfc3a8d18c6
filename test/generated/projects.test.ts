// The generator proves its output: it renders an Integration, a Private app and a Full Application (with and without
// --teach, plus one with hostile titles), installs their dependencies once in a shared parent folder (node resolves
// upward, so every project uses it), runs each project's own `npm test` (tsc, then node's test runner), then starts
// each server for real (`npm run build`, `node dist/main.js`) and drives an install, a webhook and API calls through
// the local Commerce7 emulator. Slow: minutes, mostly compiling better-sqlite3.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callAppInstall, callAppWebhook, startEmulator, type Emulator } from '../../generators/lib/emulator/index.js';
import type { Manifest } from '../../generators/lib/manifest/types.js';
import { EXAMPLE_MANIFESTS, ROOT } from '../support/paths.js';
import { generateProject, type RenderedProject } from '../support/render-project.js';
import { runCli } from '../support/cli.js';
import { dependencySignature, freePort, run, secs, sharedProjectRoot, tail } from '../support/generated-deps.js';

const SECRET = 'test-app-secret';
const BASIC_PASSWORD = 'test-basic-auth-password';
const NASTY = 'Bob\'s "Sync" `${process.exit(1)}` </script>';
const KEEP = process.env.C7_KEEP_GENERATED === '1';
/** Another Node to run a project's tests with (.ci/run installs Node 24 there): the engines range, proven. */
const OTHER_NODE = process.env.C7_OTHER_NODE;

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${tail(log())}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the app did not answer ${url} within 60 s:\n${tail(log())}`);
}

function loadExample(file: string): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** The Full Application example with hostile text wherever a user value lands in code. */
function hostileManifest(): Manifest {
  const m = loadExample(EXAMPLE_MANIFESTS[2]!);
  m.app.title = NASTY;
  m.app.companyName = NASTY;
  m.listing.summary = NASTY;
  m.permissions[0]!.reason = NASTY;
  m.clientSettings![0]!.title = NASTY;
  const radio = m.clientSettings!.find((s) => s.options)!;
  radio.options = [NASTY, 'plain'];
  m.extensions![0]!.title = NASTY;
  m.extensions![2]!.label = NASTY;
  return m;
}

/** Nothing optional: no permission, webhook, client setting or install URL (the code must still compile and pass). */
function bareManifest(): Manifest {
  const m = loadExample(EXAMPLE_MANIFESTS[1]!);
  m.permissions = [];
  delete m.webhooks;
  delete m.clientSettings;
  m.installation = { baseUrl: m.installation.baseUrl! };
  return m;
}

/** A Full Application with one permission that has no list, one Context Menu Action and nothing else. */
function bareFullApplication(): Manifest {
  const m = loadExample(EXAMPLE_MANIFESTS[2]!);
  m.permissions = [{ endpoint: 'Setting', access: 'read', reason: 'Reads the time zone.' }];
  m.webhooks = [];
  m.clientSettings = [];
  m.extensions = m.extensions!.filter((x) => x.type === 'Context Menu');
  return m;
}

const PROJECTS: Array<{ name: string; manifest: () => Manifest; teach: boolean; serve: boolean }> = [
  { name: 'integration', manifest: () => loadExample(EXAMPLE_MANIFESTS[0]!), teach: false, serve: true },
  { name: 'private', manifest: () => loadExample(EXAMPLE_MANIFESTS[1]!), teach: false, serve: true },
  { name: 'full-application', manifest: () => loadExample(EXAMPLE_MANIFESTS[2]!), teach: false, serve: true },
  { name: 'integration-teach', manifest: () => loadExample(EXAMPLE_MANIFESTS[0]!), teach: true, serve: false },
  { name: 'private-teach', manifest: () => loadExample(EXAMPLE_MANIFESTS[1]!), teach: true, serve: false },
  { name: 'full-application-teach', manifest: () => loadExample(EXAMPLE_MANIFESTS[2]!), teach: true, serve: false },
  { name: 'hostile-titles', manifest: hostileManifest, teach: true, serve: false },
  { name: 'bare-private', manifest: bareManifest, teach: true, serve: false },
  { name: 'bare-full-application', manifest: bareFullApplication, teach: false, serve: false },
];

describe('[slow] generated projects install, type-check, pass their tests and run', function () {
  this.timeout(40 * 60_000);
  const timings: string[] = [];
  let root: string;
  const rendered = new Map<string, RenderedProject>();

  before(async function () {
    this.timeout(30 * 60_000);
    assert.ok(existsSync(path.join(ROOT, 'dist/generators/lib/emulator/index.js')), 'the generated projects use the built emulator: run `npm run build` first');
    // The dependencies are installed once in the parent folder (shared with inbox-crash.test.ts); every project
    // must ask for exactly those.
    const shared = await sharedProjectRoot(loadExample(EXAMPLE_MANIFESTS[0]!));
    root = shared.root;
    timings.push(...shared.timings);
    for (const p of PROJECTS) {
      // Emptied first: a kept root (C7_GENERATED_ROOT) holds the last run's, scopes --add and npm run format included.
      rmSync(path.join(root, p.name), { recursive: true, force: true });
      rendered.set(p.name, generateProject(p.manifest(), path.join(root, p.name), { teach: p.teach }));
    }
    const want = dependencySignature(root);
    for (const r of rendered.values()) assert.equal(dependencySignature(r.dir), want, `${r.dir} shares the installed dependencies`);
  });

  after(function () {
    console.log(`\n    timings (${os.cpus().length} cores):\n${timings.map((t) => `      ${t}`).join('\n')}`);
    // The folder is under the run's temporary root (test/support/temp-root.ts), removed at the end unless kept.
    if (root && KEEP) console.log(`    kept in ${root}`);
  });

  // Node 24 is where better-sqlite3 12 aborts the process: the projects use node:sqlite there (sqlite-driver.ts).
  it('passes its npm test on another Node too (C7_OTHER_NODE, e.g. 24: node:sqlite instead of better-sqlite3)', async function () {
    if (!OTHER_NODE || !existsSync(OTHER_NODE)) {
      console.log('      no other Node to run with: set C7_OTHER_NODE to a node binary (.ci/run installs Node 24)');
      this.skip();
    }
    const dir = rendered.get('full-application')!.dir;
    const env = { PATH: `${path.dirname(OTHER_NODE)}${path.delimiter}${process.env.PATH}`, CI: 'true' };
    const res = await run('npm', ['test'], dir, env);
    const version = /SQLite storage \((\S+) on Node (v[\d.]+)\)/.exec(res.out);
    timings.push(`full-application on ${version?.[2] ?? OTHER_NODE}: npm test ${secs(res.ms)}`);
    assert.equal(res.code, 0, `npm test on ${OTHER_NODE} failed:\n${tail(res.out, 80)}`);
    assert.match(res.out, /ℹ fail 0/);
    assert.ok(version && version[2] !== process.version, `ran on another Node: ${version?.[0]}`);
  });

  it('reports no high or critical vulnerability (npm audit)', async function () {
    const audit = await run('npm', ['audit', '--json', '--audit-level=high'], root);
    let report: { metadata?: { vulnerabilities?: Record<string, number> }; message?: string; error?: { code?: string; summary?: string } };
    try {
      report = JSON.parse(audit.out.slice(audit.out.indexOf('{'))) as typeof report;
    } catch {
      report = {};
    }
    const v = report.metadata?.vulnerabilities;
    if (!v) {
      // The registry's audit endpoint did not answer (no network): that is not a finding.
      const why = report.message || /"message":\s*"([^"]+)"/.exec(audit.out)?.[1] || tail(audit.out, 3);
      console.log(`      npm audit could not run here: ${why}`);
      this.skip();
    }
    assert.equal((v.high ?? 0) + (v.critical ?? 0), 0, `npm audit: ${JSON.stringify(v)}`);
  });

  for (const p of PROJECTS) {
    describe(`${p.name}${p.teach ? ' (--teach)' : ''}`, () => {
      it('passes its own npm test (tsc --noEmit, then node --test)', async () => {
        const dir = rendered.get(p.name)!.dir;
        const res = await run('npm', ['test'], dir, { CI: 'true' });
        timings.push(`${p.name}: npm test ${secs(res.ms)}`);
        assert.equal(res.code, 0, `npm test failed in ${dir}:\n${tail(res.out, 80)}`);
        const pass = /ℹ pass (\d+)/.exec(res.out);
        assert.match(res.out, /ℹ fail 0/);
        assert.ok(pass && Number(pass[1]) >= 5, `few tests passed:\n${tail(res.out)}`);
        if (p.teach) assert.ok(existsSync(path.join(dir, 'TOUR.md')));
      });

      it('npm run lint is clean (ESLint, typescript-eslint)', async () => {
        const dir = rendered.get(p.name)!.dir;
        const res = await run('npm', ['run', 'lint'], dir, { CI: 'true' });
        timings.push(`${p.name}: npm run lint ${secs(res.ms)}`);
        assert.equal(res.code, 0, `npm run lint failed in ${dir}:\n${tail(res.out, 80)}`);
      });

      it('npm run format:check is clean (Prettier); npm run format then leaves every derived file in step', async () => {
        const { dir, files } = rendered.get(p.name)!;
        const check = await run('npm', ['run', 'format:check'], dir, { CI: 'true' });
        timings.push(`${p.name}: npm run format:check ${secs(check.ms)}`);
        assert.equal(check.code, 0, `npm run format:check failed in ${dir}:\n${tail(check.out, 80)}`);
        const derived = files.filter((f) => f.owner === 'derived').map((f) => f.path).filter((f) => existsSync(path.join(dir, f)));
        const before = new Map(derived.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
        const format = await run('npm', ['run', 'format'], dir, { CI: 'true' });
        assert.equal(format.code, 0, tail(format.out));
        for (const [f, text] of before) assert.equal(readFileSync(path.join(dir, f), 'utf8'), text, `${f}: npm run format left it as the generator wrote it`);
        const inStep = runCli(['scopes', '--check'], { cwd: dir });
        assert.equal(inStep.status, 0, `c7-app scopes --check after npm run format:\n${inStep.stdout}${inStep.stderr}`);
      });

      if (!p.serve) return;

      it('runs for real: an install, a webhook and API calls through the emulator', async () => {
        const project = rendered.get(p.name)!;
        const { dir } = project;
        const manifest = p.manifest();
        const build = await run('npm', ['run', 'build'], dir);
        assert.equal(build.code, 0, `npm run build failed:\n${tail(build.out)}`);
        timings.push(`${p.name}: npm run build ${secs(build.ms)}`);

        const emulator: Emulator = await startEmulator({ manifest, appSecret: SECRET, rateLimit: false });
        const port = await freePort();
        const appUrl = `http://127.0.0.1:${port}`;
        const child = spawn(process.execPath, ['dist/main.js'], {
          cwd: dir,
          env: {
            ...process.env, C7_APP_SECRET: SECRET, C7_BASIC_AUTH_PASSWORD: BASIC_PASSWORD, C7_API_BASE_URL: emulator.url,
            HOST: '127.0.0.1', PORT: String(port), DATABASE_PATH: path.join(dir, 'data', 'run.sqlite'), LOG_LEVEL: 'info',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let log = '';
        child.stdout!.on('data', (d: Buffer) => { log += d.toString(); });
        child.stderr!.on('data', (d: Buffer) => { log += d.toString(); });
        try {
          await waitForHealth(`${appUrl}/health`, child, () => log);
          const tenant = emulator.installedTenants()[0]!;
          const target = { manifest, emulator, appUrl, tenant, basicAuthPassword: BASIC_PASSWORD };

          const installed = await callAppInstall(target);
          assert.equal(installed?.status, 200, `install: ${installed?.body}`);
          assert.ok(existsSync(path.join(dir, 'data', 'run.sqlite')), 'the install is stored in SQLite');

          const hook = manifest.webhooks!.find((w) => w.action === 'Bulk Update') ?? manifest.webhooks![0]!;
          const before = emulator.requests.length;
          const delivered = await callAppWebhook({ ...target, object: hook.object, action: hook.action });
          assert.equal(delivered.status, 200, `webhook: ${delivered.body}`);
          assert.equal((delivered.json as { status?: string }).status, 'queued', delivered.body);
          // The worker runs the handler after the answer: the inbox drains.
          const until = Date.now() + 20_000;
          let health: { inbox?: { pending: number; dead: number } } = {};
          while (Date.now() < until) {
            health = await (await fetch(`${appUrl}/health`)).json() as typeof health;
            if (health.inbox?.pending === 0) break;
            await new Promise((r) => setTimeout(r, 100));
          }
          assert.deepEqual([health.inbox?.pending, health.inbox?.dead], [0, 0], `the inbox drained: ${JSON.stringify(health)}\n${tail(log)}`);
          if (hook.action === 'Bulk Update') {
            const calls = emulator.requests.slice(before);
            assert.ok(calls.some((c) => c.status === 200 && c.tenant === tenant), 'the app followed the callbackUrl through the emulator');
          }

          // An API call with the project's own client (credentials, tenant header, least-privilege guard).
          const ctx = project.ctx;
          assert.ok(ctx.apiExamples.permitted, 'every example has a permitted read');
          const script = [
            "import { Commerce7Client } from './src/commerce7/client.ts';",
            `const c7 = new Commerce7Client({ appId: ${JSON.stringify(manifest.app.id)}, appSecret: process.env.C7_APP_SECRET, baseUrl: process.env.C7_API_BASE_URL });`,
            `const body = await c7.forTenant(${JSON.stringify(tenant)}).get(${JSON.stringify(ctx.apiExamples.permitted.path)});`,
            `console.log('items', body[${JSON.stringify(ctx.apiExamples.permitted.listKey)}].length);`,
          ].join('\n');
          const call = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], dir, { C7_APP_SECRET: SECRET, C7_API_BASE_URL: emulator.url });
          assert.equal(call.code, 0, call.out);
          assert.match(call.out, /items \d+/);
          const last = emulator.requests.at(-1)!;
          assert.equal(last.status, 200);
          assert.equal(last.permission, `${ctx.apiExamples.permitted.permission}:read`);

          assert.ok(!log.includes(SECRET) && !log.includes(BASIC_PASSWORD), 'no secret in the app\u2019s log');
          // npm start logs pino's JSON lines (for a log platform), not the pretty lines of npm run dev.
          assert.match(log, /^\{"level":30,/m, tail(log));
        } finally {
          child.kill('SIGTERM');
          await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
          await emulator.stop();
        }
      });

      if (p.name === 'full-application') {
        it('npm run dev: the app against the emulator, installed on the dev tenant, its extension pages open', async () => {
          const { dir } = rendered.get(p.name)!;
          const port = await freePort();
          // EMULATOR_PORT=0: a free port; detached, so the whole group (npm, tsx watch, the app) can be stopped.
          const child = spawn('npm', ['run', 'dev'], {
            cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
            env: { ...process.env, PORT: String(port), EMULATOR_PORT: '0', DATABASE_PATH: path.join(dir, 'data', 'dev-test.sqlite') },
          });
          let out = '';
          child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
          child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
          try {
            const until = Date.now() + 90_000;
            while (!/Deliver a webhook/.test(out) && Date.now() < until && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
            assert.match(out, new RegExp(`App: http://127\\.0\\.0\\.1:${port} +\\(install: HTTP 200\\)`), tail(out));
            assert.match(out, /Commerce7 emulator: http:\/\/127\.0\.0\.1:\d+\/v1/);
            const page = /Extension [^:]+: (http:\/\/\S+account=\S+)/.exec(out);
            assert.ok(page, `an admin extension URL is printed:\n${tail(out)}`);
            const res = await fetch(page[1]!);
            const html = await res.text();
            assert.equal(res.status, 200, html);
            assert.match(html, /commerce7\.js/);
            // The app's own log lines are pretty-printed in dev (pino-pretty), not pino's JSON.
            const until2 = Date.now() + 10_000;
            while (!/\bINFO\b.*incoming request/.test(out) && Date.now() < until2) await new Promise((r) => setTimeout(r, 100));
            assert.match(out, /\bINFO\b.*incoming request/, tail(out));
            assert.doesNotMatch(out, /^\{"level":/m, 'no JSON log line in npm run dev');

            // The banner's commands paste as they are: they find this app and emulator, and its placeholder secret.
            const pasted = /^ {2}npx c7-app (emulate webhook .+)$/m.exec(out);
            if (pasted) {
              const words = pasted[1]!.match(/"[^"]*"|\S+/g)!.map((w) => w.replace(/^"|"$/g, ''));
              const hook = runCli(words, { cwd: dir, env: { C7_APP_SECRET: undefined, C7_BASIC_AUTH_PASSWORD: undefined, C7_API_BASE_URL: undefined } });
              assert.equal(hook.status, 0, hook.stdout + hook.stderr);
              assert.match(hook.stdout, new RegExp(`-> 200`));
            }

            // A second dev server on a port you chose says which variable moves it, without a stack trace (run without
            // `tsx watch`, which would wait for a change after the exit).
            const second = await run('npx', ['tsx', 'src/dev.ts'], dir, { PORT: String(port), EMULATOR_PORT: '0', DATABASE_PATH: path.join(dir, 'data', 'dev-test-2.sqlite') }, 60_000);
            assert.notEqual(second.code, 0);
            assert.match(second.out, new RegExp(`port ${port} is in use \\(PORT=${port}\\)`), tail(second.out));
            assert.doesNotMatch(second.out, /EADDRINUSE/);
          } finally {
            try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* already gone */ }
          }
        });
      }

      if (p.name !== 'integration') return;

      it('c7-app scopes: an added permission keeps it passing; a removal that breaks code is listed, not written', async () => {
        const { dir, ctx } = rendered.get(p.name)!;
        const added = runCli(['scopes', '--add', 'Note:read', '--reason', 'Shows staff notes next to each order', '--yes'], { cwd: path.join(dir, 'src') });
        assert.equal(added.status, 0, added.stdout + added.stderr);
        assert.match(added.stdout + added.stderr, /\+ Note +new, read +escalation/);
        assert.match(readFileSync(path.join(dir, 'src/commerce7/permissions.generated.ts'), 'utf8'), /Note/);
        const res = await run('npm', ['test'], dir, { CI: 'true' });
        assert.equal(res.code, 0, `npm test failed after scopes --add:\n${tail(res.out, 80)}`);
        // The re-rendered derived files come out formatted too.
        const formatted = await run('npm', ['run', 'format:check'], dir, { CI: 'true' });
        assert.equal(formatted.code, 0, `npm run format:check failed after scopes --add:\n${tail(formatted.out, 40)}`);

        // The project's own test calls the permitted example: removing its permission must be caught before writing.
        const used = ctx.apiExamples.permitted!.permission;
        const before = readFileSync(path.join(dir, 'c7-app.json'), 'utf8');
        const removed = runCli(['scopes', '--remove', used, '--yes'], { cwd: dir });
        const out = removed.stdout + removed.stderr;
        assert.match(out, new RegExp(`- ${used} +removed`));
        assert.match(out, /Code that will no longer type-check[\s\S]*test\/[\w.-]+\.ts:\d+:\d+/);
        assert.equal(removed.status, 0, out);
        assert.notEqual(readFileSync(path.join(dir, 'c7-app.json'), 'utf8'), before);
        const check = runCli(['scopes', '--check'], { cwd: dir });
        assert.equal(check.status, 0, check.stdout);
        const tsc = await run('npx', ['tsc', '--noEmit'], dir);
        assert.notEqual(tsc.code, 0, 'the code that used the removed permission no longer compiles');
        assert.match(tsc.out, /error TS/);
      });
    });
  }
});

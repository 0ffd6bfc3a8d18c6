// Benchmarks (not tests): wall time and peak memory of the c7-app commands, each run a fresh process as a user
// starts it. Run with `npm run bench`.
//
// CLI rows (issue #17): each command runs BENCH_RUNS times (default 9, at least 7), each run right after a bare
// `node -e 0`, so both see the same machine load; printed: the median and min-max of each, the ratio of the
// medians (the goal is stated as a ratio: the machine may be shared), and the peak resident memory and CPU time of
// another run of the same command with a probe (times are taken without it: see once()). `new` twice:
// from this checkout (which packs the generator into vendor/) and as a user installed from npm gets it (npm pack of
// this checkout, unpacked into a temporary folder: no vendor step). BENCH_ONLY=<regex> runs only the rows whose
// label matches. Anchors: create-vite (a devDependency of this package, so it is installed here) and, with
// BENCH_COMPARE=1, the same
// commands through Yeoman (C7_APP_YEOMAN=1) and through the unbundled tsc build. When NODE_EXTRA_CA_CERTS is set
// (Node then reads a CA file before running anything), every row is measured with it and again without it.
// BENCH_CLI=0 skips these rows; BENCH_NODE=/path/to/node measures another Node (e.g. /tmp/node24/node_modules/node24/bin/node), BENCH_BIN=/path/to/bin another build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_BIN: another build's bin to measure (e.g. an older checkout's dist/generators/cli.js), for a before/after.
const bin = process.env.BENCH_BIN ? path.resolve(process.env.BENCH_BIN) : path.join(root, 'dist/bin/c7-app.js');
const unbundled = path.join(root, 'dist/generators/cli.js');
const node = process.env.BENCH_NODE ?? process.execPath;
const runs = Math.max(7, Number(process.env.BENCH_RUNS ?? 9));
// Reports the child's peak resident memory and CPU time (user + system, less sensitive than wall time to a busy
// machine) on stderr when it exits.
const rssProbe = path.join(mkdtempSync(path.join(tmpdir(), 'c7-bench-probe-')), 'probe.cjs');
writeFileSync(rssProbe, "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\n@@maxrss=' + u.maxRSS + ' cpu=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });\n");

function largestExample() {
  const dirs = readdirSync(path.join(root, 'examples'));
  return dirs.map((d) => path.join(root, 'examples', d, 'c7-app.json')).sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

// BENCH_ONLY=<regex>: only the CLI rows whose label matches (e.g. BENCH_ONLY='^c7-app new' BENCH_WEBHOOKS=0).
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;

/**
 * The package as a user installs it (not a checkout: no generators/*.ts nor tsconfig.json, so `new` does not pack
 * the generator into vendor/): `npm pack` of this checkout (as built; no prepare) unpacked into a temporary folder,
 * its dependencies this checkout's node_modules (a symlink), as npm would resolve them. Made once per bench run.
 */
function installedCopy() {
  const dir = mkdtempSync(path.join(tmpdir(), 'c7-bench-installed-'));
  const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' });
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const tgz = path.join(dir, JSON.parse(packed.stdout)[0].filename);
  const untar = spawnSync('tar', ['xzf', tgz, '-C', dir], { encoding: 'utf8' });
  if (untar.status !== 0) throw new Error(`tar xzf ${tgz} failed:\n${untar.stderr}`);
  rmSync(tgz);
  const pkg = path.join(dir, 'package');
  symlinkSync(path.join(root, 'node_modules'), path.join(pkg, 'node_modules'), 'dir');
  if (existsSync(path.join(pkg, 'generators', 'cli.ts')) || existsSync(path.join(pkg, 'tsconfig.json'))) throw new Error(`${pkg} looks like a checkout`);
  return { bin: path.join(pkg, 'dist/bin/c7-app.js'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
let installed;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * One run of `node args` in `cwd`: wall ms; with `probe`, the peak MiB and CPU ms instead, read by a preloaded
 * exit hook. Times are never taken with the probe: it makes Node start its module loader, which a bare `node -e 0`
 * does not (+6 ms with --require, +15 ms with --import on this machine), and that made every ratio look smaller.
 */
function once(args, { env, okCodes = [0], cwd, probe = false } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(node, [...(probe ? ['--require', rssProbe] : []), ...args], { encoding: 'utf8', env: { ...env, NO_COLOR: '1' }, cwd, maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!okCodes.includes(r.status)) {
    console.error(`node ${args.join(' ')}: exit ${r.status}\n${r.stdout}\n${r.stderr}`);
    process.exit(1);
  }
  const m = /@@maxrss=(\d+) cpu=(\d+)/.exec(r.stderr);
  return { ms, mib: m ? Number(m[1]) / 1024 : NaN, cpu: m ? Number(m[2]) / 1000 : NaN };
}

const fmt = (xs) => `${median(xs).toFixed(0).padStart(5)} ms (${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)})`;

/** A row: the command interleaved with a bare `node -e 0`; `args(ctx)` gets what `setup()` made for the run. */
function row(label, args, { setup, env, okCodes, goal, cold } = {}) {
  if (only && !only.test(label)) return;
  const argsOf = (ctx) => (typeof args === 'function' ? args(ctx) : args);
  // `cold`: empties the caches a first run fills (the code cache; from a checkout, the packed generator), for one
  // run printed apart: what the first run after a build or an install costs. The runs measured below follow it.
  let first;
  if (cold) {
    const what = cold();
    const ctx = setup?.();
    first = { ...once(argsOf(ctx), { env, okCodes, cwd: ctx?.cwd, probe: true }), what };
    ctx?.cleanup?.();
  }
  const times = [];
  const bare = [];
  const rss = [];
  const cpu = [];
  const bareCpu = [];
  for (let i = 0; i < runs; i++) {
    bare.push(once(['-e', '0'], { env }).ms);
    bareCpu.push(once(['-e', '0'], { env, probe: true }).cpu);
    const ctx = setup?.();
    times.push(once(argsOf(ctx), { env, okCodes, cwd: ctx?.cwd }).ms);
    ctx?.cleanup?.();
    // The same run again with the probe, for its memory and CPU.
    const ctx2 = setup?.();
    const r = once(argsOf(ctx2), { env, okCodes, cwd: ctx2?.cwd, probe: true });
    ctx2?.cleanup?.();
    rss.push(r.mib);
    cpu.push(r.cpu);
  }
  const ratio = median(times) / median(bare);
  const ok = goal ? ((goal.ratio === undefined || ratio <= goal.ratio) && (goal.ms === undefined || median(times) <= goal.ms) && (goal.mib === undefined || Math.max(...rss) <= goal.mib) ? '  ok' : '  MISSED') : '';
  const goalText = goal ? `  goal ${[goal.ms && `<= ${goal.ms} ms`, goal.ratio && `<= ${goal.ratio}x`, goal.mib && `<= ${goal.mib} MiB`].filter(Boolean).join(', ')}${ok}` : '';
  console.log(`${label.padEnd(50)} ${fmt(times)}  node -e 0 ${fmt(bare)}  ${ratio.toFixed(1).padStart(5)}x  peak ${Math.max(...rss).toFixed(0).padStart(4)} MiB  cpu ${median(cpu).toFixed(0)} ms (${(median(cpu) / median(bareCpu)).toFixed(1)}x)${goalText}`);
  if (first) console.log(`${'  its first run, caches empty'.padEnd(50)} ${first.ms.toFixed(0).padStart(5)} ms  peak ${first.mib.toFixed(0).padStart(4)} MiB  cpu ${first.cpu.toFixed(0)} ms  (${first.what})`);
}

// The code cache of `c7-app new` (generators/lib/code-cache.ts) in a folder of the bench's own, so a row can empty it.
const codeCache = mkdtempSync(path.join(tmpdir(), 'c7-bench-code-cache-'));
const emptyCodeCache = () => { rmSync(codeCache, { recursive: true, force: true }); mkdirSync(codeCache, { recursive: true }); };

/** A fresh empty parent folder per run; the command writes `app` in it. */
const freshParent = () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'c7-bench-'));
  return { cwd: parent, dir: path.join(parent, 'app'), cleanup: () => rmSync(parent, { recursive: true, force: true }) };
};

function cliRows(env) {
  env = { ...env, C7_APP_CODE_CACHE: codeCache };
  const example = largestExample();
  const fullApp = path.join(root, 'examples/tasting-room-full-app');
  // A manifest that is none of the bundled examples (another title, permissions and webhooks): the files that depend
  // on the manifest are new to every cache.
  const other = path.join(tmpdir(), `c7-bench-answers-${process.pid}.json`);
  const m = JSON.parse(readFileSync(path.join(fullApp, 'c7-app.json'), 'utf8'));
  m.app.title = 'Cellar Door Bench'; m.app.id = 'cellar-door-bench';
  m.permissions = [...m.permissions.filter((p) => p.endpoint !== 'Tag'), { endpoint: 'Club', access: 'read', reason: 'Shows the club of each guest' }];
  writeFileSync(other, JSON.stringify(m, null, 2));
  const newArgs = (cli, extra) => (ctx) => [cli, 'new', ctx.dir, ...extra, '--skip-install'];

  // The packed generator's cache of the checkout `bin` belongs to (lib/generator-vendor.ts): under the package's
  // root, the nearest package.json with a name (dist/bin/package.json only says the type).
  const named = (dir) => { try { return Boolean(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).name); } catch { return false; } };
  let pkgRoot = path.dirname(bin);
  while (!named(pkgRoot) && path.dirname(pkgRoot) !== pkgRoot) pkgRoot = path.dirname(pkgRoot);
  const packCache = path.join(pkgRoot, 'node_modules', '.cache', 'generator-c7-app');
  const coldCheckout = () => { emptyCodeCache(); rmSync(packCache, { recursive: true, force: true }); return 'code cache, packed generator'; };
  row('c7-app new x --example --skip-install (checkout)', newArgs(bin, ['--example']), { setup: freshParent, env, goal: { ms: 250, mib: 80 }, cold: coldCheckout });
  // From a checkout, `new` also packs the generator into vendor/; a user installed from npm has no such step.
  if (!process.env.BENCH_BIN && (!only || only.test('c7-app new x --example --skip-install (installed)'))) {
    installed ??= installedCopy();
    row('c7-app new x --example --skip-install (installed)', newArgs(installed.bin, ['--example']), { setup: freshParent, env, goal: { ms: 250, mib: 80 }, cold: () => { emptyCodeCache(); return 'code cache'; } });
  }
  row('c7-app new x --answers <not an example>', newArgs(bin, ['--answers', other]), { setup: freshParent, env });
  row(`c7-app validate ${path.relative(root, example)}`, [bin, 'validate', example], { env, goal: { ratio: 2.5 } });
  row(`c7-app check --ci ${path.relative(root, fullApp)}`, [bin, 'check', '--ci', fullApp], { env, okCodes: [1], goal: { ratio: 3.5 } });
  // Where users run it: in the project `new` wrote (its CI runs `c7-app check --ci`), with its ~45 source files.
  if (!only || only.test('c7-app check --ci (a project new wrote)')) {
    const made = freshParent();
    const r = spawnSync(node, [bin, 'new', made.dir, '--example', '--skip-install'], { cwd: made.cwd, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench: new failed: ${r.stderr}`);
    row('c7-app check --ci (a project new wrote)', [bin, 'check', '--ci', made.dir], { env, okCodes: [1], goal: { ratio: 3.5 } });
    made.cleanup();
  }
  const createVite = path.join(root, 'node_modules/create-vite/index.js');
  if (existsSync(createVite)) row('create-vite x --template vanilla-ts (anchor)', (ctx) => [createVite, 'app', '--template', 'vanilla-ts'], { setup: freshParent, env });
  else console.log('create-vite (anchor): not installed (npm install in this checkout installs it: a devDependency)');
  if (process.env.BENCH_COMPARE === '1') {
    row('  through Yeoman: new x --example (C7_APP_YEOMAN=1)', newArgs(bin, ['--example']), { setup: freshParent, env: { ...env, C7_APP_YEOMAN: '1' } });
    row('  unbundled (tsc build): new x --example', newArgs(unbundled, ['--example']), { setup: freshParent, env });
    row('  unbundled (tsc build): validate', [unbundled, 'validate', example], { env });
    row('  unbundled (tsc build): check --ci', [unbundled, 'check', '--ci', fullApp], { env, okCodes: [1] });
  }
  rmSync(other, { force: true });
}

if (process.env.BENCH_CLI !== '0') {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`node ${version} (${node}), ${runs} runs each, each after a bare node -e 0, times without a probe; median (min-max)\n`);
  const { NODE_EXTRA_CA_CERTS: ca, ...withoutCa } = process.env;
  if (ca) {
    console.log(`with NODE_EXTRA_CA_CERTS=${ca} (Node reads it at start):`);
    cliRows(process.env);
    console.log('\nwithout NODE_EXTRA_CA_CERTS (as on a user\u2019s machine):');
  }
  cliRows(withoutCa);
  installed?.cleanup();
}
rmSync(codeCache, { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------------------------
// Webhook ack path of a generated app (the Full Application example, `node dist/main.js`) beside a bare Fastify
// route answering the same body, on loopback, in the same run: deliveries/s and p50/p99 of the answer. Each
// delivery is distinct, so each is a new row in the inbox (one SQLite transaction); the app's worker runs the
// handlers at the same time, as it would in production. The app is rendered with the generator's own plan and
// installed once in a cache folder (BENCH_APP_DIR, default $TMPDIR/c7-bench-app: the first run downloads the
// dependencies and, on Node 20, compiles better-sqlite3, a few minutes); later runs reuse it. BENCH_WEBHOOKS=0 skips.
await benchWebhooks();

async function benchWebhooks() {
  const total = Number(process.env.BENCH_WEBHOOKS ?? 8000);
  if (!total) return;
  const { createRequire } = await import('node:module');
  const { existsSync, mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
  const { spawn } = await import('node:child_process');
  const http = await import('node:http');
  const { appFiles } = await import('../dist/generators/lib/render/app-files.js');
  const { buildContext } = await import('../dist/generators/lib/render/context.js');
  const { renderPlannedFile } = await import('../dist/generators/lib/render/files.js');
  const { startEmulator, callAppInstall, basicAuthHeader } = await import('../dist/generators/lib/emulator/index.js');

  const cache = process.env.BENCH_APP_DIR ?? path.join(tmpdir(), 'c7-bench-app');
  const dir = path.join(cache, 'app');
  const manifest = JSON.parse(readFileSync(path.join(root, 'examples/tasting-room-full-app/c7-app.json'), 'utf8'));
  const ctx = buildContext(manifest, { teach: false, generator: { name: 'generator-c7-app', version: '0.0.0-bench', dependency: `file:${root}` } });
  mkdirSync(dir, { recursive: true });
  for (const file of appFiles(ctx)) {
    const target = path.join(dir, ...file.path.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, renderPlannedFile(file, ctx));
  }
  const { $schema: _s, ...rest } = manifest;
  writeFileSync(path.join(dir, 'c7-app.json'), JSON.stringify(rest, null, 2));
  const sh = (cmd, args, cwd) => {
    const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
    if (r.status !== 0) { console.error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`); process.exit(1); }
  };
  const pkg = readFileSync(path.join(dir, 'package.json'), 'utf8');
  if (!existsSync(path.join(cache, 'node_modules')) || readFileSync(path.join(cache, 'package.json'), 'utf8') !== pkg) {
    console.log(`\ninstalling the generated app's dependencies in ${cache} (once)...`);
    writeFileSync(path.join(cache, 'package.json'), pkg);
    sh('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], cache);
    sh('npm', ['rebuild', 'better-sqlite3', '--loglevel=error'], cache);
  }
  sh(path.join(cache, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], dir);
  writeFileSync(path.join(cache, 'bare.mjs'), [
    "import Fastify from 'fastify';",
    '// The bare route: Fastify parsing the same JSON body and answering the same shape, nothing else.',
    "const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });",
    "app.post(process.env.ROUTE, async (req) => ({ status: 'queued', deliveryKey: String(req.body.payload.id) }));",
    "await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });",
  ].join('\n'));

  const secret = 'bench-app-secret';
  const password = 'bench-basic-auth-password';
  const hook = manifest.webhooks.find((w) => w.action === 'Create');
  const auth = basicAuthHeader(manifest.installation.basicAuth.username, password);
  const emulator = await startEmulator({ manifest, appSecret: secret, rateLimit: false });
  const tenant = emulator.installedTenants()[0];
  let port = 39_300 + Math.floor(Math.random() * 500);
  let seq = 0;

  async function serve(kind, logLevel) {
    port += 1;
    const dbDir = path.join(cache, 'data');
    mkdirSync(dbDir, { recursive: true });
    const env = {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', ROUTE: hook.url, C7_APP_SECRET: secret, C7_BASIC_AUTH_PASSWORD: password,
      C7_API_BASE_URL: emulator.url, DATABASE_PATH: path.join(dbDir, `bench-${process.pid}-${port}.sqlite`), LOG_LEVEL: logLevel,
    };
    const child = kind === 'bare'
      ? spawn(process.execPath, [path.join(cache, 'bare.mjs')], { cwd: cache, env, stdio: ['ignore', 'ignore', 'inherit'] })
      : spawn(process.execPath, ['dist/main.js'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 300; i++) {
      try { await fetch(kind === 'bare' ? `${url}/` : `${url}/health`); break; } catch { await new Promise((r) => setTimeout(r, 50)); }
    }
    if (kind === 'app') {
      const installed = await callAppInstall({ manifest, emulator, appUrl: url, tenant, basicAuthPassword: password });
      if (installed?.status !== 200) throw new Error(`install failed: ${installed?.status} ${installed?.body}`);
    }
    return { url, child, db: env.DATABASE_PATH };
  }

  function load(url, count, concurrency = 32) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    const times = [];
    let next = 0;
    let failed = 0;
    const one = () => new Promise((resolve) => {
      const body = JSON.stringify({ object: hook.object, action: hook.action, tenantId: tenant, user: 'host@vineyardlabs.test', payload: { id: `bench-${process.pid}-${++seq}`, guests: 2, startAt: '2025-06-01T18:00:00.000Z' } });
      const t0 = process.hrtime.bigint();
      const req = http.request(`${url}${hook.url}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: auth } }, (res) => {
        res.resume();
        res.on('end', () => { if (res.statusCode !== 200) failed += 1; times.push(Number(process.hrtime.bigint() - t0) / 1e6); resolve(); });
      });
      req.on('error', () => { failed += 1; resolve(); });
      req.end(body);
    });
    const t0 = process.hrtime.bigint();
    return Promise.all(Array.from({ length: concurrency }, async () => { while (next++ < count) await one(); })).then(() => {
      const secs = Number(process.hrtime.bigint() - t0) / 1e9;
      agent.destroy();
      const sorted = times.sort((a, b) => a - b);
      const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
      return { perSec: count / secs, p50: pct(0.5), p99: pct(0.99), failed };
    });
  }

  const stop = (child) => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); });
  console.log(`\nwebhook ack on loopback (${total} distinct deliveries, 32 at a time, after ${Math.min(1000, total)} to warm up; the client shares the machine):`);
  const results = {};
  const rounds = Number(process.env.BENCH_WEBHOOK_ROUNDS ?? 3);
  for (let round = 1; round <= rounds; round++) {
    for (const [label, kind, level] of [['bare Fastify route', 'bare', 'warn'], ['generated app, LOG_LEVEL=warn', 'app', 'warn'], ['generated app, LOG_LEVEL=info', 'app', 'info']]) {
      const { url, child, db } = await serve(kind, level);
      await load(url, Math.min(1000, total));
      const r = await load(url, total);
      let drained = '';
      if (kind === 'app') {
        const t0 = Date.now();
        for (;;) {
          const h = await (await fetch(`${url}/health`)).json();
          if (h.inbox.pending === 0) break;
          await new Promise((res) => setTimeout(res, 50));
        }
        drained = `   inbox drained ${((Date.now() - t0) / 1000).toFixed(1)} s after the last answer`;
      }
      await stop(child);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
      (results[label] ??= []).push(r);
      console.log(`  round ${round}  ${label.padEnd(32)} ${r.perSec.toFixed(0).padStart(6)} deliveries/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms${r.failed ? `   ${r.failed} failed` : ''}${drained}`);
    }
  }
  await emulator.stop();
  // The machine may be shared: the median of the rounds, and the best, each against the bare route's.
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const of = (label, f) => f(results[label].map((r) => r.perSec));
  for (const label of ['generated app, LOG_LEVEL=warn', 'generated app, LOG_LEVEL=info']) {
    const m = of(label, median) / of('bare Fastify route', median);
    const b = of(label, (xs) => Math.max(...xs)) / of('bare Fastify route', (xs) => Math.max(...xs));
    console.log(`  ${label}: ${(100 * m).toFixed(0)}% of the bare route's deliveries/s (median of ${rounds}; best ${(100 * b).toFixed(0)}%; target >= 50%)`);
  }
}

// PostgreSQL: 1, 2 and 3 instances on one database, beside 1 on SQLite (scripts/bench-postgres.mjs; needs TEST_DATABASE_URL).
const { benchPostgres } = await import('./bench-postgres.mjs');
await benchPostgres(root);

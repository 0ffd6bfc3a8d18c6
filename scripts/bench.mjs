// Benchmarks (not tests): median wall time and peak memory of the c7-app commands, over several runs.
// Run with `npm run bench`. Each run is a fresh process, as a user would start it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/generators/cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
// Reports the child's peak resident memory on stderr when it exits.
const rssProbe = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\n@@maxrss='+process.resourceUsage().maxRSS+'\\n'))`;

function largestExample() {
  const dirs = readdirSync(path.join(root, 'examples'));
  return dirs.map((d) => path.join(root, 'examples', d, 'c7-app.json')).sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

function measure(label, args, { target, setup, bare, env = process.env } = {}) {
  const times = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    const ctx = setup?.();
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', rssProbe, ...(bare ? [] : [cli]), ...(typeof args === 'function' ? args(ctx) : args)], { encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const m = /@@maxrss=(\d+)/.exec(r.stderr);
    if (m) rss.push(Number(m[1]) / 1024);
    if (r.status !== 0 && !(target?.okCodes ?? []).includes(r.status)) {
      console.error(`${label}: exit ${r.status}\n${r.stdout}\n${r.stderr}`);
      process.exit(1);
    }
    ctx?.cleanup?.();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const line = `${label.padEnd(44)} median ${median(times).toFixed(0).padStart(5)} ms   peak ${Math.max(...rss).toFixed(0).padStart(4)} MiB   (${runs} runs${target ? `; target < ${target.ms} ms, < ${target.mib ?? '-'} MiB` : ''})`;
  console.log(line);
}

console.log(`node ${process.version}, ${runs} runs each\n`);
measure('node -e 0 (an empty process, for reference)', ['-e', '0'], { bare: true });
const example = largestExample();
const validateArgs = ['validate', example];
measure(`c7-app validate ${path.relative(root, example)}`, validateArgs, { target: { ms: 150, mib: 80 } });

// `c7-app new --example --skip-install` into an empty folder (the README's main job, without npm install).
measure('c7-app new --example --skip-install', (ctx) => ['new', ctx.dir, '--example', '--skip-install'], {
  target: { ms: 1000 },
  setup: () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'c7-bench-'));
    return { dir: path.join(parent, 'app'), cleanup: () => rmSync(parent, { recursive: true, force: true }) };
  },
});
// c7-app check on the Full Application example: --ci writes nothing (it exits 1: the example's .test domains and
// absent extension pages fail their items, which is what it should say).
measure('c7-app check --ci examples/tasting-room-full-app', ['check', '--ci', path.join(root, 'examples/tasting-room-full-app')], { target: { ms: 300, mib: 100, okCodes: [1] } });

// NODE_EXTRA_CA_CERTS makes Node read and parse a CA file before running anything (about 50 ms on the machine where
// this was found). When it is set, the short commands are measured again without it, to show Node's part apart.
if (process.env.NODE_EXTRA_CA_CERTS) {
  const { NODE_EXTRA_CA_CERTS: _ca, ...bare } = process.env;
  console.log(`\nagain without NODE_EXTRA_CA_CERTS (set here to ${process.env.NODE_EXTRA_CA_CERTS}; Node loads it at start):`);
  measure('node -e 0', ['-e', '0'], { bare: true, env: bare });
  measure(`c7-app validate ${path.relative(root, example)}`, validateArgs, { target: { ms: 150, mib: 80 }, env: bare });
  measure('c7-app check --ci examples/tasting-room-full-app', ['check', '--ci', path.join(root, 'examples/tasting-room-full-app')], { target: { ms: 300, mib: 100, okCodes: [1] }, env: bare });
}

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

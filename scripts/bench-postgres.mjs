// `npm run bench`, PostgreSQL section: what one more instance buys. The generated app (the Full Application example,
// `node dist/main.js`) as 1, 2 and 3 instances on one PostgreSQL, in the same run, beside 1 instance on SQLite: the
// deliveries are spread round-robin over the instances (a load balancer), 32 at a time, each distinct (a new inbox
// row); printed: acknowledged deliveries/s with p50/p99 of the answer, and handled/s (first send to an empty inbox:
// the workers of every instance running the example's handler, which logs and calls nothing).
// Needs TEST_DATABASE_URL (or BENCH_DATABASE_URL): scripts/pg-test-server.sh start, then
//   TEST_DATABASE_URL="$(scripts/pg-test-server.sh url)" npm run bench
// Each count runs in a schema of its own, dropped afterwards. BENCH_PG_WEBHOOKS (default 6000; 0 skips).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir, cpus } from 'node:os';
import path from 'node:path';

export async function benchPostgres(root) {
  const total = Number(process.env.BENCH_PG_WEBHOOKS ?? 6000);
  if (!total) return;
  const databaseUrl = process.env.BENCH_DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim();
  console.log('\nseveral instances on PostgreSQL (webhook ack and handling, same machine, same run):');
  if (!databaseUrl) {
    console.log('  skipped: set TEST_DATABASE_URL (scripts/pg-test-server.sh start; export TEST_DATABASE_URL="$(scripts/pg-test-server.sh url)")');
    return;
  }
  const { appFiles } = await import('../dist/generators/lib/render/app-files.js');
  const { buildContext } = await import('../dist/generators/lib/render/context.js');
  const { renderPlannedFile } = await import('../dist/generators/lib/render/files.js');
  const { startEmulator, callAppInstall, basicAuthHeader } = await import('../dist/generators/lib/emulator/index.js');

  // The same cached app folder as the SQLite ack benchmark (BENCH_APP_DIR).
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
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  };
  const pkg = readFileSync(path.join(dir, 'package.json'), 'utf8');
  if (!existsSync(path.join(cache, 'node_modules')) || !existsSync(path.join(cache, 'package.json')) || readFileSync(path.join(cache, 'package.json'), 'utf8') !== pkg) {
    console.log(`  installing the generated app's dependencies in ${cache} (once)...`);
    writeFileSync(path.join(cache, 'package.json'), pkg);
    sh('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], cache);
    sh('npm', ['rebuild', 'better-sqlite3', '--loglevel=error'], cache);
  }
  sh(path.join(cache, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], dir);

  const secret = 'bench-app-secret';
  const password = 'bench-basic-auth-password';
  const hook = manifest.webhooks.find((w) => w.action === 'Create');
  const auth = basicAuthHeader(manifest.installation.basicAuth.username, password);
  const emulator = await startEmulator({ manifest, appSecret: secret, rateLimit: false });
  const tenant = emulator.installedTenants()[0];
  let port = 40_300 + Math.floor(Math.random() * 500);
  let seq = 0;

  const start = async (env) => {
    port += 1;
    const child = spawn(process.execPath, ['dist/main.js'], {
      cwd: dir, stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', C7_APP_SECRET: secret, C7_BASIC_AUTH_PASSWORD: password, C7_API_BASE_URL: emulator.url, LOG_LEVEL: 'warn', ...env },
    });
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 400; i++) {
      try { if ((await fetch(`${url}/health`)).ok) break; } catch { /* not yet */ }
      await new Promise((r) => setTimeout(r, 50));
    }
    return { url, child };
  };
  const stop = (child) => new Promise((r) => { if (child.exitCode !== null) r(); else { child.once('exit', r); child.kill('SIGTERM'); } });

  function load(urls, count, concurrency = 32) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    const times = [];
    let next = 0;
    let failed = 0;
    const one = (i) => new Promise((resolve) => {
      const body = JSON.stringify({ object: hook.object, action: hook.action, tenantId: tenant, user: 'host@vineyardlabs.test', payload: { id: `pg-bench-${process.pid}-${++seq}`, guests: 2 } });
      const t0 = process.hrtime.bigint();
      const req = http.request(`${urls[i % urls.length]}${hook.url}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: auth } }, (res) => {
        res.resume();
        res.on('end', () => { if (res.statusCode !== 200) failed += 1; times.push(Number(process.hrtime.bigint() - t0) / 1e6); resolve(); });
      });
      req.on('error', () => { failed += 1; resolve(); });
      req.end(body);
    });
    const t0 = process.hrtime.bigint();
    return Promise.all(Array.from({ length: concurrency }, async () => { for (let i; (i = next++) < count;) await one(i); })).then(() => {
      const secs = Number(process.hrtime.bigint() - t0) / 1e9;
      agent.destroy();
      const sorted = times.sort((a, b) => a - b);
      const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
      return { perSec: count / secs, p50: pct(0.5), p99: pct(0.99), failed, secs };
    });
  }

  const drained = async (url) => {
    for (;;) {
      const h = await (await fetch(`${url}/health`)).json();
      if (h.inbox.pending === 0) return;
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  const dropSchema = (schema) => spawnSync(process.execPath, ['-e', `const pg=require('pg');const c=new pg.Client({connectionString:process.env.DATABASE_URL});c.connect().then(()=>c.query('DROP SCHEMA IF EXISTS "${schema}" CASCADE')).finally(()=>c.end())`], { cwd: dir, env: { ...process.env, DATABASE_URL: databaseUrl } });

  const rounds = Number(process.env.BENCH_PG_ROUNDS ?? 2);
  const configs = [['1 instance, SQLite', 'sqlite', 1], ['1 instance, PostgreSQL', 'pg', 1], ['2 instances, PostgreSQL', 'pg', 2], ['3 instances, PostgreSQL', 'pg', 3]];
  const results = {};
  console.log(`  ${total} distinct deliveries per run, 32 at a time spread round-robin, after 500 to warm up; ${cpus().length} cores shared with the client, the emulator and PostgreSQL`);
  for (let round = 1; round <= rounds; round++) {
    for (const [label, kind, n] of configs) {
      const schema = `bench_${randomBytes(4).toString('hex')}`;
      const db = path.join(cache, 'data', `pg-bench-${process.pid}-${round}.sqlite`);
      mkdirSync(path.dirname(db), { recursive: true });
      const env = kind === 'pg' ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema } : { DATABASE_PATH: db };
      // Started one after the other: the first migrates, the others find it done.
      const instances = [];
      for (let i = 0; i < n; i++) instances.push(await start(env));
      const installed = await callAppInstall({ manifest, emulator, appUrl: instances[0].url, tenant, basicAuthPassword: password });
      if (installed?.status !== 200) throw new Error(`install failed: ${installed?.status} ${installed?.body}`);
      const urls = instances.map((x) => x.url);
      await load(urls, 500);
      await drained(urls[0]);
      const t0 = Date.now();
      const r = await load(urls, total);
      await drained(urls[0]);
      r.handledPerSec = total / ((Date.now() - t0) / 1000);
      await Promise.all(instances.map((x) => stop(x.child)));
      if (kind === 'pg') dropSchema(schema);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
      (results[label] ??= []).push(r);
      console.log(`  round ${round}  ${label.padEnd(26)} ${r.perSec.toFixed(0).padStart(6)} acked/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(7)} ms   ${r.handledPerSec.toFixed(0).padStart(6)} handled/s${r.failed ? `   ${r.failed} failed` : ''}`);
    }
  }
  await emulator.stop();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`  median of ${rounds} rounds:`);
  for (const [label] of configs) {
    const rs = results[label];
    console.log(`    ${label.padEnd(26)} ${median(rs.map((r) => r.perSec)).toFixed(0).padStart(6)} acked/s   p99 ${median(rs.map((r) => r.p99)).toFixed(2).padStart(7)} ms   ${median(rs.map((r) => r.handledPerSec)).toFixed(0).padStart(6)} handled/s`);
  }
}

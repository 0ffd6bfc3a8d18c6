// The generated app's webhook inbox on a real process: the Full Application example, built and started with
// `node dist/main.js`, a handler with I/O delay that appends event.deliveryKey to a file, 2,000 distinct deliveries
// sent concurrently, the server SIGKILLed mid-burst three times and restarted, everything not acknowledged sent
// again, the inbox drained: every key must be in the file (at least once). How many ran twice is printed.
// Slow (it builds a project); the dependencies are the shared install of projects.test.ts (generated-deps.ts).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { basicAuthHeader, callAppInstall, startEmulator, type Emulator } from '../../generators/lib/emulator/index.js';
import type { Manifest } from '../../generators/lib/manifest/types.js';
import { EXAMPLE_MANIFESTS, ROOT } from '../support/paths.js';
import { buildProofApp, freePort, secs, tail } from '../support/generated-deps.js';

const SECRET = 'test-app-secret';
const BASIC_PASSWORD = 'test-basic-auth-password';
const DELIVERIES = Number(process.env.C7_CRASH_DELIVERIES ?? 2000);
const KILLS = 3;
const SENDERS = 64;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('[slow] generated app: no webhook is lost when the server is killed mid-burst', function () {
  this.timeout(10 * 60_000);
  let dir: string;
  let manifest: Manifest;
  let installTimings: string[] = [];

  before(async function () {
    this.timeout(30 * 60_000);
    assert.ok(existsSync(path.join(ROOT, 'dist/generators/lib/emulator/index.js')), 'run `npm run build` first');
    manifest = JSON.parse(readFileSync(EXAMPLE_MANIFESTS[2]!, 'utf8')) as Manifest;
    // The handler under test: an I/O delay, then the delivery key appended to a file.
    ({ dir, timings: installTimings } = await buildProofApp(manifest, 'inbox-crash', 'await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));'));
  });

  it(`runs every one of ${DELIVERIES} deliveries at least once across ${KILLS} SIGKILLs`, async () => {
    const started = Date.now();
    const emulator: Emulator = await startEmulator({ manifest, appSecret: SECRET, rateLimit: false });
    const tenant = emulator.installedTenants()[0]!;
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    const proof = path.join(dir, 'data', 'handled.txt');
    const env = {
      ...process.env, C7_APP_SECRET: SECRET, C7_BASIC_AUTH_PASSWORD: BASIC_PASSWORD, C7_API_BASE_URL: emulator.url,
      HOST: '127.0.0.1', PORT: String(port), DATABASE_PATH: path.join(dir, 'data', 'crash.sqlite'), LOG_LEVEL: 'warn',
      PROOF_FILE: proof, WEBHOOK_CONCURRENCY: '16', WEBHOOK_LEASE_MS: '2000', WEBHOOK_POLL_MS: '100',
    };
    let log = '';
    let child: ChildProcess | undefined;
    const start = async () => {
      child = spawn(process.execPath, ['dist/main.js'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout!.on('data', (d: Buffer) => { log += d.toString(); });
      child.stderr!.on('data', (d: Buffer) => { log += d.toString(); });
      const until = Date.now() + 60_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${tail(log)}`);
        try {
          if ((await fetch(`${appUrl}/health`, { signal: AbortSignal.timeout(1000) })).ok) return;
        } catch { /* not up yet */ }
        if (Date.now() > until) throw new Error(`the app did not start:\n${tail(log)}`);
        await sleep(50);
      }
    };
    const exited = (c: ChildProcess) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)));
    const handledLines = () => (existsSync(proof) ? readFileSync(proof, 'utf8').split('\n').filter((l) => /^[0-9a-f]{64}$/.test(l)) : []);

    const hook = manifest.webhooks!.find((w) => w.object === 'Reservation' && w.action === 'Create')!;
    const url = `${appUrl}${hook.url}`;
    const authorization = basicAuthHeader(manifest.installation.basicAuth!.username, BASIC_PASSWORD);
    const bodies = Array.from({ length: DELIVERIES }, (_, i) => JSON.stringify({
      object: 'Reservation', action: 'Create', tenantId: tenant, user: 'host@vineyardlabs.test',
      payload: { id: `reservation-${i}`, guests: 1 + (i % 6), startAt: new Date(Date.UTC(2025, 5, 1) + i * 60_000).toISOString() },
    }));
    const keyOf = new Map<number, string>();
    const statuses = new Map<string, number>();

    /** Sends each unacknowledged delivery once; `onAck` may kill the server part-way. */
    async function burst(onAck?: (acksThisBurst: number) => void): Promise<number> {
      const todo = bodies.map((_, i) => i).filter((i) => !keyOf.has(i));
      let next = 0;
      let acks = 0;
      await Promise.all(Array.from({ length: SENDERS }, async () => {
        while (next < todo.length) {
          const i = todo[next++]!;
          try {
            const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: bodies[i], signal: AbortSignal.timeout(10_000) });
            const body = await res.json() as { status?: string; deliveryKey?: string };
            if (res.status === 200 && body.deliveryKey && (body.status === 'queued' || body.status === 'duplicate')) {
              keyOf.set(i, body.deliveryKey);
              statuses.set(body.status, (statuses.get(body.status) ?? 0) + 1);
              acks += 1;
              onAck?.(acks);
            }
          } catch { /* the server is gone: not acknowledged, sent again in the next burst */ }
        }
      }));
      return acks;
    }

    const rounds: string[] = [];
    let unfinishedAtKills = 0;
    try {
      await start();
      const installed = await callAppInstall({ manifest, emulator, appUrl, tenant, basicAuthPassword: BASIC_PASSWORD });
      assert.equal(installed?.status, 200, installed?.body);

      for (let k = 0; k < KILLS; k++) {
        const target = Math.max(1, Math.floor((DELIVERIES - keyOf.size) / 3));
        let killed = false;
        const acks = await burst((n) => {
          if (killed || n < target) return;
          killed = true;
          // Acknowledged so far minus handled so far: deliveries the kill leaves unfinished (recorded, not run).
          unfinishedAtKills += keyOf.size - new Set(handledLines()).size;
          child!.kill('SIGKILL');
        });
        await exited(child!);
        rounds.push(`burst ${k + 1}: ${acks} acknowledged, then SIGKILL (${keyOf.size} of ${DELIVERIES} acknowledged in all)`);
        await start();
      }
      const last = await burst();
      rounds.push(`after the restart: ${last} more acknowledged (${keyOf.size} of ${DELIVERIES})`);

      // Drain: the inbox empties (leases the kills left behind expire, and those deliveries run again).
      const until = Date.now() + 120_000;
      let health: { inbox?: { pending: number; dead: number; running: number } } = {};
      while (Date.now() < until) {
        health = await (await fetch(`${appUrl}/health`)).json() as typeof health;
        if (health.inbox?.pending === 0) break;
        await sleep(200);
      }
      assert.equal(health.inbox?.pending, 0, `the inbox did not drain: ${JSON.stringify(health)}\n${tail(log)}`);
      assert.equal(health.inbox?.dead, 0, tail(log));

      child!.kill('SIGTERM');
      await exited(child!);

      assert.equal(keyOf.size, DELIVERIES, 'every delivery was acknowledged in the end');
      const keys = new Set(keyOf.values());
      assert.equal(keys.size, DELIVERIES, 'distinct deliveries have distinct keys');
      const lines = handledLines();
      const runsOf = new Map<string, number>();
      for (const l of lines) runsOf.set(l, (runsOf.get(l) ?? 0) + 1);
      const missing = [...keys].filter((k) => !runsOf.has(k));
      const strangers = [...runsOf.keys()].filter((k) => !keys.has(k));
      const twice = [...runsOf.values()].filter((n) => n >= 2).length;
      console.log(`      ${rounds.join('\n      ')}`);
      console.log(`      unfinished at the kills (acknowledged, not yet handled): ${unfinishedAtKills}`);
      console.log(`      answers: ${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ')}`);
      console.log(`      handled: ${runsOf.size} distinct keys in ${lines.length} lines; missing ${missing.length}; ran twice (or more) ${twice}; in ${secs(Date.now() - started)}`);
      if (installTimings.length) console.log(`      (shared install: ${installTimings.join('; ')})`);
      assert.equal(missing.length, 0, `deliveries lost: ${missing.slice(0, 5).join(', ')}`);
      assert.equal(strangers.length, 0, 'only the deliveries sent were handled');
      assert.ok(unfinishedAtKills > 0, 'the kills hit deliveries that were recorded but not yet handled (otherwise this proves nothing)');
      assert.ok(!log.includes(SECRET) && !log.includes(BASIC_PASSWORD), 'no secret in the app\u2019s log');
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited(child);
      }
      await emulator.stop();
    }
  });
});

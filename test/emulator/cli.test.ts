// Black box: the built `c7-app emulate` as a developer runs it (one terminal serving, another acting as Commerce7).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { runCli } from '../support/cli.js';
import { basic, BASIC_PASSWORD, call, FULL_APP, runCliAsync, SECRET, spawnCli, startTestApp, type TestApp } from './helpers.js';

const ENV = { C7_APP_SECRET: SECRET, C7_BASIC_AUTH_PASSWORD: BASIC_PASSWORD, C7_API_BASE_URL: '' };

/** Spawns `c7-app emulate …` and resolves with the URL it prints. */
function serve(args: string[], env: NodeJS.ProcessEnv = ENV): Promise<{ child: ChildProcess; url: string; out: () => string; err: () => string; exited: Promise<number | null> }> {
  const child = spawnCli(['emulate', ...args], env);
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening at (http:\/\/127\.0\.0\.1:\d+\/v1)\n/.exec(out);
      if (m) resolve({ child, url: m[1]!, out: () => out, err: () => err, exited });
    });
    void exited.then((code) => reject(new Error(`emulate exited ${code} before listening:\n${out}\n${err}`)));
  });
}

describe('c7-app emulate (black box)', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.stop());

  it('prints the console address, and the console answers there', async () => {
    const emu = await serve(['--manifest', FULL_APP, '--port', '0']);
    try {
      const until = Date.now() + 10_000;
      while (!/Ctrl-C stops it/.test(emu.out()) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      const m = /\n {2}console {6}(http:\/\/127\.0\.0\.1:\d+\/) /.exec(emu.out());
      assert.ok(m, `a console line in:\n${emu.out()}`);
      assert.equal(m[1], emu.url.replace(/v1$/, ''));
      const page = await fetch(m[1]!);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    } finally {
      emu.child.kill('SIGTERM');
      await emu.exited;
    }
  });

  it('serves on --port 0, answers the API, and the app-facing commands act on it; SIGTERM stops it with exit 0', async () => {
    const emu = await serve(['--manifest', FULL_APP, '--port', '0']);
    try {
      const r = await call(emu.url, '/customer?limit=2');
      assert.equal(r.status, 200);
      assert.equal(r.json.total, 120);
      const common = ['--manifest', FULL_APP, '--emulator-url', emu.url, '--app-url', app.url];

      const install = await runCliAsync(['emulate', 'install', ...common, '--tenant', 'cli-winery', '--any-tenant', '--setting', 'flightSize=6'], ENV);
      assert.equal(install.status, 0, install.stdout + install.stderr);
      assert.match(install.stdout, /POST http:\/\/127\.0\.0\.1:\d+\/commerce7\/install -> 200/);
      const body = app.received.at(-1)!.json as Record<string, unknown>;
      assert.equal(body.tenantId, 'cli-winery');
      assert.equal(body.flightSize, 6);
      assert.equal(app.received.at(-1)!.headers.authorization, basic('commerce7', BASIC_PASSWORD));
      assert.equal((await call(emu.url, '/customer?limit=1', { tenant: 'cli-winery' })).status, 200, 'installed in the running emulator');

      const hook = await runCliAsync(['emulate', 'webhook', ...common, '--tenant', 'cli-winery', '--object', 'Customer', '--action', 'Bulk Update', '--count', '3'], ENV);
      assert.equal(hook.status, 0, hook.stdout + hook.stderr);
      const callbackUrl = (app.received.at(-1)!.json as { payload: { callbackUrl: string } }).payload.callbackUrl;
      assert.ok(callbackUrl.startsWith(`${emu.url}/customer?tagId=`));
      const tagged = await call(callbackUrl, '', { tenant: 'cli-winery' });
      assert.equal(tagged.status, 200);
      assert.equal(tagged.json.customers.length, 3);

      const open = await runCliAsync(['emulate', 'open', ...common, '--tenant', 'cli-winery', '--extension', 'Tab Menu:Order Detail', '--theme', 'dark'], ENV);
      assert.equal(open.status, 0, open.stderr);
      const url = new URL(open.stdout.trim());
      assert.equal(url.searchParams.get('tenantId'), 'cli-winery');
      assert.equal(url.searchParams.get('adminUITheme'), 'dark');
      assert.equal((await call(emu.url, '/account/user', { auth: url.searchParams.get('account'), tenant: 'cli-winery' })).status, 200);

      const uninstall = await runCliAsync(['emulate', 'uninstall', ...common, '--tenant', 'cli-winery'], ENV);
      assert.equal(uninstall.status, 0, uninstall.stderr);
      assert.equal((await call(emu.url, '/customer?limit=1', { tenant: 'cli-winery' })).status, 401);

      const undeclared = await runCliAsync(['emulate', 'webhook', ...common, '--object', 'Order', '--action', 'Delete'], ENV);
      assert.equal(undeclared.status, 2);
      assert.match(undeclared.stderr, /subscribes to no "Order Delete" webhook/);
    } finally {
      emu.child.kill('SIGTERM');
    }
    assert.equal(await emu.exited, 0);
    assert.match(emu.out(), /stopped/);
    // One log line per request, with the permission it needed; never a credential.
    assert.match(emu.err(), /^GET \/v1\/customer\?limit=2 {2}tenant=demo-winery {2}200 {2}Customer:read/m);
    assert.match(emu.err(), /^POST \/__emulator\/install .* control/m);
    assert.ok(!emu.err().includes(SECRET) && !emu.err().includes('Basic '));
  });

  it('an app answering non-2xx makes install exit 1; no running emulator is exit 2 with what to do', async () => {
    const emu = await serve(['--manifest', FULL_APP, '--port', '0', '--quiet']);
    try {
      app.status = 503;
      const r = await runCliAsync(['emulate', 'install', '--manifest', FULL_APP, '--emulator-url', emu.url, '--app-url', app.url], ENV);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /rolled back/);
    } finally {
      app.status = 200;
      emu.child.kill('SIGINT');
    }
    assert.equal(await emu.exited, 0, 'SIGINT stops it cleanly too');
    assert.equal(emu.err(), '', '--quiet logs nothing');
    const none = await runCliAsync(['emulate', 'install', '--manifest', FULL_APP, '--emulator-url', 'http://127.0.0.1:9/v1', '--app-url', app.url], ENV);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no emulator answers at http:\/\/127\.0\.0\.1:9\/v1: start `c7-app emulate`/);
  });

  it('install refuses a tenant Commerce7 would not show the app to (unpublished: test tenants only; Private: listed tenants), unless --any-tenant', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7emu-visibility-'));
    const privateApp = JSON.parse(readFileSync(path.join(path.dirname(FULL_APP), '..', 'private-club-export', 'c7-app.json'), 'utf8'));
    privateApp.version.status = 'published';
    const published = path.join(dir, 'c7-app.json');
    writeFileSync(published, JSON.stringify(privateApp));
    for (const [manifest, tenant, why, hint] of [
      [FULL_APP, 'stranger-winery', /version 1\.2\.0 of "[^"]+" is not published \(status draft\), so Commerce7 shows it only to its test tenants \(vineyard-labs-sandbox, demo-winery\)/, /add "stranger-winery" to app\.testTenants/],
      [published, 'stranger-winery', /is a Private app, shown only to the tenants it lists \(hillside-estate, hillside-cellars\)/, /add "stranger-winery" to app\.allowedTenants/],
    ] as const) {
      const emu = await serve(['--manifest', manifest, '--port', '0', '--quiet']);
      try {
        const common = ['--manifest', manifest, '--emulator-url', emu.url, '--app-url', app.url, '--tenant', tenant];
        const refused = await runCliAsync(['emulate', 'install', ...common], ENV);
        assert.equal(refused.status, 2, refused.stdout + refused.stderr);
        assert.match(refused.stderr, /App not available/);
        assert.match(refused.stderr, why);
        assert.match(refused.stderr, hint);
        assert.match(refused.stderr, /--any-tenant/);
        assert.equal((await call(emu.url, '/customer?limit=1', { tenant }, JSON.parse(readFileSync(manifest, 'utf8')).app.id)).status, 401, 'not installed');
        const forced = await runCliAsync(['emulate', 'install', ...common, '--any-tenant'], ENV);
        assert.equal(forced.status, 0, forced.stdout + forced.stderr);
      } finally {
        emu.child.kill('SIGTERM');
        await emu.exited;
      }
    }
    const listed = await serve(['--manifest', published, '--port', '0', '--quiet']);
    try {
      const ok = await runCliAsync(['emulate', 'install', '--manifest', published, '--emulator-url', listed.url, '--app-url', app.url, '--tenant', 'hillside-estate'], ENV);
      assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    } finally {
      listed.child.kill('SIGTERM');
      await listed.exited;
    }
  });

  it('--duplicate-emails allow accepts a customer with a taken email; another value is a usage error', async () => {
    const bad = runCli(['emulate', '--manifest', FULL_APP, '--port', '0', '--duplicate-emails', 'maybe'], { env: ENV });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--duplicate-emails maybe: reject or allow/);
    const manifest = JSON.parse(readFileSync(FULL_APP, 'utf8'));
    manifest.permissions = manifest.permissions.map((p: { endpoint: string }) => (p.endpoint === 'Customer' ? { ...p, access: 'full' } : p));
    const dir = mkdtempSync(path.join(tmpdir(), 'c7emu-dup-'));
    const file = path.join(dir, 'c7-app.json');
    writeFileSync(file, JSON.stringify(manifest));
    for (const [flag, status] of [[[], 422], [['--duplicate-emails', 'allow'], 200]] as const) {
      const emu = await serve(['--manifest', file, '--port', '0', '--quiet', ...flag]);
      try {
        const taken = (await call(emu.url, '/customer?limit=1')).json.customers[0].emails[0].email;
        const r = await call(emu.url, '/customer', { method: 'POST', body: { firstName: 'A', lastName: 'B', emails: [{ email: taken }] } });
        assert.equal(r.status, status, JSON.stringify(r.json));
      } finally {
        emu.child.kill('SIGTERM');
        await emu.exited;
      }
    }
  });

  it('--seed, --tenants and --no-rate-limit', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7emu-cli-'));
    writeFileSync(path.join(dir, 'seed.json'), JSON.stringify({ products: [{ id: 'p1', title: 'House Red' }] }));
    const emu = await serve(['--manifest', FULL_APP, '--port', '0', '--seed', path.join(dir, 'seed.json'), '--tenants', 'alpha,beta', '--no-rate-limit', '--quiet']);
    try {
      assert.deepEqual((await call(emu.url, '/product', { tenant: 'beta' })).json, { products: [{ id: 'p1', title: 'House Red' }], total: 1 });
      assert.equal((await call(emu.url, '/product', { tenant: 'demo-winery' })).status, 401);
      for (let i = 0; i < 110; i++) assert.equal((await call(emu.url, '/product', { tenant: 'alpha' })).status, 200);
      assert.match(emu.out(), /rate limit {3}off/);
    } finally {
      emu.child.kill('SIGTERM');
    }
    assert.equal(await emu.exited, 0);
  });

  it('--app-url: the app\u2019s own writes the manifest subscribes to are delivered to it, and said so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7emu-cli-'));
    const m = JSON.parse(readFileSync(FULL_APP, 'utf8'));
    m.permissions = m.permissions.map((p: { endpoint: string }) => (p.endpoint === 'Customer' ? { ...p, access: 'full' } : p));
    m.webhooks.push({ object: 'Customer', action: 'Update', url: '/webhooks/commerce7', basicAuth: true });
    writeFileSync(path.join(dir, 'c7-app.json'), JSON.stringify(m));
    const app = await startTestApp();
    const emu = await serve(['--manifest', path.join(dir, 'c7-app.json'), '--port', '0', '--app-url', app.url]);
    try {
      for (let i = 0; i < 100 && !/Point the app at it/.test(emu.out()); i++) await new Promise((r) => setTimeout(r, 20));
      assert.match(emu.out(), /webhooks {5}the app's own writes are delivered to http:\/\/127\.0\.0\.1:\d+ \(user = the App ID\)/);
      const customers = (await call(emu.url, '/customer')).json.customers;
      assert.equal((await call(emu.url, `/customer/${customers[0].id}`, { method: 'PUT', body: { lastName: 'X' } })).status, 200);
      for (let i = 0; i < 50 && app.received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal((app.received[0]?.json as { user?: string } | undefined)?.user, 'tasting-notes');
    } finally {
      emu.child.kill('SIGTERM');
      await app.stop();
    }
    assert.equal(await emu.exited, 0);
  });

  it('exit 2 without a secret, on a bad port, a bad seed or a port in use; exit 1 on an invalid manifest', async () => {
    const noSecret = runCli(['emulate', '--manifest', FULL_APP, '--port', '0'], { env: { C7_APP_SECRET: '' } });
    assert.equal(noSecret.status, 2);
    assert.match(noSecret.stderr, /set C7_APP_SECRET/);
    assert.equal(runCli(['emulate', '--manifest', FULL_APP, '--port', '70000'], { env: ENV }).status, 2);
    const badSeed = runCli(['emulate', '--manifest', FULL_APP, '--port', '0', '--seed', 'no-such-seed.json'], { env: ENV });
    assert.equal(badSeed.status, 2);
    assert.match(badSeed.stderr, /no-such-seed\.json: no such file/);
    const dir = mkdtempSync(path.join(tmpdir(), 'c7emu-cli-'));
    const m = JSON.parse(readFileSync(FULL_APP, 'utf8'));
    m.permissions[0].access = 'write';
    writeFileSync(path.join(dir, 'c7-app.json'), JSON.stringify(m, null, 2));
    const invalid = runCli(['emulate', '--port', '0'], { cwd: dir, env: ENV });
    assert.equal(invalid.status, 1);
    assert.match(invalid.stderr, /c7-app\.json:\d+:\d+ {2}\/permissions\/0\/access/);

    const first = await serve(['--manifest', FULL_APP, '--port', '0', '--quiet']);
    try {
      const port = new URL(first.url).port;
      const busy = await runCliAsync(['emulate', '--manifest', FULL_APP, '--port', port], ENV);
      assert.equal(busy.status, 2);
      assert.match(busy.stderr, /port is in use/);
    } finally {
      first.child.kill('SIGTERM');
    }
    assert.equal(await first.exited, 0);
  });

  it('emulate seed prints the bundled data set; --help describes the subcommands and options', () => {
    const seed = runCli(['emulate', 'seed']);
    assert.equal(seed.status, 0);
    const data = JSON.parse(seed.stdout);
    assert.equal(data.customers.length, 120);
    assert.ok(data.orders.length > 100 && data.clubMemberships.length > 50 && data.reservations.length > 50);
    assert.deepEqual(JSON.parse(runCli(['emulate', 'seed']).stdout), data, 'deterministic');
    const help = runCli(['emulate', '--help']);
    assert.equal(help.status, 0);
    for (const sub of ['serve', 'install', 'uninstall', 'webhook', 'open', 'seed']) assert.match(help.stdout, new RegExp(`^  ${sub}`, 'm'));
    const serveHelp = runCli(['emulate', 'serve', '--help']).stdout;
    for (const opt of ['--manifest', '--port', '--app-id', '--app-secret', '--tenants', '--seed', '--no-rate-limit']) assert.ok(serveHelp.includes(opt), opt);
    assert.match(runCli(['emulate', 'webhook', '--help']).stdout, /--emulator-url[\s\S]*callbackUrl/);
  });
});

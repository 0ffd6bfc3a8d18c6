// `c7-app emulate record` against a fake upstream on 127.0.0.1 (never the internet): see upstream.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSeed, recordTenant, redactSeed, startEmulator } from '../../generators/lib/emulator/index.js';
import { allPermissionsManifest, call, readManifest, runCliAsync, SECRET } from './helpers.js';
import { PII, startUpstream, TENANT } from './upstream.js';

describe('emulator: c7-app emulate record', function () {
  this.timeout(180_000); // each test records a whole tenant from the fake upstream
  it('reads every granted list (cursor paging, 429 back-off honouring Retry-After), GET only, and the redacted seed keeps ids', async () => {
    const manifest = allPermissionsManifest();
    let throttled = 0;
    const up = await startUpstream(manifest, (u) => u.startsWith('/v1/product?') && throttled++ < 2);
    const delays: number[] = [];
    try {
      const result = await recordTenant({ manifest, tenant: TENANT, appId: manifest.app.id, appSecret: SECRET, baseUrl: up.url, limit: 500, sleep: async (ms) => { delays.push(ms); } });
      assert.deepEqual(delays.slice(0, 2), [2000, 2000], 'waited Retry-After (2 s) twice');
      assert.ok(delays.slice(2).every((d) => d > 2000 && d <= 60_000), `then only pauses to stay under 100 a minute: ${JSON.stringify(delays)}`);
      assert.ok(up.seen.every((s) => s.method === 'GET'), 'never writes');
      const cursorCalls = up.seen.filter((s) => s.url.startsWith('/v1/customer?cursor='));
      assert.ok(cursorCalls.length >= 3 && cursorCalls.some((s) => !s.url.includes('cursor=start')), 'followed the customer cursor');
      const truth = up.emu.tenantData(TENANT);
      assert.deepEqual(result.seed.customers!.map((c) => c.id), truth.rows('/customer').map((c) => c.id));
      assert.equal(result.seed.products!.length, truth.rows('/product').length, 'products read after the 429s');
      assert.equal(result.seed.orders!.length, 200);
      assert.ok(result.seed.tags!.every((t) => typeof t.objectType === 'string'));
      assert.ok(result.seed.creditCards!.length > 0);
      const redacted = redactSeed(result.seed);
      assert.deepEqual(parseSeed(JSON.parse(JSON.stringify(redacted))), redacted, 'a valid seed file');
      // ids kept consistent across objects
      const ids = new Set(redacted.customers!.map((c) => c.id));
      for (const o of redacted.orders!) assert.ok(ids.has(o.customerId as string));
    } finally {
      await up.stop();
    }
  });

  it('redacts personal data: no original email, name, phone, street or IP survives (grep), and fakes are consistent', async () => {
    const manifest = allPermissionsManifest();
    const up = await startUpstream(manifest);
    try {
      const result = await recordTenant({ manifest, tenant: TENANT, appId: manifest.app.id, appSecret: SECRET, baseUrl: up.url, limit: 500, sleep: async () => undefined });
      const text = JSON.stringify(redactSeed(result.seed));
      const originals = up.emu.tenantData(TENANT).rows('/customer').flatMap((c) => [
        ...(c.emails as Array<{ email: string }>).map((e) => e.email), ...(c.phones as Array<{ phone: string }>).map((p) => p.phone),
      ]);
      for (const needle of [PII.email, PII.first, PII.last, PII.phone, PII.phone.slice(2), PII.ip, PII.street, ...originals]) {
        assert.equal(text.includes(needle), false, `"${needle}" survived redaction`);
      }
      assert.equal(/Olivia|Garcia|Nguyen/.test(text), false, 'no seeded first or last name survives');
      const seed = redactSeed(result.seed);
      const customer = seed.customers!.find((c) => c.id === up.emu.tenantData(TENANT).rows('/customer')[0]!.id)!;
      const order = seed.orders!.find((o) => o.customerId === customer.id)!;
      assert.equal((order.customer as { firstName: string }).firstName, customer.firstName, 'the same fake name in the order as on the customer');
      assert.equal((order.customer as { emails: Array<{ email: string }> }).emails[0]!.email, (customer.emails as Array<{ email: string }>)[0]!.email);
      assert.match((order.connectionInformation as { customerIpAddress: string }).customerIpAddress, /^192\.0\.2\.\d+$/);
    } finally {
      await up.stop();
    }
  });

  it('paces itself under 100 requests a minute', async () => {
    const manifest = allPermissionsManifest();
    const up = await startUpstream(manifest);
    let clock = 0;
    const waits: number[] = [];
    try {
      // Pages of 1 row: hundreds of requests, each taking no time on the fake clock.
      const result = await recordTenant({ manifest, tenant: TENANT, appId: manifest.app.id, appSecret: SECRET, baseUrl: up.url, limit: 1, only: ['/customer', '/order', '/product', '/note', '/reservation', '/club', '/department', '/vendor', '/collection', '/coupon', '/promotion', '/shipping'], now: () => clock, sleep: async (ms) => { waits.push(ms); clock += ms; } });
      assert.ok(result.requests <= 100, 'a small recording never waits');
      assert.equal(waits.length, 0);
      const many = await recordTenant({ manifest, tenant: TENANT, appId: manifest.app.id, appSecret: SECRET, baseUrl: up.url, limit: 500, now: () => clock, sleep: async (ms) => { waits.push(ms); clock += ms; } });
      assert.ok(many.requests > 100, `${many.requests} requests`);
      assert.ok(waits.length > 0 && waits.every((w) => w > 0 && w <= 60_000), JSON.stringify(waits));
    } finally {
      await up.stop();
    }
  });

  it('reads only what c7-app.json grants; asking for an ungranted list is refused before any request', async () => {
    const manifest = readManifest(); // Customer read, Note full, Order read, Product read, Reservation read, Tag full
    const up = await startUpstream(allPermissionsManifest());
    try {
      const result = await recordTenant({ manifest, tenant: TENANT, appId: manifest.app.id, appSecret: SECRET, baseUrl: up.url, sleep: async () => undefined });
      assert.ok(!up.seen.some((s) => s.url.startsWith('/v1/club-membership') || s.url.startsWith('/v1/inventory')), 'no request for ungranted lists');
      assert.equal(result.lists.find((l) => l.listPath === '/club-membership')!.skipped, 'needs "Club Membership" read');
      assert.ok(result.seed.orders!.length > 0 && !result.seed.clubMemberships);
      const before = up.seen.length;
      await assert.rejects(recordTenant({ manifest, tenant: TENANT, appId: manifest.app.id, appSecret: SECRET, baseUrl: up.url, only: ['/order', '/club-membership'] }), /\/club-membership: c7-app\.json does not grant "Club Membership" read/);
      assert.equal(up.seen.length, before, 'refused before any request');
    } finally {
      await up.stop();
    }
  });

  it('the CLI writes a seed file the emulator serves; the secret comes only from the environment', async () => {
    const manifest = allPermissionsManifest();
    const up = await startUpstream(manifest);
    const dir = mkdtempSync(path.join(tmpdir(), 'c7emu-record-'));
    const manifestFile = path.join(dir, 'c7-app.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(manifestFile, JSON.stringify(manifest));
    try {
      const noSecret = await runCliAsync(['emulate', 'record', '--manifest', manifestFile, '--tenant', TENANT, '--base-url', up.url], { C7_APP_SECRET: '' });
      assert.equal(noSecret.status, 2);
      assert.match(noSecret.stderr, /set C7_APP_SECRET in the environment/);
      const out = path.join(dir, 'seed.json');
      const r = await runCliAsync(['emulate', 'record', '--manifest', manifestFile, '--tenant', TENANT, '--base-url', up.url, '--out', out, '--limit', '60'], { C7_APP_SECRET: SECRET });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /wrote .*seed\.json/);
      assert.equal((r.stdout + r.stderr).includes(SECRET), false, 'the secret is never printed');
      const text = readFileSync(out, 'utf8');
      assert.equal(text.includes(PII.email) || text.includes(SECRET), false);
      const served = await startEmulator({ manifest, appSecret: SECRET, rateLimit: false, seed: out, tenants: ['demo-winery'] });
      try {
        const list = await call(served.url, '/customer?limit=50', {}, served.appId);
        assert.equal(list.status, 200);
        assert.equal(list.json.total, 60, '--limit 60');
      } finally {
        await served.stop();
      }
    } finally {
      await up.stop();
    }
  });
});

// The emulator delivers the manifest's webhooks for the app's own writes, as Commerce7 does, with the App ID as the
// `user`: the generated app must recognise these self-caused events and ignore them (no loops).
import assert from 'node:assert/strict';
import { startEmulator, type Emulator } from '../../generators/lib/emulator/index.js';
import type { Manifest } from '../../generators/lib/manifest/types.js';
import { BASIC_PASSWORD, call, readManifest, SECRET, startTestApp, type TestApp } from './helpers.js';

/** The Full Application example, also subscribed to Customer Update and allowed to write customers. */
function manifest(): Manifest {
  const m = readManifest();
  m.permissions = m.permissions.map((p) => (p.endpoint === 'Customer' ? { ...p, access: 'full' as const } : p));
  m.webhooks = [...(m.webhooks ?? []), { object: 'Customer', action: 'Update', url: '/webhooks/commerce7', basicAuth: true }];
  return m;
}

describe('emulator: webhooks for the app\u2019s own writes', () => {
  let emu: Emulator;
  let app: TestApp;
  const lines: string[] = [];
  before(async () => {
    app = await startTestApp();
    emu = await startEmulator({ manifest: manifest(), appSecret: SECRET, rateLimit: false, deliverWebhooks: { appUrl: app.url, basicAuthPassword: BASIC_PASSWORD, log: (l) => lines.push(l) } });
  });
  after(async () => { await emu.stop(); await app.stop(); });

  it('a write the manifest subscribes to is delivered, with the App ID as user and the written object', async () => {
    const customer = emu.tenantData('demo-winery').rows('/customer')[0]!;
    const r = await call(emu.url, `/customer/${customer.id}`, { method: 'PUT', body: { firstName: 'Changed' }, tenant: 'demo-winery' });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    await emu.deliveriesSettled();
    assert.equal(app.received.length, 1);
    const sent = app.received[0]!;
    assert.equal(sent.url, '/webhooks/commerce7');
    assert.ok(sent.headers.authorization?.startsWith('Basic '));
    const body = sent.json as { object: string; action: string; user: string; tenantId: string; payload: { id: string; firstName: string } };
    assert.deepEqual([body.object, body.action, body.user, body.tenantId], ['Customer', 'Update', 'tasting-notes', 'demo-winery']);
    assert.equal(body.payload.id, customer.id);
    assert.equal(body.payload.firstName, 'Changed');
    assert.match(lines.join('\n'), /webhook Customer Update \(caused by the app\) -> HTTP 200/);
  });

  it('a write the manifest does not subscribe to, a read, or no delivery target: nothing is sent', async () => {
    app.received.length = 0;
    const note = await call(emu.url, '/note', { method: 'POST', body: { content: 'x', type: 'Note', customerId: emu.tenantData('demo-winery').rows('/customer')[0]!.id }, tenant: 'demo-winery' });
    assert.ok(note.status < 300, JSON.stringify(note.json));
    await call(emu.url, '/customer', { tenant: 'demo-winery' });
    emu.deliverWebhooksTo(null);
    const customer = emu.tenantData('demo-winery').rows('/customer')[1]!;
    await call(emu.url, `/customer/${customer.id}`, { method: 'PUT', body: { lastName: 'Quiet' }, tenant: 'demo-winery' });
    await emu.deliveriesSettled();
    assert.equal(app.received.length, 0);
  });
});

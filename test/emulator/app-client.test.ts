import assert from 'node:assert/strict';
import { EXTENSION_QUERY } from '../../generators/lib/catalog/extensions.js';
import {
  AppClientError, callAppInstall, callAppUninstall, callAppWebhook, clientSettingValues, connectEmulator, extensionUrl,
  resolveAppUrl, startEmulator, type Emulator,
} from '../../generators/lib/emulator/index.js';
import { basic, BASIC_PASSWORD, call, FULL_APP, INTEGRATION, readManifest, SECRET, startTestApp, type TestApp } from './helpers.js';

describe('emulator: Commerce7 calling the app', () => {
  let emu: Emulator;
  let app: TestApp;
  /** What the test app fetched from a Bulk Update callbackUrl: the page sizes and whether the last page had a cursor. */
  let bulkPages: number[] = [];
  let lastCursor: unknown;

  before(async () => {
    emu = await startEmulator({ manifest: FULL_APP, appSecret: SECRET });
    // The app, as a generated one behaves: on Bulk Update it fetches callbackUrl with its credentials and follows the cursor.
    app = await startTestApp(async (r) => {
      const cb = (r.json as { payload?: { callbackUrl?: string } } | undefined)?.payload?.callbackUrl;
      if (!cb) return undefined;
      bulkPages = [];
      let next: string | undefined = cb;
      while (next) {
        const res = await fetch(next, { headers: { Authorization: basic('tasting-notes', SECRET), tenant: (r.json as { tenantId: string }).tenantId } });
        const page = (await res.json()) as { customers: unknown[]; cursor?: string };
        bulkPages.push(page.customers.length);
        lastCursor = page.cursor;
        next = page.cursor ? `${cb.replace(/cursor=start$/, '')}cursor=${encodeURIComponent(page.cursor)}` : undefined;
      }
      return { fetched: bulkPages.reduce((a, b) => a + b, 0) };
    });
  });
  after(async () => {
    await emu.stop();
    await app.stop();
  });
  beforeEach(() => {
    app.received.length = 0;
    app.status = 200;
  });

  describe('install', () => {
    it('POSTs tenantId, the installing user and every client setting, with the manifest\u2019s Basic auth; the tenant gets access', async () => {
      const result = await callAppInstall({ manifest: emu.manifest, emulator: emu, appUrl: app.url, tenant: 'new-winery', basicAuthPassword: BASIC_PASSWORD });
      assert.ok(result?.ok);
      const [got] = app.received;
      assert.equal(app.received.length, 1);
      assert.equal(got!.method, 'POST');
      assert.equal(got!.url, '/commerce7/install');
      assert.equal(got!.headers.authorization, basic('commerce7', BASIC_PASSWORD));
      assert.equal(got!.headers['content-type'], 'application/json');
      const body = got!.json as Record<string, any>;
      assert.equal(body.tenantId, 'new-winery');
      assert.deepEqual(Object.keys(body.user), ['id', 'firstName', 'lastName', 'email']);
      assert.equal(typeof body.tastingRoomName, 'string');
      assert.equal(typeof body.shareNotes, 'boolean');
      assert.equal(typeof body.flightSize, 'number');
      assert.equal(body.ratingScale, '5 stars', 'a choice setting gets its first option');
      assert.ok(emu.installedTenants().includes('new-winery'));
      assert.equal((await call(emu.url, '/customer?limit=1', { tenant: 'new-winery' })).status, 200);
    });

    it('client-setting values are typed from text, and checked', () => {
      const values = clientSettingValues(emu.manifest, { flightSize: '6', shareNotes: 'no', ratingScale: '20 points' });
      assert.equal(values.flightSize, 6);
      assert.equal(values.shareNotes, false);
      assert.equal(values.ratingScale, '20 points');
      assert.throws(() => clientSettingValues(emu.manifest, { flightSize: 'six' }), /not a whole number/);
      assert.throws(() => clientSettingValues(emu.manifest, { ratingScale: '10 stars' }), /not one of the options/);
      assert.throws(() => clientSettingValues(emu.manifest, { nope: '1' }), /no client setting "nope"/);
    });

    it('an app answering non-2xx: the install is rolled back', async () => {
      app.status = 500;
      const result = await callAppInstall({ manifest: emu.manifest, emulator: emu, appUrl: app.url, tenant: 'failing-winery', basicAuthPassword: BASIC_PASSWORD });
      assert.equal(result?.status, 500);
      assert.equal(result?.ok, false);
      assert.ok(!emu.installedTenants().includes('failing-winery'));
    });

    it('refuses to send Basic auth without the password (C7_BASIC_AUTH_PASSWORD), and says why an app cannot be reached', async () => {
      const saved = process.env.C7_BASIC_AUTH_PASSWORD;
      delete process.env.C7_BASIC_AUTH_PASSWORD;
      try {
        await assert.rejects(callAppInstall({ manifest: emu.manifest, emulator: emu, appUrl: app.url }), (e: Error) => e instanceof AppClientError && /C7_BASIC_AUTH_PASSWORD/.test(e.message));
      } finally {
        if (saved !== undefined) process.env.C7_BASIC_AUTH_PASSWORD = saved;
      }
      await assert.rejects(callAppInstall({ manifest: emu.manifest, appUrl: 'http://127.0.0.1:9', basicAuthPassword: 'x' }), /cannot reach the app/);
    });

    it('a manifest without Basic auth sends none', async () => {
      const m = readManifest(INTEGRATION);
      delete m.installation.basicAuth;
      m.webhooks = m.webhooks!.map((h) => ({ ...h, basicAuth: false }));
      await callAppInstall({ manifest: m, appUrl: app.url, tenant: 'plain-winery' });
      assert.equal(app.received[0]!.headers.authorization, undefined);
    });
  });

  describe('uninstall', () => {
    it('POSTs { tenantId, user } to the Uninstall URL, and the tenant loses API access', async () => {
      emu.install('leaving-winery');
      const result = await callAppUninstall({ manifest: emu.manifest, emulator: emu, appUrl: app.url, tenant: 'leaving-winery', basicAuthPassword: BASIC_PASSWORD });
      assert.ok(result?.ok);
      assert.equal(app.received[0]!.url, '/commerce7/uninstall');
      assert.equal(app.received[0]!.headers.authorization, basic('commerce7', BASIC_PASSWORD));
      assert.deepEqual(Object.keys(app.received[0]!.json as object), ['tenantId', 'user']);
      assert.equal((await call(emu.url, '/customer', { tenant: 'leaving-winery' })).status, 401);
    });
  });

  describe('webhooks', () => {
    it('delivers { object, action, payload, user, tenantId } with the payload from the emulator\u2019s data', async () => {
      const result = await callAppWebhook({ manifest: emu.manifest, emulator: emu, appUrl: app.url, object: 'Order', action: 'Create', tenant: 'demo-winery', basicAuthPassword: BASIC_PASSWORD });
      assert.ok(result.ok);
      const got = app.received[0]!;
      assert.equal(got.url, '/webhooks/commerce7');
      assert.equal(got.headers.authorization, basic('commerce7', BASIC_PASSWORD), 'the webhook is marked basicAuth');
      const body = got.json as Record<string, any>;
      assert.deepEqual(Object.keys(body), ['object', 'action', 'payload', 'user', 'tenantId']);
      assert.equal(body.object, 'Order');
      assert.equal(body.action, 'Create');
      assert.equal(body.tenantId, 'demo-winery');
      assert.equal(body.payload.id, emu.tenantData('demo-winery').rows('/order')[0]!.id);
      assert.match(body.user, /@/);
    });

    it('a chosen object by id; the log spelling of an object works too', async () => {
      const reservation = emu.tenantData('demo-winery').rows('/reservation')[7]!;
      await callAppWebhook({ manifest: emu.manifest, emulator: emu, appUrl: app.url, object: 'reservation', action: 'Update', id: reservation.id, basicAuthPassword: BASIC_PASSWORD, tenant: 'demo-winery' });
      assert.equal((app.received[0]!.json as any).payload.id, reservation.id);
      const m = readManifest(EXAMPLE_PRIVATE);
      const emu2 = await startEmulator({ manifest: m, appSecret: SECRET });
      try {
        await callAppWebhook({ manifest: m, emulator: emu2, appUrl: app.url, object: 'ClubMembership', action: 'Create', basicAuthPassword: BASIC_PASSWORD });
        const body = app.received[1]!.json as any;
        assert.equal(body.object, 'Club Membership');
        assert.equal(body.payload.id, emu2.tenantData('hillside-sandbox').rows('/club-membership')[0]!.id);
        assert.equal(app.received[1]!.headers.authorization, `Basic ${Buffer.from(`commerce7:${BASIC_PASSWORD}`).toString('base64')}`, 'this webhook sends Basic auth');
      } finally {
        await emu2.stop();
      }
    });

    it('a webhook the manifest does not subscribe to, or to a tenant without the app, is refused (Commerce7 would not send it)', async () => {
      await assert.rejects(callAppWebhook({ manifest: emu.manifest, emulator: emu, appUrl: app.url, object: 'Order', action: 'Delete' }), /subscribes to no "Order Delete" webhook/);
      await assert.rejects(callAppWebhook({ manifest: emu.manifest, emulator: emu, appUrl: app.url, object: 'Order', action: 'Create', tenant: 'stranger-winery', basicAuthPassword: BASIC_PASSWORD }), /"stranger-winery" has not installed "tasting-notes"/);
      assert.equal(app.received.length, 0);
    });

    it('Bulk Update: a callbackUrl on the emulator that the app pages through with its credentials', async () => {
      const result = await callAppWebhook({ manifest: emu.manifest, emulator: emu, appUrl: app.url, object: 'Customer', action: 'Bulk Update', tenant: 'demo-winery', basicAuthPassword: BASIC_PASSWORD });
      assert.ok(result.ok, result.body);
      const body = app.received[0]!.json as any;
      assert.deepEqual(Object.keys(body.payload), ['callbackUrl']);
      assert.match(body.payload.callbackUrl, new RegExp(`^${emu.url.replace(/\./g, '\\.')}/customer\\?tagId=[^&]+&cursor=start$`));
      assert.deepEqual(bulkPages, [50, 25], '75 tagged customers: two cursor pages');
      assert.equal(lastCursor, undefined);
      assert.equal((result.json as { fetched: number }).fetched, 75);
    });
  });

  describe('extension URLs (open)', () => {
    it('carries tenantId, an account token valid at GET /account/user, adminUITheme, and the record in context', async () => {
      const opened = await extensionUrl({ manifest: emu.manifest, emulator: emu, appUrl: app.url, extension: 'Tab Menu:Order Detail', theme: 'dark', tenant: 'demo-winery' });
      const url = new URL(opened.url);
      assert.equal(url.origin, app.url);
      assert.equal(url.pathname, '/extensions/order-tasting');
      assert.equal(url.searchParams.get(EXTENSION_QUERY.tenant), 'demo-winery');
      assert.equal(url.searchParams.get(EXTENSION_QUERY.theme), 'dark');
      assert.equal(url.searchParams.get('orderId'), emu.tenantData('demo-winery').rows('/order')[0]!.id);
      const token = url.searchParams.get(EXTENSION_QUERY.staffToken)!;
      const user = await call(emu.url, '/account/user', { auth: token, tenant: url.searchParams.get(EXTENSION_QUERY.tenant) });
      assert.equal(user.status, 200);
      assert.equal(user.json.email, 'dana.reyes@demo-winery.example.com');
    });

    it('by index, by title; light by default; storefront locations get appToken instead', async () => {
      const page = await extensionUrl({ manifest: emu.manifest, emulator: emu, appUrl: app.url, extension: 0 });
      assert.equal(new URL(page.url).pathname, '/extensions/tasting-notes');
      assert.equal(new URL(page.url).searchParams.get(EXTENSION_QUERY.theme), 'light');
      assert.equal((await extensionUrl({ manifest: emu.manifest, emulator: emu, appUrl: app.url, extension: 'tasting conversions' })).index, 3);
      const storefront = new URL((await extensionUrl({ manifest: emu.manifest, emulator: emu, appUrl: app.url, extension: 'iFrame:Frontend Dashboard Primary' })).url);
      assert.ok(storefront.searchParams.get(EXTENSION_QUERY.storefrontToken));
      assert.equal(storefront.searchParams.get(EXTENSION_QUERY.staffToken), null);
      await assert.rejects(extensionUrl({ manifest: emu.manifest, emulator: emu, appUrl: app.url }), /has 6 extensions: say which/);
      await assert.rejects(extensionUrl({ manifest: emu.manifest, emulator: emu, appUrl: app.url, extension: 'Card:Order List' }), /no extension/);
    });
  });

  describe('URLs and the running emulator', () => {
    it('manifest paths join the app URL; absolute URLs under installation.baseUrl move to it', () => {
      const m = emu.manifest;
      assert.equal(resolveAppUrl(m, '/commerce7/install', 'http://127.0.0.1:3000/'), 'http://127.0.0.1:3000/commerce7/install');
      assert.equal(resolveAppUrl(m, '/commerce7/install'), 'https://tasting-notes.vineyardlabs.test/commerce7/install');
      assert.equal(resolveAppUrl(m, 'https://tasting-notes.vineyardlabs.test/hooks', 'http://127.0.0.1:3000'), 'http://127.0.0.1:3000/hooks');
      assert.equal(resolveAppUrl(m, 'https://elsewhere.test/hooks', 'http://127.0.0.1:3000'), 'https://elsewhere.test/hooks');
    });

    it('connectEmulator drives a running emulator through its control API, with the app credentials', async () => {
      const remote = await connectEmulator(emu.url, { appId: 'tasting-notes', appSecret: SECRET });
      assert.equal(remote.url, emu.url);
      await remote.install('remote-winery');
      assert.ok(emu.installedTenants().includes('remote-winery'));
      const token = await remote.issueStaffToken('remote-winery');
      assert.equal((await call(emu.url, '/account/user', { auth: token, tenant: 'remote-winery' })).status, 200);
      const payload = await remote.webhookPayload('remote-winery', 'Product', 'Update', {});
      assert.equal(payload.id, emu.tenantData('remote-winery').rows('/product')[0]!.id);
      await remote.uninstall('remote-winery');
      assert.ok(!emu.installedTenants().includes('remote-winery'));
      await assert.rejects(connectEmulator(emu.url, { appId: 'tasting-notes', appSecret: 'wrong' }), /refused: Unauthorized user/);
      await assert.rejects(connectEmulator('http://127.0.0.1:9/v1', { appId: 'tasting-notes', appSecret: SECRET }), /no emulator answers/);
    });
  });
});

const EXAMPLE_PRIVATE = FULL_APP.replace('tasting-room-full-app', 'private-club-export');

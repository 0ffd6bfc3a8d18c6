// The emulator's console (a local App Development Center) in a real browser: Debian's Chromium driven by
// playwright-core, against generated projects running `npm run dev` (the Full Application, the Integration and the
// Private examples). One browser, a page per console page; axe-core on each page in light and dark; screenshots
// of both themes in test-output/browser/ for a person to look at. Skips (saying why) without Chromium, except in CI.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Manifest } from '../../generators/lib/manifest/types.js';
import { basicAuthHeader } from '../../generators/lib/emulator/auth.js';
import { startEmulator, type Emulator } from '../../generators/lib/emulator/index.js';
import { EXAMPLE_MANIFESTS, EXAMPLES, ROOT } from '../support/paths.js';
import { generateProject } from '../support/render-project.js';
import { freePort, sharedProjectRoot, tail } from '../support/generated-deps.js';
import { browserMissing, launchBrowser, seriousViolations, type OutsideRequest } from './browser.js';

const SECRET = 'test-app-secret';
const BASIC_PASSWORD = 'test-basic-auth-password';
const SHOTS = path.join(ROOT, 'test-output', 'browser');

interface Dev { dir: string; child: ChildProcess; consoleUrl: string; appUrl: string; apiUrl: string; out: () => string; manifest: Manifest; tenant: string }

async function startDev(name: string, manifest: Manifest, example: string, root: string): Promise<Dev> {
  const dir = path.join(root, `console-${name}`);
  rmSync(dir, { recursive: true, force: true });
  generateProject(manifest, dir);
  cpSync(path.join(EXAMPLES, example, 'listing'), path.join(dir, 'listing'), { recursive: true }); // the listing images
  const port = await freePort();
  const child = spawn('npm', ['run', 'dev'], {
    cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), EMULATOR_PORT: '0', C7_APP_SECRET: SECRET, C7_BASIC_AUTH_PASSWORD: BASIC_PASSWORD, LOG_LEVEL: 'warn', DATABASE_PATH: path.join(dir, 'data', 'console.sqlite') },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  const until = Date.now() + 120_000;
  while (!/npx c7-app emulate --help/.test(out) && Date.now() < until && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
  const consoleUrl = /^Console \(listing, install, admin, webhooks, API log\): (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out)?.[1];
  assert.ok(consoleUrl, `npm run dev prints the console's address:\n${tail(out)}`);
  return { dir, child, consoleUrl, appUrl: `http://127.0.0.1:${port}`, apiUrl: `${consoleUrl}v1`, out: () => out, manifest, tenant: manifest.app.testTenants![0]! };
}

function stopDev(dev: Dev | undefined): void {
  if (!dev) return;
  try { process.kill(-dev.child.pid!, 'SIGTERM'); } catch { /* already gone */ }
}

/** A call to the emulator's API as the app (its App ID and secret, the tenant header). */
function asApp(dev: Dev, method: string, p: string, body?: unknown): Promise<Response> {
  return fetch(`${dev.apiUrl}${p}`, {
    method, headers: { Authorization: basicAuthHeader(dev.manifest.app.id, SECRET), tenant: dev.tenant, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  if ((await page.getAttribute('html', 'data-theme')) !== theme) await page.click('#theme-switch');
  assert.equal(await page.getAttribute('html', 'data-theme'), theme);
}

/** Screenshots in both themes and axe in both: no serious or critical violation. */
async function lookAtIt(page: Page, name: string, axeReport: string[]): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    // An open extension is opened again in the new theme: wait until it has loaded.
    if (await page.$('iframe.ext')) await page.waitForFunction((t) => new URL((document.querySelector('iframe.ext') as HTMLIFrameElement).src).searchParams.get('adminUITheme') === t && document.querySelector('[data-frame-result]') !== null, theme);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${theme}.png`), fullPage: true });
    // A framed page is painted only in view (Chromium's full-page capture leaves an out-of-process frame blank).
    if (await page.$('iframe.ext')) await page.locator('section[aria-labelledby="frame-title"]').screenshot({ path: path.join(SHOTS, `${name}-${theme}-extension.png`) });
    const bad = await seriousViolations(page);
    axeReport.push(`${name} ${theme}: ${bad.length} serious/critical`);
    assert.deepEqual(bad, [], `${name} (${theme}): axe-core finds ${bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(', ')}`).join('; ')}`);
  }
  await setTheme(page, 'light');
}

function fullApplication(): Manifest {
  const m = JSON.parse(readFileSync(EXAMPLE_MANIFESTS[2]!, 'utf8')) as Manifest;
  m.listing.title = 'Tasting Notes App'; // a title Commerce7 rejects: the listing preview must mark it
  // Full access to reservations, so the app's own write fires the Reservation Update webhook it subscribes to.
  m.permissions.find((p) => p.endpoint === 'Reservation')!.access = 'full';
  return m;
}
const example = (i: number) => JSON.parse(readFileSync(EXAMPLE_MANIFESTS[i]!, 'utf8')) as Manifest;

describe('[slow] browser: the emulator console (a local App Development Center)', function () {
  this.timeout(5 * 60_000);
  let context: BrowserContext;
  let outside: OutsideRequest[] = [];
  let closeBrowser: (() => Promise<void>) | undefined;
  let root: string;
  const axeReport: string[] = [];

  before(async function () {
    this.timeout(30 * 60_000);
    const missing = browserMissing();
    if (missing) {
      console.log(`      skipped: ${missing}`);
      this.skip();
    }
    root = (await sharedProjectRoot(example(2))).root;
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    ({ context, outside, close: closeBrowser } = await launchBrowser());
  });
  after(async () => {
    await closeBrowser?.();
    if (axeReport.length) console.log(`      axe-core: ${axeReport.join('; ')}\n      screenshots: ${SHOTS}`);
  });

  /** The console's own requests never leave 127.0.0.1 (only an app page may ask for commerce7.js/css). */
  function assertNothingFromOutside(consoleUrl: string): void {
    const fromConsole = outside.filter((r) => r.frame.startsWith(consoleUrl));
    assert.deepEqual(fromConsole, [], 'the console loads nothing from outside');
  }

  async function listingChecks(page: Page, dev: Dev, name: string): Promise<void> {
    await page.goto(dev.consoleUrl);
    assert.equal(await page.textContent('h1'), 'Listing preview');
    assert.equal((await page.textContent('.listing-title'))?.trim(), dev.manifest.listing.title);
    const rows = await page.$$eval('[data-field="permissions"] tbody th', (ths) => ths.map((t) => t.firstChild?.textContent?.trim()));
    assert.deepEqual(rows, dev.manifest.permissions.map((p) => p.endpoint), 'every permission, in the manifest order');
    for (const p of dev.manifest.permissions) {
      assert.ok((await page.textContent('[data-field="permissions"] tbody'))!.includes(p.reason!), `the reason of ${p.endpoint}`);
    }
    const shots = await page.$$eval('[data-field="screenshots"] img', (imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
    assert.ok(shots.length >= 3 && shots.every((w) => w > 0), 'the screenshots load from the project');
    await lookAtIt(page, `${name}-listing`, axeReport);
  }

  async function installChecks(page: Page, dev: Dev, name: string): Promise<void> {
    await page.goto(`${dev.consoleUrl}install`);
    await page.fill('#install-tenant', dev.tenant);
    const required = (dev.manifest.clientSettings ?? []).filter((s) => s.required);
    // Without the permissions accepted and the required settings, the form refuses: nothing reaches the app.
    await page.click('#install-button');
    assert.match((await page.textContent('#install-problem')) ?? '', /required/);
    assert.ok(await page.$eval('#install-form', (f) => !(f as HTMLFormElement).checkValidity()));
    for (const s of required.filter((x) => x.dataType === 'String' || x.dataType === 'Select')) {
      assert.equal(await page.$eval(`[name="${s.code}"]`, (e) => (e as HTMLInputElement).validity.valueMissing), true, `${s.code} is marked missing`);
    }
    assert.equal((await page.textContent('#install-result'))!.trim(), 'Nothing sent yet.', 'no install call was made');
    await page.check('#accept');
    for (const s of dev.manifest.clientSettings ?? []) {
      if (s.dataType === 'String') await page.fill(`[name="${s.code}"]`, `Console ${s.title}`);
      else if (s.dataType === 'Radio') await page.check(`[name="${s.code}"][value="${s.options![1]}"]`);
      else if (s.dataType === 'Select') await page.selectOption(`[name="${s.code}"]`, s.options![0]!);
      else if (s.dataType === 'Integer') await page.fill(`[name="${s.code}"]`, '4');
      else if (s.dataType === 'Date Picker') await page.fill(`[name="${s.code}"]`, '2025-01-31');
    }
    await page.click('#install-button');
    await page.waitForSelector('#install-result [data-status]');
    assert.equal(await page.getAttribute('#install-result [data-status]', 'data-status'), '200');
    assert.match((await page.textContent('#install-result'))!, /Install: POST http:\/\/127\.0\.0\.1:\d+\/commerce7\/install answered HTTP 200 in \d+ ms/);
    assert.ok((await page.textContent('#install-result pre:last-of-type'))!.includes('"tenantId"'), 'the install body is shown');
    // Uninstall, then install again.
    await page.click('#uninstall-button');
    await page.waitForFunction(() => /Uninstall: POST/.test(document.querySelector('#install-result')?.textContent ?? ''));
    await page.waitForFunction((t) => !(document.querySelector('#installed')?.textContent ?? '').split(' · ')[0]!.includes(t), dev.tenant);
    await page.click('#install-button');
    await page.waitForFunction(() => /Install: POST .* answered HTTP 200/.test(document.querySelector('#install-result')?.textContent ?? ''));
    await page.waitForFunction((t) => (document.querySelector('#installed')?.textContent ?? '').includes(t), dev.tenant);
    await lookAtIt(page, `${name}-install`, axeReport);
  }

  async function webhookChecks(page: Page, dev: Dev, name: string, hook: { object: string; action: string }): Promise<void> {
    await page.goto(`${dev.consoleUrl}webhooks`);
    await page.selectOption('#hook-which', `${hook.object}|${hook.action}`);
    await page.waitForFunction(() => (document.querySelector('#hook-record') as HTMLSelectElement).options.length > 1);
    const id = await page.$eval('#hook-record', (s) => (s as HTMLSelectElement).options[1]!.value);
    await page.selectOption('#hook-record', id);
    await page.waitForFunction((x) => (document.querySelector('#hook-payload') as HTMLTextAreaElement).value.includes(x), id);
    await page.click('#deliver');
    await page.waitForSelector('#hook-result [data-status]');
    assert.equal(await page.getAttribute('#hook-result [data-status]', 'data-status'), '200', (await page.textContent('#hook-result')) ?? '');
    const answer = JSON.parse((await page.textContent('#hook-result pre'))!) as { status: string; deliveryKey: string };
    assert.match(answer.status, /queued|duplicate/);
    // Processed by the app: its inbox drains without a dead letter.
    const until = Date.now() + 30_000;
    let health: { inbox?: { pending: number; dead: number } } = {};
    while (Date.now() < until) {
      health = await (await fetch(`${dev.appUrl}/health`)).json() as typeof health;
      if (health.inbox?.pending === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(health.inbox?.pending, 0, JSON.stringify(health));
    assert.equal(health.inbox?.dead, 0);
    await page.waitForSelector('#history tr[data-cause="console"]');
    await lookAtIt(page, `${name}-webhooks`, axeReport);
  }

  async function logChecks(page: Page, dev: Dev, name: string, forbidden: { path: string; permission: string }): Promise<void> {
    await page.goto(`${dev.consoleUrl}log`);
    const res = await asApp(dev, 'GET', forbidden.path);
    assert.equal(res.status, 403);
    const sel = `[data-forbidden="${forbidden.permission}"]`;
    await page.waitForSelector(sel, { timeout: 10_000 });
    const text = (await page.textContent(sel))!;
    assert.match(text, new RegExp(`needs "${forbidden.permission}" read access`));
    assert.ok(text.includes(`npx c7-app scopes --add ${forbidden.permission}:read`), text);
    await lookAtIt(page, `${name}-log`, axeReport);
  }

  describe('Full Application (npm run dev)', () => {
    let dev: Dev;
    let page: Page;
    before(async function () {
      this.timeout(3 * 60_000);
      dev = await startDev('full', fullApplication(), 'tasting-room-full-app', root);
      page = await context.newPage();
    });
    after(async () => { await page?.close(); stopDev(dev); });

    it('listing preview: the title, every permission with its reason, the checklist marks the title with "App"', async () => {
      await listingChecks(page, dev, 'full');
      const mark = (await page.textContent('[data-field="title"] .check.fail'))!;
      assert.match(mark, /Checklist: fails.*leave out "App"/);
      assert.ok(await page.isVisible('.logo.for-light'));
      await setTheme(page, 'dark');
      assert.ok(await page.isVisible('.logo.for-dark') && !(await page.isVisible('.logo.for-light')), 'dark mode shows the Dark Mode Logo');
      await setTheme(page, 'light');
      assertNothingFromOutside(dev.consoleUrl);
    });

    it('install: a missing required setting is refused in the form; then the app answers 200; uninstall and re-install', async () => {
      await installChecks(page, dev, 'full');
    });

    it('admin: a Store Menu page opens framed with tenantId, a fresh account token and adminUITheme; dark mode reaches it', async () => {
      await page.goto(`${dev.consoleUrl}admin`);
      // By keyboard: Tab to the screen, Enter opens it and moves the focus to its first entry, Enter opens that.
      await page.focus('#admin-tenant');
      for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.getAttribute('data-screen'))); i++) await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-screen')), 'store-menu');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.closest('section')?.id), 'screen-store-menu');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-frame-result]');
      assert.equal(await page.getAttribute('[data-frame-result]', 'data-frame-result'), 'loaded', (await page.textContent('#frame-status')) ?? '');
      assert.match((await page.textContent('#frame-status'))!, /Staff token: the app checked it at GET \/account\/user, which answered 200/);
      const src = new URL((await page.getAttribute('iframe.ext', 'src'))!);
      assert.equal(src.searchParams.get('tenantId'), dev.tenant);
      assert.equal(src.searchParams.get('adminUITheme'), 'light');
      const firstToken = src.searchParams.get('account');
      assert.ok(firstToken && firstToken.length > 20);
      const frame = page.frames().find((f) => f.url().includes('/extensions/tasting-notes'))!;
      assert.equal(await frame.textContent('h1'), 'Tasting Notes');
      assert.equal(await frame.getAttribute('html', 'data-theme'), 'light');
      await page.locator('section[aria-labelledby="frame-title"]').screenshot({ path: path.join(SHOTS, 'full-admin-page-light.png') });

      await page.click('#theme-switch');
      await page.waitForFunction(() => new URL((document.querySelector('iframe.ext') as HTMLIFrameElement).src).searchParams.get('adminUITheme') === 'dark');
      await page.waitForSelector('[data-frame-result="loaded"]');
      const dark = page.frames().find((f) => f.url().includes('adminUITheme=dark'))!;
      await dark.waitForSelector('h1');
      assert.equal(await dark.getAttribute('html', 'data-theme'), 'dark', 'the framed page follows the dark theme');
      const darkToken = new URL(dark.url()).searchParams.get('account');
      assert.notEqual(darkToken, firstToken, 'each opening gets a fresh staff token');
      await page.locator('section[aria-labelledby="frame-title"]').screenshot({ path: path.join(SHOTS, 'full-admin-page-dark.png') });
      await page.click('#theme-switch');
    });

    it('admin: Order Detail draws the Card from its JSON and shows the Context Menu Action\u2019s answer', async () => {
      await page.goto(`${dev.consoleUrl}admin`);
      await page.click('[data-screen="order-detail"]');
      await page.waitForSelector('#screen-order-detail .c7-card');
      assert.equal(await page.getAttribute('#screen-order-detail .c7-card', 'data-status'), '200', (await page.textContent('#screen-order-detail .cards')) ?? '');
      assert.ok(((await page.textContent('#screen-order-detail .c7-card h4')) ?? '').length > 0, 'the card has its title');
      await page.click('#screen-order-detail details.more summary');
      await page.click('#screen-order-detail details.more button');
      await page.waitForSelector('[data-action-status]');
      assert.equal(await page.getAttribute('[data-action-status]', 'data-action-status'), '200');
      assert.match((await page.textContent('[data-action-message]'))!, /^Commerce7 shows a (success|info|error) message: ./);
      // The Tab Menu page opens framed too.
      await page.click('#screen-order-detail .tabs button');
      await page.waitForSelector('[data-frame-result]');
      assert.equal(await page.getAttribute('[data-frame-result]', 'data-frame-result'), 'loaded', (await page.textContent('#frame-status')) ?? '');
      assert.match(new URL((await page.getAttribute('iframe.ext', 'src'))!).searchParams.get('orderId') ?? '', /./, 'the order in context');
      await lookAtIt(page, 'full-admin', axeReport);
      assertNothingFromOutside(dev.consoleUrl);
    });

    it('webhooks: a Reservation Create delivered from the console is processed; the app\u2019s own write shows in the history', async () => {
      await webhookChecks(page, dev, 'full', { object: 'Reservation', action: 'Create' });
      const list = (await (await asApp(dev, 'GET', '/reservation')).json()) as { reservations: Array<{ id: string }> };
      const put = await asApp(dev, 'PUT', `/reservation/${list.reservations[0]!.id}`, { notes: 'changed by the app' });
      assert.equal(put.status, 200);
      await page.waitForSelector('#history tr[data-cause="app"]', { timeout: 10_000 });
      assert.match((await page.textContent('#history tr[data-cause="app"]'))!, /Reservation Update.*the emulator, for the app's own write.*HTTP 200/);
      await page.screenshot({ path: path.join(SHOTS, 'full-webhooks-history-light.png'), fullPage: true });
    });

    it('API log: a forbidden call names its permission and the scopes command; a 429 shows the minute\u2019s count', async () => {
      await logChecks(page, dev, 'full', { path: '/vendor', permission: 'Vendor' });
      // Past the limit: 100 calls a minute per tenant.
      const codes: number[] = [];
      for (let i = 0; i < 110 && !codes.includes(429); i++) codes.push((await asApp(dev, 'GET', '/product')).status);
      assert.ok(codes.includes(429), 'the emulator answered 429');
      await page.waitForSelector('[data-rate]', { timeout: 10_000 });
      const count = Number(await page.getAttribute('[data-rate]', 'data-rate'));
      assert.ok(count >= 100, `the minute's count (${count})`);
      assert.match((await page.textContent('[data-rate]'))!, /^429: \d+ calls from .* in the minute up to this one, this one included \(the limit is 100 a minute\)/);
      await page.screenshot({ path: path.join(SHOTS, 'full-log-429-light.png'), fullPage: true });
    });
  });

  describe('admin shell: failures explained (a small app that gets them wrong)', () => {
    it('a page that refuses to be framed, and one that fails the staff-token check, say so', async () => {
      // Page 1 sends X-Frame-Options: SAMEORIGIN; page 2 asks /account/user with "Bearer" (refused) and answers 401.
      let emu: Emulator | undefined;
      const app = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (url.pathname === '/extensions/tasting-notes') { res.writeHead(200, { 'content-type': 'text/html', 'x-frame-options': 'SAMEORIGIN' }); res.end('<h1>Framed?</h1>'); return; }
        if (url.pathname === '/extensions/order-tasting') {
          void fetch(`${emu!.url}/account/user`, { headers: { Authorization: `Bearer ${url.searchParams.get('account')}`, tenant: url.searchParams.get('tenantId')! } }).then((r) => {
            res.writeHead(r.status === 200 ? 200 : 401, { 'content-type': 'text/html', 'content-security-policy': "frame-ancestors 'self' https://*.commerce7.com" });
            res.end(`<h1>We could not confirm who you are</h1><script src="https://dev-center.platform.commerce7.com/v2/commerce7.js"></script>`);
          });
          return;
        }
        res.writeHead(404); res.end();
      });
      await new Promise<void>((r) => app.listen(0, '127.0.0.1', () => r()));
      const appUrl = `http://127.0.0.1:${(app.address() as { port: number }).port}`;
      emu = await startEmulator({ manifest: EXAMPLE_MANIFESTS[2]!, appSecret: SECRET, deliverWebhooks: { appUrl } });
      const page = await context.newPage();
      try {
        await page.goto(`${emu.origin}/admin`);
        await page.click('[data-screen="store-menu"]');
        await page.click('#screen-store-menu [data-open]');
        await page.waitForSelector('[data-frame-result]');
        assert.equal(await page.getAttribute('[data-frame-result]', 'data-frame-result'), 'failed');
        assert.match((await page.textContent('#frame-status'))!, /Refuses to be framed: it sends X-Frame-Options: SAMEORIGIN/);
        assert.match((await page.textContent('#frame-status'))!, /did not check the staff token at GET \/account\/user/);
        await page.screenshot({ path: path.join(SHOTS, 'failures-refused-frame-light.png'), fullPage: true });
        await page.click('[data-screen="order-detail"]');
        await page.click('#screen-order-detail .tabs button');
        await page.waitForSelector('[data-frame-result]');
        const status = (await page.textContent('#frame-status'))!;
        assert.match(status, /Staff token check failed: GET \/account\/user answered 401/);
        assert.match(status, /The app refused the page: We could not confirm who you are/);
        assert.match(status, /Framing: Commerce7 \(https:\/\/vineyard-labs-sandbox\.admin\.platform\.commerce7\.com\) may frame it/);
      } finally {
        await page.close();
        await emu.stop();
        app.close();
      }
    });
  });

  describe('Integration (npm run dev): no admin shell', () => {
    let dev: Dev;
    let page: Page;
    before(async function () {
      this.timeout(3 * 60_000);
      dev = await startDev('integration', example(0), 'order-sync-integration', root);
      page = await context.newPage();
    });
    after(async () => { await page?.close(); stopDev(dev); });

    it('listing, install, webhooks and API log pass; there is no Admin page', async () => {
      await listingChecks(page, dev, 'integration');
      assert.equal(await page.$('nav.pages a[href="/admin"]'), null);
      assert.equal((await page.goto(`${dev.consoleUrl}admin`))!.status(), 404);
      assert.match((await page.textContent('main'))!, /Extensions are for Full Applications/);
      await installChecks(page, dev, 'integration');
      await webhookChecks(page, dev, 'integration', { object: 'Order', action: 'Create' });
      await logChecks(page, dev, 'integration', { path: '/vendor', permission: 'Vendor' });
      assertNothingFromOutside(dev.consoleUrl);
    });
  });

  describe('Private (npm run dev): refuses a tenant it does not allow', () => {
    let dev: Dev;
    let page: Page;
    before(async function () {
      this.timeout(3 * 60_000);
      dev = await startDev('private', example(1), 'private-club-export', root);
      page = await context.newPage();
    });
    after(async () => { await page?.close(); stopDev(dev); });

    it('listing, install (an unlisted tenant refused), webhooks and API log pass; no Admin page', async () => {
      await listingChecks(page, dev, 'private');
      assert.equal(await page.$('nav.pages a[href="/admin"]'), null);
      await installChecks(page, dev, 'private');
      await page.fill('#install-tenant', 'demo-winery');
      await page.click('#install-button');
      await page.waitForFunction(() => /App not available/.test(document.querySelector('#install-problem')?.textContent ?? ''));
      assert.match((await page.textContent('#install-problem'))!, /not to "demo-winery"/);
      await page.waitForFunction(() => !(document.querySelector('#installed')?.textContent ?? '').includes('demo-winery'));
      await webhookChecks(page, dev, 'private', { object: 'Club Membership', action: 'Create' });
      await logChecks(page, dev, 'private', { path: '/vendor', permission: 'Vendor' });
      assertNothingFromOutside(dev.consoleUrl);
    });
  });
});

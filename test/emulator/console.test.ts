// The console's parts that need no browser: framing verdicts, one control per client-setting data type, the
// server's own check of the install form, the API log's explanations, the routes and their guards, and that the
// emulator loads the console only when it is asked for a page. (test/browser/ drives it in Chromium.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { CLIENT_SETTING_DATA_TYPE_NAMES } from '../../generators/lib/catalog/client-settings.js';
import { framingVerdict, standInHeaders } from '../../generators/lib/emulator/console/framing.js';
import { checkSettings, explainLog, CONTROL_OF_TYPE } from '../../generators/lib/emulator/console/model.js';
import { installPage } from '../../generators/lib/emulator/console/pages.js';
import { startEmulator, type Emulator } from '../../generators/lib/emulator/index.js';
import type { Manifest } from '../../generators/lib/manifest/types.js';
import { EXAMPLE_MANIFESTS, ROOT } from '../support/paths.js';

const full = () => JSON.parse(readFileSync(EXAMPLE_MANIFESTS[2]!, 'utf8')) as Manifest;
const ADMIN = 'https://demo-winery.admin.platform.commerce7.com';

describe('emulator console: framing', () => {
  const page = 'http://127.0.0.1:3000/extensions/x';
  it('the generated app\u2019s frame-ancestors lets Commerce7 frame it, and no one else', () => {
    const h = { 'content-security-policy': "frame-ancestors 'self' https://*.commerce7.com" };
    assert.equal(framingVerdict(h, page, ADMIN).allowed, true);
    assert.equal(framingVerdict(h, page, 'https://evil.test').allowed, false);
  });
  it('X-Frame-Options SAMEORIGIN or DENY refuses, unless a frame-ancestors governs', () => {
    assert.match(framingVerdict({ 'x-frame-options': 'SAMEORIGIN' }, page, ADMIN).why, /X-Frame-Options: SAMEORIGIN/);
    assert.equal(framingVerdict({ 'x-frame-options': 'DENY' }, page, ADMIN).allowed, false);
    assert.equal(framingVerdict({ 'x-frame-options': 'DENY', 'content-security-policy': 'frame-ancestors https:' }, page, ADMIN).allowed, true);
  });
  it("'none', 'self' alone and another host refuse; every CSP header must allow", () => {
    for (const csp of ["frame-ancestors 'none'", "frame-ancestors 'self'", 'frame-ancestors https://other.test']) assert.equal(framingVerdict({ 'content-security-policy': csp }, page, ADMIN).allowed, false, csp);
    assert.equal(framingVerdict({ 'content-security-policy': ['frame-ancestors *', "frame-ancestors 'none'"] }, page, ADMIN).allowed, false);
  });
  it('the stand-in headers grant the console alone and keep the other directives', () => {
    const out = standInHeaders({ 'content-security-policy': "default-src 'self'; frame-ancestors 'self' https://*.commerce7.com", 'x-frame-options': 'SAMEORIGIN' }, 'http://127.0.0.1:7070');
    assert.equal(out['content-security-policy']![0], "default-src 'self'; frame-ancestors http://127.0.0.1:7070");
    assert.equal(out['x-frame-options'], undefined);
  });
});

describe('emulator console: install form', () => {
  it('every client-setting data type has its own control, in the manifest order', () => {
    assert.deepEqual(Object.keys(CONTROL_OF_TYPE).sort(), [...CLIENT_SETTING_DATA_TYPE_NAMES].sort());
    const m = full();
    m.clientSettings = CLIENT_SETTING_DATA_TYPE_NAMES.map((t, i) => ({
      title: `Setting ${i}`, code: `s${i}`, dataType: t, required: true, ...(['Radio', 'Checkbox', 'Select'].includes(t) ? { options: ['a', 'b'] } : {}),
    })) as Manifest['clientSettings'];
    const html = installPage({ manifest: m, root: undefined, tenants: ['demo-winery'] });
    const expect: Record<string, RegExp> = {
      String: /<input id="setting-0" name="s0" type="text"[^>]* required>/, TextArea: /<textarea id="setting-1" name="s1"[^>]* required>/,
      Integer: /<input id="setting-2" name="s2" type="number" step="1"[^>]* required>/, Number: /<input id="setting-3" name="s3" type="number" step="any"/,
      HTML: /<textarea id="setting-4" name="s4"[^>]*data-type="HTML"/, 'True / False': /<input id="setting-5" name="s5" type="checkbox" role="switch"/,
      'Yes / No': /<legend>Setting 6[\s\S]*?value="yes"[\s\S]*?value="no"/, Radio: /id="setting-7-0" type="radio" name="s7" value="a" required/,
      Checkbox: /data-type="Checkbox" data-required="true"[\s\S]*?id="setting-8-0" type="checkbox" name="s8" value="a"/,
      Select: /<select id="setting-9" name="s9"[^>]* required><option value="">Choose…<\/option><option>a<\/option>/, 'Date Picker': /<input id="setting-10" name="s10" type="date"[^>]* required>/,
    };
    for (const [type, re] of Object.entries(expect)) assert.match(html, re, type);
    for (let i = 0; i < 11; i++) assert.match(html, new RegExp(`for="setting-${i}(-yes|-0)?"|<legend>Setting ${i}`), `setting ${i} is labelled`);
    const order = [...html.matchAll(/name="(s\d+)"/g)].map((x) => x[1]);
    assert.deepEqual([...new Set(order)], CLIENT_SETTING_DATA_TYPE_NAMES.map((_, i) => `s${i}`));
  });
  it('the server refuses a missing required setting and a value of the wrong type, and types the rest', () => {
    const m = full();
    assert.deepEqual(checkSettings(m, { flightSize: 'x' }).problems, ['Tasting room name is required', 'Default tasting flight size: a whole number', 'Rating scale is required']);
    const ok = checkSettings(m, { tastingRoomName: 'Barrel room', ratingScale: '20 points', flightSize: '4', shareNotes: true });
    assert.deepEqual(ok, { problems: [], values: { tastingRoomName: 'Barrel room', shareNotes: true, flightSize: 4, ratingScale: '20 points' } });
    assert.deepEqual(checkSettings(m, { tastingRoomName: 'x', ratingScale: '3 stars' }).problems, ['Rating scale: "3 stars" is not an option']);
  });
});

describe('emulator console: API log explanations', () => {
  const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, s)).toISOString();
  it('a 403 names the missing permission and the command; a 429 counts the tenant\u2019s minute', () => {
    const m = full();
    const entries = [
      ...Array.from({ length: 100 }, (_, i) => ({ time: at(i % 50), method: 'GET', path: '/v1/product', tenant: 'demo-winery', status: 200, permission: 'Product:read', ms: 1 })),
      { time: at(51), method: 'GET', path: '/v1/customer?cursor=start', tenant: 'demo-winery', status: 200, permission: 'Customer:read', ms: 1 },
      { time: at(52), method: 'GET', path: '/v1/product', tenant: 'other', status: 200, permission: 'Product:read', ms: 1 },
      { time: at(53), method: 'POST', path: '/v1/product', tenant: 'demo-winery', status: 403, permission: 'Product:full', ms: 1 },
      { time: at(54), method: 'GET', path: '/v1/club-membership', tenant: 'demo-winery', status: 403, permission: 'Club Membership:read', ms: 1 },
      { time: at(55), method: 'GET', path: '/v1/product', tenant: 'demo-winery', status: 429, permission: 'Product:read', ms: 1 },
    ];
    assert.deepEqual(explainLog(m, entries, 102, 1).forbidden, [{ permission: 'Product', access: 'full', has: 'read', command: 'npx c7-app scopes --add Product:full --reason "<why the app needs it>"' }]);
    assert.equal(explainLog(m, entries, 103, 1).forbidden![0]!.command, 'npx c7-app scopes --add "Club Membership":read --reason "<why the app needs it>"');
    assert.deepEqual(explainLog(m, entries, 104, 1).minute, { count: 103, limit: 100 });
  });
});

describe('emulator console: served by the emulator', () => {
  let emu: Emulator;
  before(async () => { emu = await startEmulator({ manifest: EXAMPLE_MANIFESTS[2]!, appSecret: 'test-app-secret' }); });
  after(async () => { await emu.stop(); });

  it('serves its pages at the root with a CSP that allows nothing from outside, and keeps them out of the API log', async () => {
    for (const p of ['/', '/install', '/admin', '/webhooks', '/log']) {
      const res = await fetch(`${emu.origin}${p}`);
      assert.equal(res.status, 200, p);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'.*frame-ancestors 'none'/);
      assert.doesNotMatch(await res.text(), /https?:\/\/(?!127\.0\.0\.1)[^"\s]*\.(css|js|woff2?)"/, `${p} names no outside resource`);
    }
    assert.equal((await fetch(`${emu.origin}/__console/file/logo`)).headers.get('content-type'), 'image/png');
    assert.equal((await fetch(`${emu.origin}/__console/file/..%2Fc7-app.json`)).status, 404);
    assert.equal(emu.requests.length, 0, 'console pages are not API calls');
    assert.equal((await fetch(`${emu.origin}/v1/nothing`)).status, 401);
  });
  it('acts only for the console page itself: a custom header, the same origin, and its own host name', async () => {
    const post = (headers: Record<string, string>) => fetch(`${emu.origin}/__console/api/uninstall`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"tenant":"demo-winery"}' });
    assert.equal((await post({})).status, 403);
    assert.equal((await post({ 'x-c7-console': '1', origin: 'https://evil.test' })).status, 403);
    // A name rebound to 127.0.0.1 (DNS rebinding) arrives with its own Host header.
    const rebound = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: emu.port, path: '/', headers: { host: `evil.test:${emu.port}` } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject).end();
    });
    assert.equal(rebound, 421);
    assert.ok(emu.installedTenants().includes('demo-winery'), 'nothing was uninstalled');
  });
  it('is loaded lazily: the built server imports console/ only inside a request for it', () => {
    const js = readFileSync(path.join(ROOT, 'dist/generators/lib/emulator/server.js'), 'utf8');
    assert.doesNotMatch(js, /^import[^;]*['"]\.\/console\//m, 'no static import of the console');
    assert.match(js, /import\('\.\/console\/index\.js'\)/);
  });
});

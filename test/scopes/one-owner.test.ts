// Each generated file has one owner. What someone pastes into the App Development Center is derived from
// c7-app.json (APP_DEVELOPMENT_CENTER.md, PERMISSIONS.md, TOUR.md), so a permission change reaches it; README.md
// is the user's and copies none of it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runApp, runScopes } from '../support/generator.js';
import { runCli } from '../support/cli.js';
import { EXAMPLE_MANIFESTS } from '../support/paths.js';

const read = (dir: string, f: string) => readFileSync(path.join(dir, f), 'utf8');

describe('one owner per generated file', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'c7-owner-'));
    await runApp().inDir(dir).withOptions({ answers: EXAMPLE_MANIFESTS[2], teach: true });
  });

  it('APP_DEVELOPMENT_CENTER.md holds every screen to paste, Create Listing included; README.md links to it', () => {
    const adc = read(dir, 'APP_DEVELOPMENT_CENTER.md');
    for (const screen of ['Create App', 'APIs & Webhooks', 'Client Settings', 'Extensions', 'Installation', 'Test Your App', 'Create Listing']) {
      assert.match(adc, new RegExp(`^### .*${screen}`, 'm'), screen);
    }
    assert.match(adc, /Tasting Notes/);
    const readme = read(dir, 'README.md');
    assert.match(readme, /\[APP_DEVELOPMENT_CENTER\.md\]\(APP_DEVELOPMENT_CENTER\.md\)/);
    assert.match(readme, /\[PERMISSIONS\.md\]\(PERMISSIONS\.md\)/);
    assert.doesNotMatch(readme, /\| Endpoint \| Access/, 'README.md copies no permission table');
  });

  it('scopes --add reaches every file that lists permissions; README.md is left alone', async () => {
    const readme = read(dir, 'README.md');
    await runScopes(dir).withOptions({ add: 'Club Membership:read', reason: 'Shows the club on the tasting sheet', yes: true });
    for (const f of ['APP_DEVELOPMENT_CENTER.md', 'PERMISSIONS.md', 'TOUR.md']) assert.match(read(dir, f), /Club Membership/, f);
    assert.equal(read(dir, 'README.md'), readme);
  });

  it('the built scopes says "updated" once per rewritten file: no yellow force, no note about package.json', () => {
    const r = runCli(['scopes', '--add', 'Gift Card:read', '--reason', 'Shows gift card balances', '--yes'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const out = r.stdout + r.stderr;
    assert.match(out, /^ {2}updated PERMISSIONS\.md$/m);
    assert.equal(out.match(/PERMISSIONS\.md/g)?.length, 1);
    assert.doesNotMatch(out, /\bforce\b|No change to package\.json/);
  });

  it('scopes --check names APP_DEVELOPMENT_CENTER.md and TOUR.md when the manifest changed by hand', () => {
    const m = JSON.parse(read(dir, 'c7-app.json'));
    m.permissions = m.permissions.filter((p: { endpoint: string }) => p.endpoint !== 'Club Membership');
    writeFileSync(path.join(dir, 'c7-app.json'), JSON.stringify(m, null, 2) + '\n');
    const r = runCli(['scopes', '--check'], { cwd: dir });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /APP_DEVELOPMENT_CENTER\.md/);
    assert.match(r.stdout, /TOUR\.md/);
  });
});

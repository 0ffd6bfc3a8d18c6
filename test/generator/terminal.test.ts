// The interactive prompts in a real terminal (tmux), once per app type, through the built `c7-app new`.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PERMISSION_NAMES } from '../../generators/lib/catalog/index.js';
import { CLI } from '../support/paths.js';
import { hasTmux, Terminal } from '../support/terminal.js';

type Step = [prompt: RegExp, ...keys: Array<string | { text: string }>];

async function drive(term: Terminal, steps: Step[]) {
  for (const [prompt, ...keys] of steps) {
    await term.waitFor(new RegExp(`^\\? ${prompt.source}`, 'm'));
    for (const k of keys) typeof k === 'string' ? term.keys(k) : term.type(k.text);
  }
}

const text = (t: string) => ({ text: t });
const down = (n: number) => Array<string>(n).fill('Down');
const pick = (name: string) => [...down(PERMISSION_NAMES.indexOf(name as never)), 'Space'];

function common(typeKeys: string[], extra: Step[]): Step[] {
  return [
    [/App title/, text('Tasting Notes'), 'Enter'],
    [/App ID/, 'Enter'],
    [/App type/, ...typeKeys, 'Enter'],
    ...extra.filter(([p]) => /Allowed clients/.test(p.source)),
    [/Company name/, text('Vineyard Labs'), 'Enter'],
    [/Contact email/, text('apps@vineyardlabs.test'), 'Enter'],
    [/Test tenants/, text('vineyard-sandbox'), 'Enter'],
    [/Does this app replace/, 'Enter'],
    [/API access/, ...pick('Order'), 'Enter'],
    [/Order: read or full/, 'Enter'],
    [/Order read: why/, text('Lists what the guest bought'), 'Enter'],
    [/Webhooks: which objects/, 'Enter'],
    [/Add a client setting/, 'Enter'],
    ...extra.filter(([p]) => !/Allowed clients/.test(p.source)),
    [/Your app.s public base URL/, text('https://notes.vineyardlabs.test'), 'Enter'],
    [/Install path/, 'Enter'],
    [/Uninstall path/, 'Enter'],
    [/Should Commerce7 send Basic auth/, 'Enter'],
    [/Pricing model/, 'Enter'],
    [/Listing title/, 'Enter'],
    [/Summary/, text('Tasting notes that sell'), 'Enter'],
    [/Description/, 'Enter'],
    [/Key feature 1/, text('A tasting sheet per reservation'), 'Enter'],
    [/Key feature 2/, text('Notes saved on the customer'), 'Enter'],
    [/Key feature 3/, 'Enter'],
    [/Key feature 3/, text('A follow-up tag'), 'Enter'],
    [/Key feature 4/, 'Enter'],
    [/Category/, 'Enter'],
    [/Website URL/, 'Enter'],
    [/Support email/, 'Enter'],
    [/Logo/, 'Enter'],
    [/Screenshots/, 'Enter'],
    [/Add teaching comments/, 'Enter'],
  ];
}

(hasTmux ? describe : describe.skip)('c7-app new in a real terminal [slow]', function () {
  this.timeout(120_000);
  const cases: Array<[string, string[], Step[], (m: any) => void]> = [
    ['Integration', [], [], (m) => assert.equal(m.app.type, 'integration')],
    ['Private', ['Down'], [[/Allowed clients/, text('hillside-estate, hillside-cellars'), 'Enter']], (m) => {
      assert.equal(m.app.type, 'private');
      assert.deepEqual(m.app.allowedTenants, ['hillside-estate', 'hillside-cellars']);
    }],
    ['Full Application', ['Down', 'Down'], [
      [/Add an extension/, 'Enter'],
      [/Extension type/, 'Enter'],
      [/Where does the Page appear/, 'Down', 'Enter'],
      [/Icon shown/, 'Enter'],
      [/Title shown/, text('Tasting Notes'), 'Enter'],
      [/iFrame URL/, 'Enter'],
      [/Optional iFrame height/, 'Enter'],
      [/Add another extension/, 'Enter'],
    ], (m) => {
      assert.equal(m.app.type, 'full-application');
      assert.deepEqual(m.extensions, [{ type: 'Page', location: 'Store Menu', icon: 'apps', title: 'Tasting Notes', iframeUrl: '/extensions/tasting-notes' }]);
    }],
  ];
  for (const [label, typeKeys, extra, check] of cases) {
    it(`${label}: every answer typed at the prompts lands in c7-app.json`, async () => {
      const dir = path.join(mkdtempSync(path.join(tmpdir(), 'c7-tty-')), 'app');
      const term = new Terminal(`node ${CLI} new ${dir} --skip-install`, { cwd: tmpdir() });
      try {
        await drive(term, common(typeKeys, extra));
        const screen = await term.waitFor(/\[exit \d+\]/, { timeoutMs: 60_000 });
        assert.match(screen, /\[exit 0\]/, screen);
        const m = JSON.parse(readFileSync(path.join(dir, 'c7-app.json'), 'utf8'));
        assert.equal(m.app.id, 'tasting-notes');
        assert.deepEqual(m.permissions, [{ endpoint: 'Order', access: 'read', reason: 'Lists what the guest bought' }]);
        assert.deepEqual(m.app.testTenants, ['vineyard-sandbox']);
        // The features asked one by one become the "- " lines the checklist counts; Enter on a needed one is refused.
        assert.equal(m.listing.description, 'Tasting notes that sell\n\n- A tasting sheet per reservation\n- Notes saved on the customer\n- A follow-up tag');
        check(m);
      } finally {
        term.close();
      }
    });
  }

  it('a bad answer is refused at the prompt with how to fix it', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'c7-tty-')), 'app');
    const term = new Terminal(`node ${CLI} new ${dir} --skip-install`, { cwd: tmpdir() });
    try {
      await drive(term, [[/App title/, text('Tasting Notes'), 'Enter'], [/App ID/, 'C-u', text('Bad ID'), 'Enter']]);
      const screen = await term.waitFor(/use lowercase letters, digits and hyphens/);
      assert.match(screen, /use lowercase letters/);
    } finally {
      term.close();
    }
  });
  it('Ctrl-C at a prompt exits 130 without a stack trace, and the next run offers to resume the answers', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'c7-tty-')), 'app');
    let term = new Terminal(`node ${CLI} new ${dir} --skip-install`, { cwd: tmpdir() });
    try {
      await drive(term, [[/App title/, text('Tasting Notes'), 'Enter'], [/App ID/, 'Enter'], [/App type/]]);
      term.keys('C-c');
      const screen = await term.waitFor(/\[exit \d+\]/);
      assert.match(screen, /\[exit 130\]/, screen);
      assert.doesNotMatch(screen, /ExitPromptError|    at /, screen);
      assert.match(screen, /resume/i);
      const draft = JSON.parse(readFileSync(path.join(dir, '.c7-app-draft.json'), 'utf8'));
      assert.equal(draft.draft.app.title, 'Tasting Notes');
      assert.equal(draft.draft.app.id, 'tasting-notes');
    } finally {
      term.close();
    }
    term = new Terminal(`node ${CLI} new ${dir} --skip-install`, { cwd: tmpdir() });
    try {
      await drive(term, [[/Resume/, 'Enter']]);
      // The title and ID are not asked again: the next question is the app type.
      const screen = await term.waitFor(/^\? App type/m);
      assert.doesNotMatch(screen, /^\? App title/m);
    } finally {
      term.close();
    }
  });
});

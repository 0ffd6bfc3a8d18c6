// `c7-app scopes` with change flags in a real terminal (tmux): it asks to confirm instead of refusing as if there
// were no terminal. A reduction defaults to yes; an escalation must be confirmed explicitly.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI } from '../support/paths.js';
import { runCli } from '../support/cli.js';
import { hasTmux, Terminal } from '../support/terminal.js';

(hasTmux ? describe : describe.skip)('c7-app scopes with change flags in a real terminal [slow]', function () {
  this.timeout(90_000);
  let project: string;
  const manifest = () => JSON.parse(readFileSync(path.join(project, 'c7-app.json'), 'utf8')) as { permissions: Array<{ endpoint: string; access: string }> };

  before(() => {
    project = path.join(mkdtempSync(path.join(tmpdir(), 'c7-scopes-tty-')), 'app');
    const r = runCli(['new', project, '--example', '--skip-install']);
    assert.equal(r.status, 0, r.stderr);
  });

  async function inTerminal(args: string, keys: string[], expectExit: number): Promise<string> {
    const term = new Terminal(`node ${CLI} scopes ${args}`, { cwd: project });
    try {
      const question = await term.waitFor(/^\? Write c7-app\.json/m);
      term.keys(...keys);
      const screen = await term.waitFor(/\[exit \d+\]/, { timeoutMs: 60_000 });
      assert.match(screen, new RegExp(`\\[exit ${expectExit}\\]`), screen);
      return question + screen;
    } finally {
      term.close();
    }
  }

  it('an escalation asks, defaults to no, and Enter writes nothing', async () => {
    const screen = await inTerminal('--add "Club Membership:read" --reason "Shows the club on the tasting sheet"', ['Enter'], 1);
    assert.match(screen, /escalation/);
    assert.match(screen, /\(y\/N\)/);
    assert.ok(!manifest().permissions.some((p) => p.endpoint === 'Club Membership'));
  });

  it('an escalation confirmed with y is written', async () => {
    await inTerminal('--add "Club Membership:read" --reason "Shows the club on the tasting sheet"', ['y', 'Enter'], 0);
    assert.ok(manifest().permissions.some((p) => p.endpoint === 'Club Membership' && p.access === 'read'));
  });

  it('a reduction asks with yes as the default', async () => {
    const screen = await inTerminal('--remove "Club Membership"', ['Enter'], 0);
    assert.match(screen, /\(Y\/n\)/);
    assert.ok(!manifest().permissions.some((p) => p.endpoint === 'Club Membership'));
  });

  it('--yes does not ask', async () => {
    const term = new Terminal(`node ${CLI} scopes --set "Tag:read" --yes`, { cwd: project });
    try {
      const screen = await term.waitFor(/\[exit \d+\]/, { timeoutMs: 60_000 });
      assert.match(screen, /\[exit 0\]/, screen);
      assert.doesNotMatch(screen, /\? Write c7-app\.json/);
      assert.ok(manifest().permissions.some((p) => p.endpoint === 'Tag' && p.access === 'read'));
    } finally {
      term.close();
    }
  });
});

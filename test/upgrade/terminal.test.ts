// `c7-app upgrade` in a real terminal (tmux): it prints the plan and asks; Enter (the default, no) writes nothing,
// `y` writes.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI } from '../support/paths.js';
import { snapshot } from '../support/snapshot.js';
import { hasTmux, Terminal } from '../support/terminal.js';
import { writeFixture } from './support.js';

(hasTmux ? describe : describe.skip)('c7-app upgrade in a real terminal [slow]', function () {
  this.timeout(120_000);
  const terminals: Terminal[] = [];
  after(() => { for (const t of terminals) t.close(); });
  const open = (dir: string) => { const t = new Terminal(`${process.execPath} ${CLI} upgrade`, { cwd: dir }); terminals.push(t); return t; };

  it('asks; Enter writes nothing, y writes', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'c7-upgrade-tty-')), 'tasting-room');
    writeFixture('tasting-room', dir);
    const before = snapshot(dir);
    const no = open(dir);
    await no.waitFor(/Write these changes\? \[y\/N\]/);
    no.keys('Enter');
    await no.waitFor(/\[exit 1\]/);
    assert.match(no.screen(), /Nothing was written/);
    const same = snapshot(dir);
    assert.equal(same.size, before.size);
    for (const [p, b] of before) assert.ok(same.get(p)!.equals(b), `${p} unchanged`);
    const yes = open(dir);
    await yes.waitFor(/Write these changes\? \[y\/N\]/);
    yes.type('y');
    yes.keys('Enter');
    await yes.waitFor(/\[exit 0\]/);
    assert.match(yes.screen(), /Upgraded to generator-c7-app/);
    assert.ok(existsSync(path.join(dir, '.c7-app-base.json.gz')));
  });
});

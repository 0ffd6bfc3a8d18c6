// `c7-app upgrade --yes` killed (SIGKILL) at random moments of its write phase, on the edited cb22061 project (a
// merge and a conflict among its files): every file on disk is whole (its content before the upgrade, or the one an
// uninterrupted upgrade writes), and the next `upgrade --yes` completes it to exactly what an uninterrupted one
// leaves (the conflicted file is not wrapped in new markers). The built bin, no TTY; the write phase is seen from
// outside: the upgrade journal appearing.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.js';
import { CLI } from '../support/paths.js';
import { snapshot, type Snapshot } from '../support/snapshot.js';
import { editedProject, freshProject } from './support.js';

const JOURNAL = '.c7-app/upgrade-journal.json';
const KILLS = Number(process.env.C7_KILLS_UPGRADE ?? 8);
/** .c7-app/ holds the backups and the journal (ignored by the generated .gitignore): not project files. */
const project = (s: Snapshot) => new Map([...s].filter(([p]) => !p.startsWith('.c7-app/')));

/** Runs `upgrade --yes` in `dir`, SIGKILLed `ms` after its journal appears (undefined: never); times the write phase. */
function upgradeKilledAfter(dir: string, ms: number | undefined): Promise<{ killed: boolean; sawJournal: boolean; phase: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'upgrade', '--yes'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'ignore'] });
    let sawJournal = false;
    let killed = false;
    let seenAt = 0;
    let goneAt = 0;
    const poll = setInterval(() => {
      const there = existsSync(path.join(dir, JOURNAL));
      if (sawJournal && !there && !goneAt) goneAt = Date.now();
      if (sawJournal || !there) return;
      sawJournal = true;
      seenAt = Date.now();
      if (ms !== undefined) setTimeout(() => { killed = child.kill('SIGKILL'); }, ms);
    }, 1);
    child.on('close', (_code, signal) => {
      clearInterval(poll);
      resolve({ killed: killed && signal === 'SIGKILL', sawJournal, phase: (goneAt || Date.now()) - seenAt });
    });
  });
}

describe('c7-app upgrade killed mid-write', function () {
  this.timeout(10 * 60_000);
  let template: string;
  let old: Snapshot;
  let after: Snapshot;
  let phase: number;
  before(async () => {
    const fresh = freshProject('tasting-room');
    template = path.join(mkdtempSync(path.join(tmpdir(), 'c7-upgrade-kill-')), 'tasting-room');
    editedProject(template, fresh);
    old = project(snapshot(template));
    const whole = path.join(mkdtempSync(path.join(tmpdir(), 'c7-upgrade-whole-')), 'tasting-room');
    cpSync(template, whole, { recursive: true });
    const r = await upgradeKilledAfter(whole, undefined);
    assert.ok(r.sawJournal);
    phase = r.phase;
    after = project(snapshot(whole));
    assert.ok(after.get('src/server/webhooks.ts')!.toString('utf8').includes('<<<<<<< yours'), 'the uninterrupted upgrade wrote a conflict');
  });

  it(`leaves every file whole, and the next run completes it (${KILLS} kills)`, async () => {
    let interrupted = 0;
    // One run killed `delay` ms after its journal appears; every file whole, and the next run completes it.
    const once = async (i: number, delay: number): Promise<boolean> => {
      const dir = path.join(mkdtempSync(path.join(tmpdir(), 'c7-upgrade-killed-')), 'tasting-room');
      cpSync(template, dir, { recursive: true });
      const { killed, sawJournal } = await upgradeKilledAfter(dir, delay);
      assert.ok(sawJournal, 'the upgrade wrote its journal before its first file');
      const now = snapshot(dir);
      for (const [p, bytes] of project(now)) {
        const ok = old.get(p)?.equals(bytes) || after.get(p)?.equals(bytes);
        // write-file-atomic's temporary name next to a target: removed by the next run
        const temp = /\.\d+$/.test(p) && (old.has(p.replace(/\.\d+$/, '')) || after.has(p.replace(/\.\d+$/, '')));
        assert.ok(ok || temp, `${p} is neither its old nor its new content (${bytes.length} B), kill #${i}`);
      }
      const again = runCli(['upgrade', '--yes'], { cwd: dir, timeout: 120_000 });
      assert.equal(again.status, 0, again.stderr);
      const done = project(snapshot(dir));
      assert.deepEqual([...done.keys()].sort(), [...after.keys()].sort(), `kill #${i}: the same files`);
      for (const [p, b] of after) assert.ok(done.get(p)!.equals(b), `kill #${i}: ${p} as an uninterrupted upgrade leaves it`);
      assert.ok(!existsSync(path.join(dir, JOURNAL)));
      return killed;
    };
    for (let i = 0; i < KILLS; i++) {
      // From the journal's appearance: at once, then spread over the write phase an uninterrupted run took. A run
      // faster than that one finishes before its kill: tried again sooner (a busy machine makes the phase vary).
      let delay = Math.round((i / KILLS) * phase);
      let killed = await once(i, delay);
      for (let retry = 0; !killed && delay > 0 && retry < 3; retry++) killed = await once(i, (delay = Math.floor(delay / 2)));
      if (killed) interrupted += 1;
    }
    console.log(`      write phase ${phase} ms; ${interrupted} of ${KILLS} runs killed in it`);
    assert.ok(interrupted >= Math.ceil(KILLS / 2), `${interrupted} of ${KILLS} runs were killed mid-way`);
  });
});

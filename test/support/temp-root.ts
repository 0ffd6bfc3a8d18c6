// A mocha root-hook plugin (.mocharc.json "require"): every temporary folder of a test run, ours, yeoman-test's and
// those of the processes the tests start (they inherit TMPDIR), goes under one folder that is removed at the end.
// C7_KEEP_GENERATED=1 keeps it (and says where) to look at what the tests made.
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'c7-tests-')));
process.env.TMPDIR = root;

export const mochaHooks = {
  afterAll(this: Mocha.Context): void {
    // Every generated project's node_modules is in there: removing them can outlast the default timeout on a busy machine.
    this.timeout(300_000);
    if (process.env.C7_KEEP_GENERATED === '1') console.log(`  temporary files kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  },
};

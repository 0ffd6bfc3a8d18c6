// [slow] The edited cb22061 project, upgraded: with its one conflict resolved (the new version's side), it installs
// (the shared install of test/support/generated-deps.ts), type-checks and passes its own tests, and its derived files
// are in step with c7-app.json.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { validateManifestText } from '../../generators/lib/manifest/index.js';
import { runCli } from '../support/cli.js';
import { ROOT } from '../support/paths.js';
import { dependencySignature, run, secs, sharedProjectRoot, tail } from '../support/generated-deps.js';
import { editedProject, fixtureFiles, freshProject, planLines, resolveConflicts } from './support.js';

describe('[slow] a cb22061 project upgraded installs, type-checks and passes its tests', function () {
  this.timeout(40 * 60_000);

  it('npm test passes after `c7-app upgrade --yes` and resolving the conflict', async function () {
    const manifest = validateManifestText(fixtureFiles('tasting-room').get('c7-app.json')!).manifest!;
    const shared = await sharedProjectRoot(manifest);
    const dir = path.join(shared.root, 'upgraded-cb22061');
    const edits = editedProject(dir, freshProject('tasting-room'));
    // Linked to this checkout like every project of the shared install (test/support/render-project.ts).
    const up = runCli(['upgrade', '--yes'], { cwd: dir, timeout: 120_000, env: { C7_APP_DEPENDENCY: `file:${ROOT}` } });
    assert.equal(up.status, 0, `${up.stdout}\n${up.stderr}`);
    const conflicts = planLines(up.stdout).filter((l) => l.action === 'conflict').map((l) => l.path);
    assert.deepEqual(conflicts, [edits.conflict.path]);
    for (const p of conflicts) {
      const file = path.join(dir, p);
      writeFileSync(file, resolveConflicts(readFileSync(file, 'utf8'), 'theirs'));
    }
    assert.equal(dependencySignature(dir), dependencySignature(shared.root), 'the upgraded package.json asks for the installed dependencies');
    const check = runCli(['scopes', '--check'], { cwd: dir });
    assert.equal(check.status, 0, check.stdout);
    const res = await run('npm', ['test'], dir, { CI: 'true' });
    console.log(`      ${shared.timings.join('; ')}; npm test ${secs(res.ms)}`);
    assert.equal(res.code, 0, `npm test failed in ${dir}:\n${tail(res.out, 80)}`);
    assert.match(res.out, /ℹ fail 0/);
    for (const [p, line] of edits.clean) assert.ok(readFileSync(path.join(dir, p), 'utf8').includes(line), `${p} still has the user's edit`);
  });
});

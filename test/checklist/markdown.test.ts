// SUBMISSION_CHECKLIST.md of the example projects, pinned: an unintended change shows here.
// After an intended change: UPDATE_SNAPSHOTS=1 npm test, then review the diff of test/checklist/__snapshots__.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildChecklist, CHECKLIST_HEADER, formatVerdict, memoryProject, renderChecklistMarkdown, summarize,
} from '../../generators/lib/checklist/index.js';
import { ROOT } from '../support/paths.js';
import { exampleFiles, exampleManifest, goodFiles, project, readyManifest, type ExampleName } from './fixtures.js';

const SNAPSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '__snapshots__');
const update = process.env.UPDATE_SNAPSHOTS === '1';

function matchSnapshot(name: string, actual: string): void {
  const file = path.join(SNAPSHOTS, name);
  if (update || !existsSync(file)) {
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(file, actual);
    if (!update) assert.fail(`wrote the missing snapshot ${name}: review it and run again`);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs: if the change is intended, run UPDATE_SNAPSHOTS=1 npm test`);
}

/** The example folder as it stands in this repository (its manifest and listing images), not yet a git repository. */
function examplesMarkdown(name: ExampleName): string {
  const m = exampleManifest(name);
  return renderChecklistMarkdown(m, buildChecklist(m, memoryProject(exampleFiles(name))));
}

describe('SUBMISSION_CHECKLIST.md', () => {
  for (const name of ['tasting-room-full-app', 'order-sync-integration'] as const) {
    it(`of the ${name} example is pinned`, () => matchSnapshot(`${name}.md`, examplesMarkdown(name)));
  }

  it('starts with the header that says where it comes from', () => {
    const md = examplesMarkdown('private-club-export');
    assert.equal(md.split('\n')[0], CHECKLIST_HEADER);
    assert.match(CHECKLIST_HEADER, /c7-app\.json.*c7-app check.*edit the manifest, not this file/);
  });

  it('carries the verdict, each item\u2019s mark, id and source, and for a failure the reason and fix', () => {
    const m = readyManifest('tasting-room-full-app');
    const items = buildChecklist(m, project(goodFiles(m), { 'listing/screenshot-3.png': null }));
    const md = renderChecklistMarkdown(m, items);
    assert.ok(md.includes(`**${formatVerdict(summarize(items))}**`));
    assert.match(md, /^- \u274c \*\*At least 3 screenshots, each in the project\*\* \u00b7 `listing\.screenshots` \u00b7 Commerce7: developer\.commerce7\.com \u2014 App Store listing\n {2}- Why: .+\n {2}- Fix: .+\n {2}- `listing\/screenshot-3\.png: no such file`$/m);
    assert.match(md, /^- \u2705 \*\*.+\*\* \u00b7 `api\.reasons` \u00b7 Our advice$/m);
    assert.match(md, /^- \u2610 \*\*.+\*\* \u00b7 `app\.useful-to-many` \u00b7 Commerce7: .+\n {2}- Look at: .+$/m);
    assert.match(md, /^## 1\. Create the app$/m);
  });

  it('is deterministic and holds no absolute path or date', () => {
    const a = examplesMarkdown('tasting-room-full-app');
    assert.equal(a, examplesMarkdown('tasting-room-full-app'));
    assert.ok(!a.includes(ROOT));
    assert.doesNotMatch(a, /\b20\d\d-\d\d-\d\d\b/);
  });

  it('escapes HTML outside code', () => {
    const m = readyManifest('tasting-room-full-app');
    m.app.title = 'Notes <b>bold</b>';
    assert.match(renderChecklistMarkdown(m, []), /# Submission checklist: Notes &lt;b>bold&lt;\/b> 1\.2\.0/);
  });
});

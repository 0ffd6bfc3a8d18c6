// The generation record (lib/upgrade/record.ts): deterministic bytes for the same base; a record is compared as a
// record, so one gzipped at another level (an older generator's) is not rewritten when nothing in it changes.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BASE_FILE, buildRecord, encodeRecord, generationRecord, readRecord, recordWithWrites, type RecordSource } from '../../generators/lib/upgrade/record.js';

const sources: RecordSource[] = [
  { file: { path: 'src/main.ts', owner: 'user' }, contents: 'export const main = 1;\n' },
  { file: { path: 'PERMISSIONS.md', owner: 'derived' }, contents: '# Permissions\n' },
  { file: { path: 'listing/logo.png', owner: 'user' }, contents: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
];

describe('generation record', () => {
  it('the same base makes the same bytes, and reads back as the record', () => {
    const [a] = generationRecord(sources);
    const [b] = generationRecord([...sources].reverse());
    assert.equal(a!.path, BASE_FILE);
    assert.ok(a!.contents.equals(b!.contents));
    assert.deepEqual(JSON.parse(gunzipSync(a!.contents).toString('utf8')), buildRecord(sources));
  });

  it('recordWithWrites: a record gzipped at another level is the same record (nothing to write); a change is written', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'c7-record-'));
    const record = buildRecord(sources);
    for (const level of [1, 9]) {
      writeFileSync(path.join(root, BASE_FILE), gzipSync(`${JSON.stringify(record)}\n`, { level }));
      assert.deepEqual(readRecord(root), record);
      assert.equal(recordWithWrites(root, [sources[0]!]), undefined, `level ${level}`);
    }
    const changed: RecordSource = { file: { path: 'src/main.ts', owner: 'user' }, contents: 'export const main = 2;\n' };
    const written = recordWithWrites(root, [changed]);
    assert.ok(written);
    assert.ok(written.equals(encodeRecord(buildRecord([changed, sources[1]!, sources[2]!]))));
  });
});

describe('the upgrade journal and the record', () => {
  // test/upgrade/kill.test.ts hit it once in CI: killed while the record was written (after every listed file), the
  // next upgrade completed the project but left `.c7-app-base.json.gz.<n>` beside it.
  it('a killed upgrade\u2019s temporary record file is removed when the next run reads the journal', async () => {
    const { mkdirSync, existsSync } = await import('node:fs');
    const { readUpgradeJournal, UPGRADE_JOURNAL } = await import('../../generators/lib/upgrade/journal.js');
    const root = mkdtempSync(path.join(tmpdir(), 'c7-upgrade-journal-'));
    mkdirSync(path.join(root, '.c7-app'));
    writeFileSync(path.join(root, UPGRADE_JOURNAL), JSON.stringify({ journal: 1, to: '0.1.0', files: { 'src/a.ts': 'x' } }));
    writeFileSync(path.join(root, `${BASE_FILE}.3282124559`), 'half a record');
    writeFileSync(path.join(root, 'src.a.ts.1'), 'not a temporary file of a listed target');
    assert.ok(readUpgradeJournal(root));
    assert.ok(!existsSync(path.join(root, `${BASE_FILE}.3282124559`)));
    assert.ok(existsSync(path.join(root, 'src.a.ts.1')));
  });
});

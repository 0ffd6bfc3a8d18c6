// The audit corpus (issue 12, "Corpus and measure"): small integrations written for this project in seven languages,
// each with the (permission, access) pairs, unknown paths and skipped files Commerce7's documented path map gives.
// The built CLI runs on each (`c7-app audit . --no-manifest --json` in a copy without expected.json); each fixture
// must match exactly, and over the whole corpus precision and recall on (fixture, permission, access) must be >= 0.95.
// This is the target of the engine rewrite: fixtures fail where the audit still reads code like grep.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCorpus, materialize, runAudit, observed, expectedOf, skippedProblems, sourceFiles, score, type Result } from '../fixtures/audit-corpus/_support/corpus.mjs';

const fixtures = loadCorpus();
const results = new Map<string, Result>();

describe('audit corpus: real-world code shapes, seven languages', function () {
  this.timeout(180_000);

  before(function () {
    const tmp = mkdtempSync(path.join(tmpdir(), 'c7-corpus-'));
    for (const fixture of fixtures) {
      const dir = materialize(fixture, path.join(tmp, fixture.name));
      const run = runAudit(dir);
      results.set(fixture.name, { fixture, expected: expectedOf(fixture), observed: observed(run.report), run, sources: sourceFiles(dir) });
    }
  });

  it('holds at least 40 fixtures across JavaScript, TypeScript, PHP, Python, Ruby, C# and Go', () => {
    assert.ok(fixtures.length >= 40, `${fixtures.length} fixtures`);
    for (const lang of ['javascript', 'typescript', 'php', 'python', 'ruby', 'csharp', 'go']) {
      const n = fixtures.filter((f) => f.expected.language === lang).length;
      assert.ok(n >= 5, `${lang}: ${n} fixtures`);
    }
  });

  for (const fixture of fixtures) {
    const e = fixture.expected;
    it(`${fixture.name} (${e.language}: ${e.patterns.join(', ')})`, () => {
      const r = results.get(fixture.name)!;
      assert.ok(r.run.report, `audit did not print a JSON report (exit ${r.run.status}): ${r.run.stderr.slice(0, 500)}`);
      assert.deepEqual(
        { permissions: r.observed.pairs, unknown: r.observed.unknown },
        { permissions: r.expected.pairs, unknown: r.expected.unknown },
        `${fixture.name}: ${e.notes}`,
      );
      assert.deepEqual(skippedProblems(r.expected.skipped, r.observed.skipped, r.sources), [], 'skipped files');
    });
  }

  it('precision and recall >= 0.95 on (fixture, permission, access) over the corpus', () => {
    const exp: string[] = [];
    const got: string[] = [];
    for (const r of results.values()) {
      exp.push(...r.expected.pairs.map((p) => `${r.fixture.name}|${p}`));
      got.push(...r.observed.pairs.map((p) => `${r.fixture.name}|${p}`));
    }
    const s = score(exp, got);
    const msg = `precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
    assert.ok(s.precision >= 0.95 && s.recall >= 0.95, msg);
  });
});

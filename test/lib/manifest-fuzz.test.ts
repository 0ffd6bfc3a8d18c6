// Fuzz (issue 11 §3): ≥ 2,000 mutated manifests through the library entry point and some through the built CLI.
// No crash, no hang; every diagnostic located (line ≥ 1, column ≥ 1, a JSON pointer); exit 1 exactly when invalid.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { runValidate } from '../../generators/commands/validate.js';
import { completeManifest, decodeUtf8, mergeManifest, stripBom, validateManifestText, validateManifestValue } from '../../generators/lib/manifest/index.js';
import { runCli } from '../support/cli.js';
import { mutant, type Mutant } from '../support/manifest-mutations.js';

const SEED = Number(process.env.C7_FUZZ_SEED ?? 20261101);
const RUNS = Number(process.env.C7_FUZZ_RUNS ?? 2000);
const CLI_RUNS = Number(process.env.C7_FUZZ_CLI_RUNS ?? 15);
const isUtf8 = (b: Buffer) => { try { new TextDecoder('utf-8', { fatal: true }).decode(b); return true; } catch { return false; } };

function checkResult(m: Mutant, r: ReturnType<typeof validateManifestText>): void {
  const lines = m.bytes.toString('utf8').split('\n').length;
  for (const d of r.diagnostics) {
    assert.ok(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines, `line ${d.line} of ${lines}: ${d.message}`);
    assert.ok(Number.isInteger(d.column) && d.column >= 1, `column ${d.column}: ${d.message}`);
    assert.ok(d.pointer === '' || d.pointer.startsWith('/'), `pointer ${d.pointer}`);
    assert.ok(d.message.length > 0);
  }
  assert.equal(r.valid, !r.diagnostics.some((d) => d.severity === 'error'));
  if (!isUtf8(m.bytes)) assert.ok(r.diagnostics.some((d) => /not valid UTF-8/.test(d.message)), 'invalid UTF-8 is reported');
}

describe('manifest fuzz (seeded)', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'c7-fuzz-'));

  it(`${RUNS} mutations of the examples through runValidate (the library entry point of c7-app validate): no crash, located, exit 0/1`, async () => {
    const tally = { valid: 0, invalid: 0, slowest: 0 };
    let n = 0;
    await fc.assert(fc.asyncProperty(mutant, async (m) => {
      const file = path.join(dir, `m${n++ % 8}.json`);
      writeFileSync(file, m.bytes);
      const started = performance.now();
      let report = '';
      const out = new Writable({ write(chunk, _e, cb) { report += String(chunk); cb(); } });
      const code = await runValidate(file, { json: true }, out);
      const took = performance.now() - started;
      tally.slowest = Math.max(tally.slowest, took);
      assert.ok(took < 3000, `took ${Math.round(took)} ms: ${m.steps.join(' | ')}`);
      const r = JSON.parse(report) as ReturnType<typeof validateManifestText>;
      checkResult(m, r);
      assert.equal(code, r.valid ? 0 : 1);
      tally[r.valid ? 'valid' : 'invalid']++;
      // The path of `c7-app new --answers`: a usable text merges and completes without a crash, and a valid one stays valid.
      if (r.manifest) {
        const completed = validateManifestValue(completeManifest(mergeManifest({}, JSON.parse(stripBom(decodeUtf8(m.bytes))))));
        if (r.valid) assert.equal(completed.valid, true, JSON.stringify(completed.diagnostics));
      }
    }), { seed: SEED, numRuns: RUNS, endOnFailure: true, verbose: 1 });
    console.log(`      ${RUNS} mutations (seed ${SEED}): ${tally.invalid} refused, ${tally.valid} valid, slowest ${Math.round(tally.slowest)} ms`);
    assert.ok(tally.invalid > RUNS / 3 && tally.valid > 0);
  });

  it(`${CLI_RUNS} of them through the built c7-app validate --json: exit 0/1 as the library says, never a stack trace`, () => {
    const samples = fc.sample(mutant, { seed: SEED + 1, numRuns: CLI_RUNS });
    samples.forEach((m, i) => {
      const file = path.join(dir, `cli${i}.json`);
      writeFileSync(file, m.bytes);
      const r = runCli(['validate', '--json', file]);
      const expected = validateManifestText(m.bytes);
      assert.equal(r.status, expected.valid ? 0 : 1, `${m.steps.join(' | ')}\n${r.stderr}`);
      assert.equal(r.stderr, '');
      const report = JSON.parse(r.stdout) as { valid: boolean; diagnostics: unknown[] };
      assert.equal(report.valid, expected.valid);
      assert.deepEqual(report.diagnostics, expected.diagnostics);
    });
  });
});

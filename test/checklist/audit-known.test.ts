// api.calls-granted on a new project of an example: the build recorded the audit's report of its sources
// (lib/checklist/audit-known.ts). A recorded report must be what the audit says of those sources today, and any
// edit must send the project to the audit again.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLE_MANIFESTS, ROOT } from '../support/paths.js';
import { auditSources } from '../../generators/lib/audit/index.js';
import { runCli } from '../support/cli.js';

describe('audit reports the build recorded (dist)', () => {
  const lib = (p: string) => import(path.join(ROOT, 'dist/generators/lib', p));
  const project = async (manifestFile: string, teach: boolean) => {
    const { buildContext } = await lib('render/context.js');
    const { filePlan, renderPlannedFile } = await lib('render/files.js');
    const { formatManifest } = await lib('manifest/index.js');
    const { generatorDependency, PACKAGE_NAME, PACKAGE_VERSION } = await lib('package-info.js');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const ctx = buildContext(manifest, { teach, generator: { name: PACKAGE_NAME, version: PACKAGE_VERSION, dependency: generatorDependency() } });
    const files = new Map<string, string>([['c7-app.json', formatManifest(ctx.manifest)]]);
    for (const file of filePlan(ctx)) {
      const text = renderPlannedFile(file, ctx);
      if (typeof text === 'string') files.set(file.path, text);
    }
    return files;
  };

  for (const manifestFile of EXAMPLE_MANIFESTS) for (const teach of [true, false]) {
    it(`${path.basename(path.dirname(manifestFile))}${teach ? '' : ' (no teaching comments)'}: the recorded report is the audit's`, async () => {
      const { knownAuditReport } = await lib('checklist/audit-known.js');
      const { memoryProject } = await lib('checklist/project.js');
      const { sourcesOf } = await lib('checklist/rules/api.js');
      const sources = sourcesOf(memoryProject(await project(manifestFile, teach)));
      assert.ok(sources.length > 0);
      const known = knownAuditReport(sources);
      assert.ok(known, 'recorded by the build');
      assert.deepEqual(known, JSON.parse(JSON.stringify(await auditSources(sources))));
    });
  }

  it('an edited, added or removed source is not answered from the record', async () => {
    const { knownAuditReport } = await lib('checklist/audit-known.js');
    const { memoryProject } = await lib('checklist/project.js');
    const { sourcesOf } = await lib('checklist/rules/api.js');
    const files = await project(EXAMPLE_MANIFESTS[2]!, true);
    assert.ok(knownAuditReport(sourcesOf(memoryProject(files))));
    const edited = new Map(files);
    edited.set('src/main.ts', `${files.get('src/main.ts')}\nawait fetch('https://api.commerce7.com/v1/club');\n`);
    assert.equal(knownAuditReport(sourcesOf(memoryProject(edited))), undefined);
    const added = new Map(files).set('src/extra.ts', 'export const x = 1;\n');
    assert.equal(knownAuditReport(sourcesOf(memoryProject(added))), undefined);
    const removed = new Map(files);
    removed.delete('src/main.ts');
    assert.equal(knownAuditReport(sourcesOf(memoryProject(removed))), undefined);
  });

  // What `c7-app check` reads in a project `c7-app new` wrote (its .yo-rc.json too), not only what the build rendered.
  it('a project as `c7-app new` wrote it: its audit is the recorded one, and secretlint has nothing to scan', async function () {
    this.timeout(60_000);
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'c7-known-')), 'p');
    const r = runCli(['new', dir, '--example', '--skip-install']);
    assert.equal(r.status, 0, r.stderr);
    const { knownAuditReport } = await lib('checklist/audit-known.js');
    const { diskProject } = await lib('checklist/project.js');
    const { sourcesOf } = await lib('checklist/rules/api.js');
    const { scanProjectForSecretsFully } = await lib('checklist/secretlint.js');
    const project = diskProject(dir);
    assert.ok(knownAuditReport(sourcesOf(project)), `not recorded: ${sourcesOf(project).map((s: { file: string }) => s.file).join(', ')}`);
    const scan = await scanProjectForSecretsFully(project);
    assert.deepEqual(scan.findings, []);
    assert.equal(scan.secretlint.scannedFiles, 0, 'secretlint not even loaded');
  });
});

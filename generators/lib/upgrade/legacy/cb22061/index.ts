// What generator-c7-app produced at commit cb22061 for a manifest: the base of every project generated before
// projects recorded their version and base (.yo-rc.json then held only `teach` and the answered questions).
// Pinned here, code and templates, so any later version can still render it: render/ and catalog/ are
// cb22061's generators/lib/render and generators/lib/catalog as they were (imports adjusted to this folder),
// templates.ts holds cb22061's templates/ as data (a published package has no git). Never edit them to follow
// today's code: their output must stay cb22061's, byte for byte (test/upgrade/legacy.test.ts checks it against
// test/fixtures/upgrade-cb22061, a project cb22061 itself generated).
import type { Manifest } from '../../../manifest/types.js';
import { buildContext } from './render/context.js';
import { filePlan, renderPlannedFile } from './render/files.js';

export const LEGACY_COMMIT = 'cb22061';

export interface LegacyFile { path: string; owner: 'derived' | 'user' | 'shared'; contents: string }

/** cb22061's files for this manifest (not c7-app.json, .yo-rc.json or SUBMISSION_CHECKLIST.md, which it wrote apart). */
export function renderCb22061(manifest: Manifest, opts: { teach: boolean; dependency: string }): LegacyFile[] {
  const ctx = buildContext(manifest, { teach: opts.teach, generator: { name: 'generator-c7-app', version: '0.1.0', dependency: opts.dependency } });
  return filePlan(ctx).map((file) => ({ path: file.path, owner: file.owner, contents: String(renderPlannedFile(file, ctx)) }));
}

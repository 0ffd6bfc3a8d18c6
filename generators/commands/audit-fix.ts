// Writing `c7-app audit --fix`: c7-app.json (only its permissions and version change) and the derived files that
// already exist in the project (never a new project's files: the manifest may stand alone).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditReport, ManifestComparison } from '../lib/audit/index.js';
import { planAuditFix } from '../lib/audit/fix.js';
import { diskProject, prepareChecklist } from '../lib/checklist/index.js';
import { InputError } from '../lib/errors.js';
import { loadProject } from '../lib/scopes/index.js';
import { UserError } from './errors.js';

export interface FixResult { report: string; written: string[]; blocked: boolean; stillMissing: boolean }

export async function fixManifest(manifestPath: string, report: AuditReport, cmp: ManifestComparison, opts: { reduce: boolean; newVersion: boolean }): Promise<FixResult> {
  let state;
  try {
    state = loadProject(path.dirname(manifestPath));
  } catch (err) {
    if (err instanceof InputError) throw new UserError(err.message, err.exitCode);
    throw err;
  }
  await prepareChecklist(diskProject(state.root), { rendered: true });
  const { plan, report: text } = planAuditFix(state, report, cmp, opts);
  const written: string[] = [];
  if (!plan.blocked && plan.manifestText !== state.manifestText) {
    writeFileSync(state.manifestFile, plan.manifestText);
    written.push(state.manifestFile);
    for (const w of plan.writes) {
      if (w.owner !== 'derived' || w.action !== 'update') continue;
      writeFileSync(path.join(state.root, w.path), w.contents);
      written.push(w.path);
    }
  }
  return { report: text + (written.length > 1 ? `\nUpdated ${written.length - 1} derived file(s) too.` : ''), written, blocked: !!plan.blocked, stillMissing: !!plan.blocked && cmp.missing.length > 0 };
}

// `c7-app audit --fix`: the audit's findings as permission edits, through the same plan as `c7-app scopes`
// (surgical manifest edit, escalation/reduction report, the frozen-version guard). Reasons of what it adds are
// `TODO:` for a person to complete (`c7-app check` flags them). Unknown calls are never granted on a guess.
import type { Permission } from '../manifest/types.js';
import { describeChange, planScopes, type ProjectState, type ScopesPlan } from '../scopes/index.js';
import { permissionsForManifest, type AuditReport, type ManifestComparison } from './index.js';

export interface AuditFixPlan {
  plan: ScopesPlan;
  /** The text to print: each change with what it means for installed clients. */
  report: string;
}

export function planAuditFix(state: ProjectState, report: AuditReport, cmp: ManifestComparison, opts: { reduce: boolean; newVersion: boolean }): AuditFixPlan {
  const suggested = new Map(permissionsForManifest(report).map((p) => [p.endpoint, p]));
  const after: Permission[] = state.manifest.permissions.map((p) => ({ ...p }));
  for (const m of cmp.missing) {
    const existing = after.find((p) => p.endpoint === m.permission);
    const reason = suggested.get(m.permission)?.reason ?? 'TODO: say why the app needs this';
    if (existing) {
      existing.access = m.needed;
      existing.reason = `TODO: say what the app writes (was: ${existing.reason ?? ''})`.replace(/ \(was: \)$/, '');
    } else after.push({ endpoint: m.permission, access: m.needed, reason });
  }
  if (opts.reduce) {
    for (const b of cmp.broaderThanNeeded) {
      const p = after.find((x) => x.endpoint === b.permission);
      if (p) p.access = 'read';
    }
    for (const u of cmp.unused) {
      const i = after.findIndex((x) => x.endpoint === u.permission);
      if (i >= 0) after.splice(i, 1);
    }
  }
  const plan = planScopes(state, { permissions: after, newVersion: opts.newVersion });
  const lines: string[] = [];
  if (!plan.changes.length) lines.push('--fix: c7-app.json already grants what the code calls; nothing to change.');
  else {
    lines.push(plan.blocked ? '--fix would make these changes:' : `--fix: ${state.manifestFile}`, ...plan.changes.map((c) => `  ${describeChange(c)}`));
    if (plan.version) lines.push(`Version: ${plan.version.from} \u2192 ${plan.version.to} (status draft). Use Add Version in the App Development Center.`);
  }
  if (plan.blocked) lines.push(`Nothing written: ${plan.blocked}`);
  if (!opts.reduce && (cmp.unused.length || cmp.broaderThanNeeded.length)) lines.push('(--fix --reduce would also lower full to read where no write was found and remove what no call uses.)');
  if (report.unknown.length) lines.push(`Not granted on a guess: ${report.unknown.length} call(s) with no documented permission (listed above).`);
  if (plan.changes.some((c) => c.kind === 'escalation')) lines.push('Complete each TODO reason in c7-app.json (c7-app check flags them).');
  return { plan, report: lines.join('\n') };
}

// `c7-app audit`: from code to permissions. The calls found in the code (scan.ts) resolved through the catalog's
// path map give the least-privilege permissions the code needs; compared with a manifest they say what to add and
// what the code no longer uses. The first step of moving a Data-role integration (full access to everything) to
// an app.
import { accessCovers, canonicalPermission, resolveApiCall, type Access, type PermissionName } from '../catalog/index.js';
import type { Manifest } from '../manifest/types.js';
import { scanSignIn, scanSource, type ApiReference } from './scan.js';

export { apiPathOf, scanSignIn, scanSource, type ApiReference } from './scan.js';
export { AUDIT_SKIP_DIRS, isAuditedFile, isSkippedDir } from './files.js';

export interface NeededPermission {
  permission: PermissionName;
  access: Access;
  /** The calls that need it; for full access, the writes first. */
  references: ApiReference[];
  /** True when every reference behind it comes from a path the catalog marks inferred. */
  inferred: boolean;
}

export interface AuditReport {
  files: number;
  references: ApiReference[];
  /** In the catalog's permission order of first appearance: sorted by name. */
  permissions: NeededPermission[];
  /** Calls that need no permission (the staff token check, App Sync, public storefront settings). */
  noPermission: Array<ApiReference & { why: string }>;
  /** Calls the path map does not know: Commerce7 documents no permission for them. */
  unknown: Array<ApiReference & { why: string }>;
  /** Calls whose method was not seen, taken as GET: each needs full access if it writes. */
  methodNotSeen: ApiReference[];
  /** HTTP Basic sign-ins in the files that call Commerce7: where the staff email and password must become the App ID and App Secret Key. */
  signIns: Array<{ file: string; line: number; excerpt: string }>;
}

export function auditSources(sources: Array<{ file: string; text: string }>): AuditReport {
  const scanned = sources.map((s) => ({ ...s, references: scanSource(s.file, s.text) }));
  const references = scanned.flatMap((s) => s.references);
  // Only where Commerce7 is called (or named): Basic auth elsewhere is some other service's.
  const signIns = scanned.filter((s) => s.references.length || /commerce7/i.test(s.text)).flatMap((s) => scanSignIn(s.file, s.text));
  const needs = new Map<PermissionName, { access: Access; references: ApiReference[]; inferred: boolean }>();
  const noPermission: AuditReport['noPermission'] = [];
  const unknown: AuditReport['unknown'] = [];
  for (const ref of references) {
    const r = resolveApiCall(ref.method, ref.path);
    if (r.kind === 'none') noPermission.push({ ...ref, why: r.why });
    else if (r.kind === 'unknown') unknown.push({ ...ref, why: r.why });
    else {
      for (const need of r.needs) {
        const entry = needs.get(need.permission) ?? { access: 'read' as Access, references: [], inferred: true };
        if (need.access === 'full') entry.access = 'full';
        entry.references.push(ref);
        entry.inferred &&= r.inferred;
        needs.set(need.permission, entry);
      }
    }
  }
  const permissions = [...needs.entries()]
    .map(([permission, e]) => ({
      permission, access: e.access, inferred: e.inferred,
      references: [...e.references].sort((a, b) => Number(a.method === 'GET') - Number(b.method === 'GET')),
    }))
    .sort((a, b) => a.permission.localeCompare(b.permission));
  return {
    files: sources.length, references, permissions, noPermission, unknown,
    methodNotSeen: references.filter((r) => !r.methodSeen),
    signIns,
  };
}

export interface ManifestComparison {
  /** The code needs it and the manifest does not grant it (or grants read where the code writes). */
  missing: Array<{ permission: PermissionName; needed: Access; granted: Access | null; reference: ApiReference }>;
  /** Granted by the manifest, used by no call found. */
  unused: Array<{ permission: PermissionName; granted: Access }>;
  /** Granted full, but the code found only reads. */
  broaderThanNeeded: Array<{ permission: PermissionName }>;
}

export function compareWithManifest(report: AuditReport, manifest: Pick<Manifest, 'permissions'>): ManifestComparison {
  const granted = new Map<PermissionName, Access>();
  for (const p of manifest.permissions ?? []) {
    const name = canonicalPermission(p.endpoint);
    if (name) granted.set(name, p.access);
  }
  const missing: ManifestComparison['missing'] = [];
  const broaderThanNeeded: ManifestComparison['broaderThanNeeded'] = [];
  for (const need of report.permissions) {
    const g = granted.get(need.permission) ?? null;
    if (g === null || !accessCovers(g, need.access)) missing.push({ permission: need.permission, needed: need.access, granted: g, reference: need.references[0]! });
    else if (g === 'full' && need.access === 'read') broaderThanNeeded.push({ permission: need.permission });
  }
  const used = new Set(report.permissions.map((p) => p.permission));
  const unused = [...granted.entries()].filter(([p]) => !used.has(p)).map(([permission, g]) => ({ permission, granted: g }));
  return { missing, unused, broaderThanNeeded };
}

/** The permissions as c7-app.json writes them, each with a reason to complete (the calls behind it as a start). */
export function permissionsForManifest(report: AuditReport): Array<{ endpoint: PermissionName; access: Access; reason: string }> {
  return report.permissions.map((p) => {
    const calls = [...new Set(p.references.map((r) => `${r.method} ${r.path}`))];
    const shown = calls.slice(0, 3).join(', ') + (calls.length > 3 ? `, and ${calls.length - 3} more` : '');
    return { endpoint: p.permission, access: p.access, reason: `TODO: say why the app ${p.access === 'full' ? 'writes' : 'reads'} this (code calls ${shown})` };
  });
}

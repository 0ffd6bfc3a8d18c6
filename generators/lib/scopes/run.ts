// One `c7-app scopes` run, planned before anything is written: the new permissions, what each change means,
// the version rule, the code that would stop compiling, and the files to write.
import { stripBom, updateJsonText, type Manifest } from '../manifest/index.js';
import type { Permission } from '../manifest/types.js';
import { applyPermissionEdits, bumpVersion, diffPermissions, isFrozen, type PermissionChange, type PermissionEdits } from './permissions.js';
import { plannedWrites, type PlannedWrite, type ProjectState } from './project.js';
import { findBreakages, type UsageReport } from './usages.js';

export interface ScopesRequest {
  edits?: PermissionEdits;
  /** The whole new permission list (from the prompts), instead of edits. */
  permissions?: Permission[];
  newVersion?: boolean;
}

export interface ScopesPlan {
  changes: PermissionChange[];
  manifest: Manifest;
  manifestText: string;
  version?: { from: string; to: string };
  writes: PlannedWrite[];
  breakages: UsageReport;
  /** Why the run cannot go on as asked (it says what to do instead). */
  blocked?: string;
}

export function planScopes(state: ProjectState, req: ScopesRequest): ScopesPlan {
  const before = state.manifest.permissions;
  const after = req.permissions ?? applyPermissionEdits(before, req.edits ?? {});
  const changes = diffPermissions(before, after);
  const manifest: Manifest = structuredClone(state.manifest);
  manifest.permissions = after;
  let blocked: string | undefined;
  let version: ScopesPlan['version'];
  const accessChanged = changes.some((c) => c.kind !== 'reason');
  if (changes.length && isFrozen(state.manifest.version.status)) {
    if (req.newVersion) {
      version = { from: manifest.version.number, to: bumpVersion(manifest.version.number) };
      manifest.version = { ...manifest.version, number: version.to, status: 'draft' };
    } else {
      blocked = `version ${state.manifest.version.number} is ${state.manifest.version.status}: Commerce7 freezes a submitted version, so its ` +
        `${accessChanged ? 'permissions' : 'reasons'} cannot change. Re-run with --new-version to start version ${bumpVersion(state.manifest.version.number)} (status draft), ` +
        'then use Add Version in the App Development Center.';
    }
  }
  // Only what this command is about changes in the file: permissions (and the version when bumped).
  const manifestText = changes.length ? updateJsonText(state.manifestText, manifestWithOriginalShape(state, manifest)) : state.manifestText;
  const writes = plannedWrites(state, manifest, manifestText);
  const derivedTs = new Map(writes.filter((w) => w.owner === 'derived' && /\.tsx?$/.test(w.path) && typeof w.contents === 'string').map((w) => [w.path, w.contents as string]));
  const breakages: UsageReport = derivedTs.size ? findBreakages(state.root, derivedTs) : { checked: true, breakages: [] };
  return { changes, manifest, manifestText, version, writes, breakages, blocked };
}

/** The file's own JSON with just permissions and version replaced: old spellings elsewhere stay as written. */
function manifestWithOriginalShape(state: ProjectState, manifest: Manifest): unknown {
  const original = JSON.parse(stripBom(state.manifestText)) as Record<string, unknown>;
  return { ...original, permissions: manifest.permissions, version: { ...(original.version as object), ...manifest.version } };
}

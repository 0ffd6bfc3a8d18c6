// Permission changes: --add / --remove / --set as data, and the diff that says what each change means.
import { canonicalPermission, FROZEN_STATUSES, type Access, type PermissionName, type VersionStatus } from '../catalog/index.js';
import type { Permission } from '../manifest/types.js';
import { parsePermissionsFlag, permissionNamed, unknownEndpoint } from '../questions/questions.js';

export interface PermissionEdits {
  add?: string[];
  remove?: string[];
  set?: string[];
  /** Kept on every permission this run adds or escalates that has no reason yet. */
  reason?: string;
}

export type ChangeKind = 'escalation' | 'reduction' | 'reason';
export interface PermissionChange {
  endpoint: PermissionName;
  from: Access | null;
  to: Access | null;
  kind: ChangeKind;
}

/** Flags may repeat and hold comma lists: ["Order:read,Tag:full", "Note:read"]. */
const flatten = (values: string[] | undefined) => (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

/** Applies the edits; throws an Error that says how to fix a bad value. */
export function applyPermissionEdits(current: readonly Permission[], edits: PermissionEdits): Permission[] {
  const out = current.map((p) => ({ ...p }));
  const find = (e: string) => out.findIndex((p) => p.endpoint === e);
  for (const name of flatten(edits.remove)) {
    const bare = name.replace(/:(read|full)$/i, '').trim();
    const endpoint = permissionNamed(bare);
    if (!endpoint) throw new Error(`--remove: ${unknownEndpoint(bare)}`);
    const i = find(endpoint);
    if (i >= 0) out.splice(i, 1);
  }
  const upsert = (flag: string, values: string[] | undefined, mode: 'add' | 'set') => {
    const list = flatten(values);
    if (list.length === 0) return;
    let parsed: Permission[];
    try {
      parsed = parsePermissionsFlag(list.join(','));
    } catch (err) {
      throw new Error(`${flag}: ${(err as Error).message}`);
    }
    for (const p of parsed) {
      const i = find(p.endpoint);
      if (i < 0) out.push(p);
      // --add never lowers an access the app already has; --set says exactly what it should be.
      else if (mode === 'set' || p.access === 'full') out[i]!.access = p.access;
    }
  };
  upsert('--add', edits.add, 'add');
  upsert('--set', edits.set, 'set');
  if (edits.reason) {
    for (const p of out) {
      const before = current.find((c) => c.endpoint === p.endpoint);
      const escalated = !before || (before.access === 'read' && p.access === 'full');
      if (escalated && !p.reason) p.reason = edits.reason;
    }
  }
  return out;
}

export function diffPermissions(before: readonly Permission[], after: readonly Permission[]): PermissionChange[] {
  const changes: PermissionChange[] = [];
  for (const a of after) {
    const b = before.find((p) => p.endpoint === a.endpoint);
    if (!b) changes.push({ endpoint: a.endpoint, from: null, to: a.access, kind: 'escalation' });
    else if (b.access !== a.access) changes.push({ endpoint: a.endpoint, from: b.access, to: a.access, kind: a.access === 'full' ? 'escalation' : 'reduction' });
    else if ((b.reason ?? '') !== (a.reason ?? '')) changes.push({ endpoint: a.endpoint, from: b.access, to: a.access, kind: 'reason' });
  }
  for (const b of before) if (!after.some((a) => a.endpoint === b.endpoint)) changes.push({ endpoint: b.endpoint, from: b.access, to: null, kind: 'reduction' });
  return changes;
}

const MEANING: Record<ChangeKind, string> = {
  escalation: 'escalation: installed clients must accept it when they upgrade to this version',
  reduction: 'reduction: safe for installed clients',
  reason: 'reason changed',
};

export function describeChange(c: PermissionChange): string {
  const sign = c.kind === 'escalation' ? '+' : c.kind === 'reduction' ? '-' : '~';
  const what = c.from === null ? `new, ${c.to}` : c.to === null ? `removed (was ${c.from})` : c.from === c.to ? c.to : `${c.from} \u2192 ${c.to}`;
  return `${sign} ${c.endpoint.padEnd(21)} ${what.padEnd(22)} ${MEANING[c.kind]}`;
}

export function isFrozen(status: VersionStatus): boolean {
  return FROZEN_STATUSES.includes(status);
}

/** The next version for a changed app: 1.2.0 -> 1.3.0, 1.2 -> 1.3, 4 -> 5. */
export function bumpVersion(number: string): string {
  const parts = number.split('.').map(Number);
  if (parts.length === 1) return String(parts[0]! + 1);
  parts[1] = parts[1]! + 1;
  if (parts.length === 3) parts[2] = 0;
  return parts.join('.');
}

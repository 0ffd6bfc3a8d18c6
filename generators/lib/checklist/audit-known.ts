// The audit's reports of the code a new project is made of, recorded by the build (scripts/build-bundle.mjs) for the
// bundled examples with and without teaching comments: `c7-app new` checks the project it is about to write
// (api.calls-granted), and auditing its ~40 files was the largest part of a run after the files' facts were
// precomputed. Keyed by every audited path and text (SHA-1), so only a set of sources byte for byte as the build
// audited it is answered here: any edited, added or removed file means the audit runs as always. Used only from the
// build output, where the reports and the engine come from the same build.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditReport, AuditSource } from '../audit/index.js';
import { PACKAGE_ROOT } from '../package-info.js';

export const AUDIT_KNOWN = path.join('dist', 'generators', 'lib', 'checklist', 'audit-known');

/** The build's key of a set of sources: the SHA-1 of each path and text, in order. */
export function sourcesKey(sources: readonly AuditSource[]): string {
  const h = createHash('sha1');
  for (const s of sources) h.update(s.file).update('\0').update(s.text).update('\0');
  return h.digest('hex');
}

let dir: string | undefined | null = null;
function knownDir(): string | undefined {
  if (dir !== null) return dir;
  dir = undefined;
  if (process.env.C7_APP_PARSE_ALL === '1') return dir;
  const dist = path.join(PACKAGE_ROOT, 'dist') + path.sep;
  if (!fileURLToPath(import.meta.url).startsWith(dist)) return dir; // running from source: the engine may differ
  return (dir = path.join(PACKAGE_ROOT, AUDIT_KNOWN));
}

/** The report the build recorded for exactly these sources, or undefined (then audit them). */
export function knownAuditReport(sources: readonly AuditSource[]): AuditReport | undefined {
  const at = knownDir();
  if (!at || sources.length === 0) return undefined;
  try {
    return JSON.parse(readFileSync(path.join(at, `${sourcesKey(sources)}.json`), 'utf8')) as AuditReport;
  } catch {
    return undefined;
  }
}

// `c7-app audit [paths...]`: the Commerce7 API calls in existing code -> the least-privilege permissions it needs,
// compared with c7-app.json when there is one. Reads only; writes only the --answers file it is asked for.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import pc from 'picocolors';
import { auditSources, compareWithManifest, permissionsForManifest, type ApiReference, type AuditReport, type ManifestComparison } from '../lib/audit/index.js';
import { jsonPieces } from '../lib/audit/json.js';
import { collectSources } from '../lib/audit/read.js';
import { writeFileAtomicSync } from '../lib/atomic-write.js';
import { ENV_VARS } from '../lib/catalog/index.js';
import { cannotRead, findManifestUpward, validateManifestText } from '../lib/manifest/index.js';
import { EXIT, UserError } from './errors.js';

export interface AuditOptions {
  manifest?: string | false; json?: boolean; answers?: string; force?: boolean; includeTests?: boolean; cwd?: string;
  /** Write the missing permissions into the manifest (with --reduce, also lower and remove what no call uses). */
  fix?: boolean; reduce?: boolean; newVersion?: boolean;
}

const where = (r: ApiReference) => `${r.file}:${r.line}:${r.column}`;
const call = (r: ApiReference) => `${r.method} ${r.path}`;

export function formatAudit(report: AuditReport, comparison: { file: string; result: ManifestComparison } | null, color: boolean, answersFile?: string): string {
  const c = color ? pc : { red: String, yellow: String, green: String, dim: String, bold: String, cyan: String };
  const lines: string[] = [];
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const s = report.summary;
  lines.push(`Scanned ${plural(report.files, 'file')}: ${plural(report.references.length, 'Commerce7 API call')}` +
    ` (${s.parsed} parsed, ${s.text} read as text${s.skipped ? `, ${s.skipped} skipped` : ''}${s.unknown ? `; ${s.unknown} unknown` : ''}${s.unresolved ? `; ${s.unresolved} not resolved` : ''}).`);
  if (report.permissions.length) {
    lines.push('', c.bold('Permissions the code needs (least privilege):'));
    const width = Math.max(...report.permissions.map((p) => p.permission.length));
    for (const p of report.permissions) {
      const first = p.references[0]!;
      lines.push(`  ${p.permission.padEnd(width)}  ${p.access.padEnd(4)}  ${plural(p.references.length, 'call').padEnd(9)}  e.g. ${call(first)}  ${c.dim(where(first))}${p.inferred ? c.dim('  (path map inferred)') : ''}`);
    }
  }
  if (report.noPermission.length) {
    lines.push('', c.bold('Calls that need no permission:'));
    for (const r of report.noPermission) lines.push(`  ${call(r)}  ${c.dim(where(r))}  ${c.dim(r.why)}`);
  }
  if (report.unknown.length) {
    lines.push('', c.bold('Calls with no documented permission (ask Commerce7 before relying on them):'));
    for (const r of report.unknown) lines.push(`  ${call(r)}  ${c.dim(where(r))}  ${c.dim(r.why)}`);
  }
  if (report.unresolved.length) {
    lines.push('', c.bold('Toward Commerce7 but not resolved to a call (a path computed at run time, or a base URL reaching code the audit cannot follow): not counted, check them by hand:'));
    for (const u of report.unresolved) lines.push(`  ${u.method ?? '?'} ${u.pattern}  ${c.dim(`${u.file}:${u.line}`)}  ${c.dim(u.why)}`);
  }
  if (report.skipped.length) {
    lines.push('', c.bold('Files not read:'));
    for (const f of report.skipped) lines.push(`  ${f.file}  ${c.dim(f.reason)}`);
  }
  const streamed = report.read.filter((r) => /^text \((streamed|minified)/.test(r.engine));
  if (streamed.length) {
    lines.push('', c.bold('Read by the text scanner (not parsed):'));
    for (const f of streamed) lines.push(`  ${f.file}  ${c.dim(f.engine)}`);
  }
  const guessed = report.references.filter((r) => r.unrecognisedLibrary);
  if (guessed.length) {
    lines.push('', c.bold('Through an HTTP library the audit does not know (counted, as the URL is on the Commerce7 base; check the method):'));
    for (const r of guessed) lines.push(`  ${call(r)}  ${c.dim(where(r))}  ${c.dim(`${r.unrecognisedLibrary}: ${r.excerpt}`)}`);
  }
  if (report.methodNotSeen.length) {
    lines.push('', c.bold('Method not seen, taken as GET (if the call writes, it needs full access):'));
    for (const r of report.methodNotSeen) lines.push(`  ${r.path}  ${c.dim(where(r))}  ${c.dim(r.excerpt)}`);
  }
  if (report.signIns.length) {
    lines.push('', c.bold(`Sign-in (HTTP Basic) beside these calls: an app signs in with username = App ID (${ENV_VARS.appId.name}) and password = App Secret Key (${ENV_VARS.appSecret.name}), not a staff email and password:`));
    for (const s of report.signIns) lines.push(`  ${s.file}:${s.line}  ${c.dim(s.excerpt)}`);
  }
  if (comparison) {
    const { missing, unused, broaderThanNeeded } = comparison.result;
    lines.push('', c.bold(`Compared with ${comparison.file}:`));
    for (const m of missing) {
      const fix = m.granted ? `c7-app scopes --set "${m.permission}:${m.needed}"` : `c7-app scopes --add "${m.permission}:${m.needed}"`;
      const what = m.granted ? `grants ${m.granted}, the code ${m.needed === 'full' ? 'writes' : 'reads'}` : 'not granted';
      lines.push(`  ${c.red('✖')} ${m.permission}: ${what} (${call(m.reference)} at ${where(m.reference)}) → ${fix}`);
    }
    for (const b of broaderThanNeeded) lines.push(`  ${c.yellow('!')} ${b.permission}: granted full, the code found only reads → c7-app scopes --set "${b.permission}:read" unless it writes in a way not found`);
    for (const u of unused) lines.push(`  ${c.yellow('!')} ${u.permission} (${u.granted}): granted, no call found → c7-app scopes --remove "${u.permission}" unless the code builds the path at run time`);
    if (!missing.length && !unused.length && !broaderThanNeeded.length) lines.push(`  ${c.green('✔')} grants exactly what the code calls`);
  }
  if (answersFile) {
    lines.push('', `Wrote ${answersFile}: complete each "reason" (c7-app check flags the TODOs), then c7-app new <dir> --answers ${answersFile} --replaces-data-role`);
  } else if (!comparison && report.permissions.length) {
    lines.push('', `Next: c7-app audit <paths> --answers permissions.json, then c7-app new <dir> --answers permissions.json --replaces-data-role`);
  }
  if (!report.references.length) lines.push('', 'No call found: pass the folder or files of the integration\u2019s code (paths that build the URL at run time cannot be seen).');
  if (report.references.length) lines.push('', c.dim('Read: string constants, concatenations, templates, format strings and helper functions, followed to HTTP calls. A path computed at run time (from data, a response, a loop) cannot be known: it is listed above when the call is seen. A library or idiom it has not met is missed: run the app against `c7-app emulate`, which refuses (403) what the manifest does not grant, before submitting (docs/commands.md: How far to trust it).'));
  return lines.join('\n') + '\n';
}

export async function runAudit(paths: string[], opts: AuditOptions, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const cwd = opts.cwd ?? process.cwd();
  const targets = (paths.length ? paths : ['.']).map((p) => path.resolve(cwd, p));
  const shown = (f: string) => {
    const rel = path.relative(cwd, f);
    return rel && !rel.startsWith('..') ? rel.split(path.sep).join('/') : f;
  };
  for (const t of targets) {
    try {
      statSync(t);
    } catch (err) {
      throw new UserError(cannotRead(t, err));
    }
  }
  const collected = collectSources(targets, { includeTests: opts.includeTests === true, shown });
  if (!collected.sources.length && !collected.read.length && collected.skipped.length) {
    const why = collected.skipped.map((f) => `  ${f.file}: ${f.reason}`).join('\n');
    throw new UserError(`nothing could be read:\n${why}`);
  }
  const report = await auditSources(collected.sources, collected);

  let comparison: { file: string; result: ManifestComparison } | null = null;
  let manifestPath: string | undefined;
  if (opts.manifest !== false) {
    // The code's own project first; else the project the command runs in (auditing old code from the new app).
    const first = statSync(targets[0]!).isDirectory() ? targets[0]! : path.dirname(targets[0]!);
    manifestPath = opts.manifest ? path.resolve(cwd, opts.manifest) : findManifestUpward(first) ?? findManifestUpward(cwd);
    if (manifestPath) {
      let text: Uint8Array;
      try {
        text = readFileSync(manifestPath);
      } catch (err) {
        throw new UserError(cannotRead(manifestPath, err));
      }
      const loaded = validateManifestText(text);
      if (!loaded.manifest) throw new UserError(`${shown(manifestPath)} is not valid JSON: run c7-app validate ${shown(manifestPath)} to see where, or pass --no-manifest`, EXIT.invalid);
      comparison = { file: shown(manifestPath), result: compareWithManifest(report, loaded.manifest) };
    }
  }
  if ((opts.fix || opts.reduce) && !comparison) throw new UserError(`--fix needs a c7-app.json to edit: run it in the app project, or pass --manifest <file>${opts.manifest === false ? ' (not --no-manifest)' : ''}`);

  if (opts.answers) {
    const target = path.resolve(cwd, opts.answers);
    if (existsSync(target) && !opts.force) throw new UserError(`--answers: ${shown(target)} exists; pass --force to replace it, or another file name`);
    try {
      writeFileAtomicSync(target, JSON.stringify({ permissions: permissionsForManifest(report) }, null, 2) + '\n');
    } catch (err) {
      throw new UserError(`cannot write ${shown(target)}: ${(err as Error).message}`, EXIT.usage);
    }
  }

  let fixed: import('./audit-fix.js').FixResult | null = null;
  if (opts.fix && comparison && manifestPath) {
    const { fixManifest } = await import('./audit-fix.js');
    fixed = await fixManifest(manifestPath, report, comparison.result, { reduce: opts.reduce === true, newVersion: opts.newVersion === true });
  }

  if (opts.json) {
    // Each permission's calls are all in references[]: the first 20 are enough here (a large tree has thousands).
    const permissions = report.permissions.map((p) => ({ ...p, calls: p.references.length, references: p.references.slice(0, 20) }));
    // Indented for a person; compact when large (a big tree's report is tens of megabytes either way).
    const indent = report.references.length + report.read.length > 5000 ? undefined : 2;
    const value = { ...report, permissions, manifest: comparison?.file ?? null, comparison: comparison?.result ?? null, suggested: { permissions: permissionsForManifest(report) }, fix: fixed };
    // Compact: written in pieces (the same bytes), never one string of the whole report.
    if (indent === undefined) for (const piece of jsonPieces(value)) out.write(piece);
    else out.write(JSON.stringify(value, null, indent));
    out.write('\n');
  } else {
    const color = (out as NodeJS.WriteStream).isTTY === true && pc.isColorSupported;
    out.write(formatAudit(report, comparison, color, opts.answers ? shown(path.resolve(cwd, opts.answers)) : undefined));
    if (fixed) out.write(fixed.report + '\n');
  }
  if (fixed) return fixed.blocked || fixed.stillMissing ? EXIT.invalid : EXIT.ok;
  return comparison && comparison.result.missing.length ? EXIT.invalid : EXIT.ok;
}

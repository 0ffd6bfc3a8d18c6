// The generation record: `.c7-app-base.json.gz` at the project root, written by every `c7-app new` (rewritten by
// `c7-app upgrade`) and meant to be committed (not under .c7-app/, which the generated .gitignore ignores for the dev
// session): the generator version that made the project and its base, the files that version wrote, so a later
// `upgrade` can tell the user's changes from the generator's and merge three ways (lib/upgrade/plan.ts).
// User-owned files are recorded with their text (the base of a merge), derived files by hash only (they are simply
// re-rendered; the hash tells an unchanged, now-dropped one from an edited one). Gzipped JSON: one file, ~1/4 of the
// text, kept out of grep and editor search; gzip's header carries no time, so the same base makes the same bytes.
// Called by one line from `c7-app new` (generators/app), and from any other path that writes a new project.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../package-info.js';
import type { Owner } from '../render/plan.js';

export const BASE_FILE = '.c7-app-base.json.gz';

export interface RecordedFile { owner: Owner; sha256: string; text?: string }
export interface BaseRecord {
  format: 1;
  generator: { name: string; version: string };
  files: Record<string, RecordedFile>;
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * What a record needs of a rendered file (RenderedFile of lib/render/project-output has it): its contents, or only
 * their sha256 for a derived file whose bytes are not in memory (the vendored tarball).
 */
export interface RecordSource { file: { path: string; owner: Owner }; contents: string | Buffer | { sha256: string } }

export function buildRecord(rendered: readonly RecordSource[], version = PACKAGE_VERSION): BaseRecord {
  const files: Record<string, RecordedFile> = {};
  for (const r of [...rendered].sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0))) {
    const text = typeof r.contents === 'string' ? r.contents : undefined;
    const hash = typeof r.contents === 'string' || Buffer.isBuffer(r.contents) ? sha256(r.contents) : r.contents.sha256;
    files[r.file.path] = { owner: r.file.owner, sha256: hash, ...(r.file.owner === 'user' && text !== undefined ? { text } : {}) };
  }
  return { format: 1, generator: { name: PACKAGE_NAME, version }, files };
}

// Level 4: 4 % larger than zlib's default (6) for this JSON (the sample Full Application's: 90 KB against 87), in
// half its time (~3.5 ms against ~6-7 of `new`; level 9 was ~11). Readers gunzip it: any level reads the same.
export const encodeRecord = (record: BaseRecord): Buffer => gzipSync(Buffer.from(`${JSON.stringify(record)}\n`, 'utf8'), { level: 4 });

/**
 * The files to write next to a project's generated files so a later `c7-app upgrade` knows its version and base:
 * `[{ path: '.c7-app-base.json.gz', contents }]`. `rendered` is what this run generates (renderProject's output).
 */
export function generationRecord(rendered: readonly RecordSource[]): Array<{ path: string; contents: Buffer }> {
  return [{ path: BASE_FILE, contents: encodeRecord(buildRecord(rendered)) }];
}

/** The record of the project in `root`; undefined when it has none (generated before records, at cb22061). */
export function readRecord(root: string): BaseRecord | undefined {
  const file = path.join(root, ...BASE_FILE.split('/'));
  if (!existsSync(file)) return undefined;
  let parsed: Partial<BaseRecord>;
  try {
    parsed = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as Partial<BaseRecord>;
  } catch (err) {
    throw new InputError(`${BASE_FILE} cannot be read (${(err as Error).message}): restore it from git, or remove it to upgrade from cb22061's base`);
  }
  if (parsed.format !== 1 || !parsed.generator || typeof parsed.files !== 'object' || parsed.files === null) {
    throw new InputError(`${BASE_FILE} is not a generation record this version knows (format ${String(parsed.format)})`);
  }
  return parsed as BaseRecord;
}

/**
 * The project's record with `written` files entered as the base (a handler `scopes --sync` creates for a new webhook,
 * derived files it re-renders), so a later `upgrade` merges them instead of keeping them as "no base recorded".
 * Undefined when the project has no record (cb22061's base stays implied) or nothing in it changes.
 */
export function recordWithWrites(root: string, written: readonly RecordSource[]): Buffer | undefined {
  const record = readRecord(root);
  if (!record || !written.length) return undefined;
  const next = buildRecord(written, record.generator.version).files;
  const files = { ...record.files, ...next };
  const sorted = Object.fromEntries(Object.keys(files).sort().map((k) => [k, files[k]!]));
  // Compared as records, not bytes: one gzipped at another level (an older generator's) is the same record.
  const updated = { ...record, files: sorted };
  return JSON.stringify(updated) === JSON.stringify(record) ? undefined : encodeRecord(updated);
}

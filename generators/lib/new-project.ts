// `c7-app new` / `yo c7-app` without Yeoman: every step of making a project that does not ask anything, shared by
// the Yeoman generator (generators/app) and the fast path of the `c7-app new` bin (generators/commands/new.ts).
//   startingDraft    what the folder, --example and --answers already say (and an interrupted run's journal)
//   finishAnswers    flags and defaults (no prompts), then the finished manifest validated: never an invalid one written
//   planWrite        the files to write, rendered in memory, with the checklist seeing the project as it will be
//   refusedChanges   without a terminal nor --force: the user files that differ from what would be written
//   writeProject     the fast path's commit: journal, every file atomically, journal removed
//   finishNewProject the steps after the files are on disk (both paths call it; other steps plug in there)
//   summaryLines     the "Created ..." summary
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import pc from 'picocolors';
import { InputError } from './errors.js';
import {
  cannotRead, completeManifest, decodeUtf8, formatDiagnostic, formatManifest, JsonSource, MAX_NESTING_DEPTH, mergeManifest, parsePointer, stripBom,
  updateJsonText, validateManifestText, validateManifestValue, type Diagnostic, type Manifest,
} from './manifest/index.js';
import { digest, describeInterrupted, beginGeneration, endGeneration, type GenerationJournal } from './generation-journal.js';
import type { Draft } from './questions/index.js';
import type { RenderContext } from './render/context.js';
import { renderProjectPrepared, type RenderedFile } from './render/project-output.js';
import { MANIFEST_PATH } from './render/project-files.js';
import { PACKAGE_NAME, PACKAGE_ROOT, PACKAGE_VERSION } from './package-info.js';
import { packedGenerator, staleTarballs, type PackedTarball } from './generator-vendor.js';
import { discardEarlyInit, initProjectGitAndSay, removeEarlyInit, type EarlyInit, type GitProbe } from './project-git.js';
import { syncDirs, writeFileAtomic } from './atomic-write.js';
import { generationRecord, type RecordSource } from './upgrade/record.js';

/** Answers given before a run was stopped (Ctrl-C), offered to the next run in the same folder. */
export const DRAFT_FILE = '.c7-app-draft.json';
export interface SavedDraft { draft: Draft; answered: string[] }

/** The bundled manifest behind --example. */
export const EXAMPLE_MANIFEST = path.join(PACKAGE_ROOT, 'examples', 'tasting-room-full-app', 'c7-app.json');
/** Yeoman's per-project config file, and this generator's key in it (the package name, as Yeoman's Storage uses). */
export const YO_RC_FILE = '.yo-rc.json';
export const YO_RC_KEY = PACKAGE_NAME;

export interface AnswerFile { file: string; source: JsonSource }
type Log = (line: string) => void;

/**
 * A manifest or --answers file as answers. Its text must be usable (UTF-8, no duplicate keys, not too deep, JSON);
 * a partial file is fine: the finished manifest is validated in finishAnswers(). A BOM is accepted with a warning.
 */
export function readAnswers(file: string, bytes: Uint8Array | undefined, what: string, answerFiles: AnswerFile[], log: Log): unknown {
  if (!bytes) {
    try {
      bytes = readFileSync(file);
    } catch (err) {
      throw new InputError(`${what}: ${cannotRead(file, err)}`, 2);
    }
  }
  // Usable text is what JsonSource finds no error in, parsing to an object not nested too deep. Its values are
  // validated once, in the finished manifest (finishManifest): validating the file's own here too was a second pass
  // of the validator over the same answers. Text that is not usable gets validateManifestText's diagnostics.
  const source = new JsonSource(bytes);
  let value: unknown;
  if (source.errors.length === 0 && source.root !== undefined) {
    try { value = JSON.parse(source.body); } catch { value = undefined; }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || nestedDeeperThan(value, MAX_NESTING_DEPTH)) {
    const r = validateManifestText(bytes);
    if (!r.manifest) {
      throw new InputError(`${what}: ${file} cannot be used, so nothing was written:\n${r.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(file, d)).join('\n')}`);
    }
  }
  // The file's own warnings (a BOM): those of its values come with the finished manifest's.
  for (const p of source.problems) if (p.severity === 'warning' && p.pointer === '') log(formatDiagnostic(file, { ...p, ...source.position(p.offset) }));
  answerFiles.unshift({ file, source });
  return JSON.parse(stripBom(source.text));
}

/** What validateManifestValue refuses as too deep: objects and arrays nested more than `max` levels (the root is 1). */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return true;
    for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push([x, depth + 1]);
  }
  return false;
}

/** "file:line:column  " of the answer file that wrote the value at this pointer (the last one read wins), else "". */
export function writtenAt(answerFiles: AnswerFile[], d: Diagnostic, complete: unknown): string {
  for (const { file, source } of answerFiles) {
    const at = source.find(d.pointer);
    if (!at) continue;
    // Only when the file's value is the one in the finished manifest (a flag or prompt may have replaced it).
    const mine = pointerValue(JSON.parse(stripBom(source.text)), d.pointer);
    if (JSON.stringify(mine) !== JSON.stringify(pointerValue(complete, d.pointer))) continue;
    const relative = path.relative(process.cwd(), file);
    return `${relative && !relative.startsWith('..') ? relative : file}:${at.line}:${at.column}  `;
  }
  return '';
}

function pointerValue(value: unknown, pointer: string): unknown {
  let at = value;
  for (const seg of parsePointer(pointer)) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[seg] : undefined;
  return at;
}

/** The answers a stopped run kept (DRAFT_FILE); undefined when absent or unreadable. */
export function readDraft(file: string): SavedDraft | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedDraft;
    return saved && typeof saved.draft === 'object' && Array.isArray(saved.answered) ? saved : undefined;
  } catch {
    return undefined; // absent or unreadable: there is nothing to resume
  }
}

/** Yeoman's .yo-rc.json in `root` as Yeoman's Storage reads it; throws when it is there but not a JSON object. */
export function readYoRc(root: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(root, YO_RC_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const value = JSON.parse(text) as unknown;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${YO_RC_FILE} is not a valid Storage`);
  return value as Record<string, unknown>;
}

/** .yo-rc.json with this generator's values set, other keys kept: byte for byte what Yeoman's Storage writes. */
export function yoRcText(existing: Record<string, unknown> | undefined, values: Record<string, unknown>): string {
  const full = { ...existing };
  full[YO_RC_KEY] = Object.assign((existing?.[YO_RC_KEY] as Record<string, unknown> | undefined) ?? {}, values);
  return `${JSON.stringify(full, null, 2)}\n`;
}

export interface StartingDraft {
  draft: Draft;
  existingManifestText: string | undefined;
  answerFiles: AnswerFile[];
}

/**
 * What the folder and the files given already answer: the project's c7-app.json, the manifest an interrupted run
 * was writing, --example, --answers (later ones win). `readExisting` reads the project's manifest (Yeoman reads
 * through its in-memory file system).
 */
export function startingDraft(root: string, opts: { example?: boolean; answers?: string; interrupted?: GenerationJournal; log: Log; readExisting?: (file: string) => Uint8Array | undefined }): StartingDraft {
  const answerFiles: AnswerFile[] = [];
  const existing = path.join(root, MANIFEST_PATH);
  let draft: Draft = {};
  let existingManifestText: string | undefined;
  const bytes = opts.readExisting ? opts.readExisting(existing) : existsSync(existing) ? readFileSync(existing) : undefined;
  if (bytes) {
    existingManifestText = decodeUtf8(bytes);
    draft = readAnswers(existing, bytes, 'the project\u2019s c7-app.json', answerFiles, opts.log) as Draft;
  }
  // Killed before c7-app.json was replaced: the answers it was writing are the ones to complete.
  const pendingManifest = opts.interrupted?.manifest;
  if (pendingManifest && pendingManifest.before === digest(existingManifestText)) {
    const parsed = validateManifestText(pendingManifest.text);
    if (parsed.manifest) draft = JSON.parse(pendingManifest.text) as Draft;
  }
  if (opts.example) draft = mergeManifest(draft, readAnswers(EXAMPLE_MANIFEST, undefined, '--example', answerFiles, opts.log)) as Draft;
  if (opts.answers) draft = mergeManifest(draft, readAnswers(path.resolve(opts.answers), undefined, '--answers', answerFiles, opts.log)) as Draft;
  return { draft, existingManifestText, answerFiles };
}

/** A completed manifest and what validateManifestValue said of it. */
export interface KnownValidation { complete: unknown; result: ReturnType<typeof validateManifestValue> }

/** The finished manifest, validated before anything is written: an invalid manifest is never written. */
export function finishManifest(draft: Draft, answerFiles: AnswerFile[], log: Log, known?: KnownValidation): Manifest {
  const complete = completeManifest(draft, (draft.$schema as string | undefined) ?? undefined);
  // The same finished manifest validated earlier in the run (the fast path asks whether the draft is complete): reused.
  const result = known && JSON.stringify(known.complete) === JSON.stringify(complete) ? known.result : validateManifestValue(complete);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    throw new InputError(`the answers do not make a valid c7-app.json, so nothing was written:\n${errors.map((d) => `  ${writtenAt(answerFiles, d, complete)}${d.pointer}  ${d.message}${d.hint ? `\n      hint: ${d.hint}` : ''}`).join('\n')}`);
  }
  for (const w of result.diagnostics) log(`warning: ${w.pointer}  ${w.message}${w.hint ? ` (${w.hint})` : ''}`);
  return result.manifest!;
}

export interface PlannedWrite {
  /** Absolute path. */
  target: string;
  /** The bytes, or a file to copy them from (the vendored tarball, with its sha256 known: never read into memory). */
  contents: string | Buffer | PackedTarball;
  /** Who owns the file: derived files are rewritten without asking; the others go through the conflicter. */
  owner: 'derived' | 'user' | 'shared';
  /** A copied file keeps its source's mode. */
  mode?: number;
  /** Written only when the file is absent (the example's listing images). */
  onlyIfMissing?: boolean;
}

const isCopied = (c: PlannedWrite['contents']): c is PackedTarball => typeof c === 'object' && 'copyFrom' in c;

/** A planned file's bytes (a copied file's read: for the comparisons with a file on disk, and Yeoman's mem-fs). */
export const contentsBytes = (c: PlannedWrite['contents']): Buffer => (isCopied(c) ? readFileSync(c.copyFrom) : Buffer.from(c));

/** Whether the file at `target` holds `c` (a copied file: compared by size first, then bytes). */
function holds(target: string, c: PlannedWrite['contents']): boolean {
  if (isCopied(c) && statSync(target).size !== statSync(c.copyFrom).size) return false;
  return readFileSync(target).equals(contentsBytes(c));
}

export interface ProjectWrite {
  manifestText: string;
  /** Every file of the project in the order they are written: c7-app.json, the example's images, the plan, the upgrade record. */
  files: PlannedWrite[];
}

/**
 * The project's files, rendered in memory. `--example` also brings the sample's listing images, so its checklist
 * starts from a complete listing. `.yo-rc.json` is not among them (Yeoman's config storage writes it).
 */
export async function planWrite(root: string, ctx: RenderContext, opts: { existingManifestText: string | undefined; example?: boolean }): Promise<ProjectWrite> {
  const manifestText = opts.existingManifestText !== undefined ? updateJsonText(opts.existingManifestText, ctx.manifest) : formatManifest(ctx.manifest);
  const exampleDir = path.dirname(EXAMPLE_MANIFEST);
  const images = opts.example ? readdirSync(path.join(exampleDir, 'listing')).map((f) => `listing/${f}`) : [];
  // The checklist reads the project's code with the audit's parsers: loaded for what they are needed for.
  const rendered: RenderedFile[] = await renderProjectPrepared(ctx, {
    root, manifestText, alsoWritten: images,
    // The checklist sees a user file from an earlier run as it is on disk: the conflicter may keep it.
    written: (r) => r.file.owner !== 'user' || !existsSync(path.join(root, r.file.path)),
  });
  const files: PlannedWrite[] = [{ target: path.join(root, MANIFEST_PATH), contents: manifestText, owner: 'shared' }];
  for (const image of images) {
    const source = path.join(exampleDir, image);
    files.push({ target: path.join(root, image), contents: readFileSync(source), owner: 'user', mode: statSync(source).mode, onlyIfMissing: true });
  }
  for (const r of rendered) files.push({ target: path.join(root, r.file.path), contents: r.contents, owner: r.file.owner });
  // From a checkout, the generator itself, packed into vendor/ (lib/generator-vendor.ts), so the project installs
  // anywhere: written like a derived file (the generator's, never edited), inside the same journal.
  const vendored = ctx.generator.vendored;
  const recorded: RecordSource[] = [...rendered];
  if (vendored) {
    const packed = await packedGenerator();
    files.push({ target: path.join(root, vendored), contents: packed, owner: 'derived' });
    recorded.push({ file: { path: vendored, owner: 'derived' }, contents: Buffer.isBuffer(packed) ? packed : { sha256: packed.sha256 } });
  }
  // The generator version and base, for `c7-app upgrade` (lib/upgrade/record.ts): derived, written with the project.
  for (const r of generationRecord(recorded)) files.push({ target: path.join(root, r.path), contents: r.contents, owner: 'derived' });
  return { manifestText, files };
}

/** User and shared files that exist and differ from what would be written, relative to `root`. */
export function changedFiles(root: string, files: PlannedWrite[]): string[] {
  return files
    .filter((p) => p.owner !== 'derived' && !p.onlyIfMissing && existsSync(p.target) && !holds(p.target, p.contents))
    .map((p) => path.relative(root, p.target));
}

/** Without a terminal nor --force nobody can answer the conflicter: refuse before writing anything. */
export function refuseChanges(changed: string[], interrupted: GenerationJournal | undefined): void {
  if (!changed.length) return;
  throw new InputError(`${interrupted ? `${describeInterrupted(interrupted)}\n` : ''}these files exist and differ from what would be written, so nothing was written:\n${changed.map((c) => `  ${c}`).join('\n')}\n` +
    'Run in a terminal to decide file by file, or pass --force to overwrite them.');
}

type Status = 'create' | 'identical' | 'updated' | 'force';
const STATUS_LABEL: Record<Status, string> = { create: '   create', identical: 'identical', updated: '  updated', force: '    force' };

/**
 * The fast path's commit, doing what Yeoman's does with these files (generators/app/commit.ts): a status line per
 * file (create, identical, updated for a derived file or .yo-rc.json, force for a changed file under --force), the
 * generation journal written before the first file and removed after the last, each file written atomically. The
 * files are written several at a time: each one's fsync then overlaps the others' (sequential fsyncs are most of
 * a run's write time); the journal covers them all the same. The caller has refused changed files it may not touch.
 */
export async function writeProject(root: string, files: PlannedWrite[], plan: { manifest: GenerationJournal['manifest']; resuming: boolean; out?: NodeJS.WritableStream; keepJournal?: boolean }): Promise<void> {
  const out = plan.out ?? process.stderr;
  const color = (out as NodeJS.WriteStream).isTTY === true && pc.isColorSupported;
  const paint: Record<Status, (s: string) => string> = { create: pc.green, identical: pc.cyan, updated: (s) => s, force: pc.yellow };
  const pending: Array<{ file: PlannedWrite; status: Status }> = [];
  const lines: string[] = [];
  for (const file of files) {
    let status: Status;
    if (!existsSync(file.target)) status = 'create';
    else if (file.onlyIfMissing) continue;
    else if (holds(file.target, file.contents)) status = 'identical';
    else status = file.owner === 'derived' || path.basename(file.target) === YO_RC_FILE ? 'updated' : 'force';
    const rel = path.relative(process.cwd(), file.target);
    lines.push(`${color ? paint[status](STATUS_LABEL[status]) : STATUS_LABEL[status]} ${rel}`);
    if (status !== 'identical') pending.push({ file, status });
  }
  if (!pending.length) {
    out.write(lines.map((l) => `${l}\n`).join(''));
    // Nothing left to write: what an interrupted run left undone is done (unless the caller ends it after its steps).
    if (plan.resuming && !plan.keepJournal) endGeneration(root, []);
    return;
  }
  const toRel = (file: string) => path.relative(root, file).split(path.sep).join('/');
  await beginGeneration(root, { command: 'new', files: pending.map((p) => toRel(p.file.target)), ...(plan.manifest ? { manifest: plan.manifest } : {}) });
  out.write(lines.map((l) => `${l}\n`).join(''));
  const dirs = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      const { file, status } = pending[next++]!;
      dirs.add(path.dirname(file.target));
      // A file seen absent above is written without asking again where it leads and what it was (two fs calls each).
      await writeFileAtomic(file.target, file.contents, { ...(file.mode !== undefined ? { mode: file.mode } : {}), ...(status === 'create' ? { absent: true } : {}) });
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, pending.length) }, worker));
  // The folders' renames on disk before the journal goes (endGeneration then flushes the root's removal).
  await syncDirs(dirs);
  // keepJournal: the caller's steps after the files (the early git init moved into place, the first commit) are part
  // of the generation; it ends the journal once they are done, so a run killed among them says so too.
  if (!plan.keepJournal) endGeneration(root, []);
}

/** What the steps after the files are written know of the project. */
export interface NewProjectContext {
  manifest: Manifest;
  ctx: RenderContext;
  /** --skip-install (or Yeoman's skipInstall option). */
  skipInstall: boolean;
  /** Where progress lines go (Yeoman's logger, or stdout). */
  log: Log;
  /** No c7-app.json was there before this run: a new project (git init applies only to one). */
  fresh: boolean;
  /** --no-git turns the first commit off. */
  git: boolean;
  /** lib/project-git's startGitProbe, started before the files were written (so its git runs overlap the render). */
  gitProbe?: Promise<GitProbe>;
  /** lib/project-git's startEarlyInit, started beside the writes: its repository is moved into place, or discarded. */
  earlyInit?: EarlyInit;
}

/**
 * Everything `c7-app new` and `yo c7-app` do once the project's files are on disk, in order. ONE function for both
 * paths (the Yeoman generator's install task and the bin's fast path), so a step added here runs for every user:
 *   1. steps that add files the install needs (a vendored generator tarball: first-hour; the generator version
 *      and base recorded for `c7-app upgrade`: upgrade) — add their calls here, before the install;
 *   2. npm install, unless skipped;
 *   3. steps that record the finished project (git init + the first commit: first-hour) — after the install, so
 *      package-lock.json is in the first commit.
 */
export async function finishNewProject(root: string, project: NewProjectContext): Promise<void> {
  try {
    // A killed run's early `git init` (lib/project-git.ts) goes, whatever this run does with git.
    if (!project.earlyInit) removeEarlyInit(root);
    // 1. Tarballs of other versions in vendor/ go (the current one and the upgrade record were written with the files).
    const vendored = project.ctx.generator.vendored;
    if (vendored) for (const stale of staleTarballs(root, vendored)) rmSync(path.join(root, stale), { force: true });
    if (!project.skipInstall) await npmInstall(root);
    // 3. The stopped run's draft is in c7-app.json now; then the first commit (lib/project-git.ts), lockfile included.
    removeDraft(root);
    if (project.fresh) {
      await initProjectGitAndSay(root, {
        enabled: project.git, message: `Generated by ${PACKAGE_NAME} ${PACKAGE_VERSION} (c7-app new)`, log: project.log,
        ...(project.gitProbe ? { probe: project.gitProbe } : {}), ...(project.earlyInit ? { early: project.earlyInit } : {}),
      });
    }
  } finally {
    // Not used (a failed install, a project that is not fresh): no folder of it left behind.
    await discardEarlyInit(project.earlyInit);
  }
}

async function npmInstall(root: string): Promise<void> {
  const code = await new Promise<number | string>((resolve) => {
    const child = spawn('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
    child.on('error', (err) => resolve(err.message));
    child.on('close', (c, signal) => resolve(c ?? `killed by ${signal}`));
  });
  if (code !== 0) {
    const why = typeof code === 'number' ? `npm install exited with code ${code}` : code;
    throw new InputError(`the project was written, but npm install failed (${why}).\nRun npm install in ${root} when the problem is fixed.`);
  }
}

/** The summary printed at the end of a run. */
export function summaryLines(root: string, manifest: Manifest, ctx: RenderContext): string[] {
  const perms = manifest.permissions.map((p) => `${p.endpoint} (${p.access})`).join(', ') || 'none';
  const relative = path.relative(process.cwd(), root);
  const where = relative === '' ? '.' : relative.startsWith('..') ? root : relative;
  return [
    '',
    `Created the Commerce7 ${ctx.app.typeLabel} "${manifest.app.title}" in ${where}`,
    `Permissions requested: ${perms}`,
    'Next steps:',
    `  1. cd ${where} && cp .env.example .env   (fill in the App ID and App Secret Key)`,
    '  2. npm run dev, then npm test           (against the local Commerce7 emulator)',
    '  3. npx c7-app check                     (work through SUBMISSION_CHECKLIST.md, then submit)',
  ];
}

/** The stopped run's answers are in c7-app.json now. */
export function removeDraft(root: string): void {
  rmSync(path.join(root, DRAFT_FILE), { force: true });
}

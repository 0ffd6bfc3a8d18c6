// `c7-app upgrade`, planned before anything is written: for each file of the project, its base (what the project's
// generator version wrote: the recorded base, or cb22061's output for projects that recorded none), theirs (what
// this version writes for the manifest) and ours (the disk), and what to do:
//   ours = theirs .......................... nothing
//   derived now ............................ re-rendered (updated / added)
//   ours = base ............................ updated (the new version)
//   theirs = base .......................... nothing (the user's change, kept as it is)
//   all three differ ....................... merged three ways (merged, or conflict with markers)
//   in base only, ours = base .............. removed; changed by the user: kept
//   new in theirs .......................... added
// c7-app.json goes through the same surgical edit as `c7-app scopes` (a migration of its format would be a step
// there), SUBMISSION_CHECKLIST.md is rendered from the project as it will be, and the record is rewritten.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildChecklist, diskProject, prepareChecklist, renderChecklistMarkdown, SUBMISSION_CHECKLIST_FILE } from '../checklist/index.js';
import { InputError } from '../errors.js';
import { updateJsonText } from '../manifest/index.js';
import { generatorDependency, PACKAGE_NAME, PACKAGE_VERSION } from '../package-info.js';
import { buildContext } from '../render/context.js';
import { packGenerator } from '../generator-vendor.js';
import { filePlan, renderPlannedFile } from '../render/files.js';
import type { Owner } from '../render/plan.js';
import { overlayProject } from '../render/project-output.js';
import { loadProject, type ProjectState } from '../scopes/project.js';
import { LEGACY_COMMIT, renderCb22061 } from './legacy/cb22061/index.js';
import { mergeThree } from './merge.js';
import { BASE_FILE, buildRecord, encodeRecord, readRecord, sha256, type BaseRecord, type RecordSource } from './record.js';
import { readUpgradeJournal } from './journal.js';

export type Action = 'updated' | 'merged' | 'conflict' | 'kept' | 'added' | 'removed';
export const ACTIONS: readonly Action[] = ['updated', 'merged', 'conflict', 'kept', 'added', 'removed'];

export interface Step {
  path: string;
  action: Action;
  /** The new contents (absent for removed and kept). */
  contents?: string | Buffer;
  /** Why, in a few words (shown after the path). */
  note: string;
}

export interface UpgradePlan {
  state: ProjectState;
  /** The base the project was generated from: a recorded version, or cb22061 (nothing recorded). */
  from: { version: string; recorded: boolean };
  to: string;
  steps: Step[];
  /** Files left as they are: unchanged by both sides, or changed by the user only. */
  untouched: number;
  yours: number;
  /** The record to write (undefined: the one on disk already says this). */
  record?: Buffer;
  /** Files an interrupted upgrade had already written (its journal). */
  resumed: number;
  /** An upgrade was interrupted here (its journal is there). */
  interrupted: boolean;
}

interface BaseFile { owner: Owner; sha256: string; text?: string }
const utf8 = (b: Buffer): string | undefined => { const s = b.toString('utf8'); return Buffer.from(s, 'utf8').equals(b) ? s : undefined; };

/** The generator dependency a cb22061 project was generated with (its package.json), for rendering its base. */
function legacyDependency(root: string): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string>; dependencies?: Record<string, string> };
    return pkg.devDependencies?.[PACKAGE_NAME] ?? pkg.dependencies?.[PACKAGE_NAME] ?? '^0.1.0';
  } catch {
    return '^0.1.0';
  }
}

function baseFiles(state: ProjectState, record: BaseRecord | undefined): Map<string, BaseFile> {
  if (record) return new Map(Object.entries(record.files));
  let legacy;
  try {
    legacy = renderCb22061(state.manifest, { teach: state.teach, dependency: legacyDependency(state.root) });
  } catch (err) {
    // A manifest edited since with something cb22061 did not know: its base cannot be rendered.
    throw new InputError(`this project recorded no base (${BASE_FILE}), and generator-c7-app ${LEGACY_COMMIT}'s templates, its base, cannot render today's c7-app.json (${(err as Error).message}). ` +
      'Upgrade with c7-app.json as it was when the project was generated (git), then make the change again.');
  }
  return new Map(legacy.map((f) => [f.path, { owner: f.owner, sha256: sha256(f.contents), text: f.contents }]));
}

export async function planUpgrade(cwd: string): Promise<UpgradePlan> {
  const state = loadProject(cwd);
  const root = state.root;
  const record = readRecord(root);
  const from = record ? { version: record.generator.version, recorded: true } : { version: LEGACY_COMMIT, recorded: false };
  const labels = { ours: 'yours', base: `base (generator-c7-app ${from.version})`, theirs: `generator-c7-app ${PACKAGE_VERSION}` };
  const journal = readUpgradeJournal(root);
  const disk = (p: string): Buffer | undefined => { const f = path.join(root, ...p.split('/')); return existsSync(f) ? readFileSync(f) : undefined; };

  const ctx = buildContext(state.manifest, { teach: state.teach, generator: { name: PACKAGE_NAME, version: PACKAGE_VERSION, dependency: generatorDependency() } });
  const theirs = new Map(filePlan(ctx).map((file) => [file.path, { file: file as { path: string; owner: Owner }, contents: renderPlannedFile(file, ctx) as string | Buffer }]));
  // From a checkout, this version's generator packed into vendor/ (as `new` writes it): the project's package.json
  // depends on it. A tarball of the version before goes as any unchanged file this version no longer writes.
  const vendored = ctx.generator.vendored;
  if (vendored) theirs.set(vendored, { file: { path: vendored, owner: 'derived' }, contents: await packGenerator() });
  const base = baseFiles(state, record);
  const steps: Step[] = [];
  let untouched = 0;
  let yours = 0;
  let resumed = 0;
  /** What each file of the plan holds once the upgrade is done (the checklist looks at the project as it will be). */
  const result = new Map<string, string>();
  const skip = new Set([SUBMISSION_CHECKLIST_FILE, 'c7-app.json', BASE_FILE]);
  const paths = [...new Set([...theirs.keys(), ...base.keys()])].filter((p) => !skip.has(p)).sort();

  for (const p of paths) {
    const t = theirs.get(p);
    const b = base.get(p);
    const ours = disk(p);
    const done = journal?.files[p];
    if (done !== undefined && (ours ? sha256(ours) : null) === done) {
      // Written (or removed) by the upgrade that was interrupted: its result stands.
      resumed += 1;
      if (ours && t) { const s = utf8(ours); if (s !== undefined) result.set(p, s); }
      continue;
    }
    const step = decide(p, t ? { owner: t.file.owner, contents: t.contents } : undefined, b, ours, labels);
    if (step === 'untouched') untouched += 1;
    else if (step === 'yours') yours += 1;
    else steps.push(step);
    const final = step !== 'untouched' && step !== 'yours' && step.contents !== undefined ? step.contents : ours;
    if (final !== undefined && typeof final === 'string') result.set(p, final);
    else if (final !== undefined) { const s = utf8(final); if (s !== undefined) result.set(p, s); }
    if (step !== 'untouched' && step !== 'yours' && step.action === 'removed') result.delete(p);
  }

  // c7-app.json: the same surgical edit as scopes (only what changes is rewritten; nothing does today).
  const manifestText = updateJsonText(state.manifestText, state.manifest);
  if (manifestText !== state.manifestText) steps.push({ path: 'c7-app.json', action: 'updated', contents: manifestText, note: 'the manifest in this version\u2019s format' });
  result.set('c7-app.json', manifestText);

  // The checklist sees the project as this run leaves it.
  await prepareChecklist(diskProject(root), { rendered: true });
  const removed = new Set(steps.filter((s) => s.action === 'removed').map((s) => s.path));
  const view = overlayProject(diskProject(root), result);
  const project = { ...view, exists: (rel: string) => !removed.has(rel) && view.exists(rel), read: (rel: string) => (removed.has(rel) ? undefined : view.read(rel)),
    listFiles: () => view.listFiles().filter((f) => !removed.has(f)) };
  const checklist = renderChecklistMarkdown(state.manifest, buildChecklist(state.manifest, project));
  const onDisk = disk(SUBMISSION_CHECKLIST_FILE);
  if (!onDisk || !onDisk.equals(Buffer.from(checklist))) {
    steps.push({ path: SUBMISSION_CHECKLIST_FILE, action: onDisk ? 'updated' : 'added', contents: checklist, note: 'derived: re-rendered' });
  }

  const sources: RecordSource[] = [...theirs.values()].map((r) => ({ file: { path: r.file.path, owner: r.file.owner }, contents: r.contents }));
  sources.push({ file: { path: SUBMISSION_CHECKLIST_FILE, owner: 'derived' }, contents: checklist });
  const next = buildRecord(sources);
  const recordChanged = !record || JSON.stringify(record) !== JSON.stringify(next);
  steps.sort((a, b) => ACTIONS.indexOf(a.action) - ACTIONS.indexOf(b.action) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { state, from, to: PACKAGE_VERSION, steps, untouched, yours, resumed, interrupted: journal !== undefined, ...(recordChanged ? { record: encodeRecord(next) } : {}) };
}

type Decision = Step | 'untouched' | 'yours';

function decide(p: string, t: { owner: Owner; contents: string | Buffer } | undefined, b: BaseFile | undefined, ours: Buffer | undefined, labels: { ours: string; base: string; theirs: string }): Decision {
  const oursIsBase = ours !== undefined && b !== undefined && sha256(ours) === b.sha256;
  if (!t) {
    // This version no longer writes the file.
    if (!b || ours === undefined) return 'untouched';
    if (oursIsBase) return { path: p, action: 'removed', note: 'no longer part of the project; you had not changed it' };
    return { path: p, action: 'kept', note: 'no longer generated, but you changed it: yours to keep or delete' };
  }
  const tBytes = Buffer.from(t.contents);
  if (ours !== undefined && ours.equals(tBytes)) return 'untouched';
  if (t.owner === 'derived') {
    return { path: p, action: ours === undefined ? 'added' : 'updated', contents: t.contents, note: 'derived from c7-app.json: re-rendered' };
  }
  if (ours === undefined) {
    if (!b) return { path: p, action: 'added', contents: t.contents, note: 'new in this version' };
    if (b.sha256 === sha256(tBytes)) return 'untouched'; // deleted by the user, unchanged by us: stays deleted
    return { path: p, action: 'kept', note: 'you deleted it and this version changes it: not restored (`c7-app new` writes it again)' };
  }
  if (!b) return { path: p, action: 'kept', note: 'yours differs and no base was recorded for it to merge with' };
  if (oursIsBase) return { path: p, action: 'updated', contents: t.contents, note: 'unchanged by you: the new version' };
  if (b.sha256 === sha256(tBytes)) return 'yours';
  const o = utf8(ours);
  const theirsText = typeof t.contents === 'string' ? t.contents : utf8(t.contents);
  if (o === undefined || theirsText === undefined || b.text === undefined) {
    return { path: p, action: 'kept', note: 'changed by you and by this version, and not text that can be merged' };
  }
  const merged = mergeThree(o, b.text, theirsText, labels);
  if (merged.conflicts === 0 && merged.text === o) return 'yours'; // the new version's changes are in yours already
  if (merged.conflicts === 0) return { path: p, action: 'merged', contents: merged.text, note: 'your changes and the new version\u2019s, merged' };
  return { path: p, action: 'conflict', contents: merged.text, note: `${merged.conflicts} conflict${merged.conflicts === 1 ? '' : 's'} marked: resolve, then remove the markers` };
}

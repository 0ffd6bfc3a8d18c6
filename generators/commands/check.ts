// `c7-app check [dir]`: the submission checklist in the terminal, SUBMISSION_CHECKLIST.md rewritten when it changed,
// and a one-line verdict. Loads no Yeoman.
import { statSync } from 'node:fs';
import path from 'node:path';
import pc from 'picocolors';
import {
  buildChecklist, diskProject, ENV_FILE, formatVerdict, prepareChecklist, projectTestsItem, renderChecklistMarkdown, runProjectTests,
  scanProjectForSecretsFully, sectionTitle, sourceLabel, STATUS_MARK, SUBMISSION_CHECKLIST_FILE, summarize, TEST_COMMAND,
  type ChecklistItem, type FullSecretScan, type SecretFinding,
} from '../lib/checklist/index.js';
import { cannotRead, formatDiagnostic, readManifestBytes, validateManifestText, type Diagnostic } from '../lib/manifest/index.js';
import { DEFAULT_READ_LIMIT, describeSpecial, formatSize, readRegularFile } from '../lib/safe-read.js';
import { EXIT, UserError } from './errors.js';
import { resolveManifestPath } from './validate.js';

export interface CheckOptions {
  /** Write nothing; exit 1 when an item checked by the tool fails. */
  ci?: boolean;
  /** Print the items as JSON (writes nothing). */
  json?: boolean;
  /** Run `npm test` in the project and check that it passes. */
  runTests?: boolean;
  /** List every item by section, the passed ones too. */
  verbose?: boolean;
  cwd?: string;
}

type Paint = (s: string) => string;
const plainPaint = { red: String, green: String, yellow: String, dim: String, bold: String, cyan: String } as Record<'red' | 'green' | 'yellow' | 'dim' | 'bold' | 'cyan', Paint>;

/** c7-app.json for `dir`: the file itself, or the nearest one in the folder or above it. */
function findManifest(dir: string | undefined, cwd: string): string {
  if (!dir) return resolveManifestPath(undefined, cwd);
  const target = path.resolve(cwd, dir);
  let stat;
  try { stat = statSync(target); } catch { throw new UserError(`${dir}: no such file or folder`); }
  return stat.isFile() ? target : resolveManifestPath(undefined, target);
}

/** The one thing to do next, after the verdict. */
function nextStep(summary: ReturnType<typeof summarize>): string {
  if (summary.failed) return `Next: fix the ${summary.failed} failed item${summary.failed === 1 ? '' : 's'} above, then run c7-app check again`;
  if (summary.person) return `Next: go through the ${summary.person} item${summary.person === 1 ? '' : 's'} for you (${SUBMISSION_CHECKLIST_FILE}), then submit the version in the App Development Center`;
  return 'Next: submit the version in the App Development Center';
}

function itemText(item: ChecklistItem, c: typeof plainPaint): string[] {
  const tag = c.dim(item.source.by === 'commerce7' ? '[Commerce7]' : '[advice]');
  const title = item.status === 'fail' ? c.red(item.title) : item.status === 'person' ? c.yellow(item.title) : item.title;
  const lines = [`  ${STATUS_MARK[item.status]} ${title} ${tag}`];
  const more = (label: string, text: string) => lines.push(`      ${c.dim(`${label}:`)} ${text}`);
  if (item.status === 'fail') {
    if (item.reason) more('why', item.reason);
    if (item.fix) more('fix', item.fix);
  } else if (item.status === 'person' && item.lookAt) {
    more('look at', item.lookAt);
  }
  if (item.status !== 'pass') {
    for (const d of item.details ?? []) lines.push(`      ${c.dim('\u00b7')} ${d}`);
    more('rule', `${sourceLabel(item.source)} (${item.id})`);
  }
  return lines;
}

export async function runCheck(dir: string | undefined, opts: CheckOptions, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const cwd = opts.cwd ?? process.cwd();
  const manifestFile = findManifest(dir, cwd);
  const relative = path.relative(cwd, manifestFile);
  const shown = relative && !relative.startsWith('..') ? relative : manifestFile;
  const root = path.dirname(manifestFile);
  const project = diskProject(root);
  // git lists the files (and answers for .env, the one path a rule asks about) while the manifest is validated.
  const gitAnswers = project.prefetch?.([ENV_FILE]);
  let text: Uint8Array;
  try {
    // Not read at all when it is a FIFO or a device (reading would wait or never end) or larger than any manifest.
    const st = statSync(manifestFile);
    if (!st.isFile()) throw new UserError(`cannot read ${manifestFile}: ${describeSpecial(st)}`);
    if (st.size > DEFAULT_READ_LIMIT) throw new UserError(`cannot read ${manifestFile}: too large (${formatSize(st.size)})`);
    text = await readManifestBytes(manifestFile);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(cannotRead(manifestFile, e));
  }
  const color = !opts.json && (out as NodeJS.WriteStream).isTTY === true && pc.isColorSupported;
  const c = color ? (pc as unknown as typeof plainPaint) : plainPaint;

  const loaded = validateManifestText(text);
  await gitAnswers;
  if (!loaded.valid || !loaded.manifest) {
    if (opts.json) {
      // The secrets are still reported, so a CI that gates on secrets alone sees them with an invalid manifest too.
      const scan = await scanProjectForSecretsFully(project);
      out.write(JSON.stringify({
        manifest: manifestFile, valid: false, diagnostics: loaded.diagnostics,
        secrets: secretsSummary([], scan, loaded.diagnostics, path.relative(root, manifestFile)), skipped: scan.skipped,
      }, null, 2) + '\n');
    } else {
      for (const d of loaded.diagnostics) out.write(formatDiagnostic(shown, d, color) + '\n');
      out.write(`${shown} is invalid: fix it first (c7-app validate), then run c7-app check again\n`);
    }
    return EXIT.invalid;
  }
  const manifest = loaded.manifest;
  const checklistFile = path.join(root, SUBMISSION_CHECKLIST_FILE);

  // The file records what the manifest and the files say; a test run is shown here but never written to it.
  await prepareChecklist(project);
  const secretScan = await scanProjectForSecretsFully(project);
  if (secretScan.secretlint.error && !opts.json) err.write(`c7-app check: ${secretScan.secretlint.error}\n`);
  const fileItems = buildChecklist(manifest, project, { secretScan });
  // What the view could not read (asked by any rule) and what the scanner left out as too large, each once.
  const skipped = [...secretScan.skipped, ...(project.skipped?.() ?? []).filter((v) => !secretScan.skipped.some((s) => s.path === v.path))]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (!opts.json) for (const f of skipped) err.write(`c7-app check: skipped ${f.path}: ${f.reason}\n`);
  let items = fileItems;
  if (opts.runTests) {
    if (!opts.json) err.write(`running ${TEST_COMMAND} in ${path.relative(cwd, root) || '.'}\u2026\n`);
    const testItem = projectTestsItem(await runProjectTests(root));
    items = fileItems.map((i) => (i.id === testItem.id ? testItem : i));
  }
  const summary = summarize(items);
  const exitCode = opts.ci && summary.failed > 0 ? EXIT.invalid : EXIT.ok;
  const markdown = renderChecklistMarkdown(manifest, fileItems);
  const read = readRegularFile(checklistFile);
  const current = read.ok ? read.text : undefined;
  // A checklist path that is a FIFO, a device or unreadable is left alone: writing to it could wait forever.
  const unwritable = !read.ok && !read.missing ? read.reason : undefined;

  if (opts.json) {
    const rel = path.relative(cwd, checklistFile);
    out.write(JSON.stringify({
      manifest: shown, valid: true, checklist: rel && !rel.startsWith('..') ? rel : checklistFile,
      checklistUpToDate: current === markdown, summary, items,
      secrets: secretsSummary(items, secretScan), skipped,
    }, null, 2) + '\n');
    return exitCode;
  }

  out.write(`${c.bold(`Submission checklist: ${manifest.app.title} ${manifest.version.number}`)} ${c.dim(`(${shown})`)}\n`);
  if (opts.verbose) {
    let section: string | undefined;
    let n = 0;
    for (const item of items) {
      if (item.section !== section) {
        section = item.section;
        out.write(`\n${c.bold(`${++n}. ${sectionTitle(item.section)}`)}\n`);
      }
      out.write(itemText(item, c).join('\n') + '\n');
    }
  } else {
    // What needs doing first: the failures, then what a person must look at; the passes in one line.
    const group = (status: ChecklistItem['status'], heading: string) => {
      const list = items.filter((i) => i.status === status);
      if (!list.length) return;
      out.write(`\n${c.bold(`${heading} (${list.length})`)}\n`);
      for (const item of list) out.write(itemText(item, c).join('\n') + '\n');
    };
    group('fail', 'Failed');
    group('person', 'For you to check');
    out.write(`\n${STATUS_MARK.pass} ${summary.passed} passed ${c.dim('(c7-app check --verbose lists them)')}\n`);
  }
  out.write('\n');

  const shownChecklist = path.join(path.dirname(shown), SUBMISSION_CHECKLIST_FILE);
  if (opts.ci) {
    const state = current === markdown ? 'up to date' : current === undefined ? 'does not exist' : 'is out of date';
    out.write(`${shownChecklist} ${state}${current === markdown ? '' : ' (--ci writes nothing: run c7-app check to write it)'}\n`);
  } else if (current === markdown) {
    out.write(`${shownChecklist} up to date\n`);
  } else if (unwritable) {
    out.write(`${shownChecklist} not written: ${unwritable}\n`);
  } else {
    // Loaded only to write (signal-exit's handlers and fs/promises): `check --ci` and an up-to-date file never do.
    const { writeFileAtomicSync } = await import('../lib/atomic-write.js');
    try {
      writeFileAtomicSync(checklistFile, markdown);
    } catch (e) {
      throw new UserError(`cannot write ${checklistFile}: ${(e as Error).message}`);
    }
    out.write(`${shownChecklist} ${current === undefined ? 'written' : 'updated'}\n`);
  }
  const verdict = formatVerdict(summary);
  out.write(`${summary.failed ? c.red(verdict) : c.green(verdict)}\n`);
  out.write(`${nextStep(summary)}\n`);
  return exitCode;
}

/** A finding as `check --json` lists it: which item it fails and its category, so a CI can gate on secrets alone. */
export interface JsonSecretFinding extends SecretFinding { item: string; category: 'secrets' }

/**
 * `secrets` of `check --json`: `ok` is false when any secrets item fails or a secret was found (in a tracked file, or
 * in c7-app.json by validate); `failed` lists the failing secrets items; `findings` every value found (never the value).
 */
function secretsSummary(items: ChecklistItem[], scan: FullSecretScan, diagnostics: Diagnostic[] = [], manifestRel = 'c7-app.json') {
  const inManifest = diagnostics.filter((d) => d.category === 'secrets').map((d) => ({
    item: 'secrets.tracked-files', category: 'secrets' as const, file: manifestRel, line: d.line, kind: 'manifest' as const,
    what: `${d.pointer}: ${d.message}`,
  }));
  const manifestLines = new Set(inManifest.map((f) => f.line));
  const findings: JsonSecretFinding[] = [
    ...inManifest,
    ...scan.findings.filter((f) => !(f.file === manifestRel && manifestLines.has(f.line)))
      .map((f) => ({ item: 'secrets.tracked-files', category: 'secrets' as const, ...f })),
  ];
  const failed = items.filter((i) => i.section === 'secrets' && i.status === 'fail').map((i) => i.id);
  return { ok: failed.length === 0 && findings.length === 0, failed, findings, secretlint: scan.secretlint };
}

// `c7-app check [dir]`: the submission checklist in the terminal, SUBMISSION_CHECKLIST.md rewritten when it changed,
// and a one-line verdict. Loads no Yeoman.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pc from 'picocolors';
import {
  buildChecklist, diskProject, prepareChecklist, formatVerdict, projectTestsItem, renderChecklistMarkdown, runProjectTests, sectionTitle,
  sourceLabel, STATUS_MARK, SUBMISSION_CHECKLIST_FILE, summarize, TEST_COMMAND, type ChecklistItem,
} from '../lib/checklist/index.js';
import { cannotRead, readManifestText, validateManifestText } from '../lib/manifest/index.js';
import { EXIT, UserError } from './errors.js';
import { formatDiagnostic, resolveManifestPath } from './validate.js';

export interface CheckOptions {
  /** Write nothing; exit 1 when an item checked by the tool fails. */
  ci?: boolean;
  /** Print the items as JSON (writes nothing). */
  json?: boolean;
  /** Run `npm test` in the project and check that it passes. */
  runTests?: boolean;
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
  let text: string;
  try {
    text = await readManifestText(manifestFile);
  } catch (e) {
    throw new UserError(cannotRead(manifestFile, e));
  }
  const color = !opts.json && (out as NodeJS.WriteStream).isTTY === true && pc.isColorSupported;
  const c = color ? (pc as unknown as typeof plainPaint) : plainPaint;

  const loaded = validateManifestText(text);
  if (!loaded.valid || !loaded.manifest) {
    if (opts.json) {
      out.write(JSON.stringify({ manifest: manifestFile, valid: false, diagnostics: loaded.diagnostics }, null, 2) + '\n');
    } else {
      for (const d of loaded.diagnostics) out.write(formatDiagnostic(shown, d, color) + '\n');
      out.write(`${shown} is invalid: fix it first (c7-app validate), then run c7-app check again\n`);
    }
    return EXIT.invalid;
  }
  const manifest = loaded.manifest;
  const root = path.dirname(manifestFile);
  const checklistFile = path.join(root, SUBMISSION_CHECKLIST_FILE);

  // The file records what the manifest and the files say; a test run is shown here but never written to it.
  const project = diskProject(root);
  await prepareChecklist(project);
  const fileItems = buildChecklist(manifest, project);
  let items = fileItems;
  if (opts.runTests) {
    if (!opts.json) err.write(`running ${TEST_COMMAND} in ${path.relative(cwd, root) || '.'}\u2026\n`);
    const testItem = projectTestsItem(await runProjectTests(root));
    items = fileItems.map((i) => (i.id === testItem.id ? testItem : i));
  }
  const summary = summarize(items);
  const exitCode = opts.ci && summary.failed > 0 ? EXIT.invalid : EXIT.ok;
  const markdown = renderChecklistMarkdown(manifest, fileItems);
  let current: string | undefined;
  try { current = readFileSync(checklistFile, 'utf8'); } catch { current = undefined; }

  if (opts.json) {
    const rel = path.relative(cwd, checklistFile);
    out.write(JSON.stringify({
      manifest: shown, valid: true, checklist: rel && !rel.startsWith('..') ? rel : checklistFile,
      checklistUpToDate: current === markdown, summary, items,
    }, null, 2) + '\n');
    return exitCode;
  }

  out.write(`${c.bold(`Submission checklist: ${manifest.app.title} ${manifest.version.number}`)} ${c.dim(`(${shown})`)}\n`);
  let section: string | undefined;
  let n = 0;
  for (const item of items) {
    if (item.section !== section) {
      section = item.section;
      out.write(`\n${c.bold(`${++n}. ${sectionTitle(item.section)}`)}\n`);
    }
    out.write(itemText(item, c).join('\n') + '\n');
  }
  out.write('\n');

  const shownChecklist = path.join(path.dirname(shown), SUBMISSION_CHECKLIST_FILE);
  if (opts.ci) {
    const state = current === markdown ? 'up to date' : current === undefined ? 'does not exist' : 'is out of date';
    out.write(`${shownChecklist} ${state}${current === markdown ? '' : ' (--ci writes nothing: run c7-app check to write it)'}\n`);
  } else if (current === markdown) {
    out.write(`${shownChecklist} up to date\n`);
  } else {
    try {
      writeFileSync(checklistFile, markdown);
    } catch (e) {
      throw new UserError(`cannot write ${checklistFile}: ${(e as Error).message}`);
    }
    out.write(`${shownChecklist} ${current === undefined ? 'written' : 'updated'}\n`);
  }
  const verdict = formatVerdict(summary);
  out.write(`${summary.failed ? c.red(verdict) : c.green(verdict)}\n`);
  return exitCode;
}

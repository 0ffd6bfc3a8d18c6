// `c7-app new [dir]`: the same generator as `yo c7-app`. A run that asks nothing (no terminal, --no-interactive,
// --example) takes the fast path: the same steps as the generator (lib/new-project), written through the same
// journal and atomic writer, without loading Yeoman (about 1,200 modules, most of a second). Yeoman's environment
// is reached only when it is needed: prompts on a terminal (the questions, the conflicter asking file by file), a
// .yo-resolve file, a .yo-rc.json Yeoman's storage would refuse, or C7_APP_YEOMAN=1.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../lib/errors.js';
import { completeManifest, validateManifestValue } from '../lib/manifest/index.js';
import { describeMissing, QUESTIONS, resolveAnswers } from '../lib/questions/index.js';
import { buildContext } from '../lib/render/context.js';
import { generatorDependency, PACKAGE_NAME, PACKAGE_VERSION } from '../lib/package-info.js';
import { digest, describeInterrupted, endGeneration, recoverInterrupted } from '../lib/generation-journal.js';
import {
  changedFiles, finishManifest, finishNewProject, type KnownValidation, planWrite, readYoRc, refuseChanges, removeDraft, startingDraft, summaryLines,
  writeProject, YO_RC_FILE, YO_RC_KEY, yoRcText,
} from '../lib/new-project.js';
import { discardEarlyInit, removeEarlyInit, startEarlyInit, startGitProbe } from '../lib/project-git.js';
import { EXIT, UserError } from './errors.js';
import { runGenerator } from './yeoman.js';

/** The options of `c7-app new` as commander parsed them; `explicit` says which were given on the command line. */
export interface NewInput {
  dir?: string;
  opts: Record<string, unknown>;
  explicit: (key: string) => boolean;
}

const camel = (flag: string) => flag.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/** `args` are the words after `new` (for Yeoman); `input` the parsed options (for the fast path). */
export async function runNew(args: string[], input?: NewInput): Promise<number> {
  if (!input || process.env.C7_APP_YEOMAN === '1') return runGenerator('app', args);
  try {
    return await runNewFast(args, input);
  } catch (err) {
    if (err instanceof InputError) throw new UserError(err.message, err.exitCode);
    throw err;
  }
}

/** Folders from `dir` up to the file system's root. */
function* upward(dir: string): Generator<string> {
  for (let at = dir, last = ''; at !== last; last = at, at = path.dirname(at)) yield at;
}

async function runNewFast(args: string[], { dir, opts, explicit }: NewInput): Promise<number> {
  const root = path.resolve(dir ?? '.');
  const example = Boolean(opts.example);
  const interactive = !example && (explicit('interactive') ? Boolean(opts.interactive) : Boolean(process.stdin.isTTY && process.stdout.isTTY));
  // Someone to ask: Yeoman's prompts and conflicter.
  if (interactive) return runGenerator('app', args);
  let yoRc: Record<string, unknown> | undefined;
  try {
    yoRc = readYoRc(root);
  } catch {
    return runGenerator('app', args); // Yeoman's storage says what is wrong with it
  }
  // .yo-resolve (Yeoman's per-folder conflict answers) applies to every file below its folder.
  if ([...upward(root)].some((d) => existsSync(path.join(d, '.yo-resolve')))) return runGenerator('app', args);

  // Yeoman's logger writes to stderr: so does this path, so a script reading either sees the same.
  const out = process.stderr;
  const log = (line: string) => { out.write(`${line}\n`); };
  const interrupted = recoverInterrupted(root);
  if (interrupted) log(`${describeInterrupted(interrupted)} This run completes it.`);
  // A killed run's early `git init` (lib/project-git.ts) is no part of the project: gone before anything reads it.
  removeEarlyInit(root);
  const start = startingDraft(root, { example, answers: opts.answers as string | undefined, interrupted, log });
  // A fresh project: no c7-app.json, or only the one an interrupted fresh run wrote (its journal says there was none
  // before it): that run was killed before its first commit, which this one makes.
  const fresh = start.existingManifestText === undefined || (interrupted?.command === 'new' && interrupted.manifest?.before === null);
  // A fresh project gets a first commit: what git says about the folder is asked now, answered while rendering.
  const gitProbe = fresh && opts.git !== false ? startGitProbe(root) : undefined;
  const stored = (yoRc?.[YO_RC_KEY] ?? {}) as { teach?: boolean; answered?: string[] };
  let answered = stored.answered ?? [];
  // A complete manifest answers everything: what it leaves out (no Basic auth, no category) is its choice.
  let known: KnownValidation | undefined;
  if (Object.keys(start.draft).length) {
    const complete = completeManifest(start.draft);
    known = { complete, result: validateManifestValue(complete) };
    if (known.result.valid) answered = QUESTIONS.map((q) => q.name);
  }
  const teach = (explicit('teach') ? Boolean(opts.teach) : undefined) ?? stored.teach ?? true;

  const flags: Record<string, unknown> = {};
  for (const q of QUESTIONS) {
    if (q.flag && explicit(camel(q.flag.name))) flags[q.flag.name] = opts[camel(q.flag.name)];
  }
  const result = await resolveAnswers({ draft: start.draft, flags, interactive: false, askAnswered: Boolean(opts.askAnswered), answered });
  if (result.flagErrors.length) throw new InputError(`bad flag value${result.flagErrors.length > 1 ? 's' : ''}:\n${result.flagErrors.map((e) => `  ${e}`).join('\n')}`);
  if (result.missing.length) throw new InputError(describeMissing(result.missing));

  const manifest = finishManifest(result.draft, start.answerFiles, log, known);
  const ctx = buildContext(manifest, { teach, generator: { name: PACKAGE_NAME, version: PACKAGE_VERSION, dependency: generatorDependency() } });
  const { manifestText, files } = await planWrite(root, ctx, { existingManifestText: start.existingManifestText, example });
  const dirs = new Set(files.map((f) => path.dirname(f.target)));
  if ([...dirs].some((d) => d !== root && existsSync(path.join(d, '.yo-resolve')))) return runGenerator('app', args);
  if (!opts.force) refuseChanges(changedFiles(root, files), interrupted);
  // .yo-rc.json right after c7-app.json, where Yeoman's storage puts it; rewritten whenever it changes.
  files.splice(1, 0, { target: path.join(root, YO_RC_FILE), owner: 'derived', contents: yoRcText(yoRc, { teach, answered: [...result.answered].sort() }) });
  // The first commit's `git init` runs beside the writes, into a folder of its own (moved into place after them).
  const earlyInit = gitProbe ? startEarlyInit(root, gitProbe) : undefined;
  try {
    // (A fresh project's journal says so again when this run completes a killed one: killed too, the next makes the commit.)
    await writeProject(root, files, { manifest: { before: fresh ? null : digest(start.existingManifestText), text: manifestText }, resuming: interrupted !== undefined, out, keepJournal: true });
  } catch (err) {
    await discardEarlyInit(earlyInit);
    throw err;
  }

  // The journal stays until the early `git init` is in place (or discarded) and the first commit made: a run killed
  // after its files, before its repository, leaves a project the next run completes, and says so. A step that fails
  // (an install) ends it all the same: the files are whole, and the error says what to do.
  try {
    await finishNewProject(root, { manifest, ctx, skipInstall: Boolean(opts.skipInstall), log, fresh, git: opts.git !== false, ...(gitProbe ? { gitProbe } : {}), ...(earlyInit ? { earlyInit } : {}) });
  } finally {
    endGeneration(root, []);
  }
  removeDraft(root);
  for (const line of summaryLines(root, manifest, ctx)) log(line);
  return EXIT.ok;
}

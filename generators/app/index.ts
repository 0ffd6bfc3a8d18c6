// `yo c7-app [dir]` and `c7-app new [dir]`: ask, validate, scaffold. A thin Yeoman class: the work is in lib/.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Generator, { type BaseOptions } from 'yeoman-generator';
import { InputError } from '../lib/errors.js';
import {
  cannotRead, completeManifest, decodeUtf8, formatDiagnostic, formatManifest, JsonSource, mergeManifest, parsePointer, stripBom, updateJsonText,
  validateManifestText, validateManifestValue, type Diagnostic, type Manifest,
} from '../lib/manifest/index.js';
import { describeMissing, QUESTIONS, resolveAnswers, type Asker, type Draft } from '../lib/questions/index.js';
import { buildContext, type RenderContext } from '../lib/render/context.js';
import { diskProject, prepareChecklist } from '../lib/checklist/index.js';
import { renderProject } from '../lib/render/project-output.js';
import { MANIFEST_PATH } from '../lib/render/project-files.js';
import { generatorDependency, PACKAGE_NAME, PACKAGE_ROOT, PACKAGE_VERSION } from '../lib/package-info.js';
import { writeFileAtomicSync } from '../lib/atomic-write.js';
import { digest, describeInterrupted, recoverInterrupted, type GenerationJournal } from '../lib/generation-journal.js';
import { withoutTaskErrorLine } from '../commands/yeoman.js';
import { commitAtomically, type CommitEnv } from './commit.js';
import { initProjectGitAndSay } from '../lib/project-git.js';
import { packGenerator, staleTarballs } from '../lib/generator-vendor.js';

/** Answers given before a run was stopped (Ctrl-C), offered to the next run in the same folder. */
export const DRAFT_FILE = '.c7-app-draft.json';
interface SavedDraft { draft: Draft; answered: string[] }

/** The bundled manifest behind --example. */
export const EXAMPLE_MANIFEST = path.join(PACKAGE_ROOT, 'examples', 'tasting-room-full-app', 'c7-app.json');

interface Stored { teach?: boolean; answered?: string[] }
type AppOptions = BaseOptions & {
  dir?: string; answers?: string; example?: boolean; 'ask-answered'?: boolean; interactive?: boolean; teach?: boolean; git?: boolean;
  [flag: string]: unknown;
};

export default class AppGenerator extends Generator<Stored, AppOptions> {
  private draft: Draft = {};
  private existingManifestText: string | undefined;
  /** The files answers came from, so an error in the finished manifest points at file:line:column where it was written. */
  private answerFiles: AnswerFile[] = [];
  private interactive = false;
  private teach = true;
  private answered: string[] = [];
  private draftSaved = 0;
  private manifest!: Manifest;
  private ctx!: RenderContext;
  /** The journal of an earlier run in this folder that was killed part-way; this run completes it. */
  private interrupted: GenerationJournal | undefined;
  private manifestWrite: GenerationJournal['manifest'];

  constructor(args: string[], opts: AppOptions) {
    // customInstallTask: Yeoman's environment would look for package.json in its own cwd, not in [dir]; install() does it.
    super(args, opts, { customInstallTask: true });
    Object.assign(this, { log: withoutTaskErrorLine(this.log) }); // `log` is read-only in the types only
    this.argument('dir', { type: String, required: false, description: 'Folder of the new project (created if absent; default: the current folder)' });
    this.option('answers', { type: String, description: 'A full or partial c7-app.json whose values answer the questions' });
    this.option('example', { type: Boolean, description: 'Scaffold the bundled sample Full Application, asking nothing' });
    this.option('ask-answered', { type: Boolean, description: 'Ask again the questions answered before' });
    this.option('interactive', { type: Boolean, description: 'Ask questions (default: only on a terminal; --no-interactive never asks)' });
    this.option('teach', { type: Boolean, description: 'Add comments that explain why, and TOUR.md (default: yes for a first project)' });
    this.option('git', { type: Boolean, default: true, description: 'Make a fresh project a git repository with a first commit (--no-git: do not)' });
    for (const q of QUESTIONS) {
      if (!q.flag) continue;
      this.option(q.flag.name, { type: q.flag.kind === 'boolean' ? Boolean : String, description: q.prompt });
    }
    if (this.options.dir) this.destinationRoot(path.resolve(String(this.options.dir)));
    // Every file reaches disk atomically, inside the generation journal (./commit.ts).
    this.setFeatures({
      customCommitTask: () => commitAtomically(this.env as unknown as CommitEnv, {
        root: this.destinationRoot(), command: 'new', resuming: this.interrupted !== undefined,
        ...(this.manifestWrite ? { manifest: this.manifestWrite } : {}),
      }),
    });
  }

  async initializing(): Promise<void> {
    const existing = this.destinationPath(MANIFEST_PATH);
    this.interrupted = recoverInterrupted(this.destinationRoot());
    if (this.interrupted) this.log(`${describeInterrupted(this.interrupted)} This run completes it.`);
    if (this.fs.exists(existing)) {
      const bytes = existsSync(existing) ? readFileSync(existing) : Buffer.from(this.fs.read(existing) ?? '');
      this.existingManifestText = decodeUtf8(bytes);
      this.draft = readAnswers(existing, bytes, 'the project\u2019s c7-app.json', this.answerFiles, (line) => this.log(line)) as Draft;
    }
    // Killed before c7-app.json was replaced: the answers it was writing are the ones to complete.
    const pendingManifest = this.interrupted?.manifest;
    if (pendingManifest && pendingManifest.before === digest(this.existingManifestText)) {
      const parsed = validateManifestText(pendingManifest.text);
      if (parsed.manifest) this.draft = JSON.parse(pendingManifest.text) as Draft;
    }
    if (this.options.example) this.draft = mergeManifest(this.draft, readAnswers(EXAMPLE_MANIFEST, undefined, '--example', this.answerFiles, (line) => this.log(line))) as Draft;
    if (this.options.answers) this.draft = mergeManifest(this.draft, readAnswers(path.resolve(String(this.options.answers)), undefined, '--answers', this.answerFiles, (line) => this.log(line))) as Draft;

    const stored = this.config.getAll();
    this.answered = stored.answered ?? [];
    this.interactive = !this.options.example && (this.options.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY));
    const saved = this.existingManifestText === undefined && this.interactive ? readDraft(this.destinationPath(DRAFT_FILE)) : undefined;
    if (saved) {
      const n = saved.answered.length;
      const { resume } = (await this.prompt([{ type: 'confirm', name: 'resume', default: true,
        message: `Resume the ${n} answer${n === 1 ? '' : 's'} of the run that was stopped (${DRAFT_FILE})?` } as never])) as { resume: boolean };
      if (resume) {
        this.draft = mergeManifest(saved.draft, this.draft) as Draft;
        this.answered = [...new Set([...this.answered, ...saved.answered])];
      }
    }
    // A complete manifest answers everything: what it leaves out (no Basic auth, no category) is its choice.
    if (Object.keys(this.draft).length && validateManifestValue(completeManifest(this.draft)).valid) this.answered = QUESTIONS.map((q) => q.name);
    this.teach = (this.options.teach as boolean | undefined) ?? stored.teach ?? true;
  }

  async prompting(): Promise<void> {
    // Yeoman's prompt adapter aborts its queue with the Ctrl-C error, which then surfaces outside this await too.
    const onStop = (err: unknown) => {
      if ((err as Error | undefined)?.name !== 'ExitPromptError') throw err;
      process.stderr.write(`c7-app: ${this._stopMessage()}\n`);
      process.exit(130);
    };
    if (this.interactive) {
      process.once('uncaughtException', onStop);
      process.once('unhandledRejection', onStop);
    }
    const asker: Asker = async (spec) => {
      const answers = await this.prompt([spec as never]);
      return (answers as Record<string, unknown>)[spec.name];
    };
    const flags: Record<string, unknown> = {};
    for (const q of QUESTIONS) if (q.flag && this.options[q.flag.name] !== undefined) flags[q.flag.name] = this.options[q.flag.name];
    let progress: SavedDraft | undefined;
    let result;
    try {
      result = await resolveAnswers({
        draft: this.draft, flags, interactive: this.interactive, askAnswered: Boolean(this.options['ask-answered']),
        answered: this.answered, asker, onAnswer: (p) => { progress = p; this._saveDraft(p); },
      });
    } catch (err) {
      throw this._stopped(err, progress);
    }
    if (result.flagErrors.length) throw new InputError(`bad flag value${result.flagErrors.length > 1 ? 's' : ''}:\n${result.flagErrors.map((e) => `  ${e}`).join('\n')}`);
    if (result.missing.length) throw new InputError(describeMissing(result.missing));
    this.draft = result.draft;
    this.answered = result.answered;
    if (this.interactive && this.options.teach === undefined && this.config.get('teach') === undefined) {
      try {
        this.teach = Boolean(await asker({ name: 'teach', type: 'confirm', message: 'Add teaching comments and TOUR.md that explain how a Commerce7 app works?', default: true }));
      } catch (err) {
        throw this._stopped(err, { draft: this.draft, answered: this.answered });
      }
    }
    process.off('uncaughtException', onStop);
    process.off('unhandledRejection', onStop);
  }

  // Underscored: Yeoman runs every other method as a task.
  /** Each answer is kept as it is given, so Ctrl-C (or a crash) at any prompt loses none of them. */
  private _saveDraft(progress: SavedDraft): void {
    const file = this.destinationPath(DRAFT_FILE);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomicSync(file, `${JSON.stringify(progress, null, 2)}\n`);
    this.draftSaved = progress.answered.length;
  }

  /** Ctrl-C at a prompt: stop with 130 and say where the answers are (no stack trace). */
  private _stopped(err: unknown, progress: SavedDraft | undefined): unknown {
    if ((err as Error | undefined)?.name !== 'ExitPromptError') return err;
    if (progress) this._saveDraft(progress);
    return new InputError(this._stopMessage(), 130);
  }

  private _stopMessage(): string {
    if (!this.draftSaved) return 'stopped: nothing was written.';
    const file = path.relative(process.cwd(), this.destinationPath(DRAFT_FILE)) || DRAFT_FILE;
    return `stopped: nothing was written. Your ${this.draftSaved} answer(s) are kept in ${file}; run the same command again to resume.`;
  }

  configuring(): void {
    // Validate before anything is written: an invalid manifest is never written.
    const complete = completeManifest(this.draft, (this.draft.$schema as string | undefined) ?? undefined);
    const result = validateManifestValue(complete);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) {
      throw new InputError(`the answers do not make a valid c7-app.json, so nothing was written:\n${errors.map((d) => `  ${writtenAt(this.answerFiles, d, complete)}${d.pointer}  ${d.message}${d.hint ? `\n      hint: ${d.hint}` : ''}`).join('\n')}`);
    }
    for (const w of result.diagnostics) this.log(`warning: ${w.pointer}  ${w.message}${w.hint ? ` (${w.hint})` : ''}`);
    this.manifest = result.manifest!;
    this.ctx = buildContext(this.manifest, { teach: this.teach, generator: { name: PACKAGE_NAME, version: PACKAGE_VERSION, dependency: generatorDependency() } });
    this.config.set({ teach: this.teach, answered: [...this.answered].sort() });
  }

  async writing(): Promise<void> {
    // The checklist reads the project's code with the audit's parsers: load them first.
    await prepareChecklist(diskProject(this.destinationRoot()), { rendered: true });
    const manifestText = this.existingManifestText !== undefined
      ? updateJsonText(this.existingManifestText, this.manifest)
      : formatManifest(this.manifest);
    // --example also brings the sample's listing images, so its checklist starts from a complete listing.
    const exampleDir = path.dirname(EXAMPLE_MANIFEST);
    const images = this.options.example ? readdirSync(path.join(exampleDir, 'listing')).map((f) => `listing/${f}`) : [];
    const planned = renderProject(this.ctx, {
      root: this.destinationRoot(), manifestText, alsoWritten: images,
      // The checklist sees a user file from an earlier run as it is on disk: the conflicter may keep it.
      written: (r) => r.file.owner !== 'user' || !existsSync(this.destinationPath(r.file.path)),
    }).map((r) => ({ ...r, target: this.destinationPath(r.file.path) }));
    if (!this.interactive && !this.options.force) {
      // Nobody can answer the conflicter without a terminal: refuse before writing anything.
      const changed = [{ target: this.destinationPath(MANIFEST_PATH), contents: manifestText as string | Buffer, owner: 'shared' }, ...planned.map((p) => ({ ...p, owner: p.file.owner }))]
        .filter((p) => p.owner !== 'derived' && existsSync(p.target) && !readFileSync(p.target).equals(Buffer.from(p.contents)))
        .map((p) => path.relative(this.destinationRoot(), p.target));
      if (changed.length) {
        throw new InputError(`${this.interrupted ? `${describeInterrupted(this.interrupted)}\n` : ''}these files exist and differ from what would be written, so nothing was written:\n${changed.map((c) => `  ${c}`).join('\n')}\n` +
          'Run in a terminal to decide file by file, or pass --force to overwrite them.');
      }
    }
    this.manifestWrite = { before: digest(this.existingManifestText), text: manifestText };
    this.fs.write(this.destinationPath(MANIFEST_PATH), manifestText);
    for (const image of images) if (!existsSync(this.destinationPath(image))) this.fs.copy(path.join(exampleDir, image), this.destinationPath(image));
    // From a checkout, the generator itself, packed into vendor/ (lib/generator-vendor.ts): written like a derived file.
    const vendored = this.ctx.generator.vendored;
    if (vendored) {
      const tarball = await packGenerator();
      this.fs.write(this.destinationPath(vendored), tarball);
      forceWhenChanged(this as unknown as Generator, this.destinationPath(vendored), tarball);
      for (const stale of staleTarballs(this.destinationRoot(), vendored)) this.fs.delete(this.destinationPath(stale));
    }
    for (const { file, target, contents } of planned) {
      // User files go through the conflicter (it asks before touching a changed file); derived files are ours.
      this.fs.write(target, contents);
      if (file.owner === 'derived') forceWhenChanged(this as unknown as Generator, target, contents);
    }
  }

  async install(): Promise<void> {
    if (this.options.skipInstall || this.options['skip-install']) return;
    try {
      await this.spawn('npm', ['install', '--no-audit', '--no-fund'], { cwd: this.destinationRoot(), stdio: 'inherit' });
    } catch (err) {
      throw new InputError(`the project was written, but npm install failed (${(err as Error).message.split('\n')[0]}).\nRun npm install in ${this.destinationRoot()} when the problem is fixed.`);
    }
  }

  end(): void {
    rmSync(this.destinationPath(DRAFT_FILE), { force: true }); // the stopped run's answers are in c7-app.json now
    if (this.existingManifestText === undefined) initProjectGitAndSay(this.destinationRoot(), { enabled: this.options.git !== false, message: `Generated by ${PACKAGE_NAME} ${PACKAGE_VERSION} (c7-app new)`, log: (line) => this.log(line) });
    const perms = this.manifest.permissions.map((p) => `${p.endpoint} (${p.access})`).join(', ') || 'none';
    const relative = path.relative(process.cwd(), this.destinationRoot());
    const where = relative === '' ? '.' : relative.startsWith('..') ? this.destinationRoot() : relative;
    this.log('');
    this.log(`Created the Commerce7 ${this.ctx.app.typeLabel} "${this.manifest.app.title}" in ${where}`);
    this.log(`Permissions requested: ${perms}`);
    this.log('Next steps:');
    this.log(`  1. cd ${where} && cp .env.example .env   (fill in the App ID and App Secret Key)`);
    this.log('  2. npm run dev, then npm test           (against the local Commerce7 emulator)');
    this.log('  3. npx c7-app check                     (work through SUBMISSION_CHECKLIST.md, then submit)');
  }
}

interface AnswerFile { file: string; source: JsonSource }

/**
 * A manifest or --answers file as answers. Its text must be usable (UTF-8, no duplicate keys, not too deep, JSON);
 * a partial file is fine: the finished manifest is validated in configuring(). A BOM is accepted with a warning.
 */
function readAnswers(file: string, bytes: Uint8Array | undefined, what: string, answerFiles: AnswerFile[], log: (line: string) => void): unknown {
  if (!bytes) {
    try {
      bytes = readFileSync(file);
    } catch (err) {
      throw new InputError(`${what}: ${cannotRead(file, err)}`, 2);
    }
  }
  const r = validateManifestText(bytes);
  if (!r.manifest) {
    throw new InputError(`${what}: ${file} cannot be used, so nothing was written:\n${r.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(file, d)).join('\n')}`);
  }
  for (const d of r.diagnostics) if (d.severity === 'warning' && d.pointer === '') log(formatDiagnostic(file, d));
  const source = new JsonSource(bytes);
  answerFiles.unshift({ file, source });
  return JSON.parse(stripBom(source.text));
}

/** "file:line:column  " of the answer file that wrote the value at this pointer (the last one read wins), else "". */
function writtenAt(answerFiles: AnswerFile[], d: Diagnostic, complete: unknown): string {
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

/** Derived files are ours: when one on disk differs, it is rewritten without asking (its header says so). */
function readDraft(file: string): SavedDraft | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedDraft;
    return saved && typeof saved.draft === 'object' && Array.isArray(saved.answered) ? saved : undefined;
  } catch {
    return undefined; // absent or unreadable: there is nothing to resume
  }
}

function forceWhenChanged(gen: Generator, target: string, contents: string | Buffer): void {
  if (!existsSync(target) || readFileSync(target).equals(Buffer.from(contents))) return;
  (gen.fs.store.get(target) as { conflicter?: string }).conflicter = 'force';
}

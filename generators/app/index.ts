// `yo c7-app [dir]` and `c7-app new [dir]`: ask, validate, scaffold. A thin Yeoman class: the work is in lib/.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Generator, { type BaseOptions } from 'yeoman-generator';
import { InputError } from '../lib/errors.js';
import { completeManifest, mergeManifest, validateManifestValue, type Manifest } from '../lib/manifest/index.js';
import { describeMissing, QUESTIONS, resolveAnswers, type Asker, type Draft } from '../lib/questions/index.js';
import { buildContext, type RenderContext } from '../lib/render/context.js';
import { generatorDependency, PACKAGE_NAME, PACKAGE_VERSION } from '../lib/package-info.js';
import { writeFileAtomicSync } from '../lib/atomic-write.js';
import { digest, describeInterrupted, recoverInterrupted, type GenerationJournal } from '../lib/generation-journal.js';
import {
  changedFiles, contentsBytes, DRAFT_FILE, EXAMPLE_MANIFEST, finishManifest, finishNewProject, planWrite, readDraft, refuseChanges, removeDraft,
  startingDraft, summaryLines, type AnswerFile, type SavedDraft,
} from '../lib/new-project.js';
import { withoutTaskErrorLine } from '../commands/yeoman.js';
import { commitAtomically, type CommitEnv } from './commit.js';

export { DRAFT_FILE, EXAMPLE_MANIFEST };

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
    this.interrupted = recoverInterrupted(this.destinationRoot());
    if (this.interrupted) this.log(`${describeInterrupted(this.interrupted)} This run completes it.`);
    const start = startingDraft(this.destinationRoot(), {
      example: Boolean(this.options.example), answers: this.options.answers ? String(this.options.answers) : undefined,
      interrupted: this.interrupted, log: (line) => this.log(line),
      // Yeoman's in-memory file system first: a composing generator may have written it.
      readExisting: (file) => (this.fs.exists(file) ? (existsSync(file) ? readFileSync(file) : Buffer.from(this.fs.read(file) ?? '')) : undefined),
    });
    this.draft = start.draft;
    this.existingManifestText = start.existingManifestText;
    this.answerFiles = start.answerFiles;

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
    this.manifest = finishManifest(this.draft, this.answerFiles, (line) => this.log(line));
    this.ctx = buildContext(this.manifest, { teach: this.teach, generator: { name: PACKAGE_NAME, version: PACKAGE_VERSION, dependency: generatorDependency() } });
    this.config.set({ teach: this.teach, answered: [...this.answered].sort() });
  }

  async writing(): Promise<void> {
    const { manifestText, files } = await planWrite(this.destinationRoot(), this.ctx, { existingManifestText: this.existingManifestText, example: Boolean(this.options.example) });
    // Nobody can answer the conflicter without a terminal: refuse before writing anything.
    if (!this.interactive && !this.options.force) refuseChanges(changedFiles(this.destinationRoot(), files), this.interrupted);
    this.manifestWrite = { before: digest(this.existingManifestText), text: manifestText };
    for (const { target, contents, owner, onlyIfMissing, mode } of files) {
      if (onlyIfMissing && existsSync(target)) continue;
      // User files go through the conflicter (it asks before touching a changed file); derived files are ours.
      const bytes = typeof contents === 'string' ? contents : contentsBytes(contents);
      this.fs.write(target, bytes, mode !== undefined ? { stat: { mode } } as never : undefined);
      if (owner === 'derived') forceWhenChanged(this as unknown as Generator, target, bytes);
    }
  }

  async install(): Promise<void> {
    // Every step after the files are on disk (npm install among them) is in lib/new-project, shared with the bin's fast path.
    await finishNewProject(this.destinationRoot(), {
      manifest: this.manifest, ctx: this.ctx, skipInstall: Boolean(this.options.skipInstall || this.options['skip-install']),
      log: (line) => this.log(line), fresh: this.existingManifestText === undefined, git: this.options.git !== false,
    });
  }

  end(): void {
    removeDraft(this.destinationRoot());
    for (const line of summaryLines(this.destinationRoot(), this.manifest, this.ctx)) this.log(line);
  }
}

/** Derived files are ours: when one on disk differs, it is rewritten without asking (its header says so). */
function forceWhenChanged(gen: Generator, target: string, contents: string | Buffer): void {
  if (!existsSync(target) || readFileSync(target).equals(Buffer.from(contents))) return;
  (gen.fs.store.get(target) as { conflicter?: string }).conflicter = 'force';
}

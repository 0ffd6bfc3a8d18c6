// `yo c7-app [dir]` and `c7-app new [dir]`: ask, validate, scaffold. A thin Yeoman class: the work is in lib/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Generator, { type BaseOptions } from 'yeoman-generator';
import { InputError } from '../lib/errors.js';
import {
  cannotRead, completeManifest, formatManifest, mergeManifest, updateJsonText, validateManifestText, validateManifestValue,
  type Manifest,
} from '../lib/manifest/index.js';
import { describeMissing, QUESTIONS, resolveAnswers, type Asker, type Draft } from '../lib/questions/index.js';
import { buildContext, type RenderContext } from '../lib/render/context.js';
import { diskProject, prepareChecklist } from '../lib/checklist/index.js';
import { renderProject } from '../lib/render/project-output.js';
import { MANIFEST_PATH } from '../lib/render/project-files.js';
import { generatorDependency, PACKAGE_NAME, PACKAGE_ROOT, PACKAGE_VERSION } from '../lib/package-info.js';
import { formatDiagnostic } from '../commands/validate.js';
import { withoutTaskErrorLine } from '../commands/yeoman.js';

/** The bundled manifest behind --example. */
export const EXAMPLE_MANIFEST = path.join(PACKAGE_ROOT, 'examples', 'tasting-room-full-app', 'c7-app.json');

interface Stored { teach?: boolean; answered?: string[] }
type AppOptions = BaseOptions & {
  dir?: string; answers?: string; example?: boolean; 'ask-answered'?: boolean; interactive?: boolean; teach?: boolean;
  [flag: string]: unknown;
};

export default class AppGenerator extends Generator<Stored, AppOptions> {
  private draft: Draft = {};
  private existingManifestText: string | undefined;
  private interactive = false;
  private teach = true;
  private answered: string[] = [];
  private manifest!: Manifest;
  private ctx!: RenderContext;

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
    for (const q of QUESTIONS) {
      if (!q.flag) continue;
      this.option(q.flag.name, { type: q.flag.kind === 'boolean' ? Boolean : String, description: q.prompt });
    }
    if (this.options.dir) this.destinationRoot(path.resolve(String(this.options.dir)));
  }

  async initializing(): Promise<void> {
    const existing = this.destinationPath(MANIFEST_PATH);
    if (this.fs.exists(existing)) {
      this.existingManifestText = this.fs.read(existing) ?? '';
      const parsed = validateManifestText(this.existingManifestText);
      if (!parsed.manifest) throw new InputError(`${existing} is not valid JSON:\n${parsed.diagnostics.map((d) => formatDiagnostic(existing, d)).join('\n')}`);
      this.draft = JSON.parse(this.existingManifestText) as Draft;
    }
    if (this.options.example) this.draft = mergeManifest(this.draft, readJson(EXAMPLE_MANIFEST, '--example')) as Draft;
    if (this.options.answers) this.draft = mergeManifest(this.draft, readJson(path.resolve(String(this.options.answers)), '--answers')) as Draft;

    const stored = this.config.getAll();
    this.answered = stored.answered ?? [];
    // A complete manifest answers everything: what it leaves out (no Basic auth, no category) is its choice.
    if (Object.keys(this.draft).length && validateManifestValue(completeManifest(this.draft)).valid) this.answered = QUESTIONS.map((q) => q.name);
    this.interactive = !this.options.example && (this.options.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY));
    this.teach = (this.options.teach as boolean | undefined) ?? stored.teach ?? true;
  }

  async prompting(): Promise<void> {
    const asker: Asker = async (spec) => {
      const answers = await this.prompt([spec as never]);
      return (answers as Record<string, unknown>)[spec.name];
    };
    const flags: Record<string, unknown> = {};
    for (const q of QUESTIONS) if (q.flag && this.options[q.flag.name] !== undefined) flags[q.flag.name] = this.options[q.flag.name];
    const result = await resolveAnswers({
      draft: this.draft, flags, interactive: this.interactive, askAnswered: Boolean(this.options['ask-answered']),
      answered: this.answered, asker,
    });
    if (result.flagErrors.length) throw new InputError(`bad flag value${result.flagErrors.length > 1 ? 's' : ''}:\n${result.flagErrors.map((e) => `  ${e}`).join('\n')}`);
    if (result.missing.length) throw new InputError(describeMissing(result.missing));
    this.draft = result.draft;
    this.answered = result.answered;
    if (this.interactive && this.options.teach === undefined && this.config.get('teach') === undefined) {
      this.teach = Boolean(await asker({ name: 'teach', type: 'confirm', message: 'Add teaching comments and TOUR.md that explain how a Commerce7 app works?', default: true }));
    }
  }

  configuring(): void {
    // Validate before anything is written: an invalid manifest is never written.
    const complete = completeManifest(this.draft, (this.draft.$schema as string | undefined) ?? undefined);
    const result = validateManifestValue(complete);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) {
      throw new InputError(`the answers do not make a valid c7-app.json, so nothing was written:\n${errors.map((d) => `  ${d.pointer}  ${d.message}${d.hint ? `\n      hint: ${d.hint}` : ''}`).join('\n')}`);
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
        throw new InputError(`these files exist and differ from what would be written, so nothing was written:\n${changed.map((c) => `  ${c}`).join('\n')}\n` +
          'Run in a terminal to decide file by file, or pass --force to overwrite them.');
      }
    }
    this.fs.write(this.destinationPath(MANIFEST_PATH), manifestText);
    for (const image of images) if (!existsSync(this.destinationPath(image))) this.fs.copy(path.join(exampleDir, image), this.destinationPath(image));
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

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`${what}: ${cannotRead(file, err)}`, 2);
  }
  const r = validateManifestText(text);
  if (!r.manifest) throw new InputError(`${what}: ${file} is not valid JSON:\n${r.diagnostics.map((d) => formatDiagnostic(file, d)).join('\n')}`);
  return JSON.parse(text);
}

/** Derived files are ours: when one on disk differs, it is rewritten without asking (its header says so). */
function forceWhenChanged(gen: Generator, target: string, contents: string | Buffer): void {
  if (!existsSync(target) || readFileSync(target).equals(Buffer.from(contents))) return;
  (gen.fs.store.get(target) as { conflicter?: string }).conflicter = 'force';
}

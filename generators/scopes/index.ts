// `yo c7-app:scopes` and `c7-app scopes`: change the app's permissions (or, with --sync, take a hand-edited
// c7-app.json as it is) and bring every derived file back in step. User-owned files are never touched.
import path from 'node:path';
import Generator, { type BaseOptions } from 'yeoman-generator';
import { InputError } from '../lib/errors.js';
import { describeInterrupted, digest, recoverInterrupted, type GenerationJournal } from '../lib/generation-journal.js';
import { validateManifestText } from '../lib/manifest/index.js';
import { askPermissions, type Asker } from '../lib/questions/questions.js';
import { diskProject, prepareChecklist } from '../lib/checklist/index.js';
import { describeChange, loadProject, planScopes, type ProjectState, type ScopesPlan } from '../lib/scopes/index.js';
import { withoutTaskErrorLine } from '../commands/yeoman.js';
import { commitAtomically, type CommitEnv } from '../app/commit.js';
import { BASE_FILE, recordWithWrites } from '../lib/upgrade/record.js';

type ScopesOptions = BaseOptions & {
  add?: string | string[]; remove?: string | string[]; set?: string | string[]; reason?: string;
  sync?: boolean; 'new-version'?: boolean; yes?: boolean; interactive?: boolean;
  [flag: string]: unknown;
};

const list = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

export default class ScopesGenerator extends Generator<Record<string, unknown>, ScopesOptions> {
  private state!: ProjectState;
  private plan!: ScopesPlan;
  /** Ask for the permissions (a terminal and no change flag). */
  private interactive = false;
  /** Ask to confirm the changes (a terminal, unless --yes or --no-interactive). */
  private canAsk = false;
  /** c7-app.json as it is on disk (the state may carry the text an interrupted run was writing). */
  private diskManifestText!: string;
  private interrupted: GenerationJournal | undefined;

  constructor(args: string[], opts: ScopesOptions) {
    super(args, opts);
    Object.assign(this, { log: withoutTaskErrorLine(this.log) }); // `log` is read-only in the types only
    this.option('add', { type: String, description: 'Add permissions, e.g. "Customer:full,Order:read" (repeatable)' });
    this.option('remove', { type: String, description: 'Remove permissions, e.g. "Tag" (repeatable)' });
    this.option('set', { type: String, description: 'Set the access of permissions, e.g. "Order:read" (repeatable)' });
    this.option('reason', { type: String, description: 'Reason kept on each permission this run adds or escalates' });
    this.option('sync', { type: Boolean, description: 'Regenerate every derived file from c7-app.json as it is (after a hand edit)' });
    this.option('new-version', { type: Boolean, description: 'Bump version.number and set status to draft (needed when the version is submitted or published)' });
    this.option('yes', { type: Boolean, description: 'Go on without a terminal after printing the changes' });
    this.option('interactive', { type: Boolean, description: 'Ask (default: on a terminal when no change flag is given)' });
    // Every file reaches disk atomically, inside the generation journal (../app/commit.ts).
    this.setFeatures({
      // scopes never changes dependencies: no install step, and no "No change to package.json was detected" line.
      customInstallTask: true,
      customCommitTask: () => commitAtomically(this.env as unknown as CommitEnv, {
        root: this.state.root, command: 'scopes', resuming: this.interrupted !== undefined,
        ...(this.plan && this.plan.manifestText !== this.diskManifestText ? { manifest: { before: digest(this.diskManifestText), text: this.plan.manifestText } } : {}),
      }),
    });
  }

  initializing(): void {
    this.state = loadProject(process.cwd());
    this.diskManifestText = this.state.manifestText;
    this.destinationRoot(this.state.root);
    this.interrupted = recoverInterrupted(this.state.root);
    if (this.interrupted) {
      this.log(`${describeInterrupted(this.interrupted)} This run completes it.`);
      // Killed before c7-app.json was replaced: finish that change (it was confirmed then), derived files follow.
      const pending = this.interrupted.manifest;
      if (pending && pending.text !== this.state.manifestText && pending.before === digest(this.state.manifestText)) {
        const parsed = validateManifestText(pending.text);
        if (parsed.valid && parsed.manifest) this.state = { ...this.state, manifestText: pending.text, manifest: parsed.manifest };
      }
    }
    const edits = ['add', 'remove', 'set'].some((k) => this.options[k] !== undefined);
    this.canAsk = this.options.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
    this.interactive = !this.options.sync && !edits && this.canAsk;
  }

  async prompting(): Promise<void> {
    let permissions;
    if (this.interactive) {
      const asker: Asker = async (spec) => ((await this.prompt([spec as never])) as Record<string, unknown>)[spec.name];
      permissions = await askPermissions(asker, {}, this.state.manifest.permissions);
    }
    const edits = { add: list(this.options.add), remove: list(this.options.remove), set: list(this.options.set), reason: this.options.reason };
    await prepareChecklist(diskProject(this.state.root), { rendered: true });
    try {
      this.plan = planScopes(this.state, { edits, permissions, newVersion: Boolean(this.options['new-version']) });
    } catch (err) {
      throw new InputError((err as Error).message);
    }
    const { changes, writes, blocked } = this.plan;
    // One report: Yeoman queues log lines and drops the queue when a task throws, so a refusal carries the report.
    const report = describePlan(this.plan, Boolean(this.options.sync));
    if (blocked) throw new InputError(`${report}\n${blocked}`);
    if (!changes.length && !writes.length && this.plan.manifestText === this.diskManifestText) {
      this.log(report);
      return;
    }
    if (this.canAsk && !this.options.yes && (changes.length || this.interactive)) {
      this.log(report);
      // An escalation is what every installed client must accept: it takes an explicit yes; a reduction is safe.
      const escalates = changes.some((c) => c.kind === 'escalation');
      const { go } = (await this.prompt([{ type: 'confirm', name: 'go', message: `Write c7-app.json and ${writes.length} derived file(s)?`, default: !escalates } as never])) as { go: boolean };
      if (!go) throw new InputError('nothing was written');
    } else if (changes.length && !this.options.yes) {
      throw new InputError(`${report}\nThe changes above were not written: without a terminal, re-run with --yes to write them.`);
    } else {
      this.log(report);
    }
  }

  writing(): void {
    if (this.plan.manifestText !== this.diskManifestText) {
      this.fs.write(this.state.manifestFile, this.plan.manifestText);
      force(this, this.state.manifestFile);
    }
    for (const w of this.plan.writes) {
      const target = this.destinationPath(w.path);
      this.fs.write(target, w.contents);
      // Derived files are ours to rewrite; user files are only ever created here, never overwritten.
      if (w.owner !== 'user') force(this, target);
    }
    // What this run wrote becomes the base `c7-app upgrade` merges from (a new handler has no other base).
    const record = recordWithWrites(this.state.root, this.plan.writes.map((w) => ({ file: { path: w.path, owner: w.owner }, contents: w.contents })));
    if (record) {
      const target = this.destinationPath(BASE_FILE);
      this.fs.write(target, record);
      force(this, target);
    }
  }

  end(): void {
    const rel = (p: string) => path.relative(this.state.root, p) || p;
    const n = this.plan.writes.length + (this.plan.manifestText !== this.diskManifestText ? 1 : 0);
    this.log(n ? `Updated ${n} file(s) in ${rel(this.state.root) === '.' ? 'the project' : this.state.root}.` : 'Everything is already in step with c7-app.json: nothing written.');
  }
}

function force(gen: { fs: Generator['fs'] }, file: string) {
  (gen.fs.store.get(file) as { conflicter?: string }).conflicter = 'force';
}

function describePlan(plan: ScopesPlan, sync: boolean): string {
  const lines: string[] = [];
  const { changes, breakages, version } = plan;
  if (changes.length) lines.push('Permission changes:', ...changes.map((c) => `  ${describeChange(c)}`));
  else if (!sync) lines.push('Permissions unchanged.');
  if (version) lines.push(`Version: ${version.from} \u2192 ${version.to} (status draft). Use Add Version in the App Development Center.`);
  if (breakages.checked && breakages.breakages.length) {
    lines.push('Code that will no longer type-check with the new permissions (fix it, or keep the permission):');
    lines.push(...breakages.breakages.map((b) => `  ${b.file}:${b.line}:${b.column}  ${b.message}`));
  } else if (!breakages.checked && changes.some((c) => c.kind === 'reduction')) {
    lines.push(`(Could not look for code that uses removed permissions: ${breakages.why}.)`);
  }
  return lines.join('\n');
}

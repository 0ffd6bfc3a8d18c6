// `c7-app upgrade [--dry-run] [--yes]`: plan (lib/upgrade/plan.ts), print, ask, back up, write. Every file is
// written atomically (lib/atomic-write) inside the upgrade journal; the record comes last, so an upgrade that was
// killed is completed by the next one.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { writeFileAtomic } from '../atomic-write.js';
import { InputError } from '../errors.js';
import { ACTIONS, planUpgrade, type UpgradePlan } from './plan.js';
import { BASE_FILE, sha256 } from './record.js';
import { beginUpgrade, endUpgrade } from './journal.js';

export interface UpgradeOptions { dryRun?: boolean; yes?: boolean; cwd?: string; out?: NodeJS.WritableStream; interactive?: boolean }

const WORDS: Record<string, string> = {
  updated: 'updated', merged: 'merged', conflict: 'conflict', kept: 'kept', added: 'added', removed: 'removed',
};

/** The files of a git work tree with uncommitted changes under `root`; undefined when `root` is not in git (or git is absent). */
export function uncommitted(root: string): string[] | undefined {
  const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, encoding: 'utf8' });
  if (inside.error || inside.status !== 0 || inside.stdout.trim() !== 'true') return undefined;
  const st = spawnSync('git', ['status', '--porcelain', '--untracked-files=all', '--', '.'], { cwd: root, encoding: 'utf8' });
  if (st.status !== 0) return undefined;
  return st.stdout.split('\n').filter(Boolean).map((l) => l.slice(3));
}

export function formatPlan(plan: UpgradePlan): string {
  const out: string[] = [];
  const fromWhat = plan.from.recorded ? `generator-c7-app ${plan.from.version}` : `generator-c7-app ${plan.from.version} (no version recorded: generated before ${BASE_FILE} existed)`;
  out.push(`Upgrading ${plan.state.manifest.app.title} from ${fromWhat} to ${plan.to}.`);
  if (plan.interrupted) out.push(`An earlier upgrade was interrupted here; it had written ${plan.resumed} file(s), which stay as it wrote them, and this run completes it.`);
  const width = Math.max(0, ...plan.steps.map((s) => s.path.length));
  for (const s of plan.steps) out.push(`  ${WORDS[s.action]!.padEnd(9)}${s.path.padEnd(width)}  ${s.note}`);
  const left = `${plan.untouched + plan.yours} file(s) left as they are${plan.yours ? ` (${plan.yours} changed by you only)` : ''}.`;
  if (!plan.steps.length) out.push(plan.record ? `Nothing to change in the files; ${left} The base is recorded as ${plan.to}.` : `Up to date: nothing to upgrade. ${left}`);
  else out.push(`${plan.steps.length} file(s) to change: ${ACTIONS.map((a) => [a, plan.steps.filter((s) => s.action === a).length] as const).filter(([, n]) => n).map(([a, n]) => `${n} ${a}`).join(', ')}. ${left}`);
  return `${out.join('\n')}\n`;
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export async function runUpgrade(opts: UpgradeOptions = {}): Promise<number> {
  const out = opts.out ?? process.stdout;
  const plan = await planUpgrade(opts.cwd ?? process.cwd());
  const root = plan.state.root;
  const targets = [...plan.steps.map((s) => s.path), ...(plan.record ? [BASE_FILE] : [])];
  const dirty = uncommitted(root);
  out.write(formatPlan(plan));
  if (!targets.length) {
    if (plan.interrupted && !opts.dryRun) endUpgrade(root, [root]); // the interrupted upgrade had written everything
    return 0;
  }
  if (dirty && dirty.length && !opts.dryRun) {
    throw new InputError(`the project has uncommitted changes, so nothing was written (commit or stash them first: upgrade merges into your files, and git keeps what was there):\n${dirty.slice(0, 20).map((f) => `  ${f}`).join('\n')}${dirty.length > 20 ? `\n  … and ${dirty.length - 20} more` : ''}`);
  }
  if (opts.dryRun) {
    out.write('Dry run: nothing was written.\n');
    return 0;
  }
  const interactive = opts.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
  if (!opts.yes) {
    if (!interactive) throw new InputError('no terminal to ask on, so nothing was written: run again with --yes to write these changes (or --dry-run to only see them).');
    if (!(await confirm('Write these changes? [y/N] '))) {
      out.write('Nothing was written.\n');
      return 1;
    }
  }
  const at = (p: string) => path.join(root, ...p.split('/'));
  // Outside git, the files about to change are copied first (git keeps them otherwise).
  let backup: string | undefined;
  if (!dirty) {
    backup = path.join(root, '.c7-app', 'backup', new Date().toISOString().replace(/[:.]/g, '-'));
    for (const p of [...targets, 'c7-app.json']) if (existsSync(at(p))) { mkdirSync(path.dirname(path.join(backup, p)), { recursive: true }); copyFileSync(at(p), path.join(backup, ...p.split('/'))); }
  }
  const files: Record<string, string | null> = {};
  for (const s of plan.steps) if (s.action !== 'kept') files[s.path] = s.contents === undefined ? null : sha256(s.contents);
  await beginUpgrade(root, { to: plan.to, files });
  const dirs: string[] = [];
  for (const s of plan.steps) {
    if (s.action === 'kept') continue;
    if (s.contents === undefined) { try { unlinkSync(at(s.path)); } catch (err) { if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; } }
    else await writeFileAtomic(at(s.path), s.contents);
    dirs.push(path.dirname(at(s.path)));
  }
  if (plan.record) await writeFileAtomic(at(BASE_FILE), plan.record);
  endUpgrade(root, [...dirs, root]);

  const conflicts = plan.steps.filter((s) => s.action === 'conflict').map((s) => s.path);
  const kept = plan.steps.filter((s) => s.action === 'kept').map((s) => s.path);
  const next: string[] = [];
  if (conflicts.length) next.push(`resolve the conflicts (between <<<<<<< and >>>>>>>) in:\n${conflicts.map((c) => `       ${c}`).join('\n')}`);
  if (kept.length) next.push(`look at the files kept as yours (the plan above says why):\n${kept.map((c) => `       ${c}`).join('\n')}`);
  if (plan.steps.some((s) => s.path === 'package.json')) next.push('npm install   (package.json changed)');
  next.push('npm test      (tsc, then the tests)');
  next.push(dirty ? 'git diff, then commit the upgrade' : `compare with the copies in ${path.relative(root, backup!)}, then commit`);
  out.write(`\nUpgraded to generator-c7-app ${plan.to}${backup ? ` (the files it changed are copied in ${path.relative(root, backup)})` : ''}.\nNext steps:\n${next.map((n, i) => `  ${i + 1}. ${n}`).join('\n')}\n`);
  return 0;
}

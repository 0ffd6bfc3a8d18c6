// `c7-app new` killed (SIGKILL) at random moments of its write phase: every file on disk is whole (the content an
// uninterrupted run writes, or, with --force over a project, the old content), and the next run completes the
// project. The built bin, as a user runs it, no TTY; no hook in the code under test: the write phase is seen from
// outside (the generation journal appearing, or the first "create"/"force" line Yeoman prints for a file).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EARLY_INIT_DIR } from '../../generators/lib/project-git.js';
import { runCli } from '../support/cli.js';
import { CLI, EXAMPLE_MANIFESTS } from '../support/paths.js';
import { snapshot, type Snapshot } from '../support/snapshot.js';

const JOURNAL = '.c7-app-generation.json';
const KILLS_NEW = Number(process.env.C7_KILLS_NEW ?? 20);
const KILLS_FORCE = Number(process.env.C7_KILLS_FORCE ?? 12);
const PARALLEL = 3;
/** The write phase as measured by an uninterrupted run: journal seen -> journal gone (else -> the process ended). */
const writePhase = (r: Run) => (r.journalGoneAt ?? r.endedAt) - r.triggeredAt!;
const NAME = 'tasting-room'; // every project folder has the same name: package.json and README are made from it


const freshParent = () => mkdtempSync(path.join(tmpdir(), 'c7-kill-'));

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; triggeredAt?: number; journalGoneAt?: number; endedAt: number; killed: boolean }

const STATUS = /^\s*(create|force|conflict|identical|skip)\s/m;

/**
 * Runs `c7-app <args>` and, with `killAfter`, SIGKILLs it that many ms into its write phase: from the moment the
 * journal appears in `dir` (polled every ms), or the first file status line Yeoman prints (code without a journal).
 */
function runBin(args: string[], dir: string, killAfter?: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let triggeredAt: number | undefined;
    let journalSeen = false;
    let journalGoneAt: number | undefined;
    let killed = false;
    const trigger = () => {
      if (triggeredAt !== undefined) return;
      triggeredAt = Date.now();
      if (killAfter !== undefined) setTimeout(() => { killed = child.kill('SIGKILL'); }, killAfter);
    };
    const poll = setInterval(() => {
      if (existsSync(path.join(dir, JOURNAL))) { journalSeen = true; trigger(); } else if (journalSeen && journalGoneAt === undefined) journalGoneAt = Date.now();
    }, 1);
    child.stdout.on('data', (d: Buffer) => { stdout += d; if (STATUS.test(stdout)) trigger(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d; if (STATUS.test(stderr)) trigger(); });
    child.on('close', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stdout, stderr, triggeredAt, journalGoneAt, endedAt: Date.now(), killed: killed && signal === 'SIGKILL' });
    });
  });
}

/**
 * Files that are neither of the allowed contents. A left-over temporary file next to a target, or the early `git
 * init` (lib/project-git.ts: its folder, moved into place only after the writes), is reported apart; the next run
 * must remove it (its project is compared file for file).
 */
function judge(after: Snapshot, allowed: Snapshot[]): { broken: string[]; temp: string[]; journal: boolean } {
  const broken: string[] = [];
  const temp: string[] = [];
  let journal = false;
  for (const [rel, bytes] of after) {
    if (rel.startsWith(`${EARLY_INIT_DIR}/`)) { temp.push(rel); continue; }
    if (rel === JOURNAL) {
      journal = true;
      try { JSON.parse(bytes.toString('utf8')); } catch { broken.push(`${rel} (not JSON: ${bytes.length} B)`); }
      continue;
    }
    const candidates = allowed.map((s) => s.get(rel)).filter((b): b is Buffer => b !== undefined);
    if (candidates.some((c) => c.equals(bytes))) continue;
    const target = rel.replace(/\.\d+$/, '');
    if (target !== rel && allowed.some((s) => s.has(target))) { temp.push(rel); continue; }
    broken.push(`${rel} (${bytes.length} B; expected ${candidates.map((c) => `${c.length} B`).join(' or ') || 'no such file'})`);
  }
  return { broken, temp, journal };
}

function diff(actual: Snapshot, expected: Snapshot): string[] {
  const out: string[] = [];
  for (const [rel, bytes] of expected) {
    const a = actual.get(rel);
    if (!a) out.push(`missing ${rel}`);
    else if (!a.equals(bytes)) out.push(`differs ${rel} (${a.length} B, expected ${bytes.length} B)`);
  }
  for (const rel of actual.keys()) if (!expected.has(rel)) out.push(`extra ${rel}`);
  return out;
}

interface KillOutcome { delay: number; inWritePhase: boolean; broken: string[]; temp: string[]; journal: boolean; undetected: boolean; rerun: string[]; said: boolean }

describe('c7-app new killed in its write phase [kill]', function () {
  this.timeout(600_000);
  const newArgs = (dir: string) => ['new', dir, '--example', '--skip-install'];
  const forceArgs = (dir: string) => ['new', dir, '--example', '--force', '--skip-install'];
  let reference: Snapshot;
  let old: Snapshot;
  let oldDir: string;
  let forced: Snapshot;
  let writePhaseNew = 0;
  let writePhaseForce = 0;


  before(async () => {
    const refDir = path.join(freshParent(), NAME);
    const r = await runBin(newArgs(refDir), refDir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.ok(r.triggeredAt, 'the write phase was seen');
    writePhaseNew = writePhase(r);
    reference = snapshot(refDir);
    assert.ok(reference.size > 50, `${reference.size} files`);

    // An existing project made from an older manifest: another title and version, one extension fewer.
    const variant = JSON.parse(readFileSync(EXAMPLE_MANIFESTS[2]!, 'utf8')) as { app: { title: string }; version: { number: string }; extensions: unknown[] };
    variant.app.title = 'Tasting Notes Old';
    variant.version.number = '1.1.0';
    variant.extensions = variant.extensions.slice(0, -1);
    const parent = freshParent();
    const answers = path.join(parent, 'old.json');
    writeFileSync(answers, JSON.stringify(variant, null, 2));
    oldDir = path.join(parent, NAME);
    const made = runCli(['new', oldDir, '--answers', answers, '--skip-install']);
    assert.equal(made.status, 0, made.stdout + made.stderr);
    cpSync(path.join(path.dirname(EXAMPLE_MANIFESTS[2]!), 'listing'), path.join(oldDir, 'listing'), { recursive: true });
    old = snapshot(oldDir);

    const forcedDir = path.join(freshParent(), NAME);
    cpSync(oldDir, forcedDir, { recursive: true });
    const f = await runBin(forceArgs(forcedDir), forcedDir);
    assert.equal(f.code, 0, f.stdout + f.stderr);
    writePhaseForce = writePhase(f);
    forced = snapshot(forcedDir);
    assert.ok(diff(forced, old).length >= 5, 'the forced run changes files (and --force rewrites the others)');
  });

  /**
   * Kills runs until `kills` of them died in the write phase (at most twice as many tries). Each waits a random time
   * within the write phase as last seen: the estimate starts from the uninterrupted run and follows the runs that
   * finished writing before their kill (the machine's load changes how long the phase takes).
   */
  async function killRound(kind: 'new' | 'force', kills: number, phaseMs: number): Promise<KillOutcome[]> {
    const outcomes: KillOutcome[] = [];
    let estimate = phaseMs;
    let tries = 0;
    const midWrite = () => outcomes.filter((o) => o.inWritePhase).length;
    const attempt = async (): Promise<void> => {
      const dir = path.join(freshParent(), NAME);
      if (kind === 'force') cpSync(oldDir, dir, { recursive: true });
      else mkdirSync(path.dirname(dir), { recursive: true });
      const delay = Math.round(Math.random() * estimate);
      const args = kind === 'new' ? newArgs(dir) : forceArgs(dir);
      const run = await runBin(args, dir, delay);
      if (run.journalGoneAt !== undefined && run.triggeredAt !== undefined) estimate = Math.round(0.6 * estimate + 0.4 * (run.journalGoneAt - run.triggeredAt));
      const after = snapshot(dir);
      const { broken, temp, journal } = judge(after, kind === 'new' ? [reference] : [forced, old]);
      const expected = kind === 'new' ? reference : forced;
      const incomplete = diff(after, expected).length > 0;
      if (!incomplete) { outcomes.push({ delay, inWritePhase: false, broken, temp, journal, undetected: false, rerun: [], said: true }); return; }
      // The user runs the same command again: it must complete the project.
      // (Asynchronously: a blocking spawnSync would stall the timers that kill the other runs.)
      const again = await runBin(args, dir);
      const rerun = { status: again.code, stdout: again.stdout, stderr: again.stderr };
      const rerunDiff = rerun.status === 0 ? diff(snapshot(dir), expected) : [`exit ${rerun.status}: ${(rerun.stdout + rerun.stderr).trim().split('\n').slice(-3).join(' | ')}`];
      const said = /interrupted/.test(rerun.stdout + rerun.stderr);
      // A project left incomplete must say so (the journal), for the next run and for `c7-app check`.
      outcomes.push({ delay, inWritePhase: run.killed, broken, temp, journal, undetected: !journal, rerun: rerunDiff, said });
    };
    await Promise.all(Array.from({ length: PARALLEL }, async () => {
      while (midWrite() < kills && tries < kills * 4) {
        tries++;
        await attempt();
      }
    }));
    return outcomes;
  }

  const report = (kind: string, outcomes: KillOutcome[], phaseMs: number) => {
    const killed = outcomes.length; // every try was killed, before, in or after its write phase
    const withBroken = outcomes.filter((o) => o.broken.length).length;
    const brokenFiles = outcomes.reduce((n, o) => n + o.broken.length, 0);
    const incomplete = outcomes.filter((o) => o.rerun.length).length;
    const midWrite = outcomes.filter((o) => o.inWritePhase);
    console.log(`      ${kind}: write phase ~${phaseMs} ms uninterrupted; ${killed} kills, ${midWrite.length} in the write phase (project left incomplete), ${killed - withBroken} without a broken file, ` +
      `${brokenFiles} broken file(s), ${outcomes.filter((o) => o.undetected).length} incomplete without the journal, ` +
      `${outcomes.reduce((n, o) => n + o.temp.length, 0)} temporary file(s) left; the next run completed it ${midWrite.length - midWrite.filter((o) => o.rerun.length).length}/${midWrite.length}`);
    return { withBroken, incomplete };
  };

  const assertOutcomes = (outcomes: KillOutcome[]) => {
    const bad = outcomes.filter((o) => o.broken.length || o.undetected || o.rerun.length || (o.journal && !o.said));
    assert.deepEqual(bad.map((o) => ({ delay: o.delay, broken: o.broken, undetected: o.undetected, rerun: o.rerun.slice(0, 5), said: o.journal ? o.said : 'n/a' })), []);
  };

  it(`on a new folder: ${KILLS_NEW} kills in the write phase, every file whole, the next run completes it`, async () => {
    const outcomes = await killRound('new', KILLS_NEW, writePhaseNew);
    report('new folder', outcomes, writePhaseNew);
    assertOutcomes(outcomes);
    assert.ok(outcomes.filter((o) => o.inWritePhase).length >= KILLS_NEW, `${KILLS_NEW} kills landed in the write phase`);
  });

  it(`with --force over an existing project: ${KILLS_FORCE} kills in the write phase, each file old or new, the next run completes it`, async () => {
    const outcomes = await killRound('force', KILLS_FORCE, writePhaseForce);
    report('--force', outcomes, writePhaseForce);
    assertOutcomes(outcomes);
    assert.ok(outcomes.filter((o) => o.inWritePhase).length >= KILLS_FORCE, `${KILLS_FORCE} kills landed in the write phase`);
  });
});

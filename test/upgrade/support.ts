// Helpers of the upgrade tests: the cb22061 fixture projects (test/fixtures/upgrade-cb22061), a fresh project of this
// version for the same manifest, and edits placed where the templates did or did not change — found from the diff of
// the two, so no test pins today's template text (every template change of today is an upgrade for old projects).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diffIndices } from 'node-diff3';
import { runCli } from '../support/cli.js';
import { ROOT } from '../support/paths.js';

export const FIXTURES = path.join(ROOT, 'test/fixtures/upgrade-cb22061');
type FixtureFile = string | { base64: string };

export function fixtureFiles(name: 'tasting-room' | 'order-sync'): Map<string, Buffer> {
  const { files } = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as { files: Record<string, FixtureFile> };
  return new Map(Object.entries(files).map(([p, f]) => [p, typeof f === 'string' ? Buffer.from(f, 'utf8') : Buffer.from(f.base64, 'base64')]));
}

/** Writes a fixture project into `dir` (created): what cb22061 generated, before any user edit. */
export function writeFixture(name: 'tasting-room' | 'order-sync', dir: string): Map<string, Buffer> {
  const files = fixtureFiles(name);
  for (const [p, bytes] of files) {
    const target = path.join(dir, ...p.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  return files;
}

/** What this version's `c7-app new` writes for the fixture's manifest and teach setting (no npm install). */
export function freshProject(name: 'tasting-room' | 'order-sync'): string {
  const files = fixtureFiles(name);
  const parent = mkdtempSync(path.join(tmpdir(), 'c7-upgrade-fresh-'));
  const answers = path.join(parent, 'answers.json');
  writeFileSync(answers, files.get('c7-app.json')!);
  const teach = (JSON.parse(files.get('.yo-rc.json')!.toString('utf8')) as Record<string, { teach?: boolean }>)['generator-c7-app']?.teach === true;
  const dir = path.join(parent, name);
  const r = runCli(['new', dir, '--answers', answers, '--skip-install', '--no-git', teach ? '--teach' : '--no-teach'], { timeout: 120_000 });
  if (r.status !== 0) throw new Error(`c7-app new failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return dir;
}

export const lines = (text: string) => text.split(/(?<=\n)/);

/** Base line ranges [start, end) that `theirs` changes (insertions are empty ranges at their place). */
function changedRanges(base: string, theirs: string): Array<{ start: number; end: number; replaced: boolean }> {
  return diffIndices(lines(base), lines(theirs)).map((d) => ({ start: d.buffer1[0], end: d.buffer1[0] + d.buffer1[1], replaced: d.buffer1[1] > 0 && d.buffer2[1] > 0 }));
}

/** Inserts `line` after the base line farthest from any change of `theirs` (a clean merge). Throws if none is 2 lines away. */
export function insertClear(base: string, theirs: string, line: string): string {
  const ls = lines(base);
  const ranges = changedRanges(base, theirs);
  let best = -1;
  let bestDistance = -1;
  for (let i = 1; i < ls.length - 1; i++) {
    // inserting after line i touches the gap between i and i+1
    const distance = Math.min(...ranges.map((r) => (i + 1 <= r.start ? r.start - (i + 1) : i >= r.end ? i - r.end + 1 : -1)), 1e9);
    if (distance > bestDistance) { best = i; bestDistance = distance; }
  }
  if (bestDistance < 2) throw new Error('no line of the file is 2 lines away from a template change');
  return [...ls.slice(0, best + 1), `${line}\n`, ...ls.slice(best + 1)].join('');
}

/** Changes a base line that `theirs` replaces too (a real conflict): appends `suffix` to it. */
export function editChanged(base: string, theirs: string, suffix: string): { text: string; line: string } {
  const ls = lines(base);
  for (const r of changedRanges(base, theirs)) {
    if (!r.replaced) continue;
    for (let i = r.start; i < r.end; i++) {
      if (ls[i]!.trim() === '') continue;
      const edited = `${ls[i]!.replace(/\n$/, '')}${suffix}\n`;
      return { text: [...ls.slice(0, i), edited, ...ls.slice(i + 1)].join(''), line: edited.trimEnd() };
    }
  }
  throw new Error('the template replaces no line of this file');
}

/** A conflicted file with every conflict resolved to one side. */
export function resolveConflicts(text: string, side: 'ours' | 'theirs'): string {
  return text.replace(/^<<<<<<< [^\n]*\n([\s\S]*?)(?:^\|\|\|\|\|\|\| [^\n]*\n[\s\S]*?)?^=======\n([\s\S]*?)^>>>>>>> [^\n]*\n/gm,
    (_m, ours: string, theirs: string) => (side === 'ours' ? ours : theirs));
}

export interface PlanLine { action: string; path: string }
/** The plan `c7-app upgrade` printed: one line per file. */
export function planLines(stdout: string): PlanLine[] {
  return [...stdout.matchAll(/^ {2}(updated|merged|conflict|kept|added|removed) +(\S+)/gm)].map((m) => ({ action: m[1]!, path: m[2]! }));
}

const readText = (dir: string, p: string) => readFileSync(path.join(dir, ...p.split('/')), 'utf8');
const writeText = (dir: string, p: string, text: string) => writeFileSync(path.join(dir, ...p.split('/')), text);

export interface Edits { clean: Map<string, string>; conflict: { path: string; line: string } }

/** The fixture with the user's edits of the issue: a handler, src/hooks.ts, README.md, a changed template file, a conflict. */
export function editedProject(dir: string, fresh: string): Edits {
  const files = writeFixture('tasting-room', dir);
  const handler = [...files.keys()].find((p) => p.startsWith('src/webhooks/handlers/'))!;
  const clean = new Map<string, string>();
  for (const p of [handler, 'src/hooks.ts', 'README.md', 'src/config.ts']) {
    const line = p.endsWith('.md') ? `USER EDIT ${p}: our own notes.` : `// USER EDIT ${p}: our own code.`;
    writeText(dir, p, insertClear(readText(dir, p), readText(fresh, p), line));
    clean.set(p, line);
  }
  const c = editChanged(readText(dir, 'src/server/webhooks.ts'), readText(fresh, 'src/server/webhooks.ts'), ' // USER CONFLICT');
  writeText(dir, 'src/server/webhooks.ts', c.text);
  return { clean, conflict: { path: 'src/server/webhooks.ts', line: c.line } };
}


// The three-way merge of one text file: node-diff3 (a maintained diff3 of the classic algorithm, in-process, so the
// published package needs no git binary), with git's diff3-style markers around each conflict, so every editor and
// `git mergetool` knows them.
import { diff3Merge } from 'node-diff3';

export interface MergeLabels { ours: string; base: string; theirs: string }
export interface MergeOutcome { text: string; conflicts: number }

const splitLines = (text: string): string[] => (text === '' ? [] : text.split(/(?<=\n)/));
const block = (ls: string[]) => { const s = ls.join(''); return s === '' || s.endsWith('\n') ? s : `${s}\n`; };

export function mergeThree(ours: string, base: string, theirs: string, labels: MergeLabels): MergeOutcome {
  const regions = diff3Merge<string>(splitLines(ours), splitLines(base), splitLines(theirs), { excludeFalseConflicts: true });
  let text = '';
  let conflicts = 0;
  for (const r of regions) {
    if (r.ok) { text += r.ok.join(''); continue; }
    if (!r.conflict) continue;
    conflicts += 1;
    text += `<<<<<<< ${labels.ours}\n${block(r.conflict.a)}||||||| ${labels.base}\n${block(r.conflict.o)}=======\n${block(r.conflict.b)}>>>>>>> ${labels.theirs}\n`;
  }
  return { text, conflicts };
}

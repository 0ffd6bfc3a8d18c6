// buildChecklist: the rules over a manifest and a project view. Pure: the same inputs give the same items.
import type { Manifest } from '../manifest/types.js';
import { prepareGrammars } from '../audit/parse.js';
import { runRule } from './rule.js';
import { prepareProjectAudit } from './rules/api.js';
import { RULES } from './rules/index.js';
import { SECTIONS } from './sections.js';
import type { ChecklistItem, ChecklistOptions, ChecklistSummary, ProjectView } from './types.js';

/** Every item for this app, grouped by section in checklist order. */
export function buildChecklist(manifest: Manifest, project: ProjectView, opts: ChecklistOptions = {}): ChecklistItem[] {
  const ctx = { manifest, project, opts };
  const items = RULES.flatMap((rule) => runRule(rule, ctx));
  const order = new Map(SECTIONS.map((s, i) => [s.id, i]));
  // A stable sort: rules keep their order inside a section.
  return items.map((item, i) => ({ item, i })).sort((a, b) => order.get(a.item.section)! - order.get(b.item.section)! || a.i - b.i).map((x) => x.item);
}

/**
 * Loads what buildChecklist reads with (the audit's parsers for the project's code that mentions Commerce7), so
 * `c7-app check` and the generators read code with the same engine as `c7-app audit`. `rendered`: files the
 * generator is about to write (TypeScript) are checked too.
 */
export async function prepareChecklist(project: ProjectView, opts: { rendered?: boolean } = {}): Promise<void> {
  await prepareProjectAudit(project);
  if (opts.rendered) await prepareGrammars(['typescript']);
}

export function summarize(items: readonly ChecklistItem[]): ChecklistSummary {
  const count = (s: ChecklistItem['status']) => items.filter((i) => i.status === s).length;
  return { passed: count('pass'), failed: count('fail'), person: count('person'), total: items.length };
}

/** The one-line verdict: "12 passed, 2 failed, 5 for you". */
export function formatVerdict(summary: ChecklistSummary): string {
  return `${summary.passed} passed, ${summary.failed} failed, ${summary.person} for you`;
}

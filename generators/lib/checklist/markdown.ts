// SUBMISSION_CHECKLIST.md: a derived file, rewritten from the manifest and the project by `c7-app check`.
import { appTypeLabel } from '../catalog/index.js';
import { MANIFEST_FILE, type Manifest } from '../manifest/types.js';
import { formatVerdict, summarize } from './build.js';
import { SECTIONS } from './sections.js';
import type { ChecklistItem, ItemSource, ItemStatus } from './types.js';

export const SUBMISSION_CHECKLIST_FILE = 'SUBMISSION_CHECKLIST.md';
/** The first line of the file: says where it comes from, so nobody edits it by hand. */
export const CHECKLIST_HEADER = `> Generated from \`${MANIFEST_FILE}\` by \`c7-app check\`: edit the manifest, not this file. It is rewritten whenever the manifest or the project changes.`;

export const STATUS_MARK: Record<ItemStatus, string> = { pass: '\u2705', fail: '\u274c', person: '\u2610' };

export function sourceLabel(source: ItemSource): string {
  return source.by === 'commerce7' ? `Commerce7: ${source.where}` : 'Our advice';
}

/** Escape what Markdown would turn into HTML, outside `code`. */
function md(text: string): string {
  return text.split(/(`[^`]*`)/).map((part, i) => (i % 2 ? part : part.replace(/</g, '&lt;'))).join('');
}

function itemLines(item: ChecklistItem): string[] {
  const lines = [`- ${STATUS_MARK[item.status]} **${md(item.title)}** \u00b7 \`${item.id}\` \u00b7 ${md(sourceLabel(item.source))}`];
  if (item.status === 'fail') {
    if (item.reason) lines.push(`  - Why: ${md(item.reason)}`);
    if (item.fix) lines.push(`  - Fix: ${md(item.fix)}`);
  } else if (item.status === 'person') {
    if (item.lookAt) lines.push(`  - Look at: ${md(item.lookAt)}`);
  } else if (item.reason) {
    lines.push(`  - ${md(item.reason)}`);
  }
  for (const d of item.details ?? []) lines.push(`  - \`${d.replace(/`/g, "'")}\``);
  return lines;
}

/** The text of SUBMISSION_CHECKLIST.md. Deterministic: no dates, no absolute paths. */
export function renderChecklistMarkdown(manifest: Manifest, items: readonly ChecklistItem[]): string {
  const app = manifest.app;
  let type: string = app?.type ?? '';
  try { type = appTypeLabel(app.type); } catch { /* an unknown type is shown as written */ }
  const out = [
    CHECKLIST_HEADER,
    '',
    `# Submission checklist: ${md(app?.title ?? '')} ${md(manifest.version?.number ?? '')}`.trimEnd(),
    '',
    `${type} \`${app?.id ?? ''}\`, version ${md(manifest.version?.number ?? '?')} (${manifest.version?.status ?? '?'}). A submitted version is frozen and a rejection costs days: what a tool can check is checked here, the rest is for you.`,
    '',
    `**${formatVerdict(summarize(items))}**`,
    '',
    `${STATUS_MARK.pass} checked by \`c7-app check\` and fine \u00b7 ${STATUS_MARK.fail} checked and failing, with the reason and the fix \u00b7 ${STATUS_MARK.person} for you to check. Each item says whose rule it is: Commerce7's (with the site and topic it comes from) or our advice.`,
  ];
  let n = 0;
  for (const section of SECTIONS) {
    const inSection = items.filter((i) => i.section === section.id);
    if (inSection.length === 0) continue;
    out.push('', `## ${++n}. ${section.title}`, '');
    for (const item of inSection) out.push(...itemLines(item));
  }
  return out.join('\n') + '\n';
}

// API access (APIs & Webhooks step): least privilege, each permission explained (platform.md §3).
import { auditSourcesSync, compareWithManifest, isAuditedFile, prepareAudit, type AuditReport } from '../../audit/index.js';
import { knownAuditReport } from '../audit-known.js';
import type { ProjectView } from '../types.js';
import { ADVICE, commerce7, fail, isBlank, list, pass, plural, type Rule } from '../rule.js';

/** What the audit reads of a project: its audited files (no tests, no derived files), in listing order. */
export const sourcesOf = (project: ProjectView) => project.listFiles().filter((f) => isAuditedFile(f)).map((file) => ({ file, text: project.read(file) ?? '' }));

const memo = new WeakMap<ProjectView, AuditReport>();

/**
 * Loads the parsers the project's code needs, so the checklist (synchronous) reads it with the same engine as
 * `c7-app audit`. Call it before buildChecklist; a project without Commerce7 calls loads none, and a project whose
 * code the build audited (a new project of a bundled example: lib/checklist/audit-known.ts) needs none.
 */
export function prepareProjectAudit(project: ProjectView): Promise<void> {
  const sources = sourcesOf(project);
  return knownAuditReport(sources) ? Promise.resolve() : prepareAudit(sources);
}

/** The Commerce7 API calls in the project's code (what `c7-app audit` reads: no tests, no derived files). */
function auditProject(project: ProjectView): AuditReport {
  let r = memo.get(project);
  if (!r) {
    const sources = sourcesOf(project);
    memo.set(project, (r = knownAuditReport(sources) ?? auditSourcesSync(sources)));
  }
  return r;
}

export const WRITE_STEMS = [
  'writ', 'wrote', 'creat', 'updat', 'delet', 'remov', 'sav', 'add', 'edit', 'modif', 'chang', 'insert', 'upsert',
  'replac', 'cancel', 'refund', 'fulfil', 'adjust', 'assign', 'push', 'sync', 'import', 'attach', 'unlink', 'merge',
  'archiv', 'void', 'issu', 'redeem', 'apply', 'appli', 'enrol', 'subscrib', 'unsubscrib', 'schedul', 'complet',
  'upload', 'publish', 'reset', 'renam', 'untag', 'retag',
];
export const NOUN_STEMS = ['tag', 'post', 'record', 'set', 'store', 'link', 'flag', 'book', 'credit', 'charg', 'mark', 'process', 'transfer', 'copy', 'copi', 'clos', 'mov', 'clear'];
const ANY_FORM = ['s', 'es', 'e', 'ed', 'd', 'ing', 'ies', 'ied', 'y', 'ying', 'ged', 'ging', 'ted', 'ting', 'led', 'ling', 'ls', 'l'];
const VERB_FORM = ['ed', 'd', 'ing', 'ied', 'ying', 'ged', 'ging', 'ted', 'ting', 'led', 'ling'];
const CLAUSE_WORDS = ['and', 'then', 'also', 'it', 'app'];
const CLAUSE_MARKS = '.;:,!?(';

/** The definition, as a regex (the tests check the scan below against it). */
export function writeWordsRegExp(): RegExp {
  const clauseStart = `(?:^|[${CLAUSE_MARKS.replace(/[.?(]/g, '\\$&')}]\\s*|\\b(?:${CLAUSE_WORDS.join('|')})\\s+)`;
  return new RegExp(
    `\\b(?:${WRITE_STEMS.join('|')})(?:${ANY_FORM.join('|')})?\\b` +
    `|\\b(?:${NOUN_STEMS.join('|')})(?:${VERB_FORM.join('|')})\\b` +
    `|${clauseStart}(?:${NOUN_STEMS.join('|')})(?:${ANY_FORM.join('|')})?\\b`,
    'i',
  );
}

// The same answer as writeWordsRegExp() without compiling it (V8 took ~7 ms for its first test, on every `check`).
// Every alternative is a whole \w token (stems and forms are letters, bounded by \b), so: split the text into ASCII
// word tokens, lower-case them (the regex's "i" without "u" folds ASCII letters only), look each up.
const WRITE_WORD_SET = new Set([...WRITE_STEMS, ...WRITE_STEMS.flatMap((s) => ANY_FORM.map((f) => s + f))]);
const NOUN_VERB_SET = new Set(NOUN_STEMS.flatMap((s) => VERB_FORM.map((f) => s + f)));
const NOUN_ANY_SET = new Set([...NOUN_STEMS, ...NOUN_STEMS.flatMap((s) => ANY_FORM.map((f) => s + f))]);
const CLAUSE_WORD_SET = new Set(CLAUSE_WORDS);
const WORD = /[A-Za-z0-9_]+/g;
const SPACE = /\s/;

function saysWhatIsWritten(text: string): boolean {
  let prevEnd = -1;
  let prevWord = '';
  for (const m of text.matchAll(WORD)) {
    const word = m[0].toLowerCase();
    const start = m.index;
    if (WRITE_WORD_SET.has(word) || NOUN_VERB_SET.has(word)) return true;
    if (NOUN_ANY_SET.has(word) && clauseStartsAt(text, start, prevEnd, prevWord)) return true;
    prevEnd = start + m[0].length;
    prevWord = word;
  }
  return false;
}

/** Whether a clause starts at `start`: the text's start, a mark and spaces, or "and"/"then"/... and 1+ spaces. */
function clauseStartsAt(text: string, start: number, prevEnd: number, prevWord: string): boolean {
  if (start === 0) return true;
  let i = start - 1;
  while (i >= 0 && SPACE.test(text[i]!)) i--;
  if (i >= 0 && CLAUSE_MARKS.includes(text[i]!)) return true;
  // the previous word token ends right where the spaces start (at least one space between)
  return i < start - 1 && i === prevEnd - 1 && CLAUSE_WORD_SET.has(prevWord);
}

/**
 * A reason for full access should say what the app writes (ours to choose): a verb from these stems in any usual
 * form ("creat" -> create, created, creating). Suffixes are a closed list, so "add" does not match "addresses".
 * Stems that are nouns too ("tag", "post", "record") count as a verb where a clause starts with them ("Tags exported
 * customers", "…, then posts a note") or in a verb-only form ("tagged", "posting"), not in "reads the tag names".
 */
export const WRITE_WORDS: { test(text: string): boolean } = { test: saysWhatIsWritten };

export const apiRules: Rule[] = [
  {
    id: 'api.reasons', section: 'api', kind: 'auto', source: ADVICE,
    title: 'Each permission says why the app needs it',
    check: ({ manifest: m }) => {
      const perms = list(m.permissions);
      if (perms.length === 0) return pass('no permissions requested');
      const missing = perms.filter((p) => isBlank(p.reason));
      if (missing.length === 0) return pass();
      return fail(
        `${plural(missing.length, 'permission')} without a reason: ${missing.map((p) => `${p.endpoint} (${p.access})`).join(', ')}`,
        'add "reason" to each permission: what the app does with it. Reviewers and installing clients read the permission list; the reasons also feed PERMISSIONS.md',
      );
    },
  },
  {
    id: 'api.full-reasons', section: 'api', kind: 'auto', source: ADVICE,
    title: 'Each full access has a reason that says what the app writes',
    check: ({ manifest: m }) => {
      const full = list(m.permissions).filter((p) => p.access === 'full');
      if (full.length === 0) return pass('no full access requested');
      const vague = full.filter((p) => isBlank(p.reason) || !WRITE_WORDS.test(p.reason!));
      if (vague.length === 0) return pass();
      return fail(
        `${plural(vague.length, 'full access', 'full accesses')} whose reason does not say what is written: ${vague.map((p) => p.endpoint).join(', ')}`,
        'say in "reason" what the app writes (creates, updates, deletes, tags…) with this access; if it only reads, ask for "read" instead',
      );
    },
  },
  {
    id: 'api.calls-granted', section: 'api', kind: 'auto', source: commerce7('apiAccess'),
    title: 'Every Commerce7 API call found in the code is granted by c7-app.json',
    check: ({ manifest: m, project }) => {
      const report = auditProject(project);
      if (report.references.length === 0) return pass('no Commerce7 API call found in the code');
      const { missing } = compareWithManifest(report, m);
      if (missing.length === 0) return pass(`${plural(report.references.length, 'call')} found, each granted`);
      return fail(
        `${plural(missing.length, 'permission')} the code needs ${missing.length === 1 ? 'is' : 'are'} not granted: Commerce7 answers 403`,
        'add each to c7-app.json (npx c7-app scopes --add "Endpoint:access"), or remove the call; npx c7-app audit lists every call',
        missing.map((x) => `${x.permission} ${x.needed}${x.granted ? ` (granted: ${x.granted})` : ''}: ${x.reference.method} ${x.reference.path} at ${x.reference.file}:${x.reference.line}`),
      );
    },
  },
  {
    id: 'api.least-privilege', section: 'api', kind: 'person', source: commerce7('appReview'),
    title: 'The app requests only the permissions its code uses, and read where it only reads',
    lookAt: ({ manifest: m, project }) => {
      const perms = list(m.permissions);
      const { unused, broaderThanNeeded } = compareWithManifest(auditProject(project), m);
      const found = [
        unused.length ? ` No call found for ${unused.map((u) => `${u.permission} (${u.granted})`).join(', ')}: remove ${unused.length === 1 ? 'it' : 'them'} unless the code builds the path at run time.` : '',
        broaderThanNeeded.length ? ` Only reads found for ${broaderThanNeeded.map((b) => b.permission).join(', ')} (full).` : '',
      ].join('');
      return `${perms.length ? perms.map((p) => `${p.endpoint} (${p.access})`).join(', ') : 'no permissions'}, against the API calls in the code (npx c7-app audit lists them).${found} Clients must accept every permission at install, and a new one in a later version makes them accept again.`;
    },
  },
];

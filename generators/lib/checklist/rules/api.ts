// API access (APIs & Webhooks step): least privilege, each permission explained (platform.md §3).
import { auditSourcesSync, compareWithManifest, isAuditedFile, prepareAudit, type AuditReport } from '../../audit/index.js';
import type { ProjectView } from '../types.js';
import { ADVICE, commerce7, fail, isBlank, list, pass, plural, type Rule } from '../rule.js';

const sourcesOf = (project: ProjectView) => project.listFiles().filter((f) => isAuditedFile(f)).map((file) => ({ file, text: project.read(file) ?? '' }));

/**
 * Loads the parsers the project's code needs, so the checklist (synchronous) reads it with the same engine as
 * `c7-app audit`. Call it before buildChecklist; a project without Commerce7 calls loads none.
 */
export function prepareProjectAudit(project: ProjectView): Promise<void> {
  return prepareAudit(sourcesOf(project));
}

const memo = new WeakMap<ProjectView, AuditReport>();
/** The Commerce7 API calls in the project's code (what `c7-app audit` reads: no tests, no derived files). */
function auditProject(project: ProjectView): AuditReport {
  let r = memo.get(project);
  if (!r) memo.set(project, (r = auditSourcesSync(sourcesOf(project))));
  return r;
}

/**
 * A reason for full access should say what the app writes (ours to choose): a verb from these stems in any usual
 * form ("creat" -> create, created, creating). Suffixes are a closed list, so "add" does not match "addresses".
 * Stems that are nouns too ("tag", "post", "record") count as a verb where a clause starts with them ("Tags exported
 * customers", "…, then posts a note") or in a verb-only form ("tagged", "posting"), not in "reads the tag names".
 */
const WRITE_STEMS = [
  'writ', 'wrote', 'creat', 'updat', 'delet', 'remov', 'sav', 'add', 'edit', 'modif', 'chang', 'insert', 'upsert',
  'replac', 'cancel', 'refund', 'fulfil', 'adjust', 'assign', 'push', 'sync', 'import', 'attach', 'unlink', 'merge',
  'archiv', 'void', 'issu', 'redeem', 'apply', 'appli', 'enrol', 'subscrib', 'unsubscrib', 'schedul', 'complet',
  'upload', 'publish', 'reset', 'renam', 'untag', 'retag',
];
const NOUN_STEMS = ['tag', 'post', 'record', 'set', 'store', 'link', 'flag', 'book', 'credit', 'charg', 'mark', 'process', 'transfer', 'copy', 'copi', 'clos', 'mov', 'clear'];
const ANY_FORM = ['s', 'es', 'e', 'ed', 'd', 'ing', 'ies', 'ied', 'y', 'ying', 'ged', 'ging', 'ted', 'ting', 'led', 'ling', 'ls', 'l'].join('|');
const VERB_FORM = ['ed', 'd', 'ing', 'ied', 'ying', 'ged', 'ging', 'ted', 'ting', 'led', 'ling'].join('|');
const CLAUSE_START = '(?:^|[.;:,!?(]\\s*|\\b(?:and|then|also|it|app)\\s+)';
export const WRITE_WORDS = new RegExp(
  `\\b(?:${WRITE_STEMS.join('|')})(?:${ANY_FORM})?\\b` +
  `|\\b(?:${NOUN_STEMS.join('|')})(?:${VERB_FORM})\\b` +
  `|${CLAUSE_START}(?:${NOUN_STEMS.join('|')})(?:${ANY_FORM})?\\b`,
  'i',
);

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

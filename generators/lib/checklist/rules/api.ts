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

/** A reason for full access should say what the app writes: one of these verbs shows it does (ours to choose). */
export const WRITE_WORDS = /\b(writes?|wrote|written|writing|creat(e|es|ed|ing)|updat(e|es|ed|ing)|delet(e|es|ed|ing)|remov(e|es|ed|ing)|sav(e|es|ed|ing)|add(s|ed|ing)?|edit(s|ed|ing)?|modif(y|ies|ied|ying)|chang(e|es|ed|ing)|mark(s|ed|ing)?|tagged|tagging|inserts?|upserts?|replac(e|es|ed|ing)|cancel(s|ed|led|ing|ling)?|refund(s|ed|ing)?|fulfil(s|ls|led|ling|l)?|adjust(s|ed|ing)?|assign(s|ed|ing)?)\b/i;

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

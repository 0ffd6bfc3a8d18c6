// Secrets: the App Secret Key and the Basic-auth password live in .env, which git ignores (platform.md §4).
import { ENV_VARS } from '../../catalog/index.js';
import { gitignoreMatcher } from '../gitignore.js';
import { ADVICE, commerce7, fail, pass, plural, type Rule } from '../rule.js';
import { scanProject } from '../secrets.js';

/** The generated project keeps its secrets here. */
export const ENV_FILE = '.env';
const MAX_LISTED = 10;

const envNames = `${ENV_VARS.appSecret.name} for the App Secret Key, ${ENV_VARS.basicAuthPassword.name} for the Basic-auth password`;

export const secretRules: Rule[] = [
  {
    id: 'secrets.env-ignored', section: 'secrets', kind: 'auto', source: ADVICE,
    title: `${ENV_FILE}, which holds ${ENV_VARS.appSecret.name} and ${ENV_VARS.basicAuthPassword.name}, is ignored by git`,
    check: ({ project }) => {
      const byGit = project.isIgnored(ENV_FILE);
      const byFile = gitignoreMatcher(project.read('.gitignore')).ignores(ENV_FILE);
      const ignored = byGit ?? byFile;
      const how = byGit === undefined ? ' (judged from .gitignore: the project is not a git repository yet)' : '';
      if (ignored) return pass(`git ignores ${ENV_FILE}`);
      if (byGit === false && byFile) {
        return fail(`${ENV_FILE} is listed in .gitignore but already tracked by git, so it is committed anyway`, `run \`git rm --cached ${ENV_FILE}\` and commit; then regenerate the App Secret Key in the App Development Center: the old one was committed`);
      }
      return fail(`${ENV_FILE} is not ignored by git${how}: the App Secret Key in it would be committed`, `add a line \`${ENV_FILE}\` to .gitignore`);
    },
  },
  {
    id: 'secrets.tracked-files', section: 'secrets', kind: 'auto', source: commerce7('securityPolicy'),
    title: 'No file git tracks holds something that looks like an App Secret Key, a password or a token',
    check: ({ project, opts }) => {
      const { findings, skipped } = opts.secretScan ?? scanProject(project);
      const notScanned = skipped.map((f) => `${f.path}: ${f.reason}`);
      const skippedNote = skipped.length ? `; ${plural(skipped.length, 'file')} not scanned (${skipped.slice(0, 3).map((f) => f.path).join(', ')}${skipped.length > 3 ? ', \u2026' : ''})` : '';
      if (findings.length === 0) return { ...pass(skipped.length ? `nothing found${skippedNote}` : undefined, notScanned.slice(0, MAX_LISTED)), findings: [] };
      const files = new Set(findings.map((f) => f.file));
      const details = findings.slice(0, MAX_LISTED).map((f) => `${f.file}:${f.line}: ${f.what}`);
      if (findings.length > MAX_LISTED) details.push(`and ${plural(findings.length - MAX_LISTED, 'more finding')}`);
      details.push(...notScanned.slice(0, MAX_LISTED).map((d) => `not scanned: ${d}`));
      return {
        ...fail(
          `${plural(findings.length, 'value')} that look${findings.length === 1 ? 's' : ''} like a secret in ${plural(files.size, 'file')} git would commit (values hidden)${skippedNote}`,
          `move each value to ${ENV_FILE} (${envNames}) and read it from process.env, without a literal fallback; commit only .env.example, with empty values; placeholders in examples and tests should say so (e.g. "test-secret", "<your App Secret Key>"). If a real key was ever committed, regenerate the App Secret Key in the App Development Center and change the password.`,
          details,
        ),
        findings,
      };
    },
  },
];

// Test with a test tenant, and the project's own tests (platform.md §2).
import { ADC_STEPS, TENANT_ID_HELP, TEST_TENANT_ROLES } from '../../catalog/index.js';
import { ADVICE, autoItem, commerce7, fail, list, pass, personItem, type Rule } from '../rule.js';
import type { ChecklistItem, TestRun } from '../types.js';

const TESTS_TITLE = 'The project\u2019s own tests pass (npm test)';

export const testRules: Rule[] = [
  {
    id: 'test.test-tenants', section: 'test', kind: 'auto', source: commerce7('testYourApp'),
    title: 'At least one test tenant may install the unpublished version',
    check: ({ manifest: m }) => {
      const tenants = list(m.app?.testTenants);
      if (tenants.length) return pass(tenants.join(', '));
      return fail('app.testTenants is empty', `add a tenant ID to app.testTenants and to ${ADC_STEPS.testYourApp}; you need a ${TEST_TENANT_ROLES.developer} user on that tenant, and installing needs an ${TEST_TENANT_ROLES.installer}. ${TENANT_ID_HELP}`);
    },
  },
  {
    id: 'test.install', section: 'test', kind: 'person', source: commerce7('appReview'),
    title: 'Tried on a test tenant: install, the app\u2019s work, uninstall, with no major bugs',
    lookAt: ({ manifest: m }) => {
      const tenants = list(m.app?.testTenants);
      return `${tenants.length ? tenants.join(', ') : 'a test tenant'}: install with the client settings filled in, see the first sync, webhooks arrive, every extension opens, then uninstall. Changes to the version apply live to test tenants.`;
    },
  },
  { id: 'test.project-tests', section: 'test', kind: 'many', items: ({ opts }) => [projectTestsItem(opts.testRun)] },
];

/** The "tests pass" item: for a person, or checked when the tests were run (`c7-app check --run-tests`). */
export function projectTestsItem(run?: TestRun): ChecklistItem {
  if (!run) return personItem('test.project-tests', 'test', TESTS_TITLE, ADVICE, 'the output of `npm test` (or run `c7-app check --run-tests`)');
  return autoItem('test.project-tests', 'test', TESTS_TITLE, ADVICE, run.passed
    ? pass(`${run.command} passed`)
    : fail(`${run.command} ${run.exitCode === null ? 'did not finish' : `exited with code ${run.exitCode}`}`, 'fix the failing tests (the last lines of the output follow)', run.outputTail));
}

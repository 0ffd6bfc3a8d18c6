// Replacing a Data-role integration: the switch-over steps (platform.md §1). Only when app.replacesDataRole is true.
import { DATA_ROLE, ENV_VARS, TENANT_HEADER, TEST_TENANT_ROLES } from '../../catalog/index.js';
import { commerce7, type Rule } from '../rule.js';

const applies = ({ manifest: m }: { manifest: { app?: { replacesDataRole?: boolean } } }) => m.app?.replacesDataRole === true;
const { username, password } = DATA_ROLE.credentials;

export const dataRoleRules: Rule[] = [
  {
    id: 'data-role.credentials', section: 'data-role', kind: 'person', source: commerce7('dataRole'), applies,
    title: `The integration signs in with the ${username} and ${password}, not a staff email and password`,
    lookAt: `the API client: Basic auth with username = ${username} (${ENV_VARS.appId.name}) and password = ${password} (${ENV_VARS.appSecret.name}), still sending the "${TENANT_HEADER}" header; no staff email or password left in the code, the configuration or .env.`,
  },
  {
    id: 'data-role.client-installs', section: 'data-role', kind: 'person', source: commerce7('dataRole'), applies,
    title: 'Each client installs the app',
    lookAt: `each client that used the old integration: an ${TEST_TENANT_ROLES.installer} installs the app and accepts its permissions; the app reaches a tenant only while it is installed there.`,
  },
  {
    id: 'data-role.remove-account', section: 'data-role', kind: 'person', source: commerce7('dataRole'), applies,
    title: `Each client removes the old ${DATA_ROLE.role}-role account under ${DATA_ROLE.accountsMenu}`,
    lookAt: `once the app works for that client: the staff account the old integration signed in with, under ${DATA_ROLE.accountsMenu}. Since ${DATA_ROLE.cutoff.date} the ${DATA_ROLE.role} role has no API access for clients live ${DATA_ROLE.cutoff.liveDays} days or more.`,
  },
];

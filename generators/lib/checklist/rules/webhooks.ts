// Webhooks (APIs & Webhooks step): no signature, no delivery id (platform.md §5).
import { ENV_VARS } from '../../catalog/index.js';
import { ADVICE, fail, list, pass, plural, type Rule } from '../rule.js';

const hasWebhooks = ({ manifest: m }: { manifest: { webhooks?: unknown[] } }) => list(m.webhooks).length > 0;

export const webhookRules: Rule[] = [
  {
    id: 'webhooks.basic-auth', section: 'webhooks', kind: 'auto', source: ADVICE, applies: hasWebhooks,
    title: 'Each webhook sends Basic auth (Commerce7 signs no webhook: the password is how your app knows the call is from Commerce7)',
    check: ({ manifest: m }) => {
      const without = list(m.webhooks).filter((h) => h.basicAuth !== true);
      const noAuth = !m.installation?.basicAuth?.username;
      if (without.length === 0 && !noAuth) return pass();
      const reason = without.length
        ? `${plural(without.length, 'webhook')} without Basic auth: ${without.map((h) => `${h.object} ${h.action}`).join(', ')}`
        : 'installation.basicAuth is not set';
      return fail(reason, `set "basicAuth": true on each webhook and "installation": { "basicAuth": { "username": "…" } }; keep the password in .env as ${ENV_VARS.basicAuthPassword.name} and enter both under Advanced > Basic auth in the App Development Center`);
    },
  },
  {
    id: 'webhooks.receiver', section: 'webhooks', kind: 'person', source: ADVICE, applies: hasWebhooks,
    title: 'The webhook receiver checks the tenant, ignores the app\u2019s own changes and copes with the same event twice',
    lookAt: 'the webhook handler: Commerce7 sends no signature and no delivery id. It should answer only for installed tenants (tenantId), skip events whose "user" is the app itself (or it loops), and be idempotent.',
  },
];

// Every rule, in the order of the checklist. Rules are data: add one to its section's module.
import type { Rule } from '../rule.js';
import { apiRules } from './api.js';
import { appRules } from './app.js';
import { clientSettingRules } from './client-settings.js';
import { dataRoleRules } from './data-role.js';
import { extensionRules } from './extensions.js';
import { installationRules } from './installation.js';
import { listingRules } from './listing.js';
import { pricingRules } from './pricing.js';
import { secretRules } from './secrets.js';
import { submitRules } from './submit.js';
import { testRules } from './test.js';
import { webhookRules } from './webhooks.js';

export const RULES: readonly Rule[] = [
  ...appRules, ...secretRules, ...apiRules, ...webhookRules, ...clientSettingRules, ...extensionRules,
  ...installationRules, ...pricingRules, ...listingRules, ...testRules, ...submitRules, ...dataRoleRules,
];

// Pricing Model (Installation step): fixed once published (platform.md §6).
import { COMMERCE7_REVENUE_SHARE, PRICING_MODEL_NAMES } from '../../catalog/index.js';
import type { PricingPlan } from '../../manifest/types.js';
import { commerce7, fail, list, pass, type Rule } from '../rule.js';

const [FLAT, CUSTOM] = PRICING_MODEL_NAMES as readonly [string, string];
const money = (p: PricingPlan) => `${p.name} ${(p.price / 100).toFixed(2)} ${p.currency}`;

export const pricingRules: Rule[] = [
  {
    id: 'pricing.model', section: 'pricing', kind: 'auto', source: commerce7('pricing'),
    title: 'A Pricing Model is chosen',
    check: ({ manifest: m }) => {
      if (!m.pricing?.model) return fail('"pricing" is not set', `set "pricing": { "model": "${FLAT}", "plans": [...] } (Commerce7 bills, keeps ${COMMERCE7_REVENUE_SHARE * 100}%; a price of 0 is free) or { "model": "${CUSTOM}" } (you bill)`);
      if (m.pricing.model === FLAT) {
        const plans = list(m.pricing.plans);
        if (plans.length === 0) return fail(`"${FLAT}" without plans`, 'add "plans": one price per plan level and currency, in cents (0 = free)');
        return pass(`${FLAT}: ${plans.map(money).join('; ')}`);
      }
      return pass(m.pricing.model);
    },
  },
  {
    id: 'pricing.final', section: 'pricing', kind: 'person', source: commerce7('pricing'),
    applies: ({ manifest: m }) => m.pricing?.model === FLAT,
    title: 'The prices are final: a flat monthly price is fixed once published',
    lookAt: ({ manifest: m }) => `${list(m.pricing?.plans).map(money).join('; ')}. A later change needs a new version, and installed clients must accept the new price.`,
  },
];

// Submit: a submitted version is frozen; review takes days (platform.md §2).
import { ADC_STEPS, FROZEN_STATUSES, REVIEW_DURATION } from '../../catalog/index.js';
import { ADVICE, commerce7, fail, pass, type Rule } from '../rule.js';

export const submitRules: Rule[] = [
  {
    id: 'submit.version-draft', section: 'submit', kind: 'auto', source: commerce7('submitting'),
    title: ({ manifest: m }) => `Version ${m.version?.number ?? '?'} is a draft you can still change`,
    check: ({ manifest: m }) => ((FROZEN_STATUSES as readonly string[]).includes(m.version?.status)
      ? fail(`version ${m.version.number} is ${m.version.status}: it is frozen and cannot change`, `use ${ADC_STEPS.addVersion} in the App Development Center, then set version.number to the new number and version.status to "draft"`)
      : pass()),
  },
  {
    id: 'submit.adc-matches', section: 'submit', kind: 'person', source: ADVICE,
    title: 'The App Development Center holds what c7-app.json says',
    lookAt: `each step, entered by hand: ${[ADC_STEPS.apisAndWebhooks, ADC_STEPS.clientSettings, ADC_STEPS.extensions, ADC_STEPS.installation, ADC_STEPS.createListing].join(', ')}. Submitting freezes the version.`,
  },
  {
    id: 'submit.review', section: 'submit', kind: 'person', source: commerce7('submitting'),
    title: `The app stays up during review (about ${REVIEW_DURATION})`,
    lookAt: 'your install, webhook and extension URLs: Commerce7 may call them while it reviews the version.',
  },
];

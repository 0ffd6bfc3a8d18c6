// Where Commerce7's rules come from, and the facts about review, testing and the Data-role switch the checklist
// cites (platform.md §1, §2, §6). Citations name a site and a topic, never a guessed deep link.
import { STAFF_ROLES } from './api.js';
import { DOC_SITES } from './listing.js';

/** The steps of the App Development Center, as its screens name them (platform.md §2, §6). */
export const ADC_STEPS = {
  createApp: 'Create App',
  apisAndWebhooks: 'APIs & Webhooks',
  clientSettings: 'Client Settings',
  extensions: 'Extensions',
  installation: 'Installation',
  testYourApp: 'Test Your App',
  createListing: 'Create Listing',
  addVersion: 'Add Version',
} as const;

/** The topics of Commerce7's documentation the checklist cites, each on one of DOC_SITES. */
export const DOC_TOPICS = {
  createApp: { site: 'guides', topic: 'Creating an app' },
  appTypes: { site: 'guides', topic: 'App types' },
  appReview: { site: 'guides', topic: 'App review guidelines' },
  apiAccess: { site: 'guides', topic: 'APIs & Webhooks: API access' },
  authentication: { site: 'guides', topic: 'Authentication with the App ID and App Secret Key' },
  securityPolicy: { site: 'guides', topic: 'Developer security policy' },
  webhooks: { site: 'guides', topic: 'Webhooks' },
  clientSettings: { site: 'guides', topic: 'Client Settings' },
  extensions: { site: 'guides', topic: 'Extensions (commerce7.js)' },
  installation: { site: 'guides', topic: 'Installation (Install URL, Uninstall URL, Basic auth)' },
  pricing: { site: 'guides', topic: 'Pricing Model' },
  listing: { site: 'guides', topic: 'App Store listing' },
  brand: { site: 'guides', topic: 'App Store listing: the Commerce7 brand' },
  testYourApp: { site: 'guides', topic: 'Test Your App' },
  submitting: { site: 'guides', topic: 'Submitting a version for review' },
  dataRole: { site: 'helpCentre', topic: 'The end of Data-role API access: moving integrations to apps' },
} as const satisfies Record<string, { site: keyof typeof DOC_SITES; topic: string }>;
export type DocTopic = keyof typeof DOC_TOPICS;

/** "developer.commerce7.com — App Store listing": the site's host and the topic. */
export function citation(topic: DocTopic): string {
  const { site, topic: title } = DOC_TOPICS[topic];
  return `${new URL(DOC_SITES[site]).host} \u2014 ${title}`;
}

/** Review takes about this long; Commerce7 may call the app's URLs meanwhile. */
export const REVIEW_DURATION = '3\u20134 business days';

/** Roles on a test tenant: the developer needs a Partner user there; installing needs an Admin Owner. */
export const TEST_TENANT_ROLES = { developer: STAFF_ROLES.partner, installer: STAFF_ROLES.adminOwner } as const;

/** The end of the Data role (platform.md §1). */
export const DATA_ROLE = {
  role: 'Data',
  /** Where a client removes the old Data-role account. */
  accountsMenu: 'Settings > Accounts',
  /** API access ends for clients live this many days or more (it stays during their first days, for migration). */
  cutoff: { date: 'June 3, 2024', liveDays: 60 },
  /** Personal Admin Owner credentials lose direct API access too. */
  adminOwnerCutoff: 'October 1, 2024',
  /** The app authenticates with these instead of a staff email and password (still HTTP Basic, still the tenant header). */
  credentials: { username: 'App ID', password: 'App Secret Key' },
} as const;

/** A failing webhook is disabled for good after this many hours, and the contact email is told. */
export const WEBHOOK_DISABLED_AFTER_HOURS = 48;

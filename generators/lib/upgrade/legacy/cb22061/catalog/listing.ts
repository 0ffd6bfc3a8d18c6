// The App Store listing (platform.md §6). `rule` says whose rule it is: Commerce7's, or our advice.
export type RuleSource = 'commerce7' | 'advice';

export const LISTING_FIELDS = {
  title: { label: 'App Title', description: 'A couple of words, not a sentence; without "App", "Commerce7" or usually your company name', required: true },
  summary: { label: 'Summary', description: 'A short teaser shown on the App Store card', required: true },
  description: { label: 'Description', description: 'What the app does; list at least 3 key features', required: true },
  category: { label: 'Type', description: 'The App Store category (Commerce7 does not publish the list)', required: true },
  websiteUrl: { label: 'Website URL', description: 'Your app\u2019s web page', required: true },
  logo: { label: 'Logo', description: 'Path in the project to an image that represents the app (usually not your company logo)', required: true },
  darkModeLogo: { label: 'Dark Mode Logo', description: 'Optional path to a logo for dark mode', required: false },
  screenshots: { label: 'Screenshots', description: 'At least 3 images (paths in the project), each with an optional caption', required: true },
  supportEmail: { label: 'Support Email', description: 'Required: Commerce7 does not support third-party apps', required: true },
  supportPhone: { label: 'Support Phone', description: 'Optional support phone number', required: false },
  documentationUrl: { label: 'Documentation URL', description: 'Optional link to your documentation', required: false },
  installSteps: { label: 'Install Steps', description: 'Strongly recommended when installing needs client input (client settings)', required: false },
  requiresSubscription: { label: 'Subscription to another software is required', description: 'Tick when the client must pay for another product to use the app', required: false },
} as const;
export type ListingField = keyof typeof LISTING_FIELDS;

export const MIN_SCREENSHOTS = 3;
export const MIN_DESCRIBED_FEATURES = 3;
/** "A couple of words": ours to count; Commerce7 publishes no number. */
export const MAX_TITLE_WORDS = 4;
/** Words the title must not contain (case-insensitive, whole words). */
export const FORBIDDEN_TITLE_WORDS = ['App', 'Commerce7'] as const;
/** The brand is always "Commerce7": these spellings are wrong. */
export const WRONG_BRAND_SPELLINGS = [/\bCommerce 7\b/i, /\bC7\b/, /\bcommerce-7\b/i] as const;
export const BRAND_NAME = 'Commerce7';

/** Where Commerce7 publishes its rules (platform.md names these sites; cite the topic, not a guessed deep link). */
export const DOC_SITES = {
  guides: 'https://developer.commerce7.com',
  adcDocs: 'https://dev-center-docs.commerce7.com',
  apiDocs: 'https://api-docs.commerce7.com',
  helpCentre: 'https://documentation.commerce7.com',
  devCenter: 'https://dev-center.platform.commerce7.com/',
} as const;

/** Title rules shared by the prompt, the schema hints and the checklist. Returns problems, empty when fine. */
export function titleProblems(title: string): string[] {
  const problems: string[] = [];
  const words = title.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return ['the title is empty'];
  if (words.length > MAX_TITLE_WORDS) problems.push(`use a couple of words, not a sentence (${words.length} words; we suggest at most ${MAX_TITLE_WORDS})`);
  for (const w of FORBIDDEN_TITLE_WORDS) {
    if (new RegExp(`\\b${w}\\b`, 'i').test(title)) problems.push(`leave out "${w}": Commerce7 rejects titles that contain it`);
  }
  if (/\bCommerce\s*7\b|\bC7\b/i.test(title) && !/\bCommerce7\b/i.test(title)) problems.push('leave out the Commerce7 brand');
  return problems;
}

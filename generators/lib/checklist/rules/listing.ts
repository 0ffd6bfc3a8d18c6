// The App Store listing (Create Listing; platform.md §6).
import {
  BRAND_NAME, LISTING_FIELDS, MIN_DESCRIBED_FEATURES, MIN_SCREENSHOTS, titleProblems, WRONG_BRAND_SPELLINGS,
} from '../../catalog/index.js';
import type { Manifest } from '../../manifest/types.js';
import { normalizeRelPath } from '../project.js';
import { ADVICE, commerce7, EMAIL, fail, isBlank, isHttpUrl, list, pass, plural, quote, type Rule } from '../rule.js';

const L = LISTING_FIELDS;

/** A line of the description that lists a feature: "- …", "* …", "• …", "1. …", "1) …". */
const FEATURE_LINE = /^\s*(?:[-*+\u2022]|\d+[.)])\s+\S/;
export function countFeatures(description: string | undefined): number {
  return (description ?? '').split(/\r?\n/).filter((l) => FEATURE_LINE.test(l)).length;
}

/**
 * Placeholder text (our rule): TODO/FIXME/TBD, lorem ipsum, the example domains (example.com/.org/.net) and the
 * reserved top-level domains .test, .example, .invalid and .localhost in an email or URL: such an address can never
 * be real, so a listing that shows one is not ready. (The bundled examples use .test on purpose, and fail this item.)
 */
export const PLACEHOLDER_PATTERNS: ReadonlyArray<{ re: RegExp; what: string }> = [
  { re: /\b(TODO|FIXME|TBD)\b/, what: 'a to-do marker' },
  { re: /\blorem\b|\bipsum\b/i, what: 'lorem ipsum' },
  { re: /\bexample\.(com|org|net)\b/i, what: 'an example domain' },
  { re: /@[a-z0-9.-]+\.(test|example|invalid|localhost)\b/i, what: 'an email at a reserved domain' },
  { re: /\b[a-z][a-z0-9+.-]*:\/\/(?:[^\s/?#@]*@)?[a-z0-9.-]+\.(test|example|invalid|localhost)(?=[:/?#\s]|$)/i, what: 'a URL at a reserved domain' },
];

/** Every string in the manifest, with its JSON pointer; `$schema` and your own `x-` fields are left out. */
function strings(node: unknown, pointer = ''): Array<{ pointer: string; value: string }> {
  if (typeof node === 'string') return [{ pointer, value: node }];
  if (Array.isArray(node)) return node.flatMap((v, i) => strings(v, `${pointer}/${i}`));
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => (k === '$schema' || k.startsWith('x-') ? [] : strings(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`)));
  }
  return [];
}

/** The listing's words a client reads, with their fields: the brand must be spelled right in each. */
function listingTexts(m: Manifest): Array<{ field: string; text: string }> {
  const l = m.listing ?? ({} as Manifest['listing']);
  const out = [
    { field: 'app.title', text: m.app?.title }, { field: 'listing.title', text: l.title }, { field: 'listing.summary', text: l.summary },
    { field: 'listing.description', text: l.description }, { field: 'listing.category', text: l.category },
    { field: 'listing.installSteps', text: l.installSteps },
    ...list(l.screenshots).map((s, i) => ({ field: `listing.screenshots[${i}].caption`, text: s.caption })),
  ];
  return out.filter((t): t is { field: string; text: string } => typeof t.text === 'string');
}

export const listingRules: Rule[] = [
  {
    id: 'listing.title', section: 'listing', kind: 'auto', source: commerce7('listing'),
    title: `The ${L.title.label} is a couple of words, without "App" or "${BRAND_NAME}"`,
    check: ({ manifest: m }) => {
      const problems = titleProblems(m.listing?.title ?? '');
      return problems.length ? fail(`${quote(m.listing?.title ?? '')}: ${problems.join('; ')}`, `rewrite listing.title: ${L.title.description}`) : pass();
    },
  },
  {
    id: 'listing.summary', section: 'listing', kind: 'auto', source: commerce7('listing'),
    title: `The ${L.summary.label} is written`,
    check: ({ manifest: m }) => (isBlank(m.listing?.summary) ? fail('listing.summary is empty', `write listing.summary: ${L.summary.description}`) : pass()),
  },
  {
    id: 'listing.description', section: 'listing', kind: 'auto', source: commerce7('listing'),
    title: `The ${L.description.label} lists at least ${MIN_DESCRIBED_FEATURES} key features`,
    check: ({ manifest: m }) => {
      if (isBlank(m.listing?.description)) return fail('listing.description is empty', `write listing.description: what the app does, then at least ${MIN_DESCRIBED_FEATURES} key features, one per line starting with "- "`);
      const n = countFeatures(m.listing.description);
      if (n < MIN_DESCRIBED_FEATURES) return fail(`listing.description lists ${plural(n, 'feature')} (counted as lines starting with "- ", "* " or "1. ")`, `list at least ${MIN_DESCRIBED_FEATURES} key features, one per line starting with "- "`);
      return pass(`${plural(n, 'feature')} listed`);
    },
  },
  {
    id: 'listing.category', section: 'listing', kind: 'auto', source: commerce7('listing'),
    title: `The category (${L.category.label}) is chosen`,
    check: ({ manifest: m }) => (isBlank(m.listing?.category) ? fail('listing.category is empty', `set listing.category: ${L.category.description}`) : pass()),
  },
  {
    id: 'listing.website', section: 'listing', kind: 'auto', source: commerce7('listing'),
    title: `The ${L.websiteUrl.label} is set`,
    check: ({ manifest: m }) => {
      const url = m.listing?.websiteUrl;
      if (isBlank(url)) return fail('listing.websiteUrl is empty', 'set listing.websiteUrl: your app\u2019s web page');
      return isHttpUrl(url) ? pass() : fail(`${quote(url!)} is not a web address`, 'write the full address, starting with https://');
    },
  },
  {
    id: 'listing.support-email', section: 'listing', kind: 'auto', source: commerce7('listing'),
    title: `The ${L.supportEmail.label} is a valid address`,
    check: ({ manifest: m }) => {
      const email = m.listing?.supportEmail ?? '';
      return EMAIL.test(email) ? pass() : fail(email ? `${quote(email)} is not an email address` : 'listing.supportEmail is empty', `set listing.supportEmail. ${L.supportEmail.description}`);
    },
  },
  {
    id: 'listing.install-steps', section: 'listing', kind: 'auto', source: commerce7('listing'),
    title: `${L.installSteps.label} are written when installing asks the client for settings`,
    check: ({ manifest: m }) => {
      const n = list(m.clientSettings).length;
      if (n === 0) return pass('no client settings: install steps are optional');
      return isBlank(m.listing?.installSteps)
        ? fail(`${plural(n, 'client setting')} to fill in at install, but no listing.installSteps`, 'write listing.installSteps: where the client finds each value, step by step')
        : pass();
    },
  },
  {
    id: 'listing.logo', section: 'listing', kind: 'auto', source: commerce7('listing'),
    title: `The ${L.logo.label} exists in the project`,
    check: ({ manifest: m, project }) => {
      const logo = m.listing?.logo;
      if (isBlank(logo)) return fail('listing.logo is not set', `set listing.logo to an image in the project: ${L.logo.description}`);
      const missing = [['listing.logo', logo], ['listing.darkModeLogo', m.listing.darkModeLogo]]
        .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '' && !project.exists(normalizeRelPath(e[1])));
      if (missing.length) return fail(`${missing.map(([f, p]) => `${f} ${p}`).join(', ')}: no such file`, 'add the image at that path (relative to c7-app.json), or fix the path');
      return pass();
    },
  },
  {
    id: 'listing.screenshots', section: 'listing', kind: 'auto', source: commerce7('listing'),
    title: `At least ${MIN_SCREENSHOTS} ${L.screenshots.label.toLowerCase()}, each in the project`,
    check: ({ manifest: m, project }) => {
      const shots = list(m.listing?.screenshots);
      const missing = shots.filter((s) => typeof s.file !== 'string' || !project.exists(normalizeRelPath(s.file)));
      const present = shots.length - missing.length;
      if (present >= MIN_SCREENSHOTS && missing.length === 0) return pass();
      const reasons: string[] = [];
      if (shots.length < MIN_SCREENSHOTS) reasons.push(`${plural(shots.length, 'screenshot')} listed; Commerce7 asks for at least ${MIN_SCREENSHOTS}`);
      if (missing.length) reasons.push(`${plural(missing.length, 'file')} missing`);
      return fail(reasons.join('; '), `list at least ${MIN_SCREENSHOTS} images in listing.screenshots, each a file in the project (paths relative to c7-app.json)`, missing.map((s) => `${s.file}: no such file`));
    },
  },
  {
    id: 'listing.brand', section: 'listing', kind: 'auto', source: commerce7('brand'),
    title: `The brand is written "${BRAND_NAME}", never "Commerce 7" or "C7"`,
    check: ({ manifest: m }) => {
      const wrong = listingTexts(m).flatMap(({ field, text }) => {
        const hits = WRONG_BRAND_SPELLINGS.map((re) => re.exec(text)?.[0]).filter((h): h is string => h !== undefined);
        return hits.length ? [`${field}: ${hits.map(quote).join(', ')}`] : [];
      });
      return wrong.length ? fail(`${plural(wrong.length, 'field')} spell${wrong.length === 1 ? 's' : ''} the brand wrong`, `write "${BRAND_NAME}", one word, in everything clients read`, wrong) : pass();
    },
  },
  {
    id: 'listing.placeholders', section: 'listing', kind: 'auto', source: ADVICE,
    title: 'No placeholder text (TODO, lorem ipsum, example or reserved domains) in the listing or anywhere in c7-app.json',
    check: ({ manifest: m }) => {
      const hits = strings(m).flatMap(({ pointer, value }) => {
        const found = PLACEHOLDER_PATTERNS.map((p) => ({ p, hit: p.re.exec(value)?.[0] })).filter((x) => x.hit !== undefined);
        return found.length ? [`${pointer}: ${found.map((x) => `${x.p.what} (${quote(x.hit!)})`).join(', ')}`] : [];
      });
      return hits.length
        ? fail(`${plural(hits.length, 'field')} still hold${hits.length === 1 ? 's' : ''} placeholder text`, 'replace each with the real text, address or domain before you submit', hits)
        : pass();
    },
  },
  {
    id: 'listing.wording', section: 'listing', kind: 'person', source: commerce7('appReview'),
    title: 'The listing says clearly what the app does, without spelling or grammar errors, and promotes no other company or app',
    lookAt: ({ manifest: m }) => `the title, summary, description, screenshots and captions as a client reads them${m.app?.companyName ? `; the title usually leaves out the company name ("${m.app.companyName}")` : ''}. ${BRAND_NAME} must approve marketing material that uses its brand.`,
  },
];

// Every question `yo c7-app` can ask, as data, in the App Development Center's order. Each says where its answer
// lives in the manifest (the --answers key), which CLI flag supplies it, how to check it and when it applies.
import {
  ACCESS_DESCRIPTIONS, APP_DASHBOARD_PATTERN, APP_TYPES, canonicalPermission, CLIENT_SETTING_DATA_TYPES, DATA_TYPES_WITH_OPTIONS,
  EXTENSION_FIELDS, EXTENSION_TYPES, extensionType, LISTING_FIELDS, MIN_SCREENSHOTS, PERMISSIONS, PRICING_MODELS,
  slugify, TENANT_ID_HELP, WEBHOOK_ACTION_NAMES, WEBHOOK_OBJECTS, canonicalWebhookObject, CONTEXT_MENU_FORMATS, MIN_DESCRIBED_FEATURES, webhookActionsOf,
  type Access, type ClientSettingDataType, type ExtensionTypeName, type PermissionName,
} from '../catalog/index.js';
import type { ClientSetting, Extension, Permission, Webhook } from '../manifest/types.js';
import { didYouMean } from '../manifest/validate.js';
import { getAt, type Draft } from './draft.js';
import * as v from './validators.js';

export type Section = 'App' | 'API access' | 'Webhooks' | 'Client settings' | 'Extensions' | 'Installation' | 'Pricing' | 'App Store listing';

export interface Choice { name: string; value: unknown; checked?: boolean; description?: string }
export interface PromptSpec {
  /** Stable id of this prompt (scripted answers and tests use it), e.g. "permissions:Order:access". */
  name: string;
  type: 'input' | 'select' | 'checkbox' | 'confirm';
  message: string;
  choices?: Choice[];
  default?: unknown;
  validate?: (value: never) => v.Check;
}
/** Asks one thing (the Yeoman generator supplies it; tests supply scripted answers). */
export type Asker = (spec: PromptSpec) => Promise<unknown>;

export interface Flag {
  /** The CLI flag without dashes: `--title`. */
  name: string;
  kind: 'string' | 'boolean';
  /** Turns the flag's text into the manifest value; throws an Error whose message says how to fix it. */
  parse?: (raw: string) => unknown;
}

export interface Question {
  name: string;
  section: Section;
  /** Where the answer lives in c7-app.json (and in an --answers file). */
  pointer: string;
  prompt: string;
  help?: string;
  flag?: Flag;
  when?: (d: Draft) => boolean;
  /** A sensible default; undefined means the question must be answered. */
  default?: (d: Draft) => unknown;
  validate?: (value: never, d: Draft) => v.Check;
  /** How to ask: one prompt (from `type`/`choices`) or a routine of several. */
  type?: PromptSpec['type'];
  choices?: (d: Draft) => Choice[];
  /** Turns a prompt answer into the manifest value. */
  toValue?: (answer: unknown, d: Draft) => unknown;
  ask?: (ask: Asker, d: Draft, current: unknown) => Promise<unknown>;
  /** Applied after the answer is set (keeps related fields in step). */
  after?: (d: Draft) => void;
}

const str = (d: Draft, p: string) => {
  const x = getAt(d, p);
  return typeof x === 'string' ? x : undefined;
};
const isType = (d: Draft, t: string) => getAt(d, '/app/type') === t;
const clientSettings = (d: Draft) => (getAt(d, '/clientSettings') as ClientSetting[] | undefined) ?? [];
const listText = (x: unknown) => (Array.isArray(x) ? x.join(', ') : '');
const camelCode = (title: string) => slugify(title).replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase()).replace(/^[^a-z]+/, '') || 'setting';

/** "Order:read,Customer:full" -> permissions. Old names are accepted and written as current ones. */
export function parsePermissionsFlag(raw: string): Permission[] {
  const out: Permission[] = [];
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const colon = part.lastIndexOf(':');
    const rawName = (colon < 0 ? part : part.slice(0, colon)).trim();
    const rawAccess = colon < 0 ? undefined : part.slice(colon + 1).trim();
    const name = permissionNamed(rawName);
    if (!name) throw new Error(unknownEndpoint(rawName));
    if (rawAccess === undefined) throw new Error(`"${part}" needs an access: "${name}:read" or "${name}:full"`);
    const access = rawAccess.toLowerCase();
    if (access !== 'read' && access !== 'full') {
      throw new Error(`"${part}": the access is read or full, not "${rawAccess}" (write "${name}:full" to create, update or delete, "${name}:read" to read)`);
    }
    if (out.some((p) => p.endpoint === name)) throw new Error(`"${name}" is listed twice`);
    out.push({ endpoint: name, access });
  }
  return out;
}

/** An endpoint as the App Development Center names it, an old spelling, or the same in another case. */
export function permissionNamed(value: string): PermissionName | undefined {
  return canonicalPermission(value) ?? PERMISSIONS.find((p) => p.name.toLowerCase() === value.toLowerCase())?.name;
}

/** The error for a name that is no endpoint: a did-you-mean when it is a near miss, else the list. */
export function unknownEndpoint(value: string): string {
  const hint = didYouMean(value, PERMISSIONS.map((p) => p.name));
  return `"${value}" is not an endpoint of the App Development Center: ${hint ?? `endpoints are ${PERMISSIONS.map((p) => p.name).join(', ')}`}`;
}

/** "Order:Create,Customer:Bulk Update" -> webhooks (delivered to the default webhook path). */
export function parseWebhooksFlag(raw: string): Webhook[] {
  const out: Webhook[] = [];
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [o, a] = part.split(':').map((s) => s.trim());
    const object = o ? canonicalWebhookObject(o) : undefined;
    const action = WEBHOOK_ACTION_NAMES.find((n) => n.toLowerCase() === (a ?? '').toLowerCase());
    if (!object || !action) throw new Error(`"${part}" is not OBJECT:ACTION (objects: ${WEBHOOK_OBJECTS.join(', ')}; actions: ${WEBHOOK_ACTION_NAMES.join(', ')})`);
    if (!webhookActionsOf(object).includes(action)) throw new Error(`"${part}": ${object} has no "${action}" webhook (its actions: ${webhookActionsOf(object).join(', ')})`);
    out.push({ object, action, url: DEFAULT_WEBHOOK_PATH });
  }
  return out;
}

export const DEFAULT_WEBHOOK_PATH = '/webhooks/commerce7';
export const DEFAULT_INSTALL_PATH = '/commerce7/install';
export const DEFAULT_UNINSTALL_PATH = '/commerce7/uninstall';
export const DEFAULT_BASIC_AUTH_USER = 'commerce7';

const tenantFlag = (name: string, allowEmpty: boolean): Flag => ({
  name, kind: 'string',
  parse: (raw) => {
    const list = v.tenantList(raw);
    const ok = v.tenantIds(list, { allowEmpty });
    if (ok !== true) throw new Error(ok);
    return list;
  },
});
const stringFlag = (name: string, check?: (s: string) => v.Check): Flag => ({
  name, kind: 'string',
  parse: (raw) => {
    const ok = check ? check(raw) : true;
    if (ok !== true) throw new Error(ok);
    return raw;
  },
});

export async function askPermissions(ask: Asker, _d: Draft, current: unknown): Promise<Permission[]> {
  const now = (Array.isArray(current) ? current : []) as Permission[];
  const chosen = (await ask({
    name: 'permissions',
    type: 'checkbox',
    message: 'API access: which endpoints does the app use? (request only what it uses; clients see this list at install)',
    choices: PERMISSIONS.map((p) => ({ name: `${p.name.padEnd(21)} ${p.description}`, value: p.name, checked: now.some((c) => c.endpoint === p.name) })),
  })) as string[] | undefined ?? [];
  const out: Permission[] = [];
  for (const endpoint of chosen) {
    const before = now.find((c) => c.endpoint === endpoint);
    const access = (await ask({
      name: `permissions:${endpoint}:access`,
      type: 'select',
      message: `${endpoint}: read or full access?`,
      choices: (['read', 'full'] as const).map((a) => ({ name: ACCESS_DESCRIPTIONS[a], value: a })),
      default: before?.access ?? 'read',
    })) as Access;
    const full = access === 'full';
    const reason = String(await ask({
      name: `permissions:${endpoint}:reason`,
      type: 'input',
      message: full
        ? `${endpoint} full: what does the app write, and why? (kept in c7-app.json and PERMISSIONS.md)`
        : `${endpoint} read: why does the app read it? (optional, shown in PERMISSIONS.md)`,
      default: before?.reason,
      validate: ((value: string) => !full || value.trim() !== '' || 'a full access needs a reason: reviewers and installing clients read it') as never,
    }) ?? '').trim();
    out.push(reason ? { endpoint: endpoint as Permission['endpoint'], access, reason } : { endpoint: endpoint as Permission['endpoint'], access });
  }
  return out;
}

async function askWebhooks(ask: Asker, _d: Draft, current: unknown): Promise<Webhook[]> {
  const now = (Array.isArray(current) ? current : []) as Webhook[];
  const objects = (await ask({
    name: 'webhooks',
    type: 'checkbox',
    message: 'Webhooks: which objects should Commerce7 tell the app about? (none is fine)',
    choices: WEBHOOK_OBJECTS.map((o) => ({ name: o, value: o, checked: now.some((w) => w.object === o) })),
  })) as string[] | undefined ?? [];
  if (objects.length === 0) return [];
  const url = String(await ask({
    name: 'webhooks:url', type: 'input', message: 'Webhook path or URL (Commerce7 POSTs each event here)', default: now[0]?.url ?? DEFAULT_WEBHOOK_PATH,
    validate: v.calledUrl as never,
  }));
  const out: Webhook[] = [];
  for (const object of objects) {
    const actions = (await ask({
      name: `webhooks:${object}:actions`,
      type: 'checkbox',
      message: `${object}: which actions?`,
      choices: webhookActionsOf(object as Webhook['object']).map((a) => ({ name: a, value: a, checked: now.some((w) => w.object === object && w.action === a) || (now.length === 0 && (a === 'Create' || a === 'Update')) })),
      validate: ((value: string[]) => value.length > 0 || 'choose at least one action') as never,
    })) as string[] | undefined ?? [];
    for (const action of actions) out.push({ object: object as Webhook['object'], action: action as Webhook['action'], url });
  }
  return out;
}

/**
 * The listing description as an opening paragraph and its key features one by one ("- " lines, as the checklist
 * counts them): a one-line input cannot hold a list. A feature still reading "TODO" is not offered as an answer.
 */
async function askDescription(ask: Asker, d: Draft, current: unknown): Promise<string> {
  const text = typeof current === 'string' ? current : '';
  const lines = text.split('\n');
  const isFeature = (l: string) => /^\s*[-*]\s+/.test(l);
  const introNow = lines.filter((l) => !isFeature(l)).join('\n').trim();
  const featuresNow = lines.filter(isFeature).map((l) => l.replace(/^\s*[-*]\s+/, '').trim()).filter((f) => !/^TODO\b/i.test(f));
  const intro = String(await ask({
    name: 'description', type: 'input', message: 'Description: a sentence or two on what the app does (the key features come next)',
    default: introNow || str(d, '/listing/summary') || undefined, validate: v.required('the description') as never,
  }) ?? '').trim();
  const features: string[] = [];
  for (let i = 1; ; i++) {
    const needed = i <= MIN_DESCRIBED_FEATURES;
    const feature = String(await ask({
      name: `description:feature:${i}`, type: 'input',
      message: `Key feature ${i}${needed ? ` (at least ${MIN_DESCRIBED_FEATURES})` : ' (Enter when done)'}`,
      default: featuresNow[i - 1],
      validate: ((value: string) => !needed || value.trim() !== '' || `the App Store listing lists at least ${MIN_DESCRIBED_FEATURES} key features`) as never,
    }) ?? '').trim();
    if (!feature) break;
    features.push(feature.replace(/[\r\n]+/g, ' '));
  }
  return `${intro}\n\n${features.map((f) => `- ${f}`).join('\n')}`;
}

async function askClientSettings(ask: Asker, _d: Draft, current: unknown): Promise<ClientSetting[]> {
  const out: ClientSetting[] = [...((Array.isArray(current) ? current : []) as ClientSetting[])];
  for (;;) {
    const n = out.length;
    const more = await ask({ name: `clientSettings:add:${n}`, type: 'confirm', message: out.length ? `Add another client setting? (${out.length} so far)` : 'Add a client setting (a field the client fills in at install)?', default: false });
    if (!more) return out;
    const title = String(await ask({ name: `clientSettings:${n}:title`, type: 'input', message: 'Setting title (shown to the client)', validate: v.required('a title') as never })).trim();
    const code = String(await ask({ name: `clientSettings:${n}:code`, type: 'input', message: 'Code (its key in the install body; cannot change later)', default: camelCode(title), validate: ((c: string) => v.settingCode(c, out.map((s) => s.code))) as never })).trim();
    const dataType = (await ask({ name: `clientSettings:${n}:dataType`, type: 'select', message: 'Data type', choices: CLIENT_SETTING_DATA_TYPES.map((t) => ({ name: `${t.name} \u2014 ${t.description}`, value: t.name })), default: 'String' })) as ClientSettingDataType;
    const required = (await ask({ name: `clientSettings:${n}:required`, type: 'confirm', message: 'Required to install?', default: false })) as boolean;
    const setting: ClientSetting = { title, code, dataType, required };
    if (DATA_TYPES_WITH_OPTIONS.includes(dataType)) {
      const options = String(await ask({ name: `clientSettings:${n}:options`, type: 'input', message: 'Options, comma-separated', validate: ((s: string) => s.split(',').some((x) => x.trim()) || 'list at least one option') as never }));
      setting.options = [...new Set(options.split(',').map((x) => x.trim()).filter(Boolean))];
    }
    out.push(setting);
  }
}

async function askExtensions(ask: Asker, _d: Draft, current: unknown): Promise<Extension[]> {
  const out: Extension[] = [...((Array.isArray(current) ? current : []) as Extension[])];
  for (;;) {
    const n = out.length;
    const more = await ask({ name: `extensions:add:${n}`, type: 'confirm', message: out.length ? `Add another extension? (${out.length} so far)` : 'Add an extension (a page, menu entry, tab, report or card inside Commerce7)?', default: out.length === 0 });
    if (!more) return out;
    const type = (await ask({ name: `extensions:${n}:type`, type: 'select', message: 'Extension type', choices: EXTENSION_TYPES.map((e) => ({ name: `${e.type} \u2014 ${e.description}`, value: e.type })) })) as ExtensionTypeName;
    const info = extensionType(type);
    const location = String(await ask({ name: `extensions:${n}:location`, type: 'select', message: `Where does the ${type} appear?`, choices: info.locations.map((l) => ({ name: l, value: l })) }));
    const ext: Extension = { type, location };
    const fields = [...info.required, ...info.optional] as Array<keyof typeof EXTENSION_FIELDS>;
    let name = '';
    for (const field of fields) {
      if (field === 'format') {
        ext.format = (await ask({ name: `extensions:${n}:format`, type: 'select', message: EXTENSION_FIELDS.format, choices: CONTEXT_MENU_FORMATS.map((f) => ({ name: f, value: f })) })) as Extension['format'];
      } else if (field === 'iframeHeight') {
        const h = String(await ask({ name: `extensions:${n}:iframeHeight`, type: 'input', message: `${EXTENSION_FIELDS.iframeHeight} (Enter to skip)`, default: '', validate: ((s: string) => s.trim() === '' || /^[1-9]\d*$/.test(s.trim()) || 'a whole number of pixels') as never })).trim();
        if (h) ext.iframeHeight = Number(h);
      } else if (field === 'iframeUrl' || field === 'url') {
        const slug = slugify(name || `${type} ${location}`) || 'extension';
        ext[field] = String(await ask({ name: `extensions:${n}:${field}`, type: 'input', message: EXTENSION_FIELDS[field], default: `/extensions/${slug}`, validate: v.calledUrl as never })).trim();
      } else {
        const value = String(await ask({ name: `extensions:${n}:${field}`, type: 'input', message: EXTENSION_FIELDS[field], default: field === 'icon' ? 'apps' : undefined, validate: v.required(field) as never })).trim();
        ext[field] = value;
        if (field === 'title' || field === 'label') name = value;
      }
    }
    out.push(ext);
  }
}

export const QUESTIONS: Question[] = [
  // 1. App
  { name: 'title', section: 'App', pointer: '/app/title', prompt: 'App title (unique in the App Development Center, a couple of words)', flag: stringFlag('title', v.required('the title')), type: 'input', validate: v.required('the title') as never },
  { name: 'id', section: 'App', pointer: '/app/id', prompt: `App ID (a lowercase slug; your dashboard will be ${APP_DASHBOARD_PATTERN})`, flag: stringFlag('id', v.appId), type: 'input', default: (d) => (str(d, '/app/title') ? slugify(str(d, '/app/title')!) || undefined : undefined), validate: v.appId as never },
  {
    name: 'type', section: 'App', pointer: '/app/type', prompt: 'App type (cannot change later)', type: 'select',
    help: APP_TYPES.map((t) => `${t.id}: ${t.description}`).join(' '),
    flag: { name: 'type', kind: 'string', parse: (raw) => {
      const t = APP_TYPES.find((x) => x.id === raw.trim().toLowerCase() || x.label.toLowerCase() === raw.trim().toLowerCase());
      if (!t) throw new Error(`"${raw}" is not an app type: use ${APP_TYPES.map((x) => x.id).join(', ')}`);
      return t.id;
    } },
    choices: () => APP_TYPES.map((t) => ({ name: `${t.label} \u2014 ${t.description}`, value: t.id })),
  },
  {
    name: 'allowedTenants', section: 'App', pointer: '/app/allowedTenants', when: (d) => isType(d, 'private'),
    prompt: 'Allowed clients: tenant IDs, comma- or space-separated', help: TENANT_ID_HELP, flag: tenantFlag('allowed-tenants', false), type: 'input',
    toValue: (a) => v.tenantList(String(a)), validate: ((s: string) => v.tenantIds(v.tenantList(s), { allowEmpty: false })) as never,
  },
  { name: 'companyName', section: 'App', pointer: '/app/companyName', prompt: 'Company name (shown to clients)', flag: stringFlag('company', v.required('the company name')), type: 'input', validate: v.required('the company name') as never },
  { name: 'contactEmail', section: 'App', pointer: '/app/contactEmail', prompt: 'Contact email (Commerce7 writes here, e.g. about failing webhooks)', flag: stringFlag('contact-email', v.email), type: 'input', validate: v.email as never },
  {
    name: 'testTenants', section: 'App', pointer: '/app/testTenants', prompt: 'Test tenants: tenant IDs that may install the unpublished version (Enter for none)',
    help: TENANT_ID_HELP, flag: tenantFlag('test-tenants', true), type: 'input', default: () => [],
    toValue: (a) => v.tenantList(String(a)), validate: ((s: string) => v.tenantIds(v.tenantList(s), { allowEmpty: true })) as never,
  },
  { name: 'replacesDataRole', section: 'App', pointer: '/app/replacesDataRole', prompt: 'Does this app replace an integration that used a Data-role account (email + password)?', flag: { name: 'replaces-data-role', kind: 'boolean' }, type: 'confirm', default: () => false },
  // 2. API access
  { name: 'permissions', section: 'API access', pointer: '/permissions', prompt: 'API access: endpoints and read/full access', help: 'e.g. --permissions "Order:read,Customer:full"', flag: { name: 'permissions', kind: 'string', parse: parsePermissionsFlag }, ask: askPermissions },
  // 3. Webhooks, client settings, extensions
  { name: 'webhooks', section: 'Webhooks', pointer: '/webhooks', prompt: 'Webhooks', help: 'e.g. --webhooks "Order:Create,Customer:Bulk Update"', flag: { name: 'webhooks', kind: 'string', parse: parseWebhooksFlag }, default: () => [], ask: askWebhooks },
  { name: 'clientSettings', section: 'Client settings', pointer: '/clientSettings', prompt: 'Client settings', help: 'list them under "clientSettings" in an --answers file', default: () => [], ask: askClientSettings },
  { name: 'extensions', section: 'Extensions', pointer: '/extensions', prompt: 'Extensions (Full Application)', help: 'list them under "extensions" in an --answers file', when: (d) => isType(d, 'full-application'), default: () => [], ask: askExtensions },
  // 4. Installation and pricing
  { name: 'baseUrl', section: 'Installation', pointer: '/installation/baseUrl', prompt: 'Your app\u2019s public base URL (https; http://localhost:3000 for development)', flag: stringFlag('base-url', v.baseUrl), type: 'input', validate: v.baseUrl as never },
  { name: 'installUrl', section: 'Installation', pointer: '/installation/installUrl', prompt: 'Install path (Commerce7 POSTs here when a client installs)', flag: stringFlag('install-path', v.calledUrl), type: 'input', default: () => DEFAULT_INSTALL_PATH, validate: v.calledUrl as never },
  { name: 'uninstallUrl', section: 'Installation', pointer: '/installation/uninstallUrl', prompt: 'Uninstall path', flag: stringFlag('uninstall-path', v.calledUrl), type: 'input', default: () => DEFAULT_UNINSTALL_PATH, validate: v.calledUrl as never },
  {
    name: 'basicAuth', section: 'Installation', pointer: '/installation/basicAuth', prompt: 'Should Commerce7 send Basic auth to your install, uninstall and webhook URLs? (recommended: webhooks carry no signature)',
    help: 'the password goes in .env as C7_BASIC_AUTH_PASSWORD, never in c7-app.json', flag: { name: 'basic-auth', kind: 'boolean' }, type: 'confirm',
    default: () => ({ username: DEFAULT_BASIC_AUTH_USER }),
    toValue: (a) => (a === true ? { username: DEFAULT_BASIC_AUTH_USER } : a === false ? null : a),
    after: (d) => {
      // Webhooks send the same credentials: keep them in step with the answer.
      const on = Boolean(getAt(d, '/installation/basicAuth'));
      for (const w of (getAt(d, '/webhooks') as Webhook[] | undefined) ?? []) if (w.basicAuth === undefined && on) w.basicAuth = true;
    },
  },
  {
    name: 'pricing', section: 'Pricing', pointer: '/pricing/model', prompt: 'Pricing model', type: 'select', default: () => 'Custom pricing',
    flag: { name: 'pricing', kind: 'string', parse: (raw) => {
      const m = PRICING_MODELS.find((p) => p.name.toLowerCase() === raw.toLowerCase() || p.name.toLowerCase().startsWith(raw.toLowerCase()));
      if (!m) throw new Error(`"${raw}" is not a pricing model: use ${PRICING_MODELS.map((p) => `"${p.name}"`).join(' or ')}`);
      return m.name;
    } },
    choices: () => PRICING_MODELS.map((p) => ({ name: `${p.name} \u2014 ${p.description}`, value: p.name })),
    after: (d) => {
      const pricing = getAt(d, '/pricing') as { model?: string; plans?: unknown[] } | undefined;
      if (pricing?.model === 'Flat monthly price' && !pricing.plans) pricing.plans = [{ name: 'Standard', price: 0, currency: 'USD' }];
    },
  },
  // 5. App Store listing
  { name: 'listingTitle', section: 'App Store listing', pointer: '/listing/title', prompt: 'Listing title (a couple of words; no "App", no "Commerce7")', flag: stringFlag('listing-title', v.listingTitle), type: 'input', default: (d) => (str(d, '/app/title') && v.listingTitle(str(d, '/app/title')!) === true ? str(d, '/app/title') : undefined), validate: v.listingTitle as never },
  { name: 'summary', section: 'App Store listing', pointer: '/listing/summary', prompt: 'Summary (a short teaser)', flag: stringFlag('summary', v.required('the summary')), type: 'input', validate: v.required('the summary') as never },
  {
    name: 'description', section: 'App Store listing', pointer: '/listing/description', prompt: `Description (${LISTING_FIELDS.description.description})`, flag: stringFlag('description'), type: 'input',
    ask: askDescription,
    default: (d) => `${str(d, '/listing/summary') ?? str(d, '/app/title') ?? ''}\n\n- TODO: first key feature\n- TODO: second key feature\n- TODO: third key feature`,
  },
  { name: 'category', section: 'App Store listing', pointer: '/listing/category', prompt: 'Category (the App Store "Type"; Enter to decide later)', flag: stringFlag('category'), type: 'input', default: () => '' },
  { name: 'websiteUrl', section: 'App Store listing', pointer: '/listing/websiteUrl', prompt: 'Website URL (Enter to decide later)', flag: stringFlag('website', v.optionalUrl), type: 'input', default: () => '', validate: v.optionalUrl as never },
  { name: 'supportEmail', section: 'App Store listing', pointer: '/listing/supportEmail', prompt: 'Support email (required: Commerce7 does not support third-party apps)', flag: stringFlag('support-email', v.email), type: 'input', default: (d) => str(d, '/app/contactEmail'), validate: v.email as never },
  {
    name: 'installSteps', section: 'App Store listing', pointer: '/listing/installSteps', when: (d) => clientSettings(d).length > 0,
    prompt: 'Install steps (strongly recommended when the client fills in settings)', type: 'input',
    default: (d) => [
      // A Private app is not in the public App Store: only the allowed clients see it.
      `1. Install ${str(d, '/listing/title') ?? str(d, '/app/title') ?? 'the app'} ${isType(d, 'private') ? 'from the apps offered to your account (it is private: only the clients it names can see it)' : 'from the Commerce7 App Store'}.`,
      `2. Fill in: ${clientSettings(d).map((s) => s.title).join(', ')}.`,
    ].join('\n'),
  },
  { name: 'logo', section: 'App Store listing', pointer: '/listing/logo', prompt: 'Logo: path of the image in the project (missing files are reported by the checklist)', flag: stringFlag('logo'), type: 'input', default: () => 'listing/logo.png' },
  {
    name: 'screenshots', section: 'App Store listing', pointer: '/listing/screenshots', prompt: `Screenshots: at least ${MIN_SCREENSHOTS} image paths, comma-separated`, type: 'input',
    default: () => Array.from({ length: MIN_SCREENSHOTS }, (_x, i) => ({ file: `listing/screenshot-${i + 1}.png` })),
    toValue: (a) => (typeof a === 'string' ? v.splitList(a.split(',').map((s) => s.trim()).join(',').replace(/\s+/g, ' ').split(',')).map((file) => ({ file })) : a),
  },
];

/** Renders a current value as the default text of an input prompt. */
export function promptDefault(q: Question, value: unknown): unknown {
  if (q.name === 'screenshots' && Array.isArray(value)) return (value as Array<{ file: string }>).map((s) => s.file).join(', ');
  if (q.name === 'basicAuth') return value !== null && value !== undefined;
  if (Array.isArray(value) && q.type === 'input') return listText(value);
  return value;
}

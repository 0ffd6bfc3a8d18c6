// Builds the JSON Schema of c7-app.json from the catalog, so the two cannot drift.
// `npm run schema` writes it to schemas/c7-app.schema.json; a test checks the committed file is current.
import {
  ACCESS_DESCRIPTIONS, ACCESS_LEVELS, APP_DASHBOARD_PATTERN, APP_ID_PATTERN, APP_TYPES, CLIENT_SETTING_CODE_PATTERN,
  CLIENT_SETTING_DATA_TYPES, CONTEXT_MENU_FORMATS, DATA_TYPES_WITH_OPTIONS, EXTENSION_FIELDS, EXTENSION_TYPES,
  LISTING_FIELDS, PERMISSIONS, PRICING_MODELS, TENANT_ID_HELP, TENANT_ID_PATTERN, VERSION_STATUSES,
  WEBHOOK_ACTIONS, WEBHOOK_OBJECTS, ENV_VARS,
} from '../catalog/index.js';

type Schema = Record<string, unknown>;

const CUSTOM_FIELDS = { '^x-': { description: 'Your own field: kept as it is by every command.' } };
const strict = (properties: Schema, required: string[], extra: Schema = {}): Schema => ({
  type: 'object', properties, required, patternProperties: CUSTOM_FIELDS, additionalProperties: false, ...extra,
});
const text = (description: string, extra: Schema = {}): Schema => ({ type: 'string', minLength: 1, description, ...extra });
const listOf = (items: string[]) => items.map((i) => `"${i}"`).join(', ');

/** URLs Commerce7 calls: an absolute https URL, or a path resolved against installation.baseUrl. */
const calledUrl = (what: string): Schema => text(
  `${what}: a path starting with "/" (joined to installation.baseUrl) or an absolute https URL. ` +
    'http://localhost is accepted with a warning, for development.',
  { pattern: '^(/|https?://)' },
);
const tenantList = (description: string): Schema => ({
  type: 'array', description, uniqueItems: true,
  items: { type: 'string', pattern: TENANT_ID_PATTERN, description: `Lowercase letters, digits and hyphens. ${TENANT_ID_HELP}` },
});

const PRIVATE_HINT = `a Private app lists the tenant IDs of the clients allowed to install it. ${TENANT_ID_HELP}`;

export function buildManifestSchema(): Schema {
  const app = strict({
    id: text(`App ID: a lowercase slug (e.g. "acme-order-sync"); your app\u2019s dashboard is ${APP_DASHBOARD_PATTERN}`, { pattern: APP_ID_PATTERN, maxLength: 50 }),
    title: text('App title in the App Development Center: unique, a couple of words'),
    type: {
      enum: APP_TYPES.map((t) => t.id),
      description: 'App type (cannot change after creation): ' + APP_TYPES.map((t) => `"${t.id}" = ${t.label}: ${t.description}`).join(' '),
    },
    companyName: text('Company Name shown to clients'),
    contactEmail: text('Contact Email: Commerce7 writes here, e.g. about failing webhooks', { format: 'email' }),
    allowedTenants: tenantList('Private apps only: tenant IDs of the clients allowed to see and install the app'),
    testTenants: tenantList('Tenant IDs allowed to install the unpublished version (you need a Partner user there; installing needs Admin Owner)'),
    replacesDataRole: { type: 'boolean', description: 'true when this app replaces an integration that used a Data-role account (adds the switch-over steps to the checklist)' },
  }, ['id', 'title', 'type', 'companyName', 'contactEmail'], {
    description: 'The app, as created in the App Development Center (Create App).',
    allOf: [{
      if: { properties: { type: { const: 'private' } }, required: ['type'] },
      then: { required: ['allowedTenants'], properties: { allowedTenants: { minItems: 1, 'x-hint': PRIVATE_HINT } }, 'x-hint': PRIVATE_HINT },
      else: { properties: { allowedTenants: { maxItems: 0, 'x-hint': 'only a Private app has allowed tenants: remove allowedTenants or set "type": "private"' } } },
    }],
  });

  const permission = strict({
    endpoint: {
      enum: PERMISSIONS.map((p) => p.name),
      description: 'API endpoint (data object) as the App Development Center names it: ' + PERMISSIONS.map((p) => `${p.name} (${p.description})`).join('; '),
    },
    access: { enum: [...ACCESS_LEVELS], description: ACCESS_LEVELS.map((a) => `"${a}" = ${ACCESS_DESCRIPTIONS[a]}`).join('; ') },
    reason: text('Why the app needs this access (kept for PERMISSIONS.md and review; a full access should say what it writes)'),
  }, ['endpoint', 'access']);

  const basicAuth = strict({
    username: text(`Basic-auth username Commerce7 sends. The password is never stored here: set ${ENV_VARS.basicAuthPassword.name} in .env`),
  }, ['username'], { description: 'Basic auth Commerce7 sends to your install, uninstall (and webhook) URLs' });

  const webhook = strict({
    object: { enum: [...WEBHOOK_OBJECTS], description: 'The object whose changes are delivered' },
    action: { enum: WEBHOOK_ACTIONS.map((a) => a.name), description: WEBHOOK_ACTIONS.map((a) => `${a.name}: ${a.description}`).join('; ') },
    url: calledUrl('Where Commerce7 POSTs the event'),
    basicAuth: { type: 'boolean', description: 'Send installation.basicAuth (Advanced > Basic auth) with this webhook' },
  }, ['object', 'action', 'url']);

  const clientSetting = strict({
    title: text('Title the client sees in the install modal'),
    code: text('Code: the key of this value in the install body; cannot be edited after creation', { pattern: CLIENT_SETTING_CODE_PATTERN }),
    dataType: { enum: CLIENT_SETTING_DATA_TYPES.map((d) => d.name), description: 'Data Type: ' + CLIENT_SETTING_DATA_TYPES.map((d) => `${d.name} (${d.description})`).join(', ') },
    required: { type: 'boolean', description: 'The client must fill it in to install' },
    options: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 }, description: `Choices, for ${listOf([...DATA_TYPES_WITH_OPTIONS])}` },
    description: text('Help text for the client'),
  }, ['title', 'code', 'dataType'], {
    allOf: [{
      if: { properties: { dataType: { enum: [...DATA_TYPES_WITH_OPTIONS] } }, required: ['dataType'] },
      then: { required: ['options'], 'x-hint': `${listOf([...DATA_TYPES_WITH_OPTIONS])} settings list their "options"` },
    }],
  });

  const extensionProps: Schema = {
    type: { enum: EXTENSION_TYPES.map((e) => e.type), description: 'Extension type: ' + EXTENSION_TYPES.map((e) => `${e.type} (${e.description})`).join('; ') },
    location: text('Where it appears; valid locations depend on the type: ' + EXTENSION_TYPES.map((e) => `${e.type}: ${e.locations.join(', ')}`).join('. ')),
    icon: text(EXTENSION_FIELDS.icon),
    title: text(EXTENSION_FIELDS.title),
    label: text(EXTENSION_FIELDS.label),
    iframeUrl: calledUrl(EXTENSION_FIELDS.iframeUrl),
    iframeHeight: { type: 'integer', minimum: 1, description: EXTENSION_FIELDS.iframeHeight },
    url: calledUrl(EXTENSION_FIELDS.url),
    format: { enum: [...CONTEXT_MENU_FORMATS], description: EXTENSION_FIELDS.format },
  };
  const extension = strict(extensionProps, ['type', 'location'], {
    allOf: EXTENSION_TYPES.map((e) => ({
      if: { properties: { type: { const: e.type } }, required: ['type'] },
      then: {
        required: [...e.required],
        properties: { location: { enum: [...e.locations] } },
        'x-hint': `a ${e.type} extension takes ${listOf([...e.required, ...e.optional])}; its locations are ${listOf([...e.locations])}`,
      },
    })),
  });

  const installation = strict({
    baseUrl: text('Your app\u2019s public base URL (https); paths elsewhere in this file are joined to it', { format: 'uri', pattern: '^https?://' }),
    installUrl: calledUrl('Install URL: Commerce7 POSTs the tenant, the installing user and the client settings here'),
    uninstallUrl: calledUrl('Uninstall URL: Commerce7 POSTs the tenant and user here'),
    basicAuth,
  }, [], { description: 'The Installation step of a version' });

  const pricing = strict({
    model: { enum: PRICING_MODELS.map((p) => p.name), description: PRICING_MODELS.map((p) => `${p.name}: ${p.description}`).join(' ') },
    plans: {
      type: 'array', minItems: 1, description: 'Flat monthly price: one price per plan level and currency',
      items: strict({
        name: text('Plan level name'),
        price: { type: 'integer', minimum: 0, description: 'Monthly price in cents (0 = free)' },
        currency: text('Currency code, e.g. USD', { pattern: '^[A-Z]{3}$' }),
      }, ['name', 'price', 'currency']),
    },
  }, ['model'], {
    description: 'Pricing Model (Installation step)',
    allOf: [{
      if: { properties: { model: { const: 'Flat monthly price' } }, required: ['model'] },
      then: { required: ['plans'], 'x-hint': 'a Flat monthly price lists its plans (price in cents; 0 = free)' },
    }],
  });

  const L = LISTING_FIELDS;
  const listing = strict({
    title: text(`${L.title.label}: ${L.title.description}`),
    summary: text(`${L.summary.label}: ${L.summary.description}`),
    description: text(`${L.description.label}: ${L.description.description}`),
    category: text(`${L.category.label}: ${L.category.description}`),
    websiteUrl: text(`${L.websiteUrl.label}: ${L.websiteUrl.description}`, { format: 'uri', pattern: '^https?://' }),
    logo: text(`${L.logo.label}: ${L.logo.description}`),
    darkModeLogo: text(`${L.darkModeLogo.label}: ${L.darkModeLogo.description}`),
    screenshots: {
      type: 'array', description: `${L.screenshots.label}: ${L.screenshots.description}`,
      items: strict({ file: text('Path of the image in the project'), caption: text('Optional caption') }, ['file']),
    },
    supportEmail: text(`${L.supportEmail.label}: ${L.supportEmail.description}`, { format: 'email' }),
    supportPhone: text(`${L.supportPhone.label}: ${L.supportPhone.description}`),
    documentationUrl: text(`${L.documentationUrl.label}: ${L.documentationUrl.description}`, { format: 'uri', pattern: '^https?://' }),
    installSteps: text(`${L.installSteps.label}: ${L.installSteps.description}`),
    requiresSubscription: { type: 'boolean', description: `${L.requiresSubscription.label}: ${L.requiresSubscription.description}` },
  }, ['title', 'summary', 'supportEmail'], { description: 'The App Store listing (Create Listing); required even for Private apps' });

  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Commerce7 app manifest (c7-app.json)',
    description: 'Everything the Commerce7 App Development Center asks for one app version, in one file. Secrets never go here: use environment variables.',
    type: 'object',
    properties: {
      $schema: { type: 'string', description: 'Path or URL of this schema, for editors' },
      manifestVersion: { const: 1, description: 'Format version of this file' },
      app,
      version: strict({
        number: text('Version number, e.g. "1.0.0"', { pattern: '^\\d+(\\.\\d+){0,2}$' }),
        status: { enum: [...VERSION_STATUSES], description: 'draft: editable; submitted: frozen while Commerce7 reviews it; published: live. A submitted or published version cannot change: add a version.' },
      }, ['number', 'status'], { description: 'The app version this file describes' }),
      permissions: { type: 'array', items: permission, description: 'API access (APIs & Webhooks step): request only what the app uses' },
      webhooks: { type: 'array', items: webhook, description: 'Webhooks (APIs & Webhooks step): they apply to every installing tenant' },
      clientSettings: { type: 'array', items: clientSetting, description: 'Client Settings: fields the client fills in at install, in this order' },
      extensions: { type: 'array', items: extension, description: 'Extensions: Full Application only' },
      installation,
      pricing,
      listing,
    },
    required: ['manifestVersion', 'app', 'version', 'permissions', 'installation', 'listing'],
    patternProperties: CUSTOM_FIELDS,
    additionalProperties: false,
    allOf: [
      {
        if: { properties: { app: { properties: { type: { not: { const: 'full-application' } } } } } },
        then: { properties: { extensions: { maxItems: 0, 'x-hint': 'only a Full Application may have extensions: remove them or set app.type to "full-application"' } } },
      },
      {
        if: { properties: { clientSettings: { minItems: 1 } }, required: ['clientSettings'] },
        then: { properties: { installation: { required: ['installUrl'], 'x-hint': 'client settings arrive in the install call: set installation.installUrl' } } },
      },
    ],
  };
}

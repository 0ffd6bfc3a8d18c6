// The generated app's code and tooling (package.json, tsconfig, src/, test/): the auth-wiring issue.
// User-owned files are templates under templates/app/; the derived modules (the manifest and the catalog as typed
// data) are computed here, so a manifest change rewrites only them and the user's code keeps compiling — or stops
// compiling exactly where it uses a permission the manifest no longer grants.
import {
  accessCovers, ACCOUNT_USER_PATH, ADMIN_UI_THEMES, API_BASE_URL, CARD_VARIANTS, COMMERCE7_FRAME_ANCESTORS,
  CONTEXT_MENU_ACTION_RESULT_TYPES, CURSOR_ENDPOINTS, CURSOR_START, ENV_VARS, ERROR_TYPES, EXTENSION_QUERY, HTTP_METHODS,
  LIST_KEYS, PAGE_LIMIT_MAX, pathRules, RATE_LIMIT_PER_MINUTE, TENANT_HEADER, TENANT_ID_PATTERN, UNINSTALLED_PURGE_AFTER_DAYS,
  WEBHOOK_ACTION_NAMES, WEBHOOK_OBJECTS, type Access, type PathRuleView, type PermissionName,
} from '../catalog/index.js';
import { MANIFEST_FILE } from '../manifest/types.js';
import type { RenderContext, WebhookContext, ExtensionContext } from './context.js';
import { commentText, jsLiteral, jsonLiteral, renderTemplateFile } from './handlebars.js';
import { renderObjectsModule } from './objects-module.js';
import { derivedHeader, type PlannedFile, type PlanPart } from './plan.js';
import { tsConst, tsKey, tsUnion, tsValue } from './ts-print.js';


const j = (v: unknown) => jsonLiteral(v);
const SYNC_HINT = `change ${MANIFEST_FILE}, then run \`c7-app scopes --sync\``;

/** A template rendered once per item (one handler per webhook, one module per extension): the item joins the context. */
function perItem(template: string, extra: Record<string, unknown>): PlannedFile['source'] {
  return {
    render: (ctx) => renderTemplateFile(template, { ...ctx, ...extra }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// src/commerce7/permissions.generated.ts: least privilege in the types and at run time.

/** "/customer/{customerId}/address/**" -> the TS template-literal type of the paths it matches. */
function patternType(rule: PathRuleView): string {
  const star = rule.pattern.endsWith('/**');
  const segs = rule.pattern.replace(/\/\*\*$/, '').split('/').filter(Boolean);
  const parts = segs.map((seg, i) => {
    if (!seg.startsWith('{')) return seg.replace(/[`\\$]/g, '\\$&');
    if (rule.segmentValues?.index === i) return `\${${rule.segmentValues.values.map((v) => j(v)).join(' | ')}}`;
    return '${string}';
  });
  const base = '/' + parts.join('/');
  return star ? `\`${base}\` | \`${base}/\${string}\`` : `\`${base}\``;
}

function ruleVerdict(rule: PathRuleView, granted: Map<PermissionName, Access>): string {
  const r = rule.result;
  if (r.kind === 'none') return 'ok';
  if (r.kind === 'unknown') return `has no documented Commerce7 permission (${r.why}), so the client does not send it`;
  const missing = r.needs.filter((n) => { const g = granted.get(n.permission); return !g || !accessCovers(g, n.access); });
  if (missing.length === 0) return 'ok';
  return 'needs ' + missing.map((n) => {
    const has = granted.get(n.permission);
    return `{ "endpoint": "${n.permission}", "access": "${n.access}" }${has ? ` (the manifest grants ${has})` : ''}`;
  }).join(' and ') + ` in the permissions of ${MANIFEST_FILE}: ${SYNC_HINT}`;
}

export function renderPermissionsModule(ctx: RenderContext): string {
  const granted = new Map<PermissionName, Access>();
  for (const p of ctx.permissions) granted.set(p.endpoint, granted.get(p.endpoint) === 'full' ? 'full' : p.access);
  const rules = pathRules();
  const grantedObj = Object.fromEntries([...granted]);
  const typeRows = rules.map((rule) => `  [${patternType(rule)}, ${rule.methods.map((m) => j(m)).join(' | ')}, ${j(ruleVerdict(rule, granted))}],`);
  const runtimeRows = rules.map((rule) => {
    const row: Record<string, unknown> = { pattern: rule.pattern, methods: rule.methods };
    if (rule.result.kind === 'permission') row.needs = rule.result.needs;
    else row[rule.result.kind] = rule.result.why;
    if (rule.segmentValues) row.segmentValues = rule.segmentValues;
    return `  ${j(row)},`;
  });
  return `${derivedHeader('ts')}
// Least privilege, derived from the "permissions" of ${MANIFEST_FILE} and Commerce7's path map (generator-c7-app's catalog).
// The client's methods take their path through Allowed<Method, Path>: a path the manifest does not grant (or a write
// where it grants read) does not compile, and the message says which permission to add. guard.ts checks the same
// table at run time, before anything is sent.

${tsUnion('export type HttpMethod =', HTTP_METHODS.map((m) => jsLiteral(m)))}
export type Access = 'read' | 'full';

/** What this app may call, endpoint by endpoint (Commerce7's "API access" of the app version). */
export const GRANTED = ${tsValue(grantedObj)} as const satisfies Readonly<Record<string, Access>>;
export type GrantedEndpoint = keyof typeof GRANTED;

export interface PermissionNeed {
  permission: string;
  access: Access;
}
export interface PathRule {
  /** Segments; \`{x}\` matches one segment, a trailing \`**\` matches zero or more. */
  pattern: string;
  methods: readonly HttpMethod[];
  needs?: readonly PermissionNeed[];
  /** A path that needs no permission (and why). */
  none?: string;
  /** A path with no documented permission (and why): never sent. */
  unknown?: string;
  /** This segment must hold one of these values, or the path is unknown. */
  segmentValues?: { index: number; values: readonly string[] };
}

/** Commerce7's path map, in order: the first rule whose methods and pattern match decides. */
// One rule a line, in the catalog's order, as the table reads (Prettier would spread each over several).
// prettier-ignore
export const PATH_RULES: readonly PathRule[] = [
${runtimeRows.join('\n')}
];

/** The same map as types: [paths, methods, "ok" or why not]. */
// prettier-ignore
type Rules = [
${typeRows.join('\n')}
];

type Verdict<M, P, R> = R extends [[infer Paths, infer Methods, infer V], ...infer Rest]
  ? M extends Methods
    ? P extends Paths
      ? V
      : Verdict<M, P, Rest>
    : Verdict<M, P, Rest>
  : 'has no documented Commerce7 permission, so the client does not send it';

type PathOnly<P extends string> = P extends \`\${infer Path}?\${string}\` ? Path : P;

/**
 * P itself when this app may call \`M P\`; otherwise a message type naming the permission to add, so the compiler
 * reports e.g. \`Argument of type '"/vendor"' is not assignable to parameter of type '"GET /vendor needs ..."'\`.
 */
export type Allowed<M extends HttpMethod, P extends string> = string extends P
  ? \`\${M} \${P}: write the path as a literal or a template literal (\\\`/order/\\\${id}\\\`) so its permission can be checked\`
  : Verdict<M, PathOnly<P>, Rules> extends 'ok'
    ? P
    : \`\${M} \${P} \${Verdict<M, PathOnly<P>, Rules> & string}\`;
`;
}

// ---------------------------------------------------------------------------------------------------------------
// src/commerce7/platform.generated.ts: the Commerce7 facts the app relies on, from the catalog.

export function renderPlatformModule(): string {
  const env = Object.fromEntries(Object.entries(ENV_VARS).map(([k, v]) => [k, v.name]));
  return `${derivedHeader('ts')}
// Commerce7 platform facts (from generator-c7-app's catalog): one place, so the app holds no magic strings.

/** The Commerce7 REST API; C7_API_BASE_URL points the app elsewhere (the local emulator in development and tests). */
${tsConst('export const API_BASE_URL = ', API_BASE_URL, ';')}
/** Every API call names the tenant (the client's account) in this header. */
${tsConst('export const TENANT_HEADER = ', TENANT_HEADER, ';')}
/** Lists answer at most this many items a page. */
export const PAGE_LIMIT_MAX = ${PAGE_LIMIT_MAX};
/** Requests a minute per tenant before Commerce7 answers 429. */
export const RATE_LIMIT_PER_MINUTE = ${RATE_LIMIT_PER_MINUTE};
${tsConst('export const CURSOR_START = ', CURSOR_START, ';')}
/** List endpoints with cursor pagination (not rate limited; the recommended way to sync). */
${tsConst('export const CURSOR_ENDPOINTS: readonly string[] = ', CURSOR_ENDPOINTS, ';')}
/** The key of the array in each list envelope: { "<key>": [...], "total": n }. */
${tsConst('export const LIST_KEYS: Readonly<Record<string, string>> = ', LIST_KEYS, ';')}
/** Error types of Commerce7's envelope { statusCode, type, message, errors }, by status. */
${tsConst('export const ERROR_TYPES: Readonly<Record<number, string>> = ', ERROR_TYPES, ';')}
/** Staff tokens from extension URLs are checked here: the raw token in Authorization, and the tenant header. */
${tsConst('export const ACCOUNT_USER_PATH = ', ACCOUNT_USER_PATH, ';')}
/** Query parameters Commerce7 adds to extension URLs. */
${tsConst('export const EXTENSION_QUERY = ', EXTENSION_QUERY, ' as const;')}
${tsConst('export const ADMIN_UI_THEMES = ', ADMIN_UI_THEMES, ' as const;')}
export type AdminUITheme = (typeof ADMIN_UI_THEMES)[number];
/** A Context Menu Action answers { id, type, message } with one of these types. */
${tsConst('export const CONTEXT_MENU_ACTION_RESULT_TYPES = ', CONTEXT_MENU_ACTION_RESULT_TYPES, ' as const;')}
/** A Card answers { icon, title, subTitle, footer, variant } with one of these variants, or null. */
${tsConst('export const CARD_VARIANTS = ', CARD_VARIANTS, ' as const;')}
/** Who may frame the admin extension pages (CSP frame-ancestors). */
${tsConst('export const FRAME_ANCESTORS: readonly string[] = ', COMMERCE7_FRAME_ANCESTORS, ';')}
${tsConst('export const TENANT_ID_PATTERN = ', TENANT_ID_PATTERN, ';')}
${tsConst('export const WEBHOOK_OBJECTS = ', WEBHOOK_OBJECTS, ' as const;')}
${tsConst('export const WEBHOOK_ACTIONS = ', WEBHOOK_ACTION_NAMES, ' as const;')}
/** An uninstalled tenant's data is purged this many days after the uninstall (PURGE_AFTER_DAYS overrides it). */
export const UNINSTALLED_PURGE_AFTER_DAYS = ${UNINSTALLED_PURGE_AFTER_DAYS};
/** Environment variables the app reads. */
${tsConst('export const ENV = ', env, ' as const;')}
`;
}

// ---------------------------------------------------------------------------------------------------------------
// src/app.generated.ts: the manifest's facts the server needs (paths, settings, webhooks, extensions).

/** The members of a client setting's value type (a union when it has options). */
function settingType(valueType: string, options: string[] | null): string[] {
  if (options && options.length && valueType === 'string') return options.map((o) => jsLiteral(o));
  if (options && options.length && valueType === 'string[]') return [`Array<${options.map((o) => jsLiteral(o)).join(' | ')}>`];
  switch (valueType) {
    case 'integer': case 'number': return ['number'];
    case 'boolean': return ['boolean'];
    case 'string[]': return ['string[]'];
    default: return ['string'];
  }
}

export function renderAppModule(ctx: RenderContext): string {
  const settings = ctx.clientSettings.map((s) => ({
    code: s.code, title: s.title, dataType: s.dataType, valueType: s.valueType, required: s.required, options: s.options,
  }));
  const settingFields = ctx.clientSettings.map((s) => `  /** ${commentText(s.title)} (${s.dataType}) */\n${tsUnion(
    `  ${tsKey(s.code)}${s.required ? '' : '?'}:`, [...settingType(s.valueType, s.options), ...(s.required ? [] : ['null'])], ';', 2)}`);
  const webhooks = ctx.webhooks.map((w) => ({ object: w.object, action: w.action, path: w.path, basicAuth: w.basicAuth, key: w.key }));
  const extensions = ctx.extensions.map((x) => ({
    slug: x.slug, type: x.type, location: x.location, label: x.title ?? x.label ?? x.slug, icon: x.icon, format: x.format,
    path: x.path, route: x.route, storefront: x.storefront, contextParam: x.contextParam,
  }));
  const inst = ctx.installation;
  return `${derivedHeader('ts')}
// The facts of ${MANIFEST_FILE} that the server needs, as typed constants: routes, client settings, webhooks, extensions.

${tsConst('export const APP = ', { id: ctx.app.id, title: ctx.app.title, type: ctx.app.type, typeLabel: ctx.app.typeLabel }, ' as const;')}

export interface InstallationSpec {
  installPath: string | null;
  uninstallPath: string | null;
  basicAuthUsername: string | null;
}
/** Where Commerce7 POSTs installs and uninstalls (null: the manifest sets no URL), and the Basic-auth username it sends. */
${tsConst('export const INSTALLATION: InstallationSpec = ', {
    installPath: inst.installPath, uninstallPath: inst.uninstallPath, basicAuthUsername: inst.basicAuthUsername,
  })}

/** Commerce7 sends Basic auth to the install/uninstall URLs or to a webhook: C7_BASIC_AUTH_PASSWORD is then required. */
export const USES_BASIC_AUTH = ${ctx.basicAuth.any};

export interface ClientSettingSpec {
  code: string;
  title: string;
  dataType: string;
  valueType: 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'string[]';
  required: boolean;
  options: readonly string[] | null;
}
/** The client settings a client fills in at install; their values arrive as top-level keys of the install body. */
${tsConst('export const CLIENT_SETTINGS: readonly ClientSettingSpec[] = ', settings)}

/** The client settings of one install, typed. */
${settingFields.length ? `export interface ClientSettings {\n${settingFields.join('\n')}\n}` : '// The manifest has no client settings.\nexport type ClientSettings = Record<string, never>;'}

export interface WebhookSpec {
  object: string;
  action: string;
  path: string;
  basicAuth: boolean;
  key: string;
}
/** The webhooks this app subscribes to (object + action), and the local path each is delivered to. */
${tsConst('export const WEBHOOKS: readonly WebhookSpec[] = ', webhooks)}
${tsUnion('export type WebhookKey =', ctx.webhooks.length ? [...new Set(ctx.webhooks.map((w) => jsLiteral(`${w.object}/${w.action}`)))] : ['never'])}

export interface ExtensionSpec {
  slug: string;
  type: string;
  location: string;
  label: string;
  icon: string | null;
  format: string | null;
  /** The app's route Commerce7 calls or frames. */
  path: string;
  /** An HTML page (framed), a Context Menu Action (JSON) or a Card (JSON). */
  route: 'page' | 'action' | 'card';
  /** Storefront locations carry appToken instead of the staff account token. */
  storefront: boolean;
  /** The query parameter holding the record shown (e.g. "orderId"), for detail locations. */
  contextParam: string | null;
}
/** The extensions (Full Application only) and the routes that serve them. */
${tsConst('export const EXTENSIONS: readonly ExtensionSpec[] = ', extensions)}

/** Where a user who hits a problem is sent (the listing's documentation URL or support email). */
${tsConst('export const SUPPORT = ', { email: ctx.support.email, url: ctx.support.url }, ' as const;')}
`;
}

// ---------------------------------------------------------------------------------------------------------------
// Registries: the derived glue between the manifest and the user's own handler/page modules.

const uniqueWebhooks = (ctx: RenderContext) => ctx.webhooks.filter((w, i, all) => all.findIndex((o) => o.key === w.key) === i);

export function renderWebhookRegistry(ctx: RenderContext): string {
  const hooks = uniqueWebhooks(ctx);
  const imports = hooks.map((w) => `import ${w.name} from './handlers/${w.key}.js';`);
  const rows = hooks.map((w) => `  ${tsKey(`${w.object}/${w.action}`)}: ${w.name},`);
  return `${derivedHeader('ts')}
// One handler per webhook of ${MANIFEST_FILE} (object/action): the receiver dispatches here. The handlers are yours.
import type { WebhookKey } from '../app.generated.js';
import type { AnyWebhookHandler } from './types.js';
${imports.map((line) => `${line}\n`).join('')}
export const WEBHOOK_HANDLERS: Readonly<Record<WebhookKey, AnyWebhookHandler>> = ${rows.length ? `{\n${rows.join('\n')}\n}` : '{}'};
`;
}

export function renderExtensionRegistry(ctx: RenderContext): string {
  const imports = ctx.extensions.map((x) => `import ${x.name} from './${x.slug}.js';`);
  const rows = ctx.extensions.map((x) => `  ${tsKey(x.slug)}: ${x.name},`);
  return `${derivedHeader('ts')}
// One module per extension of ${MANIFEST_FILE}: the server routes each extension's URL to it. The modules are yours.
import type { AnyExtension } from './layout.js';
${imports.join('\n')}

export const EXTENSION_MODULES: Readonly<Record<string, AnyExtension>> = {
${rows.join('\n')}
};
`;
}

// ---------------------------------------------------------------------------------------------------------------

const t = (template: string) => ({ template: `app/${template}.hbs` });

export const appFiles: PlanPart = (ctx) => {
  const full = ctx.app.isFullApplication;
  const files: PlannedFile[] = [
    { path: 'package.json', owner: 'user', source: t('package.json'), purpose: 'The app\u2019s scripts and dependencies (the emulator and c7-app check come with generator-c7-app)' },
    { path: 'tsconfig.json', owner: 'user', source: t('tsconfig.json'), purpose: 'TypeScript settings: strict, Node ESM; type-checks src/ and test/' },
    { path: 'tsconfig.build.json', owner: 'user', source: t('tsconfig.build.json'), purpose: 'Compiles src/ to dist/ for npm start' },
    { path: '.gitignore', owner: 'user', source: t('gitignore'), purpose: 'Keeps .env, node_modules, dist and the SQLite database out of git' },
    { path: '.env.example', owner: 'user', source: t('env.example'), purpose: 'Every environment variable the app reads, explained; copy to .env' },
    { path: 'eslint.config.js', owner: 'user', source: t('eslint.config.js'), purpose: 'npm run lint: ESLint with typescript-eslint (flat config)' },
    { path: '.editorconfig', owner: 'user', source: t('editorconfig'), purpose: 'The same whitespace in every editor' },
    { path: '.prettierrc.json', owner: 'user', source: t('prettierrc.json'), purpose: 'npm run format: Prettier\u2019s options (single quotes, 120 columns)' },
    { path: '.prettierignore', owner: 'user', source: t('prettierignore'), purpose: 'What Prettier leaves alone: build output, local data, the derived Markdown' },
    { path: '.nvmrc', owner: 'user', source: t('nvmrc'), purpose: 'The Node version to develop on (nvm, fnm, CI), inside the engines range' },
    { path: '.github/workflows/ci.yml', owner: 'user', source: t('github/workflows/ci.yml'), purpose: 'CI: npm test on Node 22 and 24, derived files in step, the submission checklist' },
    { path: 'Dockerfile', owner: 'user', source: t('Dockerfile'), purpose: 'The production image: multi-stage, production dependencies only, non-root, health check on /health' },
    { path: 'docker-compose.yml', owner: 'user', source: t('docker-compose.yml'), purpose: 'Local trials: the app (two instances) on PostgreSQL; no test needs it' },
    { path: '.dockerignore', owner: 'user', source: t('dockerignore'), purpose: 'Keeps secrets and local state out of the image' },

    { path: 'src/app.generated.ts', owner: 'derived', source: { render: renderAppModule }, purpose: 'The manifest as typed constants: routes, client settings, webhooks, extensions' },
    { path: 'src/config.ts', owner: 'user', source: t('src/config.ts'), purpose: 'Reads and validates the environment at start (names what is missing)' },
    { path: 'src/log.ts', owner: 'user', source: t('src/log.ts'), purpose: 'Logger settings: secrets, Authorization headers and tokens redacted' },
    { path: 'src/main.ts', owner: 'user', source: t('src/main.ts'), purpose: 'npm start: the app for real' },
    { path: 'src/dev.ts', owner: 'user', source: t('src/dev.ts'), purpose: 'npm run dev: the app against the local Commerce7 emulator, installed on a seeded tenant' },
    { path: 'src/emulator.ts', owner: 'user', source: t('src/emulator.ts'), purpose: 'Typed access to the local Commerce7 emulator (generator-c7-app/emulator) for dev and tests' },
    { path: 'src/inbox-cli.ts', owner: 'user', source: t('src/inbox-cli.ts'), purpose: 'npm run inbox: lists pending and dead webhook deliveries, retries or discards one' },
    { path: 'src/hooks.ts', owner: 'user', source: t('src/hooks.ts'), purpose: 'Your code after an install or uninstall (e.g. start a backfill)' },

    { path: 'src/commerce7/client.ts', owner: 'user', source: t('src/commerce7/client.ts'), purpose: 'The Commerce7 API client: auth, tenant header, pagination, rate limit, retries, timeouts' },
    { path: 'src/commerce7/errors.ts', owner: 'user', source: t('src/commerce7/errors.ts'), purpose: 'Errors that carry Commerce7\u2019s envelope, and the permission error' },
    { path: 'src/commerce7/guard.ts', owner: 'user', source: t('src/commerce7/guard.ts'), purpose: 'Run-time least privilege: refuses a call the manifest does not grant, before sending it' },
    { path: 'src/commerce7/rate-limit.ts', owner: 'user', source: t('src/commerce7/rate-limit.ts'), purpose: 'Per-tenant limiter: 100 requests a minute' },
    { path: 'src/commerce7/account.ts', owner: 'user', source: t('src/commerce7/account.ts'), purpose: 'Checks a staff token at GET /account/user' },
    { path: 'src/commerce7/permissions.generated.ts', owner: 'derived', source: { render: renderPermissionsModule }, purpose: 'The granted permissions as types: an ungranted call does not compile' },
    { path: 'src/commerce7/platform.generated.ts', owner: 'derived', source: { render: renderPlatformModule }, purpose: 'Commerce7 platform facts (base URL, headers, limits, list keys) from the catalog' },
    { path: 'src/commerce7/objects.generated.ts', owner: 'derived', source: { render: renderObjectsModule }, purpose: 'Types of the Commerce7 objects the permissions can read (optional and nullable as Commerce7 sends them), from the catalog\u2019s schemas' },

    { path: 'src/server/app.ts', owner: 'user', source: t('src/server/app.ts'), purpose: 'The Fastify app: routes, error envelope, framing headers' },
    { path: 'src/server/errors.ts', owner: 'user', source: t('src/server/errors.ts'), purpose: 'Answers in Commerce7\u2019s error envelope' },
    { path: 'src/server/basic-auth.ts', owner: 'user', source: t('src/server/basic-auth.ts'), purpose: 'Constant-time check of the Basic auth Commerce7 sends' },
    { path: 'src/server/install.ts', owner: 'user', source: t('src/server/install.ts'), purpose: 'Install and uninstall endpoints' },
    { path: 'src/server/webhooks.ts', owner: 'user', source: t('src/server/webhooks.ts'), purpose: 'Webhook receiver: auth, tenant check, self-caused events, records each delivery in the inbox and answers at once' },

    { path: 'src/storage/store.ts', owner: 'user', source: t('src/storage/store.ts'), purpose: 'The storage interface: installs and the webhook inbox (leases, attempts, dead letters)' },
    { path: 'src/storage/sqlite.ts', owner: 'user', source: t('src/storage/sqlite.ts'), purpose: 'The SQLite store, transactional' },
    { path: 'src/storage/sqlite-driver.ts', owner: 'user', source: t('src/storage/sqlite-driver.ts'), purpose: 'Picks the SQLite library: node:sqlite where Node has it, else better-sqlite3 (Node 20)' },
    { path: 'src/storage/migrations.ts', owner: 'user', source: t('src/storage/migrations.ts'), purpose: 'The schema versions of both stores (SQLite and PostgreSQL), applied at start under a lock' },
    { path: 'src/storage/postgres.ts', owner: 'user', source: t('src/storage/postgres.ts'), purpose: 'The PostgreSQL store (DATABASE_URL): several instances, SKIP LOCKED leases, a shared Commerce7 rate limit' },
    { path: 'src/storage/open.ts', owner: 'user', source: t('src/storage/open.ts'), purpose: 'Opens PostgreSQL when DATABASE_URL is set, else SQLite; a clear error naming DATABASE_URL (password hidden)' },
    { path: 'src/storage/purge.ts', owner: 'user', source: t('src/storage/purge.ts'), purpose: 'The purge rule: an uninstalled tenant\u2019s data is deleted PURGE_AFTER_DAYS after the uninstall' },

    { path: 'src/webhooks/types.ts', owner: 'user', source: t('src/webhooks/types.ts'), purpose: 'Types of a webhook event and handler' },
    { path: 'src/webhooks/worker.ts', owner: 'user', source: t('src/webhooks/worker.ts'), purpose: 'The inbox worker: runs handlers of recorded deliveries with a lease, retries with backoff, parks dead ones' },
    { path: 'src/webhooks/registry.generated.ts', owner: 'derived', source: { render: renderWebhookRegistry }, purpose: 'Maps each webhook of the manifest to its handler' },
    ...uniqueWebhooks(ctx).map((w): PlannedFile => ({
      path: `src/webhooks/handlers/${w.key}.ts`, owner: 'user', source: perItem('app/src/webhooks/handlers/handler.ts.hbs', { webhook: w }),
      purpose: `Your handler for the ${w.object} ${w.action} webhook`,
    })),

    { path: 'test/support/harness.ts', owner: 'user', source: t('test/support/harness.ts'), purpose: 'Test helpers: an app with an in-memory store, the emulator, credentials' },
    { path: 'test/install.test.ts', owner: 'user', source: t('test/install.test.ts'), purpose: 'Install and uninstall: credentials, bodies, re-install' },
    { path: 'test/webhooks.test.ts', owner: 'user', source: t('test/webhooks.test.ts'), purpose: 'Webhooks: auth, unknown tenant, duplicates, self-caused events, Bulk Update, body depth' },
    { path: 'test/inbox.test.ts', owner: 'user', source: t('test/inbox.test.ts'), purpose: 'The webhook inbox: ack first, a crash mid-handler, retries, dead letters, no two runs at once, shutdown' },
    { path: 'test/commerce7-client.test.ts', owner: 'user', source: t('test/commerce7-client.test.ts'), purpose: 'The API client: permitted and forbidden calls (compile and run time), pagination, 429, errors' },
    { path: 'test/store-contract.test.ts', owner: 'user', source: t('test/store-contract.test.ts'), purpose: 'The Store rules on SQLite, and on PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set' },
    { path: 'test/postgres.test.ts', owner: 'user', source: t('test/postgres.test.ts'), purpose: 'Several instances on one PostgreSQL: migrations under a lock, SKIP LOCKED leases, the shared rate limit, the purge lock, the database down and back' },
    { path: 'test/storage.test.ts', owner: 'user', source: t('test/storage.test.ts'), purpose: 'The SQLite store: all-or-nothing writes, a database file across restarts, the library in use' },
    { path: 'test/purge.test.ts', owner: 'user', source: t('test/purge.test.ts'), purpose: 'The purge: kept during the delay, purged after, a re-install or a failing purgeTenantData keeps it' },
    { path: 'test/config.test.ts', owner: 'user', source: t('test/config.test.ts'), purpose: 'Configuration: a missing variable is named' },
  ];
  if (full) {
    files.push(
      { path: 'src/server/extensions.ts', owner: 'user', source: t('src/server/extensions.ts'), purpose: 'Extension routes: staff token check, pages Commerce7 may frame, Action and Card JSON' },
      { path: 'src/extensions/layout.ts', owner: 'user', source: t('src/extensions/layout.ts'), purpose: 'The HTML of extension pages: commerce7.js, light and dark themes, safe HTML' },
      { path: 'src/extensions/registry.generated.ts', owner: 'derived', source: { render: renderExtensionRegistry }, purpose: 'Maps each extension of the manifest to its module' },
      ...ctx.extensions.map((x): PlannedFile => ({
        path: `src/extensions/${x.slug}.ts`, owner: 'user', source: perItem(`app/src/extensions/${x.route}.ts.hbs`, { extension: x, extensionLabel: x.title ?? x.label ?? x.slug }),
        purpose: `Your ${x.type} extension at ${x.location}`,
      })),
      { path: 'test/extensions.test.ts', owner: 'user', source: t('test/extensions.test.ts'), purpose: 'Extensions: staff token valid and invalid, framing, Action and Card JSON' },
    );
  }
  if (ctx.teach) files.push({ path: 'TOUR.md', owner: 'derived', source: t('TOUR.md'), purpose: 'A walk through the project in the order a request flows (it names the manifest\'s webhooks, extensions and permissions, so it follows c7-app.json)' });
  return files;
};

export type { WebhookContext, ExtensionContext };

// What the console shows, computed from the manifest and the catalog (no HTML here): the listing with the checklist
// items of its fields, the permissions in the App Development Center's words, the client settings' controls, the
// admin screens where the extensions live, and the explanation of an API log line.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ACCESS_DESCRIPTIONS, accessCovers, canonicalPermission, permissionDescription, type Access, type PermissionName } from '../../catalog/permissions.js';
import { dataTypeInfo } from '../../catalog/client-settings.js';
import { LISTING_FIELDS, type ListingField } from '../../catalog/listing.js';
import { RATE_LIMIT_PER_MINUTE, RATE_LIMIT_WINDOW_MS, STOREFRONT_EXTENSION_LOCATIONS } from '../../catalog/api.js';
import { COMMERCE7_REVENUE_SHARE } from '../../catalog/pricing.js';
import { listingRules } from '../../checklist/rules/listing.js';
import { runRule } from '../../checklist/rule.js';
import type { ChecklistItem, ProjectView } from '../../checklist/types.js';
import type { Extension, Manifest } from '../../manifest/types.js';
import type { RequestLogEntry } from '../types.js';

/** The listing fields each checklist rule is about (the rest concern the listing as a whole). */
const RULE_FIELDS: Record<string, ListingField> = {
  'listing.title': 'title', 'listing.summary': 'summary', 'listing.description': 'description', 'listing.category': 'category',
  'listing.website': 'websiteUrl', 'listing.support-email': 'supportEmail', 'listing.install-steps': 'installSteps',
  'listing.logo': 'logo', 'listing.screenshots': 'screenshots',
};

/** Files of the project, for the rules that ask whether a listing image exists. */
function folderView(root: string | undefined): ProjectView {
  const abs = (p: string) => (root ? path.join(root, p) : '');
  return {
    exists: (p) => Boolean(root) && existsSync(abs(p)),
    read: (p) => { try { return root ? readFileSync(abs(p), 'utf8') : undefined; } catch { return undefined; } },
    listFiles: () => [],
    isIgnored: () => undefined,
  };
}

export interface ListingChecks { byField: Partial<Record<ListingField, ChecklistItem[]>>; general: ChecklistItem[] }

/** The listing section of `c7-app check`, run by the same rules, grouped by the field each item concerns. */
export function listingChecks(manifest: Manifest, root: string | undefined): ListingChecks {
  const ctx = { manifest, project: folderView(root), opts: {} };
  const items = listingRules.flatMap((r) => runRule(r, ctx));
  const out: ListingChecks = { byField: {}, general: [] };
  for (const item of items) {
    const field = RULE_FIELDS[item.id];
    if (field) (out.byField[field] ??= []).push(item);
    else out.general.push(item);
  }
  return out;
}

export const fieldLabel = (f: ListingField): string => LISTING_FIELDS[f].label;

/** Listing images by the name the console serves them under: logo, dark-logo, screenshot-<n>. */
export function listingImage(manifest: Manifest, root: string | undefined, name: string): string | undefined {
  if (!root) return undefined;
  const l = manifest.listing;
  const rel = name === 'logo' ? l.logo : name === 'dark-logo' ? l.darkModeLogo : /^screenshot-(\d+)$/.test(name) ? l.screenshots?.[Number(name.slice(11))]?.file : undefined;
  if (!rel) return undefined;
  const file = path.resolve(root, rel);
  if (!file.startsWith(path.resolve(root) + path.sep)) return undefined; // only files inside the project
  try { return statSync(file).isFile() ? file : undefined; } catch { return undefined; }
}

export const IMAGE_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.svg': 'image/svg+xml' };

export interface PermissionView { name: string; access: Access; accessLabel: string; accessWords: string; what: string; reason: string }

/** The permissions the client is asked to grant, as the App Development Center names them. */
export function permissionViews(manifest: Manifest): PermissionView[] {
  return manifest.permissions.map((p) => {
    const name = canonicalPermission(p.endpoint) ?? p.endpoint;
    return {
      name, access: p.access, accessLabel: p.access === 'full' ? 'Full' : 'Read', accessWords: ACCESS_DESCRIPTIONS[p.access],
      what: canonicalPermission(p.endpoint) ? permissionDescription(name as PermissionName) : '', reason: p.reason ?? '',
    };
  });
}

export function priceText(manifest: Manifest): string[] {
  const p = manifest.pricing;
  if (!p) return ['Pricing not chosen'];
  if (p.model === 'Custom pricing') return ['Custom pricing: billed by the developer'];
  return (p.plans ?? []).map((plan) => `${plan.name}: ${plan.price === 0 ? 'Free' : `${(plan.price / 100).toFixed(2)} ${plan.currency} a month`}`)
    .concat(p.plans?.some((x) => x.price > 0) ? [`(Commerce7 bills the client and keeps ${COMMERCE7_REVENUE_SHARE * 100}%)`] : []);
}

/** The control a client setting gets in the install form, by its data type. */
export type Control = 'text' | 'textarea' | 'integer' | 'number' | 'html' | 'switch' | 'yes-no' | 'radio' | 'checkboxes' | 'select' | 'date';
export const CONTROL_OF_TYPE: Record<string, Control> = {
  String: 'text', TextArea: 'textarea', Integer: 'integer', Number: 'number', HTML: 'html', 'True / False': 'switch',
  'Yes / No': 'yes-no', Radio: 'radio', Checkbox: 'checkboxes', Select: 'select', 'Date Picker': 'date',
};

export function settingControl(dataType: string): Control { return CONTROL_OF_TYPE[dataType] ?? 'text'; }

/** Checks the install form's values against the manifest (the browser checks first; this is the server's word). */
export function checkSettings(manifest: Manifest, given: Record<string, unknown>): { values: Record<string, unknown>; problems: string[] } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const s of manifest.clientSettings ?? []) {
    const v = given[s.code];
    const info = dataTypeInfo(s.dataType);
    const empty = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (s.required && info.valueType !== 'boolean') problems.push(`${s.title} is required`);
      values[s.code] = info.valueType === 'boolean' ? false : info.valueType === 'string[]' ? [] : null;
      continue;
    }
    switch (info.valueType) {
      case 'integer': if (!Number.isInteger(Number(v))) problems.push(`${s.title}: a whole number`); values[s.code] = Number(v); break;
      case 'number': if (!Number.isFinite(Number(v))) problems.push(`${s.title}: a number`); values[s.code] = Number(v); break;
      case 'boolean': values[s.code] = v === true || v === 'true' || v === 'yes'; break;
      case 'string[]': {
        const list = (Array.isArray(v) ? v : [v]).map(String);
        const wrong = list.filter((x) => !(s.options ?? []).includes(x));
        if (wrong.length) problems.push(`${s.title}: ${wrong.join(', ')} is not an option`);
        values[s.code] = list;
        break;
      }
      case 'date': if (!/^\d{4}-\d{2}-\d{2}$/.test(String(v))) problems.push(`${s.title}: a date YYYY-MM-DD`); values[s.code] = String(v); break;
      default:
        if (info.options && !(s.options ?? []).includes(String(v))) problems.push(`${s.title}: "${String(v)}" is not an option`);
        values[s.code] = String(v);
    }
  }
  return { values, problems };
}

/** One admin screen of the shell and the extensions it holds. */
export interface Screen {
  id: string;
  title: string;
  /** menu: entries in an admin menu; detail: a record screen (tabs, "…" menu, cards); storefront: the winery's site. */
  kind: 'menu' | 'detail' | 'storefront';
  items: Array<{ index: number; extension: Extension; label: string; role: 'page' | 'tab' | 'context' | 'card' | 'report' | 'storefront' }>;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
export const extensionLabel = (x: Extension): string => x.title ?? x.label ?? `${x.type} at ${x.location}`;

/** Where the manifest's extensions live in Commerce7's admin (and storefront), screen by screen, in manifest order. */
export function adminScreens(manifest: Manifest): Screen[] {
  const screens = new Map<string, Screen>();
  (manifest.extensions ?? []).forEach((x, index) => {
    const storefront = STOREFRONT_EXTENSION_LOCATIONS.includes(x.location);
    const [title, kind, role]: [string, Screen['kind'], Screen['items'][number]['role']] =
      storefront ? [`Storefront: ${x.location}`, 'storefront', 'storefront']
      : x.type === 'Report' ? [`Reports: ${x.location}`, 'menu', 'report']
      : x.type === 'Page' ? [x.location, 'menu', 'page']
      : [x.location, 'detail', x.type === 'Tab Menu' ? 'tab' : x.type === 'Card' ? 'card' : 'context'];
    const id = slug(title);
    let screen = screens.get(id);
    if (!screen) screens.set(id, (screen = { id, title, kind, items: [] }));
    screen.items.push({ index, extension: x, label: extensionLabel(x), role });
  });
  return [...screens.values()];
}

export interface LogLine extends RequestLogEntry {
  n: number;
  /** A 403: each permission to add, and the command that adds it. */
  forbidden?: Array<{ permission: string; access: Access; has: Access | null; command: string }>;
  /** A 429: the tenant's requests in the minute before it. */
  minute?: { count: number; limit: number };
}

/** A request log entry with what a developer needs to fix it. */
export function explainLog(manifest: Manifest, entries: readonly RequestLogEntry[], i: number, n: number): LogLine {
  const e = entries[i]!;
  const line: LogLine = { ...e, n };
  if (e.status === 403 && /:/.test(e.permission)) {
    const granted = new Map<string, Access>();
    for (const p of manifest.permissions) {
      const name = canonicalPermission(p.endpoint) ?? p.endpoint;
      granted.set(name, granted.get(name) === 'full' ? 'full' : p.access);
    }
    line.forbidden = e.permission.split('+').map((need) => {
      const [permission, access] = need.split(':') as [string, Access];
      const has = granted.get(permission) ?? null;
      return { permission, access, has, missing: !has || !accessCovers(has, access) };
    }).filter((x) => x.missing).map(({ permission, access, has }) => ({
      permission, access, has,
      command: `npx c7-app scopes --add ${/^[\w-]+$/.test(permission) ? permission : `"${permission}"`}:${access} --reason "<why the app needs it>"`,
    }));
  }
  if (e.status === 429) {
    const t = Date.parse(e.time);
    const count = entries.filter((x) => x.tenant === e.tenant && x.path.startsWith('/v1/') && !/[?&]cursor=/.test(x.path) && Date.parse(x.time) > t - RATE_LIMIT_WINDOW_MS && Date.parse(x.time) <= t).length;
    line.minute = { count, limit: RATE_LIMIT_PER_MINUTE };
  }
  return line;
}

// Pure validators shared by the prompts and the flags: each returns true or a message that says how to fix it.
// They apply the same rules as the schema (catalog patterns) so an answer accepted here validates there.
import {
  APP_ID_PATTERN, CLIENT_SETTING_CODE_PATTERN, isTenantId, TENANT_ID_HELP, tenantIdFromInput, titleProblems,
} from '../catalog/index.js';
import { basicAuthUsernameProblem, pathProblem, urlProblem, type ValueProblem } from '../manifest/values.js';

export type Check = true | string;

const says = (p: ValueProblem | undefined): Check => (p ? `${p.message}: ${p.hint}` : true);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LOCAL = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/i;

export const required = (what: string) => (value: unknown): Check =>
  (typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null) || `${what} is required`;

export function appId(value: string): Check {
  if (!new RegExp(APP_ID_PATTERN).test(value)) return 'use lowercase letters, digits and hyphens, starting with a letter or digit (e.g. "acme-order-sync")';
  return value.length <= 50 || 'use at most 50 characters';
}

export function email(value: string): Check {
  return EMAIL.test(value.trim()) || `"${value}" is not an email address`;
}

export function optionalUrl(value: string): Check {
  if (value.trim() === '') return true;
  const problem = urlProblem(value.trim());
  if (problem) return says(problem);
  try {
    const u = new URL(value);
    return /^https?:$/.test(u.protocol) || 'use an http(s) URL';
  } catch {
    return `"${value}" is not a URL (include https://)`;
  }
}

/** The app's public base URL: https, or a local http URL during development. */
export function baseUrl(value: string): Check {
  const v = value.trim();
  if (v === '') return 'the base URL is required (your app\u2019s public https URL; http://localhost:3000 works for development)';
  const problem = urlProblem(v);
  if (problem) return says(problem);
  try {
    const u = new URL(v);
    if (u.protocol === 'https:' || LOCAL.test(v)) return true;
    return 'Commerce7 calls only https URLs: use https:// (or http://localhost for development)';
  } catch {
    return `"${v}" is not a URL (start with https://)`;
  }
}

/** A URL Commerce7 calls: a path starting with "/" (joined to the base URL) or an absolute https URL. */
export function calledUrl(value: string): Check {
  const v = value.trim();
  if (v.startsWith('/')) return says(pathProblem(v));
  return baseUrl(v);
}

/** The Basic-auth username Commerce7 sends (a colon or a control character could never be matched). */
export function basicAuthUsername(value: string): Check {
  if (value.trim() === '') return 'the username is required';
  return says(basicAuthUsernameProblem(value));
}

export function listingTitle(value: string): Check {
  const problems = titleProblems(value);
  return problems.length === 0 || problems.join('; ');
}

/** Splits "a, b c" into ["a","b","c"], removing duplicates and empty parts. */
export function splitList(value: string | string[]): string[] {
  const parts = Array.isArray(value) ? value : value.split(/[\s,]+/);
  return [...new Set(parts.map((p) => p.trim()).filter(Boolean))];
}

/** Tenant IDs as typed or pasted: a list, where an admin URL counts as its tenant ID. */
export function tenantList(value: string | string[]): string[] {
  return [...new Set(splitList(value).map(tenantIdFromInput))];
}

export function tenantIds(value: string[], { allowEmpty }: { allowEmpty: boolean }): Check {
  if (value.length === 0) return allowEmpty || `list at least one tenant ID. ${TENANT_ID_HELP}`;
  const bad = value.filter((t) => !isTenantId(t));
  return bad.length === 0 || `${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is not a tenant ID' : 'are not tenant IDs'}: lowercase letters, digits and hyphens. ${TENANT_ID_HELP}`;
}

export function settingCode(value: string, taken: string[]): Check {
  if (!new RegExp(CLIENT_SETTING_CODE_PATTERN).test(value)) return 'start with a letter; use letters, digits and _ only (it becomes a key in the install body)';
  return !taken.includes(value) || `"${value}" is already used by another client setting`;
}

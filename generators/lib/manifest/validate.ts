// Validates c7-app.json: JSON syntax, the schema (ajv, draft 2020-12) and the rules a schema cannot say.
// Reports every problem at once, each with its position, JSON pointer, message and a hint where one helps.
import type { ErrorObject } from 'ajv/dist/2020.js';
import { closest, distance } from 'fastest-levenshtein';
import {
  canonicalPermission, canonicalWebhookObject, ENV_VARS, EXTENSION_FIELDS, extensionType, PERMISSION_NAMES,
  type ExtensionTypeName,
} from '../catalog/index.js';
import { credentialInValue, isLooseSecretName, isPlaceholderValue } from '../secrets/values.js';
import { manifestSchemaValidator } from './ajv.js';
import { JsonSource, MAX_NESTING_DEPTH, toPointer } from './source.js';
import { basicAuthUsernameProblem, urlProblem } from './values.js';
import type { Manifest } from './types.js';

export type Severity = 'error' | 'warning';
export interface Diagnostic {
  severity: Severity;
  pointer: string;
  message: string;
  hint?: string;
  /** 'secrets' for a secret found in the manifest, so a CI can gate on secrets alone. */
  category?: 'secrets';
  line: number;
  column: number;
}
export interface ValidationResult {
  /** The manifest with old spellings replaced by current ones; undefined when the JSON is malformed. */
  manifest: Manifest | undefined;
  diagnostics: Diagnostic[];
  valid: boolean;
}

type Raw = Omit<Diagnostic, 'line' | 'column'> & { atKey?: boolean; fromSchema?: 'pattern' | 'format' };

/**
 * Validate manifest text, or the bytes of a file (then invalid UTF-8 is reported at the bad byte, not silently
 * replaced). Never throws on bad input: too deep, malformed, duplicate keys and bad bytes are diagnostics too.
 */
export function validateManifestText(input: string | Uint8Array): ValidationResult {
  const source = new JsonSource(input);
  const textDiagnostics = source.problems.map(({ offset, ...p }) => ({ ...p, ...source.position(offset) }));
  if (source.errors.length > 0 || source.root === undefined) {
    if (!textDiagnostics.some((d) => d.severity === 'error')) {
      textDiagnostics.push({ severity: 'error', pointer: '', message: 'the file is empty', hint: 'start from one of the examples/ manifests', line: 1, column: 1 });
    }
    return { manifest: undefined, diagnostics: textDiagnostics, valid: false };
  }
  let original: unknown;
  try {
    original = JSON.parse(source.body);
  } catch (err) {
    // jsonc-parser and JSON.parse agree on strict JSON; should they ever differ, this is still a located error.
    const at = /position (\d+)/.exec((err as Error).message);
    return { manifest: undefined, valid: false, diagnostics: [...textDiagnostics, { severity: 'error', pointer: '', message: `malformed JSON: ${(err as Error).message}`, hint: 'fix the JSON syntax first; other checks run once it parses', ...source.position(at ? Number(at[1]) : 0) }] };
  }
  const result = validateManifestValue(original, source);
  if (textDiagnostics.length === 0) return result;
  return { ...result, diagnostics: [...textDiagnostics, ...result.diagnostics] };
}

/** Validate a parsed value; `source` (when given) supplies positions. */
export function validateManifestValue(original: unknown, source?: JsonSource): ValidationResult {
  // Every walk below recurses: a value nested too deep (or a cycle, from code) is refused before any of them.
  const deep = tooDeep(original, MAX_NESTING_DEPTH);
  if (deep !== undefined) {
    const pos = source ? source.locate(deep) : { line: 1, column: 1 };
    return {
      manifest: undefined, valid: false,
      diagnostics: [{ severity: 'error', pointer: deep, message: `nested more than ${MAX_NESTING_DEPTH} levels deep`, hint: `objects and arrays in c7-app.json may nest at most ${MAX_NESTING_DEPTH} levels (a manifest needs about 5): flatten this value`, ...pos }],
    };
  }
  const raw: Raw[] = [];
  const value = structuredClone(original) as Record<string, unknown>;
  normalize(value, raw);
  findSecrets(original, [], raw);
  const validate = manifestSchemaValidator();
  if (!validate(value)) raw.push(...friendlyErrors(validate.errors ?? []));
  const rules: Raw[] = [];
  if (isObject(value)) ruleChecks(value as unknown as Manifest, rules);
  raw.push(...rules);

  // A secret is reported once, as a secret, not also as an unknown property; a value a rule explains (a URL with
  // no host, a path with a space) is not also reported by the schema's pattern or format, which may echo it.
  const secretAt = new Set(raw.filter((d) => d.message.includes('looks like a secret')).map((d) => d.pointer));
  const ruleAt = new Set(rules.filter((d) => d.severity === 'error').map((d) => d.pointer));
  // A credential in a URL is one problem: the URL rule says how to fix it, and keeps the secrets category (CI gates).
  const credentialAt = new Set(raw.filter((d) => d.category === 'secrets' && !d.atKey && ruleAt.has(d.pointer)).map((d) => d.pointer));
  for (const d of rules) if (credentialAt.has(d.pointer) && d.severity === 'error') d.category = 'secrets';
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const d of raw) {
    if (d.category === 'secrets' && !d.atKey && credentialAt.has(d.pointer) && !rules.includes(d)) continue;
    const key = `${d.severity}|${d.pointer}|${d.message}`;
    if (seen.has(key) || (secretAt.has(d.pointer) && d.message.startsWith('unknown property'))) continue;
    if (d.fromSchema && ruleAt.has(d.pointer)) continue;
    seen.add(key);
    const { atKey, fromSchema, ...rest } = d;
    const pos = source ? source.locate(d.pointer, atKey) : { line: 0, column: 0 };
    diagnostics.push({ ...rest, ...pos });
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const valid = !diagnostics.some((d) => d.severity === 'error');
  return { manifest: isObject(value) ? (value as unknown as Manifest) : undefined, diagnostics, valid };
}

/** The pointer of the top-level field where `value` nests deeper than `max` (a cycle counts as too deep), without recursion. */
function tooDeep(value: unknown, max: number): string | undefined {
  const stack: Array<[unknown, number, string]> = [[value, 1, '']];
  while (stack.length) {
    const [v, depth, top] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return top;
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    for (const [k, x] of entries) stack.push([x, depth + 1, depth === 1 ? toPointer([k]) : top]);
  }
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Old spellings are accepted with a warning and replaced by the current name. */
function normalize(value: Record<string, unknown>, out: Raw[]): void {
  if (!isObject(value)) return;
  const perms = value.permissions;
  if (Array.isArray(perms)) perms.forEach((p, i) => {
    if (!isObject(p) || typeof p.endpoint !== 'string') return;
    const current = canonicalPermission(p.endpoint);
    if (current && current !== p.endpoint) {
      out.push({ severity: 'warning', pointer: `/permissions/${i}/endpoint`, message: `"${p.endpoint}" is an old name of "${current}"`, hint: `write "${current}"` });
      p.endpoint = current;
    }
  });
  const hooks = value.webhooks;
  if (Array.isArray(hooks)) hooks.forEach((h, i) => {
    if (!isObject(h) || typeof h.object !== 'string') return;
    const current = canonicalWebhookObject(h.object);
    if (current && current !== h.object) {
      out.push({ severity: 'warning', pointer: `/webhooks/${i}/object`, message: `"${h.object}" is the log spelling of "${current}"`, hint: `write "${current}"` });
      h.object = current;
    }
  });
}

const SECRET_KEY = /pass(word|wd)?$|secret|token|api[-_]?key|private[-_]?key|credential/i;
const SECRET_VALUE = /-----BEGIN [A-Z ]*PRIVATE KEY-----|^Basic [A-Za-z0-9+/=]{8,}$/;

const VALUE_KIND_TEXT: Record<string, string> = {
  'private-key': 'a private key', 'basic-auth': 'a Basic credential (an id and secret, base64)',
  'base64-credentials': 'a base64 id:secret pair', 'url-password': 'a URL with a password in it',
  assignment: 'a secret assigned to a name', bearer: 'a Bearer token',
};

/**
 * Secrets never live in c7-app.json (it is committed): point to the environment variables instead. A key named like
 * a secret is refused whatever its value; under a field of the user's own (`x-…`), where the schema says nothing, a
 * looser name (`key`, `auth`, `pass`…) with a real-looking value is refused too; and anywhere, a string that is a
 * credential by its shape (a base64 id:secret, `Basic …`, a URL with a password, `NAME=secret`, a PEM key).
 */
function findSecrets(node: unknown, path: Array<string | number>, out: Raw[], custom = false): void {
  if (Array.isArray(node)) return node.forEach((v, i) => findSecrets(v, [...path, i], out, custom));
  if (isObject(node)) {
    for (const [k, v] of Object.entries(node)) {
      const p = [...path, k];
      const inCustom = custom || k.startsWith('x-');
      const named = SECRET_KEY.test(k) && v !== null && v !== '' && typeof v !== 'boolean';
      const loose = !named && inCustom && typeof v === 'string' && isLooseSecretName(k.replace(/^x-/, '')) && !isPlaceholderValue(v);
      if (named || loose) {
        out.push({
          severity: 'error', pointer: toPointer(p), atKey: true, category: 'secrets',
          message: `"${k}" looks like a secret, and c7-app.json is committed`,
          hint: `remove it and set ${ENV_VARS.appSecret.name} (App Secret Key) or ${ENV_VARS.basicAuthPassword.name} (Basic-auth password) in .env, which git ignores`,
        });
      } else findSecrets(v, p, out, inCustom);
    }
    return;
  }
  if (typeof node === 'string') {
    const kind = credentialInValue(node) ?? (SECRET_VALUE.test(node) ? (node.includes('PRIVATE KEY') ? 'private-key' : 'basic-auth') : undefined);
    if (kind) {
      out.push({
        severity: 'error', pointer: toPointer(path), category: 'secrets',
        message: `this value looks like a credential (${VALUE_KIND_TEXT[kind] ?? kind}), and c7-app.json is committed`,
        hint: `keep secrets in .env (${ENV_VARS.appSecret.name}, ${ENV_VARS.basicAuthPassword.name}), which git ignores`,
      });
    }
  }
}

/** `did you mean "Customer"?` when the input is a near miss of one of the options (case, spacing, or a typo). */
export function didYouMean(input: unknown, options: readonly unknown[]): string | undefined {
  if (typeof input !== 'string') return undefined;
  const strings = options.filter((o): o is string => typeof o === 'string');
  if (strings.length === 0) return undefined;
  const lower = input.toLowerCase();
  const ci = strings.find((s) => s.toLowerCase() === lower || s.replace(/\s+/g, '').toLowerCase() === lower.replace(/[\s_-]+/g, ''));
  const best = ci ?? closest(input, strings);
  if (ci || distance(input.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3))) return `did you mean "${best}"?`;
  return undefined;
}

function friendlyErrors(errors: ErrorObject[]): Raw[] {
  const out: Raw[] = [];
  const hintOf = (e: ErrorObject) => (e.parentSchema as { 'x-hint'?: string } | undefined)?.['x-hint'];
  for (const e of errors) {
    const at = e.instancePath;
    const xhint = hintOf(e);
    switch (e.keyword) {
      case 'if': case 'allOf': break;
      case 'required': {
        const prop = (e.params as { missingProperty: string }).missingProperty;
        const description = ((e.parentSchema as { properties?: Record<string, { description?: string }> }).properties?.[prop]?.description);
        out.push({ severity: 'error', pointer: at, message: `"${prop}" is required${at ? ` in ${at}` : ''}`, hint: xhint ?? description });
        break;
      }
      case 'additionalProperties': {
        const prop = (e.params as { additionalProperty: string }).additionalProperty;
        const allowed = Object.keys((e.parentSchema as { properties?: object }).properties ?? {});
        out.push({ severity: 'error', pointer: `${at}/${prop.replace(/~/g, '~0').replace(/\//g, '~1')}`, atKey: true, message: `unknown property "${prop}"`, hint: didYouMean(prop, allowed) ?? `allowed: ${allowed.join(', ')}; your own fields must start with "x-"` });
        break;
      }
      case 'enum': {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
        const list = allowed.map((a) => JSON.stringify(a)).join(', ');
        out.push({ severity: 'error', pointer: at, message: `${JSON.stringify(e.data)} is not allowed here`, hint: didYouMean(e.data, allowed) ?? xhint ?? `allowed: ${list}` });
        break;
      }
      case 'const':
        out.push({ severity: 'error', pointer: at, message: `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}` });
        break;
      case 'maxItems':
        out.push({ severity: 'error', pointer: at, message: (e.params as { limit: number }).limit === 0 ? 'must be empty here' : e.message ?? 'too many items', hint: xhint });
        break;
      case 'minItems':
        out.push({ severity: 'error', pointer: at, message: `needs at least ${(e.params as { limit: number }).limit} item(s)`, hint: xhint });
        break;
      case 'uniqueItems': {
        const { i, j } = e.params as { i: number; j: number };
        out.push({ severity: 'error', pointer: `${at}/${i}`, message: `duplicate of item ${j}`, hint: 'list each value once' });
        break;
      }
      case 'pattern': case 'format': {
        const description = (e.parentSchema as { description?: string }).description;
        out.push({ severity: 'error', pointer: at, fromSchema: e.keyword, message: `${JSON.stringify(e.data)} is not a valid ${e.keyword === 'format' ? (e.params as { format: string }).format : 'value'} here`, hint: description });
        break;
      }
      case 'minLength':
        out.push({ severity: 'error', pointer: at, message: 'must not be empty', hint: (e.parentSchema as { description?: string }).description });
        break;
      case 'type':
        out.push({ severity: 'error', pointer: at, message: `must be ${(e.params as { type: string }).type === 'object' ? 'an object' : `of type ${(e.params as { type: string }).type}`}, not ${JSON.stringify(e.data)}`, hint: (e.parentSchema as { description?: string }).description });
        break;
      default:
        out.push({ severity: 'error', pointer: at, message: e.message ?? e.keyword, hint: xhint });
    }
  }
  return out;
}

const LOCAL_HOST = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/i;

/** Rules a schema cannot say: uniqueness by a field, cross-field URLs, fields a type does not take. */
function ruleChecks(m: Manifest, out: Raw[]): void {
  const perms = Array.isArray(m.permissions) ? m.permissions : [];
  const seenPerm = new Map<string, number>();
  perms.forEach((p, i) => {
    if (!isObject(p) || typeof p.endpoint !== 'string') return;
    const first = seenPerm.get(p.endpoint);
    if (first !== undefined) out.push({ severity: 'error', pointer: `/permissions/${i}/endpoint`, message: `"${p.endpoint}" is already listed at /permissions/${first}`, hint: 'list each endpoint once, with the highest access the app needs' });
    else seenPerm.set(p.endpoint, i);
    if (!(PERMISSION_NAMES as readonly string[]).includes(p.endpoint)) return;
    if (p.access === 'full' && !p.reason) out.push({ severity: 'warning', pointer: `/permissions/${i}`, message: `full access to "${p.endpoint}" has no reason`, hint: 'add "reason": what the app writes, and why (reviewers and installing clients read it)' });
  });

  const settings = Array.isArray(m.clientSettings) ? m.clientSettings : [];
  const seenCode = new Map<string, number>();
  settings.forEach((s, i) => {
    if (!isObject(s) || typeof s.code !== 'string') return;
    const first = seenCode.get(s.code);
    if (first !== undefined) out.push({ severity: 'error', pointer: `/clientSettings/${i}/code`, message: `code "${s.code}" is already used by /clientSettings/${first}`, hint: 'each client setting needs its own code: it is the key of its value in the install body' });
    else seenCode.set(s.code, i);
  });

  const hooks = Array.isArray(m.webhooks) ? m.webhooks : [];
  const seenHook = new Map<string, number>();
  hooks.forEach((h, i) => {
    if (!isObject(h)) return;
    const key = `${h.object}|${h.action}`;
    const first = seenHook.get(key);
    if (first !== undefined) out.push({ severity: 'error', pointer: `/webhooks/${i}`, message: `${h.object} ${h.action} is already subscribed at /webhooks/${first}`, hint: 'one webhook per object and action' });
    else seenHook.set(key, i);
    if (h.basicAuth === true && !m.installation?.basicAuth) out.push({ severity: 'error', pointer: `/webhooks/${i}/basicAuth`, message: 'this webhook sends Basic auth, but installation.basicAuth is not set', hint: 'add "installation": { "basicAuth": { "username": "..." } } or remove "basicAuth"' });
  });

  const exts = Array.isArray(m.extensions) ? m.extensions : [];
  exts.forEach((x, i) => {
    if (!isObject(x) || typeof x.type !== 'string') return;
    let info;
    try { info = extensionType(x.type as ExtensionTypeName); } catch { return; }
    if (!info) return;
    const takes = new Set<string>(['type', 'location', ...info.required, ...info.optional]);
    for (const field of Object.keys(x)) {
      if (field.startsWith('x-') || takes.has(field) || !(field in EXTENSION_FIELDS)) continue;
      out.push({ severity: 'error', pointer: `/extensions/${i}/${field}`, atKey: true, message: `a ${x.type} extension does not take "${field}"`, hint: `it takes ${[...takes].filter((f) => f !== 'type' && f !== 'location').join(', ')}` });
    }
  });

  // URLs Commerce7 calls.
  const baseUrl = m.installation?.baseUrl;
  const called: Array<[string, unknown]> = [
    ['/installation/baseUrl', baseUrl],
    ['/installation/installUrl', m.installation?.installUrl],
    ['/installation/uninstallUrl', m.installation?.uninstallUrl],
    ...hooks.map((h, i) => [`/webhooks/${i}/url`, isObject(h) ? h.url : undefined] as [string, unknown]),
    ...exts.flatMap((x, i) => (isObject(x) ? [[`/extensions/${i}/iframeUrl`, x.iframeUrl], [`/extensions/${i}/url`, x.url]] : []) as Array<[string, unknown]>),
  ];
  for (const [pointer, url] of called) {
    if (typeof url !== 'string' || url === '') continue;
    const problem = urlProblem(url, { allowPath: pointer !== '/installation/baseUrl' });
    if (problem) {
      out.push({ severity: 'error', pointer, ...problem });
      continue;
    }
    if (url.startsWith('/')) {
      if (typeof baseUrl !== 'string' && pointer !== '/installation/baseUrl') out.push({ severity: 'error', pointer, message: `"${url}" is a path, but installation.baseUrl is not set`, hint: 'set installation.baseUrl (your app\u2019s public https URL) or write an absolute https URL' });
    } else if (LOCAL_HOST.test(url)) {
      out.push({ severity: 'warning', pointer, message: `${url} is a local URL: fine for development, but Commerce7 cannot reach it`, hint: 'use your public https URL before you submit' });
    } else if (/^http:\/\//i.test(url)) {
      out.push({ severity: 'error', pointer, message: `${url} is not https: Commerce7 calls only https URLs`, hint: `write ${url.replace(/^http:/i, 'https:')}` });
    }
  }

  // URLs the listing shows (and README.md copies).
  for (const field of ['websiteUrl', 'documentationUrl'] as const) {
    const url = m.listing?.[field];
    const problem = typeof url === 'string' && url !== '' ? urlProblem(url) : undefined;
    if (problem) out.push({ severity: 'error', pointer: `/listing/${field}`, ...problem });
  }

  const username = m.installation?.basicAuth?.username;
  const userProblem = typeof username === 'string' ? basicAuthUsernameProblem(username) : undefined;
  if (userProblem) out.push({ severity: 'error', pointer: '/installation/basicAuth/username', ...userProblem });
}

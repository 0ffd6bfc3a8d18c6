// What a secret looks like, by its name and by its value: shared by `c7-app check`'s scanner of tracked files
// (lib/checklist/secrets.ts) and by validate's walk over c7-app.json (lib/manifest/validate.ts). Heuristics, our
// advice. Never returns a value: callers report a kind and a place.

const SECRET_NAME_ENDINGS = ['secret', 'secretkey', 'password', 'passwd', 'token', 'apikey', 'privatekey', 'accesskey'];

/** Does this name (any case, any separators) end like a secret? "C7_APP_SECRET", "basicAuthPassword", "api-key". */
export function isSecretName(name: string): boolean {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_NAME_ENDINGS.some((e) => n.endsWith(e));
}

/** Values that are not a real secret: empty, too short, references, templates, placeholders, prose. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 4) return true;
  if (/\s/.test(v)) return true; // prose: an error message, a label
  if (/^[A-Z][A-Z0-9_]*$/.test(v)) return true; // the name of an environment variable
  if (/^[$%<[{]|\$\{|\{\{|\$[A-Za-z_]/.test(v)) return true; // ${X}, $X, %X%, <your key>, [secret], {{x}}
  if (/^(.)\1+$/.test(v)) return true; // ****, xxxx, ....
  if (/change[-_ ]?me|example|sample|dummy|fake|placeholder|your[-_]|replace|redacted|test|xxx|\.\.\./i.test(v)) return true;
  if (/^(pass|passw(or)?d|pwd|secret|token|string|undefined|null|none|true|false|required|optional|hidden)$/i.test(v)) return true;
  return false;
}

/** Printable text that base64 `s` stands for, or undefined (random base64 decodes to bytes). */
export function decodeBase64Text(s: string): string | undefined {
  if (s.replace(/=+$/, '').length % 4 === 1) return undefined;
  const text = Buffer.from(s, 'base64').toString('utf8');
  return /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}

/** Is `s` the base64 of `id:secret` (as HTTP Basic sends an App ID and App Secret Key), with a real-looking secret? */
export function isBase64CredentialPair(s: string, { strict = true } = {}): boolean {
  // What Buffer/btoa write is padded to a multiple of 4: requiring it keeps long identifiers out.
  if (strict && (s.length < 12 || s.length % 4 !== 0)) return false;
  const text = decodeBase64Text(s);
  if (!text) return false;
  const m = /^([^\s:]+):(\S+)$/.exec(text);
  if (!m) return false;
  const secret = m[2]!;
  if (secret.startsWith('//')) return false; // a URL, not a pair
  return !isPlaceholderValue(secret.replace(/:/g, '_'));
}

export interface UrlPassword { scheme: string; user: string; index: number }

const URL_USERINFO = /\b([a-z][a-z0-9+.-]*):\/\/([^\s/:@'"`<>]+):([^\s/@'"`<>]+)@/gi;

/** Passwords in the user info of URLs in `text` (`postgres://app:<password>@db`), placeholders left out. */
export function urlPasswords(text: string): UrlPassword[] {
  const out: UrlPassword[] = [];
  for (const m of text.matchAll(URL_USERINFO)) {
    const pw = decodeUriSafe(m[3]!);
    if (isPlaceholderValue(pw) || /^[:*]+$/.test(pw)) continue;
    out.push({ scheme: m[1]!.toLowerCase(), user: m[2]!, index: m.index });
  }
  return out;
}

function decodeUriSafe(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

export type ValueKind = 'private-key' | 'basic-auth' | 'base64-credentials' | 'url-password' | 'assignment' | 'bearer';

const PEM = /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/;
const BASIC_WHOLE = /^Basic\s+([A-Za-z0-9+/]{8,}={0,2})$/;
const BEARER_WHOLE = /^Bearer\s+([A-Za-z0-9._~+/-]{24,}=*)$/;
const ENV_PAIR = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/;

/**
 * Is this whole string value (a JSON string, say) a credential by its shape alone, whatever its key is called?
 * A PEM private key, `Basic <base64 id:secret>`, a bare base64 `id:secret`, a URL with a password, a long Bearer
 * token, or `NAME=value` where NAME ends like a secret.
 */
export function credentialInValue(value: string): ValueKind | undefined {
  const v = value.trim();
  if (PEM.test(v)) return 'private-key';
  const basic = BASIC_WHOLE.exec(v);
  if (basic) return isBase64CredentialPair(basic[1]!, { strict: false }) ? 'basic-auth' : undefined;
  const bearer = BEARER_WHOLE.exec(v);
  if (bearer) return isPlaceholderValue(bearer[1]!) ? undefined : 'bearer';
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(v) && isBase64CredentialPair(v)) return 'base64-credentials';
  if (urlPasswords(v).length > 0) return 'url-password';
  const pair = ENV_PAIR.exec(v);
  if (pair && isSecretName(pair[1]!)) {
    const raw = pair[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
    if (raw !== '' && !isPlaceholderValue(raw)) return 'assignment';
  }
  return undefined;
}

/**
 * Names that mean "a credential" under a field of the user's own (`x-…`), where nothing else tells what the value is:
 * the secret-like endings plus bare `key`, `auth`, `pass`, `pwd`, `credentials`.
 */
export function isLooseSecretName(name: string): boolean {
  if (isSecretName(name)) return true;
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (/(public|publishable|site|idempotency|cache|sort|primary|foreign|partition|map|hot|monkey)key$/.test(n)) return false;
  return /(key|auth|authorization|pass|pwd|pw|credentials?|creds)$/.test(n);
}

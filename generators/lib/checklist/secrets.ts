// Finds things in tracked files that look like an App Secret Key, a password or a token. Reports where and what kind,
// never the value. Heuristics (our advice, not Commerce7's), in the shapes secrets are committed in:
//   env-file            a committed .env or .env.* (all but .env.example and its kin), whatever it holds
//   assignment          a value assigned to a name that ends like a secret (…SECRET, …PASSWORD, …TOKEN, …API_KEY,
//                       …PRIVATE_KEY): NAME=value, name: value, "name": "value", const NAME = "…"
//   basic-auth          a literal `Basic <base64 of id:secret>`
//   base64-credentials  a bare base64 string that decodes to `id:secret`
//   env-fallback        a literal fallback after an environment lookup: process.env.X ?? "…", || "…",
//                       os.environ.get("X", "…"), os.getenv, ENV.fetch, getenv() ?: "…", ${X:-…}
//   cli-credentials     curl -u id:secret, curl --user, wget --password, http -a
//   url-password        a password in a URL's user info (postgres://app:…@db)
//   bearer, private-key a long literal Bearer token, a PEM private key
// A value is not reported when it is empty, a placeholder (<…>, ${…}, changeme, anything saying test/fake/example),
// a reference (process.env.X, $X), prose or (in code, for a name) a short word without digits.
// Tokens of known services (GitHub, AWS, Slack, Stripe-like keys…) are secretlint's part: see secretlint.ts.
import path from 'node:path';
import {
  decodeBase64Text, isBase64CredentialPair, isPlaceholderValue, isSecretName, urlPasswords,
} from '../secrets/values.js';
import { isKnownClean } from './secrets-clean.js';
import type { ProjectView, SecretFinding, SecretKind, SkippedPath } from './types.js';

export { isPlaceholderValue, isSecretName };
export type { SecretFinding, SecretKind };

/** Files never scanned: binaries, lock files (full of integrity hashes) and our own output. */
const SKIP_EXTENSIONS = new Set([
  '.png', '.jpg', '.jpeg', '.gif', '.webp', '.ico', '.bmp', '.tiff', '.avif', '.pdf', '.zip', '.gz', '.tgz', '.bz2',
  '.xz', '.7z', '.jar', '.woff', '.woff2', '.ttf', '.otf', '.eot', '.mp3', '.mp4', '.wav', '.mov', '.webm', '.wasm',
  '.node', '.so', '.dylib', '.dll', '.exe', '.bin',
]);
const SKIP_FILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'SUBMISSION_CHECKLIST.md']);
/** Larger text files are not scanned (reported as skipped): minified bundles and data, not code someone typed. */
export const MAX_SCAN_BYTES = 1024 * 1024;

/** Files where `NAME=value` and `name: value` without quotes are the way values are written. */
function isConfigFile(file: string): boolean {
  const base = path.posix.basename(file).toLowerCase();
  return base === '.env' || base.startsWith('.env.') || base.endsWith('.env') || base === 'dockerfile' || base === 'procfile'
    || base === 'makefile' || /\.(ya?ml|toml|ini|cfg|conf|properties|sh|bash|zsh|mk)$/.test(base);
}

/** The env files meant to be committed: names and empty values only. */
const ENV_TEMPLATES = new Set(['example', 'sample', 'template', 'dist', 'defaults', 'schema']);

/** A committed `.env` or `.env.<anything>` except `.env.example` (and .sample, .template, .dist, .defaults, .schema). */
export function isEnvFile(file: string): boolean {
  const base = path.posix.basename(file).toLowerCase();
  if (base === '.env') return true;
  if (!base.startsWith('.env.')) return false;
  return !base.slice('.env.'.length).split('.').some((part) => ENV_TEMPLATES.has(part));
}

/**
 * In code, a short string without digits next to a secret-ish name is nearly always a word or an identifier
 * (`staffToken: "account"`, `tokenType: 'Bearer'`), not a credential. Config files get no such benefit of the doubt.
 */
function isWordLike(v: string): boolean {
  return v.length < 16 && !/\d/.test(v);
}

/** An unquoted right-hand side that is code, not a value: process.env.X, a call, a fallback. */
function isExpression(v: string): boolean {
  return /^[A-Za-z_$][\w$]*(\.|\(|\[)|\?\?|\|\||&&|^\(|^await\b|^new\b/.test(v);
}

const ENV_ASSIGN = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/;
const YAML_PAIR = /^\s*-?\s*["']?([A-Za-z_][\w.-]*)["']?\s*:\s+(.+)$/;
const QUOTED_PAIR = /["']?([A-Za-z_$][\w$-]*)["']?\s*(?::|=)\s*(["'`])([^"'`\n]*)\2/g;
const BASIC = /\bBasic\s+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/g;
const BEARER = /\bBearer\s+([A-Za-z0-9._~+/-]{24,}=*)/g;
const PEM = /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/;
/** A run of base64, at least 12 characters; standalone (not part of a longer word or path) is checked by the caller. */
const BASE64_RUN = /[A-Za-z0-9+/]{12,}={0,2}/g;
const WORDISH = /[A-Za-z0-9+/=_.-]/;
// Cheap tests that let most lines skip the costlier patterns (each pattern can only match a line that passes its gate).
const NAME_GATE = /secret|passw|token|key/i;
const ENV_GATE = /env/i;
const CLI_GATE = /\s-[ua]\b|--user|--auth|password/;

// Environment lookups followed by a literal: the literal is what runs when the variable is not set, so it is committed.
const Q = `(["'\`])((?:(?!\\1)[^\\n])*)\\1`; // a quoted literal: groups quote, value (the caller's group numbers follow)
const ENV_NAME = `["'\`]?([A-Za-z_][A-Za-z0-9_]*)["'\`]?`;
const FALLBACKS: Array<{ re: RegExp; show: (name: string) => string }> = [
  // process.env.X ?? "…", process.env["X"] || '…', import.meta.env.X ?? …, Bun.env.X, Deno.env.get("X") ?? …
  { re: new RegExp(`(?:process\\.env|import\\.meta\\.env|Bun\\.env)(?:\\.([A-Za-z_][A-Za-z0-9_]*)|\\[\\s*${ENV_NAME}\\s*\\])\\s*(?:\\?\\?|\\|\\||\\?:)\\s*${Q.replace('\\1', '\\3').replace('\\1', '\\3')}`, 'g'), show: (n) => `process.env.${n} with the fallback "<hidden>"` },
  { re: new RegExp(`Deno\\.env\\.get\\(\\s*["'\`]([A-Za-z_][A-Za-z0-9_]*)["'\`]\\s*\\)()\\s*(?:\\?\\?|\\|\\|)\\s*${Q.replace('\\1', '\\3').replace('\\1', '\\3')}`, 'g'), show: (n) => `Deno.env.get("${n}") with the fallback "<hidden>"` },
  // Python os.environ.get("X", "…"), os.getenv("X", "…"), environ.setdefault; Ruby ENV.fetch("X", "…"); PHP/Laravel env('X', '…');
  // Java System.getenv().getOrDefault("X", "…")
  { re: new RegExp(`(?:\\benviron\\.(?:get|setdefault)|\\bgetenv|\\bENV\\.fetch|(?<![\\w.])env|getOrDefault)\\(\\s*["'\`]([A-Za-z_][A-Za-z0-9_]*)["'\`]()\\s*,\\s*${Q.replace('\\1', '\\3').replace('\\1', '\\3')}`, 'g'), show: (n) => `an environment lookup of ${n} with the fallback "<hidden>"` },
  // Python os.environ.get("X") or "…", os.getenv("X") or "…"; PHP getenv('X') ?: '…'; Ruby ENV["X"] || "…"; PHP $_ENV['X'] ?? '…'
  { re: new RegExp(`(?:\\benviron\\.get\\(|\\bgetenv\\(|\\bENV\\[|\\$_ENV\\[|\\$_SERVER\\[|\\benviron\\[)\\s*["'\`]([A-Za-z_][A-Za-z0-9_]*)["'\`]()\\s*[\\])]\\s*(?:\\?\\?|\\|\\||\\?:|\\bor\\b)\\s*${Q.replace('\\1', '\\3').replace('\\1', '\\3')}`, 'g'), show: (n) => `an environment lookup of ${n} with the fallback "<hidden>"` },
];
/** Shell and compose: ${X:-…}, ${X-…}, ${X:=…}. */
const SHELL_DEFAULT = /\$\{([A-Za-z_][A-Za-z0-9_]*):?[-=]([^}\s"']+)\}/g;

/** curl -u id:secret, curl --user id:secret, http -a id:secret / --auth, wget --password=… / --http-password=… */
const CLI_USER = /\b(?:curl|http|https|xh)\b[^\n]*?\s(?:-u|--user|-a|--auth)(?:\s+|=)(["']?)([^\s"':]*):([^\s"']+)\1/g;
const CLI_PASSWORD = /\bwget\b[^\n]*?\s--(?:http-|ftp-)?password(?:\s+|=)(["']?)([^\s"']+)\1/g;

function unquote(raw: string): { value: string; quoted: boolean } {
  let v = raw.trim().replace(/;\s*$/, '');
  const q = v[0];
  if ((q === '"' || q === "'" || q === '`') && v.length >= 2 && v.endsWith(q)) return { value: v.slice(1, -1), quoted: true };
  v = v.replace(/\s+#.*$/, '').trim(); // an inline comment after an unquoted value
  return { value: v, quoted: false };
}

/** Scan one file's text. `file` is used to label findings, to report a committed env file, and to pick the rules for config files. */
export function scanTextForSecrets(file: string, text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  const config = isConfigFile(file);
  if (isEnvFile(file)) {
    found.push({ file, line: 1, kind: 'env-file', what: `${path.posix.basename(file)} is committed: env files hold the real values (values hidden); commit only .env.example` });
  }
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.length > 10_000) return; // a minified or data line: not something a person typed a secret into
    const at = (kind: SecretKind, what: string) => found.push({ file, line: i + 1, kind, what });
    const before = found.length;

    // A literal after an environment lookup (checked first: `const s = process.env.X ?? "…"` is not an assignment of "…").
    const named = NAME_GATE.test(line);
    const envish = named && ENV_GATE.test(line);
    if (envish) for (const { re, show } of FALLBACKS) {
      for (const m of line.matchAll(re)) {
        const name = m[1] || m[2] || '';
        const value = m[4] ?? '';
        if (isSecretName(name) && !isPlaceholderValue(value)) { at('env-fallback', show(name)); break; }
      }
      if (found.length > before) break;
    }
    if (found.length === before && named && line.includes('${')) {
      for (const m of line.matchAll(SHELL_DEFAULT)) {
        if (isSecretName(m[1]!) && !isPlaceholderValue(m[2]!)) { at('env-fallback', `\${${m[1]}:-<hidden>}`); break; }
      }
    }
    const lookups = found.length > before || (envish && /process\.env|import\.meta\.env|\benviron\b|\bgetenv\b|\bENV\b|\$_ENV/.test(line));

    if (found.length === before && named) {
      // A YAML list item (docker-compose `environment:`): `- NAME=value`, `- "NAME=value"`.
      const item = config ? /^\s*-\s+(["']?)(.*)\1\s*$/.exec(line) : null;
      const env = ENV_ASSIGN.exec(item ? item[2]! : line);
      if (env && isSecretName(env[1]!) && (config || /^[A-Z][A-Z0-9_]*$/.test(env[1]!))) {
        const { value, quoted } = unquote(env[2]!);
        if (value !== '' && (quoted || !isExpression(value)) && !isPlaceholderValue(value) && !(lookups && !quoted)) at('assignment', `${env[1]}=<hidden>`);
      }
    }
    if (found.length === before && config && named) {
      const pair = YAML_PAIR.exec(line);
      if (pair && isSecretName(pair[1]!)) {
        const { value } = unquote(pair[2]!);
        if (value !== '' && !isExpression(value) && !isPlaceholderValue(value)) at('assignment', `${pair[1]}: <hidden>`);
      }
    }
    if (found.length === before && named && !lookups) {
      for (const m of line.matchAll(QUOTED_PAIR)) {
        if (isSecretName(m[1]!) && !isPlaceholderValue(m[3]!) && (config || !isWordLike(m[3]!))) { at('assignment', `${m[1]}: "<hidden>"`); break; }
      }
    }
    let basicAt = -1;
    if (line.includes('Basic')) for (const m of line.matchAll(BASIC)) {
      const decoded = decodeBase64Text(m[1]!);
      if (decoded && decoded.includes(':') && !isPlaceholderValue(decoded.replace(/:/g, '_'))) {
        at('basic-auth', 'Authorization: Basic <hidden> (an App ID and secret, base64)');
        basicAt = m.index;
        break;
      }
    }
    if (basicAt < 0) {
      for (const m of line.matchAll(BASE64_RUN)) {
        const run = m[0];
        if (run.length % 4 !== 0) continue; // what encoders write is padded: most identifiers stop here
        const end = m.index + run.length;
        if ((m.index > 0 && WORDISH.test(line[m.index - 1]!)) || (end < line.length && WORDISH.test(line[end]!))) continue;
        if (/\bBasic\s+$/.test(line.slice(0, m.index))) continue;
        if (isBase64CredentialPair(run)) { at('base64-credentials', 'a base64 string that decodes to an id:secret pair (<hidden>)'); break; }
      }
    }
    if (CLI_GATE.test(line)) for (const m of line.matchAll(CLI_USER)) {
      const secret = m[3]!.replace(/[`,.;:)\]}>]+$/, ''); // prose around it: "`curl -u id:secret`,".
      if (!isPlaceholderValue(secret) && !/^\$/.test(secret)) { at('cli-credentials', `${line.trim().split(/\s+/)[0]} ${line.includes('--user') ? '--user' : '-u'} <hidden> (a password on the command line)`); break; }
    }
    if (line.includes('wget')) for (const m of line.matchAll(CLI_PASSWORD)) {
      if (!isPlaceholderValue(m[2]!)) { at('cli-credentials', 'wget --password=<hidden>'); break; }
    }
    if (line.includes('://') && line.includes('@')) {
      const url = urlPasswords(line)[0];
      if (url) at('url-password', `${url.scheme}://${url.user}:<hidden>@\u2026 (a password in a URL)`);
    }
    if (line.includes('Bearer')) for (const m of line.matchAll(BEARER)) {
      if (!isPlaceholderValue(m[1]!)) { at('bearer', 'Authorization: Bearer <hidden>'); break; }
    }
    if (line.includes('-----BEGIN') && PEM.test(line)) at('private-key', 'a private key (PEM)');
  });
  return dedupeByLine(found);
}

/** One finding per line and kind; an assignment whose value is a URL with a password is reported once, as the URL. */
function dedupeByLine(found: SecretFinding[]): SecretFinding[] {
  const seen = new Set<string>();
  const urlLines = new Set(found.filter((f) => f.kind === 'url-password').map((f) => f.line));
  return found.filter((f) => {
    if (f.kind === 'assignment' && urlLines.has(f.line)) return false;
    const key = `${f.line}|${f.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function shouldScan(file: string): boolean {
  // Dependencies are not the project's code (and would make the scan slow when .gitignore forgets them).
  if (/(^|\/)node_modules\//.test(file)) return false;
  const base = path.posix.basename(file);
  if (SKIP_FILES.has(base)) return false;
  return !SKIP_EXTENSIONS.has(path.posix.extname(base).toLowerCase());
}

export interface SecretScan {
  findings: SecretFinding[];
  /** Files that were not scanned, by name and why: too large, not a regular file, unreadable. */
  skipped: SkippedPath[];
  /**
   * The files that were read and scanned, with their text (for a second scanner such as secretlint); not those the
   * build scanned with both and found clean (secrets-clean.ts).
   */
  scanned: Array<{ file: string; text: string }>;
}

/** Scan every file the project would commit: our rules only (synchronous; the generator uses it as is). */
export function scanProjectForSecrets(project: ProjectView): SecretFinding[] {
  return scanProject(project).findings;
}

/** Scan every file the project would commit. Binaries and lock files are left out; large or unreadable files are skipped and named. */
export function scanProject(project: ProjectView, { keepText = false } = {}): SecretScan {
  const findings: SecretFinding[] = [];
  const skipped: SkippedPath[] = [];
  const scanned: SecretScan['scanned'] = [];
  for (const file of project.listFiles()) {
    if (!shouldScan(file)) continue;
    const size = project.size?.(file);
    if (size !== undefined && size > MAX_SCAN_BYTES) {
      skipped.push({ path: file, reason: `larger than ${MAX_SCAN_BYTES / 1024 / 1024} MiB, not scanned for secrets` });
      continue;
    }
    const text = project.read(file);
    if (text === undefined) continue; // the view says why in its skipped() list
    if (text.length > MAX_SCAN_BYTES) { skipped.push({ path: file, reason: `larger than ${MAX_SCAN_BYTES / 1024 / 1024} MiB, not scanned for secrets` }); continue; }
    if (text.includes('\0')) continue;
    if (isKnownClean(file, text)) continue;
    findings.push(...scanTextForSecrets(file, text));
    if (keepText) scanned.push({ file, text });
  }
  const viewSkipped = project.skipped?.() ?? [];
  const all = [...viewSkipped, ...skipped.filter((s) => !viewSkipped.some((v) => v.path === s.path))];
  return { findings, skipped: all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), scanned };
}

// Finds things in tracked files that look like an App Secret Key, a password or a token. Reports where and what kind,
// never the value. Heuristics (our advice, not Commerce7's): a value is flagged when it is assigned to a name that
// ends like a secret (…SECRET, …PASSWORD, …TOKEN, …API_KEY, …PRIVATE_KEY) and is not empty, a placeholder, a
// reference (${X}, process.env.X), prose or (in code) a short word without digits; and wherever a literal
// `Basic <base64 of id:secret>`, a long `Bearer` token or a PEM private key appears.
import path from 'node:path';
import type { ProjectView } from './types.js';

export interface SecretFinding {
  file: string;
  line: number;
  /** What was found, with the value hidden: `C7_APP_SECRET=<hidden>`. */
  what: string;
}

/** Files never scanned: binaries, lock files (full of integrity hashes) and our own output. */
const SKIP_EXTENSIONS = new Set([
  '.png', '.jpg', '.jpeg', '.gif', '.webp', '.ico', '.bmp', '.tiff', '.avif', '.pdf', '.zip', '.gz', '.tgz', '.bz2',
  '.xz', '.7z', '.jar', '.woff', '.woff2', '.ttf', '.otf', '.eot', '.mp3', '.mp4', '.wav', '.mov', '.webm', '.wasm',
  '.node', '.so', '.dylib', '.dll', '.exe', '.bin',
]);
const SKIP_FILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'SUBMISSION_CHECKLIST.md']);
const MAX_SCAN_BYTES = 1024 * 1024;

/** Files where `NAME=value` and `name: value` without quotes are the way values are written. */
function isConfigFile(file: string): boolean {
  const base = path.posix.basename(file).toLowerCase();
  return base === '.env' || base.startsWith('.env.') || base.endsWith('.env') || base === 'dockerfile' || base === 'procfile'
    || /\.(ya?ml|toml|ini|cfg|conf|properties|sh|bash|zsh)$/.test(base);
}

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
  if (/^[$%<[{]|\$\{|\{\{/.test(v)) return true; // ${X}, $X, %X%, <your key>, [secret], {{x}}
  if (/^(.)\1+$/.test(v)) return true; // ****, xxxx, ....
  if (/change[-_ ]?me|example|sample|dummy|fake|placeholder|your[-_]|replace|redacted|test|xxx|\.\.\./i.test(v)) return true;
  if (/^(password|secret|token|string|undefined|null|none|true|false|required|optional|hidden)$/i.test(v)) return true;
  return false;
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

function unquote(raw: string): { value: string; quoted: boolean } {
  let v = raw.trim().replace(/;\s*$/, '');
  const q = v[0];
  if ((q === '"' || q === "'" || q === '`') && v.length >= 2 && v.endsWith(q)) return { value: v.slice(1, -1), quoted: true };
  v = v.replace(/\s+#.*$/, '').trim(); // an inline comment after an unquoted value
  return { value: v, quoted: false };
}

/** Scan one file's text. `file` is only used to label findings and pick the rules for config files. */
export function scanTextForSecrets(file: string, text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  const config = isConfigFile(file);
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const at = (what: string) => found.push({ file, line: i + 1, what });
    const before = found.length;

    const env = ENV_ASSIGN.exec(line);
    if (env && isSecretName(env[1]!) && (config || /^[A-Z][A-Z0-9_]*$/.test(env[1]!))) {
      const { value, quoted } = unquote(env[2]!);
      if (value !== '' && (quoted || !isExpression(value)) && !isPlaceholderValue(value)) at(`${env[1]}=<hidden>`);
    }
    if (found.length === before && config) {
      const pair = YAML_PAIR.exec(line);
      if (pair && isSecretName(pair[1]!)) {
        const { value } = unquote(pair[2]!);
        if (value !== '' && !isExpression(value) && !isPlaceholderValue(value)) at(`${pair[1]}: <hidden>`);
      }
    }
    if (found.length === before) {
      for (const m of line.matchAll(QUOTED_PAIR)) {
        if (isSecretName(m[1]!) && !isPlaceholderValue(m[3]!) && (config || !isWordLike(m[3]!))) { at(`${m[1]}: "<hidden>"`); break; }
      }
    }
    for (const m of line.matchAll(BASIC)) {
      const decoded = decodeBase64(m[1]!);
      if (decoded && decoded.includes(':') && !isPlaceholderValue(decoded.replace(/:/g, '_'))) { at('Authorization: Basic <hidden> (an App ID and secret, base64)'); break; }
    }
    for (const m of line.matchAll(BEARER)) {
      if (!isPlaceholderValue(m[1]!)) { at('Authorization: Bearer <hidden>'); break; }
    }
    if (PEM.test(line)) at('a private key (PEM)');
  });
  return found;
}

function decodeBase64(s: string): string | undefined {
  if (s.replace(/=+$/, '').length % 4 === 1) return undefined;
  const text = Buffer.from(s, 'base64').toString('utf8');
  // Only printable text is a credential pair; random base64 decodes to bytes.
  return /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}

export function shouldScan(file: string): boolean {
  // Dependencies are not the project's code (and would make the scan slow when .gitignore forgets them).
  if (/(^|\/)node_modules\//.test(file)) return false;
  const base = path.posix.basename(file);
  if (SKIP_FILES.has(base)) return false;
  return !SKIP_EXTENSIONS.has(path.posix.extname(base).toLowerCase());
}

/** Scan every file the project would commit. Files that are binary or too large are skipped. */
export function scanProjectForSecrets(project: ProjectView): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const file of project.listFiles()) {
    if (!shouldScan(file)) continue;
    const text = project.read(file);
    if (text === undefined || text.length > MAX_SCAN_BYTES || text.includes('\0')) continue;
    findings.push(...scanTextForSecrets(file, text));
  }
  return findings;
}

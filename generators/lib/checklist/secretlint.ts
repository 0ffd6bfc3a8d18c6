// The second layer of the secrets scan: secretlint (https://github.com/secretlint/secretlint) with its recommended
// preset, for the tokens of known services (AWS, GCP, GitHub, Slack, SendGrid, Shopify, npm, OpenAI, Anthropic,
// Linear, 1Password, database connection strings). Our own rules (secrets.ts) cover the Commerce7 shapes, which the
// preset does not know (an App Secret Key is a plain random string).
//
// Start-up: secretlint is imported only when a file holds a candidate — a run of 20+ letters and digits with at
// least two digits, an access-key-like id, a URL with user info or a PEM header, which every token those rules look
// for is — and only those files are handed to it, not the generator's own files the build found clean with both
// scanners (secrets-clean.ts), so `c7-app check` pays nothing for a new project; a project with candidates pays the
// import (~30 ms here) and ~0.5 ms a file. Asynchronous (secretlint is),
// so `c7-app check` runs it before building the checklist and passes the result in (ChecklistOptions.secretScan).
import { loadSecretlint } from './secretlint-load.js';
import { scanProject } from './secrets.js';
import type { ProjectView, SecretFinding, SkippedPath } from './types.js';

// '=' only as base64 padding at the end, so NAME=10000 in .env.example is not one run.
const LONG_RUN = /[A-Za-z0-9+/_-]{20,}={0,2}/g;
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b/;
const URL_USERINFO = /:\/\/[^\s/@:]+:[^\s/@]+@/;
const PEM = /-----BEGIN /;

/** Might secretlint's recommended rules find something in this text? Cheap, and never false for what they find. */
export function isSecretlintCandidate(text: string): boolean {
  if (PEM.test(text) || URL_USERINFO.test(text) || ACCESS_KEY_ID.test(text)) return true;
  for (const m of text.matchAll(LONG_RUN)) {
    const s = m[0];
    let digits = 0;
    for (let i = 0; i < s.length && digits < 2; i++) if (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) digits++;
    if (digits >= 2 && /[A-Za-z].*[A-Za-z]/.test(s)) return true;
  }
  return false;
}

const PRESET = '@secretlint/secretlint-rule-preset-recommend';
const PLACEHOLDER_IN_MATCH = /<[^>]*>|\$\{|\{\{|change[-_]?me|your[-_]|x{4,}|\*{3,}|example|dummy|placeholder/i;

export interface SecretlintResult { findings: SecretFinding[]; scannedFiles: number; error?: string }

/**
 * secretlint's recommended rules over the candidate files among `files`. Never throws: when secretlint cannot be
 * loaded or fails on a file, the error is returned (and the rest is still scanned).
 */
export async function scanWithSecretlint(files: ReadonlyArray<{ file: string; text: string }>): Promise<SecretlintResult> {
  const candidates = files.filter((f) => isSecretlintCandidate(f.text));
  if (candidates.length === 0) return { findings: [], scannedFiles: 0 };
  let lintSource: typeof import('@secretlint/core').lintSource;
  let creator: typeof import('@secretlint/secretlint-rule-preset-recommend').creator;
  try {
    [{ lintSource }, { creator }] = await loadSecretlint();
  } catch (e) {
    return { findings: [], scannedFiles: 0, error: `secretlint could not be loaded (${(e as Error).message.split('\n')[0]}); only our own rules ran` };
  }
  const config = { rules: [{ id: PRESET, rule: creator }] };
  const findings: SecretFinding[] = [];
  let error: string | undefined;
  for (const { file, text } of candidates) {
    try {
      const r = await lintSource({ source: { filePath: file, content: text, contentType: 'text' }, options: { config, maskSecrets: true } });
      for (const m of r.messages) {
        // The preset does not know placeholders (`postgres://app:<password>@db` in a comment): what it matched is
        // looked at here, never shown, and left out when it says it is one.
        if (PLACEHOLDER_IN_MATCH.test(text.slice(m.range[0], m.range[1]))) continue;
        const rule = m.ruleId.replace(/^@secretlint\/secretlint-rule-/, '');
        findings.push({ file, line: m.loc.start.line, kind: 'provider-token', what: `<hidden> (${rule}: ${m.messageId}, found by secretlint)`, rule: m.ruleId });
      }
    } catch (e) {
      error ??= `secretlint failed on ${file} (${(e as Error).message.split('\n')[0]})`;
    }
  }
  return { findings, scannedFiles: candidates.length, ...(error ? { error } : {}) };
}

export interface FullSecretScan {
  findings: SecretFinding[];
  skipped: SkippedPath[];
  /** How many files secretlint looked at (0: no candidate, secretlint not even loaded), and what went wrong. */
  secretlint: { scannedFiles: number; error?: string };
}

/** Our rules over every tracked file, then secretlint over the candidates among them; one finding per file:line. */
export async function scanProjectForSecretsFully(project: ProjectView): Promise<FullSecretScan> {
  const own = scanProject(project, { keepText: true });
  const sl = await scanWithSecretlint(own.scanned);
  const ours = new Set(own.findings.map((f) => `${f.file}:${f.line}`));
  const findings = [...own.findings, ...sl.findings.filter((f) => !ours.has(`${f.file}:${f.line}`))]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { findings, skipped: own.skipped, secretlint: { scannedFiles: sl.scannedFiles, ...(sl.error ? { error: sl.error } : {}) } };
}

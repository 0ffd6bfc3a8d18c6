// The generator's own rendered files in which the secrets scan finds nothing, neither our rules (secrets.ts) nor
// secretlint's (secretlint.ts), recorded by the build (scripts/build-bundle.mjs): scanning a new project's ~9,000 lines
// line by line was ~25 ms of `c7-app new`, and a path like vendor/generator-c7-app-0.1.0.tgz in its README made
// `c7-app check` load secretlint (~30 ms). Keyed by
// the path and the text (length, then SHA-1), so only a file byte for byte as the build scanned it is skipped: an
// edited or new file is scanned as always. Used only from the build output, where the list and the scanner are one build.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../package-info.js';

export const SECRETS_CLEAN = path.join('dist', 'generators', 'lib', 'checklist', 'secrets-clean.json');

/** The build's key of a scanned file: the text's length, then the SHA-1 of the path and the text. */
export const cleanKey = (file: string, text: string): string =>
  `${text.length}:${createHash('sha1').update(file).update('\0').update(text).digest('hex')}`;

let clean: Set<string> | undefined | null = null;
let lengths = new Set<number>();

function load(): Set<string> | undefined {
  if (process.env.C7_APP_SCAN_ALL === '1') return undefined;
  const dist = path.join(PACKAGE_ROOT, 'dist') + path.sep;
  if (!fileURLToPath(import.meta.url).startsWith(dist)) return undefined; // running from source: the scanner may differ
  const file = path.join(PACKAGE_ROOT, SECRETS_CLEAN);
  return existsSync(file) ? new Set(JSON.parse(readFileSync(file, 'utf8')) as string[]) : undefined;
}

/** True when the build scanned this very file (path and text) with both scanners and found nothing. */
export function isKnownClean(file: string, text: string): boolean {
  if (clean === null) {
    clean = load();
    lengths = new Set([...(clean ?? [])].map((k) => Number(k.split(':', 1)[0])));
  }
  return !!clean && lengths.has(text.length) && clean.has(cleanKey(file, text));
}

// Doc sections generated from code, between <!-- generated:NAME --> and <!-- /generated:NAME --> markers
// (npm run docs rewrites them; test/lib/docs.test.ts fails when one is stale).
import { manifestReferenceMarkdown } from '../generators/lib/manifest/reference.js';

const SECTIONS: Record<string, () => string> = {
  'manifest-reference': manifestReferenceMarkdown,
};

/** Which file (relative to the repository) holds which generated sections. */
const FILES: Record<string, string[]> = {
  'docs/manifest.md': ['manifest-reference'],
};
export const GENERATED_DOCS = Object.keys(FILES);

export function renderGeneratedSections(text: string, file: string): string {
  let out = text;
  for (const name of FILES[file] ?? []) {
    const re = new RegExp(`(<!-- generated:${name} -->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!re.test(out)) throw new Error(`${file} lacks the <!-- generated:${name} --> markers`);
    out = out.replace(re, (_m, open: string, close: string) => `${open}${SECTIONS[name]!()}${close}`);
  }
  return out;
}

// README sections generated from code, between <!-- generated:NAME --> and <!-- /generated:NAME --> markers.
import { manifestReferenceMarkdown } from '../generators/lib/manifest/reference.js';

const SECTIONS: Record<string, () => string> = {
  'manifest-reference': manifestReferenceMarkdown,
};

export function renderReadmeSections(text: string): string {
  let out = text;
  for (const [name, render] of Object.entries(SECTIONS)) {
    const re = new RegExp(`(<!-- generated:${name} -->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!re.test(out)) throw new Error(`README.md lacks the <!-- generated:${name} --> markers`);
    out = out.replace(re, (_m, open: string, close: string) => `${open}${render()}${close}`);
  }
  return out;
}

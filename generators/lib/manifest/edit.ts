// Writing a manifest back without disturbing the user's file: only the values that changed are edited, so key
// order, formatting and unknown `x-` fields stay byte for byte (jsonc-parser's modify + applyEdits).
import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';

export function detectFormatting(text: string): FormattingOptions {
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indent.includes('\t'),
    tabSize: indent.includes('\t') ? 1 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    insertFinalNewline: text.endsWith('\n'),
  };
}

/** The manifest as a new file: two-space JSON with a final newline. */
export function formatManifest(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Edits `text` (the JSON of `before`) so that it holds `after`, touching only what differs.
 * Arrays whose length is unchanged are edited item by item; others are replaced whole.
 */
export function updateJsonText(fileText: string, after: unknown): string {
  // A byte order mark stays where it is; JSON.parse and the edits see the text after it.
  const bom = fileText.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = fileText.slice(bom.length);
  const before: unknown = JSON.parse(text);
  const formattingOptions = detectFormatting(text);
  let out = text;
  const walk = (a: unknown, b: unknown, path: Array<string | number>) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (isObject(a) && isObject(b)) {
      for (const key of Object.keys(a)) if (!(key in b)) out = applyEdits(out, modify(out, [...path, key], undefined, { formattingOptions }));
      for (const key of Object.keys(b)) {
        if (key in a) walk(a[key], b[key], [...path, key]);
        else out = applyEdits(out, modify(out, [...path, key], b[key], { formattingOptions }));
      }
      return;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      b.forEach((item, i) => walk(a[i], item, [...path, i]));
      return;
    }
    out = applyEdits(out, modify(out, path, b, { formattingOptions }));
  };
  walk(before, after, []);
  return bom + out;
}

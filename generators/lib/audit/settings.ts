// The string settings of a project's JSON config files by key path (`erp.baseUrl` -> "https://erp…"): code that
// reads `cfg.erp.baseUrl` off an imported config gets that file's value, not any key named baseUrl anywhere.

export interface Setting { file: string; line: number; value: string }
/** Settings by dotted key path from the file's root. */
export type SettingIndex = Map<string, Setting[]>;

const MAX_SETTINGS = 2000;
const MAX_DEPTH = 6;

/** Add a JSON file's string settings to the index (nothing when the text is not a JSON object). Linear in the text. */
export function addJsonSettings(index: SettingIndex, file: string, text: string): void {
  let root: unknown;
  try { root = JSON.parse(text); } catch { return; }
  if (!root || typeof root !== 'object' || Array.isArray(root)) return;
  let n = 0;
  // Lines of a value: its first occurrence after the previous one found (keys come in document order).
  let from = 0;
  let fromLine = 1;
  const lineAt = (value: string): number => {
    const at = text.indexOf(JSON.stringify(value), from);
    if (at < 0) return fromLine;
    for (let i = text.indexOf('\n', from); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) fromLine++;
    from = at;
    return fromLine;
  };
  const walk = (v: unknown, keys: string[]) => {
    if (n >= MAX_SETTINGS || keys.length > MAX_DEPTH) return;
    if (typeof v === 'string') {
      n++;
      const key = keys.join('.');
      const list = index.get(key);
      const s = { file, line: lineAt(v), value: v };
      if (list) list.push(s); else index.set(key, [s]);
      return;
    }
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) walk(x, [...keys, k]);
  };
  walk(root, []);
}

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

/**
 * Add a PHP config file's string settings (`return ['zendesk' => ['base' => 'https://…']];`, Laravel's
 * `'url' => env('C7_URL', 'https://…')` as its default, `getenv('C7_URL') ?: 'https://…'` as its fallback) to the
 * index, by key path. A tolerant token scan, not a parse:
 * quoted strings, `=>`, `[`/`array(`, `]`/`)`; anything else is skipped. Nothing when the file returns no array.
 */
export function addPhpArraySettings(index: SettingIndex, file: string, text: string): void {
  const start = /^\s*return\s*(?:\[|array\s*\()/m.exec(text);
  if (!start) return;
  const TOKEN = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\$]|\\.)*)"|(=>)|(\[|\barray\s*\()|(\]|\))|(\()|(\n)|(\/\/[^\n]*|#[^\n]*)|(\?:|\?\?)/g;
  TOKEN.lastIndex = start.index + start[0].length;
  const stack: Array<string | null> = [];
  let line = text.slice(0, start.index).split('\n').length;
  let key: string | null = null;
  let afterArrow = false;
  let inCall = 0;
  let callValue: string | null = null;
  // The key of a call that gave no URL, while a fallback may follow (getenv('C7_BASE_URI') ?: 'https://…').
  let fallbackKey: string | null = null;
  let n = 0;
  const put = (value: string) => {
    if (key === null || n >= MAX_SETTINGS || stack.length >= MAX_DEPTH) return;
    n++;
    const path = [...stack.filter((k): k is string => k !== null), key].join('.');
    const list = index.get(path);
    const s = { file, line, value };
    if (list) list.push(s); else index.set(path, [s]);
  };
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (m[7]) { line++; continue; }
    if (m[8]) continue;
    if (m[9]) { if (fallbackKey !== null && !inCall) { key = fallbackKey; afterArrow = true; } fallbackKey = null; continue; }
    fallbackKey = null;
    const str = m[1] ?? m[2];
    if (inCall) {
      // A call as the value (env('K', 'default'), getenv('K')): its last string argument, when it is a URL.
      if (str !== undefined && /^https?:\/\//.test(str)) callValue = str;
      if (m[6] || m[4]) inCall++;
      else if (m[5] && --inCall === 0) { if (callValue) put(callValue); else fallbackKey = key; callValue = null; key = null; afterArrow = false; }
      continue;
    }
    if (str !== undefined) {
      if (afterArrow) { put(str); key = null; afterArrow = false; } else key = str;
    } else if (m[3]) afterArrow = true;
    else if (m[4]) { stack.push(afterArrow ? key : null); key = null; afterArrow = false; }
    else if (m[5]) { if (!stack.length) return; stack.pop(); key = null; afterArrow = false; }
    else if (m[6] && afterArrow) { inCall = 1; callValue = null; }
  }
}

/** Add an INI-style file's settings (`[shipstation]` then `base = https://…`, configparser's) by `section.key`. */
export function addIniSettings(index: SettingIndex, file: string, text: string): void {
  let section = '';
  let n = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const head = /^\[([\w.-]+)\]$/.exec(line);
    if (head) return void (section = head[1]!);
    const kv = /^([\w.-]+)\s*[=:]\s*["']?([^"'\s;#]+)/.exec(line);
    if (!kv || n >= MAX_SETTINGS) return;
    n++;
    const key = section ? `${section}.${kv[1]}` : kv[1]!;
    const list = index.get(key);
    const s = { file, line: i + 1, value: kv[2]! };
    if (list) list.push(s); else index.set(key, [s]);
  });
}

// Postman collections (v2.x JSON): each item's request is a call, with its method and URL (a string or
// { raw, host, path }). `{{baseUrl}}`-style variables are holes; the collection's variables are read for their values.
export interface CollectionCall { method: string; url: string; line: number; name: string }

/** Null when the JSON is not a Postman collection. */
export function readPostman(text: string): CollectionCall[] | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  if (!doc || typeof doc !== 'object' || !Array.isArray((doc as { item?: unknown }).item)) return null;
  const vars = new Map<string, string>();
  for (const v of ((doc as { variable?: unknown }).variable as Array<{ key?: string; value?: unknown }> | undefined) ?? []) {
    if (v && typeof v.key === 'string' && typeof v.value === 'string') vars.set(v.key, v.value);
  }
  const lines = text.split('\n');
  const lineOf = (needle: string, from: number) => {
    for (let i = from; i < lines.length; i++) if (lines[i]!.includes(needle)) return i;
    return from;
  };
  const out: CollectionCall[] = [];
  let cursor = 0;
  const walk = (items: unknown[]) => {
    for (const it of items) {
      if (!it || typeof it !== 'object') continue;
      const item = it as { item?: unknown[]; request?: unknown; name?: string };
      if (Array.isArray(item.item)) walk(item.item);
      const req = item.request;
      if (!req) continue;
      let method = 'GET';
      let url = '';
      if (typeof req === 'string') url = req;
      else if (typeof req === 'object') {
        const r = req as { method?: string; url?: unknown };
        if (typeof r.method === 'string') method = r.method.toUpperCase();
        if (typeof r.url === 'string') url = r.url;
        else if (r.url && typeof r.url === 'object') {
          const u = r.url as { raw?: string; host?: string[] | string; path?: string[] | string };
          if (typeof u.raw === 'string') url = u.raw;
          else {
            const host = Array.isArray(u.host) ? u.host.join('.') : u.host ?? '';
            const p = Array.isArray(u.path) ? u.path.join('/') : u.path ?? '';
            url = `${host}/${p}`;
          }
        }
      }
      // A variable with an empty value is filled at run time: in a path it is an id, not an empty segment.
      url = url.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (m, name: string) => vars.get(name) || (/url|base|host/i.test(name) ? '' : '{id}'));
      url = url.replace(/\/:(\w+)/g, '/{id}');
      cursor = lineOf(typeof item.name === 'string' ? JSON.stringify(item.name).slice(1, -1) : '"request"', cursor);
      out.push({ method, url, line: cursor + 1, name: item.name ?? '' });
      cursor++;
    }
  };
  walk((doc as { item: unknown[] }).item);
  // Scripts (collection- and item-level pre-request/test events) call pm.sendRequest(url | { url, method }).
  const scripts: string[] = [];
  const events = (x: unknown) => {
    if (!x || typeof x !== 'object') return;
    for (const ev of ((x as { event?: unknown }).event as Array<{ script?: { exec?: unknown } }> | undefined) ?? []) {
      const exec = ev?.script?.exec;
      if (Array.isArray(exec)) scripts.push(exec.filter((l) => typeof l === 'string').join('\n'));
      else if (typeof exec === 'string') scripts.push(exec);
    }
    for (const it of ((x as { item?: unknown }).item as unknown[] | undefined) ?? []) events(it);
  };
  events(doc);
  for (const script of scripts) for (const call of sendRequests(script, vars)) out.push({ ...call, line: lineOf('sendRequest', 0) + 1 });
  return out;
}

/** pm.sendRequest calls in a script, with the collection's variables read (`pm.collectionVariables.get('c7')`). */
function sendRequests(script: string, vars: Map<string, string>): Array<{ method: string; url: string; name: string }> {
  const code = script.split('\n').filter((l) => !/^\s*\/\//.test(l)).join('\n');
  const value = (expr: string): string | null => {
    let url = '';
    for (const piece of expr.split('+').map((x) => x.trim())) {
      const lit = /^(['"`])(.*)\1$/s.exec(piece);
      const v = /^pm\.(?:collectionVariables|variables|environment|globals)\.get\(\s*['"]([\w.-]+)['"]\s*\)$/.exec(piece);
      if (lit) url += lit[2]!.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_m, n: string) => vars.get(n) || '{id}');
      else if (v) url += vars.get(v[1]!) ?? '';
      else url += '{id}';
    }
    return url || null;
  };
  const out: Array<{ method: string; url: string; name: string }> = [];
  for (const m of code.matchAll(/pm\.sendRequest\(\s*/g)) {
    const rest = code.slice(m.index! + m[0].length, m.index! + m[0].length + 2000);
    if (rest.startsWith('{')) {
      const url = /\burl\s*:\s*([^,\n}]+)/.exec(rest)?.[1];
      const method = /\bmethod\s*:\s*['"](\w+)['"]/.exec(rest)?.[1] ?? 'GET';
      const u = url ? value(url) : null;
      if (u) out.push({ method: method.toUpperCase(), url: u, name: 'pm.sendRequest' });
    } else {
      const u = value(/^([^,)]+)/.exec(rest)?.[1] ?? '');
      if (u) out.push({ method: 'GET', url: u, name: 'pm.sendRequest' });
    }
  }
  return out;
}

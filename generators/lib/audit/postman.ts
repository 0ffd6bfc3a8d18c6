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
      url = url.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (m, name: string) => vars.get(name) ?? (/url|base|host/i.test(name) ? '' : '{id}'));
      url = url.replace(/\/:(\w+)/g, '/{id}');
      cursor = lineOf(typeof item.name === 'string' ? JSON.stringify(item.name).slice(1, -1) : '"request"', cursor);
      out.push({ method, url, line: cursor + 1, name: item.name ?? '' });
      cursor++;
    }
  };
  walk((doc as { item: unknown[] }).item);
  return out;
}

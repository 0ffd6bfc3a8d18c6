// The manifest reference in Markdown, generated from the schema (so the README cannot drift from it).
import { buildManifestSchema } from './schema.js';

type S = { description?: string; type?: string; enum?: unknown[]; const?: unknown; properties?: Record<string, S>; items?: S; required?: string[]; pattern?: string; format?: string };

function typeOf(s: S): string {
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return 'one of ' + s.enum.map((e) => `\`${JSON.stringify(e)}\``).join(', ');
  if (s.type === 'array') return `array of ${s.items ? typeOf(s.items) : 'values'}`;
  return s.format ? `${s.type} (${s.format})` : (s.type ?? 'any');
}

export function manifestReferenceMarkdown(): string {
  const root = buildManifestSchema() as S;
  const rows: string[] = ['| Field | Type | Required | Description |', '|---|---|---|---|'];
  const walk = (s: S, prefix: string) => {
    for (const [key, child] of Object.entries(s.properties ?? {})) {
      const name = prefix ? `${prefix}.${key}` : key;
      const req = (s.required ?? []).includes(key) ? 'yes' : '';
      const type = child.type === 'object' || child.properties ? 'object' : child.type === 'array' && child.items?.properties ? 'array of objects' : typeOf(child);
      rows.push(`| \`${name}\` | ${type} | ${req} | ${(child.description ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
      if (child.properties) walk(child, name);
      if (child.items?.properties) walk(child.items, `${name}[]`);
    }
  };
  walk(root, '');
  return rows.join('\n') + '\n\nAny object may also hold your own fields whose names start with `x-`: every command keeps them as they are.\n';
}

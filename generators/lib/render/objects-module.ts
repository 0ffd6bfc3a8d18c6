// src/commerce7/objects.generated.ts: TypeScript types of the Commerce7 objects the manifest's permissions can read,
// rendered from the catalog's JSON Schemas (catalog/objects.ts), so a field's shape is written down once. A field is
// optional (`?`) where the schema leaves it out of `required` (a documented or observed response omits it) and
// `| null` where the schema allows null; each field's doc comment is its source note.
import { fieldsOf, objectDef, OBJECTS, SOURCES, type JsonSchema, type ObjectDef } from '../catalog/objects.js';
import { accessCovers, canonicalPermission, type Access, type PermissionName } from '../catalog/permissions.js';
import { resolveApiCall } from '../catalog/paths.js';
import { WEBHOOK_OBJECTS } from '../catalog/webhooks.js';
import { MANIFEST_FILE } from '../manifest/types.js';
import type { RenderContext } from './context.js';
import { commentText, jsLiteral } from './handlebars.js';
import { tsKey, tsUnion } from './ts-print.js';
import { derivedHeader } from './plan.js';

/** "/club-membership" -> "ClubMembership". */
export function typeNameOf(listPath: string): string {
  return listPath.split(/[/-]/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** The GET a list path is read with (tags by object type, cards under their customer). */
function readProbe(listPath: string): string {
  if (listPath === '/tag') return '/tag/customer';
  if (listPath === '/customer-credit-card') return '/customer/id/credit-card';
  if (listPath === '/meta-data-config') return '/meta-data-config/customer';
  return listPath;
}

/** The objects a manifest with these permissions may read (GET of its list path granted). */
export function readableObjects(permissions: ReadonlyArray<{ endpoint: string; access: Access }>): ObjectDef[] {
  const granted = new Map<PermissionName, Access>();
  for (const p of permissions) {
    const name = canonicalPermission(p.endpoint);
    if (name) granted.set(name, granted.get(name) === 'full' ? 'full' : p.access);
  }
  return OBJECTS.filter((def) => {
    const r = resolveApiCall('GET', readProbe(def.listPath));
    return r.kind === 'permission' && r.needs.every((n) => { const g = granted.get(n.permission); return g !== undefined && accessCovers(g, n.access); });
  });
}


/** The TypeScript type of a schema (the subset catalog/objects.ts uses). */
export function schemaType(schema: JsonSchema, indent = ''): string {
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => (v === null ? 'null' : jsLiteral(v))).join(' | ');
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  const nullable = types.includes('null');
  const base = types.find((t) => t !== 'null');
  let t: string;
  switch (base) {
    case 'string': t = 'string'; break;
    case 'integer': case 'number': t = 'number'; break;
    case 'boolean': t = 'boolean'; break;
    case 'array': {
      const item = schemaType((schema.items ?? {}) as JsonSchema, indent);
      t = /^[A-Za-z]+$/.test(item) ? `${item}[]` : `Array<${item}>`;
      break;
    }
    case 'object': t = schema.properties ? objectType(schema, indent) : 'Record<string, unknown>'; break;
    default: t = 'unknown';
  }
  return nullable ? `${t} | null` : t;
}

function objectType(schema: JsonSchema, indent: string): string {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const inner = `${indent}  `;
  const lines = Object.entries(props).map(([k, sub]) => {
    const note = typeof sub.$comment === 'string' ? `${inner}/** ${commentText(sub.$comment)}${sub.format === 'date-time' ? ' (ISO 8601 date-time)' : ''} */\n` : '';
    const head = `${inner}${tsKey(k)}${required.has(k) ? '' : '?'}:`;
    // An enum too long for a line breaks one member a line, as Prettier prints it.
    if (Array.isArray(sub.enum)) return `${note}${tsUnion(head, schemaType(sub, inner).split(' | '), ';', inner.length)}`;
    return `${note}${head} ${schemaType(sub, inner)};`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** Webhook object name ("Club Membership") -> its list path ("/club-membership"), where the catalog models it. */
function webhookListPath(object: string): string | undefined {
  const p = '/' + object.toLowerCase().replace(/\s+/g, '-');
  return objectDef(p) ? p : undefined;
}

export function renderObjectsModule(ctx: RenderContext): string {
  const defs = readableObjects(ctx.permissions);
  // An app that reads no modelled object gets an empty table: `Record<never, never>` (an empty interface is what
  // typescript-eslint's no-empty-object-type refuses in the project's own lint).
  const table = (name: string, rows: string[]) => (rows.length ? `export interface ${name} {\n${rows.join('\n')}\n}` : `export type ${name} = Record<never, never>;`);
  const types = defs.map((d) => `/** ${commentText(`A ${d.listPath} object as Commerce7 returns it (list key "${d.listKey}").`)} */\nexport interface ${typeNameOf(d.listPath)} ${schemaType(d.schema)}`);
  const byPath = defs.map((d) => `  ${tsKey(d.listPath)}: ${typeNameOf(d.listPath)};`);
  const hooks = WEBHOOK_OBJECTS.map((o) => [o, webhookListPath(o)] as const).filter(([, p]) => p && defs.some((d) => d.listPath === p));
  const byHook = hooks.map(([o, p]) => `  ${tsKey(o)}: ${typeNameOf(p!)};`);
  // The notes as one text, a line each (no match of a source's pattern can span a line break): each pattern is
  // matched once instead of once per note (~3 ms).
  const notes = defs.flatMap((d) => fieldsOf(d.schema).map((f) => f.note ?? '')).join('\n');
  const cited = Object.entries(SOURCES).filter(([k]) => new RegExp(`(documented|observed): (?:[a-z0-9-]+, )*${k}\\b`).test(notes));
  const sources = cited.map(([k, v]) => `//   ${k}: ${commentText(v.where)}`).join('\n');
  return `${derivedHeader('ts')}
// The Commerce7 objects this app may read (the "permissions" of ${MANIFEST_FILE}), typed from generator-c7-app's catalog:
// the same JSON Schemas the local emulator's data is checked against. A field is optional where a documented or
// observed Commerce7 response leaves it out, and \`| null\` where Commerce7 sends null; each doc comment says where
// the field's shape comes from. Commerce7 sends more fields than these: read another one through \`Json\`
// (client.ts), e.g. \`(order as Json).someField\`. Money is in cents; dates are ISO 8601 strings.
${sources ? `// Sources the notes cite:\n${sources}\n` : ''}
${types.join('\n\n')}${types.length ? '\n\n' : ''}/** List path -> the type of its objects, for the objects this app may read. */
${table('Commerce7Objects', byPath)}

/** Webhook object name -> the type of its payload, for the objects this app may read. */
${table('WebhookObjects', byHook)}

/** An object the catalog does not model, or one this app may not read. */
export type UntypedObject = { id: string } & Record<string, unknown>;

/** The list path a path reads ("/customer/\${id}/address" -> "/customer-address", "/order?channel=Web" -> "/order"). */
export type ListPathOf<P extends string> = P extends \`/customer/\${string}/address\${string}\`
  ? '/customer-address'
  : P extends \`/customer/\${string}/credit-card\${string}\`
    ? '/customer-credit-card'
    : P extends \`/tag/\${string}\`
      ? '/tag'
      : P extends \`\${infer Base}?\${string}\`
        ? Base
        : P;

/** The type of the items a list path yields. */
export type ListItemOf<P extends string> =
  ListPathOf<P> extends keyof Commerce7Objects ? Commerce7Objects[ListPathOf<P>] : UntypedObject;

/** What GET of one object answers (\`/order/\${id}\` -> Order); other paths answer untyped JSON. */
export type ObjectAt<P extends string> = P extends \`/customer/\${string}/address/\${infer Id}\`
  ? Id extends \`\${string}/\${string}\`
    ? Record<string, unknown>
    : ItemOf<'/customer-address'>
  : P extends \`/customer/\${string}/credit-card/\${infer Id}\`
    ? Id extends \`\${string}/\${string}\`
      ? Record<string, unknown>
      : ItemOf<'/customer-credit-card'>
    : P extends \`/tag/\${string}/\${infer Id}\`
      ? Id extends \`\${string}/\${string}\`
        ? Record<string, unknown>
        : ItemOf<'/tag'>
      : P extends \`/\${infer Base}/\${infer Id}\`
        ? Id extends \`\${string}/\${string}\` | \`\${string}?\${string}\` | ''
          ? Record<string, unknown>
          : ItemOf<\`/\${Base}\`>
        : Record<string, unknown>;

type ItemOf<L extends string> = L extends keyof Commerce7Objects ? Commerce7Objects[L] : Record<string, unknown>;

/** The payload of a webhook of object O (Bulk Update aside). */
export type WebhookPayloadOf<O extends string> = O extends keyof WebhookObjects ? WebhookObjects[O] : UntypedObject;
`;
}

// Turning answers into a manifest: defaults for what is never asked, and the schema's key order for new files.
import { buildManifestSchema } from './schema.js';
import { MANIFEST_VERSION } from './types.js';

/** Where editors find the schema inside a generated project (the project depends on generator-c7-app). */
export const PROJECT_SCHEMA_REF = './node_modules/generator-c7-app/schemas/c7-app.schema.json';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets an own property, even "__proto__" (a plain assignment would replace the prototype instead). */
const put = (o: Obj, key: string, value: unknown) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

/**
 * Deep merge: objects merge key by key, everything else (arrays included) is replaced by the overlay.
 * Only own keys count: "constructor" or "__proto__" in an --answers file stay keys (and the schema refuses them).
 */
export function mergeManifest(base: unknown, overlay: unknown): unknown {
  if (!isObject(base) || !isObject(overlay)) return overlay === undefined ? structuredClone(base) : structuredClone(overlay);
  const out: Obj = structuredClone(base);
  for (const [k, v] of Object.entries(overlay)) put(out, k, Object.hasOwn(out, k) ? mergeManifest(out[k], v) : structuredClone(v));
  return out;
}

/** Orders keys as the schema lists them (unknown and x- keys keep their place after the known ones). */
export function canonicalOrder(value: unknown, schema: unknown = buildManifestSchema()): unknown {
  if (Array.isArray(value)) {
    const items = isObject(schema) ? schema.items : undefined;
    return value.map((v) => canonicalOrder(v, items));
  }
  if (!isObject(value)) return value;
  const props = isObject(schema) && isObject(schema.properties) ? (schema.properties as Obj) : {};
  const out: Obj = {};
  for (const key of Object.keys(props)) if (Object.hasOwn(value, key)) put(out, key, canonicalOrder(value[key], props[key]));
  for (const [key, v] of Object.entries(value)) if (!Object.hasOwn(out, key)) put(out, key, v);
  return out;
}

/** Adds what the generator never asks (format version, version number and status, schema reference). */
export function completeManifest(draft: unknown, schemaRef = PROJECT_SCHEMA_REF): unknown {
  const base = { $schema: schemaRef, manifestVersion: MANIFEST_VERSION, version: { number: '1.0.0', status: 'draft' } };
  return canonicalOrder(mergeManifest(base, draft));
}

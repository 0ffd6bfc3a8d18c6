// Writes schemas/c7-app.schema.json from the catalog (npm run schema). A test fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { buildManifestSchema } from '../generators/lib/manifest/schema.js';

export const SCHEMA_PATH = new URL('../schemas/c7-app.schema.json', import.meta.url);
writeFileSync(SCHEMA_PATH, JSON.stringify(buildManifestSchema(), null, 2) + '\n');
console.log(`wrote ${SCHEMA_PATH.pathname}`);

// After tsc: writes the precompiled (ajv standalone) manifest validator into dist, so `c7-app validate` starts fast.
import { writeFileSync } from 'node:fs';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createManifestAjv, PRECOMPILED_VALIDATOR } from '../dist/generators/lib/manifest/ajv.js';
import { buildManifestSchema } from '../dist/generators/lib/manifest/schema.js';

const ajv = createManifestAjv({ code: { source: true } });
const validate = ajv.compile(buildManifestSchema());
const out = new URL(`../dist/generators/lib/manifest/${PRECOMPILED_VALIDATOR}`, import.meta.url);
writeFileSync(out, standaloneCode.default ? standaloneCode.default(ajv, validate) : standaloneCode(ajv, validate));

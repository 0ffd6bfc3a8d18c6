// The precompiled (ajv standalone) manifest validator that the build writes next to this file
// (scripts/build-validator.mjs). The bundle (scripts/build-bundle.mjs) replaces this module by one that requires the
// validator's code, bundled with the few ajv runtime helpers it calls.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv/dist/2020.js';

export const PRECOMPILED_VALIDATOR = 'manifest-validator.cjs';

/** The precompiled validator; undefined when there is none (running from source: the schema is compiled). */
export function loadPrecompiledValidator(): ValidateFunction | undefined {
  const file = fileURLToPath(new URL(`./${PRECOMPILED_VALIDATOR}`, import.meta.url));
  return existsSync(file) ? (createRequire(import.meta.url)(file) as ValidateFunction) : undefined;
}

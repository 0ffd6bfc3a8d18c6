// The schema validator. Compiling the schema with ajv costs ~250 ms at start, so the build writes a precompiled
// (standalone) validator next to this file; running from source (tests, tsx) compiles on first use instead.
// ajv itself is loaded only for compiling: the precompiled validator needs just its small runtime helpers.
import { createRequire } from 'node:module';
import type { Ajv2020, Options, ValidateFunction } from 'ajv/dist/2020.js';
import { buildManifestSchema } from './schema.js';
import { loadPrecompiledValidator, PRECOMPILED_VALIDATOR } from './precompiled.js';

export { PRECOMPILED_VALIDATOR };
const require = createRequire(import.meta.url);

export function createManifestAjv(extra: Options = {}): Ajv2020 {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as (ajv: Ajv2020) => Ajv2020;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true, ...extra });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-hint', schemaType: 'string' });
  return ajv;
}

let validator: ValidateFunction | undefined;
export function manifestSchemaValidator(): ValidateFunction {
  if (validator) return validator;
  const precompiled = process.env.C7_APP_COMPILE_SCHEMA !== '1' ? loadPrecompiledValidator() : undefined;
  validator = precompiled ?? createManifestAjv().compile(buildManifestSchema());
  return validator;
}

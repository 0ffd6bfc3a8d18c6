// Templates precompiled by the build (scripts/build-bundle.mjs writes templates-precompiled.cjs next to this file):
// Handlebars' compiler costs ~100 ms for a project's templates, its runtime almost nothing. Each entry keeps the
// SHA-1 of the source it was compiled from, and the size and mtime of its file, so a run stats a template instead of
// reading it, and an edited template is compiled again, never rendered stale. The
// bundle replaces this module by one that requires the precompiled file, bundled in.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const PRECOMPILED_TEMPLATES = 'templates-precompiled.cjs';

/** Template path (relative to templates/) -> the SHA-1 of its source, its file's size and mtime, and Handlebars' spec. */
export type PrecompiledTemplates = Record<string, { sha1: string; size: number; mtimeMs: number; spec: object }>;

export function loadPrecompiledTemplates(): PrecompiledTemplates | undefined {
  const file = fileURLToPath(new URL(`./${PRECOMPILED_TEMPLATES}`, import.meta.url));
  return existsSync(file) ? (createRequire(import.meta.url)(file) as PrecompiledTemplates) : undefined;
}

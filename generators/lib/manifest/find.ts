// Finding c7-app.json: kept apart from load.ts so the bin can find a project without loading the validator.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from './types.js';

/** The nearest c7-app.json in `from` or a folder above it. */
export function findManifestUpward(from: string): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    const candidate = path.join(dir, MANIFEST_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

// Finding and reading c7-app.json.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
export { findManifestUpward } from './find.js';
import { validateManifestText, type ValidationResult } from './validate.js';

export interface LoadedManifest extends ValidationResult { file: string; text: string }

/** Reads a manifest file. I/O errors throw (the caller turns them into exit code 2). */
export async function readManifestText(file: string): Promise<string> {
  return readFile(file, 'utf8');
}

/** Reads and validates a manifest file. */
export async function loadManifest(file: string): Promise<LoadedManifest> {
  const text = await readManifestText(file);
  return { file, text, ...validateManifestText(text) };
}

/** "cannot read FILE: no such file" (or the system's reason): the one wording for a file that cannot be read. */
export function cannotRead(file: string, err: unknown): string {
  return `cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`;
}

// Finding and reading c7-app.json.
// node:fs's callback readFile, not node:fs/promises': the promises module makes Node load readline and more of its
// own modules (~2 ms of every validate on Node 20).
import { readFile as readFileCallback } from 'node:fs';
import path from 'node:path';
export { findManifestUpward } from './find.js';
import { decodeUtf8 } from './source.js';
import { validateManifestText, type ValidationResult } from './validate.js';

const readFile = (file: string) => new Promise<Buffer>((resolve, reject) => readFileCallback(file, (err, data) => (err ? reject(err) : resolve(data))));

export interface LoadedManifest extends ValidationResult { file: string; text: string }

/**
 * Reads a manifest file as text (bad UTF-8 bytes become U+FFFD, a BOM is kept). To validate, prefer
 * readManifestBytes: validateManifestText(bytes) reports bad bytes where they are. I/O errors throw (exit code 2).
 */
export async function readManifestText(file: string): Promise<string> {
  return decodeUtf8(await readFile(file));
}

/** Reads a manifest file's bytes, for validateManifestText. I/O errors throw (the caller turns them into exit code 2). */
export async function readManifestBytes(file: string): Promise<Uint8Array> {
  return readFile(file);
}

/** Reads and validates a manifest file. */
export async function loadManifest(file: string): Promise<LoadedManifest> {
  const bytes = await readManifestBytes(file);
  return { file, text: decodeUtf8(bytes), ...validateManifestText(bytes) };
}

/** "cannot read FILE: no such file" (or the system's reason): the one wording for a file that cannot be read. */
export function cannotRead(file: string, err: unknown): string {
  return `cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`;
}

// A project's .env, read by every `c7-app` command run inside the project (the folder of the nearest c7-app.json),
// as .env.example promises: the App Secret Key and the Basic-auth password live there, never in c7-app.json.
// Variables already set in the environment win over the file (as with Node's --env-file).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { findManifestUpward } from './manifest/find.js';

/** Sets the variables of the project's .env that the environment lacks; returns the file read, if any. */
export function loadProjectEnv(cwd: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const manifest = findManifestUpward(cwd);
  if (!manifest) return undefined;
  const file = path.join(path.dirname(manifest), '.env');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // no .env (or not readable): the environment alone
  }
  for (const [key, value] of Object.entries(parseEnv(text))) if (env[key] === undefined) env[key] = value;
  return file;
}

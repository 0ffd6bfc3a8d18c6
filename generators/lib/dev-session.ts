// `npm run dev` records where it serves (the app and the emulator) in an ignored file of the project, so
// `c7-app emulate install|uninstall|webhook|open` run beside it reach them without --app-url / --emulator-url.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Relative to the project root (next to c7-app.json); the generated .gitignore ignores its folder. */
export const DEV_SESSION_FILE = '.c7-app/dev.json';

/**
 * What `npm run dev` uses for a secret .env does not set: development-only values, known to anyone (so never a
 * secret), recorded by name in the session so the emulate commands use the same ones.
 */
export const DEV_PLACEHOLDERS = { appSecret: 'dev-placeholder-app-secret', basicAuthPassword: 'dev-placeholder-basic-password' } as const;

export interface DevSession { appUrl: string; emulatorUrl: string; pid: number; placeholders?: Array<keyof typeof DEV_PLACEHOLDERS> }

/** The running `npm run dev` of the project at `root`, if its process is still alive. */
export function readDevSession(root: string): DevSession | undefined {
  let session: DevSession;
  try {
    session = JSON.parse(readFileSync(path.join(root, DEV_SESSION_FILE), 'utf8')) as DevSession;
  } catch {
    return undefined; // none recorded, or not readable: the defaults apply
  }
  if (typeof session?.appUrl !== 'string' || typeof session.emulatorUrl !== 'string' || !Number.isInteger(session.pid)) return undefined;
  try {
    process.kill(session.pid, 0); // signal 0: is it alive? (a stale file from a killed run is ignored)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  return session;
}

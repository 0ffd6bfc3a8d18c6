// Runs one of this package's Yeoman generators in-process, without a global `yo` (which refuses root).
// Yeoman is imported here, lazily, so validate/check never load it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../lib/errors.js';
import { PACKAGE_ROOT } from '../lib/package-info.js';
import { EXIT, UserError } from './errors.js';

/** `args` are the words after the command, passed to the generator as `yo c7-app:<name>` would pass them. */
export async function runGenerator(name: 'app' | 'scopes', args: string[]): Promise<number> {
  const has = (flag: string) => args.includes(flag);
  const { createEnv } = await import('yeoman-environment');
  // Only `new` writes a package.json worth installing; scopes never changes dependencies.
  const env = createEnv({ skipInstall: name === 'scopes' || has('--skip-install'), force: has('--force') } as Parameters<typeof createEnv>[0]);
  const namespace = `c7-app:${name}`;
  // Beside this module in the tsc build; from the bundle (dist/bin), the tsc build's generator, which Yeoman loads.
  const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', name, 'index.js');
  const generatorPath = existsSync(beside) ? beside : path.join(PACKAGE_ROOT, 'dist', 'generators', name, 'index.js');
  env.register(generatorPath, { namespace, packagePath: PACKAGE_ROOT });
  try {
    await env.run([namespace, ...args]);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof InputError || (err as Error).name === 'InputError') throw new UserError((err as Error).message, (err as InputError).exitCode ?? EXIT.invalid);
    throw err;
  }
}

/**
 * The generator's logger without the line Yeoman prints before a task's error ("An error occured while running
 * c7-app:app#prompting"): our errors say what is wrong and how to fix it, and `c7-app` or `yo` prints them next.
 */
export function withoutTaskErrorLine<L extends { error: (...args: never[]) => unknown }>(log: L): L {
  const error = (...args: unknown[]) =>
    typeof args[0] === 'string' && args[0].startsWith('An error occured while running ') ? undefined : (log.error as (...a: unknown[]) => unknown)(...args);
  return new Proxy(log, { get: (target, key, receiver) => (key === 'error' ? error : Reflect.get(target, key, receiver)) });
}

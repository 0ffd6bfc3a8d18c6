// `c7-app new [dir]`: runs the same Yeoman generator as `yo c7-app`, without a global yo and also as root.
// Yeoman is imported here, lazily, so validate/check never load it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../lib/errors.js';
import { PACKAGE_ROOT } from '../lib/package-info.js';
import { EXIT, UserError } from './errors.js';

export const GENERATOR_NAMESPACE = 'c7-app:app';

/** `args` are the words after `new`, passed to the generator as `yo c7-app` would pass them. */
export async function runNew(args: string[]): Promise<number> {
  const has = (flag: string) => args.includes(flag);
  const { createEnv } = await import('yeoman-environment');
  const env = createEnv({
    skipInstall: has('--skip-install'),
    force: has('--force'),
  } as Parameters<typeof createEnv>[0]);
  const generatorPath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'app', 'index.js');
  env.register(generatorPath, { namespace: GENERATOR_NAMESPACE, packagePath: PACKAGE_ROOT });
  try {
    await env.run([GENERATOR_NAMESPACE, ...args]);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof InputError || (err as Error).name === 'InputError') throw new UserError((err as Error).message, (err as InputError).exitCode ?? EXIT.invalid);
    throw err;
  }
}

// This package's name, version and location, and how a generated project should depend on it.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = (() => {
  const start = path.dirname(fileURLToPath(import.meta.url));
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    if (path.dirname(dir) === dir) throw new Error(`no package.json in ${start} or any folder above it`); // not an infinite loop
    dir = path.dirname(dir);
  }
  return dir;
})();

const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
export const PACKAGE_NAME = pkg.name;
export const PACKAGE_VERSION = pkg.version;

/**
 * The devDependency spec a generated project uses for this package. From a published install (inside a
 * node_modules folder) it is the version range; from a checkout or a link it points at the checkout, so a
 * fresh clone works end to end. C7_APP_DEPENDENCY overrides both.
 */
export function generatorDependency(): string {
  if (process.env.C7_APP_DEPENDENCY) return process.env.C7_APP_DEPENDENCY;
  const real = realpathSync(PACKAGE_ROOT);
  return real.split(path.sep).includes('node_modules') ? `^${PACKAGE_VERSION}` : `file:${real}`;
}

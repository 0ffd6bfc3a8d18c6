// This package's name, version and location, and how a generated project should depend on it.
import { existsSync, readFileSync } from 'node:fs';
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

export const VENDOR_DIR = 'vendor';
/** Where a project generated from a checkout keeps this package (lib/generator-vendor.ts packs it). */
export const VENDOR_TARBALL = `${VENDOR_DIR}/${PACKAGE_NAME}-${PACKAGE_VERSION}.tgz`;

/**
 * A checkout holds the TypeScript sources (generators/cli.ts, tsconfig.json); the published package holds only what
 * package.json's "files" lists (dist/generators, templates, schemas, examples). So the source tree decides, not the
 * path: a checkout linked into node_modules (`npm link`, `npm i -g ./clone`) is still a checkout, and an install
 * from the registry never has the sources.
 */
export function isCheckout(root: string = PACKAGE_ROOT): boolean {
  return existsSync(path.join(root, 'generators', 'cli.ts')) && existsSync(path.join(root, 'tsconfig.json'));
}

/**
 * The devDependency spec a generated project uses for this package. Installed from the registry: the version range.
 * From a checkout (not published yet): `file:vendor/generator-c7-app-<version>.tgz`, a tarball `c7-app new` packs
 * into the project, so the project installs wherever it is cloned (a `file:/abs/path` to the clone would work on
 * this machine only). C7_APP_DEPENDENCY overrides both (the generator's tests link their projects to the checkout).
 */
export function generatorDependency(): string {
  if (process.env.C7_APP_DEPENDENCY) return process.env.C7_APP_DEPENDENCY;
  return isCheckout() ? `file:${VENDOR_TARBALL}` : `^${PACKAGE_VERSION}`;
}

/** The project-relative tarball a dependency spec points at when it is the vendored generator, else null. */
export function vendoredTarball(dependency: string): string | null {
  return dependency === `file:${VENDOR_TARBALL}` ? VENDOR_TARBALL : null;
}

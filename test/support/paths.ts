import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The bin that ships (package.json "bin"): the esbuild bundle, so the black-box tests prove the bundle behaves as the code. */
export const CLI = path.join(ROOT, 'dist/bin/c7-app.js');
/** The same CLI from the tsc build (unbundled), for tests that compare the two. */
export const UNBUNDLED_CLI = path.join(ROOT, 'dist/generators/cli.js');
export const EXAMPLES = path.join(ROOT, 'examples');
export const EXAMPLE_MANIFESTS = ['order-sync-integration', 'private-club-export', 'tasting-room-full-app'].map((d) =>
  path.join(EXAMPLES, d, 'c7-app.json'),
);

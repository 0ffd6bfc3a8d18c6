import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(ROOT, 'dist/generators/cli.js');
export const EXAMPLES = path.join(ROOT, 'examples');
export const EXAMPLE_MANIFESTS = ['order-sync-integration', 'private-club-export', 'tasting-room-full-app'].map((d) =>
  path.join(EXAMPLES, d, 'c7-app.json'),
);

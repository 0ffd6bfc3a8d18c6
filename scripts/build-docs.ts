// Regenerates the doc sections made from code (npm run docs): the manifest's field reference in docs/manifest.md.
// A test fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { GENERATED_DOCS, renderGeneratedSections } from './readme-sections.js';

for (const name of GENERATED_DOCS) {
  const file = new URL(`../${name}`, import.meta.url);
  const before = readFileSync(file, 'utf8');
  const after = renderGeneratedSections(before, name);
  if (after !== before) writeFileSync(file, after);
  console.log(after === before ? `${name} is current` : `updated ${name}`);
}

// Regenerates the parts of README.md made from code (npm run docs). A test fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderReadmeSections } from './readme-sections.js';

const file = new URL('../README.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = renderReadmeSections(before);
if (after !== before) writeFileSync(file, after);
console.log(after === before ? 'README.md is current' : 'updated README.md');

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderReadmeSections } from '../../scripts/readme-sections.js';
import { ROOT } from '../support/paths.js';

describe('docs', () => {
  it('the generated sections of README.md are current (npm run docs)', () => {
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
    assert.equal(readme, renderReadmeSections(readme));
  });
  it('README keeps the two quick-start commands at its top', () => {
    const top = readFileSync(`${ROOT}/README.md`, 'utf8').split('\n').slice(0, 15).join('\n');
    assert.match(top, /npm ci && node dist\/generators\/cli\.js/);
    assert.match(top, /npm ci && npm test/);
  });
});

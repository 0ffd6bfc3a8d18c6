import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { COMMANDS } from '../../generators/cli/commands.js';
import { GENERATED_DOCS, renderGeneratedSections } from '../../scripts/readme-sections.js';
import { ROOT } from '../support/paths.js';

describe('docs', () => {
  for (const file of GENERATED_DOCS) {
    it(`the generated sections of ${file} are current (npm run docs)`, () => {
      const text = readFileSync(`${ROOT}/${file}`, 'utf8');
      assert.equal(text, renderGeneratedSections(text, file));
    });
  }
  it('the field reference lives in docs/manifest.md, not in the README', () => {
    assert.ok(GENERATED_DOCS.includes('docs/manifest.md'));
    assert.doesNotMatch(readFileSync(`${ROOT}/README.md`, 'utf8'), /generated:manifest-reference/);
  });
  it('README keeps the two quick-start commands at its top', () => {
    const top = readFileSync(`${ROOT}/README.md`, 'utf8').split('\n').slice(0, 15).join('\n');
    assert.match(top, /npm ci && node dist\/bin\/c7-app\.js new my-c7-app --example/);
    assert.match(top, /npm ci && npm test/);
  });
  it('README: "Start your own Commerce7 app", then a section per c7-app command (generators/cli/commands.ts)', () => {
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
    const start = readme.indexOf('\n## Start your own Commerce7 app\n');
    assert.ok(start > 0);
    const commands = Object.keys(COMMANDS);
    assert.ok(commands.length >= 7);
    for (const name of commands) {
      const at = readme.search(new RegExp(`\\n### \`c7-app ${name}[ \`]`));
      assert.ok(at > start, `a "### \`c7-app ${name} …\`" section after the start path`);
    }
  });
});

// Every value that lands in code, JSON or Markdown goes through an escaping helper: hostile input cannot break out,
// and reads back unchanged. Property-based (fast-check) over the real file plan.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import fc from 'fast-check';
import ts from 'typescript';
import { commentText, jsonLiteral, markdownCode, markdownText } from '../../generators/lib/render/handlebars.js';
import { buildContext } from '../../generators/lib/render/context.js';
import { filePlan, renderPlannedFile } from '../../generators/lib/render/files.js';
import type { Manifest } from '../../generators/lib/manifest/index.js';
import { EXAMPLE_MANIFESTS } from '../support/paths.js';

const NASTY = 'Bob\'s "Sync" `${process.exit(1)}` </script>';
const hostile = fc.oneof(
  fc.constant(NASTY),
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('`', '$', '{', '}', '"', "'", '\\', '<', '>', '/', '*', '|', '\n', '\u2028', 'a', ' ', '#', '[', ']', '_') , minLength: 1, maxLength: 30 }),
);
const unescapeMarkdown = (s: string) => s.replace(/\\([\\`*_{}[\]()<>#+!|~])/g, '$1');

function manifestWith(text: string, base = 0): Manifest {
  const m = JSON.parse(readFileSync(EXAMPLE_MANIFESTS[base]!, 'utf8')) as Manifest;
  m.app.title = text;
  m.app.companyName = text;
  m.listing.summary = text;
  m.listing.description = text;
  m.permissions[0]!.reason = text;
  if (m.clientSettings?.[0]) {
    m.clientSettings[0].title = text;
    m.clientSettings[0].options = [text];
  }
  if (m.extensions?.[0]) m.extensions[0].title = text;
  return m;
}

function renderAll(m: Manifest, teach: boolean) {
  const ctx = buildContext(m, { teach, generator: { name: 'generator-c7-app', version: '0.0.0', dependency: 'file:/x' } });
  return filePlan(ctx).map((f) => ({ path: f.path, text: String(renderPlannedFile(f, ctx)) }));
}

function syntaxErrors(file: string, text: string): string[] {
  const out = ts.transpileModule(text, { fileName: file, reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2022 } });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('safe rendering', () => {
  it('json: any string reads back unchanged as a JS expression and as JSON', () => {
    fc.assert(fc.property(hostile, (s) => {
      const lit = jsonLiteral(s);
      assert.equal(vm.runInNewContext(`(${lit})`), s);
      assert.equal(JSON.parse(lit), s);
      assert.ok(!lit.includes('</script'));
    }), { numRuns: 300 });
  });

  it('markdown text stays on one line, cannot open HTML or a table cell, and unescapes to the value', () => {
    fc.assert(fc.property(hostile, (s) => {
      const md = markdownText(s);
      assert.ok(!md.includes('\n'));
      assert.ok(!/(^|[^\\])[<|]/.test(md));
      assert.equal(unescapeMarkdown(md), s.replace(/\r?\n/g, ' '));
    }), { numRuns: 300 });
  });

  it('inline code fences are longer than any backtick run inside', () => {
    fc.assert(fc.property(hostile, (s) => {
      const code = markdownCode(s);
      const fence = /^`+/.exec(code)![0];
      assert.ok(!s.replace(/\r?\n/g, ' ').includes(fence));
    }), { numRuns: 200 });
  });

  it('comment text cannot end a comment or a line', () => {
    fc.assert(fc.property(hostile, (s) => {
      const c = commentText(s);
      assert.ok(!c.includes('*/') && !/[\r\n\u2028\u2029]/.test(c));
    }), { numRuns: 200 });
  });

  for (const [i, example] of EXAMPLE_MANIFESTS.entries()) {
    it(`every generated file of ${example.split('/').at(-2)} stays well-formed with hostile values`, function () {
      this.timeout(180_000);
      fc.assert(fc.property(hostile, fc.boolean(), (s, teach) => {
        for (const f of renderAll(manifestWith(s, i), teach)) {
          if (/\.json$/.test(f.path)) assert.doesNotThrow(() => JSON.parse(f.text), f.path);
          if (/\.(ts|mts|js|mjs)$/.test(f.path)) assert.deepEqual(syntaxErrors(f.path, f.text), [], `${f.path}\n${f.text}`);
        }
      }), { numRuns: 12 });
    });
  }

  it('the nasty title reads back from README and PERMISSIONS.md', () => {
    const files = renderAll(manifestWith(NASTY, 2), true);
    const readme = files.find((f) => f.path === 'README.md')!.text;
    assert.ok(readme.split('\n').some((line) => unescapeMarkdown(line) === `# ${NASTY}`));
    const perms = files.find((f) => f.path === 'PERMISSIONS.md')!.text;
    assert.ok(unescapeMarkdown(perms).includes(NASTY));
  });
});

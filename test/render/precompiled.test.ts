// The build's precompiled templates (dist) are used only for a template file as the build saw it: a run stats the
// file instead of reading it, and an edited template (a developer's checkout) is read and compiled again, never
// rendered stale. Against the tsc build, where the precompiled file sits next to the renderer.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLE_MANIFESTS, ROOT } from '../support/paths.js';

const DIST_RENDER = path.join(ROOT, 'dist/generators/lib/render');
type Renderer = { renderTemplateFile: (rel: string, context: unknown, root?: string) => string; renderTemplate: (name: string, source: string, context: unknown) => string };
type Entry = { sha1: string; size: number; mtimeMs: number; spec: object };
const load = async () => (await import(path.join(DIST_RENDER, 'handlebars.js'))) as Renderer;
const precompiled = () => createRequire(import.meta.url)(path.join(DIST_RENDER, 'templates-precompiled.cjs')) as Record<string, Entry>;
const TEMPLATE = 'app/nvmrc.hbs';

describe('precompiled templates (dist)', () => {
  it('each entry records the size and mtime of the template the build compiled', () => {
    const all = precompiled();
    assert.ok(Object.keys(all).length > 20);
    for (const [rel, e] of Object.entries(all)) {
      const st = statSync(path.join(ROOT, 'templates', rel));
      assert.equal(e.size, st.size, rel);
      assert.equal(e.mtimeMs, st.mtimeMs, rel);
    }
  });

  it('renders a template file as compiling its source does', async () => {
    const { renderTemplateFile, renderTemplate } = await load();
    const { buildContext } = (await import(path.join(DIST_RENDER, 'context.js'))) as { buildContext: (m: unknown, o: unknown) => object };
    const manifest = JSON.parse(readFileSync(EXAMPLE_MANIFESTS[2]!, 'utf8'));
    const ctx = { ...buildContext(manifest, { teach: true, generator: { name: 'generator-c7-app', version: '0.0.0', dependency: '^0.0.0' } }), header: '' };
    for (const rel of [TEMPLATE, 'app/TOUR.md.hbs', 'app/package.json.hbs']) {
      assert.ok(rel in precompiled(), rel);
      const source = readFileSync(path.join(ROOT, 'templates', rel), 'utf8');
      assert.equal(renderTemplateFile(rel, ctx), renderTemplate(`${rel}#source`, source, ctx), rel);
    }
  });

  it('an edited template is read and compiled again, also when its size is the same', async () => {
    const { renderTemplateFile } = await load();
    const root = mkdtempSync(path.join(tmpdir(), 'c7-tpl-'));
    cpSync(path.join(ROOT, 'templates'), root, { recursive: true });
    const file = path.join(root, TEMPLATE);
    const source = readFileSync(file, 'utf8');
    const edited = `${'Z'.repeat(source.length - 1)}\n`; // same size, other text
    writeFileSync(file, edited);
    assert.equal(renderTemplateFile(TEMPLATE, {}, root), edited);
    // A copy of the unedited template with another mtime: read, its SHA-1 matches, the precompiled one renders.
    writeFileSync(file, source);
    utimesSync(file, new Date(0), new Date(1_000_000));
    const copy = renderTemplateFile(TEMPLATE, { nodeVersion: '22.12.0' }, root);
    assert.equal(copy, renderTemplateFile(TEMPLATE, { nodeVersion: '22.12.0' }));
    // Edited again within the same process: the change is seen.
    writeFileSync(file, 'second edit\n');
    assert.equal(renderTemplateFile(TEMPLATE, {}, root), 'second edit\n');
  });
});

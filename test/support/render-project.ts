// Renders a generated project's app files (appFiles) for a manifest into a folder, without Yeoman: the generator
// writes the same plan. Also writes c7-app.json (the app reads it at run time: the emulator is driven by it).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appFiles } from '../../generators/lib/render/app-files.js';
import { buildContext, type RenderContext } from '../../generators/lib/render/context.js';
import { renderPlannedFile } from '../../generators/lib/render/files.js';
import type { PlannedFile } from '../../generators/lib/render/plan.js';
import type { Manifest } from '../../generators/lib/manifest/types.js';
import { ROOT } from './paths.js';
import { runCli } from './cli.js';

export interface RenderedProject { dir: string; files: PlannedFile[]; ctx: RenderContext }

export function projectContext(manifest: Manifest, opts: { teach?: boolean; dependency?: string } = {}): RenderContext {
  return buildContext(manifest, {
    teach: opts.teach ?? false,
    generator: { name: 'generator-c7-app', version: '0.0.0-test', dependency: opts.dependency ?? `file:${ROOT}` },
  });
}

/** Renders every planned app file of `manifest` into `dir` (created), plus c7-app.json. */
export function renderProject(manifest: Manifest, dir: string, opts: { teach?: boolean; dependency?: string } = {}): RenderedProject {
  const ctx = projectContext(manifest, opts);
  const files = appFiles(ctx);
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    const target = path.join(dir, ...file.path.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, renderPlannedFile(file, ctx));
  }
  const { $schema: _schema, ...rest } = manifest;
  writeFileSync(path.join(dir, 'c7-app.json'), `${JSON.stringify(rest, null, 2)}\n`);
  return { dir, files, ctx };
}

/** Generates a project as a user would: the built `c7-app new --answers`, without npm install. */
export function generateProject(manifest: Manifest, dir: string, opts: { teach?: boolean } = {}): RenderedProject {
  const answers = path.join(mkdtempSync(path.join(tmpdir(), 'c7-answers-')), 'c7-app.json');
  writeFileSync(answers, JSON.stringify(manifest, null, 2));
  // Linked to this checkout (not the vendored tarball `new` makes by default): the shared install (generated-deps.ts)
  // is a symlink to the checkout, so every run tests the code as it is now.
  const r = runCli(['new', dir, '--answers', answers, '--skip-install', opts.teach ? '--teach' : '--no-teach'], { timeout: 120_000, env: { C7_APP_DEPENDENCY: `file:${ROOT}` } });
  if (r.status !== 0) throw new Error(`c7-app new failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const ctx = buildContext(manifest, { teach: opts.teach ?? false, generator: { name: 'generator-c7-app', version: '0', dependency: `file:${ROOT}` } });
  return { dir, files: appFiles(ctx), ctx };
}

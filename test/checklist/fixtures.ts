// Fixture projects for the checklist tests, built from the bundled examples.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { COMMERCE7_JS_URL, EXTENSION_TYPES } from '../../generators/lib/catalog/index.js';
import {
  extensionPageFile, memoryProject, type ChecklistItem, type ProjectView,
} from '../../generators/lib/checklist/index.js';
import { validateManifestText, type Manifest } from '../../generators/lib/manifest/index.js';
import { EXAMPLES } from '../support/paths.js';

export type ExampleName = 'order-sync-integration' | 'private-club-export' | 'tasting-room-full-app';
export const EXAMPLE_NAMES: readonly ExampleName[] = ['order-sync-integration', 'private-club-export', 'tasting-room-full-app'];

/** The example's manifest, as validated (a fresh copy each call). */
export function exampleManifest(name: ExampleName): Manifest {
  const r = validateManifestText(readFileSync(path.join(EXAMPLES, name, 'c7-app.json'), 'utf8'));
  if (!r.valid || !r.manifest) throw new Error(`example ${name} is invalid`);
  return r.manifest;
}

/**
 * The example's manifest made ready to submit: the bundled examples use the reserved .test domain, which the
 * placeholder rule flags on purpose; here it becomes a real-looking domain. Basic auth is added where missing.
 */
export function readyManifest(name: ExampleName): Manifest {
  const m = JSON.parse(JSON.stringify(exampleManifest(name)).replace(/\.test\b/g, '.co')) as Manifest;
  // The Private example sends no Basic auth, which our advice asks for.
  m.installation.basicAuth ??= { username: 'commerce7' };
  for (const h of m.webhooks ?? []) h.basicAuth = true;
  return m;
}

/** The example folder's own files (images as stand-in bytes). */
export function exampleFiles(name: ExampleName): Record<string, string> {
  const dir = path.join(EXAMPLES, name);
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else out[child] = child.endsWith('.png') ? '\u0089PNG' : readFileSync(path.join(dir, child), 'utf8');
    }
  };
  walk('');
  return out;
}

export const PAGE_SOURCE = `// An extension page.\nexport const script = '<script src="${COMMERCE7_JS_URL}"></script>';\n`;

/**
 * A project that follows the generated project's conventions: every listing image, a page per iframe extension that
 * loads commerce7.js, .env git-ignored (holding secrets), an .env.example with empty values, code reading process.env.
 */
export function goodFiles(m: Manifest): Record<string, string> {
  const files: Record<string, string> = {
    'c7-app.json': JSON.stringify(m, null, 2),
    '.gitignore': 'node_modules/\ndist/\n.env\n',
    '.env': 'C7_APP_ID=acme\nC7_APP_SECRET=9f8e7d6c5b4a39281706f5e4d3c2b1a0\nC7_BASIC_AUTH_PASSWORD=Xk29-qpLm-77Zt\n',
    '.env.example': 'C7_APP_ID=\nC7_APP_SECRET=\nC7_BASIC_AUTH_PASSWORD=\n',
    'src/config.ts': 'export const appSecret = process.env.C7_APP_SECRET ?? \'\';\nexport const password = process.env.C7_BASIC_AUTH_PASSWORD;\n',
    'test/auth.test.ts': "const env = { C7_APP_SECRET: 'test-app-secret', C7_BASIC_AUTH_PASSWORD: 'test-password' };\n",
    'package.json': '{ "name": "app", "scripts": { "test": "node -e \\"process.exit(0)\\"" } }\n',
  };
  const l = m.listing;
  for (const f of [l.logo, l.darkModeLogo, ...(l.screenshots ?? []).map((s) => s.file)]) if (f) files[f] = '\u0089PNG';
  for (const x of m.extensions ?? []) {
    if (x.iframeUrl && EXTENSION_TYPES.some((t) => t.type === x.type && t.iframe)) files[extensionPageFile(x.iframeUrl)] = PAGE_SOURCE;
  }
  return files;
}

/** A memory project, as a git repository, with `changes` applied (null deletes a file). */
export function project(files: Record<string, string>, changes: Record<string, string | null> = {}, gitRepo = true): ProjectView {
  const all = { ...files };
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete all[k];
    else all[k] = v;
  }
  return memoryProject(all, { gitRepo });
}

export function item(items: readonly ChecklistItem[], id: string): ChecklistItem {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}; items: ${items.map((i) => i.id).join(', ')}`);
  return found;
}

/** Write files into a new temporary folder (not a git repository); returns the folder. */
export function writeTemp(files: Record<string, string>, prefix = 'c7check-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

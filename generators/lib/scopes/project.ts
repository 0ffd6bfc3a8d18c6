// A generated project as `c7-app scopes` sees it: its manifest, its stored generator settings, and which files
// the manifest says it should hold (derived files rewritten; user files only created when missing).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { decodeUtf8, findManifestUpward, validateManifestText, type Diagnostic, type Manifest } from '../manifest/index.js';
import { generatorDependency, PACKAGE_NAME, PACKAGE_VERSION } from '../package-info.js';
import { buildContext } from '../render/context.js';
import { renderProject, type RenderedFile } from '../render/project-output.js';

export interface ProjectState {
  root: string;
  manifestFile: string;
  manifestText: string;
  manifest: Manifest;
  teach: boolean;
  warnings: Diagnostic[];
}

/** Finds the project from `cwd` upward; outside a project, or with an invalid manifest, throws an InputError. */
export function loadProject(cwd: string): ProjectState {
  const manifestFile = findManifestUpward(cwd);
  if (!manifestFile) throw new InputError(`not inside a Commerce7 app project: no c7-app.json in ${cwd} or any folder above it. Run \`c7-app new\` to create one.`, 2);
  const bytes = readFileSync(manifestFile);
  const manifestText = decodeUtf8(bytes); // a BOM is kept: edits go after it
  const r = validateManifestText(bytes);
  if (!r.valid || !r.manifest) {
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    throw new InputError(`${manifestFile} is invalid; fix it first (\`c7-app validate\` shows the same):\n${errors.map((d) => `  ${path.basename(manifestFile)}:${d.line}:${d.column}  ${d.pointer}  ${d.message}${d.hint ? `\n      hint: ${d.hint}` : ''}`).join('\n')}`);
  }
  const root = path.dirname(manifestFile);
  return { root, manifestFile, manifestText, manifest: r.manifest, teach: readTeach(root), warnings: r.diagnostics };
}

function readTeach(root: string): boolean {
  const file = path.join(root, '.yo-rc.json');
  if (!existsSync(file)) return false;
  try {
    const rc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { teach?: boolean }>;
    return rc[PACKAGE_NAME]?.teach === true;
  } catch {
    return false;
  }
}

export type WriteAction = 'create' | 'update';
export interface PlannedWrite { path: string; contents: string | Buffer; owner: RenderedFile['file']['owner']; action: WriteAction }

/** What the manifest implies for the project on disk: derived files that differ, user files that are missing. */
export function plannedWrites(state: Pick<ProjectState, 'root' | 'teach'>, manifest: Manifest, manifestText: string): PlannedWrite[] {
  const ctx = buildContext(manifest, { teach: state.teach, generator: { name: PACKAGE_NAME, version: PACKAGE_VERSION, dependency: generatorDependency() } });
  const at = (p: string) => path.join(state.root, p);
  const rendered = renderProject(ctx, {
    root: state.root, manifestText,
    written: (r) => r.file.owner === 'derived' || !existsSync(at(r.file.path)),
  });
  const out: PlannedWrite[] = [];
  for (const r of rendered) {
    const file = at(r.file.path);
    const exists = existsSync(file);
    if (r.file.owner === 'user' && exists) continue; // never touched
    if (exists && readFileSync(file).equals(Buffer.from(r.contents))) continue;
    out.push({ path: r.file.path, contents: r.contents, owner: r.file.owner, action: exists ? 'update' : 'create' });
  }
  return out;
}

// `c7-app validate [file]`: the fast path. Loads no Yeoman.
import path from 'node:path';
import pc from 'picocolors';
import { cannotRead, findManifestUpward, formatDiagnostic, MANIFEST_FILE, readManifestBytes, validateManifestText } from '../lib/manifest/index.js';
import { EXIT, UserError } from './errors.js';

export interface ValidateOptions { json?: boolean; cwd?: string }

export function resolveManifestPath(file: string | undefined, cwd: string): string {
  if (file) return path.resolve(cwd, file);
  const found = findManifestUpward(cwd);
  if (!found) throw new UserError(`no ${MANIFEST_FILE} in ${cwd} or any folder above it: pass the file, or run \`c7-app new\` to create one`);
  return found;
}

/** Moved to lib/manifest (the generator prints diagnostics too); re-exported here for existing importers. */
export { formatDiagnostic };

export async function runValidate(file: string | undefined, opts: ValidateOptions, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const cwd = opts.cwd ?? process.cwd();
  const target = resolveManifestPath(file, cwd);
  let bytes: Uint8Array;
  try {
    bytes = await readManifestBytes(target);
  } catch (err) {
    throw new UserError(cannotRead(target, err));
  }
  const loaded = validateManifestText(bytes);
  const relative = path.relative(cwd, target);
  const shown = relative && !relative.startsWith('..') ? relative : target;
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = loaded.diagnostics.length - errors;
  if (opts.json) {
    out.write(JSON.stringify({ file: target, valid: loaded.valid, errors, warnings, diagnostics: loaded.diagnostics }, null, 2) + '\n');
  } else {
    const color = (out as NodeJS.WriteStream).isTTY === true && pc.isColorSupported;
    for (const d of loaded.diagnostics) out.write(formatDiagnostic(shown, d, color) + '\n');
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    out.write(loaded.valid
      ? `${shown} is valid${warnings ? ` (${plural(warnings, 'warning')})` : ''}\n`
      : `${shown} is invalid: ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''}\n`);
  }
  return loaded.valid ? EXIT.ok : EXIT.invalid;
}

// `c7-app validate [file]`: the fast path. Loads no Yeoman.
import path from 'node:path';
import pc from 'picocolors';
import { cannotRead, findManifestUpward, MANIFEST_FILE, readManifestText, validateManifestText, type Diagnostic } from '../lib/manifest/index.js';
import { EXIT, UserError } from './errors.js';

export interface ValidateOptions { json?: boolean; cwd?: string }

export function resolveManifestPath(file: string | undefined, cwd: string): string {
  if (file) return path.resolve(cwd, file);
  const found = findManifestUpward(cwd);
  if (!found) throw new UserError(`no ${MANIFEST_FILE} in ${cwd} or any folder above it: pass the file, or run \`c7-app new\` to create one`);
  return found;
}

export function formatDiagnostic(file: string, d: Diagnostic, color = false): string {
  const c = color ? pc : { red: String, yellow: String, dim: String, cyan: String };
  const where = `${file}:${d.line}:${d.column}`;
  const label = d.severity === 'error' ? c.red('error') : c.yellow('warning');
  const hint = d.hint ? `\n    ${c.dim('hint:')} ${d.hint}` : '';
  return `${where}  ${c.cyan(d.pointer || '/')}  ${label}: ${d.message}${hint}`;
}

export async function runValidate(file: string | undefined, opts: ValidateOptions, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const cwd = opts.cwd ?? process.cwd();
  const target = resolveManifestPath(file, cwd);
  let text: string;
  try {
    text = await readManifestText(target);
  } catch (err) {
    throw new UserError(cannotRead(target, err));
  }
  const loaded = validateManifestText(text);
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

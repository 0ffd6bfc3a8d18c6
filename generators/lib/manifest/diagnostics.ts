// How a diagnostic is printed, by every command and the generator: file:line:column  pointer  severity: message.
import pc from 'picocolors';
import type { Diagnostic } from './validate.js';

export function formatDiagnostic(file: string, d: Diagnostic, color = false): string {
  const c = color ? pc : { red: String, yellow: String, dim: String, cyan: String };
  const where = `${file}:${d.line}:${d.column}`;
  const label = d.severity === 'error' ? c.red('error') : c.yellow('warning');
  const hint = d.hint ? `\n    ${c.dim('hint:')} ${d.hint}` : '';
  return `${where}  ${c.cyan(d.pointer || '/')}  ${label}: ${d.message}${hint}`;
}

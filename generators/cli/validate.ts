// `c7-app validate`: the manifest against the schema and Commerce7's rules.
import type { Command } from 'commander';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Check c7-app.json against the schema and Commerce7\u2019s rules; reports every problem with file:line:column')
    .argument('[file]', 'manifest to check (default: c7-app.json in this folder or the nearest folder above)')
    .option('--json', 'print a machine-readable report')
    .addHelpText('after', '\nExit codes: 0 valid (warnings allowed), 1 invalid, 2 usage or I/O error.')
    .action(async (file: string | undefined, opts: { json?: boolean }) => {
      const { runValidate } = await import('../commands/validate.js');
      process.exitCode = await runValidate(file, opts);
    });
}

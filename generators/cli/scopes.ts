// `c7-app scopes` (same as `yo c7-app:scopes`): permission changes and --sync.
import type { Command } from 'commander';

export function registerScopes(program: Command): void {
  program
    .command('scopes')
    .description('Change the app\u2019s API permissions, or take a hand-edited c7-app.json (--sync), and regenerate every derived file; run anywhere inside a project (same as `yo c7-app:scopes`)')
    .option('--add <permissions>', 'add permissions, e.g. "Customer:full,Order:read" (repeatable)')
    .option('--remove <endpoints>', 'remove permissions, e.g. "Tag" (repeatable)')
    .option('--set <permissions>', 'set the access of permissions, e.g. "Order:read" (repeatable)')
    .option('--reason <text>', 'reason kept on each permission this run adds or escalates')
    .option('--sync', 'regenerate every derived file from c7-app.json as it is (after a hand edit): webhooks, client settings and extensions too')
    .option('--check', 'for CI: write nothing; exit 1 naming each derived file that is out of step with c7-app.json')
    .option('--new-version', 'bump version.number and set status to draft (required to change a submitted or published version)')
    .option('--yes', 'without a terminal, write the changes after printing them')
    .option('--no-interactive', 'never ask')
    .addHelpText('after', '\nBefore writing, it prints one line per permission change (escalation or reduction) and the code that would stop\ncompiling. Running the same command twice writes nothing the second time. Exit codes: 0 done, 1 refused or stale, 2 not in a project.')
    .action(async () => {
      const { runScopes } = await import('../commands/scopes.js');
      const at = process.argv.indexOf('scopes');
      process.exitCode = await runScopes(process.argv.slice(at + 1));
    });
}

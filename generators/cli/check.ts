// `c7-app check`: the submission checklist.
import type { Command } from 'commander';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('The submission checklist: checks what a tool can (listing, type, permissions, installation, secrets, extension pages) and lists what a person must; rewrites SUBMISSION_CHECKLIST.md when it changed')
    .argument('[dir]', 'the project folder, or its c7-app.json (default: c7-app.json in this folder or the nearest folder above)')
    .option('--ci', 'write nothing; exit 1 if an item checked by the tool fails')
    .option('--json', 'print the items as JSON for other tools (writes nothing)')
    .option('--run-tests', 'run `npm test` in the project and check that it passes (otherwise that item is for you)')
    .option('--verbose', 'list every item by section, the passed ones too (default: the failures, then the items for you)')
    .addHelpText('after', [
      '',
      'Prints the failed items (\u274c with the reason and the fix), then the items for you to check (\u2610), then how many',
      'passed (--verbose: every item by section), a verdict such as "12 passed, 2 failed, 5 for you" and the next step.',
      'Without --ci or --json it rewrites SUBMISSION_CHECKLIST.md next to c7-app.json when its content changed.',
      '',
      'Exit codes: 0 the checklist was made (failed items are listed, not an error: use --ci in scripts and CI);',
      '1 with --ci when an item checked by the tool fails, or when c7-app.json is invalid; 2 usage or I/O error.',
    ].join('\n'))
    .action(async (dir: string | undefined, opts: { ci?: boolean; json?: boolean; runTests?: boolean; verbose?: boolean }) => {
      const { runCheck } = await import('../commands/check.js');
      process.exitCode = await runCheck(dir, opts);
    });
}

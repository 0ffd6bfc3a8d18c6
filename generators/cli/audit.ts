// `c7-app audit`: from code to permissions.
import type { Command } from 'commander';

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('From code to permissions: finds the Commerce7 API calls in existing code (any language: an old Data-role integration, or this app) and lists the least-privilege permissions they need; compared with c7-app.json when there is one')
    .argument('[paths...]', 'folders or files to read (default: the current folder); node_modules, build output, tests and *.generated.ts are skipped')
    .option('--manifest <file>', 'compare with this c7-app.json (default: the one in or above the first path, else in or above the current folder, if any)')
    .option('--no-manifest', 'do not compare with a manifest')
    .option('--answers <file>', 'write the permissions found as a partial c7-app.json, for `c7-app new --answers <file>`')
    .option('--force', 'let --answers replace an existing file')
    .option('--include-tests', 'read test files too')
    .option('--json', 'print the calls, permissions and comparison as JSON')
    .option('--fix', 'write the missing permissions into c7-app.json (reasons as TODO:), as c7-app scopes would')
    .option('--reduce', 'with --fix: also lower full to read where no write was found, and remove permissions no call uses')
    .option('--new-version', 'with --fix on a submitted (frozen) version: start the next version, as c7-app scopes --new-version')
    .addHelpText('after', [
      '',
      'JavaScript, TypeScript, PHP, Python, Ruby, C#, Go and shell are parsed (tree-sitter); other files, and files',
      'over 1 MiB, are read as text. A call is a string that reaches an HTTP call (fetch, axios, Guzzle, requests,',
      'Net::HTTP, HttpClient, net/http, curl...) or is joined to a Commerce7 base URL: constants, concatenations,',
      'templates, format strings and helper functions are followed, across files. Paths computed at run time cannot',
      'be known: they are listed. Undocumented paths are listed as unknown, with the family\u2019s permission as a guess.',
      '',
      'Exit codes: 0 the report was made (and c7-app.json, if compared, grants every call found); 1 c7-app.json',
      'lacks a permission the code needs, or is not JSON; 2 usage or I/O error.',
    ].join('\n'))
    .action(async (paths: string[], opts: { manifest?: string | false; answers?: string; force?: boolean; includeTests?: boolean; json?: boolean; fix?: boolean; reduce?: boolean; newVersion?: boolean }) => {
      const { runAudit } = await import('../commands/audit.js');
      process.exitCode = await runAudit(paths, opts);
    });
}

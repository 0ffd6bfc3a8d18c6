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
    .addHelpText('after', [
      '',
      'A call is a string that is an api.commerce7.com URL or a quoted path of a Commerce7 resource ("/order/${id}");',
      'its method comes from the code around it (.post(, method: "PUT", PostAsync(, -X DELETE), else GET is assumed',
      'and listed. Paths built at run time from pieces cannot be seen: read the list, then review.',
      '',
      'Exit codes: 0 the report was made (and c7-app.json, if compared, grants every call found); 1 c7-app.json',
      'lacks a permission the code needs, or is not JSON; 2 usage or I/O error.',
    ].join('\n'))
    .action(async (paths: string[], opts: { manifest?: string | false; answers?: string; force?: boolean; includeTests?: boolean; json?: boolean }) => {
      const { runAudit } = await import('../commands/audit.js');
      process.exitCode = await runAudit(paths, opts);
    });
}

#!/usr/bin/env node
// The `c7-app` bin. Works without a global `yo` and as root. Fast commands (validate, check) never load Yeoman:
// the generator commands import it lazily.
import { readFileSync } from 'node:fs';
import module from 'node:module';
import { Command, CommanderError } from 'commander';
import { EXIT, UserError } from './commands/errors.js';
import { QUESTIONS } from './lib/questions/questions.js';

// Node 22.1+ caches compiled code between runs: a free start-up win where it exists.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export function buildProgram(): Command {
  const program = new Command('c7-app')
    .description('Scaffold, validate and check Commerce7 apps. The manifest c7-app.json holds everything the App Development Center asks.')
    .version(pkg.version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('validate')
    .description('Check c7-app.json against the schema and Commerce7\u2019s rules; reports every problem with file:line:column')
    .argument('[file]', 'manifest to check (default: c7-app.json in this folder or the nearest folder above)')
    .option('--json', 'print a machine-readable report')
    .addHelpText('after', '\nExit codes: 0 valid (warnings allowed), 1 invalid, 2 usage or I/O error.')
    .action(async (file: string | undefined, opts: { json?: boolean }) => {
      const { runValidate } = await import('./commands/validate.js');
      process.exitCode = await runValidate(file, opts);
    });

  const newCommand = program
    .command('new')
    .description('Create a Commerce7 app project: asks for the app, its permissions, webhooks, settings, extensions and listing, then writes a validated c7-app.json, working auth wiring and a submission checklist (same as `yo c7-app`)')
    .argument('[dir]', 'folder of the new project (created if absent; default: the current folder)')
    .option('--answers <file>', 'a full or partial c7-app.json whose values answer the questions; the rest is asked on a terminal')
    .option('--example', 'scaffold the bundled sample Full Application, asking nothing')
    .option('--skip-install', 'do not run npm install')
    .option('--force', 'overwrite changed files without asking')
    .option('--ask-answered', 'ask again the questions answered in an earlier run')
    .option('--no-interactive', 'never ask: fail listing every missing answer (the default without a terminal)')
    .option('--teach', 'add comments that explain why, and TOUR.md (default on a first run)')
    .option('--no-teach', 'the same code without teaching comments')
    .allowUnknownOption(false)
    .addHelpText('after', '\nWithout a terminal, every missing answer is listed with the flag or manifest key that supplies it, and the exit code is 1.');
  for (const q of QUESTIONS) {
    if (!q.flag) continue;
    if (q.flag.kind === 'boolean') newCommand.option(`--${q.flag.name}`, q.prompt).option(`--no-${q.flag.name}`, `answer no: ${q.prompt}`);
    else newCommand.option(`--${q.flag.name} <value>`, q.help ? `${q.prompt}; ${q.help}` : q.prompt);
  }
  newCommand.action(async () => {
    const { runNew } = await import('./commands/new.js');
    const at = process.argv.indexOf('new');
    process.exitCode = await runNew(process.argv.slice(at + 1));
  });

  program
    .command('check')
    .description('The submission checklist: checks what a tool can (listing, type, permissions, installation, secrets, extension pages) and lists what a person must; rewrites SUBMISSION_CHECKLIST.md when it changed')
    .argument('[dir]', 'the project folder, or its c7-app.json (default: c7-app.json in this folder or the nearest folder above)')
    .option('--ci', 'write nothing; exit 1 if an item checked by the tool fails')
    .option('--json', 'print the items as JSON for other tools (writes nothing)')
    .option('--run-tests', 'run `npm test` in the project and check that it passes (otherwise that item is for you)')
    .addHelpText('after', [
      '',
      'Prints every item (\u2705 passed, \u274c failed with the reason and the fix, \u2610 for you to check), then a verdict',
      'such as "12 passed, 2 failed, 5 for you". Without --ci or --json it rewrites SUBMISSION_CHECKLIST.md next to',
      'c7-app.json when its content changed.',
      '',
      'Exit codes: 0 the checklist was made (failed items are listed, not an error: use --ci in scripts and CI);',
      '1 with --ci when an item checked by the tool fails, or when c7-app.json is invalid; 2 usage or I/O error.',
    ].join('\n'))
    .action(async (dir: string | undefined, opts: { ci?: boolean; json?: boolean; runTests?: boolean }) => {
      const { runCheck } = await import('./commands/check.js');
      process.exitCode = await runCheck(dir, opts);
    });

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
      const { runAudit } = await import('./commands/audit.js');
      process.exitCode = await runAudit(paths, opts);
    });

  {
    // `c7-app emulate`: a local Commerce7. Serving is the default subcommand, so `c7-app emulate --port 0` works.
    const collect = (value: string, previous: string[] = []) => [...previous, value];
    const emulate = program
      .command('emulate')
      .description('A local Commerce7 on 127.0.0.1, driven by c7-app.json: its REST API (auth, tenants, your permissions, seed data), and commands that act as Commerce7 toward your app (install, uninstall, webhook, open)')
      .addHelpText('after', [
        '',
        'c7-app emulate [options]  is  c7-app emulate serve [options]: see c7-app emulate serve --help.',
        'Start it in one terminal; run install, webhook and open in another while your app runs (they talk to the',
        'running emulator at --emulator-url, default $C7_API_BASE_URL when local, else http://127.0.0.1:7070/v1).',
      ].join('\n'));
    const appFacing = (cmd: Command) => cmd
      .option('--manifest <file>', 'c7-app.json (default: in this folder or the nearest folder above)')
      .option('--app-url <url>', 'where your app runs, e.g. http://127.0.0.1:3000; manifest paths are joined to it (default: installation.baseUrl)')
      .option('--tenant <id>', 'the tenant acting (default: the manifest\u2019s first test tenant, or demo-winery)')
      .option('--emulator-url <url>', 'the running emulator\u2019s API URL (default: $C7_API_BASE_URL when it is local, else http://127.0.0.1:7070/v1)')
      .option('--app-id <id>', 'App ID (default: the manifest\u2019s app.id)')
      .option('--app-secret <secret>', 'App Secret Key, to talk to the emulator (default: $C7_APP_SECRET)');
    emulate
      .command('serve', { isDefault: true })
      .description('Serve the Commerce7 API under http://127.0.0.1:<port>/v1 in the foreground; prints the URL; Ctrl-C (SIGINT/SIGTERM) stops it')
      .option('--manifest <file>', 'c7-app.json (default: in this folder or the nearest folder above); its permissions are what the app gets')
      .option('--port <n>', 'port on 127.0.0.1; 0 picks a free one', '7070')
      .option('--app-id <id>', 'App ID, the Basic-auth username (default: the manifest\u2019s app.id)')
      .option('--app-secret <secret>', 'App Secret Key, the Basic-auth password (default: $C7_APP_SECRET; prefer the variable)')
      .option('--tenants <a,b>', 'tenants that have the app installed (default: the manifest\u2019s app.testTenants, or demo-winery)')
      .option('--seed <file>', 'JSON data replacing the bundled winery: { "customers": [...], "orders": [...], ... } (see c7-app emulate seed)')
      .option('--no-rate-limit', 'do not answer 429 past 100 requests a minute per tenant')
      .option('--app-url <url>', 'where your app runs: the manifest\u2019s webhooks for the app\u2019s own writes are delivered to it, as Commerce7 does (user = the App ID; Basic auth from $C7_BASIC_AUTH_PASSWORD)')
      .option('--quiet', 'do not log each request on stderr')
      .addHelpText('after', [
        '',
        'Every /v1 request needs Authorization: Basic base64(<App ID>:<App Secret Key>) and the tenant header, as on',
        'Commerce7 (401 otherwise). A call outside the manifest\u2019s permissions gets 403 naming the permission to add.',
        'GET /account/user takes a staff token from `c7-app emulate open`, raw in Authorization. Lists: page and',
        'limit (at most 50; more is a 422), cursor=start on the cursor endpoints (not rate limited), q and the',
        'filters gt: gte: lt: lte: btw:a|b in:a,b. Each request is logged on stderr in one line (never credentials).',
        '',
        'Exit codes: 0 stopped cleanly, 1 c7-app.json is invalid, 2 usage error (no secret, port in use, bad seed).',
      ].join('\n'))
      .action(async (opts: Record<string, unknown>) => {
        const { runEmulateServe } = await import('./commands/emulate.js');
        process.exitCode = await runEmulateServe(opts);
      });
    appFacing(emulate.command('install'))
      .description('Install the app for a tenant: marks it installed in the emulator, then POSTs the install body (tenantId, user, client settings) to your Install URL with the manifest\u2019s Basic auth')
      .option('--setting <code=value>', 'a client-setting value (repeatable; the others get a sample value of their type)', collect)
      .addHelpText('after', '\nThe Basic-auth password is $C7_BASIC_AUTH_PASSWORD. Exit codes: 0 the app answered 2xx, 1 it did not (the install is rolled back), 2 usage error or nothing reachable.')
      .action(async (opts: Record<string, unknown>) => {
        const { runEmulateInstall } = await import('./commands/emulate.js');
        process.exitCode = await runEmulateInstall(opts);
      });
    appFacing(emulate.command('uninstall'))
      .description('Uninstall the app for a tenant: its API calls get 401 from now on, and { tenantId, user } is POSTed to your Uninstall URL')
      .addHelpText('after', '\nExit codes: 0 the app answered 2xx (or there is no Uninstall URL), 1 it did not, 2 usage error.')
      .action(async (opts: Record<string, unknown>) => {
        const { runEmulateUninstall } = await import('./commands/emulate.js');
        process.exitCode = await runEmulateUninstall(opts);
      });
    appFacing(emulate.command('webhook'))
      .description('Deliver a webhook of c7-app.json to your app: POST { object, action, payload, user, tenantId }, payload from the emulator\u2019s data')
      .option('--object <name>', 'webhook object, e.g. Order, "Club Membership"')
      .option('--action <name>', 'Create, Update, Bulk Update, Delete or Send')
      .option('--id <id>', 'the object to deliver (default: the first one)')
      .option('--count <n>', 'Bulk Update: how many objects the emulator tags (default 75: two cursor pages)')
      .option('--payload <file>', 'deliver this JSON payload instead')
      .option('--user <email>', 'who made the change (the delivery\u2019s "user")')
      .addHelpText('after', [
        '',
        'Bulk Update: the emulator tags objects with a new tag, and the payload is { callbackUrl } pointing at the running',
        'emulator (e.g. http://127.0.0.1:7070/v1/customer?tagId=...&cursor=start): fetch it with the app credentials and',
        'the tenant header, and follow the cursor. Exit codes: 0 the app answered 2xx, 1 it did not, 2 usage error.',
      ].join('\n'))
      .action(async (opts: Record<string, unknown>) => {
        const { runEmulateWebhook } = await import('./commands/emulate.js');
        process.exitCode = await runEmulateWebhook(opts);
      });
    appFacing(emulate.command('open'))
      .description('Print the URL Commerce7 opens for an extension: your URL with tenantId, an account staff token (valid at the emulator\u2019s GET /account/user) and adminUITheme')
      .option('--extension <which>', 'index in c7-app.json extensions, "Type:Location" (e.g. "Tab Menu:Order Detail") or its title/label')
      .option('--theme <theme>', 'adminUITheme: light or dark', 'light')
      .option('--context <key=value>', 'an extra query parameter, e.g. orderId=... (repeatable; detail screens get the first record by default)', collect)
      .action(async (opts: Record<string, unknown>) => {
        const { runEmulateOpen } = await import('./commands/emulate.js');
        process.exitCode = await runEmulateOpen(opts);
      });
    emulate
      .command('seed')
      .description('Print the bundled winery data set as JSON: a start for your own --seed file')
      .option('--out <file>', 'write it to this file instead')
      .action(async (opts: { out?: string }) => {
        const { runEmulateSeed } = await import('./commands/emulate.js');
        process.exitCode = await runEmulateSeed(opts);
      });
  }

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
      const { runScopes } = await import('./commands/scopes.js');
      const at = process.argv.indexOf('scopes');
      process.exitCode = await runScopes(process.argv.slice(at + 1));
    });

  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end with code 0; every other commander error is a usage error.
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (err instanceof UserError) {
      process.stderr.write(`c7-app: ${err.message}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    throw err;
  }
}

await main(process.argv);

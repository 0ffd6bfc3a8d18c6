// `c7-app emulate`: a local Commerce7. Serving is the default subcommand, so `c7-app emulate --port 0` works.
import type { Command } from 'commander';

export function registerEmulate(program: Command): void {
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
    .option('--duplicate-emails <policy>', 'a customer with an email another customer has: reject (422 on emails.email, the default) or allow (Commerce7 does not document it)')
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
      const { runEmulateServe } = await import('../commands/emulate.js');
      process.exitCode = await runEmulateServe(opts);
    });
  emulate
    .command('record')
    .description('Record a sandbox tenant\u2019s data as a seed file: reads (GET only) every list c7-app.json grants, with the App ID and $C7_APP_SECRET, follows cursors, waits out 429s, and replaces personal data (names, emails, phones, addresses, card data, IPs) by consistent fakes, ids kept')
    .option('--tenant <id>', 'the sandbox tenant to read (it must have installed the app)')
    .option('--out <file>', 'where to write the seed (default seed.json)')
    .option('--limit <n>', 'at most n rows per list (default 200)')
    .option('--only <lists>', 'only these lists, e.g. order,customer (each must be granted by c7-app.json)')
    .option('--base-url <url>', `the Commerce7 API (default ${'https://api.commerce7.com/v1'})`)
    .option('--manifest <file>', 'c7-app.json (default: in this folder or the nearest folder above)')
    .option('--app-id <id>', 'App ID (default: the manifest\u2019s app.id)')
    .addHelpText('after', '\nThe App Secret Key is read from $C7_APP_SECRET only. Then: c7-app emulate --seed seed.json. Exit codes: 0 written, 1 invalid c7-app.json, 2 usage error, refused list or unreachable API.')
    .action(async (opts: Record<string, unknown>) => {
      const { runEmulateRecord } = await import('../commands/emulate.js');
      process.exitCode = await runEmulateRecord(opts);
    });
  appFacing(emulate.command('install'))
    .description('Install the app for a tenant: marks it installed in the emulator, then POSTs the install body (tenantId, user, client settings) to your Install URL with the manifest\u2019s Basic auth')
    .option('--setting <code=value>', 'a client-setting value (repeatable; the others get a sample value of their type)', collect)
    .option('--any-tenant', 'install for a tenant Commerce7 would not show the app to (a Private app\u2019s unlisted tenant; any but the test tenants while the version is unpublished)')
    .addHelpText('after', '\nThe Basic-auth password is $C7_BASIC_AUTH_PASSWORD. Exit codes: 0 the app answered 2xx, 1 it did not (the install is rolled back), 2 usage error, nothing reachable, or a tenant Commerce7 would refuse.')
    .action(async (opts: Record<string, unknown>) => {
      const { runEmulateInstall } = await import('../commands/emulate.js');
      process.exitCode = await runEmulateInstall(opts);
    });
  appFacing(emulate.command('uninstall'))
    .description('Uninstall the app for a tenant: its API calls get 401 from now on, and { tenantId, user } is POSTed to your Uninstall URL')
    .addHelpText('after', '\nExit codes: 0 the app answered 2xx (or there is no Uninstall URL), 1 it did not, 2 usage error.')
    .action(async (opts: Record<string, unknown>) => {
      const { runEmulateUninstall } = await import('../commands/emulate.js');
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
      const { runEmulateWebhook } = await import('../commands/emulate.js');
      process.exitCode = await runEmulateWebhook(opts);
    });
  appFacing(emulate.command('open'))
    .description('Print the URL Commerce7 opens for an extension: your URL with tenantId, an account staff token (valid at the emulator\u2019s GET /account/user) and adminUITheme')
    .option('--extension <which>', 'index in c7-app.json extensions, "Type:Location" (e.g. "Tab Menu:Order Detail") or its title/label')
    .option('--theme <theme>', 'adminUITheme: light or dark', 'light')
    .option('--context <key=value>', 'an extra query parameter, e.g. orderId=... (repeatable; detail screens get the first record by default)', collect)
    .action(async (opts: Record<string, unknown>) => {
      const { runEmulateOpen } = await import('../commands/emulate.js');
      process.exitCode = await runEmulateOpen(opts);
    });
  emulate
    .command('seed')
    .description('Print the bundled winery data set as JSON: a start for your own --seed file')
    .option('--out <file>', 'write it to this file instead')
    .action(async (opts: { out?: string }) => {
      const { runEmulateSeed } = await import('../commands/emulate.js');
      process.exitCode = await runEmulateSeed(opts);
    });
}

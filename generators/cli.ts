#!/usr/bin/env node
// The `c7-app` bin. Works without a global `yo` and as root. Fast commands (validate, check) never load Yeoman:
// the generator commands import it lazily.
import module from 'node:module';
import { Command, CommanderError } from 'commander';
import { EXIT, UserError } from './commands/errors.js';
import { loadProjectEnv } from './lib/project-env.js';
import { PACKAGE_VERSION } from './lib/package-info.js';
import { registerValidate } from './cli/validate.js';
import { registerNew } from './cli/new.js';
import { registerCheck } from './cli/check.js';
import { registerAudit } from './cli/audit.js';
import { registerEmulate } from './cli/emulate.js';
import { registerScopes } from './cli/scopes.js';
import { registerUpgrade } from './cli/upgrade.js';

// Node 22.1+ caches compiled code between runs: a free start-up win where it exists.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const COMMANDS: Record<string, (program: Command) => unknown> = {
  validate: registerValidate, new: registerNew, check: registerCheck, audit: registerAudit, emulate: registerEmulate,
  scopes: registerScopes, upgrade: registerUpgrade,
};

/**
 * The program, with every command; or with `only` (the command the run names): a command's help, options and
 * errors do not depend on the others, and defining them all was ~5 ms of every `validate` and `check`.
 */
export function buildProgram(only?: string): Command {
  const program = new Command('c7-app')
    .description('Scaffold, validate and check Commerce7 apps. The manifest c7-app.json holds everything the App Development Center asks.')
    .version(PACKAGE_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  for (const [name, register] of Object.entries(COMMANDS)) if (only === undefined || name === only) register(program);

  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `c7-app check | head`: a reader that stops early is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(process.exitCode ?? 0);
    });
  }
  loadProjectEnv(process.cwd());
  // argv[2] names a command exactly: only it is defined (`help`, an option or a typo gets the full program).
  const program = buildProgram(Object.hasOwn(COMMANDS, argv[2] ?? '') ? argv[2] : undefined);
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

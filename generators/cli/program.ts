// The `c7-app` program: commander, the commands it is given, and how a run ends (exit codes, errors for the user).
// cli.ts (the tsc build) gives it every command; the bundle (scripts/build-bundle.mjs) builds one file per hot
// command that gives it only that one, and one file for the rest.
import { Command, CommanderError } from 'commander';
import { EXIT, isUserError } from '../commands/errors.js';
import { loadProjectEnv } from '../lib/project-env.js';
import { PACKAGE_VERSION } from '../lib/package-info.js';

/** Defines one command (its options, help and action) on the program. */
export type Register = (program: Command) => unknown;

/**
 * The program, with the `commands` given; or with `only` (the command the run names): a command's help, options and
 * errors do not depend on the others, and defining them all was ~5 ms of every `validate` and `check`.
 */
export function buildProgram(commands: Readonly<Record<string, Register>>, only?: string): Command {
  const program = new Command('c7-app')
    .description('Scaffold, validate and check Commerce7 apps. The manifest c7-app.json holds everything the App Development Center asks.')
    .version(PACKAGE_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  for (const [name, register] of Object.entries(commands)) if (only === undefined || name === only) register(program);

  return program;
}

/** Runs the program on `argv` (process.argv's shape); the exit code is left in process.exitCode. */
export async function main(argv: string[], commands: Readonly<Record<string, Register>>): Promise<void> {
  // `c7-app check | head`: a reader that stops early is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(process.exitCode ?? 0);
    });
  }
  loadProjectEnv(process.cwd());
  // argv[2] names a command exactly: only it is defined (`help`, an option or a typo gets the full program).
  const program = buildProgram(commands, Object.hasOwn(commands, argv[2] ?? '') ? argv[2] : undefined);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end with code 0; every other commander error is a usage error.
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (isUserError(err)) {
      process.stderr.write(`c7-app: ${err.message}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    throw err;
  }
}

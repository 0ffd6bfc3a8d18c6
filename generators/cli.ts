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

// `c7-app new` (same as `yo c7-app`): its flags come from the questions, so a question and its flag are one fact.
import type { Command } from 'commander';
// In the bundle, the questions as data: name, flag, prompt and help only (scripts/build-bundle.mjs questionFlags).
import { QUESTIONS } from '../lib/questions/questions.js';

export function registerNew(program: Command): void {
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
    .option('--no-git', 'do not make a fresh project a git repository with a first commit (skipped anyway inside a repository or without git)')
    .allowUnknownOption(false)
    .addHelpText('after', '\nWithout a terminal, every missing answer is listed with the flag or manifest key that supplies it, and the exit code is 1.');
  for (const q of QUESTIONS) {
    if (!q.flag) continue;
    if (q.flag.kind === 'boolean') newCommand.option(`--${q.flag.name}`, q.prompt).option(`--no-${q.flag.name}`, `answer no: ${q.prompt}`);
    else newCommand.option(`--${q.flag.name} <value>`, q.help ? `${q.prompt}; ${q.help}` : q.prompt);
  }
  newCommand.action(async (dir: string | undefined, opts: Record<string, unknown>, cmd: Command) => {
    // In the bundle: the command's code as one CommonJS file with a V8 code cache (scripts/build-bundle.mjs newLoader).
    const { runNew } = await import('../commands/new.js');
    const at = process.argv.indexOf('new');
    process.exitCode = await runNew(process.argv.slice(at + 1), { dir, opts, explicit: (key) => cmd.getOptionValueSource(key) === 'cli' });
  });
}

// `c7-app scopes`: permission changes and regeneration run the Yeoman generator c7-app:scopes; --check is the
// CI path: it writes nothing, loads no Yeoman, and exits 1 when a derived file is out of step with c7-app.json.
import { InputError } from '../lib/errors.js';
import { diskProject, prepareChecklist } from '../lib/checklist/index.js';
import { loadProject, plannedWrites } from '../lib/scopes/index.js';
import { EXIT, UserError } from './errors.js';
import { runGenerator } from './yeoman.js';

export async function runScopes(args: string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  if (!args.includes('--check')) return runGenerator('scopes', args);
  let state;
  try {
    state = loadProject(process.cwd());
  } catch (err) {
    if (err instanceof InputError) throw new UserError(err.message, err.exitCode);
    throw err;
  }
  await prepareChecklist(diskProject(state.root), { rendered: true });
  const stale = plannedWrites(state, state.manifest, state.manifestText).filter((w) => w.owner === 'derived');
  if (stale.length === 0) {
    out.write('Every derived file is in step with c7-app.json.\n');
    return EXIT.ok;
  }
  out.write(`${stale.length} derived file(s) out of step with c7-app.json:\n`);
  for (const w of stale) out.write(`  ${w.path}  (${w.action === 'create' ? 'missing' : 'stale'})\n`);
  out.write('Run `c7-app scopes --sync` to regenerate them.\n');
  return EXIT.invalid;
}

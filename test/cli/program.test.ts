// `c7-app <command> …` builds only that command (the others' options cost ~5 ms of every run): what it prints must
// be what the full program prints, here compared with `c7-app help <command>` and a typo, which build them all.
import assert from 'node:assert/strict';
import { runCli } from '../support/cli.js';

describe('c7-app: a command run alone behaves as in the full program (black box)', () => {
  for (const name of ['validate', 'new', 'check', 'audit', 'emulate', 'scopes', 'upgrade']) {
    it(`${name} --help is the help the full program gives`, () => {
      const alone = runCli([name, '--help']);
      const full = runCli(['help', name]);
      assert.equal(alone.status, 0, alone.stderr);
      assert.equal(alone.stdout, full.stdout);
    });
  }
  it('an unknown option is the same usage error', () => {
    const r = runCli(['check', '--no-such-flag']);
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /unknown option '--no-such-flag'/);
  });
  it('emulate keeps its subcommands', () => {
    const r = runCli(['emulate', 'seed', '--help']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Usage: c7-app emulate seed/);
  });
  it('the full list when no command is named, and a suggestion for a typo', () => {
    const help = runCli(['--help']);
    for (const name of ['validate', 'new', 'check', 'audit', 'emulate', 'scopes', 'upgrade']) assert.match(help.stdout, new RegExp(`\\n  ${name}\\b`));
    const typo = runCli(['chek']);
    assert.match(typo.stderr, /Did you mean check\?/);
  });
});

// `c7-app check --verbose | head -1`: a reader that stops early ends the command quietly (no EPIPE stack trace).
// The reader here is `true`, which closes the pipe before node has started, so every write meets EPIPE.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.js';
import { CLI } from '../support/paths.js';

describe('c7-app output into a closed pipe', () => {
  it('check --verbose into a pipe closed at once: no stack trace, the command\'s own exit code', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'c7-pipe-')), 'app');
    assert.equal(runCli(['new', dir, '--example', '--skip-install']).status, 0);
    const r = spawnSync('bash', ['-c', `node ${JSON.stringify(CLI)} check --verbose | true; echo "node exit \${PIPESTATUS[0]}" >&2`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.doesNotMatch(r.stderr, /EPIPE|at .*\(.*:\d+:\d+\)/, r.stderr);
    assert.match(r.stderr, /node exit 0/);
  });
});

// `c7-app check` on odd files (issue 11 §3): a FIFO, a special file, an unreadable file or folder, a file too large for
// memory are reported by name and skipped — no stack trace, no hang — and a 600 MB file does not cost 600 MB of memory.
// The built bin, as a user runs it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diskProject } from '../../generators/lib/checklist/index.js';
import { runCli } from '../support/cli.js';
import { CLI } from '../support/paths.js';
import { goodFiles, readyManifest, writeTemp } from './fixtures.js';

const STACK = /^\s+at .+[(:]\d+/m;
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

function fixture(): string {
  const m = readyManifest('tasting-room-full-app');
  const files = goodFiles(m);
  files['c7-app.json'] = JSON.stringify(m, null, 2);
  return writeTemp(files, 'c7odd-');
}

function gitInit(dir: string): void {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t.co', '-c', 'user.name=t', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'init');
}

/** Exit 0 or 1 (a checklist was printed), no stack trace, and each expected path named on stderr with its reason. */
function assertReported(r: { status: number | null; stdout: string; stderr: string }, expected: Array<[string, RegExp]>): void {
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}\n${r.stdout}\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, STACK, 'no stack trace');
  assert.doesNotMatch(r.stdout, STACK, 'no stack trace');
  assert.match(r.stdout, /passed, \d+ failed/, 'the checklist was printed');
  for (const [p, reason] of expected) {
    const line = r.stderr.split('\n').find((l) => l.startsWith(`c7-app check: skipped ${p}: `));
    assert.ok(line, `${p} reported on stderr:\n${r.stderr}`);
    assert.match(line, reason);
  }
}

describe('c7-app check on odd files (black box)', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  after(() => {
    for (const d of dirs) {
      try { execFileSync('chmod', ['-R', 'u+rwx', d]); } catch { /* gone */ }
      rmSync(d, { recursive: true, force: true });
    }
  });

  for (const git of [false, true]) {
    it(`a FIFO and a device are named and skipped, never opened (${git ? 'a git repository' : 'not a repository'})`, () => {
      const dir = fixture();
      dirs.push(dir);
      if (git) {
        // git lists no FIFO it does not track; a tracked file replaced by one (and a tracked link to a device) it does.
        writeFileSync(path.join(dir, 'src/pipe.ts'), 'export {};\n');
        symlinkSync('/dev/zero', path.join(dir, 'src/zero.ts'));
        gitInit(dir);
        unlinkSync(path.join(dir, 'src/pipe.ts'));
      }
      execFileSync('mkfifo', [path.join(dir, 'src/pipe.ts')]);
      if (!git) execFileSync('mkfifo', [path.join(dir, 'notes.txt')]);
      // Nothing writes to the FIFOs: a reader that opened one would wait forever; the timeout turns that into a failure.
      const r = runCli(['check', '--ci', dir], { timeout: 30_000 });
      assertReported(r, git
        ? [['src/pipe.ts', /a FIFO \(named pipe\), not read/], ['src/zero.ts', /a character device, not read/]]
        : [['src/pipe.ts', /a FIFO \(named pipe\), not read/], ['notes.txt', /a FIFO/]]);
      const json = runCli(['check', '--ci', '--json', dir], { timeout: 30_000 });
      const out = JSON.parse(json.stdout) as { skipped: Array<{ path: string; reason: string }>; items: Array<{ id: string; reason?: string }> };
      assert.ok(out.skipped.some((f) => f.path === 'src/pipe.ts'), JSON.stringify(out.skipped));
      assert.match(out.items.find((i) => i.id === 'secrets.tracked-files')!.reason ?? '', /not scanned \(.*src\/pipe\.ts/);
    });
  }

  it('c7-app.json that is a FIFO: exit 2 with the reason, no hang', () => {
    const dir = path.join(writeTemp({}, 'c7odd-'), 'app');
    dirs.push(path.dirname(dir));
    mkdirSync(dir);
    execFileSync('mkfifo', [path.join(dir, 'c7-app.json')]);
    const r = runCli(['check', '--ci', path.join(dir, 'c7-app.json')], { timeout: 30_000 });
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /c7-app\.json: a FIFO \(named pipe\)/);
    assert.doesNotMatch(r.stderr, STACK);
  });

  // chmod 000 does not stop root (CI runs as root): there the check runs as the user nobody, for whom it does.
  for (const git of [false, true]) {
    it(`an unreadable file and an unreadable folder are named and skipped (${git ? 'a git repository' : 'not a repository'}${isRoot ? ', run as nobody' : ''})`, () => {
      const dir = fixture();
      dirs.push(dir);
      mkdirSync(path.join(dir, 'private'));
      writeFileSync(path.join(dir, 'private/keys.ts'), 'export {};\n');
      writeFileSync(path.join(dir, 'src/locked.ts'), 'export {};\n');
      if (git) gitInit(dir);
      chmodSync(path.join(dir, 'src/locked.ts'), 0o000);
      chmodSync(path.join(dir, 'private'), 0o000);
      let r;
      if (isRoot) {
        // nobody must reach the folder: open the test's temporary folders (ours alone) for reading.
        for (let d = dir; d.startsWith(tmpdir()) && d !== path.dirname(tmpdir()); d = path.dirname(d)) chmodSync(d, 0o755);
        execFileSync('chmod', ['-R', 'a+rX', dir]);
        chmodSync(path.join(dir, 'src/locked.ts'), 0o000);
        chmodSync(path.join(dir, 'private'), 0o000);
        const s = spawnSync(process.execPath, [CLI, 'check', '--ci', dir], {
          uid: NOBODY, gid: NOBODY, encoding: 'utf8', timeout: 30_000,
          // git refuses a repository another user owns unless told it is safe.
          env: { ...process.env, NO_COLOR: '1', HOME: dir, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'safe.directory', GIT_CONFIG_VALUE_0: '*' },
        });
        r = { status: s.status, stdout: s.stdout, stderr: s.stderr };
      } else {
        r = runCli(['check', '--ci', dir], { timeout: 30_000 });
      }
      assertReported(r, [['private/', /folder cannot be read: permission denied/], ['src/locked.ts', /cannot be read: permission denied/]]);
    });
  }

  it('a 600 MB file is skipped unread: peak memory stays far below its size', () => {
    const dir = fixture();
    dirs.push(dir);
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'data/export.json'), ''); // made sparse: 600 MB on paper, no disk used
    truncateSync(path.join(dir, 'data/export.json'), 600 * 1024 * 1024);
    const probe = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\n@@maxrss='+process.resourceUsage().maxRSS+'\\n'))`;
    const s = spawnSync(process.execPath, ['--import', probe, CLI, 'check', '--ci', dir], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
    const rss = Number(/@@maxrss=(\d+)/.exec(s.stderr)?.[1]) / 1024;
    console.log(`      peak RSS of check with a 600 MB file: ${rss.toFixed(0)} MiB`);
    assertReported({ status: s.status, stdout: s.stdout, stderr: s.stderr.replace(/\n@@maxrss=\d+\n/, '') }, [['data/export.json', /larger than 1 MiB, not scanned|too large \(600 MiB/]]);
    assert.ok(rss > 0 && rss < 200, `peak RSS ${rss} MiB`);
  });

  it('diskProject: read() of a FIFO returns at once, and skipped() says why', () => {
    const dir = writeTemp({ 'c7-app.json': '{}', 'a.ts': 'a' }, 'c7odd-');
    dirs.push(dir);
    execFileSync('mkfifo', [path.join(dir, 'b.ts')]);
    const p = diskProject(dir);
    assert.deepEqual(p.listFiles(), ['a.ts', 'c7-app.json']);
    assert.equal(p.read('b.ts'), undefined);
    assert.deepEqual(p.skipped!().map((s) => s.path), ['b.ts']);
  });
});

// `c7-app new` as a user runs it: the built bin in a child process, no TTY.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.js';
import { EXAMPLE_MANIFESTS, ROOT } from '../support/paths.js';

const fresh = () => mkdtempSync(path.join(tmpdir(), 'c7-new-'));

describe('c7-app new (black box)', () => {
  it('--answers writes a validated project and a summary; exit 0', () => {
    const dir = path.join(fresh(), 'club-export');
    const r = runCli(['new', dir, '--answers', EXAMPLE_MANIFESTS[1]!, '--skip-install']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const out = r.stdout + r.stderr;
    assert.match(out, /create .*c7-app\.json/);
    assert.match(out, /Created the Commerce7 Private App or Integration "Club Export"/);
    assert.match(out, /Permissions requested: Club \(read\), Club Membership \(read\), Customer \(read\), Customer Address \(read\)/);
    assert.match(out, /Next steps:/);
    assert.equal(runCli(['validate', path.join(dir, 'c7-app.json')]).status, 0);
    assert.ok(existsSync(path.join(dir, 'PERMISSIONS.md')));
  });

  it('--example scaffolds the bundled sample with no questions', () => {
    const dir = path.join(fresh(), 'sample');
    const r = runCli(['new', dir, '--example', '--skip-install']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(JSON.parse(readFileSync(path.join(dir, 'c7-app.json'), 'utf8')).app.type, 'full-application');
    // The sample brings its listing images, and its checklist (rendered before they were written) counts them.
    assert.ok(existsSync(path.join(dir, 'listing/logo.png')) && existsSync(path.join(dir, 'listing/screenshot-3.png')));
    const checklist = readFileSync(path.join(dir, 'SUBMISSION_CHECKLIST.md'), 'utf8');
    assert.match(checklist, /- ✅ \*\*The Logo exists in the project\*\* · `listing\.logo`/);
    assert.match(checklist, /- ✅ \*\*At least 3 screenshots, each in the project\*\* · `listing\.screenshots`/);
    const check = runCli(['check', '--ci', '--verbose'], { cwd: dir });
    assert.match(check.stdout, /✅ The Logo exists in the project/, 'check agrees with the generated checklist');
  });

  it('without a TTY, missing answers: all listed, exit 1, nothing written', () => {
    const dir = path.join(fresh(), 'x');
    const r = runCli(['new', dir, '--title', 'Acme Sync', '--skip-install']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /answers are missing and there is no terminal to ask/);
    assert.match(r.stderr, /--type or "app\.type"/);
    assert.doesNotMatch(r.stdout + r.stderr, /An error occured while running/, 'our message stands alone, without Yeoman\u2019s task line');
    assert.ok(!existsSync(path.join(dir, 'c7-app.json')));
    assert.deepEqual(existsSync(dir) ? readdirSync(dir) : [], []);
  });

  describe('--answers files follow the manifest rules', () => {
    const answers = (content: string | Buffer) => {
      const file = path.join(fresh(), 'answers.json');
      writeFileSync(file, content);
      return file;
    };
    const example = () => readFileSync(EXAMPLE_MANIFESTS[1]!, 'utf8');
    for (const [what, content, message] of [
      ['duplicate keys', example().replace('"manifestVersion": 1,', '"manifestVersion": 1, "manifestVersion": 1,'), /answers\.json:3:25 {2}\/manifestVersion {2}error: duplicate key "manifestVersion"/],
      ['invalid UTF-8', Buffer.concat([Buffer.from('{ "app": { "title": "Club '), Buffer.from([0xff]), Buffer.from('" } }')]), /answers\.json:1:27 {2}\/ {2}error: this byte is not valid UTF-8 \(0xFF\)/],
      ['nesting 10,000 deep', `{ "x-deep": ${'['.repeat(10_000)}${']'.repeat(10_000)} }`, /answers\.json:1:\d+ {2}\/x-deep {2}error: nested more than 100 levels deep/],
      ['a Basic-auth username with a colon', example().replace('"basicAuth": { "username": "commerce7" }', '"basicAuth": { "username": "commerce:7" }'), /answers\.json:29:\d+ {2}\/installation\/basicAuth\/username {2}the username cannot contain ":"/],
      ['a URL with a password', example().replace('"https://club-export.hillside-digital.test"', '"https://me:hunter2@club-export.hillside-digital.test"'), /answers\.json:26:\d+ {2}\/installation\/baseUrl {2}the URL holds a user name and password/],
      ['keys named __proto__ and constructor', example().replace('"manifestVersion": 1,', '"manifestVersion": 1, "__proto__": { "x": 1 }, "constructor": { "prototype": {} },'), /answers\.json:3:38 {2}\/__proto__ {2}unknown property "__proto__"[\s\S]*answers\.json:3:65 {2}\/constructor {2}unknown property "constructor"/],
    ] as const) {
      it(`${what}: exit 1, located, nothing written`, () => {
        const dir = path.join(fresh(), 'p');
        const r = runCli(['new', dir, '--answers', answers(content), '--skip-install']);
        assert.equal(r.status, 1, r.stdout + r.stderr);
        assert.match(r.stderr, message);
        assert.doesNotMatch(r.stdout + r.stderr, /RangeError|hunter2|\n\s+at /);
        assert.ok(!existsSync(path.join(dir, 'c7-app.json')));
      });
    }
    it('a BOM is accepted with a warning; validate, scopes --check and check read a BOM manifest too', () => {
      const dir = path.join(fresh(), 'bom');
      const r = runCli(['new', dir, '--answers', answers('\uFEFF' + example()), '--skip-install']);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout + r.stderr, /byte order mark/);
      const manifest = path.join(dir, 'c7-app.json');
      writeFileSync(manifest, '\uFEFF' + readFileSync(manifest, 'utf8'));
      const v = runCli(['validate', manifest]);
      assert.equal(v.status, 0, v.stdout + v.stderr);
      const s = runCli(['scopes', '--check'], { cwd: dir });
      assert.equal(s.status, 0, s.stdout + s.stderr);
      const c = runCli(['check'], { cwd: dir });
      assert.doesNotMatch(c.stdout + c.stderr, /SyntaxError|\n\s+at /);
      const again = runCli(['new', dir, '--skip-install', '--force'], { cwd: dir });
      assert.equal(again.status, 0, again.stdout + again.stderr);
      assert.ok(readFileSync(manifest, 'utf8').startsWith('\uFEFF'), 'a re-run keeps the BOM of the file it edits');
    });
  });

  it('--help lists the everyday flags', () => {
    const r = runCli(['new', '--help']);
    assert.equal(r.status, 0);
    for (const flag of ['--title', '--id', '--type', '--allowed-tenants', '--permissions', '--base-url', '--support-email', '--skip-install', '--force', '--answers', '--example', '--ask-answered']) {
      assert.ok(r.stdout.includes(flag), flag);
    }
  });

  it('an unreadable --answers file is a usage error (exit 2)', () => {
    const r = runCli(['new', path.join(fresh(), 'y'), '--answers', '/nonexistent/answers.json', '--skip-install']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--answers: cannot read/);
  });

  it('from a checkout, the project carries the generator in vendor/ and depends on it by a relative path', () => {
    const dir = path.join(fresh(), 'portable');
    const r = runCli(['new', dir, '--answers', EXAMPLE_MANIFESTS[0]!, '--skip-install']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const pkgText = readFileSync(path.join(dir, 'package.json'), 'utf8');
    const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal((JSON.parse(pkgText) as { devDependencies: Record<string, string> }).devDependencies['generator-c7-app'], `file:vendor/generator-c7-app-${version}.tgz`);
    assert.ok(!pkgText.includes(ROOT), 'no path of this machine in package.json');
    const tarball = readFileSync(path.join(dir, 'vendor', `generator-c7-app-${version}.tgz`));
    assert.deepEqual([...tarball.subarray(0, 2)], [0x1f, 0x8b], 'a gzip file');
    assert.ok(spawnSync('git', ['ls-files', '--error-unmatch', `vendor/generator-c7-app-${version}.tgz`], { cwd: dir }).status === 0, 'committed with the project');
    // An explicit dependency (what a published install does with its range) vendors nothing.
    const ranged = path.join(fresh(), 'ranged');
    assert.equal(runCli(['new', ranged, '--answers', EXAMPLE_MANIFESTS[0]!, '--skip-install'], { env: { C7_APP_DEPENDENCY: '^0.1.0' } }).status, 0);
    assert.ok(!existsSync(path.join(ranged, 'vendor')));
  });

  describe('a fresh project is a git repository with a first commit', () => {
    const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' });
    // As CI runs: no user.name/user.email anywhere (an empty HOME, no system config, no identity variables).
    const noIdentity = () => ({
      HOME: fresh(), XDG_CONFIG_HOME: undefined, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: undefined,
      GIT_AUTHOR_NAME: undefined, GIT_AUTHOR_EMAIL: undefined, GIT_COMMITTER_NAME: undefined, GIT_COMMITTER_EMAIL: undefined, EMAIL: undefined,
    });

    it('commits every file it wrote (nothing left untracked), with a fallback identity where none is configured', () => {
      const dir = path.join(fresh(), 'club');
      const r = runCli(['new', dir, '--answers', EXAMPLE_MANIFESTS[1]!, '--skip-install'], { env: noIdentity() });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout + r.stderr, /git: created a repository with a first commit/);
      assert.equal(git(dir, 'rev-list', '--count', 'HEAD').stdout.trim(), '1');
      assert.equal(git(dir, 'status', '--porcelain').stdout, '', 'nothing left out of the first commit');
      const tracked = git(dir, 'ls-files').stdout.split('\n');
      for (const f of ['c7-app.json', 'package.json', 'README.md', '.gitignore', 'src/main.ts']) assert.ok(tracked.includes(f), f);
      assert.ok(!tracked.includes('.c7-app-generation.json'));
      assert.equal(git(dir, 'log', '-1', '--format=%an <%ae>').stdout.trim(), 'generator-c7-app <generator-c7-app@localhost>');
      // The fallback was for that one command: the repository's config holds no identity.
      assert.equal(git(dir, 'config', '--local', '--get', 'user.email').stdout, '');
    });

    it('uses the developer\u2019s own identity when git has one', () => {
      const dir = path.join(fresh(), 'mine');
      const r = runCli(['new', dir, '--answers', EXAMPLE_MANIFESTS[1]!, '--skip-install'], { env: { ...noIdentity(), GIT_AUTHOR_NAME: 'Ada Lovelace', GIT_AUTHOR_EMAIL: 'ada@example.test' } });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.equal(git(dir, 'log', '-1', '--format=%an <%ae>').stdout.trim(), 'Ada Lovelace <ada@example.test>');
    });

    it('the first commit is on main unless git names another default branch; the id said is HEAD\u2019s; the repository is sound', () => {
      const dir = path.join(fresh(), 'branch');
      const r = runCli(['new', dir, '--answers', EXAMPLE_MANIFESTS[1]!, '--skip-install'], { env: noIdentity() });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.equal(git(dir, 'symbolic-ref', 'HEAD').stdout.trim(), 'refs/heads/main');
      const said = /first commit \(([0-9a-f]+)\)/.exec(r.stdout + r.stderr)?.[1];
      assert.equal(said, git(dir, 'rev-parse', '--short', 'HEAD').stdout.trim());
      assert.equal(git(dir, 'fsck', '--strict', '--no-dangling').status, 0, 'git fsck');

      const env = noIdentity();
      writeFileSync(path.join(env.HOME, '.gitconfig'), '[init]\n\tdefaultBranch = trunk\n');
      const other = path.join(fresh(), 'trunk');
      assert.equal(runCli(['new', other, '--answers', EXAMPLE_MANIFESTS[1]!, '--skip-install'], { env }).status, 0);
      assert.equal(git(other, 'symbolic-ref', 'HEAD').stdout.trim(), 'refs/heads/trunk');
    });

    it('the id said is HEAD\u2019s as git abbreviates it, with a core.abbrev configured too', () => {
      const env = noIdentity();
      writeFileSync(path.join(env.HOME, '.gitconfig'), '[core]\n\tabbrev = 12\n');
      const dir = path.join(fresh(), 'abbrev');
      const r = runCli(['new', dir, '--answers', EXAMPLE_MANIFESTS[1]!, '--skip-install'], { env });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      const said = /first commit \(([0-9a-f]+)\)/.exec(r.stdout + r.stderr)?.[1];
      assert.equal(said?.length, 12);
      assert.equal(said, spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } as NodeJS.ProcessEnv }).stdout.trim());
    });

    it('an identity git gives only inside a repository (includeIf gitdir) is used; a missing half alone falls back', () => {
      const env = noIdentity();
      const parent = fresh();
      writeFileSync(path.join(env.HOME, 'work.gitconfig'), '[user]\n\tname = Grace Hopper\n\temail = grace@example.test\n');
      writeFileSync(path.join(env.HOME, '.gitconfig'), `[includeIf "gitdir:${parent}/"]\n\tpath = ${path.join(env.HOME, 'work.gitconfig')}\n`);
      const dir = path.join(parent, 'work');
      const r = runCli(['new', dir, '--answers', EXAMPLE_MANIFESTS[1]!, '--skip-install'], { env });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.equal(git(dir, 'log', '-1', '--format=%an <%ae>|%cn <%ce>').stdout.trim(), 'Grace Hopper <grace@example.test>|Grace Hopper <grace@example.test>');
      assert.doesNotMatch(r.stdout + r.stderr, /because git has no user/);

      const half = noIdentity();
      writeFileSync(path.join(half.HOME, '.gitconfig'), '[user]\n\tname = Ada Lovelace\n');
      const other = path.join(fresh(), 'half');
      const h = runCli(['new', other, '--answers', EXAMPLE_MANIFESTS[1]!, '--skip-install'], { env: half });
      assert.equal(h.status, 0, h.stdout + h.stderr);
      assert.equal(git(other, 'log', '-1', '--format=%an <%ae>').stdout.trim(), 'Ada Lovelace <generator-c7-app@localhost>');
      assert.match(h.stdout + h.stderr, /because git has no user\.name\/user\.email here/);
    });

    it('inside an existing repository: no repository of its own, said once', () => {
      const outer = fresh();
      assert.equal(git(outer, 'init', '-q').status, 0);
      const dir = path.join(outer, 'apps', 'club');
      const r = runCli(['new', dir, '--answers', EXAMPLE_MANIFESTS[1]!, '--skip-install'], { env: noIdentity() });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.ok(!existsSync(path.join(dir, '.git')));
      assert.equal(((r.stdout + r.stderr).match(/git: /g) ?? []).length, 1, r.stdout + r.stderr);
      assert.match(r.stdout + r.stderr, /git: inside the repository at .+: no repository of its own/);
    });

    it('--no-git: no repository, nothing said', () => {
      const dir = path.join(fresh(), 'nogit');
      const r = runCli(['new', dir, '--answers', EXAMPLE_MANIFESTS[1]!, '--skip-install', '--no-git']);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.ok(!existsSync(path.join(dir, '.git')));
      assert.doesNotMatch(r.stdout + r.stderr, /git: /);
    });

    it('git missing: the project is written, the skip said once, exit 0', () => {
      // A PATH with node and npm but no git.
      const bin = fresh();
      for (const tool of ['node', 'npm']) {
        const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
        if (found) symlinkSync(found, path.join(bin, tool));
      }
      const dir = path.join(fresh(), 'nogitbin');
      const r = runCli(['new', dir, '--answers', EXAMPLE_MANIFESTS[1]!, '--skip-install'], { env: { PATH: bin } });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.ok(!existsSync(path.join(dir, '.git')));
      assert.equal(((r.stdout + r.stderr).match(/git is not installed/g) ?? []).length, 1, r.stdout);
    });

    it('a second run in the project makes no second commit', () => {
      const dir = path.join(fresh(), 'again');
      assert.equal(runCli(['new', dir, '--answers', EXAMPLE_MANIFESTS[1]!, '--skip-install'], { env: noIdentity() }).status, 0);
      const again = runCli(['new', dir, '--skip-install', '--force'], { cwd: dir, env: noIdentity() });
      assert.equal(again.status, 0, again.stdout + again.stderr);
      assert.equal(git(dir, 'rev-list', '--count', 'HEAD').stdout.trim(), '1');
      assert.doesNotMatch(again.stdout + again.stderr, /git: /);
    });
  });
});

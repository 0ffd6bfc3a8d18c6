// What a team expects of a service template on day one, in every generated variant: editor and Node version files,
// a CI workflow that runs the project's gates, a Dockerfile for production, coverage. Read, not run (no Docker here).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extract, list } from 'tar';
import { parse } from 'yaml';
import { isCheckout, packedFiles, packGenerator, VENDOR_TARBALL } from '../../generators/lib/generator-vendor.js';
import type { Manifest } from '../../generators/lib/manifest/types.js';
import { appFiles } from '../../generators/lib/render/app-files.js';
import { renderPlannedFile } from '../../generators/lib/render/files.js';
import { projectFiles } from '../../generators/lib/render/project-files.js';
import { PRINT_WIDTH } from '../../generators/lib/render/ts-print.js';
import { EXAMPLE_MANIFESTS, ROOT } from '../support/paths.js';
import { runCli } from '../support/cli.js';
import { run, tail } from '../support/generated-deps.js';
import { projectContext } from '../support/render-project.js';

const PROJECT_ENGINES = '^20.19 || >=22.12';

for (const [i, label] of [[0, 'Integration'], [1, 'Private'], [2, 'Full Application']] as const) {
  describe(`generated tooling: ${label}`, () => {
    const manifest = JSON.parse(readFileSync(EXAMPLE_MANIFESTS[i]!, 'utf8')) as Manifest;
    const ctx = projectContext(manifest, { teach: false, dependency: '^0.1.0' });
    const files = appFiles(ctx);
    const text = (p: string) => {
      const f = files.find((x) => x.path === p);
      assert.ok(f, `${p} is planned`);
      assert.equal(f.owner, 'user', `${p} is the user's`);
      return String(renderPlannedFile(f, ctx));
    };
    const pkg = JSON.parse(text('package.json')) as { engines: { node: string }; scripts: Record<string, string> };

    it('.editorconfig and .nvmrc (a Node major inside engines)', () => {
      assert.match(text('.editorconfig'), /^root = true$/m);
      const major = Number(text('.nvmrc').trim());
      assert.equal(pkg.engines.node, PROJECT_ENGINES);
      assert.ok(major >= 22, `.nvmrc ${major} is a maintained Node inside ${pkg.engines.node}`);
    });

    it('.github/workflows/ci.yml is valid YAML running npm ci, npm test, c7-app check --ci and scopes --check', () => {
      const wf = parse(text('.github/workflows/ci.yml')) as { on: unknown; jobs: Record<string, { 'runs-on': string; steps: Array<{ run?: string; uses?: string }> }> };
      assert.ok(wf.on, 'has triggers');
      const runs = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.run ?? '')).join('\n');
      for (const cmd of ['npm ci', 'npm run lint', 'npm test', 'npx c7-app check --ci', 'npx c7-app scopes --check']) assert.ok(runs.includes(cmd), cmd);
      for (const job of Object.values(wf.jobs)) assert.ok(job.steps.some((s) => s.uses?.startsWith('actions/setup-node')), 'sets up Node');
    });

    it('the CI workflow runs the store tests on PostgreSQL too: a postgres service and TEST_DATABASE_URL, no password', () => {
      const wf = parse(text('.github/workflows/ci.yml')) as { jobs: Record<string, { services?: Record<string, { image?: string; env?: Record<string, string> }>; env?: Record<string, string>; steps: Array<{ run?: string }> }> };
      const job = Object.values(wf.jobs).find((j) => j.steps.some((s) => s.run === 'npm test'))!;
      const pg = job.services?.postgres;
      assert.match(pg?.image ?? '', /^postgres:\d+/);
      assert.match(job.env?.TEST_DATABASE_URL ?? '', /^postgres:\/\/postgres@(localhost|127\.0\.0\.1):5432\//);
      assert.equal(pg?.env?.POSTGRES_HOST_AUTH_METHOD, 'trust', 'a throw-away database of the job: no password in the file');
      assert.doesNotMatch(text('.github/workflows/ci.yml'), /POSTGRES_PASSWORD|postgres:\/\/[^@\s]*:[^@\s]*@/);
    });

    it('Dockerfile: multi-stage, production dependencies only, a non-root user, a health check on /health', () => {
      const df = text('Dockerfile');
      assert.ok((df.match(/^FROM /gm) ?? []).length >= 2, 'multi-stage');
      assert.match(df, /npm ci --omit=dev/);
      assert.match(df, /^USER (?!root)\S+/m);
      assert.match(df, /^HEALTHCHECK .*\/health/m);
      assert.match(df, /^CMD \["node", "dist\/main\.js"\]/m);
      assert.doesNotMatch(df, /C7_APP_SECRET=|BASIC_AUTH_PASSWORD=/, 'no secret baked into the image');
      assert.match(text('.dockerignore'), /^\.env$/m);
    });

    it('no dependency claims a Node the project does not: light-my-request stays on 6.6 (6.8 needs cookie 2, Node 22)', () => {
      assert.equal((pkg as { overrides?: Record<string, string> }).overrides?.['light-my-request'], '~6.6.0');
    });

    it('npm run lint: ESLint with typescript-eslint, a flat config the user owns', () => {
      assert.equal(pkg.scripts.lint, 'eslint .');
      const dev = (pkg as { devDependencies?: Record<string, string> }).devDependencies ?? {};
      for (const dep of ['eslint', '@eslint/js', 'typescript-eslint', 'globals']) assert.ok(dev[dep], `${dep} is a dev dependency`);
      const config = text('eslint.config.js');
      assert.match(config, /from 'typescript-eslint'/);
      assert.match(config, /ignores: \[[^\]]*'dist\/'/, 'build output is not linted');
    });

    it('npm run format / format:check: Prettier, pinned, with a config, an ignore file and a CI step', () => {
      assert.equal(pkg.scripts.format, 'prettier --write .');
      assert.equal(pkg.scripts['format:check'], 'prettier --check .');
      const dev = (pkg as { devDependencies?: Record<string, string> }).devDependencies ?? {};
      // Exact: Prettier's output changes between minor versions, and the derived files are printed as this one prints.
      assert.match(dev.prettier ?? '', /^3\.\d+\.\d+$/, 'prettier 3, an exact version');
      const rc = JSON.parse(text('.prettierrc.json')) as { singleQuote?: boolean; printWidth?: number; overrides?: Array<{ files: string; options: { parser?: string } }> };
      assert.equal(rc.singleQuote, true);
      assert.equal(rc.printWidth, PRINT_WIDTH, 'the width the derived modules are printed for (render/ts-print.ts)');
      assert.equal(rc.overrides?.find((o) => o.files === 'c7-app.json')?.options.parser, 'json-stringify', 'c7-app.json as the generator writes it');
      // .editorconfig agrees with it: the same width and whitespace in an editor that does not run Prettier.
      assert.match(text('.editorconfig'), new RegExp(`^max_line_length = ${rc.printWidth}$`, 'm'));
      assert.match(text('.editorconfig'), /^indent_size = 2$/m);
      const ignore = text('.prettierignore').split('\n').filter((l) => l && !l.startsWith('#'));
      for (const p of ['dist/', 'coverage/', 'data/', 'vendor/', 'package-lock.json', '.c7-app/']) assert.ok(ignore.includes(p), `.prettierignore lists ${p}`);
      // The derived Markdown is the generator's (scopes --check compares it byte for byte): listed, every one of it.
      const derivedMd = [...files, ...projectFiles(ctx)].filter((f) => f.owner === 'derived' && f.path.endsWith('.md')).map((f) => f.path);
      assert.ok(derivedMd.includes('PERMISSIONS.md'), derivedMd.join());
      for (const md of [...derivedMd, 'SUBMISSION_CHECKLIST.md', 'TOUR.md']) assert.ok(ignore.includes(md), `.prettierignore lists ${md}`);
      assert.ok(!ignore.some((l) => /README|\.ts$|generated/.test(l)), 'the user\u2019s files and the derived modules are checked');
      const wf = parse(text('.github/workflows/ci.yml')) as { jobs: Record<string, { steps: Array<{ run?: string }> }> };
      const steps = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.run ?? ''));
      assert.ok(steps.includes('npm run format:check'), 'CI checks the formatting');
      assert.ok(steps.indexOf('npm run format:check') > steps.indexOf('npm ci'), 'after npm ci');
      const readme = projectFiles(ctx).find((f) => f.path === 'README.md')!;
      assert.match(String(renderPlannedFile(readme, ctx)), /^npm run format +# Prettier/m, 'the README says it where it lists the tools');
    });

    it('every dev tool declares the Node range the project claims (no EBADENGINE on Node 22.12)', () => {
      const dev = (pkg as { devDependencies?: Record<string, string> }).devDependencies ?? {};
      // ESLint 10 needs ^22.13 on Node 22: ESLint 9 (and its @eslint/js) keep ^20.9 || >=21.1, inside ^20.19 || >=22.12.
      assert.match(dev.eslint ?? '', /^\^9\./);
      assert.match(dev['@eslint/js'] ?? '', /^\^9\./);
      // typescript-eslint 8.56 and later pull eslint-visitor-keys 5, which needs ^22.13 too.
      assert.equal(dev['typescript-eslint'], '~8.55.0');
    });

    it('npm run dev pretty-prints its logs (pino-pretty, a dev dependency); npm start keeps JSON lines', () => {
      assert.ok((pkg as { devDependencies?: Record<string, string> }).devDependencies?.['pino-pretty'], 'pino-pretty is a dev dependency');
      assert.ok(!(pkg as { dependencies?: Record<string, string> }).dependencies?.['pino-pretty'], 'not a production dependency');
      assert.match(text('src/dev.ts'), /target: 'pino-pretty'/);
      assert.doesNotMatch(text('src/main.ts'), /pino-pretty/);
    });

    it('npm run coverage runs the tests with coverage', () => {
      assert.match(pkg.scripts.coverage ?? '', /--experimental-test-coverage/);
    });
  });
}

describe('the generator vendored into a project generated from a checkout', () => {
  it('the tarball holds the files npm pack would (same list), under package/, the same bytes each time', async function () {
    this.timeout(60_000);
    const npm = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(npm.status, 0, npm.stderr);
    const npmFiles = (JSON.parse(npm.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path).sort();
    assert.deepEqual(packedFiles(), npmFiles);
    const a = await packGenerator(undefined, { cache: false });
    const b = await packGenerator(undefined, { cache: false });
    assert.ok(a.equals(b), 'deterministic: a lockfile\u2019s integrity of the tarball holds across runs');
    assert.ok((await packGenerator()).equals(a), 'the cached tarball (node_modules/.cache) is the one packing makes');
    assert.ok((await packGenerator()).equals(a), 'and read back from the cache, the same bytes');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'c7-vendor-')), 'g.tgz');
    writeFileSync(file, a);
    const entries: string[] = [];
    await list({ file, onReadEntry: (e) => { entries.push(e.path); } });
    assert.deepEqual(entries.sort(), npmFiles.map((f) => `package/${f}`).sort());
    assert.ok(entries.includes('package/dist/generators/cli.js'), 'the built bin (prepare is not run: the tarball is the build)');
    assert.ok(!entries.some((e) => /^package\/generators\/.*\.ts$/.test(e)), 'no TypeScript sources');
  });

  it('a checkout is told from a published install by its source tree', async () => {
    assert.equal(isCheckout(ROOT), true);
    const dir = mkdtempSync(path.join(tmpdir(), 'c7-published-'));
    const file = path.join(dir, 'g.tgz');
    writeFileSync(file, await packGenerator());
    await extract({ file, cwd: dir });
    assert.equal(isCheckout(path.join(dir, 'package')), false, 'the published package (what npm pack holds) is not a checkout');
  });

  it('the Dockerfile copies vendor/ before npm ci when the generator is vendored, and not otherwise', () => {
    const manifest = JSON.parse(readFileSync(EXAMPLE_MANIFESTS[0]!, 'utf8')) as Manifest;
    const dockerfile = (dependency: string) => {
      const ctx = projectContext(manifest, { dependency });
      return String(renderPlannedFile(appFiles(ctx).find((f) => f.path === 'Dockerfile')!, ctx));
    };
    const vendored = dockerfile(`file:${VENDOR_TARBALL}`);
    assert.equal((vendored.match(/^COPY vendor \.\/vendor$/gm) ?? []).length, 2, vendored);
    assert.ok(vendored.indexOf('COPY vendor') < vendored.indexOf('RUN npm ci'), 'before npm ci');
    assert.doesNotMatch(dockerfile('^0.1.0'), /vendor/);
  });
});

describe('[slow] a project generated from a checkout installs anywhere', () => {
  it('moved to another folder, npm install takes the generator from vendor/, and its c7-app runs', async function () {
    this.timeout(15 * 60_000);
    const made = path.join(mkdtempSync(path.join(tmpdir(), 'c7-portable-')), 'made');
    const r = runCli(['new', made, '--answers', EXAMPLE_MANIFESTS[0]!, '--skip-install', '--no-git'], { timeout: 120_000 });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    // Another machine's clone: another path, this checkout nowhere in sight.
    const moved = path.join(mkdtempSync(path.join(tmpdir(), 'c7-elsewhere-')), 'clone');
    renameSync(made, moved);
    // --ignore-scripts: better-sqlite3 (Node 20's SQLite) would compile for 2 minutes; the generator is what is tested.
    const install = await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', '--loglevel=error'], moved);
    assert.equal(install.code, 0, tail(install.out));
    const installed = path.join(moved, 'node_modules', 'generator-c7-app');
    assert.ok(!lstatSync(installed).isSymbolicLink(), 'an installed copy, not a link to a checkout');
    const lock = readFileSync(path.join(moved, 'package-lock.json'), 'utf8');
    assert.match(lock, /"resolved": "file:vendor\/generator-c7-app-[^"]+\.tgz"/);
    assert.ok(!lock.includes(ROOT), 'the lockfile names no path of this machine');
    const validate = await run('npx', ['c7-app', 'validate'], moved);
    assert.equal(validate.code, 0, validate.out);
    const emulator = await run(process.execPath, ['--input-type=module', '-e', "const m = await import('generator-c7-app/emulator'); console.log(typeof m.startEmulator);"], moved);
    assert.equal(emulator.out.trim(), 'function', emulator.out);
  });
});

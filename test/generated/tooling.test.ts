// What a team expects of a service template on day one, in every generated variant: editor and Node version files,
// a CI workflow that runs the project's gates, a Dockerfile for production, coverage. Read, not run (no Docker here).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Manifest } from '../../generators/lib/manifest/types.js';
import { appFiles } from '../../generators/lib/render/app-files.js';
import { renderPlannedFile } from '../../generators/lib/render/files.js';
import { EXAMPLE_MANIFESTS } from '../support/paths.js';
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
      for (const cmd of ['npm ci', 'npm test', 'npx c7-app check --ci', 'npx c7-app scopes --check']) assert.ok(runs.includes(cmd), cmd);
      for (const job of Object.values(wf.jobs)) assert.ok(job.steps.some((s) => s.uses?.startsWith('actions/setup-node')), 'sets up Node');
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

    it('npm run coverage runs the tests with coverage', () => {
      assert.match(pkg.scripts.coverage ?? '', /--experimental-test-coverage/);
    });
  });
}

// The twelve shapes a Commerce7 secret is committed in (issue 11 §4): each is reported by `c7-app check`, at
// file:line, under a secrets item, with the value hidden; and placeholders in the same shapes are not.
import assert from 'node:assert/strict';
import { buildChecklist, memoryProject, type ChecklistItem, type ProjectView } from '../../generators/lib/checklist/index.js';
import { validateManifestText } from '../../generators/lib/manifest/index.js';
import { goodFiles, item, project, readyManifest } from './fixtures.js';

const SECRET = 'q8X2mZ7rT1vB9nL4wE6y';
const APP_ID = 'cellar-ledger-sync';
const b64 = (s: string) => Buffer.from(s).toString('base64');

type Files = Record<string, string>;
interface Finding { file: string; line: number; kind: string; what: string }

function checklist(change: (f: Files) => ProjectView | void): ChecklistItem[] {
  const m = readyManifest('tasting-room-full-app');
  const files = goodFiles(m);
  const view = change(files) ?? project(files);
  return buildChecklist(m, view);
}
const findingsOf = (items: ChecklistItem[]): Finding[] => (item(items, 'secrets.tracked-files') as ChecklistItem & { findings?: Finding[] }).findings ?? [];

/** The item fails with a finding at file:line of that kind, and no item shows the value. */
function assertFound(items: ChecklistItem[], file: string, line: number, kind: string, value = SECRET): void {
  const i = item(items, 'secrets.tracked-files');
  assert.equal(i.status, 'fail', `${i.reason}`);
  const f = findingsOf(items).find((x) => x.file === file && x.line === line);
  assert.ok(f, `a finding at ${file}:${line}; found ${JSON.stringify(findingsOf(items))}`);
  assert.equal(f.kind, kind);
  assert.ok((i.details ?? []).some((d) => d.startsWith(`${file}:${line}: `)), `details: ${JSON.stringify(i.details)}`);
  assert.ok(!JSON.stringify(items).includes(value), 'the value is never shown');
}

/** A view where git tracks .env although .gitignore lists it (it was committed before the line was added). */
function trackedDotEnv(files: Files): ProjectView {
  const inner = memoryProject(files, { gitRepo: true });
  return { ...inner, listFiles: () => [...new Set([...inner.listFiles(), '.env'])].sort(), isIgnored: (p) => (p === '.env' ? false : inner.isIgnored(p)) };
}

describe('secret shapes (each of the twelve)', () => {
  // Caught before issue 11.
  it('1. a committed .env', () => {
    const items = checklist((f) => { f['.env'] = `C7_APP_ID=${APP_ID}\nC7_APP_SECRET=${SECRET}\n`; return trackedDotEnv(f); });
    assert.equal(item(items, 'secrets.env-ignored').status, 'fail');
    assert.match(item(items, 'secrets.env-ignored').reason!, /already tracked/);
    assertFound(items, '.env', 2, 'assignment');
  });

  it('2. "appSecret" in JSON', () => {
    const items = checklist((f) => { f['config/production.json'] = `{\n  "c7": {\n    "appSecret": "${SECRET}"\n  }\n}\n`; });
    assertFound(items, 'config/production.json', 3, 'assignment');
  });

  it('3. a hard-coded Basic header', () => {
    const items = checklist((f) => { f['src/sync.ts'] = `// sync\nconst headers = { Authorization: 'Basic ${b64(`${APP_ID}:${SECRET}`)}' };\n`; });
    assertFound(items, 'src/sync.ts', 2, 'basic-auth', b64(`${APP_ID}:${SECRET}`));
  });

  it('4. a C7_APP_SECRET = "…" constant (TypeScript and Python)', () => {
    const items = checklist((f) => {
      f['src/secrets.ts'] = `export const C7_APP_SECRET = "${SECRET}";\n`;
      f['tools/sync.py'] = `import os\nC7_APP_SECRET = "${SECRET}"\n`;
    });
    assertFound(items, 'src/secrets.ts', 1, 'assignment');
    assertFound(items, 'tools/sync.py', 2, 'assignment');
  });

  it('5. docker-compose values (list and map forms)', () => {
    const items = checklist((f) => {
      f['docker-compose.yml'] = `services:\n  app:\n    environment:\n      - C7_APP_SECRET=${SECRET}\n      C7_BASIC_AUTH_PASSWORD: ${SECRET}\n`;
    });
    assertFound(items, 'docker-compose.yml', 4, 'assignment');
    assertFound(items, 'docker-compose.yml', 5, 'assignment');
  });

  it('6. a missing .env ignore', () => {
    const items = checklist((f) => { f['.gitignore'] = 'node_modules/\ndist/\n'; });
    const i = item(items, 'secrets.env-ignored');
    assert.equal(i.status, 'fail');
    assert.match(i.reason!, /not ignored/);
  });

  // Missed before issue 11.
  it('7. a committed .env.production (any .env.* but .env.example), even without secret-looking names', () => {
    const items = checklist((f) => {
      f['.env.production'] = `C7_APP_ID=${APP_ID}\nSIGNING_KEY=${SECRET}\n`;
      f['config/.env.staging'] = 'LOG_LEVEL=info\n';
    });
    assertFound(items, '.env.production', 1, 'env-file');
    assertFound(items, 'config/.env.staging', 1, 'env-file');
    assert.ok(!findingsOf(items).some((x) => x.file === '.env.example'), '.env.example is the one to commit');
  });

  it('8. a bare base64 appId:secret string', () => {
    const encoded = b64(`${APP_ID}:${SECRET}`);
    const items = checklist((f) => { f['src/auth.ts'] = `// credentials\nexport const C7_AUTH = '${encoded}';\n`; });
    assertFound(items, 'src/auth.ts', 2, 'base64-credentials', encoded);
  });

  it('9. an environment fallback: ?? "…", || "…", os.environ.get("X", "…"), os.getenv, ENV.fetch, ${X:-…}', () => {
    const items = checklist((f) => {
      f['src/config.ts'] = `export const appSecret = process.env.C7_APP_SECRET ?? "${SECRET}";\nexport const pw = process.env.C7_BASIC_AUTH_PASSWORD || '${SECRET}';\n`;
      f['tools/sync.py'] = `import os\nSECRET = os.environ.get("C7_APP_SECRET", "${SECRET}")\npw = os.getenv('C7_BASIC_AUTH_PASSWORD', '${SECRET}')\n`;
      f['tools/sync.rb'] = `secret = ENV.fetch("C7_APP_SECRET", "${SECRET}")\n`;
      f['scripts/run.sh'] = `#!/bin/sh\nexport SECRET="\${C7_APP_SECRET:-${SECRET}}"\n`;
    });
    assertFound(items, 'src/config.ts', 1, 'env-fallback');
    assertFound(items, 'src/config.ts', 2, 'env-fallback');
    assertFound(items, 'tools/sync.py', 2, 'env-fallback');
    assertFound(items, 'tools/sync.py', 3, 'env-fallback');
    assertFound(items, 'tools/sync.rb', 1, 'env-fallback');
    assertFound(items, 'scripts/run.sh', 2, 'env-fallback');
  });

  it('10. curl -u id:secret in a script (also --user and a Makefile)', () => {
    const items = checklist((f) => {
      f['scripts/orders.sh'] = `#!/bin/sh\ncurl -s -u ${APP_ID}:${SECRET} -H "tenant: $TENANT" https://api.commerce7.com/v1/order\n`;
      f['Makefile'] = `orders:\n\tcurl --user "${APP_ID}:${SECRET}" https://api.commerce7.com/v1/order\n`;
    });
    assertFound(items, 'scripts/orders.sh', 2, 'cli-credentials');
    assertFound(items, 'Makefile', 2, 'cli-credentials');
  });

  it('11. a secret under an x- key of the manifest: validate rejects it, at the key, without the value', () => {
    const m = readyManifest('tasting-room-full-app') as unknown as Record<string, unknown>;
    m['x-deploy'] = { host: 'fly.io', key: SECRET, env: [`C7_APP_SECRET=${SECRET}`], auth: b64(`${APP_ID}:${SECRET}`) };
    const text = JSON.stringify(m, null, 2);
    const r = validateManifestText(text);
    assert.equal(r.valid, false);
    const lines = text.split('\n');
    for (const [pointer, onLine] of [['/x-deploy/key', '"key"'], ['/x-deploy/env/0', 'C7_APP_SECRET='], ['/x-deploy/auth', '"auth"']] as const) {
      const d = r.diagnostics.find((x) => x.pointer === pointer);
      assert.ok(d, `a diagnostic at ${pointer}: ${JSON.stringify(r.diagnostics)}`);
      assert.equal(d.severity, 'error');
      assert.equal((d as { category?: string }).category, 'secrets');
      assert.ok(lines[d.line - 1]!.includes(onLine), `line ${d.line}: ${lines[d.line - 1]}`);
    }
    assert.ok(!JSON.stringify(r.diagnostics).includes(SECRET), 'the value is never shown');
    assert.ok(!r.diagnostics.some((d) => d.pointer === '/x-deploy/host'), 'a host is not a secret');
  });

  it('12. a password in a URL\u2019s user info', () => {
    const items = checklist((f) => {
      f['config/app.yml'] = `database:\n  url: postgres://app:${SECRET}@db.internal:5432/app\n`;
      f['src/notify.ts'] = `// hooks\nconst hook = new URL("https://admin:${SECRET}@hooks.acme.co/c7");\n`;
    });
    assertFound(items, 'config/app.yml', 2, 'url-password');
    assertFound(items, 'src/notify.ts', 2, 'url-password');
  });
});

describe('secret shapes: placeholders are not reported', () => {
  const placeholders = ['test-app-secret', '${C7_APP_SECRET}', '<your secret>', 'changeme'];
  for (const p of placeholders) {
    it(`"${p}" in every shape`, () => {
      const items = checklist((f) => {
        f['.env.example'] = `C7_APP_SECRET=${p}\nC7_BASIC_AUTH_PASSWORD=${p}\n`;
        f['config/production.json'] = `{ "appSecret": "${p}" }\n`;
        f['src/a.ts'] = [
          `export const C7_APP_SECRET = "${p}";`,
          `export const s = process.env.C7_APP_SECRET ?? "${p}";`,
          `export const t = process.env.C7_APP_SECRET || '${p}';`,
          `export const auth = '${b64(`${APP_ID}:${p}`)}';`,
          `export const h = { Authorization: 'Basic ${b64(`${APP_ID}:${p}`)}' };`,
          `export const u = "https://admin:${p}@hooks.acme.co/c7";`,
        ].join('\n');
        f['tools/a.py'] = `x = os.environ.get("C7_APP_SECRET", "${p}")\n`;
        f['docker-compose.yml'] = `services:\n  app:\n    environment:\n      - C7_APP_SECRET=${p}\n      C7_BASIC_AUTH_PASSWORD: "${p}"\n`;
        f['scripts/a.sh'] = `curl -u "${APP_ID}:${p}" https://api.commerce7.com/v1/order\n`;
      });
      assert.deepEqual(findingsOf(items), []);
      assert.equal(item(items, 'secrets.tracked-files').status, 'pass');
      const m = readyManifest('tasting-room-full-app') as unknown as Record<string, unknown>;
      m['x-deploy'] = { key: p, url: `https://admin:${p}@hooks.acme.co/c7` };
      assert.deepEqual(validateManifestText(JSON.stringify(m, null, 2)).diagnostics, []);
    });
  }

  it('curl -u with variables, and URLs with a user but no password, are not reported', () => {
    const items = checklist((f) => {
      f['scripts/a.sh'] = 'curl -u "$C7_APP_ID:$C7_APP_SECRET" https://api.commerce7.com/v1/order\ncurl -u "${C7_APP_ID}:${C7_APP_SECRET}" x\n';
      f['src/u.ts'] = 'const git = "ssh://git@github.com/acme/app.git";\nconst db = `postgres://app:${password}@db/app`;\nconst port = process.env.PORT ?? "3000";\n';
    });
    assert.deepEqual(findingsOf(items), []);
  });
});

// One positive and one negative test per rule, on fixture projects built from the examples.
import assert from 'node:assert/strict';
import { COMMERCE7_JS_URL } from '../../generators/lib/catalog/index.js';
import {
  buildChecklist, RULES, summarize, type ChecklistItem, type ProjectView, type TestRun,
} from '../../generators/lib/checklist/index.js';
import type { Manifest } from '../../generators/lib/manifest/index.js';
import { EXAMPLE_NAMES, exampleManifest, goodFiles, item, project, readyManifest, type ExampleName } from './fixtures.js';

type Mutate = (m: Manifest, files: Record<string, string>) => ProjectView | void;

interface Case {
  /** The item id (for a rule with one item per page: the id of that item). */
  id: string;
  /** The rule's id in RULES, when it differs from the item's. */
  rule?: string;
  example?: ExampleName;
  /** A variant that must still pass (optional: the ready example must pass anyway). */
  pass?: Mutate;
  passReason?: RegExp;
  fails: Array<{ name: string; mutate: Mutate; reason?: RegExp; details?: RegExp }>;
}

function run(example: ExampleName, mutate?: Mutate, testRun?: TestRun): ChecklistItem[] {
  const m = readyManifest(example);
  const files = goodFiles(m);
  const view = mutate?.(m, files) ?? project(files);
  return buildChecklist(m, view, testRun ? { testRun } : {});
}

const withPage = (slug: string, text: string | null): Mutate => (_m, f) => {
  if (text === null) delete f[`src/extensions/${slug}.ts`];
  else f[`src/extensions/${slug}.ts`] = text;
};

const CASES: Case[] = [
  {
    id: 'app.generation-complete',
    fails: [
      { name: 'a killed c7-app new left its journal', mutate: (_m, f) => { f['.c7-app-generation.json'] = JSON.stringify({ journal: 1, command: 'new', files: ['README.md'] }); }, reason: /`c7-app new` run in this folder was interrupted/ },
      { name: 'a killed c7-app scopes left its journal', mutate: (_m, f) => { f['.c7-app-generation.json'] = JSON.stringify({ journal: 1, command: 'scopes', files: [] }); }, reason: /`c7-app scopes` run/ },
    ],
  },
  {
    id: 'app.title',
    fails: [{ name: 'a sentence', mutate: (m) => { m.app.title = 'The best tasting notes for every winery'; }, reason: /7 words/ }],
  },
  {
    id: 'app.company',
    fails: [{ name: 'blank', mutate: (m) => { m.app.companyName = '  '; }, reason: /empty/ }],
  },
  {
    id: 'app.contact-email',
    fails: [{ name: 'not an email', mutate: (m) => { m.app.contactEmail = 'apps at vineyardlabs'; }, reason: /not an email/ }],
  },
  {
    id: 'app.allowed-tenants', example: 'private-club-export', passReason: /2 allowed tenants/,
    fails: [
      { name: 'a Private app without tenants', mutate: (m) => { m.app.allowedTenants = []; }, reason: /empty/ },
      { name: 'a Private app with an invalid tenant ID', mutate: (m) => { m.app.allowedTenants = ['Hillside Estate']; }, reason: /not valid/ },
      { name: 'a public app with tenants', mutate: (m) => { m.app.type = 'integration'; }, reason: /only a Private App/ },
    ],
  },
  {
    id: 'app.extensions-type',
    pass: (m) => { m.app.type = 'integration'; delete m.extensions; }, passReason: /no extensions/,
    fails: [{ name: 'extensions on an Integration', mutate: (m) => { m.app.type = 'integration'; }, reason: /6 extensions, but the app is of type Integration/ }],
  },
  {
    id: 'secrets.env-ignored', passReason: /git ignores \.env/,
    fails: [
      { name: '.gitignore without .env', mutate: (_m, f) => { f['.gitignore'] = 'node_modules/\n'; }, reason: /not ignored/ },
      { name: 'not a repository, no .gitignore', mutate: (_m, f) => { delete f['.gitignore']; return project(f, {}, false); }, reason: /judged from \.gitignore/ },
      {
        name: 'listed in .gitignore but tracked',
        mutate: (_m, f) => ({ ...project(f), isIgnored: () => false }),
        reason: /already tracked/,
      },
    ],
  },
  {
    id: 'secrets.tracked-files',
    pass: (_m, f) => { f['.env.example'] = 'C7_APP_SECRET=<your App Secret Key>\nC7_BASIC_AUTH_PASSWORD=changeme\n'; },
    fails: [
      { name: 'a literal App Secret Key in code', mutate: (_m, f) => { f['src/c7.ts'] = "export const appSecret = 'q8X2mZ7rT1vB9nL4';\n"; }, reason: /1 value that looks like a secret in 1 file/, details: /^src\/c7\.ts:1: appSecret: "<hidden>"$/ },
      { name: 'a real value in .env.example', mutate: (_m, f) => { f['.env.example'] = 'C7_APP_SECRET=9f8e7d6c5b4a3928\n'; }, details: /^\.env\.example:1: C7_APP_SECRET=<hidden>$/ },
      { name: '.env not ignored', mutate: (_m, f) => { f['.gitignore'] = 'node_modules/\n'; }, details: /^\.env:2: C7_APP_SECRET=<hidden>$/ },
    ],
  },
  {
    id: 'api.reasons',
    fails: [{ name: 'a permission without a reason', mutate: (m) => { delete m.permissions[0]!.reason; }, reason: /1 permission without a reason: Customer \(read\)/ }],
  },
  {
    id: 'api.full-reasons',
    pass: (m) => { m.permissions = m.permissions.map((p) => ({ ...p, access: 'read' as const })); }, passReason: /no full access/,
    fails: [
      { name: 'a full access whose reason does not say what it writes', mutate: (m) => { m.permissions.find((p) => p.endpoint === 'Note')!.reason = 'Needed for the tasting sheet.'; }, reason: /Note$/ },
      { name: 'a full access without a reason', mutate: (m) => { delete m.permissions.find((p) => p.endpoint === 'Tag')!.reason; }, reason: /Tag$/ },
    ],
  },
  {
    id: 'api.calls-granted',
    pass: (_m, f) => { f['src/sync.ts'] = "await c7.get('/customer');\nawait c7.post('/note', note);\n"; }, passReason: /2 calls found, each granted/,
    fails: [
      {
        name: 'code that writes with read access, and calls an endpoint not granted',
        mutate: (_m, f) => { f['src/sync.ts'] = "await c7.put(`/customer/${id}`, body);\nawait c7.get('/vendor');\n"; },
        reason: /2 permissions the code needs are not granted/,
        details: /Customer full \(granted: read\): PUT \/customer\/\{id\} at src\/sync\.ts:1/,
      },
    ],
  },
  {
    id: 'webhooks.basic-auth',
    fails: [{ name: 'a webhook without Basic auth', mutate: (m) => { m.webhooks![1]!.basicAuth = false; }, reason: /1 webhook without Basic auth: Reservation Update/ }],
  },
  {
    id: 'client-settings.install-url',
    fails: [{ name: 'client settings, no Install URL', mutate: (m) => { delete m.installation.installUrl; }, reason: /4 client settings, but no installation\.installUrl/ }],
  },
  {
    id: 'extensions.commerce7-js.tasting-notes', rule: 'extensions.commerce7-js',
    pass: (_m, f) => {
      f['src/extensions/tasting-notes.ts'] = "import { page } from '../ui/page.js';\nexport default page;\n";
      f['src/ui/page.ts'] = "export { page } from './frame.js';\n";
      f['src/ui/frame.ts'] = `export const page = '<script src="${COMMERCE7_JS_URL}"></script>';\n`;
    },
    passReason: /loaded through src\/ui\/frame\.ts/,
    fails: [
      { name: 'the page does not exist', mutate: withPage('tasting-notes', null), reason: /src\/extensions\/tasting-notes\.ts does not exist/ },
      { name: 'the page does not load commerce7.js', mutate: withPage('tasting-notes', 'export const page = "<p>hi</p>";\n'), reason: /does not load commerce7\.js/ },
      {
        name: 'the script is three imports deep',
        mutate: (_m, f) => {
          f['src/extensions/tasting-notes.ts'] = "import './a.js';\n";
          f['src/extensions/a.ts'] = "import './b.js';\n";
          f['src/extensions/b.ts'] = "import './c.js';\n";
          f['src/extensions/c.ts'] = `export const s = '${COMMERCE7_JS_URL}';\n`;
        },
        reason: /does not load/,
      },
    ],
  },
  {
    id: 'installation.https',
    fails: [
      { name: 'an http base URL', mutate: (m) => { m.installation.baseUrl = 'http://tasting-notes.vineyardlabs.co'; }, details: /installation\.baseUrl http:\/\/tasting-notes\.vineyardlabs\.co: http, not https/ },
      { name: 'a localhost webhook', mutate: (m) => { m.webhooks![0]!.url = 'http://localhost:3000/webhooks'; }, details: /webhooks\[0\]\.url .*local address/ },
      { name: 'a path without a base URL', mutate: (m) => { delete m.installation.baseUrl; }, details: /installation\.installUrl \/commerce7\/install: a path, but installation\.baseUrl is not set/ },
    ],
  },
  {
    id: 'installation.install-url',
    fails: [{ name: 'no Install URL', mutate: (m) => { delete m.installation.installUrl; }, reason: /installUrl is not set/ }],
  },
  {
    id: 'installation.uninstall-url',
    fails: [{ name: 'no Uninstall URL', mutate: (m) => { delete m.installation.uninstallUrl; }, reason: /uninstallUrl is not set/ }],
  },
  {
    id: 'installation.basic-auth',
    fails: [{ name: 'no Basic auth', mutate: (m) => { delete m.installation.basicAuth; for (const h of m.webhooks ?? []) delete h.basicAuth; }, reason: /basicAuth is not set/ }],
  },
  {
    id: 'pricing.model', passReason: /Flat monthly price: Tasting room 29\.00 USD; Multi-site 79\.00 USD/,
    pass: undefined,
    fails: [
      { name: 'no pricing', mutate: (m) => { delete m.pricing; }, reason: /"pricing" is not set/ },
      { name: 'a flat price without plans', mutate: (m) => { m.pricing = { model: 'Flat monthly price' }; }, reason: /without plans/ },
    ],
  },
  {
    id: 'listing.title',
    fails: [{ name: 'with "App" and the brand', mutate: (m) => { m.listing.title = 'Commerce7 Tasting App'; }, reason: /leave out "App".*leave out "Commerce7"/ }],
  },
  {
    id: 'listing.summary',
    fails: [{ name: 'empty', mutate: (m) => { m.listing.summary = ''; }, reason: /empty/ }],
  },
  {
    id: 'listing.description', passReason: /5 features listed/,
    fails: [
      { name: 'two features', mutate: (m) => { m.listing.description = 'Tasting notes.\n\n- one\n* two\nThree, in prose.'; }, reason: /lists 2 features/ },
      { name: 'no description', mutate: (m) => { delete m.listing.description; }, reason: /empty/ },
    ],
  },
  {
    id: 'listing.category',
    fails: [{ name: 'none', mutate: (m) => { delete m.listing.category; }, reason: /empty/ }],
  },
  {
    id: 'listing.website',
    fails: [
      { name: 'none', mutate: (m) => { delete m.listing.websiteUrl; }, reason: /empty/ },
      { name: 'not a URL', mutate: (m) => { m.listing.websiteUrl = 'vineyardlabs'; }, reason: /not a web address/ },
    ],
  },
  {
    id: 'listing.support-email',
    fails: [{ name: 'not an email', mutate: (m) => { m.listing.supportEmail = 'support'; }, reason: /not an email/ }],
  },
  {
    id: 'listing.install-steps',
    pass: (m) => { delete m.clientSettings; delete m.listing.installSteps; }, passReason: /no client settings/,
    fails: [{ name: 'client settings, no install steps', mutate: (m) => { delete m.listing.installSteps; }, reason: /4 client settings to fill in at install/ }],
  },
  {
    id: 'listing.logo',
    fails: [
      { name: 'the logo file is missing', mutate: (_m, f) => { delete f['listing/logo.png']; }, reason: /listing\.logo listing\/logo\.png: no such file/ },
      { name: 'the dark-mode logo file is missing', mutate: (_m, f) => { delete f['listing/logo-dark.png']; }, reason: /darkModeLogo/ },
      { name: 'no logo', mutate: (m) => { delete m.listing.logo; }, reason: /not set/ },
    ],
  },
  {
    id: 'listing.screenshots',
    fails: [
      { name: 'two screenshots', mutate: (m) => { m.listing.screenshots = m.listing.screenshots!.slice(0, 2); }, reason: /2 screenshots listed; Commerce7 asks for at least 3/ },
      { name: 'a file missing', mutate: (_m, f) => { delete f['listing/screenshot-2.png']; }, reason: /1 file missing/, details: /listing\/screenshot-2\.png: no such file/ },
    ],
  },
  {
    id: 'listing.brand',
    pass: (m) => { m.listing.summary = 'Built for Commerce7 tasting rooms.'; },
    fails: [
      { name: '"Commerce 7"', mutate: (m) => { m.listing.summary = 'Built for Commerce 7 tasting rooms.'; }, details: /listing\.summary: "Commerce 7"/ },
      { name: '"C7" in a caption', mutate: (m) => { m.listing.screenshots![0]!.caption = 'Notes in C7'; }, details: /listing\.screenshots\[0\]\.caption: "C7"/ },
    ],
  },
  {
    id: 'listing.placeholders',
    pass: (m) => { m['x-notes'] = 'TODO: ask the designer for a darker logo'; },
    fails: [
      { name: 'TODO', mutate: (m) => { m.listing.summary = 'TODO'; }, details: /\/listing\/summary: a to-do marker \("TODO"\)/ },
      { name: 'lorem ipsum', mutate: (m) => { m.listing.description += '\nLorem ipsum dolor sit amet.'; }, details: /lorem ipsum/ },
      { name: 'example.com', mutate: (m) => { m.listing.websiteUrl = 'https://www.example.com/app'; }, details: /\/listing\/websiteUrl: an example domain/ },
      { name: 'a .test domain (as in the bundled examples)', mutate: (m) => { m.listing.supportEmail = 'help@vineyardlabs.test'; }, details: /\/listing\/supportEmail: an email at a reserved domain/ },
    ],
  },
  {
    id: 'test.test-tenants', passReason: /vineyard-labs-sandbox, demo-winery/,
    fails: [{ name: 'none', mutate: (m) => { m.app.testTenants = []; }, reason: /empty/ }],
  },
  {
    id: 'submit.version-draft',
    fails: [
      { name: 'submitted', mutate: (m) => { m.version.status = 'submitted'; }, reason: /version 1\.2\.0 is submitted: it is frozen/ },
      { name: 'published', mutate: (m) => { m.version.status = 'published'; }, reason: /is published/ },
    ],
  },
];

describe('checklist rules', () => {
  for (const name of EXAMPLE_NAMES) {
    it(`every item the tool checks passes on the ready ${name} project`, () => {
      const items = run(name);
      const failed = items.filter((i) => i.status === 'fail');
      assert.deepEqual(failed.map((i) => `${i.id}: ${i.reason}`), []);
      assert.equal(summarize(items).failed, 0);
    });
  }

  it('item ids are unique and every item is well formed', () => {
    for (const name of EXAMPLE_NAMES) {
      const items = run(name);
      assert.equal(new Set(items.map((i) => i.id)).size, items.length);
      for (const i of items) {
        assert.ok(i.id.startsWith(`${i.section}.`), i.id);
        assert.equal(i.kind === 'person', i.status === 'person', i.id);
        if (i.status === 'fail') assert.ok(i.reason && i.fix, i.id);
        if (i.status === 'person') assert.ok(i.lookAt, i.id);
        if (i.source.by === 'commerce7') assert.match(i.source.where, /^[a-z.-]+\.commerce7\.com \u2014 \S/, i.id);
      }
    }
  });

  it('has one positive and at least one negative case for every rule the tool checks', () => {
    const autoRules = RULES.filter((r) => r.kind !== 'person' && r.id !== 'test.project-tests').map((r) => r.id);
    const covered = new Set(CASES.map((c) => c.rule ?? c.id));
    assert.deepEqual(autoRules.filter((id) => !covered.has(id)), []);
  });

  for (const c of CASES) {
    describe(c.id, () => {
      const example = c.example ?? 'tasting-room-full-app';
      it('passes', () => {
        const i = item(run(example, c.pass), c.id);
        assert.equal(i.status, 'pass', `${i.reason}`);
        if (c.passReason) assert.match(i.reason ?? '', c.passReason);
      });
      for (const f of c.fails) {
        it(`fails: ${f.name}`, () => {
          const i = item(run(example, f.mutate), c.id);
          assert.equal(i.status, 'fail');
          assert.equal(i.kind, 'auto');
          assert.ok(i.fix, 'a failure says how to fix it');
          if (f.reason) assert.match(i.reason ?? '', f.reason);
          if (f.details) assert.ok((i.details ?? []).some((d) => f.details!.test(d)), `details: ${JSON.stringify(i.details)}`);
        });
      }
    });
  }

  describe('the project\u2019s tests', () => {
    it('are for a person without --run-tests', () => {
      const i = item(run('tasting-room-full-app'), 'test.project-tests');
      assert.equal(i.status, 'person');
      assert.match(i.lookAt ?? '', /--run-tests/);
    });
    it('pass when the run passed', () => {
      const i = item(run('tasting-room-full-app', undefined, { command: 'npm test', passed: true, exitCode: 0, outputTail: [] }), 'test.project-tests');
      assert.deepEqual([i.kind, i.status], ['auto', 'pass']);
    });
    it('fail when the run failed, with the end of the output', () => {
      const i = item(run('tasting-room-full-app', undefined, { command: 'npm test', passed: false, exitCode: 1, outputTail: ['1 failing'] }), 'test.project-tests');
      assert.deepEqual([i.kind, i.status], ['auto', 'fail']);
      assert.match(i.reason!, /exited with code 1/);
      assert.deepEqual(i.details, ['1 failing']);
    });
  });

  describe('items for a person, where they apply', () => {
    const ids = (name: ExampleName, mutate?: Mutate) => run(name, mutate).filter((i) => i.kind === 'person').map((i) => i.id);

    it('a public app must be useful to more than one client; a Private app need not', () => {
      assert.ok(ids('order-sync-integration').includes('app.useful-to-many'));
      assert.ok(ids('tasting-room-full-app').includes('app.useful-to-many'));
      assert.ok(!ids('private-club-export').includes('app.useful-to-many'));
    });

    it('the Data-role switch: three steps, only for an app that replaces a Data-role integration', () => {
      const steps = ['data-role.credentials', 'data-role.client-installs', 'data-role.remove-account'];
      const withSwitch = run('order-sync-integration');
      assert.deepEqual(withSwitch.filter((i) => i.section === 'data-role').map((i) => i.id), steps);
      assert.match(item(withSwitch, 'data-role.remove-account').title, /Settings > Accounts/);
      assert.match(item(withSwitch, 'data-role.credentials').title, /App ID and App Secret Key/);
      assert.deepEqual(run('tasting-room-full-app').filter((i) => i.section === 'data-role'), []);
      assert.deepEqual(run('order-sync-integration', (m) => { m.app.replacesDataRole = false; }).filter((i) => i.section === 'data-role'), []);
    });

    it('light and dark mode, and framing: only with iframe pages', () => {
      assert.ok(ids('tasting-room-full-app').includes('extensions.themes'));
      assert.ok(ids('tasting-room-full-app').includes('extensions.framing'));
      assert.ok(!ids('order-sync-integration').includes('extensions.themes'));
      const cardOnly: Mutate = (m) => { m.extensions = m.extensions!.filter((x) => x.type === 'Card'); };
      assert.ok(!ids('tasting-room-full-app', cardOnly).includes('extensions.themes'));
    });

    it('client-setting codes: only with client settings; webhook receiver: only with webhooks; prices: only a flat price', () => {
      assert.ok(ids('order-sync-integration').includes('client-settings.codes'));
      assert.ok(!ids('private-club-export').includes('client-settings.codes'));
      assert.ok(ids('private-club-export').includes('webhooks.receiver'));
      assert.ok(!ids('private-club-export', (m) => { delete m.webhooks; }).includes('webhooks.receiver'));
      assert.ok(ids('order-sync-integration').includes('pricing.final'));
      assert.ok(!ids('private-club-export').includes('pricing.final'));
    });

    it('every app gets the review items', () => {
      for (const name of EXAMPLE_NAMES) {
        for (const id of ['app.type-final', 'api.least-privilege', 'listing.wording', 'test.install', 'test.project-tests', 'submit.adc-matches', 'submit.review']) {
          assert.ok(ids(name).includes(id), `${name}: ${id}`);
        }
      }
    });
  });

  it('the bundled examples, as they are, fail the placeholder rule (their .test domains)', () => {
    for (const name of EXAMPLE_NAMES) {
      const m = exampleManifest(name);
      const i = item(buildChecklist(m, project(goodFiles(m))), 'listing.placeholders');
      assert.equal(i.status, 'fail', name);
    }
  });

  it('is deterministic: the same inputs give the same items', () => {
    assert.deepEqual(run('tasting-room-full-app'), run('tasting-room-full-app'));
  });
});

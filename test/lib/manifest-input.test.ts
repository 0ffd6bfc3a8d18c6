// Bad manifest input (issue 11 §3): every unusable text or value is refused with line:column and a fix, never a crash.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../../generators/lib/errors.js';
import { loadProject } from '../../generators/lib/scopes/project.js';
import fc from 'fast-check';
import {
  completeManifest, decodeUtf8, formatDiagnostic, invalidUtf8Offsets, MAX_NESTING_DEPTH, mergeManifest, updateJsonText, validateManifestText, validateManifestValue, type Diagnostic,
} from '../../generators/lib/manifest/index.js';
import * as v from '../../generators/lib/questions/validators.js';
import { EXAMPLE_MANIFESTS } from '../support/paths.js';

const exampleText = (i = 0) => readFileSync(EXAMPLE_MANIFESTS[i]!, 'utf8');
const base = () => JSON.parse(exampleText()) as Record<string, any>;
const errorsOf = (r: { diagnostics: Diagnostic[] }) => r.diagnostics.filter((d) => d.severity === 'error');
const errorsAt = (m: unknown, pointer: string) => errorsOf(validateManifestText(JSON.stringify(m, null, 2))).filter((d) => d.pointer === pointer);
/** line:column (1-based) of the first occurrence of `needle` in `text`, counted in UTF-16 units like editors. */
function where(text: string, needle: string, from = 0): { line: number; column: number } {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `${needle} not in text`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
const located = (d: Diagnostic) => d.line >= 1 && d.column >= 1;

describe('manifest input: refused with line:column and a fix', () => {
  describe('nesting depth', () => {
    for (const [name, open, close] of [['arrays', '[', ']'], ['objects', '{"a":', '}']] as const) {
      it(`10,000 nested ${name} in an x- field: exit-1 error at the place the limit is passed, no RangeError`, () => {
        const text = exampleText().replace('"manifestVersion": 1,', `"manifestVersion": 1,\n  "x-deep": ${open.repeat(10_000)}1${close.repeat(10_000)},`);
        const r = validateManifestText(text);
        assert.equal(r.valid, false);
        const e = errorsOf(r);
        assert.equal(e.length, 1, JSON.stringify(e));
        assert.match(e[0]!.message, new RegExp(`more than ${MAX_NESTING_DEPTH} levels`));
        assert.ok(e[0]!.hint);
        assert.equal(e[0]!.line, 4);
        assert.ok(e[0]!.column > MAX_NESTING_DEPTH);
      });
    }
    it('malformed deep text the parser would still recurse into (mismatched brackets, strings cut by a line break)', () => {
      for (const text of ['[' + '[},'.repeat(20_000) + ']', '{"a":' + '[{"b":'.repeat(10_000), '{"a": "x\n' + '['.repeat(20_000), '[' + '{]'.repeat(20_000)]) {
        const r = validateManifestText(text);
        assert.equal(r.valid, false);
        assert.ok(r.diagnostics.every(located));
        assert.match(errorsOf(r)[0]!.message, /levels deep|malformed JSON/);
      }
    });
    it('at the limit is fine; one more is refused', () => {
      const at = (n: number) => exampleText().replace('"manifestVersion": 1,', `"manifestVersion": 1, "x-deep": ${'['.repeat(n)}${']'.repeat(n)},`);
      assert.equal(validateManifestText(at(MAX_NESTING_DEPTH - 1)).valid, true); // the root object is level 1
      assert.equal(validateManifestText(at(MAX_NESTING_DEPTH)).valid, false);
    });
    it('deep values in the known fields (permissions, webhooks, --answers drafts) do not crash either', () => {
      for (const field of ['permissions', 'webhooks', 'clientSettings', 'listing']) {
        const m = base();
        let deep: unknown = 'x';
        for (let i = 0; i < 10_000; i++) deep = [deep];
        m[field] = deep;
        const r = validateManifestValue(m);
        assert.equal(r.valid, false);
        assert.match(errorsOf(r)[0]!.message, /levels/);
      }
    });
    it('a cyclic value (programmatic use) is refused, not walked forever', () => {
      const m = base();
      m['x-self'] = m;
      const r = validateManifestValue(m);
      assert.equal(r.valid, false);
      assert.match(errorsOf(r)[0]!.message, /levels/);
    });
  });

  describe('encoding', () => {
    it('invalid UTF-8 bytes: error at the bad byte, not a silent U+FFFD', () => {
      const text = exampleText();
      const at = where(text, 'Cellar Ledger Software');
      const bytes = Buffer.from(text, 'utf8');
      const offset = bytes.indexOf('Cellar Ledger Software') + 7;
      bytes[offset] = 0xff;
      const r = validateManifestText(bytes);
      assert.equal(r.valid, false);
      const e = errorsOf(r);
      assert.equal(e.length, 1);
      assert.match(e[0]!.message, /not valid UTF-8.*0xFF/);
      assert.match(e[0]!.hint!, /UTF-8/);
      assert.deepEqual({ line: e[0]!.line, column: e[0]!.column }, { line: at.line, column: at.column + 7 });
    });
    it('columns after multi-byte characters count characters, and each bad sequence is reported', () => {
      const bytes = Buffer.concat([Buffer.from('{\n  "x-a": "é€'), Buffer.from([0xe2, 0x82]), Buffer.from('", "x-b": "'), Buffer.from([0xc0, 0xaf]), Buffer.from('"\n}\n')]);
      const e = errorsOf(validateManifestText(bytes));
      assert.deepEqual(e.map((d) => [d.line, d.column]), [[2, 13], [2, 25], [2, 26]]);
    });
    it('the bad-byte finder agrees with the WHATWG decoder (one U+FFFD per bad sequence, at its offset)', () => {
      const byte = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0x80, 0xbf));
      fc.assert(fc.property(fc.array(byte, { maxLength: 40 }), (arr) => {
        const bytes = Uint8Array.from(arr);
        const bad = invalidUtf8Offsets(bytes);
        let strictOk = true;
        try { new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes); } catch { strictOk = false; }
        assert.equal(bad.length === 0, strictOk);
        const text = decodeUtf8(bytes);
        for (const at of bad) assert.equal(text[decodeUtf8(bytes.subarray(0, at)).length], '\uFFFD');
        if (!Buffer.from(bytes).includes(Buffer.from([0xef, 0xbf, 0xbd]))) assert.equal(bad.length, [...text].filter((c) => c === '\uFFFD').length);
      }), { seed: 7, numRuns: 3000 });
    });
    it('a valid U+FFFD written in the file is not an encoding error', () => {
      const m = base(); m.listing.summary = 'Replacement \uFFFD char';
      assert.deepEqual(errorsOf(validateManifestText(Buffer.from(JSON.stringify(m)))), []);
    });
    it('a UTF-8 BOM is accepted with a warning at 1:1, and positions after it stay right', () => {
      const m = base(); m.permissions[0].endpoint = 'Ordr';
      const text = JSON.stringify(m, null, 2);
      const plain = validateManifestText(text).diagnostics;
      for (const input of [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), '\uFEFF' + text]) {
        const r = validateManifestText(input);
        const bom = r.diagnostics.filter((d) => /byte order mark/.test(d.message));
        assert.equal(bom.length, 1);
        assert.equal(bom[0]!.severity, 'warning');
        assert.deepEqual([bom[0]!.line, bom[0]!.column], [1, 1]);
        assert.deepEqual(r.diagnostics.filter((d) => !bom.includes(d)), plain);
      }
      const valid = validateManifestText('\uFEFF' + exampleText());
      assert.equal(valid.valid, true);
      assert.equal(valid.manifest!.app.id, 'cellar-ledger-sync');
    });
    it('a BOM on one line also keeps columns right on that line', () => {
      const r = validateManifestText('\uFEFF{"manifestVersion": 2}');
      const e = errorsOf(r).find((d) => d.pointer === '/manifestVersion')!;
      assert.deepEqual([e.line, e.column], [1, 21]);
    });
    it('updateJsonText keeps a BOM and edits what follows it', () => {
      const text = '\uFEFF{\n  "a": 1\n}\n';
      assert.equal(updateJsonText(text, { a: 2 }), '\uFEFF{\n  "a": 2\n}\n');
    });
  });

  describe('duplicate keys', () => {
    it('are refused at the later copy, which is the one JSON readers keep', () => {
      const text = exampleText().replace('"title": "Cellar Ledger",', '"title": "Cellar Ledger",\n    "title": "Cellar Ledger 2",');
      const r = validateManifestText(text);
      assert.equal(r.valid, false);
      const e = errorsOf(r);
      assert.equal(e.length, 1, JSON.stringify(e));
      assert.equal(e[0]!.pointer, '/app/title');
      assert.match(e[0]!.message, /duplicate key "title".*line 6/);
      assert.match(e[0]!.hint!, /keep one/);
      assert.deepEqual([e[0]!.line, e[0]!.column], [7, 5]);
    });
    it('inside arrays and at the top level too', () => {
      const text = exampleText().replace('"access": "read", "reason": "Copies', '"access": "read", "access": "full", "reason": "Copies')
        .replace('"manifestVersion": 1,', '"manifestVersion": 1, "manifestVersion": 1,');
      const e = errorsOf(validateManifestText(text));
      assert.deepEqual(e.map((d) => d.pointer), ['/manifestVersion', '/permissions/0/access']);
      assert.ok(e.every(located));
    });
  });

  describe('URLs', () => {
    const urlFields: Array<[string, (m: any, v: string) => void]> = [
      ['/installation/baseUrl', (m, x) => { m.installation.baseUrl = x; }],
      ['/installation/installUrl', (m, x) => { m.installation.installUrl = x; }],
      ['/webhooks/0/url', (m, x) => { m.webhooks[0].url = x; }],
      ['/listing/websiteUrl', (m, x) => { m.listing.websiteUrl = x; }],
      ['/listing/documentationUrl', (m, x) => { m.listing.documentationUrl = x; }],
    ];
    for (const [pointer, set] of urlFields) {
      it(`${pointer}: "https://" with no host`, () => {
        const m = base(); set(m, 'https://');
        const e = errorsAt(m, pointer);
        assert.equal(e.length, 1, JSON.stringify(e));
        assert.match(e[0]!.message, /no host/);
        assert.match(e[0]!.hint!, /https:\/\//);
        assert.ok(located(e[0]!));
      });
      it(`${pointer}: user info (a password that would land in README.md) is refused and never echoed`, () => {
        const m = base(); set(m, 'https://deploy:hunter2@sync.cellarledger.test/x');
        const r = validateManifestText(JSON.stringify(m, null, 2));
        const e = errorsOf(r).filter((d) => d.pointer === pointer);
        assert.equal(e.length, 1, JSON.stringify(e));
        assert.match(e[0]!.message, /user name and password/);
        assert.match(e[0]!.hint!, /installation\.basicAuth/);
        assert.ok(!JSON.stringify(r.diagnostics).includes('hunter2'));
      });
    }
    const badPaths: Array<[string, string, RegExp]> = [
      ['a space', '/webhooks/commerce 7', /space/],
      ['a newline', '/webhooks/\ncommerce7', /control character \(U\+000A/],
      ['a NUL', '/commerce7/install\u0000', /control character \(U\+0000/],
      ['a tab', '/commerce7/\tinstall', /control character \(U\+0009/],
      ['a "<"', '/commerce7/<install>', /"<"/],
      ['a "{"', '/webhooks/{object}', /"\{"/],
      ['a backslash', '/webhooks\\commerce7', /"\\\\"/],
      ['a bad percent escape', '/webhooks/100%', /percent/],
      ['a non-ASCII letter', '/webhooks/caf\u00e9', /"\u00e9"/],
    ];
    for (const [what, value, message] of badPaths) {
      it(`a path with ${what} is refused (install, uninstall, webhook, absolute URL)`, () => {
        for (const [pointer, set] of [
          ['/installation/installUrl', (m: any) => { m.installation.installUrl = value; }],
          ['/installation/uninstallUrl', (m: any) => { m.installation.uninstallUrl = value; }],
          ['/webhooks/1/url', (m: any) => { m.webhooks[1].url = value; }],
          ['/webhooks/2/url', (m: any) => { m.webhooks[2].url = `https://sync.cellarledger.test${value}`; }],
        ] as const) {
          const m = base(); set(m);
          const e = errorsAt(m, pointer);
          assert.equal(e.length, 1, `${pointer}: ${JSON.stringify(e)}`);
          assert.match(e[0]!.message, message);
          assert.match(e[0]!.hint!, /percent-encode/);
          assert.ok(located(e[0]!));
        }
      });
    }
    it('ordinary paths and URLs (query, %20, ~, :, @ in the path) still pass', () => {
      const m = base();
      m.installation.installUrl = '/commerce7/install?v=1';
      m.webhooks[0].url = '/hooks/a%20b/~c:d@e';
      m.webhooks[1].url = 'https://sync.cellarledger.test:8443/hooks/x-y_z.1';
      assert.deepEqual(errorsOf(validateManifestText(JSON.stringify(m))), []);
    });
  });

  describe('Basic-auth username', () => {
    for (const [what, name] of [['a colon', 'commerce:7'], ['a control character', 'commerce\u00017'], ['a newline', 'commerce7\n'], ['DEL', 'c7\u007f']]) {
      it(`with ${what} is refused (the server could never match it)`, () => {
        const m = base(); m.installation.basicAuth.username = name;
        const e = errorsAt(m, '/installation/basicAuth/username');
        assert.equal(e.length, 1, JSON.stringify(e));
        assert.match(e[0]!.message, /cannot contain/);
        assert.ok(e[0]!.hint);
        assert.ok(located(e[0]!));
      });
    }
  });

  describe('the prompts of c7-app new apply the same rules', () => {
    it('URLs and paths', () => {
      assert.match(String(v.baseUrl('https://')), /no host/);
      assert.match(String(v.baseUrl('https://u:pw@app.test')), /user name and password/);
      assert.doesNotMatch(String(v.baseUrl('https://u:pw@app.test')), /pw/);
      assert.match(String(v.optionalUrl('https://')), /no host/);
      assert.match(String(v.optionalUrl('https://u@app.test')), /user name/);
      assert.match(String(v.calledUrl('/a b')), /space/);
      assert.match(String(v.calledUrl('/a\u0000b')), /control character/);
      assert.match(String(v.calledUrl('/a{b}')), /not valid in a URL path/);
      assert.match(String(v.calledUrl('https://app.test/a b')), /space/);
      assert.equal(v.calledUrl('/commerce7/install'), true);
      assert.equal(v.baseUrl('https://app.test'), true);
      assert.equal(v.optionalUrl(''), true);
    });
    it('the Basic-auth username', () => {
      assert.match(String(v.basicAuthUsername('a:b')), /cannot contain/);
      assert.equal(v.basicAuthUsername('commerce7'), true);
    });
  });

  it('scopes loads a project whose manifest is too deep, has duplicate keys or bad bytes: a located InputError, not a crash', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7-input-'));
    const file = path.join(dir, 'c7-app.json');
    const cases: Array<[string | Buffer, RegExp]> = [
      [exampleText().replace('"manifestVersion": 1,', `"manifestVersion": 1, "x-deep": ${'['.repeat(10_000)}${']'.repeat(10_000)},`), /c7-app\.json:3:\d+ {2}\/x-deep {2}nested more than 100 levels deep/],
      [exampleText().replace('"manifestVersion": 1,', '"manifestVersion": 1, "manifestVersion": 1,'), /c7-app\.json:3:25 {2}\/manifestVersion {2}duplicate key/],
      [Buffer.concat([Buffer.from('{"a": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]), /c7-app\.json:1:8 {2} {2}this byte is not valid UTF-8 \(0xC3\)/],
    ];
    for (const [content, message] of cases) {
      writeFileSync(file, content);
      assert.throws(() => loadProject(dir), (err: Error) => err instanceof InputError && message.test(err.message));
    }
  });

  it('--answers merges keep "__proto__" and "constructor" as keys, so the schema refuses them instead of them vanishing', () => {
    const answers = JSON.parse('{ "__proto__": { "polluted": true }, "constructor": { "prototype": { "p": 1 } }, "app": { "toString": "x" } }');
    const merged = completeManifest(mergeManifest(base(), answers)) as Record<string, any>;
    assert.equal(Object.getPrototypeOf(merged), Object.prototype);
    assert.deepEqual(Object.keys(merged).filter((k) => ['__proto__', 'constructor'].includes(k)), ['__proto__', 'constructor']);
    assert.equal(merged.app.toString, 'x');
    assert.equal(({} as any).polluted, undefined);
    const e = errorsOf(validateManifestValue(merged)).map((d) => d.pointer);
    assert.deepEqual(e, ['/__proto__', '/constructor', '/app/toString']);
  });

  it('formatDiagnostic lives with the diagnostics (lib/manifest): file:line:column  pointer  severity: message', () => {
    const d: Diagnostic = { severity: 'error', pointer: '/a', message: 'm', hint: 'h', line: 2, column: 3 };
    assert.equal(formatDiagnostic('c7-app.json', d), 'c7-app.json:2:3  /a  error: m\n    hint: h');
  });
});

// Mutated manifests for the fuzz tests (issue 11 §3): the three examples/, changed the ways a hand-edited or hostile
// file goes wrong — deep nesting, byte flips and invalid UTF-8, duplicate keys, odd URLs, paths and usernames, huge
// strings, a BOM, truncation, stray punctuation. A fast-check arbitrary, so a failure prints its seed and path.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseTree, type Node } from 'jsonc-parser';
import { EXAMPLE_MANIFESTS } from './paths.js';

export interface Mutant { bytes: Buffer; steps: string[] }

const EXAMPLES = EXAMPLE_MANIFESTS.map((f) => readFileSync(f, 'utf8'));
const TREES = EXAMPLES.map((t) => parseTree(t)!);

function nodes(root: Node, keep: (n: Node) => boolean): Node[] {
  const out: Node[] = [];
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (keep(n)) out.push(n);
    for (const c of n.children ?? []) stack.push(c);
  }
  return out.sort((a, b) => a.offset - b.offset);
}
const isKey = (n: Node) => n.parent?.type === 'property' && n.parent.children?.[0] === n;
const VALUES = TREES.map((t) => nodes(t, (n) => n.type !== 'property' && !isKey(n)));
const STRINGS = VALUES.map((vs) => vs.filter((n) => n.type === 'string'));
const PROPERTIES = TREES.map((t) => nodes(t, (n) => n.type === 'property'));

/** Strings that are wrong in a URL, a path or a Basic-auth username (or look like it and are fine). */
export const ODD_STRINGS = [
  'https://', 'http://', 'https:///path', 'https://:443', 'https://user:pw@app.test', 'https://user@app.test/x', 'https://@app.test',
  'https://app.test/a b', 'https://app.test/\n', 'https://app.test/%zz', 'https://app.test:99999', 'https://[::1', 'https://app.test/?q=a b',
  'ftp://app.test', 'javascript:alert(1)', '//app.test/x', '/', '/a b', '/a\nb', '/a\u0000b', '/a\tb', '/a<b>', '/{id}', '/caf\u00e9', '/100%',
  '/ok/path', '/a%20b', '/a\\b', '/a|b', '/a^b', '/a`b', '/\u2028', 'commerce:7', 'c7\u0001', 'c7\u007f', ' ', '', 'x'.repeat(300),
  '\ud800', '\udfff', '\ufeff', '\u202e', 'é', '💥', '<script>', '{{x}}', '-----BEGIN PRIVATE KEY-----', 'Basic dXNlcjpwYXNzd29yZA==',
];
const ODD_LITERALS = ['null', 'true', '0', '-0', '1e999', '-1', '1.5', '[]', '{}', '[null]', '{"x-a":1}', '"\\u0000"', '"\\ud800"', '"\\u0041"'];
/** Pointers whose values the manifest rules check. */
const RULE_POINTERS = [
  ['installation', 'baseUrl'], ['installation', 'installUrl'], ['installation', 'uninstallUrl'], ['installation', 'basicAuth', 'username'],
  ['webhooks', 0, 'url'], ['listing', 'websiteUrl'], ['listing', 'documentationUrl'], ['extensions', 0, 'iframeUrl'], ['app', 'id'], ['x-note'],
] as const;

type DeepKind = 'array' | 'object' | 'mixed' | 'mismatched' | 'unclosed';
function deep(depth: number, kind: DeepKind): string {
  // Malformed on purpose: brackets the parser still opens (a "}" in an array closes nothing), or never closed.
  if (kind === 'mismatched') return '[' + '[},'.repeat(depth) + ']';
  if (kind === 'unclosed') return '[{"a":'.repeat(Math.ceil(depth / 2));
  const open: string[] = [];
  const close: string[] = [];
  for (let i = 0; i < depth; i++) {
    const obj = kind === 'object' || (kind === 'mixed' && i % 2 === 1);
    open.push(obj ? '{"a":' : '[');
    close.push(obj ? '}' : ']');
  }
  return open.join('') + '0' + close.reverse().join('');
}

const splice = (text: string, at: number, remove: number, insert: string) => text.slice(0, at) + insert + text.slice(at + remove);

type TextStep = (ex: number) => fc.Arbitrary<[string, string]>;

const textSteps: TextStep[] = [
  // A value replaced by deep nesting.
  (ex) => fc.tuple(fc.nat(VALUES[ex]!.length - 1), fc.oneof(fc.integer({ min: 50, max: 150 }), fc.integer({ min: 150, max: 20_000 })), fc.constantFrom<DeepKind>('array', 'object', 'mixed', 'mismatched', 'unclosed'))
    .map(([i, d, k]) => { const n = VALUES[ex]![i]!; return [splice(EXAMPLES[ex]!, n.offset, n.length, deep(d, k)), `deep ${k} ${d} at ${n.offset}`]; }),
  // A value replaced by an odd string or literal.
  (ex) => fc.tuple(fc.nat(VALUES[ex]!.length - 1), fc.oneof(fc.constantFrom(...ODD_STRINGS).map((s) => JSON.stringify(s)), fc.constantFrom(...ODD_LITERALS)))
    .map(([i, v]) => { const n = VALUES[ex]![i]!; return [splice(EXAMPLES[ex]!, n.offset, n.length, v), `value ${v.slice(0, 40)} at ${n.offset}`]; }),
  // A string replaced by a huge one.
  (ex) => fc.tuple(fc.nat(STRINGS[ex]!.length - 1), fc.oneof({ arbitrary: fc.integer({ min: 10_000, max: 100_000 }), weight: 9 }, { arbitrary: fc.constant(2_000_000), weight: 1 }), fc.constantFrom('a', ' ', '\\n', 'é', '\\u0000'))
    .map(([i, len, ch]) => { const n = STRINGS[ex]![i]!; return [splice(EXAMPLES[ex]!, n.offset, n.length, `"${ch.repeat(Math.ceil(len / ch.length))}"`), `huge string ${len} at ${n.offset}`]; }),
  // A property repeated (same or another value): a duplicate key.
  (ex) => fc.tuple(fc.nat(PROPERTIES[ex]!.length - 1), fc.boolean())
    .map(([i, same]) => {
      const p = PROPERTIES[ex]!.at(i)!;
      const text = EXAMPLES[ex]!;
      const copy = same ? text.slice(p.offset, p.offset + p.length) : `${text.slice(p.children![0]!.offset, p.children![0]!.offset + p.children![0]!.length)}: "other"`;
      return [splice(text, p.offset + p.length, 0, `, ${copy}`), `duplicate ${copy.slice(0, 40)} at ${p.offset}`];
    }),
  // Values the rules check, set to odd ones, in the value (then printed with some indentation).
  (ex) => fc.tuple(fc.array(fc.tuple(fc.constantFrom(...RULE_POINTERS), fc.constantFrom(...ODD_STRINGS)), { minLength: 1, maxLength: 3 }), fc.constantFrom(0, 2, '\t'))
    .map(([edits, indent]) => {
      const m = JSON.parse(EXAMPLES[ex]!) as Record<string, unknown>;
      for (const [ptr, value] of edits) {
        let at: any = m;
        for (const seg of ptr.slice(0, -1)) at = at[seg] ??= typeof seg === 'number' ? [] : {};
        at[ptr.at(-1)!] = value;
      }
      return [JSON.stringify(m, null, indent), `set ${edits.map(([p, v]) => `/${p.join('/')}=${JSON.stringify(v).slice(0, 30)}`).join(' ')}`];
    }),
  (ex) => fc.constant([EXAMPLES[ex]!, 'unchanged']),
];

type ByteStep = fc.Arbitrary<(b: Buffer) => [Buffer, string]>;
const INVALID_UTF8 = [[0xff], [0xfe], [0x80], [0xbf], [0xc0, 0xaf], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe0, 0x80, 0xaf]];
const byteSteps: ByteStep[] = [
  fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 })
    .map((flips) => (b: Buffer) => { const c = Buffer.from(b); for (const [at, v] of flips) c[Math.floor(at * (c.length - 1))] = v; return [c, `flip ${flips.map(([a, v]) => `${Math.floor(a * 100)}%=0x${v.toString(16)}`).join(',')}`]; }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...INVALID_UTF8))
    .map(([at, seq]) => (b: Buffer) => { const i = Math.floor(at * b.length); return [Buffer.concat([b.subarray(0, i), Buffer.from(seq), b.subarray(i)]), `invalid utf-8 ${seq.map((x) => x.toString(16)).join(' ')} at ${i}`]; }),
  fc.constant((b: Buffer) => [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]), 'bom'] as [Buffer, string]),
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (b: Buffer) => { const i = Math.floor(at * b.length); return [b.subarray(0, i), `truncate at ${i}`]; }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '/*', '//', '\u0000', '\n', '\r', 'e', '-', '\u2028'))
    .map(([at, s]) => (b: Buffer) => { const i = Math.floor(at * b.length); return [Buffer.concat([b.subarray(0, i), Buffer.from(s), b.subarray(i)]), `insert ${JSON.stringify(s)} at ${i}`]; }),
  fc.constant((b: Buffer) => [Buffer.from(b.toString('latin1').replace(/\n/g, '\r\n'), 'latin1'), 'crlf'] as [Buffer, string]),
];

/** One mutated manifest: a text step on one of the examples, then up to two byte steps. */
export const mutant: fc.Arbitrary<Mutant> = fc.nat(EXAMPLES.length - 1).chain((ex) =>
  fc.tuple(
    fc.oneof({ arbitrary: textSteps[0]!(ex), weight: 2 }, { arbitrary: textSteps[1]!(ex), weight: 3 }, { arbitrary: textSteps[2]!(ex), weight: 1 },
      { arbitrary: textSteps[3]!(ex), weight: 2 }, { arbitrary: textSteps[4]!(ex), weight: 4 }, { arbitrary: textSteps[5]!(ex), weight: 2 }),
    fc.array(fc.oneof(...byteSteps), { maxLength: 2 }).chain((steps) => fc.constant(steps)),
    fc.nat(3),
  ).map(([[text, first], steps, howMany]) => {
    let bytes: Buffer = Buffer.from(text, 'utf8');
    const names = [`example ${ex}`, first];
    // Byte steps on only some mutants, so most stay readable and reach the schema and the rules.
    for (const step of howMany === 0 ? steps : steps.slice(0, howMany === 1 ? 1 : 0)) {
      const [next, name] = step(bytes);
      bytes = next;
      names.push(name);
    }
    return { bytes, steps: names };
  }));

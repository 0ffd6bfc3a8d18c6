// The audit's JSON report written in pieces (a large tree's is ~50 MB): the bytes must be JSON.stringify's.
import assert from 'node:assert/strict';
import { jsonPieces } from '../../generators/lib/audit/json.js';

const whole = (v: unknown) => [...jsonPieces(v, 16)].join('');

describe('audit JSON report in pieces', () => {
  it('gives the bytes of JSON.stringify for a report-like value', () => {
    const ref = (i: number) => ({ file: `a/${i}.ts`, line: i, method: 'GET', path: '/customer', evidence: { via: [], method: null, pieces: [{ text: `q\u2019"\\\n${i}` }] } });
    const value = {
      files: 3, read: [{ file: 'x', engine: 'text', calls: 0 }], skipped: [], references: Array.from({ length: 50 }, (_, i) => ref(i)),
      gone: undefined, fn: () => 1, sym: Symbol('s'), manifest: null, nested: { a: [1, undefined, () => 2, 'é'], b: undefined },
      holes: [undefined, null, Number.NaN, -0, 1e21], date: new Date(0), unicode: ['\u2028', '\ud800', '😀'], empty: {}, list: [],
    };
    assert.equal(whole(value), JSON.stringify(value));
  });

  it('gives the bytes of JSON.stringify for values that are not plain objects', () => {
    for (const v of [[1, [2, { a: undefined }]], 'text', 42, null, true, { toJSON: () => ({ x: 1 }) }, new Date(5), []]) assert.equal(whole(v), JSON.stringify(v));
  });

  it('cuts a large value into pieces of about the size asked', () => {
    const value = { references: Array.from({ length: 1000 }, (_, i) => ({ file: `f${i}`, line: i })) };
    const pieces = [...jsonPieces(value, 1000)];
    assert.ok(pieces.length > 10, `${pieces.length} pieces`);
    assert.ok(pieces.every((p) => p.length < 1100));
    assert.equal(pieces.join(''), JSON.stringify(value));
  });
});

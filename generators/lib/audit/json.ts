// The JSON report in pieces, with JSON.stringify's exact bytes (no indent). A large tree's report is ~50 MB: one
// string of it is built, then copied again to encode it, and a single non-Latin-1 character (a ’ in a reason) makes
// the whole string two bytes a character. In pieces only those pieces are, and each is written and dropped.

/** A value JSON.stringify walks into: a plain object or an array without toJSON. */
function splittable(v: unknown): v is Record<string, unknown> | unknown[] {
  if (v === null || typeof v !== 'object' || typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * The pieces of JSON.stringify(value) (joined, the same string), each about `size` characters or more: the top
 * level and its arrays and objects are walked, what is below is stringified whole. 64 KiB: each piece's encoded
 * buffer comes from memory just freed (1 MiB ones cost fresh pages: ~10% slower on the large tree).
 */
export function* jsonPieces(value: unknown, size = 64 * 1024, depth = 2): Generator<string> {
  let buf = '';
  function* emit(v: unknown, level: number): Generator<string> {
    if (level >= depth || !splittable(v)) {
      buf += JSON.stringify(v);
      return;
    }
    if (Array.isArray(v)) {
      buf += '[';
      for (let i = 0; i < v.length; i++) {
        if (i) buf += ',';
        const item = v[i];
        if (splittable(item)) yield* emit(item, level + 1);
        else buf += JSON.stringify(item) ?? 'null';
        if (buf.length >= size) { yield buf; buf = ''; }
      }
      buf += ']';
      return;
    }
    buf += '{';
    let first = true;
    for (const key of Object.keys(v)) {
      const item = v[key];
      const text = splittable(item) ? null : JSON.stringify(item);
      if (text === undefined) continue; // undefined, a function, a symbol: JSON.stringify leaves the member out
      buf += `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      if (text === null) yield* emit(item, level + 1);
      else buf += text;
      if (buf.length >= size) { yield buf; buf = ''; }
    }
    buf += '}';
  }
  if (!splittable(value)) {
    const text = JSON.stringify(value);
    if (text !== undefined) yield text;
    return;
  }
  yield* emit(value, 0);
  if (buf) yield buf;
}

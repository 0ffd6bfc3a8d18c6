// A manifest being filled in: plain nested objects addressed by JSON pointers (the --answers file keys).
import { parsePointer } from '../manifest/source.js';

export type Draft = Record<string, unknown>;

export function getAt(draft: Draft, pointer: string): unknown {
  let cur: unknown = draft;
  for (const seg of parsePointer(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

export function setAt(draft: Draft, pointer: string, value: unknown): void {
  const segs = parsePointer(pointer);
  let cur = draft as Record<string | number, unknown>;
  segs.slice(0, -1).forEach((seg) => {
    if (cur[seg] === null || typeof cur[seg] !== 'object') cur[seg] = {};
    cur = cur[seg] as Record<string | number, unknown>;
  });
  const last = segs.at(-1)!;
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

/** Pointer "/app/title" as the dotted key users read in messages: "app.title". */
export const dotted = (pointer: string) => parsePointer(pointer).join('.');

// Every file under a folder, by relative path, as bytes: what a run left on disk (empty when the folder is absent).
// Not .git/: `c7-app new` commits a fresh project, and a commit's objects differ with its time.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type Snapshot = Map<string, Buffer>;

export function snapshot(dir: string): Snapshot {
  const out: Snapshot = new Map();
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) { if (r !== '.git') walk(r); }
      else out.set(r, readFileSync(path.join(dir, r)));
    }
  };
  if (existsSync(dir)) walk('');
  return out;
}

// Which project files a source file imports, from its import lines alone (no parse): a file the pre-filter drops
// (it names no Commerce7 URL or resource) is still read when it imports one that passed, since its calls of that
// module's helpers are Commerce7 calls (`from .client import call; call(ep.SETTINGS)`).
import path from 'node:path';

// JS/TS `from '…'`, `import '…'`, `require('…')`, `import('…')`; PHP require/include; Ruby require_relative.
const QUOTED = /(?:\bfrom\s+|\bimport\s*\(?\s*|\brequire(?:_relative)?\s*\(?\s*|\b(?:require|include)(?:_once)?\s*\(?[^;'"\n]*?)['"]([^'"\n]+)['"]/g;
// Python `from .a.b import c, d` / `from pkg.mod import x` / `import pkg.mod`.
const PY_FROM = /^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+\(?([\w \t,*]+)/gm;
const PY_IMPORT = /^[ \t]*import[ \t]+([\w.]+)/gm;

const stem = (p: string) => p.replace(/\.(?:[cm]?[jt]sx?|py|php|phtml|inc|rb)$/i, '').replace(/\/(?:index|__init__)$/, '');

/** A set of project files (their paths without extension, `index`/`__init__` as their folder) to look imports up in. */
export function importIndex(files: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const f of files) out.add(stem(f));
  return out;
}

/** Does the file import one of the indexed files? */
export function importsAny(file: string, text: string, index: Set<string>): boolean {
  if (!index.size) return false;
  const dir = path.posix.dirname(file);
  const hit = (p: string) => index.has(stem(path.posix.normalize(p)).replace(/^\.\//, ''));
  // An absolute module path (`shipsync.client`, `lib/c7`): under any folder above the importing file.
  const anywhere = (rel: string) => {
    for (let d = dir; ; d = path.posix.dirname(d)) {
      if (hit(d === '.' ? rel : `${d}/${rel}`)) return true;
      if (d === '.' || d === '/' || d === '') return false;
    }
  };
  for (const m of text.matchAll(QUOTED)) {
    const spec = m[1]!;
    if (spec.startsWith('.') ? hit(path.posix.join(dir, spec)) : spec.startsWith('/') ? hit(path.posix.join(dir, spec)) || anywhere(spec.slice(1)) : anywhere(spec)) return true;
  }
  if (!/\.py$/i.test(file) && !/^#!.*python/.test(text)) return false;
  for (const m of text.matchAll(PY_FROM)) {
    const mod = m[1]!;
    const dots = /^\.*/.exec(mod)![0].length;
    const rest = mod.slice(dots).replace(/\./g, '/');
    const names = m[2]!.split(',').map((x) => x.trim().split(/\s+/)[0]!).filter((x) => /^\w+$/.test(x));
    const heads = dots ? [path.posix.join(dir, ...Array<string>(dots - 1).fill('..'), rest)] : [];
    for (const h of heads) if (hit(h) || names.some((n) => hit(`${h}/${n}`))) return true;
    if (!dots && rest && (anywhere(rest) || names.some((n) => anywhere(`${rest}/${n}`)))) return true;
  }
  for (const m of text.matchAll(PY_IMPORT)) if (anywhere(m[1]!.replace(/\./g, '/'))) return true;
  return false;
}

// A class a file declares (PHP, C#, Java, Kotlin, TS/JS, Python, Ruby; Go's struct types).
const DECLARES = /\b(?:class|interface|trait|module|record|struct|enum)\s+([A-Z]\w*)|\btype\s+([A-Z]\w*)\s+struct\b/g;
// A class a file builds on or uses by name: `extends Resource`, `implements Api`, `class X : Base` (C#), `class X(Base)`
// (Python), `class X < Base` (Ruby), `new Connection(`, `Connection::`, a PHP/C#/Java type before a parameter
// (`Connection $conn`, `Connection conn,`), a namespace import's last name (`use Cellar\Api\Resource;`).
const USES = /\b(?:extends|implements|new|instanceof|use)\s+\\?(?:[\w\\.]+[\\.])?([A-Z]\w*)|\bclass\s+\w+\s*(?:<[^>{]*>)?\s*(?::|<|\()\s*(?:[\w.:]+[.:])?([A-Z]\w*)|\b([A-Z]\w*)::|\b([A-Z]\w*)\??\s+\$\w+/g;

/** The class names a file declares. */
export function declaredClasses(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DECLARES)) out.push((m[1] ?? m[2])!);
  return out;
}

/** The class names a file builds on or uses by name (see USES). */
export function usedClasses(text: string, into: Set<string> = new Set()): Set<string> {
  for (const m of text.matchAll(USES)) into.add((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return into;
}

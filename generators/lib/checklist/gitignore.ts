// A small .gitignore matcher, for a project that is not (yet) a git repository, or a project held in memory.
// It follows gitignore(5) for one .gitignore at the root: comments, `!` negation, a trailing `/` for folders,
// anchoring by a leading or inner `/`, `*`, `?`, `[...]` and `**`; a file inside an ignored folder is ignored.
// Nested .gitignore files and global excludes are not read (git itself answers when there is a repository).

interface IgnoreRule { negate: boolean; dirOnly: boolean; re: RegExp }

export interface GitignoreMatcher {
  /** Would git ignore this path (relative to the root, "/"-separated)? */
  ignores(relPath: string, isDir?: boolean): boolean;
}

export function gitignoreMatcher(text: string | undefined): GitignoreMatcher {
  const rules = text === undefined ? [] : parseRules(text);
  const matchOne = (p: string, isDir: boolean) => {
    let ignored = false;
    for (const r of rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.re.test(p)) ignored = !r.negate;
    }
    return ignored;
  };
  return {
    ignores(relPath: string, isDir = false): boolean {
      const parts = relPath.split('/').filter((s) => s !== '' && s !== '.');
      for (let i = 1; i <= parts.length; i++) {
        const last = i === parts.length;
        const ignored = matchOne(parts.slice(0, i).join('/'), last ? isDir : true);
        // Git does not look inside an excluded folder: nothing in it can be re-included.
        if (!last && ignored) return true;
        if (last) return ignored;
      }
      return false;
    },
  };
}

function parseRules(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (let line of text.split(/\r?\n/)) {
    line = line.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    let negate = false;
    if (line.startsWith('!')) { negate = true; line = line.slice(1); }
    else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    let dirOnly = false;
    if (line.endsWith('/')) { dirOnly = true; line = line.replace(/\/+$/, ''); }
    if (line === '') continue;
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const body = globToRegex(line);
    rules.push({ negate, dirOnly, re: new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`) });
  }
  return rules;
}

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          if (i + 2 === glob.length) { out += '.*'; i += 1; }
          else { out += '(?:.*/)?'; i += 2; }
          continue;
        }
        i += 1;
      }
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) { out += '\\['; continue; }
      let cls = glob.slice(i + 1, close);
      if (cls.startsWith('!')) cls = '^' + cls.slice(1);
      out += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (ch === '\\' && i + 1 < glob.length) {
      out += escapeRe(glob[i + 1]!);
      i += 1;
    } else {
      out += escapeRe(ch);
    }
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// Shell held by another format: a Makefile's or justfile's recipes, a CI workflow's `run:` steps. Each is rewritten into a bash
// script of the same lines (line numbers stay the file's), the host's variables made shell variables, so the bash
// grammar and the shell sinks read it like any script.

const MAKEFILE = /(?:^|\/)(?:GNUmakefile|[Mm]akefile)$|\.mk$/;
const JUSTFILE = /(?:^|\/)\.?[Jj]ustfile$|\.just$/;
const WORKFLOW = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$|(?:^|\/)\.gitlab-ci\.ya?ml$|(?:^|\/)azure-pipelines[\w.-]*\.ya?ml$|(?:^|\/)\.azure-pipelines\/[^/]+\.ya?ml$|(?:^|\/)bitbucket-pipelines\.ya?ml$|(?:^|\/)\.circleci\/config\.ya?ml$/;
/** Azure Pipelines: `$(C7_API)` in a step is the pipeline's variable (a macro), not a command substitution. */
const AZURE = /(?:^|\/)azure-pipelines[\w.-]*\.ya?ml$|(?:^|\/)\.azure-pipelines\//;

/** Is this file shell inside another format (read as bash after hostedShell)? */
export function isShellHost(file: string): boolean {
  return MAKEFILE.test(file) || JUSTFILE.test(file) || WORKFLOW.test(file);
}

/** The file as a bash script of the same lines, or null when it is not a shell host. */
export function hostedShell(file: string, text: string): string | null {
  if (MAKEFILE.test(file)) return makefileShell(text);
  if (JUSTFILE.test(file)) return justfileShell(text);
  if (WORKFLOW.test(file)) return workflowShell(text, AZURE.test(file));
  return null;
}

const quoted = (v: string) => `"${v.replace(/(["\\`])/g, '\\$1')}"`;

/**
 * Make expands variables as text when a recipe runs: a variable holding a command or options (`CURL = curl -fsS
 * $(AUTH)`) is put in place; one holding a URL stays a shell variable (`${C7}`), assigned where Make assigns it, so
 * the evidence points at its definition. A variable Make does not define is the environment's (`${C7_TENANT}`).
 */
function makefileShell(text: string): string {
  const lines = text.split('\n');
  const vars = new Map<string, string>();
  const ASSIGN = /^(?:(?:export|override)\s+)*([A-Za-z_][\w.-]*)\s*(?:\?=|:::?=|::=|:=|\+=|!=|=)\s*(.*?)\s*$/;
  // Logical lines: a trailing backslash continues a variable's value.
  for (let i = 0; i < lines.length; i++) {
    if (/^\t/.test(lines[i]!)) continue;
    const m = ASSIGN.exec(lines[i]!);
    if (!m) continue;
    let value = m[2]!;
    while (value.endsWith('\\') && i + 1 < lines.length) value = value.slice(0, -1) + ' ' + lines[++i]!.trim();
    const prev = /\+=/.test(lines[i]!) ? vars.get(m[1]!) : undefined;
    vars.set(m[1]!, prev ? `${prev} ${value}` : value);
  }
  const holdsUrl = (v: string) => /:\/\//.test(v);
  const expand = (s: string, depth = 0): string =>
    s.replace(/\$\$|\$[({]([A-Za-z_][\w.-]*)[)}]/g, (all, name: string | undefined) => {
      if (all === '$$') return '$';
      const v = name === undefined ? undefined : vars.get(name);
      if (v === undefined || holdsUrl(v) || depth > 8) return `\${${name!.replace(/[.-]/g, '_')}}`;
      return expand(v, depth + 1);
    });
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\t/.test(line)) {
      // A recipe line: Make's prefixes (@ silent, - ignore errors, + always) are not shell.
      out.push(expand(line.replace(/^\t[ \t]*[@+-]*/, '')));
      continue;
    }
    const m = ASSIGN.exec(line);
    if (m && holdsUrl(vars.get(m[1]!) ?? '')) {
      out.push(`${m[1]!.replace(/[.-]/g, '_')}=${quoted(expand(m[2]!.replace(/\\$/, '')))}`);
      continue;
    }
    out.push(/^\s*#/.test(line) ? line : '');
  }
  return out.join('\n');
}

/**
 * A justfile (casey/just): `name := expr` assignments (string literals joined by `+`, `env('X', 'default')`,
 * `env_var_or_default`, other variables), recipes whose indented bodies are shell with `{{expr}}` put in place. As
 * for Make, a variable holding a URL stays a shell variable assigned on its line; a recipe parameter or an
 * environment variable is `${name}`.
 */
function justfileShell(text: string): string {
  const lines = text.split('\n');
  const vars = new Map<string, string>();
  const ASSIGN = /^(?:export\s+)?([A-Za-z_][\w-]*)\s*:=\s*(.*?)\s*$/;
  const shellName = (n: string) => n.replace(/-/g, '_');
  const holdsUrl = (v: string) => /:\/\//.test(v);
  // An expression's value as text; `inBody` keeps URL variables as `${name}` (their assignment line holds the value).
  const evaluate = (expr: string, inBody: boolean, depth = 0): string => {
    const terms: string[] = [];
    let cur = '', q = '';
    for (let i = 0; i < expr.length; i++) {
      const c = expr[i]!;
      if (q) { cur += c; if (c === '\\' && q === '"') cur += expr[++i] ?? ''; else if (c === q) q = ''; continue; }
      if (c === "'" || c === '"') { q = c; cur += c; continue; }
      if (c === '+' ) { terms.push(cur.trim()); cur = ''; continue; }
      cur += c;
    }
    terms.push(cur.trim());
    return terms.map((t) => {
      const lit = /^(["'])([\s\S]*)\1$/.exec(t);
      if (lit) return lit[1] === '"' ? lit[2]!.replace(/\\(.)/g, '$1') : lit[2]!;
      const env = /^(?:env|env_var|env_var_or_default)\(\s*(["'])(\w+)\1\s*(?:,\s*(["'])(.*?)\3\s*)?\)$/.exec(t);
      if (env) return env[4] !== undefined && holdsUrl(env[4]) && !inBody ? env[4] : `\${${env[2]!}}`;
      if (/^[A-Za-z_][\w-]*$/.test(t)) {
        const v = vars.get(t);
        if (v === undefined || depth > 8 || (inBody && holdsUrl(v))) return `\${${shellName(t)}}`;
        return v;
      }
      return '${JUST_EXPR}';
    }).join('');
  };
  for (const line of lines) {
    const m = ASSIGN.exec(line);
    if (m) vars.set(m[1]!, evaluate(m[2]!, false));
  }
  const interpolate = (s: string) => s.replace(/\{\{\{\{/g, '{{').replace(/\{\{(?!\{)\s*(.*?)\s*\}\}/g, (_a, e: string) => evaluate(e, true));
  const out: string[] = [];
  let inRecipe = false;
  for (const line of lines) {
    if (inRecipe && /^[ \t]+\S/.test(line)) {
      // A body line: just's prefixes (@ quiet, - ignore errors) are not shell; a shebang line is a comment.
      out.push(interpolate(line.replace(/^[ \t]+[@-]*/, '')));
      continue;
    }
    if (line.trim() === '') { out.push(''); continue; }
    inRecipe = false;
    const m = ASSIGN.exec(line);
    if (m) {
      const v = vars.get(m[1]!)!;
      out.push(holdsUrl(v) ? `${shellName(m[1]!)}=${quoted(v)}` : '');
      continue;
    }
    // A recipe header at column 0: `name params: deps` (not `:=`), maybe with attributes on earlier lines.
    if (/^@?[A-Za-z_][\w-]*(?:\s[^:]*)?:(?!=)/.test(line)) { inRecipe = true; out.push(''); continue; }
    out.push(/^\s*#/.test(line) ? line : '');
  }
  return out.join('\n');
}

/**
 * A CI workflow: `env:` entries are shell variables, `run:`/`script:` blocks are the shell, `${{ secrets.X }}` /
 * `${{ env.X }}` are the variable X (what the runner puts there). Everything else is blank.
 */
function workflowShell(text: string, azure = false): string {
  const lines = text.split('\n');
  const out: string[] = [];
  // (Azure's macros are upper-case variable names: `$(date +%F)` stays the command it is.)
  const macro = (s: string) => (azure ? s.replace(/\$\(([A-Z_][A-Z0-9_]*(?:\.[A-Za-z0-9_]+)*)\)/g, (_, v: string) => `\${${v.replace(/\./g, '_')}}`) : s);
  const expr = (s: string) => macro(s.replace(/\$\{\{\s*(?:[\w.]*\.)?([A-Za-z_]\w*)\s*\}\}/g, '${$1}').replace(/\$\{\{[^}]*\}\}/g, '${CI_EXPR}'));
  let listed: string | null = null; // Azure's `variables:` list: `- name: X` then `value: …`
  const unquote = (v: string) => (/^(["']).*\1$/.test(v) ? v.slice(1, -1) : v);
  let block: { indent: number } | null = null; // inside a `run: |` block scalar
  let envIndent = -1; // inside an `env:` mapping (its key's indentation)
  for (const line of lines) {
    const indent = /^ */.exec(line)![0].length;
    const blank = line.trim() === '';
    if (block) {
      if (blank || indent > block.indent) { out.push(blank ? '' : expr(line.trimStart())); continue; }
      block = null;
    }
    if (envIndent >= 0 && !blank && indent <= envIndent) envIndent = -1;
    const item = /^(\s*)(?:-\s+)?([\w-]+):\s*(.*?)\s*$/.exec(line);
    if (!item) {
      // A `script:` list item (GitLab): `- curl …`.
      const li = /^\s*-\s+(.*)$/.exec(line);
      out.push(li && inScript(out) ? expr(unquote(li[1]!)) : '');
      continue;
    }
    const [, , key, value] = item as unknown as [string, string, string, string];
    if (envIndent >= 0 && indent > envIndent && key === 'name' && /^\s*-\s/.test(line)) { listed = unquote(value); out.push(''); continue; }
    if (envIndent >= 0 && indent > envIndent && key === 'value' && listed) { out.push(`${listed}=${quoted(expr(unquote(value)))}`); listed = null; continue; }
    if (envIndent >= 0 && indent > envIndent && /^(?:group|template)$/.test(key)) { out.push(''); continue; }
    if (envIndent >= 0 && indent > envIndent && /^[A-Za-z_]\w*$/.test(key)) { out.push(`${key}=${quoted(expr(unquote(value)))}`); continue; }
    if (key === 'env' || key === 'variables') { if (value === '') envIndent = indent; out.push(''); continue; }
    if (key === 'run' || key === 'script' || key === 'before_script' || key === 'after_script' || key === 'bash' || key === 'command') {
      if (/^[|>][-+]?\d*$/.test(value)) block = { indent };
      else if (value) out.push(expr(unquote(value)));
      else out.push('#script');
      continue;
    }
    out.push('');
  }
  return out.join('\n');

  function inScript(done: string[]): boolean {
    for (let i = done.length - 1; i >= 0; i--) {
      if (done[i] === '#script') return true;
      if (done[i] === '') return false;
    }
    return false;
  }
}

// HTML for the console: a tag that escapes every value, the page frame, and the style sheet (no outside resources:
// system fonts, no images but the listing's own).
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string { return this.value; }
}
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };
export const esc = (v: unknown): string => String(v).replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  const part = (v: unknown): string => (v instanceof SafeHtml ? v.value : Array.isArray(v) ? v.map(part).join('') : v === null || v === undefined || v === false ? '' : esc(v));
  return new SafeHtml(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]) : ''), ''));
}

export interface NavPage { path: string; id: string; label: string }

export function layout(opts: { page: string; title: string; appTitle: string; subtitle: string; nav: NavPage[]; body: SafeHtml }): string {
  return html`<!doctype html>
<html lang="en" data-theme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · ${opts.appTitle} · c7-app console</title>
<link rel="stylesheet" href="/__console/console.css">
<script src="/__console/console.js" defer></script>
</head>
<body data-page="${opts.page}">
<a class="skip" href="#main">Skip to the page</a>
<header class="top">
<p class="brand"><strong>${opts.appTitle}</strong> <span class="muted">${opts.subtitle}</span></p>
<button type="button" id="theme-switch" aria-pressed="false">Dark mode</button>
</header>
<nav class="pages" aria-label="Console pages"><ul>
${opts.nav.map((n) => html`<li><a href="${n.path}"${n.id === opts.page ? new SafeHtml(' aria-current="page"') : ''}>${n.label}</a></li>`)}
</ul></nav>
<main id="main" tabindex="-1">
${opts.body}
</main>
<footer class="foot muted"><p>Local App Development Center of the c7-app emulator: everything here runs on this machine, nothing is sent to Commerce7.</p></footer>
</body>
</html>
`.value;
}

export const CSS = `
:root { color-scheme: light; --bg: #ffffff; --panel: #f6f8fa; --fg: #1f2328; --muted: #57606a; --link: #0a58ca; --border: #8c959f;
  --accent: #0a58ca; --accent-fg: #ffffff; --ok: #1a7f37; --bad: #b3261e; --warn: #7d4e00; --focus: #0a58ca; }
[data-theme="dark"] { color-scheme: dark; --bg: #0d1117; --panel: #161b22; --fg: #e6edf3; --muted: #9da7b3; --link: #79b8ff; --border: #6e7681;
  --accent: #79b8ff; --accent-fg: #0d1117; --ok: #56d364; --bad: #ff7b72; --warn: #e3b341; --focus: #79b8ff; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: 8px; }
.skip:focus { left: 8px; }
.muted { color: var(--muted); }
.top { display: flex; justify-content: space-between; align-items: center; gap: 16px; padding: 8px 24px; border-bottom: 1px solid var(--border); }
.brand { margin: 0; }
.pages ul { display: flex; flex-wrap: wrap; gap: 4px 20px; list-style: none; margin: 0; padding: 8px 24px; border-bottom: 1px solid var(--border); }
.pages a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
main { padding: 16px 24px 32px; max-width: 72rem; }
.foot { padding: 0 24px 16px; font-size: 13px; }
h1 { font-size: 1.6rem; margin: 0.4em 0; } h2 { font-size: 1.25rem; margin-top: 1.6em; } h3 { font-size: 1.1rem; } h4 { margin: 1.2em 0 0.3em; }
button, .button { font: inherit; padding: 6px 14px; border-radius: 6px; border: 1px solid var(--border); background: var(--panel); color: var(--fg); cursor: pointer; }
button.primary { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
button[aria-pressed="true"] { background: var(--accent); color: var(--accent-fg); }
input, select, textarea { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 4px; padding: 4px 8px; }
input[type="checkbox"], input[type="radio"] { accent-color: var(--accent); }
textarea { width: 100%; }
label { display: inline-block; margin-bottom: 2px; font-weight: 600; }
fieldset { border: 1px solid var(--border); border-radius: 6px; margin: 0 0 16px; padding: 8px 16px 12px; }
legend { font-weight: 700; padding: 0 4px; }
fieldset.choices label, .inline label { font-weight: 400; margin-right: 16px; }
.field { margin: 10px 0; }
.hint { display: block; font-size: 13px; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--border); padding: 6px 8px; }
caption { text-align: left; font-weight: 700; padding: 4px 0; }
pre { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 8px; overflow: auto; max-height: 24rem; white-space: pre-wrap; word-break: break-word; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; }
.panel { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 12px 16px; margin: 12px 0; }
.check { margin: 4px 0; font-size: 14px; }
.check .mark { font-weight: 700; }
.check.fail .mark { color: var(--bad); } .check.pass .mark { color: var(--ok); }
.ok { color: var(--ok); font-weight: 700; } .bad { color: var(--bad); font-weight: 700; } .warn { color: var(--warn); font-weight: 700; }
.store-card { display: flex; gap: 16px; align-items: flex-start; max-width: 30rem; }
.logo { width: 96px; height: 96px; object-fit: contain; border-radius: 12px; border: 1px solid var(--border); background: var(--bg); }
.logo.small { width: 64px; height: 64px; }
[data-theme="dark"] .logo.for-light { display: none; } [data-theme="light"] .logo.for-dark { display: none; }
.shots { display: flex; flex-wrap: wrap; gap: 16px; } .shots figure { margin: 0; max-width: 18rem; } .shots img { width: 100%; border: 1px solid var(--border); border-radius: 6px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; } dl.facts dt { font-weight: 700; } dl.facts dd { margin: 0; }
.admin { display: grid; grid-template-columns: 16rem 1fr; gap: 16px; }
.admin > * { min-width: 0; } #frame-status code, td code { overflow-wrap: anywhere; }
.admin-menu ul { list-style: none; padding: 0; margin: 0; } .admin-menu li { margin: 4px 0; } .admin-menu button { width: 100%; text-align: left; }
.tabs, .entries { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
details.more { display: inline-block; } details.more summary { cursor: pointer; padding: 6px 14px; border: 1px solid var(--border); border-radius: 6px; list-style: none; }
details.more ul { list-style: none; padding: 4px 0; margin: 4px 0 0; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0; }
.c7-card { border: 1px solid var(--border); border-left: 6px solid var(--accent); border-radius: 6px; padding: 8px 12px; min-width: 16rem; background: var(--bg); }
.c7-card.warning { border-left-color: var(--warn); } .c7-card.error { border-left-color: var(--bad); }
.c7-card h4 { margin: 0; } .c7-card p { margin: 2px 0; }
iframe.ext { width: 100%; min-height: 420px; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); }
.notice { border-left: 6px solid var(--accent); padding: 6px 12px; background: var(--panel); }
.notice.error { border-left-color: var(--bad); } .notice.success { border-left-color: var(--ok); } .notice.info { border-left-color: var(--accent); }
tr.explain td { border-bottom: 1px solid var(--border); font-size: 14px; }
@media (max-width: 48rem) { .admin { grid-template-columns: 1fr; } }
`;

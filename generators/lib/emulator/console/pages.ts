// The console's five pages, rendered on the server from the manifest (the client script adds the live parts).
import { appTypeLabel } from '../../catalog/app-types.js';
import { LISTING_FIELDS, type ListingField } from '../../catalog/listing.js';
import type { ChecklistItem } from '../../checklist/types.js';
import type { Manifest } from '../../manifest/types.js';
import { html, layout, SafeHtml, type NavPage } from './html.js';
import { adminScreens, listingChecks, permissionViews, priceText, settingControl, type ListingChecks } from './model.js';

export const PAGES: Array<NavPage & { fullOnly?: boolean }> = [
  { path: '/', id: 'listing', label: 'Listing preview' },
  { path: '/install', id: 'install', label: 'Install' },
  { path: '/admin', id: 'admin', label: 'Admin', fullOnly: true },
  { path: '/webhooks', id: 'webhooks', label: 'Webhooks' },
  { path: '/log', id: 'log', label: 'API log' },
];

export interface PageInput { manifest: Manifest; root: string | undefined; tenants: string[] }

export function pagesFor(manifest: Manifest): NavPage[] {
  return PAGES.filter((p) => !p.fullOnly || manifest.app.type === 'full-application');
}

function frame(input: PageInput, page: string, title: string, body: SafeHtml): string {
  const m = input.manifest;
  return layout({ page, title, appTitle: m.app.title, subtitle: `${appTypeLabel(m.app.type)} · version ${m.version.number} (${m.version.status}) · App ID ${m.app.id}`, nav: pagesFor(m), body });
}

function checks(items: ChecklistItem[] | undefined): SafeHtml {
  const mark = { pass: 'Checklist: passes', fail: 'Checklist: fails', person: 'Checklist: for you to look at' } as const;
  return html`${(items ?? []).map((i) => html`<p class="check ${i.status}" data-item="${i.id}"><span class="mark">${mark[i.status]}</span> ${i.title}${i.reason ? html` — ${i.reason}` : ''}${i.fix ? html`. <span class="muted">Fix: ${i.fix}</span>` : ''}${i.lookAt ? html`. <span class="muted">${i.lookAt}</span>` : ''}</p>`)}`;
}

const label = (f: ListingField) => LISTING_FIELDS[f].label;

function description(text: string): SafeHtml {
  const blocks: SafeHtml[] = [];
  let items: string[] = [];
  const flush = () => { if (items.length) blocks.push(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`); items = []; };
  for (const para of text.split(/\r?\n/)) {
    const m = /^\s*(?:[-*+\u2022]|\d+[.)])\s+(.*)$/.exec(para);
    if (m) { items.push(m[1]!); continue; }
    flush();
    if (para.trim()) blocks.push(html`<p>${para}</p>`);
  }
  flush();
  return html`${blocks}`;
}

function logos(m: Manifest, size = ''): SafeHtml {
  const l = m.listing;
  if (!l.logo) return html`<span class="muted">(no logo)</span>`;
  const alt = `${l.title} logo`;
  return l.darkModeLogo
    ? html`<img class="logo ${size} for-light" src="/__console/file/logo" alt="${alt}"><img class="logo ${size} for-dark" src="/__console/file/dark-logo" alt="${alt} (dark mode)">`
    : html`<img class="logo ${size}" src="/__console/file/logo" alt="${alt}">`;
}

export function listingPage(input: PageInput): string {
  const m = input.manifest;
  const l = m.listing;
  const c: ListingChecks = listingChecks(m, input.root);
  const f = (field: ListingField) => checks(c.byField[field]);
  const perms = permissionViews(m);
  const body = html`
<h1>Listing preview</h1>
<p>The App Store card and listing page as a client sees them, from <code>c7-app.json</code>. Each field carries the listing items of
<code>c7-app check</code> (the same rules). Switch dark mode at the top to see the Dark Mode Logo.</p>
<section class="panel" aria-labelledby="whole"><h2 id="whole">The listing as a whole</h2>${checks(c.general)}</section>
<h2>App Store card</h2>
<article class="panel store-card" aria-label="App Store card" data-field="card">
${logos(m, 'small')}
<div><h3>${l.title}</h3><p>${l.summary}</p><p class="muted">${l.category} · ${priceText(m)[0]}</p></div>
</article>
<h2>Listing page</h2>
<article class="panel" aria-label="Listing page">
<div data-field="title">
<div class="store-card">${logos(m)}<div><h3 class="listing-title">${l.title}</h3><p class="muted">by ${m.app.companyName} · ${label('category')}: ${l.category}</p></div></div>
${f('title')}</div>
<div data-field="logo"><h4>${label('logo')} and ${label('darkModeLogo')}</h4>
<p>${l.logo ? html`${label('logo')}: <code>${l.logo}</code>` : 'No logo'}${l.darkModeLogo ? html` · ${label('darkModeLogo')}: <code>${l.darkModeLogo}</code>` : html` · <span class="muted">no ${label('darkModeLogo')}: the logo is shown in dark mode too</span>`}</p>${f('logo')}</div>
<div data-field="summary"><h4>${label('summary')}</h4><p>${l.summary}</p>${f('summary')}</div>
<div data-field="category">${f('category')}</div>
<div data-field="description"><h4>${label('description')}</h4>${description(l.description ?? '')}${f('description')}</div>
<div data-field="screenshots"><h4>${label('screenshots')}</h4><div class="shots">
${(l.screenshots ?? []).map((s, i) => html`<figure><img src="/__console/file/screenshot-${i}" alt="${s.caption ?? `Screenshot ${i + 1}`}"><figcaption>${s.caption ?? html`<span class="muted">(no caption)</span>`}</figcaption></figure>`)}
</div>${f('screenshots')}</div>
<div data-field="permissions"><h4>Permissions</h4>
${perms.length ? html`<table><caption>${l.title} asks for access to</caption><thead><tr><th scope="col">Permission</th><th scope="col">Access</th><th scope="col">Why</th></tr></thead><tbody>
${perms.map((p) => html`<tr><th scope="row">${p.name}<span class="hint">${p.what}</span></th><td>${p.accessLabel}<span class="hint">${p.accessWords}</span></td><td>${p.reason || html`<span class="muted">no reason given</span>`}</td></tr>`)}
</tbody></table>` : html`<p>No API access.</p>`}</div>
<div data-field="pricing"><h4>Pricing</h4><ul>${priceText(m).map((p) => html`<li>${p}</li>`)}</ul></div>
<div><h4>Setup &amp; Support</h4><dl class="facts">
<dt>${label('supportEmail')}</dt><dd data-field="supportEmail">${l.supportEmail ? html`<a href="mailto:${l.supportEmail}">${l.supportEmail}</a>` : '—'}${f('supportEmail')}</dd>
<dt>${label('websiteUrl')}</dt><dd data-field="websiteUrl">${l.websiteUrl ? html`<a href="${l.websiteUrl}">${l.websiteUrl}</a>` : '—'}${f('websiteUrl')}</dd>
${l.supportPhone ? html`<dt>${label('supportPhone')}</dt><dd>${l.supportPhone}</dd>` : ''}
${l.documentationUrl ? html`<dt>${label('documentationUrl')}</dt><dd><a href="${l.documentationUrl}">${l.documentationUrl}</a></dd>` : ''}
<dt>${label('installSteps')}</dt><dd data-field="installSteps">${l.installSteps ? description(l.installSteps) : html`<span class="muted">none</span>`}${f('installSteps')}</dd>
<dt>${label('requiresSubscription')}</dt><dd>${l.requiresSubscription ? 'yes' : 'no'}</dd>
</dl></div>
</article>`;
  return frame(input, 'listing', 'Listing preview', body);
}

function settingField(s: NonNullable<Manifest['clientSettings']>[number], i: number): SafeHtml {
  const id = `setting-${i}`;
  const req = s.required ? new SafeHtml(' required') : '';
  const star = s.required ? html` <span class="muted">(required)</span>` : '';
  const hint = html`<span class="hint" id="${id}-hint">${s.dataType}${s.description ? html` · ${s.description}` : ''}</span>`;
  const opts = s.options ?? [];
  const control = settingControl(s.dataType);
  const name = s.code;
  switch (control) {
    case 'textarea': case 'html':
      return html`<div class="field"><label for="${id}">${s.title}${star}</label>${hint}<textarea id="${id}" name="${name}" rows="3" aria-describedby="${id}-hint" data-type="${s.dataType}"${req}></textarea></div>`;
    case 'integer': case 'number':
      return html`<div class="field"><label for="${id}">${s.title}${star}</label>${hint}<input id="${id}" name="${name}" type="number" step="${control === 'integer' ? '1' : 'any'}" aria-describedby="${id}-hint" data-type="${s.dataType}"${req}></div>`;
    case 'date':
      return html`<div class="field"><label for="${id}">${s.title}${star}</label>${hint}<input id="${id}" name="${name}" type="date" aria-describedby="${id}-hint" data-type="${s.dataType}"${req}></div>`;
    case 'switch':
      return html`<div class="field"><input id="${id}" name="${name}" type="checkbox" role="switch" aria-describedby="${id}-hint" data-type="${s.dataType}"> <label for="${id}">${s.title}</label>${hint}</div>`;
    case 'yes-no':
      return html`<fieldset class="choices" data-type="${s.dataType}" aria-describedby="${id}-hint"><legend>${s.title}${star}</legend>${hint}
<input id="${id}-yes" type="radio" name="${name}" value="yes"${req}> <label for="${id}-yes">Yes</label>
<input id="${id}-no" type="radio" name="${name}" value="no" checked${req}> <label for="${id}-no">No</label></fieldset>`;
    case 'radio':
      return html`<fieldset class="choices" data-type="${s.dataType}" aria-describedby="${id}-hint"><legend>${s.title}${star}</legend>${hint}
${opts.map((o, j) => html`<input id="${id}-${j}" type="radio" name="${name}" value="${o}"${req}> <label for="${id}-${j}">${o}</label> `)}</fieldset>`;
    case 'checkboxes':
      return html`<fieldset class="choices" data-type="${s.dataType}" data-required="${s.required ? 'true' : 'false'}" aria-describedby="${id}-hint"><legend>${s.title}${star}</legend>${hint}
${opts.map((o, j) => html`<input id="${id}-${j}" type="checkbox" name="${name}" value="${o}"> <label for="${id}-${j}">${o}</label> `)}</fieldset>`;
    case 'select':
      return html`<div class="field"><label for="${id}">${s.title}${star}</label>${hint}<select id="${id}" name="${name}" aria-describedby="${id}-hint" data-type="${s.dataType}"${req}><option value="">Choose…</option>${opts.map((o) => html`<option>${o}</option>`)}</select></div>`;
    default:
      return html`<div class="field"><label for="${id}">${s.title}${star}</label>${hint}<input id="${id}" name="${name}" type="text" aria-describedby="${id}-hint" data-type="${s.dataType}"${req}></div>`;
  }
}

function tenantField(input: PageInput, id: string): SafeHtml {
  return html`<div class="field"><label for="${id}">Tenant ID</label><span class="hint" id="${id}-hint">The winery (tenant) acting here; the first test tenant by default.</span>
<input id="${id}" name="tenant" list="${id}-list" value="${input.tenants[0] ?? ''}" required pattern="[a-z0-9][a-z0-9-]*" aria-describedby="${id}-hint" autocomplete="off">
<datalist id="${id}-list">${input.tenants.map((t) => html`<option value="${t}"></option>`)}</datalist></div>`;
}

export function installPage(input: PageInput): string {
  const m = input.manifest;
  const perms = permissionViews(m);
  const settings = m.clientSettings ?? [];
  const who = m.app.type === 'private'
    ? html`A Private app: Commerce7 shows it only to the tenants it lists (<code>${(m.app.allowedTenants ?? []).join(', ') || 'none'}</code>) and its test tenants (<code>${(m.app.testTenants ?? []).join(', ') || 'none'}</code>).`
    : html`Shown in the App Store once published; version ${m.version.number} is <strong>${m.version.status}</strong>${m.version.status === 'published' ? '' : html`, so only its test tenants (<code>${(m.app.testTenants ?? []).join(', ') || 'none'}</code>) may install it`}.`;
  const body = html`
<h1>Install</h1>
<p>The install modal as the merchant sees it. Install calls the app's Install URL as <code>c7-app emulate install</code> does
(Basic auth, the install body); the app's answer is shown below. ${who}</p>
<p id="installed" aria-live="polite" class="panel">Installed for: …</p>
<form id="install-form" class="panel" aria-labelledby="modal-title" novalidate>
<h2 id="modal-title">Install ${m.listing.title}</h2>
${tenantField(input, 'install-tenant')}
<fieldset><legend>Permissions to accept</legend>
${perms.length ? html`<ul>${perms.map((p) => html`<li><strong>${p.name}</strong>: ${p.accessLabel} <span class="muted">(${p.accessWords})</span>${p.reason ? html` — ${p.reason}` : ''}</li>`)}</ul>` : html`<p>This app asks for no API access.</p>`}
<input id="accept" name="accept" type="checkbox" required> <label for="accept">I accept the permissions ${m.listing.title} asks for</label>
</fieldset>
<fieldset><legend>Client settings</legend>
${settings.length ? settings.map(settingField) : html`<p>This app has no client settings.</p>`}
</fieldset>
<p><button type="submit" class="primary" id="install-button">Install</button> <button type="button" id="uninstall-button">Uninstall</button></p>
<p id="install-problem" role="alert" class="bad"></p>
</form>
<section aria-labelledby="answer-title"><h2 id="answer-title">The app's answer</h2>
<div id="install-result" aria-live="polite"><p class="muted">Nothing sent yet.</p></div></section>`;
  return frame(input, 'install', 'Install', body);
}

export function adminPage(input: PageInput): string {
  const screens = adminScreens(input.manifest);
  const body = html`
<h1>Admin</h1>
<p>The admin screens where the manifest's extensions live. Opening one frames the app's page with <code>tenantId</code>, a fresh staff
<code>account</code> token and <code>adminUITheme</code> (the dark-mode switch at the top); a Context Menu Action shows the JSON answer
as Commerce7 acts on it, a Card is drawn from the JSON the app serves.</p>
${tenantField(input, 'admin-tenant')}
${screens.length === 0 ? html`<p>c7-app.json has no extensions yet.</p>` : ''}
<div class="admin">
<nav class="admin-menu panel" aria-label="Admin screens"><ul>
${screens.map((s) => html`<li><button type="button" data-screen="${s.id}" aria-pressed="false">${s.title}</button></li>`)}
</ul></nav>
<div>
${screens.map((s) => html`<section class="screen panel" id="screen-${s.id}" data-kind="${s.kind}" aria-labelledby="screen-${s.id}-title" hidden>
<h2 id="screen-${s.id}-title">${s.title}</h2>
${s.kind === 'detail' ? html`<p class="record muted" data-record>Record: the first one of the tenant</p>` : ''}
${s.items.some((i) => i.role === 'tab') ? html`<div class="tabs" role="group" aria-label="Tabs">${s.items.filter((i) => i.role === 'tab').map((i) => html`<button type="button" data-open="${i.index}" aria-pressed="false">${i.label}</button>`)}</div>` : ''}
${s.items.some((i) => i.role === 'context') ? html`<details class="more"><summary>… More actions</summary><ul>${s.items.filter((i) => i.role === 'context').map((i) => html`<li><button type="button" data-open="${i.index}">${i.label} <span class="muted">(${i.extension.format ?? ''})</span></button></li>`)}</ul></details>` : ''}
${s.items.some((i) => i.role === 'card') ? html`<div class="cards" data-cards="${s.items.filter((i) => i.role === 'card').map((i) => i.index).join(',')}" aria-label="Cards" role="region"></div>` : ''}
${s.items.some((i) => ['page', 'report', 'storefront'].includes(i.role)) ? html`<div class="entries">${s.items.filter((i) => ['page', 'report', 'storefront'].includes(i.role)).map((i) => html`<button type="button" data-open="${i.index}" aria-pressed="false">${i.label}</button>`)}</div>` : ''}
</section>`)}
<section class="panel" aria-labelledby="frame-title"><h2 id="frame-title">Extension</h2>
<div id="frame-status" role="status"><p class="muted">Choose a screen, then an entry.</p></div>
<div id="frame-holder"></div>
</section>
</div></div>`;
  return frame(input, 'admin', 'Admin', body);
}

export function webhooksPage(input: PageInput): string {
  const hooks = input.manifest.webhooks ?? [];
  const body = html`
<h1>Webhooks</h1>
<p>Deliver a webhook the manifest subscribes to, as <code>c7-app emulate webhook</code> does: an object from the tenant's data
(or your own payload), to the webhook's URL with its Basic auth. The history lists every delivery, those the emulator sends
for the app's own writes included.</p>
${hooks.length === 0 ? html`<p>c7-app.json subscribes to no webhooks.</p>` : html`
<form id="hook-form" class="panel">
${tenantField(input, 'hook-tenant')}
<div class="field"><label for="hook-which">Webhook</label>
<select id="hook-which" name="which" required>${hooks.map((h) => html`<option value="${h.object}|${h.action}">${h.object} ${h.action} → ${h.url}</option>`)}</select></div>
<div class="field"><label for="hook-record">Object</label><span class="hint" id="hook-record-hint">From the tenant's data (Bulk Update: a callback list of objects).</span>
<select id="hook-record" name="record" aria-describedby="hook-record-hint"><option value="">The first one</option></select></div>
<div class="field"><label for="hook-payload">Payload (JSON)</label><span class="hint" id="hook-payload-hint">Filled from the chosen object; edit it freely before delivering.</span>
<textarea id="hook-payload" name="payload" rows="10" aria-describedby="hook-payload-hint" spellcheck="false"></textarea></div>
<p><button type="submit" class="primary" id="deliver">Deliver</button></p>
<p id="hook-problem" role="alert" class="bad"></p>
</form>
<section aria-labelledby="hook-answer-title"><h2 id="hook-answer-title">The app's answer</h2><div id="hook-result" aria-live="polite"><p class="muted">Nothing delivered yet.</p></div></section>`}
<section aria-labelledby="history-title"><h2 id="history-title">History</h2>
<table id="history"><caption class="muted">Newest last; refreshed every second</caption><thead><tr><th scope="col">Time</th><th scope="col">Webhook</th><th scope="col">Tenant</th><th scope="col">Sent by</th><th scope="col">Answer</th></tr></thead><tbody></tbody></table>
</section>`;
  return frame(input, 'webhooks', 'Webhooks', body);
}

export function logPage(input: PageInput): string {
  const body = html`
<h1>API log</h1>
<p>The app's calls to the emulator's Commerce7 API, live. A 403 names the permission to add and the command that adds it;
a 429 shows how many calls the tenant made in that minute.</p>
<p id="log-count" aria-live="polite" class="muted">Waiting for calls…</p>
<table id="log"><caption class="muted">Newest last</caption><thead><tr><th scope="col">Time</th><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Tenant</th><th scope="col">Status</th><th scope="col">Permission</th><th scope="col">ms</th></tr></thead><tbody></tbody></table>`;
  return frame(input, 'log', 'API log', body);
}

export function notFoundPage(input: PageInput, why: string): string {
  return frame(input, 'none', 'Not here', html`<h1>Not here</h1><p>${why}</p>`);
}

// The console's one script (served as /__console/console.js, no build step): the theme switch, and the live parts
// of each page. Plain browser JavaScript; DOM built with createElement and textContent (never innerHTML of data).
export const CLIENT_JS = String.raw`'use strict';
(function () {
  var page = document.body.dataset.page;
  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) e.setAttribute(k, attrs[k] === true ? '' : String(attrs[k])); });
    (children || []).forEach(function (c) { if (c !== null && c !== undefined && c !== false) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function api(method, path, body) {
    var opts = { method: method, headers: { 'x-c7-console': '1' } };
    if (body !== undefined) { opts.headers['content-type'] = 'application/json'; opts.body = JSON.stringify(body); }
    return fetch('/__console/api/' + path, opts).then(function (res) {
      return res.json().then(function (json) { if (!res.ok) { var err = new Error(json.error || ('HTTP ' + res.status)); err.json = json; throw err; } return json; });
    });
  }
  function pretty(text) { try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { return text; } }
  function statusClass(s) { return s >= 200 && s < 300 ? 'ok' : 'bad'; }
  function time(iso) { return new Date(iso).toLocaleTimeString(); }

  // Theme: light or dark, kept in this browser; the admin frames follow it (adminUITheme).
  var themeButton = $('#theme-switch');
  function theme() { return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'; }
  function setTheme(t, announce) {
    document.documentElement.dataset.theme = t;
    themeButton.setAttribute('aria-pressed', t === 'dark' ? 'true' : 'false');
    try { localStorage.setItem('c7-console-theme', t); } catch (e) { /* private mode */ }
    if (announce) document.dispatchEvent(new CustomEvent('c7-theme', { detail: t }));
  }
  var saved = null; try { saved = localStorage.getItem('c7-console-theme'); } catch (e) { saved = null; }
  setTheme(saved === 'dark' ? 'dark' : 'light', false);
  themeButton.addEventListener('click', function () { setTheme(theme() === 'dark' ? 'light' : 'dark', true); });

  function tenantValue(id) { var input = $(id); return input ? input.value.trim() : ''; }

  // ---- Install
  function showCall(box, title, out) {
    clear(box);
    var r = out.result;
    if (!r) { box.appendChild(el('p', {}, [title + ': c7-app.json has no URL for it, so Commerce7 calls nothing (installed for: ' + (out.installed.join(', ') || 'none') + ').'])); return; }
    box.appendChild(el('p', { 'data-status': String(r.status) }, [title + ': POST ' + r.url + ' answered ', el('span', { 'class': statusClass(r.status) }, ['HTTP ' + r.status]), ' in ' + out.ms + ' ms' + (r.ok ? '' : ': Commerce7 expects a 2xx, so the install is rolled back')]));
    box.appendChild(el('h3', {}, ['Body']));
    box.appendChild(el('pre', { 'class': 'answer-body' }, [pretty(r.body) || '(empty)']));
    box.appendChild(el('h3', {}, ['What was sent']));
    box.appendChild(el('pre', {}, [JSON.stringify(r.sent, null, 2)]));
  }
  function refreshInstalled() {
    return api('GET', 'state').then(function (s) {
      var p = $('#installed'); if (!p) return s;
      p.textContent = 'Installed for: ' + (s.installed.join(', ') || 'no tenant') + (s.appUrl ? ' · the app runs at ' + s.appUrl : ' · the emulator does not know where the app runs (npm run dev, or --app-url)');
      return s;
    });
  }
  function settingsOf(form) {
    var out = {};
    $$('[data-type]', form).forEach(function (node) {
      var type = node.dataset.type;
      if (node.tagName === 'FIELDSET') {
        var inputs = $$('input', node);
        if (type === 'Checkbox') out[inputs[0].name] = inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
        else { var chosen = inputs.filter(function (i) { return i.checked; })[0]; out[inputs[0].name] = type === 'Yes / No' ? (chosen ? chosen.value === 'yes' : false) : (chosen ? chosen.value : ''); }
      } else if (node.type === 'checkbox') out[node.name] = node.checked;
      else if (type === 'Integer' || type === 'Number') out[node.name] = node.value === '' ? '' : Number(node.value);
      else out[node.name] = node.value;
    });
    return out;
  }
  if (page === 'install') {
    var form = $('#install-form');
    var result = $('#install-result');
    var problem = $('#install-problem');
    refreshInstalled();
    // A required Checkbox setting needs one option ticked: the browser cannot say that by itself.
    function checkGroups() {
      $$('fieldset[data-type="Checkbox"][data-required="true"]', form).forEach(function (fs) {
        var boxes = $$('input', fs); var any = boxes.some(function (b) { return b.checked; });
        boxes[0].setCustomValidity(any ? '' : 'Tick at least one option');
      });
    }
    form.addEventListener('change', checkGroups);
    checkGroups();
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      problem.textContent = '';
      checkGroups();
      if (!form.checkValidity()) {
        // Refused in the form, as the install modal does: nothing is sent to the app.
        var missing = $$('input, select, textarea', form).filter(function (i) { return !i.validity.valid; }).map(function (i) {
          var fs = i.closest('fieldset.choices'); var lab = fs ? $('legend', fs) : form.querySelector('label[for="' + i.id + '"]');
          return (lab ? lab.textContent : i.name).replace(/\s*\(required\)\s*$/, '').trim();
        });
        problem.textContent = 'Fill in the required fields first: ' + missing.filter(function (m, k) { return missing.indexOf(m) === k; }).join(', ') + '.';
        form.reportValidity();
        return;
      }
      var button = $('#install-button'); button.disabled = true;
      clear(result).appendChild(el('p', { 'class': 'muted' }, ['Calling the app…']));
      api('POST', 'install', { tenant: tenantValue('#install-tenant'), settings: settingsOf(form) })
        .then(function (out) { showCall(result, 'Install', out); })
        .catch(function (err) { clear(result); problem.textContent = err.message; })
        .then(function () { button.disabled = false; refreshInstalled(); });
    });
    $('#uninstall-button').addEventListener('click', function () {
      problem.textContent = '';
      api('POST', 'uninstall', { tenant: tenantValue('#install-tenant') })
        .then(function (out) { showCall(result, 'Uninstall', out); })
        .catch(function (err) { problem.textContent = err.message; })
        .then(refreshInstalled);
    });
  }

  // ---- Admin shell
  if (page === 'admin') {
    var status = $('#frame-status');
    var holder = $('#frame-holder');
    var current = null; // { index, label }
    function say(nodes) { clear(status); nodes.forEach(function (n) { status.appendChild(n); }); }
    function explainFrame(open, label, frame) {
      // The proxy saw the page's answer; the emulator saw the app's staff-token check.
      return api('GET', 'frame-report?token=' + encodeURIComponent(open.token) + '&since=' + encodeURIComponent(open.since)).then(function (r) {
        var lines = [];
        var rep = r.report;
        if (!rep) { lines.push(el('p', { 'class': 'bad' }, ['The app did not answer the page request.'])); say(lines); return; }
        var ok = rep.status >= 200 && rep.status < 300 && rep.framing.allowed;
        lines.push(el('p', { 'data-frame-result': ok ? 'loaded' : 'failed' }, [
          el('span', { 'class': ok ? 'ok' : 'bad' }, [ok ? 'Loaded' : 'Not shown as Commerce7 would']), ': ' + label + ' answered HTTP ' + rep.status + ' (' + (rep.contentType || 'no type') + ').']));
        lines.push(el('p', {}, [rep.framing.allowed ? 'Framing: Commerce7 (' + open.ancestor + ') may frame it: ' + rep.framing.why + '.' : 'Refuses to be framed: ' + rep.framing.why + '. Commerce7 would show an empty frame.']));
        if (!open.storefront) {
          if (!r.tokenCheck) lines.push(el('p', { 'class': 'warn' }, ['The app did not check the staff token at GET /account/user: Commerce7 expects every admin page to confirm who is looking.']));
          else if (r.tokenCheck.status === 200) lines.push(el('p', {}, ['Staff token: the app checked it at GET /account/user, which answered 200.']));
          else lines.push(el('p', { 'class': 'bad' }, ['Staff token check failed: GET /account/user answered ' + r.tokenCheck.status + ' (see the API log for the reason).']));
        }
        if (rep.status === 401 || rep.status === 403) lines.push(el('p', { 'class': 'bad' }, ['The app refused the page: ' + (rep.excerpt || 'HTTP ' + rep.status)]));
        else if (rep.status >= 400) lines.push(el('p', { 'class': 'bad' }, ['The app failed: ' + (rep.excerpt || 'HTTP ' + rep.status)]));
        if (rep.loadsCommerce7Js === false) lines.push(el('p', { 'class': 'warn' }, ['The page does not load commerce7.js: Commerce7 needs it to size the frame, and the review checks for it.']));
        lines.push(el('p', { 'class': 'muted' }, ['Commerce7 opens: ', el('code', { 'data-opened-url': '' }, [open.url])]));
        say(lines);
      });
    }
    function open(index, label) {
      current = { index: index, label: label };
      $$('[data-open]').forEach(function (b) { if (b.hasAttribute('aria-pressed')) b.setAttribute('aria-pressed', String(Number(b.dataset.open) === index)); });
      say([el('p', { 'class': 'muted' }, ['Opening ' + label + '…'])]);
      return api('POST', 'open', { index: index, tenant: tenantValue('#admin-tenant'), theme: theme() }).then(function (o) {
        clear(holder);
        if (o.kind === 'frame') {
          var frame = el('iframe', { 'class': 'ext', title: 'Extension: ' + label, src: o.frameUrl, 'data-theme-sent': o.theme });
          frame.addEventListener('load', function () { explainFrame(o, label, frame); }, { once: true });
          holder.appendChild(frame);
        } else if (o.kind === 'link') {
          say([el('p', {}, ['A Context Menu Link: Commerce7 opens ', el('a', { href: o.url, target: '_blank', rel: 'noopener' }, [o.url]), ' in a new tab.'])]);
        } else if (o.kind === 'action') {
          var j = o.json || {};
          var lines = [el('p', { 'data-action-status': String(o.status) }, ['Action: GET ' + o.url.split('?')[0] + ' answered ', el('span', { 'class': statusClass(o.status) }, ['HTTP ' + o.status]), ' in ' + o.ms + ' ms.'])];
          if (!o.problems.length) lines.push(el('p', { 'class': 'notice ' + j.type, 'data-action-message': '' }, ['Commerce7 shows a ' + j.type + ' message: ' + j.message]));
          o.problems.forEach(function (p) { lines.push(el('p', { 'class': 'bad' }, ['Commerce7 cannot act on it: ' + p + '.'])); });
          lines.push(el('pre', {}, [pretty(o.body)]));
          say(lines);
        }
      }).catch(function (err) { say([el('p', { 'class': 'bad' }, ['Cannot open ' + label + ': ' + err.message])]); });
    }
    function drawCards(box) {
      clear(box);
      var indexes = box.dataset.cards.split(',').map(Number);
      indexes.forEach(function (index) {
        api('POST', 'open', { index: index, tenant: tenantValue('#admin-tenant'), theme: theme() }).then(function (o) {
          var j = o.json || {};
          if (o.problems.length || o.status >= 400 && !j.title) {
            box.appendChild(el('div', { 'class': 'c7-card error', 'data-card': String(index) }, [el('h4', {}, ['Card not shown']), el('p', {}, ['HTTP ' + o.status + ': ' + (o.problems.join('; ') || o.body)])]));
            return;
          }
          box.appendChild(el('div', { 'class': 'c7-card' + (j.variant ? ' ' + j.variant : ''), 'data-card': String(index), 'data-status': String(o.status) }, [
            el('h4', {}, [(j.icon ? '[' + j.icon + '] ' : '') + j.title]), j.subTitle ? el('p', {}, [j.subTitle]) : null, j.footer ? el('p', { 'class': 'muted' }, [j.footer]) : null,
            o.status >= 400 ? el('p', { 'class': 'bad' }, ['The app answered HTTP ' + o.status]) : null]));
        }).catch(function (err) { box.appendChild(el('p', { 'class': 'bad' }, ['Card: ' + err.message])); });
      });
    }
    $$('[data-screen]').forEach(function (b) {
      b.addEventListener('click', function () {
        $$('[data-screen]').forEach(function (o) { o.setAttribute('aria-pressed', String(o === b)); });
        $$('.screen').forEach(function (s) { s.hidden = s.id !== 'screen-' + b.dataset.screen; });
        var screen = $('#screen-' + b.dataset.screen);
        var cards = $('[data-cards]', screen);
        if (cards) drawCards(cards);
        var first = $('button[data-open]', screen);
        if (first) first.focus();
      });
    });
    $$('[data-open]').forEach(function (b) {
      b.addEventListener('click', function () { var d = b.closest('details'); if (d) d.open = false; open(Number(b.dataset.open), b.textContent.replace(/\s*\(.*\)$/, '').trim()); });
    });
    document.addEventListener('c7-theme', function () {
      if (current) open(current.index, current.label);
      $$('.screen:not([hidden]) [data-cards]').forEach(drawCards);
    });
  }

  // ---- Webhooks
  function drawHistory() {
    var body = $('#history tbody'); if (!body) return;
    api('GET', 'deliveries').then(function (out) {
      clear(body);
      out.deliveries.forEach(function (d) {
        body.appendChild(el('tr', { 'data-cause': d.cause }, [
          el('td', {}, [time(d.time)]), el('td', {}, [d.object + ' ' + d.action + (d.id ? ' (' + d.id + ')' : '')]), el('td', {}, [d.tenant]),
          el('td', {}, [d.cause === 'app' ? "the emulator, for the app's own write" : 'this console']),
          el('td', {}, [d.status !== undefined ? el('span', { 'class': statusClass(d.status) }, ['HTTP ' + d.status]) : el('span', { 'class': 'bad' }, [d.error || 'failed']), ' · ' + d.ms + ' ms'])]));
      });
    }).catch(function () { /* the emulator stopped */ });
  }
  if (page === 'webhooks') {
    var hookForm = $('#hook-form');
    drawHistory();
    setInterval(drawHistory, 1000);
    if (hookForm) {
      var which = $('#hook-which'); var record = $('#hook-record'); var payload = $('#hook-payload'); var hookProblem = $('#hook-problem');
      var parts = function () { var v = which.value.split('|'); return { object: v[0], action: v[1] }; };
      var loadPayload = function () {
        var p = parts();
        return api('GET', 'payload?tenant=' + encodeURIComponent(tenantValue('#hook-tenant')) + '&object=' + encodeURIComponent(p.object) + '&action=' + encodeURIComponent(p.action) + (record.value ? '&id=' + encodeURIComponent(record.value) : ''))
          .then(function (out) { payload.value = JSON.stringify(out.payload, null, 2); hookProblem.textContent = ''; })
          .catch(function (err) { hookProblem.textContent = err.message; });
      };
      var loadRecords = function () {
        var p = parts();
        return api('GET', 'records?tenant=' + encodeURIComponent(tenantValue('#hook-tenant')) + '&object=' + encodeURIComponent(p.object)).then(function (out) {
          clear(record).appendChild(el('option', { value: '' }, [p.action === 'Bulk Update' ? 'A callback list (several objects)' : 'The first one']));
          out.records.forEach(function (r) { record.appendChild(el('option', { value: r.id }, [r.label])); });
        }).then(loadPayload);
      };
      which.addEventListener('change', loadRecords);
      record.addEventListener('change', loadPayload);
      $('#hook-tenant').addEventListener('change', loadRecords);
      loadRecords();
      hookForm.addEventListener('submit', function (ev) {
        ev.preventDefault();
        hookProblem.textContent = '';
        var json;
        try { json = JSON.parse(payload.value); } catch (e) { hookProblem.textContent = 'The payload is not valid JSON: ' + e.message; payload.focus(); return; }
        var p = parts();
        var box = clear($('#hook-result')); box.appendChild(el('p', { 'class': 'muted' }, ['Delivering…']));
        api('POST', 'webhook', { tenant: tenantValue('#hook-tenant'), object: p.object, action: p.action, payload: json }).then(function (out) {
          var r = out.result;
          clear(box);
          box.appendChild(el('p', { 'data-status': String(r.status) }, ['POST ' + r.url + ' answered ', el('span', { 'class': statusClass(r.status) }, ['HTTP ' + r.status]), ' in ' + out.ms + ' ms.']));
          box.appendChild(el('pre', { 'class': 'answer-body' }, [pretty(r.body) || '(empty)']));
        }).catch(function (err) { clear(box); hookProblem.textContent = err.message; }).then(drawHistory);
      });
    }
  }

  // ---- API log
  if (page === 'log') {
    var after = 0; var count = 0;
    var rows = $('#log tbody'); var counter = $('#log-count');
    var poll = function () {
      api('GET', 'log?after=' + after).then(function (out) {
        out.lines.forEach(function (l) {
          after = Math.max(after, l.n); count += 1;
          rows.appendChild(el('tr', { 'data-status': String(l.status) }, [el('td', {}, [time(l.time)]), el('td', {}, [l.method]), el('td', {}, [el('code', {}, [l.path])]), el('td', {}, [l.tenant || '-']),
            el('td', {}, [el('span', { 'class': statusClass(l.status) }, [String(l.status)])]), el('td', {}, [l.permission]), el('td', {}, [String(l.ms)])]));
          var explain = null;
          if (l.forbidden && l.forbidden.length) {
            explain = el('td', { colspan: '7' }, l.forbidden.map(function (f) {
              return el('p', { 'data-forbidden': f.permission }, ['403: the app needs "' + f.permission + '" ' + f.access + ' access' + (f.has ? ' (it has ' + f.has + ')' : '') + '. Add it to c7-app.json: ', el('code', {}, [f.command])]);
            }));
          } else if (l.minute) {
            explain = el('td', { colspan: '7' }, [el('p', { 'data-rate': String(l.minute.count) }, ['429: ' + l.minute.count + ' calls from ' + (l.tenant || 'this tenant') + ' in the minute up to this one, this one included (the limit is ' + l.minute.limit + ' a minute); the app should wait for Retry-After, or use cursor lists (not rate limited).'])]);
          }
          if (explain) rows.appendChild(el('tr', { 'class': 'explain' }, [explain]));
        });
        counter.textContent = count ? count + ' call' + (count === 1 ? '' : 's') + ' so far.' : 'No calls yet.';
      }).catch(function () { counter.textContent = 'The emulator does not answer (stopped?).'; });
    };
    poll();
    setInterval(poll, 1000);
  }
})();
`;

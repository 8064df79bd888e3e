/* ujumbe gateway console. Plain ES5 with no library, so that it runs in every browser and in
 * HtmlUnit, and needs nothing from the internet. The page was loaded with the admin's credentials:
 * the browser sends them again with every request below (same origin, same realm). It asks for
 * fresh data every two seconds, never faster. The small DOM helpers mirror the simulator's
 * console.js (ujumbe-smsc). */
(function () {
  'use strict';

  var PERIOD = 2000;

  function $(id) { return document.getElementById(id); }

  function request(url, done) {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', url, true);
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      var json = null;
      try { json = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { json = null; }
      done(xhr.status, json);
    };
    xhr.send(null);
  }

  function text(el, value) {
    while (el.firstChild) { el.removeChild(el.firstChild); }
    el.appendChild(document.createTextNode(value === null || value === undefined ? '' : String(value)));
  }

  function el(tag, cls, value) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (value !== undefined) { text(e, value); }
    return e;
  }

  function cell(tr, value, cls) {
    var td = el('td', cls, value);
    tr.appendChild(td);
    return td;
  }

  function clear(tbody, columns, empty) {
    while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
    if (empty) {
      var tr = el('tr', 'empty');
      var td = el('td', null, empty);
      td.colSpan = columns;
      tr.appendChild(td);
      tbody.appendChild(tr);
    }
  }

  function body(id) { return $(id).getElementsByTagName('tbody')[0]; }

  function pad(n, w) { var s = String(n); while (s.length < w) { s = '0' + s; } return s; }

  /* Local time with milliseconds: a timeline's steps are often within one second. */
  function time(iso, millis) {
    if (!iso) { return '-'; }
    var d = new Date(iso);
    if (isNaN(d.getTime())) { return iso; }
    var t = pad(d.getHours(), 2) + ':' + pad(d.getMinutes(), 2) + ':' + pad(d.getSeconds(), 2);
    return millis ? t + '.' + pad(d.getMilliseconds(), 3) : t;
  }

  /* Ids are UUIDs: the table shows their start, the title and the detail the whole. */
  function idCell(tr, id) {
    var td = cell(tr, id ? id.substring(0, 8) + '…' : '(inbound)', 'id');
    if (id) { td.title = id; }
    return td;
  }

  function list(a) { return a && a.length ? a.join(', ') : '-'; }

  function limit(n) { return n > 0 ? n + '/s' : 'none'; }

  /* ---- overview ---- */

  function showOverview(o) {
    var t = o.totals || {};
    text($('total-bound'), t.connectorsBound + ' / ' + t.connectors);
    text($('total-queued'), t.queueDepth);
    text($('total-accepted'), t.accepted);
    text($('total-failed'), t.failed);
    text($('total-receipts'), t.receipts);
    text($('total-webhooks'), t.pendingWebhooks);
    var status = $('gateway-status');
    status.className = 'pill ' + (o.status === 'UP' ? 'live' : 'down');
    text(status, o.status + ' · state in ' + o.state);
    var connectors = o.connectors || [];
    var tbody = body('connectors');
    clear(tbody, 12, connectors.length ? null : 'no connector configured');
    for (var i = 0; i < connectors.length; i++) {
      var c = connectors[i];
      var tr = el('tr');
      tr.setAttribute('data-connector', c.name);
      tr.setAttribute('data-bound', c.boundSessions);
      cell(tr, c.name);
      cell(tr, c.host + ':' + c.port);
      cell(tr, c.systemId);
      var binds = cell(tr, '');
      binds.className = 'binds';
      binds.appendChild(el('span', null, c.boundSessions + '/' + c.bindsConfigured + ' '));
      for (var j = 0; j < c.binds.length; j++) {
        var b = c.binds[j];
        var up = b.state.indexOf('BOUND') === 0;
        var chip = el('span', 'chip ' + (up ? 'up' : 'down'), b.state);
        chip.title = b.remoteAddress + ' · window ' + b.windowInUse;
        binds.appendChild(chip);
      }
      cell(tr, c.queueDepth, 'queue');
      cell(tr, c.rateIn);
      cell(tr, c.rateOut);
      cell(tr, c.receiptsPerSecond);
      cell(tr, c.accepted);
      cell(tr, c.failed, c.failed > 0 ? 'bad' : null);
      cell(tr, limit(c.ratePerSecond));
      cell(tr, c.healthy ? 'healthy' : (c.boundSessions > 0 ? 'failing' : 'down ' + Math.round(c.downForMs / 1000) + ' s'),
        c.healthy ? 'ok' : 'bad');
      tbody.appendChild(tr);
    }
  }

  /* ---- messages ---- */

  var selected = null;

  function filterQuery() {
    var q = '?limit=50';
    if ($('filter-user').value) { q += '&user=' + encodeURIComponent($('filter-user').value); }
    if ($('filter-status').value) { q += '&status=' + encodeURIComponent($('filter-status').value); }
    if ($('filter-to').value) { q += '&to=' + encodeURIComponent($('filter-to').value); }
    return q;
  }

  function showMessages(messages) {
    var tbody = body('messages');
    clear(tbody, 8, messages.length ? null : 'no message matches');
    for (var i = 0; i < messages.length; i++) {
      var m = messages[i];
      var tr = el('tr', m.id === selected ? 'selected' : null);
      tr.setAttribute('data-message-id', m.id);
      tr.setAttribute('data-status', m.status);
      cell(tr, time(m.createdAt));
      idCell(tr, m.id);
      cell(tr, m.user);
      cell(tr, m.from || '-');
      cell(tr, m.to);
      cell(tr, m.connector || '-');
      cell(tr, m.attempts);
      cell(tr, m.status, 'status status-' + m.status);
      tr.onclick = choose(m.id);
      tbody.appendChild(tr);
    }
  }

  function choose(id) {
    return function () {
      selected = id;
      var rows = body('messages').getElementsByTagName('tr');
      for (var i = 0; i < rows.length; i++) {
        rows[i].className = rows[i].getAttribute('data-message-id') === id ? 'selected' : '';
      }
      loadDetail();
    };
  }

  var EVENTS = {
    queued: 'taken by the gateway, routed',
    accepted: 'submit_sm_resp: accepted by the SMSC',
    failover: 'moved to another connector',
    failed: 'failed',
    receipt: 'delivery receipt',
    callback: 'webhook attempt'
  };

  function loadDetail() {
    if (!selected) { return; }
    var id = selected;
    request('/console/api/messages/' + encodeURIComponent(id), function (status, m) {
      if (id !== selected) { return; }
      var panel = $('message-detail');
      panel.hidden = false;
      panel.removeAttribute('hidden');
      panel.setAttribute('data-message-id', id);
      panel.parentNode.className = 'split';
      if (status !== 200 || !m) { text($('detail-title'), 'not found: ' + id); return; }
      panel.setAttribute('data-status', m.status);
      text($('detail-title'), m.id + ' · ' + m.status);
      var dl = $('detail-fields');
      while (dl.firstChild) { dl.removeChild(dl.firstChild); }
      var fields = [['user', m.user], ['from', m.from], ['to', m.to], ['client reference', m.clientReference],
        ['route', list(m.route)], ['connector', m.connector], ['SMSC ids', list(m.smscMessageIds)],
        ['reports', m.dlrLevel + (m.dlrUrl ? ' → ' + m.dlrUrl : '')]];
      for (var f = 0; f < fields.length; f++) {
        dl.appendChild(el('dt', null, fields[f][0]));
        dl.appendChild(el('dd', null, fields[f][1] === null || fields[f][1] === undefined ? '-' : fields[f][1]));
      }
      var ol = $('timeline');
      while (ol.firstChild) { ol.removeChild(ol.firstChild); }
      var events = m.timeline || [];
      for (var i = 0; i < events.length; i++) {
        var e = events[i];
        var bad = e.event === 'failed' || (e.event === 'callback' && e.state !== 'delivered')
          || (e.event === 'receipt' && e.state !== 'DELIVRD' && e.state !== 'ACCEPTD' && e.state !== 'ENROUTE');
        var li = el('li', 'ev-' + e.event + (bad ? ' ev-bad' : ''));
        li.setAttribute('data-event', e.event);
        li.appendChild(el('span', 'when', time(e.at, true) + ' '));
        var what = EVENTS[e.event] || e.event;
        if (e.event === 'queued' && e.connector) { what += ' to ' + e.connector; }
        if (e.event === 'receipt' || e.event === 'callback') { what += ' ' + (e.state || ''); }
        li.appendChild(el('span', 'what', e.event + ' — ' + what));
        var more = [];
        if (e.smscMessageIds) { more.push('SMSC id ' + e.smscMessageIds.join(', ')); }
        if (e.error) { more.push('error ' + e.error); }
        if (e.detail) { more.push(e.detail); }
        if (more.length) { li.appendChild(el('div', 'more', more.join(' · '))); }
        ol.appendChild(li);
      }
    });
  }

  /* ---- webhooks and users ---- */

  function showWebhooks(w) {
    var hooks = w.webhooks || [];
    var tbody = body('webhooks');
    clear(tbody, 5, hooks.length ? null : 'none waiting');
    for (var i = 0; i < hooks.length; i++) {
      var h = hooks[i];
      var tr = el('tr');
      tr.setAttribute('data-callback-id', h.id);
      tr.setAttribute('data-message-id', h.messageId || '');
      idCell(tr, h.messageId);
      cell(tr, h.method + ' ' + h.url, 'url');
      cell(tr, h.attempts, 'attempts');
      var last = h.lastAttempt;
      cell(tr, last ? time(last.at) + ' ' + last.result : '-', last ? (last.ok ? 'ok last' : 'bad last') : 'last');
      cell(tr, time(h.nextAttemptAt));
      tbody.appendChild(tr);
    }
  }

  function showUsers(u) {
    var users = u.users || [];
    var tbody = body('users');
    clear(tbody, 7, users.length ? null : 'no user configured');
    for (var i = 0; i < users.length; i++) {
      var x = users[i];
      var tr = el('tr');
      tr.setAttribute('data-user', x.name);
      cell(tr, x.name);
      cell(tr, list(x.tags));
      cell(tr, list(x.allowedSenders));
      cell(tr, x.lastSecond, 'last-second');
      cell(tr, x.lastMinute, 'last-minute');
      cell(tr, limit(x.ratePerSecond));
      var used = cell(tr, x.used + ' / ' + (x.quota > 0 ? x.quota : '∞'), 'used');
      used.setAttribute('data-used', x.used);
      if (x.quota > 0) {
        var bar = el('span', 'bar');
        var fill = el('i');
        fill.style.width = Math.min(100, Math.round(100 * x.used / x.quota)) + '%';
        bar.appendChild(fill);
        used.appendChild(bar);
      }
      tbody.appendChild(tr);
    }
  }

  /* ---- refresh ---- */

  function live(ok) {
    var c = $('connection');
    c.className = 'pill ' + (ok ? 'live' : 'down');
    text(c, ok ? 'live' : 'reconnecting…');
  }

  var outstanding = 0;

  function refresh() {
    if (outstanding > 0) { return; }
    outstanding = 4;
    function done() { outstanding--; }
    request('/console/api/overview', function (status, json) {
      done();
      live(status === 200);
      if (status === 200 && json) { showOverview(json); }
    });
    request('/console/api/messages' + filterQuery(), function (status, json) {
      done();
      if (status === 200 && json) { showMessages(json.messages || []); }
    });
    request('/console/api/webhooks', function (status, json) {
      done();
      if (status === 200 && json) { showWebhooks(json); }
    });
    request('/console/api/users', function (status, json) {
      done();
      if (status === 200 && json) { showUsers(json); }
    });
    loadDetail();
  }

  $('filters').onsubmit = function (e) {
    if (e && e.preventDefault) { e.preventDefault(); }
    request('/console/api/messages' + filterQuery(), function (status, json) {
      if (status === 200 && json) { showMessages(json.messages || []); }
    });
    return false;
  };

  $('message-detail').parentNode.className = 'split closed';
  refresh();
  setInterval(refresh, PERIOD);
}());

/* ujumbe SMSC simulator console. Plain ES5 with no library, so that it runs in every browser and in
 * HtmlUnit, and needs nothing from the internet. Live data comes as server-sent events from
 * /api/events (one snapshot a second); where EventSource is missing it polls /api/snapshot once a
 * second, never faster. */
(function () {
  'use strict';

  function $(id) { return document.getElementById(id); }

  function request(method, url, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    if (body !== null) { xhr.setRequestHeader('Content-Type', 'application/json'); }
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      var json = null;
      try { json = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { json = null; }
      done(xhr.status, json);
    };
    xhr.send(body === null ? null : JSON.stringify(body));
  }

  function text(el, value) {
    while (el.firstChild) { el.removeChild(el.firstChild); }
    el.appendChild(document.createTextNode(value === null || value === undefined ? '' : String(value)));
  }

  function cell(tr, value, cls) {
    var td = document.createElement('td');
    if (cls) { td.className = cls; }
    text(td, value);
    tr.appendChild(td);
    return td;
  }

  function clear(tbody, columns, empty) {
    while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
    if (empty) {
      var tr = document.createElement('tr');
      tr.className = 'empty';
      var td = document.createElement('td');
      td.colSpan = columns;
      text(td, empty);
      tr.appendChild(td);
      tbody.appendChild(tr);
    }
  }

  function time(iso) {
    if (!iso) { return '-'; }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? iso : d.toLocaleTimeString();
  }

  /* ---- live snapshot ---- */

  var lastSubmits = -1;
  var systemIds = '';

  function showSnapshot(s) {
    var t = s.totals || {};
    var faults = t.faults || {};
    text($('total-bound'), t.boundSessions);
    text($('total-submits'), t.submits);
    text($('total-receipts'), t.receiptsSent);
    text($('total-mo'), t.moSent);
    text($('total-throttled'), faults.throttled || 0);
    text($('total-errors'), faults.error || 0);
    var r = s.rates || {};
    text($('rate-submits'), r.submits || 0);
    text($('rate-receipts'), r.receipts || 0);
    text($('rate-throttled'), r.throttled || 0);
    text($('rate-errors'), r.errors || 0);
    chart('chart-submits', s.history || [], 'submits');
    chart('chart-receipts', s.history || [], 'receipts');
    chart('chart-throttled', s.history || [], 'throttled');
    chart('chart-errors', s.history || [], 'errors');
    showSessions(s.sessions || []);
    if (t.submits !== lastSubmits) {
      lastSubmits = t.submits;
      loadMessages();
    }
  }

  function chart(id, history, key) {
    var svg = $(id);
    var line = svg.getElementsByTagName('polyline')[0];
    var max = 1;
    var i;
    for (i = 0; i < history.length; i++) { if (history[i][key] > max) { max = history[i][key]; } }
    var points = [];
    var n = 120;
    var offset = n - history.length;
    for (i = 0; i < history.length; i++) {
      var x = ((offset + i) / (n - 1)) * 240;
      var y = 58 - (history[i][key] / max) * 56;
      points.push(x.toFixed(1) + ',' + y.toFixed(1));
    }
    line.setAttribute('points', points.join(' '));
    svg.setAttribute('data-last', history.length ? history[history.length - 1][key] : 0);
    svg.setAttribute('data-max', max);
  }

  function showSessions(sessions) {
    var tbody = $('sessions').getElementsByTagName('tbody')[0];
    clear(tbody, 7, sessions.length ? null : 'no session connected');
    var ids = [];
    for (var i = 0; i < sessions.length; i++) {
      var s = sessions[i];
      var tr = document.createElement('tr');
      tr.setAttribute('data-session', s.id);
      tr.setAttribute('data-system-id', s.systemId || '');
      cell(tr, s.systemId || '(not bound)');
      cell(tr, s.bindType);
      cell(tr, s.remoteAddress);
      cell(tr, time(s.since));
      cell(tr, s.windowInUse);
      cell(tr, s.submitRate);
      var actions = cell(tr, '');
      actions.appendChild(button('Unbind', 'small', sessionAction(s.id, 'unbind')));
      actions.appendChild(button('Disconnect', 'small danger', sessionAction(s.id, 'disconnect')));
      tbody.appendChild(tr);
      if (s.systemId && ids.indexOf(s.systemId) < 0 && s.bindType !== 'transmitter') { ids.push(s.systemId); }
    }
    var key = ids.join(',');
    if (key !== systemIds) {
      systemIds = key;
      var select = $('mo-system-id');
      var chosen = select.value;
      while (select.options.length > 1) { select.remove(1); }
      for (var j = 0; j < ids.length; j++) {
        var o = document.createElement('option');
        o.value = ids[j];
        text(o, ids[j]);
        select.appendChild(o);
      }
      select.value = ids.indexOf(chosen) >= 0 ? chosen : '';
    }
  }

  function button(label, cls, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    text(b, label);
    b.onclick = onClick;
    return b;
  }

  function sessionAction(id, action) {
    return function () {
      request('POST', '/api/sessions/' + encodeURIComponent(id) + '/' + action, null, function () { refreshNow(); });
    };
  }

  /* ---- messages ---- */

  var messagesPending = false;

  function loadMessages() {
    if (messagesPending) { return; }
    messagesPending = true;
    var q = '?limit=50';
    if ($('filter-to').value) { q += '&to=' + encodeURIComponent($('filter-to').value); }
    if ($('filter-system-id').value) { q += '&systemId=' + encodeURIComponent($('filter-system-id').value); }
    if ($('filter-state').value) { q += '&state=' + encodeURIComponent($('filter-state').value); }
    request('GET', '/api/messages' + q, null, function (status, json) {
      messagesPending = false;
      if (status !== 200 || !json) { return; }
      showMessages(json.messages || []);
    });
  }

  function showMessages(messages) {
    var tbody = $('messages').getElementsByTagName('tbody')[0];
    clear(tbody, 9, messages.length ? null : 'no message matches');
    for (var i = 0; i < messages.length; i++) {
      var m = messages[i];
      var tr = document.createElement('tr');
      tr.setAttribute('data-message-id', m.messageId);
      cell(tr, time(m.receivedAt));
      cell(tr, m.messageId);
      cell(tr, m.systemId);
      cell(tr, m.from);
      cell(tr, m.to);
      cell(tr, m.parts > 1 ? m.part + '/' + m.parts : '1');
      cell(tr, '0x' + (m.dataCoding < 16 ? '0' : '') + m.dataCoding.toString(16));
      cell(tr, m.text, 'text');
      cell(tr, m.state, 'state-' + m.state);
      tr.onclick = showDetail(m.messageId);
      tbody.appendChild(tr);
    }
  }

  function showDetail(id) {
    return function () {
      request('GET', '/api/messages/' + encodeURIComponent(id), null, function (status, json) {
        var pre = $('message-detail');
        pre.hidden = false;
        pre.removeAttribute('hidden');
        text(pre, status === 200 ? JSON.stringify(json, null, 2) : 'not found: ' + id);
      });
    };
  }

  /* ---- forms ---- */

  function result(id, ok, message) {
    var el = $(id);
    el.className = 'result ' + (ok ? 'ok' : 'bad');
    text(el, message);
  }

  $('mo-form').onsubmit = function (e) {
    if (e && e.preventDefault) { e.preventDefault(); }
    var body = { from: $('mo-from').value, to: $('mo-to').value, text: $('mo-text').value, coding: $('mo-coding').value };
    if ($('mo-system-id').value) { body.systemId = $('mo-system-id').value; }
    request('POST', '/api/mo', body, function (status, json) {
      if (status === 202) { result('mo-result', true, 'queued'); } else { result('mo-result', false, (json && json.message) || ('HTTP ' + status)); }
    });
    return false;
  };

  var outcomeStates = ['DELIVERED', 'UNDELIVERABLE', 'EXPIRED', 'REJECTED'];

  function loadSettings() {
    request('GET', '/api/faults', null, function (status, f) {
      if (status !== 200 || !f) { return; }
      $('fault-max-rate').value = f.maxRatePerSession;
      $('fault-error-share').value = f.errorShare;
      $('fault-error-status').value = f.errorStatus;
      $('fault-latency-min').value = f.latencyMinMs;
      $('fault-latency-max').value = f.latencyMaxMs;
      $('fault-drop-share').value = f.dropShare;
      $('fault-disconnect-share').value = f.disconnectShare;
    });
    request('GET', '/api/outcomes', null, function (status, o) {
      if (status !== 200 || !o) { return; }
      for (var i = 0; i < outcomeStates.length; i++) {
        $('outcome-' + outcomeStates[i]).value = o[outcomeStates[i]] || 0;
      }
    });
  }

  function num(id) { return parseFloat($(id).value || '0'); }

  $('faults-form').onsubmit = function (e) {
    if (e && e.preventDefault) { e.preventDefault(); }
    var faults = {
      maxRatePerSession: num('fault-max-rate'), errorShare: num('fault-error-share'),
      errorStatus: $('fault-error-status').value || 'ESME_RSYSERR',
      latencyMinMs: num('fault-latency-min'), latencyMaxMs: num('fault-latency-max'),
      dropShare: num('fault-drop-share'), disconnectShare: num('fault-disconnect-share')
    };
    var outcomes = {};
    for (var i = 0; i < outcomeStates.length; i++) { outcomes[outcomeStates[i]] = num('outcome-' + outcomeStates[i]); }
    request('PUT', '/api/faults', faults, function (status, json) {
      if (status !== 200) { result('faults-result', false, (json && json.message) || ('HTTP ' + status)); return; }
      request('PUT', '/api/outcomes', outcomes, function (status2, json2) {
        if (status2 === 200) { result('faults-result', true, 'applied'); } else { result('faults-result', false, (json2 && json2.message) || ('HTTP ' + status2)); }
      });
    });
    return false;
  };

  $('filters').onsubmit = function (e) {
    if (e && e.preventDefault) { e.preventDefault(); }
    lastSubmits = -1;
    loadMessages();
    return false;
  };

  /* ---- transport ---- */

  function live(ok) {
    var el = $('connection');
    el.className = 'pill ' + (ok ? 'live' : 'down');
    text(el, ok ? 'live' : 'reconnecting…');
  }

  function refreshNow() {
    request('GET', '/api/snapshot', null, function (status, json) { if (status === 200 && json) { showSnapshot(json); } });
  }

  function poll() {
    request('GET', '/api/snapshot', null, function (status, json) {
      live(status === 200);
      if (status === 200 && json) { showSnapshot(json); }
      setTimeout(poll, 1000);
    });
  }

  /* The server pushes a snapshot at once and then every second. A browser without EventSource,
   * or a proxy that buffers the stream, gets nothing: after three quiet seconds the page falls back
   * to asking once a second. */
  loadSettings();
  refreshNow();
  if (typeof window.EventSource === 'function' || typeof window.EventSource === 'object') {
    var source = new window.EventSource('/api/events');
    var heard = false;
    source.addEventListener('snapshot', function (e) { heard = true; live(true); showSnapshot(JSON.parse(e.data)); });
    source.onerror = function () { live(false); };
    setTimeout(function () {
      if (!heard) { if (typeof source.close === 'function') { source.close(); } poll(); }
    }, 3000);
  } else {
    poll();
  }
}());

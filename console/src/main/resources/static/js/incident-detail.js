/*
 * The operator map's incident filters and the detail view of one incident: readings of its
 * devices (Apache ECharts) with the opening marked, the camera picture kept at the time, the
 * citizens' reports joined to it, the decisions and the audit trail. Loaded before js/map.js,
 * which calls IncidentDetail.filters(...) for its list and IncidentDetail.show(id) from the
 * "Details" buttons. Text from data (reports, summaries, names) is always set as text.
 */
window.IncidentDetail = (() => {
  'use strict';

  const HOURS = 6;
  const t = (key, params) => I18n.t(key, params);

  /** Builds an element; string children become text nodes, so data is never parsed as HTML. */
  function el(tag, className, ...children) {
    const e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    for (const c of children) {
      if (c !== null && c !== undefined) {
        e.append(c instanceof Node ? c : document.createTextNode(String(c)));
      }
    }
    return e;
  }

  function label(group, value) {
    const key = 'incidentDetail.' + group + '.' + value;
    const text = t(key);
    return text === key ? String(value) : text;
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (response.status === 401) {
      window.location.href = 'login';
      throw new Error('not logged in');
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || ('HTTP ' + response.status));
    }
    return response.json();
  }

  /** POSTs JSON with the session's CSRF token; returns the answer, or throws with the problem's detail. */
  async function post(url, body) {
    const me = await getJson('api/me');
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', [me.csrf.headerName]: me.csrf.token },
      body: JSON.stringify(body)
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || ('HTTP ' + response.status));
    }
    return response.json();
  }

  // ---- filters -----------------------------------------------------------------------------

  const FIELDS = [
    { name: 'type', group: 'type', value: i => i.type },
    { name: 'severity', group: 'severity', value: i => i.severity },
    { name: 'status', group: 'status', value: i => i.status },
    { name: 'ward', group: null, value: i => i.ward || '' }
  ];
  const SEVERITY_ORDER = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

  /**
   * Builds the filter bar in container. onChange() is called when the operator changes a filter;
   * the caller then hides the items that matches(incident) refuses and calls update(listed) with
   * the incidents of the list, which refreshes the choices, their counts and "shown of total".
   * The choices stay as chosen while live updates come and go.
   */
  function filters(container, onChange) {
    const chosen = { type: '', severity: '', status: '', ward: '', text: '' };
    const selects = {};
    const shown = el('span', 'filter-shown');
    const form = el('form', 'incident-filters');
    form.setAttribute('role', 'search');
    form.setAttribute('aria-label', t('incidentDetail.filters'));
    form.addEventListener('submit', e => e.preventDefault());

    for (const field of FIELDS) {
      const select = el('select', 'filter-' + field.name);
      select.name = field.name;
      select.title = t('incidentDetail.filter.' + field.name);
      select.setAttribute('aria-label', t('incidentDetail.filter.' + field.name));
      select.addEventListener('change', () => {
        chosen[field.name] = select.value;
        onChange();
      });
      selects[field.name] = select;
      form.append(select);
    }
    const text = el('input', 'filter-text');
    text.type = 'search';
    text.name = 'text';
    text.placeholder = t('incidentDetail.filter.text');
    text.setAttribute('aria-label', t('incidentDetail.filter.text'));
    text.addEventListener('input', () => {
      chosen.text = text.value.trim().toLowerCase();
      onChange();
    });
    const clear = el('button', 'filter-clear', t('incidentDetail.filter.clear'));
    clear.type = 'button';
    clear.addEventListener('click', () => {
      Object.keys(chosen).forEach(k => { chosen[k] = ''; });
      Object.values(selects).forEach(s => { s.value = ''; });
      text.value = '';
      onChange();
    });
    form.append(text, clear, shown);
    if (container) {
      container.replaceChildren(form);
    }

    function matchesText(i) {
      if (!chosen.text) {
        return true;
      }
      const haystack = [i.site, i.device, ...(i.evidence || []).filter(e => e.kind !== 'REPORT').map(e => e.source)]
        .filter(Boolean).join(' ').toLowerCase();
      return haystack.includes(chosen.text);
    }

    function matches(i, except) {
      return FIELDS.every(f => f.name === except || !chosen[f.name] || f.value(i) === chosen[f.name]) && matchesText(i);
    }

    function fillChoices(field, listed) {
      // counts of each choice among the incidents the other filters let through
      const counts = new Map();
      for (const i of listed) {
        if (matches(i, field.name)) {
          const v = field.value(i);
          counts.set(v, (counts.get(v) || 0) + 1);
        }
      }
      if (chosen[field.name] && !counts.has(chosen[field.name])) {
        counts.set(chosen[field.name], 0); // keep a choice whose incidents went away
      }
      let values = [...counts.keys()].filter(v => v !== '');
      values = field.name === 'severity'
        ? values.sort((a, b) => SEVERITY_ORDER.indexOf(a) - SEVERITY_ORDER.indexOf(b))
        : values.sort((a, b) => (field.group ? label(field.group, a) : a).localeCompare(field.group ? label(field.group, b) : b));
      const all = el('option', null, t('incidentDetail.filter.' + field.name) + ': ' + t('incidentDetail.filter.all'));
      all.value = '';
      const options = values.map(v => {
        const o = el('option', null, t('incidentDetail.filter.option', { label: field.group ? label(field.group, v) : v, count: counts.get(v) }));
        o.value = v;
        o.dataset.count = String(counts.get(v));
        return o;
      });
      const select = selects[field.name];
      select.replaceChildren(all, ...options);
      select.value = chosen[field.name];
    }

    function update(listed) {
      FIELDS.forEach(f => fillChoices(f, listed));
      const n = listed.filter(i => matches(i)).length;
      shown.textContent = t('incidentDetail.filter.shown', { shown: n, total: listed.length });
      form.dataset.shown = String(n);
      form.dataset.total = String(listed.length);
    }

    return { matches: i => matches(i), update, element: form };
  }

  // ---- the detail view ---------------------------------------------------------------------

  let view = null;       // { id, root, charts }
  let agencies = null;   // loaded once
  let reloadTimer = null;

  function panel() {
    let root = document.getElementById('incident-detail');
    if (!root) {
      root = el('section', 'incident-detail');
      root.id = 'incident-detail';
      root.setAttribute('role', 'dialog');
      root.setAttribute('aria-modal', 'false');
      document.body.append(root);
    }
    return root;
  }

  function close() {
    if (!view) {
      return;
    }
    view.charts.forEach(c => c.dispose());
    view.root.hidden = true;
    view.root.replaceChildren();
    view = null;
  }

  /** Shows the incident in container (a panel of its own by default), and keeps it current until closed. */
  async function show(id, container) {
    close();
    const root = container || panel();
    root.hidden = false;
    root.dataset.incidentId = id;
    root.replaceChildren(el('p', 'loading', t('incidentDetail.loading')));
    view = { id, root, charts: [] };
    await render(id);
  }

  async function render(id) {
    let detail;
    try {
      detail = await getJson('api/incidents/' + encodeURIComponent(id));
    } catch (e) {
      if (view && view.id === id) {
        view.root.replaceChildren(closeButton(), el('p', 'load-error', t('incidentDetail.loadFailed', { reason: e.message })));
      }
      return;
    }
    if (!view || view.id !== id) {
      return; // closed or another incident chosen meanwhile
    }
    view.charts.forEach(c => c.dispose());
    view.charts = [];
    const root = view.root;
    root.replaceChildren(
      header(detail),
      facts(detail),
      section('charts', t('incidentDetail.charts'), charts(detail)),
      section('snapshots', t('incidentDetail.snapshot'), snapshots(detail)),
      section('reports', t('incidentDetail.reports'), reports(detail)),
      section('actions', t('incidentDetail.actions'), actions(detail)),
      section('audit', t('incidentDetail.audit'), audit(detail)));
    root.dataset.status = detail.status;
    drawCharts(detail);
  }

  function closeButton() {
    const b = el('button', 'close', '×');
    b.type = 'button';
    b.title = t('incidentDetail.close');
    b.setAttribute('aria-label', t('incidentDetail.close'));
    b.addEventListener('click', close);
    return b;
  }

  function header(d) {
    return el('header', 'sev-' + String(d.severity).toLowerCase(),
      closeButton(),
      el('h2', null, label('type', d.type)),
      d.summary ? el('p', 'summary', d.summary) : null);
  }

  function facts(d) {
    const rows = [
      ['severity', label('severity', d.severity)],
      ['status', label('status', d.status)],
      ['ward', d.ward || '–'],
      ['site', [d.site, d.device].filter(Boolean).join(' / ') || '–'],
      ['opened', I18n.time(d.openedAt, { timeStyle: 'medium' })],
      ['updated', I18n.time(d.updatedAt, { timeStyle: 'medium' })],
      d.closedAt ? ['closed', I18n.time(d.closedAt, { timeStyle: 'medium' })] : null,
      ['confidence', d.confidence === null || d.confidence === undefined ? '–' : Math.round(d.confidence * 100) + ' %'],
      d.assignedAgency ? ['agency', agencyName(d.assignedAgency)] : null
    ].filter(Boolean);
    return el('dl', 'facts', ...rows.flatMap(([k, v]) => [el('dt', null, t('incidentDetail.' + k)), el('dd', 'fact-' + k, v)]));
  }

  function section(name, title, body) {
    return el('section', 'detail-' + name, el('h3', null, title), body);
  }

  // ---- charts of the devices' readings -----------------------------------------------------

  /** The device metrics that showed the incident: its evidence, and its own device when the evidence lacks it. */
  function chartedSources(d) {
    const seen = new Set();
    const out = [];
    const add = (device, metric) => {
      const key = device + '\u0000' + metric;
      if (d.site && device && metric && !seen.has(key)) {
        seen.add(key);
        out.push({ site: d.site, device, metric });
      }
    };
    (d.evidence || []).filter(e => e.kind !== 'REPORT').forEach(e => add(e.source, e.metric));
    add(d.device, d.metric);
    return out;
  }

  function charts(d) {
    const sources = chartedSources(d);
    if (sources.length === 0) {
      return el('p', 'none', t('incidentDetail.noCharts'));
    }
    return el('div', 'chart-list', ...sources.map(s => {
      const box = el('div', 'chart');
      box.dataset.device = s.device;
      box.dataset.metric = s.metric;
      return el('figure', 'device-chart', el('figcaption', null, s.device + ' · ' + s.metric), box);
    }));
  }

  async function drawCharts(d) {
    const id = d.id;
    for (const box of view.root.querySelectorAll('.device-chart .chart')) {
      const url = 'api/devices/' + encodeURIComponent(d.site) + '/' + encodeURIComponent(box.dataset.device)
        + '/series?metric=' + encodeURIComponent(box.dataset.metric) + '&hours=' + HOURS;
      let series;
      try {
        series = await getJson(url);
      } catch (e) {
        box.replaceWith(el('p', 'chart-error', t('incidentDetail.chartFailed', { reason: e.message })));
        continue;
      }
      if (!view || view.id !== id) {
        return;
      }
      if (series.points.length === 0) {
        box.replaceWith(el('p', 'none', t('incidentDetail.noReadings')));
        continue;
      }
      view.charts.push(drawChart(box, series, d.openedAt));
      box.dataset.points = String(series.points.length);
    }
    if (view && view.id === id) {
      view.root.dataset.charts = String(view.charts.length);
    }
  }

  function drawChart(box, series, openedAt) {
    const chart = echarts.init(box);
    const opened = Date.parse(openedAt);
    const from = Date.parse(series.from);
    const showOpening = opened >= from;
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: v => (typeof v === 'number' ? v.toFixed(2) : v) + (series.unit ? ' ' + series.unit : '')
      },
      xAxis: {
        type: 'time',
        min: from,
        max: Date.parse(series.to),
        axisLabel: { formatter: v => I18n.time(new Date(v).toISOString(), { dateStyle: undefined, timeStyle: 'short' }) }
      },
      yAxis: { type: 'value', scale: true, name: series.unit || '' },
      series: [{
        name: series.metric,
        type: 'line',
        showSymbol: false,
        data: series.points.map(p => [Date.parse(p.at), p.value]),
        markLine: showOpening ? {
          symbol: 'none',
          lineStyle: { color: '#c62828', type: 'dashed' },
          label: { formatter: t('incidentDetail.openedMark'), position: 'insideEndTop' },
          data: [{ xAxis: opened }]
        } : undefined
      }]
    });
    return chart;
  }

  // ---- the camera picture ------------------------------------------------------------------

  function snapshots(d) {
    if (!d.snapshots || d.snapshots.length === 0) {
      return el('p', 'none no-snapshot', t('incidentDetail.noSnapshot'));
    }
    return el('div', 'snapshot-list', ...d.snapshots.map(s => {
      const img = el('img', 'snapshot');
      img.alt = 'Camera ' + s.camera;
      img.src = 'api/incidents/' + encodeURIComponent(d.id) + '/snapshot.jpg?camera=' + encodeURIComponent(s.camera);
      return el('figure', null, img, el('figcaption', null, t('incidentDetail.snapshotCaption', {
        camera: s.camera, time: I18n.time(s.takenAt, { timeStyle: 'medium' }), source: label('source', s.source)
      })));
    }));
  }

  // ---- citizens' reports -------------------------------------------------------------------

  function reports(d) {
    if (!d.reports || d.reports.length === 0) {
      return el('p', 'none', t('incidentDetail.noReports'));
    }
    return el('ul', 'report-list', ...d.reports.map(r => {
      const link = el('a', 'report-code', r.code);
      link.href = 'public/reports/' + encodeURIComponent(r.code);
      link.target = '_blank';
      link.rel = 'noopener';
      const category = I18n.lang === 'en' ? r.categoryEn : r.categoryVi;
      const li = el('li', 'linked-report',
        link,
        el('span', 'report-category', category || r.category || t('incidentDetail.reportUnknown')),
        r.status ? el('span', 'report-status status-' + r.status, label('reportStatus', r.status)) : null,
        r.requestedAt ? el('time', null, I18n.time(r.requestedAt)) : null,
        r.description ? el('p', 'report-description', r.description) : null);
      li.dataset.code = r.code;
      return li;
    }));
  }

  // ---- decisions and the audit trail -------------------------------------------------------

  function agencyName(code) {
    const a = (agencies || []).find(x => x.code === code);
    return a ? (I18n.lang === 'en' ? a.nameEn : a.nameVi) + ' (' + code + ')' : code;
  }

  function actions(d) {
    if (d.status === 'RESOLVED') {
      return el('p', 'none', t('incidentDetail.noActions'));
    }
    const error = el('p', 'decision-error');
    error.hidden = true;
    const note = el('textarea', 'decision-note');
    note.placeholder = t('incidentDetail.note');
    note.maxLength = 2000;
    const agency = el('select', 'decision-agency');
    const none = el('option', null, t('incidentDetail.chooseAgency'));
    none.value = '';
    agency.append(none);
    loadAgencies().then(list => {
      for (const a of list) {
        const o = el('option', null, (I18n.lang === 'en' ? a.nameEn : a.nameVi) + ' (' + a.code + ')');
        o.value = a.code;
        agency.append(o);
      }
    });

    const decide = async (action, body) => {
      try {
        await post('api/incidents/' + encodeURIComponent(d.id) + '/' + action, body);
        error.hidden = true;
        await render(d.id);
      } catch (e) {
        error.textContent = e.message;
        error.hidden = false;
      }
    };
    const button = (key, className, onClick) => {
      const b = el('button', className, t('incidentDetail.' + key));
      b.type = 'button';
      b.addEventListener('click', onClick);
      return b;
    };
    return el('div', 'decisions',
      d.status === 'OPEN' ? button('acknowledge', 'acknowledge', () => decide('acknowledge', { note: note.value })) : null,
      el('div', 'assign-row', agency, button('assign', 'assign', () => decide('assign', { agency: agency.value, note: note.value }))),
      note,
      button('resolve', 'resolve', () => decide('resolve', { note: note.value })),
      error);
  }

  async function loadAgencies() {
    if (!agencies) {
      agencies = await getJson('api/agencies').catch(() => []);
    }
    return agencies;
  }

  function audit(d) {
    const rows = (d.events || []).map(e => {
      const tr = el('tr', 'audit-event',
        el('td', null, el('time', null, I18n.time(e.at, { timeStyle: 'medium' }))),
        el('td', 'actor', e.actor),
        el('td', 'action', label('action', e.action)),
        el('td', 'detail', e.detail || ''));
      tr.dataset.action = e.action;
      return tr;
    });
    return el('table', 'audit-trail',
      el('thead', null, el('tr', null, ...['at', 'actor', 'action', 'detail'].map(k => el('th', null, t('incidentDetail.audit.' + k))))),
      el('tbody', null, ...rows));
  }

  /** A live update of an incident: the open view follows it (once a second at most). */
  function changed(incident) {
    if (!view || view.id !== incident.id) {
      return;
    }
    window.clearTimeout(reloadTimer);
    reloadTimer = window.setTimeout(() => {
      if (view && view.id === incident.id) {
        render(incident.id);
      }
    }, 1000);
  }

  /** A "Details" button for a list item or popup; it does not let the click reach the item. */
  function button(id) {
    const b = el('button', 'details', t('incidentDetail.details'));
    b.type = 'button';
    b.addEventListener('click', e => {
      e.stopPropagation();
      show(id);
    });
    return b;
  }

  document.addEventListener('keydown', e => {
    if (e.key === 'Escape') {
      close();
    }
  });

  return { filters, show, close, changed, button };
})();

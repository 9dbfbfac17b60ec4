/*
 * The operator map: wards, devices and incidents from the REST API, then live changes over
 * the WebSocket. Text that comes from data is always set with textContent (Leaflet popups and
 * tooltips get DOM nodes, never strings, since Leaflet inserts strings as HTML).
 */
(function () {
  'use strict';

  const TIME_ZONE = 'Asia/Ho_Chi_Minh';
  const HUE = { center: { lat: 16.4637, lon: 107.5909 }, zoom: 13 };
  const FRAME_REFRESH_MS = 2000;
  const MAX_BACKOFF_MS = 30000;

  const SEVERITY = {
    CRITICAL: { label: 'Nghiêm trọng / Critical', rank: 4 },
    HIGH: { label: 'Cao / High', rank: 3 },
    MEDIUM: { label: 'Trung bình / Medium', rank: 2 },
    LOW: { label: 'Thấp / Low', rank: 1 }
  };
  const TYPE = {
    CONGESTION: 'Ùn tắc / Congestion',
    DEVICE_OFFLINE: 'Thiết bị mất kết nối / Device offline',
    STALLED_VEHICLE: 'Xe dừng bất thường / Stalled vehicle',
    WRONG_WAY: 'Đi ngược chiều / Wrong way',
    ZONE_INTRUSION: 'Xâm nhập khu vực / Zone intrusion',
    CAMERA_TAMPER: 'Camera bị can thiệp / Camera tamper',
    FLOODING: 'Ngập nước / Flooding',
    AIR_QUALITY: 'Chất lượng không khí / Air quality',
    ANOMALY: 'Bất thường / Anomaly',
    SENSOR_DRIFT: 'Cảm biến lệch / Sensor drift'
  };
  const EVIDENCE = {
    SENSOR: 'cảm biến / sensor',
    CAMERA: 'camera',
    REPORT: 'phản ánh / report'
  };

  function evidenceLabel(list) {
    if (!list || list.length === 0) {
      return '–';
    }
    return list.map(e => e.source + ' (' + (EVIDENCE[e.kind] || e.kind) + ')').join(', ');
  }
  const STATUS = {
    OPEN: 'Đang mở / Open',
    ACKNOWLEDGED: 'Đã tiếp nhận / Acknowledged',
    RESOLVED: 'Đã xử lý / Resolved',
    CLEARED: 'Đã hết / Cleared'
  };

  const timeFormat = new Intl.DateTimeFormat('vi-VN', {
    timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'
  });

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

  function formatTime(iso) {
    return iso ? timeFormat.format(new Date(iso)) : '–';
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (response.status === 401) {
      window.location.href = 'login';
      throw new Error('not logged in');
    }
    if (!response.ok) {
      throw new Error(url + ' answered ' + response.status);
    }
    return response.json();
  }

  // ---- map and layers ------------------------------------------------------------------

  const map = L.map('map').setView([HUE.center.lat, HUE.center.lon], HUE.zoom);
  // wards below devices and incidents, whichever loads first
  map.createPane('wards').style.zIndex = 350;

  const wardLayer = L.featureGroup().addTo(map);
  const deviceLayer = L.featureGroup().addTo(map);
  const incidentLayer = L.featureGroup().addTo(map);

  async function loadMapConfig() {
    let config = { tileUrl: null, attribution: '', center: HUE.center, zoom: HUE.zoom };
    try {
      config = await getJson('api/map-config');
      map.setView([config.center.lat, config.center.lon], config.zoom);
    } catch (e) {
      console.warn('map configuration', e);
    }
    const base = {};
    if (config.tileUrl) {
      // operator configuration, not data: the attribution may hold a link
      base['Bản đồ nền / Base map'] = L.tileLayer(config.tileUrl, { attribution: config.attribution, maxZoom: 19 }).addTo(map);
    }
    L.control.layers(base, {
      'Phường, xã / Wards': wardLayer,
      'Thiết bị / Devices': deviceLayer,
      'Sự cố / Incidents': incidentLayer
    }, { collapsed: false }).addTo(map);
  }

  // ---- wards -------------------------------------------------------------------------------

  async function loadWards() {
    const geojson = await getJson('api/wards');
    L.geoJSON(geojson, {
      pane: 'wards',
      style: () => ({ className: 'ward', color: '#3d5a80', weight: 1, opacity: 0.7, fillOpacity: 0.03 }),
      onEachFeature: (feature, layer) => {
        const p = feature.properties;
        layer.bindTooltip(el('div', 'ward-tooltip', el('strong', null, p.name), el('div', null, p.district)), { sticky: true });
      }
    }).addTo(wardLayer);
    document.body.dataset.wards = String(geojson.features.length);
  }

  // ---- devices -----------------------------------------------------------------------------

  /** site id → { info: {site, siteName, lat, lon, ward, online, statusReason, devices}, marker } */
  const sites = new Map();

  function frameUrl(site, camera) {
    return 'api/cameras/' + encodeURIComponent(site) + '/' + encodeURIComponent(camera) + '/frame.jpg';
  }

  function sitePopup(info) {
    const state = info.online ? 'Trực tuyến / Online' : 'Mất kết nối / Offline';
    const root = el('div', 'site-popup',
      el('h3', null, info.siteName || info.site),
      el('div', 'muted', info.site + (info.ward ? ' · ' + info.ward : '')),
      el('div', info.online ? 'state online' : 'state offline', state, info.statusReason ? ' (' + info.statusReason + ')' : null));
    const sensors = info.devices.filter(d => d.kind === 'sensor');
    const cameras = info.devices.filter(d => d.kind === 'camera');
    if (sensors.length) {
      root.append(el('h4', null, 'Cảm biến / Sensors'),
        el('ul', 'sensor-list', ...sensors.map(d => el('li', null, d.device + ' · ' + d.type))));
    }
    if (cameras.length) {
      root.append(el('h4', null, 'Camera / Cameras'));
      for (const c of cameras) {
        const img = el('img', 'camera-frame');
        img.alt = 'Camera ' + c.device;
        img.dataset.src = frameUrl(c.site, c.device);
        img.hidden = true;
        const missing = el('div', 'no-frame', 'Chưa có ảnh / No frame yet');
        img.addEventListener('load', () => { img.hidden = false; missing.hidden = true; });
        img.addEventListener('error', () => { img.hidden = true; missing.hidden = false; });
        root.append(el('figure', 'camera',
          img, missing, el('figcaption', null, c.device + ' · ' + c.type + (c.public ? ' · công khai / public' : ''))));
      }
    }
    return root;
  }

  function refreshFrames(container) {
    for (const img of container.querySelectorAll('img.camera-frame')) {
      img.src = img.dataset.src + '?t=' + Date.now();
    }
  }

  function paintSite(entry) {
    const online = entry.info.online;
    entry.marker.setStyle({ fillColor: online ? '#2e7d32' : '#9e9e9e' });
    const path = entry.marker.getElement();
    if (path) {
      path.dataset.site = entry.info.site;
      path.classList.toggle('online', online);
      path.classList.toggle('offline', !online);
    }
  }

  function siteMarker(info) {
    const marker = L.circleMarker([info.lat, info.lon], {
      radius: 8, className: 'device-marker', color: '#ffffff', weight: 2, fillOpacity: 0.95
    });
    const entry = { info, marker };
    marker.bindTooltip(() => el('span', null, entry.info.siteName || entry.info.site));
    marker.bindPopup(() => sitePopup(entry.info), { minWidth: 260 });
    let timer = null;
    marker.on('popupopen', e => {
      const content = e.popup.getElement();
      refreshFrames(content);
      timer = window.setInterval(() => refreshFrames(content), FRAME_REFRESH_MS);
    });
    marker.on('popupclose', () => window.clearInterval(timer));
    // the path element is made anew when the layer is shown again
    marker.on('add', () => paintSite(entry));
    return entry;
  }

  async function loadDevices() {
    const devices = await getJson('api/devices');
    const bySite = new Map();
    for (const d of devices) {
      if (!bySite.has(d.site)) {
        bySite.set(d.site, {
          site: d.site, siteName: d.siteName, lat: d.lat, lon: d.lon, ward: d.ward,
          online: d.online, statusReason: d.statusReason, devices: []
        });
      }
      bySite.get(d.site).devices.push(d);
    }
    deviceLayer.clearLayers();
    sites.clear();
    for (const info of bySite.values()) {
      if (info.lat === null || info.lon === null) {
        continue;
      }
      const entry = siteMarker(info);
      sites.set(info.site, entry);
      entry.marker.addTo(deviceLayer);
      paintSite(entry);
    }
    document.body.dataset.devices = String(devices.length);
  }

  let reloadDevicesTimer = null;

  function onSiteUpdate(update) {
    const entry = sites.get(update.site);
    if (!entry) {
      // a site we have not seen: the stream job registers its birth, then we can draw it
      window.clearTimeout(reloadDevicesTimer);
      reloadDevicesTimer = window.setTimeout(() => loadDevices().catch(e => console.warn('devices', e)), 2000);
      return;
    }
    entry.info.online = update.online;
    entry.info.statusReason = update.reason;
    paintSite(entry);
  }

  // ---- incidents ---------------------------------------------------------------------------

  /** incident id → { data, marker, item } */
  const incidents = new Map();
  const list = document.getElementById('incident-list');

  function typeLabel(type) {
    return TYPE[type] || type;
  }

  function severityLabel(severity) {
    return (SEVERITY[severity] || { label: severity }).label;
  }

  function incidentPopup(i) {
    const rows = [
      ['Mức độ / Severity', severityLabel(i.severity)],
      ['Trạng thái / Status', STATUS[i.status] || i.status],
      ['Phường, xã / Ward', i.ward || '–'],
      ['Điểm đo / Site', [i.site, i.device].filter(Boolean).join(' / ') || '–'],
      ['Giá trị / Value', i.value === null ? '–' : (i.metric ? i.metric + ' = ' : '') + i.value],
      ['Bắt đầu / Opened', formatTime(i.openedAt)],
      ['Cập nhật / Updated', formatTime(i.updatedAt)],
      ['Độ tin cậy / Confidence', i.confidence === null || i.confidence === undefined ? '–' : Math.round(i.confidence * 100) + ' %'],
      ['Nguồn / Evidence', evidenceLabel(i.evidence)]
    ];
    return el('div', 'incident-popup',
      el('h3', null, typeLabel(i.type)),
      i.summary ? el('p', null, i.summary) : null,
      el('dl', null, ...rows.flatMap(([k, v]) => [el('dt', null, k), el('dd', null, v)])),
      window.IncidentDetail ? IncidentDetail.button(i.id) : null, // incident-detail hook
      decisions(i));
  }

  function button(label, className, onClick) {
    const b = el('button', className, label);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  /** What an operator may decide about the incident: acknowledge an open one, resolve any not yet resolved. */
  function decisions(i) {
    if (i.status === 'RESOLVED') {
      return null;
    }
    const error = el('p', 'decision-error');
    error.hidden = true;
    const note = el('textarea', 'resolve-note');
    note.placeholder = 'Ghi chú khi giải quyết / Note on how it was resolved';
    note.maxLength = 2000;
    const box = el('div', 'incident-decisions',
      i.status === 'OPEN' ? button('Xác nhận / Acknowledge', 'acknowledge', () => decide(i.id, 'acknowledge', {}, error)) : null,
      note,
      button('Giải quyết / Resolve', 'resolve', () => decide(i.id, 'resolve', { note: note.value }, error)),
      i.active ? publicAlertForm(i, error) : null,
      error);
    return box;
  }

  /** Makes the incident a public alert (page, Atom and CAP feeds) in the operator's words. */
  function publicAlertForm(i, error) {
    const headline = el('input', 'alert-headline');
    headline.placeholder = 'Tiêu đề cảnh báo / Alert headline';
    headline.maxLength = 160;
    const text = el('textarea', 'alert-description');
    text.placeholder = 'Người dân nên làm gì / What people should do';
    text.maxLength = 2000;
    const done = el('a', 'alert-published', 'Đã công bố / Published');
    done.href = 'public/alerts#' + encodeURIComponent(i.id);
    done.target = '_blank';
    done.hidden = true;
    const publish = button('Công bố cảnh báo / Publish alert', 'publish-alert', async () => {
      const ok = await send('api/incidents/' + encodeURIComponent(i.id) + '/public-alert',
        { headline: headline.value, description: text.value }, error);
      done.hidden = !ok;
    });
    return el('details', 'public-alert', el('summary', null, 'Cảnh báo công cộng / Public alert'), headline, text, publish, done);
  }

  /** POSTs JSON with the session's CSRF token; shows the problem's detail when refused. */
  async function send(url, body, error) {
    const me = await getJson('api/me');
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', [me.csrf.headerName]: me.csrf.token },
      body: JSON.stringify(body)
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      error.textContent = problem.detail || ('HTTP ' + response.status);
      error.hidden = false;
      return null;
    }
    error.hidden = true;
    return response.status === 204 ? true : response.json();
  }

  async function decide(id, action, body, error) {
    const detail = await send('api/incidents/' + encodeURIComponent(id) + '/' + action, body, error);
    if (!detail) {
      return;
    }
    upsertIncident(detail);
    const entry = incidents.get(id);
    if (entry && entry.marker && entry.marker.isPopupOpen()) {
      entry.marker.setPopupContent(incidentPopup(entry.data));
    }
  }

  function incidentIcon(i) {
    const classes = ['incident-marker', 'sev-' + String(i.severity).toLowerCase()];
    if (!i.active) {
      classes.push('closed');
    }
    return L.divIcon({ className: classes.join(' '), iconSize: [18, 18] });
  }

  function tagMarker(entry) {
    const e = entry.marker && entry.marker.getElement();
    if (e) {
      e.dataset.incidentId = entry.data.id;
    }
  }

  function listItem(i) {
    const li = el('li', 'sev-' + String(i.severity).toLowerCase(),
      el('span', 'severity', severityLabel(i.severity)),
      el('strong', 'type', typeLabel(i.type)),
      el('span', 'ward', i.ward || '–'),
      el('time', 'opened', formatTime(i.openedAt)),
      window.IncidentDetail ? IncidentDetail.button(i.id) : null); // incident-detail hook
    li.hidden = incidentFilter !== null && !incidentFilter.matches(i); // incident-detail hook
    li.dataset.incidentId = i.id;
    li.querySelector('time').dateTime = i.openedAt;
    li.tabIndex = 0;
    li.addEventListener('click', () => focusIncident(i.id));
    return li;
  }

  function focusIncident(id) {
    const entry = incidents.get(id);
    if (entry && entry.marker) {
      map.setView(entry.marker.getLatLng(), Math.max(map.getZoom(), 15));
      entry.marker.openPopup();
    }
  }

  /** Keeps the open list newest first. */
  function placeItem(item, openedAt) {
    const t = Date.parse(openedAt);
    for (const other of list.children) {
      if (other !== item && Date.parse(incidents.get(other.dataset.incidentId).data.openedAt) < t) {
        list.insertBefore(item, other);
        return;
      }
    }
    list.append(item);
  }

  function updateCount() {
    const open = list.children.length;
    document.getElementById('incident-count').textContent = String(open);
    document.getElementById('no-incidents').hidden = open > 0;
    filterList(); // incident-detail hook
  }

  // ---- incident-detail hook: the list's filters (js/incident-detail.js) --------------------
  const incidentFilter = window.IncidentDetail
    ? IncidentDetail.filters(document.getElementById('incident-filters'), () => filterList())
    : null;

  function filterList() {
    if (incidentFilter === null) {
      return;
    }
    const listed = [];
    for (const item of list.children) {
      const data = incidents.get(item.dataset.incidentId).data;
      item.hidden = !incidentFilter.matches(data);
      listed.push(data);
    }
    incidentFilter.update(listed);
  }
  // ---- end of incident-detail hook ----------------------------------------------------------

  /** Whether the job's new state {@code next} leaves the operator's status of {@code current} as it is. */
  function operatorOwned(current, next) {
    return current.status === 'RESOLVED' || (current.status === 'ACKNOWLEDGED' && next.status === 'OPEN');
  }

  function upsertIncident(i) {
    let entry = incidents.get(i.id);
    if (entry && entry.data.version > i.version) {
      return; // an older state that arrived late
    }
    if (entry && operatorOwned(entry.data, i)) {
      // the job's update does not undo an operator's decision (the store keeps it the same way)
      i = Object.assign({}, i, { status: entry.data.status, active: entry.data.active, closedAt: entry.data.closedAt });
    }
    if (!entry) {
      entry = { data: i, marker: null, item: null };
      incidents.set(i.id, entry);
    }
    entry.data = i;
    if (window.IncidentDetail) {
      IncidentDetail.changed(i); // incident-detail hook: an open detail view follows live updates
    }

    const placed = i.lat !== null && i.lon !== null;
    if (placed && !entry.marker) {
      entry.marker = L.marker([i.lat, i.lon], { icon: incidentIcon(i), riseOnHover: true });
      entry.marker.bindPopup(() => incidentPopup(entry.data), { maxHeight: 360, minWidth: 280 }); // a long popup scrolls inside the map
      entry.marker.bindTooltip(() => el('span', null, typeLabel(entry.data.type) + ' · ' + (entry.data.ward || '')));
      entry.marker.on('add', () => tagMarker(entry));
      entry.marker.addTo(incidentLayer);
    } else if (placed) {
      entry.marker.setLatLng([i.lat, i.lon]);
      entry.marker.setIcon(incidentIcon(i));
    } else if (entry.marker) {
      incidentLayer.removeLayer(entry.marker);
      entry.marker = null;
    }
    tagMarker(entry);

    if (i.active) {
      const fresh = listItem(i);
      if (entry.item) {
        entry.item.replaceWith(fresh);
      }
      entry.item = fresh;
      placeItem(fresh, i.openedAt);
    } else if (entry.item) {
      entry.item.remove();
      entry.item = null;
    }
    updateCount();
  }

  async function loadIncidents() {
    const all = await getJson('api/incidents');
    for (const i of all) {
      upsertIncident(i);
    }
    document.body.dataset.incidents = String(incidents.size);
  }

  // ---- live updates ------------------------------------------------------------------------

  let backoff = 1000;
  let failures = 0;

  function setLive(open) {
    const status = document.getElementById('live-status');
    status.className = open ? 'online' : 'offline';
    status.replaceChildren(open ? 'Trực tiếp ' : 'Mất kết nối ', el('span', 'en', open ? '/ Live' : '/ Offline'));
    document.body.dataset.live = open ? 'open' : 'closed';
  }

  function connectLive() {
    const url = new URL('ws/live', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      backoff = 1000;
      failures = 0;
      setLive(true);
      // catch up with whatever changed while the socket was closed
      loadIncidents().catch(e => console.warn('incidents', e));
    });
    socket.addEventListener('message', event => {
      const message = JSON.parse(event.data);
      if (message.kind === 'incident') {
        upsertIncident(message.data);
      } else if (message.kind === 'site') {
        onSiteUpdate(message.data);
      }
    });
    socket.addEventListener('close', () => {
      setLive(false);
      failures += 1;
      if (failures >= 3) {
        // the session may have expired: getJson sends the browser to the login page then
        getJson('api/me').catch(() => {});
      }
      window.setTimeout(connectLive, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    });
  }

  // ---- the user ----------------------------------------------------------------------------

  async function loadMe() {
    const me = await getJson('api/me');
    document.getElementById('user').textContent = me.username;
    document.getElementById('logout').addEventListener('click', () => {
      const form = el('form');
      form.method = 'post';
      form.action = 'logout';
      const token = el('input');
      token.type = 'hidden';
      token.name = me.csrf.parameterName;
      token.value = me.csrf.token;
      form.append(token);
      document.body.append(form);
      form.submit();
    });
  }

  function legend() {
    const control = L.control({ position: 'bottomleft' });
    control.onAdd = () => el('div', 'legend',
      el('div', null, el('i', 'swatch sev-critical'), SEVERITY.CRITICAL.label),
      el('div', null, el('i', 'swatch sev-high'), SEVERITY.HIGH.label),
      el('div', null, el('i', 'swatch sev-medium'), SEVERITY.MEDIUM.label),
      el('div', null, el('i', 'swatch sev-low'), SEVERITY.LOW.label),
      el('div', null, el('i', 'swatch device-online'), 'Thiết bị trực tuyến / Device online'),
      el('div', null, el('i', 'swatch device-offline'), 'Thiết bị mất kết nối / Device offline'));
    control.addTo(map);
  }

  document.body.dataset.live = 'closed';
  legend();
  loadMapConfig();
  loadWards().catch(e => console.warn('wards', e));
  loadDevices().catch(e => console.warn('devices', e));
  loadIncidents().catch(e => console.warn('incidents', e));
  loadMe().catch(e => console.warn('user', e));
  connectLive();
}());

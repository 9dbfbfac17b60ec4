/*
 * The operator map: wards, devices, cameras, incidents and citizen reports from the REST API,
 * then live changes over the WebSocket. Text that comes from data is always set with
 * textContent (Leaflet popups, tooltips and icons get DOM nodes, never strings, since Leaflet
 * inserts strings as HTML).
 *
 * A city has tens of thousands of points: markers go into Leaflet.markercluster groups, filled
 * in chunks so the page stays responsive, and live messages are gathered for FLUSH_MS and then
 * applied to the layers in one batch rather than one redraw per message. Critical incidents are
 * never clustered. "?cluster=off" draws every marker unclustered (the benchmark's baseline).
 */
(function () {
  'use strict';

  const t = I18n.t;
  const HUE = { center: { lat: 16.4637, lon: 107.5909 }, zoom: 13 };
  const CLUSTERING = new URLSearchParams(window.location.search).get('cluster') !== 'off';
  const FRAME_REFRESH_MS = 2000;
  const MAX_BACKOFF_MS = 30000;
  const FLUSH_MS = 250;
  const REPORT_REFRESH_MS = 60000; // besides the live pushes: overdue marks change with time alone
  const SEARCH_LIMIT = 12;
  const MARKERS_PER_TASK = 2000;

  const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
  const SEVERITY_RANK = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1 };
  const TYPES = ['CONGESTION', 'STALLED_VEHICLE', 'WRONG_WAY', 'ZONE_INTRUSION', 'FLOODING', 'AIR_QUALITY',
    'ANOMALY', 'DEVICE_OFFLINE', 'CAMERA_TAMPER', 'SENSOR_DRIFT'];
  /** Open incidents of these types on a site that is still online make it "degraded". */
  const DEVICE_HEALTH_TYPES = new Set(['DEVICE_OFFLINE', 'CAMERA_TAMPER', 'SENSOR_DRIFT']);
  const REPORT_STATUSES = ['open', 'closed'];

  /** A phrase, or the raw value when the dictionary has none (a type added later, say). */
  function label(prefix, value) {
    const key = prefix + value;
    const text = t(key);
    return text === key ? String(value) : text;
  }

  const typeLabel = type => label('type.', type);
  const severityLabel = severity => label('severity.', severity);
  const statusLabel = status => label('status.', status);

  function evidenceLabel(list) {
    if (!list || list.length === 0) {
      return '–';
    }
    return list.map(e => e.source + ' (' + label('evidence.', e.kind) + ')').join(', ');
  }

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
    return I18n.time(iso, { dateStyle: undefined, timeStyle: undefined, day: '2-digit', month: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  /** Lower case without diacritics, so "phu hoi" finds "Phú Hội" and "dong ba" "Đông Ba". */
  function fold(text) {
    return String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd').toLowerCase();
  }

  function nextTask() {
    return new Promise(resolve => window.setTimeout(resolve));
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

  // a finite maximum zoom: the cluster groups need one even without a base map
  const map = L.map('map', { maxZoom: 19 }).setView([HUE.center.lat, HUE.center.lon], HUE.zoom);
  // wards below devices and incidents, whichever loads first
  map.createPane('wards').style.zIndex = 350;

  /** Marks on the page when every marker given to a layer is in it (the benchmark waits for these). */
  function markReady(name) {
    const key = name + 'Ready';
    if (!document.body.dataset[key]) {
      document.body.dataset[key] = String(Math.round(performance.now()));
      // and when the browser has drawn them and is free again
      requestAnimationFrame(() => window.setTimeout(() => {
        document.body.dataset[name + 'Painted'] = String(Math.round(performance.now()));
      }));
    }
  }

  function countIcon(className, count, title) {
    const body = el('div', null, el('span', null, String(count)));
    body.title = title;
    return L.divIcon({ html: body, className: 'marker-cluster ' + className, iconSize: L.point(40, 40) });
  }

  /** A marker layer: a cluster group, or (cluster=off) a plain group of every marker. */
  function markerLayer(name, iconCreateFunction, options) {
    const layer = CLUSTERING
      ? L.markerClusterGroup(Object.assign({
        chunkedLoading: true,
        chunkInterval: 100,
        chunkDelay: 10,
        chunkProgress: (done, total) => {
          // (the group also reports an empty batch when it is put on the map)
          if (done === total && total > 0) {
            markReady(name);
          }
        },
        maxClusterRadius: 60,
        showCoverageOnHover: false,
        iconCreateFunction
      }, options || {}))
      : L.featureGroup();
    return { name, layer };
  }

  function addAll(target, markers) {
    if (markers.length === 0) {
      return;
    }
    if (CLUSTERING) {
      target.layer.addLayers(markers);
      if (!map.hasLayer(target.layer)) {
        markReady(target.name); // kept aside until the layer is shown: nothing to wait for
      }
    } else {
      markers.forEach(m => target.layer.addLayer(m));
      markReady(target.name);
    }
  }

  function removeAll(target, markers) {
    if (markers.length === 0) {
      return;
    }
    if (CLUSTERING) {
      target.layer.removeLayers(markers);
    } else {
      markers.forEach(m => target.layer.removeLayer(m));
    }
  }

  /** Redraws the cluster icons that hold these markers (their colour depends on the children). */
  function refreshClusters(target, markers) {
    if (CLUSTERING && markers.length > 0) {
      target.layer.refreshClusters(markers);
    }
  }

  const wardLayer = L.featureGroup().addTo(map);
  const devices = markerLayer('devices', cluster => {
    const children = cluster.getAllChildMarkers();
    const offline = children.filter(m => m.options.health === 'offline').length;
    const degraded = children.filter(m => m.options.health === 'degraded').length;
    const className = 'device-cluster' + (offline ? ' has-offline' : '') + (degraded ? ' has-degraded' : '');
    return countIcon(className, children.length, t('device.cluster', { count: children.length }));
  });
  const cameras = markerLayer('cameras', cluster =>
    countIcon('camera-cluster', cluster.getChildCount(), t('layers.cameras') + ': ' + cluster.getChildCount()));
  const incidentsLayer = markerLayer('incidents', cluster => {
    const children = cluster.getAllChildMarkers();
    let top = 'LOW';
    for (const m of children) {
      if ((SEVERITY_RANK[m.options.severity] || 0) > SEVERITY_RANK[top]) {
        top = m.options.severity;
      }
    }
    return countIcon('incident-cluster sev-' + top.toLowerCase(), children.length, t('incident.cluster', { count: children.length }));
  });
  // critical incidents stand on their own: a cluster must never hide one
  const criticalLayer = L.featureGroup();
  const reportsLayer = markerLayer('reports', cluster => {
    const children = cluster.getAllChildMarkers();
    const overdue = children.some(m => m.options.overdue);
    return countIcon('report-cluster' + (overdue ? ' has-overdue' : ''), children.length,
      t('layers.reports') + ': ' + children.length);
  });

  devices.layer.addTo(map);
  cameras.layer.addTo(map);
  incidentsLayer.layer.addTo(map);
  criticalLayer.addTo(map);
  reportsLayer.layer.addTo(map);

  /** What the layer panel hides: whole layers, incident types and severities, report statuses. */
  const hidden = { types: new Set(), severities: new Set(), reportStatuses: new Set() };

  function checkbox(id, text, checked, onChange, swatchClass) {
    const input = el('input');
    input.type = 'checkbox';
    input.id = id;
    input.checked = checked;
    input.addEventListener('change', () => onChange(input.checked));
    return el('label', 'layer-option', input, swatchClass ? el('i', 'swatch ' + swatchClass) : null, text);
  }

  function showLayer(layers, shown) {
    for (const layer of layers) {
      if (shown) {
        map.addLayer(layer);
      } else {
        map.removeLayer(layer);
      }
    }
  }

  function layerPanel(baseLayer) {
    const control = L.control({ position: 'topright' });
    control.onAdd = () => {
      // ten types make a long list: folded until asked for
      const typeFilters = el('details', 'type-filters',
        el('summary', 'layer-subtitle', t('layers.byType')),
        ...TYPES.map(type => checkbox('filter-type-' + type.toLowerCase().replace(/_/g, '-'), typeLabel(type), true,
          on => { toggle(hidden.types, type, on); applyIncidentFilters(); })));
      typeFilters.id = 'type-filters';
      const incidentFilters = el('div', 'layer-filters',
        el('div', 'layer-subtitle', t('layers.bySeverity')),
        ...SEVERITIES.map(s => checkbox('filter-severity-' + s.toLowerCase(), severityLabel(s), true,
          on => { toggle(hidden.severities, s, on); applyIncidentFilters(); }, 'sev-' + s.toLowerCase())),
        typeFilters);
      const reportFilters = el('div', 'layer-filters',
        el('div', 'layer-subtitle', t('layers.byStatus')),
        ...REPORT_STATUSES.map(s => checkbox('filter-report-' + s, t('report.' + s), true,
          on => { toggle(hidden.reportStatuses, s, on); applyReportFilters(); }, 'report-' + s)));
      const root = el('details', 'layer-panel',
        el('summary', null, t('layers.title')),
        baseLayer ? checkbox('layer-base', t('layers.base'), true, on => showLayer([baseLayer], on)) : null,
        checkbox('layer-wards', t('layers.wards'), true, on => showLayer([wardLayer], on)),
        checkbox('layer-devices', t('layers.devices'), true, on => showLayer([devices.layer], on), 'device-online'),
        checkbox('layer-cameras', t('layers.cameras'), true, on => showLayer([cameras.layer], on), 'camera'),
        checkbox('layer-incidents', t('layers.incidents'), true, on => showLayer([incidentsLayer.layer, criticalLayer], on), 'sev-high'),
        incidentFilters,
        checkbox('layer-reports', t('layers.reports'), true, on => showLayer([reportsLayer.layer], on), 'report-open'),
        reportFilters);
      root.open = true;
      L.DomEvent.disableClickPropagation(root);
      L.DomEvent.disableScrollPropagation(root);
      return root;
    };
    control.addTo(map);
  }

  function toggle(set, value, shown) {
    if (shown) {
      set.delete(value);
    } else {
      set.add(value);
    }
  }

  /** Ticks a layer's box and shows the layer, e.g. when the search goes to something in it. */
  function ensureShown(id, layers) {
    const box = document.getElementById(id);
    if (box && !box.checked) {
      box.checked = true;
    }
    showLayer(layers.filter(l => !map.hasLayer(l)), true);
  }

  async function loadMapConfig() {
    let config = { tileUrl: null, attribution: '', center: HUE.center, zoom: HUE.zoom };
    try {
      config = await getJson('api/map-config');
      map.setView([config.center.lat, config.center.lon], config.zoom);
    } catch (e) {
      console.warn('map configuration', e);
    }
    // operator configuration, not data: the attribution may hold a link
    const base = config.tileUrl ? L.tileLayer(config.tileUrl, { attribution: config.attribution, maxZoom: 19 }).addTo(map) : null;
    layerPanel(base);
  }

  // ---- wards -------------------------------------------------------------------------------

  /** { code, name, district, population, layer, folded } in the order of the GeoJSON */
  const wards = [];

  function wardPopup(p) {
    return el('div', 'ward-popup',
      el('h3', null, p.name),
      el('dl', null,
        el('dt', null, t('ward.district')), el('dd', null, p.district),
        el('dt', null, t('ward.population')), el('dd', null, p.population === null || p.population === undefined
          ? '–' : Number(p.population).toLocaleString(I18n.locale()))));
  }

  async function loadWards() {
    const geojson = await getJson('api/wards');
    L.geoJSON(geojson, {
      pane: 'wards',
      style: () => ({ className: 'ward', color: '#3d5a80', weight: 1, opacity: 0.7, fillOpacity: 0.03 }),
      onEachFeature: (feature, layer) => {
        const p = feature.properties;
        layer.bindTooltip(el('div', 'ward-tooltip', el('strong', null, p.name), el('div', null, p.district)), { sticky: true });
        layer.on('add', () => {
          const path = layer.getElement();
          if (path) {
            path.dataset.ward = p.code;
          }
        });
        wards.push({ code: p.code, name: p.name, district: p.district, population: p.population, layer,
          folded: fold(p.name + ' ' + p.district) });
      }
    }).addTo(wardLayer);
    document.body.dataset.wards = String(geojson.features.length);
  }

  function focusWard(ward) {
    ensureShown('layer-wards', [wardLayer]);
    const bounds = ward.layer.getBounds();
    map.fitBounds(bounds, { padding: [20, 20] });
    L.popup({ autoPan: false }).setLatLng(bounds.getCenter()).setContent(wardPopup(ward)).openOn(map);
    ward.layer.setStyle({ weight: 3, fillOpacity: 0.12 });
    window.setTimeout(() => ward.layer.setStyle({ weight: 1, fillOpacity: 0.03 }), 4000);
    document.body.dataset.focusedWard = ward.code;
  }

  // ---- devices and cameras -----------------------------------------------------------------

  /** site id → { info: {site, siteName, lat, lon, ward, online, statusReason, devices}, marker, cameras: [marker], folded } */
  const sites = new Map();
  /** sites with an open incident of a device-health type */
  let degradedSites = new Set();

  function frameUrl(site, camera) {
    return 'api/cameras/' + encodeURIComponent(site) + '/' + encodeURIComponent(camera) + '/frame.jpg';
  }

  function health(entry) {
    if (!entry.info.online) {
      return 'offline';
    }
    return degradedSites.has(entry.info.site) ? 'degraded' : 'online';
  }

  function cameraFigure(c) {
    const img = el('img', 'camera-frame');
    img.alt = 'Camera ' + c.device;
    img.dataset.src = frameUrl(c.site, c.device);
    img.hidden = true;
    const missing = el('div', 'no-frame', t('device.noFrame'));
    img.addEventListener('load', () => { img.hidden = false; missing.hidden = true; });
    img.addEventListener('error', () => { img.hidden = true; missing.hidden = false; });
    return el('figure', 'camera', img, missing,
      el('figcaption', null, c.device + ' · ' + c.type + (c.public ? ' · ' + t('device.public') : '')));
  }

  function siteState(entry) {
    const state = health(entry);
    return el('div', 'state ' + state, t('device.' + state),
      entry.info.statusReason ? ' (' + entry.info.statusReason + ')' : null,
      state === 'degraded' ? ' (' + t('device.degradedBecause') + ')' : null);
  }

  function sitePopup(entry) {
    const info = entry.info;
    const root = el('div', 'site-popup',
      el('h3', null, info.siteName || info.site),
      el('div', 'muted', info.site + (info.ward ? ' · ' + info.ward : '')),
      siteState(entry));
    const sensors = info.devices.filter(d => d.kind === 'sensor');
    const cams = info.devices.filter(d => d.kind === 'camera');
    if (sensors.length) {
      root.append(el('h4', null, t('device.sensors')),
        el('ul', 'sensor-list', ...sensors.map(d => el('li', null, d.device + ' · ' + d.type))));
    }
    if (cams.length) {
      root.append(el('h4', null, t('device.cameras')), ...cams.map(cameraFigure));
    }
    return root;
  }

  function cameraPopup(entry, camera) {
    const info = entry.info;
    return el('div', 'site-popup camera-popup',
      el('h3', null, info.siteName || info.site),
      el('div', 'muted', info.site + ' / ' + camera.device + (info.ward ? ' · ' + info.ward : '')),
      siteState(entry),
      cameraFigure(camera));
  }

  function refreshFrames(container) {
    for (const img of container.querySelectorAll('img.camera-frame')) {
      img.src = img.dataset.src + '?t=' + Date.now();
    }
  }

  /** Popups and tooltips are made on first use: ten thousand markers need not each carry them. */
  function lazyPopup(marker, content, options) {
    marker.once('click', () => {
      marker.bindPopup(content, options);
      marker.openPopup();
    });
  }

  function withFrames(marker) {
    let timer = null;
    marker.on('popupopen', e => {
      const content = e.popup.getElement();
      refreshFrames(content);
      timer = window.setInterval(() => refreshFrames(content), FRAME_REFRESH_MS);
    });
    marker.on('popupclose', () => window.clearInterval(timer));
  }

  function deviceIcon(className, state) {
    return L.divIcon({ className: className + ' ' + state, iconSize: [14, 14] });
  }

  function tag(marker, key, value) {
    const e = marker.getElement();
    if (e) {
      e.dataset[key] = value;
    }
  }

  function siteMarker(info) {
    const entry = { info, marker: null, cameras: [], devices: [], folded: fold(info.siteName + ' ' + info.site) };
    const state = health(entry);
    entry.marker = L.marker([info.lat, info.lon], { icon: deviceIcon('device-marker', state), health: state, keyboard: false });
    entry.marker.on('add', () => tag(entry.marker, 'site', info.site));
    entry.marker.bindTooltip(() => el('span', null, entry.info.siteName || entry.info.site));
    lazyPopup(entry.marker, () => sitePopup(entry), { minWidth: 260 });
    withFrames(entry.marker);
    for (const c of info.devices.filter(d => d.kind === 'camera')) {
      const marker = L.marker([info.lat, info.lon], { icon: deviceIcon('camera-marker', state), health: state, keyboard: false });
      marker.on('add', () => tag(marker, 'camera', c.site + '/' + c.device));
      marker.bindTooltip(() => el('span', null, (entry.info.siteName || entry.info.site) + ' · ' + c.device));
      lazyPopup(marker, () => cameraPopup(entry, c), { minWidth: 280 });
      withFrames(marker);
      entry.cameras.push(marker);
    }
    // what the search looks in: "site/device" ids, folded once here rather than at every key
    entry.devices = info.devices.map(d => ({ id: d.site + '/' + d.device, type: d.type, folded: fold(d.site + '/' + d.device),
      marker: d.kind === 'camera' ? entry.cameras[info.devices.filter(c => c.kind === 'camera').indexOf(d)] : entry.marker }));
    return entry;
  }

  /** Sets each site's icon to its health; returns the markers that changed. */
  function repaintSites(entries) {
    const changedSites = [];
    const changedCameras = [];
    for (const entry of entries) {
      const state = health(entry);
      if (entry.marker.options.health === state) {
        continue;
      }
      entry.marker.options.health = state;
      entry.marker.setIcon(deviceIcon('device-marker', state));
      tag(entry.marker, 'site', entry.info.site);
      changedSites.push(entry.marker);
      for (const m of entry.cameras) {
        m.options.health = state;
        m.setIcon(deviceIcon('camera-marker', state));
        changedCameras.push(m);
      }
    }
    refreshClusters(devices, changedSites);
    refreshClusters(cameras, changedCameras);
  }

  async function loadDevices() {
    const all = await getJson('api/devices');
    const bySite = new Map();
    for (const d of all) {
      if (!bySite.has(d.site)) {
        bySite.set(d.site, {
          site: d.site, siteName: d.siteName, lat: d.lat, lon: d.lon, ward: d.ward,
          online: d.online, statusReason: d.statusReason, devices: []
        });
      }
      bySite.get(d.site).devices.push(d);
    }
    removeAll(devices, [...sites.values()].map(e => e.marker));
    removeAll(cameras, [...sites.values()].flatMap(e => e.cameras));
    sites.clear();
    let made = 0;
    for (const info of bySite.values()) {
      if (info.lat === null || info.lon === null) {
        continue;
      }
      sites.set(info.site, siteMarker(info));
      if (++made % MARKERS_PER_TASK === 0) {
        await nextTask(); // let the browser paint and answer the operator between slices
      }
    }
    const entries = [...sites.values()];
    if (entries.length === 0) {
      markReady('devices');
    }
    addAll(devices, entries.map(e => e.marker));
    addAll(cameras, entries.flatMap(e => e.cameras));
    document.body.dataset.devices = String(all.length);
  }

  function focusSite(entry, marker) {
    const target = marker === entry.marker ? devices : cameras;
    ensureShown(target === devices ? 'layer-devices' : 'layer-cameras', [target.layer]);
    const open = () => (marker.getPopup() ? marker.openPopup() : marker.fire('click'));
    if (CLUSTERING) {
      target.layer.zoomToShowLayer(marker, open);
    } else {
      map.setView(marker.getLatLng(), Math.max(map.getZoom(), 17));
      open();
    }
  }

  // ---- incidents ---------------------------------------------------------------------------

  /** incident id → { data, marker, item, folded } */
  const incidents = new Map();
  const list = document.getElementById('incident-list');

  function incidentPopup(i) {
    const rows = [
      [t('incident.severity'), severityLabel(i.severity)],
      [t('incident.status'), statusLabel(i.status)],
      [t('incident.ward'), i.ward || '–'],
      [t('incident.site'), [i.site, i.device].filter(Boolean).join(' / ') || '–'],
      [t('incident.value'), i.value === null ? '–' : (i.metric ? i.metric + ' = ' : '') + i.value],
      [t('incident.opened'), formatTime(i.openedAt)],
      [t('incident.updated'), formatTime(i.updatedAt)],
      [t('incident.confidence'), i.confidence === null || i.confidence === undefined ? '–' : Math.round(i.confidence * 100) + ' %'],
      [t('incident.evidence'), evidenceLabel(i.evidence)]
    ];
    return el('div', 'incident-popup',
      el('h3', null, typeLabel(i.type)),
      i.summary ? el('p', null, i.summary) : null,
      el('dl', null, ...rows.flatMap(([k, v]) => [el('dt', null, k), el('dd', null, v)])),
      window.IncidentDetail ? IncidentDetail.button(i.id) : null, // incident-detail hook
      decisions(i));
  }

  function button(text, className, onClick) {
    const b = el('button', className, text);
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
    note.placeholder = t('incident.resolveNote');
    note.maxLength = 2000;
    const box = el('div', 'incident-decisions',
      i.status === 'OPEN' ? button(t('incident.acknowledge'), 'acknowledge', () => decide(i.id, 'acknowledge', {}, error)) : null,
      note,
      button(t('incident.resolve'), 'resolve', () => decide(i.id, 'resolve', { note: note.value }, error)),
      i.active ? publicAlertForm(i, error) : null,
      error);
    return box;
  }

  /** Makes the incident a public alert (page, Atom and CAP feeds) in the operator's words. */
  function publicAlertForm(i, error) {
    const headline = el('input', 'alert-headline');
    headline.placeholder = t('incident.alertHeadline');
    headline.maxLength = 160;
    const text = el('textarea', 'alert-description');
    text.placeholder = t('incident.alertDescription');
    text.maxLength = 2000;
    const done = el('a', 'alert-published', t('incident.alertPublished'));
    done.href = 'public/alerts#' + encodeURIComponent(i.id);
    done.target = '_blank';
    done.hidden = true;
    const publish = button(t('incident.alertPublish'), 'publish-alert', async () => {
      const ok = await send('api/incidents/' + encodeURIComponent(i.id) + '/public-alert',
        { headline: headline.value, description: text.value }, error);
      done.hidden = !ok;
    });
    return el('details', 'public-alert', el('summary', null, t('incident.alert')), headline, text, publish, done);
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
    applyIncidents([detail]);
    const entry = incidents.get(id);
    if (entry && entry.marker && entry.marker.isPopupOpen()) {
      entry.marker.setPopupContent(incidentPopup(entry.data));
    }
  }

  function incidentIcon(i) {
    const classes = ['incident-marker', 'sev-' + String(i.severity).toLowerCase(), 'type-' + String(i.type).toLowerCase()];
    if (!i.active) {
      classes.push('closed');
    }
    return L.divIcon({ className: classes.join(' '), iconSize: i.severity === 'CRITICAL' ? [22, 22] : [18, 18] });
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
    li.addEventListener('keydown', e => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        focusIncident(i.id);
      }
    });
    return li;
  }

  /** The layer an incident's marker belongs in, or null while the panel hides its type or severity. */
  function incidentTarget(i) {
    if (hidden.types.has(i.type) || hidden.severities.has(i.severity)) {
      return null;
    }
    return i.severity === 'CRITICAL' ? criticalLayer : incidentsLayer;
  }

  function focusIncident(id) {
    const entry = incidents.get(id);
    if (!entry || !entry.marker) {
      return;
    }
    ensureShown('layer-incidents', [incidentsLayer.layer, criticalLayer]);
    const open = () => entry.marker.openPopup();
    if (entry.layer === incidentsLayer && CLUSTERING) {
      incidentsLayer.layer.zoomToShowLayer(entry.marker, open);
    } else {
      map.setView(entry.marker.getLatLng(), Math.max(map.getZoom(), 15));
      if (entry.layer) {
        open();
      }
    }
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

  /** Moves markers between layers in bulk: { add: Map(layer → [marker]), remove: Map(...), refresh: Map(...) }. */
  function moves() {
    const bucket = () => new Map();
    const push = (m, layer, marker) => {
      if (!m.has(layer)) {
        m.set(layer, []);
      }
      m.get(layer).push(marker);
    };
    const add = bucket();
    const remove = bucket();
    const refresh = bucket();
    return {
      add: (layer, marker) => push(add, layer, marker),
      remove: (layer, marker) => push(remove, layer, marker),
      refresh: (layer, marker) => push(refresh, layer, marker),
      apply() {
        for (const [layer, markers] of remove) {
          if (layer === criticalLayer) {
            markers.forEach(m => criticalLayer.removeLayer(m));
          } else {
            removeAll(layer, markers);
          }
        }
        for (const [layer, markers] of add) {
          if (layer === criticalLayer) {
            markers.forEach(m => criticalLayer.addLayer(m));
          } else {
            addAll(layer, markers);
          }
        }
        for (const [layer, markers] of refresh) {
          if (layer !== criticalLayer) {
            refreshClusters(layer, markers);
          }
        }
      }
    };
  }

  function newIncidentMarker(entry) {
    const i = entry.data;
    const marker = L.marker([i.lat, i.lon], { icon: incidentIcon(i), riseOnHover: true, severity: i.severity });
    marker.bindPopup(() => incidentPopup(entry.data), { maxHeight: 360, minWidth: 280 }); // a long popup scrolls inside the map
    marker.bindTooltip(() => el('span', null, typeLabel(entry.data.type) + ' · ' + (entry.data.ward || '')));
    marker.on('add', () => tag(marker, 'incidentId', entry.data.id));
    return marker;
  }

  /** Applies a batch of incident states to the markers, the list and the sites' health at once. */
  function applyIncidents(batch) {
    const changes = moves();
    let listChanged = false;
    for (let i of batch) {
      let entry = incidents.get(i.id);
      if (entry && entry.data.version > i.version) {
        continue; // an older state that arrived late
      }
      if (entry && entry.data.version === i.version && entry.data.status === i.status && entry.data.updatedAt === i.updatedAt) {
        continue; // nothing new (the catch-up after a reconnect repeats what the page has)
      }
      if (entry && operatorOwned(entry.data, i)) {
        // the job's update does not undo an operator's decision (the store keeps it the same way)
        i = Object.assign({}, i, { status: entry.data.status, active: entry.data.active, closedAt: entry.data.closedAt });
      }
      if (!entry) {
        entry = { data: i, marker: null, layer: null, item: null, folded: '' };
        incidents.set(i.id, entry);
      }
      // moving a marker takes it out of its cluster and puts it back (unfolding a spider): only when it did move
      const moved = entry.data.lat !== i.lat || entry.data.lon !== i.lon;
      entry.data = i;
      if (window.IncidentDetail) {
        IncidentDetail.changed(i); // incident-detail hook: an open detail view follows live updates
      }
      entry.folded = fold([typeLabel(i.type), i.type, i.ward, i.site, i.summary, i.id].filter(Boolean).join(' '));

      const placed = i.lat !== null && i.lon !== null;
      if (placed && !entry.marker) {
        entry.marker = newIncidentMarker(entry);
      } else if (placed) {
        if (moved) {
          entry.marker.setLatLng([i.lat, i.lon]);
        }
        entry.marker.options.severity = i.severity;
        entry.marker.setIcon(incidentIcon(i));
        tag(entry.marker, 'incidentId', i.id);
      } else if (entry.marker && entry.layer) {
        changes.remove(entry.layer, entry.marker);
        entry.layer = null;
        entry.marker = null;
      }
      if (entry.marker) {
        const target = incidentTarget(i);
        if (target !== entry.layer) {
          if (entry.layer) {
            changes.remove(entry.layer, entry.marker);
          }
          if (target) {
            changes.add(target, entry.marker);
          }
          entry.layer = target;
        } else if (target) {
          changes.refresh(target, entry.marker);
        }
      }

      if (i.active) {
        const fresh = listItem(i);
        if (entry.item) {
          entry.item.replaceWith(fresh);
        }
        entry.item = fresh;
      } else if (entry.item) {
        entry.item.remove();
        entry.item = null;
      }
      listChanged = true;
    }
    changes.apply();
    if (listChanged) {
      renderList();
      markDegraded();
    }
  }

  /** The open incidents, newest first. */
  function renderList() {
    const open = [...incidents.values()].filter(e => e.item)
      .sort((a, b) => Date.parse(b.data.openedAt) - Date.parse(a.data.openedAt));
    list.replaceChildren(...open.map(e => e.item));
    document.getElementById('incident-count').textContent = String(open.length);
    document.getElementById('no-incidents').hidden = open.length > 0;
    filterList(); // incident-detail hook
  }

  function markDegraded() {
    const next = new Set();
    for (const e of incidents.values()) {
      if (e.data.active && DEVICE_HEALTH_TYPES.has(e.data.type) && e.data.site) {
        next.add(e.data.site);
      }
    }
    const touched = [...new Set([...next, ...degradedSites])].map(s => sites.get(s)).filter(Boolean);
    degradedSites = next;
    repaintSites(touched);
  }

  function applyIncidentFilters() {
    const changes = moves();
    for (const entry of incidents.values()) {
      if (!entry.marker) {
        continue;
      }
      const target = incidentTarget(entry.data);
      if (target !== entry.layer) {
        if (entry.layer) {
          changes.remove(entry.layer, entry.marker);
        }
        if (target) {
          changes.add(target, entry.marker);
        }
        entry.layer = target;
      }
    }
    changes.apply();
  }

  async function loadIncidents() {
    const all = await getJson('api/incidents');
    applyIncidents(all);
    document.body.dataset.incidents = String(incidents.size);
    if (!all.some(i => i.lat !== null && i.lon !== null)) {
      markReady('incidents');
    }
  }

  // ---- citizen reports ---------------------------------------------------------------------

  /** report code → { data, marker } */
  const reports = new Map();

  function reportIcon(r) {
    const classes = ['report-marker', 'status-' + r.status];
    if (r.overdue) {
      classes.push('overdue');
    }
    if (!r.publicCategory) {
      classes.push('private');
    }
    return L.divIcon({ className: classes.join(' '), iconSize: [16, 16] });
  }

  function reportPopup(r) {
    const category = I18n.lang === 'en' && r.categoryNameEn ? r.categoryNameEn : r.categoryName;
    const rows = [
      [t('report.code'), r.id],
      [t('report.category'), category + (r.publicCategory ? '' : ' (' + t('report.private') + ')')],
      [t('report.status'), t('report.' + r.status) + (r.overdue ? ' · ' + t('report.overdue') : '')],
      [t('report.ward'), r.ward || '–'],
      [t('report.agency'), r.agencyName || r.agency || '–'],
      [t('report.requested'), formatTime(r.requestedAt)],
      [t('report.deadline'), formatTime(r.deadline)]
    ];
    if (r.duplicateOf) {
      rows.push([t('report.duplicateOf'), r.duplicateOf]);
    }
    return el('div', 'report-popup',
      el('h3', null, category),
      el('dl', null, ...rows.flatMap(([k, v]) => [el('dt', null, k), el('dd', null, v)])),
      r.description ? el('p', 'report-description', r.description) : null);
  }

  function reportShown(r) {
    return !hidden.reportStatuses.has(r.status);
  }

  async function loadReports() {
    const all = await getJson('api/reports');
    const seen = new Set();
    const add = [];
    const remove = [];
    const refresh = [];
    for (const r of all) {
      seen.add(r.id);
      let entry = reports.get(r.id);
      if (!entry) {
        entry = { data: r, marker: null, shown: false };
        const marker = L.marker([r.lat, r.lon], { icon: reportIcon(r), overdue: r.overdue, keyboard: false });
        marker.on('add', () => tag(marker, 'reportId', entry.data.id));
        marker.bindTooltip(() => el('span', null, entry.data.categoryName + ' · ' + (entry.data.ward || '')));
        lazyPopup(marker, () => reportPopup(entry.data), { minWidth: 260, maxHeight: 360 });
        entry.marker = marker;
        reports.set(r.id, entry);
      } else if (entry.data.status !== r.status || entry.data.overdue !== r.overdue) {
        entry.marker.options.overdue = r.overdue;
        entry.marker.setIcon(reportIcon(r));
        tag(entry.marker, 'reportId', r.id);
        if (entry.shown) {
          refresh.push(entry.marker);
        }
      }
      entry.data = r;
      const shown = reportShown(r);
      if (shown !== entry.shown) {
        (shown ? add : remove).push(entry.marker);
        entry.shown = shown;
      }
    }
    for (const [id, entry] of reports) {
      if (!seen.has(id)) {
        if (entry.shown) {
          remove.push(entry.marker);
        }
        reports.delete(id);
      }
    }
    removeAll(reportsLayer, remove);
    addAll(reportsLayer, add);
    refreshClusters(reportsLayer, refresh);
    document.body.dataset.reports = String(reports.size);
    document.body.dataset.reportsOpen = String([...reports.values()].filter(e => e.data.status === 'open').length);
  }

  function applyReportFilters() {
    const add = [];
    const remove = [];
    for (const entry of reports.values()) {
      const shown = reportShown(entry.data);
      if (shown !== entry.shown) {
        (shown ? add : remove).push(entry.marker);
        entry.shown = shown;
      }
    }
    removeAll(reportsLayer, remove);
    addAll(reportsLayer, add);
  }

  // ---- search ------------------------------------------------------------------------------

  const searchInput = document.getElementById('map-search');
  const searchResults = document.getElementById('search-results');
  const searchStatus = document.getElementById('search-status');
  let results = [];
  let active = -1;

  /** Wards first, then sites and devices, then open incidents; a name starting with the query ranks higher. */
  function search(query) {
    const words = fold(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      return [];
    }
    const matches = text => words.every(w => text.includes(w));
    const rank = text => (text.startsWith(words[0]) || text.includes(' ' + words[0]) ? 0 : 1);
    const found = [];
    for (const w of wards) {
      if (matches(w.folded)) {
        found.push({ kind: 'ward', order: rank(w.folded), name: w.name, detail: w.district, choose: () => focusWard(w) });
      }
    }
    for (const entry of sites.values()) {
      if (matches(entry.folded)) {
        found.push({ kind: 'site', order: 2 + rank(entry.folded), name: entry.info.siteName || entry.info.site,
          detail: entry.info.site + (entry.info.ward ? ' · ' + entry.info.ward : ''), choose: () => focusSite(entry, entry.marker) });
      }
      for (const device of entry.devices) {
        if (words.length === 1 && device.folded.includes(words[0]) && !matches(entry.folded)) {
          found.push({ kind: 'device', order: 4, name: device.id, detail: (entry.info.siteName || '') + ' · ' + device.type,
            choose: () => focusSite(entry, device.marker) });
        }
      }
      if (found.length > 200) {
        break;
      }
    }
    for (const entry of incidents.values()) {
      if (entry.data.active && entry.marker && matches(entry.folded)) {
        found.push({ kind: 'incident', order: 6, name: typeLabel(entry.data.type),
          detail: severityLabel(entry.data.severity) + ' · ' + (entry.data.ward || '–'), choose: () => focusIncident(entry.data.id) });
      }
    }
    return found.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, I18n.locale())).slice(0, SEARCH_LIMIT);
  }

  function showResults() {
    searchResults.replaceChildren(...results.map((r, n) => {
      const li = el('li', 'search-result kind-' + r.kind,
        el('span', 'search-kind', t('search.kind.' + r.kind)),
        el('span', 'search-name', r.name),
        el('span', 'search-detail', r.detail));
      li.id = 'search-option-' + n;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(n === active));
      // mousedown, not click: the input's blur would close the list first
      li.addEventListener('mousedown', e => {
        e.preventDefault();
        choose(n);
      });
      return li;
    }));
    if (searchInput.value.trim() && results.length === 0) {
      searchResults.append(el('li', 'search-none', t('search.none')));
    }
    const open = searchInput.value.trim() !== '';
    searchResults.hidden = !open;
    searchInput.setAttribute('aria-expanded', String(open));
    if (active >= 0) {
      searchInput.setAttribute('aria-activedescendant', 'search-option-' + active);
    } else {
      searchInput.removeAttribute('aria-activedescendant');
    }
    searchStatus.textContent = open ? t('search.count', { count: results.length }) : '';
  }

  function closeResults() {
    results = [];
    active = -1;
    searchResults.hidden = true;
    searchResults.replaceChildren();
    searchInput.setAttribute('aria-expanded', 'false');
    searchInput.removeAttribute('aria-activedescendant');
  }

  function choose(n) {
    const chosen = results[n];
    if (!chosen) {
      return;
    }
    searchInput.value = chosen.name;
    closeResults();
    chosen.choose();
  }

  searchInput.addEventListener('input', () => {
    results = search(searchInput.value);
    active = results.length ? 0 : -1;
    showResults();
  });
  searchInput.addEventListener('keydown', e => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (results.length) {
        e.preventDefault();
        active = (active + (e.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length;
        showResults();
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(active >= 0 ? active : 0);
    } else if (e.key === 'Escape') {
      searchInput.value = '';
      closeResults();
    }
  });
  // closes the list once the focus has really left the box (a click on a result keeps it)
  searchInput.addEventListener('blur', () => window.setTimeout(() => {
    if (document.activeElement !== searchInput) {
      closeResults();
    }
  }, 150));

  // ---- live updates ------------------------------------------------------------------------

  let backoff = 1000;
  let failures = 0;
  /** messages gathered since the last flush: incident id → latest state, site id → latest status */
  const pending = { incidents: new Map(), sites: new Map(), timer: null };

  function scheduleFlush() {
    if (pending.timer === null) {
      pending.timer = window.setTimeout(flush, FLUSH_MS);
    }
  }

  function flush() {
    pending.timer = null;
    const batch = [...pending.incidents.values()];
    pending.incidents.clear();
    const statuses = [...pending.sites.values()];
    pending.sites.clear();
    if (batch.length) {
      applyIncidents(batch);
    }
    let unknown = false;
    const touched = [];
    for (const update of statuses) {
      const entry = sites.get(update.site);
      if (!entry) {
        unknown = true;
        continue;
      }
      entry.info.online = update.online;
      entry.info.statusReason = update.reason;
      touched.push(entry);
    }
    repaintSites(touched);
    if (unknown) {
      // a site we have not seen: the stream job registers its birth, then we can draw it
      window.clearTimeout(reloadDevicesTimer);
      reloadDevicesTimer = window.setTimeout(() => loadDevices().catch(e => console.warn('devices', e)), 2000);
    }
  }

  let reloadDevicesTimer = null;

  function onMessage(message) {
    if (message.kind === 'incident') {
      const known = pending.incidents.get(message.data.id);
      if (!known || known.version <= message.data.version) {
        pending.incidents.set(message.data.id, message.data);
      }
    } else if (message.kind === 'site') {
      pending.sites.set(message.data.site, message.data);
    } else if (message.kind === 'report') {
      // a report was filed or answered: read the list again, once for a burst of them
      window.clearTimeout(reloadReportsTimer);
      reloadReportsTimer = window.setTimeout(() => loadReports().catch(e => console.warn('reports', e)), 500);
      return;
    } else if (message.kind === 'resync') {
      // the console may have missed other consoles' changes: read everything again
      loadIncidents().catch(e => console.warn('incidents', e));
      loadReports().catch(e => console.warn('reports', e));
      loadDevices().catch(e => console.warn('devices', e));
      return;
    } else {
      return;
    }
    scheduleFlush();
  }

  let reloadReportsTimer = null;

  function setLive(open) {
    const status = document.getElementById('live-status');
    status.className = open ? 'online' : 'offline';
    status.textContent = t(open ? 'live.open' : 'live.closed');
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
    socket.addEventListener('message', event => onMessage(JSON.parse(event.data)));
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
      ...SEVERITIES.map(s => el('div', null, el('i', 'swatch sev-' + s.toLowerCase()), severityLabel(s))),
      el('div', null, el('i', 'swatch device-online'), t('layers.devices') + ': ' + t('device.online')),
      el('div', null, el('i', 'swatch device-degraded'), t('layers.devices') + ': ' + t('device.degraded')),
      el('div', null, el('i', 'swatch device-offline'), t('layers.devices') + ': ' + t('device.offline')),
      el('div', null, el('i', 'swatch report-open'), t('layers.reports') + ': ' + t('report.open')),
      el('div', null, el('i', 'swatch report-closed'), t('layers.reports') + ': ' + t('report.closed')));
    control.addTo(map);
  }

  document.body.dataset.live = 'closed';
  document.body.dataset.clustering = CLUSTERING ? 'on' : 'off';
  legend();
  loadMapConfig();
  loadWards().catch(e => console.warn('wards', e));
  loadDevices().catch(e => console.warn('devices', e));
  loadIncidents().catch(e => console.warn('incidents', e));
  loadReports().catch(e => console.warn('reports', e));
  window.setInterval(() => {
    if (map.hasLayer(reportsLayer.layer)) {
      loadReports().catch(e => console.warn('reports', e));
    }
  }, REPORT_REFRESH_MS);
  loadMe().catch(e => console.warn('user', e));
  connectLive();
}());

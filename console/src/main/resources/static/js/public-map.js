/*
 * The public map of citizens' reports: recent reports of public categories from
 * reports.geojson, filtered by status, category and period, as coloured markers and as a list.
 * Citizens' descriptions and agencies' answers are only ever set with textContent.
 */
window.IocPublicMap = (() => {
  'use strict';

  const HUE = { lat: 16.4637, lon: 107.5909, zoom: 13 };
  const COLOURS = { received: '#1565c0', in_progress: '#ef6c00', answered: '#6a1b9a', closed: '#2e7d32' };
  const $ = id => document.getElementById(id);
  const en = I18n.lang === 'en';

  const map = L.map('map').setView([HUE.lat, HUE.lon], HUE.zoom);
  const markers = L.layerGroup().addTo(map);
  let latest = 0; // only the answer to the newest filter is shown

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    return e;
  }

  /** One report's text, for the list and for its marker's popup alike. */
  function describe(p, holder) {
    const title = el('h2', null, en && p.category.en ? p.category.en : p.category.vi);
    const status = el('span', 'status ' + p.status, I18n.t('status.' + p.status));
    const meta = el('p', 'meta', I18n.t('filed', { time: I18n.time(p.requestedAt) }) + (p.ward ? ' · ' + p.ward : ''));
    holder.append(title, status, meta);
    if (p.description) {
      holder.append(el('p', 'description', p.description));
    }
    holder.append(el('p', 'meta agency', en && p.agencyEn ? p.agencyEn : p.agencyVi));
    if (p.answer) {
      holder.append(el('p', 'meta', I18n.t('answer', { time: I18n.time(p.answeredAt) })), el('div', 'answer', p.answer));
    } else {
      holder.append(el('p', 'meta no-answer', I18n.t('noAnswer')));
    }
    return holder;
  }

  function show(collection) {
    markers.clearLayers();
    const list = $('reports');
    list.replaceChildren();
    for (const f of collection.features) {
      const p = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      const item = describe(p, el('li', 'report ' + p.status));
      item.dataset.status = p.status;
      item.dataset.category = p.category.code;
      list.append(item);
      const marker = L.circleMarker([lat, lon], { radius: 8, color: '#fff', weight: 2, fillColor: COLOURS[p.status] || '#555', fillOpacity: 0.9 })
        .bindPopup(() => describe(p, el('div', 'popup')))
        .addTo(markers);
      item.addEventListener('click', () => {
        map.setView([lat, lon], Math.max(map.getZoom(), 15));
        marker.openPopup();
      });
    }
    const n = collection.features.length;
    $('count').textContent = n === 0 ? I18n.t('none') : I18n.t('count', { n });
    document.body.dataset.reports = String(n);
  }

  function query() {
    const params = new URLSearchParams();
    for (const id of ['status', 'category', 'days']) {
      if ($(id).value) {
        params.set(id, $(id).value);
      }
    }
    return params;
  }

  async function load() {
    const mine = ++latest;
    $('error').hidden = true;
    $('count').textContent = I18n.t('loading');
    delete document.body.dataset.reports;
    try {
      const response = await fetch('reports.geojson?' + query(), { headers: { Accept: 'application/geo+json' } });
      if (!response.ok) {
        let reason = String(response.status);
        try {
          reason = (await response.json()).detail || reason;
        } catch (e) {
          // the status alone then
        }
        throw new Error(reason);
      }
      const collection = await response.json();
      if (mine === latest) {
        show(collection);
      }
    } catch (e) {
      if (mine !== latest) {
        return;
      }
      $('error').textContent = I18n.t('error.load', { reason: e.message });
      $('error').hidden = false;
      document.body.dataset.reports = 'error';
    }
  }

  async function loadCategories() {
    try {
      const categories = await (await fetch('report-categories.json')).json();
      for (const c of categories) {
        const option = el('option', null, en && c.en ? c.en : c.vi);
        option.value = c.code;
        $('category').append(option);
      }
    } catch (e) {
      console.warn('categories', e);
    }
  }

  async function loadBaseMap() {
    try {
      const config = await (await fetch('map-config.json')).json();
      if (config.tileUrl) {
        L.tileLayer(config.tileUrl, { attribution: config.attribution, maxZoom: 19 }).addTo(map);
      }
    } catch (e) {
      console.warn('map configuration', e);
    }
    try {
      const wards = await (await fetch('../api/wards')).json();
      L.geoJSON(wards, { style: { color: '#1565c0', weight: 1, fillOpacity: 0.03 }, interactive: false }).addTo(map);
    } catch (e) {
      console.warn('wards', e);
    }
  }

  // the filters live in the address too, so a filtered map can be shared
  const initial = new URLSearchParams(window.location.search);
  for (const id of ['status', 'days']) {
    if (initial.get(id)) {
      $(id).value = initial.get(id);
    }
  }
  $('filters').addEventListener('change', () => {
    const url = new URL(window.location.href);
    ['status', 'category', 'days'].forEach(id => {
      if ($(id).value) {
        url.searchParams.set(id, $(id).value);
      } else {
        url.searchParams.delete(id);
      }
    });
    window.history.replaceState(null, '', url);
    load();
  });
  $('filters').addEventListener('submit', e => e.preventDefault());

  loadBaseMap();
  loadCategories().then(() => {
    if (initial.get('category')) {
      $('category').value = initial.get('category');
    }
    load();
  });

  return { map, load };
})();

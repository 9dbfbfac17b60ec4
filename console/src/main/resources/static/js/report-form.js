/*
 * The citizens' report form: categories from Open311, a place from the phone's GPS or a tap on
 * the map, up to three photos, posted as multipart to Open311. Text from the server is only ever
 * set with textContent; the page's own phrases come from js/i18n/report-form.js.
 */
window.IocReportForm = (() => {
  'use strict';

  const HUE = { lat: 16.4637, lon: 107.5909, zoom: 13 };
  const MAX_PHOTOS = 3;
  const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
  const $ = id => document.getElementById(id);

  const map = L.map('map').setView([HUE.lat, HUE.lon], HUE.zoom);
  let marker = null;

  function setPoint(lat, lon) {
    $('lat').value = lat.toFixed(6);
    $('long').value = lon.toFixed(6);
    if (marker) {
      marker.setLatLng([lat, lon]);
    } else {
      marker = L.marker([lat, lon]).addTo(map);
    }
    $('place').textContent = I18n.t('chosenPlace', { lat: lat.toFixed(5), lon: lon.toFixed(5) });
    document.body.dataset.point = $('lat').value + ',' + $('long').value;
  }

  function showError(text) {
    $('error').textContent = text;
    $('error').hidden = false;
  }

  async function loadMap() {
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
      L.geoJSON(wards, {
        style: { color: '#1565c0', weight: 1, fillOpacity: 0.05 },
        interactive: false
      }).addTo(map);
    } catch (e) {
      console.warn('wards', e);
    }
  }

  async function loadCategories() {
    try {
      const response = await fetch('../open311/v2/services.json');
      const services = await response.json();
      for (const s of services) {
        const option = document.createElement('option');
        option.value = s.service_code;
        // services.json gives the Vietnamese name as service_name and the English one as description
        option.textContent = I18n.lang === 'en' && s.description ? s.description : s.service_name;
        $('category').appendChild(option);
      }
      document.body.dataset.categories = String(services.length);
    } catch (e) {
      showError(I18n.t('error.categories'));
    }
  }

  function chosenPhotos() {
    return Array.from($('photos').files);
  }

  function previewPhotos() {
    const previews = $('photo-previews');
    previews.replaceChildren();
    $('error').hidden = true;
    const files = chosenPhotos();
    if (files.length > MAX_PHOTOS) {
      showError(I18n.t('error.tooManyPhotos', { max: MAX_PHOTOS }));
    }
    for (const file of files.slice(0, MAX_PHOTOS)) {
      const img = document.createElement('img');
      img.alt = file.name;
      img.src = URL.createObjectURL(file);
      img.onload = () => URL.revokeObjectURL(img.src);
      previews.appendChild(img);
    }
  }

  function locate() {
    if (!navigator.geolocation) {
      showError(I18n.t('error.noGeolocation'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      p => {
        setPoint(p.coords.latitude, p.coords.longitude);
        map.setView([p.coords.latitude, p.coords.longitude], 16);
      },
      () => showError(I18n.t('error.locationUnavailable')),
      { enableHighAccuracy: true, timeout: 15000 });
  }

  /** What is wrong with the form before sending, or null. */
  function problem() {
    if (!$('category').value) return I18n.t('error.chooseCategory');
    if (!$('description').value.trim()) return I18n.t('error.describe');
    if (!$('lat').value) return I18n.t('error.choosePlace');
    const files = chosenPhotos();
    if (files.length > MAX_PHOTOS) return I18n.t('error.tooManyPhotos', { max: MAX_PHOTOS });
    if (files.some(f => f.size > MAX_PHOTO_BYTES)) return I18n.t('error.photoTooLarge');
    return null;
  }

  async function submit(event) {
    event.preventDefault();
    $('error').hidden = true;
    const wrong = problem();
    if (wrong) {
      showError(wrong);
      return;
    }
    const form = new FormData();
    for (const id of ['category', 'description', 'lat', 'long', 'name', 'email', 'phone']) {
      const field = $(id);
      if (field.value.trim()) form.append(field.name, field.value.trim());
    }
    for (const file of chosenPhotos()) {
      form.append('media', file, file.name);
    }
    $('submit').disabled = true;
    try {
      const response = await fetch('../open311/v2/requests.json', { method: 'POST', body: form });
      let body = null;
      try {
        body = await response.json();
      } catch (e) {
        body = null;
      }
      if (!response.ok) {
        const description = Array.isArray(body) && body[0] && body[0].description;
        showError(description || I18n.t('error.sendFailed', { status: response.status }));
        return;
      }
      const code = body[0].service_request_id;
      $('tracking-code').textContent = code;
      $('notice').textContent = body[0].service_notice || '';
      showWhereItWent(code);
      // Open311's token is the report's follow-up key: only this link lets the citizen rate or reopen it
      const follow = new URL('reports/' + encodeURIComponent(code), window.location.href);
      follow.searchParams.set('key', body[0].token);
      $('follow').href = follow.toString();
      $('follow-link').textContent = follow.toString();
      $('report-form').hidden = true;
      $('done').hidden = false;
    } catch (e) {
      showError(I18n.t('error.unreachable'));
    } finally {
      $('submit').disabled = false;
    }
  }

  /** Open311's notice is English: the citizen's own report says in their language where it went and by when. */
  async function showWhereItWent(code) {
    try {
      const response = await fetch('reports/' + encodeURIComponent(code) + '.json', { headers: { Accept: 'application/json' } });
      if (response.ok) {
        const report = await response.json();
        $('notice').textContent = I18n.t('sentTo', { agency: report.agency, deadline: I18n.time(report.deadline) });
      }
    } catch (e) {
      // Open311's own notice stays
    }
  }

  map.on('click', e => setPoint(e.latlng.lat, e.latlng.lng));
  $('locate').addEventListener('click', locate);
  $('photos').addEventListener('change', previewPhotos);
  $('report-form').addEventListener('submit', submit);
  loadMap();
  loadCategories();

  return { map, setPoint };
})();

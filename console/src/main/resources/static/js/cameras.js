/* Camera grids: the citizens' shared cameras and the operators' camera wall. Each camera's
   picture is fetched again every few seconds; a camera whose site is offline, or whose picture
   has not changed for a minute, is marked as without signal. Text from the data is set as text;
   the pages' phrases come from js/i18n/cameras.js. */
'use strict';

window.IocCameras = (() => {
  const STALE_MS = 60000;

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

  function card(c, o) {
    const figure = el('figure', 'camera');
    figure.dataset.camera = o.frame(c);
    const img = el('img', 'camera-frame');
    img.alt = o.name(c);
    const status = el('span', 'camera-status');
    const caption = el('figcaption', null);
    caption.append(el('strong', null, o.name(c)), el('span', 'ward', o.ward(c) || ''), status);
    figure.append(img, caption);
    let lastChange = 0;
    let lastModified = null;

    function health() {
      const fresh = lastChange > 0 && Date.now() - lastChange < STALE_MS;
      const ok = o.online(c) && fresh;
      figure.classList.toggle('no-signal', !ok);
      status.textContent = ok ? I18n.t('live')
        : (o.reason && o.reason(c) ? I18n.t('noSignalBecause', { reason: o.reason(c) }) : I18n.t('noSignal'));
    }

    async function refresh() {
      try {
        const response = await fetch(o.frame(c), { credentials: 'same-origin', cache: 'no-store' });
        if (response.ok) {
          const modified = response.headers.get('Last-Modified');
          if (modified !== lastModified) {
            lastModified = modified;
            lastChange = Date.now();
            const url = URL.createObjectURL(await response.blob());
            const old = img.src;
            img.src = url;
            if (old && old.startsWith('blob:')) {
              URL.revokeObjectURL(old);
            }
          }
        }
      } catch (e) {
        // the next round tries again; the status shows the camera as without signal meanwhile
      }
      health();
    }

    health();
    refresh();
    setInterval(refresh, o.every);
    return figure;
  }

  async function start(o) {
    const response = await fetch(o.list, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (response.status === 401) {
      window.location.href = 'login';
      return;
    }
    const all = await response.json();
    const cameras = o.only ? all.filter(o.only) : all;
    const grid = document.getElementById('cameras');
    cameras.forEach(c => grid.append(card(c, o)));
    document.getElementById('no-cameras').hidden = cameras.length > 0;
    const summary = document.getElementById('camera-health');
    if (summary) {
      const online = cameras.filter(o.online).length;
      summary.textContent = I18n.t('wall.online', { online, total: cameras.length });
    }
  }

  return { start };
})();

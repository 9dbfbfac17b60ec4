/* Camera grids: the citizens' shared cameras and the operators' camera wall. The wall reads
   each camera's MJPEG stream (every new frame as it arrives, parsed here from the multipart
   body); the citizens' page, and the wall when a stream cannot be opened, fetch the picture
   again every few seconds. A camera whose site is offline, or whose picture has not changed for
   a minute, is marked as without signal. Text from the data is set as text;
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

  /**
   * Fetches the pictures of the cameras on screen only, round robin, at most o.perMinute a minute
   * in all when given (the server's limit per client): a page of many shared cameras must not
   * run into its own 429s, nor fetch what nobody sees.
   */
  function poller(o) {
    const visible = new Set();
    const perTick = o.perMinute ? Math.max(1, Math.floor(o.perMinute * o.every / 60000)) : Infinity;
    let next = 0;
    setInterval(() => {
      const shown = [...visible];
      const n = Math.min(perTick, shown.length);
      for (let i = 0; i < n; i++) {
        shown[(next + i) % shown.length]();
      }
      next = shown.length ? (next + n) % shown.length : 0;
    }, o.every);
    const refreshOf = new WeakMap();
    const observer = 'IntersectionObserver' in window ? new IntersectionObserver(entries => entries.forEach(e => {
      const refresh = refreshOf.get(e.target);
      if (e.isIntersecting && !visible.has(refresh)) {
        visible.add(refresh);
        refresh(); // at once when it scrolls into view
      } else if (!e.isIntersecting) {
        visible.delete(refresh);
      }
    })) : null;
    return {
      add(figure, refresh) {
        refreshOf.set(figure, refresh);
        if (observer) {
          observer.observe(figure);
        } else {
          visible.add(refresh);
          refresh();
        }
      }
    };
  }

  function card(c, o, pictures) {
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

    function show(blob) {
      lastChange = Date.now();
      const url = URL.createObjectURL(blob);
      const old = img.src;
      img.src = url;
      if (old && old.startsWith('blob:')) {
        URL.revokeObjectURL(old);
      }
      health();
    }

    async function refresh() {
      try {
        const response = await fetch(o.frame(c), { credentials: 'same-origin', cache: 'no-store' });
        if (response.ok) {
          const modified = response.headers.get('Last-Modified');
          if (modified !== lastModified) {
            lastModified = modified;
            show(await response.blob());
          }
        }
      } catch (e) {
        // the next round tries again; the status shows the camera as without signal meanwhile
      }
      health();
    }

    function poll() {
      pictures.add(figure, refresh);
    }

    /** Reads one MJPEG stream to its end; resolves with the number of pictures it brought. */
    async function stream() {
      const response = await fetch(o.stream(c), { credentials: 'same-origin', cache: 'no-store' });
      if (!response.ok || !response.body) {
        return 0;
      }
      const reader = response.body.getReader();
      let buffer = new Uint8Array(0);
      let pictures = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          return pictures;
        }
        const joined = new Uint8Array(buffer.length + value.length);
        joined.set(buffer);
        joined.set(value, buffer.length);
        buffer = joined;
        let part;
        while ((part = nextPart(buffer)) !== null) {
          show(new Blob([part.jpeg], { type: 'image/jpeg' }));
          pictures++;
          buffer = buffer.slice(part.end);
        }
      }
    }

    /** Streams for as long as the page is open, a new stream when one ends; polls if none can be opened. */
    async function follow() {
      for (;;) {
        let pictures = 0;
        try {
          pictures = await stream();
        } catch (e) {
          // the network went away mid-stream: a new one below
        }
        if (pictures === 0) {
          poll();
          return;
        }
        await new Promise(resolve => setTimeout(resolve, 1000));
      }
    }

    health();
    setInterval(health, 5000); // a stream sends nothing while the picture is frozen
    if (o.stream) {
      follow();
    } else {
      poll();
    }
    return figure;
  }

  const HEADER_END = [13, 10, 13, 10];

  /** The first complete part of an MJPEG buffer ({ jpeg, end }), or null while it is still arriving. */
  function nextPart(buffer) {
    let at = -1;
    for (let i = 0; i + 3 < buffer.length; i++) {
      if (buffer[i] === 13 && buffer[i + 1] === 10 && buffer[i + 2] === 13 && buffer[i + 3] === 10) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      return null;
    }
    const header = new TextDecoder('ascii').decode(buffer.subarray(0, at));
    const length = /content-length:\s*(\d+)/i.exec(header);
    if (!length) {
      return null;
    }
    const start = at + HEADER_END.length;
    const end = start + Number(length[1]);
    return buffer.length < end ? null : { jpeg: buffer.slice(start, end), end };
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
    const pictures = poller(o);
    cameras.forEach(c => grid.append(card(c, o, pictures)));
    document.getElementById('no-cameras').hidden = cameras.length > 0;
    const summary = document.getElementById('camera-health');
    if (summary) {
      const online = cameras.filter(o.online).length;
      summary.textContent = I18n.t('wall.online', { online, total: cameras.length });
    }
  }

  return { start };
})();

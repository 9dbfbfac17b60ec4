/* An agency's queue of citizens' reports, from /api/agency/queue, each open one with an answer
   box. Staff see their own agency's (and ward's) queue; supervisors and administrators pick an
   agency. Everything the citizen wrote goes onto the page as text, never as HTML. */
'use strict';

(() => {
  const TIME = { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' };
  const queue = document.getElementById('queue');
  const error = document.getElementById('error');
  const select = document.getElementById('agency-select');
  let me = null;
  let chosen = null;

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    return e;
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString('vi-VN', TIME) : '–';
  }

  function showError(message) {
    error.textContent = message;
    error.hidden = !message;
  }

  async function problem(response) {
    const body = await response.json().catch(() => ({}));
    return body.detail || ('HTTP ' + response.status);
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (response.status === 401) {
      window.location.href = 'login';
      return null;
    }
    if (!response.ok) {
      throw new Error(await problem(response));
    }
    return response.json();
  }

  async function answer(id, notes, close, status) {
    const response = await fetch('api/agency/reports/' + encodeURIComponent(id) + '/answer', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', [me.csrf.headerName]: me.csrf.token },
      body: JSON.stringify({ notes, close })
    });
    if (!response.ok) {
      status.textContent = await problem(response);
      status.hidden = false;
      return;
    }
    await load();
  }

  function answerBox(r) {
    const form = el('form', 'answer');
    const notes = el('textarea');
    notes.name = 'notes';
    notes.rows = 3;
    notes.maxLength = 2000;
    notes.placeholder = 'Nội dung trả lời / Answer';
    notes.value = r.statusNotes || '';
    const reply = el('button', 'reply', 'Trả lời / Answer');
    reply.type = 'button';
    const close = el('button', 'close', 'Trả lời và đóng / Answer and close');
    close.type = 'button';
    const status = el('p', 'error');
    status.hidden = true;
    reply.addEventListener('click', () => answer(r.id, notes.value, false, status));
    close.addEventListener('click', () => answer(r.id, notes.value, true, status));
    form.append(notes, reply, close, status);
    return form;
  }

  function item(r) {
    const li = el('li', 'report ' + r.status + (r.overdue ? ' overdue' : ''));
    li.dataset.id = r.id;
    const title = el('h2');
    title.append(el('span', 'code', r.id), document.createTextNode(' · ' + r.category.nameVi));
    if (r.overdue) {
      title.append(document.createTextNode(' '), el('span', 'flag', 'Quá hạn / Overdue'));
    }
    li.append(title);
    li.append(el('p', 'meta', [r.ward, r.address].filter(Boolean).join(' · ') || '–'));
    li.append(el('p', 'meta', 'Gửi lúc / Filed ' + time(r.requestedAt) + ' · Hạn / Deadline ' + time(r.deadline)
      + (r.closedAt ? ' · Đã đóng / Closed ' + time(r.closedAt) : '')));
    li.append(el('p', 'description', r.description || ''));
    if (r.statusNotes && r.status !== 'open') {
      li.append(el('p', 'notes', r.statusNotes));
    }
    if (r.status === 'open') {
      li.append(answerBox(r));
    }
    return li;
  }

  async function load() {
    const url = 'api/agency/queue' + (me.post.staff ? '' : '?agency=' + encodeURIComponent(chosen));
    try {
      const items = await getJson(url);
      if (!items) {
        return;
      }
      queue.replaceChildren(...items.map(item));
      document.getElementById('empty').hidden = items.length > 0;
      showError('');
      document.body.dataset.loaded = String(Date.now());
    } catch (e) {
      showError(e.message);
    }
  }

  function describe(post) {
    if (!post.staff) {
      return 'Giám sát / Supervisor';
    }
    if (!post.agency) {
      return 'Chưa thuộc đơn vị nào / Not on any agency\'s staff';
    }
    return post.agency.nameVi + (post.ward ? ' – ' + post.ward : '') + ' / ' + post.agency.nameEn;
  }

  async function start() {
    try {
      const who = await getJson('api/me');
      const post = await getJson('api/agency/post');
      if (!who || !post) {
        return;
      }
      me = { csrf: who.csrf, post };
      document.getElementById('who').textContent = who.username;
      document.getElementById('post').textContent = describe(post);
      const logout = document.getElementById('logout');
      const token = el('input');
      token.type = 'hidden';
      token.name = who.csrf.parameterName;
      token.value = who.csrf.token;
      logout.append(token);
      if (!post.staff) {
        post.agencies.forEach(a => {
          const option = el('option', null, a.nameVi + ' / ' + a.nameEn);
          option.value = a.code;
          select.append(option);
        });
        chosen = new URLSearchParams(window.location.search).get('agency') || (post.agencies[0] && post.agencies[0].code);
        select.value = chosen;
        select.addEventListener('change', () => {
          chosen = select.value;
          load();
        });
        document.getElementById('choose').hidden = false;
      }
      await load();
    } catch (e) {
      showError(e.message);
    }
  }

  start();
  // a refresh rebuilds the list, so it waits while someone is typing an answer
  setInterval(() => me && !(document.activeElement && document.activeElement.tagName === 'TEXTAREA') && load(), 60000);
})();

/* An agency's queue of citizens' reports, from /api/agency/queue, each open one with an answer
   box. Staff see their own agency's (and ward's) queue; supervisors and administrators pick an
   agency, and see the overdue reports escalated to them, which they hand to another agency or
   give more time. Everything the citizen wrote goes onto the page as text, never as HTML. */
'use strict';

(() => {
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

  const time = iso => I18n.time(iso);
  const t = (key, params) => I18n.t(key, params);
  let agencies = [];

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
    notes.placeholder = t('agency.answerPlaceholder');
    notes.value = r.statusNotes || '';
    const reply = el('button', 'reply', t('agency.reply'));
    reply.type = 'button';
    const close = el('button', 'close', t('agency.replyClose'));
    close.type = 'button';
    const status = el('p', 'error');
    status.hidden = true;
    reply.addEventListener('click', () => answer(r.id, notes.value, false, status));
    close.addEventListener('click', () => answer(r.id, notes.value, true, status));
    form.append(notes, reply, close, status);
    return form;
  }

  function item(r) {
    const li = el('li', 'report ' + r.status + (r.overdue ? ' overdue' : '') + (r.escalated ? ' escalated' : ''));
    li.dataset.id = r.id;
    const title = el('h2');
    title.append(el('span', 'code', r.id), document.createTextNode(' · ' + r.category.nameVi));
    if (r.overdue) {
      title.append(document.createTextNode(' '), el('span', 'flag', t('agency.overdue')));
    }
    if (r.escalated) {
      title.append(document.createTextNode(' '), el('span', 'flag escalated-flag', t('agency.escalatedFlag')));
    }
    li.append(title);
    li.append(el('p', 'meta', [r.ward, r.address].filter(Boolean).join(' · ') || '–'));
    li.append(el('p', 'meta', t('agency.filed', { time: time(r.requestedAt) }) + ' · ' + t('agency.deadline', { time: time(r.deadline) })
      + (r.closedAt ? ' · ' + t('agency.closed', { time: time(r.closedAt) }) : '')));
    li.append(el('p', 'description', r.description || ''));
    if (r.duplicateOf) {
      li.append(el('p', 'duplicate-of', t('agency.duplicateOf', { code: r.duplicateOf })));
    }
    if (r.duplicates && r.duplicates.length) {
      li.append(el('p', 'duplicates', t('agency.duplicates', { n: r.duplicates.length, codes: r.duplicates.join(', ') })));
    }
    if (r.statusNotes && r.status !== 'open') {
      li.append(el('p', 'notes', r.statusNotes));
    }
    if (r.status === 'open') {
      li.append(answerBox(r));
    }
    return li;
  }

  async function post(url, body, status) {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', [me.csrf.headerName]: me.csrf.token },
      body: JSON.stringify(body)
    });
    if (!response.ok) {
      status.textContent = await problem(response);
      status.hidden = false;
      return;
    }
    await loadEscalated();
    await load();
  }

  /** A supervisor's choices for an escalated report: another agency, or a later deadline, each with a note. */
  function handleBox(r) {
    const form = el('form', 'handle');
    const note = el('input');
    note.name = 'note';
    note.maxLength = 2000;
    note.placeholder = t('agency.note');
    const agency = el('select');
    agency.name = 'agency';
    agencies.filter(a => a.code !== r.agency).forEach(a => {
      const option = el('option', null, I18n.lang === 'en' ? a.nameEn : a.nameVi);
      option.value = a.code;
      agency.append(option);
    });
    const reassign = el('button', 'reassign', t('agency.reassign'));
    reassign.type = 'button';
    const deadline = el('input');
    deadline.type = 'date';
    deadline.name = 'deadline';
    deadline.title = t('agency.newDeadline');
    const extend = el('button', 'extend', t('agency.extend'));
    extend.type = 'button';
    const status = el('p', 'error');
    status.hidden = true;
    const base = 'api/agency/reports/' + encodeURIComponent(r.id);
    reassign.addEventListener('click', () => post(base + '/reassign', { agency: agency.value, note: note.value }, status));
    // the end of the chosen working day in Huế
    extend.addEventListener('click', () => post(base + '/extend',
      { deadline: deadline.value ? deadline.value + 'T17:00:00+07:00' : null, note: note.value }, status));
    form.append(note, agency, reassign, deadline, extend, status);
    return form;
  }

  async function loadEscalated() {
    const items = await getJson('api/agency/escalated');
    if (!items) {
      return;
    }
    document.getElementById('escalated').replaceChildren(...items.map(r => {
      const li = item(r);
      li.querySelector('form.answer')?.remove();
      li.append(el('p', 'meta', t('agency.with', { agency: r.agency })), handleBox(r));
      return li;
    }));
    document.getElementById('escalated-empty').hidden = items.length > 0;
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
      return t('agency.supervisor');
    }
    if (!post.agency) {
      return t('agency.noPost');
    }
    return (I18n.lang === 'en' ? post.agency.nameEn : post.agency.nameVi) + (post.ward ? ' – ' + post.ward : '');
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
          const option = el('option', null, I18n.lang === 'en' ? a.nameEn : a.nameVi);
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
        agencies = post.agencies;
        document.getElementById('escalated-section').hidden = false;
        await loadEscalated();
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

/* The administrators' page: users, agencies, report categories, devices, Open311 apps, API
   tokens and the audit log, all through /api/admin/**. Every name or text from the database goes
   onto the page as text, never as HTML. */
'use strict';

(() => {
  const { call, el, button, guarded, showSecret } = ConsoleApi;
  let agencies = [];

  function input(value, name) {
    const i = el('input');
    i.value = value === null || value === undefined ? '' : value;
    if (name) {
      i.name = name;
    }
    return i;
  }

  function checkbox(checked, name) {
    const c = el('input');
    c.type = 'checkbox';
    c.checked = !!checked;
    c.name = name;
    return c;
  }

  function agencySelect(value, withEmpty) {
    const s = el('select');
    if (withEmpty) {
      s.append(el('option', null, '–'));
      s.options[0].value = '';
    }
    agencies.forEach(a => {
      const o = el('option', null, (I18n.lang === 'en' ? a.nameEn : a.nameVi) + ' (' + a.code + ')');
      o.value = a.code;
      s.append(o);
    });
    s.value = value || '';
    return s;
  }

  function cells(tr, ...values) {
    values.forEach(v => tr.append(v instanceof Node ? (v.tagName === 'TD' ? v : wrap(v)) : el('td', null, v)));
    return tr;
  }

  function wrap(node) {
    const td = el('td');
    td.append(node);
    return td;
  }

  // ---- users

  async function loadUsers() {
    const users = await call('GET', 'api/admin/users');
    document.getElementById('user-rows').replaceChildren(...users.map(u => {
      const tr = el('tr', u.enabled ? '' : 'disabled');
      tr.dataset.username = u.username;
      const actions = el('td', 'actions');
      const act = (key, path, body) => button(key, () => guarded(async () => {
        const answer = await call('POST', 'api/admin/users/' + encodeURIComponent(u.username) + path, body);
        if (answer && answer.password) {
          showSecret(document.getElementById('new-user-result'), I18n.t('admin.passwordOf', { user: u.username }), answer.password);
        }
        await refresh();
      }));
      actions.append(u.enabled ? act('admin.disable', '/disable') : act('admin.enable', '/enable'), act('admin.resetPassword', '/password', {}));
      if (u.locked) {
        actions.append(act('admin.unlock', '/unlock'));
      }
      const state = [u.enabled ? I18n.t('admin.enabled') : I18n.t('admin.disabled')];
      if (u.locked) {
        state.push(I18n.t('admin.lockedUntil', { time: I18n.time(u.lockedUntil) }));
      }
      return cells(tr, u.username, I18n.t('role.' + u.role), [u.agency, u.ward].filter(Boolean).join(' – ') || '–', state.join(' · '), actions);
    }));
  }

  function userForm() {
    const form = document.getElementById('new-user');
    const role = form.elements.role;
    const staff = () => form.querySelectorAll('.staff').forEach(l => { l.hidden = role.value !== 'AGENCY'; });
    role.addEventListener('change', staff);
    staff();
    form.addEventListener('submit', event => {
      event.preventDefault();
      guarded(async () => {
        const agency = role.value === 'AGENCY';
        const body = { username: form.elements.username.value, role: role.value, password: form.elements.password.value || null,
          agency: agency ? form.elements.agency.value : null, ward: agency ? form.elements.ward.value : null };
        const created = await call('POST', 'api/admin/users', body);
        const result = document.getElementById('new-user-result');
        if (created.password) {
          showSecret(result, I18n.t('admin.passwordOf', { user: created.user.username }), created.password);
        } else {
          result.textContent = I18n.t('admin.userCreated', { user: created.user.username });
          result.hidden = false;
        }
        form.reset();
        staff();
        await refresh();
      });
    });
  }

  // ---- agencies and categories

  async function loadAgencies() {
    agencies = await call('GET', 'api/admin/agencies');
    const select = document.querySelector('#new-user select[name=agency]');
    const chosen = select.value;
    select.replaceChildren(...agencySelect(chosen).options);
    select.value = chosen || (agencies[0] && agencies[0].code);
    document.getElementById('agency-rows').replaceChildren(...agencies.map(a => {
      const tr = el('tr');
      tr.dataset.code = a.code;
      const vi = input(a.nameVi, 'nameVi');
      const en = input(a.nameEn, 'nameEn');
      const ward = checkbox(a.wardLevel, 'wardLevel');
      return cells(tr, a.code, vi, en, ward, button('admin.save', () => guarded(async () => {
        await call('PUT', 'api/admin/agencies/' + encodeURIComponent(a.code), { nameVi: vi.value, nameEn: en.value, wardLevel: ward.checked });
        await refresh();
      })));
    }));
  }

  async function loadCategories() {
    const categories = await call('GET', 'api/admin/categories');
    document.getElementById('category-rows').replaceChildren(...categories.map(c => {
      const tr = el('tr');
      tr.dataset.code = c.code;
      const vi = input(c.nameVi, 'nameVi');
      const en = input(c.nameEn, 'nameEn');
      const agency = agencySelect(c.agency);
      const sla = input(c.slaHours !== null ? c.slaHours : c.slaWorkingDays, 'sla');
      sla.type = 'number';
      sla.min = 1;
      const unit = el('select');
      [['hours', 'admin.hours'], ['days', 'admin.workingDays']].forEach(([v, k]) => {
        const o = el('option', null, I18n.t(k));
        o.value = v;
        unit.append(o);
      });
      unit.value = c.slaHours !== null ? 'hours' : 'days';
      const slaCell = el('td');
      slaCell.append(sla, unit);
      const priv = checkbox(c.isPrivate, 'isPrivate');
      return cells(tr, c.code, vi, en, agency, slaCell, priv, button('admin.save', () => guarded(async () => {
        const n = Number(sla.value);
        await call('PUT', 'api/admin/categories/' + encodeURIComponent(c.code), { nameVi: vi.value, nameEn: en.value, agency: agency.value,
          slaHours: unit.value === 'hours' ? n : null, slaWorkingDays: unit.value === 'days' ? n : null, isPrivate: priv.checked });
        await refresh();
      })));
    }));
  }

  // ---- devices

  function siteEditor(d) {
    const form = el('form', 'inline site-edit');
    const name = input(d.siteName, 'name');
    const lat = input(d.moved ? d.lat : '', 'lat');
    const lon = input(d.moved ? d.lon : '', 'lon');
    lat.placeholder = I18n.t('admin.lat');
    lon.placeholder = I18n.t('admin.lon');
    const save = el('button', null, I18n.t('admin.save'));
    save.type = 'submit';
    form.append(name, lat, lon, save);
    form.addEventListener('submit', event => {
      event.preventDefault();
      guarded(async () => {
        const number = v => (v.trim() === '' ? null : Number(v));
        await call('PUT', 'api/admin/sites/' + encodeURIComponent(d.site), { name: name.value, lat: number(lat.value), lon: number(lon.value) });
        await refresh();
      });
    });
    return form;
  }

  async function loadDevices() {
    const devices = await call('GET', 'api/admin/devices');
    document.getElementById('device-rows').replaceChildren(...devices.map(d => {
      const tr = el('tr', d.retiredAt ? 'retired' : '');
      tr.dataset.id = d.site + '/' + d.device;
      const path = 'api/admin/devices/' + encodeURIComponent(d.site) + '/' + encodeURIComponent(d.device);
      const act = (key, action) => button(key, () => guarded(async () => {
        await call('POST', path + '/' + action);
        await refresh();
      }));
      const actions = el('td', 'actions');
      actions.append(d.retiredAt ? act('admin.restore', 'restore') : act('admin.retire', 'retire'));
      if (d.kind === 'camera') {
        actions.append(d.hidden ? act('admin.unhide', 'unhide') : act('admin.hide', 'hide'));
      }
      actions.append(button('admin.editSite', () => actions.append(siteEditor(d))));
      const site = el('td');
      site.append(el('strong', null, d.siteName || d.site), el('br'), el('small', null, d.site + (d.ward ? ' · ' + d.ward : '')));
      const health = (d.online ? I18n.t('admin.online') : I18n.t('admin.offline') + (d.statusReason ? ' (' + d.statusReason + ')' : ''))
        + ' · ' + I18n.t('admin.lastSeen', { time: I18n.time(d.lastSeen) }) + (d.retiredAt ? ' · ' + I18n.t('admin.retired') : '');
      const visibility = d.kind !== 'camera' ? '–' : !d.edgePublic ? I18n.t('admin.notPublicAtEdge')
        : d.hidden ? I18n.t('admin.hidden') : I18n.t('admin.shown');
      return cells(tr, site, d.device + ' (' + d.kind + ', ' + d.type + ')', health, visibility, actions);
    }));
  }

  // ---- apps, tokens, audit

  function appForm() {
    const form = document.getElementById('new-app');
    form.addEventListener('submit', event => {
      event.preventDefault();
      guarded(async () => {
        const registered = await call('POST', 'api/admin/apps', { name: form.elements.name.value });
        showSecret(document.getElementById('new-app-result'), I18n.t('admin.apiKeyOf', { app: registered.app.name }), registered.apiKey);
        form.reset();
        await refresh();
      });
    });
  }

  async function loadApps() {
    const apps = await call('GET', 'api/admin/apps');
    document.getElementById('app-rows').replaceChildren(...apps.map(a => {
      const tr = el('tr');
      tr.dataset.id = a.id;
      const actions = el('td');
      if (!a.revokedAt) {
        actions.append(button('tokens.revoke', () => guarded(async () => {
          await call('POST', 'api/admin/apps/' + a.id + '/revoke');
          await refresh();
        })));
      }
      return cells(tr, a.name, I18n.time(a.createdAt) + ' · ' + a.createdBy,
        a.revokedAt ? I18n.t('tokens.state.revoked') : I18n.t('tokens.state.active'), actions);
    }));
  }

  async function loadAllTokens() {
    const tokens = await call('GET', 'api/admin/tokens');
    document.getElementById('all-token-rows').replaceChildren(...tokens.map(t => {
      const tr = el('tr');
      tr.dataset.id = t.id;
      const actions = el('td');
      if (t.state === 'active') {
        actions.append(button('tokens.revoke', () => guarded(async () => {
          await call('POST', 'api/admin/tokens/' + t.id + '/revoke');
          await refresh();
        })));
      }
      return cells(tr, t.username, t.name, I18n.time(t.lastUsedAt), I18n.t('tokens.state.' + t.state), actions);
    }));
  }

  async function loadAudit() {
    const entries = await call('GET', 'api/admin/audit?limit=200');
    document.getElementById('audit-rows').replaceChildren(...entries.map(e =>
      cells(el('tr'), I18n.time(e.at), e.actor, e.action, e.target || '–', e.detail || '')));
  }

  async function refresh() {
    await loadAgencies();
    await Promise.all([loadUsers(), loadCategories(), loadDevices(), loadApps(), loadAllTokens(), loadAudit()]);
    document.body.dataset.loaded = String(Date.now());
  }

  async function start() {
    const me = await ConsoleApi.me();
    document.getElementById('who').textContent = me.username;
    const wards = await call('GET', 'api/wards');
    document.getElementById('ward-names').replaceChildren(...wards.features.map(f => {
      const o = el('option');
      o.value = f.properties.name;
      return o;
    }));
    userForm();
    appForm();
    await Tokens.show(document.getElementById('tokens'));
    await refresh();
  }

  guarded(start);
})();

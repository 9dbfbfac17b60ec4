/* A user's own API tokens: list, create (the secret shown once), revoke. */
'use strict';

window.Tokens = (() => {
  const { call, el, button, guarded, showSecret } = ConsoleApi;

  function state(t) {
    return I18n.t('tokens.state.' + t.state);
  }

  async function show(section) {
    const form = el('form', 'inline');
    form.id = 'new-token';
    const name = el('input');
    name.name = 'name';
    name.required = true;
    name.maxLength = 100;
    const expires = el('input');
    expires.name = 'expires';
    expires.type = 'date';
    const submit = el('button', null, I18n.t('tokens.create'));
    submit.type = 'submit';
    const nameLabel = el('label', null, I18n.t('tokens.name') + ' ');
    nameLabel.append(name);
    const expiresLabel = el('label', null, I18n.t('tokens.expires') + ' ');
    expiresLabel.append(expires);
    form.append(nameLabel, expiresLabel, submit);
    const result = el('p', 'secret');
    result.id = 'new-token-result';
    result.hidden = true;
    const rows = el('tbody');
    rows.id = 'token-rows';
    const table = el('table');
    const head = el('tr');
    ['tokens.name', 'tokens.expires', 'tokens.lastUsed', 'admin.state', ''].forEach(k => head.append(el('th', null, k ? I18n.t(k) : '')));
    table.append(el('thead'), rows);
    table.tHead.append(head);
    section.replaceChildren(el('h2', null, I18n.t('tokens.title')), el('p', 'hint', I18n.t('tokens.hint')), form, result, table);

    async function load() {
      const tokens = await call('GET', 'api/tokens');
      rows.replaceChildren(...tokens.map(t => {
        const tr = el('tr');
        tr.dataset.id = t.id;
        const actions = el('td');
        if (t.state === 'active') {
          actions.append(button('tokens.revoke', () => guarded(async () => {
            await call('POST', 'api/tokens/' + t.id + '/revoke');
            await load();
          })));
        }
        tr.append(el('td', null, t.name), el('td', null, t.expiresAt ? I18n.time(t.expiresAt) : I18n.t('tokens.never')),
          el('td', null, I18n.time(t.lastUsedAt)), el('td', null, state(t)), actions);
        return tr;
      }));
    }

    form.addEventListener('submit', event => {
      event.preventDefault();
      guarded(async () => {
        // the end of the chosen day in Huế
        const expiresAt = expires.value ? expires.value + 'T23:59:59+07:00' : null;
        const created = await call('POST', 'api/tokens', { name: name.value, expiresAt });
        showSecret(result, I18n.t('tokens.created'), created.secret);
        form.reset();
        await load();
      });
    });
    await load();
  }

  return { show };
})();

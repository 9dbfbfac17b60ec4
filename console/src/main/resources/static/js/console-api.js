/* The console's JSON API as the admin and token pages call it: the CSRF token from /api/me on
   every change, problem details turned into errors carrying their "detail", a 401 sent to the
   login page. Shared by admin.html and tokens.html. */
'use strict';

window.ConsoleApi = (() => {
  let csrf = null;

  async function me() {
    const who = await call('GET', 'api/me');
    csrf = who.csrf;
    const logout = document.getElementById('logout');
    if (logout) {
      const token = el('input');
      token.type = 'hidden';
      token.name = who.csrf.parameterName;
      token.value = who.csrf.token;
      logout.append(token);
    }
    return who;
  }

  async function call(method, url, body) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET' && csrf) {
      headers[csrf.headerName] = csrf.token;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(url, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 401) {
      window.location.href = 'login';
      throw new Error(I18n.t('api.loggedOut'));
    }
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      throw new Error((data && data.detail) || ('HTTP ' + response.status));
    }
    return data;
  }

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

  function button(key, onClick, className) {
    const b = el('button', className, I18n.t(key));
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function showError(message) {
    const error = document.getElementById('error');
    error.textContent = message || '';
    error.hidden = !message;
  }

  /** Runs an action, showing its error (the API's reason) at the top of the page. */
  async function guarded(action) {
    try {
      await action();
      showError('');
    } catch (e) {
      showError(e.message);
    }
  }

  /** Shows a secret once, with a note that it will not be shown again. */
  function showSecret(holder, label, secret) {
    holder.replaceChildren(document.createTextNode(label + ' '), el('code', 'value', secret),
      document.createTextNode(' ' + I18n.t('api.shownOnce')));
    holder.hidden = false;
  }

  return { me, call, el, button, showError, guarded, showSecret };
})();

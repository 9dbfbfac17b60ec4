/* The language of the console and the citizen pages: Vietnamese first, English on request.
   The choice lives in the cookie "ioc-lang" so that the server-rendered pages (login, alerts,
   report status) and these static pages agree. Each page registers its own phrases with
   I18n.add({ vi: {...}, en: {...} }) from js/i18n/<page>.js, loaded after this file.
   Markup: data-i18n="key" replaces an element's text; data-i18n-attr="placeholder:key;title:key"
   sets attributes. The Vietnamese text is also written in the HTML itself, so the default
   language shows without waiting for script. */
'use strict';

window.I18n = (() => {
  const COOKIE = 'ioc-lang';
  const LANGS = ['vi', 'en'];
  const LOCALES = { vi: 'vi-VN', en: 'en-GB' };
  const phrases = { vi: {}, en: {} };

  function readCookie() {
    const match = document.cookie.match(/(?:^|;\s*)ioc-lang=([a-z]{2})/);
    return match && LANGS.includes(match[1]) ? match[1] : null;
  }

  const fromQuery = new URLSearchParams(window.location.search).get('lang');
  if (LANGS.includes(fromQuery)) {
    document.cookie = COOKIE + '=' + fromQuery + '; path=/; max-age=31536000; SameSite=Lax';
  }
  const lang = LANGS.includes(fromQuery) ? fromQuery : (readCookie() || 'vi');
  document.documentElement.lang = lang;

  /** Adds a page's phrases: { vi: { key: text }, en: { key: text } }. */
  function add(dictionaries) {
    LANGS.forEach(l => Object.assign(phrases[l], dictionaries[l] || {}));
  }

  /** The phrase for key in the chosen language, {name} placeholders filled from params;
      falls back to Vietnamese, then to the key itself so a missing phrase is visible. */
  function t(key, params) {
    let text = phrases[lang][key];
    if (text === undefined) {
      text = phrases.vi[key];
    }
    if (text === undefined) {
      return key;
    }
    if (params) {
      text = text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
    }
    return text;
  }

  /** Translates the marked elements under root (the whole document by default). */
  function apply(root) {
    const scope = root || document;
    scope.querySelectorAll('[data-i18n]').forEach(e => {
      e.textContent = t(e.dataset.i18n);
    });
    scope.querySelectorAll('[data-i18n-attr]').forEach(e => {
      e.dataset.i18nAttr.split(';').forEach(pair => {
        const [attr, key] = pair.split(':').map(s => s.trim());
        if (attr && key) {
          e.setAttribute(attr, t(key));
        }
      });
    });
  }

  /** Switches language and reloads, so that server-rendered parts change too. */
  function choose(next) {
    if (!LANGS.includes(next)) {
      return;
    }
    document.cookie = COOKIE + '=' + next + '; path=/; max-age=31536000; SameSite=Lax';
    const url = new URL(window.location.href);
    url.searchParams.delete('lang');
    window.location.replace(url.toString());
  }

  /** Fills every element with class "lang-switch" with a button to the other language. */
  function switchers() {
    document.querySelectorAll('.lang-switch').forEach(holder => {
      holder.textContent = '';
      const other = lang === 'vi' ? 'en' : 'vi';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'lang-button';
      button.lang = other;
      button.textContent = other === 'en' ? 'English' : 'Tiếng Việt';
      button.addEventListener('click', () => choose(other));
      holder.appendChild(button);
    });
  }

  /** Formats an instant in Huế time, in the chosen language's conventions. */
  function time(iso, style) {
    if (!iso) {
      return '–';
    }
    return new Date(iso).toLocaleString(LOCALES[lang],
        Object.assign({ timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }, style || {}));
  }

  document.addEventListener('DOMContentLoaded', () => {
    apply();
    switchers();
  });

  return { lang, add, t, apply, choose, time, locale: () => LOCALES[lang] };
})();

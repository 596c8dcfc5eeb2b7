// The login screen.
import { h, icon, brandMark, spinner } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError, xsrfToken } from '../api.js';

export function loginView({ loginEnabled, onLoggedIn, onLanguage, ensureSession }) {
  const user = h('input', {
    id: 'login-user', name: 'username', type: 'text', autocomplete: 'username', required: true,
    autocapitalize: 'none', spellcheck: 'false', testid: 'login-user', class: 'input',
  });
  const password = h('input', {
    id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true,
    testid: 'login-password', class: 'input',
  });
  const error = h('p', { class: 'login-error', role: 'alert', testid: 'login-error', hidden: true });
  const submitLabel = h('span', null, t('login.submit'));
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block', testid: 'login-submit' }, submitLabel);
  const disabledNote = loginEnabled ? null : h('div', { class: 'notice notice-warn', testid: 'login-disabled', role: 'note' },
    icon('alert', 20), h('p', null, t('login.disabled')));

  const fieldset = h('fieldset', { class: 'login-fields', disabled: !loginEnabled },
    h('div', { class: 'field' }, h('label', { for: 'login-user' }, t('login.user')), user),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, t('login.password')), password),
    error,
    submit);

  const form = h('form', { class: 'login-form', testid: 'login-form', novalidate: true, 'aria-labelledby': 'login-title' },
    fieldset);

  const showError = (text) => {
    error.textContent = text;
    error.hidden = false;
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!loginEnabled) return;
    error.hidden = true;
    if (!user.value.trim() || !password.value) {
      showError(t('login.wrong'));
      (user.value.trim() ? password : user).focus();
      return;
    }
    submit.disabled = true;
    const spin = spinner();
    submit.prepend(spin);
    submitLabel.textContent = t('login.signingIn');
    const body = { username: user.value.trim(), password: password.value };
    try {
      if (!xsrfToken()) await ensureSession().catch(() => {});
      try {
        await api('POST', '/login', { form: body, expect401: true });
      } catch (err) {
        // A stale XSRF cookie: take a fresh one and try once more.
        if (!(err instanceof ApiError && err.status === 403)) throw err;
        await ensureSession();
        await api('POST', '/login', { form: body, expect401: true });
      }
      await onLoggedIn();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        showError(t('login.wrong'));
        password.select();
        password.focus();
      } else {
        showError(err.message || String(err));
      }
    } finally {
      if (submit.isConnected) {
        spin.remove();
        submit.disabled = false;
        submitLabel.textContent = t('login.submit');
      }
    }
  });

  const lang = h('button', {
    type: 'button', class: 'btn btn-ghost lang-switch', testid: 'lang-switch', 'aria-label': t('lang.switch.aria'),
    on: { click: onLanguage },
  }, icon('globe', 18), h('span', null, t('lang.switch')));

  const el = h('div', { class: 'login-screen' },
    h('div', { class: 'login-top' }, lang),
    h('main', { class: 'login-card' },
      h('div', { class: 'login-brand' }, brandMark(44)),
      h('h1', { id: 'login-title', class: 'login-title' }, t('login.title')),
      h('p', { class: 'login-sub' }, t('login.subtitle')),
      disabledNote,
      form),
    h('p', { class: 'login-foot' }, t('app.product')));

  return {
    el,
    focus(keepLang) {
      if (keepLang) { lang.focus(); return; }
      if (loginEnabled) user.focus();
    },
  };
}

// The operator console: session, shell (header + nav), hash routing.
import { h, icon, brandMark, clear } from './dom.js';
import { t, getLang, setLang } from './i18n.js';
import { api, poll, onUnauthorized, ApiError } from './api.js';
import { setTimeZone, shortDateTime } from './format.js';
import { toast, toastError, emptyState, button, busy } from './ui.js';
import { loginView } from './views/login.js';
import { createInbox } from './views/inbox.js';
import { createConversation } from './views/conversation.js';
import { createFollowUps } from './views/followups.js';
import { createKnowledge } from './views/knowledge.js';
import { createDashboard } from './views/dashboard.js';

const root = document.getElementById('app');
let session = null;
let shell = null; // {main, nav: {name: a}, badge, sending}
let current = null; // the mounted view(s)
let inboxBadge = 0; // needs a human + waiting, from the last inbox poll

const ctx = {
  get session() { return session; },
  setTimeZone(tz) { if (tz) setTimeZone(tz); },
  setInboxBadge(n) {
    inboxBadge = n;
    if (!shell) return;
    shell.badge.textContent = n > 0 ? String(n) : '';
    shell.badge.hidden = !(n > 0);
  },
  go(hash) { if (location.hash !== hash) location.hash = hash; else route(); },
};

// ---------- routing ----------
function parseHash() {
  const hash = location.hash.replace(/^#\/?/, '');
  if (hash.startsWith('c/')) {
    const phone = decodeURIComponent(hash.slice(2)).trim();
    if (phone) return { name: 'conv', phone };
  }
  if (hash === 'follow-ups') return { name: 'followups' };
  if (hash === 'knowledge') return { name: 'knowledge' };
  if (hash === 'dashboard') return { name: 'dashboard' };
  if (hash === 'inbox' || hash === '') return { name: 'inbox' };
  return { name: 'inbox', unknown: true };
}

const TITLES = { inbox: 'nav.inbox', conv: 'nav.inbox', followups: 'nav.followups', knowledge: 'nav.knowledge', dashboard: 'nav.dashboard' };

function unmount() {
  if (!current) return;
  current.conv?.destroy();
  current.inbox?.destroy();
  current.view?.destroy();
  current = null;
}

function route() {
  if (!session || !session.authenticated || !shell) return;
  const r = parseHash();
  if (r.unknown) { history.replaceState(null, '', '#/inbox'); }
  const section = r.name === 'conv' ? 'inbox' : r.name;
  for (const [name, link] of Object.entries(shell.nav)) {
    if (name === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.body.dataset.route = r.name;
  document.title = `${t(TITLES[r.name])} · ${session.business_name || t('app.title')}`;

  if (r.name === 'inbox' || r.name === 'conv') {
    if (!current || current.kind !== 'inbox') {
      unmount();
      const inbox = createInbox(ctx);
      const convHost = h('div', { class: 'conv-host' });
      const split = h('div', { class: 'split' }, inbox.el, convHost);
      clear(shell.main).appendChild(split);
      current = { kind: 'inbox', inbox, convHost, phone: undefined };
    }
    const phone = r.phone || null;
    current.inbox.setSelected(phone);
    if (phone !== current.phone) {
      current.conv?.destroy();
      current.conv = null;
      current.phone = phone;
      clear(current.convHost);
      if (phone) {
        current.conv = createConversation(ctx, phone);
        current.convHost.appendChild(current.conv.el);
        if (window.matchMedia('(max-width: 760px)').matches) current.conv.focusStart?.();
      } else {
        current.convHost.appendChild(h('section', { class: 'pane conv-placeholder', 'aria-label': t('inbox.pick') },
          emptyState('inbox', t('inbox.pick'), t('inbox.pick.hint'))));
      }
    }
    if (!phone && window.matchMedia('(max-width: 760px)').matches) current.inbox.restoreFocus?.();
    return;
  }

  if (current && current.kind === r.name) return;
  unmount();
  const make = { followups: createFollowUps, knowledge: createKnowledge, dashboard: createDashboard }[r.name];
  const view = make(ctx);
  clear(shell.main).appendChild(view.el);
  shell.main.scrollTop = 0;
  current = { kind: r.name, view };
}

// ---------- sending pause (the gateway's, after a ban signal) ----------
const SENDING_POLL_MS = 30000;

function sendingAlert() {
  const el = h('div', { class: 'sending-alert', testid: 'sending-alert', role: 'status' });
  const render = (state) => {
    clear(el);
    if (!state || !state.paused) return;
    const resume = button(t('sending.resume'), { iconName: 'check', kind: 'primary', size: 'sm', testid: 'sending-resume' });
    resume.addEventListener('click', () => busy(resume, async () => {
      try {
        await api('POST', '/sending/resume');
        toast(t('sending.resumed'), 'success');
        render({ paused: false });
        watch.now();
      } catch (err) { toastError(err); }
    }));
    el.appendChild(h('div', { class: 'banner banner-danger' }, icon('alert', 18),
      h('span', null, t('sending.paused', { since: shortDateTime(state.paused_since), reason: state.reason || '' })), resume));
  };
  // a gateway that does not answer shows no alert: the console's other pages still work
  const watch = poll(() => api('GET', '/sending').then(render, () => render(null)), SENDING_POLL_MS);
  return { el, stop: () => watch.stop() };
}

// ---------- shell ----------
function navLink(name, hash, iconName, label, short, testid) {
  const badge = name === 'inbox' ? h('span', { class: 'nav-badge', hidden: true, 'aria-hidden': 'true' }) : null;
  const link = h('a', { href: hash, class: 'nav-link', testid, title: label },
    h('span', { class: 'nav-icon' }, icon(iconName, 22), badge),
    h('span', { class: 'nav-label nav-label-long' }, label),
    h('span', { class: 'nav-label nav-label-short', 'aria-hidden': 'true' }, short));
  return { link, badge };
}

function langButton() {
  const other = getLang() === 'ru' ? 'en' : 'ru';
  return h('button', {
    type: 'button', class: 'btn btn-ghost lang-switch', testid: 'lang-switch', lang: other,
    'aria-label': t('lang.switch.aria'), title: t('lang.switch.aria'),
    on: { click: () => switchLanguage(other) },
  }, icon('globe', 18), h('span', { class: 'long' }, t('lang.switch')), h('span', { class: 'short', 'aria-hidden': 'true' }, t('lang.switch.short')));
}

function buildShell() {
  const main = h('main', { id: 'main', class: 'main', tabindex: '-1' });
  const inbox = navLink('inbox', '#/inbox', 'inbox', t('nav.inbox'), t('nav.inbox'), 'nav-inbox');
  const fu = navLink('followups', '#/follow-ups', 'followups', t('nav.followups'), t('nav.followups.short'), 'nav-followups');
  const kb = navLink('knowledge', '#/knowledge', 'knowledge', t('nav.knowledge'), t('nav.knowledge.short'), 'nav-knowledge');
  const dash = navLink('dashboard', '#/dashboard', 'dashboard', t('nav.dashboard'), t('nav.dashboard'), 'nav-dashboard');

  const logout = h('button', {
    type: 'button', class: 'btn btn-ghost logout', testid: 'logout', 'aria-label': t('header.logout'), title: t('header.logout'),
    on: { click: doLogout },
  }, icon('logout', 18), h('span', { class: 'long' }, t('header.logout')));

  const header = h('header', { class: 'topbar' },
    h('a', { class: 'brand', href: '#/inbox', 'aria-label': `${session.business_name || ''} — ${t('app.title')}` },
      brandMark(32),
      h('span', { class: 'brand-text' },
        h('strong', { class: 'brand-name' }, session.business_name || t('app.product')),
        h('span', { class: 'brand-sub' }, t('app.title')))),
    h('div', { class: 'top-actions' },
      session.user ? h('span', { class: 'who', title: t('header.user', { user: session.user }) },
        icon('user', 18), h('span', { class: 'who-name' }, session.user)) : null,
      h('a', {
        class: 'btn btn-ghost hawtio', href: '/actuator/hawtio', target: '_blank', rel: 'noopener',
        title: t('header.hawtio.title'), 'aria-label': t('header.hawtio.title'),
      }, icon('pulse', 18), h('span', { class: 'long' }, t('header.hawtio'))),
      langButton(),
      logout));

  const nav = h('nav', { class: 'sidenav', 'aria-label': t('nav.label') },
    h('ul', { role: 'list' }, [inbox, fu, kb, dash].map((n) => h('li', null, n.link))));

  shell?.sending.stop();
  const sending = sendingAlert();
  const app = h('div', { class: 'app' },
    h('a', { class: 'skip-link', href: '#main', on: { click: (e) => { e.preventDefault(); main.focus(); } } }, t('app.skip')),
    header, sending.el, nav, main);
  clear(root).appendChild(app);
  shell = {
    main,
    sending,
    badge: inbox.badge,
    nav: { inbox: inbox.link, followups: fu.link, knowledge: kb.link, dashboard: dash.link },
  };
  ctx.setInboxBadge(inboxBadge);
}

function switchLanguage(next) {
  setLang(next);
  if (session && session.authenticated) {
    const focusLang = document.activeElement?.dataset?.testid === 'lang-switch';
    unmount();
    buildShell();
    route();
    if (focusLang) root.querySelector('[data-testid="lang-switch"]')?.focus();
  } else {
    showLogin(true);
  }
}

// ---------- session ----------
async function loadSession() {
  const data = await api('GET', '/session', { expect401: true }).catch((err) => {
    if (err instanceof ApiError && err.status === 401) return { authenticated: false, login_enabled: true };
    throw err;
  });
  session = data || { authenticated: false, login_enabled: true };
  if (session.timezone) setTimeZone(session.timezone);
  return session;
}

function showLogin(keepFocus = false) {
  unmount();
  shell?.sending.stop();
  shell = null;
  delete document.body.dataset.route;
  document.title = `${t('login.title')} · ${t('app.title')}`;
  const view = loginView({
    loginEnabled: session ? session.login_enabled !== false : true,
    onLanguage: () => switchLanguage(getLang() === 'ru' ? 'en' : 'ru'),
    onLoggedIn: async () => {
      await loadSession();
      if (!session.authenticated) { toast(t('login.wrong'), 'error'); return; }
      startApp();
    },
    ensureSession: loadSession,
  });
  clear(root).appendChild(view.el);
  view.focus(keepFocus);
}

function startApp() {
  buildShell();
  if (!location.hash) history.replaceState(null, '', '#/inbox');
  route();
}

async function doLogout() {
  try {
    await api('POST', '/logout');
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 401)) { toastError(err); return; }
  }
  session = { authenticated: false, login_enabled: true };
  try { await loadSession(); } catch { /* the login screen still shows */ }
  session.authenticated = false;
  showLogin();
}

onUnauthorized(() => {
  if (!session || !session.authenticated) return;
  session = { ...session, authenticated: false };
  // A fresh session (and XSRF cookie) for the login form.
  loadSession().catch(() => {}).finally(() => { session.authenticated = false; showLogin(); });
});

window.addEventListener('hashchange', route);

async function boot() {
  document.documentElement.lang = getLang();
  try {
    await loadSession();
  } catch (err) {
    const retry = h('button', { type: 'button', class: 'btn btn-primary', on: { click: () => { clear(root); boot(); } } }, t('common.retry'));
    clear(root).appendChild(h('div', { class: 'boot-error' }, emptyState('alert', err.message || t('error.network')), retry));
    return;
  }
  if (session.authenticated) startApp();
  else showLogin();
}

boot();

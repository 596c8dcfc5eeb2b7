// The inbox: filters with counts, search, the list of conversations (polled every 3 s).
import { h, icon, avatar, clear } from '../dom.js';
import { t } from '../i18n.js';
import { get, poll } from '../api.js';
import { listTime } from '../format.js';
import { statusChip, toastError, emptyState } from '../ui.js';

const FILTERS = ['all', 'bot', 'waiting', 'paused', 'needs_human', 'opted_out', 'not_client'];
// Kept across re-mounts (language switch, coming back from another page).
const state = { filter: 'all', q: '', scrollTop: 0 };

export function createInbox(ctx) {
  let selected = null;
  let lastSig = '';
  let lastCountsSig = '';
  let seq = 0;
  let controller = null;
  let loaded = false;
  let lastError = '';
  const items = new Map(); // phone -> {el, sig}

  const search = h('input', {
    type: 'search', class: 'input search-input', testid: 'inbox-search', placeholder: t('inbox.search'),
    'aria-label': t('inbox.search.label'), value: state.q, autocomplete: 'off', spellcheck: 'false',
  });
  const counts = {};
  const filterButtons = {};
  const filters = h('div', { class: 'filters', role: 'group', 'aria-label': t('filter.label') },
    FILTERS.map((key) => {
      counts[key] = h('span', { class: 'count', testid: `count-${key}` }, '');
      const btn = h('button', {
        type: 'button', class: `filter filter-${key}`, testid: `filter-${key}`, 'aria-pressed': String(state.filter === key),
        on: { click: () => setFilter(key) },
      }, h('span', { class: 'filter-label' }, t(`filter.${key}`)), counts[key]);
      filterButtons[key] = btn;
      return btn;
    }));

  const list = h('ul', { class: 'inbox-list', testid: 'inbox-list', role: 'list', 'aria-label': t('inbox.list'), 'aria-busy': 'true' });
  const empty = h('div', { class: 'inbox-empty', hidden: true });
  const scroller = h('div', { class: 'inbox-scroll' }, list, empty);
  for (let i = 0; i < 6; i += 1) list.appendChild(h('li', { class: 'skeleton-item', 'aria-hidden': 'true' }, h('span', { class: 'sk sk-avatar' }), h('span', { class: 'sk-lines' }, h('span', { class: 'sk sk-line' }), h('span', { class: 'sk sk-line short' }))));

  const el = h('section', { class: 'pane list-pane', 'aria-labelledby': 'inbox-title' },
    h('div', { class: 'list-head' },
      h('h1', { id: 'inbox-title', class: 'pane-title' }, t('inbox.title')),
      h('label', { class: 'search' }, icon('search', 18, 'search-icon'), search),
      filters),
    scroller);

  let searchTimer = null;
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      state.q = search.value.trim();
      refreshNow();
    }, 250);
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { clearTimeout(searchTimer); state.q = search.value.trim(); refreshNow(); }
    if (e.key === 'ArrowDown') { e.preventDefault(); list.querySelector('.inbox-item')?.focus(); }
  });
  scroller.addEventListener('scroll', () => { state.scrollTop = scroller.scrollTop; }, { passive: true });

  function setFilter(key) {
    if (state.filter === key) return;
    state.filter = key;
    for (const [k, btn] of Object.entries(filterButtons)) btn.setAttribute('aria-pressed', String(k === key));
    scroller.scrollTop = 0;
    refreshNow();
  }

  function refreshNow() {
    lastSig = '';
    seq += 1;
    controller?.abort(); // the answer for the old filter or query must not land
    poller.now();
  }

  async function load() {
    const my = ++seq;
    controller?.abort();
    controller = new AbortController();
    const query = { status: state.filter === 'all' ? undefined : state.filter, q: state.q || undefined };
    try {
      const data = await get('/conversations', query, { signal: controller.signal });
      if (my !== seq) return;
      lastError = '';
      render(data || {});
    } catch (err) {
      if (err.name === 'AbortError' || my !== seq) return;
      // One toast per distinct problem, not one every 3 s.
      if (err.message !== lastError) { lastError = err.message; toastError(err); }
    }
  }

  function render(data) {
    ctx.setTimeZone(data.timezone);
    const c = data.counts || {};
    const countsSig = JSON.stringify(c);
    if (countsSig !== lastCountsSig) {
      lastCountsSig = countsSig;
      for (const key of FILTERS) {
        counts[key].textContent = c[key] != null ? String(c[key]) : '';
        counts[key].toggleAttribute('data-zero', c[key] === 0);
      }
      ctx.setInboxBadge((c.needs_human || 0) + (c.waiting || 0));
    }
    const conversations = Array.isArray(data.conversations) ? data.conversations : [];
    const sig = JSON.stringify(conversations) + new Date().getMinutes(); // times like "вчера" roll over
    if (sig === lastSig) return;
    lastSig = sig;
    list.setAttribute('aria-busy', 'false');

    if (!loaded) { clear(list); loaded = true; }
    const focusedPhone = list.contains(document.activeElement) ? document.activeElement.dataset.phone : null;
    const seen = new Set();
    let prev = null;
    for (const conv of conversations) {
      const phone = conv.phone_number;
      if (seen.has(phone)) continue;
      seen.add(phone);
      const itemSig = JSON.stringify(conv) + listTime(conv.last_message_at || conv.last_message?.sent_at);
      let entry = items.get(phone);
      if (!entry || entry.sig !== itemSig) {
        const li = itemElement(conv);
        if (entry) entry.li.replaceWith(li);
        entry = { li, sig: itemSig };
        items.set(phone, entry);
      }
      const want = prev ? prev.nextSibling : list.firstChild;
      if (want !== entry.li) list.insertBefore(entry.li, want);
      prev = entry.li;
    }
    for (const [phone, entry] of items) {
      if (!seen.has(phone)) { entry.li.remove(); items.delete(phone); }
    }
    markSelected();
    if (focusedPhone && !list.contains(document.activeElement)) {
      list.querySelector(`.inbox-item[data-phone="${CSS.escape(focusedPhone)}"]`)?.focus({ preventScroll: true });
    }

    if (!conversations.length) {
      clear(empty).appendChild(state.q
        ? emptyState('search', t('inbox.empty.search', { q: state.q }))
        : emptyState('inbox', state.filter === 'all' ? t('inbox.empty') : t('inbox.empty.filter')));
      empty.hidden = false;
    } else {
      empty.hidden = true;
    }
    if (state.scrollTop && !scroller.dataset.restored) {
      scroller.dataset.restored = '1';
      scroller.scrollTop = state.scrollTop;
    }
  }

  function itemElement(conv) {
    const last = conv.last_message || null;
    const name = conv.name || conv.phone_masked || conv.phone_number;
    let prefix = '';
    if (last && last.role === 'assistant') prefix = last.kind === 'operator' ? t('inbox.prefix.you') : t('inbox.prefix.bot');
    const text = last ? (last.text || '').replace(/\s+/g, ' ').trim() : '';
    const unanswered = Number(conv.unanswered || 0);
    const time = listTime(conv.last_message_at || last?.sent_at);
    const status = conv.status || 'bot';

    const a = h('a', {
      class: ['inbox-item', unanswered > 0 && 'has-unanswered', `is-${status}`],
      href: `#/c/${encodeURIComponent(conv.phone_number)}`,
      testid: 'inbox-item', 'data-phone': conv.phone_number,
    },
      avatar(conv.name, conv.phone_number),
      h('span', { class: 'item-body' },
        h('span', { class: 'item-row' },
          h('span', { class: 'item-name' }, name),
          h('span', { class: 'item-time' }, time)),
        h('span', { class: 'item-row' },
          h('span', { class: ['item-last', !text && 'is-empty'] },
            prefix ? h('span', { class: 'item-prefix' }, prefix) : null,
            text || (last ? t('inbox.noText') : '')),
          unanswered > 0 ? h('span', { class: 'unanswered', 'aria-label': t('inbox.unanswered', { n: unanswered }), title: t('inbox.unanswered', { n: unanswered }) }, String(unanswered)) : null),
        h('span', { class: 'item-row item-meta' },
          statusChip(status, conv.paused_until),
          conv.name ? h('span', { class: 'item-phone' }, conv.phone_masked || '') : null)));
    a.addEventListener('keydown', onItemKey);
    return h('li', null, a);
  }

  function onItemKey(e) {
    const links = [...list.querySelectorAll('.inbox-item')];
    const i = links.indexOf(e.currentTarget);
    if (e.key === ' ' || e.key === 'Spacebar') { e.preventDefault(); e.currentTarget.click(); }
    else if (e.key === 'ArrowDown' && i < links.length - 1) { e.preventDefault(); links[i + 1].focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); (i > 0 ? links[i - 1] : search).focus(); }
    else if (e.key === 'Home') { e.preventDefault(); links[0]?.focus(); }
    else if (e.key === 'End') { e.preventDefault(); links[links.length - 1]?.focus(); }
  }

  function markSelected() {
    for (const [phone, entry] of items) {
      const a = entry.li.firstChild;
      if (phone === selected) { a.setAttribute('aria-current', 'true'); a.classList.add('is-selected'); }
      else { a.removeAttribute('aria-current'); a.classList.remove('is-selected'); }
    }
  }

  const poller = poll(load, 3000);

  return {
    el,
    setSelected(phone) {
      selected = phone;
      markSelected();
    },
    restoreFocus() {
      const a = selected && list.querySelector(`.inbox-item[data-phone="${CSS.escape(selected)}"]`);
      if (a) a.focus({ preventScroll: false });
    },
    destroy() {
      poller.stop();
      controller?.abort();
      clearTimeout(searchTimer);
    },
  };
}

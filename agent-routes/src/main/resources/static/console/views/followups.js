// Follow-ups in progress and upcoming calls.
import { h, icon, avatar, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api, get, poll } from '../api.js';
import { parts, humanDateTime, phoneMasked, timeZone, hm, dayLabel, dayKeyOf } from '../format.js';
import { toast, toastError, busy, emptyState } from '../ui.js';

export function createFollowUps() {
  let fuSig = null;
  let callSig = null;
  let lastError = '';

  const fuList = h('ul', { class: 'rows', testid: 'followups-list', role: 'list', 'aria-labelledby': 'fu-title', 'aria-busy': 'true' });
  const callList = h('ul', { class: 'rows', testid: 'calls-list', role: 'list', 'aria-labelledby': 'calls-title', 'aria-busy': 'true' });
  const fuCount = h('span', { class: 'card-count' });
  const callCount = h('span', { class: 'card-count' });

  const el = h('div', { class: 'page' },
    h('div', { class: 'page-head' },
      h('div', null,
        h('h1', { class: 'page-title' }, t('fu.title')),
        h('p', { class: 'page-sub' }, t('fu.subtitle')))),
    h('div', { class: 'grid-2' },
      h('section', { class: 'card', 'aria-labelledby': 'fu-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'fu-title', class: 'card-title' }, icon('followups', 20), t('fu.active')), fuCount),
        fuList),
      h('section', { class: 'card', 'aria-labelledby': 'calls-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'calls-title', class: 'card-title' }, icon('phone', 20), t('fu.calls')), callCount),
        callList)));

  const nameOf = (x) => x.name || x.full_name || x.first_name || phoneMasked(x.phone_number);
  const link = (x) => h('a', { class: 'row-name', href: `#/c/${encodeURIComponent(x.phone_number)}` }, nameOf(x));

  function wallWhen(local, zone) {
    // "..._local" times are wall-clock in the follow-up's own zone; name the zone when it is not the business's.
    const text = humanDateTime(local, true);
    return zone && zone !== timeZone() ? `${text} (${zone})` : text;
  }

  function renderFollowUps(rows) {
    fuList.setAttribute('aria-busy', 'false');
    fuCount.textContent = rows.length ? String(rows.length) : '';
    if (!rows.length) { clear(fuList).appendChild(h('li', { class: 'rows-empty' }, emptyState('followups', t('fu.empty')))); return; }
    clear(fuList).append(...rows.map((f) => {
      const cancel = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'followup-cancel', 'aria-label': t('fu.cancel.aria', { name: nameOf(f) }) },
        icon('close', 16), h('span', { class: 'btn-label' }, t('fu.cancel')));
      cancel.addEventListener('click', async () => {
        try {
          await busy(cancel, () => api('POST', `/follow-ups/${encodeURIComponent(f.follow_up_id)}/cancel`));
          toast(t('fu.cancelled', { name: nameOf(f) }), 'success');
          fuSig = null;
          poller.now();
        } catch (err) { toastError(err); }
      });
      const meta = [
        h('span', { class: 'meta-item' }, h('span', { class: 'meta-label' }, `${t('fu.next')}: `), h('strong', null, wallWhen(f.next_due_local || f.next_due_utc, f.timezone))),
      ];
      if (f.last_sent_local) meta.push(h('span', { class: 'meta-item' }, h('span', { class: 'meta-label' }, `${t('fu.last')}: `), wallWhen(f.last_sent_local)));
      if (f.started_local) meta.push(h('span', { class: 'meta-item' }, h('span', { class: 'meta-label' }, `${t('fu.started')}: `), wallWhen(f.started_local)));
      return h('li', { class: 'row', testid: 'followup-item', 'data-phone': f.phone_number, 'data-id': f.follow_up_id },
        avatar(f.name, f.phone_number),
        h('div', { class: 'row-main' },
          h('div', { class: 'row-title' }, link(f), h('span', { class: 'pill' }, t('fu.touch', { n: f.touch_number }))),
          h('div', { class: 'row-sub' }, phoneMasked(f.phone_number)),
          h('div', { class: 'row-meta' }, meta)),
        h('div', { class: 'row-actions' }, cancel));
    }));
  }

  function renderCalls(rows) {
    callList.setAttribute('aria-busy', 'false');
    callCount.textContent = rows.length ? String(rows.length) : '';
    if (!rows.length) { clear(callList).appendChild(h('li', { class: 'rows-empty' }, emptyState('calendar', t('fu.calls.empty')))); return; }
    clear(callList).append(...rows.map((c) => {
      const who = nameOf(c);
      const p = c.scheduled_local ? parts(c.scheduled_local, true) : parts(c.scheduled_at);
      const mark = (status, btn, okKey) => async () => {
        try {
          await busy(btn, () => api('POST', `/scheduled-calls/${encodeURIComponent(c.id)}/status`, { json: { status } }));
          toast(t(okKey, { name: who }), 'success');
          callSig = null;
          poller.now();
        } catch (err) { toastError(err); }
      };
      const done = h('button', { type: 'button', class: 'btn btn-primary btn-sm', testid: 'call-done', 'aria-label': t('fu.call.done.aria', { name: who }) },
        icon('check', 16), h('span', { class: 'btn-label' }, t('fu.call.done')));
      const noShow = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'call-no-show', 'aria-label': t('fu.call.noShow.aria', { name: who }) },
        icon('close', 16), h('span', { class: 'btn-label' }, t('fu.call.noShow')));
      done.addEventListener('click', mark('done', done, 'fu.call.marked.done'));
      noShow.addEventListener('click', mark('no_show', noShow, 'fu.call.marked.noShow'));
      const dayText = p ? dayLabel(dayKeyOf(p)) : '—';
      return h('li', { class: 'row', testid: 'call-item', 'data-id': c.id, 'data-phone': c.phone_number },
        h('div', { class: 'when', 'aria-hidden': 'true' },
          h('span', { class: 'when-time' }, p ? hm(p) : '—'),
          h('span', { class: 'when-day' }, dayText)),
        h('div', { class: 'row-main' },
          h('div', { class: 'row-title' }, link(c)),
          h('div', { class: 'row-sub' }, h('span', { class: 'sr-only' }, `${humanDateTime(c.scheduled_local || c.scheduled_at, Boolean(c.scheduled_local))} · `), phoneMasked(c.phone_number)),
          c.notes ? h('p', { class: 'row-note' }, c.notes) : null),
        h('div', { class: 'row-actions' }, done, noShow));
    }));
  }

  async function load() {
    const [fu, calls] = await Promise.allSettled([get('/follow-ups/active'), get('/scheduled-calls')]);
    for (const r of [fu, calls]) {
      if (r.status === 'rejected' && r.reason.message !== lastError) { lastError = r.reason.message; toastError(r.reason); }
    }
    if (fu.status === 'fulfilled') {
      const sig = JSON.stringify(fu.value);
      if (sig !== fuSig) { fuSig = sig; renderFollowUps(Array.isArray(fu.value && fu.value.follow_ups) ? fu.value.follow_ups : []); }
    }
    if (calls.status === 'fulfilled') {
      const sig = JSON.stringify(calls.value);
      if (sig !== callSig) { callSig = sig; renderCalls(Array.isArray(calls.value) ? calls.value : []); }
    }
  }
  const poller = poll(load, 10000);
  return { el, destroy() { poller.stop(); } };
}

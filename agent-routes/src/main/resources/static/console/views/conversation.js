// One conversation: header with status, bot controls, the messages (polled every 3 s), writing as the business.
import { h, icon, avatar, clear, uid } from '../dom.js';
import { t, num } from '../i18n.js';
import { api, get, poll, uuid, ApiError } from '../api.js';
import { parts, hm, dayKey, dayLabel, humanDateTime, shortDateTime, phoneFull, isMac, timeZone } from '../format.js';
import { statusChip, statusOf, toast, toastError, busy, menu, formDialog, emptyState } from '../ui.js';

const drafts = new Map(); // phone -> {text, id}: survives switching conversations and the language
let showDetails = false;
const CLASSIFICATION_REASON = 'set in the console';
const VOICE_TYPES = new Set(['ptt', 'audio', 'voice']);
const ATTACH = { image: ['image', 'msg.image'], document: ['document', 'msg.document'], video: ['image', 'msg.video'], sticker: ['image', 'msg.sticker'] };
const SHOWN_IMAGES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);
const PLACEHOLDER = /^\[[a-z_]+(?::[^\]]*)?\]\s*/;
const MEDIA_MISSING = new Set(['too_large', 'unsupported', 'failed', 'invalid', 'expired']);
const KIND_TAGS = { follow_up: 'msg.followUp', fallback: 'msg.fallback', greeting: 'msg.greeting' };

export function createConversation(ctx, phone) {
  const path = `/contacts/${encodeURIComponent(phone)}`;
  let contact = null;
  let contactSig = '';
  let msgSig = '';
  let messageCount = 0;
  let firstRender = true;
  let destroyed = false;
  let lastError = '';
  const draft = drafts.get(phone) || { text: '', id: null };
  drafts.set(phone, draft);

  // ---- header ----
  const titleId = uid('conv-title');
  const back = h('a', { class: 'btn btn-ghost btn-icon back', href: '#/inbox', 'aria-label': t('conv.back'), title: t('conv.back') }, icon('back', 22));
  const avatarSlot = h('span', { class: 'avatar-slot' }, avatar('', phone, 'lg'));
  const title = h('h2', { id: titleId, class: 'conv-name', tabindex: '-1' }, phoneFull(phone));
  const chipSlot = h('span', { class: 'chip-slot' });
  const sub = h('p', { class: 'conv-sub' }, chipSlot, h('span', { class: 'conv-phone' }, phoneFull(phone)));
  const head = h('header', { class: 'conv-head' }, back, avatarSlot, h('div', { class: 'conv-title' }, title, sub));

  // ---- actions ----
  const pauseBtn = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'action-pause', 'aria-label': t('conv.pause.aria') },
    icon('pause', 18), h('span', { class: 'btn-label' }, t('conv.pause')), icon('chevron', 16, 'chev'));
  const pauseMenu = menu(pauseBtn, [
    ...[1, 4, 12, 24].map((n) => ({ label: `${t('conv.pause.hours', { n })} · ${t('conv.pause.hours.long', { n })}`, testid: `pause-hours-${n}`, onSelect: () => pause(n) })),
    { label: t('conv.pause.custom'), testid: 'pause-hours-custom', onSelect: customPause },
  ], { label: t('conv.pause.aria') });
  const pauseWrap = h('div', { class: 'menu-wrap' }, pauseBtn, pauseMenu.el);

  const resumeBtn = h('button', { type: 'button', class: 'btn btn-primary', testid: 'action-resume', hidden: true },
    icon('play', 18), h('span', { class: 'btn-label' }, t('conv.resume')));
  resumeBtn.addEventListener('click', () => act(resumeBtn, () => api('POST', `${path}/resume`), t('conv.resumed.toast')));

  const doneBtn = h('button', { type: 'button', class: 'btn btn-warn', testid: 'action-needs-human-done', hidden: true, 'aria-label': t('conv.needsHumanDone.aria'), title: t('conv.needsHumanDone.aria') },
    icon('check', 18), h('span', { class: 'btn-label' }, t('conv.needsHumanDone')));
  doneBtn.addEventListener('click', () => act(doneBtn, () => api('POST', `${path}/needs-human/done`), t('conv.needsHumanDone.toast')));

  const clientBtn = h('button', { type: 'button', class: 'seg-btn', testid: 'action-classify-client', 'aria-pressed': 'false' }, t('conv.class.client'));
  const notClientBtn = h('button', { type: 'button', class: 'seg-btn', testid: 'action-classify-not-client', 'aria-pressed': 'false' }, t('conv.class.notClient'));
  const classify = (isClient, btn) => act(btn, () => api('PUT', `${path}/classification`, { json: { is_client: isClient, reason: CLASSIFICATION_REASON } }),
    isClient ? t('conv.class.toast.client') : t('conv.class.toast.notClient'));
  clientBtn.addEventListener('click', () => classify(true, clientBtn));
  notClientBtn.addEventListener('click', () => classify(false, notClientBtn));
  const seg = h('div', { class: 'seg', role: 'group', 'aria-label': t('conv.class.label') }, clientBtn, notClientBtn);

  const rerunBtn = h('button', { type: 'button', class: 'btn btn-ghost', testid: 'action-rerun-moderator', 'aria-label': t('conv.rerun.aria'), title: t('conv.rerun.aria') },
    icon('refresh', 18), h('span', { class: 'btn-label' }, t('conv.rerun')));
  rerunBtn.addEventListener('click', () => act(rerunBtn, () => api('POST', `${path}/classify`), t('conv.rerun.toast'), t('conv.rerun.busy')));

  const detailsId = uid('details');
  const detailsBtn = h('button', {
    type: 'button', class: 'btn btn-ghost details-toggle', testid: 'details-toggle', 'aria-expanded': String(showDetails), 'aria-controls': detailsId,
  }, icon('info', 18), h('span', { class: 'btn-label' }, t('conv.details')));
  detailsBtn.addEventListener('click', () => {
    showDetails = !showDetails;
    applyDetails();
  });

  const actions = h('div', { class: 'conv-actions', role: 'group', 'aria-label': t('conv.actions') },
    h('div', { class: 'action-group' }, pauseWrap, resumeBtn, doneBtn),
    h('div', { class: 'action-group' }, seg, rerunBtn, detailsBtn));

  const details = h('div', { id: detailsId, class: 'details', hidden: !showDetails, role: 'region', 'aria-label': t('conv.details.title') });
  const banners = h('div', { class: 'banners' });

  // ---- messages ----
  const log = h('div', { class: 'messages', role: 'log', 'aria-label': t('conv.messages'), tabindex: '0', 'aria-busy': 'true' },
    h('div', { class: 'messages-loading' }, h('span', { class: 'spinner' }), t('conv.loading')));
  const jump = h('button', { type: 'button', class: 'jump', hidden: true, 'aria-label': '↓' }, icon('chevron', 20));
  jump.addEventListener('click', () => { log.scrollTo({ top: log.scrollHeight, behavior: 'smooth' }); });
  log.addEventListener('scroll', () => { if (nearBottom()) jump.hidden = true; }, { passive: true });
  const logWrap = h('div', { class: 'messages-wrap' }, log, jump);

  // ---- composer ----
  const textarea = h('textarea', {
    class: 'input compose-text', testid: 'compose-text', rows: 1, placeholder: t('compose.placeholder'),
    'aria-label': t('compose.label'), value: draft.text, maxlength: 4096,
  });
  const sendLabel = h('span', { class: 'btn-label' }, t('compose.send'));
  const sendBtn = h('button', { type: 'submit', class: 'btn btn-primary compose-send', testid: 'compose-send', 'aria-label': t('compose.send') },
    icon('send', 18), sendLabel);
  const hint = h('p', { class: 'compose-hint', id: uid('hint') }, isMac() ? t('compose.hint.mac') : t('compose.hint'));
  textarea.setAttribute('aria-describedby', hint.id);
  const composer = h('form', { class: 'composer', 'aria-label': t('compose.label') },
    h('div', { class: 'compose-row' }, textarea, sendBtn), hint);
  let sending = false;

  const grow = () => {
    textarea.style.height = 'auto';
    textarea.style.height = `${Math.min(textarea.scrollHeight + 2, 180)}px`;
  };
  textarea.addEventListener('input', () => {
    draft.text = textarea.value;
    if (!textarea.value.trim()) draft.id = null; // an empty box starts a new message
    grow();
  });
  textarea.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); send(); }
  });
  composer.addEventListener('submit', (e) => { e.preventDefault(); send(); });

  async function send() {
    const text = textarea.value.trim();
    if (!text || sending) { if (!text) textarea.focus(); return; }
    if (!draft.id) draft.id = uuid(); // the same id on a retry: the server will not send it twice
    sending = true;
    sendBtn.disabled = true;
    textarea.readOnly = true;
    composer.setAttribute('aria-busy', 'true');
    sendLabel.textContent = t('compose.sending');
    hint.classList.remove('is-error');
    try {
      const res = await api('POST', `${path}/messages`, { json: { text, client_message_id: draft.id } });
      if (destroyed) return;
      textarea.value = '';
      draft.text = '';
      draft.id = null;
      grow();
      toast(res && res.paused_until ? t('compose.queued', { time: shortDateTime(res.paused_until) }) : t('compose.queued.short'), 'success');
      hint.textContent = isMac() ? t('compose.hint.mac') : t('compose.hint');
      poller.now();
    } catch (err) {
      toastError(err);
      if (!(err instanceof ApiError) || err.status === 0 || err.status >= 500) {
        hint.textContent = t('compose.retry');
        hint.classList.add('is-error');
      }
    } finally {
      sending = false;
      sendBtn.disabled = false;
      textarea.readOnly = false;
      composer.removeAttribute('aria-busy');
      sendLabel.textContent = t('compose.send');
      if (!destroyed) textarea.focus();
    }
  }

  const body = h('div', { class: 'conv-body' }, actions, details, banners, logWrap, composer);
  const el = h('section', { class: 'pane conv-pane', testid: 'conversation', 'data-phone': phone, 'aria-labelledby': titleId }, head, body);
  applyDetails();
  requestAnimationFrame(grow);

  // ---- actions ----
  async function act(btn, fn, okText, busyText) {
    try {
      await busy(btn, async () => {
        const updated = await fn();
        if (destroyed) return;
        if (updated && typeof updated === 'object' && (updated.phone_number || updated.status)) renderContact(updated);
        else poller.now();
        if (okText) toast(typeof okText === 'function' ? okText(updated) : okText, 'success');
      }, busyText);
    } catch (err) {
      toastError(err);
    }
  }

  function pause(hours) {
    act(pauseBtn, () => api('POST', `${path}/pause`, { query: { hours } }),
      () => (contact && contact.paused_until ? t('conv.paused.toast', { time: shortDateTime(contact.paused_until) }) : t('status.paused.open')));
  }

  async function customPause() {
    const data = await formDialog({
      title: t('conv.pause.dialog'),
      text: t('conv.pause.dialog.text'),
      okLabel: t('conv.pause.dialog.ok'),
      build(form) {
        const id = uid('hours');
        form.append(h('div', { class: 'field' },
          h('label', { for: id }, t('conv.pause.dialog.hours')),
          h('input', { id, name: 'hours', type: 'number', class: 'input', min: 1, max: 8760, step: 1, value: '2', required: true, inputmode: 'numeric', testid: 'pause-hours-input', autofocus: true })));
      },
      validate(fd) {
        const n = Number(fd.get('hours'));
        return Number.isInteger(n) && n >= 1 && n <= 8760 ? null : t('conv.pause.bad');
      },
    });
    pauseBtn.focus();
    if (data) pause(Number(data.get('hours')));
  }

  function applyDetails() {
    details.hidden = !showDetails;
    detailsBtn.setAttribute('aria-expanded', String(showDetails));
    el.classList.toggle('show-details', showDetails);
  }

  // ---- rendering ----
  function displayName(c) {
    return c.name || c.full_name || c.first_name || c.push_name || phoneFull(c.phone_number || phone);
  }

  function renderContact(c) {
    contact = c;
    const sig = JSON.stringify(c);
    if (sig === contactSig) return;
    contactSig = sig;
    const name = displayName(c);
    title.textContent = name;
    clear(avatarSlot).appendChild(avatar(c.name || c.full_name || c.first_name || c.push_name, c.phone_number || phone, 'lg'));
    const status = statusOf(c);
    clear(chipSlot).appendChild(statusChip(status, c.paused_until, 'contact-status'));

    const paused = status === 'paused' || (c.paused_until && new Date(c.paused_until) > new Date());
    resumeBtn.hidden = !paused;
    doneBtn.hidden = !c.needs_human;
    clientBtn.setAttribute('aria-pressed', String(c.is_client === true));
    notClientBtn.setAttribute('aria-pressed', String(c.is_client === false));

    // banners
    clear(banners);
    if (c.opted_out) banners.appendChild(banner('muted', 'alert', t('conv.banner.optedOut')));
    else if (c.needs_human) banners.appendChild(banner('warn', 'hand', t('conv.banner.needsHuman')
      + (c.needs_human_reason ? ` ${t('conv.banner.reason', { reason: c.needs_human_reason })}` : '')));
    else if (c.is_client === false) banners.appendChild(banner('info', 'info', t('conv.banner.notClient')));
    if (c.payment_claimed_at) banners.appendChild(banner('info', 'info', t('conv.banner.paymentClaimed', { payment: payment(c) })));

    // details
    const rows = [];
    const row = (label, value) => rows.push(h('div', { class: 'dl-row' }, h('dt', null, label), h('dd', null, value)));
    row(t('conv.verdict.isClient'), c.is_client == null ? '—' : (c.is_client ? t('conv.verdict.yes') : t('conv.verdict.no')));
    if (c.classification_confidence != null) {
      const conf = Number(c.classification_confidence);
      row(t('conv.verdict.confidence'), conf <= 1 ? num(conf, { style: 'percent' }) : num(conf));
    } else row(t('conv.verdict.confidence'), '—');
    row(t('conv.verdict.reason'), c.classification_reason || '—');
    row(t('conv.verdict.at'), c.classified_at ? humanDateTime(c.classified_at) : '—');
    const names = [...new Set([c.full_name, c.first_name, c.push_name, c.business_name].filter(Boolean))];
    if (names.length) row(t('conv.info.names'), names.join(' · '));
    if (c.language) row(t('conv.info.language'), c.language);
    row(t('conv.info.followUp'), c.follow_up
      ? t('conv.followUp', { n: c.follow_up.touch_number, when: humanDateTime(c.follow_up.next_due_local, true) })
      : t('conv.followUp.none'));
    if (c.payment_amount != null) row(t('conv.info.payment'), payment(c));
    if (c.created_at) row(t('conv.info.created'), humanDateTime(c.created_at));
    if (c.chat_id) row(t('conv.info.chat'), c.chat_id);
    clear(details).appendChild(h('dl', { class: 'dl' }, rows));
  }

  // what the customer's receipt says: "200 000 ₸ · Асель Н. · 2026-12-01"
  function payment(c) {
    const amount = c.payment_amount == null ? null
      : `${num(Number(c.payment_amount))} ${!c.payment_currency || c.payment_currency === 'KZT' ? '₸' : c.payment_currency}`;
    return [amount, c.payment_payer, c.payment_date].filter(Boolean).join(' · ');
  }

  function banner(kind, iconName, text) {
    return h('div', { class: `banner banner-${kind}` }, icon(iconName, 18), h('span', null, text));
  }

  function nearBottom() { return log.scrollHeight - log.scrollTop - log.clientHeight < 96; }

  function renderMessages(list) {
    const sig = JSON.stringify(list);
    if (sig === msgSig) return;
    msgSig = sig;
    const stick = firstRender || nearBottom();
    const grew = list.length > messageCount;
    messageCount = list.length;
    log.setAttribute('aria-busy', 'false');
    const nodes = [];
    let day = '';
    let prevSide = '';
    for (const m of list) {
      const key = dayKey(m.sent_at);
      if (key && key !== day) {
        day = key;
        prevSide = '';
        nodes.push(h('div', { class: 'day-sep', role: 'separator' }, h('span', null, dayLabel(key))));
      }
      const row = messageElement(m);
      const side = m.role === 'user' ? 'in' : 'out';
      if (prevSide && side !== prevSide) row.classList.add('group-start');
      prevSide = side;
      nodes.push(row);
    }
    if (!list.length) nodes.push(emptyState('inbox', t('conv.noMessages')));
    const top = log.scrollTop;
    log.replaceChildren(...nodes);
    if (stick) {
      log.scrollTop = log.scrollHeight;
      jump.hidden = true;
    } else {
      log.scrollTop = top;
      if (grew) jump.hidden = false;
    }
    firstRender = false;
  }

  function messageElement(m) {
    const isUser = m.role === 'user';
    const kind = m.kind || '';
    const operator = !isUser && kind === 'operator';
    const side = isUser ? 'in' : operator ? 'out-operator' : 'out-bot';
    const bubbleHead = [];
    if (operator) bubbleHead.push(h('span', { class: 'msg-author' }, icon('user', 14), t('msg.operator')));
    if (KIND_TAGS[kind]) bubbleHead.push(h('span', { class: `tag tag-${kind}` }, t(KIND_TAGS[kind])));

    const content = [];
    const type = m.message_type || 'chat';
    const text = m.message_text || '';
    if (m.is_voice || VOICE_TYPES.has(type)) {
      let transcript;
      if (m.transcription_status === 'failed') transcript = h('span', { class: 'voice-failed' }, t('msg.voice.failed'));
      else if (text) transcript = h('span', { class: 'msg-text' }, text);
      else transcript = h('span', { class: 'voice-pending' }, t('msg.voice.pending'));
      content.push(h('div', { class: 'voice' },
        h('span', { class: 'voice-icon', 'aria-hidden': 'true' }, icon('mic', 16)),
        h('span', { class: 'sr-only' }, `${t('msg.voice')}: `),
        transcript));
    } else if (type !== 'chat' && type !== 'text') {
      content.push(attachment(m, type));
      // the gateway's placeholder ("[image]", "[document: price.pdf]") says what the attachment above shows
      const caption = text.replace(PLACEHOLDER, '');
      if (caption) content.push(h('p', { class: 'msg-text' }, caption));
    } else {
      content.push(h('p', { class: 'msg-text' }, text));
    }

    const p = parts(m.sent_at);
    const foot = h('span', { class: 'msg-foot' },
      isUser && m.intent ? h('span', { class: `intent intent-${m.intent}` }, t('msg.intent', { intent: t(`msg.intent.${m.intent}`) === `msg.intent.${m.intent}` ? m.intent : t(`msg.intent.${m.intent}`) })) : null,
      h('time', { datetime: m.sent_at || '', title: m.sent_at ? `${humanDateTime(m.sent_at)} (${timeZone()})` : null }, hm(p)));

    return h('div', { class: `msg-row side-${isUser ? 'in' : 'out'}` },
      h('div', { class: `msg msg-${side}`, testid: 'message', 'data-role': m.role, 'data-kind': kind, 'data-id': m.message_id ?? '' },
        bubbleHead.length ? h('div', { class: 'msg-head' }, bubbleHead) : null,
        content,
        foot));
  }

  // The file the customer sent: a picture in place (it opens full size), another file as a link to download, or
  // why the gateway could not bring it.
  function attachment(m, type) {
    const [iconName, labelKey] = ATTACH[type] || ['document', 'msg.attachment'];
    const label = h('span', { class: 'attach-icon', 'aria-hidden': 'true' }, icon(iconName, 18));
    const url = m.media_mime_type ? `${path}/messages/${encodeURIComponent(m.message_id)}/media` : null;
    if (url && SHOWN_IMAGES.has(m.media_mime_type)) {
      return h('a', { class: 'media-link', href: url, target: '_blank', rel: 'noopener', title: t('msg.media.open') },
        h('img', { class: 'media-image', src: url, alt: t(labelKey), loading: 'lazy', testid: 'message-image' }));
    }
    if (url) {
      return h('a', { class: 'attach attach-file', href: url, download: m.media_file_name || '', testid: 'message-file' }, label,
        h('span', null, m.media_file_name || t(labelKey)),
        m.media_size_bytes ? h('span', { class: 'attach-size' }, t('msg.media.kb', { kb: num(Math.max(1, Math.round(m.media_size_bytes / 1024))) })) : null);
    }
    const missing = MEDIA_MISSING.has(m.media_status) ? h('span', { class: 'media-missing', testid: 'media-missing' }, t(`msg.media.${m.media_status}`)) : null;
    return h('div', { class: 'attach' }, label, h('span', null, t(labelKey)), missing);
  }

  function renderNotFound() {
    destroyed = true;
    poller.stop();
    clear(body).appendChild(emptyState('search', t('conv.notFound'), t('conv.notFound.hint', { phone: phoneFull(phone) })));
    title.textContent = phoneFull(phone);
  }

  // ---- polling ----
  async function load() {
    try {
      const [c, msgs] = await Promise.all([get(path), get(`${path}/messages`)]);
      if (destroyed) return;
      lastError = '';
      renderContact(c || {});
      renderMessages(Array.isArray(msgs) ? msgs : []);
    } catch (err) {
      if (destroyed) return;
      if (err instanceof ApiError && err.status === 404) { renderNotFound(); return; }
      if (err.message !== lastError) { lastError = err.message; toastError(err); }
    }
  }
  const poller = poll(load, 3000);

  return {
    el,
    focusStart() { requestAnimationFrame(() => title.focus({ preventScroll: true })); },
    destroy() {
      destroyed = true;
      poller.stop();
      pauseMenu.close(false);
    },
  };
}

// Shared pieces: toasts, status chips, menus, dialogs, buttons.
import { h, icon, spinner } from './dom.js';
import { t } from './i18n.js';
import { shortDateTime } from './format.js';

// ---- toasts ----
let toastRegion = null;
function region() {
  if (!toastRegion || !toastRegion.isConnected) {
    toastRegion = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite', 'aria-relevant': 'additions' });
    document.body.appendChild(toastRegion);
  }
  return toastRegion;
}

/** toast('text') or toast('text', 'error'|'success'|'info'). */
export function toast(message, kind = 'info', ms) {
  const life = ms ?? (kind === 'error' ? 8000 : 4500);
  const close = h('button', { type: 'button', class: 'toast-close', 'aria-label': t('toast.close') }, icon('close', 16));
  const el = h('div', { class: `toast toast-${kind}`, testid: 'toast', role: kind === 'error' ? 'alert' : null },
    icon(kind === 'error' ? 'alert' : kind === 'success' ? 'check' : 'info', 18, 'toast-icon'),
    h('span', { class: 'toast-text' }, message), close);
  const remove = () => {
    if (!el.isConnected) return;
    el.classList.add('leaving');
    setTimeout(() => el.remove(), 180);
  };
  close.addEventListener('click', remove);
  let timer = setTimeout(remove, life);
  el.addEventListener('mouseenter', () => clearTimeout(timer));
  el.addEventListener('mouseleave', () => { timer = setTimeout(remove, 2500); });
  // a pointer left resting on the toast keeps it a while, never for good
  setTimeout(remove, life * 3);
  const r = region();
  while (r.children.length >= 4) r.firstElementChild.remove();
  r.appendChild(el);
  return el;
}

export function toastError(err) {
  if (err && err.name === 'AbortError') return;
  if (err && err.status === 401) return; // the login screen says it
  toast(err && err.message ? err.message : String(err), 'error');
}

// ---- status ----
export const STATUSES = ['bot', 'waiting', 'paused', 'needs_human', 'opted_out', 'not_client'];

/** A contact's status when the server gave none. */
export function statusOf(c) {
  if (c.status) return c.status;
  if (c.opted_out) return 'opted_out';
  if (c.needs_human) return 'needs_human';
  if (c.paused_until && new Date(c.paused_until) > new Date()) return 'paused';
  if (c.is_client === false) return 'not_client';
  return 'bot';
}

export function statusLabel(status, pausedUntil) {
  if (status === 'paused') return pausedUntil ? t('status.paused', { time: shortDateTime(pausedUntil) }) : t('status.paused.open');
  const key = `status.${status}`;
  const label = t(key);
  return label === key ? status : label;
}

export function statusChip(status, pausedUntil, testid = 'status-chip') {
  return h('span', { class: `chip chip-${status}`, testid, 'data-status': status },
    h('span', { class: 'chip-dot', 'aria-hidden': 'true' }), statusLabel(status, pausedUntil));
}

// ---- buttons ----
export function button(label, { iconName, kind = 'secondary', testid, onClick, aria, title, type = 'button', size } = {}) {
  return h('button', {
    type, class: ['btn', `btn-${kind}`, size && `btn-${size}`], testid, 'aria-label': aria || null, title: title || null,
    on: onClick ? { click: onClick } : null,
  }, iconName ? icon(iconName, 18) : null, label ? h('span', { class: 'btn-label' }, label) : null);
}

/** Disables the button and shows a spinner while fn runs. */
export async function busy(btn, fn, busyLabel) {
  if (btn.disabled) return undefined;
  btn.disabled = true;
  btn.setAttribute('aria-busy', 'true');
  btn.classList.add('is-busy');
  const labelEl = btn.querySelector('.btn-label');
  const oldLabel = labelEl ? labelEl.textContent : null;
  if (labelEl && busyLabel) labelEl.textContent = busyLabel;
  const spin = spinner();
  btn.prepend(spin);
  try {
    return await fn();
  } finally {
    spin.remove();
    if (labelEl && oldLabel != null) labelEl.textContent = oldLabel;
    btn.classList.remove('is-busy');
    btn.removeAttribute('aria-busy');
    btn.disabled = false;
  }
}

// ---- menus ----
/**
 * A drop-down menu under trigger: items [{label, testid, onSelect}]. Arrow keys move, Esc closes.
 * Returns {el} to place next to the trigger (the wrapper is made relative by CSS).
 */
export function menu(trigger, items, { label } = {}) {
  const list = h('div', { class: 'menu', role: 'menu', 'aria-label': label || null, hidden: true });
  const buttons = items.map((item) => h('button', {
    type: 'button', class: 'menu-item', role: 'menuitem', testid: item.testid, tabindex: '-1',
    on: { click: () => { close(false); item.onSelect(); } },
  }, item.label));
  list.append(...buttons);
  trigger.setAttribute('aria-haspopup', 'menu');
  trigger.setAttribute('aria-expanded', 'false');

  const onDoc = (e) => { if (!list.contains(e.target) && !trigger.contains(e.target)) close(false); };
  function open() {
    list.hidden = false;
    trigger.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', onDoc, true);
    buttons[0]?.focus();
  }
  function close(returnFocus = true) {
    if (list.hidden) return;
    list.hidden = true;
    trigger.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', onDoc, true);
    if (returnFocus) trigger.focus();
  }
  trigger.addEventListener('click', () => (list.hidden ? open() : close()));
  trigger.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && list.hidden) { e.preventDefault(); open(); }
  });
  list.addEventListener('keydown', (e) => {
    const i = buttons.indexOf(document.activeElement);
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); buttons[(i + 1) % buttons.length].focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); buttons[(i - 1 + buttons.length) % buttons.length].focus(); }
    else if (e.key === 'Home') { e.preventDefault(); buttons[0].focus(); }
    else if (e.key === 'End') { e.preventDefault(); buttons[buttons.length - 1].focus(); }
    else if (e.key === 'Tab') close(false);
  });
  return { el: list, close };
}

// ---- dialogs ----
/**
 * A modal <dialog> with a form. build(form) adds the fields; resolves with the FormData or null.
 * Esc and the cancel button close it.
 */
export function formDialog({ title, text, okLabel, build, validate }) {
  return new Promise((resolve) => {
    const error = h('p', { class: 'field-error', role: 'alert', hidden: true });
    const form = h('form', { method: 'dialog', class: 'dialog-form', novalidate: true });
    const titleId = `dlg-${Math.random().toString(36).slice(2)}`;
    const cancel = h('button', { type: 'button', class: 'btn btn-ghost', value: 'cancel' }, t('common.cancel'));
    const ok = h('button', { type: 'submit', class: 'btn btn-primary', value: 'ok' }, okLabel);
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId },
      form);
    form.append(
      h('h2', { id: titleId, class: 'dialog-title' }, title),
      text ? h('p', { class: 'dialog-text' }, text) : null);
    build(form);
    form.append(error, h('div', { class: 'dialog-actions' }, cancel, ok));
    let result = null;
    cancel.addEventListener('click', () => dialog.close());
    form.addEventListener('submit', (e) => {
      const data = new FormData(form);
      const problem = validate ? validate(data) : null;
      if (problem) {
        e.preventDefault();
        error.textContent = problem;
        error.hidden = false;
        return;
      }
      result = data;
    });
    dialog.addEventListener('close', () => { dialog.remove(); resolve(result); });
    document.body.appendChild(dialog);
    dialog.showModal();
  });
}

/** Visually hidden text for screen readers. */
export function srOnly(text) { return h('span', { class: 'sr-only' }, text); }

export function emptyState(iconName, title, hint) {
  return h('div', { class: 'empty' },
    h('span', { class: 'empty-icon' }, icon(iconName, 28)),
    h('p', { class: 'empty-title' }, title),
    hint ? h('p', { class: 'empty-hint' }, hint) : null);
}

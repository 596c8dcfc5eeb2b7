// JSON calls to the agent: same-origin cookies, the XSRF header on every change, {"error"} bodies as messages.
import { t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

let unauthorized = () => {};
/** Called on any 401 (except where the caller expects one, like a wrong password). */
export function onUnauthorized(fn) { unauthorized = fn; }

/** The XSRF-TOKEN cookie, read fresh: it changes after login. */
export function xsrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

const CHANGES = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

/**
 * api('GET', '/conversations', {query: {status: 'bot'}})
 * options: query, json, form, body (raw), headers, signal, expect401 (do not treat 401 as "logged out").
 */
export async function api(method, path, options = {}) {
  const { query, json, form, body, headers = {}, signal, expect401 = false } = options;
  let url = path;
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const qs = params.toString();
    if (qs) url += (url.includes('?') ? '&' : '?') + qs;
  }
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers }, signal };
  if (CHANGES.has(method)) init.headers['X-XSRF-TOKEN'] = xsrfToken();
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['Content-Type'] = 'application/json';
  } else if (form !== undefined) {
    init.body = new URLSearchParams(form).toString();
    init.headers['Content-Type'] = 'application/x-www-form-urlencoded';
  } else if (body !== undefined) {
    init.body = body;
  }

  let response;
  try {
    response = await fetch(url, init);
  } catch (err) {
    if (err && err.name === 'AbortError') throw err;
    throw new ApiError(0, t('error.network'), null);
  }
  const text = await response.text().catch(() => '');
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (response.status === 401 && !expect401) unauthorized();
  if (!response.ok) {
    let message = data && typeof data.error === 'string' && data.error ? data.error : null;
    if (!message) message = response.status === 403 ? t('error.forbidden') : t('error.status', { status: response.status });
    throw new ApiError(response.status, message, data);
  }
  return data;
}

export const get = (path, query, opts = {}) => api('GET', path, { ...opts, query });

/**
 * Runs task now and then every `ms` after each run ends; waits while the tab is hidden
 * and runs at once when it comes back. stop() ends it; now() runs it at once.
 */
export function poll(task, ms) {
  let timer = null;
  let running = false;
  let stopped = false;
  let again = false;

  const schedule = () => {
    clearTimeout(timer);
    if (stopped || document.hidden) return;
    timer = setTimeout(run, ms);
  };
  async function run() {
    if (stopped) return;
    if (document.hidden) return;
    if (running) { again = true; return; }
    running = true;
    try { await task(); } catch { /* the task shows its own errors */ }
    running = false;
    if (again) { again = false; run(); return; }
    schedule();
  }
  const onVisibility = () => {
    if (document.hidden) clearTimeout(timer);
    else run();
  };
  document.addEventListener('visibilitychange', onVisibility);
  run();
  return {
    stop() { stopped = true; clearTimeout(timer); document.removeEventListener('visibilitychange', onVisibility); },
    now() { clearTimeout(timer); run(); },
  };
}

/** A random UUID, also where crypto.randomUUID is missing (plain http on a LAN address). */
export function uuid() {
  if (globalThis.crypto && typeof crypto.randomUUID === 'function') {
    try { return crypto.randomUUID(); } catch { /* insecure context */ }
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

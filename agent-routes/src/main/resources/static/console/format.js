// Dates and numbers in the business's time zone (given by the API), in the console's language.
import { t, locale, getLang, num } from './i18n.js';

let zone = 'Asia/Almaty';

export function setTimeZone(tz) {
  if (!tz || tz === zone) return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    zone = tz;
    partsFormat = null;
  } catch { /* unknown zone: keep the old one */ }
}
export function timeZone() { return zone; }

let partsFormat = null;
function zoneParts(date) {
  if (!partsFormat) {
    partsFormat = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
  }
  const out = {};
  for (const p of partsFormat.formatToParts(date)) out[p.type] = p.value;
  return { y: +out.year, mo: +out.month, d: +out.day, H: +out.hour % 24, Mi: +out.minute };
}

const NAIVE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;
const WALL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/;

/**
 * Calendar parts {y, mo, d, H, Mi} of a timestamp in the business zone.
 * A string without an offset is taken as wall-clock time already in that zone.
 * With wall=true, an offset timestamp keeps its own wall-clock time (for "..._local" fields).
 */
export function parts(value, wall = false) {
  if (value == null || value === '') return null;
  if (typeof value === 'string') {
    const naive = value.match(NAIVE);
    if (naive) return { y: +naive[1], mo: +naive[2], d: +naive[3], H: naive[4] != null ? +naive[4] : null, Mi: naive[5] != null ? +naive[5] : null };
    if (wall) {
      const m = value.match(WALL);
      if (m) return { y: +m[1], mo: +m[2], d: +m[3], H: +m[4], Mi: +m[5] };
    }
  }
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return zoneParts(date);
}

const pad = (n) => String(n).padStart(2, '0');
export const dayKeyOf = (p) => `${p.y}-${pad(p.mo)}-${pad(p.d)}`;
export function todayKey() { return dayKeyOf(zoneParts(new Date())); }

/** 'YYYY-MM-DD' shifted by n days. */
export function shiftDay(key, n) {
  const [y, m, d] = key.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + n));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function dayKey(value, wall) { const p = parts(value, wall); return p ? dayKeyOf(p) : ''; }

export function hm(p) { return p && p.H != null ? `${pad(p.H)}:${pad(p.Mi)}` : ''; }
export function ddmm(p) { return `${pad(p.d)}.${pad(p.mo)}`; }

/** The inbox's time: HH:mm today, "вчера" yesterday, else dd.MM. */
export function listTime(value) {
  const p = parts(value);
  if (!p) return '';
  const key = dayKeyOf(p);
  const today = todayKey();
  if (key === today) return hm(p);
  if (key === shiftDay(today, -1)) return t('time.yesterday');
  return ddmm(p) + (p.y !== +today.slice(0, 4) ? `.${String(p.y).slice(2)}` : '');
}

/** "14:30" today, else "03.12 14:30" (for the pause chip). */
export function shortDateTime(value, wall = false) {
  const p = parts(value, wall);
  if (!p) return '';
  return dayKeyOf(p) === todayKey() ? hm(p) : `${ddmm(p)} ${hm(p)}`;
}

function monthDay(p, withYear) {
  const opts = { day: 'numeric', month: 'long', timeZone: 'UTC' };
  if (withYear) opts.year = 'numeric';
  return new Intl.DateTimeFormat(locale(), opts).format(new Date(Date.UTC(p.y, p.mo - 1, p.d, 12)));
}

/** "сегодня, 10:00", "завтра, 10:00", "3 декабря, 10:00". */
export function humanDateTime(value, wall = false) {
  const p = parts(value, wall);
  if (!p) return '—';
  const key = dayKeyOf(p);
  const today = todayKey();
  let day;
  if (key === today) day = t('time.today');
  else if (key === shiftDay(today, -1)) day = t('time.yesterday');
  else if (key === shiftDay(today, 1)) day = t('time.tomorrow');
  else day = monthDay(p, p.y !== +today.slice(0, 4));
  return p.H != null ? `${day}, ${hm(p)}` : day;
}

/** A day separator in the chat: "Сегодня", "Вчера", "2 декабря". */
export function dayLabel(key) {
  const today = todayKey();
  if (key === today) return t('day.today');
  if (key === shiftDay(today, -1)) return t('day.yesterday');
  if (key === shiftDay(today, 1)) return t('day.tomorrow');
  const [y, mo, d] = key.split('-').map(Number);
  return monthDay({ y, mo, d }, y !== +today.slice(0, 4));
}

/** Local date key -> "03.11" for chart axes; "3 нояб. 2026" style for ranges. */
export function shortDay(key) { const [, mo, d] = key.split('-'); return `${d}.${mo}`; }
export function rangeDay(key) {
  const [y, mo, d] = key.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, mo - 1, d, 12)));
}
export function weekday(key) {
  const [y, mo, d] = key.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, mo - 1, d, 12)));
}

/** "4 с", "2 мин", "1 ч 5 мин". */
export function duration(seconds) {
  if (seconds == null || Number.isNaN(Number(seconds))) return t('dash.none');
  const s = Number(seconds);
  if (s < 59.5) return t('dash.sec', { n: num(Math.round(s)) });
  if (s < 3570) return t('dash.min', { n: num(Math.round(s / 60)) });
  const h = Math.floor(s / 3600);
  const m = Math.round((s - h * 3600) / 60);
  return t('dash.hours', { h: num(h), m: num(m) });
}

export function bytes(n) {
  if (n == null) return '';
  if (n < 1024) return t('size.b', { n: num(n) });
  if (n < 1024 * 1024) return t('size.kb', { n: num(Math.round(n / 1024)) });
  return t('size.mb', { n: num(n / 1024 / 1024, { maximumFractionDigits: n >= 10 * 1024 * 1024 ? 0 : 1 }) });
}

/** "+7 701 123 45 67" for Kazakh/Russian numbers, "+<digits>" otherwise. */
export function phoneFull(digits) {
  const d = String(digits || '').replace(/\D/g, '');
  if (d.length === 11 && d[0] === '7') return `+7 ${d.slice(1, 4)} ${d.slice(4, 7)} ${d.slice(7, 9)} ${d.slice(9)}`;
  return d ? `+${d}` : '';
}

/** "+7 701 *** ** 67": for lists other than the inbox, which gets it from the server. */
export function phoneMasked(digits) {
  const d = String(digits || '').replace(/\D/g, '');
  if (d.length === 11 && d[0] === '7') return `+7 ${d.slice(1, 4)} *** ** ${d.slice(9)}`;
  if (d.length >= 9) return `+${d.slice(0, 2)} ${d.slice(2, 5)} *** ** ${d.slice(-2)}`;
  if (d.length > 4) return `+${d.slice(0, 2)} *** ${d.slice(-2)}`;
  return d ? `+${d}` : '';
}

export function percent(part, whole) {
  if (!whole) return '—';
  return num(part / whole, { style: 'percent', maximumFractionDigits: part / whole < 0.1 && part > 0 ? 1 : 0 });
}

export function isMac() { return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent || ''); }
export { getLang };

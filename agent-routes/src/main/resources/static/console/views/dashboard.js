// The dashboard: period, funnel, messages per day (inline SVG), follow-ups, reply time, Gemini and queues.
import { h, s, icon, clear } from '../dom.js';
import { t, num } from '../i18n.js';
import { get, poll } from '../api.js';
import { todayKey, shiftDay, shortDay, rangeDay, weekday, duration, percent, hm, parts } from '../format.js';
import { toast, toastError } from '../ui.js';

const PRESETS = [7, 30, 90];
const FUNNEL = ['new_contacts', 'clients', 'answered', 'booked_or_yes'];
const state = { days: 30, from: null, to: null };

export function createDashboard(ctx) {
  let sig = '';
  let data = null;
  let lastError = '';
  let destroyed = false;
  let seq = 0;

  if (!state.from || !state.to || state.days) {
    state.to = todayKey();
    state.from = shiftDay(state.to, -((state.days || 30) - 1));
  }

  // ---- period picker ----
  const presetButtons = PRESETS.map((n) => {
    const btn = h('button', { type: 'button', class: 'seg-btn', testid: `period-${n}`, 'aria-pressed': String(state.days === n) }, t('dash.days', { n }));
    btn.addEventListener('click', () => {
      state.days = n;
      state.to = todayKey();
      state.from = shiftDay(state.to, -(n - 1));
      syncPicker();
      reload();
    });
    return btn;
  });
  const fromInput = h('input', { type: 'date', class: 'input input-date', id: 'dash-from', value: state.from, max: todayKey(), testid: 'period-from' });
  const toInput = h('input', { type: 'date', class: 'input input-date', id: 'dash-to', value: state.to, max: todayKey(), testid: 'period-to' });
  const onDates = () => {
    const from = fromInput.value;
    const to = toInput.value;
    if (!from || !to) return;
    if (from > to) { toast(t('dash.badRange'), 'error'); return; }
    state.days = null;
    state.from = from;
    state.to = to;
    syncPicker();
    reload();
  };
  fromInput.addEventListener('change', onDates);
  toInput.addEventListener('change', onDates);
  function syncPicker() {
    presetButtons.forEach((b, i) => b.setAttribute('aria-pressed', String(state.days === PRESETS[i])));
    fromInput.value = state.from;
    toInput.value = state.to;
  }

  const picker = h('div', { class: 'period', role: 'group', 'aria-label': t('dash.period') },
    h('div', { class: 'seg' }, presetButtons),
    h('div', { class: 'dates' },
      h('label', { class: 'date-field', for: 'dash-from' }, h('span', null, t('dash.from')), fromInput),
      h('label', { class: 'date-field', for: 'dash-to' }, h('span', null, t('dash.to')), toInput)));

  // ---- cards ----
  const rangeText = h('p', { class: 'page-sub' });
  const kpis = h('div', { class: 'kpis' });
  const chartHost = h('div', { class: 'chart' });
  const legend = h('div', { class: 'legend', 'aria-hidden': 'true' },
    h('span', { class: 'legend-item' }, h('span', { class: 'swatch swatch-messages' }), t('dash.messages')),
    h('span', { class: 'legend-item' }, h('span', { class: 'swatch swatch-replies' }), t('dash.replies')));
  const funnel = h('div', { class: 'funnel', testid: 'funnel' });
  const followUps = h('div', { class: 'fu-stats' });
  const queues = h('div', { class: 'queues' });
  const updated = h('p', { class: 'updated', 'aria-live': 'off' });

  const el = h('div', { class: 'page page-wide', testid: 'dashboard' },
    h('div', { class: 'page-head' },
      h('div', null, h('h1', { class: 'page-title' }, t('dash.title')), rangeText),
      picker),
    kpis,
    h('section', { class: 'card card-chart', 'aria-labelledby': 'dash-chart-title' },
      h('div', { class: 'card-head' }, h('h2', { id: 'dash-chart-title', class: 'card-title' }, icon('dashboard', 20), t('dash.perDay')), legend),
      chartHost),
    h('div', { class: 'grid-3' },
      h('section', { class: 'card', 'aria-labelledby': 'dash-funnel-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'dash-funnel-title', class: 'card-title' }, icon('spark', 20), t('dash.funnel'))), funnel),
      h('section', { class: 'card', 'aria-labelledby': 'dash-fu-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'dash-fu-title', class: 'card-title' }, icon('followups', 20), t('dash.followUps'))), followUps),
      h('section', { class: 'card', 'aria-labelledby': 'dash-q-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'dash-q-title', class: 'card-title' }, icon('pulse', 20), t('dash.queues'))), queues)),
    updated);

  // ---- rendering ----
  function render(d) {
    ctx.setTimeZone(d.timezone);
    if (d.from && d.to) {
      rangeText.textContent = t('dash.range', { from: rangeDay(d.from), to: rangeDay(d.to) });
      if (!state.days) { state.from = d.from; state.to = d.to; syncPicker(); }
    }
    const perDay = Array.isArray(d.per_day) ? d.per_day : [];
    const totalMessages = perDay.reduce((a, x) => a + (Number(x.messages) || 0), 0);
    const totalReplies = perDay.reduce((a, x) => a + (Number(x.replies) || 0), 0);
    const g = d.gemini || {};

    clear(kpis).append(
      kpi(t('dash.total.messages'), num(totalMessages), perDay.length ? t('dash.perDayAvg', { n: num(totalMessages / perDay.length, { maximumFractionDigits: 1 }) }) : null, 'messages'),
      kpi(t('dash.total.replies'), num(totalReplies), perDay.length ? t('dash.perDayAvg', { n: num(totalReplies / perDay.length, { maximumFractionDigits: 1 }) }) : null, 'replies'),
      kpi(t('dash.median'), duration(d.median_first_reply_seconds), t('dash.median.hint')),
      kpi(t('dash.gemini'), num(g.calls ?? 0), null, null, [
        h('span', { class: ['kpi-chip', Number(g.errors) > 0 && 'is-bad'] }, `${t('dash.gemini.errors')}: ${num(g.errors ?? 0)}`),
        h('span', { class: ['kpi-chip', Number(g.fallbacks) > 0 && 'is-warn'] }, `${t('dash.gemini.fallbacks')}: ${num(g.fallbacks ?? 0)}`),
      ], t('dash.gemini.calls')));

    drawChart(perDay, totalMessages, totalReplies, d);
    renderFunnel(d.funnel || {});
    renderFollowUps(Array.isArray(d.follow_ups) ? d.follow_ups : []);
    renderQueues(Array.isArray(d.queues) ? d.queues : []);
    updated.textContent = t('dash.updated', { time: hm(parts(new Date())) });
  }

  function kpi(label, value, hint, swatch, chips, unit) {
    return h('div', { class: 'kpi' },
      h('span', { class: 'kpi-label' }, swatch ? h('span', { class: `swatch swatch-${swatch}` }) : null, label),
      h('span', { class: 'kpi-value' }, value, unit ? h('span', { class: 'kpi-unit' }, ` ${unit}`) : null),
      hint ? h('span', { class: 'kpi-hint' }, hint) : null,
      chips ? h('span', { class: 'kpi-chips' }, chips) : null);
  }

  function renderFunnel(f) {
    const first = Number(f[FUNNEL[0]]) || 0;
    clear(funnel).appendChild(h('ol', { class: 'funnel-list', role: 'list' }, FUNNEL.map((key, i) => {
      const v = Number(f[key]) || 0;
      const share = first ? Math.min(1, v / first) : 0;
      const pct = i === 0 ? (first ? num(1, { style: 'percent' }) : '—') : percent(v, first);
      return h('li', { class: 'funnel-step', 'data-step': key },
        h('div', { class: 'funnel-top' },
          h('span', { class: 'funnel-label' }, t(`dash.funnel.${key}`)),
          h('span', { class: 'funnel-num' }, h('strong', null, num(v)), h('span', { class: 'funnel-pct', title: t('dash.funnel.ofFirst', { p: pct }) }, pct))),
        h('div', { class: 'bar', role: 'presentation' }, h('span', { class: `bar-fill step-${i}`, style: { width: `${(share * 100).toFixed(1)}%` } })));
    })));
  }

  function renderFollowUps(rows) {
    if (!rows.length) { clear(followUps).appendChild(h('p', { class: 'muted' }, t('dash.fu.empty'))); return; }
    const maxSent = Math.max(1, ...rows.map((r) => Number(r.sent) || 0));
    clear(followUps).appendChild(h('table', { class: 'table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('dash.fu.touch')),
        h('th', { scope: 'col', class: 'num' }, t('dash.fu.sent')),
        h('th', { scope: 'col', class: 'num' }, t('dash.fu.replied')),
        h('th', { scope: 'col', class: 'num' }, '%'))),
      h('tbody', null, rows.map((r) => {
        const sent = Number(r.sent) || 0;
        const replied = Number(r.replied) || 0;
        return h('tr', null,
          h('th', { scope: 'row' }, h('span', { class: 'pill' }, String(r.touch))),
          h('td', { class: 'num' }, h('span', { class: 'mini-bar' }, h('span', { style: { width: `${(sent / maxSent) * 100}%` } })), num(sent)),
          h('td', { class: 'num' }, num(replied)),
          h('td', { class: 'num strong' }, percent(replied, sent)));
      }))));
  }

  function renderQueues(rows) {
    if (!rows.length) { clear(queues).appendChild(h('p', { class: 'muted' }, t('dash.queues.empty'))); return; }
    const val = (v) => (v == null ? t('dash.none') : num(v));
    clear(queues).appendChild(h('table', { class: 'table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('dash.queue.name')),
        h('th', { scope: 'col', class: 'num' }, t('dash.queue.depth')),
        h('th', { scope: 'col', class: 'num' }, t('dash.queue.dead')))),
      h('tbody', null, rows.map((q) => h('tr', { 'data-queue': q.name },
        h('th', { scope: 'row', class: 'queue-name' }, breakable(q.name)),
        h('td', { class: 'num' }, val(q.depth)),
        h('td', { class: ['num', Number(q.dead_letters) > 0 && 'is-bad'] },
          Number(q.dead_letters) > 0 ? h('span', { class: 'dead' }, icon('alert', 14), val(q.dead_letters)) : val(q.dead_letters)))))));
  }

  // ---- the chart ----
  let chartData = null;
  let chartWidth = 0;
  function drawChart(perDay, totalMessages, totalReplies, d) {
    chartData = { perDay, totalMessages, totalReplies, from: d.from || state.from, to: d.to || state.to };
    paintChart();
  }

  function paintChart() {
    if (!chartData) return;
    const { perDay } = chartData;
    const W = Math.max(260, Math.round(chartHost.clientWidth || 600));
    chartWidth = W;
    const narrow = W < 520;
    const H = narrow ? 210 : 270;
    const pad = { l: 36, r: 12, t: 14, b: 28 };
    const pw = W - pad.l - pad.r;
    const ph = H - pad.t - pad.b;
    const n = perDay.length;
    const values = perDay.flatMap((x) => [Number(x.messages) || 0, Number(x.replies) || 0]);
    const { max, step } = niceScale(Math.max(1, ...values));
    const x = (i) => pad.l + (n <= 1 ? pw / 2 : (i * pw) / (n - 1));
    const y = (v) => pad.t + ph * (1 - v / max);

    const svg = s('svg', {
      class: 'chart-svg', testid: 'dashboard-chart', width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', tabindex: '0',
      'aria-label': t('dash.chart.aria', {
        from: rangeDay(chartData.from), to: rangeDay(chartData.to),
        messages: num(chartData.totalMessages), replies: num(chartData.totalReplies),
      }),
    });
    const gradId = `grad-${Math.random().toString(36).slice(2, 8)}`;
    svg.appendChild(s('defs', null,
      s('linearGradient', { id: gradId, x1: 0, y1: 0, x2: 0, y2: 1 },
        s('stop', { offset: '0%', 'stop-color': 'var(--chart-messages)', 'stop-opacity': 0.22 }),
        s('stop', { offset: '100%', 'stop-color': 'var(--chart-messages)', 'stop-opacity': 0.01 }))));

    // grid and y labels
    const grid = s('g', { class: 'chart-grid' });
    for (let v = 0; v <= max + 1e-9; v += step) {
      const yy = Math.round(y(v)) + 0.5;
      grid.appendChild(s('line', { x1: pad.l, x2: W - pad.r, y1: yy, y2: yy, class: v === 0 ? 'axis' : 'gridline' }));
      grid.appendChild(s('text', { x: pad.l - 8, y: yy, class: 'tick tick-y', 'text-anchor': 'end', 'dominant-baseline': 'middle' }, num(v)));
    }
    svg.appendChild(grid);

    // x labels: as many as fit, about 58 px apart, always the last day
    const xs = s('g', { class: 'chart-x' });
    if (n) {
      const fit = Math.max(2, Math.floor(pw / 58));
      const every = Math.max(1, Math.ceil(n / fit));
      for (let i = 0; i < n; i += 1) {
        const lastOne = i === n - 1;
        if (i % every !== 0 && !lastOne) continue;
        if (!lastOne && n - 1 - i < every * 0.6 && i !== 0) continue; // keep clear of the last label
        xs.appendChild(s('text', { x: x(i), y: H - 8, class: 'tick tick-x', 'text-anchor': n === 1 ? 'middle' : i === 0 ? 'start' : lastOne ? 'end' : 'middle' }, shortDay(perDay[i].date)));
      }
    }
    svg.appendChild(xs);

    if (!n || !chartData.totalMessages && !chartData.totalReplies) {
      svg.appendChild(s('text', { x: pad.l + pw / 2, y: pad.t + ph / 2, class: 'chart-empty', 'text-anchor': 'middle' }, t('dash.chart.empty')));
    }
    if (n) {
      const pm = perDay.map((p, i) => [x(i), y(Number(p.messages) || 0)]);
      const pr = perDay.map((p, i) => [x(i), y(Number(p.replies) || 0)]);
      const base = y(0);
      const mLine = smoothPath(pm);
      svg.appendChild(s('path', { d: `${mLine} L${pm[pm.length - 1][0]},${base} L${pm[0][0]},${base} Z`, fill: `url(#${gradId})`, class: 'area' }));
      svg.appendChild(s('path', { d: mLine, class: 'line line-messages' }));
      svg.appendChild(s('path', { d: smoothPath(pr), class: 'line line-replies' }));
      if (n <= 14) {
        pm.forEach(([cx, cy]) => svg.appendChild(s('circle', { cx, cy, r: 3, class: 'dot dot-messages' })));
        pr.forEach(([cx, cy]) => svg.appendChild(s('circle', { cx, cy, r: 3, class: 'dot dot-replies' })));
      }
    }

    // hover and keyboard read-out
    const guide = s('line', { class: 'guide', x1: 0, x2: 0, y1: pad.t, y2: pad.t + ph, visibility: 'hidden' });
    const hm1 = s('circle', { r: 4.5, class: 'dot-hover dot-messages', visibility: 'hidden' });
    const hm2 = s('circle', { r: 4.5, class: 'dot-hover dot-replies', visibility: 'hidden' });
    svg.append(guide, hm1, hm2);
    const overlay = s('rect', { x: pad.l - 6, y: pad.t, width: pw + 12, height: ph, fill: 'transparent', class: 'overlay' });
    svg.appendChild(overlay);
    const tip = h('div', { class: 'chart-tip', hidden: true, 'aria-hidden': 'true' });
    let active = -1;
    const show = (i) => {
      if (!n) return;
      active = Math.max(0, Math.min(n - 1, i));
      const p = perDay[active];
      const cx = x(active);
      guide.setAttribute('x1', cx); guide.setAttribute('x2', cx); guide.setAttribute('visibility', 'visible');
      hm1.setAttribute('cx', cx); hm1.setAttribute('cy', y(Number(p.messages) || 0)); hm1.setAttribute('visibility', 'visible');
      hm2.setAttribute('cx', cx); hm2.setAttribute('cy', y(Number(p.replies) || 0)); hm2.setAttribute('visibility', 'visible');
      clear(tip).append(
        h('strong', null, `${weekday(p.date)}, ${shortDay(p.date)}`),
        h('span', null, h('span', { class: 'swatch swatch-messages' }), `${t('dash.messages')}: ${num(p.messages ?? 0)}`),
        h('span', null, h('span', { class: 'swatch swatch-replies' }), `${t('dash.replies')}: ${num(p.replies ?? 0)}`));
      tip.hidden = false;
      const tw = tip.offsetWidth || 160;
      tip.style.left = `${Math.max(0, Math.min(W - tw, cx - tw / 2))}px`;
      tip.style.top = `${Math.max(0, Math.min(y(Number(p.messages) || 0), y(Number(p.replies) || 0)) - (tip.offsetHeight || 60) - 10)}px`;
      live.textContent = `${shortDay(p.date)}: ${t('dash.messages')} ${num(p.messages ?? 0)}, ${t('dash.replies')} ${num(p.replies ?? 0)}`;
    };
    const hide = () => {
      active = -1;
      tip.hidden = true;
      for (const e of [guide, hm1, hm2]) e.setAttribute('visibility', 'hidden');
    };
    overlay.addEventListener('pointermove', (e) => {
      const r = svg.getBoundingClientRect();
      const px = ((e.clientX - r.left) / r.width) * W;
      show(n <= 1 ? 0 : Math.round(((px - pad.l) / pw) * (n - 1)));
    });
    overlay.addEventListener('pointerleave', hide);
    svg.addEventListener('blur', hide);
    svg.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight') { e.preventDefault(); show(active < 0 ? 0 : active + 1); }
      else if (e.key === 'ArrowLeft') { e.preventDefault(); show(active < 0 ? n - 1 : active - 1); }
      else if (e.key === 'Home') { e.preventDefault(); show(0); }
      else if (e.key === 'End') { e.preventDefault(); show(n - 1); }
      else if (e.key === 'Escape') hide();
    });
    const live = h('p', { class: 'sr-only', 'aria-live': 'polite' });
    clear(chartHost).append(svg, tip, live);
  }

  const ro = new ResizeObserver(() => {
    const w = Math.round(chartHost.clientWidth);
    if (chartData && Math.abs(w - chartWidth) > 4) paintChart();
  });
  ro.observe(chartHost);

  // ---- loading ----
  function reload() { sig = ''; seq += 1; poller.now(); }

  async function load() {
    const my = ++seq;
    try {
      const d = await get('/dashboard', { from: state.from, to: state.to });
      if (destroyed || my !== seq) return;
      lastError = '';
      const next = JSON.stringify(d);
      if (next === sig) { updated.textContent = t('dash.updated', { time: hm(parts(new Date())) }); return; }
      sig = next;
      data = d || {};
      render(data);
    } catch (err) {
      if (destroyed) return;
      if (err.message !== lastError) { lastError = err.message; toastError(err); }
    }
  }

  // A placeholder chart so the card has its size before the first answer.
  chartData = { perDay: [], totalMessages: 0, totalReplies: 0, from: state.from, to: state.to };
  requestAnimationFrame(() => { if (!data) paintChart(); });

  const poller = poll(load, 10000);
  return { el, destroy() { destroyed = true; poller.stop(); ro.disconnect(); } };
}

/** A name with line-break chances after "_" and "." (queue names are long single words). */
function breakable(name) {
  const out = [];
  for (const piece of String(name ?? '').split(/(?<=[_.])/)) out.push(piece, h('wbr'));
  out.pop();
  return out;
}

/** A round maximum and step for about four grid lines. */
function niceScale(maxValue) {
  const raw = maxValue / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const unit = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
  let step = Math.max(1, unit * mag);
  if (!Number.isInteger(step)) step = Math.ceil(step);
  return { step, max: Math.max(step, Math.ceil(maxValue / step) * step) };
}

/** A monotone cubic curve through the points (never overshoots, so it never dips below zero). */
function smoothPath(pts) {
  const n = pts.length;
  if (!n) return '';
  if (n === 1) return `M${pts[0][0]},${pts[0][1]}`;
  if (n === 2) return `M${pts[0][0]},${pts[0][1]} L${pts[1][0]},${pts[1][1]}`;
  const dx = []; const dy = []; const m = [];
  for (let i = 0; i < n - 1; i += 1) {
    dx.push(pts[i + 1][0] - pts[i][0]);
    dy.push(pts[i + 1][1] - pts[i][1]);
    m.push(dy[i] / dx[i]);
  }
  const tan = [m[0]];
  for (let i = 1; i < n - 1; i += 1) tan.push(m[i - 1] * m[i] <= 0 ? 0 : (3 * (dx[i - 1] + dx[i])) / ((2 * dx[i] + dx[i - 1]) / m[i - 1] + (dx[i] + 2 * dx[i - 1]) / m[i]));
  tan.push(m[n - 2]);
  let d = `M${pts[0][0].toFixed(1)},${pts[0][1].toFixed(1)}`;
  for (let i = 0; i < n - 1; i += 1) {
    const [x0, y0] = pts[i];
    const [x1, y1] = pts[i + 1];
    const h3 = dx[i] / 3;
    d += ` C${(x0 + h3).toFixed(1)},${(y0 + tan[i] * h3).toFixed(1)} ${(x1 - h3).toFixed(1)},${(y1 - tan[i + 1] * h3).toFixed(1)} ${x1.toFixed(1)},${y1.toFixed(1)}`;
  }
  return d;
}

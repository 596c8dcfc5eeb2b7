// DOM building without innerHTML: every piece of text goes in as a text node.

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(el, attrs) {
  if (!attrs) return;
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === 'class') el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (key === 'on') for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    else if (key === 'text') el.textContent = value;
    else if (key === 'style' && typeof value === 'object') {
      for (const [prop, v] of Object.entries(value)) {
        if (prop.startsWith('--')) el.style.setProperty(prop, String(v));
        else el.style[prop] = v;
      }
    }
    else if (key === 'testid') el.setAttribute('data-testid', value);
    else if (key in PROPS) el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

// Attributes that must be set as properties to take effect.
const PROPS = { value: 1, checked: 1, disabled: 1, hidden: 1, multiple: 1, selected: 1, htmlFor: 1 };

function append(el, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** h('div', {class: 'x', on: {click}}, 'text', child...) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  if (attrs) for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key === 'on') for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    else if (key === 'testid') el.setAttribute('data-testid', value);
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function clear(el) { el.replaceChildren(); return el; }

// Line icons, 24×24, drawn with the current text colour.
const ICONS = {
  inbox: ['M4 6.5A2.5 2.5 0 0 1 6.5 4h11A2.5 2.5 0 0 1 20 6.5v8a2.5 2.5 0 0 1-2.5 2.5H9.5L5 20.5V17a1 1 0 0 1-1-1z', 'M8.5 9h7', 'M8.5 12.5h4.5'],
  followups: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 7.5V12l3 2'],
  knowledge: ['M5 5.5A2.5 2.5 0 0 1 7.5 3H19v15H7.5A2.5 2.5 0 0 0 5 20.5z', 'M5 20.5A2.5 2.5 0 0 1 7.5 18H19v3H7.5', 'M9 7.5h6'],
  dashboard: ['M4 20h16', 'M7 16.5v-5', 'M12 16.5V6.5', 'M17 16.5v-8'],
  logout: ['M9.5 4H6.5A2.5 2.5 0 0 0 4 6.5v11A2.5 2.5 0 0 0 6.5 20h3', 'M15.5 16.5 20 12l-4.5-4.5', 'M20 12H9.5'],
  globe: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M3.5 12h17', 'M12 3c2.6 2.6 3.8 5.6 3.8 9s-1.2 6.4-3.8 9c-2.6-2.6-3.8-5.6-3.8-9S9.4 5.6 12 3z'],
  search: ['M10.5 17.5a7 7 0 1 0 0-14 7 7 0 0 0 0 14z', 'M20 20l-4.5-4.5'],
  back: ['M15 5l-7 7 7 7'],
  pause: ['M9 5.5v13', 'M15 5.5v13'],
  play: ['M7.5 5.5v13L18.5 12z'],
  check: ['M5 12.5l4.5 4.5L19 7.5'],
  mic: ['M12 3.5a3 3 0 0 1 3 3V12a3 3 0 0 1-6 0V6.5a3 3 0 0 1 3-3z', 'M5.5 11.5a6.5 6.5 0 0 0 13 0', 'M12 18v3'],
  image: ['M5.5 4h13A1.5 1.5 0 0 1 20 5.5v13a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 18.5v-13A1.5 1.5 0 0 1 5.5 4z', 'M9 11a2 2 0 1 0 0-4 2 2 0 0 0 0 4z', 'M20 15.5l-4.5-4.5L6 20'],
  document: ['M14 3H7.5A2.5 2.5 0 0 0 5 5.5v13A2.5 2.5 0 0 0 7.5 21h9a2.5 2.5 0 0 0 2.5-2.5V8z', 'M14 3v5h5', 'M8.5 13h7', 'M8.5 16.5h5'],
  send: ['M20.5 3.5 3.5 10.5l7 2.8 2.8 7z', 'M20.5 3.5l-10 9.8'],
  refresh: ['M19.5 12a7.5 7.5 0 1 1-2.2-5.3', 'M19.5 4.5v4h-4'],
  info: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 11v5.5', 'M12 7.8v.2'],
  upload: ['M12 15.5V4', 'M7.5 8.5 12 4l4.5 4.5', 'M5 15v3.5A1.5 1.5 0 0 0 6.5 20h11a1.5 1.5 0 0 0 1.5-1.5V15'],
  trash: ['M4.5 7h15', 'M9.5 7V4.5h5V7', 'M6.5 7l.9 12.1A1.5 1.5 0 0 0 8.9 20.5h6.2a1.5 1.5 0 0 0 1.5-1.4L17.5 7', 'M10.5 11v5.5', 'M13.5 11v5.5'],
  phone: ['M6 3.5h3l1.6 4.2-2 1.3a11 11 0 0 0 6.4 6.4l1.3-2 4.2 1.6v3a2 2 0 0 1-2 2A15.5 15.5 0 0 1 4 5.5a2 2 0 0 1 2-2z'],
  close: ['M6.5 6.5l11 11', 'M17.5 6.5l-11 11'],
  user: ['M12 11.5a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M4.5 20.5a7.5 7.5 0 0 1 15 0'],
  pulse: ['M3 12h4l2.5-6.5 5 13L17 12h4'],
  calendar: ['M5.5 5h13A1.5 1.5 0 0 1 20 6.5v12a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 18.5v-12A1.5 1.5 0 0 1 5.5 5z', 'M4 10h16', 'M8.5 3v4', 'M15.5 3v4'],
  chevron: ['M6.5 9.5 12 15l5.5-5.5'],
  hand: ['M8 12.5V6a1.5 1.5 0 0 1 3 0v5', 'M11 11V4.5a1.5 1.5 0 0 1 3 0V11', 'M14 11V6a1.5 1.5 0 0 1 3 0v7.5a7 7 0 0 1-7 7h-.5a6 6 0 0 1-4.6-2.2L3.5 15.5a1.5 1.5 0 0 1 2.3-1.9L8 15.5'],
  bot: ['M6.5 8.5h11A2.5 2.5 0 0 1 20 11v6a2.5 2.5 0 0 1-2.5 2.5h-11A2.5 2.5 0 0 1 4 17v-6a2.5 2.5 0 0 1 2.5-2.5z', 'M12 8.5V5', 'M12 4.5v.2', 'M9 13.5v1', 'M15 13.5v1'],
  spark: ['M12 3.5l1.8 4.9 4.7 1.8-4.7 1.8L12 16.9l-1.8-4.9-4.7-1.8 4.7-1.8z', 'M18.5 16l.8 2 2 .8-2 .8-.8 2-.8-2-2-.8 2-.8z'],
  alert: ['M12 4 2.8 19.5h18.4z', 'M12 10v4.5', 'M12 17v.2'],
};

export function icon(name, size = 20, extraClass = '') {
  const el = s('svg', {
    class: `icon ${extraClass}`.trim(), width: size, height: size, viewBox: '0 0 24 24',
    fill: 'none', stroke: 'currentColor', 'stroke-width': 1.8, 'stroke-linecap': 'round', 'stroke-linejoin': 'round',
    'aria-hidden': 'true', focusable: 'false',
  });
  for (const d of ICONS[name] || []) el.appendChild(s('path', { d }));
  return el;
}

/** A small brand mark: a speech bubble with a spark. */
export function brandMark(size = 32) {
  return s('svg', { class: 'brand-mark', width: size, height: size, viewBox: '0 0 32 32', 'aria-hidden': 'true', focusable: 'false' },
    s('rect', { width: 32, height: 32, rx: 9, fill: 'var(--accent)' }),
    s('path', { d: 'M9 10.5A3 3 0 0 1 12 7.5h8a3 3 0 0 1 3 3v6a3 3 0 0 1-3 3h-5.5L10.5 23v-3.7A3 3 0 0 1 9 16.5z', fill: '#fff' }),
    s('path', { d: 'M16 10.2l.9 2.3 2.3.9-2.3.9-.9 2.3-.9-2.3-2.3-.9 2.3-.9z', fill: 'var(--accent)' }));
}

/** A round avatar with initials, coloured from the phone number. */
export function avatar(name, seed, size = 'md') {
  const text = initials(name);
  let hash = 0;
  for (const ch of String(seed || name || '')) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const hue = [152, 198, 28, 262, 340, 96, 218, 8][hash % 8];
  return h('span', { class: `avatar avatar-${size}`, 'aria-hidden': 'true', style: { '--hue': hue } },
    text || icon('user', size === 'lg' ? 22 : 18));
}

export function initials(name) {
  if (!name) return '';
  const words = String(name).trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (!words.length) return '';
  const first = [...words[0]].find((c) => /\p{L}/u.test(c)) || '';
  const second = words.length > 1 ? ([...words[1]].find((c) => /\p{L}/u.test(c)) || '') : '';
  return (first + second).toUpperCase();
}

/** Spinner element. */
export function spinner(label) {
  return h('span', { class: 'spinner', role: label ? 'status' : null, 'aria-label': label || null, 'aria-hidden': label ? null : 'true' });
}

/** A unique id for aria relations. */
let idCounter = 0;
export function uid(prefix = 'id') { idCounter += 1; return `${prefix}-${idCounter}`; }

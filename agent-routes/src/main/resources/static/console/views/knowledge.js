// The knowledge base: files the bot answers from, uploads, and "what would the bot find?".
import { h, icon, clear, spinner } from '../dom.js';
import { t } from '../i18n.js';
import { api, get, poll } from '../api.js';
import { humanDateTime, bytes } from '../format.js';
import { toast, toastError, busy, emptyState } from '../ui.js';

const ALLOWED = /\.(pdf|txt|md)$/i;
const DEFAULT_MAX = 10 * 1024 * 1024;
const lastSearch = { q: '', result: null };

export function createKnowledge() {
  let files = [];
  let maxBytes = DEFAULT_MAX;
  let filesSig = null;
  let lastFetch = 0;
  let lastError = '';
  let destroyed = false;
  const pending = new Map(); // name -> {before, started, slowTold}

  // ---- upload ----
  const input = h('input', {
    type: 'file', class: 'file-input', id: 'kb-upload', testid: 'knowledge-upload', multiple: true,
    accept: '.pdf,.txt,.md,application/pdf,text/plain,text/markdown',
  });
  const hint = h('span', { class: 'drop-hint' }, t('kb.upload.hint', { size: bytes(maxBytes) }));
  const drop = h('div', { class: 'drop' },
    input,
    h('label', { for: 'kb-upload', class: 'drop-label' },
      h('span', { class: 'drop-icon' }, icon('upload', 22)),
      h('span', { class: 'drop-text' },
        h('strong', null, t('kb.upload')),
        h('span', { class: 'drop-or' }, ` ${t('kb.upload.drop')}`)),
      hint));
  input.addEventListener('change', () => {
    const chosen = [...input.files];
    input.value = '';
    chosen.forEach(upload);
  });
  for (const type of ['dragenter', 'dragover']) drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add('is-over'); });
  for (const type of ['dragleave', 'dragend']) drop.addEventListener(type, () => drop.classList.remove('is-over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('is-over');
    [...(e.dataTransfer?.files || [])].forEach(upload);
  });

  async function upload(file) {
    const name = file.name;
    if (!ALLOWED.test(name)) { toast(t('kb.upload.badType', { file: name }), 'error'); return; }
    if (file.size > maxBytes) { toast(t('kb.upload.tooBig', { file: name, size: bytes(maxBytes) }), 'error'); return; }
    if (file.size === 0) { toast(t('kb.upload.empty', { file: name }), 'error'); return; }
    const existing = files.find((f) => f.file === name);
    pending.set(name, { before: existing ? existing.indexed_at ?? '' : null, started: Date.now(), slowTold: false, uploading: true, size: file.size });
    renderFiles();
    try {
      await api('PUT', `/knowledge/files/${encodeURIComponent(name)}`, {
        body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' },
      });
      const p = pending.get(name);
      if (p) { p.uploading = false; p.started = Date.now(); }
      toast(t('kb.upload.accepted', { file: name }), 'info');
      renderFiles();
      lastFetch = 0;
      poller.now();
    } catch (err) {
      pending.delete(name);
      renderFiles();
      toastError(err);
    }
  }

  // ---- files ----
  const list = h('ul', { class: 'rows files', testid: 'knowledge-files', role: 'list', 'aria-labelledby': 'kb-files-title', 'aria-busy': 'true' });
  const filesCount = h('span', { class: 'card-count' });

  function fileIcon(name) {
    const ext = (name.match(/\.(\w+)$/) || [, ''])[1].toLowerCase();
    return h('span', { class: `file-badge file-${ext || 'other'}`, 'aria-hidden': 'true' }, ext ? ext.toUpperCase() : '?');
  }

  function renderFiles() {
    list.setAttribute('aria-busy', 'false');
    filesCount.textContent = files.length ? String(files.length) : '';
    const rows = [];
    for (const [name, p] of pending) {
      if (files.some((f) => f.file === name)) continue; // shown on its own row, marked below
      rows.push(h('li', { class: 'row is-pending', testid: 'knowledge-pending', 'data-file': name },
        fileIcon(name),
        h('div', { class: 'row-main' },
          h('div', { class: 'row-title' }, h('span', { class: 'file-name' }, name)),
          h('div', { class: 'row-sub' }, spinner(), p.uploading ? t('kb.upload.sending', { file: name }) : t('kb.upload.indexing')))));
    }
    for (const f of files) {
      const del = h('button', { type: 'button', class: 'btn btn-ghost btn-sm btn-danger-ghost', testid: 'knowledge-delete', 'aria-label': t('kb.delete.aria', { file: f.file }), title: t('kb.delete.aria', { file: f.file }) },
        icon('trash', 16), h('span', { class: 'btn-label' }, t('kb.delete')));
      del.addEventListener('click', () => remove(f.file, del));
      const isPending = pending.has(f.file);
      const meta = [t('kb.passages', { n: f.passages ?? 0 })];
      if (f.size_bytes != null) meta.push(bytes(f.size_bytes));
      if (f.indexed_at) meta.push(t('kb.indexedAt', { when: humanDateTime(f.indexed_at) }));
      rows.push(h('li', { class: ['row', isPending && 'is-pending'], testid: 'knowledge-file', 'data-file': f.file },
        fileIcon(f.file),
        h('div', { class: 'row-main' },
          h('div', { class: 'row-title' }, h('span', { class: 'file-name' }, f.file)),
          h('div', { class: 'row-sub' }, isPending ? [spinner(), t('kb.upload.indexing')] : null,
            meta.map((m, i) => h('span', { class: 'meta-bit' }, (i || isPending) ? `· ${m}` : m)))),
        h('div', { class: 'row-actions' }, del)));
    }
    if (!rows.length) rows.push(h('li', { class: 'rows-empty' }, emptyState('knowledge', t('kb.empty'))));
    clear(list).append(...rows);
  }

  async function remove(name, btn) {
    // A plain confirm(): the browser's own dialog, keyboard and screen-reader friendly.
    if (!window.confirm(t('kb.delete.confirm', { file: name }))) return;
    try {
      await busy(btn, () => api('DELETE', `/knowledge/files/${encodeURIComponent(name)}`));
      toast(t('kb.deleted', { file: name }), 'success');
      files = files.filter((f) => f.file !== name);
      filesSig = null;
      renderFiles();
      lastFetch = 0;
      poller.now();
    } catch (err) { toastError(err); }
  }

  async function load() {
    const now = Date.now();
    if (!pending.size && now - lastFetch < 10000) return;
    lastFetch = now;
    let data;
    try {
      data = await get('/knowledge/files');
      lastError = '';
    } catch (err) {
      if (err.message !== lastError) { lastError = err.message; toastError(err); }
      return;
    }
    if (destroyed) return;
    if (data && data.max_upload_bytes) {
      maxBytes = data.max_upload_bytes;
      hint.textContent = t('kb.upload.hint', { size: bytes(maxBytes) });
    }
    files = Array.isArray(data && data.files) ? data.files : [];
    let changed = false;
    for (const [name, p] of pending) {
      if (p.uploading) continue;
      const f = files.find((x) => x.file === name);
      // done once the file has passages of a new indexing (listed but not indexed yet is still pending)
      if (f && f.indexed_at && f.indexed_at !== (p.before ?? '')) {
        pending.delete(name);
        changed = true;
        toast(t('kb.upload.done', { file: name, passages: t('kb.passages', { n: f.passages ?? 0 }) }), 'success');
      } else if (Date.now() - p.started > 30000 && !p.slowTold) {
        p.slowTold = true;
        toast(t('kb.upload.slow', { file: name }), 'info');
      } else if (Date.now() - p.started > 120000) {
        pending.delete(name);
        changed = true;
      }
    }
    const sig = JSON.stringify(files);
    if (sig !== filesSig || changed || pending.size) { filesSig = sig; renderFiles(); }
  }

  // ---- search ----
  const q = h('input', {
    type: 'search', class: 'input', id: 'kb-q', testid: 'knowledge-search-input', placeholder: t('kb.search.placeholder'),
    value: lastSearch.q, autocomplete: 'off',
  });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'knowledge-search-submit' },
    icon('search', 18), h('span', { class: 'btn-label' }, t('kb.search.submit')));
  const results = h('div', { class: 'passages', 'aria-live': 'polite' });
  const form = h('form', { class: 'search-form', role: 'search' },
    h('label', { for: 'kb-q', class: 'sr-only' }, t('kb.search.label')),
    h('div', { class: 'search-row' }, q, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const query = q.value.trim();
    if (!query) { q.focus(); return; }
    try {
      const data = await busy(submit, () => get('/knowledge/search', { q: query }));
      lastSearch.q = query;
      lastSearch.result = data;
      renderPassages(data, query);
    } catch (err) { toastError(err); }
  });

  function renderPassages(data, query) {
    const passages = Array.isArray(data && data.passages) ? data.passages : [];
    clear(results);
    if (!passages.length) { results.appendChild(emptyState('search', t('kb.search.empty'))); return; }
    results.appendChild(h('p', { class: 'passages-count' }, t('kb.search.count', { n: passages.length })));
    const words = queryWords((data && data.query) || query);
    results.appendChild(h('ol', { class: 'passage-list', role: 'list' }, passages.map((p) => h('li', { class: 'passage', testid: 'knowledge-passage', 'data-file': p.file },
      h('div', { class: 'passage-head' },
        fileIcon(p.file || ''),
        h('span', { class: 'file-name' }, p.file || ''),
        p.chunk_index != null ? h('span', { class: 'passage-chunk' }, t('kb.chunk', { n: Number(p.chunk_index) + 1 })) : null),
      h('p', { class: 'passage-text' }, highlight(p.content || '', words))))));
  }

  if (lastSearch.result) renderPassages(lastSearch.result, lastSearch.q);

  const el = h('div', { class: 'page' },
    h('div', { class: 'page-head' },
      h('div', null,
        h('h1', { class: 'page-title' }, t('kb.title')),
        h('p', { class: 'page-sub' }, t('kb.subtitle')))),
    h('div', { class: 'grid-2 grid-kb' },
      h('section', { class: 'card', 'aria-labelledby': 'kb-files-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'kb-files-title', class: 'card-title' }, icon('knowledge', 20), t('kb.files')), filesCount),
        drop,
        list),
      h('section', { class: 'card', 'aria-labelledby': 'kb-search-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'kb-search-title', class: 'card-title' }, icon('search', 20), t('kb.search'))),
        h('p', { class: 'card-text' }, t('kb.search.hint')),
        form,
        results)),
    h('p', { class: 'fineprint' }, icon('info', 16), h('span', null, t('kb.prompts'))));

  const poller = poll(load, 1500);
  return { el, destroy() { destroyed = true; poller.stop(); } };
}

/** The words of a query worth marking; long words by their stem, so "курса" also marks "курс". */
function queryWords(query) {
  const words = String(query).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2);
  const stems = words.map((w) => ([...w].length > 5 ? [...w].slice(0, -2).join('') : w));
  return [...new Set(stems)].sort((a, b) => b.length - a.length);
}

/** Text nodes with <mark> around the query words: no HTML is ever parsed from the passage. */
function highlight(text, words) {
  if (!words.length) return [text];
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(${escaped.join('|')})`, 'giu');
  const out = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(h('mark', null, m[0]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

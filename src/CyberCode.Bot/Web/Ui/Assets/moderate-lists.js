// The lists of the moderation console: what the bot missed, the changes made here, and export
// and import. The forms (moderate.js) pass in how to open an entry and how to start one.

import { el, button } from './answer.js';
import { $, api, download, message, showReply, when } from './kb-client.js';

let forms = { startEntry: () => {}, loadEntry: () => {}, askHint: () => null };

/** Connects the lists to the forms: startEntry(miss), loadEntry(id), askHint(question). */
export function connect(handlers) {
  forms = handlers;
}

// ---- misses -----------------------------------------------------------------------------

$('misses-refresh').addEventListener('click', () => loadMisses());

export async function loadMisses() {
  const list = $('misses-list');
  const status = $('misses-status');
  status.textContent = 'Loading…';
  const result = await api('GET', '/misses');
  list.replaceChildren();
  if (!result.ok) {
    status.textContent = message(result.data);
    return;
  }
  const misses = result.data.misses ?? [];
  status.textContent = misses.length === 0 ? message(result.data) : '';
  for (const miss of misses) list.append(renderMiss(miss));
}

function renderMiss(miss) {
  const item = el('li', 'miss');
  const q = el('p', 'miss-q', miss.question);
  const meta = el('p', 'miss-meta', `${miss.signal} · asked ${miss.count}×`);
  const actions = el('div', 'actions');
  const result = el('div', 'miss-result');
  result.setAttribute('aria-live', 'polite');
  actions.append(button('Create an entry', () => forms.startEntry(miss), 'small'));
  if (miss.phraseOf) {
    const phrase = button(`Add as phrasing of ${miss.phraseOf}`, async () => {
      phrase.disabled = true;
      const r = await api('POST', `/entries/${encodeURIComponent(miss.phraseOf)}/phrasings`, { phrase: miss.question });
      showReply(result, r.data, r.ok, r.ok ? forms.askHint(miss.question) : null);
      if (r.ok) {
        item.classList.add('fixed');
        loadChanges();
      } else {
        phrase.disabled = false;
      }
    }, 'small');
    actions.append(phrase);
  }
  item.append(q, meta, actions, result);
  return item;
}

// ---- changes ----------------------------------------------------------------------------

$('changes-refresh').addEventListener('click', () => loadChanges());
$('changes-filter').addEventListener('change', () => loadChanges());

export async function loadChanges() {
  const filter = $('changes-filter').value;
  const result = await api('GET', `/entries${filter ? `?filter=${encodeURIComponent(filter)}` : ''}`);
  const list = $('changes-list');
  const status = $('changes-status');
  list.replaceChildren();
  if (!result.ok) {
    status.textContent = message(result.data);
    return;
  }
  const entries = result.data.entries ?? [];
  status.textContent = entries.length === 0 ? message(result.data) : '';
  for (const e of entries) {
    const item = el('li', 'change');
    const head = el('p', 'change-head');
    head.append(el('span', 'pid-chip', e.id), document.createTextNode(' '), el('span', `tag status-${e.status.replace(/[^a-z]+/g, '-')}`, e.status));
    item.append(head, el('p', 'change-title', e.title || '(no title)'), el('p', 'change-meta', `revision ${e.revision} · ${when(e.at)} · ${e.by}`));
    item.append(button(`Open ${e.id}`, () => forms.loadEntry(e.id), 'small'));
    list.append(item);
  }
}

// ---- export and import ------------------------------------------------------------------

$('export').addEventListener('click', async () => {
  const problem = await download('/export');
  if (problem) showReply($('import-result'), problem, false);
});

const importForm = $('import-form');
const applyButton = $('import-apply');
let checked = null; // the YAML the last dry run found changes in

importForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const yaml = $('import-yaml').value;
  applyButton.disabled = true;
  checked = null;
  const result = await api('POST', '/import', { yaml, apply: false });
  showReply($('import-result'), result.data, result.ok);
  if (result.ok && result.data.canApply) {
    checked = yaml;
    applyButton.disabled = false;
  }
});

// Applying exactly what was checked: a change to the text needs a new check.
$('import-yaml').addEventListener('input', () => {
  applyButton.disabled = checked === null || $('import-yaml').value !== checked;
});

applyButton.addEventListener('click', async () => {
  if (checked === null) return;
  applyButton.disabled = true;
  const result = await api('POST', '/import', { yaml: checked, apply: true });
  showReply($('import-result'), result.data, result.ok);
  checked = null;
  if (result.ok) loadChanges();
});

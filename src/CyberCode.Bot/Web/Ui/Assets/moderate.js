// The moderation console at /moderate: asks for the admin token (kept in this tab's
// sessionStorage, sent only as an Authorization header), then drives /api/kb. Everything stored
// (people's questions, entries, the essay) reaches the page as text, never as markup.

import { el, button, renderCitation } from './answer.js';

const TOKEN_KEY = 'cybercode.kb.token';
const $ = (id) => document.getElementById(id);

const login = $('login');
const consoleBox = $('console');
let token = sessionStorage.getItem(TOKEN_KEY);

// ---- talking to /api/kb ----------------------------------------------------------------

/** Calls the API; resolves to { ok, status, data } and never throws (a network failure is status 0). */
async function api(method, path, body) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${token ?? ''}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(`/api/kb${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { ok: false, status: 0, data: { detail: "Can't reach CyberCode right now. Check the connection and try again." } };
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = { detail: `The service answered ${response.status} without an explanation. Try again.` };
  }
  if (response.status === 401 && path !== '') signOut(data?.detail ?? 'Sign in again.');
  if (response.status === 429) data = { ...data, detail: data?.detail ?? 'Too many requests: wait a moment and try again.' };
  return { ok: response.ok, status: response.status, data: data ?? {} };
}

/** What a reply or a problem says, as text. */
const message = (data) => data?.text ?? data?.detail ?? '';

// ---- signing in -------------------------------------------------------------------------

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('token');
  const given = input.value.trim();
  if (!given) {
    $('login-error').textContent = 'Enter the admin token.';
    input.focus();
    return;
  }
  token = given;
  const result = await api('GET', '');
  if (!result.ok) {
    token = null;
    $('login-error').textContent = message(result.data);
    input.select();
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, given);
  input.value = '';
  $('login-error').textContent = '';
  showConsole();
});

$('logout').addEventListener('click', () => signOut(''));

function signOut(why) {
  token = null;
  sessionStorage.removeItem(TOKEN_KEY);
  consoleBox.hidden = true;
  login.hidden = false;
  $('login-error').textContent = why;
  $('token').focus();
}

function showConsole() {
  login.hidden = true;
  consoleBox.hidden = false;
  loadMisses();
  loadChanges();
}

// ---- showing replies --------------------------------------------------------------------

/** A reply of the API (or a problem) in a box: its text, its quotes, and optional extra nodes. */
function showReply(box, data, ok, ...extra) {
  const outcome = data?.outcome ?? (ok ? 'done' : 'error');
  const article = el('div', `reply ${ok ? 'ok' : 'bad'} outcome-${outcome}`);
  const text = message(data);
  for (const line of text.split('\n')) if (line.trim()) article.append(el('p', null, line));
  if (Array.isArray(data?.citations) && data.citations.length > 0) {
    const quotes = el('div', 'citations');
    for (const c of data.citations) quotes.append(renderCitation(c));
    article.append(quotes);
  }
  for (const node of extra) if (node) article.append(node);
  box.replaceChildren(article);
}

function busy(form, on) {
  for (const control of form.querySelectorAll('button, input, textarea, select')) control.disabled = on;
}

const lines = (text) => text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);

// ---- the entry forms (add and edit share fields) ----------------------------------------

function fields(form) {
  const get = (name) => form.elements.namedItem(name);
  return { title: get('title'), text: get('text'), cites: get('cites'), phrasings: get('phrasings') };
}

function values(form) {
  const f = fields(form);
  return { title: f.title.value.trim(), text: f.text.value.trim(), cites: lines(f.cites.value), phrasings: lines(f.phrasings.value) };
}

function fill(form, entry) {
  const f = fields(form);
  f.title.value = entry.title ?? '';
  f.text.value = entry.text ?? '';
  f.cites.value = (entry.cites ?? []).join('\n');
  f.phrasings.value = (entry.phrasings ?? []).join('\n');
  for (const input of Object.values(f)) {
    count(input);
    fit(input);
  }
}

/** A filled textarea grows to show its text (up to a point), so a long quote is read whole. */
function fit(input) {
  if (input.tagName !== 'TEXTAREA' || input.hidden || input.offsetParent === null) return;
  const min = Number(input.dataset.rows || (input.dataset.rows = String(input.rows)));
  input.rows = min;
  while (input.scrollHeight > input.clientHeight && input.rows < 14) input.rows += 1;
}

/** Labels follow the kind: a term has a definition and aliases, a question an answer and phrasings. */
function label(form, kind) {
  const prefix = form.id.replace('-form', '');
  const term = kind === 'term';
  $(`${prefix}-title-label`).textContent = term ? 'Term' : 'Question';
  $(`${prefix}-text-label`).textContent = term ? 'Definition' : 'Answer';
  $(`${prefix}-phrasings-label`).textContent = term ? 'Aliases, one per line (optional)' : 'Other phrasings, one per line (optional)';
}

function clearErrors(form) {
  for (const p of form.querySelectorAll('.field-error, .form-error')) p.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

/** The service's rule messages beside the fields they are about; what the moderator typed stays. */
function showErrors(form, data) {
  clearErrors(form);
  const byField = data?.fields ?? {};
  const f = fields(form);
  let first = null;
  for (const [name, messages] of Object.entries(byField)) {
    const input = f[name];
    if (!input) continue;
    input.setAttribute('aria-invalid', 'true');
    $(`${input.id}-error`).textContent = messages.join('\n');
    first ??= input;
  }
  const other = [...(byField.other ?? []), ...(byField.id ?? [])].filter((m) => !/^Not (added|changed)/.test(m));
  const formError = form.querySelector('.form-error');
  formError.textContent = Object.keys(byField).length === 0 ? message(data) : other.join('\n');
  if (first) first.focus();
}

/** The live length hint under a field: characters, or lines and the longest line for the lists. */
function count(input) {
  const hint = input.parentElement.querySelector('.count');
  if (!hint) return;
  const max = Number(input.dataset.max || 0);
  const min = Number(input.dataset.min || 0);
  const maxLines = Number(input.dataset.lines || 0);
  let text = '';
  let over = false;
  if (maxLines) {
    const items = lines(input.value);
    const longest = items.reduce((m, l) => Math.max(m, l.length), 0);
    const lineMax = Number(input.dataset.lineMax || 0);
    text = items.length ? `${items.length} of ${maxLines}` : '';
    over = items.length > maxLines || (lineMax > 0 && longest > lineMax);
    if (lineMax > 0 && longest > lineMax) text += ` · one line is ${longest} characters`;
  } else if (max) {
    const n = input.value.trim().length;
    text = n ? `${n} / ${max}` : '';
    over = n > max || (n > 0 && n < min);
    if (n > 0 && n < min) text += ` · at least ${min}`;
  }
  hint.textContent = text;
  hint.classList.toggle('over', over);
}

for (const input of document.querySelectorAll('.entry-form input[type="text"], .entry-form textarea')) {
  input.addEventListener('input', () => {
    count(input);
    fit(input);
  });
}

// ---- add --------------------------------------------------------------------------------

const addForm = $('add-form');
const defaultCitesHint = $('add-cites-hint').querySelector('.rule').textContent;
const kindOf = () => addForm.elements.namedItem('kind').value;
for (const radio of addForm.querySelectorAll('input[name="kind"]')) radio.addEventListener('change', () => label(addForm, kindOf()));

addForm.addEventListener('submit', (event) => {
  event.preventDefault();
  add(false);
});

$('add-clear').addEventListener('click', () => {
  $('add-cites-hint').querySelector('.rule').textContent = defaultCitesHint;
  addForm.reset();
  fill(addForm, {});
  clearErrors(addForm);
  label(addForm, kindOf());
  $('add-result').replaceChildren();
});

async function add(force) {
  clearErrors(addForm);
  busy(addForm, true);
  const result = await api('POST', '/entries', { kind: kindOf(), ...values(addForm), force });
  busy(addForm, false);
  const box = $('add-result');
  if (result.ok) {
    const added = result.data.entry;
    showReply(box, result.data, true, askHint(added?.title), editLink(result.data.entryId));
    addForm.reset();
    fill(addForm, {});
    label(addForm, kindOf());
    loadChanges();
    loadMisses();
    return;
  }
  if (result.data?.outcome === 'duplicate') {
    // Already answered: offer the two fixes the service names, and adding it anyway.
    const id = result.data.entryId;
    const phrase = values(addForm).title;
    const choices = el('div', 'actions');
    choices.append(
      button(`Add as a phrasing of ${id}`, async () => {
        const r = await api('POST', `/entries/${encodeURIComponent(id)}/phrasings`, { phrase });
        showReply(box, r.data, r.ok, r.ok ? askHint(phrase) : null);
        if (r.ok) { addForm.reset(); fill(addForm, {}); loadMisses(); loadChanges(); }
      }, 'small'),
      button(`Edit ${id}`, () => loadEntry(id), 'small'),
      button('Add it anyway', () => add(true), 'small'),
    );
    showReply(box, result.data, false, choices);
    return;
  }
  box.replaceChildren();
  showErrors(addForm, result.data);
}

function askHint(question) {
  if (!question) return null;
  const p = el('p', 'next');
  const a = el('a', null, 'Ask it in the chat');
  a.href = '/';
  p.append(a, document.createTextNode(': “' + question + '”'));
  return p;
}

function editLink(id) {
  if (!id) return null;
  const b = button('Edit this entry', () => loadEntry(id), 'small');
  b.setAttribute('aria-label', `Edit ${id}`);
  return b;
}

// ---- edit -------------------------------------------------------------------------------

const editForm = $('edit-form');
let editing = null; // { id, revision, kind }

$('load-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const id = $('load-id').value.trim().toLowerCase();
  if (id) loadEntry(id);
});

async function loadEntry(id, { keepDraft = false } = {}) {
  $('load-id').value = id;
  const draft = keepDraft ? values(editForm) : null;
  const result = await api('GET', `/entries/${encodeURIComponent(id)}`);
  $('conflict').hidden = true;
  $('history').hidden = true;
  $('edit-result').replaceChildren();
  if (!result.ok || !result.data.entry) {
    editing = null;
    editForm.hidden = true;
    showReply($('load-result'), result.data, false, restoreButton(id, result.data));
    document.getElementById('edit').scrollIntoView({ block: 'start' });
    return;
  }
  $('load-result').replaceChildren();
  const entry = result.data.entry;
  editing = { id: entry.id, revision: entry.revision, kind: entry.kind };
  fill(editForm, entry);
  clearErrors(editForm);
  label(editForm, entry.kind === 'term' ? 'term' : 'question');
  $('edit-what').textContent = `Editing ${entry.id} (${entry.kind}) at revision ${entry.revision}.`;
  editForm.hidden = false;
  for (const input of Object.values(fields(editForm))) fit(input);
  showDraft(draft);
  document.getElementById('edit').scrollIntoView({ block: 'start' });
  fields(editForm).text.focus({ preventScroll: true });
}

/** After a reload over a conflict: the moderator's own text, to copy from. */
function showDraft(draft) {
  const box = $('draft');
  if (!draft) {
    box.hidden = true;
    return;
  }
  const body = $('draft-text');
  body.replaceChildren();
  for (const [name, value] of [['Title', draft.title], ['Text', draft.text], ['Quotes', draft.cites.join('\n')], ['Phrasings', draft.phrasings.join('\n')]]) {
    if (!value) continue;
    body.append(el('h4', null, name), el('p', 'pre', value));
  }
  box.hidden = false;
  box.open = true;
}

function restoreButton(id, data) {
  return data?.outcome === 'notfound' && /kb restore/.test(message(data))
    ? button(`Restore ${id}`, () => entryAction('POST', `/entries/${encodeURIComponent(id)}/restore`, $('load-result'), id), 'small')
    : null;
}

editForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!editing) return;
  clearErrors(editForm);
  busy(editForm, true);
  const result = await api('PUT', `/entries/${encodeURIComponent(editing.id)}`, { revision: editing.revision, ...values(editForm) });
  busy(editForm, false);
  const box = $('edit-result');
  if (result.ok) {
    editing.revision = result.data.revision;
    $('edit-what').textContent = `Editing ${editing.id} (${editing.kind}) at revision ${editing.revision}.`;
    $('conflict').hidden = true;
    showDraft(null);
    showReply(box, result.data, true, askHint(values(editForm).title));
    loadChanges();
    if (!$('history').hidden) loadHistory();
    return;
  }
  if (result.status === 409) {
    // Someone saved in between: show what the entry says now, keep what this moderator typed.
    box.replaceChildren();
    const current = $('conflict-current');
    current.replaceChildren();
    const entry = result.data.entry;
    if (entry) {
      current.append(el('p', 'rev', `Revision ${entry.revision}`), el('p', 'strong', entry.title), el('p', 'pre', entry.text));
    } else {
      current.append(el('p', 'pre', message(result.data)));
    }
    $('conflict').hidden = false;
    $('conflict-reload').focus();
    loadChanges();
    return;
  }
  box.replaceChildren();
  showErrors(editForm, result.data);
});

$('conflict-reload').addEventListener('click', () => editing && loadEntry(editing.id, { keepDraft: true }));

$('entry-remove').addEventListener('click', () => editing && entryAction('DELETE', `/entries/${encodeURIComponent(editing.id)}`, $('edit-result'), editing.id));
$('entry-restore').addEventListener('click', () => editing && entryAction('POST', `/entries/${encodeURIComponent(editing.id)}/restore`, $('edit-result'), editing.id));
$('entry-reset').addEventListener('click', () => editing && entryAction('POST', `/entries/${encodeURIComponent(editing.id)}/reset`, $('edit-result'), editing.id));

async function entryAction(method, path, box, id, body) {
  const result = await api(method, path, body);
  showReply(box, result.data, result.ok);
  if (result.ok) {
    loadChanges();
    if (editing?.id === id) {
      if (typeof result.data.revision === 'number') editing.revision = result.data.revision;
      const visible = result.data.entry;
      if (visible) {
        fill(editForm, visible);
        editing.revision = visible.revision;
      }
      $('edit-what').textContent = `Editing ${editing.id} (${editing.kind}) at revision ${editing.revision}${visible ? '' : ' (removed here: Restore brings it back)'}.`;
      if (!$('history').hidden) loadHistory();
    }
  }
  return result;
}

// ---- history ----------------------------------------------------------------------------

$('history-show').addEventListener('click', () => loadHistory(true));

async function loadHistory(focus = false) {
  if (!editing) return;
  const id = editing.id;
  const result = await api('GET', `/entries/${encodeURIComponent(id)}/history`);
  const box = $('history');
  const list = $('history-list');
  list.replaceChildren();
  $('history-h').textContent = `History of ${id}`;
  const revisions = result.data?.history ?? [];
  if (!result.ok || revisions.length === 0) {
    list.append(el('li', 'empty', message(result.data)));
  }
  for (const r of revisions) {
    const item = el('li', r.current ? 'current' : null);
    const head = el('p', 'rev-head');
    head.append(el('strong', null, `Revision ${r.revision}`), document.createTextNode(` · ${when(r.at)} · ${r.by} · ${r.action}`));
    item.append(head);
    item.append(el('p', 'rev-text', r.removed ? '(removed here)' : r.text ?? '(the shared text)'));
    if (r.current) {
      item.append(el('p', 'tag', 'current'));
    } else {
      item.append(button(`Revert to revision ${r.revision}`, async () => {
        const done = await entryAction('POST', `/entries/${encodeURIComponent(id)}/revert`, $('edit-result'), id, { revision: r.revision });
        if (done.ok) loadEntry(id).then(() => loadHistory());
      }, 'small'));
    }
    list.append(item);
  }
  box.hidden = false;
  if (focus) box.scrollIntoView({ block: 'nearest' });
}

const when = (iso) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

// ---- misses -----------------------------------------------------------------------------

$('misses-refresh').addEventListener('click', () => loadMisses());

async function loadMisses() {
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
  actions.append(button('Create an entry', () => startEntry(miss), 'small'));
  if (miss.phraseOf) {
    const phrase = button(`Add as phrasing of ${miss.phraseOf}`, async () => {
      phrase.disabled = true;
      const r = await api('POST', `/entries/${encodeURIComponent(miss.phraseOf)}/phrasings`, { phrase: miss.question });
      showReply(result, r.data, r.ok, r.ok ? askHint(miss.question) : null);
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

/** "Create an entry": the add form with the question and the closest quote to start from. */
function startEntry(miss) {
  const radio = addForm.querySelector('input[name="kind"][value="question"]');
  radio.checked = true;
  label(addForm, 'question');
  clearErrors(addForm);
  fill(addForm, { title: miss.question, text: '', cites: miss.suggestedQuote ? [miss.suggestedQuote] : [], phrasings: [] });
  $('add-cites-hint').querySelector('.rule').textContent = miss.suggestedQuote
    ? 'The closest passage the bot found, as a start: keep the words that answer the question, exactly as the essay has them.'
    : defaultCitesHint;
  $('add-result').replaceChildren();
  $('add').scrollIntoView({ block: 'start' });
  fields(addForm).text.focus({ preventScroll: true });
}

// ---- changes ----------------------------------------------------------------------------

$('changes-refresh').addEventListener('click', () => loadChanges());
$('changes-filter').addEventListener('change', () => loadChanges());

async function loadChanges() {
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
    item.append(button(`Open ${e.id}`, () => loadEntry(e.id), 'small'));
    list.append(item);
  }
}

// ---- export and import ------------------------------------------------------------------

$('export').addEventListener('click', async () => {
  const box = $('import-result');
  let response;
  try {
    response = await fetch('/api/kb/export', { headers: { Authorization: `Bearer ${token ?? ''}` } });
  } catch {
    showReply(box, { detail: "Can't reach CyberCode right now. Check the connection and try again." }, false);
    return;
  }
  if (!response.ok) {
    const data = await response.json().catch(() => ({}));
    if (response.status === 401) signOut(message(data));
    showReply(box, data, false);
    return;
  }
  // The file name the service chose, from Content-Disposition.
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? 'knowledge.yaml';
  const url = URL.createObjectURL(await response.blob());
  const a = el('a');
  a.href = url;
  a.download = decodeURIComponent(name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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

// ---- start ------------------------------------------------------------------------------

label(addForm, kindOf());
if (token) {
  // A kept token may have been changed on the service since: check it before showing anything.
  api('GET', '').then((r) => (r.ok ? showConsole() : signOut(message(r.data))));
} else {
  $('token').focus();
}

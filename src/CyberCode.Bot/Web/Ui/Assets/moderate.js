// The moderation console at /moderate: signing in, and the forms to add, edit and undo entries.
// kb-client.js talks to /api/kb; moderate-lists.js has the misses, the changes and export/import.
// Everything stored (people's questions, entries, the essay) reaches the page as text, never as markup.

import { el, button } from './answer.js';
import { $, api, busy, forgetToken, hasToken, lines, message, onUnauthorized, showReply, useToken, when } from './kb-client.js';
import { connect, loadChanges, loadMisses } from './moderate-lists.js';

const login = $('login');
const consoleBox = $('console');

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
  useToken(given);
  const result = await api('GET', '');
  if (!result.ok) {
    forgetToken();
    $('login-error').textContent = message(result.data);
    input.select();
    return;
  }
  useToken(given, true);
  input.value = '';
  $('login-error').textContent = '';
  showConsole();
});

$('logout').addEventListener('click', () => signOut(''));

onUnauthorized(signOut);

function signOut(why) {
  forgetToken();
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

// ---- start ------------------------------------------------------------------------------

connect({ startEntry, loadEntry, askHint });
label(addForm, kindOf());
if (hasToken()) {
  // A kept token may have been changed on the service since: check it before showing anything.
  api('GET', '').then((r) => (r.ok ? showConsole() : signOut(message(r.data))));
} else {
  $('token').focus();
}

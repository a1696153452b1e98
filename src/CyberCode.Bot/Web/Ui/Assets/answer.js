// Lays out one answer of POST /api/ask. Everything the person or the service wrote reaches the
// page as text nodes (textContent, createTextNode), never as markup.

import { essayLink, locate, normalizeWithMap } from './quote.js';

// Kinds whose text already lists every item with its passage id; quoting each would repeat it.
const LIST_KINDS = new Set(['timeline', 'changes', 'notes', 'section']);
// Lists whose items read "topic: detail" (a change, a date): the topic is set in bold to scan by.
const TOPIC_KINDS = new Set(['changes', 'timeline']);
const NO_FEEDBACK_KINDS = new Set(['help', 'refusal', 'quiz']);
const PASSAGE_REF = /\[([A-Z]{1,3}\.\d{1,3})\]/g;

/** Makes an element with optional class and text content. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function link(href, text, className) {
  const a = el('a', className, text);
  a.href = href;
  return a;
}

export function button(text, onClick, className) {
  const b = el('button', className, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/**
 * The answer as an <article>. actions.ask(question) asks a suggestion; actions.feedback(answer,
 * helpful) sends feedback and resolves to null when it was taken, else to a line to show.
 */
export function renderAnswer(answer, actions) {
  const article = el('article', 'msg bot' + (answer.answered ? '' : ' unanswered'));
  const citations = Array.isArray(answer.citations) ? answer.citations : [];
  const quoteFor = new Map();
  for (const c of citations) if (!quoteFor.has(c.passageId)) quoteFor.set(c.passageId, c.quote);

  if (answer.answered && answer.title) article.append(el('h2', 'answer-title', answer.title));

  const single = citations.length === 1 ? citations[0] : null;
  const textIsQuote = answer.kind === 'source' && single
    && normalizeWithMap(single.quote).text === normalizeWithMap(answer.text || '').text;
  if (!textIsQuote) article.append(renderText(answer.text || '', quoteFor, answer.kind));

  if (LIST_KINDS.has(answer.kind) && citations.length > 0) {
    article.append(renderSources(quoteFor));
  } else if (citations.length > 0) {
    const quotes = el('div', 'citations');
    for (const c of citations) quotes.append(renderCitation(c));
    article.append(quotes);
  }

  if (answer.kind === 'timeline' || answer.kind === 'event') {
    const more = el('p', 'more');
    more.append(link('/timeline', 'See the dated events on the timeline'));
    article.append(more);
  }

  if (Array.isArray(answer.suggestions) && answer.suggestions.length > 0) {
    article.append(renderSuggestions(answer, actions.ask));
  }

  if (answer.answered && typeof answer.confidence === 'number' && answer.confidence < 1) {
    article.append(el('p', 'confidence', `Confidence ${answer.confidence.toFixed(2)}`));
  }

  if (!NO_FEEDBACK_KINDS.has(answer.kind)) article.append(renderFeedback(answer, actions.feedback));
  return article;
}

/** Answer text: paragraphs, "- " lines as a list, indented "name  description" lines as a table. */
function renderText(text, quoteFor, kind) {
  const box = el('div', 'answer-text');
  let list = null;
  let table = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('- ')) {
      table = null;
      if (!list) box.append((list = el('ul')));
      const item = el('li');
      appendItem(item, line.slice(2), quoteFor, kind);
      list.append(item);
      continue;
    }
    list = null;
    const columns = line.startsWith('  ') ? line.trim().split(/\s{2,}/) : null;
    if (columns && columns.length === 2) {
      if (!table) box.append((table = el('dl', 'commands')));
      table.append(el('dt', null, columns[0]), el('dd', null, columns[1]));
      continue;
    }
    table = null;
    if (!line.trim()) continue;
    const p = el('p');
    appendWithRefs(p, line.trim(), quoteFor);
    box.append(p);
  }
  return box;
}

function appendItem(item, text, quoteFor, kind) {
  // An outline of a part opens each item with its passage id ("II.1: Cyberspace…"): link it.
  const lead = kind === 'section' ? /^([A-Z]{1,3}\.\d{1,3}): /.exec(text) : null;
  if (lead) {
    item.append(link(essayLink(lead[1], quoteFor.get(lead[1])), lead[1], 'pref pid'), document.createTextNode(' '));
    text = text.slice(lead[0].length);
  }
  const colon = TOPIC_KINDS.has(kind) ? text.indexOf(': ') : -1;
  if (colon > 0 && colon < 90) {
    item.append(el('strong', null, text.slice(0, colon + 1)));
    text = text.slice(colon + 1);
  }
  appendWithRefs(item, text, quoteFor);
}

/** Text with each "[II.5]" turned into a link to that passage. */
function appendWithRefs(parent, text, quoteFor) {
  let last = 0;
  for (const match of text.matchAll(PASSAGE_REF)) {
    parent.append(document.createTextNode(text.slice(last, match.index)));
    const id = match[1];
    const a = link(essayLink(id, quoteFor.get(id)), id, 'pref pid');
    a.setAttribute('aria-label', `passage ${id}`);
    parent.append(a);
    last = match.index + match[0].length;
  }
  parent.append(document.createTextNode(text.slice(last)));
}

function renderSources(quoteFor) {
  const p = el('p', 'sources', 'Sources: ');
  let first = true;
  for (const [id, quote] of quoteFor) {
    if (!first) p.append(document.createTextNode(' '));
    p.append(link(essayLink(id, quote), id, 'pref pid'));
    first = false;
  }
  return p;
}

/** A quote as a <figure>: blockquote, passage id and section linking to the highlight in the essay, the whole passage on demand. */
export function renderCitation(c) {
  const figure = el('figure', 'citation');
  const href = essayLink(c.passageId, c.quote);
  const quote = el('blockquote');
  quote.cite = essayLink(c.passageId, null);
  quote.append(el('p', null, c.quote));
  figure.append(quote);

  const caption = el('figcaption');
  const source = link(href, '', 'source');
  source.append(el('span', 'pid', c.passageId), document.createTextNode(' ' + c.section));
  source.title = 'Read it in the essay';
  caption.append(source);
  figure.append(caption);

  if (c.passageText && normalizeWithMap(c.passageText).text !== normalizeWithMap(c.quote).text) {
    const details = el('details', 'whole');
    details.append(el('summary', null, 'Show the whole passage'));
    const passage = el('p', 'passage-text');
    const span = locate(c.passageText, c.quote);
    if (span) {
      passage.append(
        document.createTextNode(c.passageText.slice(0, span.start)),
        el('mark', null, c.passageText.slice(span.start, span.end)),
        document.createTextNode(c.passageText.slice(span.end)),
      );
    } else {
      passage.textContent = c.passageText;
    }
    details.append(passage);
    figure.append(details);
  }
  return figure;
}

function renderSuggestions(answer, ask) {
  const box = el('div', 'suggestions');
  box.append(el('p', null, answer.kind === 'suggestions' ? 'Did you mean:' : 'Try:'));
  const list = el('ul');
  for (const suggestion of answer.suggestions) {
    const item = el('li');
    item.append(button(suggestion, () => ask(suggestion), 'chip'));
    list.append(item);
  }
  box.append(list);
  return box;
}

function renderFeedback(answer, feedback) {
  const box = el('div', 'feedback');
  const label = el('span', 'feedback-label', 'Was this helpful?');
  const yes = button('Helpful', () => send(true), 'small');
  const no = button('Not helpful', () => send(false), 'small');
  box.append(label, yes, no);

  async function send(helpful) {
    yes.disabled = no.disabled = true;
    const problem = await feedback(answer, helpful);
    if (problem === null) {
      box.replaceChildren(el('span', 'thanks', 'Thanks — that helps us improve the answers.'));
      return;
    }
    label.textContent = problem;
    yes.disabled = no.disabled = false;
  }
  return box;
}

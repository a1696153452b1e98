// The web chat: sends questions to POST /api/ask and feedback to POST /api/feedback, and says
// plainly when the service refuses or cannot be reached. answer.js lays the answers out.

import { el, renderAnswer } from './answer.js';
import { createQuiz } from './quiz.js';

const transcript = document.getElementById('transcript');
const starters = document.getElementById('starters');
const form = document.getElementById('ask');
const input = document.getElementById('question');
const sendButton = form.querySelector('button[type="submit"]');
const status = document.getElementById('ask-status');
const clearButton = document.getElementById('clear');
const actions = { ask, feedback };
const me = identity();

const calm = window.matchMedia('(prefers-reduced-motion: reduce)');

let busy = false;

async function ask(raw) {
  const question = (raw ?? '').trim();
  if (!question || busy) return;
  busy = true;
  input.value = '';
  setBusy(true);

  quiz.typing(question);
  const { turn, mine } = addTurn(question);
  const pending = el('p', 'msg pending', 'Looking in the essay…');
  pending.setAttribute('aria-hidden', 'true'); // the status line under the input says it once
  turn.append(pending);
  mine.scrollIntoView({ block: 'nearest' });

  try {
    const response = await fetch('/api/ask', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ question, conversation: me.conversation, name: me.name }),
    });
    if (response.ok) {
      const answer = await response.json();
      remember(question, answer);
      turn.append(render(answer));
    } else {
      quiz.untype();
      turn.append(el('p', 'msg error', await describeFailure(response)));
      if (!input.value) input.value = question;
    }
  } catch {
    quiz.untype();
    turn.append(el('p', 'msg error', "Can't reach CyberCode right now. Check the connection and try again."));
    if (!input.value) input.value = question;
  } finally {
    pending.remove();
    busy = false;
    setBusy(false);
    mine.scrollIntoView({ block: 'start', behavior: calm.matches ? 'auto' : 'smooth' });
    input.focus();
  }
}

/** An answer, or the reply to a quiz command (which may start following the quiz's events). */
function render(answer) {
  if (answer.quiz && typeof answer.quiz === 'object') return quiz.renderReply(answer);
  quiz.untype();
  return renderAnswer(answer, actions);
}

/**
 * This tab's conversation id (random, kept for the tab in sessionStorage, sent with each question
 * so quizzes have somewhere to run) and the name its scoreboards show.
 */
function identity() {
  const key = 'cybercode.me.v1';
  try {
    const kept = JSON.parse(sessionStorage.getItem(key) ?? 'null');
    if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept.conversation) && typeof kept.name === 'string') return kept;
  } catch {
    // Nothing usable kept: make a new one.
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const conversation = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  const made = { conversation, name: `Guest ${1000 + (bytes[0] * 256 + bytes[1]) % 9000}` };
  try {
    sessionStorage.setItem(key, JSON.stringify(made));
  } catch {
    // Storage off: the id lasts as long as the page.
  }
  return made;
}

/** The person's question as the start of a new turn of the transcript. */
function addTurn(question) {
  starters.hidden = true;
  clearButton.hidden = false;
  document.body.classList.add('talking');
  const turn = el('div', 'turn');
  const mine = el('p', 'msg you');
  mine.append(el('span', 'visually-hidden', 'You asked: '), document.createTextNode(question));
  turn.append(mine);
  transcript.append(turn);
  return { turn, mine };
}

// The conversation is kept for this tab (sessionStorage), so following a citation to the essay
// and coming back shows it again. Answers and quiz events are kept; errors are for the moment.
const STORE = 'cybercode.chat.v1';
const KEEP = 150;
const CURSOR = 'cybercode.quiz.cursor.v1';
const PICKED = 'cybercode.quiz.picked.v1';
const RUNNING = 'cybercode.quiz.running.v1';

function remembered() {
  try {
    const turns = JSON.parse(sessionStorage.getItem(STORE) ?? '[]');
    return Array.isArray(turns) ? turns : [];
  } catch {
    return [];
  }
}

function remember(question, answer) {
  keep({ question, answer });
}

function keep(turn) {
  try {
    sessionStorage.setItem(STORE, JSON.stringify([...remembered(), turn].slice(-KEEP)));
  } catch {
    // Storage full or switched off: the conversation just won't survive a reload.
  }
}

function restore() {
  for (const { question, answer, event } of remembered()) {
    if (event && typeof event === 'object') {
      quiz.show(event);
      continue;
    }
    if (typeof question !== 'string' || !answer || typeof answer !== 'object') continue;
    addTurn(question).turn.append(answer.quiz ? quiz.renderReply(answer, false) : renderAnswer(answer, actions));
  }
}

function kept(key, fallback) {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? 'null') ?? fallback;
  } catch {
    return fallback;
  }
}

function put(key, value) {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Only a reload forgets it.
  }
}

const quiz = createQuiz(me, transcript, actions, {
  cursor: () => {
    const n = Number(kept(CURSOR, 0));
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  },
  setCursor: (n, running) => {
    put(CURSOR, n);
    put(RUNNING, running === true);
  },
  picked: (session, number) => kept(PICKED, {})[`${session}:${number}`] ?? null,
  setPicked: (session, number, choice) => {
    const all = Object.entries(kept(PICKED, {})).slice(-60);
    put(PICKED, Object.fromEntries([...all, [`${session}:${number}`, choice]]));
  },
  remember: (event) => {
    starters.hidden = true;
    clearButton.hidden = false;
    document.body.classList.add('talking');
    keep({ event });
  },
});

function forget() {
  try {
    sessionStorage.removeItem(STORE);
  } catch {
    // Nothing kept, nothing to forget.
  }
  for (const turn of transcript.querySelectorAll('.turn')) turn.remove();
  starters.hidden = false;
  clearButton.hidden = true;
  document.body.classList.remove('talking');
  input.focus();
}

function setBusy(on) {
  transcript.setAttribute('aria-busy', on ? 'true' : 'false');
  form.classList.toggle('busy', on);
  sendButton.disabled = on;
  status.textContent = on ? 'Looking in the essay…' : '';
}

/** A line a person can act on for a refused request: 429 with Retry-After, problem+json, or the status. */
async function describeFailure(response) {
  if (response.status === 429) {
    const seconds = retryAfterSeconds(response.headers.get('Retry-After'));
    return seconds
      ? `You're asking fast — try again in ${seconds} s.`
      : "You're asking fast — try again in a moment.";
  }
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      const problem = await response.json();
      const detail = problem.detail || problem.title;
      if (typeof detail === 'string' && detail) return detail;
    } catch {
      // Not the JSON it claimed to be; fall through to the status line.
    }
  }
  return `Something went wrong on our side (HTTP ${response.status}). Please try again.`;
}

function retryAfterSeconds(header) {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const when = Date.parse(header);
  return Number.isNaN(when) ? null : Math.max(1, Math.ceil((when - Date.now()) / 1000));
}

/** Sends "helpful" or "not helpful"; null when the service took it, else a line to show. */
async function feedback(answer, helpful) {
  const body = { question: answer.question, helpful, kind: answer.kind };
  if (answer.entryId) body.entryId = answer.entryId;
  try {
    const response = await fetch('/api/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return response.ok ? null : await describeFailure(response);
  } catch {
    return "Couldn't send that. Try again?";
  } finally {
    input.focus();
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  ask(input.value);
});

for (const b of starters.querySelectorAll('button[data-ask]')) {
  b.addEventListener('click', () => ask(b.dataset.ask));
}
clearButton.addEventListener('click', forget);

restore();
// A quiz was running in this tab when it was last seen (the page was reloaded, or followed a
// quote to the essay and came back): pick up its events. Only then, so a page load costs no
// request of the rate limit otherwise.
if (kept(RUNNING, false) === true) quiz.follow();

// "/?q=…" asks at once, so a question can be shared as a link; the address then drops it, so
// coming back to this page does not ask it again.
const shared = new URLSearchParams(location.search).get('q');
if (shared) {
  history.replaceState(null, '', '/');
  ask(shared);
}

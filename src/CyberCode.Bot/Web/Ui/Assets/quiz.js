// Quizzes in the web chat: the replies to quiz commands, and the quiz's own events (questions,
// reveals, the scoreboard) long-polled from GET /api/quiz/events and laid out as cards. Answers go
// to POST /api/quiz/answer. As in answer.js, all text reaches the page as text, never as markup.

import { button, el, renderAnswer, renderCitation } from './answer.js';

const WAIT_SECONDS = 20;
const calm = window.matchMedia('(prefers-reduced-motion: reduce)');
const LIVE_KINDS = new Set(['started', 'answer', 'stopped']);

/**
 * The quiz side of one chat page. me = { conversation, name }; transcript is where cards go;
 * actions.ask(text) asks like the question box; store = { cursor, setCursor, picked, setPicked,
 * remember(event) } keeps what a reload needs.
 */
export function createQuiz(me, transcript, actions, store) {
  let polling = false;
  let typedInto = null; // the card a typed number is answering, until its reply comes
  let skew = 0; // server clock minus ours, so a countdown is right whatever this clock says
  const timers = new Map(); // card -> interval id

  /**
   * A reply of /api/ask to a quiz command, as an <article>. Live (not restored after a reload), it
   * starts following the feed when a quiz began, and marks a typed answer on its card.
   */
  function renderReply(answer, live = true) {
    const quiz = answer.quiz;
    const article = renderAnswer(answer, actions);
    article.classList.add('quiz-reply');
    const board = quiz.scoreboard;
    const rows = Array.isArray(quiz.standings) ? quiz.standings : [];
    if (board || rows.length > 0) {
      article.querySelector('.answer-text')?.remove();
      if (board) article.append(scoreTable(board, heading(board)));
      else article.append(standingsTable(rows, quiz.kind === 'stats' ? 'Your totals' : 'Leaderboard'));
      // Stats add a line about practice after the totals; keep it.
      const extra = quiz.kind === 'stats' ? quiz.text.split('\n').slice(1).join(' ').trim() : '';
      if (extra) article.append(el('p', 'quiz-note', extra));
    }
    if (Array.isArray(quiz.topics) && quiz.topics.length > 0) {
      const box = el('div', 'suggestions');
      box.append(el('p', null, 'Start a quiz on:'));
      const list = el('ul');
      for (const topic of quiz.topics) {
        const item = el('li');
        item.append(button(topic, () => actions.ask(`quiz start 5 ${topic}`), 'chip'));
        list.append(item);
      }
      box.append(list);
      article.append(box);
    }
    if (!live) return article;
    if (quiz.kind !== 'answer' || quiz.answerResult?.status !== 'accepted') untype();
    typedInto = null;
    if (LIVE_KINDS.has(quiz.kind)) follow();
    return article;
  }

  /**
   * Before a message is sent: a bare number answers the open question, so it is shown picked on
   * its card at once, as a click would be. Done now, not on the reply, because the reveal and
   * the next question may be on the page before the reply is.
   */
  function typing(text) {
    typedInto = null;
    const choice = /^\s*([1-9])\s*$/.exec(text)?.[1];
    if (!choice) return;
    const open = transcript.querySelectorAll('article.quiz-card:not(.closed)');
    const card = open[open.length - 1];
    if (!card || !card.querySelector(`button.choice[data-choice="${choice}"]`)) return;
    markPicked(card, Number(choice));
    store.setPicked(card.dataset.session, Number(card.dataset.number), Number(choice));
    typedInto = card;
  }

  /** The message did not answer after all (refused, not a quiz reply, not sent): the card is open again. */
  function untype() {
    if (typedInto) reopen(typedInto);
    typedInto = null;
  }

  /** Reads the feed until the quiz ends: each request waits up to 20 s for the next event. */
  async function follow() {
    if (polling) return;
    polling = true;
    let failures = 0;
    try {
      for (;;) {
        let data;
        try {
          const url = `/api/quiz/events?conversation=${encodeURIComponent(me.conversation)}&after=${store.cursor()}&wait=${WAIT_SECONDS}`;
          const response = await fetch(url, { headers: { Accept: 'application/json' } });
          if (response.status === 429) {
            await sleep(1000 * (Number(response.headers.get('Retry-After')) || 5));
            continue;
          }
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          data = await response.json();
          failures = 0;
        } catch {
          failures += 1;
          if (failures >= 6) {
            transcript.append(el('p', 'msg error', 'Lost touch with the quiz. Type "quiz score" to see where it stands.'));
            return;
          }
          await sleep(1000 * failures);
          continue;
        }
        const serverNow = Date.parse(data.serverTime);
        if (!Number.isNaN(serverNow)) skew = serverNow - Date.now();
        // Bring the news into view: a revealed card from its top, so the marked choices and the
        // verdict show (the next question follows below it); else whatever came.
        let revealed = null;
        let last = null;
        for (const event of data.events) {
          last = show(event, true) ?? last;
          if (event.type === 'reveal' && last) revealed = last;
          store.remember(event);
        }
        if (last) (revealed ?? last).scrollIntoView({ block: revealed ? 'start' : 'nearest', behavior: calm.matches ? 'auto' : 'smooth' });
        store.setCursor(data.last, data.running);
        if (!data.running) return;
      }
    } finally {
      polling = false;
    }
  }

  /**
   * Lays out one event: a new question card, a reveal on its card, or the final scoreboard; returns
   * what it showed. Live (not restored after a reload), a keyboard player whose choice button was
   * disabled under them continues on the next question's first choice.
   */
  function show(event, live = false) {
    let shown = null;
    if (event.type === 'question' && event.question) {
      for (const hint of transcript.querySelectorAll('.quiz-next')) hint.remove();
      const turn = questionCard(event.sessionId, event.question);
      transcript.append(turn);
      shown = turn;
      const active = document.activeElement;
      if (live && (!active || active === document.body || active.closest('.quiz-card'))) {
        turn.querySelector('button.choice:not(:disabled)')?.focus({ preventScroll: true });
      }
    } else if (event.type === 'reveal' && event.reveal) {
      shown = reveal(event.sessionId, event.reveal);
    } else if (event.type === 'scoreboard' && event.scoreboard) {
      shown = scoreboardCard(event.scoreboard);
      transcript.append(shown);
    }
    return shown;
  }

  function questionCard(sessionId, q) {
    const turn = el('div', 'turn quiz-turn');
    const card = el('article', 'msg bot quiz-card');
    card.dataset.session = sessionId;
    card.dataset.number = String(q.number);
    card.setAttribute('aria-label', `Quiz question ${q.number} of ${q.count}`);

    const head = el('p', 'quiz-head');
    head.append(el('span', 'quiz-progress', `Question ${q.number} of ${q.count}`));
    if (q.topic) head.append(el('span', 'quiz-topic', q.topic));
    const clock = el('span', 'quiz-clock');
    clock.setAttribute('aria-hidden', 'true'); // a ticking number would chatter in a screen reader
    head.append(clock);
    card.append(head);
    card.append(el('h2', 'quiz-question', q.text));
    card.append(el('p', 'visually-hidden', `${q.answerSeconds} seconds to answer. Pick a choice:`));

    const list = el('ol', 'quiz-choices');
    const buttons = q.choices.map((choice, i) => {
      const item = el('li');
      const b = el('button', 'choice');
      b.type = 'button';
      b.dataset.choice = String(i + 1);
      b.append(el('span', 'choice-no', String(i + 1)), el('span', 'choice-text', choice));
      b.addEventListener('click', () => pick(card, sessionId, q.number, i + 1));
      item.append(b);
      list.append(item);
      return b;
    });
    card.append(list);
    const status = el('p', 'quiz-status');
    status.setAttribute('role', 'status');
    card.append(status);

    const picked = store.picked(sessionId, q.number);
    if (picked) markPicked(card, picked);

    const deadline = Date.parse(q.deadline);
    const tick = () => {
      const left = Math.ceil((deadline - (Date.now() + skew)) / 1000);
      if (left > 0) {
        clock.textContent = `${left} s`;
        clock.classList.toggle('soon', left <= 5);
        return;
      }
      clock.textContent = "Time's up";
      for (const b of buttons) b.disabled = true;
      if (!status.textContent) status.textContent = 'Time is up. The answer is on its way…';
      stopClock(card);
    };
    tick();
    if (!card.classList.contains('closed')) timers.set(card, setInterval(tick, 1000));
    turn.append(card);
    return turn;
  }

  async function pick(card, sessionId, number, choice) {
    const buttons = [...card.querySelectorAll('button.choice')];
    const status = card.querySelector('.quiz-status');
    for (const b of buttons) b.disabled = true;
    markPicked(card, choice);
    // Kept before the answer is sent: the reveal it brings may come over the feed before the reply.
    store.setPicked(sessionId, number, choice);
    status.textContent = 'Sending your answer…';
    try {
      const response = await fetch('/api/quiz/answer', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ conversation: me.conversation, sessionId, question: number, choice, name: me.name }),
      });
      const body = await response.json().catch(() => null);
      if (!response.ok || !body) {
        throw new Error((body && (body.detail || body.title)) || `HTTP ${response.status}`);
      }
      // The reveal may already be on the card (it comes as soon as a solo player answers).
      if (!card.classList.contains('revealed')) status.textContent = body.message;
      if (body.status === 'invalidChoice') reopen(card);
    } catch (error) {
      status.textContent = `Couldn't send that (${error.message}). Try again.`;
      reopen(card);
    }
  }

  function reopen(card) {
    store.setPicked(card.dataset.session, Number(card.dataset.number), null);
    if (card.classList.contains('closed')) return;
    for (const b of card.querySelectorAll('button.choice')) {
      b.disabled = false;
      b.classList.remove('picked');
      b.removeAttribute('aria-pressed');
    }
  }

  function markPicked(card, choice) {
    for (const b of card.querySelectorAll('button.choice')) {
      const mine = b.dataset.choice === String(choice);
      b.classList.toggle('picked', mine);
      b.disabled = true;
      if (mine) b.setAttribute('aria-pressed', 'true');
    }
  }

  function stopClock(card) {
    card.classList.add('closed');
    clearInterval(timers.get(card));
    timers.delete(card);
  }

  function reveal(sessionId, r) {
    let card = transcript.querySelector(`article.quiz-card[data-session="${CSS.escape(sessionId)}"][data-number="${r.number}"]`);
    if (!card) {
      // The question is not on the page (a new conversation was begun mid-quiz): show it closed.
      const turn = questionCard(sessionId, { number: r.number, count: r.count, topic: '', text: r.text, choices: r.choices, deadline: new Date(0).toISOString(), answerSeconds: 0 });
      transcript.append(turn);
      card = turn.querySelector('article.quiz-card');
    }
    stopClock(card);
    card.classList.add('revealed');
    const picked = store.picked(sessionId, r.number) ?? Number(card.querySelector('button.choice.picked')?.dataset.choice ?? 0);
    for (const b of card.querySelectorAll('button.choice')) {
      b.disabled = true;
      const n = Number(b.dataset.choice);
      if (n === r.correct) {
        b.classList.add('correct');
        b.append(el('span', 'choice-mark', 'Right answer'));
      } else if (n === picked) {
        b.classList.add('wrong');
        b.append(el('span', 'choice-mark', 'Your pick'));
      }
      const count = Array.isArray(r.counts) ? r.counts[n - 1] : 0;
      if (r.counts && r.counts.reduce((a, c) => a + c, 0) > 1 && count > 0) b.append(el('span', 'choice-count', `${count}×`));
    }
    card.querySelector('.quiz-clock').textContent = `Answer: ${r.correct}`;
    card.querySelector('.quiz-status').textContent = '';

    const box = el('div', 'quiz-reveal');
    const verdict = el('p', 'quiz-verdict' + (r.right.length > 0 ? ' good' : ''));
    verdict.append(el('strong', null, r.who));
    box.append(verdict);
    box.append(el('p', 'quiz-answer', `${r.correct}. ${r.correctText} — ${r.explanation}`));
    if (Array.isArray(r.citations) && r.citations.length > 0) {
      const quotes = el('div', 'citations');
      for (const c of r.citations) quotes.append(renderCitation(c));
      box.append(quotes);
    }
    if (r.more) box.append(el('p', 'quiz-next', 'Next question coming up…'));
    card.append(box);
    for (const next of transcript.querySelectorAll('.quiz-next')) if (!box.contains(next)) next.remove();
    return card;
  }

  function scoreboardCard(board) {
    const turn = el('div', 'turn quiz-turn');
    const card = el('article', 'msg bot quiz-board');
    card.append(el('h2', 'answer-title', heading(board)));
    card.append(scoreTable(board, 'Scores'));
    const again = el('div', 'suggestions');
    const list = el('ul');
    for (const [label, text] of [['Play again', 'quiz start'], ['Leaderboard', 'leaderboard'], ['My stats', 'quiz stats']]) {
      const item = el('li');
      item.append(button(label, () => actions.ask(text), 'chip'));
      list.append(item);
    }
    again.append(list);
    card.append(again);
    for (const next of transcript.querySelectorAll('.quiz-next')) next.remove();
    turn.append(card);
    return turn;
  }

  return { renderReply, follow, show, typing, untype };
}

function heading(board) {
  switch (board.end) {
    case null:
    case undefined:
      return `Scores after ${board.asked} of ${board.count} questions`;
    case 'completed':
      return `Final scores (${board.count} questions)`;
    case 'stopped':
      return `Quiz stopped after ${board.asked} of ${board.count}`;
    case 'abandoned':
      return `Quiz ended: no answers lately (${board.asked} of ${board.count} asked)`;
    default:
      return `Quiz closed (${board.asked} of ${board.count} asked)`;
  }
}

function scoreTable(board, caption) {
  const lines = Array.isArray(board.lines) ? board.lines : [];
  if (lines.length === 0) return el('p', 'quiz-note', 'No answers.');
  return table(caption, ['#', 'Player', 'Points', 'Right'], lines.map((l) => [
    String(l.rank), l.name, String(l.points), `${l.correct} of ${l.answered}`,
  ]));
}

function standingsTable(rows, caption) {
  return table(caption, ['#', 'Player', 'Points', 'Quizzes', 'Right'], rows.map((s) => [
    String(s.rank), s.name, String(s.points), String(s.quizzes), `${Math.round(s.accuracy * 100)}% (${s.correct} of ${s.answered})`,
  ]));
}

function table(caption, headings, rows) {
  const wrap = el('div', 'quiz-table');
  const t = el('table');
  t.append(el('caption', 'visually-hidden', caption));
  const head = el('tr');
  for (const h of headings) {
    const th = el('th', null, h);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const row of rows) {
    const tr = el('tr');
    row.forEach((cell, i) => {
      const c = el(i === 1 ? 'th' : 'td', i === 1 ? 'name' : null, cell);
      if (i === 1) c.scope = 'row';
      tr.append(c);
    });
    tbody.append(tr);
  }
  t.append(thead, tbody);
  wrap.append(t);
  return wrap;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// The essay reader marks the quoted words on the server. This brings them into view and, when
// the linked passage does not contain them, highlights the whole passage instead.

function arrive(first) {
  const id = decodeURIComponent(location.hash.slice(1));
  // getElementById, not querySelector: passage ids contain a dot ("II.5").
  const passage = id ? document.getElementById(id) : null;
  if (!passage || !passage.classList.contains('passage')) return;

  const hasQuote = new URLSearchParams(location.search).has('hl');
  const mark = passage.querySelector('mark');
  for (const old of document.querySelectorAll('.passage.whole')) old.classList.remove('whole');
  // Only for the passage the link named: ?hl stays in the address when the reader moves on.
  if (first && hasQuote && !mark) passage.classList.add('whole');

  passage.focus({ preventScroll: true });
  // The passage from its start when it fits on the screen; else the marked words in the middle.
  const fits = passage.getBoundingClientRect().height < window.innerHeight * 0.8;
  if (fits || !mark) passage.scrollIntoView({ block: 'start' });
  else mark.scrollIntoView({ block: 'center' });
}

// After load: the browser scrolls to the #passage itself while the page loads, and would undo ours.
if (document.readyState === 'complete') arrive(true);
else window.addEventListener('load', () => arrive(true), { once: true });
window.addEventListener('hashchange', () => arrive(false));

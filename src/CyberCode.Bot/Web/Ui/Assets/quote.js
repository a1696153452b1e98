// Finding a quote in a passage the way the knowledge loader does (TextNormalizer in Core):
// curly quotes become straight, every run of white space becomes one space. Kept in step with
// EssayLinks.Locate on the server.

const SINGLE = new Set(['\u2018', '\u2019', '\u201A', '\u201B', '\u2032']);
const DOUBLE = new Set(['\u201C', '\u201D', '\u201E', '\u201F', '\u2033']);
const SPACE = /[\s\u0000-\u001F\u007F-\u009F]/;

function straighten(c) {
  if (SINGLE.has(c)) return "'";
  if (DOUBLE.has(c)) return '"';
  return c;
}

/** The normalised text and, for each of its characters, the index it came from. */
export function normalizeWithMap(text) {
  let out = '';
  const map = [];
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (SPACE.test(c)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      map.push(i - 1);
      pendingSpace = false;
    }
    out += straighten(c);
    map.push(i);
  }
  return { text: out, map };
}

/** Where the quote stands in the passage, as { start, end } of the passage text, or null. */
export function locate(passageText, quote) {
  const wanted = normalizeWithMap(quote).text;
  if (!wanted) return null;
  const { text, map } = normalizeWithMap(passageText);
  let at = text.indexOf(wanted);
  if (at < 0) at = text.toLowerCase().indexOf(wanted.toLowerCase());
  if (at < 0) return null;
  return { start: map[at], end: map[at + wanted.length - 1] + 1 };
}

/** The link to a passage in the essay reader, with the quote to highlight (EssayLinks.For). */
export function essayLink(passageId, quote) {
  const anchor = '#' + encodeURIComponent(passageId);
  return quote ? '/essay?hl=' + encodeURIComponent(quote) + anchor : '/essay' + anchor;
}

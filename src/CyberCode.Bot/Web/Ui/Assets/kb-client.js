// The moderation console's side of /api/kb: the admin token (kept in this tab's sessionStorage,
// sent only as an Authorization header), the calls, and replies shown as text, never as markup.

import { el, renderCitation } from './answer.js';

const TOKEN_KEY = 'cybercode.kb.token';
let token = sessionStorage.getItem(TOKEN_KEY);
let unauthorized = () => {};

export const $ = (id) => document.getElementById(id);

export const hasToken = () => Boolean(token);

/** Uses a token for the next calls; keep=true remembers it for this tab. */
export function useToken(value, keep = false) {
  token = value;
  if (keep) sessionStorage.setItem(TOKEN_KEY, value);
}

export function forgetToken() {
  token = null;
  sessionStorage.removeItem(TOKEN_KEY);
}

/** What to do when the service turns the token away (it was changed, or the tab kept an old one). */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

const UNREACHABLE = "Can't reach CyberCode right now. Check the connection and try again.";
const authorization = () => ({ Authorization: `Bearer ${token ?? ''}` });


/** Calls the API; resolves to { ok, status, data } and never throws (a network failure is status 0). */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json', ...authorization() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(`/api/kb${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { ok: false, status: 0, data: { detail: UNREACHABLE } };
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = { detail: `The service answered ${response.status} without an explanation. Try again.` };
  }
  if (response.status === 401 && path !== '') unauthorized(data?.detail ?? 'Sign in again.');
  if (response.status === 429) data = { ...data, detail: data?.detail ?? 'Too many requests: wait a moment and try again.' };
  return { ok: response.ok, status: response.status, data: data ?? {} };
}

/** What a reply or a problem says, as text. */
export const message = (data) => data?.text ?? data?.detail ?? '';

/** Saves what GET /api/kb{path} sends as a file, under the name the service gives; resolves to null or the problem. */
export async function download(path) {
  let response;
  try {
    response = await fetch(`/api/kb${path}`, { headers: authorization() });
  } catch {
    return { detail: UNREACHABLE };
  }
  if (!response.ok) {
    const data = await response.json().catch(() => ({ detail: `The service answered ${response.status}. Try again.` }));
    if (response.status === 401) unauthorized(message(data));
    return data;
  }
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
  return null;
}

/** A reply of the API (or a problem) in a box: its text, its quotes, and optional extra nodes. */
export function showReply(box, data, ok, ...extra) {
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

export function busy(form, on) {
  for (const control of form.querySelectorAll('button, input, textarea, select')) control.disabled = on;
}

export const lines = (text) => text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);

export const when = (iso) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

// Marks searched words in plain text, ignoring case and accents, the way the
// search index matches them (each word as a prefix).

import { escapeHtml } from "./dom.js";

/** @param {string} ch */
function fold(ch) {
  return ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/**
 * Returns escaped HTML of `text` with every word starting with one of
 * `terms` wrapped in <mark>.
 * @param {string | null | undefined} text
 * @param {string[]} terms
 * @returns {string}
 */
export function highlightTerms(text, terms) {
  // "trade-off" is searched as the words "trade" and "off": mark each.
  const wanted = terms
    .flatMap((t) => [...String(t)].map(fold).join("").split(/[^\p{L}\p{N}]+/u))
    .filter(Boolean);
  const source = String(text ?? "");
  if (wanted.length === 0) return escapeHtml(source);
  let out = "";
  // Words are runs of letters and digits; everything between is kept as is.
  const re = /[\p{L}\p{N}\p{M}]+/gu;
  let last = 0;
  for (const match of source.matchAll(re)) {
    const word = match[0];
    const folded = [...word].map(fold).join("");
    out += escapeHtml(source.slice(last, match.index));
    const hit = wanted.some((t) => folded.startsWith(t));
    out += hit ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word);
    last = match.index + word.length;
  }
  return out + escapeHtml(source.slice(last));
}

/**
 * Marks `terms` inside rendered HTML (a note's preview) by rewriting its text
 * nodes only, so the markup around them (links, code, lists) is kept.
 * @param {Element} root
 * @param {string[]} terms
 */
export function highlightNode(root, terms) {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  /** @type {Text[]} */
  const texts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(/** @type {Text} */ (node));
  for (const text of texts) {
    const marked = highlightTerms(text.data, terms);
    if (!marked.includes("<mark>")) continue;
    const holder = doc.createElement("template");
    holder.innerHTML = marked;
    text.replaceWith(holder.content);
  }
}

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

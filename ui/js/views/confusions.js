// The pairs of subjects the learner mixes up in "which would you pick?",
// most often first, grouped by category, each with a session to practise it.

import * as api from "../api.js";
import { html, isoDate, relativeTime } from "../dom.js";
import { count } from "../plural.js";
import { buildHash } from "../router.js";

/** @typedef {import('../types/api').ConfusionPair} ConfusionPair */

/** The practice of one pair. @param {ConfusionPair} p */
export function pairHash(p) {
  return buildHash({ name: "practice", pair: `${p.first.key}~${p.second.key}` });
}

/**
 * Pairs by category, in the order of each category's most confused pair.
 * @param {ConfusionPair[]} pairs most confused first
 * @returns {[string, ConfusionPair[]][]}
 */
export function byCategory(pairs) {
  /** @type {Map<string, ConfusionPair[]>} */
  const groups = new Map();
  for (const p of pairs) {
    const group = groups.get(p.category) ?? [];
    group.push(p);
    groups.set(p.category, group);
  }
  return [...groups.entries()];
}

/** @param {ConfusionPair} p */
export function pairRow(p) {
  return html`<li class="confusion" data-pair="${p.first.key}~${p.second.key}">
      <span class="confusion-names"><strong>${p.first.name}</strong> and <strong>${p.second.name}</strong></span>
      <span class="muted">mixed up ${count(p.count, "time")} · last <time datetime="${isoDate(new Date(p.lastAt))}" title="${isoDate(new Date(p.lastAt))}">${relativeTime(p.lastAt)}</time></span>
      <a class="button" href="${pairHash(p)}">Practise this pair</a></li>`;
}

/** @type {import('../types/view').RenderView} */
export async function render(view) {
  const pairs = await api.confusions();
  view.innerHTML = html`
    <section id="confusions">
      <header class="view-header"><h1 tabindex="-1">Pairs you confuse</h1>
        <p class="lede">Every wrong pick in <a href="#/practice">Which would you pick?</a> is kept as the subject that was
          right and the one you chose. The pairs you mix up most come first.</p></header>
      ${
        pairs.length
          ? html`${byCategory(pairs).map(
              ([category, group]) => html`<section class="panel" aria-label="${category}">
                  <h2>${category}</h2><ul class="confusion-list">${group.map(pairRow)}</ul></section>`,
            )}`
          : html`<p class="empty panel">No confusions yet. Practise <a href="#/practice">Which would you pick?</a>:
              each wrong pick shows here, with a session to tell that pair apart.</p>`
      }
    </section>`.markup;
  return {};
}

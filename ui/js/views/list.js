// Every comparison, filtered by category, tag, text and whether it is the
// learner's own; with their drafts, and the way to start a new comparison.

import * as api from "../api.js";
import { closestTarget, html, relativeTime } from "../dom.js";
import { allTags, filterComparisons } from "../filter.js";
import { count } from "../plural.js";
import { buildHash } from "../router.js";

/** @typedef {import('../types/api').ComparisonSummary} ComparisonSummary */
/** @typedef {import('../types/api').Mastery} Mastery */
/** @typedef {import('../types/api').DraftSummary} DraftSummary */
/** @typedef {{ category: string, tag: string, q: string, mine: string }} Filters */

/**
 * @typedef {object} ListState
 * @property {ComparisonSummary[]} comparisons
 * @property {Record<string, Mastery>} mastery by comparison id
 * @property {Filters} filters
 * @property {Set<string> | "local" | null} matchingIds what the search index found for the
 *   text filter; null: no text filter; "local": the index failed, filter locally
 * @property {string | null} suggestion a respelling of a text filter that found nothing
 * @property {number} sequence the newest search asked for
 * @property {number | undefined} typing the pending search, while typing
 * @property {HTMLElement} cards
 * @property {HTMLElement} count
 * @property {HTMLSelectElement} category
 * @property {HTMLSelectElement} tag
 * @property {HTMLInputElement} text
 * @property {HTMLInputElement} mine
 */

// --- markup ---------------------------------------------------------------------

/**
 * @param {string} value
 * @param {string} current
 */
const option = (value, current) => html`<option value="${value}" ${value === current ? "selected" : ""}>${value}</option>`;

/** The learner's drafts, each leading back into the editor. @param {DraftSummary[]} drafts */
function draftsMarkup(drafts) {
  if (!drafts.length) return "";
  return html`<section id="drafts" class="drafts panel" aria-labelledby="drafts-title">
      <h2 id="drafts-title">Drafts</h2>
      <ul class="draft-list">${drafts.map(
        (d) => html`<li data-draft-id="${d.id}">
            <a href="${buildHash({ name: "editor", draft: String(d.id) })}">${d.title.trim() || "Untitled"}</a>
            ${d.comparisonId ? html`<span class="muted">(edits a published comparison)</span>` : ""}
            <span class="muted">updated ${relativeTime(d.updatedAt)}</span>
            <span class="draft-state ${d.publishable ? "ready" : "incomplete"}">${d.publishable ? "ready" : "incomplete"}</span>
          </li>`,
      )}</ul>
    </section>`;
}

/**
 * @param {ComparisonSummary[]} comparisons
 * @param {string[]} categories
 * @param {string[]} tags
 * @param {Filters} filters
 * @param {DraftSummary[]} drafts
 */
function listMarkup(comparisons, categories, tags, filters, drafts) {
  return html`
    <section id="comparison-list">
      <header class="view-header list-header">
        <div>
          <h1 tabindex="-1">Comparisons</h1>
          <p class="lede">${comparisons.length} side-by-side comparisons across ${categories.length} categories.</p>
        </div>
        <a class="button primary" id="new-comparison" href="#/new" title="New comparison (Ctrl+N)">New comparison</a>
      </header>
      ${draftsMarkup(drafts)}
      <form class="filters" role="search" aria-label="Filter comparisons">
        <label>Category
          <select id="category-filter" aria-label="Filter by category">
            <option value="">All categories</option>
            ${categories.map((c) => option(c, filters.category))}
          </select>
        </label>
        <label>Tag
          <select id="tag-filter" aria-label="Filter by tag">
            <option value="">All tags</option>
            ${tags.map((t) => option(t, filters.tag))}
          </select>
        </label>
        <label class="grow">Filter
          <input id="text-filter" type="search" placeholder="Type to filter (press /)" aria-label="Filter by text" value="${filters.q}" autocomplete="off">
        </label>
        <label class="mine-filter">
          <input id="mine-filter" type="checkbox" ${filters.mine ? "checked" : ""}> Mine only
        </label>
      </form>
      <p id="result-count" class="muted" aria-live="polite"></p>
      <ul id="cards" class="cards"></ul>
    </section>`;
}

/**
 * @param {ComparisonSummary} c
 * @param {Mastery | undefined} mastery
 */
function cardMarkup(c, mastery) {
  return html`<li class="comparison-card" data-comparison-id="${c.id}" data-category="${c.category}">
            <a class="comparison-link" href="${buildHash({ name: "comparison", id: c.id })}">
              <span class="eyebrow card-category">${c.category}${originMark(c)}</span>
              <span class="card-title">${c.title}</span>
              <span class="card-summary">${c.summary}</span>
              <span class="card-meta">
                ${c.tags.map((t) => html`<span class="tag">${t}</span>`)}
                ${c.noteCount > 0 ? html`<span class="has-notes" title="You have notes here">✎ ${count(c.noteCount, "note")}</span>` : ""}
                ${mastery && mastery !== "new" ? html`<span class="mastery mastery-${mastery}">${mastery}</span>` : ""}
              </span>
            </a></li>`;
}

/** Whose it is, when not the shipped library's. @param {ComparisonSummary} c */
function originMark(c) {
  if (c.origin === "mine") return html` <span class="origin-mark origin-mine">Mine</span>`;
  if (c.origin === "pack") return html` <span class="origin-mark origin-pack" title="${c.packId ? `From the pack ${c.packId}` : "From a pack"}">Pack</span>`;
  return "";
}

const NONE_OF_MINE = html`<li class="empty empty-mine">You have no comparisons of your own yet.
    <a class="button primary" href="#/new">New comparison</a></li>`;

const NO_MATCH = html`<li class="empty">No comparison matches these filters. <button type="button" id="clear-filters">Clear filters</button></li>`;

/** Enter in the filter takes the suggestion too. @param {string} suggestion */
const noMatchSuggesting = (suggestion) =>
  html`<li class="empty">No comparison matches these filters. Did you mean
    <button type="button" class="link-button" id="use-suggestion">${suggestion}</button>?
    <button type="button" id="clear-filters">Clear filters</button></li>`;

/** @param {number} shown @param {number} all */
const countText = (shown, all) => (shown === all ? `Showing all ${shown}` : `Showing ${shown} of ${all}`);

// --- behaviour ------------------------------------------------------------------

/** The comparisons the filters keep. @param {ListState} s */
function shownComparisons(s) {
  const { filters, matchingIds } = s;
  const comparisons = filters.mine ? s.comparisons.filter((c) => c.origin === "mine") : s.comparisons;
  if (matchingIds === "local") return filterComparisons(comparisons, filters);
  return filterComparisons(comparisons, { ...filters, q: "" }).filter((c) => !matchingIds || matchingIds.has(c.id));
}

/** @param {ListState} s */
function paint(s) {
  const shown = shownComparisons(s);
  s.count.textContent = countText(shown.length, s.comparisons.length);
  const noneOfMine = s.filters.mine && !s.comparisons.some((c) => c.origin === "mine");
  const empty = noneOfMine ? NONE_OF_MINE : s.suggestion ? noMatchSuggesting(s.suggestion) : NO_MATCH;
  s.cards.innerHTML = (shown.length ? html`${shown.map((c) => cardMarkup(c, s.mastery[c.id]))}` : empty).markup;
}

/**
 * The text filter asks the search index (so it also finds words inside items
 * and in the learner's notes); category and tag filter locally.
 * @param {ListState} s
 */
async function refreshText(s) {
  const mine = ++s.sequence;
  s.suggestion = null;
  if (!s.filters.q.trim()) {
    s.matchingIds = null;
  } else {
    try {
      const results = await api.search({ query: s.filters.q, limit: 200 });
      if (mine !== s.sequence) return;
      s.matchingIds = new Set(results.hits.map((h) => h.comparisonId));
      s.suggestion = results.suggestion;
    } catch {
      s.matchingIds = "local"; // the index failed: filter the titles and tags here instead
    }
  }
  if (mine === s.sequence) paint(s);
}

/**
 * Keeps the filters in the address so back/forward and restart restore them,
 * without re-rendering the view on each keystroke.
 * @param {ListState} s
 */
function remember(s) {
  history.replaceState(null, "", buildHash({ name: "list", ...s.filters }));
}

/** @param {ListState} s */
function update(s) {
  remember(s);
  paint(s);
}

/** @param {ListState} s */
function onText(s) {
  s.filters.q = s.text.value;
  remember(s);
  clearTimeout(s.typing);
  s.typing = setTimeout(() => refreshText(s), 80);
}

/** Filters by the offered respelling, as if typed. @param {ListState} s */
function useSuggestion(s) {
  s.text.value = s.suggestion ?? s.text.value;
  s.filters.q = s.text.value;
  remember(s);
  clearTimeout(s.typing);
  s.text.focus();
  refreshText(s);
}

/** @param {ListState} s */
function clearFilters(s) {
  Object.assign(s.filters, { category: "", tag: "", q: "", mine: "" });
  s.category.value = s.tag.value = s.text.value = "";
  s.mine.checked = false;
  s.matchingIds = null;
  update(s);
  s.text.focus();
}

/** @param {ListState} s @param {HTMLFormElement} form */
function listen(s, form) {
  s.category.addEventListener("change", () => {
    s.filters.category = s.category.value;
    update(s);
  });
  s.tag.addEventListener("change", () => {
    s.filters.tag = s.tag.value;
    update(s);
  });
  s.text.addEventListener("input", () => onText(s));
  s.mine.addEventListener("change", () => {
    s.filters.mine = s.mine.checked ? "1" : "";
    update(s);
  });
  s.cards.addEventListener("click", (e) => {
    if (closestTarget(e, "#clear-filters")) clearFilters(s);
    else if (closestTarget(e, "#use-suggestion")) useSuggestion(s);
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (s.suggestion && !s.cards.querySelector(".comparison-link")) return useSuggestion(s);
    /** @type {HTMLElement | null} */ (s.cards.querySelector(".comparison-link"))?.focus();
  });
}

/** @type {import('../types/view').RenderView} */
export async function render(view, route) {
  const [comparisons, progress, drafts] = await Promise.all([
    api.listComparisons(),
    api.comparisonProgress(),
    // The drafts are an extra: if they cannot be read, the list still opens.
    api.listDrafts().catch(() => []),
  ]);
  const categories = [...new Set(comparisons.map((c) => c.category))].sort();
  const filters = { category: route.category, tag: route.tag, q: route.q, mine: route.mine ?? "" };
  view.innerHTML = listMarkup(comparisons, categories, allTags(comparisons), filters, drafts).markup;
  /** @type {ListState} */
  const s = {
    comparisons,
    mastery: Object.fromEntries(progress.map((p) => [p.comparisonId, p.mastery])),
    filters,
    matchingIds: null,
    suggestion: null,
    sequence: 0,
    typing: undefined,
    cards: view.querySelector("#cards"),
    count: view.querySelector("#result-count"),
    category: view.querySelector("#category-filter"),
    tag: view.querySelector("#tag-filter"),
    text: view.querySelector("#text-filter"),
    mine: view.querySelector("#mine-filter"),
  };
  listen(s, view.querySelector("form"));
  if (filters.q) await refreshText(s);
  else paint(s);
  return { dispose: () => clearTimeout(s.typing) };
}

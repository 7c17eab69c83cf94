// Every comparison, filtered by category, tag and text.

import { call } from "../api.js";
import { html } from "../dom.js";
import { allTags, filterComparisons } from "../filter.js";
import { buildHash } from "../router.js";

export async function render(view, route) {
  const [comparisons, progress] = await Promise.all([call("list_comparisons"), call("comparison_progress")]);
  const mastery = Object.fromEntries(progress.map((p) => [p.comparisonId, p.mastery]));
  const categories = [...new Set(comparisons.map((c) => c.category))].sort();
  const tags = allTags(comparisons);
  const filters = { category: route.category, tag: route.tag, q: route.q };

  view.innerHTML = html`
    <section id="comparison-list">
      <header class="view-header">
        <h1 tabindex="-1">Comparisons</h1>
        <p class="lede">${comparisons.length} side-by-side comparisons across ${categories.length} categories.</p>
      </header>
      <form class="filters" role="search" aria-label="Filter comparisons">
        <label>Category
          <select id="category-filter" aria-label="Filter by category">
            <option value="">All categories</option>
            ${categories.map((c) => html`<option value="${c}" ${c === filters.category ? "selected" : ""}>${c}</option>`)}
          </select>
        </label>
        <label>Tag
          <select id="tag-filter" aria-label="Filter by tag">
            <option value="">All tags</option>
            ${tags.map((t) => html`<option value="${t}" ${t === filters.tag ? "selected" : ""}>${t}</option>`)}
          </select>
        </label>
        <label class="grow">Filter
          <input id="text-filter" type="search" placeholder="Type to filter (press /)" aria-label="Filter by text" value="${filters.q}" autocomplete="off">
        </label>
      </form>
      <p id="result-count" class="muted" aria-live="polite"></p>
      <ul id="cards" class="cards"></ul>
    </section>`.markup;

  const cards = view.querySelector("#cards");
  const count = view.querySelector("#result-count");
  const category = view.querySelector("#category-filter");
  const tag = view.querySelector("#tag-filter");
  const text = view.querySelector("#text-filter");

  // The text filter asks the search index (so it also finds words inside
  // items and in the learner's notes); category and tag filter locally.
  let matchingIds = null;
  let sequence = 0;
  async function refreshText() {
    const mine = ++sequence;
    if (!filters.q.trim()) {
      matchingIds = null;
    } else {
      try {
        const results = await call("search", { query: filters.q, limit: 200 });
        if (mine !== sequence) return;
        matchingIds = new Set(results.hits.map((h) => h.comparisonId));
      } catch {
        matchingIds = "local";
      }
    }
    if (mine === sequence) paint();
  }

  function paint() {
    const shown =
      matchingIds === "local"
        ? filterComparisons(comparisons, filters)
        : filterComparisons(comparisons, { ...filters, q: "" }).filter((c) => !matchingIds || matchingIds.has(c.id));
    count.textContent =
      shown.length === comparisons.length ? `Showing all ${shown.length}` : `Showing ${shown.length} of ${comparisons.length}`;
    cards.innerHTML = shown.length
      ? html`${shown.map(
          (c) => html`<li class="comparison-card" data-comparison-id="${c.id}" data-category="${c.category}">
            <a class="comparison-link" href="${buildHash({ name: "comparison", id: c.id })}">
              <span class="eyebrow card-category">${c.category}</span>
              <span class="card-title">${c.title}</span>
              <span class="card-summary">${c.summary}</span>
              <span class="card-meta">
                ${c.tags.map((t) => html`<span class="tag">${t}</span>`)}
                ${c.noteCount > 0 ? html`<span class="has-notes" title="You have notes here">✎ ${c.noteCount} note${c.noteCount === 1 ? "" : "s"}</span>` : ""}
                ${mastery[c.id] && mastery[c.id] !== "new" ? html`<span class="mastery mastery-${mastery[c.id]}">${mastery[c.id]}</span>` : ""}
              </span>
            </a></li>`,
        )}`.markup
      : html`<li class="empty">No comparison matches these filters. <button type="button" id="clear-filters">Clear filters</button></li>`.markup;
    view.querySelector("#clear-filters")?.addEventListener("click", () => {
      Object.assign(filters, { category: "", tag: "", q: "" });
      category.value = tag.value = text.value = "";
      matchingIds = null;
      update();
      text.focus();
    });
  }

  // Keep the filters in the address so back/forward and restart restore them,
  // without re-rendering the view on each keystroke.
  function update() {
    history.replaceState(null, "", buildHash({ name: "list", ...filters }));
    paint();
  }

  category.addEventListener("change", () => {
    filters.category = category.value;
    update();
  });
  tag.addEventListener("change", () => {
    filters.tag = tag.value;
    update();
  });
  let typing = null;
  text.addEventListener("input", () => {
    filters.q = text.value;
    history.replaceState(null, "", buildHash({ name: "list", ...filters }));
    clearTimeout(typing);
    typing = setTimeout(refreshText, 80);
  });
  view.querySelector("form").addEventListener("submit", (e) => {
    e.preventDefault();
    view.querySelector(".comparison-link")?.focus();
  });
  if (filters.q) await refreshText();
  else paint();
  return {};
}

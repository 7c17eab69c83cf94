// The card browser: every card with filters and sorting, several suspended
// or brought back at once (with Undo), and a card's history on demand.

import * as api from "../api.js";
import { attempt } from "../actions.js";
import { closestTarget, html, isoDate } from "../dom.js";
import { count } from "../plural.js";
import { buildHash, CARD_FILTERS } from "../router.js";
import { GRADES, intervalText } from "../study.js";

/** @typedef {import('../types/api').CardRow} CardRow */
/** @typedef {import('../types/api').CardFilter} CardFilter */
/** @typedef {import('../types/api').ReviewEntry} ReviewEntry */

const PAGE = 200;

const KIND_WORDS = {
  which_one: "Which one?",
  recall_list: "Recall the list",
  recall_item: "Recall one item",
  interview: "Interview question",
  custom: "Your card",
  grid: "At a glance",
  scenario: "Which would you pick?",
};
const STATE_WORDS = { new: "New", learning: "Learning", review: "Stable", suspended: "Suspended" };
const DUE_WORDS = { now: "Due now", week: "Due within 7 days" };
const SORT_WORDS = { due: "Due date", comparison: "Comparison", lapses: "Most forgotten", stability: "Least stable" };

/**
 * The filter the page asks the Rust side for, from the address's filters.
 * Unknown values are dropped rather than sent.
 * @param {Record<string, string>} chosen
 * @param {number} limit
 * @returns {CardFilter}
 */
export function filterOf(chosen, limit) {
  /** @param {string} key @param {Record<string, string>} known */
  const pick = (key, known) => (chosen[key] && chosen[key] in known ? chosen[key] : null);
  return {
    comparison: chosen.comparison || null,
    category: chosen.category || null,
    kind: /** @type {CardFilter["kind"]} */ (pick("kind", KIND_WORDS)),
    state: /** @type {CardFilter["state"]} */ (pick("state", STATE_WORDS)),
    due: /** @type {CardFilter["due"]} */ (pick("due", DUE_WORDS)),
    sort: /** @type {CardFilter["sort"]} */ (pick("sort", SORT_WORDS) ?? "due"),
    offset: 0,
    limit,
  };
}

/** When a card is due, as a person reads it. @param {CardRow} c @param {number} now */
export function dueText(c, now = Date.now()) {
  if (c.state === "new") return "not yet studied";
  if (c.due === null) return "";
  if (c.due <= now) return "due now";
  return `in ${intervalText((c.due - now) / 86_400_000)}`;
}

/**
 * @param {string} name
 * @param {string} label
 * @param {Record<string, string>} options value → words
 * @param {string} chosen
 * @param {string} any the words for no filter
 */
function selectMarkup(name, label, options, chosen, any) {
  return html`<label>${label}
      <select name="${name}" data-filter="${name}">
        <option value="">${any}</option>
        ${Object.entries(options).map(([value, words]) => html`<option value="${value}" ${value === chosen ? "selected" : ""}>${words}</option>`)}
      </select></label>`;
}

/** @param {CardRow} c @param {Set<number>} selected */
function rowMarkup(c, selected) {
  return html`<tr data-card-id="${c.id}" class="${c.state === "suspended" ? "is-suspended" : ""}">
      <td><input type="checkbox" class="card-pick" aria-label="Select this card" ${selected.has(c.id) ? "checked" : ""}></td>
      <td class="card-about">${c.about}</td>
      <td><a href="${buildHash({ name: "comparison", id: c.comparisonId })}">${c.comparisonTitle}</a></td>
      <td>${KIND_WORDS[c.kind]}</td>
      <td data-state="${c.state}">${STATE_WORDS[c.state]}</td>
      <td>${dueText(c)}</td>
      <td>${c.reps}${c.lapses ? html` <span class="muted">(${count(c.lapses, "lapse")})</span>` : ""}</td>
      <td><button type="button" class="link-button card-history" aria-expanded="false">History</button></td>
    </tr>`;
}

/** @param {ReviewEntry[]} entries */
function historyMarkup(entries) {
  if (!entries.length) return html`<p class="muted">Not answered yet.</p>`;
  return html`<ol class="card-history-list">${entries.map(
    (e) => html`<li><time>${isoDate(new Date(e.reviewedAt))}</time> ${GRADES[e.grade - 1]?.label ?? e.grade}
        <span class="muted">· next in ${intervalText(e.intervalDays)} · stability ${e.stability.toFixed(1)} d</span></li>`,
  )}</ol>`;
}

/**
 * @typedef {object} CardsState
 * @property {import('../types/view').ViewContext} ctx
 * @property {Record<string, string>} chosen
 * @property {CardRow[]} rows
 * @property {number} total
 * @property {Set<number>} selected
 * @property {HTMLElement} body
 * @property {HTMLElement} status
 * @property {HTMLElement} countEl
 * @property {HTMLButtonElement} moreButton
 */

/** @param {CardsState} s */
function paintRows(s) {
  s.body.innerHTML = s.rows.length
    ? html`${s.rows.map((c) => rowMarkup(c, s.selected))}`.markup
    : html`<tr><td colspan="8" class="empty">No card matches these filters.</td></tr>`.markup;
  s.countEl.textContent = `${count(s.total, "card")}${s.selected.size ? ` · ${s.selected.size} selected` : ""}`;
  s.moreButton.hidden = s.rows.length >= s.total;
}

/** @param {CardsState} s @param {boolean} [more] */
async function load(s, more = false) {
  const filter = filterOf(s.chosen, PAGE);
  filter.offset = more ? s.rows.length : 0;
  const page = await api.listCards(filter);
  s.rows = more ? [...s.rows, ...page.cards] : page.cards;
  s.total = page.total;
  if (!more) s.selected.clear();
  paintRows(s);
}

/**
 * A status line, with an Undo when there is one.
 * @param {CardsState} s
 * @param {string} message
 * @param {(() => void) | null} undo
 */
function say(s, message, undo) {
  s.status.innerHTML = html`${message} ${undo ? html`<button type="button" id="cards-undo" class="link-button">Undo</button>` : ""}`.markup;
  s.status.querySelector("#cards-undo")?.addEventListener("click", () => undo?.());
}

/** @param {CardsState} s @param {boolean} suspended */
async function suspendSelected(s, suspended) {
  const ids = [...s.selected];
  if (!ids.length) return say(s, "Select cards first (the boxes on the left).", null);
  await attempt(
    async () => {
      const changed = await api.suspendCards(ids, suspended);
      await load(s);
      const what = suspended ? "Suspended" : "Brought back";
      const undo = changed.length
        ? async () => {
            await attempt(async () => {
              await api.suspendCards(changed, !suspended);
              await load(s);
              say(s, `Undone: ${count(changed.length, "card")} as before.`, null);
            }, s.ctx.toast, { prefix: "Could not undo: " });
          }
        : null;
      say(s, `${what} ${count(changed.length, "card")}${changed.length < ids.length ? ` (${ids.length - changed.length} already so)` : ""}.`, undo);
    },
    s.ctx.toast,
    { prefix: suspended ? "Could not suspend the cards: " : "Could not bring the cards back: " },
  );
}

/** @param {CardsState} s @param {HTMLElement} row */
async function toggleHistory(s, row) {
  const button = /** @type {HTMLButtonElement} */ (row.querySelector(".card-history"));
  const next = row.nextElementSibling;
  if (next?.classList.contains("history-row")) {
    next.remove();
    button.setAttribute("aria-expanded", "false");
    return;
  }
  const entries = await attempt(() => api.cardHistory(Number(row.dataset.cardId)), s.ctx.toast, { prefix: "Could not read the history: " });
  if (!entries) return;
  row.insertAdjacentHTML("afterend", html`<tr class="history-row"><td></td><td colspan="7">${historyMarkup(entries)}</td></tr>`.markup);
  button.setAttribute("aria-expanded", "true");
}

/** @type {import('../types/view').RenderView} */
export async function render(view, route, ctx) {
  const chosen = { ...(route.cards ?? {}) };
  const comparisons = await api.listComparisons();
  const categories = [...new Set(comparisons.map((c) => c.category))].sort();
  const comparisonOptions = Object.fromEntries(comparisons.map((c) => [c.id, c.title]));
  view.innerHTML = html`
    <section id="cards" class="cards-view">
      <header class="view-header"><h1 tabindex="-1">Cards</h1>
        <p class="lede">Every recall card, to find, suspend or bring back. Suspended cards stay out of reviews until you bring them back.</p></header>
      <form class="card-filters panel" id="card-filters" aria-label="Filters">
        ${selectMarkup("comparison", "Comparison", comparisonOptions, chosen.comparison ?? "", "All")}
        ${selectMarkup("category", "Category", Object.fromEntries(categories.map((c) => [c, c])), chosen.category ?? "", "All")}
        ${selectMarkup("kind", "Kind", KIND_WORDS, chosen.kind ?? "", "Any")}
        ${selectMarkup("state", "State", STATE_WORDS, chosen.state ?? "", "Any")}
        ${selectMarkup("due", "Due", DUE_WORDS, chosen.due ?? "", "Any time")}
        ${selectMarkup("sort", "Sort by", SORT_WORDS, chosen.sort ?? "due", "Due date")}
      </form>
      <div class="card-actions">
        <label><input type="checkbox" id="cards-all"> Select all shown</label>
        <button type="button" id="cards-suspend">Suspend selected</button>
        <button type="button" id="cards-unsuspend">Bring back selected</button>
        <span id="cards-count" class="muted" aria-live="polite"></span>
      </div>
      <p id="cards-status" role="status"></p>
      <table class="card-table">
        <thead><tr><th scope="col"><span class="visually-hidden">Selected</span></th><th scope="col">Card</th><th scope="col">Comparison</th>
          <th scope="col">Kind</th><th scope="col">State</th><th scope="col">Due</th><th scope="col">Answers</th><th scope="col"><span class="visually-hidden">History</span></th></tr></thead>
        <tbody id="cards-body"></tbody>
      </table>
      <p><button type="button" id="cards-more" hidden>Show ${PAGE} more</button></p>
    </section>`.markup;
  /** @type {CardsState} */
  const s = {
    ctx,
    chosen,
    rows: [],
    total: 0,
    selected: new Set(),
    body: /** @type {HTMLElement} */ (view.querySelector("#cards-body")),
    status: /** @type {HTMLElement} */ (view.querySelector("#cards-status")),
    countEl: /** @type {HTMLElement} */ (view.querySelector("#cards-count")),
    moreButton: /** @type {HTMLButtonElement} */ (view.querySelector("#cards-more")),
  };
  await load(s);

  view.querySelector("#card-filters")?.addEventListener("change", async (e) => {
    const select = /** @type {HTMLSelectElement} */ (e.target);
    const key = select.dataset.filter;
    if (!key || !CARD_FILTERS.includes(key)) return;
    if (select.value) s.chosen[key] = select.value;
    else delete s.chosen[key];
    history.replaceState(null, "", buildHash({ name: "cards", cards: s.chosen }));
    await attempt(() => load(s), ctx.toast, { prefix: "Could not list the cards: " });
  });
  view.querySelector("#cards-all")?.addEventListener("change", (e) => {
    const all = /** @type {HTMLInputElement} */ (e.target).checked;
    s.selected = new Set(all ? s.rows.map((c) => c.id) : []);
    paintRows(s);
  });
  s.body.addEventListener("change", (e) => {
    const box = /** @type {HTMLInputElement} */ (e.target);
    const row = /** @type {HTMLElement | null} */ (box.closest("tr[data-card-id]"));
    if (!row || !box.classList.contains("card-pick")) return;
    const id = Number(row.dataset.cardId);
    if (box.checked) s.selected.add(id);
    else s.selected.delete(id);
    s.countEl.textContent = `${count(s.total, "card")}${s.selected.size ? ` · ${s.selected.size} selected` : ""}`;
  });
  s.body.addEventListener("click", (e) => {
    const button = closestTarget(e, ".card-history");
    const row = /** @type {HTMLElement | null} */ (button?.closest("tr[data-card-id]") ?? null);
    if (row) toggleHistory(s, row);
  });
  view.querySelector("#cards-suspend")?.addEventListener("click", () => suspendSelected(s, true));
  view.querySelector("#cards-unsuspend")?.addEventListener("click", () => suspendSelected(s, false));
  s.moreButton.addEventListener("click", () => attempt(() => load(s, true), ctx.toast, { prefix: "Could not list more cards: " }));
  return {};
}

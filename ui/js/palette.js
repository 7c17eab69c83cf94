// The search palette (Ctrl+K / Cmd+K): results while typing, arrows and Enter to jump.

import * as api from "./api.js";
import { errorText } from "./actions.js";
import { closestTarget, html, trusted } from "./dom.js";
import { plural } from "./plural.js";
import { buildHash } from "./router.js";
import { SECTION_TITLE } from "./sections.js";

/** @typedef {import('./types/api').SearchHit} SearchHit */
/** @typedef {import('./types/api').SearchResults} SearchResults */

/**
 * @typedef {object} PaletteState
 * @property {HTMLDialogElement} el
 * @property {HTMLInputElement} input
 * @property {HTMLInputElement} notesOnly
 * @property {HTMLElement} list
 * @property {HTMLElement} status
 * @property {SearchHit[]} hits
 * @property {string[]} terms the words searched, to mark where a hit lands
 * @property {number} active the chosen hit
 * @property {string | null} suggestion a respelling to offer: Enter searches it
 * @property {number} sequence the newest search asked for
 * @property {number | undefined} timer the pending search, while typing
 */

const LIMIT = 30;

/** @type {HTMLDialogElement | null} */
let dialog = null;

export function openPalette() {
  if (!dialog) dialog = build();
  if (!dialog.open) dialog.showModal();
  /** @type {HTMLInputElement} */
  const input = dialog.querySelector("#palette-input");
  input.focus();
  input.select();
}

// --- markup ---------------------------------------------------------------------

function paletteMarkup() {
  return html`
    <div class="palette-bar">
      <input id="palette-input" type="search" role="combobox" aria-expanded="true" aria-controls="palette-results"
             aria-autocomplete="list" placeholder="Search comparisons and your notes…" autocomplete="off" spellcheck="false">
      <label class="palette-toggle"><input type="checkbox" id="palette-notes-only"> Only my notes</label>
    </div>
    <p id="palette-status" class="muted" aria-live="polite"></p>
    <ul id="palette-results" role="listbox" aria-label="Search results"></ul>
    <p class="palette-help muted"><kbd>↑</kbd> <kbd>↓</kbd> to choose, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close</p>`;
}

/** @param {string} suggestion */
function suggestionMarkup(suggestion) {
  return html`No results. Did you mean <button type="button" class="link-button" id="palette-suggestion">${suggestion}</button>?
    <span class="muted">(<kbd>Enter</kbd>)</span>`;
}

/** @param {string} typed @param {string} respelt */
function respeltMarkup(typed, respelt) {
  return html`Nothing matched “${typed}”; showing results for <strong id="palette-respelt">${respelt}</strong>.`;
}

/** @param {SearchHit} h @param {number} i @param {boolean} selected */
function hitMarkup(h, i, selected) {
  return html`<li role="option" id="palette-hit-${i}" class="palette-hit kind-${h.kind}" aria-selected="${selected}"
          data-index="${i}" data-comparison-id="${h.comparisonId}" data-section="${h.section}" data-item-id="${h.itemId}">
        <span class="hit-where"><strong>${h.comparisonTitle}</strong> · ${SECTION_TITLE[h.section] ?? h.section}
          ${h.kind === "note" ? html`<span class="has-notes">your note</span>` : ""}</span>
        <span class="hit-snippet">${trusted(h.snippet)}</span></li>`;
}

/** @param {SearchResults} results */
function statusText({ hits, truncated }) {
  const count = hits.length ? `${hits.length}${hits.length === LIMIT ? "+" : ""} ${plural(hits.length, "result")}` : "No results";
  return count + (truncated ? " — your query was long, so only its beginning was searched" : "");
}

// --- behaviour ------------------------------------------------------------------

/** @param {PaletteState} p */
function paint(p) {
  p.list.innerHTML = html`${p.hits.map((h, i) => hitMarkup(h, i, i === p.active))}`.markup;
  p.input.setAttribute("aria-activedescendant", p.hits.length ? `palette-hit-${p.active}` : "");
  p.list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: "nearest" });
}

/** @param {PaletteState} p */
async function run(p) {
  const mine = ++p.sequence;
  const text = p.input.value;
  if (!text.trim()) {
    p.hits = [];
    p.suggestion = null;
    p.status.textContent = "";
    paint(p);
    return;
  }
  try {
    const results = await api.search({ query: text, notesOnly: p.notesOnly.checked, limit: LIMIT });
    if (mine !== p.sequence) return; // a newer query is on its way
    // One close word for each unknown one: no choice to ask about, so search it.
    const respelt =
      results.suggestion && results.suggestionIsSure
        ? await api.search({ query: results.suggestion, notesOnly: p.notesOnly.checked, limit: LIMIT })
        : null;
    if (mine !== p.sequence) return;
    const shown = respelt?.hits.length ? respelt : results;
    Object.assign(p, { hits: shown.hits, terms: shown.terms, active: 0, suggestion: shown === results ? results.suggestion : null });
    if (shown !== results) p.status.innerHTML = respeltMarkup(text.trim(), results.suggestion).markup;
    else if (p.suggestion) p.status.innerHTML = suggestionMarkup(p.suggestion).markup;
    else p.status.textContent = statusText(results);
    paint(p);
  } catch (err) {
    if (mine === p.sequence) p.status.textContent = `Search failed: ${errorText(err)}`;
  }
}

/** Opens the hit, on its item, with the searched words marked. @param {PaletteState} p @param {number} index */
function go(p, index) {
  const hit = p.hits[index];
  if (!hit) return;
  p.el.close();
  location.hash = buildHash({
    name: "comparison",
    id: hit.comparisonId,
    target: { section: hit.section, itemId: hit.itemId },
    highlight: p.terms.join(" "),
  });
}

/** Arrows choose, Enter opens. @param {PaletteState} p @param {KeyboardEvent} e */
function onInputKey(p, e) {
  if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    e.preventDefault();
    if (!p.hits.length) return;
    p.active = (p.active + (e.key === "ArrowDown" ? 1 : p.hits.length - 1)) % p.hits.length;
    paint(p);
  } else if (e.key === "Escape") {
    // WebKitGTK's search field takes Esc to clear itself and the dialog
    // never hears it: close here, as the palette's help line promises.
    e.preventDefault();
    p.el.close();
  } else if (e.key === "Enter") {
    e.preventDefault();
    if (!p.hits.length && p.suggestion) useSuggestion(p);
    else go(p, p.active);
  }
}

/** Searches the offered respelling, as if typed. @param {PaletteState} p */
function useSuggestion(p) {
  if (!p.suggestion) return;
  p.input.value = p.suggestion;
  p.suggestion = null;
  clearTimeout(p.timer);
  p.input.focus();
  run(p);
}

function build() {
  const el = document.createElement("dialog");
  el.id = "palette";
  el.className = "palette";
  el.setAttribute("aria-label", "Search the library and your notes");
  el.innerHTML = paletteMarkup().markup;
  document.body.append(el);
  /** @type {PaletteState} */
  const p = {
    el,
    input: el.querySelector("#palette-input"),
    notesOnly: el.querySelector("#palette-notes-only"),
    list: el.querySelector("#palette-results"),
    status: el.querySelector("#palette-status"),
    hits: [],
    terms: [],
    active: 0,
    suggestion: null,
    sequence: 0,
    timer: undefined,
  };
  p.input.addEventListener("input", () => {
    clearTimeout(p.timer);
    p.timer = setTimeout(() => run(p), 60);
  });
  p.notesOnly.addEventListener("change", () => run(p));
  p.input.addEventListener("keydown", (e) => onInputKey(p, e));
  p.status.addEventListener("click", (e) => closestTarget(e, "#palette-suggestion") && useSuggestion(p));
  p.list.addEventListener("click", (e) => {
    const li = closestTarget(e, "li[data-index]");
    if (li) go(p, Number(li.dataset.index));
  });
  return el;
}

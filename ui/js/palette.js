// The search palette (Ctrl+K / Cmd+K): results while typing, arrows and Enter to jump.

import { call } from "./api.js";
import { html, trusted } from "./dom.js";
import { buildHash } from "./router.js";
import { SECTION_TITLE } from "./sections.js";

let dialog = null;

export function openPalette() {
  if (!dialog) dialog = build();
  if (!dialog.open) dialog.showModal();
  const input = dialog.querySelector("#palette-input");
  input.focus();
  input.select();
}

function build() {
  const el = document.createElement("dialog");
  el.id = "palette";
  el.className = "palette";
  el.setAttribute("aria-label", "Search the library and your notes");
  el.innerHTML = html`
    <div class="palette-bar">
      <input id="palette-input" type="search" role="combobox" aria-expanded="true" aria-controls="palette-results"
             aria-autocomplete="list" placeholder="Search comparisons and your notes…" autocomplete="off" spellcheck="false">
      <label class="palette-toggle"><input type="checkbox" id="palette-notes-only"> Only my notes</label>
    </div>
    <p id="palette-status" class="muted" aria-live="polite"></p>
    <ul id="palette-results" role="listbox" aria-label="Search results"></ul>
    <p class="palette-help muted"><kbd>↑</kbd> <kbd>↓</kbd> to choose, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close</p>`.markup;
  document.body.append(el);

  const input = el.querySelector("#palette-input");
  const notesOnly = el.querySelector("#palette-notes-only");
  const list = el.querySelector("#palette-results");
  const status = el.querySelector("#palette-status");
  let hits = [];
  let terms = [];
  let active = 0;
  let sequence = 0;
  let timer = null;

  function paint() {
    list.innerHTML = html`${hits.map(
      (h, i) => html`<li role="option" id="palette-hit-${i}" class="palette-hit kind-${h.kind}" aria-selected="${i === active}"
          data-index="${i}" data-comparison-id="${h.comparisonId}" data-section="${h.section}" data-item-id="${h.itemId}">
        <span class="hit-where"><strong>${h.comparisonTitle}</strong> · ${SECTION_TITLE[h.section] ?? h.section}
          ${h.kind === "note" ? html`<span class="has-notes">your note</span>` : ""}</span>
        <span class="hit-snippet">${trusted(h.snippet)}</span></li>`,
    )}`.markup;
    input.setAttribute("aria-activedescendant", hits.length ? `palette-hit-${active}` : "");
    list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: "nearest" });
  }

  async function run() {
    const mine = ++sequence;
    const text = input.value;
    if (!text.trim()) {
      hits = [];
      status.textContent = "";
      paint();
      return;
    }
    try {
      const results = await call("search", { query: text, notesOnly: notesOnly.checked, limit: 30 });
      if (mine !== sequence) return; // a newer query is on its way
      hits = results.hits;
      terms = results.terms;
      active = 0;
      status.textContent =
        (hits.length ? `${hits.length}${hits.length === 30 ? "+" : ""} result${hits.length === 1 ? "" : "s"}` : "No results") +
        (results.truncated ? " — your query was long, so only its beginning was searched" : "");
      paint();
    } catch (err) {
      if (mine === sequence) status.textContent = `Search failed: ${err.message}`;
    }
  }

  function go(index) {
    const hit = hits[index];
    if (!hit) return;
    el.close();
    location.hash = buildHash({
      name: "comparison",
      id: hit.comparisonId,
      target: { section: hit.section, itemId: hit.itemId },
      highlight: terms.join(" "),
    });
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 60);
  });
  notesOnly.addEventListener("change", run);
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!hits.length) return;
      active = (active + (e.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      paint();
    } else if (e.key === "Enter") {
      e.preventDefault();
      go(active);
    }
  });
  list.addEventListener("click", (e) => {
    const li = e.target.closest("li[data-index]");
    if (li) go(Number(li.dataset.index));
  });
  return el;
}

// One comparison, laid out like the seed page, with a note beside every item.

import * as api from "../api.js";
import { attempt } from "../actions.js";
import { closestTarget, html, isoDate, trusted } from "../dom.js";
import { confirmAction } from "../editor-confirm.js";
import { factsAge } from "../facts.js";
import { attachNote } from "../note-editor.js";
import { highlightNode, highlightTerms } from "../highlight.js";
import { actionFor } from "../keys.js";
import { count } from "../plural.js";
import { buildHash } from "../router.js";
import { SECTION_LABEL } from "../sections.js";

/** @typedef {import('../types/api').ComparisonPage} ComparisonPage */
/** @typedef {import('../types/api').PageItem} PageItem */
/** @typedef {import('../types/api').GridRow} GridRow */
/** @typedef {ReturnType<typeof attachNote>} NoteEditor */

/**
 * The accessible name of an item's note editor, e.g. "Note on tradeoff: EC2 offers…".
 * @param {Pick<PageItem, "section" | "name" | "text">} item
 * @param {string} title the comparison's
 */
export function noteLabel(item, title) {
  const named = item.section === "subject" || item.section === "when_to_use" || item.section === "dimension";
  const what = item.section === "comparison" ? title : named ? item.name : item.text;
  return `Note on ${SECTION_LABEL[item.section]}: ${what}`;
}

// --- markup ---------------------------------------------------------------------

/**
 * An item's note toggle.
 * @param {PageItem} item
 * @param {string} title the comparison's
 */
function noteToggle(item, title) {
  const has = Boolean(item.note);
  return html`
      <button type="button" class="note-toggle" aria-expanded="false" title="Note (n)"
              aria-label="${has ? "Edit" : "Add"} ${noteLabel(item, title).toLowerCase()}">
        <span aria-hidden="true">✎</span> <span class="note-toggle-label">${has ? "Edit note" : "Note"}</span>
      </button>`;
}

/** An item's saved note and its (closed) editor panel. @param {PageItem} item */
function noteBody(item) {
  return html`
      <div class="note-preview markdown" ${item.note ? "" : "hidden"}>${trusted(item.noteHtml ?? "")}</div>
      <div class="note-panel" hidden></div>`;
}

/** What marks an element as a note target, for attachNote, j/k and landing. @param {PageItem} item */
function itemAttributes(item) {
  return html`tabindex="0" id="item-${item.section}-${item.itemId}" data-section="${item.section}" data-item-id="${item.itemId}"`;
}

/**
 * One item with its note toggle, preview and (closed) editor panel.
 * @param {PageItem} item
 * @param {string} title the comparison's
 * @param {{ heading?: string | null, eyebrow?: string | null, extraClass?: string }} [options]
 */
function itemBlock(item, title, { heading = null, eyebrow = null, extraClass = "" } = {}) {
  return html`
    <div class="item ${extraClass} ${item.note ? "has-note" : ""}" ${itemAttributes(item)}>
      <div class="item-main">
        ${eyebrow ? html`<span class="eyebrow">${eyebrow}</span>` : ""}
        ${heading ? html`<h3 class="item-heading">${heading}</h3>` : ""}
        <p class="item-text">${item.text}</p>
      </div>
      ${noteToggle(item, title)}
      ${noteBody(item)}
    </div>`;
}

/** @param {ComparisonPage} page */
function actionsBar(page) {
  return html`
      <div class="page-actions">
        <a id="back-to-list" class="back-link" href="#/comparisons" title="Back (Alt+←)"><span aria-hidden="true">← </span>Back to Comparisons</a>
        <span class="button-row">
          <a class="button" href="${buildHash({ name: "review", comparison: page.id })}" id="review-comparison">Review</a>
          <a class="button" href="${buildHash({ name: "practice", comparison: page.id })}" id="practice-comparison">Which would you pick?</a>
          <a class="button" href="${buildHash({ name: "review", comparison: page.id, cram: "1" })}" id="cram-comparison" title="Every card of this comparison now, without changing when any comes back">Cram</a>
          <a class="button" href="${buildHash({ name: "drill", comparison: page.id })}" id="drill-comparison">Drill</a>
          <button type="button" id="export-comparison">Export my notes…</button>
          ${page.origin === "mine"
            ? html`<button type="button" id="edit-comparison">Edit</button>
                   <button type="button" id="archive-comparison">Archive…</button>`
            : ""}
          <button type="button" id="copy-comparison" title="A draft of a comparison of your own, starting from this one">Make my own copy</button>
        </span>
      </div>`;
}

/** A copy keeps its original's title: the mark tells them apart. @param {ComparisonPage} page */
function originMark(page) {
  if (page.origin === "mine") return html` <span class="origin-mark origin-mine">Mine</span>`;
  if (page.origin === "pack") return html` <span class="origin-mark origin-pack">Pack</span>`;
  return "";
}

/** @param {ComparisonPage} page */
function pageHeader(page) {
  return html`
      <header class="comparison-header">
        <span class="eyebrow">${page.category}${originMark(page)}</span>
        <h1 tabindex="-1">${page.title}</h1>
        ${itemBlock(page.overview, page.title, { extraClass: "overview" })}
        <p class="tags">${page.tags.map((t) => html`<a class="tag" href="${buildHash({ name: "list", tag: t })}">${t}</a>`)}</p>
      </header>`;
}

/** @param {ComparisonPage} page */
function subjectsSection(page) {
  return html`
      <section data-section="subjects" aria-label="Subjects">
        <div class="subjects cols-${page.subjects.length}">
          ${page.subjects.map((s) => itemBlock(s, page.title, { heading: s.name, eyebrow: s.label, extraClass: "subject-card" }))}
        </div>
      </section>`;
}

/**
 * A section of plain items under a heading.
 * @param {ComparisonPage} page
 * @param {{ section: string, headingId: string, heading: string, items: PageItem[] }} what
 */
function itemsSection(page, { section, headingId, heading, items }) {
  return html`
      <section data-section="${section}" aria-labelledby="${headingId}">
        <h2 id="${headingId}">${heading}</h2>
        <div class="items">${items.map((i) => itemBlock(i, page.title))}</div>
      </section>`;
}

/** @param {ComparisonPage} page */
function whenToUseSection(page) {
  const subjectName = Object.fromEntries(page.subjects.map((s) => [s.itemId, s.name]));
  return html`
      <section data-section="when_to_use" aria-labelledby="h-when">
        <h2 id="h-when">When to Use</h2>
        <div class="subjects cols-${page.whenToUse.length}">
          ${page.whenToUse.map((w) =>
            itemBlock(w, page.title, { heading: `When to use ${subjectName[w.itemId] ?? w.name}`, extraClass: "when-card" }),
          )}
        </div>
      </section>`;
}

/**
 * One row of the grid as a note target: a row group of its own (a <tbody>,
 * which may hold two rows), so that its note and editor sit in the row below
 * its values and the whole group is the .item the other items are.
 * @param {GridRow} grid
 * @param {ComparisonPage} page
 */
function gridRow({ row, values }, page) {
  const columns = page.subjects.length + 2;
  return html`
          <tbody class="item grid-row ${row.note ? "has-note" : ""}" ${itemAttributes(row)}>
            <tr>
              <th scope="row" class="item-text">${row.name}</th>
              ${page.subjects.map((_, i) => html`<td class="item-text">${values[i] ?? ""}</td>`)}
              <td class="grid-note">${noteToggle(row, page.title)}</td>
            </tr>
            <tr class="grid-note-row"><td colspan="${columns}">${noteBody(row)}</td></tr>
          </tbody>`;
}

/** The at-a-glance grid: a row per dimension, a column per subject. @param {ComparisonPage} page */
function gridSection(page) {
  if (!page.grid.length) return "";
  return html`
      <section data-section="grid" aria-labelledby="h-grid">
        <div class="grid-scroll">
          <table class="glance">
            <caption><h2 id="h-grid">At a glance</h2></caption>
            <thead>
              <tr>
                <td class="grid-corner"></td>
                ${page.subjects.map((s) => html`<th scope="col">${s.name}</th>`)}
                <th scope="col" class="grid-note"><span class="visually-hidden">Your note</span></th>
              </tr>
            </thead>
            ${page.grid.map((row) => gridRow(row, page))}
          </table>
        </div>
      </section>`;
}

/**
 * Where the facts come from and how old they are; the print choice.
 * @param {ComparisonPage} page
 * @param {boolean} printNotes
 * @param {string} today YYYY-MM-DD
 */
function sourcesSection(page, printNotes, today) {
  const age = factsAge(page.checked, today);
  // Links open in the system browser: the page's link guard (window-guards.js) takes every https click.
  const sources = page.sources.length
    ? html`<h2 id="h-sources">Sources</h2>
           <ul class="source-list">${page.sources.map(
             (s) => html`<li><a class="source-link" href="${s.url}">${s.title}<span class="visually-hidden"> (opens in your browser)</span></a></li>`,
           )}</ul>`
    : "";
  const checked = age
    ? html`<p class="facts-checked">Facts checked <time datetime="${page.checked}">${age.month}</time></p>
           ${age.stale
             ? html`<p class="facts-stale" role="note"><span aria-hidden="true">⚠ </span>Possibly out of date: facts last checked ${age.monthName}</p>`
             : ""}`
    : "";
  return html`
      <footer class="comparison-footer">
        ${sources || checked ? html`<section data-section="sources" ${sources ? html`aria-labelledby="h-sources"` : html`aria-label="Sources"`}>${sources}${checked}</section>` : ""}
        <p class="print-options">
          <label><input type="checkbox" id="print-notes" ${printNotes ? "checked" : ""}> Include my notes when printing</label>
          <span class="muted">Print a cheat sheet with File › Print… or <kbd>Ctrl</kbd> <kbd>P</kbd>.</span>
        </p>
      </footer>`;
}

/** @param {ComparisonPage} page */
function tipSection(page) {
  return html`
      <section data-section="interview_tip" aria-labelledby="h-tip">
        <h2 id="h-tip">Interview Tip</h2>
        ${itemBlock(page.tip, page.title, { extraClass: "tip" })}
      </section>`;
}

/** Retired items that still carry a note. @param {ComparisonPage} page */
function archivedSection(page) {
  if (!page.archived.length) return "";
  return html`<section data-section="archived" aria-labelledby="h-archived">
              <h2 id="h-archived">Archived notes</h2>
              <p class="muted">These items were removed from the library in an update. Your notes on them are kept.</p>
              <div class="items">${page.archived.map((i) =>
                itemBlock(i, page.title, { eyebrow: `Archived ${SECTION_LABEL[i.section]}`, extraClass: "archived" }),
              )}</div>
            </section>`;
}

/**
 * @param {ComparisonPage} page
 * @param {{ printNotes: boolean, today: string }} options
 */
function pageMarkup(page, { printNotes, today }) {
  return html`
    <article id="comparison" data-comparison-id="${page.id}" data-print-notes="${String(printNotes)}"
             class="${page.grid.length ? "has-grid" : ""}">
      ${actionsBar(page)}
      ${pageHeader(page)}
      ${subjectsSection(page)}
      ${gridSection(page)}
      ${itemsSection(page, { section: "differences", headingId: "h-differences", heading: "Key Differences", items: page.differences })}
      ${whenToUseSection(page)}
      ${itemsSection(page, { section: "tradeoffs", headingId: "h-tradeoffs", heading: "Tradeoffs", items: page.tradeoffs })}
      ${itemsSection(page, { section: "mistakes", headingId: "h-mistakes", heading: "Common Mistakes", items: page.mistakes })}
      ${tipSection(page)}
      ${archivedSection(page)}
      ${sourcesSection(page, printNotes, today)}
    </article>`;
}

/** Every item a note can hang on, in page order. @param {ComparisonPage} page */
function allItems(page) {
  return [page.overview, ...page.subjects, ...page.grid.map((g) => g.row), ...page.differences, ...page.whenToUse, ...page.tradeoffs, ...page.mistakes, page.tip, ...page.archived];
}

/** @param {ParentNode} root @param {string} section @param {string} itemId @returns {HTMLElement | null} */
function itemElement(root, section, itemId) {
  return root.querySelector(`.item[data-section="${CSS.escape(section)}"][data-item-id="${CSS.escape(itemId)}"]`);
}

// --- behaviour ------------------------------------------------------------------

/**
 * A note editor on every item, by its element.
 * @param {HTMLElement} article
 * @param {ComparisonPage} page
 * @param {(message: string) => void} toast
 * @returns {Map<HTMLElement, NoteEditor>}
 */
function attachEditors(article, page, toast) {
  const editors = new Map();
  for (const item of allItems(page)) {
    const el = itemElement(article, item.section, item.itemId);
    editors.set(el, attachNote(el, {
      comparisonId: page.id,
      section: item.section,
      itemId: item.itemId,
      label: noteLabel(item, page.title),
      body: item.note?.body ?? "",
      toast,
    }));
  }
  return editors;
}

/** @param {Map<HTMLElement, NoteEditor>} editors */
function flushAll(editors) {
  return Promise.all([...editors.values()].map((editor) => editor.flush()));
}

/**
 * Another device changed notes on this comparison: each note not being
 * edited here shows its new text in place (the page is not rebuilt, so
 * focus, scroll and open editors stay).
 * @param {HTMLElement} article
 * @param {string} id
 * @param {Map<HTMLElement, NoteEditor>} editors
 * @param {(message: string) => void} toast
 */
async function showSynced(article, id, editors, toast) {
  const page = await attempt(() => api.getComparison(id), null);
  if (!page || !article.isConnected) return;
  let changed = 0;
  for (const item of allItems(page)) {
    const editor = editors.get(itemElement(article, item.section, item.itemId));
    const before = editor?.savedBody();
    if (editor?.synced(item.note?.body ?? "", item.noteHtml ?? "") && before !== editor.savedBody()) changed += 1;
  }
  if (changed) toast(`${count(changed, "note", "notes")} updated from another computer.`);
}

/**
 * The learner's notes on this comparison, as a Markdown file they choose.
 * @param {ComparisonPage} page
 * @param {Map<HTMLElement, NoteEditor>} editors
 * @param {(message: string) => void} toast
 */
async function exportNotes(page, editors, toast) {
  await attempt(
    async () => {
      await flushAll(editors);
      const summary = await api.exportComparisonMarkdown(page.id);
      if (!summary) return; // the learner cancelled the save dialog
      toast(`Exported ${count(summary.notes, "note")} to ${summary.location}`);
    },
    toast,
    { prefix: "Export failed: " },
  );
}

/**
 * Opens the comparison in the editor (Edit), or a copy of it as a new one of
 * the learner's own (Make my own copy); notes are saved first.
 * @param {ComparisonPage} page
 * @param {Map<HTMLElement, NoteEditor>} editors
 * @param {(message: string) => void} toast
 * @param {"edit" | "copy"} how
 */
async function openInEditor(page, editors, toast, how) {
  const draft = await attempt(
    async () => {
      await flushAll(editors);
      return how === "edit" ? api.editComparison(page.id) : api.copyComparison(page.id);
    },
    toast,
    { prefix: how === "edit" ? "Could not open the editor: " : "Could not make a copy: " },
  );
  if (draft === undefined) return;
  window.scrollTo(0, 0); // the editor opens at its top
  location.hash = buildHash({ name: "editor", draft: String(draft) });
}

/**
 * Takes a comparison of the learner's own out of the list, search and
 * reviews, after asking; nothing of theirs on it is deleted.
 * @param {ComparisonPage} page
 * @param {Map<HTMLElement, NoteEditor>} editors
 * @param {(message: string) => void} toast
 */
async function archive(page, editors, toast) {
  const yes = await confirmAction({
    title: `Archive “${page.title}”?`,
    body: html`<p>It leaves the list, search and your reviews. Your notes and cards on it are kept, and you can
      restore it from the Archived page.</p>`,
    yes: "Archive",
  });
  if (!yes) return;
  const done = await attempt(
    async () => {
      await flushAll(editors);
      await api.archiveComparison(page.id);
      return true;
    },
    toast,
    { prefix: "Not archived: " },
  );
  if (!done) return;
  // Replaced: Back must not lead to a page that is no longer in the list.
  location.replace(buildHash({ name: "list" }));
  toast(`Archived “${page.title}”. Its notes and cards are kept; bring it back from the Archived page.`);
}

/**
 * j/k walk the items, n or Enter opens the focused item's note.
 * @param {HTMLElement} article
 * @param {Map<HTMLElement, NoteEditor>} editors
 * @param {KeyboardEvent} e
 */
function onItemKey(article, editors, e) {
  if (closestTarget(e, "textarea, input, select, dialog")) return;
  const action = actionFor(e, "comparison");
  const items = /** @type {HTMLElement[]} */ ([...article.querySelectorAll(".item")]);
  const current = closestTarget(e, ".item");
  if (action === "next" || action === "previous") {
    e.preventDefault();
    const index = items.indexOf(current);
    const next = action === "next" ? Math.min(index + 1, items.length - 1) : Math.max(index - 1, 0);
    items[index === -1 ? 0 : next].focus();
  } else if (action === "open-note" && (e.key !== "Enter" || e.target === current) && current) {
    e.preventDefault();
    editors.get(current)?.open();
  }
}

/**
 * @param {HTMLElement} article
 * @param {HTMLElement | null} item the one to mark; null keeps the last mark
 */
function markCurrent(article, item) {
  if (!item || item.classList.contains("current")) return;
  article.querySelector(".item.current")?.classList.remove("current");
  item.classList.add("current");
}

/**
 * Arriving from a search result or a recent note: scroll to the item, mark the
 * searched words, and flash it.
 * @param {HTMLElement} article
 * @param {import('../router.js').Route} route
 */
function landOn(article, route) {
  const el = itemElement(article, route.target.section, route.target.itemId);
  if (!el) return;
  if (route.highlight) {
    const terms = route.highlight.split(/\s+/);
    // A grid row's text is its label and a cell per subject.
    for (const text of el.querySelectorAll(".item-text")) text.innerHTML = highlightTerms(text.textContent, terms);
    // A note hit lands here too: its words are in the note, not the item.
    const preview = /** @type {HTMLElement | null} */ (el.querySelector(".note-preview"));
    if (preview && !preview.hidden) highlightNode(preview, terms);
  }
  el.scrollIntoView({ block: "center" });
  el.classList.add("landed");
  el.focus({ preventScroll: true });
  setTimeout(() => el.classList.remove("landed"), 2500);
}

/** @type {import('../types/view').RenderView} */
export async function render(view, route, ctx) {
  const page = await api.getComparison(route.id);
  const printNotes = Boolean(ctx.prefs?.get("printNotes"));
  view.innerHTML = pageMarkup(page, { printNotes, today: isoDate(new Date()) }).markup;
  const article = /** @type {HTMLElement} */ (view.querySelector("#comparison"));
  const editors = attachEditors(article, page, ctx.toast);
  article.querySelector("#export-comparison").addEventListener("click", () => exportNotes(page, editors, ctx.toast));
  article.querySelector("#copy-comparison").addEventListener("click", () => openInEditor(page, editors, ctx.toast, "copy"));
  article.querySelector("#edit-comparison")?.addEventListener("click", () => openInEditor(page, editors, ctx.toast, "edit"));
  article.querySelector("#archive-comparison")?.addEventListener("click", () => archive(page, editors, ctx.toast));
  article.addEventListener("keydown", (e) => onItemKey(article, editors, e));
  article.querySelector("#print-notes").addEventListener("change", (e) => {
    const include = /** @type {HTMLInputElement} */ (e.target).checked;
    article.dataset.printNotes = String(include);
    attempt(() => ctx.prefs.set("printNotes", include), ctx.toast, { prefix: "The choice could not be remembered: " });
  });
  // WebKitGTK shows no :focus-visible ring after a mouse click, even for
  // focus moved by j/k: the item that holds focus is marked by class instead,
  // and stays marked while focus is in its note editor.
  article.addEventListener("focusin", (e) => markCurrent(article, closestTarget(e, ".item")));
  if (route.target) landOn(article, route);
  // "Recently viewed" is a convenience: not awaited, and a failure to write it
  // (a full disk) goes to the console, never between the learner and the notes.
  attempt(() => api.recordView(page.id), null);
  return {
    focusTarget: route.target ? null : article.querySelector("h1"),
    flush: () => flushAll(editors),
    synced: (report) => report.comparisons.includes(page.id) && showSynced(article, page.id, editors, ctx.toast),
  };
}

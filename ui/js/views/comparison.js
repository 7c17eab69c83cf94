// One comparison, laid out like the seed page, with a note beside every item.

import * as api from "../api.js";
import { attempt } from "../actions.js";
import { closestTarget, html, trusted } from "../dom.js";
import { confirmAction } from "../editor-confirm.js";
import { attachNote } from "../note-editor.js";
import { highlightNode, highlightTerms } from "../highlight.js";
import { actionFor } from "../keys.js";
import { count } from "../plural.js";
import { buildHash } from "../router.js";
import { SECTION_LABEL } from "../sections.js";

/** @typedef {import('../types/api').ComparisonPage} ComparisonPage */
/** @typedef {import('../types/api').PageItem} PageItem */
/** @typedef {ReturnType<typeof attachNote>} NoteEditor */

/**
 * The accessible name of an item's note editor, e.g. "Note on tradeoff: EC2 offers…".
 * @param {Pick<PageItem, "section" | "name" | "text">} item
 * @param {string} title the comparison's
 */
export function noteLabel(item, title) {
  const what =
    item.section === "comparison" ? title : item.section === "subject" || item.section === "when_to_use" ? item.name : item.text;
  return `Note on ${SECTION_LABEL[item.section]}: ${what}`;
}

// --- markup ---------------------------------------------------------------------

/**
 * One item with its note toggle, preview and (closed) editor panel.
 * @param {PageItem} item
 * @param {string} title the comparison's
 * @param {{ heading?: string | null, eyebrow?: string | null, extraClass?: string }} [options]
 */
function itemBlock(item, title, { heading = null, eyebrow = null, extraClass = "" } = {}) {
  const has = Boolean(item.note);
  return html`
    <div class="item ${extraClass} ${has ? "has-note" : ""}" tabindex="0"
         id="item-${item.section}-${item.itemId}" data-section="${item.section}" data-item-id="${item.itemId}">
      <div class="item-main">
        ${eyebrow ? html`<span class="eyebrow">${eyebrow}</span>` : ""}
        ${heading ? html`<h3 class="item-heading">${heading}</h3>` : ""}
        <p class="item-text">${item.text}</p>
      </div>
      <button type="button" class="note-toggle" aria-expanded="false" title="Note (n)"
              aria-label="${has ? "Edit" : "Add"} ${noteLabel(item, title).toLowerCase()}">
        <span aria-hidden="true">✎</span> <span class="note-toggle-label">${has ? "Edit note" : "Note"}</span>
      </button>
      <div class="note-preview markdown" ${has ? "" : "hidden"}>${trusted(item.noteHtml ?? "")}</div>
      <div class="note-panel" hidden></div>
    </div>`;
}

/** @param {ComparisonPage} page */
function actionsBar(page) {
  return html`
      <div class="page-actions">
        <a id="back-to-list" class="back-link" href="#/comparisons" title="Back (Alt+←)"><span aria-hidden="true">← </span>Back to Comparisons</a>
        <span class="button-row">
          <a class="button" href="${buildHash({ name: "review", comparison: page.id })}" id="review-comparison">Review</a>
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

/** @param {ComparisonPage} page */
function pageMarkup(page) {
  return html`
    <article id="comparison" data-comparison-id="${page.id}">
      ${actionsBar(page)}
      ${pageHeader(page)}
      ${subjectsSection(page)}
      ${itemsSection(page, { section: "differences", headingId: "h-differences", heading: "Key Differences", items: page.differences })}
      ${whenToUseSection(page)}
      ${itemsSection(page, { section: "tradeoffs", headingId: "h-tradeoffs", heading: "Tradeoffs", items: page.tradeoffs })}
      ${itemsSection(page, { section: "mistakes", headingId: "h-mistakes", heading: "Common Mistakes", items: page.mistakes })}
      ${tipSection(page)}
      ${archivedSection(page)}
    </article>`;
}

/** Every item a note can hang on, in page order. @param {ComparisonPage} page */
function allItems(page) {
  return [page.overview, ...page.subjects, ...page.differences, ...page.whenToUse, ...page.tradeoffs, ...page.mistakes, page.tip, ...page.archived];
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
    const text = el.querySelector(".item-text");
    text.innerHTML = highlightTerms(text.textContent, terms);
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
  view.innerHTML = pageMarkup(page).markup;
  const article = /** @type {HTMLElement} */ (view.querySelector("#comparison"));
  const editors = attachEditors(article, page, ctx.toast);
  article.querySelector("#export-comparison").addEventListener("click", () => exportNotes(page, editors, ctx.toast));
  article.querySelector("#copy-comparison").addEventListener("click", () => openInEditor(page, editors, ctx.toast, "copy"));
  article.querySelector("#edit-comparison")?.addEventListener("click", () => openInEditor(page, editors, ctx.toast, "edit"));
  article.querySelector("#archive-comparison")?.addEventListener("click", () => archive(page, editors, ctx.toast));
  article.addEventListener("keydown", (e) => onItemKey(article, editors, e));
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
  };
}

// Notes whose item is no longer current in the library: retired in an update,
// or never in this library at all (a notes import from another). The
// comparison page cannot show them once their comparison is gone, so they
// are all gathered here, to read, copy out, or delete (undoably). Above them,
// the learner's own comparisons they archived: to restore, or delete for good.

import * as api from "../api.js";
import { attempt } from "../actions.js";
import { focusWithRing, html, modal, relativeTime, trusted } from "../dom.js";
import { historyMarkup } from "../note-editor.js";
import { SECTION_LABEL, SECTION_TITLE } from "../sections.js";
import { count } from "../plural.js";

/** @typedef {import('../types/api').ArchivedNoteView} ArchivedNoteView */
/** @typedef {import('../types/api').NoteKey} NoteKey */
/** @typedef {import('../types/api').NoteVersion} NoteVersion */
/** @typedef {import('../types/api').ArchivedComparison} ArchivedComparison */

/** @param {NoteKey} key */
export const keyId = (key) => `${key.comparisonId}/${key.section}/${key.itemId}`;

/** What the note was on, in running text: "tradeoff of EC2 vs Lambda". @param {ArchivedNoteView} n */
export function placeOf(n) {
  return `${SECTION_LABEL[n.section] ?? n.section} of ${n.comparisonTitle ?? n.comparisonId}`;
}

/**
 * One note as Markdown, standing on its own outside the app: where it was,
 * the item's last text quoted when known, then the note.
 * @param {ArchivedNoteView} n
 */
export function noteMarkdown(n) {
  const title = n.comparisonTitle ?? n.comparisonId;
  const lines = [`## ${title}: ${SECTION_TITLE[n.section] ?? n.section} (archived)`, ""];
  if (n.itemText) lines.push(...n.itemText.split("\n").map((l) => `> ${l}`), "");
  lines.push(n.body.trimEnd(), "");
  return lines.join("\n");
}

/**
 * What deleting an archived comparison takes with it, said before it is done.
 * @param {ArchivedComparison} c
 */
export function deleteComparisonText(c) {
  const what = c.noteCount
    ? `“${c.title}” and your ${count(c.noteCount, "note")} on it are deleted for good, with its cards.`
    : `“${c.title}” is deleted for good, with its cards. You wrote no notes on it.`;
  return `${what} A backup of everything is taken first: Backups can still bring it back.`;
}

/** @param {import('../types/api').Deleted} d @param {ArchivedComparison} c */
export const deletedText = (d, c) => `Deleted “${c.title}” with ${count(d.notes, "note")} and ${count(d.cards, "card")}. A backup was taken first.`;

// --- markup ---------------------------------------------------------------------

/** @param {ArchivedComparison} c */
function archivedComparisonMarkup(c) {
  return html`<li class="item archived archived-comparison" data-comparison-id="${c.id}">
      <span class="eyebrow">${c.category}</span>
      <h3 class="archived-title">${c.title}</h3>
      <p class="muted">${c.noteCount ? count(c.noteCount, "note") : "No notes"}</p>
      <div class="button-row">
        <button type="button" data-action="restore-comparison" aria-label="Restore ${c.title}">Restore</button>
        <button type="button" data-action="delete-comparison" class="danger" aria-label="Delete for good: ${c.title}">Delete for good…</button>
      </div>
    </li>`;
}

/** @param {ArchivedComparison[]} comparisons */
function comparisonsMarkup(comparisons) {
  return comparisons.length
    ? html`<ul class="archived-list">${comparisons.map(archivedComparisonMarkup)}</ul>`
    : html`<p class="empty" id="archived-comparisons-empty">No archived comparisons. When you archive one of your own comparisons, it waits here, with its notes, until you restore or delete it.</p>`;
}

/** @param {ArchivedNoteView} n */
function noteMarkup(n) {
  const place = placeOf(n);
  const comparison = n.comparisonTitle
    ? html`<h3 class="archived-title">${n.comparisonTitle}</h3>`
    : html`<h3 class="archived-title">${n.comparisonId} <span class="muted">(no longer in the library)</span></h3>`;
  const item = n.itemText
    ? html`<blockquote class="item-text">${n.itemText}</blockquote>`
    : html`<p class="muted">The item it was on (<code>${n.itemId}</code>) is not in the library.</p>`;
  return html`<li class="item archived archived-note" data-key="${keyId(n)}">
      <span class="eyebrow">${SECTION_TITLE[n.section] ?? n.section}</span>
      ${comparison}
      ${item}
      <div class="note-preview markdown">${trusted(n.html)}</div>
      <p class="muted">Last edited ${relativeTime(n.updatedAt)}</p>
      <div class="button-row">
        <button type="button" data-action="history" aria-label="History of the note on ${place}">History</button>
        <button type="button" data-action="copy" aria-label="Copy the note on ${place} as Markdown">Copy as Markdown</button>
        <button type="button" data-action="delete" class="danger" aria-label="Delete the note on ${place}">Delete…</button>
      </div>
    </li>`;
}

/** @param {ArchivedNoteView[]} notes */
function listMarkup(notes) {
  return notes.length
    ? html`<ul class="archived-list">${notes.map(noteMarkup)}</ul>`
    : html`<p class="empty" id="archived-empty">No archived notes. When an update removes an item you wrote a note on, the note is kept here.</p>`;
}

function viewMarkup() {
  return html`<section id="archived" class="archived-view">
      <header class="view-header">
        <h1 tabindex="-1">Archived</h1>
        <p class="lede">Your comparisons you archived, and notes on items that are no longer in the library. Nothing here is lost: each note keeps its history.</p>
      </header>
      <p id="archived-status" role="status" aria-live="polite"></p>
      <section aria-labelledby="archived-comparisons-title">
        <h2 id="archived-comparisons-title">Archived comparisons</h2>
        <div id="archived-comparisons"></div>
      </section>
      <section aria-labelledby="archived-notes-title">
        <h2 id="archived-notes-title">Archived notes</h2>
        <div id="archived-notes"></div>
      </section>
      <dialog id="confirm-delete" aria-labelledby="confirm-delete-title">
        <h2 id="confirm-delete-title">Delete this note?</h2>
        <p id="confirm-delete-text"></p>
        <form method="dialog" class="button-row">
          <button value="cancel" autofocus>Cancel</button>
          <button value="delete" id="confirm-delete-yes" class="danger">Delete</button>
        </form>
      </dialog>
    </section>`;
}

// --- behaviour ------------------------------------------------------------------

/**
 * @typedef {object} State
 * @property {HTMLElement} root
 * @property {HTMLElement} list
 * @property {HTMLElement} comparisonList
 * @property {Map<string, ArchivedComparison>} comparisons by id
 * @property {HTMLElement} status
 * @property {HTMLDialogElement} confirm
 * @property {Map<string, ArchivedNoteView>} notes by keyId
 * @property {ArchivedNoteView | null} pending the note the confirm dialog asks about
 * @property {(message: string) => void} toast
 */

/** @param {State} s */
async function refresh(s) {
  const notes = await api.archivedNotes();
  s.notes = new Map(notes.map((n) => [keyId(n), n]));
  s.list.innerHTML = listMarkup(notes).markup;
}

/** @param {State} s */
async function refreshComparisons(s) {
  const comparisons = await api.archivedComparisons();
  s.comparisons = new Map(comparisons.map((c) => [c.id, c]));
  s.comparisonList.innerHTML = comparisonsMarkup(comparisons).markup;
}

/** @param {State} s @param {ArchivedComparison} c */
async function restoreComparison(s, c) {
  const done = await attempt(() => api.restoreComparison(c.id), s.toast, { prefix: "Could not restore: " });
  if (done === undefined) return;
  await attempt(() => refreshComparisons(s), s.toast);
  s.status.innerHTML = html`“${c.title}” is back in your comparisons, with its notes. <a href="#/c/${encodeURIComponent(c.id)}" id="archived-restored-link">Open it</a>`.markup;
  focusWithRing(/** @type {HTMLElement} */ (s.status.querySelector("#archived-restored-link")));
}

/**
 * The second step of a deletion for good: a confirmation that says what goes.
 * @param {State} s @param {ArchivedComparison} c @param {HTMLElement} opener
 */
function askDeleteComparison(s, c, opener) {
  const dialog = modal(
    "confirm-delete-comparison",
    `Delete ${c.title} for good?`,
    html`<h2>Delete “${c.title}” for good?</h2>
      <p id="confirm-delete-comparison-text">${deleteComparisonText(c)}</p>
      <form method="dialog" class="button-row">
        <button value="cancel" autofocus>Cancel</button>
        <button value="delete" class="danger" id="confirm-delete-comparison-yes">Delete for good</button>
      </form>`,
  );
  dialog.addEventListener("close", async () => {
    if (dialog.returnValue !== "delete") {
      if (opener.isConnected) focusWithRing(opener);
      return;
    }
    const deleted = await attempt(() => api.deleteComparison(c.id), s.toast, { prefix: "Could not delete: " });
    if (!deleted) return;
    await attempt(() => refreshComparisons(s), s.toast);
    say(s, deletedText(deleted, c));
    s.root.querySelector("h1")?.focus();
  });
  dialog.showModal();
}

/** @param {State} s @param {MouseEvent} e */
function onComparisonClick(s, e) {
  const button = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (e.target)?.closest?.("button[data-action]"));
  const id = button?.closest("[data-comparison-id]")?.getAttribute("data-comparison-id");
  const c = id ? s.comparisons.get(id) : undefined;
  if (!button || !c) return;
  if (button.dataset.action === "restore-comparison") restoreComparison(s, c);
  else if (button.dataset.action === "delete-comparison") askDeleteComparison(s, c, button);
}

/** @param {ArchivedNoteView} n @returns {NoteKey} */
const keyOf = (n) => ({ comparisonId: n.comparisonId, section: n.section, itemId: n.itemId });

/**
 * A status line, with an optional button (Undo).
 * @param {State} s @param {string} message @param {{ label: string, run: () => void } | null} [action]
 */
function say(s, message, action = null) {
  s.status.innerHTML = action
    ? html`${message} <button type="button" id="archived-undo">${action.label}</button>`.markup
    : html`${message}`.markup;
  s.status.querySelector("#archived-undo")?.addEventListener("click", action?.run);
}

/** @param {State} s @param {ArchivedNoteView} n @param {HTMLElement} opener */
async function showHistory(s, n, opener) {
  const versions = await attempt(() => api.noteHistory(keyOf(n)), s.toast, { prefix: "Could not read the history: " });
  if (!versions) return;
  const dialog = modal("history-dialog", `History of the note on ${placeOf(n)}`, historyMarkup(versions));
  dialog.addEventListener("close", () => opener.isConnected && focusWithRing(opener));
  dialog.addEventListener("click", async (e) => {
    const id = /** @type {HTMLElement} */ (e.target)?.dataset?.version;
    if (!id) return;
    const done = await attempt(() => api.restoreNoteVersion(keyOf(n), Number(id)), s.toast, { prefix: "Could not restore: " });
    if (done === undefined) return;
    dialog.close();
    await attempt(() => refresh(s), s.toast);
    say(s, `Restored an earlier version of the note on ${placeOf(n)}. The text it replaced is in its history.`);
  });
  dialog.showModal();
}

/**
 * Puts text on the clipboard. The async Clipboard API first; WebKitGTK may
 * refuse it outside a secure origin, where the older copy command still works
 * during the click that asked for it.
 * @param {string} text
 */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // fall through to the copy command
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "visually-hidden";
  document.body.append(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  if (!copied) throw new Error("the clipboard is not available");
}

/** @param {State} s @param {ArchivedNoteView} n */
async function copyNote(s, n) {
  const copied = await attempt(() => copyText(noteMarkdown(n)).then(() => true), s.toast, { prefix: "Could not copy: " });
  if (copied) say(s, `Copied the note on ${placeOf(n)} as Markdown.`);
}

/** @param {State} s @param {ArchivedNoteView} n */
function askDelete(s, n) {
  s.pending = n;
  s.confirm.returnValue = "";
  s.root.querySelector("#confirm-delete-text").textContent =
    `The note on ${placeOf(n)} will be cleared. Its text stays in its history, and Undo brings it back.`;
  s.confirm.showModal();
}

/** @param {State} s */
async function onConfirmClosed(s) {
  const n = s.pending;
  s.pending = null;
  if (!n || s.confirm.returnValue !== "delete") {
    const opener = n && s.list.querySelector(`[data-key="${CSS.escape(keyId(n))}"] [data-action="delete"]`);
    if (opener) focusWithRing(/** @type {HTMLElement} */ (opener));
    return;
  }
  const kept = await attempt(() => api.deleteArchivedNote(keyOf(n)), s.toast, { prefix: "Could not delete: " });
  if (!kept) return;
  await attempt(() => refresh(s), s.toast);
  say(s, `Deleted the note on ${placeOf(n)}.`, { label: "Undo", run: () => undoDelete(s, n, kept.id) });
  focusWithRing(/** @type {HTMLElement} */ (s.status.querySelector("#archived-undo")));
}

/** @param {State} s @param {ArchivedNoteView} n @param {number} versionId */
async function undoDelete(s, n, versionId) {
  const done = await attempt(() => api.restoreNoteVersion(keyOf(n), versionId), s.toast, { prefix: "Could not undo: " });
  if (done === undefined) return;
  await attempt(() => refresh(s), s.toast);
  say(s, `The note on ${placeOf(n)} is back.`);
  const restored = s.list.querySelector(`[data-key="${CSS.escape(keyId(n))}"] [data-action="delete"]`);
  if (restored) focusWithRing(/** @type {HTMLElement} */ (restored));
}

/** @param {State} s @param {MouseEvent} e */
function onClick(s, e) {
  const button = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (e.target)?.closest?.("button[data-action]"));
  const key = button?.closest("[data-key]")?.getAttribute("data-key");
  const n = key ? s.notes.get(key) : undefined;
  if (!button || !n) return;
  const action = button.dataset.action;
  if (action === "history") showHistory(s, n, button);
  else if (action === "copy") copyNote(s, n);
  else if (action === "delete") askDelete(s, n);
}

/** @type {import('../types/view').RenderView} */
export async function render(view, _route, ctx) {
  const [notes, comparisons] = await Promise.all([api.archivedNotes(), api.archivedComparisons()]);
  view.innerHTML = viewMarkup().markup;
  /** @type {State} */
  const s = {
    root: /** @type {HTMLElement} */ (view.querySelector("#archived")),
    list: /** @type {HTMLElement} */ (view.querySelector("#archived-notes")),
    comparisonList: /** @type {HTMLElement} */ (view.querySelector("#archived-comparisons")),
    comparisons: new Map(comparisons.map((c) => [c.id, c])),
    status: /** @type {HTMLElement} */ (view.querySelector("#archived-status")),
    confirm: /** @type {HTMLDialogElement} */ (view.querySelector("#confirm-delete")),
    notes: new Map(notes.map((n) => [keyId(n), n])),
    pending: null,
    toast: ctx.toast,
  };
  s.list.innerHTML = listMarkup(notes).markup;
  s.comparisonList.innerHTML = comparisonsMarkup(comparisons).markup;
  s.list.addEventListener("click", (e) => onClick(s, e));
  s.comparisonList.addEventListener("click", (e) => onComparisonClick(s, e));
  s.confirm.addEventListener("close", () => onConfirmClosed(s));
  return {
    // History dialogs live on <body>: leaving the view closes them.
    dispose: () => document.querySelectorAll("dialog.history-dialog, dialog.confirm-delete-comparison").forEach((d) => d.remove()),
  };
}

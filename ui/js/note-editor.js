// The note editor beside one item: Markdown text, saved while typing and on
// close, with a visible saved/saving/failed state and the note's history.

import * as api from "./api.js";
import { attempt, errorText } from "./actions.js";
import { focusWithRing, html, modal, relativeTime, trusted } from "./dom.js";
import { createAutosaver } from "./autosave.js";
import { actionFor } from "./keys.js";

/** @typedef {import('./types/api').NoteKey} NoteKey */
/** @typedef {import('./types/api').NoteVersion} NoteVersion */
/** @typedef {import('./types/api').SavedNote} SavedNote */

/**
 * One item's note: its elements, what is saved, and the open editor if any.
 * @typedef {object} NoteState
 * @property {HTMLElement} itemEl
 * @property {HTMLElement} toggle
 * @property {HTMLElement} preview
 * @property {HTMLElement} panel
 * @property {NoteKey} key
 * @property {string} label the editor's accessible name, "Note on tradeoff: …"
 * @property {(message: string) => void} toast
 * @property {string} savedBody
 * @property {HTMLTextAreaElement | null} textarea
 * @property {HTMLElement | null} stateEl
 * @property {ReturnType<typeof createAutosaver>} autosaver
 */

const STATE_TEXT = {
  idle: "",
  dirty: "Editing…",
  saving: "Saving…",
  saved: "Saved",
  failed: "Not saved",
};

// --- markup ---------------------------------------------------------------------

/** @param {string} label */
function editorMarkup(label) {
  return html`
      <textarea class="note-editor" rows="6" aria-label="${label}" placeholder="Write in Markdown: **bold**, - lists, \`code\`…" spellcheck="true"></textarea>
      <div class="editor-bar">
        <span class="save-state" data-state="idle" role="status" aria-live="polite"></span>
        <span class="spacer"></span>
        <button type="button" class="card-button" title="Turn this note into a recall card">Make a card</button>
        <button type="button" class="history-button">History</button>
        <button type="button" class="close-button" title="Save and close (Esc)">Done</button>
      </div>`;
}

function cardFormMarkup() {
  return html`
      <h2>Make a card</h2>
      <form method="dialog" class="card-form">
        <label>Question (front)<textarea name="front" rows="3" required placeholder="What do you want to be asked?"></textarea></label>
        <label>Answer (back)<textarea name="back" rows="5" required></textarea></label>
        <p class="card-error" role="alert"></p>
        <div class="button-row"><button value="cancel" formnovalidate>Cancel</button><button value="save" class="primary">Add card</button></div>
      </form>`;
}

/**
 * A note's earlier versions, each with its Restore button (also the archived
 * notes' history).
 * @param {NoteVersion[]} versions
 */
export function historyMarkup(versions) {
  const list = versions.length
    ? html`<ol class="versions">${versions.map(
        (v) => html`<li><div class="version-meta">Saved ${relativeTime(v.savedAt)}, replaced ${relativeTime(v.replacedAt)}
                <button type="button" data-version="${v.id}">Restore</button></div>
                <pre class="version-body">${v.body}</pre></li>`,
      )}</ol>`
    : html`<p class="empty">No earlier versions yet. Each save keeps the text it replaces here.</p>`;
  return html`
      <h2>Earlier versions</h2>
      ${list}
      <form method="dialog"><button>Close</button></form>`;
}

/** @param {ParentNode} form @param {string} name @returns {HTMLTextAreaElement} */
const textField = (form, name) => form.querySelector(`textarea[name=${name}]`);

// --- what the editor shows --------------------------------------------------------

/**
 * The autosaver's state, beside the editor. A failed save keeps the editor
 * (and its text) open, says why, and offers to try again.
 * @param {NoteState} n
 * @param {string} state
 * @param {any} detail the saved note, or the error of a failed save
 */
function showState(n, state, detail) {
  if (!n.stateEl) return;
  n.stateEl.dataset.state = state;
  if (state === "failed") {
    n.stateEl.innerHTML = html`${STATE_TEXT.failed}: ${errorText(detail)} <button type="button" class="retry">Retry</button>`.markup;
    n.stateEl.querySelector(".retry").addEventListener("click", () => n.autosaver.flush());
  } else {
    n.stateEl.textContent = STATE_TEXT[state] ?? "";
  }
  if (state === "saved") showSaved(n, detail);
}

/**
 * @param {NoteState} n
 * @param {Pick<SavedNote, "note" | "html">} result
 */
function showSaved(n, result) {
  n.savedBody = result?.note?.body ?? "";
  const has = n.savedBody.trim().length > 0;
  n.itemEl.classList.toggle("has-note", has);
  n.preview.hidden = !has;
  n.preview.innerHTML = has ? trusted(result.html).markup : "";
  n.toggle.setAttribute("aria-label", `${has ? "Edit" : "Add"} ${n.label.toLowerCase()}`);
  n.toggle.querySelector(".note-toggle-label").textContent = has ? "Edit note" : "Note";
}

// --- opening and closing ----------------------------------------------------------

/** @param {NoteState} n */
function open(n) {
  if (!n.panel.hidden) {
    n.textarea.focus();
    return;
  }
  n.panel.innerHTML = editorMarkup(n.label).markup;
  const textarea = n.panel.querySelector("textarea");
  n.textarea = textarea;
  n.stateEl = n.panel.querySelector(".save-state");
  textarea.value = n.savedBody;
  n.panel.hidden = false;
  n.toggle.setAttribute("aria-expanded", "true");
  n.itemEl.classList.add("editing");
  textarea.addEventListener("input", () => n.autosaver.edit(textarea.value));
  // On the panel, not the textarea: after History or Make a card closes,
  // focus is back on their button, and Esc must still close the editor.
  n.panel.addEventListener("keydown", (e) => onEditorKey(n, e));
  textarea.addEventListener("blur", () => n.autosaver.flush());
  n.panel.querySelector(".close-button").addEventListener("click", () => close(n));
  n.panel.querySelector(".history-button").addEventListener("click", () => showHistory(n));
  n.panel.querySelector(".card-button").addEventListener("click", () => makeCard(n));
  textarea.focus();
  textarea.setSelectionRange(textarea.value.length, textarea.value.length);
}

/** Esc or Ctrl+Enter saves and closes. @param {NoteState} n @param {KeyboardEvent} e */
function onEditorKey(n, e) {
  if (!n.textarea) return; // closed while a key was on its way
  if (actionFor(e, "note") === "close") {
    e.preventDefault();
    e.stopPropagation();
    close(n);
  }
}

/** @param {NoteState} n */
async function close(n) {
  await n.autosaver.flush();
  if (n.autosaver.state === "failed") {
    n.textarea?.focus();
    return; // keep the editor and its text open: the save failed
  }
  n.panel.hidden = true;
  n.panel.innerHTML = "";
  n.textarea = null;
  n.stateEl = null;
  n.toggle.setAttribute("aria-expanded", "false");
  n.itemEl.classList.remove("editing");
  focusWithRing(n.toggle);
}

/**
 * Whether a note may show another device's text now: not while the learner
 * is changing it here (typed and not yet saved, being saved, or a save that
 * failed and still holds their text).
 * @param {string} autosaverState
 * @param {string | null} editorText the open editor's text, null when closed
 * @param {string} savedBody
 */
export function takesSynced(autosaverState, editorText, savedBody) {
  if (autosaverState === "dirty" || autosaverState === "saving" || autosaverState === "failed") return false;
  return editorText === null || editorText === savedBody;
}

/**
 * Shows a note's text from another device, unless the learner is changing
 * it here: then theirs is saved over it, and the other text stays in the
 * history. Answers whether it was shown.
 * @param {NoteState} n
 * @param {string} body
 * @param {string} html rendered Markdown
 */
function synced(n, body, html) {
  if (!takesSynced(n.autosaver.state, n.textarea?.value ?? null, n.savedBody)) return false;
  if (body === n.savedBody) return true;
  showSaved(n, { note: body ? /** @type {import('./types/api').Note} */ ({ body }) : null, html });
  if (n.textarea) {
    const caret = Math.min(n.textarea.selectionStart, body.length);
    n.textarea.value = body;
    n.textarea.setSelectionRange(caret, caret);
  }
  return true;
}

// --- cards and history ------------------------------------------------------------

/** A card of the learner's own: a question they write, the note as the answer. @param {NoteState} n */
async function makeCard(n) {
  await n.autosaver.flush();
  const dialog = modal("card-dialog", "Make a recall card from this note", cardFormMarkup());
  textField(dialog, "back").value = n.savedBody;
  dialog.querySelector("form").addEventListener("submit", (e) => submitCard(n, dialog, e));
  dialog.showModal();
}

/** @param {NoteState} n @param {HTMLDialogElement} dialog @param {SubmitEvent} e */
async function submitCard(n, dialog, e) {
  if (/** @type {HTMLButtonElement | null} */ (e.submitter)?.value !== "save") return;
  e.preventDefault();
  const front = textField(dialog, "front").value;
  const back = textField(dialog, "back").value;
  const made = await attempt(() => api.createCard(n.key, front, back), dialog.querySelector(".card-error"));
  if (made === undefined) return; // the dialog stays open with the text, and says why
  dialog.close();
  n.toast("Card added: it comes up in your reviews as a new card.");
}

/** @param {NoteState} n */
async function showHistory(n) {
  const versions = await attempt(() => api.noteHistory(n.key), n.toast, { prefix: "Could not read the history: " });
  if (!versions) return;
  const dialog = modal("history-dialog", `History of ${n.label.toLowerCase()}`, historyMarkup(versions));
  dialog.addEventListener("click", (e) => {
    const id = /** @type {HTMLElement} */ (e.target)?.dataset?.version;
    if (id) restoreVersion(n, dialog, Number(id));
  });
  dialog.showModal();
}

/** @param {NoteState} n @param {HTMLDialogElement} dialog @param {number} versionId */
async function restoreVersion(n, dialog, versionId) {
  const restored = await attempt(
    async () => {
      await n.autosaver.flush();
      const note = await api.restoreNoteVersion(n.key, versionId);
      return { note, html: await api.renderMarkdown(note?.body ?? "") };
    },
    n.toast,
    { prefix: "Could not restore: " },
  );
  if (!restored) return;
  showSaved(n, restored);
  if (n.textarea) n.textarea.value = n.savedBody;
  n.toast("Restored. The text it replaced is in the history.");
  dialog.close();
}

/**
 * Wires one item element (with its .note-toggle, .note-preview, .note-panel).
 * @param {HTMLElement} itemEl
 * @param {NoteKey & { label: string, body: string | null | undefined, toast: (message: string) => void }} options
 */
export function attachNote(itemEl, { comparisonId, section, itemId, label, body, toast }) {
  /** @type {NoteState} */
  const n = {
    itemEl,
    toggle: itemEl.querySelector(".note-toggle"),
    preview: itemEl.querySelector(".note-preview"),
    panel: itemEl.querySelector(".note-panel"),
    key: { comparisonId, section, itemId },
    label,
    toast,
    savedBody: body ?? "",
    textarea: null,
    stateEl: null,
    autosaver: createAutosaver({
      delay: 600,
      save: (text) => api.saveNote(n.key, text),
      onState: (state, detail) => showState(n, state, detail),
    }),
  };
  n.toggle.addEventListener("click", () => (n.panel.hidden ? open(n) : close(n)));
  return { open: () => open(n), close: () => close(n), flush: () => n.autosaver.flush(), synced: (body, html) => synced(n, body, html), savedBody: () => n.savedBody };
}

// The comparison editor: a comparison of the learner's own, written as a
// draft that saves while they type (like a note) and is checked by the same
// rules as the shipped library, each message beside its field. Publishing
// turns the draft into a comparison; until then a published one being edited
// stays as it was.

import * as api from "../api.js";
import { attempt, errorText } from "../actions.js";
import { createAutosaver } from "../autosave.js";
import { closestTarget, focusWithRing, html } from "../dom.js";
import { confirmAction } from "../editor-confirm.js";
import { STATE_TEXT, editorMarkup, goneMarkup, partsMarkup } from "../editor-markup.js";
import {
  PART_NAME,
  addAfter,
  canAdd,
  emptyDocument,
  fieldKey,
  fieldName,
  fieldValue,
  inputId,
  isBlank,
  messageId,
  messagesByField,
  move,
  remapCheck,
  removeAt,
  setField,
  summaryText,
  visibleCheck,
} from "../editor-model.js";
import { actionFor } from "../keys.js";
import { buildHash } from "../router.js";

/** @typedef {import('../types/api').Draft} Draft */
/** @typedef {import('../types/api').DraftCheck} DraftCheck */
/** @typedef {import('../types/api').DraftDocument} DraftDocument */
/** @typedef {import('../editor-model.js').ListSection} ListSection */

/**
 * @typedef {object} EditorState
 * @property {number} id the draft's
 * @property {Draft} draft as loaded (what it edits or copies)
 * @property {DraftDocument} doc what the form holds now
 * @property {DraftCheck} check the latest check of `doc` (carried along by moves until the next)
 * @property {HTMLElement} root
 * @property {HTMLFormElement} form
 * @property {HTMLElement} stateEl
 * @property {HTMLElement} summary
 * @property {HTMLElement} problems
 * @property {HTMLElement} publishError
 * @property {HTMLElement} announcer
 * @property {HTMLButtonElement} publishButton
 * @property {ReturnType<typeof createAutosaver>} autosaver
 * @property {boolean} created this view made the draft (#/new)
 * @property {boolean} gone published or discarded: there is nothing left to save to
 * @property {boolean} publishing
 * @property {import('../types/view').ViewContext} ctx
 */


// --- what the form shows ------------------------------------------------------------

/** Puts the document's values into the fields under `root`. @param {EditorState} s @param {ParentNode} root */
function fillValues(s, root) {
  for (const el of /** @type {NodeListOf<HTMLInputElement | HTMLTextAreaElement>} */ (root.querySelectorAll("[data-field]"))) {
    el.value = fieldValue(s.doc, el.dataset.field);
  }
}

/** Each message beside its field, and the summary over the form. @param {EditorState} s */
function paintMessages(s) {
  const shown = visibleCheck(s.check, s.doc);
  const byField = messagesByField(shown);
  for (const el of s.form.querySelectorAll(".field-messages")) el.textContent = "";
  for (const el of s.form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  for (const [key, { errors, advice }] of byField) {
    // A path no field shows (none should) is still in the list of problems below.
    const el = s.form.querySelector(`#${CSS.escape(messageId(key))}`);
    if (!el) continue;
    el.innerHTML = html`${errors.map((m) => html`<span class="field-error"><span class="visually-hidden">Problem: </span>${m}</span>`)}${advice.map(
      (m) => html`<span class="field-advice"><span class="visually-hidden">Suggestion: </span>${m}</span>`,
    )}`.markup;
    if (errors.length) s.form.querySelector(`#${CSS.escape(inputId(key))}`)?.setAttribute("aria-invalid", "true");
  }
  const blocked = s.check.errors.length > 0;
  s.summary.textContent = summaryText(shown);
  s.summary.dataset.ready = String(!blocked);
  s.problems.hidden = !blocked;
  s.problems.querySelector("ul").innerHTML = html`${shown.errors.map((m) => {
    const key = fieldKey(m.field);
    return s.form.querySelector(`#${CSS.escape(inputId(key))}`)
      ? html`<li><button type="button" class="link-button" data-goto="${key}">${fieldName(key)}</button>: ${m.message}</li>`
      : html`<li>${fieldName(key)}: ${m.message}</li>`;
  })}`.markup;
  s.publishButton.disabled = blocked;
}

/** @param {EditorState} s @param {string} state @param {any} detail */
function showState(s, state, detail) {
  if (s.gone) return;
  s.stateEl.dataset.state = state;
  if (state === "failed") {
    s.stateEl.innerHTML = html`${STATE_TEXT.failed}: ${errorText(detail)} Your text is kept here. <button type="button" class="retry">Retry</button>`.markup;
    s.stateEl.querySelector(".retry").addEventListener("click", () => s.autosaver.flush());
  } else {
    s.stateEl.textContent = STATE_TEXT[state] ?? "";
  }
  if (state === "saved" && detail) {
    s.check = detail;
    paintMessages(s);
  }
}

// --- changing the lists --------------------------------------------------------------

/** Which control of a part had focus, to give it back after the part moves. @param {EventTarget | null} target */
function focusedControl(target) {
  const el = /** @type {HTMLElement | null} */ (target);
  if (el?.dataset?.field) return { prop: el.dataset.field.replace(/^.*\]\./, "") };
  if (el?.dataset?.action) return { action: el.dataset.action };
  return {};
}

/**
 * Focus on part `index` of `section`: the same control as before when it
 * can take it, else its first field; the section's Add button when the list
 * is empty.
 * @param {EditorState} s @param {ListSection} section @param {number} index @param {{ prop?: string, action?: string }} control
 */
function focusPart(s, section, index, control) {
  const part = s.form.querySelector(`.draft-part[data-list="${section}"][data-index="${index}"]`);
  /** @type {HTMLElement | null} */
  let target = null;
  if (!part) target = s.form.querySelector(`.add-part[data-list="${section}"]`);
  else if (control.prop) target = part.querySelector(`[data-field$="].${control.prop}"]`);
  else if (control.action) target = part.querySelector(`button[data-action="${control.action}"]:not(:disabled)`);
  target ??= part?.querySelector("[data-field]") ?? null;
  if (!target) return;
  focusWithRing(/** @type {HTMLElement} */ (target));
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    target.setSelectionRange(target.value.length, target.value.length);
  }
}

/** Redraws one list from the document. @param {EditorState} s @param {ListSection} section */
function renderList(s, section) {
  const list = s.form.querySelector(`ol[data-list="${section}"]`);
  list.innerHTML = partsMarkup(section, s.doc[section].length).markup;
  fillValues(s, list);
  /** @type {HTMLButtonElement} */ (s.form.querySelector(`.add-part[data-list="${section}"]`)).disabled = !canAdd(section, s.doc[section].length);
}

/**
 * Adds, removes or moves a part; saves at once and keeps focus on it.
 * @param {EditorState} s
 * @param {ListSection} section
 * @param {number} index -1: the section's Add button (adds at the end)
 * @param {string} action add, remove, move-up or move-down
 * @param {{ prop?: string, action?: string }} control
 */
function change(s, section, index, action, control) {
  const name = PART_NAME[section];
  const length = s.doc[section].length;
  const result =
    action === "add"
      ? addAfter(s.doc, section, index)
      : action === "remove"
        ? removeAt(s.doc, section, index)
        : move(s.doc, section, index, action === "move-up" ? -1 : 1);
  if (!result) {
    if (action === "add") s.announcer.textContent = `A comparison has at most ${length} subjects.`;
    else if (action === "remove" && section === "subjects") s.announcer.textContent = "A comparison needs at least 2 subjects.";
    return;
  }
  s.doc = result.doc;
  s.check = remapCheck(s.check, section, result.moved);
  renderList(s, section);
  paintMessages(s);
  s.autosaver.edit(JSON.stringify(s.doc));
  s.autosaver.flush();
  const spoken = {
    add: `Added ${name} ${result.index + 1}.`,
    remove: `Removed ${name} ${index + 1}.`,
    "move-up": `Moved ${name} to position ${result.index + 1}.`,
    "move-down": `Moved ${name} to position ${result.index + 1}.`,
  };
  s.announcer.textContent = spoken[action];
  focusPart(s, section, result.index, action === "add" ? {} : control);
}

// --- publishing and discarding ----------------------------------------------------------

/** @param {EditorState} s */
async function publish(s) {
  if (s.publishing || s.gone) return;
  s.publishError.textContent = "";
  await s.autosaver.flush();
  if (s.autosaver.state === "failed") {
    s.publishError.textContent = `Not published: the draft could not be saved. ${errorText(s.autosaver.error)}`;
    return;
  }
  if (s.check.errors.length) {
    const n = s.check.errors.length;
    s.publishError.textContent = `Not published yet: ${n} ${n === 1 ? "problem needs" : "problems need"} fixing first.`;
    s.problems.setAttribute("open", "");
    goTo(s, fieldKey(visibleCheck(s.check, s.doc).errors[0]?.field ?? "title"));
    return;
  }
  s.publishing = true;
  s.publishButton.disabled = true;
  const id = await attempt(() => api.publishDraft(s.id), s.publishError, { prefix: "Not published: " });
  s.publishing = false;
  if (id === undefined) {
    s.publishButton.disabled = s.check.errors.length > 0;
    return;
  }
  s.gone = true;
  s.ctx.toast("Published");
  // The page opens at its top, not as far down as the editor's Publish button was.
  window.scrollTo(0, 0);
  // Replaced, not pushed: Back from the comparison must not lead to a draft that is gone.
  location.replace(buildHash({ name: "comparison", id }));
}

/** @param {EditorState} s */
async function discard(s) {
  const editing = s.draft.comparisonId;
  const yes = await confirmAction({
    title: "Discard this draft?",
    body: editing
      ? html`<p>Your changes in this draft are thrown away. The published comparison stays as it is, with its notes and cards.</p>`
      : html`<p>This draft and everything typed in it are thrown away. This cannot be undone.</p>`,
    yes: "Discard draft",
    danger: true,
  });
  if (!yes) return;
  await s.autosaver.flush();
  s.gone = true; // no save may land on a draft being removed
  const done = await attempt(async () => (await api.discardDraft(s.id), true), s.publishError, { prefix: "Not discarded: " });
  if (!done) {
    s.gone = false;
    return;
  }
  s.ctx.toast("Draft discarded");
  location.replace(editing ? buildHash({ name: "comparison", id: editing }) : buildHash({ name: "list" }));
}

/** Focuses a field from the list of problems. @param {EditorState} s @param {string} key */
function goTo(s, key) {
  const el = /** @type {HTMLElement | null} */ (s.form.querySelector(`#${CSS.escape(inputId(key))}`));
  if (!el) return;
  el.scrollIntoView({ block: "center" });
  focusWithRing(el);
}

// --- wiring -------------------------------------------------------------------------

/** @param {EditorState} s @param {KeyboardEvent} e */
function onKey(s, e) {
  const action = actionFor(e, "editor");
  if (!action) return;
  if (action === "publish") {
    e.preventDefault();
    publish(s);
    return;
  }
  const part = closestTarget(e, ".draft-part");
  if (!part || !s.form.contains(part)) return;
  e.preventDefault();
  change(s, /** @type {ListSection} */ (part.dataset.list), Number(part.dataset.index), action, focusedControl(e.target));
}

/** @param {EditorState} s @param {MouseEvent} e */
function onClick(s, e) {
  const goto = closestTarget(e, "[data-goto]");
  if (goto) return goTo(s, goto.dataset.goto);
  const button = closestTarget(e, "button[data-action]");
  if (!button || !s.form.contains(button)) return;
  const part = /** @type {HTMLElement | null} */ (button.closest(".draft-part"));
  const section = /** @type {ListSection} */ (part?.dataset.list ?? button.dataset.list);
  const index = part ? Number(part.dataset.index) : -1;
  change(s, section, index, button.dataset.action, { action: button.dataset.action });
}

/** @param {EditorState} s */
function listen(s) {
  s.form.addEventListener("input", (e) => {
    const el = /** @type {HTMLInputElement} */ (e.target);
    if (!el.dataset?.field || s.gone) return;
    s.doc = setField(s.doc, el.dataset.field, el.value);
    s.autosaver.edit(JSON.stringify(s.doc));
  });
  // Leaving a field saves it at once, so its messages are fresh by the time the next one is typed in.
  s.form.addEventListener("focusout", () => {
    if (!s.gone) s.autosaver.flush();
  });
  s.form.addEventListener("submit", (e) => e.preventDefault());
  s.root.addEventListener("keydown", (e) => onKey(s, e));
  s.root.addEventListener("click", (e) => onClick(s, e));
  s.publishButton.addEventListener("click", () => publish(s));
  s.root.querySelector("#discard-draft").addEventListener("click", () => discard(s));
}

/**
 * The draft of `route.draft`; for #/new, a new one, whose address then
 * replaces #/new so that Back leaves the editor instead of making another.
 * @param {import('../router.js').Route} route
 * @returns {Promise<{ draft: Draft, created: boolean }>}
 */
async function openDraft(route) {
  if (route.draft) return { draft: await api.getDraft(Number(route.draft)), created: false };
  const id = await api.createDraft(emptyDocument());
  history.replaceState(null, "", buildHash({ name: "editor", draft: String(id) }));
  return { draft: await api.getDraft(id), created: true };
}

/** @type {import('../types/view').RenderView} */
export async function render(view, route, ctx) {
  let opened;
  let comparisons;
  try {
    [opened, comparisons] = await Promise.all([openDraft(route), api.listComparisons().catch(() => [])]);
  } catch (err) {
    if (/** @type {{ code?: string }} */ (err)?.code !== "unknown_draft") throw err;
    view.innerHTML = goneMarkup().markup;
    return {};
  }
  const { draft, created } = opened;
  const categories = [...new Set(comparisons.map((c) => c.category))].sort();
  view.innerHTML = editorMarkup(draft, categories).markup;
  const root = /** @type {HTMLElement} */ (view.querySelector("#editor"));
  /** @type {EditorState} */
  const s = {
    id: draft.id,
    draft,
    doc: draft.document,
    check: draft.check,
    root,
    form: root.querySelector("#draft-form"),
    stateEl: root.querySelector(".save-state"),
    summary: root.querySelector("#draft-summary"),
    problems: root.querySelector("#draft-problems"),
    publishError: root.querySelector("#publish-error"),
    announcer: root.querySelector("#editor-announce"),
    publishButton: root.querySelector("#publish-draft"),
    autosaver: null,
    created,
    gone: false,
    publishing: false,
    ctx,
  };
  s.autosaver = createAutosaver({
    delay: 600,
    // A snapshot as JSON: the document a save sends cannot change while it is on its way.
    save: (json) => (s.gone ? Promise.resolve(null) : api.saveDraft(s.id, JSON.parse(json))),
    onState: (state, detail) => showState(s, state, detail),
  });
  fillValues(s, s.form);
  paintMessages(s);
  listen(s);
  return {
    focusTarget: created ? s.form.querySelector("#field-title") : root.querySelector("h1"),
    flush: () => (s.gone ? Promise.resolve() : s.autosaver.flush()),
    dispose: () => {
      // Ctrl+N then away again, typing nothing, leaves no empty draft behind.
      if (s.created && !s.gone && !s.autosaver.hasUnsaved && isBlank(s.doc)) {
        s.gone = true;
        api.discardDraft(s.id).catch(() => {});
      }
    },
  };
}

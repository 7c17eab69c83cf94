// The comparison editor's markup: every learner text goes in through html``
// (escaped) or into a field's value, never as markup.

import { html } from "./dom.js";
import { LIST_SECTIONS, PART_NAME, canAdd, canRemove, inputId, messageId } from "./editor-model.js";
import { buildHash } from "./router.js";

/** @typedef {import('./types/api').Draft} Draft */
/** @typedef {import('./editor-model.js').ListSection} ListSection */

export const STATE_TEXT = {
  idle: "Saved",
  dirty: "Editing…",
  saving: "Saving…",
  saved: "Saved",
  failed: "Not saved",
};

const SECTION_HEADING = { subjects: "Subjects", differences: "Key differences", tradeoffs: "Tradeoffs", mistakes: "Common mistakes" };
const SECTION_HINT = {
  subjects: "Two to four things compared, each with when to use it.",
  differences: "What sets them apart, one point each.",
  tradeoffs: "What you give up for what you get.",
  mistakes: "What people get wrong when choosing or using them.",
};

/**
 * A labelled field with the element its messages go in.
 * @param {string} key
 * @param {string} label
 * @param {{ multiline?: boolean, rows?: number, hint?: string, list?: string, placeholder?: string }} [options]
 */
function field(key, label, { multiline = false, rows = 3, hint = "", list = "", placeholder = "" } = {}) {
  const id = inputId(key);
  const described = messageId(key);
  const control = multiline
    ? html`<textarea id="${id}" data-field="${key}" rows="${rows}" aria-describedby="${described}" placeholder="${placeholder}" spellcheck="true"></textarea>`
    : html`<input id="${id}" data-field="${key}" type="text" aria-describedby="${described}" placeholder="${placeholder}"
              ${list ? html`list="${list}"` : ""} autocomplete="off" spellcheck="${key === "tags" ? "false" : "true"}">`;
  return html`<div class="draft-field">
      <label for="${id}">${label}${hint ? html` <span class="field-hint">${hint}</span>` : ""}</label>
      ${control}
      <p class="field-messages" id="${described}"></p>
    </div>`;
}

/**
 * Move up, Move down and Remove for one part of a list.
 * @param {ListSection} section @param {number} index @param {number} length
 */
function partTools(section, index, length) {
  const what = `${PART_NAME[section]} ${index + 1}`;
  return html`<div class="part-tools">
      <button type="button" data-action="move-up" aria-label="Move ${what} up" title="Move up (Alt+↑)" ${index === 0 ? "disabled" : ""}><span aria-hidden="true">↑</span></button>
      <button type="button" data-action="move-down" aria-label="Move ${what} down" title="Move down (Alt+↓)" ${index === length - 1 ? "disabled" : ""}><span aria-hidden="true">↓</span></button>
      <button type="button" data-action="remove" aria-label="Remove ${what}" title="Remove (Alt+Delete)" ${canRemove(section, length) ? "" : "disabled"}>Remove</button>
    </div>`;
}

/** @param {number} index @param {number} length */
function subjectMarkup(index, length) {
  const at = `subjects[${index}]`;
  return html`<li class="draft-part draft-subject" data-list="subjects" data-index="${index}">
      <fieldset>
        <legend>Subject ${index + 1}</legend>
        ${partTools("subjects", index, length)}
        ${field(`${at}.name`, "Name", { placeholder: "e.g. Amazon S3" })}
        ${field(`${at}.category`, "Kind", { hint: "(optional: the category when left empty)", placeholder: "e.g. Object storage" })}
        ${field(`${at}.description`, "Description", { multiline: true })}
        ${field(`${at}.when_to_use`, "When to use", { multiline: true })}
      </fieldset>
    </li>`;
}

/** @param {ListSection} section @param {number} index @param {number} length */
function itemMarkup(section, index, length) {
  const key = `${section}[${index}].text`;
  const name = PART_NAME[section];
  return html`<li class="draft-part draft-item" data-list="${section}" data-index="${index}">
      <label for="${inputId(key)}">${name.charAt(0).toUpperCase() + name.slice(1)} ${index + 1}</label>
      <textarea id="${inputId(key)}" data-field="${key}" rows="2" aria-describedby="${messageId(key)}" spellcheck="true"></textarea>
      ${partTools(section, index, length)}
      <p class="field-messages" id="${messageId(key)}"></p>
    </li>`;
}

/** @param {ListSection} section @param {number} length */
export function partsMarkup(section, length) {
  return html`${Array.from({ length }, (_, i) => (section === "subjects" ? subjectMarkup(i, length) : itemMarkup(section, i, length)))}`;
}

/** @param {ListSection} section @param {number} length */
function listSection(section, length) {
  return html`<section class="draft-section" data-section="${section}" aria-labelledby="h-${section}">
      <h2 id="h-${section}">${SECTION_HEADING[section]}</h2>
      <p class="muted">${SECTION_HINT[section]}</p>
      <p class="field-messages" id="${messageId(section)}"></p>
      <ol class="draft-parts" data-list="${section}">${partsMarkup(section, length)}</ol>
      <button type="button" class="add-part" data-action="add" data-list="${section}" ${canAdd(section, length) ? "" : "disabled"}
              title="Or Alt+Enter in a ${PART_NAME[section]}">Add ${PART_NAME[section]}</button>
    </section>`;
}

/** What the draft is, in a sentence, with the way back to what it edits. @param {Draft} draft */
function intro(draft) {
  if (draft.comparisonId) {
    return html`<p class="lede">You are editing a comparison of your own. The
      <a href="${buildHash({ name: "comparison", id: draft.comparisonId })}" id="back-to-comparison">published version</a>
      stays as it is until you publish; notes and cards stay on the parts you reword.</p>`;
  }
  if (draft.copiedFrom) {
    return html`<p class="lede">Your own copy of
      <a href="${buildHash({ name: "comparison", id: draft.copiedFrom })}" id="copied-from">the original</a>, which stays as it is.
      Change anything, then publish it as yours.</p>`;
  }
  return html`<p class="lede">Write it in your own words. It is saved as you type; publish it when it is ready.</p>`;
}

/** @param {Draft} draft */
function headingText(draft) {
  if (draft.comparisonId) return "Edit comparison";
  if (draft.copiedFrom) return "Your copy";
  return "New comparison";
}

/** @param {Draft} draft @param {string[]} categories */
export function editorMarkup(draft, categories) {
  const doc = draft.document;
  return html`<section id="editor" class="editor-view" data-draft-id="${draft.id}">
      <header class="view-header">
        <h1 tabindex="-1">${headingText(draft)}</h1>
        ${intro(draft)}
        <p class="muted">In a list, <kbd>Alt</kbd> <kbd>Enter</kbd> adds an item after the current one and <kbd>Alt</kbd> <kbd>↑</kbd> <kbd>↓</kbd> move it;
          <kbd>Ctrl</kbd> <kbd>Enter</kbd> publishes.</p>
      </header>
      <div class="draft-status">
        <p id="draft-summary" class="draft-summary" aria-live="polite"></p>
        <details id="draft-problems" class="draft-problems"><summary>What blocks publishing</summary><ul></ul></details>
        <p id="publish-error" class="publish-error" role="alert"></p>
      </div>
      <form id="draft-form" class="draft-form" novalidate autocomplete="off" aria-label="Comparison">
        ${field("title", "Title", { placeholder: "e.g. S3 vs EBS" })}
        ${field("category", "Category", { list: "category-options", hint: "(pick one or type your own)" })}
        <datalist id="category-options">${categories.map((c) => html`<option value="${c}"></option>`)}</datalist>
        ${field("summary", "Summary", { multiline: true, rows: 3 })}
        ${LIST_SECTIONS.map((section) => listSection(section, doc[section].length))}
        ${field("interview_tip", "Interview tip", { multiline: true, rows: 3 })}
        ${field("tags", "Tags", { hint: "(comma-separated)", placeholder: "e.g. aws, storage" })}
      </form>
      <div class="editor-actions">
        <span class="save-state" data-state="idle" role="status" aria-live="polite">${STATE_TEXT.idle}</span>
        <span class="spacer"></span>
        <button type="button" id="discard-draft">Discard draft…</button>
        <button type="button" id="publish-draft" class="primary" title="Publish (Ctrl+Enter)">Publish</button>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite" id="editor-announce"></p>
    </section>`;
}

/** A draft that is no longer there: published or discarded, here or before a restart. */
export function goneMarkup() {
  return html`<section class="empty-state"><h1 tabindex="-1">This draft is no longer here</h1>
      <p>It was published or discarded. <a href="#/comparisons?mine=1">Your comparisons</a> ·
      <a href="#/new">New comparison</a></p></section>`;
}

// The note editor beside one item: Markdown text, saved while typing and on
// close, with a visible saved/saving/failed state and the note's history.

import { call } from "./api.js";
import { html, relativeTime, trusted } from "./dom.js";
import { createAutosaver } from "./autosave.js";

const STATE_TEXT = {
  idle: "",
  dirty: "Editing…",
  saving: "Saving…",
  saved: "Saved",
  failed: "Not saved",
};

/** Wires one item element (with its .note-toggle, .note-preview, .note-panel). */
export function attachNote(itemEl, { comparisonId, section, itemId, label, body, toast }) {
  const toggle = itemEl.querySelector(".note-toggle");
  const preview = itemEl.querySelector(".note-preview");
  const panel = itemEl.querySelector(".note-panel");
  let savedBody = body ?? "";
  let textarea = null;
  let stateEl = null;

  const autosaver = createAutosaver({
    delay: 600,
    save: (text) => call("save_note", { comparisonId, section, itemId, body: text }),
    onState: (state, detail) => {
      if (!stateEl) return;
      stateEl.dataset.state = state;
      if (state === "failed") {
        stateEl.innerHTML = html`${STATE_TEXT.failed}: ${detail?.message ?? detail} <button type="button" class="retry">Retry</button>`.markup;
        stateEl.querySelector(".retry").addEventListener("click", () => autosaver.flush());
      } else {
        stateEl.textContent = STATE_TEXT[state] ?? "";
      }
      if (state === "saved") showSaved(detail);
    },
  });

  function showSaved(result) {
    savedBody = result?.note?.body ?? "";
    const has = savedBody.trim().length > 0;
    itemEl.classList.toggle("has-note", has);
    preview.hidden = !has;
    preview.innerHTML = has ? trusted(result.html).markup : "";
    toggle.setAttribute("aria-label", `${has ? "Edit" : "Add"} ${label.toLowerCase()}`);
    toggle.querySelector(".note-toggle-label").textContent = has ? "Edit note" : "Note";
  }

  function open() {
    if (!panel.hidden) {
      textarea.focus();
      return;
    }
    panel.innerHTML = html`
      <textarea class="note-editor" rows="6" aria-label="${label}" placeholder="Write in Markdown: **bold**, - lists, \`code\`…" spellcheck="true"></textarea>
      <div class="editor-bar">
        <span class="save-state" data-state="idle" role="status" aria-live="polite"></span>
        <span class="spacer"></span>
        <button type="button" class="card-button" title="Turn this note into a recall card">Make a card</button>
        <button type="button" class="history-button">History</button>
        <button type="button" class="close-button" title="Save and close (Esc)">Done</button>
      </div>`.markup;
    textarea = panel.querySelector("textarea");
    stateEl = panel.querySelector(".save-state");
    textarea.value = savedBody;
    panel.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    itemEl.classList.add("editing");
    textarea.addEventListener("input", () => autosaver.edit(textarea.value));
    textarea.addEventListener("keydown", (e) => {
      if (e.key === "Escape" || (e.key === "Enter" && (e.ctrlKey || e.metaKey))) {
        e.preventDefault();
        e.stopPropagation();
        close();
      }
    });
    textarea.addEventListener("blur", () => autosaver.flush());
    panel.querySelector(".close-button").addEventListener("click", () => close());
    panel.querySelector(".history-button").addEventListener("click", () => showHistory());
    panel.querySelector(".card-button").addEventListener("click", () => makeCard());
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }

  async function close() {
    await autosaver.flush();
    if (autosaver.state === "failed") {
      textarea?.focus();
      return; // keep the editor and its text open: the save failed
    }
    panel.hidden = true;
    panel.innerHTML = "";
    textarea = null;
    stateEl = null;
    toggle.setAttribute("aria-expanded", "false");
    itemEl.classList.remove("editing");
    toggle.focus();
  }

  /** A card of the learner's own: a question they write, the note as the answer. */
  async function makeCard() {
    await autosaver.flush();
    const dialog = document.createElement("dialog");
    dialog.className = "card-dialog";
    dialog.setAttribute("aria-label", "Make a recall card from this note");
    dialog.innerHTML = html`
      <h2>Make a card</h2>
      <form method="dialog" class="card-form">
        <label>Question (front)<textarea name="front" rows="3" required placeholder="What do you want to be asked?"></textarea></label>
        <label>Answer (back)<textarea name="back" rows="5" required></textarea></label>
        <p class="card-error" role="alert"></p>
        <div class="button-row"><button value="cancel" formnovalidate>Cancel</button><button value="save" class="primary">Add card</button></div>
      </form>`.markup;
    document.body.append(dialog);
    dialog.querySelector("textarea[name=back]").value = savedBody;
    dialog.addEventListener("close", () => dialog.remove());
    dialog.querySelector("form").addEventListener("submit", async (e) => {
      if (e.submitter?.value !== "save") return;
      e.preventDefault();
      const front = dialog.querySelector("textarea[name=front]").value;
      const back = dialog.querySelector("textarea[name=back]").value;
      try {
        await call("create_card", { comparisonId, section, itemId, front, back });
        dialog.close();
        toast("Card added: it comes up in your reviews as a new card.");
      } catch (err) {
        dialog.querySelector(".card-error").textContent = err.message;
      }
    });
    dialog.showModal();
  }

  async function showHistory() {
    let versions;
    try {
      versions = await call("note_history", { comparisonId, section, itemId });
    } catch (err) {
      toast(`Could not read the history: ${err.message}`);
      return;
    }
    const dialog = document.createElement("dialog");
    dialog.className = "history-dialog";
    dialog.setAttribute("aria-label", `History of ${label.toLowerCase()}`);
    dialog.innerHTML = html`
      <h2>Earlier versions</h2>
      ${
        versions.length
          ? html`<ol class="versions">${versions.map(
              (v) => html`<li><div class="version-meta">Saved ${relativeTime(v.savedAt)}, replaced ${relativeTime(v.replacedAt)}
                <button type="button" data-version="${v.id}">Restore</button></div>
                <pre class="version-body">${v.body}</pre></li>`,
            )}</ol>`
          : html`<p class="empty">No earlier versions yet. Each save keeps the text it replaces here.</p>`
      }
      <form method="dialog"><button>Close</button></form>`.markup;
    document.body.append(dialog);
    dialog.addEventListener("close", () => dialog.remove());
    dialog.addEventListener("click", async (e) => {
      const id = e.target?.dataset?.version;
      if (!id) return;
      try {
        await autosaver.flush();
        const note = await call("restore_note_version", { comparisonId, section, itemId, versionId: Number(id) });
        const rendered = await call("render_markdown", { text: note?.body ?? "" });
        showSaved({ note, html: rendered });
        if (textarea) textarea.value = savedBody;
        toast("Restored. The text it replaced is in the history.");
        dialog.close();
      } catch (err) {
        toast(`Could not restore: ${err.message}`);
      }
    });
    dialog.showModal();
  }

  toggle.addEventListener("click", () => (panel.hidden ? open() : close()));
  return { open, close, flush: () => autosaver.flush(), get unsaved() { return autosaver.hasUnsaved; } };
}

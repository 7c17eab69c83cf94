// Backups, restore, export and import: the learner's data, in and out.

import * as api from "../api.js";
import { attempt, isGone } from "../actions.js";
import { closestTarget, formatBytes, html, relativeTime } from "../dom.js";
import { plural } from "../plural.js";

/** @typedef {import('../types/api').BackupInfo} BackupInfo */
/** @typedef {import('../types/api').BackupList} BackupList */
/** @typedef {import('../types/api').ImportSummary} ImportSummary */
/** @typedef {import('../types/api').Restored} Restored */

/**
 * @typedef {object} BackupsState
 * @property {HTMLElement} view
 * @property {import('../types/view').ViewContext} ctx
 * @property {HTMLElement} result where the outcome of an export, import or restore is told
 * @property {HTMLDialogElement} confirm
 */

/** Why a backup was taken, by its `reason`. */
const REASONS = {
  startup: "At start-up",
  periodic: "Automatic",
  manual: "Made by you",
  "before-restore": "Before a restore",
  "before-import": "Before an import",
  "before-delete": "Before a deletion",
  "before-migration": "Before an update",
};

/** @param {ImportSummary} s */
export function importSummaryText(s) {
  const parts = [`${s.added} added`, `${s.updated} updated`, `${s.kept} already here`];
  if (s.skipped) parts.push(`${s.skipped} skipped (their comparisons are not in this library)`);
  return `Import finished: ${parts.join(", ")}.`;
}

/** @param {number} ms */
const when = (ms) => new Date(ms).toLocaleString();

// --- markup ---------------------------------------------------------------------

function pageMarkup() {
  return html`
    <section id="backups" class="backups">
      <header class="view-header">
        <h1 tabindex="-1">Backups and export</h1>
        <p class="lede">Your notes are backed up automatically. Take them anywhere as Markdown or JSON.</p>
      </header>
      <div id="work" class="panel work" hidden role="status" aria-live="polite">
        <span id="work-label"></span>
        <progress id="work-progress" max="1"></progress>
      </div>
      <section class="panel" aria-labelledby="export-title">
        <h2 id="export-title">Export and import</h2>
        <div class="button-row">
          <button type="button" id="export-markdown">Export all notes as Markdown…</button>
          <button type="button" id="export-json">Export everything as JSON…</button>
          <button type="button" id="import-json">Import a JSON export…</button>
        </div>
        <p class="muted">Markdown gives one file per comparison, each note under the item it is about. JSON keeps every note with its full history and can be imported again: a note that differs from yours is added to its history, yours stays current.</p>
        <p id="transfer-result" role="status" aria-live="polite"></p>
      </section>
      <section class="panel" aria-labelledby="backups-title">
        <div class="panel-head">
          <h2 id="backups-title">Backups</h2>
          <button type="button" id="backup-now">Back up now</button>
        </div>
        <p id="backup-policy" class="muted"></p>
        <div id="backup-list"></div>
      </section>
    </section>
    <dialog id="confirm-restore" aria-labelledby="confirm-title">
      <h2 id="confirm-title">Restore this backup?</h2>
      <div id="confirm-text"></div>
      <form method="dialog" class="button-row">
        <button value="cancel" autofocus>Cancel</button>
        <button value="restore" id="confirm-yes" class="danger">Restore</button>
      </form>
    </dialog>`;
}

/** What is kept, as the Rust side keeps it. @param {BackupList} data */
export function policyText(data) {
  return (
    `Kept: the ${data.keepRecent} newest, the newest of each of the last ${data.keepDailyDays} days, ` +
    `each one taken before a restore, an import or an update for ${data.keepSafetyDays} days, ` +
    `and always the newest one that passes its check. Folder: ${data.folder}` +
    (data.automatic.lastError ? ` — the last automatic backup failed: ${data.automatic.lastError}` : "")
  );
}

/** @param {BackupInfo} b */
function backupRow(b) {
  return html`<tr data-backup="${b.fileName}">
              <td title="${when(b.createdAt)}">${when(b.createdAt)} <span class="muted">(${relativeTime(b.createdAt)})</span></td>
              <td>${REASONS[b.reason] ?? b.reason}</td>
              <td>${formatBytes(b.size)}</td>
              <td>${b.noteCount ?? "?"}</td>
              <td><button type="button" class="restore" data-file="${b.fileName}" data-when="${when(b.createdAt)}" data-notes="${b.noteCount ?? "?"}">Restore…</button></td>
            </tr>`;
}

/** @param {BackupInfo[]} backups */
function backupTable(backups) {
  if (!backups.length) {
    return html`<p class="empty">No backups yet. The first is taken a few seconds after your first note is saved, or when Versus next starts if that comes first; after that, one at each start and every 30 minutes while you write.</p>`;
  }
  return html`<table class="backup-table">
          <thead><tr><th scope="col">When</th><th scope="col">Kind</th><th scope="col">Size</th><th scope="col">Notes</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
          <tbody>${backups.map(backupRow)}</tbody></table>`;
}

/** @param {Restored} restored */
function restoredText(restored) {
  return `Restored the backup from ${when(restored.restored.createdAt)}. Your notes from before are in the backup "${REASONS[restored.safetyBackup.reason]}".`;
}

// --- behaviour ------------------------------------------------------------------

/**
 * Runs long work with a visible progress bar and the buttons disabled.
 * @template T
 * @param {BackupsState} s
 * @param {string} label
 * @param {(channel: import('../api.js').ProgressChannel) => Promise<T>} task
 * @returns {Promise<T>}
 */
async function busy(s, label, task) {
  const buttons = s.view.querySelectorAll("button");
  const work = /** @type {HTMLElement} */ (s.view.querySelector("#work"));
  buttons.forEach((b) => (b.disabled = true));
  work.hidden = false;
  s.view.querySelector("#work-label").textContent = label;
  const bar = /** @type {HTMLProgressElement} */ (s.view.querySelector("#work-progress"));
  bar.removeAttribute("value");
  const channel = api.progressChannel(({ done, total }) => {
    if (total > 0) {
      bar.max = total;
      bar.value = done;
    }
  });
  try {
    return await task(channel);
  } finally {
    work.hidden = true;
    buttons.forEach((b) => (b.disabled = false));
  }
}

/** @param {BackupsState} s */
async function paintBackups(s) {
  const data = await api.listBackups();
  s.view.querySelector("#backup-policy").textContent = policyText(data);
  s.view.querySelector("#backup-list").innerHTML = backupTable(data.backups).markup;
}

/** After a change, the list again; a failure to read it is only told. @param {BackupsState} s */
function repaintBackups(s) {
  return attempt(() => paintBackups(s), s.ctx.toast, { prefix: "The list of backups could not be read: " });
}

/** @param {BackupsState} s */
async function backupNow(s) {
  const made = await attempt(() => busy(s, "Backing up…", () => api.backupNow()), s.ctx.toast, { prefix: "Backup failed: " });
  if (!made) return;
  s.ctx.toast("Backup written.");
  await repaintBackups(s);
}

/**
 * @param {number} n
 * @param {string} one
 * @param {string} many
 */
const counted = (n, one, many) => `${n} ${plural(n, one, many)}`;

/**
 * Everything a restore rolls back, with the counts: it is not only notes but
 * every review, drill and schedule since the backup, and the learner must
 * know that before confirming.
 * @param {import('../types/api').RestorePreview} p
 * @param {string} when the backup's time, as the list shows it
 * @returns {string[]} one sentence per kind of change
 */
export function restoreChangesText(p, when) {
  const held = p.backup.noteCount === null ? "? notes" : counted(p.backup.noteCount, "note", "notes");
  const lines = [`Your data goes back to the backup from ${when} (${held}).`];
  const notes = [];
  if (p.notesAdded) notes.push(`${counted(p.notesAdded, "note", "notes")} written since then will be removed`);
  if (p.notesChanged) notes.push(`${counted(p.notesChanged, "note goes back to its", "notes go back to their")} earlier text`);
  if (p.notesRemoved) notes.push(`${counted(p.notesRemoved, "note", "notes")} cleared since then will come back`);
  if (notes.length) lines.push(`Notes: ${notes.join("; ")}.`);
  const study = [];
  if (p.reviewsSince) study.push(`${counted(p.reviewsSince, "review", "reviews")} made since then will be removed`);
  if (p.drillsSince) study.push(`${counted(p.drillsSince, "drill", "drills")} handed in since then will be removed`);
  if (p.cardsRescheduled) study.push(`${counted(p.cardsRescheduled, "card goes back to the schedule it", "cards go back to the schedule they")} had then`);
  if (study.length) lines.push(`Study: ${study.join("; ")}.`);
  if (lines.length === 1) lines.push("Nothing has changed since this backup.");
  lines.push("A backup of everything as it is now is taken first, so you can come back to it.");
  return lines;
}

/** Asks before a restore, saying everything it changes. @param {BackupsState} s @param {Event} e */
async function askRestore(s, e) {
  const button = closestTarget(e, "button.restore");
  if (!button) return;
  const file = button.dataset.file;
  const preview = await attempt(() => api.restorePreview(file), s.result, {
    prefix: "Could not read what this backup holds: ",
    onError: (error) => isGone(error) && repaintBackups(s),
  });
  if (!preview) return;
  const text = s.view.querySelector("#confirm-text");
  text.replaceChildren(
    ...restoreChangesText(preview, button.dataset.when).map((line) => {
      const p = document.createElement("p");
      p.textContent = line;
      return p;
    }),
  );
  s.confirm.returnValue = "";
  s.confirm.dataset.file = file;
  s.confirm.showModal();
}

/** @param {BackupsState} s */
async function restore(s) {
  if (s.confirm.returnValue !== "restore") return;
  const restored = await attempt(
    () => busy(s, "Restoring…", (onProgress) => api.restoreBackup(s.confirm.dataset.file, onProgress)),
    s.result,
    // A backup removed meanwhile (pruned, or by hand): the list shows what is there now.
    { prefix: "Restore failed, nothing was changed: ", onError: (error) => isGone(error) && repaintBackups(s) },
  );
  if (!restored) return;
  s.result.textContent = restoredText(restored);
  await repaintBackups(s);
}

/** @param {BackupsState} s */
function exportMarkdown(s) {
  return attempt(
    async () => {
      const summary = await busy(s, "Exporting Markdown…", (onProgress) => api.exportMarkdown(onProgress));
      if (!summary) return; // the learner cancelled the folder dialog
      s.result.textContent = `Exported ${counted(summary.notes, "note", "notes")} in ${counted(summary.files, "file", "files")} to ${summary.location}.`;
    },
    s.result,
    { prefix: "Export failed: " },
  );
}

/** @param {BackupsState} s */
function exportJson(s) {
  return attempt(
    async () => {
      const summary = await busy(s, "Exporting…", (onProgress) => api.exportJson(onProgress));
      if (!summary) return;
      s.result.textContent = `Exported ${counted(summary.notes, "note", "notes")} with their history to ${summary.location}.`;
    },
    s.result,
    { prefix: "Export failed: " },
  );
}

/** @param {BackupsState} s */
function importJson(s) {
  return attempt(
    async () => {
      const summary = await busy(s, "Importing…", (onProgress) => api.importJson(onProgress));
      if (!summary) return;
      s.result.textContent = importSummaryText(summary);
    },
    s.result,
    { prefix: "Nothing was imported: " },
  );
}

/** @type {import('../types/view').RenderView} */
export async function render(view, _route, ctx) {
  view.innerHTML = pageMarkup().markup;
  /** @type {BackupsState} */
  const s = {
    view,
    ctx,
    result: view.querySelector("#transfer-result"),
    confirm: view.querySelector("#confirm-restore"),
  };
  view.querySelector("#backup-now").addEventListener("click", () => backupNow(s));
  view.querySelector("#backup-list").addEventListener("click", (e) => askRestore(s, e));
  s.confirm.addEventListener("close", () => restore(s));
  view.querySelector("#export-markdown").addEventListener("click", () => exportMarkdown(s));
  view.querySelector("#export-json").addEventListener("click", () => exportJson(s));
  view.querySelector("#import-json").addEventListener("click", () => importJson(s));
  await paintBackups(s);
  return {};
}

// Backups, restore, export and import: the learner's data, in and out.

import { call, dialogs, progressChannel } from "../api.js";
import { html, relativeTime } from "../dom.js";

const REASONS = {
  startup: "At start-up",
  periodic: "Automatic",
  manual: "Made by you",
  "before-restore": "Before a restore",
  "before-import": "Before an import",
  "before-migration": "Before an update",
};

export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function importSummaryText(s) {
  const parts = [`${s.added} added`, `${s.updated} updated`, `${s.kept} already here`];
  if (s.skipped) parts.push(`${s.skipped} skipped (their comparisons are not in this library)`);
  return `Import finished: ${parts.join(", ")}.`;
}

export async function render(view, _route, ctx) {
  view.innerHTML = html`
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
      <p id="confirm-text"></p>
      <form method="dialog" class="button-row">
        <button value="cancel" autofocus>Cancel</button>
        <button value="restore" id="confirm-yes" class="danger">Restore</button>
      </form>
    </dialog>`.markup;

  const work = view.querySelector("#work");
  const result = view.querySelector("#transfer-result");

  /** Runs long work with a visible progress bar and the buttons disabled. */
  async function busy(label, task) {
    const buttons = view.querySelectorAll("button");
    buttons.forEach((b) => (b.disabled = true));
    work.hidden = false;
    view.querySelector("#work-label").textContent = label;
    const bar = view.querySelector("#work-progress");
    bar.removeAttribute("value");
    const channel = progressChannel(({ done, total }) => {
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

  async function paintBackups() {
    const data = await call("list_backups");
    view.querySelector("#backup-policy").textContent =
      `Kept: the ${data.keepRecent} newest, and the newest of each of the last ${data.keepDailyDays} days. Folder: ${data.folder}` +
      (data.automatic.lastError ? ` — the last automatic backup failed: ${data.automatic.lastError}` : "");
    view.querySelector("#backup-list").innerHTML = data.backups.length
      ? html`<table class="backup-table">
          <thead><tr><th scope="col">When</th><th scope="col">Kind</th><th scope="col">Size</th><th scope="col">Notes</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
          <tbody>${data.backups.map(
            (b) => html`<tr data-backup="${b.fileName}">
              <td title="${new Date(b.createdAt).toLocaleString()}">${new Date(b.createdAt).toLocaleString()} <span class="muted">(${relativeTime(b.createdAt)})</span></td>
              <td>${REASONS[b.reason] ?? b.reason}</td>
              <td>${formatBytes(b.size)}</td>
              <td>${b.noteCount ?? "?"}</td>
              <td><button type="button" class="restore" data-file="${b.fileName}" data-when="${new Date(b.createdAt).toLocaleString()}" data-notes="${b.noteCount ?? "?"}">Restore…</button></td>
            </tr>`,
          )}</tbody></table>`.markup
      : html`<p class="empty">No backups yet. One is taken each time Versus starts and every 30 minutes while you write.</p>`.markup;
  }

  view.querySelector("#backup-now").addEventListener("click", async () => {
    try {
      await busy("Backing up…", () => call("backup_now"));
      ctx.toast("Backup written.");
      await paintBackups();
    } catch (err) {
      ctx.toast(`Backup failed: ${err.message}`);
    }
  });

  const confirm = view.querySelector("#confirm-restore");
  view.querySelector("#backup-list").addEventListener("click", (e) => {
    const button = e.target.closest("button.restore");
    if (!button) return;
    view.querySelector("#confirm-text").textContent =
      `Your notes will be replaced by the backup from ${button.dataset.when} (${button.dataset.notes} notes). ` +
      "A backup of your notes as they are now is taken first, so you can come back to them.";
    confirm.returnValue = "";
    confirm.dataset.file = button.dataset.file;
    confirm.showModal();
  });
  confirm.addEventListener("close", async () => {
    if (confirm.returnValue !== "restore") return;
    try {
      const restored = await busy("Restoring…", (onProgress) =>
        call("restore_backup", { fileName: confirm.dataset.file, onProgress }),
      );
      result.textContent = `Restored the backup from ${new Date(restored.restored.createdAt).toLocaleString()}. Your notes from before are in the backup "${REASONS[restored.safetyBackup.reason]}".`;
      await paintBackups();
    } catch (err) {
      result.textContent = `Restore failed, nothing was changed: ${err.message}`;
    }
  });

  view.querySelector("#export-markdown").addEventListener("click", async () => {
    const dir = await dialogs().open({ directory: true, title: "Choose a folder for the Markdown files" });
    if (!dir) return;
    try {
      const s = await busy("Exporting Markdown…", (onProgress) => call("export_markdown", { dir, onProgress }));
      result.textContent = `Exported ${s.notes} notes in ${s.files} files to ${dir}.`;
    } catch (err) {
      result.textContent = `Export failed: ${err.message}`;
    }
  });

  view.querySelector("#export-json").addEventListener("click", async () => {
    const date = new Date().toISOString().slice(0, 10);
    const path = await dialogs().save({
      title: "Export notes as JSON",
      defaultPath: `versus-notes-${date}.json`,
      filters: [{ name: "Versus notes", extensions: ["json"] }],
    });
    if (!path) return;
    try {
      const s = await busy("Exporting…", (onProgress) => call("export_json", { path, onProgress }));
      result.textContent = `Exported ${s.notes} notes with their history to ${path}.`;
    } catch (err) {
      result.textContent = `Export failed: ${err.message}`;
    }
  });

  view.querySelector("#import-json").addEventListener("click", async () => {
    const path = await dialogs().open({
      title: "Import a Versus notes export",
      multiple: false,
      filters: [{ name: "Versus notes", extensions: ["json"] }],
    });
    if (!path) return;
    try {
      const s = await busy("Importing…", (onProgress) => call("import_json", { path, onProgress }));
      result.textContent = importSummaryText(s);
    } catch (err) {
      result.textContent = `Nothing was imported: ${err.message}`;
    }
  });

  await paintBackups();
  return {};
}

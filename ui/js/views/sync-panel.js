// Settings > Sync: the folder a sync tool keeps in step between computers,
// where sync stands (last sync, the devices seen, what is not yet sent), and
// Choose folder / Sync now / Stop syncing. Sync itself runs in the
// background (the Rust side); this panel shows each status it sends.

import * as api from "../api.js";
import { attempt } from "../actions.js";
import { html, relativeTime } from "../dom.js";
import { count } from "../plural.js";

/** @typedef {import('../types/api').SyncView} SyncView */
/** @typedef {import('../types/api').SyncStatus} SyncStatus */

/**
 * What the panel says, in words: pure, for the tests.
 * @param {SyncView} view
 * @param {number} now ms
 * @returns {{ folder: string, state: string, details: string[] }}
 */
export function syncWords({ status, state }, now) {
  if (!status.folder) {
    return { folder: "Not syncing. Your notes stay on this computer.", state: "", details: [] };
  }
  const folder = status.fromEnv
    ? `Syncing through ${status.folder} (set by VERSUS_SYNC_DIR).`
    : `Syncing through ${status.folder}.`;
  const last = status.lastSync === null ? "not yet" : relativeTime(status.lastSync, now);
  const words = {
    off: "Not syncing.",
    waiting: status.lastSync === null ? "Waiting for the first sync." : `Last synced ${last}.`,
    syncing: "Syncing…",
    paused: `Paused: ${status.problem ?? "the folder cannot be used"}`,
    failed: `The last sync failed: ${status.problem ?? "unknown reason"}. It is tried again in a minute.`,
  };
  const details = [];
  if (status.phase === "paused") details.push("Nothing is lost: Versus works as before, and syncs once the folder is back.");
  const others = state.devicesSeen.length;
  details.push(others ? `${count(others, "other computer", "other computers")} seen in the folder.` : "No other computer has synced through this folder yet.");
  const pending = [
    state.pendingNotes ? count(state.pendingNotes, "note", "notes") : "",
    state.pendingReviews ? count(state.pendingReviews, "review", "reviews") : "",
  ].filter(Boolean);
  details.push(pending.length ? `${pending.join(" and ")} changed here, not yet sent.` : "Everything changed here has been sent.");
  const report = status.lastReport;
  if (report && (report.sent || report.received)) {
    details.push(`Last sync: ${count(report.sent, "change", "changes")} sent, ${report.received} received, ${count(report.applied, "note", "notes")} updated here.`);
  }
  for (const skipped of report?.skipped ?? []) details.push(skipped);
  return { folder, state: words[status.phase], details };
}

/** @param {SyncView} view */
function panelMarkup(view) {
  const words = syncWords(view, Date.now());
  const managed = view.status.fromEnv;
  const on = Boolean(view.status.folder);
  return html`
    <h2 id="sync-title">Sync</h2>
    <p class="muted">Keep your notes the same on two computers through a folder that a sync tool you already use
      (Syncthing, Dropbox, iCloud Drive, OneDrive, Nextcloud) keeps in step. Versus writes only files of its own there;
      no account, no server. Two computers that edit one note both keep their text: the other is in the note's history.</p>
    <p id="sync-folder">${words.folder}</p>
    <p id="sync-state" role="status" data-phase="${view.status.phase}">${words.state}</p>
    <ul id="sync-details" class="muted">${words.details.map((line) => html`<li>${line}</li>`)}</ul>
    <p class="button-row">
      <button type="button" id="sync-choose" ${managed ? "disabled" : ""}>${on ? "Choose another folder…" : "Choose a folder…"}</button>
      <button type="button" id="sync-now" ${on ? "" : "disabled"}>Sync now</button>
      <button type="button" id="sync-stop" ${on && !managed ? "" : "hidden"}>Stop syncing</button>
    </p>`;
}

/**
 * Mounts the panel into `root`; answers what stops listening.
 * @param {HTMLElement} root
 * @param {import('../types/view').ViewContext} ctx
 * @returns {Promise<() => void>}
 */
export async function mountSyncPanel(root, ctx) {
  /** @type {SyncView | null} */
  let shown = null;
  /** @param {SyncView} view */
  const show = (view) => {
    shown = view;
    root.innerHTML = panelMarkup(view).markup;
    root.querySelector("#sync-choose").addEventListener("click", choose);
    root.querySelector("#sync-now").addEventListener("click", () => attempt(() => api.syncNow(), ctx.toast));
    root.querySelector("#sync-stop").addEventListener("click", stop);
  };
  const refresh = () => attempt(() => api.syncStatus(), ctx.toast, { prefix: "Sync status: " }).then((view) => view && show(view));
  const choose = async () => {
    const view = await attempt(() => api.chooseSyncFolder(), ctx.toast, { prefix: "The folder could not be chosen: " });
    if (view) show(view);
  };
  const stop = async () => {
    const view = await attempt(() => api.stopSync(), ctx.toast, { prefix: "Sync could not be stopped: " });
    if (view) {
      show(view);
      ctx.toast("Sync stopped. Nothing was deleted, here or in the folder.");
    }
  };
  await refresh();
  // Each status the background sync sends; the store's side (pending notes,
  // devices seen) is read again with it.
  let stopListening = () => {};
  await api
    .onSyncStatus((status) => {
      if (shown) show({ ...shown, status });
      refresh();
    })
    .then((unlisten) => (stopListening = unlisten), (err) => console.warn("sync status updates cannot arrive", err));
  return () => stopListening();
}

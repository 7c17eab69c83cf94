// The top bar's word on background sync: nothing while sync is off, else
// where it stands, with Settings one click away. Pure, for the tests.

import { relativeTime } from "./dom.js";

/** @typedef {import('./types/api').SyncStatus} SyncStatus */

/**
 * @param {SyncStatus} status
 * @param {number} now ms
 * @returns {{ text: string, title: string, phase: string } | null} null: show nothing
 */
export function syncBadge(status, now) {
  if (!status.folder || status.phase === "off") return null;
  const last = status.lastSync === null ? "" : ` Last synced ${relativeTime(status.lastSync, now)}.`;
  switch (status.phase) {
    case "syncing":
      return { text: "Syncing…", title: `Syncing through ${status.folder}.`, phase: status.phase };
    case "paused":
      return { text: "Sync paused", title: `${status.problem ?? "The sync folder cannot be used."} Nothing is lost.`, phase: status.phase };
    case "failed":
      return { text: "Sync failed", title: `${status.problem ?? "The last sync failed."} It is tried again in a minute.`, phase: status.phase };
    default:
      return status.lastSync === null
        ? { text: "Sync waiting", title: `Syncing through ${status.folder} once the app has started.`, phase: status.phase }
        : { text: "Synced", title: `Syncing through ${status.folder}.${last}`, phase: status.phase };
  }
}

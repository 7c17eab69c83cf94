import { test } from "node:test";
import assert from "node:assert/strict";
import { takesSynced } from "../js/note-editor.js";
import { syncWords } from "../js/views/sync-panel.js";

test("another device's text never replaces a note being typed, saved or failed to save", () => {
  assert.equal(takesSynced("idle", null, "old"), true, "a closed note takes it");
  assert.equal(takesSynced("saved", "old", "old"), true, "an open note with nothing new typed takes it");
  for (const state of ["dirty", "saving", "failed"]) assert.equal(takesSynced(state, "typing…", "old"), false, state);
  assert.equal(takesSynced("saved", "typed since the save", "old"), false, "text typed since the last save stays");
});

const NOW = Date.UTC(2026, 11, 2, 9);
const view = (status, state = {}) => ({
  status: { folder: "/home/a/Sync", fromEnv: false, phase: "waiting", lastSync: NOW - 120_000, problem: null, lastReport: null, ...status },
  state: { device: "device-1", devicesSeen: [], pendingNotes: 0, pendingReviews: 0, ...state },
});

test("the sync panel says where sync stands in words", () => {
  assert.deepEqual(syncWords(view({ folder: null, phase: "off" }), NOW), { folder: "Not syncing. Your notes stay on this computer.", state: "", details: [] });
  const ok = syncWords(view({ lastReport: { device: "device-1", sent: 2, received: 3, applied: 1, comparisons: ["ec2-vs-lambda"], skipped: ["batch-9.json is still being copied; it is read next time"], devices: ["device-2"] } }, { devicesSeen: ["device-2"], pendingNotes: 4 }), NOW);
  assert.equal(ok.folder, "Syncing through /home/a/Sync.");
  assert.equal(ok.state, "Last synced 2 min ago.");
  assert.deepEqual(ok.details, [
    "1 other computer seen in the folder.",
    "4 notes changed here, not yet sent.",
    "Last sync: 2 changes sent, 3 received, 1 note updated here.",
    "batch-9.json is still being copied; it is read next time",
  ]);
  const paused = syncWords(view({ phase: "paused", problem: "the sync folder /media/usb is missing", fromEnv: true }), NOW);
  assert.equal(paused.state, "Paused: the sync folder /media/usb is missing");
  assert.match(paused.details[0], /^Nothing is lost/);
  assert.match(paused.folder, /set by VERSUS_SYNC_DIR/);
  assert.equal(syncWords(view({ lastSync: null }), NOW).state, "Waiting for the first sync.");
  assert.equal(syncWords(view({}, { pendingNotes: 1, pendingReviews: 12 }), NOW).details[1], "1 note and 12 reviews changed here, not yet sent.");
  assert.equal(syncWords(view({}, { pendingReviews: 3 }), NOW).details[1], "3 reviews changed here, not yet sent.");
  assert.equal(syncWords(view({}), NOW).details[1], "Everything changed here has been sent.");
  assert.match(syncWords(view({ phase: "failed", problem: "disk I/O error" }), NOW).state, /failed: disk I\/O error/);
});

test("the top bar's word on sync: nothing while it is off, else where it stands", async () => {
  const { syncBadge } = await import("../js/sync-status.js");
  const status = (more) => ({ folder: "/home/a/Sync", fromEnv: false, phase: "waiting", lastSync: NOW - 60_000, problem: null, lastReport: null, ...more });
  assert.equal(syncBadge(status({ folder: null, phase: "off" }), NOW), null);
  assert.deepEqual(syncBadge(status({}), NOW), { text: "Synced", title: "Syncing through /home/a/Sync. Last synced 1 min ago.", phase: "waiting" });
  assert.equal(syncBadge(status({ lastSync: null }), NOW).text, "Sync waiting");
  assert.equal(syncBadge(status({ phase: "syncing" }), NOW).text, "Syncing…");
  const paused = syncBadge(status({ phase: "paused", problem: "The sync folder /media/usb cannot be reached." }), NOW);
  assert.deepEqual([paused.text, paused.title], ["Sync paused", "The sync folder /media/usb cannot be reached. Nothing is lost."]);
  assert.equal(syncBadge(status({ phase: "failed" }), NOW).text, "Sync failed");
});

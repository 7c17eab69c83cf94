import { test } from "node:test";
import assert from "node:assert/strict";
import { formatBytes } from "../js/dom.js";
import { importSummaryText, policyText, restoreChangesText } from "../js/views/backups.js";

test("sizes read as a person reads them", () => {
  assert.equal(formatBytes(512), "512 B");
  assert.equal(formatBytes(4096), "4 KB");
  assert.equal(formatBytes(3.5 * 1024 * 1024), "3.5 MB");
});

test("the import summary names every count, and skipped ones only when there are any", () => {
  assert.equal(importSummaryText({ added: 2, updated: 1, kept: 5, skipped: 0 }), "Import finished: 2 added, 1 updated, 5 already here.");
  assert.match(importSummaryText({ added: 0, updated: 0, kept: 0, skipped: 3 }), /3 skipped/);
});

const preview = (counts) => ({
  backup: { fileName: "b.db", createdAt: 0, reason: "manual", size: 1, noteCount: 4 },
  notesAdded: 0, notesChanged: 0, notesRemoved: 0, reviewsSince: 0, drillsSince: 0, cardsRescheduled: 0,
  ...counts,
});

test("a restore's confirmation names every count it rolls back, not only the notes", () => {
  const text = restoreChangesText(preview({ notesAdded: 2, notesChanged: 1, notesRemoved: 1, reviewsSince: 33, drillsSince: 1, cardsRescheduled: 12 }), "today").join(" ");
  assert.match(text, /backup from today \(4 notes\)/);
  assert.match(text, /2 notes written since then will be removed/);
  assert.match(text, /1 note goes back to its earlier text/);
  assert.match(text, /1 note cleared since then will come back/);
  assert.match(text, /33 reviews made since then will be removed/);
  assert.match(text, /1 drill handed in since then will be removed/);
  assert.match(text, /12 cards go back to the schedule they had then/);
  assert.match(text, /A backup of everything as it is now is taken first/);
});

test("a restore that changes nothing says so", () => {
  const lines = restoreChangesText(preview({}), "today");
  assert.equal(lines[1], "Nothing has changed since this backup.");
  assert.ok(!lines.join(" ").match(/Study:|Notes:/));
});

test("the retention text names every rule, safety backups included", () => {
  const text = policyText({
    backups: [],
    folder: "/data/backups",
    automatic: { lastBackupAt: null, lastError: null },
    keepRecent: 10,
    keepDailyDays: 7,
    keepSafetyDays: 30,
  });
  assert.match(text, /the 10 newest/);
  assert.match(text, /last 7 days/);
  assert.match(text, /before a restore, an import or an update for 30 days/);
  assert.match(text, /always the newest one that passes its check/);
  assert.match(text, /Folder: \/data\/backups/);
});

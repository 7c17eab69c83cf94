import { test } from "node:test";
import assert from "node:assert/strict";
import { changeText, errorLine, fileName, importable, previewMarkup, reportText } from "../js/pack-import.js";
import { packFileName, slugify } from "../js/views/packs.js";
import { deleteComparisonText, deletedText } from "../js/views/archived.js";

const entry = (fields) => ({ index: 0, id: "a-vs-b", title: "A vs B", change: "new", added: 0, reworded: 0, removed: 0, restored: false, ...fields });
const preview = (fields) => ({
  id: "acme", name: "Acme", version: "1.2.0", author: "Acme team", description: "Platform choices",
  installedVersion: null, wasRemoved: false, comparisons: [entry()], retiring: [], collisions: [], ...fields,
});
const opened = (fields) => ({ token: 1, file: "/home/me/Downloads/acme.versuspack", preview: preview(), errors: [], ...fields });

test("an error reads as its path in the file, then what is wrong", () => {
  assert.equal(errorLine({ file: "x", field: "comparisons[3].differences[2].text", message: "must not be empty" }),
    "comparisons[3].differences[2].text: must not be empty");
  assert.equal(errorLine({ file: "x", field: ".", message: "is not a complete JSON object" }), "The file is not a complete JSON object");
});

test("each comparison says what importing does to it", () => {
  assert.equal(changeText(entry()), "New");
  assert.equal(changeText(entry({ change: "unchanged" })), "Unchanged");
  assert.equal(changeText(entry({ change: "updated", added: 2, reworded: 1 })), "Updated (2 added, 1 reworded)");
  assert.equal(changeText(entry({ change: "updated", removed: 1, restored: true })), "Comes back, updated (1 removed)");
  assert.equal(changeText(entry({ change: "unchanged", restored: true })), "Comes back, with your notes");
  assert.equal(changeText(entry({ change: "updated", restored: true })), "Comes back, with your notes", "no part changed");
  assert.equal(changeText(entry({ change: "updated" })), "Updated");
});

test("a bad file shows every error with its path and offers nothing to import", () => {
  const bad = opened({ preview: null, errors: [
    { file: "f", field: "comparisons[0].differences[0].text", message: "must not be empty" },
    { file: "f", field: "version", message: "must not be empty" },
  ] });
  const markup = previewMarkup(bad).markup;
  assert.match(markup, /comparisons\[0\]\.differences\[0\]\.text: must not be empty/);
  assert.match(markup, /version: must not be empty/);
  assert.match(markup, /2 problems/);
  assert.equal(importable(bad), false);
});

test("collisions block the import and are each told", () => {
  const blocked = opened({ preview: preview({ collisions: [{ file: "f", field: "comparisons[0].id", message: "taken by your own comparison" }] }) });
  assert.equal(importable(blocked), false);
  assert.match(previewMarkup(blocked).markup, /taken by your own comparison/);
  assert.equal(importable(opened()), true);
});

test("an update names both versions and what would be archived", () => {
  const markup = previewMarkup(opened({ preview: preview({ installedVersion: "1.0.0", retiring: ["old-one"] }) })).markup;
  assert.match(markup, /Installed version 1\.0\.0 → 1\.2\.0/);
  assert.match(markup, /old-one/);
});

test("a removed pack imported again says its comparisons come back, not that it is installed", () => {
  const again = preview({ installedVersion: "1.2.0", wasRemoved: true, comparisons: [entry({ change: "updated", restored: true })] });
  const markup = previewMarkup(opened({ preview: again })).markup;
  assert.match(markup, /removed earlier/);
  assert.doesNotMatch(markup, /already installed/);
  const same = previewMarkup(opened({ preview: preview({ installedVersion: "1.2.0", comparisons: [entry({ change: "unchanged" })] }) })).markup;
  assert.match(same, /already installed/);
});

test("pack text is escaped, never markup", () => {
  const markup = previewMarkup(opened({ preview: preview({ name: "<img src=x onerror=alert(1)>", description: "<b>x</b>" }) })).markup;
  assert.doesNotMatch(markup, /<img|<b>/);
  assert.match(markup, /&lt;img/);
});

test("the import report in one sentence", () => {
  const report = { ran: true, comparisons: 2, items: 10, retired_items: 0, retired_comparisons: 1, skipped: 0 };
  assert.equal(reportText(preview(), report), "Imported “Acme” 1.2.0: 2 comparisons, 1 comparison archived with your notes.");
  assert.match(reportText(preview(), { ...report, ran: false }), /already installed/);
  assert.equal(fileName("/a/b/c.versuspack"), "c.versuspack");
});

test("a pack id comes from its name as a slug", () => {
  assert.equal(slugify("Acme Platform — Comparisons!"), "acme-platform-comparisons");
  assert.equal(slugify("  Café  2.0 "), "cafe-2-0");
  assert.equal(slugify("***"), "");
  assert.equal(packFileName("acme", "1.0.0-beta"), "acme-1.0.0beta.versuspack");
});

test("deleting an archived comparison says how many notes go and that a backup comes first", () => {
  const c = { id: "mine", title: "Mine", category: "Compute", noteCount: 3 };
  assert.match(deleteComparisonText(c), /your 3 notes/);
  assert.match(deleteComparisonText(c), /backup/);
  assert.match(deleteComparisonText({ ...c, noteCount: 0 }), /no notes/);
  assert.equal(deletedText({ notes: 1, cards: 2 }, c), "Deleted “Mine” with 1 note and 2 cards. A backup was taken first.");
});

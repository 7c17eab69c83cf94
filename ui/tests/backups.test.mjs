import { test } from "node:test";
import assert from "node:assert/strict";
import { formatBytes } from "../js/dom.js";
import { importSummaryText } from "../js/views/backups.js";

test("sizes read as a person reads them", () => {
  assert.equal(formatBytes(512), "512 B");
  assert.equal(formatBytes(4096), "4 KB");
  assert.equal(formatBytes(3.5 * 1024 * 1024), "3.5 MB");
});

test("the import summary names every count, and skipped ones only when there are any", () => {
  assert.equal(importSummaryText({ added: 2, updated: 1, kept: 5, skipped: 0 }), "Import finished: 2 added, 1 updated, 5 already here.");
  assert.match(importSummaryText({ added: 0, updated: 0, kept: 0, skipped: 3 }), /3 skipped/);
});

// The comparison editor's keys come from the key table, so the shortcut list
// (?) shows what the editor does, under its own heading.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { KEYS, SCOPE_TITLE, actionFor, shortcutListMarkup } from "../js/keys.js";

const key = (k, extra = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...extra });

test("the editor scope binds publish, add, remove and move", () => {
  assert.equal(SCOPE_TITLE.editor, "Comparison editor");
  assert.equal(actionFor(key("Enter", { ctrlKey: true }), "editor"), "publish");
  assert.equal(actionFor(key("Enter", { metaKey: true }), "editor"), "publish");
  assert.equal(actionFor(key("Enter", { altKey: true }), "editor"), "add");
  assert.equal(actionFor(key("Delete", { altKey: true }), "editor"), "remove");
  assert.equal(actionFor(key("ArrowUp", { altKey: true }), "editor"), "move-up");
  assert.equal(actionFor(key("ArrowDown", { altKey: true }), "editor"), "move-down");
  // Typing stays typing: plain keys, and arrows without Alt, are never taken.
  for (const k of ["Enter", "Delete", "ArrowUp", "ArrowDown", "a"]) assert.equal(actionFor(key(k), "editor"), null, k);
  assert.equal(actionFor(key("ArrowUp", { ctrlKey: true }), "editor"), null);
});

test("the shortcut list shows the editor's keys with readable arrows", () => {
  const markup = shortcutListMarkup();
  const section = markup.slice(markup.indexOf("<h3>Comparison editor</h3>"));
  assert.ok(section.length > 0, "the editor has a heading");
  const text = section.slice(0, section.indexOf("</dl>")).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  for (const expected of ["Ctrl Enter Publish", "Alt Enter Add", "Alt Delete Remove", "Alt ↑ Move", "Alt ↓ Move"]) {
    assert.ok(text.includes(expected), `${expected} in ${text}`);
  }
  assert.equal(KEYS.filter((b) => b.scope === "editor").length, 5);
});

test("the editor reads its keys from the table and tests no key of its own", () => {
  const code = readFileSync(new URL("../js/views/editor.js", import.meta.url), "utf8");
  assert.ok(code.includes('actionFor(e, "editor")'));
  assert.doesNotMatch(code, /e\.key\s*[!=]==?/, "no key compared directly");
});

// The shortcut list (?) is drawn from the key table, and the key handlers read
// their keys from that same table: a key acted on but missing from the list
// fails here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { KEYS, SCOPE_TITLE, actionFor, bindingFor, shortcutListMarkup } from "../js/keys.js";

const source = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/** The list's rows, as [keys text, label] per scope title. */
function listed() {
  const markup = shortcutListMarkup();
  /** @type {Map<string, Array<[string, string]>>} */
  const groups = new Map();
  for (const [, title, body] of markup.matchAll(/<h3>(.*?)<\/h3><dl class="shortcut-list">(.*?)<\/dl>/g)) {
    const rows = [...body.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)].map(([, dt, dd]) => [dt.replace(/<[^>]+>/g, ""), dd]);
    groups.set(title, rows);
  }
  return groups;
}

test("every binding of the table is in the list, under where it applies", () => {
  const groups = listed();
  for (const b of KEYS) {
    const rows = groups.get(SCOPE_TITLE[b.scope]) ?? [];
    assert.ok(rows.some(([, label]) => label === b.label), `${b.scope}: ${b.label} is listed`);
  }
  const count = [...groups.values()].reduce((n, rows) => n + rows.length, 0);
  assert.equal(count, KEYS.length, "one row per binding");
});

test("the list names the review, drill, menu and zoom keys the first list left out", () => {
  const text = [...listed().values()].flat().map(([keys, label]) => `${keys} ${label}`).join("\n");
  for (const expected of ["Space Show the answer", "1–4 Grade", "Ctrl Z Undo", "s Suspend", "n Show or hide your notes",
    "Ctrl Enter Hand in", "Ctrl Q Quit", "Ctrl = Zoom in", "Ctrl - Zoom out", "Ctrl 0 Actual size", "Esc or Ctrl Enter Save and close"]) {
    assert.ok(text.includes(expected), `${expected} in\n${text}`);
  }
});

// Every key a handler compares against directly must be one the table binds
// in that handler's scope; the rest of its keys come from actionFor.
const HANDLERS = [
  ["ui/js/views/comparison.js", ["comparison"]],
  ["ui/js/note-editor.js", ["note"]],
  ["ui/js/views/review.js", ["review", "practice"]],
  ["ui/js/views/drill.js", ["drill", "drill-answer"]],
  ["ui/js/menu.js", ["menu"]],
];

test("each handler asks the table for its keys and tests no key the table lacks", () => {
  for (const [path, scopes] of HANDLERS) {
    const code = source(path);
    for (const scope of scopes) assert.ok(code.includes(`actionFor(e, "${scope}")`), `${path} reads the ${scope} keys from the table`);
    assert.doesNotMatch(code, /\.test\(e\.key\)/, `${path} matches no key pattern of its own`);
    for (const [, key] of code.matchAll(/e\.key\s*[!=]==?\s*"([^"]+)"/g)) {
      const bound = scopes.some((scope) => KEYS.some((b) => b.scope === scope && b.chords.some((c) => c.keys.includes(key))));
      assert.ok(bound, `${path} tests the key ${key}, which the table does not bind there`);
    }
  }
  assert.ok(source("ui/js/app.js").includes("shortcutFor(e)"), "the global handler goes through the table");
});

test("every accelerator of the native menu is in the table", () => {
  const accelerators = [...source("src-tauri/src/shell.rs").matchAll(/\.accelerator\("CmdOrCtrl\+(.+?)"\)/g)].map((m) => m[1]);
  assert.ok(accelerators.length >= 4, "the menu's accelerators were found");
  for (const key of accelerators) {
    const e = { key: key.toLowerCase(), ctrlKey: true, metaKey: false, altKey: false };
    assert.ok(bindingFor(e, "menu"), `Ctrl+${key} is listed`);
  }
});

test("the table answers what the handlers act on", () => {
  const key = (k, extra = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...extra });
  assert.equal(actionFor(key("j"), "comparison"), "next");
  assert.equal(actionFor(key("Escape"), "note"), "close");
  assert.equal(actionFor(key("Enter", { ctrlKey: true }), "note"), "close");
  assert.equal(actionFor(key(" "), "review"), "reveal");
  assert.equal(actionFor(key("3"), "review"), "grade");
  assert.equal(actionFor(key("3", { ctrlKey: true }), "review"), null, "Ctrl+3 is not a grade");
  assert.equal(actionFor(key("Z", { metaKey: true }), "review"), "undo");
  assert.equal(actionFor(key("4"), "drill"), "grade");
  assert.equal(actionFor(key("Enter", { metaKey: true }), "drill-answer"), "submit");
  assert.equal(actionFor(key("x"), "review"), null);
  assert.equal(actionFor(key("5"), "practice"), "choose", "a scenario offers up to six choices");
  assert.equal(actionFor(key("7"), "practice"), null);
  assert.equal(actionFor(key("Enter"), "practice"), "next");
  assert.equal(actionFor(key("e"), "practice"), "easy");
  assert.equal(actionFor(key("p", { ctrlKey: true }), "menu"), "print", "Ctrl+P prints, from the page");
  assert.equal(actionFor(key("P", { metaKey: true }), "menu"), "print");
  assert.equal(actionFor(key("p"), "menu"), null, "a plain p is typing");
});

test("Print has no native accelerator: the page takes Ctrl+P, and one press prints once", () => {
  const shell = source("src-tauri/src/shell.rs");
  assert.doesNotMatch(shell, /ids::PRINT[^;]*accelerator/s);
  assert.doesNotMatch(shell, /accelerator\("CmdOrCtrl\+P"\)/);
});

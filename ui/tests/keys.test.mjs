import { test } from "node:test";
import assert from "node:assert/strict";
import { shortcutFor } from "../js/keys.js";

const key = (k, extra = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, target: null, ...extra });
const inTextarea = { closest: (sel) => (sel.includes("textarea") ? {} : null) };

test("global shortcuts", () => {
  assert.equal(shortcutFor(key("ArrowLeft", { altKey: true })), "back");
  assert.equal(shortcutFor(key("1", { ctrlKey: true })), "dashboard");
  assert.equal(shortcutFor(key("k", { ctrlKey: true })), "search");
  assert.equal(shortcutFor(key("k", { metaKey: true, target: inTextarea })), "search");
  assert.equal(shortcutFor(key("2", { metaKey: true })), "list");
  assert.equal(shortcutFor(key(",", { ctrlKey: true })), "settings");
  assert.equal(shortcutFor(key("/")), "filter");
  assert.equal(shortcutFor(key("?")), "help");
  assert.equal(shortcutFor(key("x")), null);
});

test("typing in a field is never taken as a shortcut", () => {
  assert.equal(shortcutFor(key("/", { target: inTextarea })), null);
  assert.equal(shortcutFor(key("?", { target: inTextarea })), null);
  assert.equal(shortcutFor(key("ArrowLeft", { altKey: true, target: inTextarea })), null);
  assert.equal(shortcutFor(key("1", { ctrlKey: true, target: inTextarea })), "dashboard");
});

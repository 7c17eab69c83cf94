import { test } from "node:test";
import assert from "node:assert/strict";
import { count, loadPlurals, pluralsLoaded } from "../js/plural.js";

// Each test file runs in its own process: here the real rules are loaded.
test("with the real Intl rules: 1 card, 2 cards, 0 cards", () => {
  loadPlurals();
  assert.equal(pluralsLoaded(), true);
  assert.equal(count(1, "card"), "1 card");
  assert.equal(count(2, "card"), "2 cards");
  assert.equal(count(0, "card"), "0 cards");
  assert.equal(count(1, "archived note"), "1 archived note");
  assert.equal(count(5, "match", "matches"), "5 matches");
});

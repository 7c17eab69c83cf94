import { test } from "node:test";
import assert from "node:assert/strict";
import { count, loadPlurals, plural, pluralsLoaded } from "../js/plural.js";

// Stands in for Intl.PluralRules, counting the rules made and answering
// "one" for everything: if count() asks it, the words show it.
const realRules = Intl.PluralRules;
let made = 0;
class FakeRules {
  constructor() {
    made++;
  }
  select() {
    return "one";
  }
}

test("before loadPlurals, no Intl object is made and English's rule answers", () => {
  Intl.PluralRules = /** @type {any} */ (FakeRules);
  try {
    assert.equal(pluralsLoaded(), false);
    assert.equal(count(1, "card"), "1 card");
    assert.equal(count(2, "card"), "2 cards");
    assert.equal(count(0, "card"), "0 cards");
    assert.equal(count(3, "file"), "3 files");
    assert.equal(plural(1, "note goes", "notes go"), "note goes");
    assert.equal(plural(4, "note goes", "notes go"), "notes go");
    assert.equal(made, 0, "the start-up path makes no Intl object");

    loadPlurals();
    loadPlurals();
    assert.equal(made, 1, "the rules are made once");
    assert.equal(pluralsLoaded(), true);
    assert.equal(count(2, "card"), "2 card", "once loaded, the words come from Intl.PluralRules");
  } finally {
    Intl.PluralRules = realRules;
  }
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { factsAge } from "../js/facts.js";

test("the checked day is shown to the month, with its name for the out-of-date mark", () => {
  assert.deepEqual(factsAge("2026-11-20", "2026-12-02"), { month: "2026-11", monthName: "November 2026", stale: false });
  assert.deepEqual(factsAge("2024-01-05", "2026-12-02"), { month: "2024-01", monthName: "January 2024", stale: true });
});

test("stale only when checked more than 12 months before today", () => {
  assert.equal(factsAge("2025-12-02", "2026-12-02").stale, false, "exactly 12 months");
  assert.equal(factsAge("2025-12-02", "2026-12-03").stale, true, "12 months and a day");
  assert.equal(factsAge("2025-12-31", "2026-12-02").stale, false, "11 months");
  assert.equal(factsAge("2025-06-15", "2026-12-02").stale, true, "18 months");
  assert.equal(factsAge("2026-12-02", "2026-12-02").stale, false, "today");
  assert.equal(factsAge("2025-11-30", "2026-12-01").stale, true, "across a month end");
});

test("a 29 February is a year old from the next 1 March", () => {
  assert.equal(factsAge("2024-02-29", "2025-02-28").stale, false);
  assert.equal(factsAge("2024-02-29", "2025-03-01").stale, true);
});

test("no day, or a malformed one, says nothing", () => {
  for (const checked of [null, undefined, "", "2026-12", "2026-13-01", "2026-00-10", "26-12-01", "2026-12-01T00:00", "soon"]) {
    assert.equal(factsAge(checked, "2026-12-02"), null, String(checked));
  }
});

test("without a readable today the day is shown but never marked", () => {
  assert.deepEqual(factsAge("2020-03-01", ""), { month: "2020-03", monthName: "March 2020", stale: false });
});

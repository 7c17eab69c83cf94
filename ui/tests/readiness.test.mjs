import { test } from "node:test";
import assert from "node:assert/strict";
import { recallText, weakestFirst } from "../js/views/readiness.js";
import { sanitizePrefs } from "../js/prefs.js";
import { buildHash, parseRoute } from "../js/router.js";

const row = (name, recall) => ({ id: name, name, category: "Compute", recall, studied: recall === null ? 0 : 3, new: 2 });

test("comparisons read weakest first, those not studied yet last", () => {
  const sorted = weakestFirst([row("b", 0.9), row("a", null), row("c", 0.42), row("d", 0.9)]);
  assert.deepEqual(sorted.map((r) => r.name), ["c", "b", "d", "a"]);
  assert.equal(recallText(0.8449), "84%");
  assert.equal(recallText(null), "not studied yet");
});

test("the interview date is kept only as a date, and close-the-gap has its address", () => {
  assert.equal(sanitizePrefs({ interviewDate: "2027-01-15" }).interviewDate, "2027-01-15");
  assert.equal(sanitizePrefs({ interviewDate: "soon" }).interviewDate, "");
  assert.equal(sanitizePrefs({}).interviewDate, "");
  assert.equal(buildHash({ name: "review", gap: "1" }), "#/review?gap=1");
  assert.equal(parseRoute("#/review?gap=1").gap, "1");
  assert.deepEqual(parseRoute("#/readiness"), { name: "readiness" });
});

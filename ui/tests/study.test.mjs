import { test } from "node:test";
import assert from "node:assert/strict";
import { clockText, createReviewSession, heatLevel, studyContext } from "../js/study.js";

const cards = [{ id: 1 }, { id: 2 }, { id: 3 }];

test("a session reveals, grades in order, and ends", () => {
  const s = createReviewSession(cards);
  assert.equal(s.current.id, 1);
  assert.equal(s.revealed, false);
  s.graded(); // grading before revealing is the view's job to prevent; the session just moves on
  s.reveal();
  assert.equal(s.revealed, true);
  s.graded();
  assert.equal(s.current.id, 3);
  assert.equal(s.revealed, false, "each card starts hidden");
  assert.equal(s.remaining, 1);
  s.reveal().graded();
  assert.equal(s.current, null);
  assert.equal(s.reviewed, 3);
  s.reveal();
  assert.equal(s.revealed, false, "nothing to reveal at the end");
});

test("undo puts the restored card back in front, hidden, and uncounts it", () => {
  const s = createReviewSession(cards);
  s.reveal().graded();
  assert.equal(s.reviewed, 1);
  s.undone({ id: 1, front: "restored" });
  assert.equal(s.current.front, "restored");
  assert.equal(s.remaining, 3);
  assert.equal(s.reviewed, 0);
  assert.equal(s.revealed, false);
});

test("skip drops a suspended card without counting it", () => {
  const s = createReviewSession(cards);
  s.skip();
  assert.equal(s.current.id, 2);
  assert.equal(s.reviewed, 0);
});

test("timer text and heat levels", () => {
  assert.equal(clockText(120), "2:00");
  assert.equal(clockText(65.2), "1:06");
  assert.equal(clockText(-3), "0:00");
  assert.equal(heatLevel(0, 10), 0);
  assert.equal(heatLevel(1, 1), 4);
  assert.equal(heatLevel(10, 10), 4);
  assert.equal(heatLevel(1, 10), 1);
});

test("the study context carries the learner's offset and settings", () => {
  const prefs = { get: (k) => ({ desiredRetention: 0.85, newPerDay: 7 })[k] };
  const at = new Date("2026-11-26T12:00:00Z");
  const ctx = studyContext(prefs, at);
  assert.equal(ctx.utcOffsetMinutes, -at.getTimezoneOffset());
  assert.equal(ctx.desiredRetention, 0.85);
  assert.equal(ctx.newPerDay, 7);
});

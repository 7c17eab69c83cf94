import { test } from "node:test";
import assert from "node:assert/strict";
import { clockText, createReviewSession, heatLevel, intervalText, studyContext } from "../js/study.js";

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

test("skip drops a card gone from the library without counting it or making an undo step", () => {
  const s = createReviewSession(cards);
  s.skip();
  assert.equal(s.current.id, 2);
  assert.equal(s.reviewed, 0);
  assert.equal(s.canUndo, false);
});

test("undo walks back grades and suspensions one by one, and only this session's", () => {
  const s = createReviewSession(cards);
  assert.equal(s.canUndo, false, "a new session has nothing of its own to undo");
  s.reveal().graded(); // card 1
  s.suspended(); // card 2
  s.reveal().graded(); // card 3
  assert.equal(s.current, null);
  s.undone({ id: 3, front: "3 again" });
  assert.deepEqual([s.current.id, s.remaining, s.reviewed], [3, 1, 1]);
  s.undone({ id: 2, front: "2 unsuspended" });
  assert.deepEqual([s.current.front, s.remaining, s.reviewed], ["2 unsuspended", 2, 1]);
  assert.equal(s.canUndo, true);
  s.undone({ id: 1, front: "1 again" });
  assert.deepEqual([s.current.id, s.remaining, s.reviewed], [1, 3, 0]);
  assert.equal(s.canUndo, false, "all three steps walked back");
});

test("an undone card that is also waiting later in the queue is shown once", () => {
  const s = createReviewSession(cards);
  s.reveal().graded();
  s.undone({ id: 3, front: "moved up" });
  assert.deepEqual([s.current.front, s.remaining], ["moved up", 2]);
});

test("a grade's interval reads as a person says it", () => {
  assert.equal(intervalText(0.01), "< 1 h");
  assert.equal(intervalText(0.25), "6 h");
  assert.equal(intervalText(1), "1 d");
  assert.equal(intervalText(4.4), "4 d");
  assert.equal(intervalText(90), "3 mo");
  assert.equal(intervalText(547.9), "1.5 y");
  assert.equal(intervalText(730.5), "2 y");
  assert.equal(intervalText(Number.NaN), "", "unknown: the button shows no interval");
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

import { test } from "node:test";
import assert from "node:assert/strict";
import { DRILL_SECONDS, RECENT_AVOIDED, clearDraft, pickAnother, readDraft, resumes, secondsUsed, writeDraft } from "../js/views/drill.js";

/** A Storage stand-in over a Map; `refuse` makes every call throw, as a full or blocked storage does. */
function memoryStorage({ refuse = false } = {}) {
  const items = new Map();
  const guard = () => {
    if (refuse) throw new Error("QuotaExceededError");
  };
  return {
    items,
    getItem: (key) => (guard(), items.has(key) ? items.get(key) : null),
    setItem: (key, value) => (guard(), items.set(key, String(value))),
    removeItem: (key) => (guard(), items.delete(key)),
  };
}

const START = Date.UTC(2025, 0, 6, 9, 0, 0);

test("a draft written is read back whole, and is gone once cleared", () => {
  const storage = memoryStorage();
  assert.equal(readDraft(storage), null);
  const draft = { comparisonId: "ec2-vs-lambda", startedAt: START, answer: "Lambda for short jobs" };
  writeDraft(storage, draft);
  assert.deepEqual(readDraft(storage), draft);
  writeDraft(storage, { ...draft, answer: "Lambda for short jobs; EC2 for the rest" });
  assert.equal(readDraft(storage).answer, "Lambda for short jobs; EC2 for the rest", "the last write wins");
  clearDraft(storage);
  assert.equal(readDraft(storage), null);
});

test("what is not a draft reads as none", () => {
  const storage = memoryStorage();
  for (const stored of [
    "{not json",
    "null",
    "42",
    JSON.stringify({ comparisonId: "", startedAt: START, answer: "x" }),
    JSON.stringify({ comparisonId: "a", startedAt: "yesterday", answer: "x" }),
    JSON.stringify({ comparisonId: "a", startedAt: START, answer: 7 }),
    JSON.stringify({ startedAt: START, answer: "x" }),
  ]) {
    storage.items.set("versus.drillDraft", stored);
    assert.equal(readDraft(storage), null, stored);
  }
});

test("a storage that refuses, or none at all, never throws", () => {
  const refusing = memoryStorage({ refuse: true });
  const draft = { comparisonId: "a", startedAt: START, answer: "x" };
  assert.doesNotThrow(() => writeDraft(refusing, draft));
  assert.equal(readDraft(refusing), null);
  assert.doesNotThrow(() => clearDraft(refusing));
  assert.doesNotThrow(() => writeDraft(null, draft));
  assert.equal(readDraft(null), null);
  assert.doesNotThrow(() => clearDraft(null));
});

test("a drill goes on from its draft when opened for any comparison or for the draft's own", () => {
  const draft = { comparisonId: "ec2-vs-lambda", startedAt: START, answer: "Lambda" };
  const now = START + 30_000;
  assert.equal(resumes(draft, "", now), true, "a random drill");
  assert.equal(resumes(draft, undefined, now), true);
  assert.equal(resumes(draft, "ec2-vs-lambda", now), true);
  assert.equal(resumes(draft, "sqs-vs-sns", now), false, "another comparison starts afresh");
  assert.equal(resumes(null, "", now), false);
});

test("a draft whose time ran out goes on only if it holds an answer to hand in", () => {
  const late = START + (DRILL_SECONDS + 600) * 1000;
  assert.equal(resumes({ comparisonId: "a", startedAt: START, answer: "kept" }, "", late), true);
  assert.equal(resumes({ comparisonId: "a", startedAt: START, answer: "  \n" }, "", late), false);
  assert.equal(resumes({ comparisonId: "a", startedAt: START, answer: "" }, "", START + 10_000), true, "time left");
});

test("the seconds used count from the start and stop at the drill's time", () => {
  assert.equal(secondsUsed(START, START), 0);
  assert.equal(secondsUsed(START, START + 61_400), 61);
  assert.equal(secondsUsed(START, START + 3_600_000), DRILL_SECONDS, "a drill left open for an hour");
  assert.equal(secondsUsed(START, START - 5_000), 0, "a clock set back is not negative time");
});

test("another drill is never the one on screen nor one of the last five drilled", () => {
  const ids = Array.from({ length: 12 }, (_, i) => `c${i}`);
  const drilled = ["c1", "c2", "c1", "c3", "c4", "c5", "c6", "c7"];
  const avoided = new Set(["c0", "c1", "c2", "c3", "c4", "c5"]);
  const seen = new Set();
  for (let i = 0; i < 200; i++) {
    const pick = pickAnother(ids, "c0", drilled, () => i / 200);
    assert.ok(!avoided.has(pick), `${pick} was on screen or drilled in the last ${RECENT_AVOIDED}`);
    seen.add(pick);
  }
  assert.deepEqual([...seen].sort(), ["c10", "c11", "c6", "c7", "c8", "c9"], "every other one can come");
  assert.ok(!["c1", "c2"].includes(pickAnother(ids, null, drilled, () => 0)), "a drill started from Past drills avoids them too");
});

test("in a small library fewer recent drills are avoided, and never the whole library", () => {
  assert.equal(pickAnother(["a", "b"], "a", ["b", "a"], () => 0.99), "b");
  assert.equal(pickAnother(["a", "b", "c"], "a", ["b", "c"], () => 0), "c", "the oldest of the recent ones comes back first");
  assert.equal(pickAnother(["a"], "a", ["a"], () => 0.5), "a", "one comparison: that one again");
  assert.equal(pickAnother([], null, [], () => 0.5), undefined);
});

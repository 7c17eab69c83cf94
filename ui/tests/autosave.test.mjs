import { test } from "node:test";
import assert from "node:assert/strict";
import { createAutosaver } from "../js/autosave.js";

/** Timers that run only when told to. */
function manualTimers() {
  let next = 1;
  const pending = new Map();
  return {
    setTimeout(fn) {
      const id = next++;
      pending.set(id, fn);
      return id;
    },
    clearTimeout(id) {
      pending.delete(id);
    },
    async fire() {
      const fns = [...pending.values()];
      pending.clear();
      for (const fn of fns) fn();
      await new Promise((r) => setImmediate(r));
    },
    get count() {
      return pending.size;
    },
  };
}

test("typing is saved once, after the pause, with the last text", async () => {
  const timers = manualTimers();
  const saved = [];
  const states = [];
  const saver = createAutosaver({ save: async (t) => saved.push(t), timers, onState: (s) => states.push(s) });
  saver.edit("a");
  saver.edit("ab");
  saver.edit("abc");
  assert.equal(timers.count, 1, "one timer, restarted on each edit");
  assert.deepEqual(saved, []);
  await timers.fire();
  assert.deepEqual(saved, ["abc"]);
  assert.equal(saver.state, "saved");
  assert.deepEqual(states, ["dirty", "dirty", "dirty", "saving", "saved"]);
});

test("flush saves at once and cancels the timer", async () => {
  const timers = manualTimers();
  const saved = [];
  const saver = createAutosaver({ save: async (t) => saved.push(t), timers });
  saver.edit("draft");
  await saver.flush();
  assert.deepEqual(saved, ["draft"]);
  assert.equal(timers.count, 0);
  await saver.flush();
  assert.deepEqual(saved, ["draft"], "nothing pending, nothing saved");
});

test("a failed save keeps the text and the state says why; a retry saves it", async () => {
  const timers = manualTimers();
  let fail = true;
  const saved = [];
  const saver = createAutosaver({
    save: async (t) => {
      if (fail) throw new Error("the note is too large");
      saved.push(t);
    },
    timers,
  });
  saver.edit("precious words");
  await saver.flush();
  assert.equal(saver.state, "failed");
  assert.equal(saver.error.message, "the note is too large");
  assert.ok(saver.hasUnsaved, "the text is still pending");
  fail = false;
  await saver.flush();
  assert.deepEqual(saved, ["precious words"]);
  assert.equal(saver.state, "saved");
  assert.ok(!saver.hasUnsaved);
});

test("an edit made during a save is saved after it, never in parallel", async () => {
  const timers = manualTimers();
  const saved = [];
  let running = 0;
  let maxRunning = 0;
  let release;
  const saver = createAutosaver({
    save: async (t) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      if (t === "first") await new Promise((r) => (release = r));
      saved.push(t);
      running -= 1;
    },
    timers,
  });
  saver.edit("first");
  const firstFlush = saver.flush();
  await new Promise((r) => setImmediate(r));
  saver.edit("second");
  const secondFlush = saver.flush();
  release();
  await Promise.all([firstFlush, secondFlush]);
  assert.deepEqual(saved, ["first", "second"]);
  assert.equal(maxRunning, 1);
  assert.equal(saver.state, "saved");
});

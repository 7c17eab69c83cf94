import { test } from "node:test";
import assert from "node:assert/strict";
import { NOTHING_TO_PRINT, printComparison } from "../js/print.js";

const fake = (onPage) => {
  const calls = { print: 0, toasts: [] };
  const on = {
    document: { getElementById: (id) => (onPage && id === "comparison" ? {} : null) },
    print: () => calls.print++,
    toast: (m) => calls.toasts.push(m),
  };
  return { calls, on };
};

test("on a comparison it prints once", () => {
  const { calls, on } = fake(true);
  assert.equal(printComparison(on), true);
  assert.deepEqual(calls, { print: 1, toasts: [] });
});

test("anywhere else it says how to print, and prints nothing", () => {
  const { calls, on } = fake(false);
  assert.equal(printComparison(on), false);
  assert.deepEqual(calls, { print: 0, toasts: [NOTHING_TO_PRINT] });
  assert.equal(NOTHING_TO_PRINT, "Open a comparison to print it");
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../js/views/schedule-panel.js";

const optimization = (current, fitted) => ({
  current: [],
  fitted: [],
  currentFit: { logLoss: current, rmse: 0.05 },
  fittedFit: { logLoss: fitted, rmse: 0.04 },
  reviews: 1234,
});

test("the verdict says how much better the fitted parameters predict, or that keeping is fine", () => {
  assert.equal(verdict(optimization(0.4, 0.3)), "The fitted parameters predict your 1234 answers 25.0% better (lower log loss).");
  assert.match(verdict(optimization(0.3, 0.31)), /no better than the ones in use/);
});

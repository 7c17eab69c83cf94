import { test } from "node:test";
import assert from "node:assert/strict";
import { categoryProgress, heatmapLayout } from "../js/views/dashboard.js";

test("a category's bar draws what its label counts, and fills the bar", () => {
  const p = categoryProgress({ new: 2, learning: 1, mastered: 2 });
  assert.equal(p.label, "2 mastered · 1 learning of 5");
  assert.deepEqual(p.segments.map((s) => [s.kind, s.count]), [["mastered", 2], ["learning", 1], ["new", 2]]);
  assert.deepEqual(p.segments.map((s) => s.percent), [40, 20, 40]);
  // The issue: 40 % of the bar filled beside "0/5". Nothing mastered, nothing filled as mastered.
  const fresh = categoryProgress({ new: 3, learning: 2, mastered: 0 });
  assert.equal(fresh.label, "0 mastered · 2 learning of 5");
  assert.equal(fresh.segments[0].percent, 0);
  assert.equal(fresh.segments[1].percent, 40);
  for (const c of [{ new: 7, learning: 0, mastered: 0 }, { new: 1, learning: 1, mastered: 1 }]) {
    const sum = categoryProgress(c).segments.reduce((a, s) => a + s.percent, 0);
    assert.ok(Math.abs(sum - 100) < 1e-9, `segments fill the bar (${sum})`);
  }
});

test("an empty category draws nothing and says 0, not 0/1", () => {
  const p = categoryProgress({ new: 0, learning: 0, mastered: 0 });
  assert.equal(p.total, 0);
  assert.equal(p.label, "0 mastered · 0 learning of 0");
  assert.ok(p.segments.every((s) => s.percent === 0));
});

test("the heatmap puts Mondays on the top row and names months over their weeks", () => {
  const days = Array.from({ length: 84 }, (_, i) => i % 5);
  // Wednesday 2 December 2026: the oldest day, 83 days before, is Thursday 10 September.
  const today = new Date(2026, 11, 2);
  const { lead, cells, months } = heatmapLayout(days, today);
  assert.equal(cells.length, 84);
  assert.equal(cells.at(-1).date.getDate(), 2, "the last cell is today");
  assert.equal(cells[0].date.getMonth(), 8);
  assert.equal(cells[0].date.getDate(), 10);
  assert.equal(lead, 3, "a Thursday starts on the fourth row");
  cells.forEach((cell, i) => {
    assert.equal((lead + i) % 7, (cell.date.getDay() + 6) % 7, `${cell.date.toDateString()} on its weekday's row`);
  });
  assert.equal(months.length, Math.ceil((lead + 84) / 7));
  // 1 Oct is cell 21: column floor((3 + 21) / 7) = 3.
  assert.equal(months[3], "Oct");
  assert.equal(months[0], "Sep", "the first column is named when October's name is far enough away");
  assert.deepEqual(months.filter(Boolean), ["Sep", "Oct", "Nov", "Dec"]);
});

test("the first column goes unnamed when the next month's name would overlap it", () => {
  // Today 20 Nov 2026: the oldest day is Saturday 29 Aug, and 1 Sep falls in column 1.
  const { months } = heatmapLayout(Array(84).fill(0), new Date(2026, 10, 20));
  assert.equal(months[1], "Sep");
  assert.equal(months[0], "");
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { byCategory, pairHash, pairRow } from "../js/views/confusions.js";

const pair = (category, first, second, count) => ({
  category,
  first: { key: first, name: first.toUpperCase() },
  second: { key: second, name: second.toUpperCase() },
  count,
  lastAt: Date.UTC(2026, 11, 1),
});

test("pairs group by category in the order of each category's most confused pair", () => {
  const pairs = [pair("Compute", "ec2", "lambda", 5), pair("Storage", "ebs", "efs", 3), pair("Compute", "batch", "lambda", 1)];
  const groups = byCategory(pairs);
  assert.deepEqual(groups.map(([c]) => c), ["Compute", "Storage"]);
  assert.deepEqual(groups[0][1].map((p) => p.count), [5, 1]);
});

test("a pair's row names both, counts in words, and links to its practice", () => {
  const p = pair("Compute", "ec2", "lambda", 1);
  assert.equal(pairHash(p), "#/practice?pair=ec2%7Elambda");
  const row = pairRow(p).markup;
  assert.match(row, /<strong>EC2<\/strong> and <strong>LAMBDA<\/strong>/);
  assert.match(row, /mixed up 1 time ·/);
  assert.match(row, /data-pair="ec2~lambda"/);
  assert.doesNotMatch(pairRow({ ...p, first: { key: "x", name: "<b>x</b>" } }).markup, /<b>x<\/b>/, "names are text");
});

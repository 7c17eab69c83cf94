import { test } from "node:test";
import assert from "node:assert/strict";
import { allTags, filterComparisons } from "../js/filter.js";

const comparisons = [
  { id: "ec2-vs-lambda", title: "EC2 vs Lambda", category: "Compute", summary: "Servers or functions.", tags: ["aws", "serverless"] },
  { id: "s3-vs-ebs", title: "S3 vs EBS", category: "Storage", summary: "Objects or blocks.", tags: ["aws", "storage"] },
  { id: "sql-vs-nosql", title: "SQL vs NoSQL", category: "System Design Fundamentals", summary: "Café-grade consistency.", tags: ["agnostic"] },
];

test("no filter keeps everything", () => {
  assert.equal(filterComparisons(comparisons, {}).length, 3);
});

test("category and tag narrow the list", () => {
  assert.deepEqual(filterComparisons(comparisons, { category: "Storage" }).map((c) => c.id), ["s3-vs-ebs"]);
  assert.deepEqual(filterComparisons(comparisons, { tag: "aws" }).map((c) => c.id), ["ec2-vs-lambda", "s3-vs-ebs"]);
  assert.deepEqual(filterComparisons(comparisons, { category: "Compute", tag: "storage" }), []);
});

test("text matches every word, ignoring case and accents", () => {
  assert.deepEqual(filterComparisons(comparisons, { q: "lambda ec2" }).map((c) => c.id), ["ec2-vs-lambda"]);
  assert.deepEqual(filterComparisons(comparisons, { q: "CAFE" }).map((c) => c.id), ["sql-vs-nosql"]);
  assert.deepEqual(filterComparisons(comparisons, { q: "serverless" }).map((c) => c.id), ["ec2-vs-lambda"]);
  assert.deepEqual(filterComparisons(comparisons, { q: "nothing-like-this" }), []);
});

test("tags are sorted", () => {
  assert.deepEqual(allTags(comparisons), ["agnostic", "aws", "serverless", "storage"]);
});

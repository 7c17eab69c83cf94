import { test } from "node:test";
import assert from "node:assert/strict";
import { buildHash, parseRoute } from "../js/router.js";

test("the empty hash and #/ are the dashboard", () => {
  assert.deepEqual(parseRoute(""), { name: "dashboard" });
  assert.deepEqual(parseRoute("#/"), { name: "dashboard" });
});

test("the list carries its filters", () => {
  assert.deepEqual(parseRoute("#/comparisons?category=Messaging%20%26%20Streaming&q=fifo"), {
    name: "list",
    category: "Messaging & Streaming",
    tag: "",
    q: "fifo",
    mine: "",
  });
});

test("the list's Mine filter, the editor and packs round-trip", () => {
  for (const hash of ["#/comparisons?mine=1", "#/new", "#/edit/12", "#/packs"]) {
    assert.equal(buildHash(parseRoute(hash)), hash);
  }
  assert.deepEqual(parseRoute("#/edit/12"), { name: "editor", draft: "12" });
  assert.equal(parseRoute("#/edit/abc").name, "not-found");
  assert.equal(parseRoute("#/edit/0").name, "not-found");
  assert.equal(parseRoute("#/comparisons?mine=yes").mine, "");
});

test("a comparison, with and without a target item", () => {
  assert.deepEqual(parseRoute("#/c/ec2-vs-lambda"), { name: "comparison", id: "ec2-vs-lambda" });
  assert.deepEqual(parseRoute("#/c/ec2-vs-lambda/tradeoff/flexibility-vs-ops"), {
    name: "comparison",
    id: "ec2-vs-lambda",
    target: { section: "tradeoff", itemId: "flexibility-vs-ops" },
  });
});

test("unknown paths and bad escapes do not throw", () => {
  assert.equal(parseRoute("#/nope/x").name, "not-found");
  assert.equal(parseRoute("#/c/%E0%A4%A").id, "%E0%A4%A");
});

test("a comparison carries the words to highlight", () => {
  assert.deepEqual(parseRoute("#/c/x/tradeoff/y?hl=cold%20start"), {
    name: "comparison",
    id: "x",
    target: { section: "tradeoff", itemId: "y" },
    highlight: "cold start",
  });
});

test("buildHash and parseRoute round-trip", () => {
  const routes = [
    { name: "dashboard" },
    { name: "settings" },
    { name: "archived" },
    { name: "list", category: "Security & Identity", tag: "aws", q: "kms vs hsm" },
    { name: "comparison", id: "sqs-standard-vs-fifo" },
    { name: "comparison", id: "a-b", target: { section: "when_to_use", itemId: "x/y" } },
    { name: "comparison", id: "c", target: { section: "mistake", itemId: "m" }, highlight: "c++ & ok" },
  ];
  for (const route of routes) {
    const parsed = parseRoute(buildHash(route));
    assert.equal(parsed.name, route.name);
    for (const [key, value] of Object.entries(route)) assert.deepEqual(parsed[key], value, key);
  }
  assert.equal(buildHash({ name: "list" }), "#/comparisons");
});

test("a review or practice keeps its scope, its pair and going past the limit through a round trip", () => {
  const review = parseRoute("#/review?comparison=ec2-vs-lambda&more=1");
  assert.deepEqual(review, { name: "review", category: "", comparison: "ec2-vs-lambda", more: "1" });
  assert.equal(buildHash(review), "#/review?comparison=ec2-vs-lambda&more=1");
  const pair = parseRoute("#/practice?pair=aws-fargate~aws-lambda");
  assert.deepEqual(pair, { name: "practice", category: "", comparison: "", pair: "aws-fargate~aws-lambda", more: "" });
  assert.equal(buildHash(pair), "#/practice?pair=aws-fargate%7Eaws-lambda");
  assert.deepEqual(parseRoute(buildHash(pair)), pair);
  assert.equal(buildHash(parseRoute("#/practice")), "#/practice");
  assert.equal(buildHash(parseRoute("#/practice?category=AI%20%26%20ML")), "#/practice?category=AI+%26+ML");
  assert.deepEqual(parseRoute("#/confusions"), { name: "confusions" });
  assert.equal(buildHash({ name: "confusions" }), "#/confusions");
});

test("a cram keeps its scope through a round trip", () => {
  const cram = parseRoute("#/review?comparison=ec2-vs-lambda&cram=1");
  assert.equal(cram.cram, "1");
  assert.equal(buildHash(cram), "#/review?comparison=ec2-vs-lambda&cram=1");
  assert.equal(parseRoute("#/review?comparison=x").cram, undefined);
});

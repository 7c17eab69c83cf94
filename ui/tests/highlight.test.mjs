import { test } from "node:test";
import assert from "node:assert/strict";
import { highlightTerms } from "../js/highlight.js";

test("marks words that start with a term, ignoring case and accents", () => {
  assert.equal(highlightTerms("FIFO queues keep order", ["fifo"]), "<mark>FIFO</mark> queues keep order");
  assert.equal(highlightTerms("Throughput is capped", ["thro"]), "<mark>Throughput</mark> is capped");
  assert.equal(highlightTerms("Un café noir", ["cafe"]), "Un <mark>café</mark> noir");
  assert.equal(highlightTerms("no match here", ["zzz"]), "no match here");
});

test("text is escaped and odd terms are harmless", () => {
  assert.equal(highlightTerms("<b>trade-off</b>", ["trade-off"]), "&lt;b&gt;<mark>trade</mark>-<mark>off</mark>&lt;/b&gt;");
  assert.equal(highlightTerms("a \"quoted\" word", ['"', "*", ""]), "a &quot;quoted&quot; word");
});

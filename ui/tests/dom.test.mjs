import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeHtml, html, relativeTime, trusted, truncate } from "../js/dom.js";

test("html`` escapes every interpolated value", () => {
  const evil = `<img src=x onerror=alert(1)>"'&`;
  const out = html`<p title="${evil}">${evil}</p>`.markup;
  assert.equal(out, `<p title="&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;">&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;</p>`);
  assert.ok(!out.includes("<img"));
});

test("arrays are joined, nested templates and trusted markup pass through", () => {
  const items = ["a<b", "c"].map((x) => html`<li>${x}</li>`);
  assert.equal(html`<ul>${items}</ul>`.markup, "<ul><li>a&lt;b</li><li>c</li></ul>");
  assert.equal(html`<div>${trusted("<strong>ok</strong>")}</div>`.markup, "<div><strong>ok</strong></div>");
  assert.equal(html`${null}${undefined}${false}${0}`.markup, "0");
});

test("escapeHtml, truncate and relativeTime", () => {
  assert.equal(escapeHtml("<script>"), "&lt;script&gt;");
  assert.equal(truncate("short", 10), "short");
  assert.equal(truncate("one two three four five", 12), "one two…");
  assert.equal(relativeTime(1_000_000, 1_000_000 + 10_000), "just now");
  assert.equal(relativeTime(0, 5 * 60_000), "5 min ago");
  assert.equal(relativeTime(0, 3 * 3_600_000), "3 h ago");
});

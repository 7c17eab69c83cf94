import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeHtml, html, isoDate, relativeTime, trusted, truncate } from "../js/dom.js";

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

test("isoDate gives the local day as YYYY-MM-DD, and relativeTime falls back to it after 30 days", () => {
  assert.equal(isoDate(new Date(2026, 0, 5, 23, 59)), "2026-01-05");
  assert.equal(isoDate(new Date(2026, 11, 31, 0, 0)), "2026-12-31");
  const then = new Date(2026, 2, 9, 12, 0).getTime();
  assert.equal(relativeTime(then, then + 40 * 86_400_000), "2026-03-09");
});

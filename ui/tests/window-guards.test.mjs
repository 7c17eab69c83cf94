import { test } from "node:test";
import assert from "node:assert/strict";
import { guardLinks, linkAction, saveBeforeClose } from "../js/window-guards.js";

test("only http(s) links go to the browser, in-app routes stay, anything else does nothing", () => {
  assert.equal(linkAction("https://docs.aws.amazon.com/lambda/"), "browser");
  assert.equal(linkAction("HTTP://example.com"), "browser");
  assert.equal(linkAction("#/comparison/ec2-vs-lambda"), "app");
  for (const href of ["javascript:alert(1)", "file:///etc/passwd", "index.html", "//evil.example/", "mailto:a@b.c", "", null]) {
    assert.equal(linkAction(href), "nothing", String(href));
  }
});

/** A click on an element inside a link with `href`. */
function clickOn(href) {
  const link = { getAttribute: () => href };
  let prevented = false;
  return {
    event: { target: { closest: (selector) => (selector === "a[href]" && href !== undefined ? link : null) }, preventDefault: () => (prevented = true) },
    prevented: () => prevented,
  };
}

test("a click on a web link is kept in the app and opens the browser; a route is left alone", async () => {
  let handler;
  const opened = [];
  guardLinks({ addEventListener: (_type, h) => (handler = h) }, async (url) => opened.push(url), () => {});
  const web = clickOn(" https://example.com/a ");
  handler(web.event);
  assert.ok(web.prevented(), "the window does not navigate");
  assert.deepEqual(opened, ["https://example.com/a"]);

  const route = clickOn("#/comparisons");
  handler(route.event);
  assert.ok(!route.prevented(), "in-app routes work as usual");

  const script = clickOn("javascript:alert(1)");
  handler(script.event);
  assert.ok(script.prevented());
  assert.equal(opened.length, 1, "nothing else is opened");
});

test("a close request saves first and closes even when saving fails", async () => {
  const steps = [];
  let onClose;
  await saveBeforeClose(
    async (h) => (onClose = h),
    async () => {
      steps.push("flush");
      throw new Error("disk full");
    },
    async () => steps.push("close"),
  );
  await onClose().catch(() => {});
  assert.deepEqual(steps, ["flush", "close"]);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { attempt, errorText, isBusy, isGone, tell } from "../js/actions.js";
import { AppError } from "../js/api.js";

test("a rejected action shows its message where the view says and answers undefined", async () => {
  const told = [];
  const answer = await attempt(() => Promise.reject(new AppError("invalid_argument", "no file or folder was chosen")), (m) => told.push(m), {
    prefix: "Export failed: ",
  });
  assert.equal(answer, undefined);
  assert.deepEqual(told, ["Export failed: no file or folder was chosen"]);

  const status = { textContent: "" }; // an element: its text is replaced
  assert.equal(await attempt(async () => { throw { code: "io", message: "disk full" }; }, status), undefined);
  assert.equal(status.textContent, "disk full");
});

test("a resolved action answers its value and tells nothing", async () => {
  const told = [];
  assert.equal(await attempt(async () => 42, (m) => told.push(m)), 42);
  assert.equal(await attempt(() => null, (m) => told.push(m)), null, "null (a command's unit) is a success");
  assert.deepEqual(told, []);
});

test("onError runs after the message, and a failing onError does not escape", async () => {
  const seen = [];
  const error = { code: "unknown_card", message: "there is no card with the id 7" };
  const answer = await attempt(() => Promise.reject(error), (m) => seen.push(`told: ${m}`), {
    onError: (e) => {
      seen.push(`gone: ${isGone(e)}`);
      throw new Error("the view broke");
    },
  });
  assert.equal(answer, undefined);
  assert.deepEqual(seen, ["told: This card is no longer in your library.", "gone: true"]);
});

test("codes that read better from the learner's side", () => {
  for (const code of ["unknown_comparison", "unknown_item", "unknown_card", "unknown_version", "unknown_backup", "unknown_drill"]) {
    assert.ok(isGone({ code }), code);
    assert.match(errorText({ code, message: "x" }), /no longer/);
  }
  assert.ok(!isGone({ code: "io" }));

  const busy = { code: "busy", message: "database error while saving a note: database is locked" };
  assert.ok(isBusy(busy));
  assert.equal(errorText(busy), "The library is busy, try again.");
  assert.ok(!isBusy({ code: "database", message: "database error: disk I/O error" }));
  assert.equal(errorText({ code: "database", message: "database error: disk I/O error" }), "database error: disk I/O error");

  const tooLarge = {
    code: "note_too_large",
    message: "the note is 2097152 bytes; a note can hold at most 1048576 bytes. Nothing was saved; split it into smaller notes.",
  };
  assert.equal(
    errorText(tooLarge),
    "the note is 2.0 MB; a note can hold at most 1.0 MB. Nothing was saved; split it into smaller notes. Your text is kept here.",
  );
});

test("anything thrown reads as words", () => {
  assert.equal(errorText(new Error("boom")), "boom");
  assert.equal(errorText("plain"), "plain");
  assert.equal(errorText(undefined), "Something went wrong.");
  const told = [];
  tell((m) => told.push(m), new AppError("internal", "oops"), "Failed: ");
  assert.deepEqual(told, ["Failed: oops"]);
});

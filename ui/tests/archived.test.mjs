import { test } from "node:test";
import assert from "node:assert/strict";
import { keyId, noteMarkdown, placeOf } from "../js/views/archived.js";

const note = (fields) => ({
  comparisonId: "ec2-vs-lambda",
  section: "tradeoff",
  itemId: "flexibility-vs-ops",
  body: "The **ops bill**.\n\n",
  createdAt: 0,
  updatedAt: 0,
  comparisonTitle: "EC2 vs Lambda",
  itemText: "EC2 gives control.\nLambda gives speed.",
  html: "<p>The <strong>ops bill</strong>.</p>",
  ...fields,
});

test("a copied note stands on its own: where it was, the item quoted line by line, then the note", () => {
  assert.equal(
    noteMarkdown(note({})),
    "## EC2 vs Lambda: Tradeoff (archived)\n\n> EC2 gives control.\n> Lambda gives speed.\n\nThe **ops bill**.\n",
  );
});

test("a note whose comparison and item are gone is named by the ids it kept", () => {
  const gone = note({ comparisonId: "gone-vs-forgotten", comparisonTitle: null, itemText: null, section: "mistake" });
  assert.equal(noteMarkdown(gone), "## gone-vs-forgotten: Common mistake (archived)\n\nThe **ops bill**.\n");
  assert.equal(placeOf(gone), "mistake of gone-vs-forgotten");
  assert.equal(keyId(gone), "gone-vs-forgotten/mistake/flexibility-vs-ops");
});

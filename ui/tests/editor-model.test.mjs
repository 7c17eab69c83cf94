// The comparison editor's document: ids travel with their parts, the subject
// limits hold, and every message path lands beside a field the form has.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  MAX_SUBJECTS,
  addAfter,
  canAdd,
  canRemove,
  domId,
  emptyDocument,
  fieldKey,
  fieldName,
  fieldValue,
  inputId,
  isBlank,
  messageId,
  messagesByField,
  move,
  parseTags,
  remapCheck,
  removeAt,
  setField,
  summaryText,
  tagsText,
  visibleCheck,
} from "../js/editor-model.js";

/** A published comparison's draft: every part has its id. */
function published() {
  const doc = emptyDocument();
  doc.title = "S3 vs EBS";
  doc.category = "Storage";
  doc.subjects = [
    { id: "s3", name: "S3", category: "", description: "Objects", when_to_use: "Blobs" },
    { id: "ebs", name: "EBS", category: "Block storage", description: "Blocks", when_to_use: "Disks" },
  ];
  doc.differences = [
    { id: "a", text: "A" },
    { id: "b", text: "B" },
    { id: "c", text: "C" },
  ];
  return doc;
}

const ids = (list) => list.map((p) => p.id);

test("the empty document has two subjects and one of each item, with no ids and no text", () => {
  const doc = emptyDocument();
  assert.equal(doc.subjects.length, 2);
  for (const section of ["differences", "tradeoffs", "mistakes"]) assert.deepEqual(doc[section], [{ id: "", text: "" }]);
  assert.deepEqual(doc.subjects[0], { id: "", name: "", category: "", description: "", when_to_use: "" });
  assert.deepEqual(doc.tags, []);
  assert.equal(doc.title + doc.category + doc.summary + doc.interview_tip, "");
  assert.ok(isBlank(doc));
  assert.notEqual(emptyDocument().subjects[0], emptyDocument().subjects[0], "each call makes new parts");
});

test("isBlank notices any typed text, spaces aside", () => {
  assert.ok(isBlank(setField(emptyDocument(), "title", "   ")));
  assert.ok(!isBlank(setField(emptyDocument(), "mistakes[0].text", "x")));
  assert.ok(!isBlank(setField(emptyDocument(), "subjects[1].when_to_use", "x")));
  assert.ok(!isBlank(setField(emptyDocument(), "tags", "aws")));
});

test("moving keeps every id on its own text and never changes the original", () => {
  const doc = published();
  const down = move(doc, "differences", 0, 1);
  assert.deepEqual(ids(down.doc.differences), ["b", "a", "c"]);
  assert.deepEqual(down.doc.differences.map((d) => d.text), ["B", "A", "C"]);
  assert.equal(down.index, 1);
  assert.deepEqual(down.moved, [1, 0, 2]);
  assert.deepEqual(ids(doc.differences), ["a", "b", "c"], "the original document is untouched");
  const up = move(doc, "subjects", 1, -1);
  assert.deepEqual(ids(up.doc.subjects), ["ebs", "s3"]);
  assert.equal(up.doc.subjects[0].when_to_use, "Disks", "a subject's when-to-use moves with it");
  assert.equal(move(doc, "differences", 0, -1), null, "the first cannot go up");
  assert.equal(move(doc, "differences", 2, 1), null, "the last cannot go down");
});

test("adding puts an empty part with an empty id after the current one, or at the end", () => {
  const doc = published();
  const after = addAfter(doc, "differences", 0);
  assert.deepEqual(ids(after.doc.differences), ["a", "", "b", "c"]);
  assert.equal(after.index, 1);
  assert.deepEqual(after.moved, [0, 2, 3]);
  const atEnd = addAfter(doc, "differences", -1);
  assert.deepEqual(ids(atEnd.doc.differences), ["a", "b", "c", ""]);
  assert.equal(atEnd.index, 3);
  const subject = addAfter(doc, "subjects", 0);
  assert.deepEqual(subject.doc.subjects[1], { id: "", name: "", category: "", description: "", when_to_use: "" });
});

test("subjects stay between 2 and 4", () => {
  let doc = published();
  assert.equal(removeAt(doc, "subjects", 0), null, "two subjects cannot lose one");
  assert.ok(!canRemove("subjects", 2));
  doc = addAfter(doc, "subjects", -1).doc;
  doc = addAfter(doc, "subjects", -1).doc;
  assert.equal(doc.subjects.length, MAX_SUBJECTS);
  assert.ok(!canAdd("subjects", doc.subjects.length));
  assert.equal(addAfter(doc, "subjects", 0), null, "a fifth subject cannot be added");
  const fewer = removeAt(doc, "subjects", 0);
  assert.deepEqual(ids(fewer.doc.subjects), ["ebs", "", ""]);
  assert.ok(canAdd("differences", 50), "items have no upper limit here");
});

test("removing says where focus goes and which parts moved", () => {
  const doc = published();
  const middle = removeAt(doc, "differences", 1);
  assert.deepEqual(ids(middle.doc.differences), ["a", "c"]);
  assert.equal(middle.index, 1, "the part that took its place");
  assert.deepEqual(middle.moved, [0, -1, 1]);
  const last = removeAt(doc, "differences", 2);
  assert.equal(last.index, 1, "the one before, when the last goes");
  let one = { ...doc, mistakes: [{ id: "m", text: "M" }] };
  one = removeAt(one, "mistakes", 0);
  assert.deepEqual(one.doc.mistakes, []);
  assert.equal(one.index, -1, "nothing left to focus in the list");
  assert.equal(removeAt(doc, "differences", 7), null);
});

test("setField changes one field by its key; ids cannot be typed over", () => {
  const doc = published();
  assert.equal(setField(doc, "title", "New").title, "New");
  assert.equal(setField(doc, "subjects[1].category", "Disks").subjects[1].category, "Disks");
  assert.equal(setField(doc, "subjects[0].when_to_use", "Logs").subjects[0].when_to_use, "Logs");
  const reworded = setField(doc, "differences[1].text", "B, reworded");
  assert.deepEqual(reworded.differences[1], { id: "b", text: "B, reworded" }, "rewording keeps the id");
  assert.equal(setField(doc, "differences[1].id", "x").differences[1].id, "b");
  assert.equal(setField(doc, "differences[9].text", "x").differences.length, 3);
  assert.deepEqual(setField(doc, "tags", " AWS, block storage ,, ").tags, ["AWS", "block storage"]);
  assert.equal(doc.title, "S3 vs EBS", "the original document is untouched");
});

test("fieldValue reads what setField writes", () => {
  let doc = published();
  for (const [key, value] of [["summary", "Sum"], ["interview_tip", "Tip"], ["subjects[1].name", "EBS2"], ["tradeoffs[0].text", "T"]]) {
    doc = setField(doc, key, value);
    assert.equal(fieldValue(doc, key), value);
  }
  doc = setField(doc, "tags", "aws, storage");
  assert.equal(fieldValue(doc, "tags"), "aws, storage");
  assert.equal(fieldValue(doc, "differences[5].text"), "");
});

test("tags: comma-separated in, joined out", () => {
  assert.deepEqual(parseTags("a, b,,c ,"), ["a", "b", "c"]);
  assert.deepEqual(parseTags(""), []);
  assert.equal(tagsText(["a", "b"]), "a, b");
});

test("every message path maps to the id of an element beside its field", () => {
  const cases = {
    title: "msg-title",
    category: "msg-category",
    interview_tip: "msg-interview_tip",
    subjects: "msg-subjects",
    "subjects[1].name": "msg-subjects-1-name",
    "subjects[0].category": "msg-subjects-0-category",
    "subjects[2].description": "msg-subjects-2-description",
    "when_to_use[1].text": "msg-subjects-1-when_to_use",
    when_to_use: "msg-subjects",
    differences: "msg-differences",
    "differences[3].text": "msg-differences-3-text",
    "tradeoffs[0].text": "msg-tradeoffs-0-text",
    "mistakes[2].text": "msg-mistakes-2-text",
    "tags[1]": "msg-tags",
    "subjects[0].id": "msg-subjects-0-name",
    "mistakes[1].id": "msg-mistakes-1-text",
  };
  for (const [path, id] of Object.entries(cases)) assert.equal(messageId(path), id, path);
  assert.equal(inputId("subjects[1].when_to_use"), "field-subjects-1-when_to_use");
  assert.equal(inputId(fieldKey("when_to_use[1].text")), "field-subjects-1-when_to_use");
  assert.match(domId("subjects[1].name"), /^[A-Za-z0-9_-]+$/, "usable in an id and a CSS selector");
});

test("messages are grouped by field, errors apart from advice", () => {
  const check = {
    errors: [
      { field: "title", message: "must not be empty" },
      { field: "tags[0]", message: "bad" },
      { field: "tags[2]", message: "twice" },
    ],
    advice: [{ field: "differences", message: "needs at least 4 items, found 2" }],
  };
  const by = messagesByField(check);
  assert.deepEqual(by.get("title"), { errors: ["must not be empty"], advice: [] });
  assert.deepEqual(by.get("tags").errors, ["bad", "twice"]);
  assert.deepEqual(by.get("differences"), { errors: [], advice: ["needs at least 4 items, found 2"] });
});

test("a kind left empty is not blamed while the category is empty too", () => {
  const doc = emptyDocument();
  const check = {
    errors: [
      { field: "category", message: "must not be empty" },
      { field: "subjects[0].category", message: "must not be empty" },
    ],
    advice: [],
  };
  assert.deepEqual(visibleCheck(check, doc).errors.map((m) => m.field), ["category"]);
  const withKind = setField(doc, "subjects[0].category", " ");
  assert.deepEqual(visibleCheck(check, withKind).errors.length, 1, "spaces are still empty");
});

test("after a move, the last check's messages follow their parts until the next check", () => {
  const check = {
    errors: [
      { field: "differences[0].text", message: "first" },
      { field: "differences[2].text", message: "third" },
      { field: "when_to_use[1].text", message: "when" },
      { field: "title", message: "t" },
    ],
    advice: [{ field: "differences", message: "needs more" }],
  };
  const moved = remapCheck(check, "differences", [1, 0, -1]);
  assert.deepEqual(moved.errors.map((m) => m.field), ["differences[1].text", "when_to_use[1].text", "title"]);
  assert.deepEqual(moved.advice, check.advice);
  const subjects = remapCheck(check, "subjects", [1, 0]);
  assert.deepEqual(subjects.errors.map((m) => m.field), ["differences[0].text", "differences[2].text", "when_to_use[0].text", "title"]);
});

test("field names and the summary read as words", () => {
  assert.equal(fieldName("title"), "Title");
  assert.equal(fieldName("subjects[1].when_to_use"), "Subject 2 when to use");
  assert.equal(fieldName("subjects[0].category"), "Subject 1 kind");
  assert.equal(fieldName("differences[2].text"), "Difference 3");
  assert.equal(fieldName("differences"), "Key differences");
  assert.equal(summaryText({ errors: [{ field: "a", message: "" }, { field: "b", message: "" }], advice: [] }), "2 problems block publishing.");
  assert.equal(summaryText({ errors: [{ field: "a", message: "" }], advice: [] }), "1 problem blocks publishing.");
  assert.equal(summaryText({ errors: [], advice: [] }), "Ready to publish.");
  assert.equal(
    summaryText({ errors: [], advice: [{ field: "tradeoffs", message: "" }] }),
    "Ready to publish. 1 suggestion below, none of them required.",
  );
});

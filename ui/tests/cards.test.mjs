import { test } from "node:test";
import assert from "node:assert/strict";
import { dueText, filterOf } from "../js/views/cards.js";
import { buildHash, parseRoute } from "../js/router.js";

test("the browser's address keeps its filters, and unknown values are not sent", () => {
  const route = parseRoute("#/cards?comparison=ec2-vs-lambda&state=suspended&kind=nope&sort=lapses&extra=1");
  assert.deepEqual(route, { name: "cards", cards: { comparison: "ec2-vs-lambda", state: "suspended", kind: "nope", sort: "lapses" } });
  assert.equal(buildHash(route), "#/cards?comparison=ec2-vs-lambda&kind=nope&state=suspended&sort=lapses");
  const filter = filterOf(route.cards, 200);
  assert.deepEqual(filter, {
    comparison: "ec2-vs-lambda",
    category: null,
    kind: null,
    state: "suspended",
    due: null,
    sort: "lapses",
    offset: 0,
    limit: 200,
  });
  assert.equal(filterOf({}, 50).sort, "due", "sorted by due date unless asked");
  assert.equal(buildHash(parseRoute("#/cards")), "#/cards");
});

test("due dates read as a person says them", () => {
  const now = Date.UTC(2026, 11, 2);
  const card = (state, due) => ({ state, due });
  assert.equal(dueText(card("new", null), now), "not yet studied");
  assert.equal(dueText(card("learning", now - 1), now), "due now");
  assert.equal(dueText(card("review", now + 4 * 86_400_000), now), "in 4 d");
});

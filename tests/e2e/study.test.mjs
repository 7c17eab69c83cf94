// Active recall: a review session graded from the keyboard, and an interview drill kept in the history.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { appTest, goTo, js, Key, navTo, onlyFlipCards, pressKeys, screenshot, squash, typeInto, waitFor, waitForView, waitUntil } from './lib.mjs';

const count = (driver, css) => js(driver, `const el = document.querySelector(arguments[0]); return el ? Number(el.dataset.count) : null;`, css);

test(
  ...appTest('a review: Space reveals, 3 grades Good, and the due count drops', async ({ driver }) => {
    await onlyFlipCards(driver);
    await navTo(driver, 'dashboard');
    const dueBefore = await count(driver, '#due-today');
    assert.ok(dueBefore > 0, `cards are due on a fresh library (${dueBefore})`);

    await (await waitFor(driver, '#start-review')).click();
    await waitForView(driver, 'review');
    const left = await count(driver, '#review-remaining');
    assert.equal(left, dueBefore, 'the session holds today\'s cards');
    const front = squash(await (await waitFor(driver, '.review-front')).getText());
    assert.ok(front.length > 10, front);

    await pressKeys(driver, Key.SPACE);
    await waitFor(driver, '#review-answer');
    await screenshot('review-revealed');
    await pressKeys(driver, '3');
    await waitUntil(async () => (await count(driver, '#review-remaining')) === left - 1, 'one card fewer left');

    await navTo(driver, 'dashboard');
    await waitUntil(async () => (await count(driver, '#due-today')) === dueBefore - 1, 'the due count to drop by one');
    assert.equal(squash(await (await waitFor(driver, '#reviews-today')).getText()), '1');
  }),
);

test(
  ...appTest('Ctrl+Z undoes the last grade and the card comes back', async ({ driver }) => {
    await onlyFlipCards(driver);
    await goTo(driver, '#/review');
    await waitForView(driver, 'review');
    const left = await count(driver, '#review-remaining');
    const firstId = await js(driver, "return document.querySelector('.review-card').dataset.cardId;");
    await pressKeys(driver, Key.SPACE);
    await waitFor(driver, '#review-answer');
    await pressKeys(driver, '1');
    await waitUntil(async () => (await count(driver, '#review-remaining')) === left - 1, 'graded');
    await pressKeys(driver, Key.CONTROL, 'z');
    await waitUntil(async () => (await count(driver, '#review-remaining')) === left, 'the undo');
    const again = await js(driver, "return document.querySelector('.review-card').dataset.cardId;");
    assert.equal(again, firstId);
  }),
);

test(
  ...appTest('a drill: answer, hand in, grade, and find the answer in past drills', async ({ driver }) => {
    await goTo(driver, '#/drill?comparison=ec2-vs-lambda');
    await waitForView(driver, 'drill');
    const answer = 'EC2 when the box matters; Lambda for short event-driven work without servers.';
    const box = await waitFor(driver, '#drill-answer');
    await typeInto(box, answer);
    await screenshot('drill-answering');
    await (await waitFor(driver, '#drill-submit')).click();
    await waitFor(driver, '.drill-compare');
    const tip = squash(await (await waitFor(driver, '.drill-compare section:nth-child(2) p')).getText());
    assert.match(tip, /^EC2 gives you control/);
    await (await waitFor(driver, 'button.grade-3')).click();
    await waitUntil(
      async () => /Graded Good/.test(await js(driver, "return document.querySelector('#drill-status').textContent;")),
      'the grade to be saved',
    );

    await (await waitFor(driver, '#drill-history-link')).click();
    await waitForView(driver, 'drills');
    const entry = await waitFor(driver, '.drill-entry .drill-yours');
    assert.equal(squash(await entry.getText()), answer);
    const meta = squash(await (await waitFor(driver, '.drill-entry .panel-head .muted')).getText());
    assert.match(meta, /Good/);
  }),
);

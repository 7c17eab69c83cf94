// Switching to another window never ends a drill or breaks a review: the app
// saves on blur and hide, and that save must not hand a drill in or leave the
// review deaf to its keys. The switch is played as the page sees it: blur on
// the window, the document hidden and shown again, focus back.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { appTest, goTo, js, Key, onlyFlipCards, pressKeys, sleep, squash, typeInto, waitFor, waitForView, waitUntil } from './lib.mjs';

const count = (driver, css) => js(driver, `const el = document.querySelector(arguments[0]); return el ? Number(el.dataset.count) : null;`, css);

/** "1:58" as 118 seconds. */
const seconds = (clock) => {
  const [m, s] = String(clock).trim().split(':').map(Number);
  return m * 60 + s;
};
const timerSeconds = async (driver) => seconds(await js(driver, "return document.querySelector('#drill-timer').textContent;"));

/**
 * The window loses focus and is hidden (another window covers it), then comes
 * back. `focusCss`, when given, is where focus lands on the way back, as when
 * the learner clicks somewhere else on the page.
 */
async function switchAwayAndBack(driver, focusCss = null) {
  await js(
    driver,
    `window.dispatchEvent(new Event('blur'));
     Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
     Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
     document.dispatchEvent(new Event('visibilitychange'));`,
  );
  // Whatever the app does on hide (it saves) runs before the window comes back.
  await js(driver, 'return new Promise((resolve) => setTimeout(resolve, 200));');
  await js(
    driver,
    `delete document.hidden;
     delete document.visibilityState;
     document.dispatchEvent(new Event('visibilitychange'));
     window.dispatchEvent(new Event('focus'));
     const target = arguments[0] && document.querySelector(arguments[0]);
     if (target) target.focus();`,
    focusCss,
  );
}

const activeId = (driver) => js(driver, 'return document.activeElement ? (document.activeElement.id || document.activeElement.tagName) : null;');

test(
  ...appTest('a review goes on after the window is left and focus lands outside the card: Space and 3 grade', async ({ driver }) => {
    await onlyFlipCards(driver);
    await goTo(driver, '#/review');
    await waitForView(driver, 'review');
    const left = await count(driver, '#review-remaining');
    assert.ok(left >= 3, `a fresh library has cards due (${left})`);

    // Focus on the page's heading, outside the card: the grade keys are the page's, not the card's.
    await switchAwayAndBack(driver, '#review h1');
    assert.equal(await activeId(driver), 'H1', 'focus is outside the card');
    await pressKeys(driver, Key.SPACE);
    await waitFor(driver, '#review-answer');
    await switchAwayAndBack(driver);
    await pressKeys(driver, '3');
    await waitUntil(async () => (await count(driver, '#review-remaining')) === left - 1, 'the card to be graded after the switch');

    // Focus on a button of the top bar: Space there must still show the answer, not press that button.
    const second = await js(driver, "return document.querySelector('.review-card').dataset.cardId;");
    await switchAwayAndBack(driver, '#shortcuts-button');
    assert.equal(await activeId(driver), 'shortcuts-button');
    await pressKeys(driver, Key.SPACE);
    await waitFor(driver, '#review-answer');
    assert.equal(await js(driver, "return document.getElementById('shortcuts').open;"), false, 'Space did not open the shortcuts');
    await pressKeys(driver, '3');
    await waitUntil(async () => (await count(driver, '#review-remaining')) === left - 2, 'the second card to be graded');
    assert.notEqual(await js(driver, "return document.querySelector('.review-card')?.dataset.cardId;"), second);

    // Undo, suspend and notes answer after a switch too.
    await switchAwayAndBack(driver, '#review h1');
    await pressKeys(driver, Key.CONTROL, 'z');
    await waitUntil(async () => (await count(driver, '#review-remaining')) === left - 1, 'Ctrl+Z to undo the last grade');
    assert.equal(await js(driver, "return document.querySelector('.review-card').dataset.cardId;"), second, 'the undone card is back');
    await switchAwayAndBack(driver, '#review h1');
    await pressKeys(driver, 'n');
    await waitUntil(async () => /press Space first/.test(await js(driver, "return document.getElementById('toast').textContent;")), 'n to say the notes come with the answer');
    assert.equal(await js(driver, "return Boolean(document.querySelector('#review-answer'));"), false, 'n before revealing does not show the answer');
    await pressKeys(driver, Key.SPACE);
    await waitFor(driver, '#review-answer');
    await pressKeys(driver, 'n');
    await waitFor(driver, '#review-answer .review-notes');
    await switchAwayAndBack(driver, '#review h1');
    await pressKeys(driver, 's');
    await waitUntil(async () => (await count(driver, '#review-remaining')) === left - 2, 's to suspend the card');
  }),
);

test(
  ...appTest('a drill keeps running with its text after the window is left and comes back', async ({ driver }) => {
    await goTo(driver, '#/drill?comparison=ec2-vs-lambda');
    await waitForView(driver, 'drill');
    const box = await waitFor(driver, '#drill-answer');
    const answer = 'Lambda for short event-driven work';
    await typeInto(box, answer);

    await switchAwayAndBack(driver);
    assert.equal(await js(driver, "return document.querySelector('.drill-compare') === null;"), true, 'the drill was not handed in');
    assert.equal(await js(driver, "return document.querySelector('#drill-answer')?.value;"), answer);
    const before = await timerSeconds(driver);
    await waitUntil(async () => (await timerSeconds(driver)) < before, 'the timer to go on counting down');

    // The learner carries on typing where they were, and hands in the whole answer.
    await switchAwayAndBack(driver, '#drill-answer');
    await typeInto(await waitFor(driver, '#drill-answer'), '; EC2 when the box matters.');
    await pressKeys(driver, Key.CONTROL, Key.ENTER);
    const yours = await waitFor(driver, '.drill-yours');
    assert.equal(squash(await yours.getText()), `${answer}; EC2 when the box matters.`);

    // Handed in, the draft is gone: the next drill on it starts empty.
    await goTo(driver, '#/drills');
    await waitForView(driver, 'drills');
    await goTo(driver, '#/drill?comparison=ec2-vs-lambda');
    await waitForView(driver, 'drill');
    assert.equal(await js(driver, "return document.querySelector('#drill-answer').value;"), '');
  }),
);

test(
  ...appTest('a drill left for another window survives the page being loaded again, clock and text', async ({ driver }) => {
    await goTo(driver, '#/drill?comparison=ec2-vs-lambda');
    await waitForView(driver, 'drill');
    const answer = 'Lambda scales to zero';
    await typeInto(await waitFor(driver, '#drill-answer'), answer);
    await waitUntil(async () => (await timerSeconds(driver)) <= 117, 'a few seconds of the drill to pass');
    await switchAwayAndBack(driver);

    await js(driver, 'location.reload();');
    await waitUntil(
      () => js(driver, "return document.querySelector('main#view[data-view=\"drill\"][data-ready=\"true\"]') !== null && document.querySelector('#drill-answer') !== null;"),
      'the drill to render again',
    );
    assert.equal(await js(driver, "return document.querySelector('#drill-answer').value;"), answer, 'the answer is still there');
    assert.ok((await timerSeconds(driver)) <= 117, 'the clock goes on from when the drill started, not from 2:00');
    assert.equal(await js(driver, "return document.querySelector('.drill-compare') === null;"), true, 'still running');
  }),
);

test(
  ...appTest('a drill open when the app is closed comes back on the next run with its text', async (app) => {
    await goTo(app.driver, '#/drill?comparison=ec2-vs-lambda');
    await waitForView(app.driver, 'drill');
    const answer = 'EC2 for servers you manage';
    await typeInto(await waitFor(app.driver, '#drill-answer'), answer);
    await sleep(500); // a person does not close the app the instant they typed

    const driver = await app.restart();
    await waitForView(driver, 'drill'); // the last view comes back
    assert.equal(await js(driver, "return document.querySelector('#drill-answer').value;"), answer);
    assert.equal(await js(driver, "return document.querySelector('.drill-compare') === null;"), true, 'still running');
  }),
);

test(
  ...appTest('leaving a drill by a link still hands the answer in', async ({ driver }) => {
    await goTo(driver, '#/drill?comparison=ec2-vs-lambda');
    await waitForView(driver, 'drill');
    const answer = 'EC2 for long-running servers';
    await typeInto(await waitFor(driver, '#drill-answer'), answer);
    await switchAwayAndBack(driver);
    await (await waitFor(driver, '#drill-body a[href="#/drills"]')).click();
    await waitForView(driver, 'drills');
    const entry = await waitFor(driver, '.drill-entry .drill-yours');
    assert.equal(squash(await entry.getText()), answer);

    // Handed in on the way out: coming back starts a new drill.
    await goTo(driver, '#/drill?comparison=ec2-vs-lambda');
    await waitForView(driver, 'drill');
    assert.equal(await js(driver, "return document.querySelector('#drill-answer').value;"), '');
  }),
);

// Interview day: a date set, the predicted recall shown per category and comparison, and "Close the gap" offering the weakest card.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Key, appTest, goTo, js, pressKeys, screenshot, squash, waitFor, waitForView, waitUntil } from './lib.mjs';

test(
  ...appTest('setting an interview date shows readiness, and Close the gap starts a session of the weakest cards', async ({ driver }) => {
    // Study one card, so that something can be predicted.
    await goTo(driver, '#/review?comparison=ec2-vs-lambda');
    await waitForView(driver, 'review');
    await waitFor(driver, '.review-card');
    const kind = await js(driver, "return document.querySelector('.review-card').dataset.kind;");
    if (kind === 'scenario') await pressKeys(driver, '1');
    else {
      await pressKeys(driver, Key.SPACE);
      await waitFor(driver, '#review-answer');
      await pressKeys(driver, '3');
    }
    await waitUntil(async () => /1 done/.test(await js(driver, "return document.getElementById('review-remaining').textContent;")), 'one card answered');

    await goTo(driver, '#/readiness');
    await waitForView(driver, 'readiness');
    const inFortnight = new Date(Date.now() + 14 * 86_400_000);
    const date = `${inFortnight.getFullYear()}-${String(inFortnight.getMonth() + 1).padStart(2, '0')}-${String(inFortnight.getDate()).padStart(2, '0')}`;
    await js(driver, "const input = document.getElementById('interview-date'); input.value = arguments[0]; input.dispatchEvent(new Event('change', { bubbles: true }));", date);
    const summary = await waitFor(driver, '#readiness-summary');
    assert.match(squash(await summary.getText()), /^In 14 days, you would recall about \d+% of what you have studied/i);
    const categories = await js(driver, "return document.querySelectorAll('.readiness-table:first-of-type tbody tr').length;");
    assert.ok(categories >= 14, `a row per category (${categories})`);
    assert.match(squash(await (await waitFor(driver, '.readiness-table tr[data-id="ec2-vs-lambda"]')).getText()), /\d+%/);
    await screenshot('readiness');

    await goTo(driver, '#/settings');
    await waitForView(driver, 'settings');
    await goTo(driver, '#/readiness');
    await waitForView(driver, 'readiness');
    assert.equal(await js(driver, "return document.getElementById('interview-date').value;"), date, 'the date is kept');

    await (await waitFor(driver, '#close-gap')).click();
    await waitForView(driver, 'review');
    assert.match(squash(await (await waitFor(driver, '#review .eyebrow')).getText()), /weakest on interview day/i);
    await waitFor(driver, '.review-card');
  }),
);

// The card browser: two cards suspended from it, shown as such, kept out of reviews, and brought back with Undo.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { appTest, goTo, js, screenshot, squash, waitFor, waitForView, waitUntil } from './lib.mjs';

const shownIds = (driver) => js(driver, "return [...document.querySelectorAll('#cards-body tr[data-card-id]')].map((r) => r.dataset.cardId);");

test(
  ...appTest('two cards suspended from the browser leave the review and come back with Undo', async ({ driver }) => {
    await goTo(driver, '#/cards?comparison=ec2-vs-lambda&sort=comparison');
    await waitForView(driver, 'cards');
    await waitFor(driver, '#cards-body tr[data-card-id]');
    const ids = await shownIds(driver);
    assert.ok(ids.length > 10, `the comparison's cards are listed (${ids.length})`);
    const picked = ids.slice(0, 2);
    for (const id of picked) await (await waitFor(driver, `tr[data-card-id="${id}"] .card-pick`)).click();
    await (await waitFor(driver, '#cards-suspend')).click();
    await waitUntil(async () => /Suspended 2 cards/.test(await js(driver, "return document.getElementById('cards-status').textContent;")), 'the suspension');
    for (const id of picked) {
      await waitUntil(async () => (await js(driver, `return document.querySelector('tr[data-card-id="${id}"] [data-state]')?.dataset.state;`)) === 'suspended', `card ${id} shown suspended`);
    }
    await screenshot('cards-suspended');

    // The filter finds them, and a review of the comparison leaves them out.
    await (await waitFor(driver, 'select[data-filter="state"]')).sendKeys('Suspended');
    await waitUntil(async () => (await shownIds(driver)).sort().join() === [...picked].sort().join(), 'the suspended filter to list the two');
    assert.match(await js(driver, 'return location.hash;'), /state=suspended/, 'the filter is in the address');
    await goTo(driver, '#/review?comparison=ec2-vs-lambda&more=1');
    await waitForView(driver, 'review');
    const queued = await js(driver, "return document.querySelector('.review-card')?.dataset.cardId;");
    assert.ok(!picked.includes(queued), 'a suspended card does not come up');

    await goTo(driver, '#/cards?comparison=ec2-vs-lambda&sort=comparison');
    await waitForView(driver, 'cards');
    await waitFor(driver, '#cards-body tr[data-card-id]');
    for (const id of picked) await (await waitFor(driver, `tr[data-card-id="${id}"] .card-pick`)).click();
    await (await waitFor(driver, '#cards-unsuspend')).click();
    await waitUntil(async () => /Brought back 2 cards/.test(squash(await js(driver, "return document.getElementById('cards-status').textContent;"))), 'bringing them back');
    await (await waitFor(driver, '#cards-undo')).click();
    await waitUntil(async () => /Undone/.test(await js(driver, "return document.getElementById('cards-status').textContent;")), 'the undo');
    const state = await js(driver, `return document.querySelector('tr[data-card-id="${picked[0]}"] [data-state]')?.dataset.state;`);
    assert.equal(state, 'suspended', 'Undo suspends them again');
  }),
);

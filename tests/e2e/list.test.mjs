// The comparison list: the category filter, and going back from a comparison.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  Key,
  appTest,
  choose,
  contentComparisons,
  cssString,
  js,
  navTo,
  pressKeys,
  squash,
  waitFor,
  waitForAnyView,
  waitForComparison,
  waitForView,
  waitUntil,
  withTimeout,
} from './lib.mjs';

// The cards a person can see (a filter may hide cards rather than remove them).
const visibleCards = (driver) =>
  js(
    driver,
    `return [...document.querySelectorAll('li.comparison-card')]
       .filter((el) => el.getClientRects().length > 0)
       .map((el) => ({ id: el.dataset.comparisonId, category: el.dataset.category, text: el.textContent }));`,
  );

test(
  ...appTest('the category filter narrows the list to one category', async ({ driver }) => {
    await waitForAnyView(driver);
    await navTo(driver, 'list');
    const all = await waitUntil(async () => {
      const cards = await visibleCards(driver);
      return cards.length > 0 && cards;
    }, 'the comparison cards');
    assert.equal(all.length, contentComparisons().length, 'the unfiltered list shows every comparison');

    await choose(driver, 'select#category-filter', 'Storage');
    const storage = await waitUntil(async () => {
      const cards = await visibleCards(driver);
      return cards.length > 0 && cards.every((c) => c.category === 'Storage') && cards;
    }, 'only Storage cards');
    assert.ok(storage.length < all.length, `fewer cards (${storage.length}) than before (${all.length})`);
    assert.ok(storage.length >= 4, `at least 4 Storage comparisons, got ${storage.length}`);
    const expected = contentComparisons().filter((c) => c.category === 'Storage').map((c) => c.id).sort();
    assert.deepEqual(storage.map((c) => c.id).sort(), expected, 'exactly the Storage comparisons');
    for (const card of storage) assert.ok(card.text.includes('Storage'), `the card ${card.id} shows its category`);
  }),
);

test(
  ...appTest('from a comparison, "Back to Comparisons" and Alt+ArrowLeft both return to the list', async ({ driver }) => {
    const open = async (id) => {
      await waitForView(driver, 'list');
      const link = await waitFor(driver, `li.comparison-card[data-comparison-id="${cssString(id)}"] a.comparison-link`);
      await withTimeout(link.click(), 30_000, `open ${id}`);
      return waitForComparison(driver, id);
    };

    await waitForAnyView(driver);
    await navTo(driver, 'list');
    await open('ec2-vs-lambda');
    const back = await waitFor(driver, 'a#back-to-list');
    // The link may carry a decorative arrow before its words.
    assert.match(squash(await back.getText()), /^(?:←\s*)?Back to Comparisons$/);
    await back.click();
    await waitForView(driver, 'list');
    await waitFor(driver, 'li.comparison-card');

    await open('s3-vs-ebs-vs-efs');
    await pressKeys(driver, Key.ALT, Key.ARROW_LEFT);
    await waitForView(driver, 'list');
    await waitFor(driver, 'li.comparison-card');
  }),
);

test(
  ...appTest('a category on the dashboard leads to the list filtered to it', async ({ driver }) => {
    await waitForAnyView(driver);
    await navTo(driver, 'dashboard');
    const compute = contentComparisons().filter((c) => c.category === 'Compute');
    const link = await waitFor(driver, 'main#view a[data-category="Compute"]');
    assert.ok(squash(await link.getText()).includes(String(compute.length)), 'the Compute link shows its count');
    await link.click();
    await waitForView(driver, 'list');
    const cards = await waitUntil(async () => {
      const shown = await visibleCards(driver);
      return shown.length > 0 && shown.every((c) => c.category === 'Compute') && shown;
    }, 'only Compute cards');
    assert.deepEqual(cards.map((c) => c.id).sort(), compute.map((c) => c.id).sort());
    const select = await waitFor(driver, 'select#category-filter');
    assert.equal(await select.getAttribute('value'), 'Compute', 'the category filter shows Compute');
    const open = await waitFor(driver, 'li.comparison-card[data-comparison-id="ec2-vs-lambda"] a.comparison-link');
    await open.click();
    await waitForComparison(driver, 'ec2-vs-lambda');
  }),
);

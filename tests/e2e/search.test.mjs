// Search: Ctrl+K from anywhere, results while typing, Enter lands on the item
// with the match highlighted; words that exist only in a note find the note.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  Key,
  appTest,
  contentComparison,
  js,
  openComparisonFromDashboard,
  openEditor,
  pressKeys,
  screenshot,
  typeInto,
  waitFor,
  waitForAnyView,
  waitForComparison,
  waitSaveState,
  waitUntil,
} from './lib.mjs';

const seed = contentComparison('ec2-vs-lambda');
const tradeoff = seed.tradeoffs.find((t) => t.id === 'simplicity-vs-constraints');

async function searchFor(driver, text) {
  await pressKeys(driver, Key.CONTROL, 'k');
  const input = await waitFor(driver, '#palette[open] #palette-input');
  await input.clear();
  await typeInto(input, text);
  return input;
}

async function firstHit(driver) {
  await waitUntil(
    async () => (await js(driver, "return document.querySelectorAll('#palette-results li').length;")) > 0,
    'search results',
  );
  return js(
    driver,
    "const li = document.querySelector('#palette-results li[aria-selected=\"true\"]'); return li && { id: li.dataset.comparisonId, section: li.dataset.section, item: li.dataset.itemId, text: li.textContent };",
  );
}

test(
  ...appTest('Ctrl+K, part of a tradeoff, Enter lands on that tradeoff highlighted', async (app) => {
    const { driver } = app;
    await waitForAnyView(driver);
    // Words from the middle of the tradeoff, the last one cut short as if still typing.
    const input = await searchFor(driver, 'operational burden and scales eas');
    const hit = await firstHit(driver);
    assert.deepEqual([hit.id, hit.section, hit.item], ['ec2-vs-lambda', 'tradeoff', tradeoff.id], hit.text);
    await screenshot('search-palette');
    await input.sendKeys(Key.ENTER);

    await waitForComparison(driver, 'ec2-vs-lambda');
    const landed = await waitFor(driver, `.item[data-section="tradeoff"][data-item-id="${tradeoff.id}"] .item-text mark`);
    assert.match((await landed.getText()).toLowerCase(), /^(operational|burden|scales|eas)/);
    const focused = await js(driver, 'return document.activeElement && document.activeElement.dataset.itemId;');
    assert.equal(focused, tradeoff.id, 'the landed item has focus');
    const inView = await js(
      driver,
      `const r = document.querySelector('.item[data-item-id="${tradeoff.id}"]').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;`,
    );
    assert.ok(inView, 'the landed item is scrolled into view');
  }),
);

test(
  ...appTest('a word that exists only in a note finds that note', async (app) => {
    const { driver } = app;
    await openComparisonFromDashboard(driver, 'ec2-vs-lambda');
    const mistake = seed.mistakes[1];
    const editor = await openEditor(driver, 'mistake', mistake.id, `Note on mistake: ${mistake.text.slice(0, 30)}`);
    await typeInto(editor, 'Remember the quokkafactor when sizing cron jobs.');
    await waitSaveState(driver, 'mistake', mistake.id, 'saved');
    await editor.sendKeys(Key.ESCAPE);

    await searchFor(driver, 'quokkafac');
    const hit = await firstHit(driver);
    assert.deepEqual([hit.id, hit.section, hit.item], ['ec2-vs-lambda', 'mistake', mistake.id]);
    assert.match(hit.text, /your note/);
    const count = await js(driver, "return document.querySelectorAll('#palette-results li').length;");
    assert.equal(count, 1, 'only the note matches');
  }),
);

// What a learner trips over in the first week: focus that cannot be seen
// after a mouse click, a typo that finds nothing, a shortcut list missing
// keys, and Esc that stops working after History.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { KEYS } from '../../ui/js/keys.js';
import {
  Key,
  appTest,
  contentComparison,
  goTo,
  itemCss,
  js,
  openComparisonFromDashboard,
  openEditor,
  pressKeys,
  squash,
  typeInto,
  waitFor,
  waitForAnyView,
  waitForComparison,
  waitSaveState,
  waitUntil,
  waitVisible,
} from './lib.mjs';

const seed = contentComparison('ec2-vs-lambda');

/** What marks the focused element: its class list and computed outline. */
const focusMark = (driver) =>
  js(
    driver,
    `const el = document.activeElement; const s = getComputedStyle(el);
     return { className: String(el.className), itemId: el.dataset.itemId || null,
              outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
              currentCount: document.querySelectorAll('.item.current').length };`,
  );

test(
  ...appTest('after a mouse click, j/k and Esc leave a visible mark on what has focus', async ({ driver }) => {
    // Reached by clicking: WebKitGTK then shows no :focus-visible ring for script focus.
    await openComparisonFromDashboard(driver, 'ec2-vs-lambda');
    for (let i = 0; i < 3; i++) await pressKeys(driver, 'j');
    const onItem = await focusMark(driver);
    assert.ok(onItem.itemId, `an item has focus: ${JSON.stringify(onItem)}`);
    assert.match(onItem.className, /\bcurrent\b/, 'the focused item is the current one');
    assert.ok(onItem.outline, 'the current item shows an outline');
    assert.equal(onItem.currentCount, 1, 'one item is current');

    const tradeoff = seed.tradeoffs[0];
    const editor = await openEditor(driver, 'tradeoff', tradeoff.id, 'Note on tradeoff');
    await typeInto(editor, 'focus ring check');
    await waitSaveState(driver, 'tradeoff', tradeoff.id, 'saved');
    await editor.sendKeys(Key.ESCAPE);
    await waitUntil(
      async () => js(driver, 'return document.activeElement.classList.contains("note-toggle");'),
      'focus on the note toggle',
    );
    const onToggle = await focusMark(driver);
    assert.ok(onToggle.outline, `"Edit note" shows a focus ring after Esc: ${JSON.stringify(onToggle)}`);
    const current = await js(
      driver,
      'return document.querySelector(arguments[0]).classList.contains("current");',
      itemCss('tradeoff', tradeoff.id),
    );
    assert.ok(current, 'the item whose note was edited is the current one');
  }),
);

test(
  ...appTest('Esc closes History, and a second Esc closes the note editor', async ({ driver }) => {
    await openComparisonFromDashboard(driver, 'ec2-vs-lambda');
    const mistake = seed.mistakes[0];
    const editor = await openEditor(driver, 'mistake', mistake.id, 'Note on mistake');
    await typeInto(editor, 'first version');
    await waitSaveState(driver, 'mistake', mistake.id, 'saved');
    const history = await waitFor(driver, `${itemCss('mistake', mistake.id)} .history-button`);
    await history.click();
    await waitFor(driver, 'dialog.history-dialog[open]');
    await pressKeys(driver, Key.ESCAPE);
    await waitUntil(
      async () => !(await js(driver, 'return Boolean(document.querySelector("dialog.history-dialog[open]"));')),
      'History to close',
    );
    await pressKeys(driver, Key.ESCAPE);
    await waitUntil(
      async () => js(driver, 'return document.querySelector(arguments[0]).hidden;', `${itemCss('mistake', mistake.id)} .note-panel`),
      'the second Esc to close the note editor',
    );
    const preview = await js(
      driver,
      'return document.querySelector(arguments[0]).textContent;',
      `${itemCss('mistake', mistake.id)} .note-preview`,
    );
    assert.equal(squash(preview), 'first version', 'the note was saved on the way out');
  }),
);

/** Types into the palette and answers its input. */
async function paletteSearch(driver, text) {
  await pressKeys(driver, Key.CONTROL, 'k');
  const input = await waitFor(driver, '#palette[open] #palette-input');
  await input.clear();
  await typeInto(input, text);
  return input;
}

/** Esc until the palette is closed: in a search field the first Esc may only clear it. */
async function closePalette(driver, input) {
  for (let i = 0; i < 3 && (await js(driver, 'return document.getElementById("palette").open;')); i++) {
    await input.sendKeys(Key.ESCAPE);
  }
  await waitUntil(async () => !(await js(driver, 'return document.getElementById("palette").open;')), 'the palette to close');
}

const paletteHits = (driver) => js(driver, "return document.querySelectorAll('#palette-results li').length;");

/** Waits for the palette to show results for `words`: searched directly, or after Enter on "Did you mean". */
async function resultsForRespelling(driver, input, words) {
  await waitUntil(
    async () => js(driver, 'return Boolean(document.querySelector("#palette-suggestion, #palette-respelt"));'),
    `a suggestion of ${words}`,
  );
  const offered = await js(
    driver,
    'const el = document.querySelector("#palette-suggestion, #palette-respelt"); return { id: el.id, text: el.textContent };',
  );
  assert.equal(offered.text, words, `the palette offers ${words}`);
  if (offered.id === 'palette-suggestion') {
    await input.sendKeys(Key.ENTER); // one key takes it
    await waitUntil(async () => (await input.getAttribute('value')) === words, 'the suggestion in the field');
  }
  await waitUntil(async () => (await paletteHits(driver)) > 0, `results for ${words}`);
}

test(
  ...appTest('a typo offers the library word, in the palette and the list filter; a note hit is marked in the note', async ({ driver }) => {
    await waitForAnyView(driver);
    let input = await paletteSearch(driver, 'lamda');
    await resultsForRespelling(driver, input, 'lambda');
    await closePalette(driver, input);

    input = await paletteSearch(driver, 'ec2 lamda');
    await resultsForRespelling(driver, input, 'ec2 lambda');
    await closePalette(driver, input);

    // The list's text filter asks the same search.
    await goTo(driver, '#/comparisons');
    const filter = await waitVisible(driver, '#text-filter');
    await typeInto(filter, 'lamda');
    const offered = await waitFor(driver, '#use-suggestion');
    assert.equal(await offered.getText(), 'lambda');
    await filter.sendKeys(Key.ENTER);
    await waitFor(driver, '#cards li.comparison-card[data-comparison-id="ec2-vs-lambda"]');
    assert.equal(await filter.getAttribute('value'), 'lambda');

    // A note hit marks the words in the note's preview as well.
    await openComparisonFromDashboard(driver, 'ec2-vs-lambda');
    const mistake = seed.mistakes[1];
    const editor = await openEditor(driver, 'mistake', mistake.id, 'Note on mistake');
    await typeInto(editor, 'Remember the **quokkafactor** when sizing cron jobs.');
    await waitSaveState(driver, 'mistake', mistake.id, 'saved');
    await editor.sendKeys(Key.ESCAPE);
    input = await paletteSearch(driver, 'quokkafac');
    // The palette still lists the last query's hits until this one answers.
    await waitUntil(
      async () => js(driver, 'const li = document.querySelector("#palette-results li"); return Boolean(li && li.classList.contains("kind-note"));'),
      'the note hit',
    );
    await input.sendKeys(Key.ENTER);
    await waitForComparison(driver, 'ec2-vs-lambda');
    const marked = await waitFor(driver, `${itemCss('mistake', mistake.id)} .note-preview strong mark`);
    assert.equal(await marked.getText(), 'quokkafactor', 'the word is marked inside the note, its bold kept');
  }),
);

test(
  ...appTest('? lists every key of the key table, review, drill and menu keys included', async ({ driver }) => {
    await waitForAnyView(driver);
    await js(driver, 'document.activeElement?.blur?.();');
    await pressKeys(driver, '?');
    const dialog = await waitVisible(driver, '#shortcuts[open]');
    const text = squash(await dialog.getText());
    for (const binding of KEYS) assert.ok(text.includes(binding.label), `the list names "${binding.label}"`);
    for (const keys of ['Space', 'Ctrl Z', '1–4', 'Ctrl Q', 'Ctrl =', 'Ctrl -', 'Ctrl 0', 'Esc or Ctrl Enter']) {
      assert.ok(text.includes(keys), `the list shows ${keys}: ${text}`);
    }
    const rows = await js(driver, "return document.querySelectorAll('#shortcuts dt').length;");
    assert.equal(rows, KEYS.length, 'one row per binding');
  }),
);

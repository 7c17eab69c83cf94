// Comparisons of the learner's own: written in the editor with the keyboard
// alone, published, and then everywhere a shipped one is (the list with its
// Mine filter, search, review) after a restart; drafts that outlive the app;
// and an edit that rewords an item keeping the note on it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import {
  By,
  Key,
  appTest,
  contentComparison,
  cssString,
  goTo,
  itemCss,
  js,
  navTo,
  notePreview,
  openComparisonFromDashboard,
  openEditor,
  pressKeys,
  repoRoot,
  screenshot,
  squash,
  typeInto,
  waitFor,
  waitForAnyView,
  waitForComparison,
  waitForView,
  waitSaveState,
  waitUntil,
  withTimeout,
} from './lib.mjs';

const seed = contentComparison('ec2-vs-lambda');

/**
 * The serious and critical accessibility violations axe-core finds in the
 * page as it is (as accessibility.test.mjs audits the other views).
 */
async function axeViolations(driver) {
  if (!(await js(driver, 'return typeof window.axe === "object";'))) {
    const source = fs.readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    await js(driver, `${source}\n;return typeof window.axe;`);
  }
  const result = await withTimeout(
    driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      window.axe.run(document, { resultTypes: ['violations'] })
        .then((r) => done(r.violations.flatMap((v) => v.nodes
          .filter((n) => ['serious', 'critical'].includes(n.impact ?? v.impact))
          .map((n) => v.id + ' at ' + n.target.join(' ') + ': ' + String(n.failureSummary).replace(/\\s+/g, ' ')))))
        .catch((err) => done(['axe failed: ' + err]));`),
    60_000,
    'axe',
  );
  return result;
}

/** What has focus: its id, or its tag when it has none. */
const focused = (driver) => js(driver, 'const el = document.activeElement; return el ? el.id || el.tagName : null;');

/** Presses Tab (bounded) until the element matching `css` has focus. */
async function tabTo(driver, css, most = 40) {
  for (let i = 0; i <= most; i++) {
    if (await js(driver, 'return Boolean(document.activeElement && document.activeElement.matches(arguments[0]));', css)) return;
    await pressKeys(driver, Key.TAB);
  }
  throw new Error(`${most} Tabs did not reach ${css} (focus on ${await focused(driver)})`);
}

/** Types into whatever has focus, as a person at the keyboard does. */
async function typeHere(driver, text) {
  const active = await withTimeout(driver.switchTo().activeElement(), 30_000, 'the focused element');
  await typeInto(active, text);
}

/** Tabs to a field of the editor and types into it. */
async function fill(driver, key, text) {
  await tabTo(driver, `#field-${key}`);
  await typeHere(driver, text);
}

/**
 * Clicks the element matching `css` once scrolled to the middle of the
 * window: scrolled to the top edge, the sticky top bar would take the click.
 */
async function clickCentered(driver, css) {
  const element = await waitFor(driver, css);
  await js(driver, 'arguments[0].scrollIntoView({ block: "center" });', element);
  await withTimeout(element.click(), 30_000, `click ${css}`);
  return element;
}

const fieldValue = (driver, key) => js(driver, 'const el = document.getElementById(arguments[0]); return el && el.value;', `field-${key}`);

/** Waits until the editor says its draft is saved. */
const waitDraftSaved = (driver) =>
  waitUntil(async () => {
    const state = await js(driver, "const el = document.querySelector('.editor-actions .save-state'); return el && el.dataset.state;");
    if (state === 'failed') throw new Error('the draft failed to save');
    return state === 'saved';
  }, 'the draft to be saved');

// The cards a person can see.
const visibleCards = (driver) =>
  js(
    driver,
    `return [...document.querySelectorAll('li.comparison-card')]
       .filter((el) => el.getClientRects().length > 0)
       .map((el) => ({ id: el.dataset.comparisonId, text: el.textContent.replace(/\\s+/g, ' ').trim() }));`,
  );

test(
  ...appTest(
    'a comparison written with the keyboard alone is in the list, search and review after a restart',
    async (app) => {
      let driver = app.driver;
      const title = 'Wombat Queue vs Numbat Stream';
      await waitForAnyView(driver);

      await pressKeys(driver, Key.CONTROL, 'n');
      await waitForView(driver, 'editor');
      const draftHash = await waitUntil(async () => {
        const hash = await js(driver, 'return location.hash;');
        return /^#\/edit\/\d+$/.test(hash) && hash;
      }, '#/new to become #/edit/<id>');
      assert.equal(await focused(driver), 'field-title', 'a new comparison starts in its title');
      await typeHere(driver, title);
      await fill(driver, 'category', 'Messaging & Streaming');
      await fill(driver, 'summary', 'Two made-up queues, compared to test the editor.');
      await fill(driver, 'subjects-0-name', 'Wombat Queue');
      await fill(driver, 'subjects-0-description', 'A queue that keeps every message until it is read.');
      await fill(driver, 'subjects-0-when_to_use', 'When each message must be handled once.');
      await fill(driver, 'subjects-1-name', 'Numbat Stream');
      await fill(driver, 'subjects-1-description', 'A log that many readers replay.');
      await fill(driver, 'subjects-1-when_to_use', 'When many readers need the same events.');

      // Items: the first typed, then Alt+Enter adds one after it and moves focus there.
      await fill(driver, 'differences-0-text', 'Wombat deletes a message once read; Numbat keeps a wombatlog.');
      await pressKeys(driver, Key.ALT, Key.ENTER);
      await waitUntil(async () => (await focused(driver)) === 'field-differences-1-text', 'focus on the added difference');
      await typeHere(driver, 'Numbat readers keep their own offsets.');
      await pressKeys(driver, Key.ALT, Key.ENTER);
      await waitUntil(async () => (await focused(driver)) === 'field-differences-2-text', 'focus on the third difference');
      await typeHere(driver, 'Wombat scales by adding consumers.');
      // Alt+ArrowUp moves it, and focus goes with it.
      await pressKeys(driver, Key.ALT, Key.ARROW_UP);
      await waitUntil(async () => (await focused(driver)) === 'field-differences-1-text', 'focus to follow the moved difference');
      assert.equal(await fieldValue(driver, 'differences-1-text'), 'Wombat scales by adding consumers.');
      assert.equal(await fieldValue(driver, 'differences-2-text'), 'Numbat readers keep their own offsets.');

      await fill(driver, 'tradeoffs-0-text', 'Wombat is simpler; Numbat can replay history.');
      await fill(driver, 'mistakes-0-text', 'Using Wombat when two services need the same events.');
      await fill(driver, 'interview_tip', 'Ask whether messages are work to do or facts to replay.');
      await fill(driver, 'tags', 'queues, streams');

      await waitUntil(
        async () => (await js(driver, "return document.getElementById('draft-summary').dataset.ready;")) === 'true',
        'the editor to say the comparison is ready to publish',
      );
      const advice = await js(driver, "return document.getElementById('msg-differences').textContent;");
      assert.match(advice, /needs at least \d+ items, found 3/, 'advice beside the differences');
      await screenshot('own-editor-ready');

      await pressKeys(driver, Key.CONTROL, Key.ENTER);
      await waitForView(driver, 'comparison');
      const article = await waitFor(driver, 'article#comparison');
      const id = await article.getAttribute('data-comparison-id');
      assert.match(id, /^wombat-queue-vs-numbat-stream/);
      assert.equal(squash(await (await waitFor(driver, 'article#comparison h1')).getText()), title);
      await waitUntil(async () => (await js(driver, "return document.getElementById('toast').textContent;")) === 'Published', 'the Published toast');
      await js(driver, 'history.back();');
      await waitUntil(async () => (await js(driver, 'return location.hash;')) !== `#/c/${id}`, 'Back to leave the page');
      assert.notEqual(await js(driver, 'return location.hash;'), draftHash, 'Back does not lead into the published draft');

      driver = await app.restart();
      await waitForAnyView(driver);

      // The list, with the Mine filter and the mark.
      await navTo(driver, 'list');
      const mine = await waitFor(driver, '#mine-filter');
      await withTimeout(mine.click(), 30_000, 'tick Mine only');
      const shown = await waitUntil(async () => {
        const cards = await visibleCards(driver);
        return cards.length === 1 && cards;
      }, 'only the learner’s own comparison');
      assert.equal(shown[0].id, id);
      assert.match(shown[0].text, /Mine/, 'the card is marked as the learner’s own');
      assert.match(await js(driver, 'return location.hash;'), /mine=1/, 'the filter is in the address');
      const mineMarks = await js(driver, 'return document.querySelectorAll(".comparison-card .origin-mine").length;');
      assert.equal(mineMarks, 1, 'one card carries the Mine mark');
      await screenshot('own-list-mine');

      // Search.
      await pressKeys(driver, Key.CONTROL, 'k');
      const input = await waitFor(driver, '#palette[open] #palette-input');
      await typeInto(input, 'wombatlog');
      const hit = await waitUntil(
        () => js(driver, "const li = document.querySelector('#palette-results li[aria-selected=\"true\"]'); return li && li.dataset.comparisonId;"),
        'a search hit',
      );
      assert.equal(hit, id, 'search finds a word of the learner’s own comparison');
      await input.sendKeys(Key.ENTER);
      await waitForComparison(driver, id);

      // Review: its cards are in the queue.
      await goTo(driver, `#/review?comparison=${encodeURIComponent(id)}`);
      await waitForView(driver, 'review');
      const from = await waitFor(driver, '.review-card .review-from a');
      assert.equal(squash(await from.getText()), title, 'a card of the learner’s own comparison comes up for review');
    },
    { timeout: 360_000 },
  ),
);

test(
  ...appTest('a draft survives a restart and is listed under Drafts', async (app) => {
    let driver = app.driver;
    await waitForAnyView(driver);
    await pressKeys(driver, Key.CONTROL, 'n');
    await waitForView(driver, 'editor');
    await waitUntil(async () => (await focused(driver)) === 'field-title', 'focus in the title');
    await typeHere(driver, 'Half-written <b>draft</b>');
    await fill(driver, 'summary', 'Still thinking\nabout it.');
    await waitDraftSaved(driver);
    assert.equal(await js(driver, "return document.querySelectorAll('#editor b').length;"), 0, 'typed markup stays text');

    driver = await app.restart();
    await waitForAnyView(driver);
    await goTo(driver, '#/comparisons');
    await waitForView(driver, 'list');
    const entry = await waitFor(driver, '#drafts li');
    const text = squash(await entry.getText());
    assert.match(text, /^Half-written <b>draft<\/b>/, text);
    assert.match(text, /incomplete/, 'the draft is marked incomplete');
    await withTimeout((await entry.findElement(By.css('a'))).click(), 30_000, 'open the draft');
    await waitForView(driver, 'editor');
    assert.equal(await fieldValue(driver, 'title'), 'Half-written <b>draft</b>');
    assert.equal(await fieldValue(driver, 'summary'), 'Still thinking\nabout it.');
    const problems = await js(driver, "return document.getElementById('draft-summary').textContent;");
    assert.match(problems, /problems? blocks? publishing/, problems);
    await js(driver, "document.querySelector('#draft-problems').open = true;");
    assert.deepEqual(await axeViolations(driver), [], 'the editor in the light theme');
    await js(driver, "document.documentElement.dataset.theme = 'dark';");
    assert.deepEqual(await axeViolations(driver), [], 'the editor in the dark theme');
    await screenshot('own-editor-dark');

    // Discarding asks first, then the draft is gone from the list.
    await clickCentered(driver, '#discard-draft');
    const yes = await waitFor(driver, 'dialog.confirm-dialog[open] button[value="yes"]');
    await withTimeout(yes.click(), 30_000, 'confirm Discard');
    await waitForView(driver, 'list');
    await waitFor(driver, '.comparison-link');
    assert.equal(await js(driver, "return document.querySelectorAll('#drafts li').length;"), 0, 'no draft is left');
  }),
);

test(
  ...appTest('a copy is the learner’s own: rewording an item in Edit keeps its note; Archive takes it out of the list', async (app) => {
    const { driver } = app;
    const difference = seed.differences[0];
    const note = 'My note stays with this difference.';
    const reworded = 'Reworded: Lambda runs your code on demand, EC2 is a server you keep.';

    await openComparisonFromDashboard(driver, 'ec2-vs-lambda');
    await clickCentered(driver, '#copy-comparison');
    await waitForView(driver, 'editor');
    await waitFor(driver, '#copied-from');
    await waitUntil(
      async () => (await js(driver, "return document.getElementById('draft-summary').dataset.ready;")) === 'true',
      'the copy to be ready to publish',
    );
    await clickCentered(driver, '#publish-draft');
    await waitForView(driver, 'comparison');
    const id = await (await waitFor(driver, 'article#comparison')).getAttribute('data-comparison-id');
    assert.notEqual(id, 'ec2-vs-lambda', 'the copy is a comparison of its own');
    await waitFor(driver, '#edit-comparison');
    await js(driver, 'window.scrollTo(0, 0);');
    await screenshot('own-comparison-actions');

    await js(driver, 'document.querySelector(arguments[0]).scrollIntoView({ block: "center" });', itemCss('difference', difference.id));
    const editor = await openEditor(driver, 'difference', difference.id, `Note on difference: ${difference.text.slice(0, 40)}`);
    await typeInto(editor, note);
    await waitSaveState(driver, 'difference', difference.id, 'saved');
    await editor.sendKeys(Key.ESCAPE);

    await clickCentered(driver, '#edit-comparison');
    await waitForView(driver, 'editor');
    await waitFor(driver, '#back-to-comparison');
    const field = await clickCentered(driver, '#field-differences-0-text');
    assert.equal(await field.getAttribute('value'), difference.text);
    await field.sendKeys(Key.chord(Key.CONTROL, 'a'));
    await typeInto(field, reworded);
    await waitDraftSaved(driver);
    await clickCentered(driver, '#publish-draft');

    await waitForComparison(driver, id);
    const item = await waitFor(driver, itemCss('difference', difference.id));
    assert.equal(squash(await (await item.findElement(By.css('.item-text'))).getText()), reworded, 'the item reads as reworded');
    assert.equal(squash(await (await notePreview(driver, 'difference', difference.id)).getText()), note, 'the note is still on it');

    await clickCentered(driver, '#archive-comparison');
    const yes = await waitFor(driver, 'dialog.confirm-dialog[open] button[value="yes"]');
    await withTimeout(yes.click(), 30_000, 'confirm Archive');
    await waitForView(driver, 'list');
    await waitUntil(async () => (await visibleCards(driver)).length > 0, 'the list');
    const ids = (await visibleCards(driver)).map((c) => c.id);
    assert.ok(!ids.includes(id), 'the archived comparison left the list');
    assert.ok(ids.includes('ec2-vs-lambda'), 'the original is untouched');
    assert.equal(
      await js(driver, `return document.querySelectorAll('li.comparison-card[data-comparison-id="${cssString(id)}"]').length;`),
      0,
    );
  }, { timeout: 240_000 }),
);

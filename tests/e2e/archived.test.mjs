// Archived notes: a note whose item left the library (retired in an update,
// or an id the library never had) is reachable from the dashboard, shown with
// its place, and can be read back, copied out, and deleted undoably, all from
// the keyboard.
//
// The app offers no way to retire an item from the UI (only a content update
// does that), so the test writes two notes through the UI, closes the app,
// and changes the database as an update would have: one item marked retired,
// and one note moved to an item id the library lacks (as a notes import from
// another library leaves it). The sqlite3 command-line tool does it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

import {
  Key,
  appTest,
  contentComparison,
  dataDirOf,
  js,
  launchApp,
  navTo,
  openComparisonFromDashboard,
  openEditor,
  pressKeys,
  quitApp,
  screenshot,
  squash,
  typeInto,
  waitFor,
  waitForView,
  waitSaveState,
  waitUntil,
} from './lib.mjs';

const seed = contentComparison('ec2-vs-lambda');
const tradeoff = seed.tradeoffs.find((t) => t.id === 'flexibility-vs-ops');
const mistake = seed.mistakes.find((m) => m.id === 'lambda-for-long-jobs');
const GONE_ITEM = 'removed-long-ago';

const focusedId = (driver) => js(driver, 'return document.activeElement && document.activeElement.id;');
const noteCount = (driver) => js(driver, 'return document.querySelectorAll("li.archived-note").length;');
const statusText = async (driver) => squash(await (await waitFor(driver, '#archived-status')).getText());

/** Focuses the button `action` of the archived note on `itemId` and presses Enter on it. */
async function pressAction(driver, itemId, action) {
  const css = `li.archived-note[data-key$="/${itemId}"] button[data-action="${action}"]`;
  await waitFor(driver, css);
  await js(driver, 'document.querySelector(arguments[0]).focus();', css);
  await pressKeys(driver, Key.ENTER);
}

test(
  ...appTest('notes on a retired item and on an unknown item are listed, copied, and deleted undoably', async (app) => {
    await openComparisonFromDashboard(app.driver, 'ec2-vs-lambda');
    const first = await openEditor(app.driver, 'tradeoff', tradeoff.id, 'Note on tradeoff:');
    await typeInto(first, 'The **ops bill** of EC2 flexibility.');
    await waitSaveState(app.driver, 'tradeoff', tradeoff.id, 'saved');
    await pressKeys(app.driver, Key.ESCAPE);
    const second = await openEditor(app.driver, 'mistake', mistake.id, 'Note on mistake:');
    await typeInto(second, 'Long jobs go to Batch.');
    await waitSaveState(app.driver, 'mistake', mistake.id, 'saved');
    await pressKeys(app.driver, Key.ESCAPE);

    await navTo(app.driver, 'dashboard');
    assert.equal(await js(app.driver, 'return document.querySelectorAll("#archived-notes-link").length;'), 0,
      'no link while nothing is archived');

    const dataDir = dataDirOf(app.driver);
    await quitApp(app.driver);
    execFileSync('sqlite3', [path.join(dataDir, 'versus.db'), `
      UPDATE item SET retired = 1 WHERE comparison_id = 'ec2-vs-lambda' AND section = 'tradeoff' AND item_id = '${tradeoff.id}';
      UPDATE note SET item_id = '${GONE_ITEM}' WHERE comparison_id = 'ec2-vs-lambda' AND section = 'mistake' AND item_id = '${mistake.id}';
    `]);
    app.driver = await launchApp(dataDir);
    const driver = app.driver;

    await navTo(driver, 'dashboard');
    const link = await waitFor(driver, '#archived-notes-link');
    assert.equal(squash(await link.getText()), '2 archived notes');
    await js(driver, 'document.getElementById("archived-notes-link").focus();');
    await pressKeys(driver, Key.ENTER);
    await waitForView(driver, 'archived');
    assert.equal(await noteCount(driver), 2);

    const retired = squash(await (await waitFor(driver, `li.archived-note[data-key$="/${tradeoff.id}"]`)).getText());
    assert.ok(retired.includes('EC2 vs Lambda'), retired);
    assert.ok(retired.includes(squash(tradeoff.text)), `the retired item's last text is shown: ${retired}`);
    assert.ok(retired.includes('The ops bill of EC2 flexibility.'), retired);
    const bold = await js(driver, `return document.querySelector('li.archived-note[data-key$="/${tradeoff.id}"] .note-preview strong')?.textContent;`);
    assert.equal(bold, 'ops bill', 'the note is rendered from its Markdown');
    const orphan = squash(await (await waitFor(driver, `li.archived-note[data-key$="/${GONE_ITEM}"]`)).getText());
    assert.ok(orphan.includes(GONE_ITEM) && /not in the library/.test(orphan), orphan);
    assert.ok(orphan.includes('Long jobs go to Batch.'), orphan);
    await screenshot('archived-notes');

    // History opens on Enter and Esc closes it, focus going back to its button.
    await pressAction(driver, GONE_ITEM, 'history');
    await waitFor(driver, 'dialog.history-dialog[open]');
    await pressKeys(driver, Key.ESCAPE);
    await waitUntil(async () => (await js(driver, 'return document.querySelectorAll("dialog.history-dialog").length;')) === 0,
      'the history dialog to close on Esc');
    assert.equal(await js(driver, 'return document.activeElement.dataset.action;'), 'history');

    await pressAction(driver, tradeoff.id, 'copy');
    await waitUntil(async () => /^Copied the note on tradeoff of EC2 vs Lambda as Markdown\.$/.test(await statusText(driver)),
      'the copy to be confirmed');

    // Esc on the confirmation deletes nothing.
    await pressAction(driver, GONE_ITEM, 'delete');
    await waitFor(driver, '#confirm-delete[open]');
    await pressKeys(driver, Key.ESCAPE);
    await waitUntil(async () => !(await js(driver, 'return document.getElementById("confirm-delete").open;')), 'the confirmation to close');
    assert.equal(await noteCount(driver), 2, 'Esc deletes nothing');

    // Tab from Cancel to Delete, Enter: deleted; Undo has focus and brings it back.
    await pressAction(driver, GONE_ITEM, 'delete');
    await waitFor(driver, '#confirm-delete[open]');
    await pressKeys(driver, Key.TAB);
    assert.equal(await focusedId(driver), 'confirm-delete-yes');
    await pressKeys(driver, Key.ENTER);
    await waitUntil(async () => (await noteCount(driver)) === 1, 'the note to be deleted');
    assert.match(await statusText(driver), /^Deleted the note on mistake of EC2 vs Lambda\. Undo$/);
    await waitUntil(async () => (await focusedId(driver)) === 'archived-undo', 'Undo to have focus');
    await pressKeys(driver, Key.ENTER);
    await waitUntil(async () => (await noteCount(driver)) === 2, 'the undo to bring the note back');

    // Deleted for good this time; its text is still in its history.
    await pressAction(driver, GONE_ITEM, 'delete');
    await waitFor(driver, '#confirm-delete[open]');
    await pressKeys(driver, Key.TAB);
    await pressKeys(driver, Key.ENTER);
    await waitUntil(async () => (await noteCount(driver)) === 1, 'the note to be deleted again');
    const history = execFileSync('sqlite3', [path.join(dataDir, 'versus.db'),
      `SELECT body FROM note_version WHERE item_id = '${GONE_ITEM}' ORDER BY id DESC LIMIT 1;`]).toString().trim();
    assert.equal(history, 'Long jobs go to Batch.', 'the deleted note is kept in its history');

    await navTo(driver, 'dashboard');
    assert.equal(squash(await (await waitFor(driver, '#archived-notes-link')).getText()), '1 archived note');
  }),
);

test(
  ...appTest('with no archived notes the view says so', async ({ driver }) => {
    await navTo(driver, 'dashboard');
    await js(driver, 'window.location.hash = "#/archived";');
    await waitForView(driver, 'archived');
    const empty = squash(await (await waitFor(driver, '#archived-empty')).getText());
    assert.match(empty, /^No archived notes\./);
  }),
);

// What a learner trips over in the first week: "Another comparison" starts a
// new drill on a comparison not drilled lately; a restore says everything it
// rolls back; the first backup comes with the first note; a restart brings
// back the place in the page, not only the page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { appTest, contentComparison, dataDirOf, goTo, js, Key, navTo, onlyFlipCards, openComparisonFromDashboard, openEditor, pressKeys, screenshot, squash, typeInto, waitFor, waitForComparison, waitForView, waitSaveState, waitUntil } from './lib.mjs';

const drillOnScreen = (driver) =>
  js(
    driver,
    `const v = document.querySelector('main#view');
     const d = document.querySelector('#drill');
     return v.dataset.view === 'drill' && v.dataset.ready === 'true' && d
       ? { id: d.dataset.comparisonId, question: d.querySelector('h1').textContent, timer: document.querySelector('#drill-timer').textContent, hash: location.hash }
       : null;`,
  );

/** Seconds left on the drill's clock ("1:52" -> 112). */
const secondsLeft = (timer) => {
  const [m, s] = timer.trim().split(':').map(Number);
  return m * 60 + s;
};

test(
  ...appTest('"Another comparison" starts a new drill, and a drill is never one of the last five drilled', async ({ driver }) => {
    // The address the top bar's Drill link opens: "Another comparison" used
    // to lead to this same address, so nothing happened.
    await goTo(driver, '#/drill');
    await waitForView(driver, 'drill');
    await typeInto(await waitFor(driver, '#drill-answer'), 'half an answer');
    // Long enough for the clock to have moved, so a reset shows.
    await waitUntil(async () => secondsLeft((await drillOnScreen(driver)).timer) <= 116, 'the clock to run');
    const first = await drillOnScreen(driver);

    await (await waitFor(driver, '#drill-another')).click();
    const next = await waitUntil(async () => {
      const now = await drillOnScreen(driver);
      return now && now.id !== first.id ? now : null;
    }, 'a drill of another comparison');
    assert.notEqual(next.question, first.question, 'a new question');
    assert.ok(secondsLeft(next.timer) >= 118, `the clock starts again (${next.timer})`);
    assert.equal(await js(driver, "return document.querySelector('#drill-answer').value;"), '', 'an empty answer box');
    await screenshot('drill-another');

    // The half answer left behind was handed in, so it counts as drilled.
    const drilled = [first.id];
    let current = next;
    for (let round = 0; round < 6; round++) {
      drilled.unshift(current.id);
      await typeInto(await waitFor(driver, '#drill-answer'), `answer ${round}`);
      await pressKeys(driver, Key.CONTROL, Key.ENTER);
      await waitFor(driver, '.drill-compare');
      await (await waitFor(driver, '#drill-history-link')).click();
      await waitForView(driver, 'drills');
      const start = await waitFor(driver, '#drills a[href="#/drill"]');
      // Out from under the sticky top bar, where a person would see it.
      await js(driver, "arguments[0].scrollIntoView({ block: 'center' });", start);
      await start.click();
      current = await waitUntil(drillOnScreen.bind(null, driver), 'a drill started from Past drills');
      const lastFive = [...new Set(drilled)].slice(0, 5);
      assert.ok(!lastFive.includes(current.id), `round ${round}: ${current.id} is one of the last drilled ${lastFive.join(', ')}`);
    }
  }),
);

const seed = contentComparison('ec2-vs-lambda');

async function writeNote(driver, section, itemId, label, text) {
  await openComparisonFromDashboard(driver, 'ec2-vs-lambda');
  const editor = await openEditor(driver, section, itemId, label);
  await typeInto(editor, text);
  await waitSaveState(driver, section, itemId, 'saved');
  await editor.sendKeys(Key.ESCAPE);
}

const backupFiles = (dataDir) => {
  try {
    return fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => f.endsWith('.db'));
  } catch {
    return [];
  }
};

test(
  ...appTest('the first note brings the first backup, and a restore names everything it rolls back', async ({ driver }) => {
    const dataDir = dataDirOf(driver);
    await navTo(driver, 'backups');
    const empty = squash(await (await waitFor(driver, '#backup-list .empty')).getText());
    assert.match(empty, /first note/, empty);
    assert.deepEqual(backupFiles(dataDir), [], 'a new data folder has no backup yet');

    const tradeoff = seed.tradeoffs[0];
    await writeNote(driver, 'tradeoff', tradeoff.id, `Note on tradeoff: ${tradeoff.text.slice(0, 30)}`, 'Kept before the backup.');
    await waitUntil(() => backupFiles(dataDir).length > 0, 'the first backup, soon after the first note', 20_000);

    // Before the backup, so that the restore rolls back one graded card, not these suspensions.
    await onlyFlipCards(driver);
    await navTo(driver, 'backups');
    await (await waitFor(driver, '#backup-now')).click();
    await waitFor(driver, '#backup-list tr[data-backup$="-manual.db"]');

    // Since the backup: a note, a review and a drill.
    const mistake = seed.mistakes[0];
    await writeNote(driver, 'mistake', mistake.id, `Note on mistake: ${mistake.text.slice(0, 30)}`, 'Written after the backup.');
    await goTo(driver, '#/review');
    await waitForView(driver, 'review');
    await pressKeys(driver, Key.SPACE);
    await waitFor(driver, '#review-answer');
    const left = await js(driver, "return Number(document.querySelector('#review-remaining').dataset.count);");
    await pressKeys(driver, '3');
    await waitUntil(
      async () => (await js(driver, "return Number(document.querySelector('#review-remaining').dataset.count);")) === left - 1,
      'the review to be kept',
    );
    await goTo(driver, '#/drill?comparison=sqs-vs-sns-vs-eventbridge');
    await waitForView(driver, 'drill');
    await typeInto(await waitFor(driver, '#drill-answer'), 'SQS queues, SNS fans out.');
    await (await waitFor(driver, '#drill-submit')).click();
    await waitFor(driver, '.drill-compare');

    await navTo(driver, 'backups');
    await (await waitFor(driver, '#backup-list tr[data-backup$="-manual.db"] button.restore')).click();
    const dialog = await waitFor(driver, '#confirm-restore[open]');
    const text = squash(await (await waitFor(driver, '#confirm-text')).getText());
    await screenshot('restore-confirmation');
    assert.match(text, /1 note written since then will be removed/, text);
    assert.match(text, /1 review made since then will be removed/, text);
    assert.match(text, /1 drill handed in since then will be removed/, text);
    assert.match(text, /1 card goes back to the schedule it had then/, text);
    assert.match(text, /\(1 note\)/, text);
    await (await dialog.findElement({ css: 'button[value="cancel"]' })).click();
    await waitUntil(async () => !(await js(driver, "return document.querySelector('#confirm-restore').open;")), 'the dialog to close');
  }),
);

test(
  ...appTest('a restart brings back the page scrolled where it was', async (app) => {
    await openComparisonFromDashboard(app.driver, 'ec2-vs-lambda');
    const room = await js(app.driver, 'return document.documentElement.scrollHeight - window.innerHeight;');
    assert.ok(room > 400, `the page is long enough to scroll (${room}px)`);
    const target = Math.min(900, room);
    await js(app.driver, 'window.scrollTo(0, arguments[0]);', target);
    const scrolled = await js(app.driver, 'return Math.round(window.scrollY);');
    // What the window does when the learner switches away or closes it.
    await js(app.driver, "window.dispatchEvent(new Event('blur'));");
    const prefsFile = path.join(dataDirOf(app.driver), 'preferences.json');
    await waitUntil(() => {
      try {
        const place = JSON.parse(fs.readFileSync(prefsFile, 'utf8')).lastPlace;
        return place?.route === '#/c/ec2-vs-lambda' && place.scrollY === scrolled;
      } catch {
        return false;
      }
    }, 'the place to be saved with the route');

    const driver = await app.restart();
    await waitForComparison(driver, 'ec2-vs-lambda');
    await waitUntil(
      async () => Math.abs((await js(driver, 'return window.scrollY;')) - scrolled) <= 2,
      `the page scrolled back to ${scrolled}px`,
    );
  }),
);

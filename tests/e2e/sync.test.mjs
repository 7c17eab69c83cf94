// Sync through a folder: two app instances, each on its own data folder, share
// one VERSUS_SYNC_DIR. A note written in one appears in the other without a
// restart; two computers that edit one note end on one text with the other in
// its history on both; a folder that is gone pauses sync with a message and
// the app works as before.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import {
  contentComparison,
  dataDirOf,
  freshDataDir,
  goTo,
  itemCss,
  js,
  launchApp,
  notePreview,
  openEditor,
  quitApp,
  screenshot,
  sleep,
  squash,
  typeInto,
  waitFor,
  waitForComparison,
  waitForAnyView,
  waitSaveState,
  waitUntil,
} from './lib.mjs';

const seed = contentComparison('ec2-vs-lambda');
const tradeoff = seed.tradeoffs.find((t) => t.id === 'flexibility-vs-ops');
const mistake = seed.mistakes.find((m) => m.id === 'lambda-for-long-jobs');
const tradeoffLabel = `Note on tradeoff: ${tradeoff.text.slice(0, 40)}`;
const mistakeLabel = `Note on mistake: ${mistake.text.slice(0, 40)}`;
// A sync runs 2 s after a change and as soon as the other's batch lands; the
// timer catches anything a watcher missed within a minute.
const SYNC_WAIT_MS = 45_000;

function syncFolder() {
  const base = process.env.VERSUS_E2E_TMP || os.tmpdir();
  fs.mkdirSync(base, { recursive: true });
  return fs.mkdtempSync(path.join(base, 'sync-folder-'));
}

async function openEc2VsLambda(driver) {
  await waitForAnyView(driver);
  await goTo(driver, '#/c/ec2-vs-lambda');
  await waitForComparison(driver, 'ec2-vs-lambda');
}

const previewText = async (driver, section, itemId) => squash(await (await notePreview(driver, section, itemId)).getText());

test('a note written on one computer appears on the other without a restart, and two edits of one note both stay', { timeout: 240_000 }, async () => {
  const folder = syncFolder();
  const env = { VERSUS_SYNC_DIR: folder };
  let laptop = null;
  let desktop = null;
  try {
    [laptop, desktop] = await Promise.all([launchApp(freshDataDir(), { env }), launchApp(freshDataDir(), { env })]);
    await openEc2VsLambda(desktop);
    await openEc2VsLambda(laptop);

    const text = 'Written on the laptop: patching is the hidden cost of EC2.';
    await typeInto(await openEditor(laptop, 'tradeoff', tradeoff.id, tradeoffLabel), text);
    await waitSaveState(laptop, 'tradeoff', tradeoff.id, 'saved');

    await waitUntil(
      async () => (await previewText(desktop, 'tradeoff', tradeoff.id)) === text,
      'the laptop\'s note to show on the desktop\'s open page',
      SYNC_WAIT_MS,
    );
    assert.equal(await js(desktop, 'return location.hash;'), '#/c/ec2-vs-lambda', 'the desktop never left the page');

    // Both write one note before either has synced it: both end on the same
    // text, and the other text is in the note's history on both.
    await typeInto(await openEditor(desktop, 'mistake', mistake.id, mistakeLabel), 'From the desktop');
    await typeInto(await openEditor(laptop, 'mistake', mistake.id, mistakeLabel), 'From the laptop');
    await Promise.all([waitSaveState(desktop, 'mistake', mistake.id, 'saved'), waitSaveState(laptop, 'mistake', mistake.id, 'saved')]);
    const agreed = await waitUntil(
      async () => {
        const [a, b] = await Promise.all([previewText(laptop, 'mistake', mistake.id), previewText(desktop, 'mistake', mistake.id)]);
        return a === b && a;
      },
      'both computers to show one text for the note',
      SYNC_WAIT_MS,
    );
    const other = agreed === 'From the laptop' ? 'From the desktop' : 'From the laptop';
    for (const driver of [laptop, desktop]) {
      await (await waitFor(driver, `${itemCss('mistake', mistake.id)} .history-button`)).click();
      const versions = await waitUntil(
        () => js(driver, 'return document.querySelector("dialog.history-dialog .versions, dialog.history-dialog .empty")?.textContent;'),
        'the note\'s history to show',
      );
      assert.match(versions, new RegExp(other), `the other text is in the history (${agreed} is current)`);
      await js(driver, 'document.querySelector("dialog.history-dialog").close();');
    }

    // Settings shows the folder, the other computer and the last sync.
    await goTo(desktop, '#/settings');
    const state = await waitFor(desktop, '#sync-state');
    await waitUntil(async () => /Last synced/.test(await state.getText()), 'a last sync in Settings', SYNC_WAIT_MS);
    assert.match(await (await waitFor(desktop, '#sync-folder')).getText(), /set by VERSUS_SYNC_DIR/);
    assert.match(await (await waitFor(desktop, '#sync-details')).getText(), /1 other computer seen/);
    assert.equal(await js(desktop, 'return document.querySelector("#sync-choose").disabled;'), true, 'a managed folder is not chosen here');
    assert.equal(await (await waitFor(desktop, '#sync-indicator')).getText(), 'Synced', 'the top bar says so too');
  } finally {
    await Promise.all([quitApp(laptop), quitApp(desktop)]);
  }
});

test('a note saved as the app closes reaches the other computer at its next start', { timeout: 180_000 }, async () => {
  const env = { VERSUS_SYNC_DIR: syncFolder() };
  let driver = await launchApp(freshDataDir(), { env });
  try {
    await openEc2VsLambda(driver);
    const text = 'Saved a moment before closing.';
    await typeInto(await openEditor(driver, 'tradeoff', tradeoff.id, tradeoffLabel), text);
    await waitSaveState(driver, 'tradeoff', tradeoff.id, 'saved');
    // Closed at once, as the window's close button does, before the sync
    // that follows a change would run.
    await js(driver, 'window.__TAURI__.core.invoke("close_window"); return true;').catch(() => {});
    await waitUntil(() => !fs.existsSync(path.join(dataDirOf(driver), 'versus.db-wal')) || sleep(500).then(() => false), 'the app to exit', 10_000).catch(() => {});
    await quitApp(driver);
    driver = await launchApp(freshDataDir(), { env });
    await openEc2VsLambda(driver);
    await waitUntil(async () => (await previewText(driver, 'tradeoff', tradeoff.id)) === text, 'the note on the other computer', SYNC_WAIT_MS);
  } finally {
    await quitApp(driver);
  }
});

test('a sync folder that is gone pauses sync with a message, and notes save as before', { timeout: 180_000 }, async () => {
  const gone = path.join(syncFolder(), 'unplugged-disk');
  const driver = await launchApp(freshDataDir(), { env: { VERSUS_SYNC_DIR: gone } });
  try {
    await openEc2VsLambda(driver);
    await typeInto(await openEditor(driver, 'tradeoff', tradeoff.id, tradeoffLabel), 'Written while the disk is out.');
    await waitSaveState(driver, 'tradeoff', tradeoff.id, 'saved');
    await goTo(driver, '#/settings');
    const state = await waitFor(driver, '#sync-state');
    await waitUntil(async () => (await state.getAttribute('data-phase')) === 'paused', 'sync to pause', SYNC_WAIT_MS);
    assert.match(await state.getText(), /Paused: .*unplugged-disk/);
    assert.equal(await (await waitFor(driver, '#sync-indicator')).getText(), 'Sync paused');
    // At 900 px the word shrinks to its dot, on the top bar's one row.
    await driver.manage().window().setRect({ x: 0, y: 0, width: 900, height: 640 });
    await waitUntil(async () => (await js(driver, 'return window.innerWidth;')) <= 900, 'the window to be 900 px wide');
    const inRow = await js(
      driver,
      `const a = document.querySelector('#sync-indicator').getBoundingClientRect();
       const b = document.querySelector('#search-button').getBoundingClientRect();
       return a.width > 0 && a.right <= document.documentElement.clientWidth
         && Math.abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) < 8;`,
    );
    assert.equal(inRow, true, 'the word on sync fits the top bar at 900 px');
    const details = await (await waitFor(driver, '#sync-details')).getText();
    assert.match(details, /Nothing is lost/);
    assert.match(details, /1 note changed here, not yet sent/);
    assert.equal(fs.existsSync(gone), false, 'Versus never makes the folder of a disk that is out');
    await js(driver, 'document.querySelector("#sync-panel").scrollIntoView();');
    await screenshot('sync-paused');
  } finally {
    await quitApp(driver);
  }
});

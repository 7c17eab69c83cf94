// Screenshots of the main views, light and dark, in target/e2e-screenshots/:
// at full size and at the window's minimum width (900 px) with large text,
// where crowding shows first.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

import {
  Key,
  WINDOW,
  appTest,
  choose,
  contentComparison,
  currentTheme,
  goTo,
  js,
  navTo,
  notePreview,
  openComparisonFromDashboard,
  openEditor,
  pressKeys,
  typeInto,
  screenshot,
  waitFor,
  waitForAnyView,
  waitForView,
  waitSaveState,
  waitUntil,
  withTimeout,
} from './lib.mjs';

const TABLE_NOTE = '| | EC2 | Lambda |\n| --- | --- | --- |\n| Billing | per second | per call |\n| Longest run | none | 15 min |';

async function shoot(name) {
  const file = await screenshot(name);
  assert.ok(fs.statSync(file).size > 10_000, `${name}.png holds a picture`);
}

async function setTheme(driver, theme) {
  await navTo(driver, 'settings');
  await choose(driver, 'select#theme-select', theme);
  await waitUntil(async () => (await currentTheme(driver)) === theme, `the ${theme} theme to apply`);
}

async function setTextSize(driver, size) {
  await navTo(driver, 'settings');
  await choose(driver, 'select#text-size', size);
  await waitUntil(async () => (await js(driver, 'return document.documentElement.dataset.textSize;')) === size, `text size ${size}`);
}

async function resize(driver, width, height) {
  await withTimeout(driver.manage().window().setRect({ x: 0, y: 0, width, height }), 5000, 'resize');
  await waitUntil(async () => (await js(driver, 'return window.innerWidth;')) <= width, `the window to be ${width} px wide`);
}

/** A note holding a Markdown table, and a backup to restore: what the shots show. */
async function prepare(driver) {
  const tradeoff = contentComparison('ec2-vs-lambda').tradeoffs[0];
  await openComparisonFromDashboard(driver, 'ec2-vs-lambda');
  const editor = await openEditor(driver, 'tradeoff', tradeoff.id, `Note on tradeoff: ${tradeoff.text.slice(0, 40)}`);
  await typeInto(editor, TABLE_NOTE);
  await waitSaveState(driver, 'tradeoff', tradeoff.id, 'saved');
  await navTo(driver, 'backups');
  await (await waitFor(driver, '#backup-now')).click();
  await waitFor(driver, '#backup-list tr[data-backup]');
  // The "Backup written." toast would otherwise sit over the first shots.
  await waitUntil(async () => !(await js(driver, "return document.querySelector('#toast').classList.contains('show');")), 'the toast to go');
  return tradeoff;
}

/** The five scenes, each saved as `<scene>-<suffix>.png`. */
async function shootScenes(driver, tradeoff, suffix) {
  await navTo(driver, 'dashboard');
  await shoot(`dashboard-${suffix}`);

  await openComparisonFromDashboard(driver, 'ec2-vs-lambda');
  const preview = await notePreview(driver, 'tradeoff', tradeoff.id);
  await js(driver, "arguments[0].closest('.item').scrollIntoView({ block: 'center' });", preview);
  await shoot(`comparison-table-${suffix}`);

  await goTo(driver, '#/review');
  await waitForView(driver, 'review');
  await waitFor(driver, '.review-card');
  await pressKeys(driver, Key.SPACE);
  await waitFor(driver, '#review-answer');
  await shoot(`review-answer-${suffix}`);

  await goTo(driver, '#/drill?comparison=ec2-vs-lambda');
  await waitForView(driver, 'drill');
  await typeInto(await waitFor(driver, '#drill-answer'), 'EC2: a server I run and patch.\nLambda: functions on demand, billed per call, 15 minutes at most.');
  await (await waitFor(driver, '#drill-submit')).click();
  await waitFor(driver, '.drill-compare');
  await shoot(`drill-handed-in-${suffix}`);

  await navTo(driver, 'backups');
  await (await waitFor(driver, '#backup-list button.restore')).click();
  await waitFor(driver, 'dialog#confirm-restore[open]');
  await shoot(`restore-confirm-${suffix}`);
  await pressKeys(driver, Key.ESCAPE);
  await waitUntil(async () => !(await js(driver, "return document.querySelector('#confirm-restore').open;")), 'the dialog to close');
}

test(
  ...appTest('screenshots at full size: dashboard, list, comparisons, review, drill, restore, light and dark', async ({ driver }) => {
    await waitForAnyView(driver);
    await resize(driver, WINDOW.width, WINDOW.height);
    const tradeoff = await prepare(driver);
    for (const theme of ['light', 'dark']) {
      await setTheme(driver, theme);
      await shootScenes(driver, tradeoff, theme);
      await navTo(driver, 'list');
      await waitFor(driver, 'li.comparison-card');
      await shoot(`list-${theme}`);
    }
  }),
);

test(
  ...appTest('screenshots at 900 px with large text: dashboard, comparison, review, drill, restore, light and dark', async ({ driver }) => {
    await waitForAnyView(driver);
    await resize(driver, 900, 675);
    await setTextSize(driver, 'large');
    const tradeoff = await prepare(driver);
    for (const theme of ['light', 'dark']) {
      await setTheme(driver, theme);
      await shootScenes(driver, tradeoff, `${theme}-900-large`);
    }
  }),
);

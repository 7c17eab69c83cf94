// Layout at the window's minimum width (900 px, tauri.conf.json) and at full
// size: the top bar in one row with its Ctrl K hint, note tables with rules
// between cells, side-by-side panels level, and a handed-in drill shown from
// the learner's answer and the tip.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  WINDOW,
  appTest,
  choose,
  contentComparison,
  goTo,
  js,
  navTo,
  notePreview,
  openComparisonFromDashboard,
  openEditor,
  typeInto,
  waitFor,
  waitForView,
  waitSaveState,
  waitUntil,
  withTimeout,
} from './lib.mjs';

// Every top-bar control that sticks out of the viewport, as "text: left-right".
const OFF_SCREEN = `
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('.topbar a, .topbar button')]
    .filter((el) => !el.hidden)
    .map((el) => ({ name: el.textContent.trim() || el.getAttribute('aria-label'), box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.width === 0 || box.left < 0 || box.right > width)
    .map(({ name, box }) => name + ': ' + Math.round(box.left) + '-' + Math.round(box.right));`;

// Top-bar controls that start below the bottom of the first one: a second row.
// (Hidden ones, such as the word on sync while sync is off, take no room.)
const SECOND_ROW = `
  const controls = [...document.querySelectorAll('.topbar a, .topbar button')].filter((el) => !el.hidden);
  const firstBottom = controls[0].getBoundingClientRect().bottom;
  return controls
    .filter((el) => el.getBoundingClientRect().top >= firstBottom)
    .map((el) => el.textContent.trim() || el.getAttribute('aria-label'));`;

// The Ctrl K hint's keys, when each is painted inside the viewport.
const HINT_SHOWN = `
  const width = document.documentElement.clientWidth;
  const keys = [...document.querySelectorAll('#search-button kbd')];
  return keys.length === 2 && keys.every((k) => { const b = k.getBoundingClientRect(); return b.width > 0 && b.left >= 0 && b.right <= width; });`;

// The tops of a grid's first two panels, in px.
const PANEL_TOPS = `
  return [...document.querySelectorAll(arguments[0] + ' > .panel')].slice(0, 2).map((p) => p.getBoundingClientRect().top);`;

// An element's box against the viewport below the sticky top bar.
const IN_VIEW = `
  const box = document.querySelector(arguments[0]).getBoundingClientRect();
  const barBottom = document.querySelector('.topbar').getBoundingClientRect().bottom;
  return { top: Math.round(box.top), barBottom: Math.round(barBottom), height: window.innerHeight };`;

async function resize(driver, width, height) {
  await withTimeout(driver.manage().window().setRect({ x: 0, y: 0, width, height }), 5000, 'resize');
  await waitUntil(async () => (await js(driver, 'return window.innerWidth;')) <= width, `the window to be ${width} px wide`);
}

async function textSize(driver, size) {
  await navTo(driver, 'settings');
  await choose(driver, 'select#text-size', size);
  await waitUntil(async () => (await js(driver, 'return document.documentElement.dataset.textSize;')) === size, `text size ${size}`);
}

/** Hands in a drill of ec2-vs-lambda with an answer long enough to push the grades below the fold. */
async function handInDrill(driver) {
  await goTo(driver, '#/drill?comparison=ec2-vs-lambda');
  await waitForView(driver, 'drill');
  const box = await waitFor(driver, '#drill-answer');
  await typeInto(box, 'EC2 gives full control of the machine.\nLambda runs functions on demand.\nCold starts, limits, and cost per call.');
  await (await waitFor(driver, '#drill-submit')).click();
  await waitFor(driver, '.drill-compare');
}

async function assertDrillResultInView(driver, where) {
  for (const css of ['#yours', '#tip']) {
    const { top, barBottom, height } = await js(driver, IN_VIEW, css);
    assert.ok(top >= barBottom - 1 && top < height - 20, `${where}: ${css} is in view below the top bar (top ${top}, bar ${barBottom}, viewport ${height})`);
  }
}

async function assertLevel(driver, grid, where) {
  const tops = await js(driver, PANEL_TOPS, grid);
  assert.equal(tops.length, 2, `${where}: ${grid} holds two panels`);
  assert.ok(Math.abs(tops[0] - tops[1]) <= 2, `${where}: the panels of ${grid} are level (${tops.join(' vs ')})`);
}

test(
  ...appTest('at 900 px wide the top bar is one row with every control and the Ctrl K hint, at each text size', async (app) => {
    const { driver } = app;
    await resize(driver, 900, 640);
    for (const size of ['small', 'medium', 'large']) {
      await textSize(driver, size);
      assert.deepEqual(await js(driver, OFF_SCREEN), [], `nothing cut off at text size ${size}`);
      assert.deepEqual(await js(driver, SECOND_ROW), [], `one row at text size ${size}`);
      assert.equal(await js(driver, HINT_SHOWN), true, `the Ctrl K hint shows at text size ${size}`);
    }
    // Large text at 900 px: the drill's answer and tip stay in view after handing in.
    await handInDrill(driver);
    await assertDrillResultInView(driver, '900 px, large text');
    await assertLevel(driver, '.drill-compare', '900 px, large text');
  }),
);

test(
  ...appTest('a note table has rules between cells; side-by-side panels are level; a handed-in drill shows the answer and the tip', async ({ driver }) => {
    await resize(driver, WINDOW.width, WINDOW.height);
    const tradeoff = contentComparison('ec2-vs-lambda').tradeoffs[0];
    await openComparisonFromDashboard(driver, 'ec2-vs-lambda');
    const editor = await openEditor(driver, 'tradeoff', tradeoff.id, `Note on tradeoff: ${tradeoff.text.slice(0, 40)}`);
    await typeInto(editor, '| | EC2 | Lambda |\n| --- | --- | --- |\n| Billing | per second | per call |\n| Limits | none | 15 min |');
    await waitSaveState(driver, 'tradeoff', tradeoff.id, 'saved');
    await openComparisonFromDashboard(driver, 'ec2-vs-lambda');
    await notePreview(driver, 'tradeoff', tradeoff.id);
    const cells = await js(
      driver,
      `return [...document.querySelectorAll(arguments[0] + ' .note-preview :is(th, td)')].map((c) => {
         const s = getComputedStyle(c);
         return { border: parseFloat(s.borderLeftWidth) > 0 && s.borderLeftStyle !== 'none' && parseFloat(s.borderBottomWidth) > 0, pad: parseFloat(s.paddingLeft) };
       });`,
      `.item[data-section="tradeoff"][data-item-id="${tradeoff.id}"]`,
    );
    assert.equal(cells.length, 9, 'the note renders as a table of 3 by 3 cells');
    for (const cell of cells) {
      assert.ok(cell.border, 'every cell has a border');
      assert.ok(cell.pad >= 4, `every cell has padding (${cell.pad} px)`);
    }

    await navTo(driver, 'dashboard');
    await waitFor(driver, '.dashboard-grid > .panel');
    await assertLevel(driver, '.dashboard-grid', 'full size');

    await handInDrill(driver);
    await assertDrillResultInView(driver, 'full size');
    await assertLevel(driver, '.drill-compare', 'full size');
  }),
);

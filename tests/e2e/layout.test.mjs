// The window's minimum width (900 px, tauri.conf.json) still shows every
// control of the top bar, at every text size.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { appTest, choose, js, navTo, waitUntil, withTimeout } from './lib.mjs';

// Every top-bar control that sticks out of the viewport, as "text: left-right".
const OFF_SCREEN = `
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('.topbar a, .topbar button')]
    .map((el) => ({ name: el.textContent.trim() || el.getAttribute('aria-label'), box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.width === 0 || box.left < 0 || box.right > width)
    .map(({ name, box }) => name + ': ' + Math.round(box.left) + '-' + Math.round(box.right));`;

test(
  ...appTest('at 900 px wide every top-bar control is on screen, at each text size', async (app) => {
    const { driver } = app;
    await withTimeout(driver.manage().window().setRect({ x: 0, y: 0, width: 900, height: 640 }), 5000, 'resize');
    await waitUntil(async () => (await js(driver, 'return window.innerWidth;')) <= 900, 'the window to be 900 px wide');
    for (const size of ['small', 'medium', 'large']) {
      await navTo(driver, 'settings');
      await choose(driver, 'select#text-size', size);
      await waitUntil(async () => (await js(driver, 'return document.documentElement.dataset.textSize;')) === size, `text size ${size}`);
      assert.deepEqual(await js(driver, OFF_SCREEN), [], `nothing cut off at text size ${size}`);
    }
  }),
);

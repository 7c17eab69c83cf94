// The app window opens under the harness and its page is Versus.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { js, launchApp, quitApp, waitUntil } from './lib.mjs';

test('the app window opens and its page title is "Versus"', { timeout: 120_000 }, async (t) => {
  const driver = await launchApp();
  t.after(() => quitApp(driver));
  const title = await waitUntil(() => js(driver, 'return document.title;'), 'a document title');
  assert.equal(title, 'Versus');
});

// The theme chosen in settings is applied, and is still applied after a restart.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { appTest, choose, currentTheme, navTo, sleep, waitFor, waitForAnyView, waitUntil } from './lib.mjs';

test(
  ...appTest('the dark theme chosen in settings survives a restart', async (app) => {
    await waitForAnyView(app.driver);
    await navTo(app.driver, 'settings');
    await choose(app.driver, 'select#theme-select', 'dark');
    await waitUntil(async () => (await currentTheme(app.driver)) === 'dark', 'the dark theme to apply');
    await sleep(500); // a person does not close the app the instant they chose

    const driver = await app.restart();
    await waitForAnyView(driver);
    assert.equal(await currentTheme(driver), 'dark', 'the theme after a restart');
    await navTo(driver, 'settings');
    const select = await waitFor(driver, 'select#theme-select');
    assert.equal(await select.getAttribute('value'), 'dark', 'settings show the dark theme chosen');
  }),
);

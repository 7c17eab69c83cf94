// Settings > Your schedule: on a fresh library the optimizer says how many more answers it needs, and nothing changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { appTest, js, navTo, squash, waitFor, waitUntil } from './lib.mjs';

test(
  ...appTest('Optimize my schedule with too few answers says how many more it needs', async ({ driver }) => {
    await navTo(driver, 'settings');
    const inUse = squash(await (await waitFor(driver, '#schedule-in-use')).getText());
    assert.match(inUse, /the FSRS defaults/);
    await (await waitFor(driver, '#schedule-optimize')).click();
    await waitUntil(async () => /Not fitted:.*400 more to go/.test(await js(driver, "return document.getElementById('schedule-status').textContent;")), 'the optimizer to say what it needs');
    assert.match(squash(await (await waitFor(driver, '#schedule-in-use')).getText()), /the FSRS defaults/, 'nothing changed');
  }),
);

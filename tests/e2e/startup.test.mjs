// Start-up: the page appears only with its first view's data, the view open
// when the app closed comes back first, and views not needed at start-up
// still open (their modules load after the first view).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { appTest, js, navTo, openComparisonFromDashboard, sleep, waitForAnyView, waitForComparison, waitForView } from './lib.mjs';

test(
  ...appTest('the page is shown once, with its first view, and the last view comes back after a restart', async (app) => {
    await waitForAnyView(app.driver);
    assert.equal(await js(app.driver, 'return document.documentElement.classList.contains("booting");'), false, 'the page is shown');
    assert.equal(await js(app.driver, 'return document.getElementById("view").dataset.view;'), 'dashboard', 'a new learner starts on the dashboard');

    // Views whose modules load after the first view open as usual.
    await navTo(app.driver, 'settings');
    await navTo(app.driver, 'backups');
    await openComparisonFromDashboard(app.driver, 'ec2-vs-lambda');
    await sleep(500); // the last route is saved as the view opens; a person does not quit at once

    const driver = await app.restart();
    await waitForAnyView(driver);
    const shown = await js(driver, 'return document.getElementById("view").dataset.view;');
    assert.equal(shown, 'comparison', 'the first view after a restart is the one open at close');
    await waitForComparison(driver, 'ec2-vs-lambda');
    // The dashboard, now not the first view, still opens.
    await navTo(driver, 'dashboard');
    await waitForView(driver, 'dashboard');
  }),
);

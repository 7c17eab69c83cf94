// Screenshots of the main views, light and dark, in target/e2e-screenshots/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

import {
  appTest,
  choose,
  contentComparison,
  currentTheme,
  js,
  navTo,
  openComparisonFromDashboard,
  openEditor,
  typeInto,
  screenshot,
  waitFor,
  waitForAnyView,
  waitSaveState,
  waitUntil,
} from './lib.mjs';

async function shoot(name) {
  const file = await screenshot(name);
  assert.ok(fs.statSync(file).size > 10_000, `${name}.png holds a picture`);
}

async function setTheme(driver, theme) {
  await navTo(driver, 'settings');
  await choose(driver, 'select#theme-select', theme);
  await waitUntil(async () => (await currentTheme(driver)) === theme, `the ${theme} theme to apply`);
}

test(
  ...appTest('screenshots of the dashboard, the list and a comparison, light and dark', async ({ driver }) => {
    const tradeoff = contentComparison('ec2-vs-lambda').tradeoffs[0];
    await waitForAnyView(driver);
    if ((await currentTheme(driver)) !== 'light') await setTheme(driver, 'light');

    await navTo(driver, 'dashboard');
    await shoot('dashboard-light');

    await navTo(driver, 'list');
    await waitFor(driver, 'li.comparison-card');
    await shoot('list-light');

    await openComparisonFromDashboard(driver, 'ec2-vs-lambda');
    const editor = await openEditor(driver, 'tradeoff', tradeoff.id, `Note on tradeoff: ${tradeoff.text.slice(0, 40)}`);
    await typeInto(editor, 'Flexibility costs **operations** work:\n\n- patching\n- scaling policies');
    await waitSaveState(driver, 'tradeoff', tradeoff.id, 'saved');
    await js(driver, "arguments[0].closest('.item').scrollIntoView({ block: 'center' });", editor);
    await shoot('comparison-editor-light');

    await setTheme(driver, 'dark');
    await navTo(driver, 'dashboard');
    await shoot('dashboard-dark');

    await openComparisonFromDashboard(driver, 'ec2-vs-lambda');
    await shoot('comparison-dark');
  }),
);

// The native menu's actions, as the UI receives them: the Rust shell sends a
// `menu` event with the item's id (a person clicks File/View/Help; WebDriver
// cannot reach a GTK menu, so the test sends the same event from the page).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { appTest, currentTheme, dataDirOf, js, sleep, waitForAnyView, waitUntil, waitVisible } from './lib.mjs';

const menu = (driver, id) => js(driver, 'return window.__TAURI__.event.emit("menu", arguments[0]);', id);
const innerWidth = (driver) => js(driver, 'return window.innerWidth;');
const toastText = (driver) => js(driver, 'return document.getElementById("toast").textContent;');

test(
  ...appTest('menu actions: theme, text size, zoom, about, backups', async (app) => {
    const driver = app.driver;
    await waitForAnyView(driver);

    await menu(driver, 'theme:dark');
    await waitUntil(async () => (await currentTheme(driver)) === 'dark', 'View > Theme > Dark to apply');
    await menu(driver, 'text-size:large');
    await waitUntil(
      async () => (await js(driver, 'return document.documentElement.dataset.textSize;')) === 'large',
      'View > Text size > Large to apply',
    );

    // Zoom goes through the webview's zoom API (capability core:webview:allow-set-webview-zoom):
    // zoomed in, the page is laid out in fewer CSS pixels.
    const width = await innerWidth(driver);
    await menu(driver, 'zoom:in');
    await waitUntil(async () => (await innerWidth(driver)) < width - 20, 'View > Zoom in to shrink the CSS viewport');
    await menu(driver, 'zoom:reset');
    await waitUntil(async () => Math.abs((await innerWidth(driver)) - width) <= 1, 'View > Actual size to restore it');
    assert.equal(await toastText(driver), '', 'no menu action failed');

    await menu(driver, 'about');
    const dialog = await waitVisible(driver, 'dialog#about-dialog[open]');
    const text = await dialog.getText();
    assert.match(text, /Versus \d+\.\d+\.\d+/, 'About names the version');
    assert.ok(text.includes(dataDirOf(driver)), `About names the data folder: ${text}`);
    await js(driver, 'document.getElementById("about-dialog").close();');

    await menu(driver, 'backups');
    await waitUntil(async () => (await js(driver, 'return location.hash;')) === '#/backups', 'File > Backups… to open #/backups');

    await sleep(500); // the preferences file is written in the background
    const restarted = await app.restart();
    await waitForAnyView(restarted);
    assert.equal(await currentTheme(restarted), 'dark', 'the theme chosen in the menu after a restart');
    assert.equal(await js(restarted, 'return document.documentElement.dataset.textSize;'), 'large');
  }),
);

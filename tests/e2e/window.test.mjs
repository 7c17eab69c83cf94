// The window never loses the learner's page or text: a link in a note opens
// outside the app, and closing the window right after typing keeps the words.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';

import {
  appTest,
  dataDirOf,
  js,
  launchApp,
  notePreview,
  openComparisonFromDashboard,
  openEditor,
  quitApp,
  sleep,
  squash,
  typeInto,
  waitForComparison,
  waitSaveState,
  waitUntil,
  withTimeout,
  By,
  Key,
  pressKeys,
} from './lib.mjs';

const run = promisify(execFile);

test(
  ...appTest('a link in a note opens outside the app: the page and the open editor stay', async ({ driver }) => {
    await openComparisonFromDashboard(driver, 'ec2-vs-lambda');
    const editor = await openEditor(driver, 'tradeoff', 'flexibility-vs-ops', 'Note on tradeoff');
    await typeInto(editor, 'See [the docs](https://docs.aws.amazon.com/lambda/) and [a file](file:///etc/passwd).');
    await waitSaveState(driver, 'tradeoff', 'flexibility-vs-ops', 'saved');
    const before = await js(driver, 'return location.href;');
    const preview = await notePreview(driver, 'tradeoff', 'flexibility-vs-ops');
    await waitUntil(async () => (await preview.findElements(By.css('a'))).length > 0, 'the link in the preview');
    for (const link of await preview.findElements(By.css('a'))) {
      await link.click();
      await sleep(700); // time for a navigation, were one to start
      assert.equal(await js(driver, 'return location.href;'), before, 'the window stayed on the app page');
    }
    await waitForComparison(driver, 'ec2-vs-lambda');
    assert.match(
      squash(await (await notePreview(driver, 'tradeoff', 'flexibility-vs-ops')).getText()),
      /See the docs and a file/,
      'the note is still on screen',
    );
    // A navigation started by script, not by a click, is refused by the app too.
    await js(driver, 'location.assign("https://example.invalid/"); return true;').catch(() => {});
    await sleep(1000);
    assert.equal(await js(driver, 'return location.href;'), before, 'the window refused to navigate away');
  }),
);

/** Presses Ctrl+Q on the app's window through the X server, as a keyboard does. */
async function pressCtrlQ() {
  const { stdout } = await run('xdotool', ['search', '--onlyvisible', '--name', '^Versus$']);
  const window = stdout.trim().split('\n').filter(Boolean).pop();
  assert.ok(window, 'the app window is on the display');
  await run('xdotool', ['windowfocus', '--sync', window]).catch(() => {});
  await run('xdotool', ['key', '--clearmodifiers', 'ctrl+q']);
}

test(
  ...appTest('closing the window right after typing keeps the last words', async (app) => {
    const words = 'typed just before closing: cold starts matter';
    let driver = app.driver;
    await openComparisonFromDashboard(driver, 'ec2-vs-lambda');
    const editor = await openEditor(driver, 'mistake', 'lambda-for-long-jobs', 'Note on mistake');
    await typeInto(editor, words);
    // Well inside the editor's autosave pause: nothing is saved yet.
    await pressCtrlQ();
    const dataDir = dataDirOf(driver);
    await waitUntil(
      async () => (await withTimeout(js(driver, 'return 1;'), 2000, 'ping').then(() => false, () => true)),
      'the app to close',
      20_000,
    );
    await quitApp(driver);
    driver = app.driver = await launchApp(dataDir);
    await openComparisonFromDashboard(driver, 'ec2-vs-lambda');
    const preview = await notePreview(driver, 'mistake', 'lambda-for-long-jobs');
    assert.equal(squash(await preview.getText()), words, 'the words typed before closing were saved');
    await pressKeys(driver, Key.ESCAPE);
  }),
);

// Notes: written on items, saved, still there after the app restarts; and inert when they hold markup.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  By,
  Key,
  appTest,
  contentComparison,
  js,
  notePreview,
  openComparisonFromDashboard,
  openEditor,
  typeInto,
  pressKeys,
  sleep,
  squash,
  waitForAnyView,
  waitSaveState,
  waitUntil,
  withTimeout,
} from './lib.mjs';

const seed = contentComparison('ec2-vs-lambda');
const tradeoff = seed.tradeoffs.find((t) => t.id === 'flexibility-vs-ops');
const mistake = seed.mistakes.find((m) => m.id === 'lambda-for-long-jobs');

// Waits until the preview of the saved note on an item reads `text`.
const waitPreviewText = (driver, section, itemId, text) =>
  waitUntil(
    async () => squash(await (await notePreview(driver, section, itemId)).getText()) === text,
    `the preview of the note on ${section} ${itemId} to read "${text}"`,
  );

test(
  ...appTest('notes on a tradeoff and a mistake are saved and survive a restart', async (app) => {
    const tradeoffNote = 'Patching and scaling policies are the hidden cost of EC2 flexibility.';
    const mistakeNote = 'Anything near the 15 minute limit belongs on Fargate or Batch instead.';

    await openComparisonFromDashboard(app.driver, 'ec2-vs-lambda');

    const first = await openEditor(app.driver, 'tradeoff', tradeoff.id, `Note on tradeoff: ${tradeoff.text.slice(0, 40)}`);
    assert.ok((await first.getAttribute('aria-label')).startsWith('Note on tradeoff: EC2 offers flexibility and control'));
    await typeInto(first, tradeoffNote);
    await waitSaveState(app.driver, 'tradeoff', tradeoff.id, 'saved');
    await waitPreviewText(app.driver, 'tradeoff', tradeoff.id, tradeoffNote);

    const second = await openEditor(app.driver, 'mistake', mistake.id, `Note on mistake: ${mistake.text.slice(0, 40)}`);
    await typeInto(second, mistakeNote);
    await waitSaveState(app.driver, 'mistake', mistake.id, 'saved');
    await waitPreviewText(app.driver, 'mistake', mistake.id, mistakeNote);

    const driver = await app.restart();
    await waitForAnyView(driver);
    await openComparisonFromDashboard(driver, 'ec2-vs-lambda');

    for (const [section, item, note, label] of [
      ['tradeoff', tradeoff, tradeoffNote, `Note on tradeoff: ${tradeoff.text.slice(0, 40)}`],
      ['mistake', mistake, mistakeNote, `Note on mistake: ${mistake.text.slice(0, 40)}`],
    ]) {
      const preview = await notePreview(driver, section, item.id);
      assert.equal(squash(await preview.getText()), note, `the preview of the note on ${section} ${item.id}`);
      const editor = await openEditor(driver, section, item.id, label);
      assert.equal(await editor.getAttribute('value'), note, `the editor of the note on ${section} ${item.id}`);
      await pressKeys(driver, Key.ESCAPE);
    }
  }),
);

test(
  ...appTest('a note holding HTML and script renders inert, and its markdown renders', async ({ driver }) => {
    const difference = seed.differences[0];
    const body = '<img src=x onerror=alert(1)>\n\n<script>window.__pwned=1</script>\n\n**bold**';

    await openComparisonFromDashboard(driver, 'ec2-vs-lambda');
    const editor = await openEditor(driver, 'difference', difference.id, `Note on difference: ${difference.text.slice(0, 40)}`);
    await typeInto(editor, body);
    await waitSaveState(driver, 'difference', difference.id, 'saved');
    assert.equal(await editor.getAttribute('value'), body, 'the editor holds the note as typed');

    const checkInert = async (when) => {
      const preview = await notePreview(driver, 'difference', difference.id);
      await waitUntil(async () => (await preview.findElements(By.css('strong'))).length > 0, `the bold in the preview (${when})`);
      await sleep(500); // time for an image error handler to have run, were there one
      assert.deepEqual(
        await withTimeout(driver.switchTo().alert().getText().then((text) => `alert open: ${text}`, () => 'no alert'), 10_000, 'alert check'),
        'no alert',
        `no alert (${when})`,
      );
      assert.equal((await preview.findElements(By.css('script'))).length, 0, `no script element in the preview (${when})`);
      assert.equal((await preview.findElements(By.css('[onerror]'))).length, 0, `no onerror attribute in the preview (${when})`);
      const page = await js(
        driver,
        `return {
           pwned: typeof window.__pwned,
           scripts: document.querySelectorAll('#view script').length,
           handlers: document.querySelectorAll('#view [onerror], #view [onload], #view [onclick]').length,
         };`,
      );
      assert.deepEqual(page, { pwned: 'undefined', scripts: 0, handlers: 0 }, `nothing ran (${when})`);
      const bold = await preview.findElement(By.css('strong'));
      assert.equal(squash(await bold.getText()), 'bold', `**bold** renders as <strong> (${when})`);
    };

    await checkInert('editor open');
    await pressKeys(driver, Key.ESCAPE);
    await waitUntil(
      async () => (await js(driver, `return [...document.querySelectorAll('textarea.note-editor')].filter((el) => el.getClientRects().length > 0).length;`)) === 0,
      'Esc to close the editor',
    );
    await checkInert('editor closed');
  }),
);

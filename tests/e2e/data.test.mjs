// The learner's data: notes exported as Markdown land in a new folder (never
// over an earlier export), as JSON they import into another data folder, and
// one comparison's as its own file; a database damaged between two runs is
// recovered from the newest backup. The native file dialogs are answered by
// the app's test seam (VERSUS_E2E_DIALOG_DIR, set by lib.mjs).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import {
  Key,
  appTest,
  contentComparison,
  dataDirOf,
  dialogDirOf,
  js,
  launchApp,
  navTo,
  notePreview,
  openComparisonFromDashboard,
  openEditor,
  quitApp,
  screenshot,
  squash,
  typeInto,
  waitFor,
  waitForAnyView,
  waitForView,
  waitSaveState,
  waitUntil,
} from './lib.mjs';

const seed = contentComparison('ec2-vs-lambda');
const tradeoff = seed.tradeoffs[0];

async function writeNote(driver, text) {
  await openComparisonFromDashboard(driver, 'ec2-vs-lambda');
  const editor = await openEditor(driver, 'tradeoff', tradeoff.id, `Note on tradeoff: ${tradeoff.text.slice(0, 30)}`);
  await typeInto(editor, text);
  await waitSaveState(driver, 'tradeoff', tradeoff.id, 'saved');
  await editor.sendKeys(Key.ESCAPE);
}

async function openBackups(driver) {
  await navTo(driver, 'backups');
  await waitForView(driver, 'backups');
}

/** The text the Backups view tells the outcome of an export or import in. */
const transferResult = (driver) => js(driver, "return document.querySelector('#transfer-result').textContent;");

test(
  ...appTest('a note exported as Markdown is in a new folder, and a second export never touches the first', async ({ driver }) => {
    const note = 'Exported thought: patch windows are the real EC2 cost.';
    await writeNote(driver, note);
    await openBackups(driver);

    // The app's dialog seam answers the folder picker with this folder.
    const outDir = dialogDirOf(driver);
    await (await waitFor(driver, '#export-markdown')).click();
    await waitUntil(async () => /Exported 1 notes? in 1 file/.test(await transferResult(driver)), 'the export to finish');
    const [first] = fs.readdirSync(outDir);
    assert.match(first, /^versus-notes-\d{4}-\d{2}-\d{2}$/);
    assert.ok((await transferResult(driver)).includes(path.join(outDir, first)), 'the result says where the files went');
    const file = path.join(outDir, first, 'ec2-vs-lambda.md');
    const markdown = fs.readFileSync(file, 'utf8');
    assert.ok(markdown.includes(note), markdown);
    assert.ok(markdown.includes(`> ${tradeoff.text}`), 'the item text is quoted above the note');

    fs.writeFileSync(file, 'edited by hand');
    await js(driver, "document.querySelector('#transfer-result').textContent = '';");
    await (await waitFor(driver, '#export-markdown')).click();
    await waitUntil(async () => /Exported 1 notes? in 1 file/.test(await transferResult(driver)), 'the second export');
    assert.deepEqual(fs.readdirSync(outDir).sort(), [first, `${first}-2`]);
    assert.equal(fs.readFileSync(file, 'utf8'), 'edited by hand', 'the first export is left as it was');
    assert.ok(fs.readFileSync(path.join(outDir, `${first}-2`, 'ec2-vs-lambda.md'), 'utf8').includes(note));
  }),
);

test(
  ...appTest('notes exported as JSON are imported into another data folder', async (app) => {
    const note = 'Travelling thought: Lambda bills per millisecond of run time.';
    await writeNote(app.driver, note);
    await openBackups(app.driver);
    await (await waitFor(app.driver, '#export-json')).click();
    await waitUntil(async () => /Exported 1 notes? with their history/.test(await transferResult(app.driver)), 'the JSON export');
    const exports = fs.readdirSync(dialogDirOf(app.driver));
    assert.equal(exports.length, 1);
    assert.match(exports[0], /^versus-notes-\d{4}-\d{2}-\d{2}\.json$/, 'the suggested file name');
    const exported = path.join(dialogDirOf(app.driver), exports[0]);
    await quitApp(app.driver);

    app.driver = await launchApp();
    await waitForAnyView(app.driver);
    fs.copyFileSync(exported, path.join(dialogDirOf(app.driver), 'import.json'));
    await openBackups(app.driver);
    await (await waitFor(app.driver, '#import-json')).click();
    await waitUntil(async () => /Import finished: 1 added/.test(await transferResult(app.driver)), 'the import');
    await openComparisonFromDashboard(app.driver, 'ec2-vs-lambda');
    const preview = await notePreview(app.driver, 'tradeoff', tradeoff.id);
    assert.equal(squash(await preview.getText()), note);
  }),
);

test(
  ...appTest("one comparison's notes are exported as <id>.md from its page", async ({ driver }) => {
    const note = 'Page export: cold starts matter for latency-sensitive APIs.';
    await writeNote(driver, note);
    // The page has scrolled down to the note, and its button sits under the sticky header.
    await waitFor(driver, '#export-comparison');
    await js(driver, "document.querySelector('#export-comparison').click();");
    const file = path.join(dialogDirOf(driver), 'ec2-vs-lambda.md');
    await waitUntil(async () => fs.existsSync(file), 'the exported file');
    assert.ok(fs.readFileSync(file, 'utf8').includes(note));
    await waitUntil(
      async () => (await js(driver, 'return document.getElementById("toast").textContent;')).includes(file),
      'the toast that says where the file went',
    );
  }),
);

/** Overwrites the middle half of a database file, as a failing disk would. (The
 *  app was stopped without a checkpoint, so recent pages also live in the WAL;
 *  a wide stretch makes sure pages only the main file holds are hit.) */
function corrupt(file) {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  const at = Math.floor(size / 4 / 4096) * 4096;
  const length = Math.floor(size / 2 / 4096) * 4096;
  fs.writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, at);
  fs.fsyncSync(fd);
  fs.closeSync(fd);
}

test(
  ...appTest('a database corrupted between two runs is recovered from the newest backup, with the note', async (app) => {
    const note = 'Recovered thought: this note must survive a broken disk.';
    await writeNote(app.driver, note);
    await openBackups(app.driver);
    await (await waitFor(app.driver, '#backup-now')).click();
    await waitFor(app.driver, '#backup-list tr[data-backup]');

    const dataDir = dataDirOf(app.driver);
    await quitApp(app.driver);
    corrupt(path.join(dataDir, 'versus.db'));

    app.driver = await launchApp(dataDir);
    await waitForAnyView(app.driver);
    const banner = await waitFor(app.driver, '#banner:not([hidden])');
    const message = squash(await banner.getText());
    assert.match(message, /damaged/, message);
    assert.match(message, /restored/, message);
    const aside = fs.readdirSync(dataDir).filter((f) => f.startsWith('versus.db.damaged-'));
    assert.ok(aside.length >= 1, 'the damaged file is kept aside');
    await screenshot('recovery-banner');

    await openComparisonFromDashboard(app.driver, 'ec2-vs-lambda');
    const preview = await notePreview(app.driver, 'tradeoff', tradeoff.id);
    assert.equal(squash(await preview.getText()), note);
  }),
);

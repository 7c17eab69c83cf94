// The learner's data: a note exported as Markdown lands in the file; a
// database damaged between two runs is recovered from the newest backup.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import {
  Key,
  appTest,
  contentComparison,
  dataDirOf,
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

test(
  ...appTest('a note exported as Markdown is in the exported file', async ({ driver }) => {
    const note = 'Exported thought: patch windows are the real EC2 cost.';
    await writeNote(driver, note);
    await openBackups(driver);

    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'versus-e2e-export-'));
    // The native folder picker cannot be driven over WebDriver: answer it as a person would.
    await js(driver, 'window.__TAURI__.dialog.open = async () => arguments[0];', outDir);
    await (await waitFor(driver, '#export-markdown')).click();
    await waitUntil(
      async () => /Exported 1 notes? in 1 file/.test(await js(driver, "return document.querySelector('#transfer-result').textContent;")),
      'the export to finish',
    );
    const file = path.join(outDir, 'ec2-vs-lambda.md');
    const markdown = fs.readFileSync(file, 'utf8');
    assert.ok(markdown.includes(note), markdown);
    assert.ok(markdown.includes(`> ${tradeoff.text}`), 'the item text is quoted above the note');
    fs.rmSync(outDir, { recursive: true, force: true });
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

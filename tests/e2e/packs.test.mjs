// Content packs end to end: a .versuspack file given to the app on its
// command line (a double-click in a file manager) is previewed and imported;
// a bad file shows every problem with its path in the file and imports
// nothing; a second launch with a pack hands it to the running app and exits;
// the learner's own comparisons export as a pack file that the app's own
// checker accepts. File dialogs are answered by the app's test seam
// (VERSUS_E2E_DIALOG_DIR): an import reads `import.versuspack` from the
// seam folder, an export writes `<id>-<version>.versuspack` there.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import {
  appBinary,
  repoRoot,
  appEnv,
  appTest,
  contentComparison,
  cssString,
  dialogDirOf,
  driverLog,
  freshDataDir,
  goTo,
  js,
  launchApp,
  quitApp,
  screenshot,
  squash,
  startSessionBus,
  waitFor,
  waitForComparison,
  waitForView,
  waitUntil,
  waitVisible,
  withTimeout,
} from './lib.mjs';

const seed = contentComparison('ec2-vs-lambda');

/** A pack of `comparisons` (each from the seed, with its id and title changed). */
function pack({ id = 'acme-platform', name = 'Acme platform', version = '1.0.0', comparisons }) {
  return {
    format: 'versus-pack',
    format_version: 1,
    id,
    name,
    version,
    author: 'Acme platform team',
    description: 'How Acme chooses its compute <b>and</b> why.',
    comparisons: comparisons.map(({ id: cid, title }) => ({ ...structuredClone(seed), id: cid, title })),
  };
}

const GOOD = pack({
  comparisons: [
    { id: 'acme-ec2-vs-lambda', title: 'Acme: EC2 vs Lambda' },
    { id: 'acme-batch-vs-lambda', title: 'Acme: Batch hosts vs Lambda' },
  ],
});

/** Writes `content` (an object as JSON, or text as it is) to `file`; answers the path. */
function writeFile(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

/** A folder beside a data folder, for pack files the learner has somewhere. */
const downloadsOf = (dataDir) => path.join(path.dirname(dataDir), 'downloads');

/** The pack preview dialog, once open, and its text. */
async function previewText(driver) {
  const dialog = await waitVisible(driver, 'dialog.pack-preview[open]');
  return squash(await dialog.getText());
}

const click = async (driver, css) => {
  const el = await waitVisible(driver, css);
  await withTimeout(el.click(), 30_000, `click ${css}`);
};

const AXE_SOURCE = fs.readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** The serious and critical axe-core violations on screen, one line each (as accessibility.test.mjs audits). */
async function axeProblems(driver) {
  if (!(await js(driver, 'return typeof window.axe === "object";'))) await js(driver, `${AXE_SOURCE}\n;return typeof window.axe;`);
  const result = await withTimeout(
    driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      window.axe.run(document, { resultTypes: ['violations'] })
        .then((r) => done(r.violations.flatMap((v) => v.nodes
          .filter((n) => ['serious', 'critical'].includes(n.impact ?? v.impact))
          .map((n) => v.id + ' at ' + n.target.join(' ') + ': ' + String(n.failureSummary).replace(/\\s+/g, ' ')))))
        .catch((err) => done(['axe failed: ' + err]));`),
    60_000,
    'axe',
  );
  return result;
}

/** Chooses a native menu item, as its `menu` event reaches the page (as menu.test.mjs does). */
const menu = (driver, id) => js(driver, 'return window.__TAURI__.event.emit("menu", arguments[0]);', id);

/** Calls a command of the app from its page, as a view does (for setup and checks). */
async function call(driver, command, args = {}) {
  const result = await withTimeout(
    driver.executeAsyncScript(
      'const [command, args, done] = arguments; window.__TAURI__.core.invoke(command, args).then((v) => done({ ok: v }), (e) => done({ error: e }));',
      command,
      args,
    ),
    30_000,
    `invoke ${command}`,
  );
  if (result.error) throw new Error(`${command} failed: ${JSON.stringify(result.error)}`);
  return result.ok;
}

/**
 * Like appTest, but the launch is the test's own: `launch()` runs first and
 * answers launchApp's data folder and options (arguments, environment), and
 * `after()` runs once the app is closed.
 */
function packTest(name, launch, body) {
  return [
    name,
    { timeout: 180_000 },
    async (t) => {
      const launched = await launch();
      const { dataDir, options, after } = launched;
      const app = { ...launched, driver: await launchApp(dataDir, options) };
      try {
        await body(app, t);
      } catch (err) {
        const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60);
        await screenshot(`failed-${slug}`).catch(() => {});
        const log = driverLog(app.driver).trim();
        if (log) err.message += `\n--- tauri-driver / app output (last 4000 chars) ---\n${log.slice(-4000)}`;
        throw err;
      } finally {
        await quitApp(app.driver);
        after?.();
      }
    },
  ];
}

test(
  ...packTest(
    'a pack file given on the command line is previewed, imported, listed and opened',
    async () => {
      const dataDir = freshDataDir();
      const file = writeFile(path.join(downloadsOf(dataDir), 'acme-platform-1.0.0.versuspack'), GOOD);
      return { dataDir, file, options: { args: [file] } };
    },
    async ({ driver, file }) => {
      const text = await previewText(driver);
      assert.match(text, /Import “Acme platform”\?/);
      assert.match(text, /By Acme platform team/);
      assert.match(text, /Version 1\.0\.0/);
      // The author's text is text: the tags in it are shown, never made markup.
      assert.match(text, /How Acme chooses its compute <b>and<\/b> why\./);
      assert.equal(await js(driver, 'return document.querySelectorAll("dialog.pack-preview b").length;'), 0);
      assert.match(text, /2 comparisons/);
      assert.match(text, /New Acme: EC2 vs Lambda/);
      assert.match(text, /New Acme: Batch hosts vs Lambda/);
      await screenshot('packs-preview');
      assert.deepEqual(await axeProblems(driver), [], 'the preview passes axe');

      await click(driver, 'dialog.pack-preview button.pack-import');
      const result = await waitVisible(driver, '#pack-import-result');
      assert.equal(squash(await result.getText()), 'Imported “Acme platform” 1.0.0: 2 comparisons.');

      // Straight from the result to one of its comparisons.
      await click(driver, 'dialog.pack-preview a[data-comparison-id="acme-batch-vs-lambda"]');
      const article = await waitForComparison(driver, 'acme-batch-vs-lambda');
      assert.equal(squash(await (await article.findElement({ css: 'h1' })).getText()), 'Acme: Batch hosts vs Lambda');
      assert.equal(await js(driver, 'return document.querySelectorAll("dialog.pack-preview").length;'), 0, 'the dialog closed');

      // In the list, both, marked as a pack's.
      await goTo(driver, '#/comparisons');
      await waitForView(driver, 'list');
      for (const id of ['acme-ec2-vs-lambda', 'acme-batch-vs-lambda']) {
        const mark = await waitFor(driver, `.comparison-card[data-comparison-id="${cssString(id)}"] .origin-pack`);
        // textContent: the eyebrow shows it in capitals.
        assert.equal(squash(await mark.getAttribute('textContent')), 'Pack', `${id} carries the Pack mark`);
      }
      const summaries = await call(driver, 'list_comparisons');
      const fromPack = summaries.filter((c) => c.origin === 'pack').map((c) => [c.id, c.packId]).sort();
      assert.deepEqual(fromPack, [['acme-batch-vs-lambda', 'acme-platform'], ['acme-ec2-vs-lambda', 'acme-platform']]);

      // And installed, on the packs page.
      await goTo(driver, '#/packs');
      await waitForView(driver, 'packs');
      const row = squash(await (await waitFor(driver, '.pack-row[data-pack-id="acme-platform"]')).getText());
      assert.match(row, /Acme platform 1\.0\.0/);
      assert.match(row, /By Acme platform team · 2 comparisons · installed \d{4}-\d\d-\d\d/);
      await screenshot('packs-installed');
      assert.deepEqual(await axeProblems(driver), [], 'the packs page passes axe');

      // Removed: asked first, then its comparisons are archived...
      await click(driver, '.pack-row[data-pack-id="acme-platform"] button.remove-pack');
      const confirm = squash(await (await waitVisible(driver, 'dialog.confirm-remove-pack[open]')).getText());
      assert.match(confirm, /Its 2 comparisons are archived, with your notes on them\. Importing the pack again brings them back, notes included\./);
      await click(driver, '#confirm-remove-pack');
      await waitFor(driver, '#packs-empty');
      assert.equal((await call(driver, 'list_comparisons')).filter((c) => c.origin === 'pack').length, 0);

      // ...and importing the same file again brings them back.
      fs.copyFileSync(file, path.join(dialogDirOf(driver), 'import.versuspack'));
      await click(driver, '#import-pack');
      const again = await previewText(driver);
      assert.match(again, /Version 1\.0\.0, removed earlier: importing it brings its comparisons back, with your notes\./);
      assert.match(again, /Comes back, with your notes Acme: EC2 vs Lambda/);
      await click(driver, 'dialog.pack-preview button.pack-import');
      await waitVisible(driver, '#pack-import-result');
      await click(driver, 'dialog.pack-preview button.pack-close');
      await waitFor(driver, '.pack-row[data-pack-id="acme-platform"]');
      assert.equal((await call(driver, 'list_comparisons')).filter((c) => c.origin === 'pack').length, 2);
    },
  ),
);

test(
  ...appTest('a bad pack file shows every problem with its path in the file and imports nothing', async ({ driver }) => {
    await goTo(driver, '#/packs');
    await waitForView(driver, 'packs');
    assert.match(squash(await (await waitFor(driver, '#packs-empty')).getText()), /No pack installed/);
    const seam = path.join(dialogDirOf(driver), 'import.versuspack');

    // Cut off half-way, as a broken download is.
    const json = JSON.stringify(GOOD, null, 2);
    writeFile(seam, json.slice(0, Math.floor(json.length / 2)));
    await click(driver, '#import-pack');
    let text = await previewText(driver);
    assert.match(text, /This file cannot be imported/);
    assert.match(text, /import\.versuspack is not a valid Versus pack\. Nothing was imported\./);
    assert.match(text, /The file is not a complete JSON object/);
    assert.equal(await js(driver, 'return document.querySelectorAll("dialog.pack-preview button.pack-import").length;'), 0,
      'no Import button for a bad file');
    await click(driver, 'dialog.pack-preview button.pack-close');
    await waitUntil(async () => (await js(driver, 'return document.querySelectorAll("dialog.pack-preview").length;')) === 0, 'the dialog to close');

    // Whole JSON, but an empty difference text in the second comparison and no version.
    const bad = structuredClone(GOOD);
    bad.comparisons[1].differences[2].text = '';
    bad.version = '';
    writeFile(seam, bad);
    // This time by File > Import pack… (WebDriver cannot reach the GTK menu: the page gets its event).
    await menu(driver, 'import-pack');
    text = await previewText(driver);
    assert.match(text, /comparisons\[1\]\.differences\[2\]\.text: must not be empty/);
    assert.match(text, /\bversion: /);
    const lines = await js(driver, 'return [...document.querySelectorAll("dialog.pack-preview .pack-errors li")].map((li) => li.textContent);');
    assert.ok(lines.length >= 2, `each problem on its own line: ${lines.join(' | ')}`);
    await screenshot('packs-bad-file');
    await click(driver, 'dialog.pack-preview button.pack-close');

    assert.deepEqual(await call(driver, 'list_packs'), [], 'nothing was installed');
    const ids = (await call(driver, 'list_comparisons')).map((c) => c.id);
    assert.ok(!ids.some((id) => id.startsWith('acme-')), 'no comparison of the bad pack is in the library');
  }),
);

test(
  ...packTest(
    'a second launch with a pack file hands it to the running app and exits',
    async () => {
      // The hand-over runs on the D-Bus session bus, which the e2e display lacks.
      const bus = await startSessionBus();
      return { dataDir: freshDataDir(), options: { env: { DBUS_SESSION_BUS_ADDRESS: bus.address } }, after: bus.stop, bus };
    },
    async ({ driver, dataDir, bus }) => {
      await waitFor(driver, 'main#view[data-ready="true"]');
      const downloads = downloadsOf(dataDir);
      writeFile(
        path.join(downloads, 'handed-over.versuspack'),
        pack({ id: 'handed-over', name: 'Handed over', comparisons: [{ id: 'handed-ec2-vs-lambda', title: 'Handed: EC2 vs Lambda' }] }),
      );

      // As a file manager starts it: the file's path, here relative to its folder.
      const started = Date.now();
      const second = spawn(appBinary, ['handed-over.versuspack'], {
        cwd: downloads,
        env: appEnv(dataDir, { DBUS_SESSION_BUS_ADDRESS: bus.address }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      second.stdout.on('data', (chunk) => (output += chunk));
      second.stderr.on('data', (chunk) => (output += chunk));
      const exit = new Promise((resolve) => second.once('exit', (code, signal) => resolve({ code, signal })));
      let ended;
      try {
        ended = await withTimeout(exit, 20_000, 'the second launch to exit');
      } finally {
        if (second.exitCode === null && second.signalCode === null) second.kill('SIGKILL');
      }
      const took = Date.now() - started;
      assert.deepEqual(ended, { code: 0, signal: null }, `the second launch handed over and exited 0:\n${output}`);
      assert.ok(took < 15_000, `the second launch exited within 15 s (took ${took} ms)`);

      // The running app shows the file's preview, and imports it.
      const text = await previewText(driver);
      assert.match(text, /Import “Handed over”\?/);
      assert.match(text, /New Handed: EC2 vs Lambda/);
      await click(driver, 'dialog.pack-preview button.pack-import');
      assert.match(squash(await (await waitVisible(driver, '#pack-import-result')).getText()), /^Imported “Handed over” 1\.0\.0: 1 comparison\./);
      assert.deepEqual((await call(driver, 'list_packs')).map((p) => p.id), ['handed-over']);
    },
  ),
);

test(
  ...appTest('own comparisons export as a pack file that holds them and passes the pack check', async ({ driver }) => {
    await waitFor(driver, 'main#view[data-ready="true"]');
    const draft = await call(driver, 'create_draft', {
      document: {
        title: 'Kafka vs Pulsar',
        category: 'Messaging',
        summary: 'Two log-based brokers, compared for a platform team.',
        subjects: [
          { id: '', name: 'Kafka', category: 'Streaming', description: 'A partitioned log.', when_to_use: 'When the ecosystem matters most.' },
          { id: '', name: 'Pulsar', category: 'Streaming', description: 'Brokers over BookKeeper.', when_to_use: 'When tiered storage and multi-tenancy matter.' },
        ],
        differences: [{ id: '', text: 'Kafka stores on brokers; Pulsar separates serving from storage.' }],
        tradeoffs: [{ id: '', text: 'Pulsar has more moving parts to run.' }],
        mistakes: [{ id: '', text: 'Assuming the client APIs are interchangeable.' }],
        interview_tip: 'Lead with the storage model.',
        tags: ['messaging'],
      },
    });
    const id = await call(driver, 'publish_draft', { id: draft });
    assert.equal(id, 'kafka-vs-pulsar');

    // File > Export pack… opens the packs page with the export form focused.
    await menu(driver, 'export-pack');
    await waitForView(driver, 'packs');
    await waitUntil(
      async () => (await js(driver, 'return document.activeElement && document.activeElement.name;')) === 'comparison',
      'the export form to have focus',
    );
    await click(driver, `#export-pack-form input[name="comparison"][value="${cssString(id)}"]`);
    const name = await waitVisible(driver, '#pack-name');
    await name.sendKeys('Platform Team Picks');
    assert.equal(await (await waitFor(driver, '#pack-id')).getAttribute('value'), 'platform-team-picks', 'the id follows the name');
    assert.equal(await (await waitFor(driver, '#pack-version')).getAttribute('value'), '1.0.0');
    await (await waitFor(driver, '#pack-author')).sendKeys('Platform team');
    await (await waitFor(driver, '#pack-description')).sendKeys('What we chose, and why.');
    await click(driver, '#export-pack-button');
    const status = await waitUntil(async () => {
      const s = squash(await (await waitFor(driver, '#export-status')).getText());
      return s || null;
    }, 'the export to be told');
    assert.match(status, /^Exported 1 comparison as the pack “Platform Team Picks” 1\.0\.0 to \/.*platform-team-picks-1\.0\.0\.versuspack\.$/);
    await screenshot('packs-export-form');
    assert.deepEqual(await axeProblems(driver), [], 'the export form passes axe');

    const file = path.join(dialogDirOf(driver), 'platform-team-picks-1.0.0.versuspack');
    const written = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(written.format, 'versus-pack');
    assert.equal(written.id, 'platform-team-picks');
    assert.equal(written.name, 'Platform Team Picks');
    assert.equal(written.version, '1.0.0');
    assert.equal(written.author, 'Platform team');
    assert.deepEqual(written.comparisons.map((c) => [c.id, c.title]), [['kafka-vs-pulsar', 'Kafka vs Pulsar']]);
    assert.equal(written.comparisons[0].differences[0].text, 'Kafka stores on brokers; Pulsar separates serving from storage.');

    // The author's own check, as a pack's CI runs it.
    const check = spawnSync(appBinary, ['--check-pack', file], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(check.status, 0, check.stderr);
    assert.match(check.stdout, /valid: pack "platform-team-picks" version 1\.0\.0 with 1 comparison/);

    // Archived, it waits on the archived page; deleted for good after a second, told step.
    await js(driver, 'return window.__TAURI__.event.emit("menu", "theme:dark");');
    await call(driver, 'archive_comparison', { id });
    await goTo(driver, '#/archived');
    await waitForView(driver, 'archived');
    const item = squash(await (await waitFor(driver, `.archived-comparison[data-comparison-id="${id}"]`)).getText());
    assert.match(item, /Kafka vs Pulsar/);
    await screenshot('packs-archived-comparison-dark');
    assert.deepEqual(await axeProblems(driver), [], 'the archived comparisons pass axe in the dark theme');
    await click(driver, `.archived-comparison[data-comparison-id="${id}"] button[data-action="restore-comparison"]`);
    await waitFor(driver, '#archived-restored-link');
    assert.match(squash(await (await waitFor(driver, '#archived-status')).getText()), /“Kafka vs Pulsar” is back in your comparisons, with its notes\./);
    await waitFor(driver, '#archived-comparisons-empty');
    await call(driver, 'archive_comparison', { id });
    await goTo(driver, '#/');
    await waitForView(driver, 'dashboard');
    await goTo(driver, '#/archived');
    await waitForView(driver, 'archived');
    await click(driver, `.archived-comparison[data-comparison-id="${id}"] button[data-action="delete-comparison"]`);
    const confirm = squash(await (await waitVisible(driver, 'dialog.confirm-delete-comparison[open]')).getText());
    assert.match(confirm, /deleted for good/);
    assert.match(confirm, /A backup of everything is taken first/);
    await click(driver, '#confirm-delete-comparison-yes');
    await waitFor(driver, '#archived-comparisons-empty');
    assert.match(squash(await (await waitFor(driver, '#archived-status')).getText()), /^Deleted “Kafka vs Pulsar” with 0 notes and \d+ cards?\. A backup was taken first\.$/);
    assert.equal((await call(driver, 'archived_comparisons')).length, 0);
  }),
);

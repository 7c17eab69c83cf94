// The at-a-glance grid, the sources and the checked date on a comparison
// page, and printing it as a cheat sheet: on the shipped ec2-vs-lambda, and
// for what the library never ships (facts checked long ago, a comparison
// with no grid, sources or date) on a pack's, given on the command line.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import {
  Key,
  contentComparison,
  cssString,
  driverLog,
  freshDataDir,
  goTo,
  itemCss,
  js,
  launchApp,
  notePreview,
  pressKeys,
  quitApp,
  repoRoot,
  screenshot,
  sleep,
  squash,
  typeInto,
  waitFor,
  waitForComparison,
  waitForView,
  waitSaveState,
  waitUntil,
  waitVisible,
  withTimeout,
} from './lib.mjs';
import { factsAge } from '../../ui/js/facts.js';

const seed = contentComparison('ec2-vs-lambda');
assert.ok(seed.dimensions?.length && seed.sources?.length && seed.checked, 'content/compute/ec2-vs-lambda.json has its grid, sources and checked day');

/** A day `days` before today, YYYY-MM-DD (the app refuses a checked day in the future). */
function daysAgo(days) {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const today = () => daysAgo(0);

const DIMENSIONS = [
  { id: 'longest-run', label: 'Longest run', values: { ec2: 'As long as the instance runs', lambda: '15 minutes per invocation' } },
  { id: 'billing', label: 'Billing', values: { ec2: 'Per second while running, idle or not', lambda: 'Per request and per GB-second used' } },
  { id: 'scaling', label: 'Scaling', values: { ec2: 'Auto Scaling groups you configure', lambda: 'Automatic, per concurrent request' } },
  { id: 'state', label: 'Local state', values: { ec2: 'Disks and memory persist', lambda: 'Ephemeral /tmp, up to 10 GB' } },
  { id: 'ops', label: 'Operations', values: { ec2: 'You patch the OS and runtime', lambda: 'AWS runs the servers and runtime' } },
];
const SOURCES = [
  { title: 'Amazon EC2 User Guide', url: 'https://docs.aws.amazon.com/ec2/latest/userguide/concepts.html' },
  { title: 'AWS Lambda quotas', url: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html' },
];

/** The seed with a grid, sources and a checked day (or without, where null). */
function withTrust(id, title, { checked, dimensions = DIMENSIONS, sources = SOURCES }) {
  const c = { ...structuredClone(seed), id, title };
  for (const key of ['dimensions', 'sources', 'checked', 'scenarios']) delete c[key];
  if (checked) c.checked = checked;
  if (dimensions) c.dimensions = dimensions;
  if (sources) c.sources = sources;
  return c;
}

const STALE = withTrust('acme-old-ec2-vs-lambda', 'Acme: EC2 vs Lambda (2024)', { checked: daysAgo(500) });
const BARE = withTrust('acme-bare-ec2-vs-lambda', 'Acme: EC2 vs Lambda (bare)', { checked: null, dimensions: null, sources: null });

const PACK = {
  format: 'versus-pack',
  format_version: 1,
  id: 'acme-grid',
  name: 'Acme grid',
  version: '1.0.0',
  author: 'Acme platform team',
  description: 'Comparisons with an at-a-glance grid.',
  comparisons: [STALE, BARE],
};

/** The comparison the grid tests study. */
const MAIN = seed;

/**
 * Like appTest (a fresh data folder each time), and with `pack`, the pack
 * given on the command line and imported first. `app.restart()` reopens the
 * app on the same folder, without the pack argument.
 */
function gridTest(name, body, { pack = false } = {}) {
  return [
    name,
    { timeout: 240_000 },
    async (t) => {
      const dataDir = freshDataDir();
      const file = path.join(path.dirname(dataDir), 'downloads', 'acme-grid-1.0.0.versuspack');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(PACK, null, 2));
      const app = {
        driver: await launchApp(dataDir, pack ? { args: [file] } : {}),
        async restart() {
          await quitApp(this.driver);
          this.driver = await launchApp(dataDir);
          return this.driver;
        },
      };
      try {
        if (pack) await importPack(app.driver);
        await body(app, t);
      } catch (err) {
        const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60);
        await screenshot(`failed-${slug}`).catch(() => {});
        const log = driverLog(app.driver).trim();
        if (log) err.message += `\n--- tauri-driver / app output (last 4000 chars) ---\n${log.slice(-4000)}`;
        throw err;
      } finally {
        await quitApp(app.driver);
      }
    },
  ];
}

async function click(driver, css) {
  const el = await waitVisible(driver, css);
  await withTimeout(el.click(), 30_000, `click ${css}`);
}

async function importPack(driver) {
  await waitVisible(driver, 'dialog.pack-preview[open]');
  await click(driver, 'dialog.pack-preview button.pack-import');
  await waitVisible(driver, '#pack-import-result');
  await click(driver, 'dialog.pack-preview button.pack-close');
  await waitUntil(async () => (await js(driver, 'return document.querySelectorAll("dialog.pack-preview").length;')) === 0, 'the pack dialog to close');
}

async function openComparison(driver, id) {
  await goTo(driver, `#/c/${encodeURIComponent(id)}`);
  return waitForComparison(driver, id);
}

/** Chooses a native menu item, as its `menu` event reaches the page (as menu.test.mjs does). */
const menu = (driver, id) => js(driver, 'return window.__TAURI__.event.emit("menu", arguments[0]);', id);

const AXE_SOURCE = fs.readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** The serious and critical axe-core violations on screen, one line each. */
async function axeProblems(driver) {
  if (!(await js(driver, 'return typeof window.axe === "object";'))) await js(driver, `${AXE_SOURCE}\n;return typeof window.axe;`);
  return withTimeout(
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
}

// The grid as the page shows it: header cells, and each row's label and values.
const GRID = `
  const table = document.querySelector('#comparison table.glance');
  if (!table) return null;
  const text = (el) => el.textContent.replace(/\\s+/g, ' ').trim();
  return {
    caption: text(table.querySelector('caption')),
    columns: [...table.querySelectorAll('thead th[scope="col"]:not(.grid-note)')].map(text),
    rows: [...table.querySelectorAll('tbody.item')].map((row) => ({
      id: row.dataset.itemId,
      section: row.dataset.section,
      label: text(row.querySelector('th[scope="row"]')),
      values: [...row.querySelectorAll('tr:first-child td.item-text')].map(text),
    })),
  };`;

test(
  ...gridTest('the grid is first on the page, with a value in every cell; a note on a row survives a restart', async (app) => {
    let driver = app.driver;
    await openComparison(driver, MAIN.id);

    const grid = await js(driver, GRID);
    assert.ok(grid, 'the page has an at-a-glance table');
    assert.equal(grid.caption, 'At a glance');
    assert.deepEqual(grid.columns, MAIN.subjects.map((s) => s.name), 'a column per subject, named');
    assert.deepEqual(
      grid.rows,
      MAIN.dimensions.map((d) => ({ id: d.id, section: 'dimension', label: d.label, values: MAIN.subjects.map((s) => d.values[s.id]) })),
    );
    for (const row of grid.rows) assert.ok(row.values.every((v) => v.length > 0), `a value in every cell of ${row.label}`);

    // Right after the subjects, before the differences.
    const order = await js(driver, `
      const at = (css) => document.querySelector(css);
      const follows = (a, b) => Boolean(at(a).compareDocumentPosition(at(b)) & Node.DOCUMENT_POSITION_FOLLOWING);
      return [follows('[data-section="subjects"]', 'table.glance'), follows('table.glance', '[data-section="differences"]')];`);
    assert.deepEqual(order, [true, true], 'the grid sits between the subjects and the differences');

    // j from the last subject lands on the first row; n opens its note.
    const first = MAIN.dimensions[0];
    const lastSubject = MAIN.subjects.at(-1);
    await js(driver, 'document.querySelector(arguments[0]).focus();', itemCss('subject', lastSubject.id));
    await pressKeys(driver, 'j');
    await waitUntil(
      async () => (await js(driver, 'return document.activeElement.dataset.itemId + "/" + document.activeElement.dataset.section;')) === `${first.id}/dimension`,
      'j to move to the first grid row',
    );
    await pressKeys(driver, 'n');
    const editor = await waitVisible(driver, `textarea.note-editor[aria-label="Note on grid row: ${cssString(first.label)}"]`);
    const note = 'Fifteen minutes is the hard wall: long batch jobs go to Fargate.';
    await typeInto(editor, note);
    await waitSaveState(driver, 'dimension', first.id, 'saved');
    await pressKeys(driver, Key.ESCAPE);
    await waitUntil(async () => squash(await (await notePreview(driver, 'dimension', first.id)).getText()) === note, 'the note under the row');
    // k walks back up to the last subject.
    await js(driver, 'document.querySelector(arguments[0]).focus();', itemCss('dimension', first.id));
    await pressKeys(driver, 'k');
    await waitUntil(async () => (await js(driver, 'return document.activeElement.dataset.itemId;')) === lastSubject.id, 'k to go back to the subjects');
    await screenshot('grid-note');

    driver = await app.restart();
    await waitForView(driver, 'comparison').catch(() => {});
    await openComparison(driver, MAIN.id);
    const preview = await notePreview(driver, 'dimension', first.id);
    assert.equal(squash(await preview.getText()), note, 'the note on the grid row after a restart');
    const toggle = await waitFor(driver, `${itemCss('dimension', first.id)} button.note-toggle`);
    assert.equal(await toggle.getAttribute('aria-label'), `Edit note on grid row: ${first.label.toLowerCase()}`);
  }),
);

test(
  ...gridTest('sources link out through the guard, the checked month shows, and the grid reads at 900 px in both themes', async ({ driver }) => {
    await openComparison(driver, MAIN.id);
    const links = await js(driver, 'return [...document.querySelectorAll("#comparison .source-list a")].map((a) => ({ title: a.firstChild.textContent.trim(), url: a.getAttribute("href") }));');
    assert.deepEqual(links, MAIN.sources, 'the sources, titled, in order');
    for (const { url } of links) assert.match(url, /^https:\/\//);

    // A click stays on the page (the guard hands https links to the system browser).
    const before = await js(driver, 'return location.href;');
    await js(driver, 'document.getElementById("toast").textContent = "";');
    await click(driver, '#comparison .source-list a');
    await sleep(1000);
    assert.equal(await js(driver, 'return location.href;'), before, 'the window stayed on the comparison');
    // Handed to open_link for the system browser: it opens there, or (on a
    // display with no browser, as here) the toast names the address it tried.
    const told = await js(driver, 'return document.getElementById("toast").textContent;');
    assert.ok(told === '' || told.includes(MAIN.sources[0].url), `the link went to the system browser: ${told}`);

    const age = factsAge(MAIN.checked, today());
    const checked = squash(await (await waitFor(driver, '#comparison .facts-checked')).getText());
    assert.equal(checked, `Facts checked ${age.month}`);
    assert.equal((await js(driver, 'return document.querySelectorAll("#comparison .facts-stale").length;')) === 1, age.stale);

    for (const theme of ['light', 'dark']) {
      await menu(driver, `theme:${theme}`);
      await waitUntil(async () => (await js(driver, 'return document.documentElement.dataset.theme;')) === theme, `the ${theme} theme`);
      await withTimeout(driver.manage().window().setRect({ x: 0, y: 0, width: 900, height: 760 }), 5000, 'resize');
      await waitUntil(async () => (await js(driver, 'return window.innerWidth;')) <= 900, 'a 900 px window');
      const fit = await js(driver, `
        const table = document.querySelector('table.glance').getBoundingClientRect();
        const box = document.querySelector('.grid-scroll');
        return { page: document.documentElement.scrollWidth <= document.documentElement.clientWidth,
                 table: table.right <= document.documentElement.clientWidth, scrolls: box.scrollWidth > box.clientWidth };`);
      assert.deepEqual(fit, { page: true, table: true, scrolls: false }, `${theme}: no sideways scrolling at 900 px`);
      await js(driver, 'document.querySelector("table.glance").scrollIntoView({ block: "start" }); window.scrollBy(0, -60);');
      await screenshot(`grid-900-${theme}`);
      assert.deepEqual(await axeProblems(driver), [], `${theme}: the comparison with its grid passes axe`);
      await js(driver, 'document.querySelector(".comparison-footer").scrollIntoView({ block: "end" });');
      await screenshot(`grid-sources-900-${theme}`);
    }
  }),
);

test(
  ...gridTest(
    'an old checked day is marked possibly out of date; without one nothing is said',
    async ({ driver }) => {
      await openComparison(driver, STALE.id);
      const mark = await waitVisible(driver, '#comparison .facts-stale');
      const age = factsAge(STALE.checked, today());
      assert.ok(age.stale);
      assert.equal(squash(await mark.getText()).replace(/^⚠ /, ''), `Possibly out of date: facts last checked ${age.monthName}`);
      assert.equal(squash(await (await waitFor(driver, '#comparison .facts-checked')).getText()), `Facts checked ${age.month}`);
      await js(driver, 'document.querySelector("#comparison .facts-stale").scrollIntoView({ block: "center" });');
      await screenshot('grid-stale');

      await openComparison(driver, BARE.id);
      const none = await js(driver, 'return ["table.glance", ".facts-checked", ".facts-stale", ".source-list", "[data-section=sources]"].map((css) => document.querySelectorAll("#comparison " + css).length);');
      assert.deepEqual(none, [0, 0, 0, 0, 0], 'no grid, sources or date where the comparison has none');
      assert.ok(await js(driver, 'return Boolean(document.getElementById("print-notes"));'), 'printing is still offered');
    },
    { pack: true },
  ),
);

test(
  ...gridTest('File > Print… and Ctrl+P print the comparison once each; elsewhere they say how; the notes choice is kept', async (app, t) => {
    let driver = app.driver;
    await openComparison(driver, MAIN.id);
    const stub = () => js(driver, 'window.__prints = 0; window.print = () => { window.__prints += 1; }; return true;');
    const prints = () => js(driver, 'return window.__prints;');
    await stub();

    await menu(driver, 'print');
    await waitUntil(async () => (await prints()) >= 1, 'File > Print… to print');
    await sleep(500); // a second print, were one coming
    assert.equal(await prints(), 1, 'File > Print… printed once');

    await js(driver, 'document.querySelector("#comparison h1").focus();');
    await pressKeys(driver, Key.CONTROL, 'p');
    await waitUntil(async () => (await prints()) >= 2, 'Ctrl+P to print');
    await sleep(500);
    assert.equal(await prints(), 2, 'Ctrl+P printed once');

    // Elsewhere, nothing to print: a toast says how.
    await goTo(driver, '#/');
    await waitForView(driver, 'dashboard');
    await stub();
    await menu(driver, 'print');
    await waitUntil(async () => (await js(driver, 'return document.getElementById("toast").textContent;')) === 'Open a comparison to print it', 'the toast');
    await pressKeys(driver, Key.CONTROL, 'p');
    await sleep(500);
    assert.equal(await prints(), 0, 'nothing printed away from a comparison');

    // The print rules: the chrome is hidden, notes only when chosen.
    const rules = await js(driver, `
      const found = [];
      for (const sheet of document.styleSheets) for (const rule of sheet.cssRules) {
        if (rule instanceof CSSMediaRule && rule.media.mediaText.includes('print')) {
          for (const inner of rule.cssRules) if (inner.style && inner.style.display === 'none') found.push(inner.selectorText);
        }
      }
      return found.join(' | ');`);
    for (const chrome of ['.topbar', '.page-actions', '.note-toggle', '.note-panel', '.print-options']) {
      assert.ok(rules.includes(chrome), `print hides ${chrome}: ${rules}`);
    }
    assert.match(rules, /#comparison:not\(\[data-print-notes="true"\]\) \.note-preview/, 'notes print only when chosen');

    // The choice to print notes is kept.
    await openComparison(driver, MAIN.id);
    const box = await waitFor(driver, '#print-notes');
    assert.equal(await box.isSelected(), false, 'notes are left out unless chosen');
    assert.equal(await js(driver, 'return document.getElementById("comparison").dataset.printNotes;'), 'false');
    await js(driver, 'document.getElementById("print-notes").scrollIntoView({ block: "center" });');
    await withTimeout(box.click(), 30_000, 'tick Include my notes');
    await waitUntil(async () => (await js(driver, 'return document.getElementById("comparison").dataset.printNotes;')) === 'true', 'the choice to apply');
    await sleep(500); // the preferences file is written in the background
    driver = await app.restart();
    await openComparison(driver, MAIN.id);
    assert.equal(await (await waitFor(driver, '#print-notes')).isSelected(), true, 'the choice after a restart');
    assert.equal(await js(driver, 'return document.getElementById("comparison").dataset.printNotes;'), 'true');

    // WebKitWebDriver cannot emulate print media: the print rules are applied
    // to the screen instead, on a page as wide as A4 paper inside its margins
    // (186 mm: 703 CSS px; the window itself is never narrower than 900 px).
    const paper = await js(driver, `
      document.getElementById('view').style.width = '703px';
      // In place (the page's CSP refuses a new inline stylesheet); put back below.
      for (const sheet of document.styleSheets) for (const rule of sheet.cssRules) {
        if (rule instanceof CSSMediaRule && rule.media.mediaText === 'print') {
          rule.media.mediaText = 'all';
          (window.__asPrinted ??= []).push(rule);
        }
      }
      window.scrollTo(0, 0);
      const shown = (css) => [...document.querySelectorAll(css)].some((el) => el.getClientRects().length > 0);
      return {
        chrome: ['.topbar', '.page-actions', '.note-toggle', '.print-options', '#print-notes'].filter(shown),
        kept: ['#comparison h1', 'table.glance', '[data-section="differences"]', '[data-section="when_to_use"]',
               '[data-section="tradeoffs"]', '[data-section="mistakes"]', '[data-section="interview_tip"]'].filter((css) => !shown(css)),
        height: document.documentElement.scrollHeight,
      };`);
    assert.deepEqual(paper.chrome, [], 'no chrome on paper');
    assert.deepEqual(paper.kept, [], 'the cheat sheet keeps every part');
    await screenshot('grid-print-as-printed');
    // 9.5 pt text; an A4 page holds about 1040 CSS px inside 12 mm margins.
    t.diagnostic(`the cheat sheet is about ${(paper.height / 1040).toFixed(1)} A4 pages (${paper.height} px)`);
    await js(driver, 'for (const rule of window.__asPrinted) rule.media.mediaText = "print"; document.getElementById("view").style.width = "";');
  }),
);

// An accessibility audit of every view in both themes with axe-core (the npm
// dev dependency), injected through WebDriver: script execution by the driver
// is not subject to the page's CSP, so the app ships no test code. Any
// violation of impact serious or critical fails the test, each listed by rule,
// element and what is wrong.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { appTest, choose, contentComparison, currentTheme, goTo, js, Key, navTo, onlyFlipCards, openEditor, suspendScenarioCards, pressKeys, repoRoot, typeInto, waitFor, waitForComparison, waitForView, waitUntil, withTimeout } from './lib.mjs';

const AXE_SOURCE = fs.readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const FAILING_IMPACTS = new Set(['serious', 'critical']);

// Violations this audit found in the top bar of ui/index.html, which this
// change does not own; reported, to be fixed there. Each is matched by rule and
// element, in every view and theme; any other violation fails. One that no
// longer occurs fails too, so that its line here goes once it is fixed.
// Violations accepted for now, each with why; empty: every serious or critical one fails.
const KNOWN = [];
const known = (rule, target) => KNOWN.find((k) => k.rule === rule && k.target === target);

/** Puts axe in the page once; the app never reloads its page, so it stays for every view. */
async function injectAxe(driver) {
  const present = await js(driver, 'return typeof window.axe === "object";');
  if (present) return;
  // The UMD bundle, run as a function body, hangs itself on `window`.
  await js(driver, `${AXE_SOURCE}\n;return typeof window.axe;`);
  assert.equal(await js(driver, 'return typeof window.axe;'), 'object', 'axe-core runs in the page');
}

/**
 * Audits the whole document as it is on screen; answers the violations of
 * impact serious or critical, one line each.
 */
async function audit(driver, where, seen) {
  await injectAxe(driver);
  const result = await withTimeout(
    driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      window.axe
        .run(document, { resultTypes: ['violations'] })
        .then((r) => done({ ok: true, violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), impact: n.impact, summary: n.failureSummary })),
        })) }))
        .catch((err) => done({ ok: false, error: String(err && err.stack || err) }));`),
    60_000,
    `axe on ${where}`,
  );
  assert.ok(result.ok, `axe failed on ${where}: ${result.error}`);
  const lines = [];
  for (const violation of result.violations) {
    for (const node of violation.nodes) {
      const impact = node.impact ?? violation.impact;
      if (!FAILING_IMPACTS.has(impact)) continue;
      const exception = known(violation.id, node.target);
      if (exception) {
        seen.add(exception);
        continue;
      }
      const summary = String(node.summary ?? violation.help).replace(/\s+/g, ' ').trim();
      lines.push(`${where}: [${impact}] ${violation.id} at ${node.target}: ${summary}`);
    }
  }
  return lines;
}

/** Chooses a theme in Settings, as a person does. */
async function useTheme(driver, theme) {
  await navTo(driver, 'settings');
  await choose(driver, 'select#theme-select', theme);
  await waitUntil(async () => (await currentTheme(driver)) === theme, `the ${theme} theme to apply`);
}

/** Every view, brought to the state worth auditing; each step answers its findings. */
async function auditEveryView(driver, theme, seen) {
  const found = [];
  const at = (name) => `${theme} ${name}`;

  await navTo(driver, 'dashboard');
  found.push(...(await audit(driver, at('dashboard'), seen)));

  await navTo(driver, 'list');
  await waitFor(driver, '.comparison-link');
  found.push(...(await audit(driver, at('comparisons list'), seen)));

  const ec2 = contentComparison('ec2-vs-lambda');
  const tradeoff = ec2.tradeoffs[0];
  await goTo(driver, '#/c/ec2-vs-lambda');
  await waitForComparison(driver, 'ec2-vs-lambda');
  const editor = await openEditor(driver, 'tradeoff', tradeoff.id, `Note on tradeoff: ${tradeoff.text.slice(0, 30)}`);
  await typeInto(editor, 'Cold starts matter for **latency**.');
  found.push(...(await audit(driver, at('comparison page, note editor open'), seen)));

  await goTo(driver, '#/practice?comparison=ec2-vs-lambda');
  await waitForView(driver, 'practice');
  await waitFor(driver, 'button.choice');
  found.push(...(await audit(driver, at('which would you pick, choices'), seen)));
  await pressKeys(driver, '1');
  await waitFor(driver, '#practice-result');
  found.push(...(await audit(driver, at('which would you pick, answered'), seen)));

  await onlyFlipCards(driver);
  await goTo(driver, '#/review');
  await waitForView(driver, 'review');
  await waitFor(driver, '#reveal');
  found.push(...(await audit(driver, at('review, front'), seen)));
  await pressKeys(driver, Key.SPACE);
  await waitFor(driver, '#review-answer');
  found.push(...(await audit(driver, at('review, answer shown'), seen)));
  // The other theme's pass practises scenarios again.
  await suspendScenarioCards(driver, false);

  await goTo(driver, '#/drill?comparison=ec2-vs-lambda');
  await waitForView(driver, 'drill');
  const box = await waitFor(driver, '#drill-answer');
  found.push(...(await audit(driver, at('drill, running'), seen)));
  await typeInto(box, `The ${theme} answer.`);
  await (await waitFor(driver, '#drill-submit')).click();
  await waitFor(driver, '.drill-compare');
  found.push(...(await audit(driver, at('drill, handed in'), seen)));

  await goTo(driver, '#/drills');
  await waitForView(driver, 'drills');
  await waitFor(driver, '.drill-entry');
  found.push(...(await audit(driver, at('past drills'), seen)));

  await navTo(driver, 'settings');
  found.push(...(await audit(driver, at('settings'), seen)));

  await navTo(driver, 'backups');
  found.push(...(await audit(driver, at('backups'), seen)));
  return found;
}

test(
  ...appTest(
    'every view in the light and the dark theme passes an axe-core audit (no serious or critical violation)',
    async ({ driver }) => {
      const found = [];
      const seen = new Set();
      for (const theme of ['light', 'dark']) {
        await useTheme(driver, theme);
        found.push(...(await auditEveryView(driver, theme, seen)));
      }
      assert.deepEqual(found, [], `axe-core found ${found.length} serious or critical violations:\n${found.join('\n')}`);
      const gone = KNOWN.filter((k) => !seen.has(k)).map((k) => `${k.rule} at ${k.target}`);
      assert.deepEqual(gone, [], 'known violations no longer found: remove them from KNOWN');
    },
    { timeout: 420_000 },
  ),
);

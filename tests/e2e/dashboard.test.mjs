// The dashboard's figures say what they draw: after a review, each category's
// bar and its label count the same comparisons, a legend says what the
// colours mean, and the heatmap names its days and months.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { appTest, goTo, js, Key, navTo, onlyFlipCards, pressKeys, screenshot, squash, waitFor, waitForView, waitUntil } from './lib.mjs';

/** Every category row: its label, and each segment's count and drawn width as a share of the bar. */
const progressRows = (driver) =>
  js(
    driver,
    `return [...document.querySelectorAll('.progress-list li')].map((li) => {
      const bar = li.querySelector('.progress-bar').getBoundingClientRect().width;
      const seg = (kind) => {
        const el = li.querySelector('.bar-' + kind);
        return el ? { count: Number(el.dataset.count), share: el.getBoundingClientRect().width / bar } : null;
      };
      return { category: li.dataset.category, label: li.querySelector('.progress-label').textContent,
        mastered: seg('mastered'), learning: seg('learning'), fresh: seg('new') };
    });`,
  );

test(
  ...appTest('after one review, each category bar draws what its label says, and the heatmap has its labels', async ({ driver }) => {
    await onlyFlipCards(driver);
    await goTo(driver, '#/review');
    await waitForView(driver, 'review');
    await waitFor(driver, '.review-card');
    const left = () => js(driver, "return Number(document.querySelector('#review-remaining').dataset.count);");
    const before = await left();
    await pressKeys(driver, Key.SPACE);
    await waitFor(driver, '#review-answer');
    await pressKeys(driver, '3');
    await waitUntil(async () => (await left()) === before - 1, 'the grade to be saved');

    await navTo(driver, 'dashboard');
    await waitUntil(async () => squash(await (await waitFor(driver, '#reviews-today')).getText()) === '1', 'the review to count');

    await js(driver, "document.querySelector('.study-panel').scrollIntoView();");
    await screenshot('dashboard-figures');
    const rows = await progressRows(driver);
    assert.ok(rows.length > 1, `a row per category (${rows.length})`);
    let learning = 0;
    for (const row of rows) {
      const where = `${row.category}: ${row.label}`;
      assert.ok(row.mastered && row.learning && row.fresh, `${where}: three segments`);
      const total = row.mastered.count + row.learning.count + row.fresh.count;
      assert.equal(row.label, `${row.mastered.count} mastered · ${row.learning.count} learning of ${total}`, where);
      for (const kind of ['mastered', 'learning', 'fresh']) {
        const share = row[kind].count / total;
        assert.ok(Math.abs(row[kind].share - share) < 0.03, `${where}: ${kind} is drawn ${row[kind].share.toFixed(2)} of the bar, counts ${share.toFixed(2)}`);
      }
      learning += row.learning.count;
    }
    assert.equal(learning, 1, 'the reviewed card\'s comparison is learning, and only it');
    const legend = squash(await (await waitFor(driver, '#progress-legend')).getText());
    for (const word of ['mastered', 'learning', 'new']) assert.match(legend, new RegExp(`${word}:`), legend);

    const labels = await js(
      driver,
      `return {
        days: [...document.querySelectorAll('.heatmap-days span')].map((s) => s.textContent),
        months: [...document.querySelectorAll('.heatmap-months span')].map((s) => s.textContent).filter(Boolean),
        columns: document.querySelectorAll('.heatmap-months span').length,
        cells: document.querySelectorAll('.heatmap .heat').length,
        today: document.querySelector('.heatmap .heat:last-child').title,
        todayTop: document.querySelector('.heatmap .heat:last-child').getBoundingClientRect().top,
        rowTops: [...document.querySelectorAll('.heatmap-days span')].map((s) => s.getBoundingClientRect().top),
        weekdayRow: (new Date().getDay() + 6) % 7,
        monthNames: ${JSON.stringify(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'])},
      };`,
    );
    assert.deepEqual(labels.days, ['Mon', '', 'Wed', '', 'Fri', '', '']);
    assert.ok(labels.months.length >= 2, `months named over the weeks: ${labels.months}`);
    assert.ok(labels.months.every((m) => labels.monthNames.includes(m)), `${labels.months}`);
    assert.equal(labels.columns, Math.ceil(labels.cells / 7), 'one month slot per week column');
    assert.match(labels.today, /: 1 review$/, 'today\'s cell counts one review, in the singular');
    // Today's cell sits on the row of today's weekday (Monday on top), level with its day label's row.
    const { weekdayRow } = labels;
    const nearest = labels.rowTops.reduce((best, top, i) => (Math.abs(top - labels.todayTop) < Math.abs(labels.rowTops[best] - labels.todayTop) ? i : best), 0);
    assert.equal(nearest, weekdayRow, `today is on row ${nearest}, its weekday is row ${weekdayRow}`);
  }),
);

test(
  ...appTest('Settings: the help under "New cards a day" is about new cards, the one under retention about retention', async ({ driver }) => {
    await navTo(driver, 'settings');
    const help = (id) =>
      js(driver, 'const ids = document.getElementById(arguments[0]).getAttribute("aria-describedby"); return ids ? document.getElementById(ids).textContent : null;', id);
    const perDay = squash(await help('new-per-day'));
    assert.match(perDay, /never reviewed/, perDay);
    assert.doesNotMatch(perDay, /probability/, 'the retention text is not under this setting');
    assert.match(squash(await help('retention')), /probability/);
  }),
);

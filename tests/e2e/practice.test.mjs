// "Which would you pick?": a scenario answered wrong with a key, its explanation,
// and the pair it leaves on the Confusions view, practised from there.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Key, appTest, contentComparison, goTo, js, pressKeys, screenshot, squash, waitFor, waitForView, waitUntil } from './lib.mjs';

test(
  ...appTest('a wrong pick by key shows what decides it, and the pair is listed under Confusions', async ({ driver }) => {
    await goTo(driver, '#/practice?comparison=ec2-vs-lambda');
    await waitForView(driver, 'practice');
    const heading = squash(await (await waitFor(driver, '#review h1')).getText());
    assert.equal(heading, 'Which would you pick?');

    // The right answer, from the content file the scenario came from.
    const comparison = contentComparison('ec2-vs-lambda');
    const front = squash(await (await waitFor(driver, '.review-card[data-kind="scenario"] .review-front')).getText());
    const scenario = comparison.scenarios.find((s) => squash(s.text) === front);
    assert.ok(scenario, `the card shows one of the comparison's scenarios: ${front}`);
    const rightKey = comparison.subjects.find((s) => s.id === scenario.answer).key;
    const choices = await js(driver, "return [...document.querySelectorAll('button.choice')].map((b) => b.dataset.key);");
    assert.ok(choices.length >= 2 && choices.includes(rightKey), `the right answer is offered: ${choices}`);
    const wrong = choices.findIndex((key) => key !== rightKey);
    const wrongKey = choices[wrong];
    await screenshot('practice-choices');

    await pressKeys(driver, String(wrong + 1));
    const result = await waitFor(driver, '#practice-result');
    assert.match(squash(await result.getText()), /^Not quite: it is /i);
    const because = squash(await (await waitFor(driver, '#practice-result .because')).getText());
    assert.ok(because.length > 40, `the item that decides it: ${because}`);
    const marked = await js(driver, "return document.querySelector('button.choice.wrong')?.dataset.key;");
    assert.equal(marked, wrongKey, 'the wrong pick is marked');
    await screenshot('practice-wrong');
    await pressKeys(driver, Key.SPACE);
    await waitUntil(async () => !(await js(driver, "return Boolean(document.querySelector('#practice-result'));")), 'the next card');

    await goTo(driver, '#/confusions');
    await waitForView(driver, 'confusions');
    const pair = [rightKey, wrongKey].sort().join('~');
    const row = await waitFor(driver, `.confusion[data-pair="${pair}"]`);
    assert.match(squash(await row.getText()), /mixed up 1 time/);
    await screenshot('confusions');

    await (await waitFor(driver, `.confusion[data-pair="${pair}"] a.button`)).click();
    await waitForView(driver, 'practice');
    const eyebrow = squash(await (await waitFor(driver, '#review .eyebrow')).getText());
    assert.match(eyebrow, /A pair you confuse/i);
    await waitFor(driver, '.review-card');
  }),
);

test(
  ...appTest('Cram goes through every card of a comparison and leaves the day\'s due count as it was', async ({ driver }) => {
    await goTo(driver, '#/');
    await waitForView(driver, 'dashboard');
    const due = await js(driver, "return Number(document.getElementById('due-today').dataset.count);");
    await goTo(driver, '#/c/ec2-vs-lambda');
    await waitForView(driver, 'comparison');
    await (await waitFor(driver, '#cram-comparison')).click();
    await waitForView(driver, 'review');
    assert.match(squash(await (await waitFor(driver, '#review .eyebrow')).getText()), /cram/i);
    for (let i = 0; i < 3; i += 1) {
      const kind = await js(driver, "return document.querySelector('.review-card').dataset.kind;");
      if (kind === 'scenario') {
        await pressKeys(driver, '1');
        await waitFor(driver, '#practice-result');
        assert.match(squash(await (await waitFor(driver, '#practice-result')).getText()), /no schedule changed/i);
        await pressKeys(driver, Key.SPACE);
      } else {
        await pressKeys(driver, Key.SPACE);
        await waitFor(driver, '#review-answer');
        await pressKeys(driver, '1');
      }
      await waitUntil(async () => new RegExp(`${i + 1} done`).test(await js(driver, "return document.getElementById('review-remaining').textContent;")), `cram answer ${i + 1}`);
    }
    await goTo(driver, '#/');
    await waitForView(driver, 'dashboard');
    assert.equal(await js(driver, "return Number(document.getElementById('due-today').dataset.count);"), due, 'no card was graded');
    assert.equal(await js(driver, "return document.getElementById('reviews-today').textContent.trim();"), '0');
  }),
);

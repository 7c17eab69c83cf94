// Opening EC2 vs Lambda from the dashboard shows every section of its content.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { By, appTest, contentComparison, js, openComparisonFromDashboard, squash, waitForView } from './lib.mjs';

const SECTIONS = [
  // [section, its heading, singular item section, how many items EC2 vs Lambda has]
  ['differences', 'Key Differences', 'difference', 6],
  ['when_to_use', 'When to Use', 'when_to_use', 2],
  ['tradeoffs', 'Tradeoffs', 'tradeoff', 3],
  ['mistakes', 'Common Mistakes', 'mistake', 3],
  ['interview_tip', 'Interview Tip', 'interview_tip', 1],
];

test(
  ...appTest('EC2 vs Lambda, opened from the dashboard, shows every seed section', async ({ driver }) => {
    const seed = contentComparison('ec2-vs-lambda');
    await waitForView(driver, 'dashboard');
    const article = await openComparisonFromDashboard(driver, 'ec2-vs-lambda');

    assert.equal(squash(await article.findElement(By.css('h1')).getText()), 'EC2 vs Lambda');

    // The subjects, each with its description.
    const subjects = await article.findElement(By.css('section[data-section="subjects"]'));
    const subjectText = squash(await subjects.getText());
    for (const name of ['Amazon EC2', 'AWS Lambda']) assert.ok(subjectText.includes(name), `subjects show ${name}: ${subjectText}`);
    for (const subject of seed.subjects) {
      assert.ok(subjectText.includes(squash(subject.description)), `subjects show the description of ${subject.name}`);
    }
    assert.equal((await subjects.findElements(By.css('.item[data-section="subject"]'))).length, 2, 'two subject items');

    for (const [section, heading, singular, count] of SECTIONS) {
      const el = await article.findElement(By.css(`section[data-section="${section}"]`));
      assert.equal(squash(await el.findElement(By.css('h2')).getText()), heading, `the heading of ${section}`);
      const items = await el.findElements(By.css(`.item[data-section="${singular}"]`));
      assert.equal(items.length, count, `${section} has ${count} items`);
      for (const item of items) {
        const text = squash(await item.findElement(By.css('.item-text')).getText());
        assert.ok(text.length > 0, `every ${singular} has text`);
      }
    }

    // The texts are the seed's, in order.
    const texts = async (singular) =>
      js(
        driver,
        `return [...document.querySelectorAll('article#comparison .item[data-section="' + arguments[0] + '"] .item-text')]
           .map((el) => el.textContent.replace(/\\s+/g, ' ').trim());`,
        singular,
      );
    assert.deepEqual(await texts('difference'), seed.differences.map((d) => squash(d.text)));
    assert.deepEqual(await texts('tradeoff'), seed.tradeoffs.map((d) => squash(d.text)));
    assert.deepEqual(await texts('mistake'), seed.mistakes.map((d) => squash(d.text)));
    const whenToUse = await texts('when_to_use');
    seed.when_to_use.forEach((w, i) => assert.ok(whenToUse[i]?.includes(squash(w.text)), `when to use ${w.subject}`));
    const [tip] = await texts('interview_tip');
    assert.ok(tip && tip.length > 20, 'a non-empty interview tip');
    assert.equal(tip, squash(seed.interview_tip));
  }),
);

// How a "which would you pick?" card reads: the situation and its numbered
// choices, then, once answered, whether the pick was right, the item that
// decides it (a link to it on its page) and the learner's note on it.

import { html, trusted } from "../dom.js";
import { buildHash } from "../router.js";
import { SECTION_TITLE } from "../sections.js";

/** @typedef {import('../types/api').CardFace} CardFace */
/** @typedef {import('../types/api').PracticeAnswer} PracticeAnswer */


/**
 * The choices, numbered as their keys; once answered, the right one and a
 * wrong pick are marked (in words too, not only by colour).
 * @param {CardFace} card
 * @param {PracticeAnswer | null} result
 */
function choicesMarkup(card, result) {
  return html`<ol class="choice-list" aria-label="Your choices">
    ${card.choices.map((choice, index) => {
      const right = result && choice.key === result.right.key;
      const wrong = result && !result.correct && choice.key === result.chosen.key;
      const mark = right ? "right" : wrong ? "wrong" : "";
      return html`<li><button type="button" class="choice ${mark}" data-key="${choice.key}" data-index="${index + 1}"
          ${result ? "disabled" : ""}><kbd>${index + 1}</kbd> ${choice.name}${right ? html` <span class="choice-mark">✓ right</span>` : ""}${wrong ? html` <span class="choice-mark">✗ your pick</span>` : ""}</button></li>`;
    })}
  </ol>`;
}

/**
 * What answering showed.
 * @param {CardFace} card
 * @param {PracticeAnswer} result
 * @param {string | null} noteHtml the learner's note on the deciding item, rendered, when shown
 * @param {boolean} easy whether the learner marked it easy
 */
function resultMarkup(card, result, noteHtml, easy) {
  const where = buildHash({
    name: "comparison",
    id: card.comparisonId,
    target: { section: result.becauseSection, itemId: result.becauseItem },
  });
  const verdict = result.correct
    ? html`<h3 class="verdict verdict-right">Right: ${result.right.name}</h3>`
    : html`<h3 class="verdict verdict-wrong">Not quite: it is ${result.right.name}, not ${result.chosen.name}</h3>`;
  const note = result.note
    ? noteHtml !== null
      ? html`<div class="review-notes"><h3>Your note on it</h3><div class="note-preview markdown">${trusted(noteHtml)}</div></div>`
      : html`<p class="muted"><kbd>n</kbd> shows your note on it.</p>`
    : html`<p class="muted">No note of yours on it yet; <a href="${where}">write one on its page</a>.</p>`;
  return html`<div class="review-answer practice-result" id="practice-result" role="status">
      ${verdict}
      <p class="muted">${
        !result.graded
          ? "Cram: no schedule changed."
          : result.correct
            ? `Counted as ${easy ? "Easy" : "Good"}.`
            : html`Counted as Again; the pair is kept under <a href="#/confusions">Confusions</a>.`
      }</p>
      <h3>What decides it</h3>
      <p class="because"><a href="${where}">${SECTION_TITLE[result.becauseSection]}</a>: ${result.becauseText}</p>
      ${note}
      <button type="button" id="practice-next" class="primary">Next <kbd>Space</kbd></button>
    </div>`;
}

/**
 * A scenario card, before or after its answer.
 * @param {CardFace} card
 * @param {{ result: PracticeAnswer | null, easy: boolean, noteHtml: string | null }} state
 */
export function scenarioBody(card, { result, easy, noteHtml }) {
  return html`<p class="review-front">${card.front}</p>
    ${choicesMarkup(card, result)}
    ${
      result
        ? resultMarkup(card, result, noteHtml, easy)
        : html`<label class="easy-toggle"><input type="checkbox" id="practice-easy" ${easy ? "checked" : ""}>
            I know this one well: a right pick counts as Easy <kbd>e</kbd></label>`
    }`;
}

// How the parts of a comparison are named in the UI.

/** @typedef {import('./types/api').Section} Section */

/**
 * In running text: "Note on tradeoff: …". Typed by the Rust enum, so a
 * section added there and forgotten here fails the type check.
 * @type {Readonly<Record<Section, string>>}
 */
export const SECTION_LABEL = Object.freeze({
  comparison: "comparison",
  subject: "subject",
  difference: "difference",
  when_to_use: "when to use",
  tradeoff: "tradeoff",
  mistake: "mistake",
  interview_tip: "interview tip",
  dimension: "grid row",
  scenario: "scenario",
});

/**
 * As a heading or a result's place: "Common mistake".
 * @type {Readonly<Record<Section, string>>}
 */
export const SECTION_TITLE = Object.freeze({
  comparison: "Comparison",
  subject: "Subject",
  difference: "Key difference",
  when_to_use: "When to use",
  tradeoff: "Tradeoff",
  mistake: "Common mistake",
  interview_tip: "Interview tip",
  dimension: "At a glance",
  scenario: "Scenario",
});

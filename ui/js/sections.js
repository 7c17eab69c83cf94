// How the parts of a comparison are named in the UI.

/** In running text: "Note on tradeoff: …". */
export const SECTION_LABEL = Object.freeze({
  comparison: "comparison",
  subject: "subject",
  difference: "difference",
  when_to_use: "when to use",
  tradeoff: "tradeoff",
  mistake: "mistake",
  interview_tip: "interview tip",
});

/** As a heading or a result's place: "Common mistake". */
export const SECTION_TITLE = Object.freeze({
  comparison: "Comparison",
  subject: "Subject",
  difference: "Key difference",
  when_to_use: "When to use",
  tradeoff: "Tradeoff",
  mistake: "Common mistake",
  interview_tip: "Interview tip",
});

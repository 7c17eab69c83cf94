//! The content format: one comparison per JSON file (see `content/schema.json`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A slug: lowercase ASCII letters and digits in groups joined by single hyphens.
pub const SLUG_PATTERN: &str = r"^[a-z0-9]+(-[a-z0-9]+)*$";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Versus comparison")]
pub struct Comparison {
    #[schemars(regex(pattern = SLUG_PATTERN))]
    pub id: String,
    #[schemars(length(min = 1))]
    pub title: String,
    #[schemars(length(min = 1))]
    pub category: String,
    #[schemars(length(min = 1))]
    pub summary: String,
    #[schemars(length(min = 2, max = 4))]
    pub subjects: Vec<Subject>,
    /// The shipped library has at least 4; a learner's own comparison or a
    /// pack's needs at least 1 (fewer than 4 is advice, not an error).
    #[schemars(length(min = 1))]
    pub differences: Vec<Item>,
    #[schemars(length(min = 2, max = 4))]
    pub when_to_use: Vec<WhenToUse>,
    /// The shipped library has at least 3 (advice for packs).
    pub tradeoffs: Vec<Item>,
    /// The shipped library has at least 3 (advice for packs).
    pub mistakes: Vec<Item>,
    #[schemars(length(min = 1))]
    pub interview_tip: String,
    pub tags: Vec<Tag>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    #[schemars(regex(pattern = SLUG_PATTERN))]
    pub id: String,
    #[schemars(length(min = 1))]
    pub name: String,
    #[schemars(length(min = 1))]
    pub category: String,
    #[schemars(length(min = 1))]
    pub description: String,
}

/// A difference, tradeoff or mistake: one statement with a stable id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    #[schemars(regex(pattern = SLUG_PATTERN))]
    pub id: String,
    #[schemars(length(min = 1))]
    pub text: String,
}

/// When to use one subject; the subject's id is the item's id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WhenToUse {
    #[schemars(regex(pattern = SLUG_PATTERN))]
    pub subject: String,
    #[schemars(length(min = 1))]
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Tag(#[schemars(regex(pattern = SLUG_PATTERN))] pub String);

/// The parts of a comparison a note can hang on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// The comparison as a whole; its one item id is [`Section::SINGLE_ITEM`].
    Comparison,
    Subject,
    Difference,
    WhenToUse,
    Tradeoff,
    Mistake,
    /// The interview tip; its one item id is [`Section::SINGLE_ITEM`].
    InterviewTip,
}

impl Section {
    /// Item id used by the sections that hold exactly one thing.
    pub const SINGLE_ITEM: &'static str = "main";

    /// Words a person reads, as in "Note on tradeoff: ...".
    pub fn label(self) -> &'static str {
        match self {
            Section::Comparison => "comparison",
            Section::Subject => "subject",
            Section::Difference => "difference",
            Section::WhenToUse => "when to use",
            Section::Tradeoff => "tradeoff",
            Section::Mistake => "mistake",
            Section::InterviewTip => "interview tip",
        }
    }
}

crate::text_enum!(Section, "section", {
    Comparison => "comparison",
    Subject => "subject",
    Difference => "difference",
    WhenToUse => "when_to_use",
    Tradeoff => "tradeoff",
    Mistake => "mistake",
    InterviewTip => "interview_tip",
});

impl Comparison {
    /// Every item a note can attach to, in page order: (section, item id, text).
    pub fn items(&self) -> Vec<(Section, &str, &str)> {
        let mut items = vec![(Section::Comparison, Section::SINGLE_ITEM, self.summary.as_str())];
        items.extend(self.subjects.iter().map(|s| (Section::Subject, s.id.as_str(), s.description.as_str())));
        items.extend(self.differences.iter().map(|i| (Section::Difference, i.id.as_str(), i.text.as_str())));
        items.extend(
            self.when_to_use.iter().map(|w| (Section::WhenToUse, w.subject.as_str(), w.text.as_str())),
        );
        items.extend(self.tradeoffs.iter().map(|i| (Section::Tradeoff, i.id.as_str(), i.text.as_str())));
        items.extend(self.mistakes.iter().map(|i| (Section::Mistake, i.id.as_str(), i.text.as_str())));
        items.push((Section::InterviewTip, Section::SINGLE_ITEM, self.interview_tip.as_str()));
        items
    }
}

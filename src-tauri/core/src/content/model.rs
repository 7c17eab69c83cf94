//! The content format: one comparison per JSON file (see `content/schema.json`).

use std::collections::BTreeMap;

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
    /// The day its facts were last verified against its sources (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub checked: Option<String>,
    /// Official documentation the facts come from, https only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// The at-a-glance grid: 5 to 8 rows, a short value for every subject.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 8))]
    pub dimensions: Vec<Dimension>,
    /// 3 to 6 short situations, each with one best subject.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 6))]
    pub scenarios: Vec<Scenario>,
}

/// A page of official documentation a comparison's facts come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[schemars(length(min = 1))]
    pub title: String,
    #[schemars(regex(pattern = r"^https://[^\s/]+\.[^\s]*$"))]
    pub url: String,
}

/// One row of the at-a-glance grid ("Longest run"), with a value per subject id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    #[schemars(regex(pattern = SLUG_PATTERN))]
    pub id: String,
    #[schemars(length(min = 1))]
    pub label: String,
    /// Subject id -> at most 90 characters.
    pub values: BTreeMap<String, String>,
}

/// A situation with one best answer, for practice: it names no subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    #[schemars(regex(pattern = SLUG_PATTERN))]
    pub id: String,
    #[schemars(length(min = 1))]
    pub text: String,
    /// The id of the subject that fits best.
    #[schemars(regex(pattern = SLUG_PATTERN))]
    pub answer: String,
    /// The id of the difference or when-to-use entry that decides it.
    #[schemars(regex(pattern = SLUG_PATTERN))]
    pub because: String,
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
    /// The thing itself, the same in every comparison that has it
    /// (`aws-lambda`), so two comparisons can be known to speak of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = SLUG_PATTERN))]
    pub key: Option<String>,
    /// The short forms people use for it ("lake" for a data lake), blanked
    /// out of cards like the name and kept out of scenarios.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
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
    /// A row of the at-a-glance grid.
    Dimension,
    /// A "which would you pick?" situation: a practice card, not a note target.
    Scenario,
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
            Section::Dimension => "grid row",
            Section::Scenario => "scenario",
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
    Dimension => "dimension",
    Scenario => "scenario",
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

    /// The grid's rows as note targets: (row id, label, the values in
    /// subject order joined as one line), which the store keeps as items.
    pub fn grid_rows(&self) -> Vec<(&str, &str, String)> {
        self.dimensions
            .iter()
            .map(|row| {
                let values: Vec<&str> = self
                    .subjects
                    .iter()
                    .map(|s| row.values.get(&s.id).map(String::as_str).unwrap_or(""))
                    .collect();
                (row.id.as_str(), row.label.as_str(), values.join(" / "))
            })
            .collect()
    }
}

//! A comparison as the learner writes it in the editor: the same sections as
//! the content format, but ids may still be empty and each subject carries
//! its own when-to-use text. Publishing turns it into a [`Comparison`],
//! giving every new part an id made from its words once; an id never changes
//! after that, whatever the text becomes, so notes and cards stay attached.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{Comparison, Item, Section, Subject, Tag, WhenToUse};
use super::validate::{check_structure, minimum_counts};

/// The most a draft's JSON may take; far beyond any real comparison.
pub const MAX_DRAFT_BYTES: usize = 1024 * 1024;

/// Field names match the content format, so a message names a field as the
/// content errors do: `differences[2].text`, `when_to_use[1].text`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields, default)]
pub struct DraftDocument {
    pub title: String,
    pub category: String,
    pub summary: String,
    pub subjects: Vec<DraftSubject>,
    pub differences: Vec<DraftItem>,
    pub tradeoffs: Vec<DraftItem>,
    pub mistakes: Vec<DraftItem>,
    pub interview_tip: String,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields, default)]
pub struct DraftSubject {
    /// Empty until first published.
    pub id: String,
    pub name: String,
    /// What kind of thing it is ("Object storage"); the comparison's
    /// category when left empty. `subjects[i].category` in messages.
    pub category: String,
    pub description: String,
    /// When to use this subject; `when_to_use[i].text` in messages.
    pub when_to_use: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields, default)]
pub struct DraftItem {
    /// Empty until first published.
    pub id: String,
    pub text: String,
}

/// One message beside one field of the editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldMessage {
    pub field: String,
    pub message: String,
}

/// What the editor shows as the learner types: errors block publishing,
/// advice does not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct DraftCheck {
    pub errors: Vec<FieldMessage>,
    pub advice: Vec<FieldMessage>,
}

impl DraftCheck {
    pub fn is_publishable(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Ids already given to parts of one comparison, current or retired: a new
/// part never takes one, so it can never inherit an old part's note or card.
#[derive(Debug, Clone, Default)]
pub struct UsedIds(pub HashSet<(Section, String)>);

impl DraftDocument {
    /// The editor's form of a published comparison, ids kept.
    pub fn from_comparison(c: &Comparison) -> DraftDocument {
        let items = |list: &[Item]| {
            list.iter().map(|i| DraftItem { id: i.id.clone(), text: i.text.clone() }).collect::<Vec<_>>()
        };
        DraftDocument {
            title: c.title.clone(),
            category: c.category.clone(),
            summary: c.summary.clone(),
            subjects: c
                .subjects
                .iter()
                .map(|s| DraftSubject {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    category: if s.category == c.category { String::new() } else { s.category.clone() },
                    description: s.description.clone(),
                    when_to_use: c
                        .when_to_use
                        .iter()
                        .find(|w| w.subject == s.id)
                        .map(|w| w.text.clone())
                        .unwrap_or_default(),
                })
                .collect(),
            differences: items(&c.differences),
            tradeoffs: items(&c.tradeoffs),
            mistakes: items(&c.mistakes),
            interview_tip: c.interview_tip.clone(),
            tags: c.tags.iter().map(|t| t.0.clone()).collect(),
        }
    }

    /// The comparison this draft publishes as `id`: every empty id is made
    /// from its part's words, unique in its section and unused in `used`.
    /// Texts are trimmed; tags become slugs.
    pub fn to_comparison(&self, id: &str, used: &UsedIds) -> Comparison {
        let mut taken = used.0.clone();
        // The ids the draft already carries are taken before any new part
        // gets one, wherever they stand: a new part placed above a kept one
        // (in a copy, whose ids are not yet in `used`) never takes its id.
        for subject in self.subjects.iter().filter(|s| !s.id.is_empty()) {
            taken.insert((Section::Subject, subject.id.clone()));
            taken.insert((Section::WhenToUse, subject.id.clone()));
        }
        for (list, section) in [
            (&self.differences, Section::Difference),
            (&self.tradeoffs, Section::Tradeoff),
            (&self.mistakes, Section::Mistake),
        ] {
            taken.extend(list.iter().filter(|i| !i.id.is_empty()).map(|i| (section, i.id.clone())));
        }
        let mut subjects = Vec::new();
        let mut when_to_use = Vec::new();
        for subject in &self.subjects {
            let sid = assign_id(&subject.id, &subject.name, Section::Subject, "subject", &mut taken);
            // A subject's when-to-use entry shares its id.
            taken.insert((Section::WhenToUse, sid.clone()));
            let category = match subject.category.trim() {
                "" => self.category.trim(),
                own => own,
            };
            subjects.push(Subject {
                id: sid.clone(),
                name: subject.name.trim().to_string(),
                category: category.to_string(),
                description: subject.description.trim().to_string(),
                key: None,
                aliases: Vec::new(),
            });
            when_to_use.push(WhenToUse { subject: sid, text: subject.when_to_use.trim().to_string() });
        }
        let mut items = |list: &[DraftItem], section: Section, fallback: &str| -> Vec<Item> {
            list.iter()
                .map(|item| Item {
                    id: assign_id(&item.id, &item.text, section, fallback, &mut taken),
                    text: item.text.trim().to_string(),
                })
                .collect()
        };
        let differences = items(&self.differences, Section::Difference, "difference");
        let tradeoffs = items(&self.tradeoffs, Section::Tradeoff, "tradeoff");
        let mistakes = items(&self.mistakes, Section::Mistake, "mistake");
        let mut tags: Vec<Tag> = Vec::new();
        for tag in self.tags.iter().map(|t| slug_of(t, 6)).filter(|t| !t.is_empty()) {
            if !tags.iter().any(|t| t.0 == tag) {
                tags.push(Tag(tag));
            }
        }
        Comparison {
            id: id.to_string(),
            title: self.title.trim().to_string(),
            category: self.category.trim().to_string(),
            summary: self.summary.trim().to_string(),
            subjects,
            differences,
            when_to_use,
            tradeoffs,
            mistakes,
            interview_tip: self.interview_tip.trim().to_string(),
            tags,
            // The grid, scenarios and sources are not written in the editor
            // yet: a copy starts without them.
            checked: None,
            sources: Vec::new(),
            dimensions: Vec::new(),
            scenarios: Vec::new(),
        }
    }

    /// Checks the draft by the rules every comparison meets (errors) and the
    /// shipped library's minimum counts (advice), with the messages placed on
    /// the editor's fields.
    pub fn check(&self) -> DraftCheck {
        let comparison = self.to_comparison("draft", &UsedIds::default());
        let mut errors = Vec::new();
        check_structure(&comparison, &mut |field, message| errors.push(FieldMessage { field, message }));
        // Ids are made by the app, never typed; a slug error on an id is the
        // name's or text's problem, which has its own message.
        errors.retain(|e| !e.field.ends_with(".id") && e.field != "id");
        let advice = minimum_counts(&comparison)
            .into_iter()
            .map(|(field, message)| FieldMessage { field, message })
            .collect();
        DraftCheck { errors, advice }
    }
}

/// `id` when the part has one; otherwise a slug of the first words of
/// `words`, made unique among `taken` by a number, and recorded there.
fn assign_id(
    id: &str,
    words: &str,
    section: Section,
    fallback: &str,
    taken: &mut HashSet<(Section, String)>,
) -> String {
    if !id.is_empty() {
        taken.insert((section, id.to_string()));
        return id.to_string();
    }
    let base = match slug_of(words, 5) {
        slug if slug.is_empty() => fallback.to_string(),
        slug => slug,
    };
    let mut candidate = base.clone();
    let mut number = 2;
    while taken.contains(&(section, candidate.clone())) {
        candidate = format!("{base}-{number}");
        number += 1;
    }
    taken.insert((section, candidate.clone()));
    candidate
}

/// A slug of the first `max_words` words of `text`, at most 48 characters:
/// "Lambda runs for 15 minutes at most" -> "lambda-runs-for-15-minutes".
pub fn slug_of(text: &str, max_words: usize) -> String {
    let mut slug = String::new();
    for word in text
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(max_words)
    {
        if slug.len() + word.len() + 1 > 48 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_words_once_and_never_collide() {
        let mut draft = DraftDocument {
            title: "Kafka vs Pulsar".into(),
            category: "Messaging & Streaming".into(),
            ..Default::default()
        };
        draft.differences = vec![
            DraftItem { id: String::new(), text: "Storage is tiered".into() },
            DraftItem { id: String::new(), text: "Storage is tiered!".into() },
            DraftItem { id: "kept".into(), text: "Anything at all".into() },
        ];
        let mut used = UsedIds::default();
        used.0.insert((Section::Difference, "storage-is-tiered".into()));
        let c = draft.to_comparison("kafka-vs-pulsar", &used);
        let ids: Vec<&str> = c.differences.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["storage-is-tiered-2", "storage-is-tiered-3", "kept"]);
    }

    #[test]
    fn slugs_drop_what_is_not_ascii_and_stop_at_five_words() {
        assert_eq!(slug_of("  Größe: one two three four five six", 5), "gr-e-one-two-three");
        assert_eq!(slug_of("???", 5), "");
    }
}

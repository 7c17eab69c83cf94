//! Rules a comparison must meet beyond its JSON shape.

use std::collections::HashSet;

use super::model::{Comparison, Item};
use super::trust::{check_trust_fields, trust_requirements};
use super::ContentError;

pub const MIN_SUBJECTS: usize = 2;
pub const MAX_SUBJECTS: usize = 4;
pub const MIN_DIFFERENCES: usize = 4;
pub const MIN_TRADEOFFS: usize = 3;
pub const MIN_MISTAKES: usize = 3;

pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// "Messaging & Streaming" -> "messaging-streaming": the folder a category's files live in.
pub fn category_slug(category: &str) -> String {
    category
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Checks a shipped comparison, read from `file` (a path relative to the
/// library root, such as `compute/ec2-vs-lambda.json`), and returns every
/// rule it breaks: the structure every comparison meets, its place in the
/// library's folders, the library's minimum counts, and its trust fields.
pub fn validate(file: &str, comparison: &Comparison) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut fail = |field: String, message: String| errors.push(ContentError::new(file, field, message));
    let path = std::path::Path::new(file);
    if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
        if stem != comparison.id {
            fail("id".into(), format!("{:?} must match the file name {stem:?}", comparison.id));
        }
    }
    if let Some(folder) = path.parent().and_then(|p| p.file_name()).and_then(|f| f.to_str()) {
        let expected = category_slug(&comparison.category);
        if folder != expected {
            fail(
                "category".into(),
                format!(
                    "category {:?} belongs in the folder {expected:?}, not {folder:?}",
                    comparison.category
                ),
            );
        }
    }
    check_structure(comparison, &mut fail);
    for (field, message) in minimum_counts(comparison) {
        fail(field, message);
    }
    for (field, message) in trust_requirements(comparison) {
        fail(field, message);
    }
    errors
}

/// The shipped library's minimum counts that `comparison` falls short of, as
/// (field, message). For a learner's own comparison and a pack's these are
/// advice: shown, never enforced.
pub fn minimum_counts(comparison: &Comparison) -> Vec<(String, String)> {
    [
        ("differences", comparison.differences.len(), MIN_DIFFERENCES),
        ("tradeoffs", comparison.tradeoffs.len(), MIN_TRADEOFFS),
        ("mistakes", comparison.mistakes.len(), MIN_MISTAKES),
    ]
    .into_iter()
    .filter(|(_, found, min)| found < min)
    .map(|(section, found, min)| (section.to_string(), format!("needs at least {min} items, found {found}")))
    .collect()
}

/// The rules every comparison meets, shipped, the learner's own or a pack's:
/// slugs and unique ids, 2 to 4 subjects with one when-to-use entry each,
/// at least one difference, no empty text. Reports (field, message).
pub fn check_structure(comparison: &Comparison, fail: &mut impl FnMut(String, String)) {
    if !is_slug(&comparison.id) {
        fail("id".into(), format!("{:?} is not a lowercase slug (a-z, 0-9, single hyphens)", comparison.id));
    }
    for (field, value) in [
        ("title", &comparison.title),
        ("category", &comparison.category),
        ("summary", &comparison.summary),
        ("interview_tip", &comparison.interview_tip),
    ] {
        if value.trim().is_empty() {
            fail(field.into(), "must not be empty".into());
        }
    }

    let subjects = &comparison.subjects;
    if !(MIN_SUBJECTS..=MAX_SUBJECTS).contains(&subjects.len()) {
        fail(
            "subjects".into(),
            format!("needs {MIN_SUBJECTS} to {MAX_SUBJECTS} subjects, found {}", subjects.len()),
        );
    }
    let mut subject_ids = HashSet::new();
    for (index, subject) in subjects.iter().enumerate() {
        let at = format!("subjects[{index}]");
        if !is_slug(&subject.id) {
            fail(format!("{at}.id"), format!("{:?} is not a lowercase slug", subject.id));
        }
        if !subject_ids.insert(subject.id.as_str()) {
            fail(format!("{at}.id"), format!("{:?} is used by another subject", subject.id));
        }
        for (name, value) in
            [("name", &subject.name), ("category", &subject.category), ("description", &subject.description)]
        {
            if value.trim().is_empty() {
                fail(format!("{at}.{name}"), "must not be empty".into());
            }
        }
    }

    if comparison.differences.is_empty() {
        fail("differences".into(), "needs at least one difference".into());
    }
    for (section, items) in [
        ("differences", &comparison.differences),
        ("tradeoffs", &comparison.tradeoffs),
        ("mistakes", &comparison.mistakes),
    ] {
        check_items(section, items, fail);
    }
    check_trust_fields(comparison, fail);

    let mut covered = HashSet::new();
    for (index, entry) in comparison.when_to_use.iter().enumerate() {
        let at = format!("when_to_use[{index}]");
        if !subject_ids.contains(entry.subject.as_str()) {
            fail(format!("{at}.subject"), format!("{:?} names no subject of this comparison", entry.subject));
        } else if !covered.insert(entry.subject.as_str()) {
            fail(format!("{at}.subject"), format!("{:?} already has a when-to-use entry", entry.subject));
        }
        if entry.text.trim().is_empty() {
            fail(format!("{at}.text"), "must not be empty".into());
        }
    }
    let mut missing: Vec<&str> = subject_ids.difference(&covered).copied().collect();
    if !missing.is_empty() {
        missing.sort_unstable();
        fail(
            "when_to_use".into(),
            format!("needs exactly one entry per subject; missing: {}", missing.join(", ")),
        );
    }

    let mut tags = HashSet::new();
    for (index, tag) in comparison.tags.iter().enumerate() {
        if !is_slug(&tag.0) {
            fail(format!("tags[{index}]"), format!("{:?} is not a lowercase slug", tag.0));
        } else if !tags.insert(tag.0.as_str()) {
            fail(format!("tags[{index}]"), format!("{:?} is listed twice", tag.0));
        }
    }
}

fn check_items(section: &str, items: &[Item], fail: &mut impl FnMut(String, String)) {
    let mut ids = HashSet::new();
    for (index, item) in items.iter().enumerate() {
        let at = format!("{section}[{index}]");
        if !is_slug(&item.id) {
            fail(format!("{at}.id"), format!("{:?} is not a lowercase slug", item.id));
        } else if !ids.insert(item.id.as_str()) {
            fail(format!("{at}.id"), format!("{:?} is used by another item in {section}", item.id));
        }
        if item.text.trim().is_empty() {
            fail(format!("{at}.text"), "must not be empty".into());
        }
    }
}

//! What makes content trustworthy: the day its facts were checked, the
//! sources they come from, the at-a-glance grid, scenarios that give no
//! answer away, and subject keys. The rules hold whenever a comparison has
//! these fields; the shipped library requires them all.

use std::collections::HashSet;

use super::model::{Comparison, Dimension, Scenario};
use super::naming::{replace_word_ignoring_case, subject_forms, SubjectName};
use super::validate::is_slug;

pub const DIMENSION_ROWS: std::ops::RangeInclusive<usize> = 5..=8;
pub const SCENARIOS: std::ops::RangeInclusive<usize> = 3..=6;
pub const MAX_DIMENSION_VALUE: usize = 90;

/// What the shipped library requires beyond the structure: the day its facts
/// were checked, at least one source per subject, the grid, scenarios and a
/// key for every subject. Optional in a learner's own comparisons and packs.
pub fn trust_requirements(comparison: &Comparison) -> Vec<(String, String)> {
    let mut missing = Vec::new();
    if comparison.checked.is_none() {
        missing.push((
            "checked".into(),
            "is required: the day its facts were last verified (YYYY-MM-DD)".into(),
        ));
    }
    if comparison.sources.len() < comparison.subjects.len().max(1) {
        missing.push((
            "sources".into(),
            format!(
                "needs at least one source per subject ({}), found {}",
                comparison.subjects.len(),
                comparison.sources.len()
            ),
        ));
    }
    if comparison.dimensions.is_empty() {
        missing.push(("dimensions".into(), "is required: the at-a-glance grid".into()));
    }
    if comparison.scenarios.is_empty() {
        missing.push(("scenarios".into(), "is required: situations to practise on".into()));
    }
    for (index, subject) in comparison.subjects.iter().enumerate() {
        if subject.key.is_none() {
            missing.push((format!("subjects[{index}].key"), "is required: the thing's global slug".into()));
        }
    }
    missing
}

/// A real calendar day written YYYY-MM-DD.
pub fn is_real_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| {
        text.get(range).and_then(|part| {
            part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse::<u32>().ok()).flatten()
        })
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 2000 && (1..=days).contains(&day)
}

/// An https address with a host: what a source may link to.
pub fn is_https_url(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !text.chars().any(char::is_whitespace)
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
}

/// A subject's short form is a word or two.
const MAX_ALIAS: usize = 40;

/// The rules the grid, scenarios, sources, the checked day and subject keys
/// meet whenever a comparison has them (shipped, own or a pack's).
pub(super) fn check_trust_fields(comparison: &Comparison, fail: &mut impl FnMut(String, String)) {
    if let Some(checked) = &comparison.checked {
        let today = crate::clock::iso_date(crate::clock::now_ms());
        if !is_real_date(checked) {
            fail("checked".into(), format!("{checked:?} is not a real day written YYYY-MM-DD"));
        } else if checked.as_str() > today.as_str() {
            fail("checked".into(), format!("{checked} is in the future (today is {today})"));
        }
    }
    for (index, source) in comparison.sources.iter().enumerate() {
        if source.title.trim().is_empty() {
            fail(format!("sources[{index}].title"), "must not be empty".into());
        }
        if !is_https_url(&source.url) {
            fail(format!("sources[{index}].url"), format!("{:?} is not an https address", source.url));
        }
    }
    let subject_ids: HashSet<&str> = comparison.subjects.iter().map(|s| s.id.as_str()).collect();
    for (index, subject) in comparison.subjects.iter().enumerate() {
        if let Some(key) = &subject.key {
            if !is_slug(key) {
                fail(format!("subjects[{index}].key"), format!("{key:?} is not a lowercase slug"));
            }
        }
        for (at, alias) in subject.aliases.iter().enumerate() {
            let letters = alias.chars().filter(|c| c.is_alphanumeric()).count();
            if letters < 2 || alias.chars().count() > MAX_ALIAS {
                fail(
                    format!("subjects[{index}].aliases[{at}]"),
                    format!("{alias:?} is not a short form: 2 to {MAX_ALIAS} characters, letters or digits among them"),
                );
            }
        }
    }

    let rows = &comparison.dimensions;
    if !rows.is_empty() && !DIMENSION_ROWS.contains(&rows.len()) {
        fail(
            "dimensions".into(),
            format!(
                "needs {} to {} rows, found {}",
                DIMENSION_ROWS.start(),
                DIMENSION_ROWS.end(),
                rows.len()
            ),
        );
    }
    let mut row_ids = HashSet::new();
    for (index, row) in rows.iter().enumerate() {
        let at = format!("dimensions[{index}]");
        if !is_slug(&row.id) {
            fail(format!("{at}.id"), format!("{:?} is not a lowercase slug", row.id));
        } else if !row_ids.insert(row.id.as_str()) {
            fail(format!("{at}.id"), format!("{:?} is used by another row", row.id));
        }
        if row.label.trim().is_empty() {
            fail(format!("{at}.label"), "must not be empty".into());
        }
        for subject in &comparison.subjects {
            match row.values.get(&subject.id) {
                None => {
                    fail(format!("{at}.values"), format!("has no value for the subject {:?}", subject.id))
                }
                Some(value) if value.trim().is_empty() => {
                    fail(format!("{at}.values.{}", subject.id), "must not be empty".into())
                }
                Some(value) if value.chars().count() > MAX_DIMENSION_VALUE => fail(
                    format!("{at}.values.{}", subject.id),
                    format!(
                        "is {} characters; a grid value has at most {MAX_DIMENSION_VALUE}",
                        value.chars().count()
                    ),
                ),
                Some(_) => {}
            }
        }
        for id in row.values.keys().filter(|id| !subject_ids.contains(id.as_str())) {
            fail(format!("{at}.values.{id}"), format!("{id:?} names no subject of this comparison"));
        }
    }

    let scenarios = &comparison.scenarios;
    if !scenarios.is_empty() && !SCENARIOS.contains(&scenarios.len()) {
        fail(
            "scenarios".into(),
            format!(
                "needs {} to {} scenarios, found {}",
                SCENARIOS.start(),
                SCENARIOS.end(),
                scenarios.len()
            ),
        );
    }
    let deciding = deciding_ids(comparison);
    let forms = forms_of(comparison);
    let mut scenario_ids = HashSet::new();
    for (index, scenario) in scenarios.iter().enumerate() {
        let at = format!("scenarios[{index}]");
        if !is_slug(&scenario.id) {
            fail(format!("{at}.id"), format!("{:?} is not a lowercase slug", scenario.id));
        } else if !scenario_ids.insert(scenario.id.as_str()) {
            fail(format!("{at}.id"), format!("{:?} is used by another scenario", scenario.id));
        }
        if scenario.text.trim().is_empty() {
            fail(format!("{at}.text"), "must not be empty".into());
        }
        if let Some(named) = named_subject(&forms, &scenario.text) {
            fail(
                format!("{at}.text"),
                format!("names a subject ({named:?}); a scenario must not give its answer away"),
            );
        }
        if !subject_ids.contains(scenario.answer.as_str()) {
            fail(
                format!("{at}.answer"),
                format!("{:?} names no subject of this comparison", scenario.answer),
            );
        }
        if !deciding.contains(scenario.because.as_str()) {
            fail(
                format!("{at}.because"),
                format!(
                    "{:?} is neither a difference nor a when-to-use entry of this comparison",
                    scenario.because
                ),
            );
        }
    }
}

/// What a learner's own comparison keeps of the sources, keys, grid and
/// scenarios of the comparison it copies or edits (`base`), which the editor
/// does not show: the sources; a subject's key while its id and name stay;
/// the grid rows that still have a value for every subject, and scenarios
/// whose answer and reason still exist and that still name no subject, each
/// only while enough are left to meet the rules. The checked day is not
/// kept: the learner's text is theirs, not verified by Versus.
pub fn carry_trust_fields(comparison: &mut Comparison, base: &Comparison) {
    comparison.sources = base.sources.clone();
    for subject in &mut comparison.subjects {
        let same = base.subjects.iter().find(|b| b.id == subject.id && b.name == subject.name);
        subject.key = same.and_then(|b| b.key.clone());
        subject.aliases = same.map(|b| b.aliases.clone()).unwrap_or_default();
    }
    let ids: Vec<&str> = comparison.subjects.iter().map(|s| s.id.as_str()).collect();
    let rows: Vec<Dimension> = base
        .dimensions
        .iter()
        .filter(|row| ids.iter().all(|id| row.values.get(*id).is_some_and(|v| !v.trim().is_empty())))
        .map(|row| Dimension {
            id: row.id.clone(),
            label: row.label.clone(),
            values: row
                .values
                .iter()
                .filter(|(id, _)| ids.contains(&id.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        })
        .collect();
    comparison.dimensions = if DIMENSION_ROWS.contains(&rows.len()) { rows } else { Vec::new() };
    let deciding = deciding_ids(comparison);
    let forms = forms_of(comparison);
    let scenarios: Vec<Scenario> = base
        .scenarios
        .iter()
        .filter(|s| ids.contains(&s.answer.as_str()) && deciding.contains(s.because.as_str()))
        .filter(|s| named_subject(&forms, &s.text).is_none())
        .cloned()
        .collect();
    comparison.scenarios = if SCENARIOS.contains(&scenarios.len()) { scenarios } else { Vec::new() };
    comparison.checked = None;
}

/// The ids a scenario's `because` may name: a difference, or a subject's
/// when-to-use entry.
fn deciding_ids(comparison: &Comparison) -> HashSet<&str> {
    comparison
        .differences
        .iter()
        .map(|d| d.id.as_str())
        .chain(comparison.when_to_use.iter().map(|w| w.subject.as_str()))
        .collect()
}

/// Every form of every subject's name, as the cards blank them out.
fn forms_of(comparison: &Comparison) -> Vec<String> {
    let names: Vec<SubjectName> = comparison.subjects.iter().map(SubjectName::of).collect();
    subject_forms(&comparison.title, &names)
}

/// The first of `forms` that `text` names as a whole word, if any.
fn named_subject<'a>(forms: &'a [String], text: &str) -> Option<&'a String> {
    forms.iter().find(|form| replace_word_ignoring_case(text, form, "") != text)
}

//! "Which would you pick?": a scenario's choices (the comparison's subjects
//! and up to two confusable ones from comparisons near it), answering one,
//! graded objectively, and the pairs of subjects a learner confuses.

use std::collections::{BTreeMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::content::naming::{blank_subjects, SubjectName};
use crate::content::{Comparison, Scenario, Section, CLOUD_TAGS};
use crate::error::{Entity, Error, OrNotFound, Result};
use crate::store::comparison_document;
use crate::study::cards::CardKind;
use crate::study::interleave::mix;
use crate::study::review::{grade_card, log_cram, Graded};
use crate::study::{Clock, Grade, StudySettings};

/// Confusable subjects from other comparisons offered beside a scenario's own.
const DISTRACTORS: usize = 2;

/// One subject a learner can pick, told apart from others by its global key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    pub key: String,
    pub name: String,
}

/// What answering a scenario showed: whether the pick was right, the right
/// subject, the item that decides it and the learner's note on that item.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PracticeAnswer {
    pub correct: bool,
    pub right: Choice,
    pub chosen: Choice,
    pub because_section: Section,
    pub because_item: String,
    pub because_text: String,
    pub note: Option<String>,
    /// The schedule the answer gave; none in a cram session, which changes none.
    pub graded: Option<Graded>,
}

/// Two subjects a learner mixed up, in either direction, and how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConfusionPair {
    /// The category of the comparison where it happened last.
    pub category: String,
    pub first: Choice,
    pub second: Choice,
    pub count: i64,
    pub last_at: i64,
}

/// A subject's global key; a learner's own comparison may have none, and
/// then its subject is told apart by where it lives.
fn key_of(comparison_id: &str, subject_id: &str, key: Option<&str>) -> String {
    key.map_or_else(|| format!("{comparison_id}.{subject_id}"), str::to_string)
}

/// A scenario card's comparison and scenario, refusing any other card.
fn scenario_of(conn: &Connection, card_id: i64) -> Result<(Comparison, Scenario)> {
    let (comparison_id, kind, scenario_id): (String, CardKind, String) = conn
        .prepare_cached("SELECT comparison_id, kind, item_id FROM card WHERE id = ?1")?
        .query_row([card_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()
        .or_not_found(Entity::Card, card_id)?;
    if kind != CardKind::Scenario {
        return Err(Error::InvalidArgument(format!("card {card_id} is not a scenario")));
    }
    let comparison = comparison_document(conn, &comparison_id)?;
    let scenario = comparison
        .scenarios
        .iter()
        .find(|s| s.id == scenario_id)
        .cloned()
        .ok_or_else(|| Error::not_found(Entity::Card, card_id))?;
    Ok((comparison, scenario))
}

/// The choices for a scenario card, the same on every showing: the
/// comparison's subjects and up to two subjects from other comparisons of
/// its category sharing a topic tag, never two with one key, in an order
/// that gives nothing away.
pub fn choices_for(conn: &Connection, card_id: i64) -> Result<Vec<Choice>> {
    let (comparison, _) = scenario_of(conn, card_id)?;
    let mut choices: Vec<Choice> = comparison
        .subjects
        .iter()
        .map(|s| Choice { key: key_of(&comparison.id, &s.id, s.key.as_deref()), name: s.name.clone() })
        .collect();
    let mut taken: HashSet<String> = choices.iter().map(|c| c.key.clone()).collect();
    let names: HashSet<String> = choices.iter().map(|c| c.name.to_lowercase()).collect();
    let topics: HashSet<&str> =
        comparison.tags.iter().map(|t| t.0.as_str()).filter(|t| !CLOUD_TAGS.contains(t)).collect();
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.tags, s.value ->> 'id', s.value ->> 'name', s.value ->> 'key'
         FROM comparison m, json_each(m.document, '$.subjects') s
         WHERE m.retired = 0 AND m.category = ?1 AND m.id <> ?2",
    )?;
    let rows = stmt.query_map(params![comparison.category, comparison.id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    let mut candidates: BTreeMap<String, String> = BTreeMap::new();
    for row in rows {
        let (other_id, tags, subject_id, name, key) = row?;
        let (Some(subject_id), Some(name)) = (subject_id, name) else { continue };
        let tags: Vec<String> = serde_json::from_str(&tags).map_err(|err| Error::damaged_json(0, err))?;
        let variant = comparison.subjects.iter().any(|own| names_each_other(&own.name, &name));
        if !tags.iter().any(|t| topics.contains(t.as_str()))
            || names.contains(&name.to_lowercase())
            || variant
        {
            continue;
        }
        candidates.entry(key_of(&other_id, &subject_id, key.as_deref())).or_insert(name);
    }
    let mut candidates: Vec<(String, String)> =
        candidates.into_iter().filter(|(k, _)| !taken.contains(k)).collect();
    candidates.sort_by_key(|(key, _)| (text_mix(card_id, key), key.clone()));
    for (key, name) in candidates.into_iter().take(DISTRACTORS) {
        taken.insert(key.clone());
        choices.push(Choice { key, name });
    }
    choices.sort_by_key(|c| (text_mix(card_id.wrapping_add(1), &c.key), c.key.clone()));
    Ok(choices)
}

/// Whether one name contains the other in any form the cards blank out
/// ("EC2 On-Demand Instances" and "Amazon EC2"): a variant of a subject
/// would make a second right answer, not a confusable one.
fn names_each_other(a: &str, b: &str) -> bool {
    let named = |text: &str, name: &str| {
        let subject = SubjectName { id: String::new(), name: name.to_string(), aliases: Vec::new() };
        blank_subjects(text, "", &[subject]) != text
    };
    named(a, b) || named(b, a)
}

fn text_mix(seed: i64, text: &str) -> u64 {
    text.bytes().fold(mix(seed, text.len() as i64), |h, b| mix(h as i64, i64::from(b)))
}

/// The item that decides a scenario: a difference, or a subject's when-to-use entry.
fn deciding_item(comparison: &Comparison, because: &str) -> (Section, String, String) {
    if let Some(d) = comparison.differences.iter().find(|d| d.id == because) {
        return (Section::Difference, d.id.clone(), d.text.clone());
    }
    let when = comparison.when_to_use.iter().find(|w| w.subject == because);
    (Section::WhenToUse, because.to_string(), when.map(|w| w.text.clone()).unwrap_or_default())
}

/// How a scenario is answered: graded (a review, a wrong pick kept as a
/// confusion) or crammed (logged apart, no schedule and no confusion touched).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Answering {
    Graded { easy: bool, settings: StudySettings },
    Cram,
}

/// Answers a scenario card with the subject `chosen_key`. Graded, right is
/// Good (or Easy when the learner says so), wrong is Again and is kept as a
/// confusion; crammed, it is only logged.
pub fn answer_scenario(
    tx: &Transaction<'_>,
    card_id: i64,
    chosen_key: &str,
    answering: Answering,
    clock: Clock,
) -> Result<PracticeAnswer> {
    let (comparison, scenario) = scenario_of(tx, card_id)?;
    let choices = choices_for(tx, card_id)?;
    let chosen = choices.iter().find(|c| c.key == chosen_key).cloned().ok_or_else(|| {
        Error::InvalidArgument(format!("{chosen_key:?} is not one of this scenario's choices"))
    })?;
    let right = comparison
        .subjects
        .iter()
        .find(|s| s.id == scenario.answer)
        .map(|s| Choice { key: key_of(&comparison.id, &s.id, s.key.as_deref()), name: s.name.clone() })
        .ok_or_else(|| Error::not_found(Entity::Card, card_id))?;
    let correct = chosen.key == right.key;
    let easy = matches!(answering, Answering::Graded { easy: true, .. });
    let grade = match (correct, easy) {
        (false, _) => Grade::Again,
        (true, false) => Grade::Good,
        (true, true) => Grade::Easy,
    };
    let graded = match answering {
        Answering::Graded { settings, .. } => Some(grade_card(tx, card_id, grade, clock, settings)?),
        Answering::Cram => {
            log_cram(tx, card_id, grade, clock.now)?;
            None
        }
    };
    if !correct && graded.is_some() {
        let review_id: i64 =
            tx.query_row("SELECT max(id) FROM review_log WHERE card_id = ?1", [card_id], |r| r.get(0))?;
        tx.execute(
            "INSERT INTO confusion (review_id, card_id, comparison_id, category, expected_key, expected_name,
                                    chosen_key, chosen_name, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                review_id,
                card_id,
                comparison.id,
                comparison.category,
                right.key,
                right.name,
                chosen.key,
                chosen.name,
                clock.now
            ],
        )?;
    }
    let (because_section, because_item, because_text) = deciding_item(&comparison, &scenario.because);
    let note = tx
        .prepare_cached("SELECT body FROM note WHERE comparison_id = ?1 AND section = ?2 AND item_id = ?3")?
        .query_row(params![comparison.id, because_section, because_item], |r| r.get(0))
        .optional()?;
    Ok(PracticeAnswer { correct, right, chosen, because_section, because_item, because_text, note, graded })
}

/// The pairs a learner mixes up, either way round, most often first (then
/// most recent); at most `limit`.
pub fn confusion_pairs(conn: &Connection, limit: usize) -> Result<Vec<ConfusionPair>> {
    let mut stmt = conn.prepare_cached(
        "SELECT expected_key, expected_name, chosen_key, chosen_name, category, at FROM confusion ORDER BY at, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            Choice { key: r.get(0)?, name: r.get(1)? },
            Choice { key: r.get(2)?, name: r.get(3)? },
            r.get::<_, String>(4)?,
            r.get::<_, i64>(5)?,
        ))
    })?;
    let mut pairs: BTreeMap<(String, String), ConfusionPair> = BTreeMap::new();
    for row in rows {
        let (expected, chosen, category, at) = row?;
        let (first, second) =
            if expected.key <= chosen.key { (expected, chosen) } else { (chosen, expected) };
        let pair = pairs.entry((first.key.clone(), second.key.clone())).or_insert_with(|| ConfusionPair {
            category: category.clone(),
            first: first.clone(),
            second: second.clone(),
            count: 0,
            last_at: at,
        });
        pair.count += 1;
        pair.last_at = at;
        pair.category = category;
        pair.first.name = first.name;
        pair.second.name = second.name;
    }
    let mut pairs: Vec<ConfusionPair> = pairs.into_values().collect();
    pairs.sort_by(|a, b| b.count.cmp(&a.count).then(b.last_at.cmp(&a.last_at)));
    pairs.truncate(limit);
    Ok(pairs)
}

/// The cards that practise telling two subjects apart: the scenarios whose
/// answer is either, and the differences of comparisons that have both.
pub fn pair_cards(conn: &Connection, first: &str, second: &str) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.comparison_id FROM card c JOIN comparison m ON m.id = c.comparison_id,
                json_each(m.document, '$.scenarios') s, json_each(m.document, '$.subjects') sub
         WHERE c.kind = 'scenario' AND c.retired = 0 AND c.suspended = 0 AND m.retired = 0
           AND s.value ->> 'id' = c.item_id AND sub.value ->> 'id' = s.value ->> 'answer'
           AND coalesce(sub.value ->> 'key', m.id || '.' || (sub.value ->> 'id')) IN (?1, ?2)
         UNION ALL
         SELECT c.id, c.comparison_id FROM card c JOIN comparison m ON m.id = c.comparison_id
         WHERE c.kind = 'which_one' AND c.section = 'difference' AND c.retired = 0 AND c.suspended = 0
           AND m.retired = 0
           AND (SELECT count(DISTINCT coalesce(sub.value ->> 'key', m.id || '.' || (sub.value ->> 'id')))
                FROM json_each(m.document, '$.subjects') sub
                WHERE coalesce(sub.value ->> 'key', m.id || '.' || (sub.value ->> 'id')) IN (?1, ?2)) = 2
         ORDER BY 1",
    )?;
    let rows = stmt.query_map(params![first, second], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

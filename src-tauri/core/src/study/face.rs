//! What the learner sees of a card: the question, the answer once revealed,
//! and their notes on it, rendered from the current content each time.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

pub use crate::content::naming::{
    blank_subjects, replace_word_ignoring_case, subject_forms, SubjectName, BLANK,
};
use crate::content::Section;
use crate::error::{Entity, OrNotFound, Result};
use crate::library::comparison_head;
use crate::store::{comparison_document, stored_document};
use crate::study::cards::{CardKind, CardState};
use crate::study::practice::{choices_for, Choice};

/// What the learner sees: the question, and the answer once revealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardFace {
    pub id: i64,
    pub kind: CardKind,
    pub comparison_id: String,
    pub comparison_title: String,
    pub category: String,
    pub section: Section,
    pub item_id: String,
    pub prompt: String,
    pub front: String,
    /// Plain-text answer lines (the list items for a recall-the-list card).
    pub answer: Vec<String>,
    /// The learner's notes on what the card asks about, each with the item it is on.
    pub notes: Vec<CardNote>,
    /// What a scenario card offers to pick from; empty for other kinds.
    pub choices: Vec<Choice>,
    pub state: CardState,
    pub suspended: bool,
}

/// A note shown with a card, and the item it belongs to ("Tradeoff: Flexibility vs ops").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardNote {
    pub place: String,
    /// Markdown.
    pub body: String,
}

/// An item's short label, from its id ("flexibility-vs-ops" → "Flexibility vs ops").
pub fn item_label(item_id: &str) -> String {
    let words = item_id.replace('-', " ");
    let mut chars = words.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Where a note sits, in words.
fn place_of(section: Section, item_id: &str, subjects: &[SubjectName]) -> String {
    match section {
        Section::WhenToUse => {
            let name = subjects.iter().find(|s| s.id == item_id).map_or(item_id, |s| s.name.as_str());
            format!("When to use {name}")
        }
        Section::InterviewTip => "Interview tip".to_string(),
        Section::Comparison => "The comparison".to_string(),
        Section::Tradeoff => format!("Tradeoff: {}", item_label(item_id)),
        Section::Mistake => format!("Common mistake: {}", item_label(item_id)),
        Section::Difference => format!("Key difference: {}", item_label(item_id)),
        Section::Dimension => format!("At a glance: {}", item_label(item_id)),
        other => format!("{}: {}", other.label(), item_label(item_id)),
    }
}

struct CardRow {
    id: i64,
    comparison_id: String,
    kind: CardKind,
    section: Section,
    item_id: String,
    front: Option<String>,
    back: Option<String>,
    state: CardState,
    suspended: bool,
}

pub fn card_face(conn: &Connection, card_id: i64) -> Result<CardFace> {
    let row = conn
        .prepare_cached(
            "SELECT id, comparison_id, kind, section, item_id, front, back, state, suspended FROM card WHERE id = ?1",
        )?
        .query_row([card_id], |r| {
            Ok(CardRow {
                id: r.get(0)?,
                comparison_id: r.get(1)?,
                kind: r.get(2)?,
                section: r.get(3)?,
                item_id: r.get(4)?,
                front: r.get(5)?,
                back: r.get(6)?,
                state: r.get(7)?,
                suspended: r.get(8)?,
            })
        })
        .optional()
        .or_not_found(Entity::Card, card_id)?;
    render(conn, row)
}

fn render(conn: &Connection, row: CardRow) -> Result<CardFace> {
    let head = comparison_head(conn, &row.comparison_id)?;
    let (title, category) = (head.title, head.category);
    // The document holds the subjects' short forms too, blanked like their names.
    let document = stored_document(conn, &row.comparison_id)?;
    let subjects = match &document {
        Some(d) => d.subjects.iter().map(SubjectName::of).collect(),
        None => subjects_of(conn, &row.comparison_id)?,
    };
    let item_text = |section: Section, item_id: &str| -> Result<String> {
        Ok(conn
            .prepare_cached(
                "SELECT text FROM item WHERE comparison_id = ?1 AND section = ?2 AND item_id = ?3",
            )?
            .query_row(params![row.comparison_id, section, item_id], |r| r.get(0))
            .optional()?
            .unwrap_or_default())
    };
    let note_on = |section: Section, item_id: &str| -> Result<Option<CardNote>> {
        let body: Option<String> = conn
            .prepare_cached(
                "SELECT body FROM note WHERE comparison_id = ?1 AND section = ?2 AND item_id = ?3",
            )?
            .query_row(params![row.comparison_id, section, item_id], |r| r.get(0))
            .optional()?;
        Ok(body.map(|body| CardNote { place: place_of(section, item_id, &subjects), body }))
    };
    let names: Vec<&str> = subjects.iter().map(|s| s.name.as_str()).collect();
    let mut choices = Vec::new();
    let (prompt, front, answer, notes) = match row.kind {
        CardKind::WhichOne => {
            let text = item_text(row.section, &row.item_id)?;
            let front = blank_subjects(&text, &title, &subjects);
            let answer = if row.section == Section::WhenToUse {
                let name =
                    subjects.iter().find(|s| s.id == row.item_id).map(|s| s.name.clone()).unwrap_or_default();
                vec![name, text]
            } else {
                vec![text]
            };
            let prompt = format!("Which one? Say which of {} each part describes", names.join(" / "));
            (prompt, front, answer, note_on(row.section, &row.item_id)?.into_iter().collect())
        }
        CardKind::RecallList => {
            let what = if row.section == Section::Tradeoff { "tradeoffs" } else { "common mistakes" };
            let mut stmt = conn.prepare_cached(
                "SELECT i.text, i.item_id, n.body FROM item i LEFT JOIN note n
                   ON n.comparison_id = i.comparison_id AND n.section = i.section AND n.item_id = i.item_id
                 WHERE i.comparison_id = ?1 AND i.section = ?2 AND i.retired = 0 ORDER BY i.position",
            )?;
            let rows: Vec<(String, String, Option<String>)> = stmt
                .query_map(params![row.comparison_id, row.section], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let count = rows.len();
            let notes = rows
                .iter()
                .filter_map(|(_, item_id, body)| {
                    body.clone()
                        .map(|body| CardNote { place: place_of(row.section, item_id, &subjects), body })
                })
                .collect();
            (
                "Recall the list".to_string(),
                format!("{title}: name the {count} {what}."),
                rows.into_iter().map(|(text, _, _)| text).collect(),
                notes,
            )
        }
        CardKind::RecallItem => {
            let (what, prompt) = if row.section == Section::Tradeoff {
                ("tradeoff", "Recall the tradeoff")
            } else {
                ("common mistake", "Recall the mistake")
            };
            let label = item_label(&row.item_id).to_lowercase();
            (
                prompt.to_string(),
                format!("{title} — the {what} “{label}”: what is it, and why does it matter?"),
                vec![item_text(row.section, &row.item_id)?],
                note_on(row.section, &row.item_id)?.into_iter().collect(),
            )
        }
        CardKind::Interview => {
            let or_title = title.replace(" vs ", " or ");
            (
                "Interview question".to_string(),
                format!("{or_title}: give the short answer."),
                vec![item_text(Section::InterviewTip, &row.item_id)?],
                note_on(Section::InterviewTip, &row.item_id)?.into_iter().collect(),
            )
        }
        CardKind::Grid => {
            // The values live in the comparison's document, keyed by subject.
            let document = comparison_document(conn, &row.comparison_id)?;
            let grid_row = document.dimensions.iter().find(|d| d.id == row.item_id);
            let label = grid_row.map(|d| d.label.clone()).unwrap_or_default();
            let blanks = vec![BLANK; subjects.len().max(1)].join(" / ");
            let answer = subjects
                .iter()
                .map(|s| {
                    let value = grid_row.and_then(|d| d.values.get(&s.id)).cloned().unwrap_or_default();
                    format!("{}: {value}", s.name)
                })
                .collect();
            (
                format!("At a glance: {}", names.join(" / ")),
                format!("{title} — {label}: {blanks}"),
                answer,
                note_on(Section::Dimension, &row.item_id)?.into_iter().collect(),
            )
        }
        CardKind::Scenario => {
            let document = comparison_document(conn, &row.comparison_id)?;
            let scenario = document.scenarios.iter().find(|s| s.id == row.item_id);
            let right = scenario
                .and_then(|s| document.subjects.iter().find(|subject| subject.id == s.answer))
                .map(|s| s.name.clone())
                .unwrap_or_default();
            choices = choices_for(conn, row.id)?;
            (
                "Which would you pick?".to_string(),
                scenario.map(|s| s.text.clone()).unwrap_or_default(),
                vec![right],
                Vec::new(),
            )
        }
        CardKind::Custom => (
            "Your card".to_string(),
            row.front.clone().unwrap_or_default(),
            vec![row.back.clone().unwrap_or_default()],
            Vec::new(),
        ),
    };
    Ok(CardFace {
        id: row.id,
        kind: row.kind,
        comparison_id: row.comparison_id,
        comparison_title: title,
        category,
        section: row.section,
        item_id: row.item_id,
        prompt,
        front,
        answer,
        notes,
        choices,
        state: row.state,
        suspended: row.suspended,
    })
}

fn subjects_of(conn: &Connection, comparison_id: &str) -> Result<Vec<SubjectName>> {
    let mut stmt = conn.prepare_cached(
        "SELECT item_id, coalesce(name, '') FROM item WHERE comparison_id = ?1 AND section = 'subject' ORDER BY position",
    )?;
    let rows = stmt.query_map([comparison_id], |r| {
        Ok(SubjectName { id: r.get(0)?, name: r.get(1)?, aliases: Vec::new() })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

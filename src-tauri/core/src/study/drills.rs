//! Interview drills: a timed answer to a whole comparison, kept, and
//! self-graded, which grades the comparison's interview card.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Entity, OrNotFound, Result};
use crate::library::comparison_head;
use crate::notes::check_size;
use crate::study::cards::CardKind;
use crate::study::review::grade_card;
use crate::study::{Clock, Grade, StudySettings};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Drill {
    pub id: i64,
    pub comparison_id: String,
    pub comparison_title: String,
    pub started_at: i64,
    pub submitted_at: i64,
    pub seconds_used: i64,
    pub answer: String,
    pub grade: Option<i64>,
}

/// What the learner hands in at the end of a drill.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DrillAnswer {
    pub comparison_id: String,
    pub started_at: i64,
    pub seconds_used: i64,
    pub answer: String,
    pub grade: Option<Grade>,
}

/// Keeps a drill answer; a self-grade also grades the comparison's interview
/// card, in the same transaction: a grade that fails leaves no drill behind.
pub fn save_drill(
    tx: &Transaction<'_>,
    drill: &DrillAnswer,
    clock: Clock,
    settings: StudySettings,
) -> Result<i64> {
    let DrillAnswer { comparison_id, started_at, seconds_used, answer, grade } = drill;
    check_size(answer)?;
    comparison_head(tx, comparison_id)?;
    tx.execute(
        "INSERT INTO drill (comparison_id, started_at, submitted_at, seconds_used, answer, grade)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            comparison_id,
            started_at,
            clock.now,
            (*seconds_used).max(0),
            answer,
            grade.map(|g| g as i64)
        ],
    )?;
    let id = tx.last_insert_rowid();
    if let Some(grade) = *grade {
        grade_interview_card(tx, comparison_id, grade, clock, settings)?;
    }
    Ok(id)
}

/// Self-grades a kept drill. The first grade a drill gets also grades the
/// comparison's interview card; a later one (a second click, a retried
/// request, a change of mind) only replaces the drill's grade, so one
/// answer is never counted as two reviews of the card.
pub fn grade_drill(
    tx: &Transaction<'_>,
    drill_id: i64,
    grade: Grade,
    clock: Clock,
    settings: StudySettings,
) -> Result<()> {
    let (comparison, earlier): (String, Option<i64>) = tx
        .query_row("SELECT comparison_id, grade FROM drill WHERE id = ?1", [drill_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()
        .or_not_found(Entity::Drill, drill_id)?;
    tx.execute("UPDATE drill SET grade = ?2 WHERE id = ?1", params![drill_id, grade as i64])?;
    if earlier.is_some() {
        return Ok(());
    }
    grade_interview_card(tx, &comparison, grade, clock, settings)
}

fn grade_interview_card(
    tx: &Transaction<'_>,
    comparison_id: &str,
    grade: Grade,
    clock: Clock,
    settings: StudySettings,
) -> Result<()> {
    let card: Option<i64> = tx
        .query_row(
            "SELECT id FROM card WHERE comparison_id = ?1 AND kind = ?2 AND retired = 0",
            params![comparison_id, CardKind::Interview],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(card) = card {
        grade_card(tx, card, grade, clock, settings)?;
    }
    Ok(())
}

pub fn list_drills(conn: &Connection, limit: usize) -> Result<Vec<Drill>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.comparison_id, coalesce(m.title, d.comparison_id), d.started_at, d.submitted_at,
                d.seconds_used, d.answer, d.grade
         FROM drill d LEFT JOIN comparison m ON m.id = d.comparison_id
         ORDER BY d.submitted_at DESC, d.id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit as i64], |r| {
        Ok(Drill {
            id: r.get(0)?,
            comparison_id: r.get(1)?,
            comparison_title: r.get(2)?,
            started_at: r.get(3)?,
            submitted_at: r.get(4)?,
            seconds_used: r.get(5)?,
            answer: r.get(6)?,
            grade: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

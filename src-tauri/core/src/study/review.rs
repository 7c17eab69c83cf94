//! Grading a card and undoing the last grade exactly: every review is logged
//! with the card's state before and after.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::clock::DAY_MS;
use crate::error::Result;
use crate::study::cards::{card_schedule, schedule_from_row, CardSchedule, CardState};
use crate::study::scheduler::schedule;
use crate::study::{Clock, Grade, StudySettings};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Graded {
    pub card: CardSchedule,
    pub interval_days: f64,
}

/// Grades a card, logs the review with the state before and after, and
/// moves the card to its next due date.
pub fn grade_card(
    tx: &Transaction<'_>,
    card_id: i64,
    grade: Grade,
    clock: Clock,
    settings: StudySettings,
) -> Result<Graded> {
    let before = card_schedule(tx, card_id)?;
    let (stability, difficulty, interval, elapsed) =
        schedule(&before, grade, clock.now, settings.desired_retention)?;
    let due = clock.now + (interval * DAY_MS as f64).round() as i64;
    let lapses = before.lapses + i64::from(grade == Grade::Again && before.state != CardState::New);
    tx.execute(
        "INSERT INTO review_log (card_id, reviewed_at, grade, elapsed_days,
             before_state, before_stability, before_difficulty, before_due, before_last_review, before_reps, before_lapses,
             after_state, after_stability, after_difficulty, after_due)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            card_id,
            clock.now,
            grade as i64,
            f64::from(elapsed),
            before.state,
            before.stability,
            before.difficulty,
            before.due,
            before.last_review,
            before.reps,
            before.lapses,
            CardState::Review,
            stability,
            difficulty,
            due
        ],
    )?;
    tx.execute(
        "UPDATE card SET state = ?7, stability = ?2, difficulty = ?3, due = ?4, last_review = ?5,
                         reps = reps + 1, lapses = ?6
         WHERE id = ?1",
        params![card_id, stability, difficulty, due, clock.now, lapses, CardState::Review],
    )?;
    let card = card_schedule(tx, card_id)?;
    Ok(Graded { card, interval_days: interval })
}

/// Undoes the newest review: the card gets back exactly the state it had
/// before it, and the review leaves the log. Returns the card's id.
pub fn undo_last_review(tx: &Transaction<'_>) -> Result<Option<i64>> {
    let last = newest_review(tx)?;
    let Some((log_id, before)) = last else { return Ok(None) };
    tx.execute(
        "UPDATE card SET state = ?2, stability = ?3, difficulty = ?4, due = ?5, last_review = ?6, reps = ?7, lapses = ?8
         WHERE id = ?1",
        params![
            before.id,
            before.state,
            before.stability,
            before.difficulty,
            before.due,
            before.last_review,
            before.reps,
            before.lapses
        ],
    )?;
    tx.execute("DELETE FROM review_log WHERE id = ?1", [log_id])?;
    Ok(Some(before.id))
}

/// The newest review's id and the card's schedule before it.
fn newest_review(conn: &Connection) -> Result<Option<(i64, CardSchedule)>> {
    Ok(conn
        .query_row(
            "SELECT card_id, before_state, before_stability, before_difficulty, before_due, before_last_review,
                    before_reps, before_lapses, id
             FROM review_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get::<_, i64>(8)?, schedule_from_row(r)?)),
        )
        .optional()?)
}

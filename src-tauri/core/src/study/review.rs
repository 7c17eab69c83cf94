//! Grading and suspending a card, what each grade would do, and undoing
//! them step by step exactly: every review is logged with the card's state
//! before and after, and every grade or suspension leaves an undo step.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Entity, Error, Result};
use crate::study::cards::{card_schedule, schedule_from_row, CardSchedule};
use crate::study::optimizer::scheduler_parameters;
use crate::study::scheduler::{next_states, Scheduler};
use crate::study::{Clock, Grade, StudySettings};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Graded {
    pub card: CardSchedule,
    pub interval_days: f64,
}

/// The interval in days each grade would give the card now, for the grade
/// buttons ("Good · 4 d").
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GradePreview {
    pub again: f64,
    pub hard: f64,
    pub good: f64,
    pub easy: f64,
}

/// What a step of a session was, so undo can say what it undid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UndoAction {
    Grade,
    Suspend,
    /// An answer in a cram session, which changed no schedule.
    Cram,
}

crate::text_enum!(UndoAction, "undo action", {
    Grade => "grade",
    Suspend => "suspend",
    Cram => "cram",
});

/// What an undo step puts back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// The review a grade logged (its before_* columns hold the prior state).
    Grade(i64),
    /// The suspension flag a suspension replaced.
    Suspend(bool),
    /// The cram answer to take back.
    Cram(i64),
}

/// How many of the newest steps can be undone.
const UNDO_STEPS_KEPT: i64 = 1000;

pub fn preview_grades(
    conn: &Connection,
    card_id: i64,
    clock: Clock,
    settings: StudySettings,
) -> Result<GradePreview> {
    let before = card_schedule(conn, card_id)?;
    let parameters = scheduler_parameters(conn)?;
    let (next, _) = next_states(&before, clock.now, settings.desired_retention, &parameters)?;
    Ok(GradePreview {
        again: f64::from(next.again.interval),
        hard: f64::from(next.hard.interval),
        good: f64::from(next.good.interval),
        easy: f64::from(next.easy.interval),
    })
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
    let scheduler = Scheduler::new(&scheduler_parameters(tx)?, settings.desired_retention)?;
    let step = scheduler.after_grade(&before, grade, clock.now)?;
    let after = &step.card;
    tx.execute(
        "INSERT INTO review_log (card_id, reviewed_at, grade, elapsed_days,
             before_state, before_stability, before_difficulty, before_due, before_last_review, before_reps, before_lapses,
             after_state, after_stability, after_difficulty, after_due)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            card_id,
            clock.now,
            grade as i64,
            f64::from(step.elapsed_days),
            before.state,
            before.stability,
            before.difficulty,
            before.due,
            before.last_review,
            before.reps,
            before.lapses,
            after.state,
            after.stability,
            after.difficulty,
            after.due
        ],
    )?;
    let review_id = tx.last_insert_rowid();
    tx.execute(
        "UPDATE card SET state = ?2, stability = ?3, difficulty = ?4, due = ?5, last_review = ?6, reps = ?7, lapses = ?8
         WHERE id = ?1",
        params![
            card_id,
            after.state,
            after.stability,
            after.difficulty,
            after.due,
            after.last_review,
            after.reps,
            after.lapses
        ],
    )?;
    push_step(tx, card_id, Step::Grade(review_id))?;
    let card = card_schedule(tx, card_id)?;
    Ok(Graded { card, interval_days: step.interval_days })
}

/// Suspends or unsuspends a card, as a step the session can undo.
pub fn set_suspended(tx: &Transaction<'_>, card_id: i64, suspended: bool) -> Result<()> {
    let was: Option<bool> =
        tx.query_row("SELECT suspended FROM card WHERE id = ?1", [card_id], |r| r.get(0)).optional()?;
    let Some(was) = was else { return Err(Error::not_found(Entity::Card, card_id)) };
    tx.execute("UPDATE card SET suspended = ?2 WHERE id = ?1", params![card_id, suspended])?;
    push_step(tx, card_id, Step::Suspend(was))
}

/// Keeps a cram answer, which changes no schedule (FSRS and the optimizer
/// read only the review log), as a step the session can undo.
pub fn log_cram(tx: &Transaction<'_>, card_id: i64, grade: Grade, now: i64) -> Result<()> {
    card_schedule(tx, card_id)?;
    tx.execute(
        "INSERT INTO cram_log (card_id, at, grade) VALUES (?1, ?2, ?3)",
        params![card_id, now, grade as i64],
    )?;
    push_step(tx, card_id, Step::Cram(tx.last_insert_rowid()))
}

fn push_step(tx: &Transaction<'_>, card_id: i64, step: Step) -> Result<()> {
    let (action, review_id, was_suspended, cram_id) = match step {
        Step::Grade(review) => (UndoAction::Grade, Some(review), None, None),
        Step::Suspend(was) => (UndoAction::Suspend, None, Some(was), None),
        Step::Cram(cram) => (UndoAction::Cram, None, None, Some(cram)),
    };
    tx.execute(
        "INSERT INTO undo_step (action, card_id, review_id, was_suspended, cram_id) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![action, card_id, review_id, was_suspended, cram_id],
    )?;
    tx.execute("DELETE FROM undo_step WHERE id <= ?1", [tx.last_insert_rowid() - UNDO_STEPS_KEPT])?;
    Ok(())
}

/// What an undo put back: the card, and whether it was a grade or a suspension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Undone {
    pub card_id: i64,
    pub action: UndoAction,
}

/// Undoes the newest step: a grade gives the card back exactly the state it
/// had before and takes the review out of the log; a suspension puts the
/// flag back. Steps whose card or review is gone (deleted with its
/// comparison) are passed over.
pub fn undo_last_step(tx: &Transaction<'_>) -> Result<Option<Undone>> {
    loop {
        let step = tx
            .query_row(
                "SELECT id, action, card_id, review_id, was_suspended, cram_id FROM undo_step ORDER BY id DESC LIMIT 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, UndoAction>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, Option<i64>>(3)?,
                        r.get::<_, Option<bool>>(4)?,
                        r.get::<_, Option<i64>>(5)?,
                    ))
                },
            )
            .optional()?;
        let Some((step_id, action, card_id, review_id, was_suspended, cram_id)) = step else {
            return Ok(None);
        };
        tx.execute("DELETE FROM undo_step WHERE id = ?1", [step_id])?;
        let undone = match (action, review_id, was_suspended, cram_id) {
            (UndoAction::Grade, Some(review_id), _, _) => undo_review(tx, review_id)?,
            (UndoAction::Suspend, _, Some(was), _) => {
                tx.execute("UPDATE card SET suspended = ?2 WHERE id = ?1", params![card_id, was])? > 0
            }
            (UndoAction::Cram, _, _, Some(cram_id)) => {
                let removed = tx.execute("DELETE FROM cram_log WHERE id = ?1", [cram_id])? > 0;
                let card_left: bool =
                    tx.query_row("SELECT EXISTS (SELECT 1 FROM card WHERE id = ?1)", [card_id], |r| {
                        r.get(0)
                    })?;
                removed && card_left
            }
            _ => false,
        };
        if undone {
            return Ok(Some(Undone { card_id, action }));
        }
    }
}

/// Puts the card back as it was before `review_id` and drops the review;
/// false when the review is no longer there.
fn undo_review(tx: &Transaction<'_>, review_id: i64) -> Result<bool> {
    let Some(before) = review_before(tx, review_id)? else { return Ok(false) };
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
    tx.execute("DELETE FROM review_log WHERE id = ?1", [review_id])?;
    tx.execute("DELETE FROM confusion WHERE review_id = ?1", [review_id])?;
    Ok(true)
}

/// The card's schedule before a review.
fn review_before(conn: &Connection, review_id: i64) -> Result<Option<CardSchedule>> {
    Ok(conn
        .query_row(
            "SELECT card_id, before_state, before_stability, before_difficulty, before_due, before_last_review,
                    before_reps, before_lapses
             FROM review_log WHERE id = ?1",
            [review_id],
            schedule_from_row,
        )
        .optional()?)
}

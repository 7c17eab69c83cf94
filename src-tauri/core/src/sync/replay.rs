//! A card's schedule after a sync: what replaying its reviews in time
//! order through FSRS gives. Every device orders a card's reviews alike
//! (by time, then by global id), so with the same parameters and retention
//! every device ends on the same schedule, whichever device gave which
//! review and in whatever order they arrived.

use rusqlite::{params, Transaction};

use crate::error::{Error, Result};
use crate::study::cards::{CardSchedule, CardState};
use crate::study::scheduler::Scheduler;
use crate::study::Grade;

/// Sets a card to what its reviews give when replayed in time order (the
/// global id breaks ties, alike on every device), rewriting each review's
/// before and after columns so that undo still puts back the exact state
/// before it. Answers the card's comparison.
pub(crate) fn replay(tx: &Transaction<'_>, card: i64, scheduler: &Scheduler) -> Result<String> {
    let reviews: Vec<(i64, i64, i64)> = tx
        .prepare_cached(
            "SELECT r.id, r.reviewed_at, r.grade FROM review_log r LEFT JOIN review_sync s ON s.local_id = r.id
             WHERE r.card_id = ?1 ORDER BY r.reviewed_at, s.id, r.id",
        )?
        .query_map([card], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut state = CardSchedule {
        id: card,
        state: CardState::New,
        stability: None,
        difficulty: None,
        due: None,
        last_review: None,
        reps: 0,
        lapses: 0,
    };
    let mut rewrite = tx.prepare_cached(
        "UPDATE review_log SET elapsed_days = ?2, before_state = ?3, before_stability = ?4, before_difficulty = ?5,
             before_due = ?6, before_last_review = ?7, before_reps = ?8, before_lapses = ?9,
             after_state = ?10, after_stability = ?11, after_difficulty = ?12, after_due = ?13
         WHERE id = ?1",
    )?;
    for (id, at, grade) in reviews {
        let grade = u8::try_from(grade).map_err(|_| Error::InvalidArgument(format!("a grade of {grade}")))?;
        let grade = Grade::from_number(grade)?;
        let step = scheduler.after_grade(&state, grade, at)?;
        let after = &step.card;
        rewrite.execute(params![
            id,
            f64::from(step.elapsed_days),
            state.state,
            state.stability,
            state.difficulty,
            state.due,
            state.last_review,
            state.reps,
            state.lapses,
            after.state,
            after.stability,
            after.difficulty,
            after.due
        ])?;
        state = step.card;
    }
    let comparison: String = tx
        .prepare_cached(
            "UPDATE card SET state = ?2, stability = ?3, difficulty = ?4, due = ?5, last_review = ?6, reps = ?7,
                             lapses = ?8
             WHERE id = ?1 RETURNING comparison_id",
        )?
        .query_row(
            params![
                card,
                state.state,
                state.stability,
                state.difficulty,
                state.due,
                state.last_review,
                state.reps,
                state.lapses
            ],
            |r| r.get(0),
        )?;
    Ok(comparison)
}

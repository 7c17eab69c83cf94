//! One step of FSRS: what a grade does to a card's memory state and due date.

use crate::clock::DAY_MS;
use crate::error::{Error, Result};
use crate::study::cards::{CardSchedule, CardState};
use crate::study::Grade;

/// What FSRS decides for a card graded `grade` at `now`: (stability,
/// difficulty, interval in days, days elapsed since the last review).
pub fn schedule(
    before: &CardSchedule,
    grade: Grade,
    now: i64,
    retention: f32,
    parameters: &[f32],
) -> Result<(f64, f64, f64, u32)> {
    let (next, elapsed) = next_states(before, now, retention, parameters)?;
    let chosen = match grade {
        Grade::Again => next.again,
        Grade::Hard => next.hard,
        Grade::Good => next.good,
        Grade::Easy => next.easy,
    };
    Ok((
        f64::from(chosen.memory.stability),
        f64::from(chosen.memory.difficulty),
        f64::from(chosen.interval),
        elapsed,
    ))
}

/// What each grade would do to the card at `now`, and the days elapsed
/// since its last review.
pub fn next_states(
    before: &CardSchedule,
    now: i64,
    retention: f32,
    parameters: &[f32],
) -> Result<(fsrs::NextStates, u32)> {
    let fsrs = fsrs::FSRS::new(parameters).map_err(|e| Error::Scheduler(e.to_string()))?;
    let memory = match (before.state, before.stability, before.difficulty) {
        (CardState::New, _, _) => None,
        (CardState::Review, Some(stability), Some(difficulty)) => {
            Some(fsrs::MemoryState { stability: stability as f32, difficulty: difficulty as f32 })
        }
        _ => None,
    };
    let elapsed = before.last_review.map_or(0, |last| ((now - last).max(0) / DAY_MS) as u32);
    let next = fsrs.next_states(memory, retention, elapsed).map_err(|e| Error::Scheduler(e.to_string()))?;
    Ok((next, elapsed))
}

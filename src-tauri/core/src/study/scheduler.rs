//! One step of FSRS: what a grade does to a card's memory state and due date.

use crate::clock::DAY_MS;
use crate::error::{Error, Result};
use crate::study::cards::{CardSchedule, CardState};
use crate::study::Grade;

/// FSRS with its parameters and the retention it aims for, made once for
/// many steps (replaying a card's reviews after a sync).
pub struct Scheduler {
    fsrs: fsrs::FSRS,
    retention: f32,
}

impl Scheduler {
    pub fn new(parameters: &[f32], retention: f32) -> Result<Scheduler> {
        let fsrs = fsrs::FSRS::new(parameters).map_err(|e| Error::Scheduler(e.to_string()))?;
        Ok(Scheduler { fsrs, retention })
    }

    /// What FSRS decides for a card graded `grade` at `now`: (stability,
    /// difficulty, interval in days, days elapsed since the last review).
    pub fn schedule(&self, before: &CardSchedule, grade: Grade, now: i64) -> Result<(f64, f64, f64, u32)> {
        let (next, elapsed) = self.next_states(before, now)?;
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

    /// The card after `grade` at `at`: FSRS's memory state and due date,
    /// one more repetition, and a lapse when a card already learned is forgotten.
    pub fn after_grade(&self, before: &CardSchedule, grade: Grade, at: i64) -> Result<AfterGrade> {
        let (stability, difficulty, interval, elapsed) = self.schedule(before, grade, at)?;
        let lapsed = grade == Grade::Again && before.state != CardState::New;
        Ok(AfterGrade {
            card: CardSchedule {
                id: before.id,
                state: CardState::Review,
                stability: Some(stability),
                difficulty: Some(difficulty),
                due: Some(at + (interval * DAY_MS as f64).round() as i64),
                last_review: Some(at),
                reps: before.reps + 1,
                lapses: before.lapses + i64::from(lapsed),
            },
            interval_days: interval,
            elapsed_days: elapsed,
        })
    }

    /// What each grade would do to the card at `now`, and the days elapsed
    /// since its last review.
    pub fn next_states(&self, before: &CardSchedule, now: i64) -> Result<(fsrs::NextStates, u32)> {
        let memory = match (before.state, before.stability, before.difficulty) {
            (CardState::New, _, _) => None,
            (CardState::Review, Some(stability), Some(difficulty)) => {
                Some(fsrs::MemoryState { stability: stability as f32, difficulty: difficulty as f32 })
            }
            _ => None,
        };
        let elapsed = before.last_review.map_or(0, |last| ((now - last).max(0) / DAY_MS) as u32);
        let next = self
            .fsrs
            .next_states(memory, self.retention, elapsed)
            .map_err(|e| Error::Scheduler(e.to_string()))?;
        Ok((next, elapsed))
    }
}

/// A card's whole schedule after one grade, and what the review log keeps
/// of that step. Grading and the replay of a card's reviews after a sync
/// both take it from here, so they cannot drift apart.
#[derive(Debug, Clone, PartialEq)]
pub struct AfterGrade {
    pub card: CardSchedule,
    pub interval_days: f64,
    pub elapsed_days: u32,
}

/// What each grade would do to the card at `now`, and the days elapsed
/// since its last review.
pub fn next_states(
    before: &CardSchedule,
    now: i64,
    retention: f32,
    parameters: &[f32],
) -> Result<(fsrs::NextStates, u32)> {
    Scheduler::new(parameters, retention)?.next_states(before, now)
}

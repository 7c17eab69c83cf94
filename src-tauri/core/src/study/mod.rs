//! Active recall with FSRS (the `fsrs` crate, the scheduler Anki ships): the
//! cards, today's queue, grading and undo, progress, and interview drills.
//! This file holds what they all share: the learner's settings, the clock
//! that says what "today" is, grades and scopes.

pub mod browser;
pub mod cards;
pub mod drills;
pub mod face;
pub mod interleave;
pub mod optimizer;
pub mod practice;
pub mod progress;
pub mod queue;
pub mod readiness;
pub mod review;
pub mod scheduler;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::{now_ms, DAY_MS};
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StudySettings {
    /// The probability of recall FSRS aims for when it sets a due date.
    pub desired_retention: f32,
    /// New cards introduced per day, across restarts.
    pub new_per_day: usize,
}

impl Default for StudySettings {
    fn default() -> Self {
        StudySettings { desired_retention: 0.9, new_per_day: 20 }
    }
}

impl StudySettings {
    pub fn checked(self) -> Result<StudySettings> {
        if !(0.7..=0.99).contains(&self.desired_retention) {
            return Err(Error::InvalidArgument("desired retention must be between 0.70 and 0.99".into()));
        }
        if self.new_per_day > 1000 {
            return Err(Error::InvalidArgument("at most 1000 new cards a day".into()));
        }
        Ok(self)
    }
}

/// "Now", and where the learner's days begin (their offset from UTC), so
/// "today" means their today. Tests pass a fixed clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Clock {
    pub now: i64,
    pub utc_offset_minutes: i32,
}

impl Clock {
    pub fn day_of(&self, ms: i64) -> i64 {
        (ms + i64::from(self.utc_offset_minutes) * 60_000).div_euclid(DAY_MS)
    }
    pub fn today(&self) -> i64 {
        self.day_of(self.now)
    }
    pub fn start_of_day(&self, day: i64) -> i64 {
        day * DAY_MS - i64::from(self.utc_offset_minutes) * 60_000
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum Grade {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Grade {
    pub fn from_number(n: u8) -> Result<Grade> {
        match n {
            1 => Ok(Grade::Again),
            2 => Ok(Grade::Hard),
            3 => Ok(Grade::Good),
            4 => Ok(Grade::Easy),
            _ => Err(Error::InvalidArgument(format!("a grade is 1 to 4, not {n}"))),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind", content = "value")]
pub enum Scope {
    All,
    Category(String),
    Comparison(String),
}

impl Scope {
    /// SQL condition on the comparison table aliased `m`, binding `?2`.
    pub(crate) fn condition(&self) -> (&'static str, Option<&str>) {
        match self {
            Scope::All => ("?2 IS NULL", None),
            Scope::Category(c) => ("m.category = ?2", Some(c)),
            Scope::Comparison(id) => ("m.id = ?2", Some(id)),
        }
    }
}

/// What every study operation is told by the UI: its clock and the learner's settings.
#[derive(Debug, Clone, Copy, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StudyContext {
    pub utc_offset_minutes: i32,
    pub desired_retention: f32,
    pub new_per_day: usize,
}

impl StudyContext {
    /// The checked settings and a clock reading now.
    pub fn parts(self) -> Result<(Clock, StudySettings)> {
        let settings =
            StudySettings { desired_retention: self.desired_retention, new_per_day: self.new_per_day }
                .checked()?;
        if self.utc_offset_minutes.unsigned_abs() > 14 * 60 {
            return Err(Error::InvalidArgument("a UTC offset is at most 14 hours".into()));
        }
        Ok((Clock { now: now_ms(), utc_offset_minutes: self.utc_offset_minutes }, settings))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_offset_or_setting_the_ui_sends_answers_a_typed_error_never_a_panic() {
        let context = |utc_offset_minutes, desired_retention, new_per_day| StudyContext {
            utc_offset_minutes,
            desired_retention,
            new_per_day,
        };
        for offset in [i32::MIN, i32::MAX, -841, 841] {
            assert_eq!(context(offset, 0.9, 20).parts().unwrap_err().code(), "invalid_argument", "{offset}");
        }
        for retention in [f32::NAN, f32::INFINITY, -1.0, 0.0, 1.0] {
            assert_eq!(
                context(0, retention, 20).parts().unwrap_err().code(),
                "invalid_argument",
                "{retention}"
            );
        }
        assert_eq!(context(0, 0.9, usize::MAX).parts().unwrap_err().code(), "invalid_argument");
        assert!(context(-840, 0.9, 20).parts().is_ok());
    }
}

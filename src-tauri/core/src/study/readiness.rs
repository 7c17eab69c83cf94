//! Interview day: how much the learner will recall on a set date, per
//! category and per comparison (FSRS retrievability of each studied card on
//! that day, with the parameters in use), what will not have been studied by
//! then at the current pace of new cards, and the weakest cards to close the gap.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::clock::{day_number, DAY_MS};
use crate::error::{Error, Result};
use crate::study::optimizer::scheduler_parameters;
use crate::study::queue::build_queue;
use crate::study::{Clock, Scope, StudySettings};

/// Cards in a "close the gap" session at most.
pub const GAP_SESSION: usize = 30;

/// Predicted recall of one category or comparison on the day.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessRow {
    /// The category, or the comparison's id.
    pub id: String,
    /// The category, or the comparison's title.
    pub name: String,
    pub category: String,
    /// The mean probability of recalling a studied card on the day; None
    /// when none is studied yet.
    pub recall: Option<f64>,
    pub studied: usize,
    /// Cards never studied yet.
    pub new: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    pub date: String,
    pub days_left: i64,
    /// Over every studied card.
    pub recall: Option<f64>,
    pub categories: Vec<ReadinessRow>,
    pub comparisons: Vec<ReadinessRow>,
    /// New cards in all.
    pub new: usize,
    /// New cards the daily limit will not have brought in by the day.
    pub unseen_by_then: usize,
}

/// A studied card's recall on the day.
struct Predicted {
    card: i64,
    comparison: String,
    recall: f64,
}

/// The first moment of the interview day in the learner's time, refusing a
/// day that is not a real date or is already past.
fn interview_day(date: &str, clock: Clock) -> Result<i64> {
    let day = day_number(date)
        .ok_or_else(|| Error::InvalidArgument(format!("{date:?} is not a date written YYYY-MM-DD")))?;
    if day < clock.today() {
        return Err(Error::InvalidArgument(format!("{date} is already past")));
    }
    Ok(day)
}

/// Each studied card's recall at the start of `day`, FSRS's forgetting curve
/// from its last answer with the parameters in use.
fn predictions(conn: &Connection, day: i64, clock: Clock) -> Result<Vec<Predicted>> {
    let parameters = scheduler_parameters(conn)?;
    let decay = parameters.get(20).copied().unwrap_or(fsrs::FSRS6_DEFAULT_DECAY);
    let at = clock.start_of_day(day);
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.comparison_id, c.stability, c.difficulty, c.last_review
         FROM card c JOIN comparison m ON m.id = c.comparison_id
         WHERE c.retired = 0 AND c.suspended = 0 AND m.retired = 0 AND c.state <> 'new'
           AND c.stability IS NOT NULL AND c.last_review IS NOT NULL",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, f64>(2)?,
            r.get::<_, f64>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (card, comparison, stability, difficulty, last) = row?;
        let state = fsrs::MemoryState { stability: stability as f32, difficulty: difficulty as f32 };
        let elapsed = ((at - last).max(0) as f64 / DAY_MS as f64) as f32;
        let recall = f64::from(fsrs::current_retrievability(state, elapsed, decay));
        out.push(Predicted { card, comparison, recall });
    }
    Ok(out)
}

/// How ready the learner will be on `date` ("2027-01-15").
pub fn readiness(conn: &Connection, date: &str, clock: Clock, settings: StudySettings) -> Result<Readiness> {
    let day = interview_day(date, clock)?;
    let predicted = predictions(conn, day, clock)?;
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.title, m.category, count(c.id) FROM comparison m
         LEFT JOIN card c ON c.comparison_id = m.id AND c.retired = 0 AND c.suspended = 0 AND c.state = 'new'
         WHERE m.retired = 0 GROUP BY m.id ORDER BY m.category, m.title",
    )?;
    let comparisons: Vec<(String, String, String, usize)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, i64>(3)? as usize)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut by_comparison: BTreeMap<&str, (f64, usize)> = BTreeMap::new();
    for p in &predicted {
        let entry = by_comparison.entry(p.comparison.as_str()).or_default();
        entry.0 += p.recall;
        entry.1 += 1;
    }
    let mean = |(sum, n): (f64, usize)| (n > 0).then(|| sum / n as f64);
    let mut categories: BTreeMap<&str, (f64, usize, usize)> = BTreeMap::new();
    let mut rows = Vec::new();
    for (id, title, category, new) in &comparisons {
        let (sum, studied) = by_comparison.get(id.as_str()).copied().unwrap_or_default();
        let entry = categories.entry(category.as_str()).or_default();
        entry.0 += sum;
        entry.1 += studied;
        entry.2 += new;
        rows.push(ReadinessRow {
            id: id.clone(),
            name: title.clone(),
            category: category.clone(),
            recall: mean((sum, studied)),
            studied,
            new: *new,
        });
    }
    let categories = categories
        .into_iter()
        .map(|(category, (sum, studied, new))| ReadinessRow {
            id: category.to_string(),
            name: category.to_string(),
            category: category.to_string(),
            recall: mean((sum, studied)),
            studied,
            new,
        })
        .collect();
    let new: usize = comparisons.iter().map(|c| c.3).sum();
    let days_left = day - clock.today();
    // Today's allowance still open, then a full one each day before the interview.
    let left_today = build_queue(conn, &Scope::All, clock, settings)?.new;
    let pace = left_today + settings.new_per_day * (days_left.max(1) as usize - 1);
    Ok(Readiness {
        date: date.to_string(),
        days_left,
        recall: mean((predicted.iter().map(|p| p.recall).sum(), predicted.len())),
        categories,
        comparisons: rows,
        new,
        unseen_by_then: new.saturating_sub(pace),
    })
}

/// The studied cards the learner would recall least on `date`, weakest first.
pub fn weakest_cards(
    conn: &Connection,
    date: &str,
    clock: Clock,
    limit: usize,
) -> Result<Vec<(i64, String)>> {
    let day = interview_day(date, clock)?;
    let mut predicted = predictions(conn, day, clock)?;
    predicted.sort_by(|a, b| a.recall.total_cmp(&b.recall).then(a.card.cmp(&b.card)));
    predicted.truncate(limit);
    Ok(predicted.into_iter().map(|p| (p.card, p.comparison)).collect())
}

/// Cards' recall on `date`, for tests and the view's detail.
pub fn recall_on(conn: &Connection, date: &str, clock: Clock) -> Result<Vec<(i64, f64)>> {
    let day = interview_day(date, clock)?;
    Ok(predictions(conn, day, clock)?.into_iter().map(|p| (p.card, p.recall)).collect())
}

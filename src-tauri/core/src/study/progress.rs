//! How far the learner is: mastery per comparison and category, reviews per
//! day, the streak.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::study::queue::build_queue;
use crate::study::{Clock, Scope, StudySettings};

/// A comparison is mastered when every one of its cards is this stable (days).
pub const MASTERED_STABILITY_DAYS: f64 = 21.0;
pub const HEATMAP_DAYS: i64 = 84;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Mastery {
    New,
    Learning,
    Mastered,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ComparisonProgress {
    pub comparison_id: String,
    pub category: String,
    pub mastery: Mastery,
    pub cards: i64,
    pub reviewed: i64,
}

pub fn comparison_progress(conn: &Connection) -> Result<Vec<ComparisonProgress>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.category, count(c.id), coalesce(sum(c.state <> 'new'), 0),
                min(CASE WHEN c.state = 'new' THEN 0.0 ELSE c.stability END)
         FROM comparison m LEFT JOIN card c ON c.comparison_id = m.id AND c.retired = 0 AND c.suspended = 0
         WHERE m.retired = 0 GROUP BY m.id ORDER BY m.category, m.title",
    )?;
    let rows = stmt.query_map([], |r| {
        let reviewed: i64 = r.get(3)?;
        let min_stability: Option<f64> = r.get(4)?;
        let mastery = if reviewed == 0 {
            Mastery::New
        } else if min_stability.is_some_and(|s| s >= MASTERED_STABILITY_DAYS) {
            Mastery::Mastered
        } else {
            Mastery::Learning
        };
        Ok(ComparisonProgress {
            comparison_id: r.get(0)?,
            category: r.get(1)?,
            mastery,
            cards: r.get(2)?,
            reviewed,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CategoryProgress {
    pub category: String,
    pub new: i64,
    pub learning: i64,
    pub mastered: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StudyStats {
    /// Cards in today's queue: due now plus new ones allowed today.
    pub due_today: usize,
    pub reviews_today: i64,
    /// Consecutive days with at least one review, ending today (or yesterday
    /// when today has none yet).
    pub streak: i64,
    /// Reviews per day for the last [`HEATMAP_DAYS`] days, oldest first; the
    /// last entry is today.
    pub heatmap: Vec<i64>,
    pub categories: Vec<CategoryProgress>,
}

pub fn stats(conn: &Connection, clock: Clock, settings: StudySettings) -> Result<StudyStats> {
    let today = clock.today();
    let first_day = today - HEATMAP_DAYS + 1;
    let mut heatmap = vec![0i64; HEATMAP_DAYS as usize];
    let offset = i64::from(clock.utc_offset_minutes) * 60_000;
    let mut stmt = conn.prepare_cached(
        "SELECT (reviewed_at + ?2) / 86400000 AS day, count(*) FROM review_log
         WHERE reviewed_at >= ?1 GROUP BY day",
    )?;
    let per_day: Vec<(i64, i64)> = stmt
        .query_map(params![clock.start_of_day(first_day), offset], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (day, count) in &per_day {
        if (first_day..=today).contains(day) {
            heatmap[(day - first_day) as usize] = *count;
        }
    }
    // The streak is read off the heatmap; only a streak longer than it asks
    // the log day by day (an indexed lookup each).
    let reviewed_on = |day: i64| -> Result<bool> {
        if day >= first_day {
            return Ok(heatmap[(day - first_day) as usize] > 0);
        }
        let found: Option<i64> = conn
            .prepare_cached("SELECT 1 FROM review_log WHERE reviewed_at >= ?1 AND reviewed_at < ?2 LIMIT 1")?
            .query_row(params![clock.start_of_day(day), clock.start_of_day(day + 1)], |r| r.get(0))
            .optional()?;
        Ok(found.is_some())
    };
    let mut streak = 0;
    let mut day = if reviewed_on(today)? { today } else { today - 1 };
    while reviewed_on(day)? {
        streak += 1;
        day -= 1;
    }
    let mut categories: Vec<CategoryProgress> = Vec::new();
    for progress in comparison_progress(conn)? {
        if categories.last().is_none_or(|c| c.category != progress.category) {
            categories.push(CategoryProgress {
                category: progress.category.clone(),
                new: 0,
                learning: 0,
                mastered: 0,
            });
        }
        if let Some(entry) = categories.last_mut() {
            match progress.mastery {
                Mastery::New => entry.new += 1,
                Mastery::Learning => entry.learning += 1,
                Mastery::Mastered => entry.mastered += 1,
            }
        }
    }
    Ok(StudyStats {
        due_today: build_queue(conn, &Scope::All, clock, settings)?.cards.len(),
        reviews_today: heatmap[heatmap.len() - 1],
        streak,
        heatmap,
        categories,
    })
}

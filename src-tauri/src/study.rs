//! Scheduling recall with FSRS (the `fsrs` crate, the scheduler Anki ships):
//! today's queue, grading, undo, progress and the interview drills.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

const DAY_MS: i64 = 86_400_000;
/// A comparison is mastered when every one of its cards is this stable (days).
pub const MASTERED_STABILITY_DAYS: f64 = 21.0;
pub const HEATMAP_DAYS: i64 = 84;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "value")]
pub enum Scope {
    All,
    Category(String),
    Comparison(String),
}

impl Scope {
    /// SQL condition on the comparison table aliased `m`, binding `?2`.
    fn condition(&self) -> (&'static str, Option<&str>) {
        match self {
            Scope::All => ("?2 IS NULL", None),
            Scope::Category(c) => ("m.category = ?2", Some(c)),
            Scope::Comparison(id) => ("m.id = ?2", Some(id)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Queue {
    /// Cards due now, most overdue first, then new cards up to today's limit.
    pub cards: Vec<i64>,
    pub due: usize,
    pub new: usize,
    /// New cards already introduced today (the limit counts them).
    pub new_seen_today: usize,
}

pub fn build_queue(conn: &Connection, scope: &Scope, clock: Clock, settings: StudySettings) -> Result<Queue> {
    let (condition, value) = scope.condition();
    let mut due_stmt = conn.prepare_cached(&format!(
        "SELECT c.id FROM card c JOIN comparison m ON m.id = c.comparison_id
         WHERE c.retired = 0 AND c.suspended = 0 AND c.state <> 'new' AND c.due <= ?1 AND m.retired = 0 AND {condition}
         ORDER BY c.due, c.id"
    ))?;
    let due: Vec<i64> =
        due_stmt.query_map(params![clock.now, value], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;

    let new_seen_today: i64 = conn.query_row(
        "SELECT count(*) FROM review_log WHERE before_state = 'new' AND reviewed_at >= ?1",
        [clock.start_of_day(clock.today())],
        |r| r.get(0),
    )?;
    let allowed = settings.new_per_day.saturating_sub(new_seen_today as usize);
    let mut new_stmt = conn.prepare_cached(&format!(
        "SELECT c.id FROM card c JOIN comparison m ON m.id = c.comparison_id
         LEFT JOIN item i ON i.comparison_id = c.comparison_id AND i.section = c.section AND i.item_id = c.item_id
         WHERE c.retired = 0 AND c.suspended = 0 AND c.state = 'new' AND m.retired = 0 AND {condition}
         ORDER BY m.category, m.title, CASE c.kind WHEN 'which_one' THEN 0 WHEN 'recall_list' THEN 1 ELSE 2 END,
                  coalesce(i.position, 0), c.id
         LIMIT ?1"
    ))?;
    let new: Vec<i64> =
        new_stmt.query_map(params![allowed as i64, value], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(Queue {
        due: due.len(),
        new: new.len(),
        new_seen_today: new_seen_today as usize,
        cards: [due, new].concat(),
    })
}

/// A card's scheduling state.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CardState {
    pub id: i64,
    pub state: String,
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    pub due: Option<i64>,
    pub last_review: Option<i64>,
    pub reps: i64,
    pub lapses: i64,
}

pub fn card_state(conn: &Connection, card_id: i64) -> Result<CardState> {
    conn.prepare_cached(
        "SELECT id, state, stability, difficulty, due, last_review, reps, lapses FROM card WHERE id = ?1",
    )?
    .query_row([card_id], |r| {
        Ok(CardState {
            id: r.get(0)?,
            state: r.get(1)?,
            stability: r.get(2)?,
            difficulty: r.get(3)?,
            due: r.get(4)?,
            last_review: r.get(5)?,
            reps: r.get(6)?,
            lapses: r.get(7)?,
        })
    })
    .optional()?
    .ok_or(Error::UnknownCard(card_id))
}

/// What FSRS decides for a card graded `grade` at `now`: (stability,
/// difficulty, interval in days, days elapsed since the last review).
pub fn schedule(before: &CardState, grade: Grade, now: i64, retention: f32) -> Result<(f64, f64, f64, u32)> {
    let fsrs = fsrs::FSRS::new(&[]).map_err(|e| Error::Scheduler(e.to_string()))?;
    let memory = match (before.state.as_str(), before.stability, before.difficulty) {
        ("new", _, _) => None,
        (_, Some(stability), Some(difficulty)) => {
            Some(fsrs::MemoryState { stability: stability as f32, difficulty: difficulty as f32 })
        }
        _ => None,
    };
    let elapsed = before.last_review.map_or(0, |last| ((now - last).max(0) / DAY_MS) as u32);
    let next = fsrs.next_states(memory, retention, elapsed).map_err(|e| Error::Scheduler(e.to_string()))?;
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

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Graded {
    pub card: CardState,
    pub interval_days: f64,
}

/// Grades a card, logs the review with the state before and after, and
/// moves the card to its next due date.
pub fn grade_card(
    conn: &mut Connection,
    card_id: i64,
    grade: Grade,
    clock: Clock,
    settings: StudySettings,
) -> Result<Graded> {
    let tx = conn.transaction()?;
    let before = card_state(&tx, card_id)?;
    let (stability, difficulty, interval, elapsed) =
        schedule(&before, grade, clock.now, settings.desired_retention)?;
    let due = clock.now + (interval * DAY_MS as f64).round() as i64;
    let lapses = before.lapses + i64::from(grade == Grade::Again && before.state != "new");
    tx.execute(
        "INSERT INTO review_log (card_id, reviewed_at, grade, elapsed_days,
             before_state, before_stability, before_difficulty, before_due, before_last_review, before_reps, before_lapses,
             after_state, after_stability, after_difficulty, after_due)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'review', ?12, ?13, ?14)",
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
            stability,
            difficulty,
            due
        ],
    )?;
    tx.execute(
        "UPDATE card SET state = 'review', stability = ?2, difficulty = ?3, due = ?4, last_review = ?5,
                         reps = reps + 1, lapses = ?6
         WHERE id = ?1",
        params![card_id, stability, difficulty, due, clock.now, lapses],
    )?;
    let card = card_state(&tx, card_id)?;
    tx.commit()?;
    Ok(Graded { card, interval_days: interval })
}

/// Undoes the newest review: the card gets back exactly the state it had
/// before it, and the review leaves the log. Returns the card's id.
pub fn undo_last_review(conn: &mut Connection) -> Result<Option<i64>> {
    let tx = conn.transaction()?;
    let last = tx
        .query_row(
            "SELECT id, card_id, before_state, before_stability, before_difficulty, before_due, before_last_review,
                    before_reps, before_lapses
             FROM review_log ORDER BY id DESC LIMIT 1",
            [],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    CardState {
                        id: r.get(1)?,
                        state: r.get(2)?,
                        stability: r.get(3)?,
                        difficulty: r.get(4)?,
                        due: r.get(5)?,
                        last_review: r.get(6)?,
                        reps: r.get(7)?,
                        lapses: r.get(8)?,
                    },
                ))
            },
        )
        .optional()?;
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
    tx.commit()?;
    Ok(Some(before.id))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mastery {
    New,
    Learning,
    Mastered,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CategoryProgress {
    pub category: String,
    pub new: i64,
    pub learning: i64,
    pub mastered: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// Keeps a drill answer; a self-grade also grades the comparison's interview card.
pub fn save_drill(
    conn: &mut Connection,
    drill: &DrillAnswer,
    clock: Clock,
    settings: StudySettings,
) -> Result<i64> {
    let DrillAnswer { comparison_id, started_at, seconds_used, answer, grade } = drill;
    let (comparison_id, grade) = (comparison_id.as_str(), *grade);
    if answer.len() > crate::notes::MAX_NOTE_BYTES {
        return Err(Error::NoteTooLarge { bytes: answer.len(), limit: crate::notes::MAX_NOTE_BYTES });
    }
    let known: Option<i64> =
        conn.query_row("SELECT 1 FROM comparison WHERE id = ?1", [comparison_id], |r| r.get(0)).optional()?;
    if known.is_none() {
        return Err(Error::UnknownComparison(comparison_id.to_string()));
    }
    conn.execute(
        "INSERT INTO drill (comparison_id, started_at, submitted_at, seconds_used, answer, grade)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![comparison_id, started_at, clock.now, seconds_used, answer, grade.map(|g| g as i64)],
    )?;
    let id = conn.last_insert_rowid();
    if let Some(grade) = grade {
        grade_interview_card(conn, comparison_id, grade, clock, settings)?;
    }
    Ok(id)
}

/// Self-grades a kept drill, which also grades the comparison's interview card.
pub fn grade_drill(
    conn: &mut Connection,
    drill_id: i64,
    grade: Grade,
    clock: Clock,
    settings: StudySettings,
) -> Result<()> {
    let comparison: Option<String> = conn
        .query_row("SELECT comparison_id FROM drill WHERE id = ?1", [drill_id], |r| r.get(0))
        .optional()?;
    let comparison = comparison
        .ok_or_else(|| Error::InvalidArgument(format!("there is no drill with the id {drill_id}")))?;
    conn.execute("UPDATE drill SET grade = ?2 WHERE id = ?1", params![drill_id, grade as i64])?;
    grade_interview_card(conn, &comparison, grade, clock, settings)
}

fn grade_interview_card(
    conn: &mut Connection,
    comparison_id: &str,
    grade: Grade,
    clock: Clock,
    settings: StudySettings,
) -> Result<()> {
    let card: Option<i64> = conn
        .query_row(
            "SELECT id FROM card WHERE comparison_id = ?1 AND kind = 'interview' AND retired = 0",
            [comparison_id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(card) = card {
        grade_card(conn, card, grade, clock, settings)?;
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

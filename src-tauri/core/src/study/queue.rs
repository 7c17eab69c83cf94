//! Today's queue: cards due now, most overdue first, then new cards up to the
//! daily limit, those of comparisons the learner is working on first; the
//! whole interleaved across comparisons (see `interleave`).

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::study::cards::{CardKind, CardState};
use crate::study::interleave::{choose_new, interleave, NewCandidate, Waiting};
use crate::study::{Clock, Scope, StudySettings};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Queue {
    /// Cards due now and today's new cards, interleaved.
    pub cards: Vec<i64>,
    pub due: usize,
    pub new: usize,
    /// New cards already introduced today (the limit counts them).
    pub new_seen_today: usize,
    /// New cards of this scope the daily limit leaves for another day.
    pub new_held_back: usize,
}

/// How many new cards a session takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NewCards {
    /// What is left of today's limit.
    #[default]
    WithinDailyLimit,
    /// Every new card of the scope: the learner asked to go past the limit
    /// for this comparison or category (refused for the whole library,
    /// where it would mean every card at once).
    PastDailyLimit,
}

pub fn build_queue(conn: &Connection, scope: &Scope, clock: Clock, settings: StudySettings) -> Result<Queue> {
    build_queue_with(conn, scope, clock, settings, NewCards::WithinDailyLimit, None)
}

pub fn build_queue_with(
    conn: &Connection,
    scope: &Scope,
    clock: Clock,
    settings: StudySettings,
    new_cards: NewCards,
    only: Option<CardKind>,
) -> Result<Queue> {
    let (condition, value) = scope.condition();
    let mut due_stmt = conn.prepare_cached(&format!(
        "SELECT c.id, c.comparison_id FROM card c JOIN comparison m ON m.id = c.comparison_id
         WHERE c.retired = 0 AND c.suspended = 0 AND c.state <> ?3 AND c.due <= ?1 AND m.retired = 0 AND {condition}
           AND (?4 IS NULL OR c.kind = ?4)
         ORDER BY c.due, c.id"
    ))?;
    let due: Vec<Waiting> = due_stmt
        .query_map(params![clock.now, value, CardState::New, only], |r| {
            Ok(Waiting { card: r.get(0)?, comparison: r.get(1)? })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let new_seen_today: i64 = conn.query_row(
        "SELECT count(*) FROM review_log WHERE before_state = ?2 AND reviewed_at >= ?1",
        params![clock.start_of_day(clock.today()), CardState::New],
        |r| r.get(0),
    )?;
    let within_limit = settings.new_per_day.saturating_sub(new_seen_today as usize);
    let allowed = match (new_cards, scope) {
        (NewCards::PastDailyLimit, Scope::Category(_) | Scope::Comparison(_)) => usize::MAX,
        _ => within_limit,
    };
    // "Touched": the last time the learner opened the comparison or wrote a note on it.
    let mut new_stmt = conn.prepare_cached(&format!(
        "SELECT c.id, c.comparison_id,
                max(coalesce((SELECT v.viewed_at FROM recent_view v WHERE v.comparison_id = m.id), -1),
                    coalesce((SELECT max(n.updated_at) FROM note n WHERE n.comparison_id = m.id), -1))
         FROM card c JOIN comparison m ON m.id = c.comparison_id
         WHERE c.retired = 0 AND c.suspended = 0 AND c.state = ?1 AND m.retired = 0 AND {condition}
           AND (?3 IS NULL OR c.kind = ?3)"
    ))?;
    let candidates: Vec<NewCandidate> = new_stmt
        .query_map(params![CardState::New, value, only], |r| {
            let touched: i64 = r.get(2)?;
            Ok(NewCandidate {
                card: r.get(0)?,
                comparison: r.get(1)?,
                touched: (touched >= 0).then_some(touched),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let available = candidates.len();
    let new = choose_new(candidates, allowed, clock.today());
    let (due_count, new_count) = (due.len(), new.len());
    Ok(Queue {
        cards: interleave([due, new].concat()),
        due: due_count,
        new: new_count,
        new_seen_today: new_seen_today as usize,
        new_held_back: available - new_count,
    })
}

/// Every card of a comparison or category, whatever its schedule (not
/// suspended ones), interleaved in an order fixed for the day: a cram
/// session. Refused for the whole library.
pub fn cram_cards(conn: &Connection, scope: &Scope, clock: Clock) -> Result<Vec<i64>> {
    if *scope == Scope::All {
        return Err(crate::error::Error::InvalidArgument(
            "cram a comparison or a category, not the whole library at once".into(),
        ));
    }
    let (condition, value) = scope.condition();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.id, c.comparison_id FROM card c JOIN comparison m ON m.id = c.comparison_id
         WHERE c.retired = 0 AND c.suspended = 0 AND m.retired = 0 AND {}",
        // The scope binds ?2 in the queue's statements; here it is the only parameter.
        condition.replace("?2", "?1")
    ))?;
    let mut cards: Vec<Waiting> = stmt
        .query_map(params![value], |r| Ok(Waiting { card: r.get(0)?, comparison: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    let seed = clock.today();
    cards.sort_by_key(|w| (crate::study::interleave::mix(seed, w.card), w.card));
    Ok(interleave(cards))
}

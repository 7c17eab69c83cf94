//! Today's queue: cards due now, most overdue first, then new cards up to the daily limit.

use rusqlite::{params, Connection};
use serde::Serialize;

use crate::error::Result;
use crate::study::cards::CardState;
use crate::study::{Clock, Scope, StudySettings};

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
         WHERE c.retired = 0 AND c.suspended = 0 AND c.state <> ?3 AND c.due <= ?1 AND m.retired = 0 AND {condition}
         ORDER BY c.due, c.id"
    ))?;
    let due: Vec<i64> = due_stmt
        .query_map(params![clock.now, value, CardState::New], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;

    let new_seen_today: i64 = conn.query_row(
        "SELECT count(*) FROM review_log WHERE before_state = ?2 AND reviewed_at >= ?1",
        params![clock.start_of_day(clock.today()), CardState::New],
        |r| r.get(0),
    )?;
    let allowed = settings.new_per_day.saturating_sub(new_seen_today as usize);
    let mut new_stmt = conn.prepare_cached(&format!(
        "SELECT c.id FROM card c JOIN comparison m ON m.id = c.comparison_id
         LEFT JOIN item i ON i.comparison_id = c.comparison_id AND i.section = c.section AND i.item_id = c.item_id
         WHERE c.retired = 0 AND c.suspended = 0 AND c.state = ?3 AND m.retired = 0 AND {condition}
         ORDER BY m.category, m.title, CASE c.kind WHEN 'which_one' THEN 0 WHEN 'recall_list' THEN 1 ELSE 2 END,
                  coalesce(i.position, 0), c.id
         LIMIT ?1"
    ))?;
    let new: Vec<i64> = new_stmt
        .query_map(params![allowed as i64, value, CardState::New], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Queue {
        due: due.len(),
        new: new.len(),
        new_seen_today: new_seen_today as usize,
        cards: [due, new].concat(),
    })
}

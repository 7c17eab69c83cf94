//! The card browser: every card with filters and sorting, suspending and
//! unsuspending several at once, and one card's review history.

use rusqlite::{params, types::Value, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::study::cards::{card_schedule, CardKind};
use crate::study::progress::MASTERED_STABILITY_DAYS;
use crate::study::review::set_suspended;

/// Cards listed at most in one page.
pub const MAX_PAGE: usize = 500;
/// Cards changed at most in one click.
pub const MAX_SELECTED: usize = 5000;

/// The cards one click acts on: at least one, at most [`MAX_SELECTED`], each once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cards(Vec<i64>);

impl Cards {
    pub fn new(mut ids: Vec<i64>) -> Result<Cards> {
        if ids.is_empty() || ids.len() > MAX_SELECTED {
            return Err(Error::InvalidArgument(format!("select 1 to {MAX_SELECTED} cards")));
        }
        ids.sort_unstable();
        ids.dedup();
        Ok(Cards(ids))
    }
}

/// Where a card is, as the browser filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BrowseState {
    /// Never answered.
    New,
    /// Answered, not yet stable for three weeks.
    Learning,
    /// Stable for three weeks or more.
    Review,
    Suspended,
}

crate::text_enum!(BrowseState, "card browser state", {
    New => "new",
    Learning => "learning",
    Review => "review",
    Suspended => "suspended",
});

/// Which due dates to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DueWithin {
    /// Due now or earlier.
    Now,
    /// Due within the next seven days (or earlier).
    Week,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CardSort {
    /// Soonest due first, new cards last.
    #[default]
    Due,
    /// By comparison, then place.
    Comparison,
    /// Most forgotten first.
    Lapses,
    /// Least stable first.
    Stability,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardFilter {
    pub comparison: Option<String>,
    pub category: Option<String>,
    pub kind: Option<CardKind>,
    pub state: Option<BrowseState>,
    pub due: Option<DueWithin>,
    #[serde(default)]
    pub sort: CardSort,
    #[serde(default)]
    pub offset: usize,
    /// At most [`MAX_PAGE`].
    pub limit: usize,
}

/// One card as the browser lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardRow {
    pub id: i64,
    pub comparison_id: String,
    pub comparison_title: String,
    pub category: String,
    pub kind: CardKind,
    /// What the card is about, in a few words (its item's text, a scenario, a card's front).
    pub about: String,
    pub state: BrowseState,
    pub due: Option<i64>,
    pub stability: Option<f64>,
    pub reps: i64,
    pub lapses: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardPage {
    pub cards: Vec<CardRow>,
    /// Every card the filter matches, beyond this page too.
    pub total: usize,
}

/// One answer in a card's history.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewEntry {
    pub reviewed_at: i64,
    pub grade: i64,
    pub elapsed_days: f64,
    /// Days until the due date this answer set.
    pub interval_days: f64,
    pub stability: f64,
}

/// The browser's state of the card `c`; the threshold is a constant of ours, not input.
fn state_sql() -> String {
    format!(
        "CASE WHEN c.suspended = 1 THEN 'suspended' WHEN c.state = 'new' THEN 'new'
              WHEN c.stability >= {MASTERED_STABILITY_DAYS:?} THEN 'review' ELSE 'learning' END"
    )
}

/// The cards a filter matches, one page of them, in its order.
pub fn list_cards(conn: &Connection, filter: &CardFilter, now: i64) -> Result<CardPage> {
    if filter.limit == 0 || filter.limit > MAX_PAGE {
        return Err(Error::InvalidArgument(format!("a page holds 1 to {MAX_PAGE} cards")));
    }
    let mut conditions = vec!["c.retired = 0".to_string(), "m.retired = 0".to_string()];
    let state_sql = state_sql();
    let mut values: Vec<Value> = Vec::new();
    let bind = |value: Value, values: &mut Vec<Value>| {
        values.push(value);
        format!("?{}", values.len())
    };
    if let Some(comparison) = &filter.comparison {
        conditions.push(format!("m.id = {}", bind(Value::Text(comparison.clone()), &mut values)));
    }
    if let Some(category) = &filter.category {
        conditions.push(format!("m.category = {}", bind(Value::Text(category.clone()), &mut values)));
    }
    if let Some(kind) = filter.kind {
        conditions.push(format!("c.kind = {}", bind(Value::Text(kind.as_str().into()), &mut values)));
    }
    if let Some(state) = filter.state {
        conditions.push(format!("({state_sql}) = {}", bind(Value::Text(state.as_str().into()), &mut values)));
    }
    if let Some(due) = filter.due {
        let until = match due {
            DueWithin::Now => now,
            DueWithin::Week => now + 7 * crate::clock::DAY_MS,
        };
        conditions.push(format!(
            "c.state <> 'new' AND c.suspended = 0 AND c.due <= {}",
            bind(Value::Integer(until), &mut values)
        ));
    }
    let order = match filter.sort {
        CardSort::Due => "c.due IS NULL, c.due, c.id",
        CardSort::Comparison => "m.category, m.title, c.kind, coalesce(i.position, 0), c.id",
        CardSort::Lapses => "c.lapses DESC, c.due IS NULL, c.due, c.id",
        CardSort::Stability => "c.stability IS NULL, c.stability, c.id",
    };
    let from = format!(
        "FROM card c JOIN comparison m ON m.id = c.comparison_id
         LEFT JOIN item i ON i.comparison_id = c.comparison_id AND i.section = c.section AND i.item_id = c.item_id
         WHERE {}",
        conditions.join(" AND ")
    );
    let total: i64 =
        conn.query_row(&format!("SELECT count(*) {from}"), rusqlite::params_from_iter(values.iter()), |r| {
            r.get(0)
        })?;
    let limit = bind(Value::Integer(filter.limit as i64), &mut values);
    let offset = bind(Value::Integer(filter.offset as i64), &mut values);
    let sql = format!(
        "SELECT c.id, m.id, m.title, m.category, c.kind, {state_sql}, c.due, c.stability, c.reps, c.lapses,
                CASE c.kind
                  WHEN 'custom' THEN c.front
                  WHEN 'recall_list' THEN CASE c.section WHEN 'tradeoff' THEN 'The tradeoffs, as a list'
                                                        ELSE 'The common mistakes, as a list' END
                  WHEN 'scenario' THEN (SELECT s.value ->> 'text' FROM json_each(m.document, '$.scenarios') s
                                        WHERE s.value ->> 'id' = c.item_id)
                  WHEN 'grid' THEN coalesce(i.name, i.text)
                  ELSE i.text END
         {from} ORDER BY {order} LIMIT {limit} OFFSET {offset}"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(values.iter()), |r| {
        Ok(CardRow {
            id: r.get(0)?,
            comparison_id: r.get(1)?,
            comparison_title: r.get(2)?,
            category: r.get(3)?,
            kind: r.get(4)?,
            state: r.get(5)?,
            due: r.get(6)?,
            stability: r.get(7)?,
            reps: r.get(8)?,
            lapses: r.get(9)?,
            about: r.get::<_, Option<String>>(10)?.unwrap_or_default(),
        })
    })?;
    let cards = rows.collect::<rusqlite::Result<_>>()?;
    Ok(CardPage { cards, total: total as usize })
}

/// Suspends or unsuspends several cards in one step of the learner's; each
/// is an undo step of its own. Answers the cards whose flag changed (an
/// undo of the whole click sets just those back). Refuses an unknown id
/// before changing anything.
pub fn set_suspended_many(tx: &Transaction<'_>, cards: &Cards, suspended: bool) -> Result<Vec<i64>> {
    let mut changed = Vec::new();
    for &id in &cards.0 {
        card_schedule(tx, id)?;
    }
    for &id in &cards.0 {
        let was: bool = tx.query_row("SELECT suspended FROM card WHERE id = ?1", [id], |r| r.get(0))?;
        if was != suspended {
            set_suspended(tx, id, suspended)?;
            changed.push(id);
        }
    }
    Ok(changed)
}

/// A card's answers, oldest first.
pub fn card_history(conn: &Connection, card_id: i64) -> Result<Vec<ReviewEntry>> {
    card_schedule(conn, card_id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT reviewed_at, grade, elapsed_days, after_due, after_stability FROM review_log
         WHERE card_id = ?1 ORDER BY reviewed_at, id",
    )?;
    let rows = stmt.query_map(params![card_id], |r| {
        let reviewed_at: i64 = r.get(0)?;
        let due: i64 = r.get(3)?;
        Ok(ReviewEntry {
            reviewed_at,
            grade: r.get(1)?,
            elapsed_days: r.get(2)?,
            interval_days: (due - reviewed_at) as f64 / crate::clock::DAY_MS as f64,
            stability: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

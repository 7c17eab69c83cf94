//! Recall cards: made from the library and kept in step with it by stable
//! ids, or made by the learner from a note; their kinds, states and schedules.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::now_ms;
use crate::error::{Entity, Error, OrNotFound, Result};
use crate::notes::{check_size, check_target, NoteKey};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CardKind {
    /// A difference or when-to-use text with the subjects blanked out.
    WhichOne,
    /// "Name the tradeoffs" / "name the common mistakes".
    RecallList,
    /// "Give the short answer": the interview tip.
    Interview,
    /// Made by the learner from a note.
    Custom,
    /// A row of the at-a-glance grid: its value for each subject.
    Grid,
    /// "Which would you pick?": a scenario, answered by picking a subject.
    Scenario,
    /// One tradeoff or mistake: its short label asked, its text the answer.
    RecallItem,
}

crate::text_enum!(CardKind, "card kind", {
    WhichOne => "which_one",
    RecallList => "recall_list",
    Interview => "interview",
    Custom => "custom",
    Grid => "grid",
    Scenario => "scenario",
    RecallItem => "recall_item",
});

/// Where a card is in its life: never graded, or scheduled by FSRS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CardState {
    New,
    Review,
}

crate::text_enum!(CardState, "card state", {
    New => "new",
    Review => "review",
});

/// A card's scheduling state.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardSchedule {
    pub id: i64,
    pub state: CardState,
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    pub due: Option<i64>,
    pub last_review: Option<i64>,
    pub reps: i64,
    pub lapses: i64,
}

/// Maps `id, state, stability, difficulty, due, last_review, reps, lapses`,
/// in that order (from `card`, or a review's `before_*` columns).
pub(crate) fn schedule_from_row(r: &Row<'_>) -> rusqlite::Result<CardSchedule> {
    Ok(CardSchedule {
        id: r.get(0)?,
        state: r.get(1)?,
        stability: r.get(2)?,
        difficulty: r.get(3)?,
        due: r.get(4)?,
        last_review: r.get(5)?,
        reps: r.get(6)?,
        lapses: r.get(7)?,
    })
}

pub fn card_schedule(conn: &Connection, card_id: i64) -> Result<CardSchedule> {
    conn.prepare_cached(
        "SELECT id, state, stability, difficulty, due, last_review, reps, lapses FROM card WHERE id = ?1",
    )?
    .query_row([card_id], schedule_from_row)
    .optional()
    .or_not_found(Entity::Card, card_id)
}

/// A list card is kept only while a person can grade it: up to this many
/// items. Each item also has a card of its own.
pub const LIST_CARD_MAX_ITEMS: i64 = 4;

/// Makes the cards the library calls for and retires those whose item left it.
/// Runs inside the content import's transaction. Review history is never touched.
pub fn sync_cards(tx: &Transaction<'_>) -> Result<()> {
    let now = now_ms();
    tx.execute(
        "INSERT INTO card (comparison_id, kind, section, item_id, created_at)
         SELECT comparison_id, 'which_one', section, item_id, ?1 FROM item
         WHERE retired = 0 AND section IN ('difference', 'when_to_use')
         UNION ALL
         SELECT comparison_id, 'recall_list', section, 'all', ?1 FROM item
         WHERE retired = 0 AND section IN ('tradeoff', 'mistake')
         GROUP BY comparison_id, section HAVING count(*) <= ?2
         UNION ALL
         SELECT comparison_id, 'recall_item', section, item_id, ?1 FROM item
         WHERE retired = 0 AND section IN ('tradeoff', 'mistake')
         UNION ALL
         SELECT comparison_id, 'interview', section, item_id, ?1 FROM item
         WHERE retired = 0 AND section = 'interview_tip'
         UNION ALL
         SELECT comparison_id, 'grid', section, item_id, ?1 FROM item
         WHERE retired = 0 AND section = 'dimension'
         UNION ALL
         SELECT m.id, 'scenario', 'scenario', s.value ->> 'id', ?1
         FROM comparison m, json_each(m.document, '$.scenarios') s
         WHERE m.retired = 0 AND m.document IS NOT NULL
         ON CONFLICT (comparison_id, kind, section, item_id) WHERE kind <> 'custom' DO UPDATE SET retired = 0",
        params![now, LIST_CARD_MAX_ITEMS],
    )?;
    tx.execute(
        "UPDATE card SET retired = 1
         WHERE retired = 0 AND kind IN ('which_one', 'interview', 'grid', 'recall_item') AND NOT EXISTS (
             SELECT 1 FROM item i WHERE i.retired = 0 AND i.comparison_id = card.comparison_id
               AND i.section = card.section AND i.item_id = card.item_id)",
        [],
    )?;
    tx.execute(
        "UPDATE card SET retired = 1
         WHERE retired = 0 AND kind = 'scenario' AND NOT EXISTS (
             SELECT 1 FROM comparison m, json_each(m.document, '$.scenarios') s
             WHERE m.id = card.comparison_id AND m.retired = 0 AND s.value ->> 'id' = card.item_id)",
        [],
    )?;
    tx.execute(
        "UPDATE card SET retired = 1
         WHERE retired = 0 AND kind = 'recall_list' AND (
             SELECT count(*) FROM item i WHERE i.retired = 0 AND i.comparison_id = card.comparison_id
               AND i.section = card.section) NOT BETWEEN 1 AND ?1",
        [LIST_CARD_MAX_ITEMS],
    )?;
    Ok(())
}

/// A card of the learner's own, made from a note on an item; it keeps that
/// item's id (several may hang on one item).
pub fn create_custom_card(tx: &Transaction<'_>, key: &NoteKey, front: &str, back: &str) -> Result<i64> {
    if front.trim().is_empty() || back.trim().is_empty() {
        return Err(Error::InvalidArgument("a card needs a front and a back".into()));
    }
    check_size(&format!("{front}{back}"))?;
    check_target(tx, key)?;
    tx.execute(
        "INSERT INTO card (comparison_id, kind, section, item_id, front, back, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![key.comparison_id, CardKind::Custom, key.section, key.item_id, front, back, now_ms()],
    )?;
    Ok(tx.last_insert_rowid())
}

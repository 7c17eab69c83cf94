//! Reviews across devices: each review is an event with a global id, the
//! reviews of all devices merge as a union, and a card's state is what
//! replaying its reviews in time order through FSRS gives, the same on
//! every device (with the same parameters and retention).
//!
//! What the learner did is found by comparing the review log with what
//! sync recorded of it, so grading stays as it is: a new row is a new
//! review, a recorded row gone while its card is still here was undone and
//! becomes a tombstone, which takes the review out on every device.
//!
//! Cram answers (`cram_log`) and confusions stay on the device that gave
//! them: a cram answer changes no schedule, and a confusion hangs on a
//! review row of its device; neither is needed to replay a card.

use std::collections::BTreeSet;

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::clock::DAY_MS;
use crate::error::{Error, Result};
use crate::study::cards::{CardSchedule, CardState};
use crate::study::scheduler::Scheduler;
use crate::study::Grade;
use crate::sync::clock::Clock;
use crate::sync::event::{CardKey, Event};

/// Cards whose reviews changed, to replay before the sync ends.
pub(crate) type Replay = BTreeSet<i64>;

/// Records what happened to the review log here since the last sync:
/// reviews undone become tombstones, new reviews get their global id, and
/// reviews that waited for their card are logged now that it is here.
pub(crate) fn record_local_changes(
    tx: &Transaction<'_>,
    device: &str,
    clock: &mut Clock,
    now: i64,
    replay: &mut Replay,
) -> Result<()> {
    record_gone(tx, replay)?;
    record_new(tx, device, clock, now, replay)?;
    log_waiting(tx, replay)
}

/// Recorded reviews whose row is no longer in the log: undone (a tombstone)
/// while the card is here, or gone with their card (kept, to wait for it).
fn record_gone(tx: &Transaction<'_>, replay: &mut Replay) -> Result<()> {
    let gone: Vec<(String, Option<i64>)> = tx
        .prepare(
            "SELECT s.id, c.id FROM review_sync s
             LEFT JOIN review_log r ON r.id = s.local_id AND r.card_id = s.local_card
                  AND r.reviewed_at = s.reviewed_at AND r.grade = s.grade
             LEFT JOIN card c ON c.comparison_id = s.comparison_id AND c.kind = s.kind
                  AND c.section = s.section AND c.item_id = s.item_id AND c.kind <> 'custom'
             WHERE s.local_id IS NOT NULL AND r.id IS NULL",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, card) in gone {
        match card {
            Some(card) => {
                tx.prepare_cached(
                    "UPDATE review_sync SET deleted = 1, exported = 0, local_id = NULL, local_card = NULL
                     WHERE id = ?1",
                )?
                .execute([&id])?;
                replay.insert(card);
            }
            None => {
                tx.prepare_cached("UPDATE review_sync SET local_id = NULL, local_card = NULL WHERE id = ?1")?
                    .execute([&id])?;
            }
        }
    }
    Ok(())
}

/// Review rows (of cards with a key) sync has not recorded: each gets a
/// global id. One given out of time order (a clock set back, or after a
/// later review from another device came in) has its card replayed.
fn record_new(
    tx: &Transaction<'_>,
    device: &str,
    clock: &mut Clock,
    now: i64,
    replay: &mut Replay,
) -> Result<()> {
    type Row = (i64, i64, i64, i64, String, String, String, String, bool);
    let new: Vec<Row> = tx
        .prepare(
            "SELECT r.id, r.card_id, r.reviewed_at, r.grade, c.comparison_id, c.kind, c.section, c.item_id,
                    EXISTS (SELECT 1 FROM review_log o WHERE o.card_id = r.card_id AND o.id < r.id
                            AND o.reviewed_at > r.reviewed_at)
             FROM review_log r JOIN card c ON c.id = r.card_id
             WHERE c.kind <> 'custom' AND NOT EXISTS (SELECT 1 FROM review_sync s WHERE s.local_id = r.id)
             ORDER BY r.id",
        )?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO review_sync (id, comparison_id, kind, section, item_id, reviewed_at, grade, device,
                                  exported, deleted, local_id, local_card)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, 0, ?9, ?10)",
    )?;
    for (local_id, card, reviewed_at, grade, comparison, kind, section, item, out_of_order) in new {
        let stamp = clock.tick(now).stamp(device);
        insert.execute(params![
            stamp,
            comparison,
            kind,
            section,
            item,
            reviewed_at,
            grade,
            device,
            local_id,
            card
        ])?;
        if out_of_order {
            replay.insert(card);
        }
    }
    Ok(())
}

/// Logs the reviews that waited for a card this store now has.
fn log_waiting(tx: &Transaction<'_>, replay: &mut Replay) -> Result<()> {
    let waiting: Vec<(String, i64, i64, i64)> = tx
        .prepare(
            "SELECT s.id, c.id, s.reviewed_at, s.grade FROM review_sync s
             JOIN card c ON c.comparison_id = s.comparison_id AND c.kind = s.kind
                  AND c.section = s.section AND c.item_id = s.item_id AND c.kind <> 'custom'
             WHERE s.local_id IS NULL AND s.deleted = 0",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, card, reviewed_at, grade) in waiting {
        log(tx, &id, card, reviewed_at, grade)?;
        replay.insert(card);
    }
    Ok(())
}

/// Puts a review from sync into the log of `card`. Its schedule columns are
/// set by the replay that follows, in the same transaction.
fn log(tx: &Transaction<'_>, id: &str, card: i64, reviewed_at: i64, grade: i64) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO review_log (card_id, reviewed_at, grade, elapsed_days, before_state, before_reps,
                                 before_lapses, after_state, after_stability, after_difficulty, after_due)
         VALUES (?1, ?2, ?3, 0, ?4, 0, 0, ?5, 0, 0, ?2)",
    )?
    .execute(params![card, reviewed_at, grade, CardState::New, CardState::Review])?;
    let local_id = tx.last_insert_rowid();
    tx.prepare_cached("UPDATE review_sync SET local_id = ?2, local_card = ?3 WHERE id = ?1")?
        .execute(params![id, local_id, card])?;
    Ok(())
}

fn card_of(conn: &Connection, key: &CardKey) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM card WHERE comparison_id = ?1 AND kind = ?2 AND section = ?3 AND item_id = ?4
               AND kind <> 'custom'",
        )?
        .query_row(params![key.comparison_id, key.kind, key.section, key.item_id], |r| r.get(0))
        .optional()?)
}

/// A review as another device sent it (its id and grade already checked).
pub(crate) struct ReviewIn<'a> {
    pub id: &'a str,
    pub key: CardKey,
    pub reviewed_at: i64,
    pub grade: Grade,
}

/// What taking in an event did: nothing (known already), or something new,
/// with the card here whose reviews changed, if any.
pub(crate) enum Received {
    Known,
    New(Option<i64>),
}

/// Takes in another device's review: logged on its card when this store
/// has it, else kept until the card appears.
pub(crate) fn receive(tx: &Transaction<'_>, from: &str, review: &ReviewIn<'_>) -> Result<Received> {
    let key = &review.key;
    let inserted = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO review_sync (id, comparison_id, kind, section, item_id, reviewed_at, grade,
                                                device, exported, deleted)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, 0)",
        )?
        .execute(params![
            review.id,
            key.comparison_id,
            key.kind,
            key.section,
            key.item_id,
            review.reviewed_at,
            review.grade as i64,
            from
        ])?;
    if inserted == 0 {
        return Ok(Received::Known);
    }
    let card = card_of(tx, key)?;
    if let Some(card) = card {
        log(tx, review.id, card, review.reviewed_at, review.grade as i64)?;
    }
    Ok(Received::New(card))
}

/// Takes in a tombstone: the review leaves the log (and what hangs on its
/// row here), and stays known as undone, even if it was not known before.
pub(crate) fn receive_undone(tx: &Transaction<'_>, from: &str, id: &str) -> Result<Received> {
    let known: Option<(bool, Option<i64>, Option<i64>)> = tx
        .prepare_cached("SELECT deleted, local_id, local_card FROM review_sync WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    match known {
        None => {
            tx.prepare_cached(
                "INSERT INTO review_sync (id, device, exported, deleted) VALUES (?1, ?2, 1, 1)",
            )?
            .execute(params![id, from])?;
            Ok(Received::New(None))
        }
        Some((true, _, _)) => Ok(Received::Known),
        Some((false, local_id, card)) => {
            if let Some(local_id) = local_id {
                tx.prepare_cached("DELETE FROM review_log WHERE id = ?1")?.execute([local_id])?;
                tx.prepare_cached("DELETE FROM confusion WHERE review_id = ?1")?.execute([local_id])?;
                tx.prepare_cached("DELETE FROM undo_step WHERE review_id = ?1")?.execute([local_id])?;
            }
            tx.prepare_cached(
                "UPDATE review_sync SET deleted = 1, local_id = NULL, local_card = NULL WHERE id = ?1",
            )?
            .execute([id])?;
            Ok(Received::New(card))
        }
    }
}

/// Sets a card to what its reviews give when replayed in time order (the
/// global id breaks ties, alike on every device), rewriting each review's
/// before and after columns so that undo still puts back the exact state
/// before it. Answers the card's comparison.
pub(crate) fn replay(tx: &Transaction<'_>, card: i64, scheduler: &Scheduler) -> Result<String> {
    let reviews: Vec<(i64, i64, i64)> = tx
        .prepare_cached(
            "SELECT r.id, r.reviewed_at, r.grade FROM review_log r LEFT JOIN review_sync s ON s.local_id = r.id
             WHERE r.card_id = ?1 ORDER BY r.reviewed_at, s.id, r.id",
        )?
        .query_map([card], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut state = CardSchedule {
        id: card,
        state: CardState::New,
        stability: None,
        difficulty: None,
        due: None,
        last_review: None,
        reps: 0,
        lapses: 0,
    };
    let mut rewrite = tx.prepare_cached(
        "UPDATE review_log SET elapsed_days = ?2, before_state = ?3, before_stability = ?4, before_difficulty = ?5,
             before_due = ?6, before_last_review = ?7, before_reps = ?8, before_lapses = ?9,
             after_state = ?10, after_stability = ?11, after_difficulty = ?12, after_due = ?13
         WHERE id = ?1",
    )?;
    for (id, at, grade) in reviews {
        let grade = u8::try_from(grade).map_err(|_| Error::InvalidArgument(format!("a grade of {grade}")))?;
        let grade = Grade::from_number(grade)?;
        let (stability, difficulty, interval, elapsed) = scheduler.schedule(&state, grade, at)?;
        let due = at + (interval * DAY_MS as f64).round() as i64;
        let lapses = state.lapses + i64::from(grade == Grade::Again && state.state != CardState::New);
        rewrite.execute(params![
            id,
            f64::from(elapsed),
            state.state,
            state.stability,
            state.difficulty,
            state.due,
            state.last_review,
            state.reps,
            state.lapses,
            CardState::Review,
            stability,
            difficulty,
            due
        ])?;
        state = CardSchedule {
            id: card,
            state: CardState::Review,
            stability: Some(stability),
            difficulty: Some(difficulty),
            due: Some(due),
            last_review: Some(at),
            reps: state.reps + 1,
            lapses,
        };
    }
    let comparison: String = tx
        .prepare_cached(
            "UPDATE card SET state = ?2, stability = ?3, difficulty = ?4, due = ?5, last_review = ?6, reps = ?7,
                             lapses = ?8
             WHERE id = ?1 RETURNING comparison_id",
        )?
        .query_row(
            params![
                card,
                state.state,
                state.stability,
                state.difficulty,
                state.due,
                state.last_review,
                state.reps,
                state.lapses
            ],
            |r| r.get(0),
        )?;
    Ok(comparison)
}

/// The reviews and tombstones no batch has carried yet, in id order.
pub(crate) fn outgoing(conn: &Connection) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare(
        "SELECT id, deleted, comparison_id, kind, section, item_id, reviewed_at, grade FROM review_sync
         WHERE exported = 0 ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut events = Vec::new();
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        if r.get::<_, bool>(1)? {
            events.push(Event::ReviewUndone { id });
            continue;
        }
        let grade: i64 = r.get(7)?;
        events.push(Event::Review {
            id,
            comparison: r.get(2)?,
            card: r.get(3)?,
            section: r.get(4)?,
            item: r.get(5)?,
            reviewed_at: r.get(6)?,
            grade: u8::try_from(grade).map_err(|_| Error::InvalidArgument(format!("a grade of {grade}")))?,
        });
    }
    Ok(events)
}

pub(crate) fn mark_exported(tx: &Transaction<'_>) -> Result<()> {
    tx.execute("UPDATE review_sync SET exported = 1 WHERE exported = 0", [])?;
    Ok(())
}

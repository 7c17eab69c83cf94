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

use crate::error::{Error, Result};
use crate::study::cards::CardState;
use crate::study::Grade;
use crate::sync::clock::Clock;
use crate::sync::event::{CardKey, Event};
use crate::sync::state::{meta, set_meta};

/// Cards whose reviews changed, to replay before the sync ends.
pub(crate) type Replay = BTreeSet<i64>;

/// How many reviews given or taken back here no batch has carried yet: the
/// log's rows sync has not recorded, and what it recorded but not sent.
/// Reads only; an undo is counted once the next sync has recorded it.
pub fn pending_reviews(conn: &Connection) -> Result<usize> {
    let count: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM review_log r JOIN card c ON c.id = r.card_id
                 WHERE c.kind <> 'custom' AND NOT EXISTS (
                     SELECT 1 FROM review_sync s WHERE s.local_id = r.id AND s.local_card = r.card_id
                       AND s.reviewed_at = r.reviewed_at AND s.grade = r.grade))
              + (SELECT count(*) FROM review_sync WHERE exported = 0)",
        [],
        |r| r.get(0),
    )?;
    Ok(usize::try_from(count).unwrap_or(0))
}

/// Records what happened to the review log here since the last sync:
/// reviews undone become tombstones, new reviews get their global id, and
/// reviews that waited for their card are logged now that it is here. The
/// log is compared with what sync recorded only when a trigger marked it
/// changed (a grade, an undo, a comparison deleted; migration 16).
pub(crate) fn record_local_changes(
    tx: &Transaction<'_>,
    device: &str,
    clock: &mut Clock,
    now: i64,
    replay: &mut Replay,
) -> Result<()> {
    if meta(tx, LOG_CHANGED)?.as_deref() != Some("0") {
        let (gone, new) = compare_log(tx)?;
        // Gone first: a new row may have taken a gone one's id.
        for local_id in gone {
            record_gone(tx, local_id, replay)?;
        }
        record_new(tx, &new, device, clock, now, replay)?;
    }
    log_waiting(tx, replay)
}

/// The `sync_meta` key the review log's triggers set to '1'.
const LOG_CHANGED: &str = "review_log_changed";

/// The review log and what sync recorded of it agree as this sync leaves
/// them: every row it logged or took out is recorded.
pub(crate) fn log_recorded(tx: &Transaction<'_>) -> Result<()> {
    set_meta(tx, LOG_CHANGED, "0")
}

/// A review row as both sides know it: id, card, time, grade.
type Row = (i64, i64, i64, i64);

/// The recorded rows no longer in the log as recorded, and the log's rows
/// not recorded: one pass over each in row id order, however long the log
/// (a row is the same review only with the same card, time and grade, as
/// an id is reused after an undo).
fn compare_log(conn: &Connection) -> Result<(Vec<i64>, Vec<i64>)> {
    let rows = |sql: &str| -> Result<Vec<Row>> {
        Ok(conn
            .prepare(sql)?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?)
    };
    let log = rows("SELECT id, card_id, reviewed_at, grade FROM review_log ORDER BY id")?;
    let known = rows(
        "SELECT local_id, local_card, reviewed_at, grade FROM review_sync WHERE local_id IS NOT NULL
         ORDER BY local_id",
    )?;
    let (mut gone, mut new) = (Vec::new(), Vec::new());
    let (mut log, mut known) = (log.into_iter().peekable(), known.into_iter().peekable());
    loop {
        match (log.peek(), known.peek()) {
            (None, None) => break,
            (Some(row), None) => {
                new.push(row.0);
                log.next();
            }
            (None, Some(was)) => {
                gone.push(was.0);
                known.next();
            }
            (Some(row), Some(was)) if row.0 < was.0 => {
                new.push(row.0);
                log.next();
            }
            (Some(row), Some(was)) if row.0 > was.0 => {
                gone.push(was.0);
                known.next();
            }
            (Some(row), Some(was)) => {
                if row != was {
                    gone.push(was.0);
                    new.push(row.0);
                }
                log.next();
                known.next();
            }
        }
    }
    Ok((gone, new))
}

/// A recorded review whose row is gone: undone (a tombstone) while its card
/// is here, or gone with its card (kept, to wait for the card's return).
fn record_gone(tx: &Transaction<'_>, local_id: i64, replay: &mut Replay) -> Result<()> {
    let (id, card): (String, Option<i64>) = tx
        .prepare_cached(
            "SELECT s.id, c.id FROM review_sync s
             LEFT JOIN card c ON c.comparison_id = s.comparison_id AND c.kind = s.kind
                  AND c.section = s.section AND c.item_id = s.item_id AND c.kind <> 'custom'
             WHERE s.local_id = ?1",
        )?
        .query_row([local_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    match card {
        Some(card) => {
            tx.prepare_cached(
                "UPDATE review_sync SET deleted = 1, exported = 0, local_id = NULL, local_card = NULL WHERE id = ?1",
            )?
            .execute([&id])?;
            replay.insert(card);
        }
        None => {
            tx.prepare_cached("UPDATE review_sync SET local_id = NULL, local_card = NULL WHERE id = ?1")?
                .execute([&id])?;
        }
    }
    Ok(())
}

/// Review rows sync has not recorded: each gets a global id, in row order,
/// unless its card is the learner's own. One given out of time order (a
/// clock set back, or a grade after a later review from another device
/// came in) has its card replayed.
fn record_new(
    tx: &Transaction<'_>,
    rows: &[i64],
    device: &str,
    clock: &mut Clock,
    now: i64,
    replay: &mut Replay,
) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let ids = serde_json::to_string(rows).map_err(|err| Error::InvalidArgument(err.to_string()))?;
    type New = (i64, i64, i64, i64, String, String, String, String, bool);
    let new: Vec<New> = tx
        .prepare_cached(
            "SELECT r.id, r.card_id, r.reviewed_at, r.grade, c.comparison_id, c.kind, c.section, c.item_id,
                    EXISTS (SELECT 1 FROM review_log o WHERE o.card_id = r.card_id AND o.id < r.id
                            AND o.reviewed_at > r.reviewed_at)
             FROM review_log r JOIN card c ON c.id = r.card_id
             WHERE r.id IN (SELECT value FROM json_each(?1)) AND c.kind <> 'custom'
             ORDER BY r.id",
        )?
        .query_map([ids], |r| {
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
pub(crate) fn log_waiting(tx: &Transaction<'_>, replay: &mut Replay) -> Result<()> {
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
        let local_id = log(tx, card, reviewed_at, grade)?;
        tx.prepare_cached("UPDATE review_sync SET local_id = ?2, local_card = ?3 WHERE id = ?1")?
            .execute(params![id, local_id, card])?;
        replay.insert(card);
    }
    Ok(())
}

/// Puts a review from sync into the log of `card`; answers its row id. Its
/// schedule columns are set by the replay that follows, in the same
/// transaction.
fn log(tx: &Transaction<'_>, card: i64, reviewed_at: i64, grade: i64) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO review_log (card_id, reviewed_at, grade, elapsed_days, before_state, before_reps,
                                 before_lapses, after_state, after_stability, after_difficulty, after_due)
         VALUES (?1, ?2, ?3, 0, ?4, 0, 0, ?5, 0, 0, ?2)",
    )?
    .execute(params![card, reviewed_at, grade, CardState::New, CardState::Review])?;
    Ok(tx.last_insert_rowid())
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
    let known: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM review_sync WHERE id = ?1)")?
        .query_row([review.id], |r| r.get(0))?;
    if known {
        return Ok(Received::Known);
    }
    let key = &review.key;
    let card = card_of(tx, key)?;
    let local_id = match card {
        Some(card) => Some(log(tx, card, review.reviewed_at, review.grade as i64)?),
        None => None,
    };
    tx.prepare_cached(
        "INSERT INTO review_sync (id, comparison_id, kind, section, item_id, reviewed_at, grade,
                                  device, exported, deleted, local_id, local_card)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, 0, ?9, ?10)",
    )?
    .execute(params![
        review.id,
        key.comparison_id,
        key.kind,
        key.section,
        key.item_id,
        review.reviewed_at,
        review.grade as i64,
        from,
        local_id,
        card
    ])?;
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

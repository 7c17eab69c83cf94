//! Interview drills across devices: a union by a global id, like reviews.
//!
//! A drill kept here gets its global id (a stamp) on the next sync and
//! travels whole: its comparison, times, answer and grade. A grade given or
//! changed later is a change of the drill, the last writer's by stamp.
//!
//! A drill for a comparison this device lacks is kept, not refused nor held
//! back: a drill row needs nothing of its comparison (the list shows the
//! comparison's id until it arrives, as it does for one deleted), and an own
//! comparison may well arrive in a later batch. Taking a drill in never
//! grades a card: the interview card's review travels as a review.
//!
//! A drill deleted here for good (with its comparison) is not sent, and does
//! not come back from elsewhere: its id stays known.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::{Error, Result};
use crate::sync::clock::Clock;
use crate::sync::event::Event;

/// Records the drills kept and the grades given here since the last sync.
pub(crate) fn record_local_changes(
    tx: &Transaction<'_>,
    device: &str,
    clock: &mut Clock,
    now: i64,
) -> Result<()> {
    // A row gone (deleted with its comparison) or reused for another drill
    // is no longer the drill recorded.
    tx.execute(
        "UPDATE drill_sync SET local_id = NULL WHERE local_id IS NOT NULL AND NOT EXISTS (
             SELECT 1 FROM drill d WHERE d.id = drill_sync.local_id AND d.comparison_id = drill_sync.comparison_id
               AND d.submitted_at = drill_sync.submitted_at)",
        [],
    )?;
    let new: Vec<(i64, String, i64, Option<i64>)> = tx
        .prepare_cached(
            "SELECT d.id, d.comparison_id, d.submitted_at, d.grade FROM drill d
             WHERE NOT EXISTS (SELECT 1 FROM drill_sync s WHERE s.local_id = d.id) ORDER BY d.id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (local_id, comparison, submitted_at, grade) in new {
        let stamp = clock.tick(now).stamp(device);
        tx.prepare_cached(
            "INSERT INTO drill_sync (id, local_id, comparison_id, submitted_at, grade, grade_stamp, exported)
             VALUES (?1, ?2, ?3, ?4, ?5, ?1, 0)",
        )?
        .execute(params![stamp, local_id, comparison, submitted_at, grade])?;
    }
    let regraded: Vec<(String, Option<i64>)> = tx
        .prepare_cached(
            "SELECT s.id, d.grade FROM drill_sync s JOIN drill d ON d.id = s.local_id
             WHERE s.grade IS NOT d.grade ORDER BY s.id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, grade) in regraded {
        let stamp = clock.tick(now).stamp(device);
        tx.prepare_cached("UPDATE drill_sync SET grade = ?2, grade_stamp = ?3, exported = 0 WHERE id = ?1")?
            .execute(params![id, grade, stamp])?;
    }
    Ok(())
}

/// A drill as another device sent it, its fields already checked.
pub(crate) struct DrillIn<'a> {
    pub id: &'a str,
    pub comparison: &'a str,
    pub started_at: i64,
    pub submitted_at: i64,
    pub seconds_used: i64,
    pub answer: &'a str,
    pub grade: Option<i64>,
    pub stamp: &'a str,
}

/// Takes in another device's drill: kept when new here, its grade taken
/// when newer than the one known. True when it changed something here.
pub(crate) fn receive(tx: &Transaction<'_>, drill: &DrillIn<'_>) -> Result<bool> {
    let known: Option<(Option<i64>, String)> = tx
        .prepare_cached("SELECT local_id, grade_stamp FROM drill_sync WHERE id = ?1")?
        .query_row([drill.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match known {
        None => {
            tx.prepare_cached(
                "INSERT INTO drill (comparison_id, started_at, submitted_at, seconds_used, answer, grade)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                drill.comparison,
                drill.started_at,
                drill.submitted_at,
                drill.seconds_used,
                drill.answer,
                drill.grade
            ])?;
            let local_id = tx.last_insert_rowid();
            tx.prepare_cached(
                "INSERT INTO drill_sync (id, local_id, comparison_id, submitted_at, grade, grade_stamp, exported)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)",
            )?
            .execute(params![drill.id, local_id, drill.comparison, drill.submitted_at, drill.grade, drill.stamp])?;
            Ok(true)
        }
        Some((local_id, grade_stamp)) if drill.stamp > grade_stamp.as_str() => {
            tx.prepare_cached("UPDATE drill_sync SET grade = ?2, grade_stamp = ?3 WHERE id = ?1")?
                .execute(params![drill.id, drill.grade, drill.stamp])?;
            if let Some(local_id) = local_id {
                tx.prepare_cached("UPDATE drill SET grade = ?2 WHERE id = ?1")?
                    .execute(params![local_id, drill.grade])?;
            }
            Ok(true)
        }
        Some(_) => Ok(false),
    }
}

/// The drills (new, or graded again) no batch has carried yet, in id order.
pub(crate) fn outgoing(conn: &Connection) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare(
        "SELECT s.id, d.comparison_id, d.started_at, d.submitted_at, d.seconds_used, d.answer, s.grade, s.grade_stamp
         FROM drill_sync s JOIN drill d ON d.id = s.local_id WHERE s.exported = 0 ORDER BY s.id",
    )?;
    let mut rows = stmt.query([])?;
    let mut events = Vec::new();
    while let Some(r) = rows.next()? {
        let grade: Option<i64> = r.get(6)?;
        let grade = grade
            .map(|g| u8::try_from(g).map_err(|_| Error::InvalidArgument(format!("a grade of {g}"))))
            .transpose()?;
        events.push(Event::Drill {
            id: r.get(0)?,
            comparison: r.get(1)?,
            started_at: r.get(2)?,
            submitted_at: r.get(3)?,
            seconds_used: r.get(4)?,
            answer: r.get(5)?,
            grade,
            stamp: r.get(7)?,
        });
    }
    Ok(events)
}

//! What restoring a backup would change, told before the learner confirms:
//! a restore rolls back everything since the backup (notes, reviews, drills,
//! card schedules), not only the notes.
//!
//! The backup is opened read-only as a connection of its own rather than
//! attached: ATTACH cannot run inside a transaction, and a read never writes.
//! A backup from an older Versus may lack the study tables; what it lacks
//! counts as empty there.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::store::backup::BackupInfo;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestorePreview {
    pub backup: BackupInfo,
    /// Notes written since the backup: a restore removes them.
    pub notes_added: usize,
    /// Notes whose text changed since the backup: a restore brings back the old text.
    pub notes_changed: usize,
    /// Notes cleared since the backup: a restore brings them back.
    pub notes_removed: usize,
    /// Reviews made since the backup: a restore removes them.
    pub reviews_since: usize,
    /// Drills handed in since the backup: a restore removes them.
    pub drills_since: usize,
    /// Cards whose schedule (or suspension) differs from the backup's: a
    /// restore puts them back on the backup's schedule.
    pub cards_rescheduled: usize,
}

type NoteKey = (String, String, String);
/// state, stability, difficulty, due, last_review, reps, lapses, suspended;
/// the floats as bits, so an unchanged value compares equal exactly.
type Schedule = (String, Option<u64>, Option<u64>, Option<i64>, Option<i64>, i64, i64, i64);

struct Snapshot {
    notes: HashMap<NoteKey, String>,
    reviews: HashSet<(i64, i64)>,
    drills: HashSet<(i64, i64)>,
    cards: HashMap<i64, Schedule>,
}

/// Compares the store `current` reads with the backup `backup`.
pub fn preview(current: &Connection, backup: BackupInfo) -> Result<RestorePreview> {
    let now = snapshot(current)?;
    let then = {
        let conn = Connection::open_with_flags(
            &backup.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        snapshot(&conn).map_err(|err| unreadable(&backup.path, err))?
    };
    let notes_added = now.notes.keys().filter(|k| !then.notes.contains_key(*k)).count();
    let notes_removed = then.notes.keys().filter(|k| !now.notes.contains_key(*k)).count();
    let notes_changed =
        now.notes.iter().filter(|(k, body)| then.notes.get(*k).is_some_and(|old| old != *body)).count();
    let reviews_since = now.reviews.difference(&then.reviews).count();
    let drills_since = now.drills.difference(&then.drills).count();
    // A card made since (a reviewed card of newer content, a card of the
    // learner's own) goes back to not existing, or to new: only one that was
    // reviewed loses a schedule.
    let cards_rescheduled = now
        .cards
        .iter()
        .filter(|(id, schedule)| match then.cards.get(*id) {
            Some(old) => old != *schedule,
            None => schedule.5 > 0,
        })
        .count();
    Ok(RestorePreview {
        backup,
        notes_added,
        notes_changed,
        notes_removed,
        reviews_since,
        drills_since,
        cards_rescheduled,
    })
}

fn unreadable(path: &Path, err: Error) -> Error {
    match err {
        Error::Database { source, .. } => {
            Error::NotADatabase { path: path.to_path_buf(), reason: source.to_string() }
        }
        other => other,
    }
}

fn has_table(conn: &Connection, table: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [table],
        |r| r.get(0),
    )?)
}

fn snapshot(conn: &Connection) -> Result<Snapshot> {
    let mut notes = HashMap::new();
    if has_table(conn, "note")? {
        let mut stmt = conn.prepare("SELECT comparison_id, section, item_id, body FROM note")?;
        let rows = stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?, r.get(2)?), r.get(3)?)))?;
        for row in rows {
            let (key, body) = row?;
            notes.insert(key, body);
        }
    }
    let reviews = pairs(conn, "review_log", "SELECT id, reviewed_at FROM review_log")?;
    let drills = pairs(conn, "drill", "SELECT id, submitted_at FROM drill")?;
    let mut cards = HashMap::new();
    if has_table(conn, "card")? {
        let mut stmt = conn.prepare(
            "SELECT id, state, stability, difficulty, due, last_review, reps, lapses, suspended FROM card",
        )?;
        let rows = stmt.query_map([], |r| {
            let stability: Option<f64> = r.get(2)?;
            let difficulty: Option<f64> = r.get(3)?;
            Ok((
                r.get::<_, i64>(0)?,
                (
                    r.get(1)?,
                    stability.map(f64::to_bits),
                    difficulty.map(f64::to_bits),
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                ),
            ))
        })?;
        for row in rows {
            let (id, schedule) = row?;
            cards.insert(id, schedule);
        }
    }
    Ok(Snapshot { notes, reviews, drills, cards })
}

/// Rows of `table` by id and time: an id reused after an undo, with another
/// time, is another row.
fn pairs(conn: &Connection, table: &str, sql: &str) -> Result<HashSet<(i64, i64)>> {
    if !has_table(conn, table)? {
        return Ok(HashSet::new());
    }
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

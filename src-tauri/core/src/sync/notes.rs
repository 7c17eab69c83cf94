//! Notes across devices, through the sync folder.
//!
//! A sync stamps every note whose text changed since the last one, sends
//! those changes, and sets each note another device's changes touched to
//! the text with the newest stamp, keeping every other text in the note's
//! history: two devices that edited one note offline both keep their text,
//! and all devices end on the same current one. A cleared note is a change
//! to ''.

use std::collections::HashSet;

use rusqlite::{params, Connection, Transaction};

use crate::content::Section;
use crate::error::{Error, Result};
use crate::notes::{apply_synced, get_note, insert_version, NoteKey};
use crate::sync::clock::Clock;
use crate::sync::event::Event;

/// The notes whose text differs from the last change a sync knows of:
/// what the next sync sends. Only the notes written since the last sync
/// (kept by triggers in `note_dirty`, migration 16) are compared.
fn unsent_changes(conn: &Connection) -> Result<Vec<(NoteKey, String)>> {
    /// A dirty note's key, its text now (None: cleared) and its last recorded text.
    type Row = (String, String, String, Option<String>, Option<String>);
    let rows: Vec<Row> = conn
        .prepare_cached(
            "SELECT d.comparison_id, d.section, d.item_id, n.body,
                    (SELECT c.body FROM note_change c WHERE c.comparison_id = d.comparison_id
                       AND c.section = d.section AND c.item_id = d.item_id ORDER BY c.stamp DESC LIMIT 1)
             FROM note_dirty d
             LEFT JOIN note n ON n.comparison_id = d.comparison_id AND n.section = d.section AND n.item_id = d.item_id
             ORDER BY d.comparison_id, d.section, d.item_id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut changed = Vec::new();
    for (comparison_id, section, item_id, current, known) in rows {
        let current = current.unwrap_or_default();
        let unsent = match &known {
            Some(known) => *known != current,
            None => !current.is_empty(),
        };
        if unsent {
            let section = Section::parse(&section)
                .ok_or_else(|| Error::InvalidArgument(format!("a note on an unknown section {section:?}")))?;
            changed.push((NoteKey { comparison_id, section, item_id }, current));
        }
    }
    Ok(changed)
}

/// Every note written since the last sync has its change recorded (or
/// matches the last one), as this sync leaves them.
pub(crate) fn dirty_recorded(tx: &Transaction<'_>) -> Result<()> {
    tx.execute("DELETE FROM note_dirty", [])?;
    Ok(())
}

/// How many notes changed here since the last sync. Reads only.
pub fn pending_notes(conn: &Connection) -> Result<usize> {
    Ok(unsent_changes(conn)?.len())
}

/// Stamps every note whose text differs from the last change known for it.
/// Answers their keys: settled like the ones other devices touched, so the
/// device that wrote a text keeps it in the history as its peers do, even
/// where the text was a draft of an editing session that the history would
/// not keep.
pub(crate) fn record_local_changes(
    tx: &Transaction<'_>,
    device: &str,
    clock: &mut Clock,
    now: i64,
) -> Result<Vec<NoteKey>> {
    let changed = unsent_changes(tx)?;
    let mut keys = Vec::with_capacity(changed.len());
    for (key, body) in changed {
        let stamp = clock.tick(now).stamp(device);
        tx.prepare_cached(
            "INSERT INTO note_change (comparison_id, section, item_id, body, stamp, device, exported)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)",
        )?
        .execute(params![key.comparison_id, key.section, key.item_id, body, stamp, device])?;
        keys.push(key);
    }
    Ok(keys)
}

/// A change another device made to a note, as it travels.
pub(crate) struct NoteChange<'a> {
    pub comparison: &'a str,
    pub section: Section,
    pub item: &'a str,
    pub body: &'a str,
    pub stamp: &'a str,
}

/// Takes in another device's change (its stamp already checked): the note's
/// key when it is new here.
pub(crate) fn receive(
    tx: &Transaction<'_>,
    device: &str,
    change: &NoteChange<'_>,
) -> Result<Option<NoteKey>> {
    let inserted = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO note_change (comparison_id, section, item_id, body, stamp, device, exported)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)",
        )?
        .execute(params![change.comparison, change.section, change.item, change.body, change.stamp, device])?;
    Ok((inserted > 0).then(|| NoteKey {
        comparison_id: change.comparison.to_string(),
        section: change.section,
        item_id: change.item.to_string(),
    }))
}

/// Sets a note to its newest text and keeps every other text it ever had
/// (from any device) in its history.
pub(crate) fn settle(tx: &Transaction<'_>, key: &NoteKey, now: i64) -> Result<bool> {
    let mut stmt = tx.prepare_cached(
        "SELECT body, stamp FROM note_change WHERE comparison_id = ?1 AND section = ?2 AND item_id = ?3
         ORDER BY stamp DESC",
    )?;
    let changes: Vec<(String, String)> = stmt
        .query_map(params![key.comparison_id, key.section, key.item_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let Some((newest, _)) = changes.first() else { return Ok(false) };
    let current = get_note(tx, key)?.map(|n| n.body).unwrap_or_default();
    let applied = *newest != current;
    if applied {
        apply_synced(tx, key, newest, now)?;
    }
    let kept: HashSet<String> = crate::notes::history(tx, key)?.into_iter().map(|v| v.body).collect();
    for (body, stamp) in changes.iter().skip(1) {
        if !body.is_empty() && body != newest && !kept.contains(body) {
            let at = Clock::parse_stamp(stamp).map_or(now, |c| c.ms);
            insert_version(tx, key, body, at, now)?;
        }
    }
    Ok(applied)
}

/// The changes made here (or, after a change of folder, known here) that
/// no batch has carried yet, oldest first.
pub(crate) fn outgoing(conn: &Connection) -> Result<Vec<Event>> {
    let events = conn
        .prepare(
            "SELECT comparison_id, section, item_id, body, stamp FROM note_change
             WHERE exported = 0 ORDER BY stamp",
        )?
        .query_map([], |r| {
            Ok(Event::Note {
                comparison: r.get(0)?,
                section: r.get(1)?,
                item: r.get(2)?,
                body: r.get(3)?,
                stamp: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(events)
}

//! Drafts across devices: by a global id, the last writer wins by stamp.
//!
//! As elsewhere, what the learner did is found by comparing: a draft with
//! no global id is new (it gets one, a stamp), one whose document differs
//! from the state sync last recorded was edited, and one recorded but gone
//! was discarded or published, and travels as a tombstone so that it
//! disappears everywhere (a publish sends the comparison on its own).
//!
//! A draft is what the learner is still writing: its document may be
//! incomplete and is not checked as content. It must read as a draft
//! document, though (a row that does not is a damaged one, and would stop
//! the drafts list from opening), and be no larger than a draft may be.
//! A draft of an edit of a comparison this device lacks is kept as it is:
//! the comparison may arrive later. Where this device already has another
//! draft editing the same comparison (a comparison has one here), the one
//! that arrives is kept as a copy of it, so neither is lost.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::content::draft::{DraftDocument, MAX_DRAFT_BYTES};
use crate::error::Result;
use crate::sync::clock::Clock;
use crate::sync::event::Event;

/// Stamps every draft made, edited or deleted here since the last sync.
pub(crate) fn record_local_changes(
    tx: &Transaction<'_>,
    device: &str,
    clock: &mut Clock,
    now: i64,
) -> Result<()> {
    let new: Vec<(i64, Option<String>, Option<String>, String)> = tx
        .prepare_cached(
            "SELECT id, comparison_id, copied_from, document FROM draft WHERE sync_id IS NULL ORDER BY id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (local_id, comparison, copied_from, document) in new {
        let stamp = clock.tick(now).stamp(device);
        tx.prepare_cached("UPDATE draft SET sync_id = ?2 WHERE id = ?1")?
            .execute(params![local_id, stamp])?;
        tx.prepare_cached(
            "INSERT INTO draft_sync (id, comparison_id, copied_from, document, deleted, stamp, exported, made_here)
             VALUES (?1, ?2, ?3, ?4, 0, ?1, 0, 1)",
        )?
        .execute(params![stamp, comparison, copied_from, document])?;
    }
    let edited: Vec<(String, String)> = tx
        .prepare_cached(
            "SELECT d.sync_id, d.document FROM draft d JOIN draft_sync s ON s.id = d.sync_id
             WHERE s.deleted = 1 OR s.document IS NOT d.document ORDER BY d.sync_id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, document) in edited {
        let stamp = clock.tick(now).stamp(device);
        tx.prepare_cached(
            "UPDATE draft_sync SET document = ?2, deleted = 0, base = stamp, stamp = ?3, exported = 0, made_here = 1
             WHERE id = ?1",
        )?
        .execute(params![id, document, stamp])?;
    }
    let gone: Vec<String> = tx
        .prepare_cached(
            "SELECT s.id FROM draft_sync s WHERE s.deleted = 0
               AND NOT EXISTS (SELECT 1 FROM draft d WHERE d.sync_id = s.id) ORDER BY s.id",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in gone {
        let stamp = clock.tick(now).stamp(device);
        tx.prepare_cached(
            "UPDATE draft_sync SET document = '', deleted = 1, base = stamp, stamp = ?2, exported = 0, made_here = 1
             WHERE id = ?1",
        )?
        .execute(params![id, stamp])?;
    }
    Ok(())
}

/// Reads another device's draft document: as this store keeps it, or why
/// it is refused (naming the field). A tombstone's is not read.
pub(crate) fn check(document: &str, deleted: bool) -> std::result::Result<String, String> {
    if deleted {
        return Ok(String::new());
    }
    if document.len() > MAX_DRAFT_BYTES {
        return Err(format!(
            "a document of {} bytes; a draft may be at most {MAX_DRAFT_BYTES}",
            document.len()
        ));
    }
    let deserializer = &mut serde_json::Deserializer::from_str(document);
    let draft: DraftDocument = serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let field = err.path().to_string();
        format!("{field}: {}", err.into_inner())
    })?;
    let kept = serde_json::to_string(&draft).map_err(|err| err.to_string())?;
    if kept.len() > MAX_DRAFT_BYTES {
        return Err(format!("a document of {} bytes; a draft may be at most {MAX_DRAFT_BYTES}", kept.len()));
    }
    Ok(kept)
}

/// A draft as another device sent it, checked (`document` as [`check`] answers it).
pub(crate) struct DraftIn<'a> {
    pub id: &'a str,
    pub comparison: Option<&'a str>,
    pub copied_from: Option<&'a str>,
    pub document: &'a str,
    pub deleted: bool,
    pub stamp: &'a str,
    /// The state it replaced where it was made.
    pub base: Option<&'a str>,
    /// When it was made: the wall time its id carries.
    pub at: i64,
}

/// Takes in another device's draft when it is newer than the state known
/// for it: the draft saved, made or deleted here. True when it was.
pub(crate) fn receive(tx: &Transaction<'_>, draft: &DraftIn<'_>) -> Result<bool> {
    let known: Option<(String, String, bool, bool)> = tx
        .prepare_cached("SELECT stamp, document, deleted, made_here FROM draft_sync WHERE id = ?1")?
        .query_row([draft.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    if let Some((stamp, document, deleted, made_here)) = &known {
        if stamp.as_str() >= draft.stamp {
            return Ok(false);
        }
        // An edit made here that the newer one was not made on top of: a
        // concurrent edit, kept here as a draft of its own (the device that
        // made it keeps it, once; it then travels like any draft).
        let concurrent = draft.base != Some(stamp.as_str());
        if *made_here && !*deleted && concurrent && *document != draft.document {
            keep_lost_edit(tx, draft, document)?;
        }
    }
    tx.prepare_cached(
        "INSERT INTO draft_sync (id, comparison_id, copied_from, document, deleted, stamp, exported, base, made_here)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, 0)
         ON CONFLICT (id) DO UPDATE SET document = excluded.document, deleted = excluded.deleted,
             stamp = excluded.stamp, exported = 1, base = excluded.base, made_here = 0",
    )?
    .execute(params![
        draft.id,
        draft.comparison,
        draft.copied_from,
        draft.document,
        draft.deleted,
        draft.stamp,
        draft.base
    ])?;
    if draft.deleted {
        tx.prepare_cached("DELETE FROM draft WHERE sync_id = ?1")?.execute([draft.id])?;
        return Ok(true);
    }
    let edited_at = Clock::parse_stamp(draft.stamp).map_or(draft.at, |c| c.ms);
    let saved = tx
        .prepare_cached("UPDATE draft SET document = ?2, updated_at = ?3 WHERE sync_id = ?1")?
        .execute(params![draft.id, draft.document, edited_at])?;
    if saved > 0 {
        return Ok(true);
    }
    let (comparison, copied_from) = match draft.comparison {
        Some(comparison) if edit_open(tx, comparison)? => (None, Some(comparison)),
        _ => (draft.comparison, draft.copied_from),
    };
    tx.prepare_cached(
        "INSERT INTO draft (comparison_id, copied_from, document, created_at, updated_at, sync_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![comparison, copied_from, draft.document, draft.at, edited_at, draft.id])?;
    Ok(true)
}

/// Keeps the edit `document`, made here and replaced by another device's
/// concurrent one, as a new draft: a copy of what it edited, titled so the
/// learner can tell the two apart. One too large to be a draft (or a
/// damaged row that does not read as one) stays only in the batches this
/// device sent.
fn keep_lost_edit(tx: &Transaction<'_>, draft: &DraftIn<'_>, document: &str) -> Result<()> {
    let Ok(mut kept) = serde_json::from_str::<DraftDocument>(document) else { return Ok(()) };
    kept.title = format!("{}{LOST_EDIT_SUFFIX}", kept.title);
    let Ok(json) = serde_json::to_string(&kept) else { return Ok(()) };
    if json.len() > MAX_DRAFT_BYTES {
        return Ok(());
    }
    let now = Clock::parse_stamp(draft.stamp).map_or(draft.at, |c| c.ms);
    tx.prepare_cached(
        "INSERT INTO draft (comparison_id, copied_from, document, created_at, updated_at) VALUES (NULL, ?1, ?2, ?3, ?3)",
    )?
    .execute(params![draft.comparison.or(draft.copied_from), json, now])?;
    Ok(())
}

/// What a draft kept after a concurrent edit says after its title.
pub const LOST_EDIT_SUFFIX: &str = " (my edit, kept beside another computer's)";

/// Whether a draft here edits comparison `id` already.
fn edit_open(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM draft WHERE comparison_id = ?1)")?
        .query_row([id], |r| r.get(0))?)
}

/// The drafts' states no batch has carried yet, oldest first.
pub(crate) fn outgoing(conn: &Connection) -> Result<Vec<Event>> {
    let events = conn
        .prepare(
            "SELECT id, comparison_id, copied_from, document, deleted, stamp, base FROM draft_sync
             WHERE exported = 0 ORDER BY stamp",
        )?
        .query_map([], |r| {
            Ok(Event::Draft {
                id: r.get(0)?,
                comparison: r.get(1)?,
                copied_from: r.get(2)?,
                document: r.get(3)?,
                deleted: r.get(4)?,
                stamp: r.get(5)?,
                base: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(events)
}

//! Bringing notes back from a JSON export: checked whole before anything is
//! written, then merged by (comparison, section, item) in one transaction.
//! A note that differs from the local one keeps both: the local stays
//! current and the imported text joins its history. Importing the same file
//! twice changes nothing the second time.

use std::collections::HashSet;

use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;

use crate::clock::now_ms;
use crate::error::Result;
use crate::library::comparison_exists;
use crate::notes::export::Progress;
use crate::notes::file::{ExportedNote, NotesFile};
use crate::notes::{insert_note, insert_version, NoteKey};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// Notes this store did not have.
    pub added: usize,
    /// Notes that gained history: a differing text or earlier versions.
    pub updated: usize,
    /// Notes already here exactly as in the file.
    pub kept: usize,
    /// Notes on comparisons this library does not have.
    pub skipped: usize,
}

/// Merges every note of `file`; the caller runs it in one transaction.
pub fn import_notes(tx: &Transaction<'_>, file: &NotesFile, progress: Progress<'_>) -> Result<ImportSummary> {
    let now = now_ms();
    let mut summary = ImportSummary::default();
    let total = file.notes.len();
    for (done, note) in file.notes.iter().enumerate() {
        if done % 500 == 0 {
            progress(done, total);
        }
        if !comparison_exists(tx, &note.comparison_id)? {
            summary.skipped += 1;
            continue;
        }
        match merge_one(tx, note, now)? {
            Merge::Added => summary.added += 1,
            Merge::Updated => summary.updated += 1,
            Merge::Kept => summary.kept += 1,
        }
    }
    progress(total, total);
    Ok(summary)
}

enum Merge {
    Added,
    Updated,
    Kept,
}

fn merge_one(tx: &Transaction<'_>, note: &ExportedNote, now: i64) -> Result<Merge> {
    let key = params![note.comparison_id, note.section, note.item_id];
    let local: Option<(String, i64)> = tx
        .prepare_cached(
            "SELECT body, updated_at FROM note WHERE comparison_id = ?1 AND section = ?2 AND item_id = ?3",
        )?
        .query_row(key, |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let mut known_versions: HashSet<(String, i64)> = tx
        .prepare_cached("SELECT body, saved_at FROM note_version WHERE comparison_id = ?1 AND section = ?2 AND item_id = ?3")?
        .query_map(key, |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let had_anything = local.is_some() || !known_versions.is_empty();

    let key = NoteKey::new(note.comparison_id.clone(), note.section, note.item_id.clone());
    let mut add_version = |body: &str, saved_at: i64, replaced_at: i64| -> Result<bool> {
        if !known_versions.insert((body.to_string(), saved_at)) {
            return Ok(false);
        }
        insert_version(tx, &key, body, saved_at, replaced_at)?;
        Ok(true)
    };

    let mut changed = false;
    // Oldest first, so the history keeps its order (it is read newest first by id).
    for version in note.history.iter().rev() {
        changed |= add_version(&version.body, version.saved_at, version.replaced_at)?;
    }
    if let (Some(body), Some(created_at), Some(updated_at)) = (&note.body, note.created_at, note.updated_at) {
        match &local {
            None if !had_anything => {
                insert_note(tx, &key, body, created_at, updated_at)?;
                return Ok(Merge::Added);
            }
            Some((local_body, _)) if local_body == body => {}
            // The local note stays current; the imported text is kept in its history.
            _ => changed |= add_version(body, updated_at, now)?,
        }
    }
    Ok(match (had_anything, changed) {
        (false, true) => Merge::Added,
        (_, true) => Merge::Updated,
        (_, false) => Merge::Kept,
    })
}

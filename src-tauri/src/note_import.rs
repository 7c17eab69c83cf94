//! Bringing notes back from a JSON export: checked whole before anything is
//! written, then merged by (comparison, section, item) in one transaction.
//! A note that differs from the local one keeps both: the local stays
//! current and the imported text joins its history. Importing the same file
//! twice changes nothing the second time.

use std::collections::HashSet;
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::clock::now_ms;
use crate::error::{Error, Result};
use crate::note_export::{ExportedNote, NotesFile, Progress, FORMAT, FORMAT_VERSION};
use crate::notes::{insert_note, insert_version, NoteKey, MAX_NOTE_BYTES};

/// Larger files are refused before reading: no real export comes near it.
pub const MAX_IMPORT_BYTES: u64 = 1 << 30;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
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

fn refuse(path: &Path, message: impl Into<String>) -> Error {
    Error::BadImport { file: path.display().to_string(), message: message.into() }
}

/// Reads and checks a notes file; nothing is written.
pub fn read_notes_file(path: &Path) -> Result<NotesFile> {
    let size = std::fs::metadata(path).map_err(|e| refuse(path, format!("cannot be read: {e}")))?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(refuse(path, format!("is {size} bytes, larger than any Versus export")));
    }
    let bytes = std::fs::read(path).map_err(|e| refuse(path, format!("cannot be read: {e}")))?;
    parse_notes_file(path, &bytes)
}

pub fn parse_notes_file(path: &Path, bytes: &[u8]) -> Result<NotesFile> {
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| refuse(path, format!("is not a complete JSON file ({e})")))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(refuse(path, "is not a Versus notes export (it has no \"format\": \"versus-notes\")"));
    }
    let file: NotesFile = serde_path_to_error::deserialize(value).map_err(|e| {
        refuse(
            path,
            format!("does not have the shape of a Versus notes export: at {}: {}", e.path(), e.inner()),
        )
    })?;
    if file.version > FORMAT_VERSION {
        return Err(refuse(path, format!("was written by a newer Versus (format version {})", file.version)));
    }
    let mut keys = HashSet::new();
    for (index, note) in file.notes.iter().enumerate() {
        let at = format!("notes[{index}]");
        if note.comparison_id.is_empty() || note.item_id.is_empty() {
            return Err(refuse(path, format!("at {at}: a note needs a comparison_id and an item_id")));
        }
        if !keys.insert((note.comparison_id.as_str(), note.section, note.item_id.as_str())) {
            return Err(refuse(path, format!("at {at}: the same note appears twice")));
        }
        let too_big = note.body.as_ref().is_some_and(|b| b.len() > MAX_NOTE_BYTES)
            || note.history.iter().any(|v| v.body.len() > MAX_NOTE_BYTES);
        if too_big {
            return Err(refuse(path, format!("at {at}: a note is larger than {MAX_NOTE_BYTES} bytes")));
        }
        if note.body.is_some() != note.updated_at.is_some()
            || note.body.is_some() != note.created_at.is_some()
        {
            return Err(refuse(path, format!("at {at}: body, created_at and updated_at go together")));
        }
    }
    Ok(file)
}

pub fn import_json(conn: &mut Connection, path: &Path, progress: Progress<'_>) -> Result<ImportSummary> {
    let file = read_notes_file(path)?;
    import_notes(conn, &file, progress)
}

/// Merges every note of `file` in one transaction.
pub fn import_notes(
    conn: &mut Connection,
    file: &NotesFile,
    progress: Progress<'_>,
) -> Result<ImportSummary> {
    let now = now_ms();
    let tx = conn.transaction()?;
    let mut summary = ImportSummary::default();
    let total = file.notes.len();
    for (done, note) in file.notes.iter().enumerate() {
        if done % 500 == 0 {
            progress(done, total);
        }
        let known: Option<i64> = tx
            .query_row("SELECT 1 FROM comparison WHERE id = ?1", [&note.comparison_id], |r| r.get(0))
            .optional()?;
        if known.is_none() {
            summary.skipped += 1;
            continue;
        }
        match merge_one(&tx, note, now)? {
            Merge::Added => summary.added += 1,
            Merge::Updated => summary.updated += 1,
            Merge::Kept => summary.kept += 1,
        }
    }
    tx.commit()?;
    progress(total, total);
    Ok(summary)
}

enum Merge {
    Added,
    Updated,
    Kept,
}

fn merge_one(tx: &Connection, note: &ExportedNote, now: i64) -> Result<Merge> {
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

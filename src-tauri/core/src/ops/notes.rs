//! Operations on the learner's notes.

use serde::Serialize;
use ts_rs::TS;

use crate::clock::now_ms;
use crate::error::Result;
use crate::markdown;
use crate::notes::{self, ArchivedNote, Note, NoteKey, NoteVersion, SaveOutcome};
use crate::store::Store;

#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedNote {
    pub outcome: SaveOutcome,
    pub note: Option<Note>,
    /// The note rendered and sanitized, for the preview.
    pub html: String,
}

/// Saves a note (its previous text joins the history, once per editing
/// session) and renders it.
pub fn save_note(store: &mut Store, key: &NoteKey, body: &str) -> Result<SavedNote> {
    let (outcome, note) = store.transact("saving a note", |tx| {
        let outcome = notes::save_note_at(tx, key, body, now_ms())?;
        Ok((outcome, notes::get_note(tx, key)?))
    })?;
    let html = note.as_ref().map(|n| markdown::render(&n.body)).unwrap_or_default();
    Ok(SavedNote { outcome, note, html })
}

/// A note's earlier versions. An archived note whose item the library no
/// longer has still has a history: a key the learner wrote on is known.
pub fn note_history(store: &Store, key: &NoteKey) -> Result<Vec<NoteVersion>> {
    store.read("reading a note's history", |conn| {
        if let Err(unknown) = notes::check_target(conn, key) {
            if !notes::was_written(conn, key)? {
                return Err(unknown);
            }
        }
        notes::history(conn, key)
    })
}

/// Makes an earlier version current; the text it replaces joins the history.
pub fn restore_note_version(store: &mut Store, key: &NoteKey, version_id: i64) -> Result<Option<Note>> {
    store.transact("restoring a note's version", |tx| notes::restore_version(tx, key, version_id))
}

/// An archived note with its text rendered, as the comparison page shows notes.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArchivedNoteView {
    #[serde(flatten)]
    pub archived: ArchivedNote,
    /// The note rendered and sanitized.
    pub html: String,
}

pub fn archived_notes(store: &Store) -> Result<Vec<ArchivedNoteView>> {
    let archived = store.read("listing archived notes", notes::archived_notes)?;
    Ok(archived
        .into_iter()
        .map(|archived| ArchivedNoteView { html: markdown::render(&archived.note.body), archived })
        .collect())
}

/// Clears an archived note; its text stays in its history as the returned
/// version, which restoring brings back. A note whose item is still in the
/// library is refused (`not_archived`).
pub fn delete_archived_note(store: &mut Store, key: &NoteKey) -> Result<NoteVersion> {
    store.transact("deleting an archived note", |tx| notes::delete_archived(tx, key, now_ms()))
}

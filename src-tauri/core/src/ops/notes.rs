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

pub fn note_history(store: &Store, key: &NoteKey) -> Result<Vec<NoteVersion>> {
    store.read("reading a note's history", |conn| {
        notes::check_target(conn, key)?;
        notes::history(conn, key)
    })
}

/// Makes an earlier version current; the text it replaces joins the history.
pub fn restore_note_version(store: &mut Store, key: &NoteKey, version_id: i64) -> Result<Option<Note>> {
    store.transact("restoring a note's version", |tx| notes::restore_version(tx, key, version_id))
}

pub fn archived_notes(store: &Store) -> Result<Vec<ArchivedNote>> {
    store.read("listing archived notes", notes::archived_notes)
}

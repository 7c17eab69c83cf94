//! Commands on the learner's notes.

use tauri::State;
use versus_core::content::Section;
use versus_core::notes::{ArchivedNote, Note, NoteKey, NoteVersion};
use versus_core::ops::{self, SavedNote};
use versus_core::Error;

use super::{AppState, CommandResult};

/// The key of a note from the UI's three arguments.
pub(super) fn note_key(comparison_id: String, section: &str, item_id: String) -> Result<NoteKey, Error> {
    let section = Section::parse(section).ok_or_else(|| Error::UnknownSection(section.to_string()))?;
    if comparison_id.is_empty() || item_id.is_empty() {
        return Err(Error::InvalidArgument("a note needs a comparison id and an item id".into()));
    }
    Ok(NoteKey { comparison_id, section, item_id })
}

#[tauri::command]
pub async fn save_note(
    state: State<'_, AppState>,
    comparison_id: String,
    section: String,
    item_id: String,
    body: String,
) -> CommandResult<SavedNote> {
    let key = note_key(comparison_id, &section, item_id)?;
    state.with_store(move |store| ops::save_note(store, &key, &body)).await
}

#[tauri::command]
pub async fn note_history(
    state: State<'_, AppState>,
    comparison_id: String,
    section: String,
    item_id: String,
) -> CommandResult<Vec<NoteVersion>> {
    let key = note_key(comparison_id, &section, item_id)?;
    state.with_store(move |store| ops::note_history(store, &key)).await
}

#[tauri::command]
pub async fn restore_note_version(
    state: State<'_, AppState>,
    comparison_id: String,
    section: String,
    item_id: String,
    version_id: i64,
) -> CommandResult<Option<Note>> {
    let key = note_key(comparison_id, &section, item_id)?;
    state.with_store(move |store| ops::restore_note_version(store, &key, version_id)).await
}

#[tauri::command]
pub async fn archived_notes(state: State<'_, AppState>) -> CommandResult<Vec<ArchivedNote>> {
    state.with_store(|store| ops::archived_notes(store)).await
}

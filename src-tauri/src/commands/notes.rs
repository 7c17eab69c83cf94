//! Commands on the learner's notes.

use tauri::State;
use versus_core::content::Section;
use versus_core::notes::{Note, NoteKey, NoteVersion};
use versus_core::ops::{self, ArchivedNoteView, SavedNote};
use versus_core::Error;

use super::args::Arg;
use super::{AppState, CommandResult};
use crate::background_sync::Change;

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
    comparison_id: Arg<String>,
    section: Arg<String>,
    item_id: Arg<String>,
    body: Arg<String>,
) -> CommandResult<SavedNote> {
    let comparison_id = comparison_id.0;
    let section = section.0;
    let item_id = item_id.0;
    let body = body.0;
    let key = note_key(comparison_id, &section, item_id)?;
    state.with_store_changing(Change::Notes, move |store| ops::save_note(store, &key, &body)).await
}

#[tauri::command]
pub async fn note_history(
    state: State<'_, AppState>,
    comparison_id: Arg<String>,
    section: Arg<String>,
    item_id: Arg<String>,
) -> CommandResult<Vec<NoteVersion>> {
    let comparison_id = comparison_id.0;
    let section = section.0;
    let item_id = item_id.0;
    let key = note_key(comparison_id, &section, item_id)?;
    state.with_store(move |store| ops::note_history(store, &key)).await
}

#[tauri::command]
pub async fn restore_note_version(
    state: State<'_, AppState>,
    comparison_id: Arg<String>,
    section: Arg<String>,
    item_id: Arg<String>,
    version_id: Arg<i64>,
) -> CommandResult<Option<Note>> {
    let comparison_id = comparison_id.0;
    let section = section.0;
    let item_id = item_id.0;
    let version_id = version_id.0;
    let key = note_key(comparison_id, &section, item_id)?;
    state
        .with_store_changing(Change::Notes, move |store| ops::restore_note_version(store, &key, version_id))
        .await
}

#[tauri::command]
pub async fn archived_notes(state: State<'_, AppState>) -> CommandResult<Vec<ArchivedNoteView>> {
    state.with_store(|store| ops::archived_notes(store)).await
}

/// Clears an archived note (never a current one); returns the version that
/// keeps its text, for an undo.
#[tauri::command]
pub async fn delete_archived_note(
    state: State<'_, AppState>,
    comparison_id: Arg<String>,
    section: Arg<String>,
    item_id: Arg<String>,
) -> CommandResult<NoteVersion> {
    let comparison_id = comparison_id.0;
    let section = section.0;
    let item_id = item_id.0;
    let key = note_key(comparison_id, &section, item_id)?;
    state.with_store_changing(Change::Notes, move |store| ops::delete_archived_note(store, &key)).await
}

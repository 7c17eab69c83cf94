//! Commands for the learner's own comparisons and their drafts.

use tauri::State;
use versus_core::content::draft::{DraftCheck, DraftDocument};
use versus_core::ops;
use versus_core::own::{ArchivedComparison, Deleted, Draft, DraftSummary};

use super::args::Arg;
use super::{AppState, CommandResult};
use crate::background_sync::Change;

#[tauri::command]
pub async fn create_draft(state: State<'_, AppState>, document: Arg<DraftDocument>) -> CommandResult<i64> {
    let document = document.0;
    state.with_store(move |store| ops::create_draft(store, &document)).await
}

/// Saves a draft as the learner types; answers the messages for its fields.
#[tauri::command]
pub async fn save_draft(
    state: State<'_, AppState>,
    id: Arg<i64>,
    document: Arg<DraftDocument>,
) -> CommandResult<DraftCheck> {
    let (id, document) = (id.0, document.0);
    state.with_store(move |store| ops::save_draft(store, id, &document)).await
}

/// Checks a draft's text by the content rules without saving it.
#[tauri::command]
pub async fn check_draft(document: Arg<DraftDocument>) -> CommandResult<DraftCheck> {
    Ok(ops::check_draft(&document.0))
}

#[tauri::command]
pub async fn get_draft(state: State<'_, AppState>, id: Arg<i64>) -> CommandResult<Draft> {
    let id = id.0;
    state.with_store(move |store| ops::get_draft(store, id)).await
}

#[tauri::command]
pub async fn list_drafts(state: State<'_, AppState>) -> CommandResult<Vec<DraftSummary>> {
    state.with_store(|store| ops::list_drafts(store)).await
}

#[tauri::command]
pub async fn discard_draft(state: State<'_, AppState>, id: Arg<i64>) -> CommandResult<()> {
    let id = id.0;
    state.with_store(move |store| ops::discard_draft(store, id)).await
}

/// Opens a comparison of the learner's own in the editor; answers the draft's id.
#[tauri::command]
pub async fn edit_comparison(state: State<'_, AppState>, id: Arg<String>) -> CommandResult<i64> {
    let id = id.0;
    state.with_store(move |store| ops::edit_comparison(store, &id)).await
}

/// "Make my own copy"; answers the new draft's id.
#[tauri::command]
pub async fn copy_comparison(state: State<'_, AppState>, id: Arg<String>) -> CommandResult<i64> {
    let id = id.0;
    state.with_store(move |store| ops::copy_comparison(store, &id)).await
}

/// Publishes a draft; answers the comparison's id.
#[tauri::command]
pub async fn publish_draft(state: State<'_, AppState>, id: Arg<i64>) -> CommandResult<String> {
    let id = id.0;
    state.with_store_changing(Change::Notes, move |store| ops::publish_draft(store, id)).await
}

#[tauri::command]
pub async fn archive_comparison(state: State<'_, AppState>, id: Arg<String>) -> CommandResult<()> {
    let id = id.0;
    state.with_store_changing(Change::Notes, move |store| ops::archive_comparison(store, &id)).await
}

#[tauri::command]
pub async fn restore_comparison(state: State<'_, AppState>, id: Arg<String>) -> CommandResult<()> {
    let id = id.0;
    state.with_store_changing(Change::Notes, move |store| ops::restore_comparison(store, &id)).await
}

/// Deletes an archived comparison of the learner's own for good (after a backup).
#[tauri::command]
pub async fn delete_comparison(state: State<'_, AppState>, id: Arg<String>) -> CommandResult<Deleted> {
    let id = id.0;
    state.with_store(move |store| ops::delete_comparison(store, &id)).await
}

#[tauri::command]
pub async fn archived_comparisons(state: State<'_, AppState>) -> CommandResult<Vec<ArchivedComparison>> {
    state.with_store(|store| ops::archived_comparisons(store)).await
}

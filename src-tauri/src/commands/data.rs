//! Commands for the learner's data: backups, restore, export and import.

use std::path::PathBuf;

use serde::Serialize;
use tauri::ipc::Channel;
use tauri::State;
use ts_rs::TS;
use versus_core::notes::export::ExportSummary;
use versus_core::notes::file::read_notes_file;
use versus_core::notes::import::ImportSummary;
use versus_core::ops::{self, BackupList, Restored};
use versus_core::store::backup::BackupInfo;
use versus_core::Error;

use super::{AppState, CommandError, CommandResult};

#[derive(Debug, Clone, Serialize, TS)]
pub struct ProgressEvent {
    done: usize,
    total: usize,
}

fn reporter(channel: Channel<ProgressEvent>) -> impl FnMut(usize, usize) {
    move |done, total| {
        // A closed window cannot take progress; the work itself goes on.
        let _ = channel.send(ProgressEvent { done, total });
    }
}

fn path_argument(path: &str) -> Result<PathBuf, Error> {
    if path.trim().is_empty() {
        return Err(Error::InvalidArgument("no file or folder was chosen".into()));
    }
    Ok(PathBuf::from(path))
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> CommandResult<BackupList> {
    let automatic = state.backups.lock().unwrap_or_else(|p| p.into_inner()).clone();
    state.with_store(move |store| ops::list_backups(store, automatic)).await
}

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> CommandResult<BackupInfo> {
    state.with_store(|store| ops::backup_now(store)).await
}

/// Restores a backup, after taking one of the current state.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    file_name: String,
    on_progress: Channel<ProgressEvent>,
) -> CommandResult<Restored> {
    let mut progress = reporter(on_progress);
    state.with_store(move |store| ops::restore_backup(store, &file_name, &mut progress)).await
}

/// Writes one Markdown file per comparison with notes into the folder `dir`.
#[tauri::command]
pub async fn export_markdown(
    state: State<'_, AppState>,
    dir: String,
    on_progress: Channel<ProgressEvent>,
) -> CommandResult<ExportSummary> {
    let dir = path_argument(&dir)?;
    let mut progress = reporter(on_progress);
    state.with_store(move |store| ops::export_markdown(store, &dir, &mut progress)).await
}

/// Writes one comparison's notes as Markdown to `path`.
#[tauri::command]
pub async fn export_comparison_markdown(
    state: State<'_, AppState>,
    comparison_id: String,
    path: String,
) -> CommandResult<ExportSummary> {
    let path = path_argument(&path)?;
    state.with_store(move |store| ops::export_comparison_markdown(store, &comparison_id, &path)).await
}

#[tauri::command]
pub async fn export_json(
    state: State<'_, AppState>,
    path: String,
    on_progress: Channel<ProgressEvent>,
) -> CommandResult<ExportSummary> {
    let path = path_argument(&path)?;
    let mut progress = reporter(on_progress);
    state.with_store(move |store| ops::export_json(store, &path, &mut progress)).await
}

/// Merges a JSON export into the notes, after a backup of the current state.
/// The file is read and checked on a blocking thread before the store is
/// taken: a slow, huge, malformed or foreign file holds no other command up
/// and is refused before anything is written.
#[tauri::command]
pub async fn import_json(
    state: State<'_, AppState>,
    path: String,
    on_progress: Channel<ProgressEvent>,
) -> CommandResult<ImportSummary> {
    let path = path_argument(&path)?;
    let file = tauri::async_runtime::spawn_blocking(move || read_notes_file(&path))
        .await
        .map_err(|err| CommandError::internal(err.to_string()))??;
    let mut progress = reporter(on_progress);
    state.with_store(move |store| ops::import_notes(store, &file, &mut progress)).await
}

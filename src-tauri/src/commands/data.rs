//! Commands for the learner's data: backups, restore, export and import.

use std::path::PathBuf;

use serde::Serialize;
use tauri::ipc::Channel;
use tauri::State;

use super::{AppState, CommandError, CommandResult};
use crate::autobackup::AutoBackupStatus;
use crate::backup::{self, backup_dir, BackupInfo, Reason, RETENTION};
use crate::clock::now_ms;
use crate::note_export::{self, ExportSummary};
use crate::note_import::{self, ImportSummary};

#[derive(Debug, Clone, Serialize)]
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

fn path_argument(path: &str) -> CommandResult<PathBuf> {
    if path.trim().is_empty() {
        return Err(CommandError::new("invalid_argument", "no file or folder was chosen"));
    }
    Ok(PathBuf::from(path))
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupList {
    backups: Vec<BackupInfo>,
    folder: String,
    automatic: AutoBackupStatus,
    keep_recent: usize,
    keep_daily_days: i64,
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> CommandResult<BackupList> {
    let dir = backup_dir(&state.data_dir);
    let automatic = state.backups.lock().unwrap_or_else(|p| p.into_inner()).clone();
    state
        .with_store(move |_| {
            Ok(BackupList {
                backups: backup::list_backups(&dir)?,
                folder: dir.display().to_string(),
                automatic,
                keep_recent: RETENTION.recent,
                keep_daily_days: RETENTION.daily_days,
            })
        })
        .await
}

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> CommandResult<BackupInfo> {
    let dir = backup_dir(&state.data_dir);
    state
        .with_store(move |store| {
            let info = backup::take_backup(store.conn(), &dir, Reason::Manual)?;
            backup::prune(&dir, RETENTION, now_ms())?;
            Ok(info)
        })
        .await
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    restored: BackupInfo,
    /// The backup of the state just replaced, so the restore can be undone.
    safety_backup: BackupInfo,
}

/// Restores a backup, after taking one of the current state.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    file_name: String,
    on_progress: Channel<ProgressEvent>,
) -> CommandResult<Restored> {
    let dir = backup_dir(&state.data_dir);
    let mut progress = reporter(on_progress);
    state
        .with_store(move |store| {
            progress(0, 3);
            let chosen = backup::find_backup(&dir, &file_name)?;
            let safety_backup = backup::take_backup(store.conn(), &dir, Reason::BeforeRestore)?;
            progress(1, 3);
            store.replace_with(&chosen.path)?;
            progress(2, 3);
            crate::store::sync_embedded_library(store.conn_mut())?;
            progress(3, 3);
            Ok(Restored { restored: chosen, safety_backup })
        })
        .await
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
    state.with_store(move |store| note_export::export_markdown(store.conn(), &dir, &mut progress)).await
}

/// Writes one comparison's notes as Markdown to `path`.
#[tauri::command]
pub async fn export_comparison_markdown(
    state: State<'_, AppState>,
    comparison_id: String,
    path: String,
) -> CommandResult<ExportSummary> {
    let path = path_argument(&path)?;
    state
        .with_store(move |store| {
            let markdown = note_export::comparison_markdown(store.conn(), &comparison_id)?
                .unwrap_or_else(|| format!("# {comparison_id}\n\nNo notes yet.\n"));
            note_export::write_atomically(&path, markdown.as_bytes())?;
            Ok(ExportSummary { files: 1, notes: markdown.matches("\n## ").count() })
        })
        .await
}

#[tauri::command]
pub async fn export_json(
    state: State<'_, AppState>,
    path: String,
    on_progress: Channel<ProgressEvent>,
) -> CommandResult<ExportSummary> {
    let path = path_argument(&path)?;
    let mut progress = reporter(on_progress);
    state.with_store(move |store| note_export::export_json(store.conn(), &path, &mut progress)).await
}

/// Merges a JSON export into the notes, after a backup of the current state.
/// A malformed or foreign file is refused before anything is written.
#[tauri::command]
pub async fn import_json(
    state: State<'_, AppState>,
    path: String,
    on_progress: Channel<ProgressEvent>,
) -> CommandResult<ImportSummary> {
    let path = path_argument(&path)?;
    let dir = backup_dir(&state.data_dir);
    let mut progress = reporter(on_progress);
    state
        .with_store(move |store| {
            let file = note_import::read_notes_file(&path)?;
            backup::take_backup(store.conn(), &dir, Reason::BeforeImport)?;
            note_import::import_notes(store.conn_mut(), &file, &mut progress)
        })
        .await
}

//! Commands for the learner's data: backups, restore, export and import.

use std::path::{Path, PathBuf};

use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{Manager, Runtime, State, WebviewWindow};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;
use versus_core::notes::export::ExportSummary;
use versus_core::notes::file::read_notes_file;
use versus_core::notes::import::ImportSummary;
use versus_core::ops::{self, BackupList, Restored};
use versus_core::store::backup::BackupInfo;
use versus_core::store::restore_preview::RestorePreview;
use versus_core::Error;

use super::args::Arg;
use super::{AppState, CommandError, CommandResult};
use crate::background_sync::Change;

#[derive(Debug, Clone, Serialize, TS)]
pub struct ProgressEvent {
    done: usize,
    total: usize,
}

pub(super) fn reporter(channel: Channel<ProgressEvent>) -> impl FnMut(usize, usize) {
    move |done, total| {
        // A closed window cannot take progress; the work itself goes on.
        let _ = channel.send(ProgressEvent { done, total });
    }
}

/// Test seam for the end-to-end tests, which cannot click a native dialog.
/// When this variable names a folder at start-up, the export and import
/// commands open no dialog and take a path inside that folder instead: the
/// folder itself for the Markdown export, the file name the dialog would have
/// suggested for a save, and [`SEAM_IMPORT_FILE`] (which the test drops
/// there) for an import. Read once, when the app state is made; nothing but
/// the test runner sets it.
pub const DIALOG_SEAM_VAR: &str = "VERSUS_E2E_DIALOG_DIR";
pub const SEAM_IMPORT_FILE: &str = "import.json";
/// What the seam opens instead of a pack the learner would pick.
pub const SEAM_IMPORT_PACK: &str = "import.versuspack";

pub(super) fn dialog_seam_from_env() -> Option<PathBuf> {
    std::env::var_os(DIALOG_SEAM_VAR).filter(|dir| !dir.is_empty()).map(PathBuf::from)
}

const NOTES_FILTER: (&str, &[&str]) = ("Versus notes", &["json"]);
const MARKDOWN_FILTER: (&str, &[&str]) = ("Markdown", &["md"]);

/// What a command asks the learner for.
pub(super) enum Ask {
    Folder,
    Save { file_name: String, filter: (&'static str, &'static [&'static str]) },
    Open { filter: (&'static str, &'static [&'static str]) },
}

/// The path the learner chose in a native dialog, or None when they
/// cancelled. Paths come only from here, never from the page, so a page
/// that misbehaved could not write or read a file the learner did not pick.
pub(super) async fn ask_path<R: Runtime>(
    window: &WebviewWindow<R>,
    seam: Option<&Path>,
    title: &str,
    ask: Ask,
) -> CommandResult<Option<PathBuf>> {
    if let Some(dir) = seam {
        return Ok(Some(match ask {
            Ask::Folder => dir.to_path_buf(),
            Ask::Save { file_name, .. } => dir.join(file_name),
            Ask::Open { filter: (_, extensions) } if extensions.contains(&"versuspack") => {
                dir.join(SEAM_IMPORT_PACK)
            }
            Ask::Open { .. } => dir.join(SEAM_IMPORT_FILE),
        }));
    }
    let mut dialog = window.dialog().file().set_title(title).set_parent(window);
    if let Ok(documents) = window.path().document_dir() {
        dialog = dialog.set_directory(documents);
    }
    // The blocking calls wait for the learner; on the main thread they would
    // freeze the window that has to draw the dialog.
    let picked = tauri::async_runtime::spawn_blocking(move || match ask {
        Ask::Folder => dialog.set_can_create_directories(true).blocking_pick_folder(),
        // rfd's GTK save dialog turns on GTK's overwrite confirmation (the
        // plugin has no switch for it), so an existing file is replaced only
        // after the learner says so.
        Ask::Save { file_name, filter: (name, extensions) } => {
            dialog.add_filter(name, extensions).set_file_name(file_name).blocking_save_file()
        }
        Ask::Open { filter: (name, extensions) } => dialog.add_filter(name, extensions).blocking_pick_file(),
    })
    .await
    .map_err(|err| CommandError::internal(err.to_string()))?;
    picked
        .map(|path| path.into_path().map_err(|err| CommandError::internal(format!("the chosen path: {err}"))))
        .transpose()
}

/// Today's date for default file names.
fn today() -> String {
    versus_core::clock::iso_date(versus_core::clock::now_ms())
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

/// What restoring a backup would change; reads only.
#[tauri::command]
pub async fn restore_preview(
    state: State<'_, AppState>,
    file_name: Arg<String>,
) -> CommandResult<RestorePreview> {
    let file_name = file_name.0;
    state.with_store(move |store| ops::restore_preview(store, &file_name)).await
}

/// Restores a backup, after taking one of the current state.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    file_name: Arg<String>,
    on_progress: Channel<ProgressEvent>,
) -> CommandResult<Restored> {
    let file_name = file_name.0;
    let mut progress = reporter(on_progress);
    state
        .with_store_changing(Change::Notes, move |store| {
            ops::restore_backup(store, &file_name, &mut progress)
        })
        .await
}

/// Asks for a folder, then writes one Markdown file per comparison with notes
/// into a new folder inside it. None: the learner cancelled.
#[tauri::command]
pub async fn export_markdown<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    on_progress: Channel<ProgressEvent>,
) -> CommandResult<Option<ExportSummary>> {
    let title = "Choose where to put the folder of Markdown notes";
    let Some(parent) = ask_path(&window, state.dialog_seam.as_deref(), title, Ask::Folder).await? else {
        return Ok(None);
    };
    let mut progress = reporter(on_progress);
    state.with_store(move |store| ops::export_markdown(store, &parent, &mut progress)).await.map(Some)
}

/// Asks where to save, then writes one comparison's notes as Markdown there.
#[tauri::command]
pub async fn export_comparison_markdown<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    comparison_id: Arg<String>,
) -> CommandResult<Option<ExportSummary>> {
    let comparison_id = comparison_id.0;
    // The id becomes the suggested file name: only a slug may.
    if comparison_id.is_empty()
        || !comparison_id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(Error::InvalidArgument(format!("not a comparison id: {comparison_id:?}")).into());
    }
    let ask = Ask::Save { file_name: format!("{comparison_id}.md"), filter: MARKDOWN_FILTER };
    let title = "Export your notes on this comparison as Markdown";
    let Some(path) = ask_path(&window, state.dialog_seam.as_deref(), title, ask).await? else {
        return Ok(None);
    };
    state
        .with_store(move |store| ops::export_comparison_markdown(store, &comparison_id, &path))
        .await
        .map(Some)
}

/// Asks where to save, then writes every note with its history as JSON.
#[tauri::command]
pub async fn export_json<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    on_progress: Channel<ProgressEvent>,
) -> CommandResult<Option<ExportSummary>> {
    let ask = Ask::Save { file_name: format!("versus-notes-{}.json", today()), filter: NOTES_FILTER };
    let Some(path) = ask_path(&window, state.dialog_seam.as_deref(), "Export notes as JSON", ask).await?
    else {
        return Ok(None);
    };
    let mut progress = reporter(on_progress);
    state.with_store(move |store| ops::export_json(store, &path, &mut progress)).await.map(Some)
}

/// Asks for a JSON export, then merges it into the notes, after a backup of
/// the current state. The file is read and checked on a blocking thread
/// before the store is taken: a slow, huge, malformed or foreign file holds
/// no other command up and is refused before anything is written.
#[tauri::command]
pub async fn import_json<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    on_progress: Channel<ProgressEvent>,
) -> CommandResult<Option<ImportSummary>> {
    let ask = Ask::Open { filter: NOTES_FILTER };
    let title = "Import a Versus notes export";
    let Some(path) = ask_path(&window, state.dialog_seam.as_deref(), title, ask).await? else {
        return Ok(None);
    };
    let file = tauri::async_runtime::spawn_blocking(move || read_notes_file(&path))
        .await
        .map_err(|err| CommandError::internal(err.to_string()))??;
    let mut progress = reporter(on_progress);
    state
        .with_store_changing(Change::Notes, move |store| ops::import_notes(store, &file, &mut progress))
        .await
        .map(Some)
}

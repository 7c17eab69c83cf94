//! Commands of sync with other devices through a shared folder.

use serde::Serialize;
use tauri::{Runtime, State, WebviewWindow};
use ts_rs::TS;
use versus_core::ops::{self, SyncState};
use versus_core::study::StudyContext;
use versus_core::Error;

use super::args::Arg;
use super::data::{ask_path, Ask};
use super::{AppState, CommandResult};
use crate::background_sync::{SyncStatus, Wake, SYNC_DIR_ENV};

/// What Settings > Sync shows: the background sync's status and the store's side.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SyncView {
    pub status: SyncStatus,
    pub state: SyncState,
}

async fn view(state: &AppState) -> CommandResult<SyncView> {
    let status = state.sync.status();
    let store_side = state.with_store(|store| ops::sync_state(store)).await?;
    Ok(SyncView { status, state: store_side })
}

#[tauri::command]
pub async fn sync_status(state: State<'_, AppState>) -> CommandResult<SyncView> {
    view(&state).await
}

/// The first view is on screen: the first sync may run, with the study
/// settings in use (a card another device reviewed is scheduled with them).
/// Called again when the learner changes them.
#[tauri::command]
pub async fn sync_settings(
    state: State<'_, AppState>,
    context: Arg<StudyContext>,
    started: Arg<bool>,
) -> CommandResult<()> {
    let (_, settings) = context.0.parts()?;
    state.sync.wake(if started.0 { Wake::Started(settings) } else { Wake::Settings(settings) });
    Ok(())
}

/// Asks for the folder to sync through (native dialog) and syncs with it at
/// once; None when the learner cancelled.
#[tauri::command]
pub async fn choose_sync_folder<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<SyncView>> {
    refuse_when_managed()?;
    let title = "Choose the folder your sync tool keeps in step";
    let Some(folder) = ask_path(&window, state.dialog_seam.as_deref(), title, Ask::Folder).await? else {
        return Ok(None);
    };
    state.with_store(move |store| ops::set_sync_folder(store, Some(&folder))).await?;
    state.sync.wake(Wake::Reconfigured);
    view(&state).await.map(Some)
}

/// Stops syncing this device; nothing in the folder or the store is deleted.
#[tauri::command]
pub async fn stop_sync(state: State<'_, AppState>) -> CommandResult<SyncView> {
    refuse_when_managed()?;
    state.with_store(|store| ops::set_sync_folder(store, None)).await?;
    state.sync.wake(Wake::Reconfigured);
    view(&state).await
}

#[tauri::command]
pub async fn sync_now(state: State<'_, AppState>) -> CommandResult<()> {
    state.sync.wake(Wake::Now);
    Ok(())
}

fn refuse_when_managed() -> Result<(), Error> {
    match std::env::var_os(SYNC_DIR_ENV).filter(|dir| !dir.is_empty()) {
        Some(dir) => Err(Error::InvalidArgument(format!(
            "the sync folder is set by {SYNC_DIR_ENV} ({}); change it there",
            std::path::Path::new(&dir).display()
        ))),
        None => Ok(()),
    }
}

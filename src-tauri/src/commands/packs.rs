//! Commands for content packs. A pack file's path never comes from the page:
//! it comes from the open dialog, from the command line, or from a second
//! launch handing its file over; the page gets a token for it.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{Runtime, State, WebviewWindow};
use ts_rs::TS;
use versus_core::content::pack::PACK_EXTENSION;
use versus_core::ops::{self, ExportedPack, PackFileCheck};
use versus_core::packs::{InstalledPack, PackMeta};
use versus_core::store::ImportReport;
use versus_core::{Entity, Error};

use super::args::Arg;
use super::data::{ask_path, reporter, Ask, ProgressEvent};
use super::{AppState, CommandResult};

/// Emitted when a pack file arrives while the app runs (a second launch).
pub const PACK_OPENED_EVENT: &str = "pack-opened";

const PACK_FILTER: (&str, &[&str]) = ("Versus pack", &[PACK_EXTENSION]);

/// Pack files the learner opened, by token, and those waiting for the page.
#[derive(Default)]
pub struct PackFiles {
    files: Mutex<HashMap<u32, PathBuf>>,
    waiting: Mutex<Vec<u32>>,
}

impl PackFiles {
    fn register(&self, path: PathBuf) -> u32 {
        let mut files = self.files.lock().unwrap_or_else(|p| p.into_inner());
        let token = files.len() as u32 + 1;
        files.insert(token, path);
        token
    }

    /// A pack file given to the app (its command line, or a second launch's):
    /// the page picks it up with `pending_packs`.
    pub fn hand_over(&self, path: PathBuf) {
        let token = self.register(path);
        self.waiting.lock().unwrap_or_else(|p| p.into_inner()).push(token);
    }

    fn path(&self, token: u32) -> Result<PathBuf, Error> {
        self.files
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&token)
            .cloned()
            .ok_or_else(|| Error::not_found(Entity::Pack, format!("file #{token}")))
    }
}

/// The pack files among a launch's arguments, made absolute against `cwd`.
pub fn pack_arguments(args: &[String], cwd: &std::path::Path) -> Vec<PathBuf> {
    args.iter()
        .skip(1)
        .filter(|arg| !arg.starts_with("--"))
        .map(PathBuf::from)
        .filter(|path| path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case(PACK_EXTENSION)))
        .map(|path| if path.is_absolute() { path } else { cwd.join(path) })
        .collect()
}

/// A pack file opened in the app: its token and what importing it would do.
#[derive(Debug, Serialize, TS)]
pub struct OpenedPack {
    pub token: u32,
    #[serde(flatten)]
    pub check: PackFileCheck,
}

async fn open(state: &State<'_, AppState>, token: u32) -> CommandResult<OpenedPack> {
    let path = state.pack_files.path(token)?;
    let check = state.with_store(move |store| ops::preview_pack(store, &path)).await?;
    Ok(OpenedPack { token, check })
}

/// Asks for a pack file and previews it; writes nothing. None: cancelled.
#[tauri::command]
pub async fn open_pack<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<OpenedPack>> {
    let ask = Ask::Open { filter: PACK_FILTER };
    let Some(path) = ask_path(&window, state.dialog_seam.as_deref(), "Import a Versus pack", ask).await?
    else {
        return Ok(None);
    };
    let token = state.pack_files.register(path);
    open(&state, token).await.map(Some)
}

/// Pack files handed to the app since the page last asked, previewed.
#[tauri::command]
pub async fn pending_packs(state: State<'_, AppState>) -> CommandResult<Vec<OpenedPack>> {
    let tokens: Vec<u32> =
        std::mem::take(&mut *state.pack_files.waiting.lock().unwrap_or_else(|p| p.into_inner()));
    let mut opened = Vec::with_capacity(tokens.len());
    for token in tokens {
        opened.push(open(&state, token).await?);
    }
    Ok(opened)
}

/// Imports a previewed pack file, reporting progress.
#[tauri::command]
pub async fn import_pack(
    state: State<'_, AppState>,
    token: Arg<u32>,
    on_progress: Channel<ProgressEvent>,
) -> CommandResult<ImportReport> {
    let path = state.pack_files.path(token.0)?;
    let mut progress = reporter(on_progress);
    state.with_store(move |store| ops::import_pack(store, &path, &mut progress)).await
}

#[tauri::command]
pub async fn list_packs(state: State<'_, AppState>) -> CommandResult<Vec<InstalledPack>> {
    state.with_store(|store| ops::list_packs(store)).await
}

/// Removes an installed pack; answers how many comparisons were archived.
#[tauri::command]
pub async fn remove_pack(state: State<'_, AppState>, id: Arg<String>) -> CommandResult<usize> {
    let id = id.0;
    state.with_store(move |store| ops::remove_pack(store, &id)).await
}

/// Asks where to save, then writes the learner's own comparisons `ids` as a
/// pack. None: cancelled. Answers where it went and how many comparisons it holds.
#[tauri::command]
pub async fn export_pack<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    meta: Arg<PackMeta>,
    ids: Arg<Vec<String>>,
) -> CommandResult<Option<ExportedPack>> {
    let (meta, ids) = (meta.0, ids.0);
    // Checked before the dialog, and the id becomes the suggested file name: only a slug may.
    if !versus_core::content::is_slug(&meta.id) {
        return Err(Error::InvalidArgument(format!(
            "the pack id {:?} is not a lowercase slug (a-z, 0-9, single hyphens)",
            meta.id
        ))
        .into());
    }
    let version: String = meta.version.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '.').collect();
    let ask = Ask::Save { file_name: format!("{}-{version}.{PACK_EXTENSION}", meta.id), filter: PACK_FILTER };
    let Some(path) = ask_path(&window, state.dialog_seam.as_deref(), "Export a Versus pack", ask).await?
    else {
        return Ok(None);
    };
    state.with_store(move |store| ops::export_pack(store, &meta, &ids, &path)).await.map(Some)
}

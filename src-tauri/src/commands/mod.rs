//! The Tauri commands: argument checks, a call into the domain, and a typed
//! error `{ code, message }` for the UI. No SQL here.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use serde::Serialize;
use tauri::State;

use crate::autobackup::{self, SharedStatus};
use crate::backup::backup_dir;
use crate::content::Section;
use crate::error::Error;
use crate::library::{self, CategoryCount, ComparisonPage, ComparisonSummary};
use crate::markdown;
use crate::notes::{self, ArchivedNote, Note, NoteKey, NoteVersion, NoteWithPlace, SaveOutcome};
use crate::recovery::Recovery;
use crate::search::{self, SearchQuery, SearchResults};
use crate::store::{ImportReport, Store};

mod data;
mod study;
pub use data::*;
pub use study::*;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CommandError {
    pub code: String,
    pub message: String,
}

impl CommandError {
    fn new(code: &str, message: impl Into<String>) -> Self {
        CommandError { code: code.into(), message: message.into() }
    }
}

impl From<Error> for CommandError {
    fn from(err: Error) -> Self {
        CommandError::new(err.code(), err.to_string())
    }
}

type CommandResult<T> = Result<T, CommandError>;

/// The tauri-plugin-store file for preferences, beside the database so that
/// `VERSUS_DATA_DIR` moves both.
pub const PREFERENCES_FILE: &str = "preferences.json";

/// What the app holds while it runs. The store is absent when it could not
/// be opened; every command then answers with the reason.
pub struct AppState {
    store: Result<Arc<Mutex<Store>>, CommandError>,
    data_dir: PathBuf,
    import: ImportReport,
    recovery: Option<Recovery>,
    backups: SharedStatus,
}

impl AppState {
    /// Opens (and if need be repairs) the store, then starts the automatic backups.
    pub fn open(data_dir: PathBuf) -> AppState {
        let backups = SharedStatus::default();
        match crate::startup::start(&data_dir) {
            Ok(started) => {
                let store = Arc::new(Mutex::new(started.store));
                autobackup::spawn(
                    store.clone(),
                    backup_dir(&data_dir),
                    started.startup_backup_pending,
                    backups.clone(),
                );
                AppState {
                    store: Ok(store),
                    data_dir,
                    import: started.import,
                    recovery: started.recovery,
                    backups,
                }
            }
            Err(err) => AppState {
                store: Err(err.into()),
                data_dir,
                import: ImportReport::default(),
                recovery: None,
                backups,
            },
        }
    }

    /// Folds the WAL into the database file; called when the app exits.
    pub fn checkpoint(&self) {
        if let Ok(store) = &self.store {
            let store = store.lock().unwrap_or_else(|p| p.into_inner());
            if let Err(err) = store.checkpoint() {
                eprintln!("Versus: checkpoint at exit failed: {err}");
            }
        }
    }

    /// Runs `work` on the store on a blocking thread, off the UI's event loop.
    async fn with_store<T, F>(&self, work: F) -> CommandResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, Error> + Send + 'static,
    {
        let store = self.store.clone()?;
        tauri::async_runtime::spawn_blocking(move || {
            // A panic while holding the lock leaves SQLite consistent (the
            // transaction rolls back on drop), so a poisoned lock is still usable.
            let mut guard = store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            work(&mut guard).map_err(CommandError::from)
        })
        .await
        .map_err(|err| CommandError::new("internal", err.to_string()))?
    }
}

fn note_key(comparison_id: String, section: &str, item_id: String) -> CommandResult<NoteKey> {
    let section = Section::parse(section).ok_or_else(|| Error::UnknownSection(section.to_string()))?;
    if comparison_id.is_empty() || item_id.is_empty() {
        return Err(CommandError::new("invalid_argument", "a note needs a comparison id and an item id"));
    }
    Ok(NoteKey { comparison_id, section, item_id })
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    data_dir: String,
    preferences_path: String,
    startup_error: Option<CommandError>,
    /// Set when start-up repaired a damaged database; `message` says what happened.
    recovery: Option<RecoveryNotice>,
    import: ImportReport,
    version: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryNotice {
    message: String,
    details: Recovery,
}

#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> AppStatus {
    AppStatus {
        data_dir: state.data_dir.display().to_string(),
        preferences_path: state.data_dir.join(PREFERENCES_FILE).display().to_string(),
        startup_error: state.store.as_ref().err().cloned(),
        recovery: state.recovery.clone().map(|r| RecoveryNotice { message: r.message(), details: r }),
        import: state.import.clone(),
        version: env!("CARGO_PKG_VERSION"),
    }
}

#[tauri::command]
pub async fn list_comparisons(state: State<'_, AppState>) -> CommandResult<Vec<ComparisonSummary>> {
    state.with_store(|store| library::list_comparisons(store.conn())).await
}

#[tauri::command]
pub async fn categories(state: State<'_, AppState>) -> CommandResult<Vec<CategoryCount>> {
    state.with_store(|store| library::categories(store.conn())).await
}

/// Opens a comparison's page and records it as recently viewed.
#[tauri::command]
pub async fn get_comparison(state: State<'_, AppState>, id: String) -> CommandResult<ComparisonPage> {
    state
        .with_store(move |store| {
            let page = library::get_comparison(store.conn(), &id)?;
            library::record_view(store.conn(), &id)?;
            Ok(page)
        })
        .await
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    comparison_count: usize,
    viewed_count: i64,
    with_notes: usize,
    note_count: i64,
    categories: Vec<CategoryCount>,
    recent_views: Vec<ComparisonSummary>,
    recent_notes: Vec<NoteWithPlace>,
}

#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>) -> CommandResult<Dashboard> {
    state
        .with_store(|store| {
            let conn = store.conn();
            let all = library::list_comparisons(conn)?;
            Ok(Dashboard {
                comparison_count: all.len(),
                viewed_count: library::viewed_count(conn)?,
                with_notes: all.iter().filter(|c| c.note_count > 0).count(),
                note_count: notes::count_notes(conn)?,
                categories: library::categories(conn)?,
                recent_views: library::recent_views(conn, 6)?,
                recent_notes: notes::recent_notes(conn, 6)?,
            })
        })
        .await
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedNote {
    outcome: SaveOutcome,
    note: Option<Note>,
    /// The note rendered and sanitized, for the preview.
    html: String,
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
    state
        .with_store(move |store| {
            let outcome = notes::save_note(store.conn_mut(), &key, &body)?;
            let note = notes::get_note(store.conn(), &key)?;
            let html = note.as_ref().map(|n| markdown::render(&n.body)).unwrap_or_default();
            Ok(SavedNote { outcome, note, html })
        })
        .await
}

#[tauri::command]
pub async fn note_history(
    state: State<'_, AppState>,
    comparison_id: String,
    section: String,
    item_id: String,
) -> CommandResult<Vec<NoteVersion>> {
    let key = note_key(comparison_id, &section, item_id)?;
    state
        .with_store(move |store| {
            notes::check_target(store.conn(), &key)?;
            notes::history(store.conn(), &key)
        })
        .await
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
    state.with_store(move |store| notes::restore_version(store.conn_mut(), &key, version_id)).await
}

#[tauri::command]
pub async fn archived_notes(state: State<'_, AppState>) -> CommandResult<Vec<ArchivedNote>> {
    state.with_store(|store| notes::archived_notes(store.conn())).await
}

#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: String,
    category: Option<String>,
    notes_only: Option<bool>,
    limit: Option<usize>,
) -> CommandResult<SearchResults> {
    let query = SearchQuery {
        text: query,
        category: category.filter(|c| !c.is_empty()),
        notes_only: notes_only.unwrap_or(false),
        limit: limit.unwrap_or(search::DEFAULT_LIMIT),
    };
    state.with_store(move |store| search::search(store.conn(), &query)).await
}

/// Markdown to sanitized HTML; the only way learner text becomes markup.
#[tauri::command]
pub fn render_markdown(text: String) -> CommandResult<String> {
    if text.len() > notes::MAX_NOTE_BYTES {
        return Err(Error::NoteTooLarge { bytes: text.len(), limit: notes::MAX_NOTE_BYTES }.into());
    }
    Ok(markdown::render(&text))
}

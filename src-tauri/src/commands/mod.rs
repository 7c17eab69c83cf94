//! The Tauri commands: argument checks, a call into the domain, and a typed
//! error `{ code, message }` for the UI. No SQL here.

use serde::Serialize;
use tauri::State;

use crate::content::Section;
use crate::error::Error;
use crate::library::{self, CategoryCount, ComparisonPage, ComparisonSummary};
use crate::markdown;
use crate::notes::{self, ArchivedNote, Note, NoteKey, NoteVersion, NoteWithPlace, SaveOutcome};
use crate::recovery::Recovery;
use crate::search::{self, SearchQuery, SearchResults};
use crate::store::ImportReport;
use crate::study::StudyStats;

mod data;
mod state;
mod study;
pub use data::*;
pub use state::AppState;
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
    /// What the preferences file holds (empty when it is missing or unreadable);
    /// the UI checks every value. Read here so the first view needs one call.
    preferences: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryNotice {
    message: String,
    details: Recovery,
}

/// Answers once the store has been opened (it opens while the window loads).
#[tauri::command]
pub async fn app_status(app: tauri::AppHandle, state: State<'_, AppState>) -> CommandResult<AppStatus> {
    let data_dir = state.data_dir.clone();
    state
        .with_opened(move |opened| {
            let preferences_path = data_dir.join(PREFERENCES_FILE);
            AppStatus {
                data_dir: data_dir.display().to_string(),
                preferences: stored_preferences(&app, &preferences_path),
                preferences_path: preferences_path.display().to_string(),
                startup_error: opened.store.as_ref().err().cloned(),
                recovery: opened
                    .recovery
                    .clone()
                    .map(|r| RecoveryNotice { message: r.message(), details: r }),
                import: opened.import.clone(),
                version: env!("CARGO_PKG_VERSION"),
            }
        })
        .await
}

/// The preferences file's entries, through tauri-plugin-store, so the UI's
/// later writes go to the same store. A file that cannot be read counts as
/// empty: the UI then shows its defaults, as it would for a new learner.
fn stored_preferences(
    app: &tauri::AppHandle,
    path: &std::path::Path,
) -> serde_json::Map<String, serde_json::Value> {
    use tauri_plugin_store::StoreExt;
    match app.store(path) {
        Ok(store) => store.entries().into_iter().collect(),
        Err(err) => {
            eprintln!("Versus: preferences unreadable, using defaults: {err}");
            serde_json::Map::new()
        }
    }
}

/// Called by the UI once its first view has rendered with its data; `marks`
/// are the page's start-up moments for the probe, in ms since the Unix epoch.
#[tauri::command]
pub fn first_view_ready(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    marks: Option<Vec<(String, f64)>>,
) {
    state.first_view_shown();
    crate::probe::report_first_view(&app, &marks.unwrap_or_default());
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
    study: StudyStats,
    comparison_count: usize,
    viewed_count: i64,
    with_notes: usize,
    note_count: i64,
    categories: Vec<CategoryCount>,
    recent_views: Vec<ComparisonSummary>,
    recent_notes: Vec<NoteWithPlace>,
}

/// Everything the dashboard shows, in one call: it is the usual first view.
#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>, context: StudyContext) -> CommandResult<Dashboard> {
    let (clock, settings) = context.parts()?;
    state
        .with_store(move |store| {
            let conn = store.conn();
            let all = library::list_comparisons(conn)?;
            Ok(Dashboard {
                study: crate::study::stats(conn, clock, settings)?,
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

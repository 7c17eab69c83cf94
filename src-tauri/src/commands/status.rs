//! What the UI asks before its first view: where the data is, what start-up
//! did (import, recovery) and the stored preferences; and the call that says
//! the first view is on screen.

use serde::Serialize;
use tauri::{Runtime, State};
use ts_rs::TS;
use versus_core::store::recovery::Recovery;
use versus_core::store::ImportReport;

use super::args::Arg;
use super::{AppState, CommandError, CommandResult};

/// The tauri-plugin-store file for preferences, beside the database so that
/// `VERSUS_DATA_DIR` moves both.
pub const PREFERENCES_FILE: &str = "preferences.json";

#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    data_dir: String,
    preferences_path: String,
    startup_error: Option<CommandError>,
    /// Set when start-up repaired a damaged database; `message` says what happened.
    recovery: Option<RecoveryNotice>,
    import: ImportReport,
    version: String,
    /// What the preferences file holds (empty when it is missing or unreadable);
    /// the UI checks every value. Read here so the first view needs one call.
    #[ts(type = "Record<string, unknown>")]
    preferences: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryNotice {
    message: String,
    details: Recovery,
}

/// Answers once the store has been opened (it opens while the window loads).
#[tauri::command]
pub async fn app_status<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<AppStatus> {
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
                version: env!("CARGO_PKG_VERSION").into(),
            }
        })
        .await
}

/// The preferences file's entries, through tauri-plugin-store, so the UI's
/// later writes go to the same store. A file that cannot be read counts as
/// empty: the UI then shows its defaults, as it would for a new learner.
fn stored_preferences(
    app: &tauri::AppHandle<impl Runtime>,
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
/// Async, like every command: the main thread serves the window.
#[tauri::command]
pub async fn first_view_ready<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    marks: Arg<Option<Vec<(String, f64)>>>,
) -> CommandResult<()> {
    let marks = marks.0;
    state.first_view_shown();
    crate::probe::report_first_view(&app, &marks.unwrap_or_default());
    Ok(())
}

//! Versus: an offline study app for side-by-side cloud and system-design comparisons.
//!
//! Domain modules (`content`, `store`, `notes`, `library`, `markdown`) know
//! nothing of Tauri; `commands` is the thin layer the UI calls.

pub mod clock;
pub mod commands;
pub mod content;
pub mod error;
pub mod library;
pub mod markdown;
pub mod notes;
pub mod search;
pub mod store;

use std::path::PathBuf;

use tauri::Manager;

pub use error::{Error, Result};

/// Environment variable that replaces the app's data folder (tests always set it).
pub const DATA_DIR_ENV: &str = "VERSUS_DATA_DIR";

fn data_dir(app: &tauri::AppHandle) -> std::result::Result<PathBuf, tauri::Error> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => app.path().app_data_dir(),
    }
}

pub fn run() {
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_store::Builder::default().build())
        .setup(|app| {
            let dir = data_dir(app.handle())?;
            app.manage(commands::AppState::open(dir));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::list_comparisons,
            commands::categories,
            commands::get_comparison,
            commands::dashboard,
            commands::save_note,
            commands::note_history,
            commands::restore_note_version,
            commands::archived_notes,
            commands::render_markdown,
            commands::search,
        ])
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("Versus could not start: {err}");
        std::process::exit(1);
    }
}

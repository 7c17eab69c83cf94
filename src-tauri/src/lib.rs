//! Versus: an offline study app for side-by-side cloud and system-design comparisons.
//!
//! Domain modules (`content`, `store`, `notes`, `library`, `markdown`) know
//! nothing of Tauri; `commands` is the thin layer the UI calls.

pub mod autobackup;
pub mod backup;
pub mod cards;
pub mod clock;
pub mod commands;
pub mod content;
pub mod error;
pub mod library;
pub mod markdown;
pub mod note_export;
pub mod note_import;
pub mod notes;
pub mod probe;
pub mod recovery;
pub mod search;
pub mod shell;
pub mod startup;
pub mod store;
pub mod study;

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
    probe::mark_start();
    let context = tauri::generate_context!();
    let data_dir_override = std::env::var_os(DATA_DIR_ENV).filter(|dir| !dir.is_empty()).map(PathBuf::from);
    let result = tauri::Builder::default()
        // First: a second launch must hand over before anything else starts.
        .plugin(shell::single_instance(&context.config().identifier, data_dir_override.as_deref()))
        .plugin(shell::window_state(data_dir_override.as_deref()))
        .plugin(tauri_plugin_store::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .menu(shell::menu)
        .on_menu_event(shell::on_menu_event)
        .on_page_load(|_webview, payload| match payload.event() {
            tauri::webview::PageLoadEvent::Started => probe::mark("page_load_started"),
            tauri::webview::PageLoadEvent::Finished => probe::mark("page_load_finished"),
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
            commands::list_backups,
            commands::backup_now,
            commands::restore_backup,
            commands::export_markdown,
            commands::export_comparison_markdown,
            commands::export_json,
            commands::import_json,
            commands::review_queue,
            commands::grade_card,
            commands::undo_review,
            commands::suspend_card,
            commands::create_card,
            commands::comparison_progress,
            commands::save_drill,
            commands::grade_drill,
            commands::list_drills,
            commands::first_view_ready,
        ])
        .build(context);
    let app = match result {
        Ok(app) => app,
        Err(err) => {
            eprintln!("Versus could not start: {err}");
            std::process::exit(1);
        }
    };
    // Here the plugins have run their setup, so a second launch has already
    // handed over and exited, and the window is not made yet: the store opens
    // on its thread while GTK builds the window and WebKit starts, instead of
    // competing with the web page's own start.
    match data_dir(app.handle()) {
        Ok(dir) => {
            app.manage(commands::AppState::open_in_background(dir));
        }
        Err(err) => {
            eprintln!("Versus could not find its data folder: {err}");
            std::process::exit(1);
        }
    }
    probe::mark("store_opening");
    app.run(|app, event| {
        // Leave the database file whole on disk: fold the WAL in at exit.
        if let tauri::RunEvent::Exit = event {
            if let Some(state) = app.try_state::<commands::AppState>() {
                state.checkpoint();
            }
        }
    });
}

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
    shell::mark_start();
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
            commands::study_stats,
            commands::comparison_progress,
            commands::save_drill,
            commands::grade_drill,
            commands::list_drills,
            shell::first_view_ready,
        ])
        .build(context);
    match result {
        Ok(app) => app.run(|app, event| {
            // Leave the database file whole on disk: fold the WAL in at exit.
            if let tauri::RunEvent::Exit = event {
                if let Some(state) = app.try_state::<commands::AppState>() {
                    state.checkpoint();
                }
            }
        }),
        Err(err) => {
            eprintln!("Versus could not start: {err}");
            std::process::exit(1);
        }
    }
}

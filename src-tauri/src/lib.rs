//! Versus: an offline study app for side-by-side cloud and system-design comparisons.
//!
//! This crate is the desktop shell: the window, menu, single instance, the
//! start-up probe, and `commands`, the thin layer the UI calls. The domain
//! lives in `versus_core` (src-tauri/core), which knows nothing of Tauri.

pub mod commands;
pub mod probe;
pub mod shell;

use std::path::PathBuf;

use tauri::Manager;

pub use versus_core::DATA_DIR_ENV;

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
            commands::status::app_status,
            commands::status::first_view_ready,
            commands::library::list_comparisons,
            commands::library::categories,
            commands::library::get_comparison,
            commands::library::record_view,
            commands::library::dashboard,
            commands::library::search,
            commands::library::render_markdown,
            commands::notes::save_note,
            commands::notes::note_history,
            commands::notes::restore_note_version,
            commands::notes::archived_notes,
            commands::data::list_backups,
            commands::data::backup_now,
            commands::data::restore_backup,
            commands::data::export_markdown,
            commands::data::export_comparison_markdown,
            commands::data::export_json,
            commands::data::import_json,
            commands::study::review_queue,
            commands::study::grade_card,
            commands::study::undo_review,
            commands::study::suspend_card,
            commands::study::create_card,
            commands::study::comparison_progress,
            commands::study::save_drill,
            commands::study::grade_drill,
            commands::study::list_drills,
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

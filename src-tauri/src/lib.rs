//! Versus: an offline study app for side-by-side cloud and system-design comparisons.
//!
//! This crate is the desktop shell: the window, menu, single instance, the
//! start-up probe, and `commands`, the thin layer the UI calls. The domain
//! lives in `versus_core` (src-tauri/core), which knows nothing of Tauri.

pub mod background_sync;
pub mod cli;
pub mod commands;
pub mod probe;
pub mod shell;
pub mod window;

use std::path::PathBuf;

use tauri::Manager;
use versus_core::store::lock::DataDirLock;

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
        .plugin(tauri_plugin_opener::init())
        .plugin(window::navigation_guard())
        .manage(window::CloseGate::default())
        .on_window_event(window::on_window_event)
        .menu(shell::menu)
        .on_menu_event(shell::on_menu_event)
        .on_page_load(|_webview, payload| match payload.event() {
            tauri::webview::PageLoadEvent::Started => probe::mark("page_load_started"),
            tauri::webview::PageLoadEvent::Finished => probe::mark("page_load_finished"),
        })
        .invoke_handler(commands::handler())
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
    let dir = match data_dir(app.handle()) {
        Ok(dir) => dir,
        Err(err) => {
            eprintln!("Versus could not find its data folder: {err}");
            std::process::exit(1);
        }
    };
    match DataDirLock::acquire(&dir) {
        Ok(lock) => {
            let state = commands::AppState::open_in_background(dir, Some(lock));
            state.start_sync(app.handle().clone());
            app.manage(state);
            let args: Vec<String> = std::env::args().collect();
            let cwd = std::env::current_dir().unwrap_or_default();
            shell::hand_over_packs(app.handle(), &args, &cwd);
        }
        // Another Versus has this folder and could not be handed over to
        // (no D-Bus session): say so, and leave without touching anything.
        Err(err @ versus_core::Error::AlreadyOpen { .. }) => {
            shell::refuse_second_instance(app.handle(), &err.to_string());
            app.run(|_, event| {
                // The window is gone; the app ends when the message is closed
                // (an exit with a code), not when its last window went.
                if let tauri::RunEvent::ExitRequested { api, code: None, .. } = event {
                    api.prevent_exit();
                }
            });
            return;
        }
        // The folder cannot even be locked (unwritable, not a folder):
        // opening the store meets the same problem and the UI says what it is.
        Err(err) => {
            eprintln!("Versus: the data folder could not be locked: {err}");
            let state = commands::AppState::open_in_background(dir, None);
            state.start_sync(app.handle().clone());
            app.manage(state);
        }
    }
    probe::mark("store_opening");
    app.run(|app, event| match event {
        // Leave the database file whole on disk: fold the WAL in at exit.
        tauri::RunEvent::Exit => {
            if let Some(state) = app.try_state::<commands::AppState>() {
                state.finish_sync();
                state.checkpoint();
            }
        }
        // macOS opens a file with a running app by an event, not arguments.
        #[cfg(any(target_os = "macos", target_os = "ios"))]
        tauri::RunEvent::Opened { urls } => {
            let mut argv = vec![String::new()];
            argv.extend(
                urls.iter().filter_map(|url| url.to_file_path().ok()).map(|p| p.display().to_string()),
            );
            shell::hand_over_packs(app, &argv, std::path::Path::new("/"));
        }
        _ => {}
    });
}

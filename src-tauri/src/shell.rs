//! The desktop shell: one instance at a time, the window's size and place
//! remembered, and the native menu.
//!
//! Knows nothing of the domain. The menu only forwards the id of the chosen
//! item to the UI as a [`MENU_EVENT`] event (the UI decides what it means).

use std::path::Path;

use sha2::{Digest, Sha256};
use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, SubmenuBuilder};
use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_window_state::StateFlags;

/// The label of the app's one window (tauri.conf.json).
pub const MAIN_WINDOW: &str = "main";

/// The event the UI receives when a menu item is chosen; its payload is the item's id.
pub const MENU_EVENT: &str = "menu";

/// The window-state file, when it lives in an overridden data folder.
pub const WINDOW_STATE_FILE: &str = "window-state.json";

/// Menu item ids, as the UI (ui/js/menu.js) receives them.
pub mod ids {
    pub const NEW_COMPARISON: &str = "new-comparison";
    pub const IMPORT_PACK: &str = "import-pack";
    pub const EXPORT_PACK: &str = "export-pack";
    pub const PACKS: &str = "packs";
    pub const EXPORT: &str = "export";
    pub const BACKUPS: &str = "backups";
    pub const PRINT: &str = "print";
    pub const QUIT: &str = "quit";
    pub const THEME_LIGHT: &str = "theme:light";
    pub const THEME_DARK: &str = "theme:dark";
    pub const THEME_SYSTEM: &str = "theme:system";
    pub const TEXT_SMALL: &str = "text-size:small";
    pub const TEXT_MEDIUM: &str = "text-size:medium";
    pub const TEXT_LARGE: &str = "text-size:large";
    pub const ZOOM_IN: &str = "zoom:in";
    pub const ZOOM_OUT: &str = "zoom:out";
    pub const ZOOM_RESET: &str = "zoom:reset";
    pub const ABOUT: &str = "about";
}

/// One instance per data folder: a second launch hands over to the running
/// one, which shows and focuses its window, and exits with status 0.
///
/// On Linux the instance is a D-Bus name on the session bus (without a
/// session bus every launch runs normally). It is derived from `identifier`,
/// and when the data folder is overridden (tests, `VERSUS_DATA_DIR`) also
/// from that folder, so a test run never hands over to the learner's own
/// running app, nor two tests to each other. Register this plugin first.
pub fn single_instance<R: Runtime>(identifier: &str, data_dir_override: Option<&Path>) -> TauriPlugin<R> {
    let mut builder = tauri_plugin_single_instance::Builder::new().callback(|app, argv, cwd| {
        hand_over_packs(app, &argv, std::path::Path::new(&cwd));
        focus_main_window(app);
    });
    if let Some(dir) = data_dir_override {
        builder = builder.dbus_id(format!("{identifier}.{}", folder_key(dir)));
    }
    builder.build()
}

/// A D-Bus name element for a folder: `d` and 16 hex digits of its path's hash.
fn folder_key(dir: &Path) -> String {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let digest = Sha256::digest(dir.as_os_str().as_encoded_bytes());
    let hex: String = digest.iter().take(8).map(|byte| format!("{byte:02x}")).collect();
    format!("d{hex}")
}

/// Gives the page the pack files a launch was asked to open (its own, or a
/// second launch's handed over), and tells the page they are there.
pub fn hand_over_packs<R: Runtime>(app: &AppHandle<R>, argv: &[String], cwd: &Path) {
    let packs = crate::commands::packs::pack_arguments(argv, cwd);
    if packs.is_empty() {
        return;
    }
    if let Some(state) = app.try_state::<crate::commands::AppState>() {
        for path in packs {
            state.pack_files.hand_over(path);
        }
        // No page yet: it asks for waiting packs when it starts.
        let _ = app.emit(crate::commands::packs::PACK_OPENED_EVENT, ());
    }
}

/// Shows, unminimizes and focuses the main window.
pub fn focus_main_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// Remembers the window's size, position and maximized state between runs.
///
/// The state file is in the platform's config folder, or in the data folder
/// when that is overridden, so that tests and `VERSUS_DATA_DIR` runs never
/// read or write the learner's own window state.
pub fn window_state<R: Runtime>(data_dir_override: Option<&Path>) -> TauriPlugin<R> {
    // Not VISIBLE (a window saved while hidden must never come back hidden),
    // nor DECORATIONS or FULLSCREEN, which the app never changes.
    let flags = StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED;
    let mut builder = tauri_plugin_window_state::Builder::new().with_state_flags(flags);
    // The plugin joins the file name to its folder: an absolute path replaces the folder.
    if let Some(file) =
        data_dir_override.and_then(|dir| dir.join(WINDOW_STATE_FILE).to_str().map(String::from))
    {
        builder = builder.with_filename(file);
    }
    builder.build()
}

/// The native menu: File, View, Help (on macOS also the app menu and Edit,
/// without which the usual copy and paste shortcuts do nothing).
pub fn menu<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let mac = cfg!(target_os = "macos");
    let quit = MenuItemBuilder::with_id(ids::QUIT, "&Quit").accelerator("CmdOrCtrl+Q").build(app)?;
    let about = MenuItemBuilder::with_id(ids::ABOUT, "&About Versus").build(app)?;

    // No accelerator on New comparison: the page handles Ctrl+N itself (keys.js),
    // also where the menu bar is hidden, and one key must not do it twice.
    let mut file = SubmenuBuilder::new(app, "&File")
        .text(ids::NEW_COMPARISON, "&New comparison")
        .separator()
        .text(ids::IMPORT_PACK, "&Import pack…")
        .text(ids::EXPORT_PACK, "Export &pack…")
        .text(ids::PACKS, "&Content packs")
        .separator()
        .text(ids::EXPORT, "&Export notes…")
        .text(ids::BACKUPS, "&Backups…")
        // No accelerator, as for New comparison: the page takes Ctrl+P itself
        // (keys.js), so that one key press prints once.
        .separator()
        .text(ids::PRINT, "P&rint…");
    if !mac {
        file = file.separator().item(&quit);
    }
    let file = file.build()?;

    let theme = SubmenuBuilder::new(app, "&Theme")
        .text(ids::THEME_LIGHT, "&Light")
        .text(ids::THEME_DARK, "&Dark")
        .text(ids::THEME_SYSTEM, "Follow the &system")
        .build()?;
    let text_size = SubmenuBuilder::new(app, "Text &size")
        .text(ids::TEXT_SMALL, "&Small")
        .text(ids::TEXT_MEDIUM, "&Medium")
        .text(ids::TEXT_LARGE, "&Large")
        .build()?;
    let zoom_in = MenuItemBuilder::with_id(ids::ZOOM_IN, "Zoom &in").accelerator("CmdOrCtrl+=").build(app)?;
    let zoom_out =
        MenuItemBuilder::with_id(ids::ZOOM_OUT, "Zoom &out").accelerator("CmdOrCtrl+-").build(app)?;
    let zoom_reset =
        MenuItemBuilder::with_id(ids::ZOOM_RESET, "&Actual size").accelerator("CmdOrCtrl+0").build(app)?;
    let view = SubmenuBuilder::new(app, "&View")
        .item(&theme)
        .item(&text_size)
        .separator()
        .items(&[&zoom_in, &zoom_out, &zoom_reset])
        .build()?;

    let mut menu = MenuBuilder::new(app);
    if mac {
        let app_menu = SubmenuBuilder::new(app, "Versus")
            .item(&about)
            .separator()
            .hide()
            .hide_others()
            .show_all()
            .separator()
            .item(&quit)
            .build()?;
        let edit = SubmenuBuilder::new(app, "Edit")
            .undo()
            .redo()
            .separator()
            .cut()
            .copy()
            .paste()
            .select_all()
            .build()?;
        menu = menu.items(&[&app_menu, &file, &edit, &view]);
    } else {
        let help = SubmenuBuilder::new(app, "&Help").item(&about).build()?;
        menu = menu.items(&[&file, &view, &help]);
    }
    menu.build()
}

/// Handles a menu choice: Quit closes the window the way its close button
/// does; every other item goes to the UI as a [`MENU_EVENT`] event.
pub fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    if id == ids::QUIT {
        match app.get_webview_window(MAIN_WINDOW) {
            Some(window) => {
                if window.close().is_err() {
                    app.exit(0);
                }
            }
            None => app.exit(0),
        }
        return;
    }
    if let Err(err) = app.emit(MENU_EVENT, id) {
        eprintln!("Versus: menu item {id} could not reach the window: {err}");
    }
}

/// A second Versus on a folder another one holds: no window of its own, a
/// message that says why, and the app ends once it is read.
pub fn refuse_second_instance<R: Runtime>(app: &AppHandle<R>, message: &str) {
    use tauri_plugin_dialog::{DialogExt, MessageDialogKind};
    eprintln!("{message}");
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        // Its page must never load: it would open nothing, and say less.
        // The exit this would bring is held off in `lib.rs` until the
        // message is closed.
        let _ = window.destroy();
    }
    let handle = app.clone();
    app.dialog()
        .message(message)
        .title("Versus is already open")
        .kind(MessageDialogKind::Warning)
        .show(move |_| handle.exit(0));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_key_is_a_valid_dbus_name_element_and_stable() {
        let key = folder_key(Path::new("/no/such/folder/for/versus"));
        assert_eq!(key.len(), 17);
        assert!(key.starts_with('d'));
        assert!(key[1..].chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(key, folder_key(Path::new("/no/such/folder/for/versus")));
        assert_ne!(key, folder_key(Path::new("/no/such/folder/for/versus2")));
    }
}

//! The main window's two promises: it never leaves the app's own page, and
//! it never closes before open editors have saved.
//!
//! Navigation: a note's link clicked in the webview would replace the app
//! (and any unsaved text) with a web page. Every navigation away from the
//! app's own origin is refused here; the page hands http(s) links the
//! learner clicks to `open_link`, which opens them in the system browser.
//!
//! Closing: the close button, File > Quit and Ctrl+Q all ask the window to
//! close. The first request is held and the page is told ([`CLOSE_EVENT`]);
//! it saves its editors and calls `close_window`. If the page does not answer
//! within [`CLOSE_GRACE`] (a hung page, a crashed web process), the window
//! closes anyway: a slow page must never keep the app open.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tauri::plugin::TauriPlugin;
use tauri::{Emitter, Manager, Runtime, Url, Window, WindowEvent};
use tauri_plugin_opener::OpenerExt;

use crate::commands::args::Arg;
use crate::commands::CommandResult;

/// Told to the page when the window is asked to close.
pub const CLOSE_EVENT: &str = "close-requested";
/// How long the page has to save before the window closes regardless.
pub const CLOSE_GRACE: Duration = Duration::from_secs(4);

/// Whether the page has had its chance to save, so the next close request
/// goes through.
#[derive(Default)]
pub struct CloseGate {
    asked: AtomicBool,
    released: AtomicBool,
}

/// Whether `url` is the app's own page (the custom protocol on Linux and
/// macOS, its http form on Windows).
pub fn is_app_url(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

/// Refuses every navigation of the app's webview away from its own page.
pub fn navigation_guard<R: Runtime>() -> TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(|_webview, url| {
            let allowed = is_app_url(url);
            if !allowed {
                eprintln!("Versus: refused to leave the app for {url}");
            }
            allowed
        })
        .build()
}

/// Holds the first close request until the page has saved (or the grace ran out).
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else { return };
    let gate = window.state::<CloseGate>();
    if gate.released.load(Ordering::SeqCst) {
        return;
    }
    api.prevent_close();
    if gate.asked.swap(true, Ordering::SeqCst) {
        return; // already waiting for the page
    }
    if let Err(err) = window.emit_to(window.label(), CLOSE_EVENT, ()) {
        eprintln!("Versus: could not ask the page to save before closing: {err}");
        release(window);
        return;
    }
    let waiting = window.clone();
    let spawned = std::thread::Builder::new().name("versus-close-grace".into()).spawn(move || {
        std::thread::sleep(CLOSE_GRACE);
        release(&waiting);
    });
    if spawned.is_err() {
        release(window);
    }
}

/// Lets the window close now.
fn release<R: Runtime>(window: &Window<R>) {
    window.state::<CloseGate>().released.store(true, Ordering::SeqCst);
    if let Err(err) = window.close() {
        eprintln!("Versus: the window did not close: {err}");
        window.app_handle().exit(0);
    }
}

/// Called by the page once its editors have saved after a close request.
/// Async so that it never runs on the main thread (closing is dispatched there).
#[tauri::command]
pub async fn close_window<R: Runtime>(window: Window<R>) {
    release(&window);
}

/// Opens an http(s) link the learner clicked in the system browser; any
/// other address is refused.
#[tauri::command]
pub async fn open_link<R: Runtime>(app: tauri::AppHandle<R>, url: Arg<String>) -> CommandResult<()> {
    let url = url.0;
    let parsed = Url::parse(&url).ok().filter(|u| matches!(u.scheme(), "http" | "https"));
    let Some(parsed) = parsed else {
        return Err(versus_core::Error::InvalidArgument(format!("{url:?} is not a web address")).into());
    };
    app.opener()
        .open_url(parsed.as_str(), None::<&str>)
        .map_err(|err| crate::commands::CommandError::internal(format!("no browser took it ({err})")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apps_own_page_may_be_navigated_to() {
        for own in
            ["tauri://localhost/", "tauri://localhost/index.html#/comparison/x", "http://tauri.localhost/"]
        {
            assert!(is_app_url(&Url::parse(own).unwrap()), "{own}");
        }
        for away in [
            "https://docs.aws.amazon.com/lambda/",
            "http://localhost:8080/",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "tauri://evil.example/",
            "https://tauri.localhost.evil.example/",
            "about:blank",
        ] {
            assert!(!is_app_url(&Url::parse(away).unwrap()), "{away}");
        }
    }
}

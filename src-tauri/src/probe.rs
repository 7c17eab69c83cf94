//! The start-up probe: how long the first view took to appear, and where
//! that time went.
//!
//! With `VERSUS_STARTUP_PROBE=1` the app prints `startup_ms=<n>` once the
//! first view has rendered with its data, then a `startup_trace=` line of
//! named moments (ms since the start of `run`, in order), and exits with
//! status 0. `scripts/bench-startup.sh` reads both. Without the variable a
//! mark only reads the environment.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use tauri::{AppHandle, Runtime};

pub const STARTUP_PROBE_ENV: &str = "VERSUS_STARTUP_PROBE";

struct Start {
    instant: Instant,
    /// The same moment as milliseconds since the Unix epoch, to place the
    /// page's own marks (which count from `performance.timeOrigin`).
    epoch_ms: f64,
}

static STARTED: OnceLock<Start> = OnceLock::new();
static MARKS: Mutex<Vec<(String, f64)>> = Mutex::new(Vec::new());

/// Records the moment the process started running Rust code; the first call
/// wins. Call it first thing in `run`.
pub fn mark_start() {
    STARTED.get_or_init(|| Start {
        instant: Instant::now(),
        epoch_ms: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0),
    });
}

/// Milliseconds since [`mark_start`] (0 if it was never called).
pub fn millis_since_start() -> f64 {
    STARTED.get().map(|start| start.instant.elapsed().as_secs_f64() * 1000.0).unwrap_or(0.0)
}

/// Names the present moment in the trace (only under the probe: without it
/// nothing would ever read the marks).
pub fn mark(name: &str) {
    if !enabled() {
        return;
    }
    let at = millis_since_start();
    MARKS.lock().unwrap_or_else(|p| p.into_inner()).push((name.to_string(), at));
}

pub fn enabled() -> bool {
    std::env::var_os(STARTUP_PROBE_ENV).is_some_and(|value| value == "1")
}

/// Called once the UI's first view has rendered with its data, with the
/// page's marks as milliseconds since the Unix epoch. Under the probe it
/// prints the figure and the trace and ends the app with status 0; otherwise
/// it does nothing.
pub fn report_first_view<R: Runtime>(app: &AppHandle<R>, page_marks: &[(String, f64)]) {
    static REPORTED: AtomicBool = AtomicBool::new(false);
    if REPORTED.swap(true, Ordering::SeqCst) || !enabled() {
        return;
    }
    let startup_ms = millis_since_start();
    let start_epoch = STARTED.get().map(|start| start.epoch_ms).unwrap_or(0.0);
    let mut marks = MARKS.lock().unwrap_or_else(|p| p.into_inner()).clone();
    marks.extend(page_marks.iter().map(|(name, epoch)| (format!("page:{name}"), epoch - start_epoch)));
    marks.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut out = std::io::stdout().lock();
    // Nothing to do if stdout is gone: the exit status still says the app started.
    let _ = writeln!(out, "startup_ms={}", startup_ms.round() as u64);
    let _ = writeln!(out, "startup_trace={}", format_trace(&marks));
    let _ = out.flush();
    drop(out);
    app.exit(0);
}

fn format_trace(marks: &[(String, f64)]) -> String {
    let parts: Vec<String> = marks.iter().map(|(name, at)| format!("{name}:{}", at.round() as i64)).collect();
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trace_lists_names_with_rounded_milliseconds() {
        let marks = vec![("setup".to_string(), 120.4), ("page:app".to_string(), 180.6)];
        assert_eq!(format_trace(&marks), "setup:120,page:app:181");
    }
}

//! The automatic backups while the app runs: the start-up snapshot (when it
//! did not have to be taken before an import) and one every interval while
//! notes changed, each followed by pruning to the retention rule.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Serialize;

use crate::clock::now_ms;
use crate::error::Result;
use crate::store::backup::{notes_signature, prune, take_backup, Reason, RETENTION};
use crate::store::Store;

pub const INTERVAL: Duration = Duration::from_secs(30 * 60);

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AutoBackupStatus {
    pub last_backup_at: Option<i64>,
    pub last_error: Option<String>,
}

pub type SharedStatus = Arc<Mutex<AutoBackupStatus>>;

/// The start-up snapshot waits at most this long for the first view.
pub const STARTUP_WAIT: Duration = Duration::from_secs(20);

/// Starts the background thread. It holds the store's lock only while a
/// snapshot is written, so saves wait at most that long. A pending start-up
/// snapshot is taken once `first_view_shown` says the first view is on
/// screen (or after [`STARTUP_WAIT`]), so it never delays that view's data.
pub fn spawn(
    store: Arc<Mutex<Store>>,
    dir: PathBuf,
    startup_pending: bool,
    first_view_shown: Receiver<()>,
    status: SharedStatus,
) {
    let spawned = std::thread::Builder::new().name("versus-backups".into()).spawn(move || {
        let mut last_signature = None;
        let mut first = true;
        if startup_pending {
            // A message, a time-out or a closed channel: each means go ahead.
            let _ = first_view_shown.recv_timeout(STARTUP_WAIT);
        }
        drop(first_view_shown);
        loop {
            if !first || !startup_pending {
                std::thread::sleep(INTERVAL);
            }
            let reason = if first && startup_pending { Reason::Startup } else { Reason::Periodic };
            first = false;
            let outcome = run_once(&store, &dir, reason, &mut last_signature);
            let mut status = status.lock().unwrap_or_else(|p| p.into_inner());
            match outcome {
                Ok(true) => {
                    status.last_backup_at = Some(now_ms());
                    status.last_error = None;
                }
                Ok(false) => {}
                Err(err) => {
                    eprintln!("Versus: automatic backup failed: {err}");
                    status.last_error = Some(err.to_string());
                }
            }
        }
    });
    if let Err(err) = spawned {
        eprintln!("Versus: could not start automatic backups: {err}");
    }
}

/// Takes a backup unless nothing changed since the last one; true if it did.
pub fn run_once(
    store: &Mutex<Store>,
    dir: &std::path::Path,
    reason: Reason,
    last_signature: &mut Option<(i64, i64, i64)>,
) -> Result<bool> {
    let store = store.lock().unwrap_or_else(|p| p.into_inner());
    let signature = notes_signature(store.conn())?;
    if reason == Reason::Periodic && *last_signature == Some(signature) {
        return Ok(false);
    }
    take_backup(store.conn(), dir, reason)?;
    *last_signature = Some(signature);
    prune(dir, RETENTION, now_ms())?;
    Ok(true)
}

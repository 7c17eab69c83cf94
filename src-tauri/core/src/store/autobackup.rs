//! The automatic backups while the app runs: the start-up snapshot (when it
//! did not have to be taken before an import), the first backup of a new
//! data folder soon after its first note, and one every interval while
//! notes changed, each followed by pruning to the retention rule.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Serialize;

use crate::clock::now_ms;
use crate::error::Result;
use crate::store::backup::{list_backups, notes_signature, prune, take_backup, Reason, RETENTION};
use crate::store::Store;

pub const INTERVAL: Duration = Duration::from_secs(30 * 60);

/// How often a data folder with no backup yet is looked at for its first note.
pub const FIRST_BACKUP_POLL: Duration = Duration::from_secs(5);

/// When the thread wakes; tests shorten both.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    pub interval: Duration,
    pub first_backup_poll: Duration,
}

pub const TIMING: Timing = Timing { interval: INTERVAL, first_backup_poll: FIRST_BACKUP_POLL };

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
    spawn_with(store, dir, startup_pending, first_view_shown, status, TIMING)
}

/// [`spawn`] with its timing given.
pub fn spawn_with(
    store: Arc<Mutex<Store>>,
    dir: PathBuf,
    startup_pending: bool,
    first_view_shown: Receiver<()>,
    status: SharedStatus,
    timing: Timing,
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
                wait_for_next(&store, &dir, timing);
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

/// Sleeps until the next backup is due. A new data folder has no backup
/// and no start-up one (there was nothing to keep): rather than leave the
/// first day's notes without any until the interval or the next start, the
/// wait ends as soon as a note exists.
fn wait_for_next(store: &Mutex<Store>, dir: &std::path::Path, timing: Timing) {
    let mut waited = Duration::ZERO;
    while waited < timing.interval {
        let step = if has_no_backup(dir) { timing.first_backup_poll } else { timing.interval - waited };
        let step = step.min(timing.interval - waited);
        std::thread::sleep(step);
        waited += step;
        if has_no_backup(dir) && notes_exist(store) {
            return;
        }
    }
}

/// A folder that cannot be read counts as holding backups: the thread then
/// keeps its usual interval, and the backup it takes reports the error.
fn has_no_backup(dir: &std::path::Path) -> bool {
    matches!(list_backups(dir), Ok(backups) if backups.is_empty())
}

/// True also when the store cannot be read: the backup then taken reports why.
fn notes_exist(store: &Mutex<Store>) -> bool {
    let store = store.lock().unwrap_or_else(|p| p.into_inner());
    store.conn().query_row("SELECT EXISTS (SELECT 1 FROM note)", [], |r| r.get(0)).unwrap_or(true)
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

//! Sync in the background: one thread that syncs the store with the shared
//! folder once the first view is on screen, shortly after each local
//! change, when another device's batch lands in the folder (a watcher), and
//! on a timer; and tells the page what it did, so an open comparison shows
//! another device's note without a restart.
//!
//! The folder is `VERSUS_SYNC_DIR` when set (managed machines, tests), else
//! the one chosen in Settings, kept in the store. A folder that is gone or
//! read-only pauses sync with a message; the app works as before and the
//! next wake tries again.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};
use serde::Serialize;
use tauri::{Emitter, Runtime};
use ts_rs::TS;
use versus_core::ops::{self, SyncReport};
use versus_core::store::Store;
use versus_core::study::StudySettings;
use versus_core::sync::folder::SYNC_DIR;
use versus_core::Error;

/// Overrides the folder chosen in Settings.
pub const SYNC_DIR_ENV: &str = "VERSUS_SYNC_DIR";
/// The page's event with the new [`SyncStatus`].
pub const SYNC_EVENT: &str = "sync-status";

/// Quiet after a note is saved before syncing: a note typed is saved every
/// pause, and one sync can carry all of them.
const AFTER_NOTE_CHANGE: Duration = Duration::from_secs(2);
/// Quiet after a grade or a suspension before syncing.
const AFTER_STUDY_CHANGE: Duration = Duration::from_secs(20);
/// A change waits no longer than this, however busy the learner is.
const CHANGE_WAITS_AT_MOST: Duration = Duration::from_secs(60);
/// Quiet after the folder changed: a sync tool writes a file in pieces (a
/// file still being copied is passed over and read next time anyway).
const AFTER_FOLDER_CHANGE: Duration = Duration::from_millis(700);
/// A sync even when nothing woke it: a watcher misses changes on some
/// network and FUSE file systems.
const EVERY: Duration = Duration::from_secs(60);
/// The first sync waits for the first view this long at most.
const FIRST_VIEW_WAIT: Duration = Duration::from_secs(10);
/// How long closing the app waits for its last sync.
const EXIT_WAIT: Duration = Duration::from_secs(5);

/// What the learner changed, which sets how soon it is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// A note: another computer should see it soon.
    Notes,
    /// A grade, an undo, a suspension: studying makes one every few
    /// seconds, and a batch each would fill the folder with small files.
    Study,
}

impl Change {
    fn quiet(self) -> Duration {
        match self {
            Change::Notes => AFTER_NOTE_CHANGE,
            Change::Study => AFTER_STUDY_CHANGE,
        }
    }
}

/// What wakes the sync thread.
#[derive(Debug)]
pub enum Wake {
    /// The first view is on screen, with the study settings in use.
    Started(StudySettings),
    /// The learner changed a setting a card's schedule is computed with.
    Settings(StudySettings),
    LocalChange(Change),
    FolderChanged,
    /// Sync now (Settings > Sync now).
    Now,
    /// The folder was chosen or cleared.
    Reconfigured,
    /// The app is closing: one last sync carries the note saved on close; then say so and stop.
    Exit(Sender<()>),
}

/// Where background sync is, as Settings shows it.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SyncStatus {
    /// The folder synced through, if any.
    pub folder: Option<String>,
    /// The folder comes from `VERSUS_SYNC_DIR`, not from Settings.
    pub from_env: bool,
    pub phase: SyncPhase,
    /// When the last sync ended well, in ms.
    pub last_sync: Option<i64>,
    /// Why sync is paused or failed, in words.
    pub problem: Option<String>,
    /// What the last good sync did.
    pub last_report: Option<SyncReport>,
}

#[derive(Debug, Clone, Copy, Serialize, TS, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SyncPhase {
    /// No folder chosen.
    Off,
    /// Waiting for the first view, or for the next wake.
    Waiting,
    Syncing,
    /// The folder is gone or cannot be written: nothing is lost, sync waits.
    Paused,
    /// Something else went wrong; the next wake tries again.
    Failed,
}

impl Default for SyncStatus {
    fn default() -> Self {
        SyncStatus {
            folder: None,
            from_env: false,
            phase: SyncPhase::Waiting,
            last_sync: None,
            problem: None,
            last_report: None,
        }
    }
}

/// The app's side of the sync thread: how to wake it and what it last did.
pub struct SyncHandle {
    wake: Sender<Wake>,
    receiver: Mutex<Option<Receiver<Wake>>>,
    pub status: Arc<Mutex<SyncStatus>>,
}

impl Default for SyncHandle {
    fn default() -> Self {
        let (wake, receiver) = mpsc::channel();
        SyncHandle { wake, receiver: Mutex::new(Some(receiver)), status: Arc::default() }
    }
}

impl SyncHandle {
    pub fn wake(&self, wake: Wake) {
        // No thread to wake (it could not start, or the app is closing): the
        // change is still in the store and goes with the next run's sync.
        let _ = self.wake.send(wake);
    }

    /// Runs a last sync before the app exits, waiting for it a few seconds
    /// at most (a sync folder on a slow network drive must not hold the exit).
    pub fn finish(&self) {
        if self.receiver.lock().unwrap_or_else(|p| p.into_inner()).is_some() {
            return; // never started: nothing to wait for
        }
        let (done, finished) = mpsc::channel();
        if self.wake.send(Wake::Exit(done)).is_ok() {
            let _ = finished.recv_timeout(EXIT_WAIT);
        }
    }

    pub fn status(&self) -> SyncStatus {
        self.status.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Starts the sync thread (once). It waits on its own for `store`, the
    /// store being opened (None: it could not be, and there is nothing to sync).
    pub fn start<R: Runtime>(
        &self,
        store: impl FnOnce() -> Option<Arc<Mutex<Store>>> + Send + 'static,
        app: tauri::AppHandle<R>,
    ) {
        let Some(receiver) = self.receiver.lock().unwrap_or_else(|p| p.into_inner()).take() else { return };
        let status = self.status.clone();
        let wake = self.wake.clone();
        let run = move || {
            let Some(store) = store() else { return };
            let worker = Worker {
                store,
                status,
                wake,
                emit: Box::new(move |status: &SyncStatus| {
                    // A page that is gone cannot be told; the status is still kept.
                    let _ = app.emit(SYNC_EVENT, status);
                }),
                settings: StudySettings::default(),
                watcher: None,
            };
            worker.run(receiver);
        };
        let spawned = std::thread::Builder::new().name("versus-sync".into()).spawn(run);
        if let Err(err) = spawned {
            let mut status = self.status.lock().unwrap_or_else(|p| p.into_inner());
            status.phase = SyncPhase::Failed;
            status.problem = Some(format!("sync could not start: {err}"));
        }
    }
}

/// The folder to sync through: the environment's, else the one chosen.
pub fn resolve_folder(store: &Store) -> Result<(Option<PathBuf>, bool), Error> {
    match std::env::var_os(SYNC_DIR_ENV).filter(|dir| !dir.is_empty()) {
        Some(dir) => Ok((Some(PathBuf::from(dir)), true)),
        None => Ok((ops::sync_folder(store)?, false)),
    }
}

/// When the next sync is due.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Plan {
    /// For the learner's changes: a later change moves it later (one sync
    /// for a burst of saves or grades), but never past a minute after the
    /// first change not yet synced.
    change_due: Option<Instant>,
    changed_since: Option<Instant>,
    /// For anything else (the folder changed, Sync now, the timer): never
    /// moved later by a change.
    other_due: Option<Instant>,
}

impl Plan {
    fn due(&self) -> Option<Instant> {
        match (self.change_due, self.other_due) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn changed(&mut self, change: Change, now: Instant) {
        let first = *self.changed_since.get_or_insert(now);
        self.change_due = Some((now + change.quiet()).min(first + CHANGE_WAITS_AT_MOST));
    }

    fn soon(&mut self, at: Instant) {
        self.other_due = Some(self.other_due.map_or(at, |due| due.min(at)));
    }
}

struct Worker {
    store: Arc<Mutex<Store>>,
    status: Arc<Mutex<SyncStatus>>,
    wake: Sender<Wake>,
    emit: Box<dyn Fn(&SyncStatus) + Send>,
    settings: StudySettings,
    /// Watches the folder the last sync used, and which folder that is.
    watcher: Option<(PathBuf, notify::RecommendedWatcher)>,
}

impl Worker {
    fn run(mut self, receiver: Receiver<Wake>) {
        // The first sync waits for the first view, so it never competes with it.
        match receiver.recv_timeout(FIRST_VIEW_WAIT) {
            Ok(Wake::Started(settings) | Wake::Settings(settings)) => self.settings = settings,
            Ok(Wake::Exit(done)) => return self.last_sync(done),
            Ok(_) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        let mut plan = Plan { other_due: Some(Instant::now()), ..Plan::default() };
        loop {
            if plan.due().is_some_and(|at| at <= Instant::now()) {
                self.sync_once();
                plan = Plan::default();
            }
            let wait = plan.due().map_or(EVERY, |at| at.saturating_duration_since(Instant::now()));
            match receiver.recv_timeout(wait) {
                Ok(Wake::Started(settings) | Wake::Settings(settings)) => self.settings = settings,
                Ok(Wake::LocalChange(change)) => plan.changed(change, Instant::now()),
                Ok(Wake::FolderChanged) => plan.soon(Instant::now() + AFTER_FOLDER_CHANGE),
                Ok(Wake::Now | Wake::Reconfigured) => plan.soon(Instant::now()),
                Ok(Wake::Exit(done)) => return self.last_sync(done),
                Err(RecvTimeoutError::Timeout) => plan.soon(Instant::now()),
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
    }

    fn last_sync(mut self, done: Sender<()>) {
        self.sync_once();
        let _ = done.send(());
    }

    fn set_status(&self, change: impl FnOnce(&mut SyncStatus)) {
        let status = {
            let mut status = self.status.lock().unwrap_or_else(|p| p.into_inner());
            change(&mut status);
            status.clone()
        };
        (self.emit)(&status);
    }

    fn sync_once(&mut self) {
        let outcome = {
            // A panic while holding the lock leaves SQLite consistent (the
            // transaction rolls back), so a poisoned lock is still usable.
            let mut store = self.store.lock().unwrap_or_else(|p| p.into_inner());
            match resolve_folder(&store) {
                Ok((None, _)) => Ok((None, false, None)),
                Ok((Some(folder), from_env)) => {
                    self.set_status(|s| {
                        s.phase = SyncPhase::Syncing;
                        s.folder = Some(folder.display().to_string());
                        s.from_env = from_env;
                    });
                    let now = versus_core::clock::now_ms();
                    ops::sync(&mut store, &folder, now, self.settings)
                        .map(|report| (Some(folder), from_env, Some(report)))
                }
                Err(err) => Err(err),
            }
        };
        match outcome {
            Ok((None, _, _)) => {
                self.watcher = None;
                self.set_status(|s| *s = SyncStatus { phase: SyncPhase::Off, ..SyncStatus::default() });
            }
            Ok((Some(folder), from_env, report)) => {
                self.watch(&folder);
                self.set_status(|s| {
                    s.folder = Some(folder.display().to_string());
                    s.from_env = from_env;
                    s.phase = SyncPhase::Waiting;
                    s.problem = None;
                    s.last_sync = Some(versus_core::clock::now_ms());
                    s.last_report = report;
                });
            }
            Err(err) => {
                let phase = if matches!(err, Error::SyncFolder { .. }) {
                    SyncPhase::Paused
                } else {
                    SyncPhase::Failed
                };
                self.set_status(|s| {
                    s.phase = phase;
                    s.problem = Some(err.to_string());
                });
            }
        }
    }

    /// Watches `<folder>/versus-sync` (or the folder, until that exists) for
    /// other devices' batches; a watcher that cannot start leaves the timer.
    fn watch(&mut self, folder: &Path) {
        let inner = folder.join(SYNC_DIR);
        let (target, mode) = if inner.is_dir() {
            (inner, RecursiveMode::Recursive)
        } else {
            (folder.to_path_buf(), RecursiveMode::NonRecursive)
        };
        if self.watcher.as_ref().is_some_and(|(watched, _)| *watched == target) {
            return;
        }
        self.watcher = None;
        let wake = Mutex::new(self.wake.clone());
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            // Reading a batch is an access, not a change; our own writes
            // wake one sync that finds nothing new to send.
            if event.is_ok_and(|e| !e.kind.is_access()) {
                let _ = wake.lock().unwrap_or_else(|p| p.into_inner()).send(Wake::FolderChanged);
            }
        });
        match watcher.and_then(|mut w| w.watch(&target, mode).map(|()| w)) {
            Ok(watcher) => self.watcher = Some((target, watcher)),
            Err(err) => {
                eprintln!("Versus: the sync folder cannot be watched ({err}); it is synced every minute")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: fn(u64) -> Duration = Duration::from_secs;

    #[test]
    fn a_burst_of_note_saves_is_one_sync_two_seconds_after_the_last() {
        let t0 = Instant::now();
        let mut plan = Plan::default();
        plan.changed(Change::Notes, t0);
        plan.changed(Change::Notes, t0 + S(1));
        assert_eq!(plan.due(), Some(t0 + S(3)));
    }

    #[test]
    fn grades_wait_twenty_seconds_of_quiet_but_never_more_than_a_minute() {
        let t0 = Instant::now();
        let mut plan = Plan::default();
        plan.changed(Change::Study, t0);
        assert_eq!(plan.due(), Some(t0 + S(20)));
        // A grade every 5 s: the sync still runs a minute after the first.
        for i in 1..=20 {
            plan.changed(Change::Study, t0 + S(5 * i));
        }
        assert_eq!(plan.due(), Some(t0 + S(60)));
    }

    #[test]
    fn a_change_never_postpones_a_sync_the_folder_or_the_learner_asked_for() {
        let t0 = Instant::now();
        let mut plan = Plan::default();
        plan.soon(t0 + AFTER_FOLDER_CHANGE);
        plan.changed(Change::Study, t0);
        assert_eq!(plan.due(), Some(t0 + AFTER_FOLDER_CHANGE));
        plan.soon(t0 + S(5));
        assert_eq!(plan.due(), Some(t0 + AFTER_FOLDER_CHANGE), "a later ask keeps the earlier one");
        assert_eq!(Plan::default().due(), None, "nothing due: the timer decides");
    }
}

//! What the app holds while it runs: the store, opened on a thread of its own.
//!
//! Opening the store (health check, migrations, the library's hash check or
//! import) takes 20–150 ms. Done in Tauri's `setup` it would hold the main
//! thread, which is the thread that serves the window its page, so the page
//! could not start loading until the store was open. On its own thread
//! (started in `lib.rs` once the single-instance check is done) the two
//! overlap; a command that needs the store waits for it on a blocking thread,
//! never on the main one.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, OnceLock};

use versus_core::store::autobackup::{self, SharedStatus};
use versus_core::store::backup::backup_dir;
use versus_core::store::lock::DataDirLock;
use versus_core::store::recovery::Recovery;
use versus_core::store::startup;
use versus_core::store::{ImportReport, Store};
use versus_core::Error;

use super::{CommandError, CommandResult};
use crate::background_sync::Change;

/// The outcome of opening the store, set once.
pub(super) struct Opened {
    pub store: Result<Arc<Mutex<Store>>, CommandError>,
    pub import: ImportReport,
    pub recovery: Option<Recovery>,
}

pub struct AppState {
    pub(super) data_dir: PathBuf,
    opened: Arc<OnceLock<Opened>>,
    pub(super) backups: SharedStatus,
    /// Tells the automatic backups that the first view is on screen, so the
    /// start-up snapshot never holds the store while that view loads.
    first_view: Mutex<Option<Sender<()>>>,
    /// The data folder's lock, held for the whole run (None when the folder
    /// could not even be locked: opening the store then says why).
    _lock: Option<DataDirLock>,
    /// Test seam: see [`super::data::DIALOG_SEAM_VAR`].
    pub(super) dialog_seam: Option<PathBuf>,
    /// Pack files opened in this run.
    pub pack_files: super::packs::PackFiles,
    /// The schedule optimization under way, if any.
    pub(super) optimizing: super::schedule::Optimizing,
    /// Sync with other devices, in the background.
    pub(super) sync: crate::background_sync::SyncHandle,
}

impl AppState {
    /// Starts opening (and if need be repairing) the store on its own thread
    /// and returns at once. The automatic backups start once it is open.
    pub fn open_in_background(data_dir: PathBuf, lock: Option<DataDirLock>) -> AppState {
        let opened = Arc::new(OnceLock::new());
        let backups = SharedStatus::default();
        let (first_view, first_view_shown) = mpsc::channel();
        let state = AppState {
            data_dir: data_dir.clone(),
            opened: opened.clone(),
            backups: backups.clone(),
            first_view: Mutex::new(Some(first_view)),
            _lock: lock,
            dialog_seam: super::data::dialog_seam_from_env(),
            pack_files: Default::default(),
            optimizing: Default::default(),
            sync: Default::default(),
        };
        let spawned = std::thread::Builder::new().name("versus-open-store".into()).spawn(move || {
            let _ = opened.set(open_store(&data_dir, backups, first_view_shown));
        });
        if let Err(err) = spawned {
            let _ = state.opened.set(Opened {
                store: Err(CommandError::internal(format!("the store could not be opened: {err}"))),
                import: ImportReport::default(),
                recovery: None,
            });
        }
        state
    }

    /// The store's outcome, waiting for the opening thread if it is still at work.
    /// Blocks: commands call it on a blocking thread; the main thread only at exit.
    pub(super) fn opened(&self) -> &Opened {
        self.opened.wait()
    }

    /// Starts syncing in the background; the sync thread waits for the store.
    pub fn start_sync<R: tauri::Runtime>(&self, app: tauri::AppHandle<R>) {
        let opened = self.opened.clone();
        self.sync.start(move || opened.wait().store.clone().ok(), app);
    }

    /// Tells background sync that the learner changed something it carries.
    pub(super) fn changed(&self, change: Change) {
        self.sync.wake(crate::background_sync::Wake::LocalChange(change));
    }

    /// Called once the first view has rendered with its data.
    pub fn first_view_shown(&self) {
        let sender = self.first_view.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(sender) = sender {
            // The backup thread may be gone (it failed to start): nothing to tell.
            let _ = sender.send(());
        }
    }

    /// The last sync, so the note saved as the window closed reaches the
    /// other devices now, not at the next start; called when the app exits.
    pub fn finish_sync(&self) {
        self.sync.finish();
    }

    /// Folds the WAL into the database file; called when the app exits.
    /// Waits for a store still being opened, so an import is never cut short.
    pub fn checkpoint(&self) {
        if let Ok(store) = &self.opened().store {
            let store = store.lock().unwrap_or_else(|p| p.into_inner());
            if let Err(err) = store.checkpoint() {
                eprintln!("Versus: checkpoint at exit failed: {err}");
            }
        }
    }

    /// Runs `work` on the store on a blocking thread, off the UI's event loop.
    pub(super) async fn with_store<T, F>(&self, work: F) -> CommandResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, Error> + Send + 'static,
    {
        self.with_opened(move |opened| {
            let store = opened.store.clone()?;
            // A panic while holding the lock leaves SQLite consistent (the
            // transaction rolls back on drop), so a poisoned lock is still usable.
            let mut guard = store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            work(&mut guard).map_err(CommandError::from)
        })
        .await?
    }

    /// [`Self::with_store`] for work that changes what sync carries: once it
    /// succeeds, background sync is told, and sends it shortly.
    pub(super) async fn with_store_changing<T, F>(&self, change: Change, work: F) -> CommandResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, Error> + Send + 'static,
    {
        let done = self.with_store(work).await?;
        self.changed(change);
        Ok(done)
    }

    /// Runs `read` on the opening's outcome on a blocking thread, once it is known.
    pub(super) async fn with_opened<T, F>(&self, read: F) -> CommandResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Opened) -> T + Send + 'static,
    {
        let opened = self.opened.clone();
        tauri::async_runtime::spawn_blocking(move || read(opened.wait()))
            .await
            .map_err(|err| CommandError::internal(err.to_string()))
    }
}

fn open_store(data_dir: &Path, backups: SharedStatus, first_view_shown: Receiver<()>) -> Opened {
    // A panic here must still answer every waiting command, never leave them waiting.
    let started = match std::panic::catch_unwind(|| startup::start(data_dir)) {
        Ok(outcome) => outcome.map_err(CommandError::from),
        Err(panic) => {
            let reason = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(CommandError::internal(format!("opening the library failed unexpectedly: {reason}")))
        }
    };
    crate::probe::mark("store_opened");
    match started {
        Ok(started) => {
            let store = Arc::new(Mutex::new(started.store));
            autobackup::spawn(
                store.clone(),
                backup_dir(data_dir),
                started.startup_backup_pending,
                first_view_shown,
                backups,
            );
            Opened { store: Ok(store), import: started.import, recovery: started.recovery }
        }
        Err(err) => Opened { store: Err(err), import: ImportReport::default(), recovery: None },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_wait_for_the_store_opening_in_the_background() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let state =
            AppState::open_in_background(dir.path().to_path_buf(), DataDirLock::acquire(dir.path()).ok());
        let count = tauri::async_runtime::block_on(
            state.with_store(|store| versus_core::ops::list_comparisons(store).map(|all| all.len())),
        );
        assert!(count.expect("the store opened") >= 60, "the shipped library was imported");
        let imported = tauri::async_runtime::block_on(state.with_opened(|opened| opened.import.ran));
        assert_eq!(imported, Ok(true), "a new data folder imports the library");
    }

    #[test]
    fn a_store_that_cannot_open_answers_every_command_with_its_error() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        // A file where the data folder should be: the store cannot be opened.
        let not_a_folder = dir.path().join("file");
        std::fs::write(&not_a_folder, b"not a folder").expect("write");
        let state = AppState::open_in_background(not_a_folder, None);
        let err = tauri::async_runtime::block_on(state.with_store(|_| Ok(()))).expect_err("no store");
        assert_eq!(err.code, "io");
        let again = tauri::async_runtime::block_on(state.with_store(|_| Ok(()))).expect_err("still no store");
        assert_eq!(again, err, "the same answer every time, never a hang");
        // Exit still works: nothing to checkpoint.
        state.checkpoint();
    }
}

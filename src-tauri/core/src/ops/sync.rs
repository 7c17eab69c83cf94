//! Operations of sync through a shared folder.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::store::Store;
use crate::study::StudySettings;
pub use crate::sync::run::SyncReport;
use crate::sync::{notes, reviews, run, state};

/// One sync with the devices sharing `folder`, at wall time `now`, in one
/// transaction: a sync that fails leaves the store as it was. `settings`
/// are the ones a card's schedule is computed with.
pub fn sync(store: &mut Store, folder: &Path, now: i64, settings: StudySettings) -> Result<SyncReport> {
    store.transact("syncing", |tx| run::sync(tx, folder, now, settings))
}

/// Where sync stands, as the Settings view shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SyncState {
    /// This device's id, once it has synced.
    pub device: Option<String>,
    /// The other devices whose batches this one has read.
    pub devices_seen: Vec<String>,
    /// Notes changed here since the last sync.
    pub pending_notes: usize,
    /// Reviews given (or undone, once a sync recorded it) here that no
    /// batch has carried yet.
    pub pending_reviews: usize,
}

/// Where sync stands. Reads only.
pub fn sync_state(store: &Store) -> Result<SyncState> {
    store.read("reading where sync stands", |conn| {
        let devices_seen = conn
            .prepare("SELECT DISTINCT device FROM sync_seen ORDER BY device")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(SyncState {
            device: state::meta(conn, "device")?,
            devices_seen,
            pending_notes: notes::pending_notes(conn)?,
            pending_reviews: reviews::pending_reviews(conn)?,
        })
    })
}

/// The folder the learner chose to sync through, if any. Reads only.
pub fn sync_folder(store: &Store) -> Result<Option<PathBuf>> {
    store.read("reading the sync folder", |conn| Ok(state::meta(conn, "folder")?.map(PathBuf::from)))
}

/// Chooses the folder to sync through, or none. A folder other than the
/// last one gets everything this store knows on the next sync, and its
/// devices' batches are read from the first: it may hold other devices, or none.
pub fn set_sync_folder(store: &mut Store, folder: Option<&Path>) -> Result<()> {
    store.transact("choosing the sync folder", |tx| state::set_folder(tx, folder))
}

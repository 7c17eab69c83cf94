//! Operations of sync through a shared folder.

use std::path::Path;

use crate::error::Result;
use crate::store::Store;
use crate::sync::notes::{self, SyncReport};

/// One sync of notes with the devices sharing `folder`, at wall time `now`,
/// in one transaction: a sync that fails leaves the store as it was.
pub fn sync_notes(store: &mut Store, folder: &Path, now: i64) -> Result<SyncReport> {
    store.transact("syncing notes", |tx| notes::sync_notes(tx, folder, now))
}

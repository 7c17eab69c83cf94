//! Opening the store at start-up: repair from a backup if it is damaged or
//! missing, migrate, take the start-up backup before any content import,
//! import the shipped library if it changed.

use std::path::Path;

use crate::content::{embedded_library, embedded_library_hash};
use crate::error::Result;
use crate::ops;
use crate::store::backup::{backup_dir, take_backup, Reason};
use crate::store::recovery::{check_and_recover, Recovery};
use crate::store::{library_is_current, ImportReport, Origin, Store, DATABASE_FILE};

pub struct Started {
    pub store: Store,
    pub recovery: Option<Recovery>,
    pub import: ImportReport,
    /// The start-up backup is still to be taken (it runs after the first
    /// view when no import had to wait for it).
    pub startup_backup_pending: bool,
}

/// Opens the store in `data_dir`. A repair that could not finish is an
/// error here, so the app never runs (nor takes and prunes backups) on an
/// empty database that stands in for one it failed to restore.
pub fn start(data_dir: &Path) -> Result<Started> {
    let recovery = check_and_recover(data_dir)?;
    let existed = data_dir.join(DATABASE_FILE).exists();
    let mut store = Store::open_in(data_dir)?;
    // A restored backup is itself the snapshot; a new store has nothing to keep.
    let mut backup_pending = existed && recovery.is_none();
    // The fingerprint alone says whether the content changed: parsing and
    // checking 100-odd files is left to the start-ups that import them.
    if library_is_current(store.conn(), &embedded_library_hash(), &Origin::Library)? {
        return Ok(Started {
            store,
            recovery,
            import: ImportReport::default(),
            startup_backup_pending: backup_pending,
        });
    }
    if backup_pending {
        take_backup(store.conn(), &backup_dir(data_dir), Reason::Startup)?;
        backup_pending = false;
    }
    let import = ops::import_content(&mut store, &embedded_library()?, &Origin::Library)?;
    Ok(Started { store, recovery, import, startup_backup_pending: backup_pending })
}

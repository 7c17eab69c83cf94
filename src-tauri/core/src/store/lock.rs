//! One Versus per data folder. The single-instance plugin hands a second
//! launch over to the first through D-Bus; where there is no session bus
//! (a bare X session, some containers) both would run on one database, and a
//! restore in one would delete the other's WAL. An OS file lock on a file in
//! the data folder, held for the app's whole run, makes that impossible: the
//! kernel drops it when the process ends, however it ends.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The lock file, beside the database.
pub const LOCK_FILE: &str = "versus.lock";

/// Held while the app runs; dropping it releases the folder.
#[derive(Debug)]
pub struct DataDirLock {
    _file: File,
    pub path: PathBuf,
}

impl DataDirLock {
    /// Takes the folder's lock, or answers `already_open` at once if another
    /// Versus holds it (never waits).
    pub fn acquire(data_dir: &Path) -> Result<DataDirLock> {
        std::fs::create_dir_all(data_dir).map_err(Error::io("could not create the data folder", data_dir))?;
        let path = data_dir.join(LOCK_FILE);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(Error::io("could not open the lock file", &path))?;
        match file.try_lock() {
            Ok(()) => Ok(DataDirLock { _file: file, path }),
            Err(TryLockError::WouldBlock) => Err(Error::AlreadyOpen { data_dir: data_dir.to_path_buf() }),
            Err(TryLockError::Error(err)) => Err(Error::io("could not lock", &path)(err)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = DataDirLock::acquire(dir.path()).expect("first");
        let err = DataDirLock::acquire(dir.path()).expect_err("second");
        assert_eq!(err.code(), "already_open");
        assert!(err.to_string().contains(&dir.path().display().to_string()), "{err}");
        drop(first);
        DataDirLock::acquire(dir.path()).expect("free again");
    }
}

//! Durable file writes: a temporary name, a sync, a rename, and a sync of the
//! folder, so an interrupted write never leaves a half-written file under the
//! real name and a finished one survives power loss.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The temporary name beside `path` that a durable write goes through.
fn temp_beside(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "file".into());
    path.with_file_name(format!(".{name}.partial"))
}

/// Writes `bytes` to `path` durably.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let temp = temp_beside(path);
    let mut file = File::create(&temp).map_err(Error::io("could not write", &temp))?;
    file.write_all(bytes).and_then(|_| file.sync_all()).map_err(Error::io("could not write", &temp))?;
    finish(&temp, path)
}

/// Makes `dst` a durable copy of `src`.
pub fn copy_durably(src: &Path, dst: &Path) -> Result<()> {
    let temp = temp_beside(dst);
    fs::copy(src, &temp).map_err(Error::io("could not copy", &temp))?;
    sync_file(&temp)?;
    finish(&temp, dst)
}

/// Syncs a file that was written by someone else (SQLite's `VACUUM INTO`).
pub fn sync_file(path: &Path) -> Result<()> {
    File::open(path).and_then(|f| f.sync_all()).map_err(Error::io("could not sync", path))
}

/// Renames a synced temporary file into place and makes the rename durable.
pub fn finish(temp: &Path, path: &Path) -> Result<()> {
    fs::rename(temp, path).map_err(Error::io("could not put in place", path))?;
    if let Some(parent) = path.parent() {
        sync_dir(parent);
    }
    Ok(())
}

/// Makes a rename durable on file systems that need the folder synced too.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = File::open(dir) {
        // Best effort: some file systems refuse fsync on a folder, and the
        // file itself is already synced.
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

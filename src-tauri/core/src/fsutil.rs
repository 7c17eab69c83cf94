//! Durable file writes: a temporary name, a sync, a rename, and a sync of the
//! folder, so an interrupted write never leaves a half-written file under the
//! real name and a finished one survives power loss.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The temporary name beside `path` that a durable write goes through.
fn temp_beside(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "file".into());
    path.with_file_name(format!(".{name}.partial"))
}

/// Writes `bytes` to `path` durably.
/// On failure nothing is left behind: a half-written temporary file would
/// sit in the learner's folder, hidden, until someone wonders what it is.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let temp = temp_beside(path);
    let written = File::create(&temp).map_err(Error::io("could not write", &temp)).and_then(|mut file| {
        file.write_all(bytes).and_then(|_| file.sync_all()).map_err(Error::io("could not write", &temp))
    });
    discard_on_failure(&temp, written.and_then(|_| finish(&temp, path)))
}

/// Makes `dst` a durable copy of `src`; on failure no temporary file is left.
pub fn copy_durably(src: &Path, dst: &Path) -> Result<()> {
    let temp = temp_beside(dst);
    discard_on_failure(&temp, copy_synced(src, &temp).and_then(|_| finish(&temp, dst)))
}

/// Removes the temporary file of a write that failed, and answers its error.
fn discard_on_failure(temp: &Path, outcome: Result<()>) -> Result<()> {
    if outcome.is_err() {
        // The write's own error is the one worth telling; a temporary file
        // that cannot be removed either was most likely never created.
        let _ = fs::remove_file(temp);
    }
    outcome
}

/// Creates a new folder `base` inside `parent`, or `base-2`, `base-3`… when
/// that name is taken, and answers its path. `create_dir` (not `_all`) claims
/// the name atomically, so an export never lands among files already there.
pub fn create_unique_dir(parent: &Path, base: &str) -> Result<PathBuf> {
    for n in 1..=1000u32 {
        let name = if n == 1 { base.to_string() } else { format!("{base}-{n}") };
        let dir = parent.join(name);
        match fs::create_dir(&dir) {
            Ok(()) => {
                sync_dir(parent);
                return Ok(dir);
            }
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(Error::io("could not create the folder", &dir)(err)),
        }
    }
    Err(Error::io("could not create the folder", &parent.join(base))(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "a thousand folders of that name are already there",
    )))
}

/// Copies `src` to `dst` (replacing it) and syncs the copy, but puts it
/// nowhere: the caller checks it before it takes the place of anything.
/// The copy is a new file with default permissions, so a backup someone made
/// read-only still gives a database Versus can write.
pub fn copy_synced(src: &Path, dst: &Path) -> Result<()> {
    let mut from = File::open(src).map_err(Error::io("could not read", src))?;
    let mut to = File::create(dst).map_err(Error::io("could not write", dst))?;
    io::copy(&mut from, &mut to).and_then(|_| to.sync_all()).map_err(Error::io("could not copy to", dst))?;
    Ok(())
}

/// Syncs a file that was written by someone else (SQLite's `VACUUM INTO`).
pub fn sync_file(path: &Path) -> Result<()> {
    File::open(path).and_then(|f| f.sync_all()).map_err(Error::io("could not sync", path))
}

/// Renames `from` to `to` (replacing `to`); false when `from` was not there.
/// The caller syncs the folder once its renames are done.
pub fn rename_if_present(from: &Path, to: &Path, action: &'static str) -> Result<bool> {
    match fs::rename(from, to) {
        Ok(()) => Ok(true),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(err) => Err(Error::io(action, from)(err)),
    }
}

/// Removes `path`; nothing to do when it is not there.
pub fn remove_if_present(path: &Path, action: &'static str) -> Result<()> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(Error::io(action, path)(err)),
    }
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
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = File::open(dir) {
        // Best effort: some file systems refuse fsync on a folder, and the
        // file itself is already synced.
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

//! The SQLite file that holds the library and the learner's notes.

mod import;
mod migrate;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

pub use import::{import_library, library_is_current, sync_embedded_library, ImportReport, LIBRARY_SOURCE};
pub use migrate::{schema_version, LATEST_SCHEMA};

/// File name of the database inside the data folder.
pub const DATABASE_FILE: &str = "versus.db";

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (or creates) the database in `data_dir`.
    pub fn open_in(data_dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(data_dir).map_err(Error::io("could not create the data folder", data_dir))?;
        Store::open(&data_dir.join(DATABASE_FILE))
    }

    /// Opens (or creates) the database at `path`, refusing one from a newer
    /// app version before writing a single byte to it, then migrates it.
    pub fn open(path: &Path) -> Result<Store> {
        if path.exists() {
            refuse_if_newer(path)?;
        }
        let mut conn = Connection::open(path).map_err(|e| not_a_database(path, e))?;
        apply_pragmas(&conn).map_err(|e| not_a_database(path, e))?;
        migrate::migrate(&mut conn, path)?;
        Ok(Store { conn, path: path.to_path_buf() })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Copies the WAL's pages into the database file and empties the WAL, so
    /// the file alone holds everything (done after a large import and at exit).
    pub fn checkpoint(&self) -> Result<()> {
        // A busy result (another connection reading) is not an error: the
        // next checkpoint finishes the job.
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Replaces the whole database with the file `source` (a backup), then
    /// reopens and migrates it. The caller takes a backup of the current
    /// state first; this refuses a source that is damaged or from a newer app.
    pub fn replace_with(&mut self, source: &Path) -> Result<()> {
        crate::backup::check_file(source)?;
        refuse_if_newer(source)?;
        let path = self.path.clone();
        let previous = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        // Closing the last connection checkpoints the WAL into the file and removes it.
        previous.close().map_err(|(_, err)| err)?;
        for companion in crate::backup::companions(&path) {
            if companion.exists() {
                std::fs::remove_file(&companion).map_err(Error::io("could not remove", &companion))?;
            }
        }
        crate::backup::copy_durably(source, &path)?;
        *self = Store::open(&path)?;
        Ok(())
    }
}

fn not_a_database(path: &Path, err: rusqlite::Error) -> Error {
    match err.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
            Error::NotADatabase { path: path.to_path_buf(), reason: err.to_string() }
        }
        _ => Error::Sqlite(err),
    }
}

/// Reads the schema version through a read-only connection, so a database
/// from a newer Versus stays byte-identical when this one refuses it.
pub fn refuse_if_newer(path: &Path) -> Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| not_a_database(path, e))?;
    let found = schema_version(&conn).map_err(|e| match e {
        Error::Sqlite(inner) => not_a_database(path, inner),
        other => other,
    })?;
    if found > LATEST_SCHEMA {
        return Err(Error::NewerSchema { path: path.to_path_buf(), found, supported: LATEST_SCHEMA });
    }
    Ok(())
}

/// Set on every open, outside any transaction (journal_mode cannot change inside one).
fn apply_pragmas(conn: &Connection) -> rusqlite::Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    debug_assert_eq!(mode.to_lowercase(), "wal");
    // FULL: a note whose save returned survives power loss, not only a crash.
    conn.pragma_update(None, "synchronous", "FULL")?;
    if cfg!(target_os = "macos") {
        // Without it, fsync on macOS does not reach the platter.
        conn.pragma_update(None, "fullfsync", "ON")?;
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(())
}

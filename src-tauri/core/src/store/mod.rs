//! The SQLite file that holds the library and the learner's data, and the
//! one way to write to it: [`Store::transact`].

pub mod autobackup;
pub mod backup;
mod import;
mod migrate;
pub mod recovery;
pub mod startup;
mod text_enum;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

pub use import::{import_library, library_is_current, ImportReport, LIBRARY_SOURCE};
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

    /// The connection, for reading. Writes go through [`Store::transact`].
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `work` in one write transaction: it commits when `work` returns
    /// `Ok`, and rolls back otherwise (also when `work` panics), so an
    /// operation that writes twice writes both or nothing. A database error
    /// is named by `operation`. Leaf functions that write take the
    /// transaction, so they cannot run outside one.
    pub fn transact<T>(
        &mut self,
        operation: &'static str,
        work: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        // Immediate: take the write lock now, so a reader elsewhere (a backup)
        // can never make this transaction fail half-way on an upgrade.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| Error::from(e).during(operation))?;
        let value = work(&tx).map_err(|e| e.during(operation))?;
        tx.commit().map_err(|e| Error::from(e).during(operation))?;
        Ok(value)
    }

    /// Runs `read` against the connection, naming its database errors.
    pub fn read<T>(&self, operation: &'static str, read: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        read(&self.conn).map_err(|e| e.during(operation))
    }

    /// The folder the backups of this store go to.
    pub fn backup_dir(&self) -> PathBuf {
        backup::backup_dir(self.path.parent().unwrap_or(Path::new(".")))
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
    pub(crate) fn replace_with(&mut self, source: &Path) -> Result<()> {
        backup::check_file(source)?;
        refuse_if_newer(source)?;
        let path = self.path.clone();
        let previous = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        // Closing the last connection checkpoints the WAL into the file and removes it.
        previous.close().map_err(|(_, err)| err)?;
        for companion in backup::companions(&path) {
            if companion.exists() {
                std::fs::remove_file(&companion).map_err(Error::io("could not remove", &companion))?;
            }
        }
        crate::fsutil::copy_durably(source, &path)?;
        *self = Store::open(&path)?;
        Ok(())
    }
}

fn not_a_database(path: &Path, err: rusqlite::Error) -> Error {
    match err.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
            Error::NotADatabase { path: path.to_path_buf(), reason: err.to_string() }
        }
        _ => Error::from(err),
    }
}

/// Reads the schema version through a read-only connection, so a database
/// from a newer Versus stays byte-identical when this one refuses it.
pub fn refuse_if_newer(path: &Path) -> Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| not_a_database(path, e))?;
    let found = schema_version(&conn).map_err(|e| match e {
        Error::Database { source, .. } => not_a_database(path, source),
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

//! The SQLite file that holds the library and the learner's data, and the
//! one way to write to it: [`Store::transact`].

pub mod autobackup;
pub mod backup;
mod import;
pub mod lock;
mod migrate;
pub mod origin;
pub mod recovery;
pub mod restore_preview;
pub mod startup;
mod text_enum;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

pub use import::{
    comparison_document, comparison_source, import_library, library_is_current, retire_comparison,
    stored_document, upsert_comparison, used_item_ids, ImportReport,
};
pub use migrate::{schema_version, LATEST_SCHEMA};
pub use origin::{Origin, OriginKind};

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

    /// Replaces the whole database with a copy of the backup `source`. The
    /// copy is staged beside the database and checked (a damaged one, or one
    /// from a newer Versus, is refused), opened as a store of its own (so
    /// migrated) and handed to `prepare`, all while this store stays open
    /// and untouched; only then is it swapped in. On any failure this store
    /// is left open on its own file, as it was, and the error says what
    /// failed. The caller takes a backup of the current state first.
    pub(crate) fn replace_with(
        &mut self,
        source: &Path,
        prepare: impl FnOnce(&mut Store) -> Result<()>,
    ) -> Result<()> {
        let staged = backup::stage(source, &self.path)?;
        let prepared = Store::open(&staged)
            .and_then(|mut store| {
                prepare(&mut store)?;
                store.close_standalone()
            })
            .and_then(|()| crate::fsutil::sync_file(&staged));
        if let Err(err) = prepared {
            // The failure is what the learner needs to hear of; a staged copy
            // that cannot be removed now is replaced by the next staging.
            let _ = backup::discard_staged(&self.path);
            return Err(err);
        }
        self.swap_in(&staged)
    }

    /// Closes the store with everything in the database file itself, no
    /// `-wal` beside it, so the file can be moved alone.
    fn close_standalone(self) -> Result<()> {
        let mode: String = self.conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(Error::io("could not fold the write-ahead log into", &self.path)(
                std::io::Error::other("another connection still has it open"),
            ));
        }
        self.conn.close().map_err(|(_, err)| Error::from(err))
    }

    /// Puts the checked copy `staged` in place of this store's file and
    /// reopens. The current file waits aside until the new one has opened;
    /// if any step fails, it goes back and is reopened.
    fn swap_in(&mut self, staged: &Path) -> Result<()> {
        let path = self.path.clone();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let aside = path.with_file_name(format!(".{name}.replaced-{}", crate::clock::now_ms()));
        // Should the current file fail to come back, every call fails on this
        // empty, unwritable stand-in rather than saving notes nowhere.
        let placeholder = Connection::open_in_memory()?;
        placeholder.pragma_update(None, "query_only", "ON")?;
        let current = std::mem::replace(&mut self.conn, placeholder);
        // Closing the last connection checkpoints the WAL into the file and removes it.
        if let Err((conn, err)) = current.close() {
            self.conn = conn;
            let _ = backup::discard_staged(&path);
            return Err(Error::from(err).during("closing the database to restore a backup"));
        }

        if let Err(err) = backup::move_database(&path, &aside, "could not set the current database aside") {
            let _ = backup::discard_staged(&path);
            return Err(self.put_back(&aside, err));
        }
        if let Err(err) = crate::fsutil::finish(staged, &path) {
            let _ = backup::discard_staged(&path);
            return Err(self.put_back(&aside, err));
        }
        match Store::open(&path) {
            Ok(store) => {
                *self = store;
                // The caller's backup holds what the aside file held; one that
                // cannot be removed is only disk space, never used again.
                for file in std::iter::once(aside.clone()).chain(backup::companions(&aside)) {
                    let _ = crate::fsutil::remove_if_present(&file, "could not remove");
                }
                Ok(())
            }
            Err(err) => {
                // The new file, and any log its opening left, is a copy of a backup.
                let removed = backup::move_database(&path, staged, "could not move the restored copy away")
                    .and_then(|_| backup::discard_staged(&path));
                match removed {
                    Ok(()) => Err(self.put_back(&aside, err)),
                    Err(stuck) => Err(stuck),
                }
            }
        }
    }

    /// Moves the current database back from `aside` and reopens it after
    /// `failure`; returns the error to report.
    fn put_back(&mut self, aside: &Path, failure: Error) -> Error {
        let path = self.path.clone();
        // Whichever of the file and its companions had moved come back.
        if let Err(err) = backup::move_database(aside, &path, "could not move the current database back") {
            // Reopening now would create an empty database in its place. The
            // file stays aside; the next start restores the newest backup.
            return err;
        }
        if let Some(parent) = path.parent() {
            crate::fsutil::sync_dir(parent);
        }
        match Store::open(&path) {
            Ok(store) => {
                *self = store;
                failure
            }
            Err(err) => err,
        }
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

//! Start-up health check: a database that cannot be opened or fails
//! `quick_check`, or no usable database at all while backups exist, is
//! replaced by the newest good backup; a file found in its place is moved
//! aside, never deleted.
//!
//! Every step can be cut short and run again. The backup is staged first
//! (copied beside the database, synced, checked) while the database is still
//! where it was; only then is the old file moved aside and the staged copy
//! renamed into place. A crash before the move leaves the old state, which
//! the next start repairs again (replacing the staged copy, never using it
//! unchecked); a crash after it leaves no database, which the next start
//! restores from the same newest good backup.

use std::path::Path;

use rusqlite::Connection;
use serde::Serialize;

use crate::clock::now_ms;
use crate::error::{Error, Result};
use crate::fsutil;
use crate::store::backup::{
    backup_dir, check_file, companions, list_backups, move_database, quick_check_rows, stage, BackupInfo,
    Damage,
};
use crate::store::{refuse_if_newer, schema_version, DATABASE_FILE};

/// What start-up found where a usable database should have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Finding {
    /// A file SQLite cannot open or whose `quick_check` fails.
    Damaged,
    /// No database file.
    Missing,
    /// A 0-byte file (SQLite would take it for a new, empty database).
    Empty,
    /// A readable database without Versus's tables.
    NotVersus,
}

/// What start-up had to repair, for the learner to read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Recovery {
    /// Damaged, or missing, empty or not a Versus database.
    #[ts(inline)]
    pub found: Finding,
    /// Where the file found in place of a usable database now is; none when
    /// there was no file.
    pub damaged_file: Option<String>,
    /// What was wrong with it.
    pub problem: String,
    /// The backup now in use, if there was a good one.
    pub restored_from: Option<String>,
    pub restored_backup_time: Option<i64>,
}

impl Recovery {
    pub fn message(&self) -> String {
        let kept = self
            .damaged_file
            .as_deref()
            .map(|f| format!(" What it found was kept at {f}."))
            .unwrap_or_default();
        match (self.found, &self.restored_from) {
            (Finding::Damaged, Some(name)) => format!(
                "Your notes database was damaged, so Versus restored your newest good backup, {name}. \
                 The damaged file was kept at {} (SQLite reported: {}).",
                self.damaged_file.as_deref().unwrap_or_default(),
                self.problem
            ),
            (Finding::Damaged, None) => format!(
                "Your notes database was damaged and there was no good backup, so Versus started with an empty one. \
                 The damaged file was kept at {} (SQLite reported: {}).",
                self.damaged_file.as_deref().unwrap_or_default(),
                self.problem
            ),
            (_, Some(name)) => format!(
                "Versus found no usable notes database ({}) but found backups, so it restored the newest good one, \
                 {name}.{kept}",
                self.problem
            ),
            (_, None) => format!(
                "Versus found no usable notes database ({}) and no backup it could read, so it started with an \
                 empty one. The backups folder was left as it was.{kept}",
                self.problem
            ),
        }
    }
}

/// Checks the database in `data_dir` before anything writes to it, and
/// repairs it from a backup when it is damaged, or missing, empty or not a
/// Versus database while backups exist. A database written by a newer
/// Versus is not damage: that error is returned untouched. Any error means
/// the repair did not finish: the app must not start on what is there.
pub fn check_and_recover(data_dir: &Path) -> Result<Option<Recovery>> {
    let db = data_dir.join(DATABASE_FILE);
    let Some((found, problem)) = assess(&db)? else {
        return Ok(None);
    };
    let backups = list_backups(&backup_dir(data_dir))?;
    // Logs without their database are what a repair cut short between its
    // two moves leaves; a new database must never be opened beside them.
    let orphans = found == Finding::Missing && companions(&db).iter().any(|c| c.exists());
    if found != Finding::Damaged && backups.is_empty() && !orphans {
        // A first start, or a database just created: nothing to restore.
        return Ok(None);
    }

    let chosen = newest_good(backups);
    let staged = chosen.as_ref().map(|backup| stage(&backup.path, &db)).transpose()?;

    let suffix = if found == Finding::Damaged { "damaged" } else { "unusable" };
    let aside = db.with_file_name(format!("{DATABASE_FILE}.{suffix}-{}", now_ms()));
    let moved = move_database(&db, &aside, "could not move the unusable database aside")?;
    let damaged_file = if moved {
        Some(aside.display().to_string())
    } else if orphans {
        Some(companions(&aside)[0].display().to_string())
    } else {
        None
    };
    match &staged {
        Some(staged) => fsutil::finish(staged, &db)?,
        None => fsutil::sync_dir(data_dir),
    }
    Ok(Some(Recovery {
        found,
        damaged_file,
        problem,
        restored_backup_time: chosen.as_ref().map(|b| b.created_at),
        restored_from: chosen.map(|b| b.file_name),
    }))
}

/// The newest backup that passes `quick_check` and that this Versus can open.
fn newest_good(backups: Vec<BackupInfo>) -> Option<BackupInfo> {
    backups.into_iter().find(|b| check_file(&b.path).is_ok() && refuse_if_newer(&b.path).is_ok())
}

/// What is wrong with the database `db`, if anything, and in words.
fn assess(db: &Path) -> Result<Option<(Finding, String)>> {
    let size = match std::fs::metadata(db) {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Some((Finding::Missing, "there was no database file".into())));
        }
        Err(err) => return Err(Error::io("could not read", db)(err)),
    };
    match health(db) {
        // Version 0: not one migration ran on it, so it holds no Versus data.
        Ok(0) if size == 0 => Ok(Some((Finding::Empty, "the database file was empty (0 bytes)".into()))),
        Ok(0) => Ok(Some((Finding::NotVersus, "the database file held no Versus data".into()))),
        Ok(_) => Ok(None),
        Err(Error::NotADatabase { reason, .. }) => Ok(Some((Finding::Damaged, reason))),
        Err(other) => Err(other),
    }
}

/// Opens the database as SQLite would for the app, runs `quick_check` and
/// returns its schema version. Only what SQLite calls damage counts: a busy
/// or locked file, or any other passing error, is returned as it is and never
/// moves the database aside.
fn health(db: &Path) -> Result<i64> {
    refuse_if_newer(db)?;
    let damaged = |reason: String| Error::NotADatabase { path: db.to_path_buf(), reason };
    let conn =
        Connection::open(db).map_err(
            |e| {
                if is_damage(&e) {
                    damaged(e.to_string())
                } else {
                    Error::from(e)
                }
            },
        )?;
    match quick_check_rows(&conn) {
        Ok(()) => schema_version(&conn),
        Err(Damage::Found(problem)) => Err(damaged(problem)),
        Err(Damage::Unreadable(err)) if is_damage(&err) => Err(damaged(err.to_string())),
        Err(Damage::Unreadable(err)) => Err(Error::from(err)),
    }
}

fn is_damage(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

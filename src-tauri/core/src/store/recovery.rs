//! Start-up health check: a database that cannot be opened or fails
//! `quick_check` is moved aside (never deleted) and the newest good backup
//! takes its place.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;

use crate::clock::now_ms;
use crate::error::{Error, Result};
use crate::fsutil::copy_durably;
use crate::store::backup::{backup_dir, check_file, companions, list_backups, quick_check_rows, Damage};
use crate::store::{refuse_if_newer, DATABASE_FILE};

/// What start-up had to repair, for the learner to read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Recovery {
    /// Where the damaged database now is.
    pub damaged_file: String,
    /// What was wrong with it.
    pub problem: String,
    /// The backup now in use, if there was a good one.
    pub restored_from: Option<String>,
    pub restored_backup_time: Option<i64>,
}

impl Recovery {
    pub fn message(&self) -> String {
        match &self.restored_from {
            Some(name) => format!(
                "Your notes database was damaged, so Versus restored your newest good backup, {name}. \
                 The damaged file was kept at {} (SQLite reported: {}).",
                self.damaged_file, self.problem
            ),
            None => format!(
                "Your notes database was damaged and there was no good backup, so Versus started with an empty one. \
                 The damaged file was kept at {} (SQLite reported: {}).",
                self.damaged_file, self.problem
            ),
        }
    }
}

/// Checks the database in `data_dir` before anything writes to it, and
/// repairs it from a backup when it is damaged. A database written by a
/// newer Versus is not damage: that error is returned untouched.
pub fn check_and_recover(data_dir: &Path) -> Result<Option<Recovery>> {
    let db = data_dir.join(DATABASE_FILE);
    if !db.exists() {
        return Ok(None);
    }
    let problem = match health(&db) {
        Ok(()) => return Ok(None),
        Err(Error::NewerSchema { .. }) => return refuse_if_newer(&db).map(|_| None),
        Err(Error::NotADatabase { reason, .. }) => reason,
        Err(other) => return Err(other),
    };

    let stamp = now_ms();
    let damaged = db.with_file_name(format!("{DATABASE_FILE}.damaged-{stamp}"));
    std::fs::rename(&db, &damaged)
        .map_err(Error::io("could not move the damaged database aside", &damaged))?;
    for companion in companions(&db) {
        if companion.exists() {
            let name = companion.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let aside = companion.with_file_name(format!("{name}.damaged-{stamp}"));
            std::fs::rename(&companion, &aside)
                .map_err(Error::io("could not move a damaged file aside", &aside))?;
        }
    }

    let mut recovery = Recovery {
        damaged_file: damaged.display().to_string(),
        problem,
        restored_from: None,
        restored_backup_time: None,
    };
    for backup in list_backups(&backup_dir(data_dir))? {
        if check_file(&backup.path).is_ok() && refuse_if_newer(&backup.path).is_ok() {
            copy_durably(&backup.path, &db)?;
            recovery.restored_from = Some(backup.file_name);
            recovery.restored_backup_time = Some(backup.created_at);
            break;
        }
    }
    Ok(Some(recovery))
}

/// Opens the database as SQLite would for the app and runs `quick_check`.
/// Only what SQLite calls damage counts: a busy or locked file, or any other
/// passing error, is returned as it is and never moves the database aside.
fn health(db: &PathBuf) -> Result<()> {
    refuse_if_newer(db)?;
    let damaged = |reason: String| Error::NotADatabase { path: db.clone(), reason };
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
        Ok(()) => Ok(()),
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

//! Rolling backups of the store: consistent snapshots written beside it,
//! checked, kept by a retention rule, listed and restored.
//!
//! A snapshot is made with `VACUUM INTO` (a consistent copy as of one read
//! transaction, so notes being saved meanwhile never tear it), written to a
//! temporary name, synced, checked with `quick_check`, then renamed into place.
//!
//! A backup goes back into place (a restore, a start-up recovery) the same
//! way round: it is first staged, copied beside the database, synced and
//! checked, while the database it replaces is still where it was.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::clock::{now_ms, DAY_MS};
use crate::error::{Entity, Error, OrNotFound, Result};
use crate::fsutil;
use crate::store::refuse_if_newer;

/// Folder of the backups, inside the data folder.
pub const BACKUP_DIR: &str = "backups";
const PREFIX: &str = "versus-";
const SUFFIX: &str = ".db";

/// Why a backup was taken; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    Startup,
    Periodic,
    Manual,
    BeforeRestore,
    BeforeImport,
    BeforeMigration,
    /// Before a comparison of the learner's own was deleted for good.
    BeforeDelete,
}

impl Reason {
    const ALL: [Reason; 7] = [
        Reason::Startup,
        Reason::Periodic,
        Reason::Manual,
        Reason::BeforeRestore,
        Reason::BeforeImport,
        Reason::BeforeMigration,
        Reason::BeforeDelete,
    ];

    /// Read back from a file name; `None` for a name Versus never writes.
    pub fn parse(text: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// Taken just before Versus replaced or rewrote the learner's data: the
    /// way back from that change, so kept longer than the rolling backups.
    pub fn is_safety(self) -> bool {
        matches!(
            self,
            Reason::BeforeRestore | Reason::BeforeImport | Reason::BeforeMigration | Reason::BeforeDelete
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Startup => "startup",
            Reason::Periodic => "periodic",
            Reason::Manual => "manual",
            Reason::BeforeRestore => "before-restore",
            Reason::BeforeImport => "before-import",
            Reason::BeforeMigration => "before-migration",
            Reason::BeforeDelete => "before-delete",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    pub file_name: String,
    #[serde(skip)]
    pub path: PathBuf,
    pub created_at: i64,
    pub reason: Reason,
    pub size: u64,
    /// None when the file cannot be read as a Versus database.
    pub note_count: Option<i64>,
}

/// How many backups are kept: the newest `recent`, plus the newest of each of
/// the last `daily_days` days (UTC), plus every safety backup (see
/// [`Reason::is_safety`]) at most `safety_days` old, plus always the newest
/// backup that passes `quick_check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub recent: usize,
    pub daily_days: i64,
    pub safety_days: i64,
}

pub const RETENTION: Retention = Retention { recent: 10, daily_days: 7, safety_days: 30 };

pub fn backup_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUP_DIR)
}

/// Writes a checked snapshot of the database `conn` reads into `dir`.
pub fn take_backup(conn: &Connection, dir: &Path, reason: Reason) -> Result<BackupInfo> {
    fs::create_dir_all(dir).map_err(Error::io("could not create the backup folder", dir))?;
    let mut created_at = now_ms();
    // Two backups in one millisecond (tests, a quick double click) get distinct names.
    while fs::read_dir(dir)
        .map_err(Error::io("could not read the backup folder", dir))?
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().starts_with(&format!("{PREFIX}{created_at:013}-")))
    {
        created_at += 1;
    }
    let name = format!("{PREFIX}{created_at:013}-{}{SUFFIX}", reason.as_str());
    let final_path = dir.join(&name);
    let temp_path = dir.join(format!(".{name}.partial"));
    let _ = fs::remove_file(&temp_path);

    conn.execute("VACUUM INTO ?1", [temp_path.to_string_lossy()])?;
    fsutil::sync_file(&temp_path)?;
    if let Err(err) = check_file(&temp_path) {
        let _ = fs::remove_file(&temp_path);
        return Err(err);
    }
    fsutil::finish(&temp_path, &final_path)?;
    describe(&final_path).ok_or_else(|| Error::NotADatabase {
        path: final_path.clone(),
        reason: "the backup just written cannot be read".into(),
    })
}

/// Runs `quick_check` on a database file through a read-only connection.
pub fn check_file(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    quick_check(&conn).map_err(|reason| Error::NotADatabase { path: path.to_path_buf(), reason })
}

/// `Ok` when SQLite's quick_check finds nothing wrong; otherwise what it found.
pub fn quick_check(conn: &Connection) -> std::result::Result<(), String> {
    match quick_check_rows(conn) {
        Ok(()) => Ok(()),
        Err(Damage::Found(problem)) => Err(problem),
        Err(Damage::Unreadable(err)) => Err(err.to_string()),
    }
}

/// Why a quick_check did not say "ok": damage it found, or an error that
/// stopped it (which may be damage, or only a busy lock).
pub enum Damage {
    Found(String),
    Unreadable(rusqlite::Error),
}

pub fn quick_check_rows(conn: &Connection) -> std::result::Result<(), Damage> {
    let rows: Vec<String> = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut stmt| stmt.query_map([], |r| r.get(0))?.collect())
        .map_err(Damage::Unreadable)?;
    match rows.as_slice() {
        [only] if only == "ok" => Ok(()),
        [only] => Err(Damage::Found(only.clone())),
        [first, rest @ ..] => Err(Damage::Found(format!("{first} and {} more problems", rest.len()))),
        [] => Err(Damage::Found("quick_check returned nothing".into())),
    }
}

/// Every backup in `dir`, newest first.
pub fn list_backups(dir: &Path) -> Result<Vec<BackupInfo>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(Error::io("could not read the backup folder", dir)(err)),
    };
    let mut backups: Vec<BackupInfo> =
        entries.filter_map(|e| e.ok()).filter_map(|e| describe(&e.path())).collect();
    backups.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.file_name.cmp(&a.file_name)));
    Ok(backups)
}

/// Reads a backup's time and reason from its name, and its size and note count.
fn describe(path: &Path) -> Option<BackupInfo> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (time, reason) = stem.split_once('-')?;
    let created_at = time.parse().ok()?;
    // A name Versus does not write is someone else's file, not a backup.
    let reason = Reason::parse(reason)?;
    let size = fs::metadata(path).ok()?.len();
    let note_count =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .and_then(|c| c.query_row("SELECT count(*) FROM note", [], |r| r.get(0)))
            .ok();
    Some(BackupInfo {
        file_name: name.to_string(),
        path: path.to_path_buf(),
        created_at,
        reason,
        size,
        note_count,
    })
}

/// The backups the retention rule keeps, given all of them newest first.
/// `passes_check` says whether a backup passes `quick_check`; it is asked
/// newest first and only until one does.
pub fn kept_by(
    backups: &[BackupInfo],
    retention: Retention,
    now: i64,
    mut passes_check: impl FnMut(&BackupInfo) -> bool,
) -> BTreeSet<String> {
    let mut keep: BTreeSet<String> =
        backups.iter().take(retention.recent).map(|b| b.file_name.clone()).collect();
    let today = now.div_euclid(DAY_MS);
    let mut days_seen = BTreeSet::new();
    for backup in backups {
        let day = backup.created_at.div_euclid(DAY_MS);
        if today - day < retention.daily_days && days_seen.insert(day) {
            keep.insert(backup.file_name.clone());
        }
        if backup.reason.is_safety() && now - backup.created_at <= retention.safety_days * DAY_MS {
            keep.insert(backup.file_name.clone());
        }
    }
    // When every newer backup is damaged, this one is the only way back,
    // however old it is.
    if let Some(good) = backups.iter().find(|b| passes_check(b)) {
        keep.insert(good.file_name.clone());
    }
    keep
}

/// Deletes the backups the retention rule does not keep; returns their names.
pub fn prune(dir: &Path, retention: Retention, now: i64) -> Result<Vec<String>> {
    let backups = list_backups(dir)?;
    // A backup that cannot be checked for any reason counts as not good: the
    // search goes on to an older one, so more is kept, never less.
    let keep = kept_by(&backups, retention, now, |b| check_file(&b.path).is_ok());
    let mut removed = Vec::new();
    for backup in backups.into_iter().filter(|b| !keep.contains(&b.file_name)) {
        fs::remove_file(&backup.path).map_err(Error::io("could not remove an old backup", &backup.path))?;
        removed.push(backup.file_name);
    }
    Ok(removed)
}

/// Finds a backup by file name, refusing anything that is not one (no paths).
pub fn find_backup(dir: &Path, file_name: &str) -> Result<BackupInfo> {
    list_backups(dir)?.into_iter().find(|b| b.file_name == file_name).or_not_found(Entity::Backup, file_name)
}

/// Where a backup is staged beside the database `db` before it replaces it.
pub fn staged_path(db: &Path) -> PathBuf {
    let name = db.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    db.with_file_name(format!(".{name}.staged"))
}

/// Copies the backup `source` to [`staged_path`] beside `db`, syncs the copy
/// and checks it (`quick_check`, and not from a newer Versus), touching
/// nothing else. A staged copy left by an interrupted restore or recovery is
/// replaced, never used. On failure no staged copy is left.
pub fn stage(source: &Path, db: &Path) -> Result<PathBuf> {
    let staged = staged_path(db);
    discard_staged(db)?;
    let checked = fsutil::copy_synced(source, &staged)
        .and_then(|()| check_file(&staged))
        .and_then(|()| refuse_if_newer(&staged))
        .map_err(|err| match err {
            // The learner chose the backup, not the staged name: name the backup.
            Error::NotADatabase { reason, .. } => Error::NotADatabase {
                path: source.to_path_buf(),
                reason: format!("its copy failed the check: {reason}"),
            },
            Error::NewerSchema { found, supported, .. } => {
                Error::NewerSchema { path: source.to_path_buf(), found, supported }
            }
            other => other,
        });
    if let Err(err) = checked {
        // The error that stopped the staging is the one to report; a copy
        // that cannot be removed now is replaced by the next staging.
        let _ = discard_staged(db);
        return Err(err);
    }
    Ok(staged)
}

/// Removes the staged copy beside `db` and its companions. It is only ever a
/// copy of a backup, so nothing is lost; its old `-wal` left beside a new
/// copy would be read into it.
pub fn discard_staged(db: &Path) -> Result<()> {
    let staged = staged_path(db);
    for path in std::iter::once(staged.clone()).chain(companions(&staged)) {
        fsutil::remove_if_present(&path, "could not remove the leftover staged copy")?;
    }
    Ok(())
}

/// Moves the database `from`, and whichever of its `-wal` and `-shm` exist,
/// to `to` (the companions keep their suffixes, so SQLite pairs them again
/// there). True when the database file itself was there. The folder is
/// not synced: the caller does so once its renames are done.
pub fn move_database(from: &Path, to: &Path, action: &'static str) -> Result<bool> {
    // The file first: moved without its log it is never used (the next start
    // sees it missing), while a log left behind is moved on the next run.
    let moved = fsutil::rename_if_present(from, to, action)?;
    for (companion, target) in companions(from).iter().zip(companions(to).iter()) {
        fsutil::rename_if_present(companion, target, action)?;
    }
    Ok(moved)
}

/// A database's `-wal` and `-shm` companions.
pub fn companions(db: &Path) -> [PathBuf; 2] {
    let name = db.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    [db.with_file_name(format!("{name}-wal")), db.with_file_name(format!("{name}-shm"))]
}

/// A fingerprint of the notes: it changes whenever a note is saved, cleared or restored.
pub fn notes_signature(conn: &Connection) -> Result<(i64, i64, i64)> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM note), (SELECT coalesce(max(updated_at), 0) FROM note),
                (SELECT coalesce(max(id), 0) FROM note_version)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?)
}

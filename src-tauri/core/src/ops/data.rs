//! Operations on the learner's data as a whole: backups, restore, export and
//! import of notes.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::clock::now_ms;
use crate::error::Result;
use crate::fsutil::write_atomically;
use crate::notes::export::{self, ExportSummary, Progress};
use crate::notes::file::NotesFile;
use crate::notes::import::{self, ImportSummary};
use crate::ops::sync_embedded_library;
use crate::store::autobackup::AutoBackupStatus;
use crate::store::backup::{self, BackupInfo, Reason, RETENTION};
use crate::store::restore_preview::{self, RestorePreview};
use crate::store::Store;

#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupList {
    pub backups: Vec<BackupInfo>,
    pub folder: String,
    pub automatic: AutoBackupStatus,
    pub keep_recent: usize,
    pub keep_daily_days: i64,
    /// Backups taken before a restore, an import or a migration are kept this long.
    pub keep_safety_days: i64,
}

/// The backups beside `store`, newest first, with the automatic backups' status.
pub fn list_backups(store: &Store, automatic: AutoBackupStatus) -> Result<BackupList> {
    let folder = store.backup_dir();
    Ok(BackupList {
        backups: backup::list_backups(&folder)?,
        folder: folder.display().to_string(),
        automatic,
        keep_recent: RETENTION.recent,
        keep_daily_days: RETENTION.daily_days,
        keep_safety_days: RETENTION.safety_days,
    })
}

/// Takes a checked backup now, then prunes to the retention rule.
pub fn backup_now(store: &Store) -> Result<BackupInfo> {
    let folder = store.backup_dir();
    let info = backup::take_backup(store.conn(), &folder, Reason::Manual)?;
    backup::prune(&folder, RETENTION, now_ms())?;
    Ok(info)
}

#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    pub restored: BackupInfo,
    /// The backup of the state just replaced, so the restore can be undone.
    pub safety_backup: BackupInfo,
}

/// What restoring the backup `file_name` would change, counted against the
/// store as it is now; reads only.
pub fn restore_preview(store: &Store, file_name: &str) -> Result<RestorePreview> {
    let chosen = backup::find_backup(&store.backup_dir(), file_name)?;
    store.read("comparing a backup with your data", |conn| restore_preview::preview(conn, chosen))
}

/// Restores the backup `file_name`: first a backup of the current state, then
/// a checked copy of the file, migrated if the backup is older and brought up
/// to this app's library, replaces the store. Until that copy is ready the
/// current database stays open and untouched, so on any failure the notes
/// are as they were (and the safety backup is one more backup).
pub fn restore_backup(store: &mut Store, file_name: &str, progress: Progress<'_>) -> Result<Restored> {
    let folder = store.backup_dir();
    progress(0, 3);
    let chosen = backup::find_backup(&folder, file_name)?;
    let safety_backup = backup::take_backup(store.conn(), &folder, Reason::BeforeRestore)?;
    progress(1, 3);
    store.replace_with(&chosen.path, |restored| {
        progress(2, 3);
        sync_embedded_library(restored).map(|_| ())
    })?;
    progress(3, 3);
    Ok(Restored { restored: chosen, safety_backup })
}

/// Writes one Markdown file per comparison with notes into a new folder
/// inside `parent` (see [`export::export_markdown`]).
pub fn export_markdown(store: &Store, parent: &Path, progress: Progress<'_>) -> Result<ExportSummary> {
    store.read("exporting notes", |conn| export::export_markdown(conn, parent, progress))
}

/// Writes one comparison's notes as Markdown to `path`.
pub fn export_comparison_markdown(store: &Store, comparison_id: &str, path: &Path) -> Result<ExportSummary> {
    let markdown = store.read("exporting notes", |conn| export::comparison_markdown(conn, comparison_id))?;
    write_atomically(path, markdown.text.as_bytes())?;
    Ok(ExportSummary { files: 1, notes: markdown.notes, location: path.display().to_string() })
}

/// Writes every note with its history as one JSON file.
pub fn export_json(store: &Store, path: &Path, progress: Progress<'_>) -> Result<ExportSummary> {
    store.read("exporting notes", |conn| export::export_json(conn, path, progress))
}

/// Merges a notes file into the notes: a backup of the current state first,
/// then every note in one transaction. The file was read and checked whole
/// beforehand, without the store
/// ([`read_notes_file`](crate::notes::file::read_notes_file)): a malformed,
/// foreign, huge or endless file is refused before anything is locked or
/// written.
pub fn import_notes(store: &mut Store, file: &NotesFile, progress: Progress<'_>) -> Result<ImportSummary> {
    backup::take_backup(store.conn(), &store.backup_dir(), Reason::BeforeImport)?;
    store.transact("importing notes", |tx| import::import_notes(tx, file, progress))
}

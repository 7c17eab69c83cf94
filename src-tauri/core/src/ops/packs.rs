//! Operations on content packs: preview, import, the installed list,
//! removal, export, and checking a pack file for its author.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::clock::now_ms;
use crate::content::pack::{read_pack_file, Pack};
use crate::content::{ContentError, ContentErrors};
use crate::error::{Error, Result};
use crate::fsutil::write_atomically;
use crate::notes::export::Progress;
use crate::packs::{self, InstalledPack, PackMeta, PackPreview};
use crate::store::backup::{self, Reason};
use crate::store::{ImportReport, Store};

/// A pack file as read: what importing it would change, or every problem
/// that stops it, each with its path in the file.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PackFileCheck {
    pub file: String,
    pub preview: Option<PackPreview>,
    pub errors: Vec<ContentError>,
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// Reads the pack at `path` and compares it with the store; writes nothing.
pub fn preview_pack(store: &Store, path: &Path) -> Result<PackFileCheck> {
    let file = file_name(path);
    match read_pack_file(path) {
        Ok(pack) => {
            let preview = store
                .read("comparing a pack with your library", |conn| packs::preview(conn, &file, &pack))?;
            Ok(PackFileCheck { file, preview: Some(preview), errors: Vec::new() })
        }
        Err(errors) => Ok(PackFileCheck { file, preview: None, errors }),
    }
}

/// Imports the pack at `path`: read and checked whole first (a bad file
/// changes nothing), a backup, then one transaction.
pub fn import_pack(store: &mut Store, path: &Path, progress: Progress<'_>) -> Result<ImportReport> {
    let file = file_name(path);
    let pack = read_pack_file(path).map_err(|errors| Error::Invalid(ContentErrors(errors)))?;
    install_pack(store, &file, &pack, progress)
}

/// Installs a pack already read and checked.
pub fn install_pack(
    store: &mut Store,
    file: &str,
    pack: &Pack,
    progress: Progress<'_>,
) -> Result<ImportReport> {
    // Refused or with nothing to do, an import changes nothing, not even the
    // backups folder: both are found before the backup. The transaction
    // checks again.
    let preview =
        store.read("comparing a pack with your library", |conn| packs::preview(conn, file, pack))?;
    if !preview.collisions.is_empty() {
        return Err(Error::IdCollision(ContentErrors(preview.collisions)));
    }
    if store.read("comparing a pack with your library", |conn| packs::is_installed(conn, pack))? {
        return Ok(ImportReport::default());
    }
    backup::take_backup(store.conn(), &store.backup_dir(), Reason::BeforeImport)?;
    let report =
        store.transact("importing a pack", |tx| packs::install(tx, file, pack, now_ms(), progress))?;
    store.checkpoint()?;
    Ok(report)
}

pub fn list_packs(store: &Store) -> Result<Vec<InstalledPack>> {
    store.read("listing packs", packs::list_packs)
}

/// Removes a pack; returns how many comparisons were archived.
pub fn remove_pack(store: &mut Store, pack_id: &str) -> Result<usize> {
    store.transact("removing a pack", |tx| packs::remove(tx, pack_id, now_ms()))
}

/// Where a pack was written and what it holds.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportedPack {
    pub comparisons: usize,
    pub location: String,
}

/// Writes the learner's own comparisons `ids` as a pack file at `path`.
pub fn export_pack(store: &Store, meta: &PackMeta, ids: &[String], path: &Path) -> Result<ExportedPack> {
    let pack = store.read("exporting a pack", |conn| packs::build_pack(conn, meta, ids))?;
    write_atomically(path, &pack.to_json())?;
    Ok(ExportedPack { comparisons: pack.comparisons.len(), location: path.display().to_string() })
}

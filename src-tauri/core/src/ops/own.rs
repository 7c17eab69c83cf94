//! Operations on the learner's own comparisons and their drafts.

use crate::clock::now_ms;
use crate::content::draft::{DraftCheck, DraftDocument};
use crate::error::Result;
use crate::own::{self, ArchivedComparison, Deleted, Draft, DraftSummary};
use crate::store::backup::{self, Reason};
use crate::store::Store;

/// Starts a new comparison; returns the draft's id.
pub fn create_draft(store: &mut Store, document: &DraftDocument) -> Result<i64> {
    store.transact("starting a comparison", |tx| own::create_draft(tx, document, now_ms()))
}

/// Saves a draft as the learner types and answers what the editor shows
/// beside its fields.
pub fn save_draft(store: &mut Store, id: i64, document: &DraftDocument) -> Result<DraftCheck> {
    store.transact("saving a draft", |tx| own::save_draft(tx, id, document, now_ms()))
}

/// Checks a draft's text without saving it.
pub fn check_draft(document: &DraftDocument) -> DraftCheck {
    document.check()
}

pub fn get_draft(store: &Store, id: i64) -> Result<Draft> {
    store.read("opening a draft", |conn| own::get_draft(conn, id))
}

pub fn list_drafts(store: &Store) -> Result<Vec<DraftSummary>> {
    store.read("listing drafts", own::list_drafts)
}

pub fn discard_draft(store: &mut Store, id: i64) -> Result<()> {
    store.transact("discarding a draft", |tx| own::discard_draft(tx, id))
}

/// Opens a comparison of the learner's own for editing; returns the draft's id.
pub fn edit_comparison(store: &mut Store, id: &str) -> Result<i64> {
    store.transact("editing a comparison", |tx| own::draft_for_edit(tx, id, now_ms()))
}

/// "Make my own copy": a draft of a new comparison from comparison `id`.
pub fn copy_comparison(store: &mut Store, id: &str) -> Result<i64> {
    store.transact("copying a comparison", |tx| own::draft_for_copy(tx, id, now_ms()))
}

/// Publishes a draft; returns the comparison's id.
pub fn publish_draft(store: &mut Store, id: i64) -> Result<String> {
    store.transact("publishing a comparison", |tx| own::publish_draft(tx, id, now_ms()))
}

pub fn archive_comparison(store: &mut Store, id: &str) -> Result<()> {
    store.transact("archiving a comparison", |tx| own::archive_comparison(tx, id))
}

pub fn restore_comparison(store: &mut Store, id: &str) -> Result<()> {
    store.transact("restoring a comparison", |tx| own::restore_comparison(tx, id, now_ms()))
}

/// Deletes an archived comparison of the learner's own for good, after a
/// backup of everything as it was.
pub fn delete_comparison(store: &mut Store, id: &str) -> Result<Deleted> {
    // Refuse before the backup, so a wrong id costs nothing.
    store.read("deleting a comparison", |conn| own::check_deletable(conn, id))?;
    backup::take_backup(store.conn(), &store.backup_dir(), Reason::BeforeDelete)?;
    store.transact("deleting a comparison", |tx| own::delete_comparison(tx, id))
}

pub fn archived_comparisons(store: &Store) -> Result<Vec<ArchivedComparison>> {
    store.read("listing archived comparisons", own::archived_comparisons)
}

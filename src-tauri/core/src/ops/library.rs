//! Operations on the library: reading it, a comparison's page and recording
//! a visit to it, searching, the dashboard, and importing content.

use serde::Serialize;
use ts_rs::TS;

use crate::clock::now_ms;
use crate::content::{embedded_library, embedded_library_hash, Library};
use crate::error::Result;
use crate::library::{self, CategoryCount, ComparisonPage, ComparisonSummary};
use crate::notes::{self, NoteWithPlace};
use crate::search::{self, SearchQuery, SearchResults};
use crate::store::{import_library, library_is_current, ImportReport, Origin, Store};
use crate::study::cards::sync_cards;
use crate::study::practice::ConfusionPair;
use crate::study::progress::{stats, StudyStats};
use crate::study::{Clock, StudySettings};

pub fn list_comparisons(store: &Store) -> Result<Vec<ComparisonSummary>> {
    store.read("listing the comparisons", library::list_comparisons)
}

pub fn categories(store: &Store) -> Result<Vec<CategoryCount>> {
    store.read("listing the categories", library::categories)
}

/// A comparison's page, with the learner's notes. A pure read: notes can be
/// read even when the database cannot be written (a full disk), and a page
/// shown for another purpose (a drill) does not count as a visit.
pub fn comparison_page(store: &Store, id: &str) -> Result<ComparisonPage> {
    store.read("opening a comparison", |conn| library::get_comparison(conn, id))
}

/// Records that the learner opened a comparison's page, for "recently viewed".
pub fn record_view(store: &mut Store, id: &str) -> Result<()> {
    store.transact("recording a view", |tx| library::record_view(tx, id, now_ms()))
}

pub fn search(store: &Store, query: &SearchQuery) -> Result<SearchResults> {
    store.read("searching", |conn| search::search(conn, query))
}

#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    pub study: StudyStats,
    pub comparison_count: usize,
    pub viewed_count: i64,
    pub with_notes: usize,
    pub note_count: i64,
    /// Notes on items the library no longer has current (`#/archived`).
    pub archived_count: usize,
    /// Comparisons of the learner's own that are archived, restorable.
    pub archived_comparisons: usize,
    pub categories: Vec<CategoryCount>,
    pub recent_views: Vec<ComparisonSummary>,
    pub recent_notes: Vec<NoteWithPlace>,
    /// The three pairs of subjects the learner mixes up most.
    pub confusions: Vec<ConfusionPair>,
}

/// Everything the dashboard shows, in one call: it is the usual first view.
pub fn dashboard(store: &Store, clock: Clock, settings: StudySettings) -> Result<Dashboard> {
    store.read("reading the dashboard", |conn| {
        let all = library::list_comparisons(conn)?;
        Ok(Dashboard {
            study: stats(conn, clock, settings)?,
            comparison_count: all.len(),
            viewed_count: library::viewed_count(conn)?,
            with_notes: all.iter().filter(|c| c.note_count > 0).count(),
            note_count: notes::count_notes(conn)?,
            archived_count: notes::archived_notes(conn)?.len(),
            archived_comparisons: crate::own::archived_comparisons(conn)?.len(),
            categories: library::categories(conn)?,
            recent_views: library::recent_views(conn, 6)?,
            recent_notes: notes::recent_notes(conn, 6)?,
            confusions: crate::study::practice::confusion_pairs(conn, 3)?,
        })
    })
}

/// Imports `library` under `source` and makes the cards it calls for, in one
/// transaction, unless the same content was already imported (its hash is
/// stored). The database is checkpointed after an import, so the file alone
/// holds it.
pub fn import_content(store: &mut Store, library: &Library, source: &Origin) -> Result<ImportReport> {
    if store.read("checking the library", |conn| library_is_current(conn, &library.hash, source))? {
        return Ok(ImportReport::default());
    }
    let report = store.transact("importing the library", |tx| {
        let report = import_library(tx, library, source, &mut |_, _| {})?;
        sync_cards(tx)?;
        Ok(report)
    })?;
    store.checkpoint()?;
    Ok(report)
}

/// Imports the library compiled into the app, if it changed.
pub fn sync_embedded_library(store: &mut Store) -> Result<ImportReport> {
    let hash = embedded_library_hash();
    if store.read("checking the library", |conn| library_is_current(conn, &hash, &Origin::Library))? {
        return Ok(ImportReport::default());
    }
    import_content(store, &embedded_library()?, &Origin::Library)
}

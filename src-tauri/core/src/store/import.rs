//! Content import: an upsert by stable ids that never deletes a row, so the
//! learner's notes (keyed by those ids) always stay attached. The same
//! upsert publishes a learner's own comparison and installs a pack's.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::clock::now_ms;
use crate::content::{Comparison, Library, Section};
use crate::error::{Entity, Error, OrNotFound, Result};
use crate::notes::export::Progress;
use crate::store::origin::Origin;

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct ImportReport {
    /// False when the content was unchanged since the last import and nothing ran.
    pub ran: bool,
    pub comparisons: usize,
    pub items: usize,
    pub retired_items: usize,
    pub retired_comparisons: usize,
    /// Comparisons left alone because their id belongs to another source
    /// (a learner's own comparison with an id a later library also uses).
    pub skipped: usize,
}

/// True when `library` is what was last imported under `source`.
pub fn library_is_current(conn: &Connection, hash: &str, source: &Origin) -> Result<bool> {
    let stored: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [format!("content_hash:{source}")], |row| {
            row.get(0)
        })
        .optional()?;
    Ok(stored.as_deref() == Some(hash))
}

/// Upserts every comparison of `library` under `source` and records its
/// hash. Items and comparisons of that source that are no longer in it are
/// marked retired; rows are never deleted. The cards that follow from the
/// content are the study domain's business: the content-import operation
/// (`ops::import_content`) makes them in the same transaction.
pub fn import_library(
    tx: &Transaction<'_>,
    library: &Library,
    source: &Origin,
    progress: Progress<'_>,
) -> Result<ImportReport> {
    let hash_key = format!("content_hash:{source}");
    let now = now_ms();
    let mut report = ImportReport { ran: true, ..ImportReport::default() };
    let total = library.comparisons.len();
    for (done, comparison) in library.comparisons.iter().enumerate() {
        match upsert_comparison(tx, comparison, source, now)? {
            Some((items, retired)) => {
                report.comparisons += 1;
                report.items += items;
                report.retired_items += retired;
            }
            None => report.skipped += 1,
        }
        progress(done + 1, total);
    }

    let present: HashSet<&str> = library.comparisons.iter().map(|c| c.id.as_str()).collect();
    let known: Vec<String> = {
        let mut stmt = tx.prepare("SELECT id FROM comparison WHERE source = ?1 AND retired = 0")?;
        let rows = stmt.query_map([source], |row| row.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for id in known.iter().filter(|id| !present.contains(id.as_str())) {
        report.retired_items += retire_comparison(tx, id)?;
        report.retired_comparisons += 1;
    }

    tx.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![hash_key, library.hash],
    )?;
    Ok(report)
}

/// Writes one comparison and its items under `source`, bringing it back if
/// it was retired; its items no longer in it are retired. Returns (items
/// written, items newly retired), or `None`, writing nothing, when the id
/// belongs to another source: one source never overwrites another's.
pub fn upsert_comparison(
    tx: &Transaction<'_>,
    c: &Comparison,
    source: &Origin,
    now: i64,
) -> Result<Option<(usize, usize)>> {
    let tags = serde_json::Value::from(c.tags.iter().map(|t| t.0.clone()).collect::<Vec<_>>()).to_string();
    let document = serde_json::to_string(c).map_err(|err| Error::InvalidArgument(err.to_string()))?;
    let written = tx
        .prepare_cached(
            "INSERT INTO comparison (id, source, title, category, summary, interview_tip, tags, retired, imported_at, document)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?9)
             ON CONFLICT(id) DO UPDATE SET
                 title = excluded.title, category = excluded.category,
                 summary = excluded.summary, interview_tip = excluded.interview_tip, tags = excluded.tags,
                 retired = 0, imported_at = excluded.imported_at, document = excluded.document
             WHERE comparison.source = excluded.source",
        )?
        .execute(params![c.id, source, c.title, c.category, c.summary, c.interview_tip, tags, now, document])?;
    if written == 0 {
        return Ok(None);
    }
    upsert_items(tx, c).map(Some)
}

/// Retires a comparison and all its items: it leaves lists, search and
/// review, and its notes become archived notes. Returns the items retired.
pub fn retire_comparison(tx: &Transaction<'_>, id: &str) -> Result<usize> {
    tx.execute("UPDATE comparison SET retired = 1 WHERE id = ?1", [id])?;
    Ok(tx.execute("UPDATE item SET retired = 1 WHERE comparison_id = ?1 AND retired = 0", [id])?)
}

/// Who a comparison belongs to: its `source` column.
pub fn comparison_source(conn: &Connection, id: &str) -> Result<Option<Origin>> {
    Ok(conn
        .prepare_cached("SELECT source FROM comparison WHERE id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()?)
}

/// A comparison as last imported, in the content format.
pub fn comparison_document(conn: &Connection, id: &str) -> Result<Comparison> {
    stored_document(conn, id)?.ok_or_else(|| {
        Error::InvalidArgument(format!(
            "the comparison {id:?} has no stored document yet; restart Versus to finish its library update"
        ))
    })
}

/// A comparison as last imported, or None while a store from before
/// documents were kept has not re-imported it yet.
pub fn stored_document(conn: &Connection, id: &str) -> Result<Option<Comparison>> {
    let document: Option<String> = conn
        .prepare_cached("SELECT document FROM comparison WHERE id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()?
        .or_not_found(Entity::Comparison, id)?;
    document.map(|d| serde_json::from_str(&d).map_err(|err| Error::damaged_json(0, err))).transpose()
}

/// Every id a part of comparison `id` has had, current or retired.
pub fn used_item_ids(conn: &Connection, id: &str) -> Result<Vec<(Section, String)>> {
    let mut stmt = conn.prepare_cached("SELECT section, item_id FROM item WHERE comparison_id = ?1")?;
    let rows = stmt.query_map([id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Returns (items written, items newly retired).
fn upsert_items(conn: &Connection, c: &Comparison) -> Result<(usize, usize)> {
    let subject_names: HashMap<&str, &str> =
        c.subjects.iter().map(|s| (s.id.as_str(), s.name.as_str())).collect();
    let subject_labels: HashMap<&str, &str> =
        c.subjects.iter().map(|s| (s.id.as_str(), s.category.as_str())).collect();
    let mut upsert = conn.prepare_cached(
        "INSERT INTO item (comparison_id, section, item_id, position, name, label, text, retired)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0)
         ON CONFLICT(comparison_id, section, item_id) DO UPDATE SET
             position = excluded.position, name = excluded.name, label = excluded.label,
             text = excluded.text, retired = 0",
    )?;
    let items = c.items();
    let mut present = HashSet::new();
    for (position, (section, item_id, text)) in items.iter().enumerate() {
        let (name, label) = match section {
            Section::Subject | Section::WhenToUse => {
                (subject_names.get(item_id).copied(), subject_labels.get(item_id).copied())
            }
            _ => (None, None),
        };
        upsert.execute(params![c.id, section, item_id, position as i64, name, label, text])?;
        present.insert((*section, *item_id));
    }
    // Grid rows after every other part: a note can hang on each; the row's
    // label is its name, its values in subject order its text.
    let rows = c.grid_rows();
    for (offset, (row_id, row_label, values)) in rows.iter().enumerate() {
        let position = (items.len() + offset) as i64;
        upsert.execute(params![
            c.id,
            Section::Dimension,
            row_id,
            position,
            row_label,
            None::<&str>,
            values
        ])?;
        present.insert((Section::Dimension, *row_id));
    }

    let existing: Vec<(Section, String)> = {
        let mut stmt = conn
            .prepare_cached("SELECT section, item_id FROM item WHERE comparison_id = ?1 AND retired = 0")?;
        let rows = stmt.query_map([&c.id], |row| Ok((row.get(0)?, row.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut retire = conn.prepare_cached(
        "UPDATE item SET retired = 1 WHERE comparison_id = ?1 AND section = ?2 AND item_id = ?3",
    )?;
    let mut retired = 0;
    for (section, item_id) in existing {
        if !present.contains(&(section, item_id.as_str())) {
            retired += retire.execute(params![c.id, section, item_id])?;
        }
    }
    Ok((items.len() + rows.len(), retired))
}

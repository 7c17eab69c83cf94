//! Comparisons of the learner's own: drafts saved as they type, publishing
//! (an upsert by ids, like a content import), editing, copying a shipped or
//! a pack's comparison, archiving, restoring and deleting for good.

use std::collections::HashSet;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::content::draft::{slug_of, DraftCheck, DraftDocument, UsedIds, MAX_DRAFT_BYTES};
use crate::content::{carry_trust_fields, check_structure, Comparison, ContentError, ContentErrors};
use crate::error::{Entity, Error, OrNotFound, Result};
use crate::store::{
    comparison_document, comparison_source, retire_comparison, upsert_comparison, used_item_ids, Origin,
};
use crate::study::cards::sync_cards;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub id: i64,
    /// The comparison of the learner's own it edits; `None` for a new one.
    pub comparison_id: Option<String>,
    /// The comparison it was copied from, if any.
    pub copied_from: Option<String>,
    pub document: DraftDocument,
    pub updated_at: i64,
    pub check: DraftCheck,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftSummary {
    pub id: i64,
    pub comparison_id: Option<String>,
    pub title: String,
    pub updated_at: i64,
    pub publishable: bool,
}

/// An archived comparison of the learner's own, restorable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArchivedComparison {
    pub id: String,
    pub title: String,
    pub category: String,
    pub note_count: i64,
}

fn document_json(document: &DraftDocument) -> Result<String> {
    let json = serde_json::to_string(document).map_err(|err| Error::InvalidArgument(err.to_string()))?;
    if json.len() > MAX_DRAFT_BYTES {
        return Err(Error::DraftTooLarge { bytes: json.len(), limit: MAX_DRAFT_BYTES });
    }
    Ok(json)
}

/// Starts a draft of a new comparison; returns its id.
pub fn create_draft(tx: &Transaction<'_>, document: &DraftDocument, now: i64) -> Result<i64> {
    insert_draft(tx, None, None, document, now)
}

fn insert_draft(
    tx: &Transaction<'_>,
    comparison_id: Option<&str>,
    copied_from: Option<&str>,
    document: &DraftDocument,
    now: i64,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO draft (comparison_id, copied_from, document, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
        params![comparison_id, copied_from, document_json(document)?, now],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Keeps `comparison`, a revision of the learner's own that another
/// device's concurrent edit replaced here, as a draft titled `title`: an
/// edit of the comparison as [`draft_for_edit`] makes it, so publishing it
/// puts this version back, or a copy when an edit is open already (a
/// comparison has one draft editing it). Answers the draft's id.
pub(crate) fn keep_as_draft(
    tx: &Transaction<'_>,
    comparison: &Comparison,
    title: &str,
    now: i64,
) -> Result<i64> {
    let mut document = DraftDocument::from_comparison(comparison);
    document.title = title.to_string();
    let open: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM draft WHERE comparison_id = ?1)",
        [&comparison.id],
        |r| r.get(0),
    )?;
    if open {
        insert_draft(tx, None, Some(&comparison.id), &document, now)
    } else {
        insert_draft(tx, Some(&comparison.id), None, &document, now)
    }
}

/// Saves what the learner typed; any text at all, checked only on publish.
pub fn save_draft(tx: &Transaction<'_>, id: i64, document: &DraftDocument, now: i64) -> Result<DraftCheck> {
    let json = document_json(document)?;
    let changed =
        tx.execute("UPDATE draft SET document = ?2, updated_at = ?3 WHERE id = ?1", params![id, json, now])?;
    if changed == 0 {
        return Err(Error::not_found(Entity::Draft, id));
    }
    Ok(document.check())
}

pub fn get_draft(conn: &Connection, id: i64) -> Result<Draft> {
    let (comparison_id, copied_from, json, updated_at): (Option<String>, Option<String>, String, i64) = conn
        .prepare_cached("SELECT comparison_id, copied_from, document, updated_at FROM draft WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()
        .or_not_found(Entity::Draft, id)?;
    let document = parse_document(&json)?;
    let check = document.check();
    Ok(Draft { id, comparison_id, copied_from, document, updated_at, check })
}

/// Drafts were written by this app; one that does not read back is a damaged row.
fn parse_document(json: &str) -> Result<DraftDocument> {
    serde_json::from_str(json).map_err(|err| Error::damaged_json(2, err))
}

/// Every draft, newest first.
pub fn list_drafts(conn: &Connection) -> Result<Vec<DraftSummary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, comparison_id, document, updated_at FROM draft ORDER BY updated_at DESC, id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?))
    })?;
    let mut drafts = Vec::new();
    for row in rows {
        let (id, comparison_id, json, updated_at) = row?;
        let document = parse_document(&json)?;
        let publishable = document.check().is_publishable();
        drafts.push(DraftSummary { id, comparison_id, title: document.title, updated_at, publishable });
    }
    Ok(drafts)
}

/// Throws a draft away; a published comparison it edits stays as it was.
pub fn discard_draft(tx: &Transaction<'_>, id: i64) -> Result<()> {
    if tx.execute("DELETE FROM draft WHERE id = ?1", [id])? == 0 {
        return Err(Error::not_found(Entity::Draft, id));
    }
    Ok(())
}

/// The origin of comparison `id`, or not-found.
fn origin_of(conn: &Connection, id: &str) -> Result<Origin> {
    comparison_source(conn, id)?.or_not_found(Entity::Comparison, id)
}

fn require_own(conn: &Connection, id: &str) -> Result<()> {
    match origin_of(conn, id)? {
        Origin::Mine => Ok(()),
        _ => Err(Error::NotOwnComparison(id.to_string())),
    }
}

/// The draft that edits comparison `id` of the learner's own: the one
/// already open, or a new one made from the comparison as published.
pub fn draft_for_edit(tx: &Transaction<'_>, id: &str, now: i64) -> Result<i64> {
    require_own(tx, id)?;
    let open: Option<i64> =
        tx.query_row("SELECT id FROM draft WHERE comparison_id = ?1", [id], |r| r.get(0)).optional()?;
    if let Some(draft) = open {
        return Ok(draft);
    }
    let document = DraftDocument::from_comparison(&comparison_document(tx, id)?);
    insert_draft(tx, Some(id), None, &document, now)
}

/// A draft of a new comparison of the learner's own, copied from comparison
/// `id` (shipped, a pack's or their own); the original is never touched.
pub fn draft_for_copy(tx: &Transaction<'_>, id: &str, now: i64) -> Result<i64> {
    origin_of(tx, id)?;
    let document = DraftDocument::from_comparison(&comparison_document(tx, id)?);
    insert_draft(tx, None, Some(id), &document, now)
}

/// Publishes draft `id`: checked by the rules every comparison meets, then
/// upserted by ids under the learner's own source (a reworded part keeps
/// its note and card, a removed one is retired and its note archived), the
/// cards made, and the draft removed. Returns the comparison's id.
pub fn publish_draft(tx: &Transaction<'_>, id: i64, now: i64) -> Result<String> {
    let draft = get_draft(tx, id)?;
    let comparison_id = match &draft.comparison_id {
        Some(existing) => {
            require_own(tx, existing)?;
            existing.clone()
        }
        None => new_comparison_id(tx, &draft.document.title)?,
    };
    let used = UsedIds(used_item_ids(tx, &comparison_id)?.into_iter().collect());
    let mut comparison = draft.document.to_comparison(&comparison_id, &used);
    // The editor shows no grid, scenarios or sources: what still fits is
    // kept from the comparison this edits or copies.
    if let Some(base_id) = draft.comparison_id.as_ref().or(draft.copied_from.as_ref()) {
        match comparison_document(tx, base_id) {
            Ok(base) => carry_trust_fields(&mut comparison, &base),
            // The original was deleted for good since the copy began.
            Err(Error::NotFound { .. }) => {}
            Err(other) => return Err(other),
        }
    }
    let mut errors = Vec::new();
    check_structure(&comparison, &mut |field, message| {
        errors.push(ContentError::new(comparison.title.clone(), field, message))
    });
    if !errors.is_empty() {
        return Err(Error::Invalid(ContentErrors(errors)));
    }
    if upsert_comparison(tx, &comparison, &Origin::Mine, now)?.is_none() {
        return Err(Error::NotOwnComparison(comparison_id));
    }
    sync_cards(tx)?;
    tx.execute("DELETE FROM draft WHERE id = ?1", [id])?;
    Ok(comparison_id)
}

/// A slug of the title no comparison has ever used ("kafka-vs-pulsar",
/// then "kafka-vs-pulsar-2"...), made once: it never follows the title.
fn new_comparison_id(conn: &Connection, title: &str) -> Result<String> {
    let base = match slug_of(title, 8) {
        slug if slug.is_empty() => "comparison".to_string(),
        slug => slug,
    };
    let taken: HashSet<String> = {
        // An id another device published (or one deleted here for good but
        // known to sync) is taken too: a new comparison is never a revision of it.
        let mut stmt = conn.prepare_cached(
            "SELECT id FROM comparison WHERE id = ?1 OR id LIKE ?1 || '-%'
             UNION SELECT comparison_id FROM comparison_change WHERE comparison_id = ?1 OR comparison_id LIKE ?1 || '-%'",
        )?;
        let rows = stmt.query_map([&base], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut candidate = base.clone();
    let mut number = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}-{number}");
        number += 1;
    }
    Ok(candidate)
}

/// Archives a comparison of the learner's own: it leaves the list, search
/// and review; its notes and cards are kept for a restore.
pub fn archive_comparison(tx: &Transaction<'_>, id: &str) -> Result<()> {
    require_own(tx, id)?;
    retire_comparison(tx, id)?;
    sync_cards(tx)
}

/// Brings an archived comparison of the learner's own back as it was
/// published, with its notes and card schedules.
pub fn restore_comparison(tx: &Transaction<'_>, id: &str, now: i64) -> Result<()> {
    require_own(tx, id)?;
    let comparison = comparison_document(tx, id)?;
    upsert_comparison(tx, &comparison, &Origin::Mine, now)?;
    sync_cards(tx)
}

/// What deleting a comparison for good removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Deleted {
    pub notes: usize,
    pub cards: usize,
}

/// Deletes an archived comparison of the learner's own for good: its parts,
/// notes and their history, cards and their reviews, drills and its draft.
/// The operation takes a backup first.
pub fn delete_comparison(tx: &Transaction<'_>, id: &str) -> Result<Deleted> {
    check_deletable(tx, id)?;
    for table in ["review_log", "undo_step", "cram_log"] {
        tx.execute(
            &format!("DELETE FROM {table} WHERE card_id IN (SELECT id FROM card WHERE comparison_id = ?1)"),
            [id],
        )?;
    }
    let cards = tx.execute("DELETE FROM card WHERE comparison_id = ?1", [id])?;
    let notes = tx.execute("DELETE FROM note WHERE comparison_id = ?1", [id])?;
    for table in ["note_version", "drill", "recent_view", "item", "draft"] {
        tx.execute(&format!("DELETE FROM {table} WHERE comparison_id = ?1"), [id])?;
    }
    tx.execute("DELETE FROM comparison WHERE id = ?1", [id])?;
    Ok(Deleted { notes, cards })
}

/// Fails unless `id` is an archived comparison of the learner's own.
pub fn check_deletable(conn: &Connection, id: &str) -> Result<()> {
    require_own(conn, id)?;
    let retired: bool = conn.query_row("SELECT retired FROM comparison WHERE id = ?1", [id], |r| r.get(0))?;
    if !retired {
        return Err(Error::ComparisonNotArchived(id.to_string()));
    }
    Ok(())
}

/// The learner's own comparisons that are archived, by title.
pub fn archived_comparisons(conn: &Connection) -> Result<Vec<ArchivedComparison>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.title, c.category, (SELECT count(*) FROM note n WHERE n.comparison_id = c.id)
         FROM comparison c WHERE c.source = ?1 AND c.retired = 1 ORDER BY c.title COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([Origin::Mine], |r| {
        Ok(ArchivedComparison { id: r.get(0)?, title: r.get(1)?, category: r.get(2)?, note_count: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

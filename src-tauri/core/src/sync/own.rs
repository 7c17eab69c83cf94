//! The learner's own comparisons across devices: by id, with revisions, the
//! last writer wins by stamp.
//!
//! As with notes, what the learner did is found by comparing: a comparison
//! of their own whose document or archived flag differs from the newest
//! revision sync knows of was published, edited, archived or restored here
//! since, and becomes a revision. Archiving travels as a revision with
//! `archived` set, never as a delete, so every device keeps its notes and
//! cards for a restore. Deleting for good does not travel: it is the
//! learner's choice on one device (it asks for an archived comparison and
//! takes a backup), and another device may still be using the comparison;
//! a later revision from elsewhere brings it back here.
//!
//! Nothing is lost: a revision made here that another device's newer one
//! replaces without having had it in its line (a concurrent edit) is kept
//! here as a draft, for the learner to compare and publish again.
//!
//! Another device's document is not trusted: it is read with the same
//! checks a publish makes, and one that fails them, or whose id is a
//! library or pack comparison here, is refused with a message.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::content::{check_structure, Comparison};
use crate::error::{Error, Result};
use crate::own::keep_as_draft;
use crate::store::{comparison_source, retire_comparison, upsert_comparison, Origin};
use crate::study::cards::sync_cards;
use crate::sync::clock::Clock;
use crate::sync::event::{Event, MAX_ID_BYTES};

/// The largest document a revision may carry.
pub const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;

/// What a kept draft's title says after the comparison's title.
pub const KEPT_DRAFT_SUFFIX: &str = " (edited on this computer)";

/// Stamps every comparison of the learner's own whose document or archived
/// flag differs from the newest revision known for it.
pub(crate) fn record_local_changes(
    tx: &Transaction<'_>,
    device: &str,
    clock: &mut Clock,
    now: i64,
) -> Result<()> {
    // SQLite takes the bare columns from the row that holds the max().
    let changed: Vec<(String, String, bool, Option<String>)> = tx
        .prepare_cached(
            "SELECT c.id, c.document, c.retired, l.stamp FROM comparison c
             LEFT JOIN (SELECT comparison_id, document, archived, max(stamp) AS stamp FROM comparison_change
                        GROUP BY comparison_id) l ON l.comparison_id = c.id
             WHERE c.source = ?1 AND c.document IS NOT NULL
               AND (l.stamp IS NULL OR l.document IS NOT c.document OR l.archived IS NOT c.retired)
             ORDER BY c.id",
        )?
        .query_map([Origin::Mine], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, document, archived, base) in changed {
        let stamp = clock.tick(now).stamp(device);
        insert(tx, &id, &document, archived, &stamp, base.as_deref(), device, false)?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn insert(
    tx: &Transaction<'_>,
    id: &str,
    document: &str,
    archived: bool,
    stamp: &str,
    base: Option<&str>,
    device: &str,
    exported: bool,
) -> Result<bool> {
    let inserted = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO comparison_change (comparison_id, document, archived, stamp, base, device, exported)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![id, document, archived, stamp, base, device, exported])?;
    Ok(inserted > 0)
}

/// Reads another device's document for comparison `id` with the checks a
/// publish makes: the document as this store keeps it, or why it is
/// refused (naming the field). Never trusts its size, shape or id.
pub(crate) fn check(
    conn: &Connection,
    id: &str,
    document: &str,
) -> Result<std::result::Result<String, String>> {
    if id.is_empty() || id.len() > MAX_ID_BYTES {
        return Ok(Err(format!("an id of {} bytes", id.len())));
    }
    if document.len() > MAX_DOCUMENT_BYTES {
        return Ok(Err(format!("a document of {} bytes; at most {MAX_DOCUMENT_BYTES}", document.len())));
    }
    let deserializer = &mut serde_json::Deserializer::from_str(document);
    let comparison: Comparison = match serde_path_to_error::deserialize(deserializer) {
        Ok(comparison) => comparison,
        Err(err) => {
            let field = err.path().to_string();
            return Ok(Err(format!("{field}: {}", err.into_inner())));
        }
    };
    if comparison.id != id {
        return Ok(Err("id: the document names another comparison".into()));
    }
    let mut problems = Vec::new();
    check_structure(&comparison, &mut |field, message| problems.push(format!("{field}: {message}")));
    if !problems.is_empty() {
        let more = problems.len().saturating_sub(3);
        problems.truncate(3);
        let mut why = problems.join("; ");
        if more > 0 {
            why.push_str(&format!(" (and {more} more)"));
        }
        return Ok(Err(why));
    }
    if let Some(origin) = comparison_source(conn, id)? {
        if origin != Origin::Mine {
            return Ok(Err(other_source(&origin)));
        }
    }
    let kept = serde_json::to_string(&comparison).map_err(|err| Error::InvalidArgument(err.to_string()))?;
    Ok(Ok(kept))
}

fn other_source(origin: &Origin) -> String {
    match origin {
        Origin::Pack(pack) => {
            format!("its id is a comparison of the pack {pack:?} here, which it may not replace")
        }
        _ => "its id is a library comparison here, which it may not replace".into(),
    }
}

/// A revision another device made, checked (`document` as [`check`] answers it).
pub(crate) struct Revision<'a> {
    pub id: &'a str,
    pub document: &'a str,
    pub archived: bool,
    pub stamp: &'a str,
    pub base: Option<&'a str>,
}

/// Takes in another device's revision; true when it is new here.
pub(crate) fn receive(tx: &Transaction<'_>, from: &str, revision: &Revision<'_>) -> Result<bool> {
    insert(tx, revision.id, revision.document, revision.archived, revision.stamp, revision.base, from, true)
}

struct Known {
    document: String,
    archived: bool,
    stamp: String,
    base: Option<String>,
    device: String,
}

/// Sets comparison `id` to its newest revision, keeping a revision made here
/// that it replaces concurrently as a draft. Ok(true) when the comparison
/// changed here, Err with the reason when its id belongs to another source.
pub(crate) fn settle(
    tx: &Transaction<'_>,
    id: &str,
    device: &str,
    now: i64,
) -> Result<std::result::Result<bool, String>> {
    let known: Vec<Known> = tx
        .prepare_cached(
            "SELECT document, archived, stamp, base, device FROM comparison_change WHERE comparison_id = ?1
             ORDER BY stamp DESC",
        )?
        .query_map([id], |r| {
            Ok(Known {
                document: r.get(0)?,
                archived: r.get(1)?,
                stamp: r.get(2)?,
                base: r.get(3)?,
                device: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let Some(newest) = known.first() else { return Ok(Ok(false)) };
    let here: Option<(Origin, Option<String>, bool)> = tx
        .prepare_cached("SELECT source, document, retired FROM comparison WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    if let Some((origin, document, retired)) = &here {
        if *origin != Origin::Mine {
            return Ok(Err(other_source(origin)));
        }
        if document.as_deref() == Some(newest.document.as_str()) && *retired == newest.archived {
            return Ok(Ok(false));
        }
        if let Some(document) = document {
            if lost_here(&known, newest, document, device) {
                keep_draft(tx, document, now)?;
            }
        }
    }
    // Kept as `check` wrote it: a document that does not read back is a damaged row.
    let comparison: Comparison =
        serde_json::from_str(&newest.document).map_err(|err| Error::damaged_json(2, err))?;
    if upsert_comparison(tx, &comparison, &Origin::Mine, now)?.is_none() {
        return Ok(Err("its id belongs to a comparison of another source here".into()));
    }
    sync_cards(tx)?;
    // Archived as archiving does it, after its cards were made: a device
    // that published and archived before syncing has the cards, retired,
    // which reviews and suspensions hang on and a restore brings back.
    if newest.archived {
        retire_comparison(tx, id)?;
        sync_cards(tx)?;
    }
    Ok(Ok(true))
}

/// Whether `document`, current here, is a revision this device made that
/// `newest` replaces without having had it in its line: a concurrent edit,
/// lost unless kept. A revision another device made is kept there.
fn lost_here(known: &[Known], newest: &Known, document: &str, device: &str) -> bool {
    if !known.iter().any(|k| k.device == device && k.document == document) {
        return false;
    }
    let by_stamp: HashMap<&str, &Known> = known.iter().map(|k| (k.stamp.as_str(), k)).collect();
    let mut line: HashSet<&str> = HashSet::new();
    let mut at = Some(newest);
    // Bounded by the revisions known: a base names an older stamp, but a
    // batch's claims are not trusted to make no loop.
    for _ in 0..known.len() {
        let Some(revision) = at else { break };
        line.insert(&revision.document);
        at = revision.base.as_deref().and_then(|base| by_stamp.get(base).copied());
    }
    !line.contains(document)
}

fn keep_draft(tx: &Transaction<'_>, document: &str, now: i64) -> Result<()> {
    let comparison: Comparison = serde_json::from_str(document).map_err(|err| Error::damaged_json(9, err))?;
    let title = format!("{}{KEPT_DRAFT_SUFFIX}", comparison.title);
    match keep_as_draft(tx, &comparison, &title, now) {
        Ok(_) => Ok(()),
        // Larger than a draft may be: the revision stays in comparison_change,
        // and the learner still has the comparison they published over it.
        Err(Error::DraftTooLarge { .. }) => Ok(()),
        Err(err) => Err(err),
    }
}

/// The revisions no batch has carried yet, oldest first.
pub(crate) fn outgoing(conn: &Connection) -> Result<Vec<Event>> {
    let events = conn
        .prepare(
            "SELECT comparison_id, document, archived, stamp, base FROM comparison_change
             WHERE exported = 0 ORDER BY stamp",
        )?
        .query_map([], |r| {
            Ok(Event::Comparison {
                id: r.get(0)?,
                document: r.get(1)?,
                archived: r.get(2)?,
                stamp: r.get(3)?,
                base: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(events)
}

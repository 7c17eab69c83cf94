//! Installed content packs: what importing one would change (a pure read),
//! installing and updating it (an upsert by ids, like the library's own
//! import), the list of installed packs, removing one, and exporting the
//! learner's own comparisons as a pack.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::content::pack::{pack_source, Pack, PACK_FORMAT, PACK_FORMAT_VERSION};
use crate::content::{is_slug, Comparison, ContentError, ContentErrors, Library, Section};
use crate::error::{Entity, Error, OrNotFound, Result};
use crate::library::comparison_head;
use crate::notes::export::Progress;
use crate::store::{
    comparison_document, comparison_source, import_library, retire_comparison, ImportReport, Origin,
};
use crate::study::cards::sync_cards;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    New,
    Updated,
    Unchanged,
}

/// What importing one comparison of a pack would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewEntry {
    pub index: usize,
    pub id: String,
    pub title: String,
    pub change: Change,
    /// Parts (differences, tradeoffs...) added, reworded and removed.
    pub added: usize,
    pub reworded: usize,
    pub removed: usize,
    /// It was archived (the pack removed, or gone from an earlier version)
    /// and comes back with its notes.
    pub restored: bool,
}

/// Everything importing a pack would change; nothing is written to make it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PackPreview {
    pub id: String,
    pub name: String,
    pub version: String,
    pub author: String,
    pub description: String,
    /// The version installed now, or installed before it was removed.
    pub installed_version: Option<String>,
    /// The pack was installed and then removed: importing it brings its
    /// comparisons back with the notes.
    pub was_removed: bool,
    pub comparisons: Vec<PreviewEntry>,
    /// Comparisons of the installed version this one no longer has: they
    /// would be archived with their notes.
    pub retiring: Vec<String>,
    /// Ids taken by another source; while there is any, nothing can be imported.
    pub collisions: Vec<ContentError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InstalledPack {
    pub id: String,
    pub name: String,
    pub version: String,
    pub author: String,
    pub description: String,
    pub comparison_count: i64,
    pub installed_at: i64,
}

/// Compares `pack` (already read and checked) with the store.
pub fn preview(conn: &Connection, file: &str, pack: &Pack) -> Result<PackPreview> {
    let source = Origin::Pack(pack.id.clone());
    let listed: Option<(String, bool)> = conn
        .query_row("SELECT version, removed_at IS NOT NULL FROM pack WHERE id = ?1", [&pack.id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let was_removed = listed.as_ref().is_some_and(|(_, removed)| *removed);
    let installed_version = listed.map(|(version, _)| version);
    let mut comparisons = Vec::new();
    let mut collisions = Vec::new();
    for (index, comparison) in pack.comparisons.iter().enumerate() {
        let existing = comparison_source(conn, &comparison.id)?;
        let mut entry = PreviewEntry {
            index,
            id: comparison.id.clone(),
            title: comparison.title.clone(),
            change: Change::New,
            added: 0,
            reworded: 0,
            removed: 0,
            restored: false,
        };
        match existing {
            None => {}
            Some(origin) if origin == source => {
                let before = comparison_document(conn, &comparison.id)?;
                let retired: bool =
                    conn.query_row("SELECT retired FROM comparison WHERE id = ?1", [&comparison.id], |r| {
                        r.get(0)
                    })?;
                let (added, reworded, removed) = item_changes(&before, comparison);
                entry.added = added;
                entry.reworded = reworded;
                entry.removed = removed;
                entry.restored = retired;
                entry.change =
                    if retired || before != *comparison { Change::Updated } else { Change::Unchanged };
            }
            Some(origin) => {
                let head = comparison_head(conn, &comparison.id)?;
                collisions.push(ContentError::new(
                    file,
                    format!("comparisons[{index}].id"),
                    format!(
                        "{:?} ({}) is already the id of {:?} in {}; a pack never replaces another's comparison",
                        comparison.id,
                        comparison.title,
                        head.title,
                        origin_name(conn, &origin)?
                    ),
                ));
            }
        }
        comparisons.push(entry);
    }
    let present: HashSet<&str> = pack.comparisons.iter().map(|c| c.id.as_str()).collect();
    let retiring = {
        let mut stmt =
            conn.prepare_cached("SELECT id FROM comparison WHERE source = ?1 AND retired = 0 ORDER BY id")?;
        let rows = stmt.query_map([&source], |r| r.get::<_, String>(0))?;
        rows.filter(|id| id.as_ref().map_or(true, |id| !present.contains(id.as_str())))
            .collect::<rusqlite::Result<_>>()?
    };
    Ok(PackPreview {
        id: pack.id.clone(),
        name: pack.name.clone(),
        version: pack.version.clone(),
        author: pack.author.clone(),
        description: pack.description.clone(),
        installed_version,
        was_removed,
        comparisons,
        retiring,
        collisions,
    })
}

/// "the shipped library", "your own comparisons", "the pack Acme (acme)".
fn origin_name(conn: &Connection, origin: &Origin) -> Result<String> {
    Ok(match origin {
        Origin::Library => "the shipped library".into(),
        Origin::Mine => "your own comparisons".into(),
        Origin::Pack(id) => {
            let name: Option<String> =
                conn.query_row("SELECT name FROM pack WHERE id = ?1", [id], |r| r.get(0)).optional()?;
            format!("the pack {:?}", name.unwrap_or_else(|| id.clone()))
        }
    })
}

/// (added, reworded, removed) parts between two versions of a comparison;
/// the title, summary and tip count as parts too.
fn item_changes(before: &Comparison, after: &Comparison) -> (usize, usize, usize) {
    let old: HashMap<(Section, &str), &str> =
        before.items().into_iter().map(|(section, id, text)| ((section, id), text)).collect();
    let new: HashMap<(Section, &str), &str> =
        after.items().into_iter().map(|(section, id, text)| ((section, id), text)).collect();
    let added = new.keys().filter(|key| !old.contains_key(*key)).count();
    let removed = old.keys().filter(|key| !new.contains_key(*key)).count();
    let mut reworded = new.iter().filter(|(key, text)| old.get(*key).is_some_and(|was| was != *text)).count();
    if before.title != after.title || before.tags != after.tags || before.category != after.category {
        reworded += 1;
    }
    (added, reworded, removed)
}

/// Installs or updates `pack` in one transaction: refused whole when any id
/// belongs to another source; otherwise an upsert by ids under the pack's
/// source (notes and schedules stay, vanished comparisons and parts are
/// retired with their notes archived), its cards made, and the pack listed.
/// The same pack twice writes nothing.
pub fn install(
    tx: &Transaction<'_>,
    file: &str,
    pack: &Pack,
    now: i64,
    progress: Progress<'_>,
) -> Result<ImportReport> {
    let preview = preview(tx, file, pack)?;
    if !preview.collisions.is_empty() {
        return Err(Error::IdCollision(ContentErrors(preview.collisions)));
    }
    let source = Origin::Pack(pack.id.clone());
    let library = pack.library();
    if is_installed_as(tx, pack, &library)? {
        return Ok(ImportReport::default());
    }
    let report = import_library(tx, &library, &source, progress)?;
    if report.skipped > 0 {
        // The preview saw no collision in this same transaction; a skip here is a bug.
        return Err(Error::InvalidArgument(format!(
            "{} comparison(s) of the pack could not be written",
            report.skipped
        )));
    }
    sync_cards(tx)?;
    tx.execute(
        "INSERT INTO pack (id, name, version, author, description, comparisons, installed_at, removed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, version = excluded.version, author = excluded.author,
             description = excluded.description, comparisons = excluded.comparisons,
             installed_at = excluded.installed_at, removed_at = NULL",
        params![pack.id, pack.name, pack.version, pack.author, pack.description, pack.comparisons.len() as i64, now],
    )?;
    Ok(report)
}

/// True when `pack` is installed (not removed) exactly as it is, its name,
/// version and description included: importing it would change nothing.
pub fn is_installed(conn: &Connection, pack: &Pack) -> Result<bool> {
    is_installed_as(conn, pack, &pack.library())
}

fn is_installed_as(conn: &Connection, pack: &Pack, library: &Library) -> Result<bool> {
    let same_listing: Option<bool> = conn
        .query_row(
            "SELECT removed_at IS NULL AND name = ?2 AND version = ?3 AND author = ?4 AND description = ?5
             FROM pack WHERE id = ?1",
            params![pack.id, pack.name, pack.version, pack.author, pack.description],
            |r| r.get(0),
        )
        .optional()?;
    Ok(same_listing == Some(true)
        && crate::store::library_is_current(conn, &library.hash, &Origin::Pack(pack.id.clone()))?)
}

/// Installed packs, by name.
pub fn list_packs(conn: &Connection) -> Result<Vec<InstalledPack>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, version, author, description, comparisons, installed_at
         FROM pack WHERE removed_at IS NULL ORDER BY name COLLATE NOCASE, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(InstalledPack {
            id: r.get(0)?,
            name: r.get(1)?,
            version: r.get(2)?,
            author: r.get(3)?,
            description: r.get(4)?,
            comparison_count: r.get(5)?,
            installed_at: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Removes an installed pack: its comparisons are archived with their notes
/// and cards; installing it again brings them back with the notes attached.
/// Returns how many comparisons were archived.
pub fn remove(tx: &Transaction<'_>, pack_id: &str, now: i64) -> Result<usize> {
    let changed = tx.execute(
        "UPDATE pack SET removed_at = ?2 WHERE id = ?1 AND removed_at IS NULL",
        params![pack_id, now],
    )?;
    if changed == 0 {
        return Err(Error::not_found(Entity::Pack, pack_id));
    }
    let source = pack_source(pack_id);
    let ids: Vec<String> = {
        let mut stmt = tx.prepare_cached("SELECT id FROM comparison WHERE source = ?1 AND retired = 0")?;
        let rows = stmt.query_map([&source], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for id in &ids {
        retire_comparison(tx, id)?;
    }
    // Installing the same file again must run, to bring them back.
    tx.execute("DELETE FROM meta WHERE key = ?1", [format!("content_hash:{source}")])?;
    sync_cards(tx)?;
    Ok(ids.len())
}

/// What the learner names and describes a pack by when exporting it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PackMeta {
    pub id: String,
    pub name: String,
    pub version: String,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub description: String,
}

/// A pack of the learner's own comparisons `ids`, in that order.
pub fn build_pack(conn: &Connection, meta: &PackMeta, ids: &[String]) -> Result<Pack> {
    let mut problems = Vec::new();
    if !is_slug(&meta.id) {
        problems.push(ContentError::new(
            "pack",
            "id",
            format!("{:?} is not a lowercase slug (a-z, 0-9, single hyphens)", meta.id),
        ));
    }
    for (field, value) in [("name", &meta.name), ("version", &meta.version)] {
        if value.trim().is_empty() {
            problems.push(ContentError::new("pack", field, "must not be empty"));
        }
    }
    if ids.is_empty() {
        problems.push(ContentError::new("pack", "comparisons", "choose at least one comparison"));
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(ContentErrors(problems)));
    }
    let mut comparisons = Vec::with_capacity(ids.len());
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id.as_str()) {
            continue;
        }
        match comparison_source(conn, id)?.or_not_found(Entity::Comparison, id)? {
            Origin::Mine => comparisons.push(comparison_document(conn, id)?),
            _ => return Err(Error::NotOwnComparison(id.clone())),
        }
    }
    Ok(Pack {
        format: PACK_FORMAT.into(),
        format_version: PACK_FORMAT_VERSION,
        id: meta.id.trim().into(),
        name: meta.name.trim().into(),
        version: meta.version.trim().into(),
        author: meta.author.trim().into(),
        description: meta.description.trim().into(),
        comparisons,
    })
}

//! Reading the imported library for the views: lists, one comparison's page,
//! categories, and recently viewed comparisons with the one write they need.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::content::{Comparison, Section, Source};
use crate::error::{Entity, Error, OrNotFound, Result};
use crate::notes::{notes_for_comparison, Note};
use crate::store::{Origin, OriginKind};

/// What most places need to name a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparisonHead {
    pub title: String,
    pub category: String,
}

/// The title and category of a comparison (current or retired), or a
/// not-found error naming it: the one check that a comparison exists.
pub fn comparison_head(conn: &Connection, id: &str) -> Result<ComparisonHead> {
    conn.prepare_cached("SELECT title, category FROM comparison WHERE id = ?1")?
        .query_row([id], |r| Ok(ComparisonHead { title: r.get(0)?, category: r.get(1)? }))
        .optional()
        .or_not_found(Entity::Comparison, id)
}

/// Whether the library has (or had) a comparison with this id.
pub fn comparison_exists(conn: &Connection, id: &str) -> Result<bool> {
    match comparison_head(conn, id) {
        Ok(_) => Ok(true),
        Err(Error::NotFound { .. }) => Ok(false),
        Err(other) => Err(other),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ComparisonSummary {
    pub id: String,
    pub title: String,
    pub category: String,
    pub summary: String,
    pub tags: Vec<String>,
    pub note_count: i64,
    /// Shipped, the learner's own, or a pack's.
    pub origin: OriginKind,
    /// The pack it came from, when it is a pack's.
    pub pack_id: Option<String>,
}

/// One part of a comparison, with the learner's note on it if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PageItem {
    pub section: Section,
    pub item_id: String,
    /// A subject's name (on subjects and when-to-use entries).
    pub name: Option<String>,
    /// A subject's category.
    pub label: Option<String>,
    pub text: String,
    pub retired: bool,
    pub note: Option<Note>,
    /// The note rendered to sanitized HTML.
    pub note_html: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ComparisonPage {
    pub id: String,
    pub title: String,
    pub category: String,
    pub summary: String,
    pub interview_tip: String,
    pub tags: Vec<String>,
    pub retired: bool,
    /// Shipped, the learner's own (editable), or a pack's.
    pub origin: OriginKind,
    /// The comparison as a whole and the interview tip, as note targets.
    pub overview: PageItem,
    pub tip: PageItem,
    pub subjects: Vec<PageItem>,
    pub differences: Vec<PageItem>,
    pub when_to_use: Vec<PageItem>,
    pub tradeoffs: Vec<PageItem>,
    pub mistakes: Vec<PageItem>,
    /// Retired items that still carry a note.
    pub archived: Vec<PageItem>,
    /// The at-a-glance grid, rows in order; empty when it has none.
    pub grid: Vec<GridRow>,
    /// The day its facts were last verified (YYYY-MM-DD), if known.
    pub checked: Option<String>,
    /// The official documentation its facts come from.
    pub sources: Vec<Source>,
}

/// One row of the grid: the row as a note target (its label is the item's
/// name) and a value per subject, in the order of `subjects`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GridRow {
    pub row: PageItem,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CategoryCount {
    pub category: String,
    pub count: i64,
}

/// The tags column, written by the import from validated content as a JSON
/// array; anything else is a damaged row, reported as such.
fn parse_tags(row: &Row<'_>, column: usize) -> rusqlite::Result<Vec<String>> {
    let json: String = row.get(column)?;
    serde_json::from_str(&json).map_err(|err| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(err))
    })
}

/// Maps `id, title, category, summary, tags, note_count, source`, in that order.
fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ComparisonSummary> {
    let origin: Origin = row.get(6)?;
    Ok(ComparisonSummary {
        origin: origin.kind(),
        pack_id: origin.pack_id().map(str::to_string),
        id: row.get(0)?,
        title: row.get(1)?,
        category: row.get(2)?,
        summary: row.get(3)?,
        tags: parse_tags(row, 4)?,
        note_count: row.get(5)?,
    })
}

/// Every current comparison, by category then title.
pub fn list_comparisons(conn: &Connection) -> Result<Vec<ComparisonSummary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.title, c.category, c.summary, c.tags,
                (SELECT count(*) FROM note n WHERE n.comparison_id = c.id) AS note_count, c.source
         FROM comparison c WHERE c.retired = 0
         ORDER BY c.category, c.title COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([], summary_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn categories(conn: &Connection) -> Result<Vec<CategoryCount>> {
    let mut stmt = conn.prepare_cached(
        "SELECT category, count(*) FROM comparison WHERE retired = 0 GROUP BY category ORDER BY category",
    )?;
    let rows = stmt.query_map([], |row| Ok(CategoryCount { category: row.get(0)?, count: row.get(1)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get_comparison(conn: &Connection, id: &str) -> Result<ComparisonPage> {
    let (title, category, summary, interview_tip, tags, retired, origin, document) = conn
        .query_row(
            "SELECT title, category, summary, interview_tip, tags, retired, source, document FROM comparison WHERE id = ?1",
            [id],
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    parse_tags(row, 4)?,
                    row.get::<_, bool>(5)?,
                    row.get::<_, Origin>(6)?,
                    row.get::<_, Option<String>>(7)?,
                ))
            },
        )
        .optional()
        .or_not_found(Entity::Comparison, id)?;

    let mut notes: HashMap<(Section, String), Note> = notes_for_comparison(conn, id)?
        .into_iter()
        .map(|note| ((note.key.section, note.key.item_id.clone()), note))
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT section, item_id, name, label, text, retired FROM item WHERE comparison_id = ?1 ORDER BY position",
    )?;
    let items: Vec<PageItem> = stmt
        .query_map([id], |row| {
            Ok(PageItem {
                section: row.get(0)?,
                item_id: row.get(1)?,
                name: row.get(2)?,
                label: row.get(3)?,
                text: row.get(4)?,
                retired: row.get(5)?,
                note: None,
                note_html: None,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let mut page = ComparisonPage {
        id: id.to_string(),
        title,
        category,
        summary: summary.clone(),
        interview_tip: interview_tip.clone(),
        tags,
        retired,
        origin: origin.kind(),
        overview: placeholder(Section::Comparison, summary),
        tip: placeholder(Section::InterviewTip, interview_tip),
        subjects: Vec::new(),
        differences: Vec::new(),
        when_to_use: Vec::new(),
        tradeoffs: Vec::new(),
        mistakes: Vec::new(),
        archived: Vec::new(),
        grid: Vec::new(),
        checked: None,
        sources: Vec::new(),
    };
    // The grid's values, its sources and checked day live only in the
    // document; a row imported before documents were kept has no values yet.
    let document: Option<Comparison> = document
        .as_deref()
        .map(serde_json::from_str)
        .transpose()
        .map_err(|err| Error::damaged_json(7, err))?;
    if let Some(document) = &document {
        page.checked = document.checked.clone();
        page.sources = document.sources.clone();
    }
    for mut item in items {
        item.note = notes.remove(&(item.section, item.item_id.clone()));
        item.note_html = item.note.as_ref().map(|n| crate::markdown::render(&n.body));
        if item.retired {
            if item.note.is_some() {
                page.archived.push(item);
            }
            continue;
        }
        match item.section {
            Section::Comparison => page.overview = item,
            Section::InterviewTip => page.tip = item,
            Section::Subject => page.subjects.push(item),
            Section::Difference => page.differences.push(item),
            Section::WhenToUse => page.when_to_use.push(item),
            Section::Tradeoff => page.tradeoffs.push(item),
            Section::Mistake => page.mistakes.push(item),
            Section::Dimension => {
                let values = document
                    .as_ref()
                    .and_then(|d| d.dimensions.iter().find(|row| row.id == item.item_id))
                    .map(|row| {
                        page.subjects
                            .iter()
                            .map(|s| row.values.get(&s.item_id).cloned().unwrap_or_default())
                            .collect()
                    })
                    .unwrap_or_default();
                page.grid.push(GridRow { row: item, values });
            }
            // Scenarios are practice cards; they are never items of a page.
            Section::Scenario => {}
        }
    }
    Ok(page)
}

fn placeholder(section: Section, text: String) -> PageItem {
    PageItem {
        section,
        item_id: Section::SINGLE_ITEM.into(),
        name: None,
        label: None,
        text,
        retired: false,
        note: None,
        note_html: None,
    }
}

/// Marks a comparison as viewed at `now`, for "recently viewed".
pub fn record_view(tx: &Transaction<'_>, comparison_id: &str, now: i64) -> Result<()> {
    comparison_head(tx, comparison_id)?;
    tx.execute(
        "INSERT INTO recent_view (comparison_id, viewed_at) VALUES (?1, ?2)
         ON CONFLICT(comparison_id) DO UPDATE SET viewed_at = excluded.viewed_at",
        rusqlite::params![comparison_id, now],
    )?;
    Ok(())
}

/// The most recently opened comparisons, newest first.
pub fn recent_views(conn: &Connection, limit: usize) -> Result<Vec<ComparisonSummary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.title, c.category, c.summary, c.tags,
                (SELECT count(*) FROM note n WHERE n.comparison_id = c.id), c.source
         FROM recent_view r JOIN comparison c ON c.id = r.comparison_id
         WHERE c.retired = 0 ORDER BY r.viewed_at DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit as i64], summary_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many current comparisons the learner has opened at least once.
pub fn viewed_count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM recent_view r JOIN comparison c ON c.id = r.comparison_id WHERE c.retired = 0",
        [],
        |row| row.get(0),
    )?)
}

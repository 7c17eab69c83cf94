//! Full-text search over the library and the learner's notes (FTS5).
//!
//! Any text a person types is accepted: it is split into words, each word is
//! quoted for FTS5 (so `trade-off`, `c++`, `OR`, `"` and `*` are plain text,
//! never query syntax) and matched as a prefix, so results come while typing.

use rusqlite::{params, Connection};
use serde::Serialize;

use crate::content::Section;
use crate::error::Result;

/// Longest query used, in characters; longer input is cut and the result says so.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most words used from one query.
pub const MAX_QUERY_TERMS: usize = 16;
pub const DEFAULT_LIMIT: usize = 30;

/// Column weights for bm25(): a hit in a comparison's title counts most, then
/// a subject's name, then body text.
const WEIGHTS: (f64, f64, f64) = (10.0, 5.0, 1.0);

/// Marks around matches in snippets, replaced by `<mark>` after escaping.
const MARK_OPEN: char = '\u{2}';
const MARK_CLOSE: char = '\u{3}';

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    pub text: String,
    /// Only this category, when set.
    pub category: Option<String>,
    /// Only the learner's notes.
    pub notes_only: bool,
    pub limit: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Item,
    Note,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub kind: HitKind,
    pub comparison_id: String,
    pub comparison_title: String,
    pub category: String,
    pub section: Section,
    pub item_id: String,
    /// Escaped HTML with the matched words in `<mark>`.
    pub snippet: String,
    /// bm25 score: lower is better.
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    /// The words actually searched for, for highlighting.
    pub terms: Vec<String>,
    /// Set when the query was longer than [`MAX_QUERY_CHARS`] or had more than
    /// [`MAX_QUERY_TERMS`] words, and was cut.
    pub truncated: bool,
}

/// Splits free text into search words, dropping anything without a letter or
/// digit (a lone quote, `*`, emoji), and cuts overlong input.
pub fn terms_of(text: &str) -> (Vec<String>, bool) {
    let mut truncated = text.chars().count() > MAX_QUERY_CHARS;
    let cut: String = text.chars().take(MAX_QUERY_CHARS).collect();
    let mut terms: Vec<String> = cut
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(str::to_string)
        .collect();
    if terms.len() > MAX_QUERY_TERMS {
        terms.truncate(MAX_QUERY_TERMS);
        truncated = true;
    }
    (terms, truncated)
}

/// The FTS5 MATCH expression for `terms`: every word quoted (inner quotes
/// doubled) and made a prefix, all required.
pub fn match_expression(terms: &[String]) -> String {
    terms.iter().map(|t| format!("\"{}\"*", t.replace('"', "\"\""))).collect::<Vec<_>>().join(" ")
}

pub fn search(conn: &Connection, query: &SearchQuery) -> Result<SearchResults> {
    let (terms, truncated) = terms_of(&query.text);
    if terms.is_empty() {
        return Ok(SearchResults { hits: Vec::new(), terms, truncated });
    }
    let limit = if query.limit == 0 { DEFAULT_LIMIT } else { query.limit.min(200) };
    let sql = format!(
        "SELECT s.kind, s.comparison_id, c.title, c.category, s.section, s.item_id,
                snippet(search_index, -1, char(2), char(3), '…', 14),
                bm25(search_index, {}, {}, {}) AS score
         FROM search_index s JOIN comparison c ON c.id = s.comparison_id
         WHERE search_index MATCH ?1
           AND (?2 IS NULL OR c.category = ?2)
           AND (?3 = 0 OR s.kind = 'note')
         ORDER BY score LIMIT ?4",
        WEIGHTS.0, WEIGHTS.1, WEIGHTS.2
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![match_expression(&terms), query.category, query.notes_only, limit as i64],
        |row| {
            let kind: String = row.get(0)?;
            Ok(SearchHit {
                kind: if kind == "note" { HitKind::Note } else { HitKind::Item },
                comparison_id: row.get(1)?,
                comparison_title: row.get(2)?,
                category: row.get(3)?,
                section: row.get(4)?,
                item_id: row.get(5)?,
                snippet: marked_snippet(&row.get::<_, String>(6)?),
                score: row.get(7)?,
            })
        },
    )?;
    let hits = rows.collect::<rusqlite::Result<_>>()?;
    Ok(SearchResults { hits, terms, truncated })
}

/// Escapes the snippet's text and turns the match markers into `<mark>`.
fn marked_snippet(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 16);
    for c in raw.chars() {
        match c {
            MARK_OPEN => out.push_str("<mark>"),
            MARK_CLOSE => out.push_str("</mark>"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// FTS5's own consistency check of the index against its stored rows.
pub fn check_index(conn: &Connection) -> Result<()> {
    conn.execute("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)", [])?;
    Ok(())
}

/// Rebuilds the index's b-trees and merges segments after a large import.
pub fn optimize_index(conn: &Connection) -> Result<()> {
    conn.execute("INSERT INTO search_index (search_index) VALUES ('optimize')", [])?;
    Ok(())
}

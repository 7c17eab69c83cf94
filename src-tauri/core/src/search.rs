//! Full-text search over the library and the learner's notes (FTS5).
//!
//! Any text a person types is accepted: it is split into words, each word is
//! quoted for FTS5 (so `trade-off`, `c++`, `OR`, `"` and `*` are plain text,
//! never query syntax) and matched as a prefix, so results come while typing.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::content::Section;
use crate::error::Result;
use crate::library::comparison_head;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Item,
    Note,
}

crate::text_enum!(HitKind, "search row kind", {
    Item => "item",
    Note => "note",
});

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
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

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    /// The words actually searched for, for highlighting.
    pub terms: Vec<String>,
    /// Set when the query was longer than [`MAX_QUERY_CHARS`] or had more than
    /// [`MAX_QUERY_TERMS`] words, and was cut.
    pub truncated: bool,
    /// When nothing was found and a word is not in the library: the query with
    /// each such word replaced by the nearest word the library has.
    pub suggestion: Option<String>,
    /// Every replaced word had exactly one close word, so the suggestion can
    /// be searched without asking.
    pub suggestion_is_sure: bool,
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

/// Note rows of the index have rowids from here up; item rows below. The
/// triggers of `migrations/0002_search.sql` write it as a literal; a test
/// holds the two together.
pub const NOTE_ROWID_BASE: i64 = 1 << 40;

/// At most this many matches of each kind (items, notes) are ranked for one
/// query: the newest ones. A term found in tens of thousands of notes still
/// answers in milliseconds; below this count every match is ranked.
pub const RANKED_CANDIDATES: i64 = 2_000;

pub fn search(conn: &Connection, query: &SearchQuery) -> Result<SearchResults> {
    let (terms, truncated) = terms_of(&query.text);
    if terms.is_empty() {
        return Ok(SearchResults {
            hits: Vec::new(),
            terms,
            truncated,
            suggestion: None,
            suggestion_is_sure: false,
        });
    }
    let limit = if query.limit == 0 { DEFAULT_LIMIT } else { query.limit.min(200) };
    let expression = match_expression(&terms);
    let category = query.category.as_deref();

    let mut ranked = ranked_rowids(conn, &expression, NOTE_ROWID_BASE, i64::MAX, category, limit)?;
    if !query.notes_only {
        ranked.extend(ranked_rowids(conn, &expression, i64::MIN, NOTE_ROWID_BASE, category, limit)?);
    }
    ranked.sort_by(|a, b| a.1.total_cmp(&b.1));
    ranked.truncate(limit);

    // Snippets and titles only for the page that is shown, one query per kind:
    // a query per hit would rebuild a prefix term's doclist every time.
    let mut details: HashMap<i64, Detail> = HashMap::new();
    for group in [(i64::MIN, NOTE_ROWID_BASE), (NOTE_ROWID_BASE, i64::MAX)] {
        let rowids: Vec<i64> =
            ranked.iter().map(|r| r.0).filter(|r| (group.0..group.1).contains(r)).collect();
        if let (Some(low), Some(high)) = (rowids.iter().min(), rowids.iter().max()) {
            details.extend(details_of(conn, &expression, *low, *high, &rowids)?);
        }
    }
    let mut titles: HashMap<String, (String, String)> = HashMap::new();
    let mut hits = Vec::with_capacity(ranked.len());
    for (rowid, score) in ranked {
        let Some(detail) = details.remove(&rowid) else { continue };
        if !titles.contains_key(&detail.comparison_id) {
            let head = comparison_head(conn, &detail.comparison_id)?;
            titles.insert(detail.comparison_id.clone(), (head.title, head.category));
        }
        let (comparison_title, category) = titles[&detail.comparison_id].clone();
        hits.push(SearchHit {
            kind: detail.kind,
            comparison_id: detail.comparison_id,
            comparison_title,
            category,
            section: detail.section,
            item_id: detail.item_id,
            snippet: detail.snippet,
            score,
        });
    }
    // Only an empty answer pays for the vocabulary scan.
    let (suggestion, suggestion_is_sure) = match hits.is_empty() {
        true => suggest(conn, &terms)?.map_or((None, false), |s| (Some(s.text), s.sure)),
        false => (None, false),
    };
    Ok(SearchResults { hits, terms, truncated, suggestion, suggestion_is_sure })
}

/// A respelling of a query whose words the library does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The query with each unknown word replaced.
    pub text: String,
    /// Each replaced word had a single close word (no choice was made).
    pub sure: bool,
}

/// How many edits a word of `len` characters may be from its suggestion: one
/// for short words, where two would reach almost anything, two otherwise.
fn max_edits(len: usize) -> usize {
    if len <= 4 {
        1
    } else {
        2
    }
}

/// The nearest spelling of `terms` from the index's own words, or None when
/// every word is known (as a word or a prefix) or an unknown one has no word
/// within [`max_edits`].
pub fn suggest(conn: &Connection, terms: &[String]) -> Result<Option<Suggestion>> {
    let mut changed = false;
    let mut sure = true;
    let mut words = Vec::with_capacity(terms.len());
    for term in terms {
        let word = term.to_lowercase();
        // Words with punctuation are split by the tokenizer: not respelt.
        if word.chars().count() < 3 || !word.chars().all(char::is_alphanumeric) || is_known(conn, &word)? {
            words.push(word);
            continue;
        }
        match nearest_words(conn, &word)?.as_slice() {
            [] => return Ok(None),
            [only] => words.push(only.clone()),
            [best, ..] => {
                sure = false;
                words.push(best.clone());
            }
        }
        changed = true;
    }
    Ok(changed.then(|| Suggestion { text: words.join(" "), sure }))
}

/// Whether the index holds `word` or a word starting with it (search is by prefix).
fn is_known(conn: &Connection, word: &str) -> Result<bool> {
    let upper = format!("{word}\u{10FFFF}");
    Ok(conn
        .prepare_cached("SELECT 1 FROM search_vocab WHERE term >= ?1 AND term < ?2 LIMIT 1")?
        .query_row(params![word, upper], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The index's words within [`max_edits`] of `word`, nearest first, then the
/// most used. Only words of a length that could be that close are compared,
/// and only those starting with the word's first or second letter: fts5vocab
/// reads every posting of each word it passes (about 90 ms for the whole
/// vocabulary of 100,000 notes), while a term range is a seek. A
/// swapped first pair of letters is still found; a wrong or missing first
/// letter is not.
fn nearest_words(conn: &Connection, word: &str) -> Result<Vec<String>> {
    let len = word.chars().count();
    let edits = max_edits(len);
    let mut starts: Vec<char> = word.chars().take(2).collect();
    starts.dedup();
    let mut stmt = conn.prepare_cached(
        "SELECT term FROM search_vocab WHERE term >= ?1 AND term < ?2 AND length(term) BETWEEN ?3 AND ?4",
    )?;
    let mut near: Vec<(usize, i64, String)> = Vec::new();
    for start in starts {
        let (low, high) = (start.to_string(), format!("{start}\u{10FFFF}"));
        let rows = stmt.query_map(params![low, high, (len - edits) as i64, (len + edits) as i64], |row| {
            row.get::<_, String>(0)
        })?;
        for term in rows {
            let term = term?;
            let distance = strsim::damerau_levenshtein(word, &term);
            if distance <= edits {
                near.push((distance, 0, term));
            }
        }
    }
    // Counted for the few close words only, each a seek to one term.
    let mut docs = conn.prepare_cached("SELECT doc FROM search_vocab WHERE term = ?1")?;
    for candidate in &mut near {
        candidate.1 = -docs.query_row([&candidate.2], |row| row.get::<_, i64>(0)).optional()?.unwrap_or(0);
    }
    near.sort();
    Ok(near.into_iter().map(|(_, _, term)| term).collect())
}

struct Detail {
    kind: HitKind,
    comparison_id: String,
    section: Section,
    item_id: String,
    snippet: String,
}

/// Where each of `rowids` (all within `[low, high]`) lands, and its snippet.
fn details_of(
    conn: &Connection,
    expression: &str,
    low: i64,
    high: i64,
    rowids: &[i64],
) -> Result<HashMap<i64, Detail>> {
    let wanted = serde_json::Value::from(rowids.to_vec()).to_string();
    // `+rowid` keeps the list a filter, so FTS5 walks the range once.
    let mut stmt = conn.prepare_cached(
        "SELECT rowid, kind, comparison_id, section, item_id, snippet(search_index, -1, char(2), char(3), '…', 14)
         FROM search_index
         WHERE search_index MATCH ?1 AND rowid >= ?2 AND rowid <= ?3
           AND +rowid IN (SELECT value FROM json_each(?4))",
    )?;
    let rows = stmt.query_map(params![expression, low, high, wanted], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            Detail {
                kind: row.get(1)?,
                comparison_id: row.get(2)?,
                section: row.get(3)?,
                item_id: row.get(4)?,
                snippet: marked_snippet(&row.get::<_, String>(5)?),
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The best `limit` (rowid, bm25) pairs among the newest
/// [`RANKED_CANDIDATES`] matches with rowids in `[low, high)`.
fn ranked_rowids(
    conn: &Connection,
    expression: &str,
    low: i64,
    high: i64,
    category: Option<&str>,
    limit: usize,
) -> Result<Vec<(i64, f64)>> {
    // Added only when filtering: an always-present `?4 IS NULL OR ...` would
    // make every row of a common term pay for the test.
    let in_category = if category.is_some() {
        "AND comparison_id IN (SELECT id FROM comparison WHERE category = ?4)"
    } else {
        "AND ?4 IS NULL"
    };
    let cutoff: Option<i64> = conn
        .prepare_cached(&format!(
            "SELECT rowid FROM search_index
             WHERE search_index MATCH ?1 AND rowid >= ?2 AND rowid < ?3 {in_category}
             ORDER BY rowid DESC LIMIT 1 OFFSET ?5"
        ))?
        .query_row(params![expression, low, high, category, RANKED_CANDIDATES - 1], |r| r.get(0))
        .optional()?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT rowid, bm25(search_index, {}, {}, {}) AS score FROM search_index
         WHERE search_index MATCH ?1 AND rowid >= ?2 AND rowid < ?3 {in_category}
         ORDER BY score LIMIT ?5",
        WEIGHTS.0, WEIGHTS.1, WEIGHTS.2
    ))?;
    let rows = stmt
        .query_map(params![expression, cutoff.unwrap_or(low), high, category, limit as i64], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
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

#[cfg(test)]
mod tests {
    use super::NOTE_ROWID_BASE;

    /// The triggers that index notes write the base as a literal: if one
    /// changes without the other, notes land among items.
    #[test]
    fn the_note_rowid_base_is_the_literal_the_triggers_use() {
        let sql = include_str!("../migrations/0002_search.sql");
        let offsets = sql.matches("rowid + ").count();
        let with_base = sql.matches(&format!("rowid + {NOTE_ROWID_BASE}")).count();
        assert_eq!(offsets, 5, "two trigger inserts, two trigger deletes, the first fill");
        assert_eq!(with_base, offsets, "every note rowid offset is {NOTE_ROWID_BASE}");
    }
}

//! Taking notes out: Markdown (one file per comparison, each note under the
//! item it annotates) and one JSON file with every note and its history.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::{params, Connection};
use serde::Serialize;

use crate::clock::{iso_date, now_ms};
use crate::content::Section;
use crate::error::{Error, Result};
use crate::fsutil::{create_unique_dir, write_atomically};
use crate::library::comparison_head;
use crate::notes::file::{ExportedNote, ExportedVersion, NotesFile, FORMAT, FORMAT_VERSION};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportSummary {
    pub files: usize,
    pub notes: usize,
    /// The file or folder written, to tell the learner where their notes went.
    pub location: String,
}

/// Progress of long work: (done, total).
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize);

/// Every note, current or cleared-with-history, with its history.
pub fn collect_notes(conn: &Connection) -> Result<Vec<ExportedNote>> {
    let mut notes: BTreeMap<(String, String, String), ExportedNote> = BTreeMap::new();
    let mut current =
        conn.prepare("SELECT comparison_id, section, item_id, body, created_at, updated_at FROM note")?;
    let rows = current.query_map([], |r| {
        Ok(ExportedNote {
            comparison_id: r.get(0)?,
            section: r.get(1)?,
            item_id: r.get(2)?,
            body: Some(r.get(3)?),
            created_at: Some(r.get(4)?),
            updated_at: Some(r.get(5)?),
            history: Vec::new(),
        })
    })?;
    for note in rows {
        let note = note?;
        notes.insert((note.comparison_id.clone(), note.section.to_string(), note.item_id.clone()), note);
    }
    let mut versions = conn.prepare(
        "SELECT comparison_id, section, item_id, body, saved_at, replaced_at FROM note_version ORDER BY id DESC",
    )?;
    let rows = versions.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Section>(1)?,
            r.get::<_, String>(2)?,
            ExportedVersion { body: r.get(3)?, saved_at: r.get(4)?, replaced_at: r.get(5)? },
        ))
    })?;
    for row in rows {
        let (comparison_id, section, item_id, version) = row?;
        let key = (comparison_id.clone(), section.to_string(), item_id.clone());
        notes
            .entry(key)
            .or_insert_with(|| ExportedNote {
                comparison_id,
                section,
                item_id,
                body: None,
                created_at: None,
                updated_at: None,
                history: Vec::new(),
            })
            .history
            .push(version);
    }
    Ok(notes.into_values().collect())
}

pub fn notes_file(conn: &Connection) -> Result<NotesFile> {
    Ok(NotesFile {
        format: FORMAT.into(),
        version: FORMAT_VERSION,
        exported_at: now_ms(),
        app_version: env!("CARGO_PKG_VERSION").into(),
        notes: collect_notes(conn)?,
    })
}

pub fn export_json(conn: &Connection, path: &Path, progress: Progress<'_>) -> Result<ExportSummary> {
    progress(0, 1);
    let file = notes_file(conn)?;
    let bytes = serde_json::to_vec_pretty(&file)
        .map_err(|e| Error::BadImport { file: path.display().to_string(), message: e.to_string() })?;
    write_atomically(path, &bytes)?;
    progress(1, 1);
    Ok(ExportSummary { files: 1, notes: file.notes.len(), location: path.display().to_string() })
}

/// One comparison's notes as Markdown, and how many notes it holds.
pub struct ComparisonMarkdown {
    pub text: String,
    pub notes: usize,
}

/// The Markdown of one comparison's notes; with no notes, a page that says so.
pub fn comparison_markdown(conn: &Connection, comparison_id: &str) -> Result<ComparisonMarkdown> {
    let head = comparison_head(conn, comparison_id)?;
    let (title, category) = (head.title, head.category);
    let mut stmt = conn.prepare_cached(
        "SELECT n.section, n.item_id, n.body, i.text, i.name, coalesce(i.retired, 1), coalesce(i.position, 1000000)
         FROM note n LEFT JOIN item i
           ON i.comparison_id = n.comparison_id AND i.section = n.section AND i.item_id = n.item_id
         WHERE n.comparison_id = ?1
         ORDER BY coalesce(i.retired, 1), coalesce(i.position, 1000000), n.item_id",
    )?;
    let rows: Vec<NoteRow> = stmt
        .query_map(params![comparison_id], |r| {
            Ok(NoteRow {
                section: r.get(0)?,
                item_id: r.get(1)?,
                body: r.get(2)?,
                text: r.get(3)?,
                name: r.get(4)?,
                retired: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let notes = rows.len();
    if rows.is_empty() {
        return Ok(ComparisonMarkdown { text: format!("# {title}\n\nNo notes yet.\n"), notes });
    }
    let mut out =
        format!("# {title}\n\n*{category} · notes exported from Versus on {}*\n", iso_date(now_ms()));
    for NoteRow { section, item_id, body, text, name, retired } in rows {
        let heading = match (section, name.as_deref()) {
            (Section::Comparison, _) => "The comparison as a whole".to_string(),
            (Section::Subject, Some(name)) => format!("Subject: {name}"),
            (Section::WhenToUse, Some(name)) => format!("When to use {name}"),
            (Section::Difference, _) => "Key difference".to_string(),
            (Section::Tradeoff, _) => "Tradeoff".to_string(),
            (Section::Mistake, _) => "Common mistake".to_string(),
            (Section::InterviewTip, _) => "Interview tip".to_string(),
            (Section::Dimension, Some(label)) => format!("At a glance: {label}"),
            (Section::Dimension, None) => "At a glance".to_string(),
            (Section::Scenario, _) => "Scenario".to_string(),
            (other, None) => format!("{} {item_id}", capitalized(other.label())),
        };
        let archived = if retired { " (archived: no longer in the library)" } else { "" };
        out.push_str(&format!("\n## {heading}{archived}\n\n"));
        if let Some(text) = text {
            for line in text.lines() {
                out.push_str(&format!("> {line}\n"));
            }
            out.push('\n');
        }
        out.push_str(body.trim_end());
        out.push('\n');
    }
    Ok(ComparisonMarkdown { text: out, notes })
}

/// A note with the item it annotates, if the library still has it.
struct NoteRow {
    section: Section,
    item_id: String,
    body: String,
    text: Option<String>,
    name: Option<String>,
    retired: bool,
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

/// Writes one `<comparison-id>.md` per comparison with notes into a new
/// folder `versus-notes-YYYY-MM-DD` (`-2`, `-3`… when taken) inside `parent`,
/// so an export never replaces files the learner already has there. A failed
/// export removes the folder it made rather than leave half an export.
pub fn export_markdown(conn: &Connection, parent: &Path, progress: Progress<'_>) -> Result<ExportSummary> {
    let dir = create_unique_dir(parent, &format!("versus-notes-{}", iso_date(now_ms())))?;
    let written = write_markdown_files(conn, &dir, progress);
    if written.is_err() {
        // Only this export's own files are in it: the folder is new.
        let _ = std::fs::remove_dir_all(&dir);
    }
    written
}

fn write_markdown_files(conn: &Connection, dir: &Path, progress: Progress<'_>) -> Result<ExportSummary> {
    let ids: Vec<String> = conn
        .prepare("SELECT DISTINCT comparison_id FROM note ORDER BY comparison_id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut summary = ExportSummary { location: dir.display().to_string(), ..ExportSummary::default() };
    for (done, id) in ids.iter().enumerate() {
        progress(done, ids.len());
        let markdown = comparison_markdown(conn, id)?;
        if markdown.notes > 0 {
            write_atomically(&dir.join(format!("{id}.md")), markdown.text.as_bytes())?;
            summary.files += 1;
            summary.notes += markdown.notes;
        }
    }
    progress(ids.len(), ids.len());
    Ok(summary)
}

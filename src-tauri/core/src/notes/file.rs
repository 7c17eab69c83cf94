//! The notes file: one JSON document with every note and its history, which
//! export writes and import reads back. Its shape and its checks live here,
//! once, for both.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::content::Section;
use crate::error::{Error, Result};
use crate::notes::MAX_NOTE_BYTES;

pub const FORMAT: &str = "versus-notes";
pub const FORMAT_VERSION: u32 = 1;

/// The JSON export, and what import accepts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotesFile {
    pub format: String,
    pub version: u32,
    pub exported_at: i64,
    pub app_version: String,
    pub notes: Vec<ExportedNote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportedNote {
    pub comparison_id: String,
    pub section: Section,
    pub item_id: String,
    /// The current text; `None` when the note was cleared and only its history remains.
    pub body: Option<String>,
    pub created_at: Option<i64>,
    pub updated_at: Option<i64>,
    /// Earlier versions, newest first.
    pub history: Vec<ExportedVersion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportedVersion {
    pub body: String,
    pub saved_at: i64,
    pub replaced_at: i64,
}

/// Larger files are refused before reading: no real export comes near it.
pub const MAX_IMPORT_BYTES: u64 = 1 << 30;

fn refuse(path: &Path, message: impl Into<String>) -> Error {
    Error::BadImport { file: path.display().to_string(), message: message.into() }
}

/// Reads and checks a notes file; nothing is written.
pub fn read_notes_file(path: &Path) -> Result<NotesFile> {
    let size = std::fs::metadata(path).map_err(|e| refuse(path, format!("cannot be read: {e}")))?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(refuse(path, format!("is {size} bytes, larger than any Versus export")));
    }
    let bytes = std::fs::read(path).map_err(|e| refuse(path, format!("cannot be read: {e}")))?;
    parse_notes_file(path, &bytes)
}

pub fn parse_notes_file(path: &Path, bytes: &[u8]) -> Result<NotesFile> {
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| refuse(path, format!("is not a complete JSON file ({e})")))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(refuse(path, "is not a Versus notes export (it has no \"format\": \"versus-notes\")"));
    }
    let file: NotesFile = serde_path_to_error::deserialize(value).map_err(|e| {
        refuse(
            path,
            format!("does not have the shape of a Versus notes export: at {}: {}", e.path(), e.inner()),
        )
    })?;
    if file.version > FORMAT_VERSION {
        return Err(refuse(path, format!("was written by a newer Versus (format version {})", file.version)));
    }
    let mut keys = HashSet::new();
    for (index, note) in file.notes.iter().enumerate() {
        let at = format!("notes[{index}]");
        if note.comparison_id.is_empty() || note.item_id.is_empty() {
            return Err(refuse(path, format!("at {at}: a note needs a comparison_id and an item_id")));
        }
        if !keys.insert((note.comparison_id.as_str(), note.section, note.item_id.as_str())) {
            return Err(refuse(path, format!("at {at}: the same note appears twice")));
        }
        let too_big = note.body.as_ref().is_some_and(|b| b.len() > MAX_NOTE_BYTES)
            || note.history.iter().any(|v| v.body.len() > MAX_NOTE_BYTES);
        if too_big {
            return Err(refuse(path, format!("at {at}: a note is larger than {MAX_NOTE_BYTES} bytes")));
        }
        if note.body.is_some() != note.updated_at.is_some()
            || note.body.is_some() != note.created_at.is_some()
        {
            return Err(refuse(path, format!("at {at}: body, created_at and updated_at go together")));
        }
    }
    Ok(file)
}

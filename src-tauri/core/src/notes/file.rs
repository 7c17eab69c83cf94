//! The notes file: one JSON document with every note and its history, which
//! export writes and import reads back. Its shape and its checks live here,
//! once, for both.

use std::collections::HashSet;
use std::fs::{File, Metadata};
use std::io::Read;
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

/// The largest notes file accepted, in bytes. Real exports are far smaller;
/// the cap bounds the memory a wrong choice of file can take.
pub const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

fn refuse(path: &Path, message: impl Into<String>) -> Error {
    Error::BadImport { file: path.display().to_string(), message: message.into() }
}

/// Reads and checks a notes file; nothing is written, and no store is needed,
/// so the app does this before it takes the store.
///
/// Only a regular file (or a link to one) is opened: opening a FIFO waits for
/// a writer that may never come, and a device such as `/dev/zero` never
/// ends. The size in the metadata is only a first check: the read itself
/// stops past [`MAX_IMPORT_BYTES`], whatever the file turns into meanwhile.
pub fn read_notes_file(path: &Path) -> Result<NotesFile> {
    let unreadable = |e: std::io::Error| refuse(path, format!("cannot be read: {e}"));
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    check_is_small_regular_file(path, &metadata)?;
    let file = File::open(path).map_err(unreadable)?;
    // The file opened may not be the one first looked at: check it again.
    check_is_small_regular_file(path, &file.metadata().map_err(unreadable)?)?;
    let bytes = read_capped(file, MAX_IMPORT_BYTES).map_err(|e| match e {
        Capped::TooLarge => too_large(path),
        Capped::Io(e) => unreadable(e),
    })?;
    parse_notes_file(path, &bytes)
}

fn check_is_small_regular_file(path: &Path, metadata: &Metadata) -> Result<()> {
    if !metadata.is_file() {
        return Err(refuse(
            path,
            "is not a regular file (a folder, a device or a pipe); choose a Versus notes export",
        ));
    }
    if metadata.len() > MAX_IMPORT_BYTES {
        return Err(too_large(path));
    }
    Ok(())
}

fn too_large(path: &Path) -> Error {
    refuse(
        path,
        format!("is larger than {} MiB, larger than any Versus notes export", MAX_IMPORT_BYTES >> 20),
    )
}

enum Capped {
    TooLarge,
    Io(std::io::Error),
}

/// Everything `reader` holds, if that is at most `limit` bytes.
fn read_capped(reader: impl Read, limit: u64) -> std::result::Result<Vec<u8>, Capped> {
    let mut bytes = Vec::new();
    // One byte past the limit tells a file of exactly `limit` bytes from a larger one.
    reader.take(limit + 1).read_to_end(&mut bytes).map_err(Capped::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Capped::TooLarge);
    }
    Ok(bytes)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_stops_past_the_limit_whatever_the_source_claims() {
        let endless = std::io::repeat(b' ');
        assert!(matches!(read_capped(endless, 1024), Err(Capped::TooLarge)));
        let exact = read_capped(&[b'x'; 1024][..], 1024).ok().map(|b| b.len());
        assert_eq!(exact, Some(1024), "a source of exactly the limit is read whole");
    }
}

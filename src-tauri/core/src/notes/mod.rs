//! The learner's notes: Markdown text on any part of a comparison, with every
//! earlier version kept; and the notes file that export writes and import reads.

pub mod export;
pub mod file;
pub mod import;

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::now_ms;
use crate::content::Section;
use crate::error::{Entity, Error, OrNotFound, Result};

/// The largest note accepted, in bytes of UTF-8. Larger ones are refused whole, never cut.
pub const MAX_NOTE_BYTES: usize = 1024 * 1024;

/// What a note annotates. Stable content ids, never row ids, so a content
/// update can never detach a note.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteKey {
    pub comparison_id: String,
    pub section: Section,
    pub item_id: String,
}

impl std::fmt::Display for NoteKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {} / {}", self.comparison_id, self.section, self.item_id)
    }
}

impl NoteKey {
    pub fn new(comparison_id: impl Into<String>, section: Section, item_id: impl Into<String>) -> Self {
        NoteKey { comparison_id: comparison_id.into(), section, item_id: item_id.into() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    #[serde(flatten)]
    pub key: NoteKey,
    pub body: String,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteVersion {
    pub id: i64,
    pub body: String,
    pub saved_at: i64,
    pub replaced_at: i64,
}

/// A note whose item is no longer in the content, with the last text it had.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArchivedNote {
    #[serde(flatten)]
    pub note: Note,
    pub comparison_title: Option<String>,
    pub item_text: Option<String>,
}

/// A note with where it sits, for "recently edited" lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteWithPlace {
    #[serde(flatten)]
    pub note: Note,
    pub comparison_title: String,
    pub item_text: String,
    pub retired: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SaveOutcome {
    Saved,
    Unchanged,
    Cleared,
}

fn note_from_row(row: &Row<'_>) -> rusqlite::Result<Note> {
    Ok(Note {
        key: NoteKey {
            comparison_id: row.get("comparison_id")?,
            section: row.get("section")?,
            item_id: row.get("item_id")?,
        },
        body: row.get("body")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

/// Fails unless the key names a part of a known comparison (current or retired).
pub fn check_target(conn: &Connection, key: &NoteKey) -> Result<()> {
    crate::library::comparison_head(conn, &key.comparison_id)?;
    conn.prepare_cached("SELECT 1 FROM item WHERE comparison_id = ?1 AND section = ?2 AND item_id = ?3")?
        .query_row(params![key.comparison_id, key.section, key.item_id], |r| r.get::<_, i64>(0))
        .optional()
        .or_not_found(Entity::Item, key)?;
    Ok(())
}

/// Refuses a text larger than a note may be, whole: never cut.
pub fn check_size(text: &str) -> Result<()> {
    if text.len() > MAX_NOTE_BYTES {
        return Err(Error::NoteTooLarge { bytes: text.len(), limit: MAX_NOTE_BYTES });
    }
    Ok(())
}

/// Saves closer together than this belong to one editing session, whose
/// drafts the history does not keep one by one.
pub const EDIT_SESSION_MS: i64 = 10 * 60 * 1000;

/// What happens to the body a save replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Kept unless it is a draft of the editing session still under way.
    OncePerSession,
    /// Always kept: the text a restore replaces must stay one step back.
    Always,
}

/// Saves `body` as the note on `key` at the time `now`. The body it replaces
/// goes into the history, once per editing session (see [`keeps_replaced`]).
/// A blank body clears the note (its history stays).
pub fn save_note_at(tx: &Transaction<'_>, key: &NoteKey, body: &str, now: i64) -> Result<SaveOutcome> {
    check_target(tx, key)?;
    write_note(tx, key, body, now, Keep::OncePerSession)
}

/// Writes without checking that the library has the note's item: callers
/// either checked it, or work on a note that already exists (an archived
/// note's item may be gone from the library, and its note must still be
/// restorable and deletable).
fn write_note(tx: &Transaction<'_>, key: &NoteKey, body: &str, now: i64, keep: Keep) -> Result<SaveOutcome> {
    check_size(body)?;
    let current = get_note(tx, key)?;
    let clearing = body.trim().is_empty();
    let outcome = match &current {
        None if clearing => SaveOutcome::Unchanged,
        Some(note) if note.body == body => SaveOutcome::Unchanged,
        _ if clearing => SaveOutcome::Cleared,
        _ => SaveOutcome::Saved,
    };
    if outcome == SaveOutcome::Unchanged {
        return Ok(outcome);
    }
    if let Some(previous) = &current {
        if keep == Keep::Always
            || keeps_replaced(previous, body, now)
            || from_another_device(tx, key, &previous.body)?
        {
            insert_version(tx, key, &previous.body, previous.updated_at, now)?;
        }
    }
    if clearing {
        tx.prepare_cached("DELETE FROM note WHERE comparison_id = ?1 AND section = ?2 AND item_id = ?3")?
            .execute(params![key.comparison_id, key.section, key.item_id])?;
    } else {
        tx.prepare_cached(
            "INSERT INTO note (comparison_id, section, item_id, body, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)
             ON CONFLICT(comparison_id, section, item_id) DO UPDATE SET
                 body = excluded.body, updated_at = excluded.updated_at",
        )?
        .execute(params![key.comparison_id, key.section, key.item_id, body, now])?;
    }
    Ok(outcome)
}

/// Whether replacing `previous` with `body` at `now` keeps `previous` in the
/// history. Autosave writes every pause in typing; keeping each of those
/// drafts would bury the learner's real edits, so a body saved less than
/// [`EDIT_SESSION_MS`] before it is replaced is a draft of the session under
/// way and is not kept. The session's starting text is already kept at that
/// point: a session's first save follows a longer pause, or starts the note
/// from nothing, or follows a clear, and each of those kept what it replaced
/// (a note with nothing before it has nothing to keep).
///
/// A wipe is never a draft: a save that clears the note or leaves less than
/// half of its text keeps what it replaced, so an accidental select-all and
/// type is one step back.
fn keeps_replaced(previous: &Note, body: &str, now: i64) -> bool {
    let wipe = body.trim().is_empty() || body.chars().count() * 2 < previous.body.chars().count();
    // A clock set back (or a note imported from a machine whose clock runs
    // ahead) is no session: keep.
    let draft = (0..EDIT_SESSION_MS).contains(&(now - previous.updated_at));
    wipe || !draft
}

/// Whether `body` is a text sync brought from another device. Such a text
/// is never a draft of this device's editing session: saving over it (the
/// learner was typing when it arrived) keeps it in the history.
fn from_another_device(tx: &Transaction<'_>, key: &NoteKey, body: &str) -> Result<bool> {
    Ok(tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM note_change c
                WHERE c.comparison_id = ?1 AND c.section = ?2 AND c.item_id = ?3 AND c.body = ?4
                  AND c.device <> COALESCE((SELECT value FROM sync_meta WHERE key = 'device'), ''))",
        )?
        .query_row(params![key.comparison_id, key.section, key.item_id, body], |r| r.get(0))?)
}

/// Adds one earlier version to a note's history.
pub(crate) fn insert_version(
    conn: &Transaction<'_>,
    key: &NoteKey,
    body: &str,
    saved_at: i64,
    replaced_at: i64,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO note_version (comparison_id, section, item_id, body, saved_at, replaced_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![key.comparison_id, key.section, key.item_id, body, saved_at, replaced_at])?;
    Ok(())
}

/// Writes a note that does not exist yet, with its original times (import).
pub(crate) fn insert_note(
    conn: &Transaction<'_>,
    key: &NoteKey,
    body: &str,
    created_at: i64,
    updated_at: i64,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO note (comparison_id, section, item_id, body, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![key.comparison_id, key.section, key.item_id, body, created_at, updated_at])?;
    Ok(())
}

pub fn get_note(conn: &Connection, key: &NoteKey) -> Result<Option<Note>> {
    Ok(conn
        .prepare_cached("SELECT * FROM note WHERE comparison_id = ?1 AND section = ?2 AND item_id = ?3")?
        .query_row(params![key.comparison_id, key.section, key.item_id], note_from_row)
        .optional()?)
}

pub fn notes_for_comparison(conn: &Connection, comparison_id: &str) -> Result<Vec<Note>> {
    let mut stmt = conn.prepare_cached("SELECT * FROM note WHERE comparison_id = ?1")?;
    let rows = stmt.query_map([comparison_id], note_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Earlier bodies of a note, newest first.
pub fn history(conn: &Connection, key: &NoteKey) -> Result<Vec<NoteVersion>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, body, saved_at, replaced_at FROM note_version
         WHERE comparison_id = ?1 AND section = ?2 AND item_id = ?3 ORDER BY id DESC",
    )?;
    let rows = stmt.query_map(params![key.comparison_id, key.section, key.item_id], |row| {
        Ok(NoteVersion {
            id: row.get(0)?,
            body: row.get(1)?,
            saved_at: row.get(2)?,
            replaced_at: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Makes an earlier version current again. The body it replaces joins the
/// history, so a restore can itself be undone.
pub fn restore_version(tx: &Transaction<'_>, key: &NoteKey, version_id: i64) -> Result<Option<Note>> {
    let body: String = tx
        .query_row(
            "SELECT body FROM note_version WHERE id = ?1 AND comparison_id = ?2 AND section = ?3 AND item_id = ?4",
            params![version_id, key.comparison_id, key.section, key.item_id],
            |row| row.get(0),
        )
        .optional()
        .or_not_found(Entity::NoteVersion, version_id)?;
    write_note(tx, key, &body, now_ms(), Keep::Always)?;
    get_note(tx, key)
}

/// Sets a note to a text that came from another device (or clears it, for
/// ''), keeping the text it replaces in the history. The item need not be in
/// this device's library yet: the note waits, archived, until it is.
pub(crate) fn apply_synced(tx: &Transaction<'_>, key: &NoteKey, body: &str, now: i64) -> Result<()> {
    write_note(tx, key, body, now, Keep::Always).map(|_| ())
}

/// Whether the note on `key` hangs on nothing current: its item, or its
/// comparison, is retired or unknown to the library. The same rule as
/// [`archived_notes`].
pub fn is_archived(conn: &Connection, key: &NoteKey) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT NOT EXISTS (
                SELECT 1 FROM item i JOIN comparison c ON c.id = i.comparison_id
                WHERE i.comparison_id = ?1 AND i.section = ?2 AND i.item_id = ?3
                  AND i.retired = 0 AND c.retired = 0)",
        )?
        .query_row(params![key.comparison_id, key.section, key.item_id], |r| r.get(0))?)
}

/// Whether the learner ever wrote on `key`: a note or an earlier version.
/// Such a key is known even when the library no longer has its item.
pub fn was_written(conn: &Connection, key: &NoteKey) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM note WHERE comparison_id = ?1 AND section = ?2 AND item_id = ?3)
                 OR EXISTS (SELECT 1 FROM note_version WHERE comparison_id = ?1 AND section = ?2 AND item_id = ?3)",
        )?
        .query_row(params![key.comparison_id, key.section, key.item_id], |r| r.get(0))?)
}

/// Clears an archived note, keeping the text it had as the newest version of
/// its history (returned, so the deletion can be undone by restoring it).
/// Refuses a note whose item is current, and a key with no note.
pub fn delete_archived(tx: &Transaction<'_>, key: &NoteKey, now: i64) -> Result<NoteVersion> {
    let note = get_note(tx, key)?.or_not_found(Entity::Note, key)?;
    if !is_archived(tx, key)? {
        return Err(Error::NotArchived(key.to_string()));
    }
    // Keep::Always: a deletion is always one step back, even of a draft.
    write_note(tx, key, "", now, Keep::Always)?;
    history(tx, key)?
        .into_iter()
        .next()
        .filter(|v| v.body == note.body)
        .or_not_found(Entity::NoteVersion, key)
}

/// Notes whose item, or whole comparison, was retired from the content.
pub fn archived_notes(conn: &Connection) -> Result<Vec<ArchivedNote>> {
    let mut stmt = conn.prepare_cached(
        "SELECT n.*, c.title AS comparison_title, i.text AS item_text
         FROM note n
         LEFT JOIN comparison c ON c.id = n.comparison_id
         LEFT JOIN item i ON i.comparison_id = n.comparison_id AND i.section = n.section AND i.item_id = n.item_id
         WHERE i.item_id IS NULL OR i.retired = 1 OR c.retired = 1
         ORDER BY n.updated_at DESC",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok(ArchivedNote {
            note: note_from_row(row)?,
            comparison_title: row.get("comparison_title")?,
            item_text: row.get("item_text")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The most recently edited notes, newest first.
pub fn recent_notes(conn: &Connection, limit: usize) -> Result<Vec<NoteWithPlace>> {
    let mut stmt = conn.prepare_cached(
        "SELECT n.*, c.title AS comparison_title, i.text AS item_text, (i.retired OR c.retired) AS retired
         FROM note n
         JOIN comparison c ON c.id = n.comparison_id
         JOIN item i ON i.comparison_id = n.comparison_id AND i.section = n.section AND i.item_id = n.item_id
         ORDER BY n.updated_at DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit as i64], |row| {
        Ok(NoteWithPlace {
            note: note_from_row(row)?,
            comparison_title: row.get("comparison_title")?,
            item_text: row.get("item_text")?,
            retired: row.get("retired")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn count_notes(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM note", [], |row| row.get(0))?)
}

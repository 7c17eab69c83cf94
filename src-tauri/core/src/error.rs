//! The one error type of the domain. Each variant has a stable code the
//! command layer hands to the UI, and a message a learner can act on.

use std::fmt;
use std::path::PathBuf;

use crate::content::ContentErrors;

/// The kinds of things an id can fail to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Comparison,
    Item,
    NoteVersion,
    Note,
    Card,
    Backup,
    Drill,
    Draft,
    Pack,
}

impl Entity {
    fn noun(self) -> &'static str {
        match self {
            Entity::Comparison => "comparison",
            Entity::Item => "item",
            Entity::NoteVersion => "earlier version of this note",
            Entity::Note => "note on",
            Entity::Card => "card",
            Entity::Backup => "backup",
            Entity::Drill => "drill",
            Entity::Draft => "draft",
            Entity::Pack => "installed pack",
        }
    }

    /// The error code the UI reads; stable across versions.
    fn code(self) -> &'static str {
        match self {
            Entity::Comparison => "unknown_comparison",
            Entity::Item => "unknown_item",
            Entity::NoteVersion => "unknown_version",
            Entity::Note => "unknown_note",
            Entity::Card => "unknown_card",
            Entity::Backup => "unknown_backup",
            Entity::Drill => "unknown_drill",
            Entity::Draft => "unknown_draft",
            Entity::Pack => "unknown_pack",
        }
    }
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.noun())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A database failure, with the operation it interrupted once it is known
    /// (set by `Store::transact` and `Store::read`).
    #[error("database error{}: {source}", operation.map(|op| format!(" while {op}")).unwrap_or_default())]
    Database {
        operation: Option<&'static str>,
        #[source]
        source: rusqlite::Error,
    },

    #[error("{action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "the database {path} was written by a newer version of Versus (schema version {found}; \
         this version knows up to {supported}). It was left untouched: update Versus to open it."
    )]
    NewerSchema { path: PathBuf, found: i64, supported: i64 },

    #[error("{path} is not a readable Versus database: {reason}")]
    NotADatabase { path: PathBuf, reason: String },

    #[error("{0}")]
    Content(#[from] ContentErrors),

    #[error("there is no {kind} {id:?}")]
    NotFound { kind: Entity, id: String },

    #[error("{0:?} is not a section of a comparison")]
    UnknownSection(String),

    #[error("the note is {bytes} bytes; a note can hold at most {limit} bytes. Nothing was saved; split it into smaller notes.")]
    NoteTooLarge { bytes: usize, limit: usize },

    #[error("{0}")]
    InvalidArgument(String),

    /// Only an archived note can be deleted outright: a current item's note
    /// is cleared in its editor, where the learner sees what it annotates.
    #[error("the note on {0} is not archived: its item is still in the library. Clear it on the comparison's page instead.")]
    NotArchived(String),

    /// Only the learner's own comparisons are edited, archived or deleted;
    /// a shipped or a pack's comparison is copied first.
    #[error("{0:?} is not one of your own comparisons: make your own copy to change it")]
    NotOwnComparison(String),

    /// Deleting for good is the second step, from the archive.
    #[error("{0:?} is not archived: archive it first; deleting for good is done from the archive")]
    ComparisonNotArchived(String),

    #[error("the draft is {bytes} bytes; a draft can hold at most {limit} bytes. Nothing was saved.")]
    DraftTooLarge { bytes: usize, limit: usize },

    /// A pack or a draft that cannot be imported or published as it is:
    /// every problem, each with its field's path.
    #[error("{0}")]
    Invalid(ContentErrors),

    /// A pack's comparison has the id of a comparison that is not the pack's.
    #[error("{0}")]
    IdCollision(ContentErrors),

    #[error("the scheduler could not grade this card: {0}")]
    Scheduler(String),

    /// Fitting the schedule to the learner needs more of their answers.
    #[error("fitting the schedule needs {need} answers given a day or more after the one before; you have {have} ({} more to go)", need - have)]
    NotEnoughReviews { have: usize, need: usize },

    /// The learner stopped the optimizer.
    #[error("the optimization was cancelled; nothing changed")]
    Cancelled,

    #[error("the optimizer failed: {0}. Nothing changed.")]
    Optimizer(String),

    /// The sync folder is gone, unreadable or read-only: sync pauses, the app works on.
    #[error("the sync folder {path} {reason}; sync is paused until it is back")]
    SyncFolder { path: PathBuf, reason: String },

    #[error("{file}: {message}")]
    BadImport { file: String, message: String },

    #[error("the database could not be brought up to date: {0}. It was left as it was.")]
    Migration(String),

    #[error(
        "Versus is already open with the data folder {data_dir}. Switch to that window; \
         two at once could overwrite each other's notes."
    )]
    AlreadyOpen { data_dir: PathBuf },
}

impl From<rusqlite::Error> for Error {
    fn from(source: rusqlite::Error) -> Self {
        Error::Database { operation: None, source }
    }
}

impl Error {
    /// A stable, machine-readable name for the kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Database { source, .. } if is_busy(source) => "busy",
            Error::Database { .. } => "database",
            Error::Io { .. } => "io",
            Error::NewerSchema { .. } => "newer_schema",
            Error::NotADatabase { .. } => "not_a_database",
            Error::Content(_) => "invalid_content",
            Error::NotFound { kind, .. } => kind.code(),
            Error::UnknownSection(_) => "unknown_section",
            Error::NoteTooLarge { .. } => "note_too_large",
            Error::InvalidArgument(_) => "invalid_argument",
            Error::NotArchived(_) => "not_archived",
            Error::NotOwnComparison(_) => "not_own",
            Error::ComparisonNotArchived(_) => "not_archived",
            Error::DraftTooLarge { .. } => "draft_too_large",
            Error::Invalid(_) => "invalid",
            Error::IdCollision(_) => "id_collision",
            Error::Scheduler(_) => "scheduler",
            Error::NotEnoughReviews { .. } => "not_enough_reviews",
            Error::Cancelled => "cancelled",
            Error::Optimizer(_) => "optimizer",
            Error::SyncFolder { .. } => "sync_folder",
            Error::BadImport { .. } => "bad_import",
            Error::Migration(_) => "migration",
            Error::AlreadyOpen { .. } => "already_open",
        }
    }

    pub fn not_found(kind: Entity, id: impl ToString) -> Error {
        Error::NotFound { kind, id: id.to_string() }
    }

    /// Names the operation a database error interrupted, unless it already has one.
    pub fn during(self, operation: &'static str) -> Error {
        match self {
            Error::Database { operation: None, source } => {
                Error::Database { operation: Some(operation), source }
            }
            other => other,
        }
    }

    /// A JSON column Versus wrote that no longer reads back: a damaged row,
    /// reported as the database error it is.
    pub(crate) fn damaged_json(column: usize, err: serde_json::Error) -> Error {
        Error::Database {
            operation: None,
            source: rusqlite::Error::FromSqlConversionFailure(
                column,
                rusqlite::types::Type::Text,
                Box::new(err),
            ),
        }
    }

    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { action, path, source }
    }
}

fn is_busy(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// `.or_not_found(kind, id)` on a lookup that may find nothing.
pub trait OrNotFound<T> {
    fn or_not_found(self, kind: Entity, id: impl ToString) -> Result<T>;
}

impl<T> OrNotFound<T> for Option<T> {
    fn or_not_found(self, kind: Entity, id: impl ToString) -> Result<T> {
        self.ok_or_else(|| Error::not_found(kind, id))
    }
}

impl<T> OrNotFound<T> for rusqlite::Result<Option<T>> {
    fn or_not_found(self, kind: Entity, id: impl ToString) -> Result<T> {
        self?.or_not_found(kind, id)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(code: std::ffi::c_int) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn a_busy_or_locked_database_has_its_own_code_so_the_ui_can_say_try_again() {
        assert_eq!(Error::from(sqlite(rusqlite::ffi::SQLITE_BUSY)).code(), "busy");
        assert_eq!(Error::from(sqlite(rusqlite::ffi::SQLITE_LOCKED)).code(), "busy");
        assert_eq!(Error::from(sqlite(rusqlite::ffi::SQLITE_IOERR)).code(), "database");
    }

    #[test]
    fn an_operation_is_named_once_the_first_time() {
        let err = Error::from(sqlite(rusqlite::ffi::SQLITE_IOERR)).during("saving a note").during("outer");
        assert!(err.to_string().starts_with("database error while saving a note: "), "{err}");
        let not_db = Error::not_found(Entity::Card, 7).during("grading a card");
        assert_eq!(not_db.to_string(), "there is no card \"7\"");
    }
}

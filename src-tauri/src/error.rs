//! The one error type of the domain modules. Each variant has a stable code
//! the command layer hands to the UI.

use std::path::PathBuf;

use crate::content::{ContentErrors, Section};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),

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

    #[error("no comparison has the id {0:?}")]
    UnknownComparison(String),

    #[error("comparison {comparison_id:?} has no {section} with the id {item_id:?}")]
    UnknownItem { comparison_id: String, section: Section, item_id: String },

    #[error("{0:?} is not a section of a comparison")]
    UnknownSection(String),

    #[error("the note is {bytes} bytes; a note can hold at most {limit} bytes. Nothing was saved; split it into smaller notes.")]
    NoteTooLarge { bytes: usize, limit: usize },

    #[error("this note has no earlier version with the id {0}")]
    UnknownVersion(i64),

    #[error("there is no card with the id {0}")]
    UnknownCard(i64),

    #[error("{0}")]
    InvalidArgument(String),

    #[error("the scheduler could not grade this card: {0}")]
    Scheduler(String),

    #[error("there is no backup named {0:?}")]
    UnknownBackup(String),

    #[error("{file}: {message}")]
    BadImport { file: String, message: String },
}

impl Error {
    /// A stable, machine-readable name for the kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Sqlite(_) => "database",
            Error::Io { .. } => "io",
            Error::NewerSchema { .. } => "newer_schema",
            Error::NotADatabase { .. } => "not_a_database",
            Error::Content(_) => "invalid_content",
            Error::UnknownComparison(_) => "unknown_comparison",
            Error::UnknownItem { .. } => "unknown_item",
            Error::UnknownSection(_) => "unknown_section",
            Error::NoteTooLarge { .. } => "note_too_large",
            Error::UnknownVersion(_) => "unknown_version",
            Error::UnknownBackup(_) => "unknown_backup",
            Error::UnknownCard(_) => "unknown_card",
            Error::InvalidArgument(_) => "invalid_argument",
            Error::Scheduler(_) => "scheduler",
            Error::BadImport { .. } => "bad_import",
        }
    }

    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { action, path, source }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

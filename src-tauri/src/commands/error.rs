//! The error every command answers with: `{ code, message }`, the code taken
//! from the domain's `Error::code()` so the UI can branch on it.

use serde::Serialize;
use ts_rs::TS;
use versus_core::Error;

#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct CommandError {
    pub code: String,
    pub message: String,
}

impl CommandError {
    /// A failure of the shell itself (a task that panicked, a thread that did
    /// not start): not the domain's, so it has no domain code.
    pub(crate) fn internal(message: impl Into<String>) -> Self {
        CommandError { code: "internal".into(), message: message.into() }
    }
}

impl From<Error> for CommandError {
    fn from(err: Error) -> Self {
        CommandError { code: err.code().into(), message: err.to_string() }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;

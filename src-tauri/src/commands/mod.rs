//! The Tauri commands, grouped by area: each parses its arguments, makes
//! exactly one call into `versus_core::ops`, and answers a typed error
//! `{ code, message }`. No SQL and no domain rule here.

pub mod data;
mod error;
pub mod library;
pub mod notes;
mod state;
pub mod status;
pub mod study;
#[cfg(test)]
mod types;

pub use error::{CommandError, CommandResult};
pub use state::AppState;
pub use status::PREFERENCES_FILE;

//! The domain of Versus: the content format, the store, notes, search,
//! active recall, backups and the learner's data files. It knows nothing of
//! Tauri or of any window (its dependency tree has none), so every rule of
//! the domain is tested here, fast, without a display.
//!
//! [`ops`] holds one function per user operation; the app's commands call
//! those and nothing else, and so do the tests.

pub mod clock;
pub mod content;
pub mod error;
pub mod fsutil;
pub mod library;
pub mod markdown;
pub mod notes;
pub mod ops;
pub mod own;
pub mod packs;
pub mod search;
pub mod store;
pub mod study;
pub mod sync;

pub use error::{Entity, Error, OrNotFound, Result};

/// Environment variable that replaces the app's data folder (tests always set it).
pub const DATA_DIR_ENV: &str = "VERSUS_DATA_DIR";

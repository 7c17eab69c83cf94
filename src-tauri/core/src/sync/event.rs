//! What travels between devices: one change each, tagged by its kind.
//! An event that does not parse (an unknown kind, section or field) makes
//! its batch unreadable as a whole, which the folder layer reports and
//! passes over: a batch comes from one Versus, whole or not at all.

use serde::{Deserialize, Serialize};

use crate::content::Section;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    /// A note's text as of a stamp ('' for a cleared note).
    Note { comparison: String, section: Section, item: String, body: String, stamp: String },
}

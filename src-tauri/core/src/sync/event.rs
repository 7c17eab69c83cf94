//! What travels between devices: one change each, tagged by its kind.
//!
//! Every event is read on its own: one this Versus does not understand (an
//! unknown kind, card kind or section, a field too many) is refused and
//! said, and the rest of its batch is taken in. What a batch claims is not
//! trusted: ids longer than any the library makes are refused too.

use serde::{Deserialize, Serialize};

use crate::content::Section;
use crate::study::cards::CardKind;

/// The longest comparison or item id an event may carry.
pub const MAX_ID_BYTES: usize = 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    /// A note's text as of a stamp ('' for a cleared note).
    Note { comparison: String, section: Section, item: String, body: String, stamp: String },
    /// A grade given to a card; `id` is the stamp made when it was first recorded.
    Review {
        id: String,
        comparison: String,
        card: CardKind,
        section: Section,
        item: String,
        reviewed_at: i64,
        grade: u8,
    },
    /// The learner took back the review `id` (undo).
    ReviewUndone { id: String },
    /// A comparison of the learner's own as of a stamp: its document (the
    /// content format, as a store keeps it) and whether it is archived.
    /// `base` is the stamp of the revision it replaced on the device that
    /// made it, if any: what tells a concurrent edit from a later one.
    Comparison { id: String, document: String, archived: bool, stamp: String, base: Option<String> },
    /// An interview drill; `id` is the stamp made when it was first
    /// recorded, `stamp` that of its grade (given later, or changed).
    Drill {
        id: String,
        comparison: String,
        started_at: i64,
        submitted_at: i64,
        seconds_used: i64,
        answer: String,
        grade: Option<u8>,
        stamp: String,
    },
    /// A card suspended or unsuspended, as of a stamp.
    Suspension {
        comparison: String,
        card: CardKind,
        section: Section,
        item: String,
        suspended: bool,
        stamp: String,
    },
    /// An installed pack as of a stamp: the pack as its file holds it while
    /// installed (so a device installs it without the file), none once
    /// removed. Kept as JSON here and read with every check an import makes,
    /// so a malformed pack is refused as such, not as an event not understood.
    Pack { id: String, removed: bool, pack: Option<serde_json::Value>, stamp: String },
    /// A draft as of a stamp; `id` is the stamp made when it was first
    /// recorded. `document` is the editor's JSON, which may be incomplete
    /// ('' once deleted: discarded or published, a tombstone).
    Draft {
        id: String,
        comparison: Option<String>,
        copied_from: Option<String>,
        document: String,
        deleted: bool,
        stamp: String,
        /// The stamp of the state this one replaced where it was made, if any:
        /// what tells a concurrent edit from a later one.
        #[serde(default)]
        base: Option<String>,
    },
}

/// An event as read from a batch: understood, or not (kept to say which).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Incoming {
    Event(Event),
    NotUnderstood(serde_json::Value),
}

impl Incoming {
    /// What an event not understood claims to be, for the report.
    pub fn claimed_kind(value: &serde_json::Value) -> String {
        let kind = value.get("kind").and_then(|k| k.as_str()).unwrap_or("unknown");
        kind.chars().take(40).collect()
    }
}

/// A card as devices know it: by what it asks about, never by row id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CardKey {
    pub comparison_id: String,
    pub kind: CardKind,
    pub section: Section,
    pub item_id: String,
}

impl CardKey {
    /// The key an event names, or why it cannot name a card here.
    pub fn checked(
        comparison: &str,
        kind: CardKind,
        section: Section,
        item: &str,
    ) -> Result<CardKey, String> {
        if kind == CardKind::Custom {
            return Err("a card of the learner's own, which stays on its device".into());
        }
        check_ids(comparison, item)?;
        Ok(CardKey { comparison_id: comparison.to_string(), kind, section, item_id: item.to_string() })
    }
}

/// Refuses ids no library makes (empty, or longer than [`MAX_ID_BYTES`]).
pub fn check_ids(comparison: &str, item: &str) -> Result<(), String> {
    for id in [comparison, item] {
        if id.is_empty() || id.len() > MAX_ID_BYTES {
            return Err(format!("an id of {} bytes", id.len()));
        }
    }
    Ok(())
}

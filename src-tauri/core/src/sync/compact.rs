//! A device folds its own older batches together. Every sync that changed
//! something writes a batch, so over months a device's folder would hold
//! thousands of small files, each one more for the sync tool to scan and for
//! a new device to open. Once a device's folder holds more than
//! [`COMPACT_OVER`] batches, the device that wrote them (and only it: no two
//! writers on one file) copies the events of all but the newest
//! [`COMPACT_KEEP`] into as few batches as the size limit allows, under new
//! numbers, then deletes the old files. Nothing is dropped: events are
//! taken in idempotently, so a device that had read the old batches reads
//! the merged ones as new and finds nothing new in them, and one that had
//! not reads everything it missed.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::error::Result;
use crate::sync::folder::{read_one, seq_in_name, sync_root, within_limits, write_next_free, Skipped};

/// A device's folder with more batches than this is compacted.
pub const COMPACT_OVER: usize = 64;
/// The newest batches are left as they are: a device that syncs often has
/// most likely not read them yet, and merging them would make it read them twice.
pub const COMPACT_KEEP: usize = 8;

/// What a compaction did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Compacted {
    /// Old batch files merged and deleted.
    pub merged: usize,
    /// The numbers of the batches written in their place.
    pub written: Vec<u64>,
    /// Old files left where they are, and why (still being copied, or not deletable).
    pub left: Vec<String>,
}

/// Compacts `device`'s own folder when it holds more than [`COMPACT_OVER`]
/// batches, writing the merged batches from number `next_seq` on. Answers
/// what it did and the next free number, or None when there was nothing to do.
pub fn compact_own(folder: &Path, device: &str, next_seq: u64) -> Result<Option<(Compacted, u64)>> {
    let dir = sync_root(folder)?.join(device);
    let mut files: Vec<(u64, PathBuf)> = match fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
            .filter_map(|p| seq_in_name(&p).map(|seq| (seq, p)))
            .collect(),
        Err(err) if err.kind() == ErrorKind::NotFound => return Ok(None),
        Err(err) => {
            return Err(crate::sync::folder::folder_error(&dir, format!("cannot be read ({err})")));
        }
    };
    if files.len() <= COMPACT_OVER {
        return Ok(None);
    }
    files.sort();
    let mut seqs: Vec<u64> = files.iter().map(|(seq, _)| *seq).collect();
    seqs.dedup();
    let keep_from = seqs[seqs.len().saturating_sub(COMPACT_KEEP)];

    let mut compacted = Compacted::default();
    let mut events: Vec<Value> = Vec::new();
    let mut merged_files: Vec<PathBuf> = Vec::new();
    let mut merged_seqs: Vec<u64> = Vec::new();
    for (seq, path) in files.into_iter().filter(|(seq, _)| *seq < keep_from) {
        let mut skipped = Vec::new();
        match read_one::<Value>(&path, device, &mut skipped)? {
            // A sync tool's conflicted copy of a batch already taken: the same events.
            Some(_) if merged_seqs.contains(&seq) => merged_files.push(path),
            Some(batch) => {
                events.extend(batch.events);
                merged_seqs.push(seq);
                merged_files.push(path);
            }
            None => compacted.left.extend(skipped.iter().map(|s| left_because(s, &path))),
        }
    }
    if merged_files.is_empty() {
        return Ok(None);
    }

    let mut seq = next_seq;
    for chunk in within_limits(&events)? {
        seq = write_next_free(folder, device, seq, chunk)?;
        compacted.written.push(seq);
        seq += 1;
    }
    for path in merged_files {
        match fs::remove_file(&path) {
            Ok(()) => compacted.merged += 1,
            Err(err) if err.kind() == ErrorKind::NotFound => compacted.merged += 1,
            // Left in place, it is read again as what it is: harmless.
            Err(err) => compacted.left.push(format!("{} could not be deleted ({err})", path.display())),
        }
    }
    Ok(Some((compacted, seq)))
}

fn left_because(skipped: &Skipped, path: &Path) -> String {
    match skipped {
        Skipped::Incomplete { .. } => format!("{} is still being copied; it is merged later", path.display()),
        other => format!("{} was left as it is ({other:?})", path.display()),
    }
}

//! The sync folder as a transport. A tool the learner already uses
//! (Syncthing, Dropbox, iCloud Drive, OneDrive, Nextcloud, git) keeps
//! `<folder>/versus-sync/` in step between machines; Versus only reads and
//! writes files there:
//!
//! - each device writes only its own folder, `versus-sync/<device id>/`, so
//!   a sync tool never sees two writers on one file;
//! - a batch is written once and never changed: to a temporary name,
//!   synced, then renamed to `batch-<seq>.json`;
//! - a device reads every other device's batches, passing over what it has
//!   read (by device and sequence number, so a "conflicted copy" a sync tool
//!   makes is read like any batch and reading twice is harmless), what is
//!   still being copied (cut short, not yet JSON: retried next time), what a
//!   newer Versus wrote (said, and left), and what is too large.
//!
//! What the batches carry, and how it merges, is the caller's: the folder
//! layer is generic over the event type.

use std::collections::HashSet;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::fsutil::write_atomically;

/// The folder inside the one the learner chose.
pub const SYNC_DIR: &str = "versus-sync";
/// The batch format this Versus writes and reads.
pub const BATCH_FORMAT: u32 = 1;
/// A batch larger than this is not read (a damaged or hostile file).
pub const MAX_BATCH_BYTES: u64 = 16 * 1024 * 1024;

/// One immutable file of events from one device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Batch<T> {
    pub format: u32,
    pub device: String,
    /// The device's own count of its batches, from 1.
    pub seq: u64,
    pub events: Vec<T>,
}

/// A batch as written, borrowing its events.
#[derive(Serialize)]
struct BatchOut<'a, T> {
    format: u32,
    device: &'a str,
    seq: u64,
    events: &'a [T],
}

/// Why a file in the folder was passed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skipped {
    /// Cut short or not yet JSON: most likely still being copied; read again next time.
    Incomplete {
        path: PathBuf,
        reason: String,
    },
    /// Written by a newer Versus.
    NewerFormat {
        path: PathBuf,
        format: u32,
    },
    TooLarge {
        path: PathBuf,
        bytes: u64,
    },
    /// Its content says it comes from another device than its folder.
    WrongDevice {
        path: PathBuf,
        claims: String,
    },
}

/// What one read of the folder found.
#[derive(Debug)]
pub struct Inbox<T> {
    /// New batches, each (device, seq) once, in device then sequence order.
    pub batches: Vec<Batch<T>>,
    pub skipped: Vec<Skipped>,
    /// Every other device with a folder here.
    pub devices: Vec<String>,
}

/// A device id is made by Versus (lowercase letters, digits and `-`); a
/// folder of any other name in the sync folder is not a device's.
pub fn is_device_id(text: &str) -> bool {
    (8..=64).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub(crate) fn folder_error(path: &Path, reason: impl Into<String>) -> Error {
    Error::SyncFolder { path: path.to_path_buf(), reason: reason.into() }
}

/// The learner's chosen folder must be there and be a folder; it is never
/// created (a missing folder is an unplugged disk or an unmounted share).
pub(crate) fn sync_root(folder: &Path) -> Result<PathBuf> {
    match fs::metadata(folder) {
        Ok(meta) if meta.is_dir() => Ok(folder.join(SYNC_DIR)),
        Ok(_) => Err(folder_error(folder, "is not a folder")),
        Err(err) => Err(folder_error(folder, format!("cannot be reached ({err})"))),
    }
}

fn batch_name(seq: u64) -> String {
    format!("batch-{seq:012}.json")
}

/// Writes a device's batch `seq` into its own folder, durably, and never
/// over an existing batch. Answers the file's path.
pub fn write_batch<T: Serialize>(folder: &Path, device: &str, seq: u64, events: &[T]) -> Result<PathBuf> {
    if !is_device_id(device) {
        return Err(Error::InvalidArgument(format!("{device:?} is not a device id")));
    }
    let dir = sync_root(folder)?.join(device);
    fs::create_dir_all(&dir).map_err(|err| folder_error(&dir, format!("cannot be written ({err})")))?;
    let path = dir.join(batch_name(seq));
    if path.exists() {
        return Err(folder_error(&path, "is already there: a batch is written once"));
    }
    let batch = BatchOut { format: BATCH_FORMAT, device, seq, events };
    let bytes = serde_json::to_vec(&batch).map_err(|err| Error::InvalidArgument(err.to_string()))?;
    if bytes.len() as u64 > MAX_BATCH_BYTES {
        return Err(Error::InvalidArgument(format!(
            "a batch of {} bytes is over the {MAX_BATCH_BYTES}-byte limit: write fewer events to each",
            bytes.len()
        )));
    }
    write_atomically(&path, &bytes)
        .map_err(|err| folder_error(&path, format!("cannot be written ({err})")))?;
    Ok(path)
}

/// Events in one batch at most: a first sync of a large store writes several.
const EVENTS_PER_BATCH: usize = 2_000;
/// Room left in a batch for its envelope (format, device, sequence).
const ENVELOPE_BYTES: u64 = 4_096;

/// The most one event may take: a batch holds at least one event, whole.
pub const EVENT_BUDGET: u64 = MAX_BATCH_BYTES - ENVELOPE_BYTES;

/// The bytes `event` takes in a batch (its JSON and a separator).
pub fn event_bytes<T: Serialize>(event: &T) -> Result<u64> {
    let bytes = serde_json::to_vec(event).map_err(|err| Error::InvalidArgument(err.to_string()))?;
    Ok(bytes.len() as u64 + 1)
}

/// Cuts `events` into runs that each make a batch under both the count and
/// the size a batch may have (a few notes near their size limit fill one).
pub fn within_limits<T: Serialize>(events: &[T]) -> Result<Vec<&[T]>> {
    let budget = EVENT_BUDGET;
    let mut chunks = Vec::new();
    let (mut start, mut bytes) = (0, 0u64);
    for (i, event) in events.iter().enumerate() {
        let size = event_bytes(event)?;
        if i > start && (i - start == EVENTS_PER_BATCH || bytes + size > budget) {
            chunks.push(&events[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += size;
    }
    if start < events.len() {
        chunks.push(&events[start..]);
    }
    Ok(chunks)
}

/// Writes a batch under the first number from `seq` on that no file has
/// yet (one left by a sync whose commit failed keeps its number); answers
/// the number used.
pub fn write_next_free<T: Serialize>(folder: &Path, device: &str, mut seq: u64, events: &[T]) -> Result<u64> {
    loop {
        match write_batch(folder, device, seq, events) {
            Ok(_) => return Ok(seq),
            Err(Error::SyncFolder { path, .. }) if path.is_file() => seq += 1,
            Err(err) => return Err(err),
        }
    }
}

/// The format field alone, to tell a newer batch from a damaged one.
#[derive(Deserialize)]
struct FormatOnly {
    format: u32,
}

/// Reads every other device's batches that `seen` (device, seq) does not
/// already know, passing over the files it cannot use yet or at all.
pub fn read_batches<T: DeserializeOwned>(
    folder: &Path,
    own_device: &str,
    seen: &dyn Fn(&str, u64) -> bool,
) -> Result<Inbox<T>> {
    let root = sync_root(folder)?;
    let mut inbox = Inbox { batches: Vec::new(), skipped: Vec::new(), devices: Vec::new() };
    let entries = match fs::read_dir(&root) {
        Ok(entries) => entries,
        // No device has written yet.
        Err(err) if err.kind() == ErrorKind::NotFound => return Ok(inbox),
        Err(err) => return Err(folder_error(&root, format!("cannot be read ({err})"))),
    };
    let mut devices: Vec<(String, PathBuf)> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|err| folder_error(&root, format!("cannot be read ({err})")))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_device_id(&name) && name != own_device && entry.path().is_dir() {
            devices.push((name, entry.path()));
        }
    }
    devices.sort();
    let mut taken: HashSet<(String, u64)> = HashSet::new();
    for (device, dir) in devices {
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .map_err(|err| folder_error(&dir, format!("cannot be read ({err})")))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            // Temporary files (a write under way, ours or a sync tool's) start with a dot.
            .filter(|p| {
                p.extension().is_some_and(|e| e == "json")
                    && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        files.sort();
        let mut batches = Vec::new();
        for path in files {
            // A batch already read is known by the number in its name (a
            // conflicted copy keeps it), and not read again: a sync reads
            // what is new, not the whole history of the folder.
            if seq_in_name(&path)
                .is_some_and(|seq| seen(&device, seq) || taken.contains(&(device.clone(), seq)))
            {
                continue;
            }
            if let Some(batch) = read_one::<T>(&path, &device, &mut inbox.skipped)? {
                if !seen(&device, batch.seq) && taken.insert((device.clone(), batch.seq)) {
                    batches.push(batch);
                }
            }
        }
        batches.sort_by_key(|b| b.seq);
        inbox.batches.extend(batches);
        inbox.devices.push(device);
    }
    Ok(inbox)
}

/// The sequence number a batch's file name carries: `batch-<12 digits>`,
/// then `.json` or whatever a sync tool added to a copy's name.
pub(crate) fn seq_in_name(path: &Path) -> Option<u64> {
    let name = path.file_name()?.to_str()?;
    let digits = name.strip_prefix("batch-")?.get(..12)?;
    digits.bytes().all(|b| b.is_ascii_digit()).then(|| digits.parse().ok()).flatten()
}

/// One batch file, or None with the reason kept in `skipped`.
pub(crate) fn read_one<T: DeserializeOwned>(
    path: &Path,
    device: &str,
    skipped: &mut Vec<Skipped>,
) -> Result<Option<Batch<T>>> {
    let bytes = match fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_BATCH_BYTES => {
            skipped.push(Skipped::TooLarge { path: path.to_path_buf(), bytes: meta.len() });
            return Ok(None);
        }
        Ok(_) => match fs::read(path) {
            Ok(bytes) => bytes,
            // Gone between listing and reading: a sync tool replaced it.
            Err(err) if err.kind() == ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(folder_error(path, format!("cannot be read ({err})"))),
        },
        Err(err) if err.kind() == ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(folder_error(path, format!("cannot be read ({err})"))),
    };
    if let Ok(FormatOnly { format }) = serde_json::from_slice::<FormatOnly>(&bytes) {
        if format > BATCH_FORMAT {
            skipped.push(Skipped::NewerFormat { path: path.to_path_buf(), format });
            return Ok(None);
        }
    }
    match serde_json::from_slice::<Batch<T>>(&bytes) {
        Ok(batch) if batch.device != device => {
            skipped.push(Skipped::WrongDevice { path: path.to_path_buf(), claims: batch.device });
            Ok(None)
        }
        Ok(batch) => Ok(Some(batch)),
        Err(err) => {
            skipped.push(Skipped::Incomplete { path: path.to_path_buf(), reason: err.to_string() });
            Ok(None)
        }
    }
}

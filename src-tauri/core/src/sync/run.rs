//! One sync: this device's changes stamped, the other devices' batches
//! read and taken in, what they touched settled, and what this device has
//! not yet sent written as batches of its own. All of it inside the
//! caller's transaction, so a sync that fails leaves the store as it was
//! (a batch it wrote before failing is sent again under the next number).

use std::collections::HashSet;
use std::path::Path;

use rusqlite::{params, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::notes::{check_size, NoteKey};
use crate::study::StudySettings;
use crate::sync::clock::Clock;
use crate::sync::event::Event;
use crate::sync::folder::{read_batches, write_batch, Skipped, MAX_BATCH_BYTES};
use crate::sync::notes::{self, NoteChange};
use crate::sync::state::{device_id, next_seq, set_meta};

/// Events in one batch at most: a first sync of a large store writes several.
const EVENTS_PER_BATCH: usize = 2_000;
/// Room left in a batch for its envelope (format, device, sequence).
const ENVELOPE_BYTES: u64 = 4_096;

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SyncReport {
    pub device: String,
    pub sent: usize,
    pub received: usize,
    /// Notes whose current text changed here.
    pub applied: usize,
    /// The comparisons whose notes changed here, for an open view to refresh.
    pub comparisons: Vec<String>,
    /// Files passed over, and events refused (too large a note), in words.
    pub skipped: Vec<String>,
    /// The other devices whose folders are in the sync folder.
    pub devices: Vec<String>,
}

impl SyncReport {
    fn touched(&mut self, comparison: &str) {
        if !self.comparisons.iter().any(|c| c == comparison) {
            self.comparisons.push(comparison.to_string());
        }
    }
}

/// One sync with the devices sharing `folder`, at wall time `now`.
pub fn sync(tx: &Transaction<'_>, folder: &Path, now: i64, _settings: StudySettings) -> Result<SyncReport> {
    let device = device_id(tx)?;
    let mut clock = Clock::load(tx)?;
    notes::record_local_changes(tx, &device, &mut clock, now)?;
    let mut report = SyncReport { device: device.clone(), ..SyncReport::default() };

    let seen: HashSet<(String, u64)> = tx
        .prepare("SELECT device, seq FROM sync_seen")?
        .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?
        .collect::<rusqlite::Result<_>>()?;
    let inbox = read_batches::<Event>(folder, &device, &|d, s| seen.contains(&(d.to_string(), s)))?;
    report.devices = inbox.devices;
    report.skipped.extend(inbox.skipped.iter().map(describe));
    let mut notes_touched: Vec<NoteKey> = Vec::new();
    for batch in &inbox.batches {
        for event in &batch.events {
            let from = &batch.device;
            match event {
                Event::Note { comparison, section, item, body, stamp } => {
                    let Some(seen) = Clock::parse_stamp(stamp) else {
                        report.skipped.push(format!("a note on {comparison} from {from}: a malformed stamp"));
                        continue;
                    };
                    if let Err(err) = check_size(body) {
                        report.skipped.push(format!("a note on {comparison} from {from}: {err}"));
                        continue;
                    }
                    clock.observe(seen);
                    let change = NoteChange { comparison, section: *section, item, body, stamp };
                    if let Some(key) = notes::receive(tx, from, &change)? {
                        report.received += 1;
                        if !notes_touched.contains(&key) {
                            notes_touched.push(key);
                        }
                    }
                }
            }
        }
        tx.prepare_cached("INSERT OR IGNORE INTO sync_seen (device, seq) VALUES (?1, ?2)")?
            .execute(params![batch.device, batch.seq as i64])?;
    }
    for key in &notes_touched {
        if notes::settle(tx, key, now)? {
            report.applied += 1;
            report.touched(&key.comparison_id);
        }
    }

    let outgoing = notes::outgoing(tx)?;
    report.sent = send(tx, folder, &device, &outgoing)?;
    notes::mark_exported(tx)?;
    clock.save(tx)?;
    Ok(report)
}

/// Writes `events` as this device's next batches; how many it sent.
fn send(tx: &Transaction<'_>, folder: &Path, device: &str, events: &[Event]) -> Result<usize> {
    let mut seq = next_seq(tx)?;
    for chunk in chunks(events)? {
        // A batch left by a sync whose commit failed keeps its number: take the next.
        loop {
            match write_batch(folder, device, seq, chunk) {
                Ok(_) => break,
                Err(Error::SyncFolder { path, .. }) if path.is_file() => seq += 1,
                Err(err) => return Err(err),
            }
        }
        seq += 1;
    }
    set_meta(tx, "next_seq", &seq.to_string())?;
    Ok(events.len())
}

/// Cuts `events` into batches under both the count and the size a batch
/// may have (a few notes near their size limit fill one).
fn chunks(events: &[Event]) -> Result<Vec<&[Event]>> {
    let budget = MAX_BATCH_BYTES - ENVELOPE_BYTES;
    let mut chunks = Vec::new();
    let (mut start, mut bytes) = (0, 0u64);
    for (i, event) in events.iter().enumerate() {
        let size = serde_json::to_vec(event).map_err(|err| Error::InvalidArgument(err.to_string()))?.len()
            as u64
            + 1;
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

fn describe(skipped: &Skipped) -> String {
    match skipped {
        Skipped::Incomplete { path, .. } => {
            format!("{} is still being copied; it is read next time", path.display())
        }
        Skipped::NewerFormat { path, format } => {
            format!(
                "{} was written by a newer Versus (format {format}); update Versus to read it",
                path.display()
            )
        }
        Skipped::TooLarge { path, bytes } => {
            format!("{} is too large to read ({bytes} bytes)", path.display())
        }
        Skipped::WrongDevice { path, claims } => {
            format!("{} says it comes from {claims}, not the device whose folder holds it", path.display())
        }
    }
}

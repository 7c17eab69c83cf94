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

use crate::error::Result;
use crate::study::optimizer::scheduler_parameters;
use crate::study::scheduler::Scheduler;
use crate::study::StudySettings;
use crate::sync::clock::Clock;
use crate::sync::compact::compact_own;
use crate::sync::event::{Event, Incoming};
use crate::sync::folder::{read_batches, within_limits, write_next_free, Skipped};
use crate::sync::reviews::{self, Replay};
use crate::sync::state::{self, device_id, next_seq, set_meta};
use crate::sync::take::{shorten, take_in, Taken, Touched};
use crate::sync::{drafts, drills, notes, own, packs, replay, suspensions};

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SyncReport {
    pub device: String,
    pub sent: usize,
    /// Changes taken in: notes, reviews, reviews undone, suspensions,
    /// revisions of the learner's own comparisons, and drills (new or graded).
    // Packs installed, updated or removed, and drafts, count too. (Said here,
    // not in the doc comment: that one is copied into the UI's generated
    // types, which the app crate checks.)
    pub received: usize,
    /// Notes whose current text changed here.
    pub applied: usize,
    /// The comparisons whose notes, cards' schedules or suspensions changed
    /// here, and the learner's own comparisons another device's revision
    /// changed here, for an open view (or list) to refresh.
    // And the comparisons a pack another device installed, updated or
    // removed changed here.
    pub comparisons: Vec<String>,
    /// Files passed over, and events refused (too large a note, a card of
    /// the learner's own, what this Versus does not understand), in words.
    // And packs refused (malformed, or taking another's ids) or too large to send.
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

/// One sync with the devices sharing `folder`, at wall time `now`; card
/// states are replayed with the learner's `settings` and FSRS parameters.
pub fn sync(tx: &Transaction<'_>, folder: &Path, now: i64, settings: StudySettings) -> Result<SyncReport> {
    let device = device_id(tx)?;
    let mut clock = Clock::load(tx)?;
    let mut report = SyncReport { device: device.clone(), ..SyncReport::default() };
    let mut to_replay = Replay::new();
    let mut touched = Touched::default();
    for key in notes::record_local_changes(tx, &device, &mut clock, now)? {
        touched.notes.insert(key);
    }
    reviews::record_local_changes(tx, &device, &mut clock, now, &mut to_replay)?;
    for comparison in suspensions::record_local_changes(tx, &device, &mut clock, now)? {
        report.touched(&comparison);
    }
    own::record_local_changes(tx, &device, &mut clock, now)?;
    drills::record_local_changes(tx, &device, &mut clock, now)?;
    packs::record_local_changes(tx, &device, &mut clock, now)?;
    drafts::record_local_changes(tx, &device, &mut clock, now)?;

    let seen: HashSet<(String, u64)> = tx
        .prepare("SELECT device, seq FROM sync_seen")?
        .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?
        .collect::<rusqlite::Result<_>>()?;
    let inbox = read_batches::<Incoming>(folder, &device, &|d, s| seen.contains(&(d.to_string(), s)))?;
    report.devices = inbox.devices;
    report.skipped.extend(inbox.skipped.iter().map(describe));
    for batch in &inbox.batches {
        // A batch with an event this Versus does not understand (most likely
        // one a newer Versus wrote) is not marked read: the rest of it is
        // taken in now, and all of it again after an update, never lost.
        let mut understood = true;
        for event in &batch.events {
            let taken = match event {
                Incoming::Event(event) => {
                    take_in(tx, &batch.device, event, &mut clock, &mut touched, &mut to_replay, now)?
                }
                Incoming::NotUnderstood(value) => {
                    understood = false;
                    Err(format!(
                        "an event of kind {:?} that this Versus does not understand (a newer Versus wrote it? \
                         it is read again at each sync, and taken in once Versus is updated)",
                        Incoming::claimed_kind(value)
                    ))
                }
            };
            match taken {
                Ok(Taken::New(Some(comparison))) => {
                    report.received += 1;
                    report.touched(&comparison);
                }
                Ok(Taken::New(None)) => report.received += 1,
                Ok(Taken::Known) => {}
                Err(why) => report.skipped.push(format!("{why}, from {}", batch.device)),
            }
        }
        if understood {
            tx.prepare_cached("INSERT OR IGNORE INTO sync_seen (device, seq) VALUES (?1, ?2)")?
                .execute(params![batch.device, batch.seq as i64])?;
        }
    }
    // Comparisons first: the cards they bring are what reviews and
    // suspensions taken in before them (this sync or an earlier one) wait for.
    let mut comparisons: Vec<&String> = touched.comparisons.iter().collect();
    comparisons.sort();
    let mut new_cards = touched.new_cards;
    for comparison in &touched.by_packs {
        report.touched(comparison);
    }
    for id in comparisons {
        match own::settle(tx, id, &device, now)? {
            Ok(true) => {
                new_cards = true;
                report.touched(id);
            }
            Ok(false) => {}
            Err(why) => report.skipped.push(format!("the comparison {}: {why}", shorten(id))),
        }
    }
    if new_cards {
        reviews::log_waiting(tx, &mut to_replay)?;
        for comparison in suspensions::record_local_changes(tx, &device, &mut clock, now)? {
            report.touched(&comparison);
        }
    }
    for key in &touched.notes {
        if notes::settle(tx, key, now)? {
            report.applied += 1;
            report.touched(&key.comparison_id);
        }
    }
    for key in &touched.cards {
        if suspensions::settle(tx, key)? {
            report.touched(&key.comparison_id);
        }
    }
    // Every review this sync logs or takes out has its card replayed.
    if !to_replay.is_empty() {
        let scheduler = Scheduler::new(&scheduler_parameters(tx)?, settings.desired_retention)?;
        for card in to_replay {
            let comparison = replay::replay(tx, card, &scheduler)?;
            report.touched(&comparison);
        }
    }

    // Packs first: a device reading this batch has their cards before the
    // reviews and suspensions on them.
    let (mut outgoing, too_large) = packs::outgoing(tx)?;
    report.skipped.extend(too_large);
    outgoing.extend(notes::outgoing(tx)?);
    outgoing.extend(reviews::outgoing(tx)?);
    outgoing.extend(suspensions::outgoing(tx)?);
    outgoing.extend(own::outgoing(tx)?);
    outgoing.extend(drills::outgoing(tx)?);
    outgoing.extend(drafts::outgoing(tx)?);
    report.sent = send(tx, folder, &device, &outgoing)?;
    // Only this device writes its folder, so only it folds its old batches together.
    if let Some((compacted, next)) = compact_own(folder, &device, next_seq(tx)?)? {
        set_meta(tx, "next_seq", &next.to_string())?;
        report.skipped.extend(compacted.left);
    }
    state::mark_exported(tx)?;
    reviews::log_recorded(tx)?;
    notes::dirty_recorded(tx)?;
    clock.save(tx)?;
    Ok(report)
}

/// Writes `events` as this device's next batches; answers how many went.
fn send(tx: &Transaction<'_>, folder: &Path, device: &str, events: &[Event]) -> Result<usize> {
    let mut seq = next_seq(tx)?;
    for chunk in within_limits(events)? {
        seq = write_next_free(folder, device, seq, chunk)? + 1;
    }
    set_meta(tx, "next_seq", &seq.to_string())?;
    Ok(events.len())
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

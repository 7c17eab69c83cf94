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
use crate::notes::{check_size, NoteKey};
use crate::study::optimizer::scheduler_parameters;
use crate::study::scheduler::Scheduler;
use crate::study::{Grade, StudySettings};
use crate::sync::clock::{Clock, MAX_MS};
use crate::sync::compact::compact_own;
use crate::sync::drills::{self, DrillIn};
use crate::sync::event::{check_ids, CardKey, Event, Incoming};
use crate::sync::folder::{read_batches, within_limits, write_next_free, Skipped};
use crate::sync::notes::{self, NoteChange};
use crate::sync::own::{self, Revision};
use crate::sync::replay;
use crate::sync::reviews::{self, Received, Replay, ReviewIn};
use crate::sync::state::{device_id, next_seq, set_meta};
use crate::sync::suspensions;

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SyncReport {
    pub device: String,
    pub sent: usize,
    /// Changes taken in: notes, reviews, reviews undone, suspensions,
    /// revisions of the learner's own comparisons, and drills (new or graded).
    pub received: usize,
    /// Notes whose current text changed here.
    pub applied: usize,
    /// The comparisons whose notes, cards' schedules or suspensions changed
    /// here, and the learner's own comparisons another device's revision
    /// changed here, for an open view (or list) to refresh.
    pub comparisons: Vec<String>,
    /// Files passed over, and events refused (too large a note, a card of
    /// the learner's own, what this Versus does not understand), in words.
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
                    take_in(tx, &batch.device, event, &mut clock, &mut touched, &mut to_replay)?
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
    let mut new_cards = false;
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

    let mut outgoing = notes::outgoing(tx)?;
    outgoing.extend(reviews::outgoing(tx)?);
    outgoing.extend(suspensions::outgoing(tx)?);
    outgoing.extend(own::outgoing(tx)?);
    outgoing.extend(drills::outgoing(tx)?);
    report.sent = send(tx, folder, &device, &outgoing)?;
    // Only this device writes its folder, so only it folds its old batches together.
    if let Some((compacted, next)) = compact_own(folder, &device, next_seq(tx)?)? {
        set_meta(tx, "next_seq", &next.to_string())?;
        report.skipped.extend(compacted.left);
    }
    notes::mark_exported(tx)?;
    reviews::mark_exported(tx)?;
    reviews::log_recorded(tx)?;
    notes::dirty_recorded(tx)?;
    suspensions::mark_exported(tx)?;
    own::mark_exported(tx)?;
    drills::mark_exported(tx)?;
    clock.save(tx)?;
    Ok(report)
}

/// The notes, card keys and comparisons of the learner's own to settle:
/// those changed here (notes), and those another device's changes touched.
#[derive(Default)]
struct Touched {
    notes: HashSet<NoteKey>,
    cards: HashSet<CardKey>,
    comparisons: HashSet<String>,
}

/// What taking in an event did.
enum Taken {
    /// Known already: nothing done.
    Known,
    /// New here; with the comparison it changed, when settling does not say.
    New(Option<String>),
}

/// Takes in one event: Ok(New) when it was new here, Err with the reason
/// (for the report) when it is refused. A refused event leaves the store
/// as it was and the rest of the batch is taken in.
fn take_in(
    tx: &Transaction<'_>,
    from: &str,
    event: &Event,
    clock: &mut Clock,
    touched: &mut Touched,
    replay: &mut Replay,
) -> Result<std::result::Result<Taken, String>> {
    let stamp_of = |stamp: &str, what: &str| {
        Clock::parse_stamp(stamp).ok_or_else(|| format!("{what}: a malformed stamp"))
    };
    let new = match event {
        Event::Note { comparison, section, item, body, stamp } => {
            let what = format!("a note on {}", shorten(comparison));
            let seen = match stamp_of(stamp, &what) {
                Ok(seen) => seen,
                Err(why) => return Ok(Err(why)),
            };
            if let Err(why) = check_ids(comparison, item) {
                return Ok(Err(format!("{what}: {why}")));
            }
            if let Err(err) = check_size(body) {
                return Ok(Err(format!("{what}: {err}")));
            }
            clock.observe(seen);
            let change = NoteChange { comparison, section: *section, item, body, stamp };
            match notes::receive(tx, from, &change)? {
                Some(key) => {
                    touched.notes.insert(key);
                    true
                }
                None => false,
            }
        }
        Event::Review { id, comparison, card, section, item, reviewed_at, grade } => {
            let what = format!("a review on {}", shorten(comparison));
            let checked = stamp_of(id, &what).and_then(|seen| {
                let key = CardKey::checked(comparison, *card, *section, item)
                    .map_err(|why| format!("{what}: {why}"))?;
                let grade = Grade::from_number(*grade).map_err(|err| format!("{what}: {err}"))?;
                if !(0..=MAX_MS).contains(reviewed_at) {
                    return Err(format!("{what}: a time out of range"));
                }
                Ok((seen, key, grade))
            });
            let (seen, key, grade) = match checked {
                Ok(checked) => checked,
                Err(why) => return Ok(Err(why)),
            };
            clock.observe(seen);
            let review = ReviewIn { id, key, reviewed_at: *reviewed_at, grade };
            received(reviews::receive(tx, from, &review)?, replay)
        }
        Event::ReviewUndone { id } => {
            if let Err(why) = stamp_of(id, "an undone review") {
                return Ok(Err(why));
            }
            received(reviews::receive_undone(tx, from, id)?, replay)
        }
        Event::Comparison { id, document, archived, stamp, base } => {
            let what = format!("the comparison {} from another computer", shorten(id));
            let seen = match stamp_of(stamp, &what) {
                Ok(seen) => seen,
                Err(why) => return Ok(Err(why)),
            };
            if let Some(Err(why)) = base.as_deref().map(|base| stamp_of(base, &what)) {
                return Ok(Err(why));
            }
            let document = match own::check(tx, id, document)? {
                Ok(document) => document,
                Err(why) => return Ok(Err(format!("{what}: {why}"))),
            };
            clock.observe(seen);
            let revision =
                Revision { id, document: &document, archived: *archived, stamp, base: base.as_deref() };
            let new = own::receive(tx, from, &revision)?;
            if new {
                touched.comparisons.insert(id.clone());
            }
            new
        }
        Event::Drill { id, comparison, started_at, submitted_at, seconds_used, answer, grade, stamp } => {
            let what = format!("a drill on {}", shorten(comparison));
            let checked = stamp_of(id, &what).and_then(|_| stamp_of(stamp, &what)).and_then(|seen| {
                check_ids(comparison, comparison).map_err(|why| format!("{what}: {why}"))?;
                check_size(answer).map_err(|err| format!("{what}: {err}"))?;
                let grade = grade
                    .map(|g| Grade::from_number(g).map_err(|err| format!("{what}: {err}")))
                    .transpose()?;
                if ![started_at, submitted_at, seconds_used].iter().all(|t| (0..=MAX_MS).contains(*t)) {
                    return Err(format!("{what}: a time out of range"));
                }
                Ok((seen, grade))
            });
            let (seen, grade) = match checked {
                Ok(checked) => checked,
                Err(why) => return Ok(Err(why)),
            };
            clock.observe(seen);
            let drill = DrillIn {
                id,
                comparison,
                started_at: *started_at,
                submitted_at: *submitted_at,
                seconds_used: *seconds_used,
                answer,
                grade: grade.map(|g| g as i64),
                stamp,
            };
            if drills::receive(tx, &drill)? {
                return Ok(Ok(Taken::New(Some(comparison.clone()))));
            }
            false
        }
        Event::Suspension { comparison, card, section, item, suspended, stamp } => {
            let what = format!("a suspension on {}", shorten(comparison));
            let checked = stamp_of(stamp, &what).and_then(|seen| {
                let key = CardKey::checked(comparison, *card, *section, item)
                    .map_err(|why| format!("{what}: {why}"))?;
                Ok((seen, key))
            });
            let (seen, key) = match checked {
                Ok(checked) => checked,
                Err(why) => return Ok(Err(why)),
            };
            clock.observe(seen);
            let new = suspensions::receive(tx, from, &key, *suspended, stamp)?;
            if new {
                touched.cards.insert(key);
            }
            new
        }
    };
    Ok(Ok(if new { Taken::New(None) } else { Taken::Known }))
}

fn received(received: Received, replay: &mut Replay) -> bool {
    match received {
        Received::Known => false,
        Received::New(card) => {
            replay.extend(card);
            true
        }
    }
}

/// An id from another device, cut to a length fit for a report.
fn shorten(id: &str) -> String {
    id.chars().take(80).collect()
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

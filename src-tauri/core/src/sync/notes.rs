//! Notes across devices, through the sync folder.
//!
//! A sync stamps every note whose text changed since the last one, writes
//! those changes as a batch of this device's, reads the other devices' new
//! batches, and sets each note they touched to the text with the newest
//! stamp, keeping every other text in the note's history: two devices that
//! edited one note offline both keep their text, and all devices end on the
//! same current one. A cleared note is a change to ''.
//!
//! Stamps come from a hybrid logical clock kept in the store: never behind
//! the last stamp this device made or saw, so a clock set back never puts a
//! device's own later edit behind its earlier one, and an edit made after
//! reading another device's is stamped after it. (A crate such as `uhlc`
//! keeps its clock in memory and refuses stamps far ahead of the local
//! clock; devices here may be hours apart and the clock must outlive a
//! restart, so it is these few lines over SQLite.)

use std::collections::HashSet;
use std::hash::{BuildHasher, Hasher};
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::content::Section;
use crate::error::{Error, Result};
use crate::notes::{apply_synced, check_size, get_note, insert_version, NoteKey};
use crate::sync::folder::{read_batches, write_batch, Skipped};

/// Changes in one batch at most: a first sync of a large store writes several.
const EVENTS_PER_BATCH: usize = 2_000;

/// What travels: a note's text as of a stamp.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    Note { comparison: String, section: Section, item: String, body: String, stamp: String },
}

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

/// A hybrid-logical-clock reading: wall milliseconds, then a counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
struct Clock {
    ms: i64,
    counter: u32,
}

impl Clock {
    fn parse(text: &str) -> Option<Clock> {
        let mut parts = text.splitn(3, '-');
        Some(Clock { ms: parts.next()?.parse().ok()?, counter: parts.next()?.parse().ok()? })
    }

    /// The next stamp at wall time `now`: after every stamp made or seen.
    fn tick(&mut self, now: i64) -> Clock {
        if now > self.ms {
            *self = Clock { ms: now, counter: 0 };
        } else {
            self.counter += 1;
        }
        *self
    }

    fn observe(&mut self, seen: Clock) {
        *self = (*self).max(seen);
    }

    /// Sorts as text in stamp order; the device breaks ties.
    fn stamp(self, device: &str) -> String {
        format!("{:015}-{:06}-{device}", self.ms.max(0), self.counter)
    }
}

pub(crate) fn meta(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT value FROM sync_meta WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

fn set_meta(tx: &Transaction<'_>, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO sync_meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// Records the folder chosen. A different folder than before is a new
/// place: everything known is sent there, and its batches read from the first.
pub(crate) fn set_folder(tx: &Transaction<'_>, folder: Option<&Path>) -> Result<()> {
    let Some(folder) = folder else {
        tx.execute("DELETE FROM sync_meta WHERE key = 'folder'", [])?;
        return Ok(());
    };
    let text = folder.to_string_lossy();
    if meta(tx, "folder")?.as_deref() == Some(&*text) {
        return Ok(());
    }
    tx.execute("UPDATE note_change SET exported = 0", [])?;
    tx.execute("DELETE FROM sync_seen", [])?;
    set_meta(tx, "folder", &text)
}

/// This store's device id, made on its first sync.
fn device_id(tx: &Transaction<'_>) -> Result<String> {
    if let Some(id) = meta(tx, "device")? {
        return Ok(id);
    }
    // RandomState is seeded from the operating system's randomness.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_i64(crate::clock::now_ms());
    hasher.write_u32(std::process::id());
    let id = format!("device-{:016x}", hasher.finish());
    set_meta(tx, "device", &id)?;
    Ok(id)
}

/// The notes whose text differs from the last change a sync knows of:
/// what the next sync sends.
fn unsent_changes(conn: &Connection) -> Result<Vec<(NoteKey, String)>> {
    let mut stmt = conn.prepare(
        "SELECT k.comparison_id, k.section, k.item_id, n.body,
                (SELECT c.body FROM note_change c WHERE c.comparison_id = k.comparison_id
                   AND c.section = k.section AND c.item_id = k.item_id ORDER BY c.stamp DESC LIMIT 1)
         FROM (SELECT comparison_id, section, item_id FROM note
               UNION SELECT comparison_id, section, item_id FROM note_change) k
         LEFT JOIN note n ON n.comparison_id = k.comparison_id AND n.section = k.section AND n.item_id = k.item_id",
    )?;
    let changed: Vec<(NoteKey, String)> = stmt
        .query_map([], |r| {
            let key = NoteKey { comparison_id: r.get(0)?, section: r.get(1)?, item_id: r.get(2)? };
            let current: Option<String> = r.get(3)?;
            let last: Option<String> = r.get(4)?;
            Ok((key, current.unwrap_or_default(), last))
        })?
        .filter_map(|row| match row {
            Ok((key, current, last))
                if last.as_deref() != Some(current.as_str()) && !(last.is_none() && current.is_empty()) =>
            {
                Some(Ok((key, current)))
            }
            Ok(_) => None,
            Err(err) => Some(Err(err)),
        })
        .collect::<rusqlite::Result<_>>()?;
    Ok(changed)
}

/// How many notes changed here since the last sync. Reads only.
pub fn pending_notes(conn: &Connection) -> Result<usize> {
    Ok(unsent_changes(conn)?.len())
}

/// Stamps every note whose text differs from the last change known for it.
fn record_local_changes(tx: &Transaction<'_>, device: &str, clock: &mut Clock, now: i64) -> Result<()> {
    for (key, body) in unsent_changes(tx)? {
        let stamp = clock.tick(now).stamp(device);
        tx.execute(
            "INSERT INTO note_change (comparison_id, section, item_id, body, stamp, device, exported)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)",
            params![key.comparison_id, key.section, key.item_id, body, stamp, device],
        )?;
    }
    Ok(())
}

/// Takes in another device's change; false when it was already here.
fn receive(tx: &Transaction<'_>, device: &str, event: &Event, clock: &mut Clock) -> Result<Option<NoteKey>> {
    let Event::Note { comparison, section, item, body, stamp } = event;
    let Some(seen) = Clock::parse(stamp) else { return Ok(None) };
    clock.observe(seen);
    let inserted = tx.execute(
        "INSERT OR IGNORE INTO note_change (comparison_id, section, item_id, body, stamp, device, exported)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)",
        params![comparison, section, item, body, stamp, device],
    )?;
    Ok((inserted > 0).then(|| NoteKey {
        comparison_id: comparison.clone(),
        section: *section,
        item_id: item.clone(),
    }))
}

/// Sets a note to its newest text and keeps every other text it ever had
/// (from any device) in its history.
fn settle(tx: &Transaction<'_>, key: &NoteKey, now: i64) -> Result<bool> {
    let mut stmt = tx.prepare_cached(
        "SELECT body, stamp FROM note_change WHERE comparison_id = ?1 AND section = ?2 AND item_id = ?3
         ORDER BY stamp DESC",
    )?;
    let changes: Vec<(String, String)> = stmt
        .query_map(params![key.comparison_id, key.section, key.item_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let Some((newest, _)) = changes.first() else { return Ok(false) };
    let current = get_note(tx, key)?.map(|n| n.body).unwrap_or_default();
    let applied = *newest != current;
    if applied {
        apply_synced(tx, key, newest, now)?;
    }
    let kept: HashSet<String> = crate::notes::history(tx, key)?.into_iter().map(|v| v.body).collect();
    for (body, stamp) in changes.iter().skip(1) {
        if !body.is_empty() && body != newest && !kept.contains(body) {
            let at = Clock::parse(stamp).map_or(now, |c| c.ms);
            insert_version(tx, key, body, at, now)?;
        }
    }
    Ok(applied)
}

/// One sync of notes with the devices sharing `folder`, at wall time `now`.
pub fn sync_notes(tx: &Transaction<'_>, folder: &Path, now: i64) -> Result<SyncReport> {
    let device = device_id(tx)?;
    let mut clock = meta(tx, "clock")?.and_then(|c| Clock::parse(&c)).unwrap_or_default();
    record_local_changes(tx, &device, &mut clock, now)?;
    let mut report = SyncReport { device: device.clone(), ..SyncReport::default() };

    let seen: HashSet<(String, u64)> = tx
        .prepare("SELECT device, seq FROM sync_seen")?
        .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?
        .collect::<rusqlite::Result<_>>()?;
    let inbox = read_batches::<Event>(folder, &device, &|d, s| seen.contains(&(d.to_string(), s)))?;
    report.devices = inbox.devices;
    report.skipped.extend(inbox.skipped.iter().map(describe));
    let mut touched: Vec<NoteKey> = Vec::new();
    for batch in &inbox.batches {
        for event in &batch.events {
            let Event::Note { body, comparison, .. } = event;
            if let Err(err) = check_size(body) {
                report.skipped.push(format!("a note on {comparison} from {}: {err}", batch.device));
                continue;
            }
            if let Some(key) = receive(tx, &batch.device, event, &mut clock)? {
                report.received += 1;
                if !touched.contains(&key) {
                    touched.push(key);
                }
            }
        }
        tx.execute(
            "INSERT OR IGNORE INTO sync_seen (device, seq) VALUES (?1, ?2)",
            params![batch.device, batch.seq as i64],
        )?;
    }
    for key in &touched {
        if settle(tx, key, now)? {
            report.applied += 1;
            if !report.comparisons.contains(&key.comparison_id) {
                report.comparisons.push(key.comparison_id.clone());
            }
        }
    }

    let outgoing: Vec<(i64, Event)> = tx
        .prepare(
            "SELECT id, comparison_id, section, item_id, body, stamp FROM note_change
             WHERE exported = 0 ORDER BY stamp",
        )?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                Event::Note {
                    comparison: r.get(1)?,
                    section: r.get(2)?,
                    item: r.get(3)?,
                    body: r.get(4)?,
                    stamp: r.get(5)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut seq: u64 = meta(tx, "next_seq")?.and_then(|s| s.parse().ok()).unwrap_or(1);
    for chunk in outgoing.chunks(EVENTS_PER_BATCH) {
        let events: Vec<Event> = chunk.iter().map(|(_, e)| e.clone()).collect();
        // A batch left by a sync whose commit failed keeps its number: take the next.
        loop {
            match write_batch(folder, &device, seq, &events) {
                Ok(_) => break,
                Err(Error::SyncFolder { path, .. }) if path.is_file() => seq += 1,
                Err(err) => return Err(err),
            }
        }
        for (id, _) in chunk {
            tx.execute("UPDATE note_change SET exported = 1 WHERE id = ?1", [id])?;
        }
        report.sent += chunk.len();
        seq += 1;
    }
    set_meta(tx, "next_seq", &seq.to_string())?;
    set_meta(tx, "clock", &format!("{}-{}", clock.ms, clock.counter))?;
    Ok(report)
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

//! Installed packs across devices: which packs are installed, and at which
//! version, the last writer wins per pack id by stamp.
//!
//! As with the learner's own comparisons, what the learner did is found by
//! comparing: a pack whose listing, comparisons (by the fingerprint an
//! import keeps) or removal differs from the state sync last recorded for
//! it was installed, updated or removed here since, and becomes a new
//! state. An installed state travels with the pack itself, as its file
//! holds it, made from the store when it is sent, so another device
//! installs it without the file; a removal travels without it.
//!
//! Another device's pack is not trusted: it is read with every check a pack
//! file gets and installed through the same code, so a malformed pack, or
//! one whose ids are the library's or the learner's own here, is refused
//! with a message naming the pack and the field, and the rest of its batch
//! is taken in. A removal archives the pack's comparisons with their notes,
//! as removing it here does.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde_json::Value;

use crate::content::pack::{pack_source, parse_pack, Pack, PACK_FORMAT, PACK_FORMAT_VERSION};
use crate::content::{is_slug, ContentError};
use crate::error::{Error, Result};
use crate::packs;
use crate::store::comparison_document;
use crate::sync::clock::Clock;
use crate::sync::event::Event;
use crate::sync::folder::{event_bytes, EVENT_BUDGET, MAX_BATCH_BYTES};

/// A pack's state as sync records it.
struct State {
    id: String,
    name: String,
    version: String,
    author: String,
    description: String,
    hash: Option<String>,
    removed: bool,
}

/// Stamps every pack installed, updated or removed here since the state
/// last recorded for it. A pack removed before it was ever recorded is not
/// news to any device, and does not travel.
pub(crate) fn record_local_changes(
    tx: &Transaction<'_>,
    device: &str,
    clock: &mut Clock,
    now: i64,
) -> Result<()> {
    let changed: Vec<State> = tx
        .prepare_cached(
            "SELECT p.id, p.name, p.version, p.author, p.description, m.value, p.removed_at IS NOT NULL
             FROM pack p LEFT JOIN pack_sync s ON s.pack_id = p.id
             LEFT JOIN meta m ON m.key = 'content_hash:pack:' || p.id
             WHERE CASE WHEN s.pack_id IS NULL THEN p.removed_at IS NULL
                   ELSE s.removed IS NOT (p.removed_at IS NOT NULL)
                     OR (p.removed_at IS NULL AND (s.name IS NOT p.name OR s.version IS NOT p.version
                         OR s.author IS NOT p.author OR s.description IS NOT p.description
                         OR s.hash IS NOT m.value)) END
             ORDER BY p.id",
        )?
        .query_map([], |r| {
            let removed: bool = r.get(6)?;
            Ok(State {
                id: r.get(0)?,
                name: r.get(1)?,
                version: r.get(2)?,
                author: r.get(3)?,
                description: r.get(4)?,
                // Removing a pack forgets its fingerprint, so that installing it again runs.
                hash: if removed { None } else { r.get(5)? },
                removed,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    for state in changed {
        let stamp = clock.tick(now).stamp(device);
        record(tx, &state, &stamp, false)?;
    }
    Ok(())
}

fn record(tx: &Transaction<'_>, state: &State, stamp: &str, exported: bool) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO pack_sync (pack_id, name, version, author, description, hash, removed, stamp, exported)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (pack_id) DO UPDATE SET name = excluded.name, version = excluded.version,
             author = excluded.author, description = excluded.description, hash = excluded.hash,
             removed = excluded.removed, stamp = excluded.stamp, exported = excluded.exported",
    )?
    .execute(params![
        state.id,
        state.name,
        state.version,
        state.author,
        state.description,
        state.hash,
        state.removed,
        stamp,
        exported
    ])?;
    Ok(())
}

/// A pack event as another device sent it, its stamp already checked.
pub(crate) struct PackIn<'a> {
    pub id: &'a str,
    pub removed: bool,
    pub pack: Option<&'a Value>,
    pub stamp: &'a str,
}

/// Takes in another device's pack event: installs, updates or removes the
/// pack when the event is newer than the state known for it. Ok(None) when
/// it is not newer; Ok(Some) with the comparisons that changed here; Err
/// with the reason (naming the field) when it is refused, the store as it was.
pub(crate) fn receive(
    tx: &Transaction<'_>,
    event: &PackIn<'_>,
    now: i64,
) -> Result<std::result::Result<Option<Vec<String>>, String>> {
    if !is_slug(event.id) {
        return Ok(Err("id: not a lowercase slug".into()));
    }
    let known: Option<String> = tx
        .prepare_cached("SELECT stamp FROM pack_sync WHERE pack_id = ?1")?
        .query_row([event.id], |r| r.get(0))
        .optional()?;
    if known.is_some_and(|known| known.as_str() >= event.stamp) {
        return Ok(Ok(None));
    }
    let before = comparisons_of(tx, event.id)?;
    let state = if event.removed {
        remove(tx, event.id, now)?
    } else {
        match install(tx, event, now)? {
            Ok(state) => state,
            Err(why) => return Ok(Err(why)),
        }
    };
    record(tx, &state, event.stamp, true)?;
    let after = comparisons_of(tx, event.id)?;
    let mut changed: Vec<String> =
        after.into_iter().filter(|(id, now)| before.get(id) != Some(now)).map(|(id, _)| id).collect();
    changed.sort();
    Ok(Ok(Some(changed)))
}

/// Removes the pack if it is installed here, as removing it here does.
fn remove(tx: &Transaction<'_>, id: &str, now: i64) -> Result<State> {
    let listed: Option<(String, String, String, String, bool)> = tx
        .prepare_cached(
            "SELECT name, version, author, description, removed_at IS NULL FROM pack WHERE id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .optional()?;
    let (name, version, author, description, installed) = listed.unwrap_or_default();
    if installed {
        packs::remove(tx, id, now)?;
    }
    Ok(State { id: id.to_string(), name, version, author, description, hash: None, removed: true })
}

/// Reads the pack an event carries with every check a pack file gets and
/// installs it through the same code: its state, or why it is refused.
fn install(tx: &Transaction<'_>, event: &PackIn<'_>, now: i64) -> Result<std::result::Result<State, String>> {
    let Some(value) = event.pack else {
        return Ok(Err("pack: missing, for a pack said to be installed".into()));
    };
    let bytes = serde_json::to_vec(value).map_err(|err| Error::InvalidArgument(err.to_string()))?;
    let file = format!("the pack {}", event.id);
    let pack = match parse_pack(&file, &bytes) {
        Ok(pack) => pack,
        Err(errors) => return Ok(Err(describe(&errors))),
    };
    if pack.id != event.id {
        return Ok(Err("id: the pack names another pack".into()));
    }
    match packs::install(tx, &file, &pack, now, &mut |_, _| {}) {
        Ok(_) => {}
        // Found before anything is written: the store is as it was.
        Err(Error::IdCollision(errors) | Error::Invalid(errors)) => return Ok(Err(describe(&errors.0))),
        Err(err) => return Err(err),
    }
    let hash: Option<String> = tx
        .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row([format!("content_hash:{}", pack_source(&pack.id))], |r| r.get(0))
        .optional()?;
    Ok(Ok(State {
        id: pack.id,
        name: pack.name,
        version: pack.version,
        author: pack.author,
        description: pack.description,
        hash,
        removed: false,
    }))
}

/// The first few problems, each as "field: message".
fn describe(errors: &[ContentError]) -> String {
    let mut why: Vec<String> = errors.iter().take(3).map(|e| format!("{}: {}", e.field, e.message)).collect();
    if errors.len() > 3 {
        why.push(format!("(and {} more)", errors.len() - 3));
    }
    why.join("; ")
}

/// Each comparison of the pack here, with its document and archived flag.
fn comparisons_of(conn: &Connection, id: &str) -> Result<HashMap<String, (Option<String>, bool)>> {
    let rows = conn
        .prepare_cached("SELECT id, document, retired FROM comparison WHERE source = ?1")?
        .query_map([pack_source(id)], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The pack `id` as installed here, as its file would hold it; None when
/// it is not installed (a removal since, recorded by the next sync).
fn installed_pack(conn: &Connection, id: &str) -> Result<Option<Pack>> {
    let listed: Option<(String, String, String, String)> = conn
        .prepare_cached(
            "SELECT name, version, author, description FROM pack WHERE id = ?1 AND removed_at IS NULL",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    let Some((name, version, author, description)) = listed else { return Ok(None) };
    let ids: Vec<String> = conn
        .prepare_cached("SELECT id FROM comparison WHERE source = ?1 AND retired = 0 ORDER BY id")?
        .query_map([pack_source(id)], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let comparisons = ids.iter().map(|c| comparison_document(conn, c)).collect::<Result<Vec<_>>>()?;
    Ok(Some(Pack {
        format: PACK_FORMAT.into(),
        format_version: PACK_FORMAT_VERSION,
        id: id.to_string(),
        name,
        version,
        author,
        description,
        comparisons,
    }))
}

/// The pack states no batch has carried yet, oldest first, and what was
/// not sent, in words: a pack too large for one batch stays on this device
/// (its file installs it elsewhere) rather than failing every sync.
pub(crate) fn outgoing(conn: &Connection) -> Result<(Vec<Event>, Vec<String>)> {
    let unsent: Vec<(String, bool, String)> = conn
        .prepare("SELECT pack_id, removed, stamp FROM pack_sync WHERE exported = 0 ORDER BY stamp")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let (mut events, mut refused) = (Vec::new(), Vec::new());
    for (id, removed, stamp) in unsent {
        if removed {
            events.push(Event::Pack { id, removed, pack: None, stamp });
            continue;
        }
        let Some(pack) = installed_pack(conn, &id)? else { continue };
        let name = pack.name.clone();
        let value = serde_json::to_value(&pack).map_err(|err| Error::InvalidArgument(err.to_string()))?;
        let event = Event::Pack { id, removed, pack: Some(value), stamp };
        let bytes = event_bytes(&event)?;
        if bytes > EVENT_BUDGET {
            refused.push(format!(
                "the pack {name:?} is not sent: at {:.1} MiB it is larger than a sync batch may be ({} MiB); \
                 install it from its file on the other computers",
                bytes as f64 / (1024.0 * 1024.0),
                MAX_BATCH_BYTES / (1024 * 1024)
            ));
            continue;
        }
        events.push(event);
    }
    Ok((events, refused))
}

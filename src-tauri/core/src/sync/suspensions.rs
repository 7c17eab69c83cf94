//! Suspensions across devices: the last writer wins per card, by stamp.
//!
//! As with notes, what the learner did is found by comparing: a card whose
//! flag differs from the one sync last recorded or set on it was suspended
//! or unsuspended here since. A card that appeared since (new content, or
//! a comparison of the learner's own published again) takes the newest
//! flag known for its key, if any; a suspended one with none is a change.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::Result;
use crate::sync::clock::Clock;
use crate::sync::event::{CardKey, Event};

/// Stamps every card whose flag changed here; gives a card that appeared
/// the newest flag known for it. Answers the comparisons of cards whose
/// flag sync changed.
pub(crate) fn record_local_changes(
    tx: &Transaction<'_>,
    device: &str,
    clock: &mut Clock,
    now: i64,
) -> Result<Vec<String>> {
    // A card deleted with its comparison: if it comes back, it comes back new.
    tx.execute(
        "DELETE FROM suspension_synced WHERE NOT EXISTS (
             SELECT 1 FROM card c WHERE c.comparison_id = suspension_synced.comparison_id
               AND c.kind = suspension_synced.kind AND c.section = suspension_synced.section
               AND c.item_id = suspension_synced.item_id AND c.kind <> 'custom')",
        [],
    )?;
    type Row = (String, String, String, String, bool, Option<bool>, Option<bool>);
    let changed: Vec<Row> = tx
        .prepare(
            "SELECT c.comparison_id, c.kind, c.section, c.item_id, c.suspended, k.suspended,
                    (SELECT s.suspended FROM suspension_change s WHERE s.comparison_id = c.comparison_id
                       AND s.kind = c.kind AND s.section = c.section AND s.item_id = c.item_id
                     ORDER BY s.stamp DESC LIMIT 1)
             FROM card c LEFT JOIN suspension_synced k ON k.comparison_id = c.comparison_id AND k.kind = c.kind
                  AND k.section = c.section AND k.item_id = c.item_id
             WHERE c.kind <> 'custom' AND (k.suspended <> c.suspended OR (k.suspended IS NULL AND (
                 c.suspended = 1 OR EXISTS (SELECT 1 FROM suspension_change s WHERE s.comparison_id = c.comparison_id
                     AND s.kind = c.kind AND s.section = c.section AND s.item_id = c.item_id))))",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut comparisons = Vec::new();
    for (comparison, kind, section, item, suspended, synced, newest) in changed {
        let key = [comparison.as_str(), &kind, &section, &item];
        match (synced, newest) {
            (None, Some(newest)) => {
                if newest != suspended {
                    tx.prepare_cached(
                        "UPDATE card SET suspended = ?5 WHERE comparison_id = ?1 AND kind = ?2 AND section = ?3
                           AND item_id = ?4 AND kind <> 'custom'",
                    )?
                    .execute(params![key[0], key[1], key[2], key[3], newest])?;
                    comparisons.push(comparison.clone());
                }
                set_synced(tx, key, newest)?;
            }
            _ => {
                let stamp = clock.tick(now).stamp(device);
                tx.prepare_cached(
                    "INSERT INTO suspension_change (comparison_id, kind, section, item_id, suspended, stamp, device,
                                                    exported)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0)",
                )?
                .execute(params![key[0], key[1], key[2], key[3], suspended, stamp, device])?;
                set_synced(tx, key, suspended)?;
            }
        }
    }
    Ok(comparisons)
}

fn set_synced(tx: &Transaction<'_>, key: [&str; 4], suspended: bool) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO suspension_synced (comparison_id, kind, section, item_id, suspended) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (comparison_id, kind, section, item_id) DO UPDATE SET suspended = excluded.suspended",
    )?
    .execute(params![key[0], key[1], key[2], key[3], suspended])?;
    Ok(())
}

/// Takes in another device's change (its stamp already checked); true when
/// it is new here.
pub(crate) fn receive(
    tx: &Transaction<'_>,
    from: &str,
    key: &CardKey,
    suspended: bool,
    stamp: &str,
) -> Result<bool> {
    let inserted = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO suspension_change (comparison_id, kind, section, item_id, suspended, stamp, device,
                                                      exported)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",
        )?
        .execute(params![key.comparison_id, key.kind, key.section, key.item_id, suspended, stamp, from])?;
    Ok(inserted > 0)
}

/// Sets the card, if this store has it, to the newest flag known for its
/// key; true when that changed it.
pub(crate) fn settle(tx: &Transaction<'_>, key: &CardKey) -> Result<bool> {
    let newest: bool = tx
        .prepare_cached(
            "SELECT suspended FROM suspension_change WHERE comparison_id = ?1 AND kind = ?2 AND section = ?3
               AND item_id = ?4 ORDER BY stamp DESC LIMIT 1",
        )?
        .query_row(params![key.comparison_id, key.kind, key.section, key.item_id], |r| r.get(0))?;
    let present: Option<bool> = tx
        .prepare_cached(
            "SELECT suspended FROM card WHERE comparison_id = ?1 AND kind = ?2 AND section = ?3 AND item_id = ?4
               AND kind <> 'custom'",
        )?
        .query_row(params![key.comparison_id, key.kind, key.section, key.item_id], |r| r.get(0))
        .optional()?;
    let Some(was) = present else { return Ok(false) };
    let text_key = [key.comparison_id.as_str(), key.kind.as_str(), key.section.as_str(), &key.item_id];
    if was != newest {
        tx.prepare_cached(
            "UPDATE card SET suspended = ?5 WHERE comparison_id = ?1 AND kind = ?2 AND section = ?3
               AND item_id = ?4 AND kind <> 'custom'",
        )?
        .execute(params![text_key[0], text_key[1], text_key[2], text_key[3], newest])?;
    }
    set_synced(tx, text_key, newest)?;
    Ok(was != newest)
}

/// The changes no batch has carried yet, oldest first.
pub(crate) fn outgoing(conn: &Connection) -> Result<Vec<Event>> {
    let events = conn
        .prepare(
            "SELECT comparison_id, kind, section, item_id, suspended, stamp FROM suspension_change
             WHERE exported = 0 ORDER BY stamp",
        )?
        .query_map([], |r| {
            Ok(Event::Suspension {
                comparison: r.get(0)?,
                card: r.get(1)?,
                section: r.get(2)?,
                item: r.get(3)?,
                suspended: r.get(4)?,
                stamp: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(events)
}

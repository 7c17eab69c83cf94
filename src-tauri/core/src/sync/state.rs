//! What a store keeps about sync itself, in `sync_meta`: its device id, the
//! folder chosen, the clock and the count of its batches.

use std::hash::{BuildHasher, Hasher};
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::Result;

pub(crate) fn meta(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT value FROM sync_meta WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

pub(crate) fn set_meta(tx: &Transaction<'_>, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO sync_meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// The tables whose rows a sync sends, each with its `exported` flag.
const OUTBOX_TABLES: [&str; 7] = [
    "note_change",
    "review_sync",
    "suspension_change",
    "comparison_change",
    "drill_sync",
    "pack_sync",
    "draft_sync",
];

/// Everything not yet sent has gone in this sync's batches.
pub(crate) fn mark_exported(tx: &Transaction<'_>) -> Result<()> {
    for table in OUTBOX_TABLES {
        tx.execute(&format!("UPDATE {table} SET exported = 1 WHERE exported = 0"), [])?;
    }
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
    for table in OUTBOX_TABLES {
        tx.execute(&format!("UPDATE {table} SET exported = 0"), [])?;
    }
    tx.execute("DELETE FROM sync_seen", [])?;
    set_meta(tx, "folder", &text)
}

/// This store's device id, made on its first sync.
pub(crate) fn device_id(tx: &Transaction<'_>) -> Result<String> {
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

/// The batch number this device writes next.
pub(crate) fn next_seq(conn: &Connection) -> Result<u64> {
    Ok(meta(conn, "next_seq")?.and_then(|s| s.parse().ok()).unwrap_or(1))
}

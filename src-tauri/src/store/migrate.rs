//! Numbered SQL migrations, tracked by `PRAGMA user_version`.

use std::path::Path;

use rusqlite::Connection;

use crate::clock::now_ms;
use crate::error::{Error, Result};

/// Migration N brings the schema from version N-1 to N; the index is N-1.
const MIGRATIONS: &[&str] =
    &[include_str!("../../migrations/0001_init.sql"), include_str!("../../migrations/0002_search.sql")];

pub const LATEST_SCHEMA: i64 = MIGRATIONS.len() as i64;

pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

pub(super) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let current = schema_version(conn)?;
    if current > LATEST_SCHEMA {
        return Err(Error::NewerSchema {
            path: path.to_path_buf(),
            found: current,
            supported: LATEST_SCHEMA,
        });
    }
    if current == LATEST_SCHEMA {
        return Ok(());
    }
    if current > 0 {
        backup_before_migration(conn, path, current)?;
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let version = index as i64 + 1;
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

/// A full copy of the database beside it, taken before its schema changes.
fn backup_before_migration(conn: &Connection, path: &Path, from: i64) -> Result<()> {
    let folder = path.parent().unwrap_or(Path::new(".")).join("backups");
    std::fs::create_dir_all(&folder).map_err(Error::io("could not create the backup folder", &folder))?;
    let target = folder.join(format!("before-schema-{}-from-{from}-{}.db", LATEST_SCHEMA, now_ms()));
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])?;
    Ok(())
}

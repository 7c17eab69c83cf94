//! Numbered SQL migrations, tracked by `PRAGMA user_version`.

use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Migration N brings the schema from version N-1 to N; the index is N-1.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_search.sql"),
    include_str!("../../migrations/0003_study.sql"),
];

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
    let has_data: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    if has_data > 0 {
        backup_before_migration(conn, path)?;
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

/// A checked backup of the database, taken before its schema changes.
fn backup_before_migration(conn: &Connection, path: &Path) -> Result<()> {
    let folder = crate::backup::backup_dir(path.parent().unwrap_or(Path::new(".")));
    crate::backup::take_backup(conn, &folder, crate::backup::Reason::BeforeMigration)?;
    Ok(())
}

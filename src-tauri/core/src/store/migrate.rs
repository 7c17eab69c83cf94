//! Numbered SQL migrations, tracked by `PRAGMA user_version`.

use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::store::backup::{self, Reason};

/// Migration N brings the schema from version N-1 to N; the index is N-1.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_search.sql"),
    include_str!("../../migrations/0003_study.sql"),
    include_str!("../../migrations/0004_typed_columns.sql"),
    include_str!("../../migrations/0005_search_vocab.sql"),
    include_str!("../../migrations/0006_own_and_packs.sql"),
    include_str!("../../migrations/0007_grid_cards.sql"),
    include_str!("../../migrations/0008_undo_steps.sql"),
    include_str!("../../migrations/0009_practice.sql"),
    include_str!("../../migrations/0010_fsrs_parameters.sql"),
    include_str!("../../migrations/0011_cram.sql"),
    include_str!("../../migrations/0012_item_cards.sql"),
    include_str!("../../migrations/0013_sync_notes.sql"),
    include_str!("../../migrations/0014_sync_reviews.sql"),
    include_str!("../../migrations/0015_sync_own.sql"),
    include_str!("../../migrations/0016_sync_dirty.sql"),
    include_str!("../../migrations/0017_sync_packs.sql"),
    include_str!("../../migrations/0018_sync_drafts.sql"),
    include_str!("../../migrations/0019_sync_draft_base.sql"),
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
        let folder = backup::backup_dir(path.parent().unwrap_or(Path::new(".")));
        backup::take_backup(conn, &folder, Reason::BeforeMigration)?;
    }
    // A migration may rebuild a table that others reference (SQLite's way to
    // add a constraint); with foreign keys on, dropping the old table would
    // fail. They are off only while migrating (the pragma cannot change
    // inside a transaction) and checked before each migration commits.
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let migrated = run_migrations(conn, current);
    conn.pragma_update(None, "foreign_keys", "ON")?;
    migrated
}

fn run_migrations(conn: &mut Connection, current: i64) -> Result<()> {
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let version = index as i64 + 1;
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        let broken: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
        if broken > 0 {
            return Err(Error::Migration(format!(
                "migration {version} would leave {broken} broken references"
            )));
        }
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

//! Start-up recovery and restore when things go wrong half-way: a damaged
//! backup, a staged copy that cannot be written, a crash between two steps.
//! Each ends with the notes of a good backup in use, or with the current
//! database open and untouched; never with an empty store standing in.

use std::path::{Path, PathBuf};

use tempfile::TempDir;
use versus_core::content::Section;
use versus_core::notes::export::collect_notes;
use versus_core::notes::file::ExportedNote;
use versus_core::notes::{get_note, NoteKey};
use versus_core::ops;
use versus_core::store::backup::{
    backup_dir, companions, list_backups, staged_path, take_backup, BackupInfo, Reason,
};
use versus_core::store::recovery::Finding;
use versus_core::store::startup::{self, Started};
use versus_core::store::{Store, DATABASE_FILE};

use crate::support::{names_in, seed_library, store_with};

fn key(section: Section, item: &str) -> NoteKey {
    NoteKey::new("ec2-vs-lambda", section, item)
}

/// A closed data folder with two backups; the database holds one note more
/// than the newest backup.
struct Folder {
    _dir: TempDir,
    data: PathBuf,
    db: PathBuf,
    older: BackupInfo,
    newest: BackupInfo,
    older_notes: Vec<ExportedNote>,
    newest_notes: Vec<ExportedNote>,
}

fn folder_with_backups() -> Folder {
    let fx = store_with(&seed_library());
    let data = fx.dir.path().to_path_buf();
    let mut store = fx.store;
    ops::save_note(&mut store, &key(Section::Mistake, "ec2-by-default"), "in both backups").unwrap();
    let older = take_backup(store.conn(), &backup_dir(&data), Reason::Periodic).unwrap();
    let older_notes = collect_notes(store.conn()).unwrap();
    ops::save_note(&mut store, &key(Section::Tradeoff, "flexibility-vs-ops"), "only in the newest backup")
        .unwrap();
    let newest = take_backup(store.conn(), &backup_dir(&data), Reason::Periodic).unwrap();
    let newest_notes = collect_notes(store.conn()).unwrap();
    ops::save_note(&mut store, &key(Section::Subject, "lambda"), "after the last backup").unwrap();
    drop(store);
    Folder { db: data.join(DATABASE_FILE), data, _dir: fx.dir, older, newest, older_notes, newest_notes }
}

/// What a restore or recovery may leave behind only while it runs.
fn leftovers(dir: &Path) -> Vec<String> {
    names_in(dir).into_iter().filter(|n| n.starts_with(".versus.db.")).collect()
}

fn integrity(store: &Store) -> String {
    store.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

/// The store answers reads and takes a new note that reads back.
fn assert_usable(store: &mut Store, body: &str) {
    let k = key(Section::Mistake, "lambda-for-long-jobs");
    ops::save_note(store, &k, body).expect("the store takes a note");
    assert_eq!(get_note(store.conn(), &k).unwrap().expect("the note is there").body, body);
    assert!(!ops::list_comparisons(store).unwrap().is_empty());
}

fn recovered(started: &Started) -> &versus_core::store::recovery::Recovery {
    started.recovery.as_ref().expect("start-up reports a recovery")
}

#[test]
fn a_zero_byte_database_with_backups_is_replaced_by_the_newest_good_backup() {
    let f = folder_with_backups();
    std::fs::write(&f.db, b"").unwrap();
    let started = startup::start(&f.data).expect("start-up restores");
    let recovery = recovered(&started);
    assert_eq!(recovery.found, Finding::Empty);
    assert_eq!(recovery.restored_from.as_deref(), Some(f.newest.file_name.as_str()));
    let message = recovery.message();
    assert!(
        message.contains("no usable notes database") && message.contains(&f.newest.file_name),
        "{message}"
    );
    assert_eq!(collect_notes(started.store.conn()).unwrap(), f.newest_notes);
    assert_eq!(integrity(&started.store), "ok");
}

#[test]
fn a_missing_database_with_backups_is_restored_from_the_newest_good_backup() {
    let f = folder_with_backups();
    std::fs::remove_file(&f.db).unwrap();
    let started = startup::start(&f.data).expect("start-up restores");
    let recovery = recovered(&started);
    assert_eq!(recovery.found, Finding::Missing);
    assert_eq!(recovery.damaged_file, None, "there was no file to keep");
    assert_eq!(recovery.restored_from.as_deref(), Some(f.newest.file_name.as_str()));
    assert!(recovery.message().contains(&f.newest.file_name), "{}", recovery.message());
    assert_eq!(collect_notes(started.store.conn()).unwrap(), f.newest_notes);
}

#[test]
fn a_database_without_versus_tables_is_set_aside_when_backups_exist() {
    let f = folder_with_backups();
    std::fs::remove_file(&f.db).unwrap();
    let other = rusqlite::Connection::open(&f.db).unwrap();
    other.execute_batch("CREATE TABLE shopping (item TEXT); INSERT INTO shopping VALUES ('milk');").unwrap();
    drop(other);
    let started = startup::start(&f.data).expect("start-up restores");
    let recovery = recovered(&started);
    assert_eq!(recovery.found, Finding::NotVersus);
    assert_eq!(collect_notes(started.store.conn()).unwrap(), f.newest_notes);
    let aside = recovery.damaged_file.as_deref().expect("the file found is kept");
    let kept = rusqlite::Connection::open(aside).unwrap();
    let item: String = kept.query_row("SELECT item FROM shopping", [], |r| r.get(0)).unwrap();
    assert_eq!(item, "milk", "the file set aside is the one that was found");
}

#[test]
fn a_new_or_empty_database_without_backups_starts_without_a_recovery() {
    let dir = tempfile::tempdir().unwrap();
    let started = startup::start(dir.path()).unwrap();
    assert!(started.recovery.is_none(), "a first start is not a recovery");
    drop(started);

    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join(DATABASE_FILE), b"").unwrap();
    let mut started = startup::start(empty.path()).unwrap();
    assert!(started.recovery.is_none(), "nothing to restore: the empty file becomes the new store");
    assert_usable(&mut started.store, "a first note");
}

#[test]
fn a_damaged_newest_backup_is_skipped_for_the_newest_good_one() {
    let f = folder_with_backups();
    let bytes = std::fs::read(&f.newest.path).unwrap();
    std::fs::write(&f.newest.path, &bytes[..bytes.len() / 2]).unwrap();
    std::fs::write(&f.db, b"this is not a database").unwrap();

    let started = startup::start(&f.data).expect("start-up restores");
    let recovery = recovered(&started);
    assert_eq!(recovery.found, Finding::Damaged);
    assert_eq!(recovery.restored_from.as_deref(), Some(f.older.file_name.as_str()));
    assert_eq!(collect_notes(started.store.conn()).unwrap(), f.older_notes);
    assert!(f.newest.path.exists(), "the damaged backup is left where it was");
    assert!(leftovers(&f.data).is_empty(), "{:?}", leftovers(&f.data));
}

#[test]
fn a_recovery_that_cannot_stage_its_copy_stops_start_up_and_moves_nothing() {
    let f = folder_with_backups();
    std::fs::write(&f.db, b"this is not a database").unwrap();
    // A folder where the staged copy goes: it cannot be written there.
    std::fs::create_dir(staged_path(&f.db)).unwrap();
    let before = names_in(&f.data);
    let backups_before = list_backups(&backup_dir(&f.data)).unwrap();

    let err = startup::start(&f.data).err().expect("start-up fails rather than start empty");
    assert_eq!(err.code(), "io", "{err}");
    assert_eq!(std::fs::read(&f.db).unwrap(), b"this is not a database", "the database was not moved");
    assert_eq!(names_in(&f.data), before, "nothing moved aside, nothing created");
    assert_eq!(list_backups(&backup_dir(&f.data)).unwrap(), backups_before, "every backup is kept");

    std::fs::remove_dir(staged_path(&f.db)).unwrap();
    let started = startup::start(&f.data).expect("the next start finishes the repair");
    assert_eq!(recovered(&started).restored_from.as_deref(), Some(f.newest.file_name.as_str()));
    assert_eq!(collect_notes(started.store.conn()).unwrap(), f.newest_notes);
}

#[test]
fn a_missing_database_that_cannot_be_restored_never_starts_an_empty_store() {
    let f = folder_with_backups();
    std::fs::remove_file(&f.db).unwrap();
    std::fs::create_dir(staged_path(&f.db)).unwrap();

    assert!(startup::start(&f.data).is_err(), "start-up fails");
    assert!(!f.db.exists(), "no empty database was created in its place");

    std::fs::remove_dir(staged_path(&f.db)).unwrap();
    let started = startup::start(&f.data).expect("the next start restores");
    assert_eq!(collect_notes(started.store.conn()).unwrap(), f.newest_notes);
}

#[test]
fn a_leftover_staged_copy_is_replaced_never_used() {
    let f = folder_with_backups();
    // A crash mid-way through an earlier repair left a readable copy of an
    // older backup, and a log of its own, beside the database.
    std::fs::copy(&f.older.path, staged_path(&f.db)).unwrap();
    std::fs::write(&companions(&staged_path(&f.db))[0], b"stale log").unwrap();
    std::fs::write(&f.db, b"this is not a database").unwrap();

    let started = startup::start(&f.data).expect("start-up restores");
    assert_eq!(recovered(&started).restored_from.as_deref(), Some(f.newest.file_name.as_str()));
    assert_eq!(
        collect_notes(started.store.conn()).unwrap(),
        f.newest_notes,
        "the newest good backup's notes"
    );
    assert!(leftovers(&f.data).is_empty(), "{:?}", leftovers(&f.data));
}

#[test]
fn a_crash_after_the_damaged_file_was_moved_aside_is_finished_by_the_next_start() {
    let f = folder_with_backups();
    // The state a crash leaves between moving the damaged file aside and
    // renaming the staged copy into place.
    std::fs::write(&f.db, b"this is not a database").unwrap();
    let aside = f.data.join(format!("{DATABASE_FILE}.damaged-1"));
    std::fs::rename(&f.db, &aside).unwrap();
    std::fs::copy(&f.newest.path, staged_path(&f.db)).unwrap();

    let started = startup::start(&f.data).expect("start-up finishes the repair");
    let recovery = recovered(&started);
    assert_eq!(recovery.found, Finding::Missing);
    assert_eq!(recovery.restored_from.as_deref(), Some(f.newest.file_name.as_str()));
    assert_eq!(collect_notes(started.store.conn()).unwrap(), f.newest_notes);
    assert_eq!(std::fs::read(&aside).unwrap(), b"this is not a database", "the damaged file is still kept");
    assert!(leftovers(&f.data).is_empty(), "{:?}", leftovers(&f.data));
}

#[test]
fn a_log_left_without_its_database_is_moved_aside_never_replayed_into_the_restored_one() {
    let fx = store_with(&seed_library());
    let data = fx.dir.path().to_path_buf();
    let db = data.join(DATABASE_FILE);
    let mut store = fx.store;
    ops::save_note(&mut store, &key(Section::Mistake, "ec2-by-default"), "in the backup").unwrap();
    take_backup(store.conn(), &backup_dir(&data), Reason::Periodic).unwrap();
    let in_backup = collect_notes(store.conn()).unwrap();
    ops::save_note(&mut store, &key(Section::Subject, "ec2"), "only in the log").unwrap();
    // A crash between moving the database aside and moving its log.
    let log = std::fs::read(&companions(&db)[0]).unwrap();
    assert!(!log.is_empty(), "the last note is still in the log");
    drop(store);
    std::fs::rename(&db, data.join(format!("{DATABASE_FILE}.damaged-1"))).unwrap();
    std::fs::write(&companions(&db)[0], &log).unwrap();

    let started = startup::start(&data).expect("start-up restores");
    assert_eq!(recovered(&started).found, Finding::Missing);
    assert_eq!(collect_notes(started.store.conn()).unwrap(), in_backup);
    assert_eq!(integrity(&started.store), "ok");
    let kept: Vec<String> =
        names_in(&data).into_iter().filter(|n| n.ends_with("-wal") && n.contains("unusable")).collect();
    assert_eq!(kept.len(), 1, "{:?}", names_in(&data));
    assert_eq!(std::fs::read(data.join(&kept[0])).unwrap(), log, "the log is kept, byte for byte");
}

#[test]
fn a_restore_from_a_damaged_backup_fails_and_the_store_stays_open_readable_and_writable() {
    let f = folder_with_backups();
    let mut store = Store::open_in(&f.data).unwrap();
    let before = collect_notes(store.conn()).unwrap();
    let bytes = std::fs::read(&f.older.path).unwrap();
    std::fs::write(&f.older.path, &bytes[..bytes.len() / 2]).unwrap();

    let err = ops::restore_backup(&mut store, &f.older.file_name, &mut |_, _| {}).unwrap_err();
    assert_eq!(err.code(), "not_a_database", "{err}");
    assert!(err.to_string().contains(&f.older.file_name), "the error names the backup: {err}");
    assert_eq!(collect_notes(store.conn()).unwrap(), before, "the notes are as they were");
    assert_usable(&mut store, "saved after the failed restore");
    assert!(leftovers(&f.data).is_empty(), "{:?}", leftovers(&f.data));
    drop(store);
    let reopened = Store::open_in(&f.data).unwrap();
    let k = key(Section::Mistake, "lambda-for-long-jobs");
    assert_eq!(get_note(reopened.conn(), &k).unwrap().unwrap().body, "saved after the failed restore");
}

#[test]
fn a_restore_that_cannot_write_its_staged_copy_leaves_the_store_untouched() {
    let f = folder_with_backups();
    let mut store = Store::open_in(&f.data).unwrap();
    let before = collect_notes(store.conn()).unwrap();
    std::fs::create_dir(staged_path(&f.db)).unwrap();

    let err = ops::restore_backup(&mut store, &f.newest.file_name, &mut |_, _| {}).unwrap_err();
    assert_eq!(err.code(), "io", "{err}");
    assert!(err.to_string().contains(".versus.db.staged"), "the error says what could not be written: {err}");
    assert_eq!(collect_notes(store.conn()).unwrap(), before);
    assert_usable(&mut store, "saved after the failed restore");

    std::fs::remove_dir(staged_path(&f.db)).unwrap();
    ops::restore_backup(&mut store, &f.newest.file_name, &mut |_, _| {})
        .expect("the restore works once it can");
    assert_eq!(collect_notes(store.conn()).unwrap(), f.newest_notes);
}

#[test]
fn a_restore_of_a_backup_that_cannot_be_brought_up_to_date_leaves_the_store_untouched() {
    let f = folder_with_backups();
    // Readable and older than this app, but its tables already exist, so
    // the first migration fails on it.
    let conn = rusqlite::Connection::open(&f.older.path).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    drop(conn);
    let mut store = Store::open_in(&f.data).unwrap();
    let before = collect_notes(store.conn()).unwrap();

    assert!(ops::restore_backup(&mut store, &f.older.file_name, &mut |_, _| {}).is_err());
    assert_eq!(collect_notes(store.conn()).unwrap(), before);
    assert_usable(&mut store, "saved after the failed restore");
    assert!(leftovers(&f.data).is_empty(), "{:?}", leftovers(&f.data));
}

#[test]
fn a_restore_of_a_backup_from_a_newer_versus_is_refused_and_the_store_stays_open() {
    let f = folder_with_backups();
    let conn = rusqlite::Connection::open(&f.older.path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let newer = std::fs::read(&f.older.path).unwrap();
    let mut store = Store::open_in(&f.data).unwrap();
    let before = collect_notes(store.conn()).unwrap();

    let err = ops::restore_backup(&mut store, &f.older.file_name, &mut |_, _| {}).unwrap_err();
    assert_eq!(err.code(), "newer_schema", "{err}");
    assert!(err.to_string().contains(&f.older.file_name), "{err}");
    assert_eq!(std::fs::read(&f.older.path).unwrap(), newer, "the newer backup is left byte-identical");
    assert_eq!(collect_notes(store.conn()).unwrap(), before);
    assert_usable(&mut store, "saved after the refused restore");
}

#[test]
fn a_restore_leaves_nothing_but_the_restored_database_behind() {
    let f = folder_with_backups();
    let mut store = Store::open_in(&f.data).unwrap();
    let files_before: Vec<String> = names_in(&f.data);
    ops::restore_backup(&mut store, &f.older.file_name, &mut |_, _| {}).unwrap();
    assert_eq!(collect_notes(store.conn()).unwrap(), f.older_notes);
    assert_usable(&mut store, "saved after the restore");
    assert!(leftovers(&f.data).is_empty(), "{:?}", leftovers(&f.data));
    let damaged_or_aside = names_in(&f.data).into_iter().filter(|n| !files_before.contains(n)).count();
    assert_eq!(damaged_or_aside, 0, "{:?}", names_in(&f.data));
}

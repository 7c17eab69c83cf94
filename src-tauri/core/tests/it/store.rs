//! Opening the store: pragmas, migrations, refusing a newer schema, and content import.

use rusqlite::Connection;
use serde_json::json;
use versus_core::content::Section;
use versus_core::notes::{archived_notes, get_note, NoteKey};
use versus_core::ops;
use versus_core::store::{schema_version, Store, DATABASE_FILE, LATEST_SCHEMA};
use versus_core::Error;

use crate::support::{library_of, seed_json, seed_library, store_with, SEED_PATH};

#[test]
fn the_bundled_sqlite_has_the_wal_reset_fix_and_fts5() {
    let conn = Connection::open_in_memory().unwrap();
    let version: String = conn.query_row("SELECT sqlite_version()", [], |r| r.get(0)).unwrap();
    let parts: Vec<u32> = version.split('.').map(|p| p.parse().unwrap()).collect();
    assert!(parts >= vec![3, 51, 3], "SQLite {version} predates the WAL-reset fix of 3.51.3");
    conn.execute_batch("CREATE VIRTUAL TABLE t USING fts5(a)").expect("FTS5 compiled in");
}

#[test]
fn a_new_store_has_the_pragmas_and_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    let conn = store.conn();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let sync: i64 = conn.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    assert_eq!(sync, 2, "synchronous=FULL");
    let fk: i64 = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 1);
    let timeout: i64 = conn.query_row("PRAGMA busy_timeout", [], |r| r.get(0)).unwrap();
    assert!(timeout >= 1000);
    assert_eq!(schema_version(conn).unwrap(), LATEST_SCHEMA);
    assert!(dir.path().join(DATABASE_FILE).is_file(), "the database is versus.db in the data folder");
}

#[test]
fn a_database_from_a_newer_schema_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('from a later Versus');",
        )
        .unwrap();
        conn.pragma_update(None, "user_version", LATEST_SCHEMA + 7).unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let listing_before: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();

    let err = Store::open_in(dir.path()).err().expect("a newer database must be refused");
    assert!(matches!(err, Error::NewerSchema { found, .. } if found == LATEST_SCHEMA + 7), "{err}");
    assert_eq!(err.code(), "newer_schema");
    assert!(err.to_string().contains("newer version of Versus"), "{err}");
    assert!(err.to_string().contains("left untouched"), "{err}");

    assert_eq!(std::fs::read(&path).unwrap(), before, "the file must not change by a byte");
    let listing_after: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(listing_before, listing_after, "no -wal, -shm or backup files appear");
}

#[test]
fn a_file_that_is_not_a_database_gets_a_typed_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(DATABASE_FILE), vec![0x42u8; 8192]).unwrap();
    let err = Store::open_in(dir.path()).err().expect("garbage must be refused");
    assert_eq!(err.code(), "not_a_database", "{err}");
}

#[test]
fn an_older_schema_is_migrated_after_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    {
        // Schema version 0 with a table: an earlier, pre-migration file the app must back up first.
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE legacy (x TEXT); INSERT INTO legacy VALUES ('kept');").unwrap();
        conn.pragma_update(None, "user_version", 0).unwrap();
    }
    let store = Store::open_in(dir.path()).unwrap();
    assert_eq!(schema_version(store.conn()).unwrap(), LATEST_SCHEMA);
    let kept: String = store.conn().query_row("SELECT x FROM legacy", [], |r| r.get(0)).unwrap();
    assert_eq!(kept, "kept");
    let backups = versus_core::store::backup::list_backups(&dir.path().join("backups")).unwrap();
    assert_eq!(backups.len(), 1, "one backup before the migration");
    assert_eq!(backups[0].reason, versus_core::store::backup::Reason::BeforeMigration);
    let conn = Connection::open(&backups[0].path).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, 0, "the backup holds the database as it was before migrating");
}

#[test]
fn import_runs_only_when_the_content_changed() {
    let mut fx = store_with(&seed_library());
    let again =
        ops::import_content(&mut fx.store, &seed_library(), &versus_core::store::Origin::Library).unwrap();
    assert!(!again.ran, "unchanged content is not imported twice");

    let mut changed = seed_json();
    changed["summary"] = json!("A new summary sentence for the comparison.");
    let report = ops::import_content(
        &mut fx.store,
        &library_of(&[(SEED_PATH, &changed)]),
        &versus_core::store::Origin::Library,
    )
    .unwrap();
    assert!(report.ran);
    let summary: String = fx
        .store
        .conn()
        .query_row("SELECT summary FROM comparison WHERE id = 'ec2-vs-lambda'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(summary, "A new summary sentence for the comparison.");
}

#[test]
fn the_embedded_library_imports_once_per_content_version() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let first = ops::sync_embedded_library(&mut store).unwrap();
    assert!(first.ran && first.comparisons >= 1);
    drop(store);
    let mut store = Store::open_in(dir.path()).unwrap();
    let second = ops::sync_embedded_library(&mut store).unwrap();
    assert!(!second.ran, "a start-up with unchanged content imports nothing");
}

fn key(section: Section, item: &str) -> NoteKey {
    NoteKey::new("ec2-vs-lambda", section, item)
}

/// The central promise: a content update with changed text, reordered items
/// and a removed item leaves every note attached; the removed item's note is archived.
#[test]
fn reimport_with_changed_reordered_and_removed_items_keeps_every_note() {
    let mut fx = store_with(&seed_library());
    let targets = [
        (key(Section::Comparison, "main"), "overall thoughts"),
        (key(Section::Subject, "lambda"), "cold starts matter"),
        (key(Section::Difference, "control"), "control note"),
        (key(Section::Difference, "operations"), "ops note"),
        (key(Section::WhenToUse, "ec2"), "when ec2"),
        (key(Section::Tradeoff, "flexibility-vs-ops"), "tradeoff note"),
        (key(Section::Mistake, "ec2-by-default"), "mistake note"),
        (key(Section::InterviewTip, "main"), "tip note"),
    ];
    for (k, body) in &targets {
        ops::save_note(&mut fx.store, k, body).unwrap();
    }

    let mut updated = seed_json();
    updated["differences"][0]["text"] =
        json!("Rewritten: EC2 hands you the machine, Lambda hands you a function.");
    updated["tradeoffs"].as_array_mut().unwrap().reverse();
    let removed = updated["differences"].as_array_mut().unwrap().remove(2); // "operations"
    assert_eq!(removed["id"], "operations");
    updated["subjects"].as_array_mut().unwrap().reverse();
    let report = ops::import_content(
        &mut fx.store,
        &library_of(&[(SEED_PATH, &updated)]),
        &versus_core::store::Origin::Library,
    )
    .unwrap();
    assert_eq!(report.retired_items, 1);

    let mut fx = fx.reopen();
    for (k, body) in &targets {
        let note = get_note(fx.store.conn(), k).unwrap().unwrap_or_else(|| panic!("note on {k:?} lost"));
        assert_eq!(&note.body, body);
    }
    let archived = archived_notes(fx.store.conn()).unwrap();
    assert_eq!(archived.len(), 1, "{archived:?}");
    assert_eq!(archived[0].note.key, key(Section::Difference, "operations"));
    assert_eq!(archived[0].note.body, "ops note");
    assert!(
        archived[0].item_text.as_deref().unwrap().contains("patching"),
        "the retired item's last text stays readable"
    );

    let page = versus_core::library::get_comparison(fx.store.conn(), "ec2-vs-lambda").unwrap();
    assert_eq!(page.differences.len(), 5);
    assert_eq!(
        page.differences[0].text,
        "Rewritten: EC2 hands you the machine, Lambda hands you a function."
    );
    assert_eq!(page.differences[0].note.as_ref().unwrap().body, "control note");
    assert_eq!(page.tradeoffs[2].item_id, "flexibility-vs-ops", "new order is shown");
    assert_eq!(page.tradeoffs[2].note.as_ref().unwrap().body, "tradeoff note");
    assert_eq!(page.archived.len(), 1);
    assert_eq!(page.archived[0].item_id, "operations");

    // The item coming back un-retires it, and its note is attached again.
    ops::import_content(&mut fx.store, &seed_library(), &versus_core::store::Origin::Library).unwrap();
    assert!(archived_notes(fx.store.conn()).unwrap().is_empty());
    let page = versus_core::library::get_comparison(fx.store.conn(), "ec2-vs-lambda").unwrap();
    assert_eq!(page.differences[2].note.as_ref().unwrap().body, "ops note");
}

#[test]
fn a_comparison_removed_from_the_content_is_retired_with_its_notes_archived() {
    let mut other = seed_json();
    other["id"] = json!("ec2-vs-fargate");
    other["title"] = json!("EC2 vs Fargate");
    let both = library_of(&[(SEED_PATH, &seed_json()), ("compute/ec2-vs-fargate.json", &other)]);
    let mut fx = store_with(&both);
    let k = NoteKey::new("ec2-vs-fargate", Section::Tradeoff, "flexibility-vs-ops");
    ops::save_note(&mut fx.store, &k, "keep me").unwrap();

    let report =
        ops::import_content(&mut fx.store, &seed_library(), &versus_core::store::Origin::Library).unwrap();
    assert_eq!(report.retired_comparisons, 1);
    let listed = versus_core::library::list_comparisons(fx.store.conn()).unwrap();
    assert_eq!(listed.len(), 1);
    let archived = archived_notes(fx.store.conn()).unwrap();
    assert_eq!(archived.len(), 1);
    assert_eq!(archived[0].note.body, "keep me");
    assert_eq!(archived[0].comparison_title.as_deref(), Some("EC2 vs Fargate"));
}

#[test]
fn no_content_row_is_ever_deleted_by_an_import() {
    let mut fx = store_with(&seed_library());
    let items_before: i64 = fx.store.conn().query_row("SELECT count(*) FROM item", [], |r| r.get(0)).unwrap();
    let mut smaller = seed_json();
    smaller["mistakes"].as_array_mut().unwrap().truncate(3);
    smaller["differences"].as_array_mut().unwrap().truncate(4);
    ops::import_content(
        &mut fx.store,
        &library_of(&[(SEED_PATH, &smaller)]),
        &versus_core::store::Origin::Library,
    )
    .unwrap();
    let items_after: i64 = fx.store.conn().query_row("SELECT count(*) FROM item", [], |r| r.get(0)).unwrap();
    let retired: i64 =
        fx.store.conn().query_row("SELECT count(*) FROM item WHERE retired = 1", [], |r| r.get(0)).unwrap();
    assert_eq!(items_before, items_after);
    assert_eq!(retired, 2);
}

#[test]
fn migrating_a_version_3_store_types_its_columns_and_keeps_every_card_and_review() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    {
        // A store as version 3 of the schema left it, with a custom card
        // that still carries the old `item~time` id and a logged review.
        let conn = rusqlite::Connection::open(&path).unwrap();
        for sql in [
            include_str!("../../migrations/0001_init.sql"),
            include_str!("../../migrations/0002_search.sql"),
            include_str!("../../migrations/0003_study.sql"),
        ] {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO card (id, comparison_id, kind, section, item_id, front, back, created_at, state, stability, difficulty, due, last_review, reps)
             VALUES (7, 'ec2-vs-lambda', 'custom', 'tradeoff', 'flexibility-vs-ops~1790000000000', 'Q', 'A', 1, 'review', 3.0, 5.0, 2, 1, 1);
             INSERT INTO review_log (card_id, reviewed_at, grade, elapsed_days, before_state, before_reps, before_lapses,
                                     after_state, after_stability, after_difficulty, after_due)
             VALUES (7, 1, 3, 0, 'new', 0, 0, 'review', 3.0, 5.0, 2);
             PRAGMA user_version = 3;",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let conn = store.conn();
    assert_eq!(schema_version(conn).unwrap(), LATEST_SCHEMA);
    let (item, reps): (String, i64) = conn
        .query_row("SELECT item_id, reps FROM card WHERE id = 7", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((item.as_str(), reps), ("flexibility-vs-ops", 1), "the custom card keeps its real item id");
    let reviews: i64 =
        conn.query_row("SELECT count(*) FROM review_log WHERE card_id = 7", [], |r| r.get(0)).unwrap();
    assert_eq!(reviews, 1, "its review history came along");
    let fk: i64 = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 1, "foreign keys are on again after the migration");
    let broken: i64 =
        conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(broken, 0);
    let backups = versus_core::store::backup::list_backups(&dir.path().join("backups")).unwrap();
    assert_eq!(backups.len(), 1, "a backup was taken before the migration");
}

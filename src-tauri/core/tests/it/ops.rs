//! The operations as one unit each: an operation that writes twice writes
//! both or nothing, composed steps (a safety backup, the library sync) are
//! part of the operation, and columns hold only values their enums know.

use versus_core::content::Section;
use versus_core::notes::export::collect_notes;
use versus_core::notes::file::read_notes_file;
use versus_core::notes::{get_note, NoteKey};
use versus_core::ops;
use versus_core::store::backup::{list_backups, Reason};
use versus_core::study::drills::{list_drills, DrillAnswer};
use versus_core::study::{Clock, Grade, StudySettings};
use versus_core::Error;

use crate::support::{seed_library, store_with};

const T0: i64 = 1_790_000_000_000;

fn tradeoff() -> NoteKey {
    NoteKey::new("ec2-vs-lambda", Section::Tradeoff, "flexibility-vs-ops")
}

fn no_progress() -> impl FnMut(usize, usize) {
    |_, _| {}
}

#[test]
fn a_transaction_that_fails_half_way_writes_nothing() {
    let mut fx = store_with(&seed_library());
    let err = fx
        .store
        .transact("a test operation", |tx| {
            versus_core::notes::save_note_at(tx, &tradeoff(), "written first", T0)?;
            Err::<(), _>(Error::InvalidArgument("then something fails".into()))
        })
        .unwrap_err();
    assert_eq!(err.code(), "invalid_argument");
    assert!(get_note(fx.store.conn(), &tradeoff()).unwrap().is_none(), "the first write was rolled back");
}

#[test]
fn a_database_error_names_the_operation_it_interrupted() {
    let mut fx = store_with(&seed_library());
    let err = fx
        .store
        .transact("saving a note", |tx| {
            tx.execute("INSERT INTO no_such_table VALUES (1)", [])?;
            Ok(())
        })
        .unwrap_err();
    assert_eq!(err.code(), "database");
    assert!(err.to_string().contains("while saving a note"), "{err}");
}

#[test]
fn a_drill_whose_grading_fails_leaves_no_drill_behind() {
    let mut fx = store_with(&seed_library());
    // A fault hook: the review log refuses every write, as a full disk would.
    fx.store
        .transact("installing a fault", |tx| {
            tx.execute_batch(
                "CREATE TRIGGER fault BEFORE INSERT ON review_log BEGIN SELECT RAISE(ABORT, 'disk full'); END",
            )?;
            Ok(())
        })
        .unwrap();
    let answer = DrillAnswer {
        comparison_id: "ec2-vs-lambda".into(),
        started_at: T0 - 60_000,
        seconds_used: 60,
        answer: "EC2 for long jobs.".into(),
        grade: Some(Grade::Good),
    };
    let clock = Clock { now: T0, utc_offset_minutes: 0 };
    let err = ops::submit_drill(&mut fx.store, &answer, clock, StudySettings::default()).unwrap_err();
    assert!(err.to_string().contains("disk full"), "{err}");
    assert!(err.to_string().contains("keeping a drill"), "{err}");
    assert!(list_drills(fx.store.conn(), 10).unwrap().is_empty(), "the drill went with its grade");

    // Without a grade nothing is graded, so the drill is kept.
    let ungraded = DrillAnswer { grade: None, ..answer };
    ops::submit_drill(&mut fx.store, &ungraded, clock, StudySettings::default()).unwrap();
    assert_eq!(list_drills(fx.store.conn(), 10).unwrap().len(), 1);
}

#[test]
fn importing_notes_takes_a_safety_backup_first_and_a_bad_file_takes_none() {
    let mut source = store_with(&seed_library());
    ops::save_note(&mut source.store, &tradeoff(), "from the other machine").unwrap();
    let file = source.dir.path().join("notes.json");
    ops::export_json(&source.store, &file, &mut no_progress()).unwrap();

    let mut fx = store_with(&seed_library());
    ops::save_note(&mut fx.store, &NoteKey::new("ec2-vs-lambda", Section::Subject, "ec2"), "mine").unwrap();
    let bad = fx.dir.path().join("bad.json");
    std::fs::write(&bad, b"{\"format\": \"versus-notes\"").unwrap();
    // As the app does it: the file is read and checked first, the operation only gets a good one.
    let refused =
        read_notes_file(&bad).and_then(|f| ops::import_notes(&mut fx.store, &f, &mut no_progress()));
    assert_eq!(refused.unwrap_err().code(), "bad_import");
    assert!(list_backups(&fx.store.backup_dir()).unwrap().is_empty(), "a refused file backs up nothing");

    let before = collect_notes(fx.store.conn()).unwrap();
    let summary =
        ops::import_notes(&mut fx.store, &read_notes_file(&file).unwrap(), &mut no_progress()).unwrap();
    assert_eq!(summary.added, 1);
    let backups = list_backups(&fx.store.backup_dir()).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].reason, Reason::BeforeImport);
    assert_eq!(
        backups[0].note_count,
        Some(before.len() as i64),
        "the backup holds the notes before the import"
    );
}

#[test]
fn the_export_counts_notes_not_markdown_headings() {
    let mut fx = store_with(&seed_library());
    ops::save_note(&mut fx.store, &tradeoff(), "Intro\n\n## My own heading\n\nmore\n\n## Another").unwrap();
    let path = fx.dir.path().join("ec2-vs-lambda.md");
    let summary = ops::export_comparison_markdown(&fx.store, "ec2-vs-lambda", &path).unwrap();
    assert_eq!(summary.notes, 1, "one note, however many headings it holds");
    assert_eq!(ops::export_markdown(&fx.store, fx.dir.path(), &mut no_progress()).unwrap().notes, 1);
    let empty = ops::export_comparison_markdown(&fx.store, "ec2-vs-lambda-missing", &path).unwrap_err();
    assert_eq!(empty.code(), "unknown_comparison");
}

#[test]
fn typed_columns_refuse_values_their_enums_do_not_know() {
    let mut fx = store_with(&seed_library());
    let refused = fx.store.transact("writing a bad card", |tx| {
        tx.execute(
            "INSERT INTO card (comparison_id, kind, section, item_id, created_at) VALUES ('ec2-vs-lambda', 'bogus', 'tradeoff', 'x', 0)",
            [],
        )?;
        Ok(())
    });
    assert!(refused.unwrap_err().to_string().contains("CHECK constraint failed"));
    let refused = fx.store.transact("writing a bad state", |tx| {
        tx.execute("UPDATE card SET state = 'learning' WHERE id = (SELECT min(id) FROM card)", [])?;
        Ok(())
    });
    assert!(refused.unwrap_err().to_string().contains("CHECK constraint failed"));
}

#[test]
fn a_not_found_error_names_the_kind_and_the_id() {
    let mut fx = store_with(&seed_library());
    let err = ops::comparison_page(&fx.store, "kafka-vs-pulsar").unwrap_err();
    assert!(matches!(&err, Error::NotFound { id, .. } if id == "kafka-vs-pulsar"));
    assert_eq!(err.to_string(), "there is no comparison \"kafka-vs-pulsar\"");
    let clock = Clock { now: T0, utc_offset_minutes: 0 };
    let err =
        ops::grade_drill(&mut fx.store, 424_242, Grade::Good, clock, StudySettings::default()).unwrap_err();
    assert_eq!(err.code(), "unknown_drill");
    assert!(err.to_string().contains("424242"));
}

#[test]
fn a_comparison_is_read_from_a_store_that_cannot_write_and_reading_records_no_view() {
    let mut fx = store_with(&seed_library());
    ops::save_note(&mut fx.store, &tradeoff(), "readable on a full disk").unwrap();
    // A fault hook: recording a view fails, as any write would on a full disk.
    fx.store
        .transact("installing a fault", |tx| {
            tx.execute_batch(
                "CREATE TRIGGER fault_insert BEFORE INSERT ON recent_view BEGIN SELECT RAISE(ABORT, 'disk full'); END;
                 CREATE TRIGGER fault_update BEFORE UPDATE ON recent_view BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
            )?;
            Ok(())
        })
        .unwrap();
    let page = ops::comparison_page(&fx.store, "ec2-vs-lambda").unwrap();
    let note =
        page.tradeoffs.iter().find(|t| t.item_id == "flexibility-vs-ops").and_then(|t| t.note.as_ref());
    assert_eq!(note.map(|n| n.body.as_str()), Some("readable on a full disk"));
    let views: i64 = fx.store.conn().query_row("SELECT count(*) FROM recent_view", [], |r| r.get(0)).unwrap();
    assert_eq!(views, 0, "reading a page records no view");

    let err = ops::record_view(&mut fx.store, "ec2-vs-lambda").unwrap_err();
    assert!(err.to_string().contains("disk full"), "recording a view is its own operation: {err}");
    assert!(err.to_string().contains("recording a view"), "{err}");
}

#[test]
fn recording_a_view_lists_the_comparison_as_recently_viewed() {
    let mut fx = store_with(&seed_library());
    ops::record_view(&mut fx.store, "ec2-vs-lambda").unwrap();
    let recent = versus_core::library::recent_views(fx.store.conn(), 6).unwrap();
    assert_eq!(recent.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["ec2-vs-lambda"]);
    assert_eq!(ops::record_view(&mut fx.store, "nope").unwrap_err().code(), "unknown_comparison");
}

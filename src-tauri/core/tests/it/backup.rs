//! Backups, recovery, export and import: nothing the learner wrote is lost.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde_json::json;
use versus_core::content::Section;
use versus_core::notes::export::{collect_notes, comparison_markdown};
use versus_core::notes::file::read_notes_file;
use versus_core::notes::import::ImportSummary;
use versus_core::notes::{get_note, history, save_note_at, NoteKey};
use versus_core::ops;
use versus_core::store::backup::{
    self, kept_by, list_backups, prune, take_backup, BackupInfo, Reason, Retention, RETENTION,
};
use versus_core::store::{Store, DATABASE_FILE};

use crate::support::{names_in, seed_library, store_with, Fixture};

fn key(section: Section, item: &str) -> NoteKey {
    NoteKey::new("ec2-vs-lambda", section, item)
}

fn no_progress() -> impl FnMut(usize, usize) {
    |_, _| {}
}

/// Imports a notes file as the app does: read and checked first, then merged.
fn import_file(store: &mut Store, path: &Path) -> versus_core::Result<ImportSummary> {
    ops::import_notes(store, &read_notes_file(path)?, &mut no_progress())
}

/// A store with notes, histories, and a cleared note that only has history.
fn store_with_notes() -> Fixture {
    let mut fx = store_with(&seed_library());
    let store = &mut fx.store;
    // A day apart, so each is its own editing session and keeps the one before.
    for (day, body) in ["first thought", "second thought", "**final** thought"].into_iter().enumerate() {
        let at = 1_700_000_000_000 + day as i64 * 86_400_000;
        let k = key(Section::Tradeoff, "flexibility-vs-ops");
        store.transact("saving a note", |tx| save_note_at(tx, &k, body, at)).unwrap();
    }
    ops::save_note(store, &key(Section::Mistake, "ec2-by-default"), "Small cron jobs: Lambda.").unwrap();
    ops::save_note(store, &key(Section::Subject, "lambda"), "café ☕ and 東京").unwrap();
    ops::save_note(store, &key(Section::Comparison, "main"), "will be cleared").unwrap();
    ops::save_note(store, &key(Section::Comparison, "main"), "").unwrap();
    fx
}

#[test]
fn export_then_import_into_a_fresh_store_gives_identical_notes_and_histories() {
    let fx = store_with_notes();
    let file = fx.dir.path().join("export.json");
    let summary = ops::export_json(&fx.store, &file, &mut no_progress()).unwrap();
    assert_eq!(summary.notes, 4);

    let mut fresh = store_with(&seed_library());
    let result = import_file(&mut fresh.store, &file).unwrap();
    assert_eq!(result, ImportSummary { added: 4, updated: 0, kept: 0, skipped: 0 });
    assert_eq!(collect_notes(fresh.store.conn()).unwrap(), collect_notes(fx.store.conn()).unwrap());
    let versions = history(fresh.store.conn(), &key(Section::Tradeoff, "flexibility-vs-ops")).unwrap();
    let bodies: Vec<&str> = versions.iter().map(|v| v.body.as_str()).collect();
    assert_eq!(bodies, ["second thought", "first thought"], "history order survives");
    versus_core::search::check_index(fresh.store.conn()).unwrap();
}

#[test]
fn importing_the_same_file_twice_changes_nothing_the_second_time() {
    let fx = store_with_notes();
    let file = fx.dir.path().join("export.json");
    ops::export_json(&fx.store, &file, &mut no_progress()).unwrap();
    let mut other = store_with(&seed_library());
    import_file(&mut other.store, &file).unwrap();
    let before = collect_notes(other.store.conn()).unwrap();
    let second = import_file(&mut other.store, &file).unwrap();
    assert_eq!(second, ImportSummary { added: 0, updated: 0, kept: 4, skipped: 0 });
    assert_eq!(collect_notes(other.store.conn()).unwrap(), before);
}

#[test]
fn a_differing_note_keeps_both_the_local_stays_current() {
    let fx = store_with_notes();
    let file = fx.dir.path().join("export.json");
    ops::export_json(&fx.store, &file, &mut no_progress()).unwrap();

    let mut local = store_with(&seed_library());
    let k = key(Section::Mistake, "ec2-by-default");
    ops::save_note(&mut local.store, &k, "My local view of this mistake.").unwrap();
    let summary = import_file(&mut local.store, &file).unwrap();
    assert_eq!(summary.updated, 1, "{summary:?}");
    assert_eq!(summary.added, 3);
    assert_eq!(get_note(local.store.conn(), &k).unwrap().unwrap().body, "My local view of this mistake.");
    let versions = history(local.store.conn(), &k).unwrap();
    assert!(
        versions.iter().any(|v| v.body == "Small cron jobs: Lambda."),
        "the imported text is in the history"
    );
    let again = import_file(&mut local.store, &file).unwrap();
    assert_eq!(again.updated + again.added, 0, "{again:?}");
}

#[test]
fn notes_on_comparisons_this_library_lacks_are_skipped_and_counted() {
    let fx = store_with_notes();
    let mut file = versus_core::notes::export::notes_file(fx.store.conn()).unwrap();
    file.notes[0].comparison_id = "not-in-this-library".into();
    let path = fx.dir.path().join("foreign.json");
    std::fs::write(&path, serde_json::to_vec(&file).unwrap()).unwrap();
    let mut fresh = store_with(&seed_library());
    let summary = import_file(&mut fresh.store, &path).unwrap();
    assert_eq!(summary.skipped, 1);
    assert_eq!(summary.added, 3);
}

#[test]
fn truncated_non_json_and_wrong_shape_files_are_refused_with_nothing_changed() {
    let mut fx = store_with_notes();
    let good = fx.dir.path().join("good.json");
    ops::export_json(&fx.store, &good, &mut no_progress()).unwrap();
    let bytes = std::fs::read(&good).unwrap();
    let before = collect_notes(fx.store.conn()).unwrap();

    let mut wrong_shape: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    wrong_shape["notes"][0]["section"] = json!("chapter");
    let mut unknown_field: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    unknown_field["notes"][1]["colour"] = json!("red");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated.json", bytes[..bytes.len() / 2].to_vec(), "not a complete JSON file"),
        ("notes.txt", b"These are my notes, honest.".to_vec(), "not a complete JSON file"),
        ("other.json", br#"{"format": "something-else", "notes": []}"#.to_vec(), "not a Versus notes export"),
        ("shape.json", serde_json::to_vec(&wrong_shape).unwrap(), "notes[0].section"),
        ("unknown.json", serde_json::to_vec(&unknown_field).unwrap(), "colour"),
        ("array.json", b"[1, 2, 3]".to_vec(), "not a Versus notes export"),
    ];
    for (name, content, expected) in cases {
        let path = fx.dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        let err = import_file(&mut fx.store, &path).unwrap_err();
        assert_eq!(err.code(), "bad_import", "{name}: {err}");
        assert!(err.to_string().contains(expected), "{name}: {err}");
        assert!(err.to_string().contains(name), "the message names the file: {err}");
        assert_eq!(collect_notes(fx.store.conn()).unwrap(), before, "{name} changed nothing");
    }
}

#[test]
fn markdown_export_puts_each_note_under_its_item_with_the_item_quoted() {
    let fx = store_with_notes();
    let markdown = comparison_markdown(fx.store.conn(), "ec2-vs-lambda").unwrap().text;
    assert!(markdown.starts_with("# EC2 vs Lambda\n"), "{markdown}");
    let tradeoff = markdown.find("## Tradeoff").expect("tradeoff heading");
    let quoted = markdown.find("> EC2 offers flexibility and control").expect("item text quoted");
    let note = markdown.find("**final** thought").expect("note text");
    assert!(tradeoff < quoted && quoted < note, "{markdown}");
    assert!(markdown.contains("## Subject: AWS Lambda"));
    assert!(markdown.contains("café ☕ and 東京"));
    assert!(!markdown.contains("will be cleared"), "a cleared note is not exported as current text");

    let summary = ops::export_markdown(&fx.store, fx.dir.path(), &mut no_progress()).unwrap();
    assert_eq!(summary.files, 1);
    let written = std::fs::read_to_string(Path::new(&summary.location).join("ec2-vs-lambda.md")).unwrap();
    assert_eq!(written.lines().skip(3).collect::<Vec<_>>(), markdown.lines().skip(3).collect::<Vec<_>>());
}

#[test]
fn a_markdown_export_goes_into_a_new_folder_and_never_over_files_already_there() {
    let fx = store_with_notes();
    let parent = fx.dir.path().join("Documents");
    std::fs::create_dir(&parent).unwrap();

    let first = Path::new(&ops::export_markdown(&fx.store, &parent, &mut no_progress()).unwrap().location)
        .to_path_buf();
    let name = first.file_name().unwrap().to_string_lossy().into_owned();
    let date = name.strip_prefix("versus-notes-").unwrap_or_else(|| panic!("named by its date: {name}"));
    assert!(date.len() == 10 && date.chars().all(|c| c.is_ascii_digit() || c == '-'), "{name}");
    assert_eq!(first.parent(), Some(parent.as_path()));

    // The learner edits the first export by hand; exporting again must not touch it.
    let mine = first.join("ec2-vs-lambda.md");
    std::fs::write(&mine, "my own edits").unwrap();
    let second = ops::export_markdown(&fx.store, &parent, &mut no_progress()).unwrap().location;
    let third = ops::export_markdown(&fx.store, &parent, &mut no_progress()).unwrap().location;
    assert_eq!(second, format!("{}-2", first.display()));
    assert_eq!(third, format!("{}-3", first.display()));
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "my own edits");
    assert!(Path::new(&second).join("ec2-vs-lambda.md").is_file());
}

#[test]
fn a_failed_export_leaves_no_partial_file_behind() {
    let fx = store_with_notes();
    let out = fx.dir.path().join("out");
    std::fs::create_dir(&out).unwrap();

    // The temporary file is written, then cannot be renamed over a folder:
    // the failure comes after the bytes are on disk, as root too.
    let taken = out.join("notes.json");
    std::fs::create_dir(&taken).unwrap();
    std::fs::write(taken.join("keep.txt"), "keep").unwrap();
    let err = ops::export_json(&fx.store, &taken, &mut no_progress()).unwrap_err();
    assert_eq!(err.code(), "io", "{err}");
    let err = ops::export_comparison_markdown(&fx.store, "ec2-vs-lambda", &taken).unwrap_err();
    assert_eq!(err.code(), "io", "{err}");
    assert_eq!(names_in(&out), ["notes.json"], "no .partial file beside the target");
    assert_eq!(names_in(&taken), ["keep.txt"]);

    // A target whose parent is a file: nothing can be created at all.
    let file = out.join("plain-file");
    std::fs::write(&file, "x").unwrap();
    assert!(ops::export_json(&fx.store, &file.join("notes.json"), &mut no_progress()).is_err());
    assert!(ops::export_markdown(&fx.store, &file, &mut no_progress()).is_err());
    assert_eq!(names_in(&out), ["notes.json", "plain-file"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
}

fn fake_backup(name_time: i64, index: usize) -> BackupInfo {
    BackupInfo {
        file_name: format!("versus-{name_time:013}-periodic-{index}.db"),
        path: Path::new("/nowhere").to_path_buf(),
        created_at: name_time,
        reason: Reason::Periodic,
        size: 0,
        note_count: None,
    }
}

#[test]
fn retention_keeps_the_ten_newest_and_one_a_day_for_seven_days() {
    const DAY: i64 = 86_400_000;
    let now = 100 * DAY + 12 * 3_600_000; // noon of day 100
                                          // Every 2 hours for 10 days, newest first.
    let mut backups: Vec<BackupInfo> =
        (0..120).map(|i| fake_backup(now - i * 2 * 3_600_000, i as usize)).collect();
    backups.sort_by_key(|b| std::cmp::Reverse(b.created_at));
    let kept = kept_by(&backups, RETENTION, now, |_| true);

    let mut expected: std::collections::BTreeSet<String> =
        backups.iter().take(10).map(|b| b.file_name.clone()).collect();
    for day in 94..=100 {
        let newest_that_day = backups.iter().find(|b| b.created_at.div_euclid(DAY) == day).unwrap();
        expected.insert(newest_that_day.file_name.clone());
    }
    assert_eq!(kept, expected);
    // The ten newest span day 100 and day 99, so the daily rule adds days 94 to 98.
    assert_eq!(kept.len(), 10 + 5);
    let small = Retention { recent: 2, daily_days: 1, ..RETENTION };
    assert_eq!(kept_by(&backups, small, now, |_| true).len(), 2);
}

#[test]
fn pruning_deletes_exactly_what_retention_drops() {
    let fx = store_with(&seed_library());
    let dir = fx.dir.path().join("backups");
    for _ in 0..14 {
        take_backup(fx.store.conn(), &dir, Reason::Manual).unwrap();
    }
    assert_eq!(list_backups(&dir).unwrap().len(), 14);
    let removed = prune(&dir, RETENTION, versus_core::clock::now_ms()).unwrap();
    assert_eq!(removed.len(), 4, "all 14 are from today: the 10 newest stay");
    let left = list_backups(&dir).unwrap();
    assert_eq!(left.len(), 10);
    assert!(left.iter().all(|b| !removed.contains(&b.file_name)));
}

const DAY: i64 = 86_400_000;

fn fake_of(reason: Reason, created_at: i64) -> BackupInfo {
    BackupInfo {
        file_name: format!("versus-{created_at:013}-{}.db", reason.as_str()),
        path: Path::new("/nowhere").to_path_buf(),
        created_at,
        reason,
        size: 0,
        note_count: None,
    }
}

fn newest_first(mut backups: Vec<BackupInfo>) -> Vec<BackupInfo> {
    backups.sort_by_key(|b| std::cmp::Reverse(b.created_at));
    backups
}

#[test]
fn safety_backups_are_kept_thirty_days_however_many_backups_follow() {
    let now = 100 * DAY + 12 * 3_600_000;
    // Twelve backups in the last hour: anything older is out of the ten newest.
    let mut backups: Vec<BackupInfo> = (0..12).map(|i| fake_of(Reason::Periodic, now - i * 60_000)).collect();
    let young: Vec<BackupInfo> = [Reason::BeforeRestore, Reason::BeforeImport, Reason::BeforeMigration]
        .into_iter()
        .enumerate()
        .map(|(i, reason)| fake_of(reason, now - 29 * DAY - i as i64 * 1000))
        .collect();
    let old_safety = fake_of(Reason::BeforeRestore, now - 31 * DAY);
    let periodic_as_old = fake_of(Reason::Periodic, now - 29 * DAY + 1000);
    backups.extend(young.iter().cloned());
    backups.extend([old_safety.clone(), periodic_as_old.clone()]);
    let kept = kept_by(&newest_first(backups), RETENTION, now, |_| true);

    for safety in &young {
        assert!(kept.contains(&safety.file_name), "{} is 29 days old", safety.file_name);
    }
    assert!(!kept.contains(&old_safety.file_name), "31 days old: back to the normal rule");
    assert!(!kept.contains(&periodic_as_old.file_name), "only safety backups get thirty days");
    assert_eq!(kept.len(), 10 + 3);
}

#[test]
fn retention_never_drops_the_newest_backup_that_passes_quick_check() {
    let now = 100 * DAY + 12 * 3_600_000;
    let damaged: Vec<BackupInfo> = (0..12).map(|i| fake_of(Reason::Periodic, now - i * 60_000)).collect();
    let last_good = fake_of(Reason::Periodic, now - 40 * DAY);
    let older_good = fake_of(Reason::Manual, now - 41 * DAY);
    let mut backups = damaged.clone();
    backups.extend([last_good.clone(), older_good.clone()]);
    let backups = newest_first(backups);
    let passes = |b: &BackupInfo| !damaged.contains(b);

    let kept = kept_by(&backups, RETENTION, now, passes);
    assert!(kept.contains(&last_good.file_name), "the only way back is kept, however old");
    assert!(!kept.contains(&older_good.file_name), "only the newest good one is held back");
    assert_eq!(kept.len(), 10 + 1);
    let all_good = kept_by(&backups, RETENTION, now, |_| true);
    assert!(!all_good.contains(&last_good.file_name), "with a good newest backup, the rule is as before");
}

#[test]
fn pruning_keeps_a_young_safety_backup_and_the_last_good_one_behind_damaged_ones() {
    let fx = store_with_notes();
    let dir = fx.dir.path().join("backups");
    let now = 20_000 * DAY + 12 * 3_600_000;
    let real = take_backup(fx.store.conn(), &dir, Reason::Manual).unwrap();
    let named = |reason: Reason, at: i64| format!("versus-{at:013}-{}.db", reason.as_str());
    let last_good = named(Reason::Periodic, now - 40 * DAY);
    std::fs::rename(&real.path, dir.join(&last_good)).unwrap();
    let young_safety = named(Reason::BeforeImport, now - 29 * DAY);
    let old_safety = named(Reason::BeforeMigration, now - 31 * DAY);
    let mut damaged: Vec<String> = (0..12).map(|i| named(Reason::Periodic, now - i * 1000)).collect();
    damaged.extend([young_safety.clone(), old_safety.clone()]);
    for name in &damaged {
        std::fs::write(dir.join(name), b"damaged").unwrap();
    }

    let mut removed = prune(&dir, RETENTION, now).unwrap();
    removed.sort();
    let mut expected = vec![old_safety, damaged[10].clone(), damaged[11].clone()];
    expected.sort();
    assert_eq!(removed, expected);
    let left: Vec<String> = list_backups(&dir).unwrap().into_iter().map(|b| b.file_name).collect();
    assert!(left.contains(&last_good), "the last good backup stays: {left:?}");
    assert!(left.contains(&young_safety), "{left:?}");
    backup::check_file(&dir.join(&last_good)).unwrap();
}

#[test]
fn a_backup_lists_its_size_and_note_count_and_passes_quick_check() {
    let fx = store_with_notes();
    let dir = fx.dir.path().join("backups");
    let info = take_backup(fx.store.conn(), &dir, Reason::Manual).unwrap();
    assert_eq!(info.note_count, Some(3));
    assert!(info.size > 0);
    assert_eq!(info.reason, Reason::Manual);
    backup::check_file(&info.path).unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
}

#[test]
fn a_backup_taken_while_notes_are_being_saved_is_consistent() {
    let fx = store_with(&seed_library());
    let data_dir = fx.dir.path().to_path_buf();
    drop(fx.store);
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let stop = stop.clone();
        let data_dir = data_dir.clone();
        std::thread::spawn(move || {
            let mut store = Store::open_in(&data_dir).unwrap();
            let mut i = 0u64;
            while !stop.load(Ordering::Relaxed) {
                let k = key(
                    Section::Tradeoff,
                    if i.is_multiple_of(2) { "flexibility-vs-ops" } else { "control-vs-speed" },
                );
                ops::save_note(&mut store, &k, &format!("note {i} {}", "x".repeat((i % 50) as usize * 100)))
                    .unwrap();
                i += 1;
            }
            i
        })
    };
    let reader = Store::open_in(&data_dir).unwrap();
    let dir = data_dir.join("backups");
    for _ in 0..8 {
        let info = take_backup(reader.conn(), &dir, Reason::Periodic).unwrap();
        let conn = rusqlite::Connection::open(&info.path).unwrap();
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
        conn.execute("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)", [])
            .unwrap();
    }
    stop.store(true, Ordering::Relaxed);
    assert!(writer.join().unwrap() > 8, "the writer was saving during the backups");
}

/// Overwrites bytes in the middle of a closed database file.
fn corrupt(db: &Path) {
    use std::io::{Seek, SeekFrom, Write};
    let len = std::fs::metadata(db).unwrap().len();
    let mut file = std::fs::OpenOptions::new().write(true).open(db).unwrap();
    file.seek(SeekFrom::Start(len / 2 / 4096 * 4096)).unwrap();
    file.write_all(&vec![0xA5u8; 3 * 4096]).unwrap();
    file.sync_all().unwrap();
}

#[test]
fn a_corrupted_database_at_start_up_is_moved_aside_and_the_newest_backup_restored() {
    let fx = store_with_notes();
    let data_dir = fx.dir.path().to_path_buf();
    // Enough notes that the middle of the file is note data.
    let mut store = fx.store;
    for i in 0..300 {
        let k = key(Section::Difference, ["control", "execution-model", "operations"][i % 3]);
        ops::save_note(&mut store, &k, &format!("bulk note {i}: {}", "y".repeat(400))).unwrap();
    }
    let older = take_backup(store.conn(), &data_dir.join("backups"), Reason::Periodic).unwrap();
    ops::save_note(&mut store, &key(Section::Mistake, "ignoring-ops-overhead"), "in the newest backup")
        .unwrap();
    let newest = take_backup(store.conn(), &data_dir.join("backups"), Reason::Periodic).unwrap();
    assert!(newest.created_at > older.created_at);
    let expected = collect_notes(store.conn()).unwrap();
    ops::save_note(&mut store, &key(Section::Mistake, "lambda-for-long-jobs"), "after the last backup")
        .unwrap();
    drop(store);

    let db = data_dir.join(DATABASE_FILE);
    corrupt(&db);

    let started = versus_core::store::startup::start(&data_dir).expect("start-up recovers");
    let recovery = started.recovery.expect("a recovery is reported");
    assert_eq!(recovery.restored_from.as_deref(), Some(newest.file_name.as_str()));
    let damaged_file = recovery.damaged_file.as_deref().expect("a damaged file was found");
    assert!(Path::new(damaged_file).exists(), "the damaged file is kept aside");
    assert!(recovery.message().contains(damaged_file));
    assert_eq!(collect_notes(started.store.conn()).unwrap(), expected, "every note of the backup is there");
    let check: String = started.store.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn a_corrupted_database_without_backups_starts_fresh_and_says_so() {
    let fx = store_with_notes();
    let data_dir = fx.dir.path().to_path_buf();
    drop(fx.store);
    std::fs::write(data_dir.join(DATABASE_FILE), b"this is not a database at all, just some text").unwrap();
    let started = versus_core::store::startup::start(&data_dir).unwrap();
    let recovery = started.recovery.unwrap();
    assert_eq!(recovery.restored_from, None);
    assert!(recovery.message().contains("empty"), "{}", recovery.message());
    assert!(started.import.ran, "the library is imported into the fresh store");
    assert!(Path::new(recovery.damaged_file.as_deref().expect("a damaged file was found")).exists());
}

#[test]
fn a_healthy_start_up_reports_no_recovery_and_a_newer_database_is_not_treated_as_damage() {
    let fx = store_with_notes();
    let data_dir = fx.dir.path().to_path_buf();
    drop(fx.store);
    let started = versus_core::store::startup::start(&data_dir).unwrap();
    assert!(started.recovery.is_none());
    // The fixture holds only the seed comparison, so the shipped library had
    // to be imported: the start-up backup was taken first, holding the old content.
    assert!(started.import.ran);
    assert!(!started.startup_backup_pending);
    let backups = list_backups(&data_dir.join("backups")).unwrap();
    assert_eq!(backups.iter().filter(|b| b.reason == Reason::Startup).count(), 1);
    let snapshot = rusqlite::Connection::open(&backups[0].path).unwrap();
    let comparisons: i64 = snapshot.query_row("SELECT count(*) FROM comparison", [], |r| r.get(0)).unwrap();
    assert_eq!(comparisons, 1, "the backup predates the import");
    drop(started);
    // Unchanged content: the start-up backup is left to the background thread.
    let again = versus_core::store::startup::start(&data_dir).unwrap();
    assert!(!again.import.ran);
    assert!(again.startup_backup_pending);
    drop(again);
    let conn = rusqlite::Connection::open(data_dir.join(DATABASE_FILE)).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = versus_core::store::startup::start(&data_dir).err().expect("refused");
    assert_eq!(err.code(), "newer_schema");
    assert!(data_dir.join(DATABASE_FILE).exists(), "not moved aside");
}

#[test]
fn restoring_a_backup_replaces_the_notes_and_can_be_undone() {
    let mut fx = store_with_notes();
    let snapshot = ops::backup_now(&fx.store).unwrap();
    let at_snapshot = collect_notes(fx.store.conn()).unwrap();
    ops::save_note(&mut fx.store, &key(Section::Mistake, "ec2-by-default"), "changed after the backup")
        .unwrap();
    let after = collect_notes(fx.store.conn()).unwrap();

    let mut steps = Vec::new();
    let restored =
        ops::restore_backup(&mut fx.store, &snapshot.file_name, &mut |done, total| steps.push((done, total)))
            .unwrap();
    assert_eq!(restored.restored.file_name, snapshot.file_name);
    assert_eq!(restored.safety_backup.reason, Reason::BeforeRestore);
    assert_eq!(steps.last(), Some(&(3, 3)), "progress reaches the end");
    assert_eq!(collect_notes(fx.store.conn()).unwrap(), at_snapshot);
    ops::save_note(&mut fx.store, &key(Section::Mistake, "ec2-by-default"), "the store still works").unwrap();

    ops::restore_backup(&mut fx.store, &restored.safety_backup.file_name, &mut no_progress()).unwrap();
    assert_eq!(collect_notes(fx.store.conn()).unwrap(), after, "the safety backup undoes the restore");
    versus_core::search::check_index(fx.store.conn()).unwrap();
}

#[test]
fn a_restored_backup_from_an_older_library_is_brought_up_to_the_shipped_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    // A backup holding only the seed comparison, as an older library would.
    ops::import_content(&mut store, &seed_library(), &versus_core::store::Origin::Library).unwrap();
    let old = ops::backup_now(&store).unwrap();
    ops::sync_embedded_library(&mut store).unwrap();
    let shipped = ops::list_comparisons(&store).unwrap().len();
    assert!(shipped > 1);

    ops::restore_backup(&mut store, &old.file_name, &mut no_progress()).unwrap();
    assert_eq!(ops::list_comparisons(&store).unwrap().len(), shipped, "the restore syncs the library");
    versus_core::search::check_index(store.conn()).unwrap();
}

#[test]
fn a_damaged_backup_is_never_restored() {
    let mut fx = store_with_notes();
    let folder = fx.store.backup_dir();
    std::fs::create_dir_all(&folder).unwrap();
    let name = "versus-0001700000000000-manual.db";
    std::fs::write(folder.join(name), b"nope").unwrap();
    assert!(ops::restore_backup(&mut fx.store, name, &mut no_progress()).is_err());
    assert_eq!(collect_notes(fx.store.conn()).unwrap().len(), 4, "the store is untouched");
    let err = ops::restore_backup(&mut fx.store, "../versus.db", &mut no_progress()).unwrap_err();
    assert_eq!(err.code(), "unknown_backup", "only a listed backup, never a path");
}

#[test]
fn periodic_backups_run_only_while_notes_changed() {
    let fx = store_with_notes();
    let dir = fx.dir.path().join("backups");
    let store = std::sync::Mutex::new(fx.store);
    let mut last = None;
    assert!(versus_core::store::autobackup::run_once(&store, &dir, Reason::Periodic, &mut last).unwrap());
    assert!(
        !versus_core::store::autobackup::run_once(&store, &dir, Reason::Periodic, &mut last).unwrap(),
        "nothing changed"
    );
    ops::save_note(&mut store.lock().unwrap(), &key(Section::Mistake, "ec2-by-default"), "changed").unwrap();
    assert!(versus_core::store::autobackup::run_once(&store, &dir, Reason::Periodic, &mut last).unwrap());
    assert_eq!(list_backups(&dir).unwrap().len(), 2);
}

#[test]
fn the_startup_backup_waits_for_the_first_view() {
    let fx = store_with_notes();
    let dir = fx.dir.path().join("backups");
    let store = Arc::new(std::sync::Mutex::new(fx.store));
    let (first_view, first_view_shown) = std::sync::mpsc::channel();
    let status = versus_core::store::autobackup::SharedStatus::default();
    versus_core::store::autobackup::spawn(store, dir.clone(), true, first_view_shown, status.clone());

    std::thread::sleep(std::time::Duration::from_millis(400));
    assert!(list_backups(&dir).map(|b| b.is_empty()).unwrap_or(true), "no backup before the first view");

    first_view.send(()).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while status.lock().unwrap().last_backup_at.is_none() {
        assert!(std::time::Instant::now() < deadline, "the start-up backup was taken after the first view");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let backups = list_backups(&dir).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].reason, Reason::Startup);
}

fn study_clock(at: i64) -> versus_core::study::Clock {
    versus_core::study::Clock { now: at, utc_offset_minutes: 0 }
}

fn study_settings() -> versus_core::study::StudySettings {
    versus_core::study::StudySettings { desired_retention: 0.9, new_per_day: 20 }
}

fn card_ids(store: &Store, limit: usize) -> Vec<i64> {
    let mut stmt =
        store.conn().prepare("SELECT id FROM card WHERE kind <> 'interview' ORDER BY id LIMIT ?1").unwrap();
    stmt.query_map([limit as i64], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

#[test]
fn a_restore_preview_counts_the_notes_reviews_drills_and_schedules_made_since_the_backup() {
    use versus_core::study::drills::DrillAnswer;
    use versus_core::study::Grade;
    let mut fx = store_with_notes();
    let t0 = 1_790_000_000_000;
    let [reviewed_before, reviewed_after, ..] = card_ids(&fx.store, 2)[..] else { panic!("cards") };
    ops::grade_card(&mut fx.store, reviewed_before, Grade::Good, study_clock(t0), study_settings()).unwrap();
    let backup = ops::backup_now(&fx.store).unwrap();

    let untouched = ops::restore_preview(&fx.store, &backup.file_name).unwrap();
    assert_eq!(
        (untouched.notes_added, untouched.notes_changed, untouched.notes_removed),
        (0, 0, 0),
        "nothing changed since the backup"
    );
    assert_eq!((untouched.reviews_since, untouched.drills_since, untouched.cards_rescheduled), (0, 0, 0));

    // Since the backup: one note added, one changed, one cleared...
    ops::save_note(&mut fx.store, &key(Section::Difference, "control"), "new since").unwrap();
    ops::save_note(&mut fx.store, &key(Section::Mistake, "ec2-by-default"), "changed since").unwrap();
    ops::save_note(&mut fx.store, &key(Section::Subject, "lambda"), "").unwrap();
    // ...three reviews on two cards, and a graded drill (one more review, of the interview card).
    let day = 86_400_000;
    ops::grade_card(&mut fx.store, reviewed_before, Grade::Good, study_clock(t0 + 3 * day), study_settings())
        .unwrap();
    ops::grade_card(&mut fx.store, reviewed_after, Grade::Again, study_clock(t0 + day), study_settings())
        .unwrap();
    ops::grade_card(&mut fx.store, reviewed_after, Grade::Good, study_clock(t0 + 2 * day), study_settings())
        .unwrap();
    let drill = DrillAnswer {
        comparison_id: "ec2-vs-lambda".into(),
        started_at: t0,
        seconds_used: 90,
        answer: "EC2 for the box, Lambda for events.".into(),
        grade: Some(Grade::Good),
    };
    ops::submit_drill(&mut fx.store, &drill, study_clock(t0 + day), study_settings()).unwrap();

    let preview = ops::restore_preview(&fx.store, &backup.file_name).unwrap();
    assert_eq!(preview.backup.file_name, backup.file_name);
    assert_eq!((preview.notes_added, preview.notes_changed, preview.notes_removed), (1, 1, 1));
    assert_eq!(preview.reviews_since, 4, "three card reviews and the drill's interview card");
    assert_eq!(preview.drills_since, 1);
    assert_eq!(preview.cards_rescheduled, 3, "two reviewed cards and the interview card");

    // The preview only read: the restore it describes takes it all back.
    ops::restore_backup(&mut fx.store, &backup.file_name, &mut no_progress()).unwrap();
    let after = ops::restore_preview(&fx.store, &backup.file_name).unwrap();
    assert_eq!(
        (
            after.notes_added,
            after.notes_changed,
            after.notes_removed,
            after.reviews_since,
            after.drills_since,
            after.cards_rescheduled
        ),
        (0, 0, 0, 0, 0, 0)
    );
    assert_eq!(
        ops::restore_preview(&fx.store, "versus-0000000000001-manual.db").unwrap_err().code(),
        "unknown_backup"
    );
}

#[test]
fn the_first_backup_of_a_new_data_folder_is_taken_soon_after_its_first_note() {
    use std::sync::{mpsc, Mutex};
    use std::time::{Duration, Instant};
    use versus_core::store::autobackup::{spawn_with, SharedStatus, Timing};

    let fx = store_with(&seed_library());
    let dir = fx.store.backup_dir();
    let store = Arc::new(Mutex::new(fx.store));
    let (_first_view, first_view_shown) = mpsc::channel();
    let status = SharedStatus::default();
    // A new data folder: no start-up backup pending, and an interval far
    // longer than the test, so only the first-note rule can take one.
    let timing = Timing { interval: Duration::from_secs(3600), first_backup_poll: Duration::from_millis(50) };
    spawn_with(store.clone(), dir.clone(), false, first_view_shown, status.clone(), timing);

    std::thread::sleep(Duration::from_millis(400));
    assert!(list_backups(&dir).unwrap().is_empty(), "no note yet, so no backup yet");

    ops::save_note(&mut store.lock().unwrap(), &key(Section::Tradeoff, "flexibility-vs-ops"), "day one")
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let backups = loop {
        let backups = list_backups(&dir).unwrap();
        if !backups.is_empty() || Instant::now() > deadline {
            break backups;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(backups.len(), 1, "one backup, taken soon after the first note");
    assert_eq!(backups[0].reason, Reason::Periodic);
    assert_eq!(backups[0].note_count, Some(1), "it holds the first note");
    // Once one exists the thread is back on its interval: no second one.
    std::thread::sleep(Duration::from_millis(400));
    assert_eq!(list_backups(&dir).unwrap().len(), 1);
    assert!(status.lock().unwrap().last_backup_at.is_some(), "the Backups page is told");
}

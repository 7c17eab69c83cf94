//! Sync benchmark: prints figures, asserts nothing. Run with
//! `cargo bench -p versus-core --bench sync`.
//!
//! A generated library of 500 comparisons on every device. One device holds
//! 10,000 notes and 100,000 reviews (inserted directly, in time order,
//! spread over its cards and two years); its first sync writes them all to
//! the folder, and a device holding only the library reads and applies them
//! (every reviewed card replayed through FSRS). Then 100 notes change and
//! are synced across, several times. Last, the size of the sync folder a
//! device holding only the 10,000 notes writes.

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::params;
use versus_core::ops;
use versus_core::store::{Origin, Store};
use versus_core::study::StudySettings;

mod support;
use support::{generated_library, ms, percentile};

const COMPARISONS: usize = 500;
const NOTES: i64 = 10_000;
const REVIEWS: i64 = 100_000;
const CHANGED: i64 = 100;
const INCREMENTAL_RUNS: usize = 7;
const DAY: i64 = 86_400_000;

fn fresh_store(dir: &Path) -> Store {
    let mut store = Store::open_in(dir).expect("open");
    ops::import_content(&mut store, &generated_library(COMPARISONS), &Origin::Library).expect("import");
    store
}

/// Writes the `round`-th version of the first `count` notes.
fn write_notes(store: &mut Store, count: i64, round: usize, now: i64) {
    store
        .transact("writing the benchmark's notes", |tx| {
            let mut stmt = tx.prepare(
                "INSERT INTO note (comparison_id, section, item_id, body, created_at, updated_at)
                 SELECT comparison_id, section, item_id,
                        'Round ' || ?2 || ': a note on ' || item_id || ' of ' || comparison_id
                        || ', as long as a few sentences a learner writes about the tradeoff, '
                        || 'with a second sentence that says when it matters and why.', ?3, ?3
                 FROM item WHERE section <> 'scenario' ORDER BY comparison_id, section, item_id LIMIT ?1
                 ON CONFLICT (comparison_id, section, item_id) DO UPDATE SET body = excluded.body,
                     updated_at = excluded.updated_at",
            )?;
            let written = stmt.execute(params![count, round as i64, now])?;
            assert_eq!(written as i64, count, "the library has room for the notes");
            Ok(())
        })
        .expect("notes");
}

fn write_reviews(store: &mut Store, now: i64) {
    let cards: Vec<i64> = store
        .conn()
        .prepare("SELECT id FROM card ORDER BY id")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("cards");
    let mut rng = fastrand::Rng::with_seed(7);
    store
        .transact("writing the benchmark's reviews", |tx| {
            let mut log = tx.prepare(
                "INSERT INTO review_log (card_id, reviewed_at, grade, elapsed_days, before_state, before_reps,
                     before_lapses, after_state, after_stability, after_difficulty, after_due)
                 VALUES (?1, ?2, ?3, 1.0, 'review', 1, 0, 'review', 10.0, 5.0, ?2)",
            )?;
            let start = now - 730 * DAY;
            for i in 0..REVIEWS {
                let card = cards[rng.usize(..cards.len())];
                log.execute(params![card, start + i * (730 * DAY / REVIEWS), rng.i64(1..=4)])?;
            }
            Ok(())
        })
        .expect("reviews");
}

fn folder_bytes(dir: &Path) -> u64 {
    let mut total = 0;
    for entry in std::fs::read_dir(dir).expect("read folder") {
        let path = entry.expect("entry").path();
        total += if path.is_dir() { folder_bytes(&path) } else { path.metadata().expect("size").len() };
    }
    total
}

fn main() {
    let settings = StudySettings::default();
    let now = versus_core::clock::now_ms();
    let folder = tempfile::tempdir().expect("temp dir");
    let (dir_a, dir_b) = (tempfile::tempdir().expect("temp dir"), tempfile::tempdir().expect("temp dir"));
    let start = Instant::now();
    let mut a = fresh_store(dir_a.path());
    let mut b = fresh_store(dir_b.path());
    write_notes(&mut a, NOTES, 0, now - DAY);
    write_reviews(&mut a, now - DAY);
    let cards: i64 = a.conn().query_row("SELECT count(*) FROM card", [], |r| r.get(0)).expect("count");
    println!(
        "setup: {COMPARISONS} comparisons ({cards} cards) on two devices, {NOTES} notes and {REVIEWS} reviews on one, in {:.1} s",
        start.elapsed().as_secs_f64()
    );

    let start = Instant::now();
    let sent = ops::sync(&mut a, folder.path(), now, settings).expect("first sync");
    let write = start.elapsed();
    let start = Instant::now();
    let received = ops::sync(&mut b, folder.path(), now + 1, settings).expect("first sync, other side");
    let read = start.elapsed();
    assert_eq!(received.received, sent.sent);
    println!(
        "first sync of {} changes: write {:.2} s on the device holding them, read and apply {:.2} s on an empty one ({} comparisons refreshed)",
        sent.sent,
        write.as_secs_f64(),
        read.as_secs_f64(),
        received.comparisons.len()
    );
    ops::sync(&mut a, folder.path(), now + 2, settings).expect("settle");

    let (mut sends, mut receives, mut both): (Vec<Duration>, Vec<Duration>, Vec<Duration>) =
        (Vec::new(), Vec::new(), Vec::new());
    for run in 1..=INCREMENTAL_RUNS {
        let at = now + run as i64 * 60_000;
        write_notes(&mut a, CHANGED, run, at);
        let start = Instant::now();
        let report = ops::sync(&mut a, folder.path(), at, settings).expect("incremental sync");
        let send = start.elapsed();
        assert_eq!(report.sent, CHANGED as usize);
        let start = Instant::now();
        let report =
            ops::sync(&mut b, folder.path(), at + 1, settings).expect("incremental sync, other side");
        let receive = start.elapsed();
        assert_eq!(report.received, CHANGED as usize);
        sends.push(send);
        receives.push(receive);
        both.push(send + receive);
    }
    for samples in [&mut sends, &mut receives, &mut both] {
        samples.sort();
    }
    println!(
        "incremental sync of {CHANGED} changed notes, median of {INCREMENTAL_RUNS}: send {}  receive {}  both {}",
        ms(percentile(&sends, 0.5)),
        ms(percentile(&receives, 0.5)),
        ms(percentile(&both, 0.5))
    );
    // One idle sync is a few tens of ms, within the noise of a busy
    // machine: the median of several says more.
    let mut idle = Vec::with_capacity(INCREMENTAL_RUNS);
    for run in 0..INCREMENTAL_RUNS {
        let start = Instant::now();
        ops::sync(&mut b, folder.path(), now + DAY + run as i64, settings).expect("idle sync");
        idle.push(start.elapsed());
    }
    idle.sort();
    println!("a sync with nothing new, median of {INCREMENTAL_RUNS}: {}", ms(percentile(&idle, 0.5)));

    let total = folder_bytes(&folder.path().join("versus-sync"));
    let (dir_c, own_folder) =
        (tempfile::tempdir().expect("temp dir"), tempfile::tempdir().expect("temp dir"));
    let mut c = fresh_store(dir_c.path());
    write_notes(&mut c, NOTES, 0, now);
    ops::sync(&mut c, own_folder.path(), now, settings).expect("notes-only sync");
    let notes_bytes = folder_bytes(&own_folder.path().join("versus-sync"));
    println!(
        "versus-sync folder: {:.2} MB per {NOTES} notes (about {} bytes a note); {:.2} MB after all of the above ({NOTES} notes, {} note changes, {REVIEWS} reviews)",
        notes_bytes as f64 / 1e6,
        notes_bytes / NOTES as u64,
        total as f64 / 1e6,
        CHANGED as usize * INCREMENTAL_RUNS
    );
}

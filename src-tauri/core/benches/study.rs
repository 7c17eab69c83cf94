//! Study benchmark: prints figures, asserts nothing. Run with
//! `cargo bench --bench study`.
//!
//! A generated library of 1,000 comparisons gives 11,000 cards; 1,000,000
//! reviews are logged against them (inserted directly, spread over two years),
//! and 70% of the cards carry a review state with due dates around today.

use std::time::{Duration, Instant};

use rusqlite::params;
use versus_core::ops;
use versus_core::store::Store;
use versus_core::study::progress::stats;
use versus_core::study::queue::build_queue;
use versus_core::study::{Clock, Scope, StudySettings};

mod support;
use support::{generated_library, ms, percentile};

const REVIEWS: i64 = 1_000_000;
const DAY: i64 = 86_400_000;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open_in(dir.path()).expect("open");
    let start = Instant::now();
    ops::import_content(&mut store, &generated_library(1_000), &versus_core::store::Origin::Library)
        .expect("import");
    let now = versus_core::clock::now_ms();
    let cards: Vec<i64> = store
        .conn()
        .prepare("SELECT id FROM card")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("cards");
    let mut rng = fastrand::Rng::with_seed(11);
    {
        store.transact("seeding the benchmark", |tx| {
        {
            let mut update = tx
                .prepare(
                    "UPDATE card SET state = 'review', stability = ?2, difficulty = 5.0, due = ?3, last_review = ?4, reps = 3
                     WHERE id = ?1",
                )
                .expect("prepare");
            for &card in &cards {
                if rng.f64() < 0.7 {
                    let due = now + rng.i64(-30..60) * DAY;
                    update.execute(params![card, rng.f64() * 60.0, due, due - 10 * DAY]).expect("update");
                }
            }
            let mut log = tx
                .prepare(
                    "INSERT INTO review_log (card_id, reviewed_at, grade, elapsed_days, before_state, before_reps,
                         before_lapses, after_state, after_stability, after_difficulty, after_due)
                     VALUES (?1, ?2, ?3, 1.0, 'review', 1, 0, 'review', 10.0, 5.0, ?2)",
                )
                .expect("prepare");
            for i in 0..REVIEWS {
                let card = cards[(i as usize) % cards.len()];
                log.execute(params![card, now - rng.i64(0..730) * DAY, rng.i64(1..=4)]).expect("insert");
            }
        }
        Ok(())
        }).expect("seed");
    }
    println!(
        "setup: {} cards, {REVIEWS} reviews logged, in {:.1} s",
        cards.len(),
        start.elapsed().as_secs_f64()
    );

    let clock = Clock { now, utc_offset_minutes: 60 };
    let settings = StudySettings::default();
    let mut samples: Vec<Duration> = Vec::new();
    let mut size = 0;
    for _ in 0..50 {
        let start = Instant::now();
        let queue = build_queue(store.conn(), &Scope::All, clock, settings).expect("queue");
        samples.push(start.elapsed());
        size = queue.cards.len();
    }
    samples.sort();
    println!(
        "build today's queue ({size} cards): p50 {}  p95 {}",
        ms(percentile(&samples, 0.5)),
        ms(percentile(&samples, 0.95))
    );

    let mut samples: Vec<Duration> = Vec::new();
    for _ in 0..20 {
        let start = Instant::now();
        stats(store.conn(), clock, settings).expect("stats");
        samples.push(start.elapsed());
    }
    samples.sort();
    println!(
        "dashboard study stats (due, streak, 12-week heatmap, progress): p50 {}  p95 {}",
        ms(percentile(&samples, 0.5)),
        ms(percentile(&samples, 0.95))
    );
}

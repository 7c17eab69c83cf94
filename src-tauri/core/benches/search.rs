//! Search benchmark: prints figures, asserts nothing. Run with
//! `cargo bench --bench search`.
//!
//! A generated library of 1,000 comparisons (20,000 items) and 100,000 notes.
//! Notes are inserted straight into the note table: there are only 20,000
//! items to hang them on, so most sit on item ids the content does not have,
//! which the store treats as archived notes, still indexed and searchable.
//! Each query is timed through the real search() (ranked, with snippets,
//! first page of 30) and, in the same run, as a plain LIKE scan over the same
//! text, which is what a store without the index would have to do.

use std::time::{Duration, Instant};

use rusqlite::params;
use versus_core::ops;
use versus_core::search::{search, SearchQuery};
use versus_core::store::Store;

mod support;
use support::{generated_library, ms, percentile};

const NOTES: usize = 100_000;
const RUNS: usize = 60;

/// Deterministic note text: a few planted words at known rates, the rest
/// drawn from a skewed vocabulary so that some words are very common.
fn note_body(i: usize, rng: &mut fastrand::Rng) -> String {
    let mut words: Vec<String> =
        (0..24).map(|_| format!("w{}", (rng.f64().powi(3) * 5_000.0) as u32)).collect();
    if i.is_multiple_of(100) {
        words.push("zanzibar".into()); // 1,000 notes
    }
    if !i.is_multiple_of(3) {
        words.push("throughput".into()); // about 66,000 notes
    }
    if i.is_multiple_of(67) {
        words.push(format!("coldstart{}", i % 10)); // about 1,500 notes share the prefix "coldst"
    }
    words.join(" ")
}

fn time_search(store: &Store, text: &str) -> (Vec<Duration>, usize) {
    let query = SearchQuery { text: text.into(), ..SearchQuery::default() };
    let mut samples = Vec::with_capacity(RUNS);
    let mut hits = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        hits = search(store.conn(), &query).expect("search").hits.len();
        samples.push(start.elapsed());
    }
    samples.sort();
    (samples, hits)
}

fn time_like(store: &Store, needle: &str) -> (Vec<Duration>, i64) {
    let pattern = format!("%{needle}%");
    let mut samples = Vec::with_capacity(RUNS / 4);
    let mut count = 0;
    for _ in 0..RUNS / 4 {
        let start = Instant::now();
        count = store
            .conn()
            .query_row(
                "SELECT (SELECT count(*) FROM note WHERE body LIKE ?1)
                      + (SELECT count(*) FROM item WHERE retired = 0 AND text LIKE ?1)",
                params![pattern],
                |r| r.get(0),
            )
            .expect("like");
        samples.push(start.elapsed());
    }
    samples.sort();
    (samples, count)
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open_in(dir.path()).expect("open");
    let start = Instant::now();
    ops::import_content(&mut store, &generated_library(1_000), &versus_core::store::Origin::Library)
        .expect("import");
    let mut rng = fastrand::Rng::with_seed(7);
    {
        store
            .transact("seeding the benchmark", |tx| {
                {
                    let mut insert = tx
                        .prepare(
                            "INSERT INTO note (comparison_id, section, item_id, body, created_at, updated_at)
                     VALUES (?1, 'tradeoff', ?2, ?3, 0, 0)",
                        )
                        .expect("prepare");
                    for i in 0..NOTES {
                        let comparison = format!("generated-{}", i % 1_000);
                        insert
                            .execute(params![comparison, format!("n-{i}"), note_body(i, &mut rng)])
                            .expect("insert");
                    }
                }
                Ok(())
            })
            .expect("seed");
    }
    // Merge the index's segments, as a long-lived store's would be.
    store
        .transact("optimizing the index", |tx| {
            tx.execute("INSERT INTO search_index (search_index) VALUES ('optimize')", [])?;
            Ok(())
        })
        .expect("optimize");
    println!("setup: 1,000 comparisons and {NOTES} notes indexed in {:.1} s", start.elapsed().as_secs_f64());

    let cases = [
        ("rare term", "zanzibar", "zanzibar"),
        ("prefix term", "coldst", "coldst"),
        ("common term", "throughput", "throughput"),
        ("two words", "queues servers", "queues"),
        ("two-letter prefix", "ze", "ze"),
        // No hit, so the vocabulary is scanned for "Did you mean zanzibar?".
        ("typo", "zanzibra", "zanzibra"),
    ];
    println!(
        "{:<18} {:>8} {:>10} {:>10} {:>12} {:>12} {:>8}",
        "query", "matches", "fts p50", "fts p95", "LIKE p50", "LIKE p95", "ratio"
    );
    let typo = search(store.conn(), &SearchQuery { text: "zanzibra".into(), ..SearchQuery::default() })
        .expect("search");
    println!("typo `zanzibra` suggests {:?}", typo.suggestion);
    for (label, text, needle) in cases {
        let (fts, _) = time_search(&store, text);
        let (like, count) = time_like(&store, needle);
        let ratio = percentile(&like, 0.5).as_secs_f64() / percentile(&fts, 0.5).as_secs_f64();
        println!(
            "{label:<18} {count:>8} {:>10} {:>10} {:>12} {:>12} {:>7.0}x",
            ms(percentile(&fts, 0.5)),
            ms(percentile(&fts, 0.95)),
            ms(percentile(&like, 0.5)),
            ms(percentile(&like, 0.95)),
            ratio
        );
    }
}

//! Store benchmark: prints figures, asserts nothing. Run with
//! `cargo bench --bench store`. Every figure uses the real pragmas
//! (WAL, synchronous=FULL) on a temporary data folder on the local disk.

use std::time::Instant;

mod support;
use support::{generated_library, ms, percentile};

use versus_core::content::embedded_library;
use versus_core::notes::NoteKey;
use versus_core::ops;
use versus_core::store::Store;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let shipped = embedded_library().expect("shipped library is valid");

    // Import of the shipped library into a fresh store.
    let mut store = Store::open_in(dir.path()).expect("open");
    let start = Instant::now();
    let report = ops::sync_embedded_library(&mut store).expect("import");
    let shipped_import = start.elapsed();
    println!(
        "import shipped library ({} comparisons, {} items): {}",
        report.comparisons,
        report.items,
        ms(shipped_import)
    );

    // Note save latency, one durable transaction each.
    let targets: Vec<NoteKey> = shipped
        .comparisons
        .iter()
        .flat_map(|c| {
            c.items().into_iter().map(|(section, item, _)| NoteKey::new(c.id.clone(), section, item))
        })
        .collect();
    let mut samples = Vec::with_capacity(500);
    for i in 0..500 {
        let key = &targets[i % targets.len()];
        let body = format!("Benchmark note {i}: the point I keep forgetting about this item.");
        let start = Instant::now();
        ops::save_note(&mut store, key, &body).expect("save");
        samples.push(start.elapsed());
    }
    samples.sort();
    println!(
        "note save latency over {} saves: p50 {}  p95 {}  max {}",
        samples.len(),
        ms(percentile(&samples, 0.50)),
        ms(percentile(&samples, 0.95)),
        ms(*samples.last().expect("samples"))
    );
    drop(store);

    // A start-up whose content is unchanged: open, check pragmas and schema, compare the hash.
    let mut startups = Vec::new();
    for _ in 0..20 {
        let start = Instant::now();
        let mut store = Store::open_in(dir.path()).expect("open");
        let report = ops::sync_embedded_library(&mut store).expect("sync");
        startups.push(start.elapsed());
        assert!(!report.ran, "unchanged content must not be re-imported");
    }
    startups.sort();
    println!(
        "start-up with unchanged content (open + hash check, 20 runs): p50 {}  p95 {}",
        ms(percentile(&startups, 0.5)),
        ms(percentile(&startups, 0.95))
    );

    // A generated library of 1,000 comparisons into a fresh store.
    let big_dir = tempfile::tempdir().expect("temp dir");
    let generated = generated_library(1_000);
    let mut store = Store::open_in(big_dir.path()).expect("open");
    let start = Instant::now();
    let report =
        ops::import_content(&mut store, &generated, &versus_core::store::Origin::Library).expect("import");
    println!(
        "import generated library ({} comparisons, {} items) into a fresh store: {}",
        report.comparisons,
        report.items,
        ms(start.elapsed())
    );
    // The same library again with every text changed: the update path.
    let mut changed = generated.clone();
    for c in &mut changed.comparisons {
        c.summary.push_str(" Revised.");
    }
    changed.hash = format!("{}-revised", changed.hash);
    let start = Instant::now();
    ops::import_content(&mut store, &changed, &versus_core::store::Origin::Library).expect("re-import");
    println!("re-import of the 1,000 comparisons with changed text: {}", ms(start.elapsed()));

    // A backup of a store with 100,000 notes (inserted directly: the library has
    // fewer items than that, so most hang on item ids it lacks, as archived notes do).
    let backup_dir = tempfile::tempdir().expect("temp dir");
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
                    for i in 0..100_000 {
                        let body = format!(
                            "Note {i}: {}",
                            "a few sentences of what I want to remember about this item. ".repeat(4)
                        );
                        insert
                            .execute(rusqlite::params![
                                format!("generated-{}", i % 1_000),
                                format!("n-{i}"),
                                body
                            ])
                            .expect("insert");
                    }
                }
                Ok(())
            })
            .expect("seed");
    }
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..5 {
        let start = Instant::now();
        let info = versus_core::store::backup::take_backup(
            store.conn(),
            backup_dir.path(),
            versus_core::store::backup::Reason::Manual,
        )
        .expect("backup");
        times.push(start.elapsed());
        size = info.size;
    }
    times.sort();
    println!(
        "backup of a store with 100,000 notes (and the 1,000-comparison library): median {} over 5, {:.1} MB",
        ms(percentile(&times, 0.5)),
        size as f64 / 1_048_576.0
    );
}

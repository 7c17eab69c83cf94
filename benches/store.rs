//! Store benchmark: prints figures, asserts nothing. Run with
//! `cargo bench --bench store`. Every figure uses the real pragmas
//! (WAL, synchronous=FULL) on a temporary data folder on the local disk.

use std::time::Instant;

mod support;
use support::{generated_library, ms, percentile};

use versus_lib::content::embedded_library;
use versus_lib::notes::{save_note, NoteKey};
use versus_lib::store::{import_library, sync_embedded_library, Store};

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let shipped = embedded_library().expect("shipped library is valid");

    // Import of the shipped library into a fresh store.
    let mut store = Store::open_in(dir.path()).expect("open");
    let start = Instant::now();
    let report = sync_embedded_library(store.conn_mut()).expect("import");
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
        save_note(store.conn_mut(), key, &body).expect("save");
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
        let report = sync_embedded_library(store.conn_mut()).expect("sync");
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
    let report = import_library(store.conn_mut(), &generated, "library").expect("import");
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
    import_library(store.conn_mut(), &changed, "library").expect("re-import");
    println!("re-import of the 1,000 comparisons with changed text: {}", ms(start.elapsed()));
}

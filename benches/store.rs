//! Store benchmark: prints figures, asserts nothing. Run with
//! `cargo bench --bench store`. Every figure uses the real pragmas
//! (WAL, synchronous=FULL) on a temporary data folder on the local disk.

use std::time::{Duration, Instant};

use serde_json::json;
use versus_lib::content::{embedded_library, parse_library};
use versus_lib::notes::{save_note, NoteKey};
use versus_lib::store::{import_library, sync_embedded_library, Store};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// A library of `n` generated comparisons shaped like real ones.
fn generated_library(n: usize) -> versus_lib::content::Library {
    let items = |prefix: &str, count: usize| -> Vec<serde_json::Value> {
        (0..count)
                .map(|i| json!({"id": format!("{prefix}-{i}"), "text": format!("Generated {prefix} number {i}: a sentence long enough to look like a real item of content.")}))
                .collect()
    };
    let files: Vec<(String, Vec<u8>)> = (0..n)
        .map(|i| {
            let id = format!("generated-{i}");
            let value = json!({
                "id": id, "title": format!("Generated {i}"), "category": "Compute",
                "summary": "A generated comparison for the benchmark.",
                "subjects": [
                    {"id": "alpha", "name": "Alpha", "category": "Compute", "description": "The first generated subject, described in one sentence."},
                    {"id": "beta", "name": "Beta", "category": "Compute", "description": "The second generated subject, described in one sentence."}
                ],
                "differences": items("difference", 6),
                "when_to_use": [{"subject": "alpha", "text": "Use Alpha when the generated case calls for it."}, {"subject": "beta", "text": "Use Beta when the other generated case calls for it."}],
                "tradeoffs": items("tradeoff", 4), "mistakes": items("mistake", 4),
                "interview_tip": "Alpha for one case, Beta for the other.", "tags": ["aws", "compute"]
            });
            (format!("compute/{id}.json"), serde_json::to_vec(&value).expect("json"))
        })
        .collect();
    parse_library(files.iter().map(|(name, bytes)| (name.clone(), bytes.as_slice()))).expect("valid")
}

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

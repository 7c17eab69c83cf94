//! Pack benchmark: prints figures, asserts nothing. Run with
//! `cargo bench -p versus-core --bench packs`.
//!
//! A generated pack of 1,000 comparisons, each shaped and sized like a
//! shipped one (2–3 subjects, 6 differences, 3–4 tradeoffs and mistakes,
//! about 5.5 KB of JSON), written to a temporary `.versuspack` file. Preview and
//! import are timed on a fresh store holding the shipped library, several
//! times; the peak resident memory of each phase is read from
//! /proc/self/status (Linux only; elsewhere it is left out). Then the store
//! holding the shipped library and the 1,000 pack comparisons answers the
//! everyday reads: the list, search and today's queue.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use versus_core::content::CATEGORIES;
use versus_core::ops;
use versus_core::search::SearchQuery;
use versus_core::store::Store;
use versus_core::study::queue::NewCards;
use versus_core::study::{Clock, Scope, StudySettings};

// The shared generator of the other benchmarks is not used here.
#[allow(dead_code)]
mod support;
use support::{ms, percentile};

const COMPARISONS: usize = 1_000;
const IMPORT_RUNS: usize = 5;
const READ_RUNS: usize = 30;

const WORDS: &str =
    "the a of and to for with when each every its your more less than without across between \
     instead cluster node broker partition replica leader follower quorum consensus latency \
     throughput bandwidth storage volume bucket object block file index query table schema \
     column row transaction isolation snapshot backup restore region zone failover replication \
     cache eviction expiry queue topic stream consumer producer offset retention compaction \
     encryption key secret identity role policy permission network subnet gateway load balancer \
     endpoint certificate container image registry function runtime cold start instance server \
     managed serverless provisioned capacity autoscaling cost billing pricing request response \
     connection pool timeout retry idempotent ordering delivery exactly once at least durable \
     consistent eventual strong read write heavy light workload batch interactive analytics \
     warehouse lake pipeline job scheduler orchestration deployment rollback monitoring logs \
     metrics tracing alert quota limit burst steady predictable operations patching upgrade \
     version control flexibility simplicity vendor portable open source ecosystem tooling";

/// `count` words drawn from the vocabulary, as a sentence.
fn sentence(rng: &mut fastrand::Rng, count: usize) -> String {
    let words: Vec<&str> = WORDS.split_whitespace().collect();
    let mut text: String = (0..count).map(|_| words[rng.usize(..words.len())]).collect::<Vec<_>>().join(" ");
    if let Some(first) = text.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    text.push('.');
    text
}

/// One comparison in the content format, sized like the shipped ones.
fn comparison(i: usize, rng: &mut fastrand::Rng) -> Value {
    let category = CATEGORIES[i % CATEGORIES.len()];
    let names = ["Alpha", "Beta", "Gamma"];
    let subject_count = 2 + usize::from(i.is_multiple_of(3));
    let subjects: Vec<Value> = (0..subject_count)
        .map(|s| {
            json!({"id": format!("subject-{s}"), "name": format!("{} {i}", names[s]), "category": category,
                   "description": sentence(rng, 40)})
        })
        .collect();
    let when: Vec<Value> = (0..subject_count)
        .map(|s| json!({"subject": format!("subject-{s}"), "text": sentence(rng, 28)}))
        .collect();
    let mut items = |prefix: &str, count: usize, words: usize| -> Vec<Value> {
        (0..count).map(|k| json!({"id": format!("{prefix}-{k}"), "text": sentence(rng, words)})).collect()
    };
    let differences = items("difference", 6, 28);
    let tradeoffs = items("tradeoff", 3 + i % 2, 22);
    let mistakes = items("mistake", 3 + (i + 1) % 2, 17);
    json!({
        "id": format!("pack-comparison-{i}"),
        "title": format!("Alpha {i} vs Beta {i}"),
        "category": category,
        "summary": sentence(rng, 20),
        "subjects": subjects,
        "differences": differences,
        "when_to_use": when,
        "tradeoffs": tradeoffs,
        "mistakes": mistakes,
        "interview_tip": sentence(rng, 32),
        "tags": ["agnostic", "compute", format!("topic-{}", i % 17)]
    })
}

/// Writes the pack one comparison at a time, so that generating it leaves
/// no large heap behind to hide the memory the measured phases use.
fn write_pack(path: &Path) -> (u64, usize) {
    use std::io::Write;
    let mut rng = fastrand::Rng::with_seed(42);
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).expect("create the pack"));
    let header = r#"{
  "format": "versus-pack",
  "format_version": 1,
  "id": "benchmark-pack",
  "name": "Benchmark pack",
  "version": "1.0",
  "author": "The benchmark",
  "description": "1,000 generated comparisons.",
  "comparisons": ["#;
    file.write_all(header.as_bytes()).expect("write");
    for i in 0..COMPARISONS {
        file.write_all(if i == 0 { b"\n" } else { b",\n" }).expect("write");
        serde_json::to_writer_pretty(&mut file, &comparison(i, &mut rng)).expect("write");
    }
    file.write_all(b"\n  ]\n}\n").expect("write");
    file.flush().expect("write");
    drop(file);
    (std::fs::metadata(path).expect("written").len(), COMPARISONS)
}

/// Peak resident memory since the last reset, in MiB (Linux only).
struct PeakMemory;

impl PeakMemory {
    fn available() -> bool {
        cfg!(target_os = "linux") && std::fs::read_to_string("/proc/self/status").is_ok()
    }

    /// Resets the peak to the current resident size.
    fn reset() {
        if Self::available() {
            let _ = std::fs::write("/proc/self/clear_refs", "5");
        }
    }

    fn status_mib(field: &str) -> Option<f64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with(field))?;
        let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kib / 1024.0)
    }

    /// (peak since the reset, resident now), in MiB.
    fn read() -> Option<(f64, f64)> {
        Some((Self::status_mib("VmHWM:")?, Self::status_mib("VmRSS:")?))
    }
}

struct Row {
    label: String,
    runs: usize,
    samples: Vec<Duration>,
    /// Highest peak resident size over the runs, in MiB.
    peak: Option<f64>,
}

impl Row {
    fn new(label: impl Into<String>) -> Row {
        Row { label: label.into(), runs: 0, samples: Vec::new(), peak: None }
    }

    /// Times one run of `work`, with its peak memory.
    fn run<T>(&mut self, work: impl FnOnce() -> T) -> T {
        PeakMemory::reset();
        let start = Instant::now();
        let value = work();
        self.samples.push(start.elapsed());
        if let Some((peak, _)) = PeakMemory::read() {
            self.peak = Some(self.peak.unwrap_or(0.0).max(peak));
        }
        self.runs += 1;
        value
    }

    /// `baseline`: the resident size before any pack was read, in MiB.
    fn print(&mut self, baseline: Option<f64>) {
        self.samples.sort();
        let memory = match (self.peak, baseline) {
            (Some(peak), Some(baseline)) => format!("{peak:>8.1} {:>+9.1}", peak - baseline),
            _ => format!("{:>8} {:>9}", "-", "-"),
        };
        println!(
            "{:<52} {:>4} {:>11} {:>11} {:>11} {memory}",
            self.label,
            self.runs,
            ms(percentile(&self.samples, 0.5)),
            ms(self.samples[0]),
            ms(*self.samples.last().expect("samples")),
        );
    }
}

/// Where an import's time goes: its steps one by one, each timed on its own
/// fresh store (the shipped library in it), `runs` times.
fn breakdown(path: &Path, runs: usize) -> Vec<Row> {
    use versus_core::content::pack::read_pack_file;
    use versus_core::store::backup::{take_backup, Reason};
    use versus_core::store::{import_library, Origin};
    use versus_core::study::cards::sync_cards;

    let mut rows: Vec<Row> = [
        "  read_pack_file (read, parse, check)",
        "  packs::preview against the store",
        "  backup before the import (VACUUM INTO, synced)",
        "  upsert of comparisons and items (+ search index)",
        "  sync_cards (make the cards)",
        "  commit and checkpoint",
    ]
    .into_iter()
    .map(Row::new)
    .collect();
    for _ in 0..runs {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open_in(dir.path()).expect("open");
        ops::sync_embedded_library(&mut store).expect("shipped library");
        let pack = rows[0].run(|| read_pack_file(path).expect("valid pack"));
        rows[1]
            .run(|| {
                store.read("preview", |conn| versus_core::packs::preview(conn, "benchmark.versuspack", &pack))
            })
            .expect("preview");
        rows[2].run(|| take_backup(store.conn(), &store.backup_dir(), Reason::BeforeImport)).expect("backup");
        let library = pack.library();
        let source = Origin::Pack(pack.id.clone());
        // One transaction as the import has, timed in its parts.
        let (upsert, cards, commit) = {
            let tx = store.conn().unchecked_transaction().expect("begin");
            let start = Instant::now();
            import_library(&tx, &library, &source, &mut |_, _| {}).expect("upsert");
            let upsert = start.elapsed();
            let start = Instant::now();
            sync_cards(&tx).expect("cards");
            let cards = start.elapsed();
            let start = Instant::now();
            tx.commit().expect("commit");
            store.checkpoint().expect("checkpoint");
            (upsert, cards, start.elapsed())
        };
        for (row, sample) in rows[3..].iter_mut().zip([upsert, cards, commit]) {
            row.samples.push(sample);
            row.runs += 1;
        }
    }
    rows
}

fn main() {
    let files = tempfile::tempdir().expect("temp dir");
    let path = files.path().join("benchmark.versuspack");
    let start = Instant::now();
    let (size, count) = write_pack(&path);
    println!(
        "setup: a pack of {count} comparisons, {:.1} MiB ({:.1} KB each), written in {:.1} s",
        size as f64 / 1_048_576.0,
        size as f64 / count as f64 / 1_000.0,
        start.elapsed().as_secs_f64()
    );

    let mut preview_row = Row::new("preview_pack (read, check, compare; 1,000 new)");
    let mut import_row = Row::new("import_pack (read, check, backup, write, cards)");
    let mut total_row = Row::new("preview + import");
    let mut kept = None;
    let mut baseline = None;
    for _ in 0..IMPORT_RUNS {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open_in(dir.path()).expect("open");
        ops::sync_embedded_library(&mut store).expect("shipped library");
        if baseline.is_none() {
            baseline = PeakMemory::read().map(|(_, rss)| rss);
        }
        let started = Instant::now();
        let checked = preview_row.run(|| ops::preview_pack(&store, &path).expect("preview"));
        assert!(checked.errors.is_empty(), "the generated pack is valid: {:?}", &checked.errors[..1]);
        let report = import_row.run(|| ops::import_pack(&mut store, &path, &mut |_, _| {}).expect("import"));
        assert_eq!(report.comparisons, COMPARISONS);
        total_row.samples.push(started.elapsed());
        total_row.runs += 1;
        kept = Some((dir, store));
    }
    let (_dir, mut store) = kept.expect("at least one run");

    let mut steps = breakdown(&path, IMPORT_RUNS);

    let mut again_preview = Row::new("preview_pack of the same pack (1,000 unchanged)");
    let mut again_import = Row::new("import_pack of the same pack (nothing to do)");
    for _ in 0..IMPORT_RUNS {
        again_preview.run(|| ops::preview_pack(&store, &path).expect("preview"));
        let report =
            again_import.run(|| ops::import_pack(&mut store, &path, &mut |_, _| {}).expect("import"));
        assert!(!report.ran);
    }

    let listed = ops::list_comparisons(&store).expect("list").len();
    let mut list_row = Row::new(format!("list_comparisons ({listed} comparisons)"));
    for _ in 0..READ_RUNS {
        list_row.run(|| ops::list_comparisons(&store).expect("list"));
    }
    let mut search_rows = Vec::new();
    for text in ["throughput", "cold start", "lambda"] {
        let query = SearchQuery { text: text.into(), ..SearchQuery::default() };
        let hits = ops::search(&store, &query).expect("search").hits.len();
        let mut row = Row::new(format!("search `{text}` ({hits} hits shown)"));
        for _ in 0..READ_RUNS {
            row.run(|| ops::search(&store, &query).expect("search"));
        }
        search_rows.push(row);
    }
    let clock = Clock { now: versus_core::clock::now_ms(), utc_offset_minutes: 60 };
    let settings = StudySettings::default();
    let cards: i64 = store.conn().query_row("SELECT count(*) FROM card", [], |r| r.get(0)).expect("cards");
    let queued = ops::review_queue(&store, &Scope::All, clock, settings, NewCards::WithinDailyLimit)
        .expect("queue")
        .cards
        .len();
    let mut queue_row = Row::new(format!("review_queue, scope all ({queued} of {cards} cards)"));
    for _ in 0..READ_RUNS {
        queue_row.run(|| {
            ops::review_queue(&store, &Scope::All, clock, settings, NewCards::WithinDailyLimit)
                .expect("queue")
        });
    }

    println!();
    println!(
        "{:<52} {:>4} {:>11} {:>11} {:>11} {:>8} {:>9}",
        "figure", "runs", "median", "min", "max", "peak MiB", "+ MiB"
    );
    for row in [&mut preview_row, &mut import_row, &mut total_row] {
        row.print(baseline);
    }
    println!("import_pack, step by step:");
    for row in &mut steps {
        row.print(baseline);
    }
    for row in [&mut again_preview, &mut again_import] {
        row.print(baseline);
    }
    // Reads allocate little; their peak would only show what the imports left resident.
    list_row.print(None);
    for row in &mut search_rows {
        row.print(None);
    }
    queue_row.print(None);
    println!();
    match baseline {
        Some(baseline) => {
            println!(
                "peak MiB: the process's highest resident size during a run (VmHWM, reset before each run);"
            );
            println!(
                "+ MiB: that peak above {baseline:.1} MiB, the resident size with a store open, before any"
            );
            println!("pack was read (an upper bound: memory freed by earlier runs stays resident).");
        }
        None => println!("peak memory: not measured (needs Linux /proc/self/status)"),
    }
    println!("Target: preview + import under 2 s.");
}

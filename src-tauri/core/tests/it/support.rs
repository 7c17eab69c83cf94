//! Shared fixtures: a fresh data folder per test and content to import.

use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;
use versus_core::content::{parse_library, Library};
use versus_core::ops;
use versus_core::store::Store;

pub const SEED_PATH: &str = "compute/ec2-vs-lambda.json";

/// The repository's root: the core crate sits at `src-tauri/core`.
pub fn repo_root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn seed_json() -> Value {
    let text = std::fs::read_to_string(crate::support::repo_root().join("content").join(SEED_PATH))
        .expect("the seed comparison ships with the repository");
    serde_json::from_str(&text).expect("the seed comparison is valid JSON")
}

pub struct Fixture {
    pub dir: TempDir,
    pub store: Store,
}

/// A store in a fresh temporary data folder, with `library` imported.
pub fn store_with(library: &Library) -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open_in(dir.path()).expect("open store");
    ops::import_content(&mut store, library, &versus_core::store::Origin::Library).expect("import");
    Fixture { dir, store }
}

/// A library made of the given (file name, JSON) pairs.
pub fn library_of(files: &[(&str, &Value)]) -> Library {
    let bytes: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(name, json)| (name.to_string(), serde_json::to_vec(json).expect("json")))
        .collect();
    parse_library(bytes.iter().map(|(n, b)| (n.clone(), b.as_slice()))).expect("valid library")
}

pub fn seed_library() -> Library {
    library_of(&[(SEED_PATH, &seed_json())])
}

impl Fixture {
    pub fn reopen(self) -> Fixture {
        let Fixture { dir, store } = self;
        drop(store);
        let store = Store::open_in(dir.path()).expect("reopen store");
        Fixture { dir, store }
    }
}

/// Every file name in `dir`, sorted.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A draft of a comparison of the learner's own that can be published as it
/// is, with the library's minimum counts met and every text distinct.
pub fn own_draft(title: &str) -> versus_core::content::draft::DraftDocument {
    use versus_core::content::draft::{DraftDocument, DraftItem, DraftSubject};
    let items = |texts: &[&str]| -> Vec<DraftItem> {
        texts.iter().map(|t| DraftItem { id: String::new(), text: t.to_string() }).collect()
    };
    let subject = |name: &str, about: &str, when: &str| DraftSubject {
        id: String::new(),
        name: name.into(),
        category: String::new(),
        description: about.into(),
        when_to_use: when.into(),
    };
    DraftDocument {
        title: title.into(),
        category: "Messaging & Streaming".into(),
        summary: "A log you run yourself, compared with a log whose storage is tiered out of the box.".into(),
        subjects: vec![
            subject(
                "Kafka",
                "A partitioned, replicated commit log.",
                "Use Kafka when the ecosystem matters most.",
            ),
            subject(
                "Pulsar",
                "A log with brokers separate from storage.",
                "Use Pulsar when storage must scale apart.",
            ),
        ],
        differences: items(&[
            "Kafka brokers own their partitions on local disks.",
            "Pulsar keeps segments in BookKeeper, apart from the brokers.",
            "Kafka rebalances by moving partition data.",
            "Pulsar has multi-tenancy built in.",
        ]),
        tradeoffs: items(&[
            "Kafka is simpler to run at small scale, harder to grow.",
            "Pulsar scales storage apart, at the cost of more moving parts.",
            "Kafka has the larger ecosystem of connectors.",
        ]),
        mistakes: items(&[
            "Picking Pulsar for a team with one broker's worth of load.",
            "Assuming Kafka tiered storage behaves like Pulsar's.",
            "Ignoring the operational cost of BookKeeper.",
        ]),
        interview_tip: "Kafka for ecosystem and simplicity, Pulsar for storage that scales apart.".into(),
        tags: vec!["messaging".into(), "Open Source".into()],
    }
}

/// Publishes `document` as a new comparison of the learner's own; its id.
pub fn publish_own(store: &mut Store, document: &versus_core::content::draft::DraftDocument) -> String {
    let draft = ops::create_draft(store, document).expect("create draft");
    ops::publish_draft(store, draft).expect("publish")
}

pub const DAY: i64 = 86_400_000;
/// A fixed "now" for study tests, in ms.
pub const T0: i64 = 1_790_000_000_000;

pub fn clock(at: i64) -> versus_core::study::Clock {
    versus_core::study::Clock { now: at, utc_offset_minutes: 0 }
}

/// Enough new cards a day that every card of a comparison is in the queue.
pub fn settings() -> versus_core::study::StudySettings {
    versus_core::study::StudySettings { desired_retention: 0.9, new_per_day: 500 }
}

/// A fresh store with nothing imported.
pub fn empty_store() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open_in(dir.path()).expect("open store");
    Fixture { dir, store }
}

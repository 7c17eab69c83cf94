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

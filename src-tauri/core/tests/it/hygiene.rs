//! Rules about the code itself that a test can hold us to.

use std::path::Path;

fn source_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "sql") {
            out.push(path);
        }
    }
}

/// An insert that replaces on conflict (`INSERT OR` + `REPLACE`) deletes the row first, firing `ON DELETE` cascades on
/// notes and corrupting external-content FTS indexes. Upserts only.
#[test]
fn insert_or_replace_appears_nowhere_in_the_code() {
    let root = crate::support::repo_root().join("src-tauri");
    let mut files = Vec::new();
    for code in ["src", "core/src", "core/migrations"] {
        source_files(&root.join(code), &mut files);
    }
    assert!(files.len() > 5, "found the sources");
    let needle = ["INSERT", "OR", "REPLACE"].join(" ");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap().to_uppercase();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(!text.contains(&needle), "{} uses {needle}", file.display());
    }
}

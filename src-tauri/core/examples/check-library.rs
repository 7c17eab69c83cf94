//! Checks the library's content files as they are on disk, so an author can
//! check an edit without rebuilding the binary that embeds the library:
//!
//!     cargo run -p versus-core --example check-library [content-dir]
//!
//! Prints `file: field: message` for every problem (the same rules the app
//! applies at start-up, plus the shipped library's categories and tags) and
//! exits 1 when there is any.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use versus_core::content::{parse_library, CATEGORIES, CLOUD_TAGS, TOPIC_TAGS};

fn main() -> ExitCode {
    let root = std::env::args_os().nth(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("content"));
    let files = match comparison_files(&root) {
        Ok(files) => files,
        Err(err) => {
            eprintln!("{}: {err}", root.display());
            return ExitCode::from(2);
        }
    };
    let library = parse_library(files.iter().map(|(name, bytes)| (name.clone(), bytes.as_slice())));
    let mut problems: Vec<String> = Vec::new();
    match &library {
        Err(errors) => problems.extend(errors.0.iter().map(ToString::to_string)),
        Ok(library) => {
            for c in &library.comparisons {
                if !CATEGORIES.contains(&c.category.as_str()) {
                    problems
                        .push(format!("{}: category: {:?} is not one of {CATEGORIES:?}", c.id, c.category));
                }
                for tag in &c.tags {
                    let tag = tag.0.as_str();
                    if !CLOUD_TAGS.contains(&tag) && !TOPIC_TAGS.contains(&tag) {
                        problems.push(format!("{}: tags: {tag:?} is not a known tag", c.id));
                    }
                }
            }
        }
    }
    for problem in &problems {
        println!("{problem}");
    }
    let count = library.map(|l| l.comparisons.len()).unwrap_or(0);
    println!("{} file(s), {count} valid comparison(s), {} problem(s)", files.len(), problems.len());
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Every `<category>/<id>.json` under the root, named relative to it.
fn comparison_files(root: &Path) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    for folder in std::fs::read_dir(root)? {
        let folder = folder?.path();
        if !folder.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&folder)? {
            let path = file?.path();
            if path.extension().is_some_and(|ext| ext == "json") {
                let relative = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
                files.push((relative, std::fs::read(&path)?));
            }
        }
    }
    Ok(files)
}

//! Checks the library's content files as they are on disk, so an author can
//! check an edit without rebuilding the binary that embeds the library:
//!
//!     cargo run -p versus-core --example check-library [content-dir]
//!     cargo run -p versus-core --example check-library [content-dir] --cards <comparison id>
//!
//! Prints `file: field: message` for every problem (the same rules the app
//! applies at start-up, plus the shipped library's categories and tags) and
//! exits 1 when there is any. With `--cards`, it also prints the questions a
//! comparison's "which one?" cards ask, with every form of the subjects'
//! names and aliases blanked out, so an author sees what a learner will.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use versus_core::content::naming::{blank_subjects, SubjectName};
use versus_core::content::{parse_library, Comparison, CATEGORIES, CLOUD_TAGS, TOPIC_TAGS};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cards_of = args.iter().position(|a| a == "--cards").and_then(|i| args.get(i + 1)).cloned();
    let root = args
        .first()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("content"));
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
    if let (Some(id), Ok(library)) = (&cards_of, &library) {
        match library.comparisons.iter().find(|c| &c.id == id) {
            Some(c) => print_cards(c),
            None => println!("{id}: no such comparison"),
        }
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

/// The fronts of a comparison's "which one?" cards, as a learner sees them.
fn print_cards(c: &Comparison) {
    let subjects: Vec<SubjectName> = c.subjects.iter().map(SubjectName::of).collect();
    for d in &c.differences {
        println!("difference {}: {}", d.id, blank_subjects(&d.text, &c.title, &subjects));
    }
    for w in &c.when_to_use {
        println!("when_to_use {}: {}", w.subject, blank_subjects(&w.text, &c.title, &subjects));
    }
}

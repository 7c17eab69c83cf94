//! The shipped library and content packs: parsing, validation and the embedded files.

pub mod draft;
mod model;
pub mod naming;
pub mod pack;
mod taxonomy;
mod trust;
mod validate;

use std::collections::HashMap;

use include_dir::{include_dir, Dir};
use sha2::{Digest, Sha256};

pub use model::{
    Comparison, Dimension, Item, Scenario, Section, Source, Subject, Tag, WhenToUse, SLUG_PATTERN,
};
pub use taxonomy::{CATEGORIES, CLOUD_TAGS, TOPIC_TAGS};
pub use trust::{carry_trust_fields, is_https_url, is_real_date, trust_requirements};
pub use validate::{category_slug, check_structure, is_slug, minimum_counts, validate};

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../content");

/// Bumped when the way content maps to the store changes, so an unchanged
/// library is still re-imported by a new app version that reads it differently.
const IMPORT_FORMAT: &str = "versus-content-v4";

/// One thing wrong with one content file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, ts_rs::TS)]
#[error("{file}: {field}: {message}")]
pub struct ContentError {
    pub file: String,
    /// Path of the field inside the file, such as `subjects[1].name`; `.` for the whole file.
    pub field: String,
    pub message: String,
}

impl ContentError {
    pub fn new(file: impl Into<String>, field: impl Into<String>, message: impl Into<String>) -> Self {
        ContentError { file: file.into(), field: field.into(), message: message.into() }
    }
}

/// Every problem found in a set of content files.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} problem(s) in the content:\n{}", .0.len(), .0.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"))]
pub struct ContentErrors(pub Vec<ContentError>);

/// A validated set of comparisons and the fingerprint of the files they came from.
#[derive(Debug, Clone)]
pub struct Library {
    pub comparisons: Vec<Comparison>,
    pub hash: String,
}

/// Parses and validates one file. `file` names it in errors.
pub fn parse_file(file: &str, bytes: &[u8]) -> Result<Comparison, Vec<ContentError>> {
    let deserializer = &mut serde_json::Deserializer::from_slice(bytes);
    let comparison: Comparison = serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let field = err.path().to_string();
        let inner = err.into_inner();
        // serde_json appends " at line L column C"; the field path says more.
        vec![ContentError::new(file, field, inner.to_string())]
    })?;
    let errors = validate(file, &comparison);
    if errors.is_empty() {
        Ok(comparison)
    } else {
        Err(errors)
    }
}

/// Parses and validates a set of files (name, bytes), sorted by name, and
/// checks that no two comparisons share an id.
pub fn parse_library<'a>(
    files: impl IntoIterator<Item = (String, &'a [u8])>,
) -> Result<Library, ContentErrors> {
    let mut files: Vec<(String, &[u8])> = files.into_iter().collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let hash = files_hash(&files);
    let mut errors = Vec::new();
    let mut comparisons = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for (name, bytes) in &files {
        match parse_file(name, bytes) {
            Ok(comparison) => {
                if let Some(first) = seen.insert(comparison.id.clone(), name.clone()) {
                    errors.push(ContentError::new(
                        name,
                        "id",
                        format!("{:?} is already the id of {first}", comparison.id),
                    ));
                } else {
                    comparisons.push(comparison);
                }
            }
            Err(mut file_errors) => errors.append(&mut file_errors),
        }
    }
    check_subject_keys(&files, &comparisons, &mut errors);
    if !errors.is_empty() {
        return Err(ContentErrors(errors));
    }
    Ok(Library { comparisons, hash })
}

/// The fingerprint of a set of files (sorted by name) and of the import
/// format: equal fingerprints mean nothing to import.
fn files_hash(files: &[(String, &[u8])]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(IMPORT_FORMAT.as_bytes());
    for (name, bytes) in files {
        hasher.update((name.len() as u64).to_le_bytes());
        hasher.update(name.as_bytes());
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// One subject key names one thing: across the library the same key never
/// has two names, and the same name never two keys.
fn check_subject_keys(files: &[(String, &[u8])], comparisons: &[Comparison], errors: &mut Vec<ContentError>) {
    let file_of = |id: &str| {
        files
            .iter()
            .map(|(name, _)| name.as_str())
            .find(|name| name.rsplit('/').next().and_then(|f| f.strip_suffix(".json")) == Some(id))
            .unwrap_or(id)
            .to_string()
    };
    let mut name_of: HashMap<&str, (&str, &str)> = HashMap::new();
    let mut key_of: HashMap<&str, (&str, &str)> = HashMap::new();
    for comparison in comparisons {
        for (index, subject) in comparison.subjects.iter().enumerate() {
            let Some(key) = subject.key.as_deref() else { continue };
            let name = subject.name.as_str();
            let field = format!("subjects[{index}].key");
            if let Some((first_name, first_in)) = name_of.get(key) {
                if *first_name != name {
                    errors.push(ContentError::new(
                        file_of(&comparison.id),
                        field.clone(),
                        format!("{key:?} names {name:?} here but {first_name:?} in {}", file_of(first_in)),
                    ));
                }
            } else {
                name_of.insert(key, (name, comparison.id.as_str()));
            }
            if let Some((first_key, first_in)) = key_of.get(name) {
                if *first_key != key {
                    errors.push(ContentError::new(
                        file_of(&comparison.id),
                        field,
                        format!(
                            "{name:?} has the key {key:?} here but {first_key:?} in {}",
                            file_of(first_in)
                        ),
                    ));
                }
            } else {
                key_of.insert(name, (key, comparison.id.as_str()));
            }
        }
    }
}

/// The library compiled into this binary: every `content/**/*.json` but the schema.
pub fn embedded_library() -> Result<Library, ContentErrors> {
    let mut files = Vec::new();
    collect_json(&EMBEDDED, &mut files);
    parse_library(files)
}

/// The embedded library's fingerprint ([`Library::hash`]) without parsing or
/// checking it: a start-up whose content is unchanged needs nothing more.
pub fn embedded_library_hash() -> String {
    let mut files = Vec::new();
    collect_json(&EMBEDDED, &mut files);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files_hash(&files)
}

fn collect_json(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
    for file in dir.files() {
        let path = file.path();
        let is_json = path.extension().is_some_and(|ext| ext == "json");
        // The schema sits at the root; comparisons live in category folders.
        if is_json && path.parent().is_some_and(|p| !p.as_os_str().is_empty()) {
            out.push((path.to_string_lossy().replace('\\', "/"), file.contents()));
        }
    }
    for sub in dir.dirs() {
        collect_json(sub, out);
    }
}

/// The JSON Schema an author's editor can check a content file against.
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Comparison)).unwrap_or_default()
}

//! Content packs: comparisons shared as one `.versuspack` file (UTF-8 JSON,
//! see `content/pack.schema.json`). Reading one checks everything before
//! anything is written: size, JSON, format and version, shape (unknown
//! fields refused) and every comparison's structure, each problem named by
//! its path in the file.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::model::{Comparison, SLUG_PATTERN};
use super::validate::{check_structure, is_slug};
use super::{ContentError, Library};

pub const PACK_FORMAT: &str = "versus-pack";
/// The newest pack format this version reads and writes.
pub const PACK_FORMAT_VERSION: u32 = 1;
pub const PACK_EXTENSION: &str = "versuspack";
pub const MAX_PACK_BYTES: u64 = 32 * 1024 * 1024;
pub const MAX_PACK_COMPARISONS: usize = 5000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Versus pack")]
pub struct Pack {
    /// Always "versus-pack".
    #[schemars(regex(pattern = r"^versus-pack$"))]
    pub format: String,
    /// 1 for this version of the format.
    #[schemars(range(min = 1, max = 1))]
    pub format_version: u32,
    /// Names the pack across versions: a newer version with the same id updates it.
    #[schemars(regex(pattern = SLUG_PATTERN))]
    pub id: String,
    #[schemars(length(min = 1))]
    pub name: String,
    #[schemars(length(min = 1))]
    pub version: String,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub description: String,
    #[schemars(length(max = 5000))]
    pub comparisons: Vec<Comparison>,
}

/// The `source` its comparisons are stored under.
pub fn pack_source(pack_id: &str) -> String {
    format!("pack:{pack_id}")
}

impl Pack {
    /// Its comparisons as a library, fingerprinted by their content, so that
    /// importing the same pack twice finds nothing to do.
    pub fn library(&self) -> Library {
        let mut hasher = Sha256::new();
        hasher.update(PACK_FORMAT.as_bytes());
        for comparison in &self.comparisons {
            // Serializing a parsed comparison cannot fail.
            let bytes = serde_json::to_vec(comparison).unwrap_or_default();
            hasher.update((bytes.len() as u64).to_le_bytes());
            hasher.update(&bytes);
        }
        let hash = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
        Library { comparisons: self.comparisons.clone(), hash }
    }

    /// The pack as its file holds it.
    pub fn to_json(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }
}

/// Reads and checks the pack at `path`; the errors name the file by its file
/// name and each problem by its path inside it.
pub fn read_pack_file(path: &Path) -> Result<Pack, Vec<ContentError>> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let fail = |message: String| vec![ContentError::new(&name, ".", message)];
    let file = std::fs::File::open(path).map_err(|err| fail(format!("could not be opened: {err}")))?;
    let metadata = file.metadata().map_err(|err| fail(format!("could not be read: {err}")))?;
    if !metadata.is_file() {
        return Err(fail("is not a file".into()));
    }
    if metadata.len() > MAX_PACK_BYTES {
        return Err(fail(too_large(metadata.len())));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // The limit holds even for a file that grows while it is read.
    file.take(MAX_PACK_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| fail(format!("could not be read: {err}")))?;
    parse_pack(&name, &bytes)
}

fn too_large(bytes: u64) -> String {
    // Rounded up, so a file just over the limit never reads "is 32.0 MiB".
    format!(
        "is {:.1} MiB; a pack can be at most {} MiB",
        (bytes as f64 / (1024.0 * 1024.0) * 10.0).ceil() / 10.0,
        MAX_PACK_BYTES / (1024 * 1024)
    )
}

/// The two fields read before the rest, so that a pack of a newer format is
/// named as such rather than as a list of unknown fields.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    format_version: Option<serde_json::Value>,
}

/// Parses and checks a pack's bytes; `file` names it in errors.
pub fn parse_pack(file: &str, bytes: &[u8]) -> Result<Pack, Vec<ContentError>> {
    let fail = |field: &str, message: String| vec![ContentError::new(file, field, message)];
    if bytes.len() as u64 > MAX_PACK_BYTES {
        return Err(fail(".", too_large(bytes.len() as u64)));
    }
    let header: Header = serde_json::from_slice(bytes).map_err(|err| {
        fail(".", format!("is not a complete JSON object ({err}); it may be cut short or not a pack"))
    })?;
    match header.format.as_ref().and_then(|f| f.as_str()) {
        Some(PACK_FORMAT) => {}
        Some(other) => {
            return Err(fail(
                "format",
                format!("is {other:?}, not {PACK_FORMAT:?}: this is not a Versus pack"),
            ))
        }
        None => {
            return Err(fail("format", format!("is missing: a Versus pack says \"format\": {PACK_FORMAT:?}")))
        }
    }
    match header.format_version.as_ref().and_then(|v| v.as_u64()) {
        Some(version) if version > u64::from(PACK_FORMAT_VERSION) => {
            return Err(fail(
                "format_version",
                format!(
                    "is {version}: the pack was made for a newer Versus (this one reads version {PACK_FORMAT_VERSION}). Update Versus to open it."
                ),
            ))
        }
        Some(version) if version >= 1 => {}
        _ => return Err(fail("format_version", format!("must be a whole number from 1 to {PACK_FORMAT_VERSION}"))),
    }

    let deserializer = &mut serde_json::Deserializer::from_slice(bytes);
    let pack: Pack = serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let field = err.path().to_string();
        fail(&field, err.into_inner().to_string())
    })?;
    let errors = check_pack(file, &pack);
    if errors.is_empty() {
        Ok(pack)
    } else {
        Err(errors)
    }
}

/// Every rule the parsed `pack` breaks: its own fields, the count limit, each
/// comparison's structure and unique ids.
pub fn check_pack(file: &str, pack: &Pack) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut fail = |field: String, message: String| errors.push(ContentError::new(file, field, message));
    if !is_slug(&pack.id) {
        fail("id".into(), format!("{:?} is not a lowercase slug (a-z, 0-9, single hyphens)", pack.id));
    }
    for (field, value) in [("name", &pack.name), ("version", &pack.version)] {
        if value.trim().is_empty() {
            fail(field.into(), "must not be empty".into());
        }
    }
    if pack.comparisons.len() > MAX_PACK_COMPARISONS {
        fail(
            "comparisons".into(),
            format!(
                "holds {} comparisons; a pack can hold at most {MAX_PACK_COMPARISONS}",
                pack.comparisons.len()
            ),
        );
        return errors;
    }
    if pack.comparisons.is_empty() {
        fail("comparisons".into(), "holds no comparison".into());
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (index, comparison) in pack.comparisons.iter().enumerate() {
        let at = format!("comparisons[{index}]");
        check_structure(comparison, &mut |field, message| fail(format!("{at}.{field}"), message));
        if let Some(first) = seen.insert(comparison.id.as_str(), index) {
            fail(
                format!("{at}.id"),
                format!("{:?} is already the id of comparisons[{first}]", comparison.id),
            );
        }
    }
    errors
}

/// The JSON Schema a pack author's editor can check a pack against.
pub fn pack_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Pack)).unwrap_or_default()
}

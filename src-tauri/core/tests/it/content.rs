//! The content format: every rule rejects a bad file, naming the file and the field.

use serde_json::{json, Value};
use versus_core::content::{embedded_library, json_schema, parse_file, parse_library, ContentError, Section};

use crate::support::{seed_json, SEED_PATH};

fn errors_after(change: impl FnOnce(&mut Value)) -> Vec<ContentError> {
    let mut json = seed_json();
    change(&mut json);
    let bytes = serde_json::to_vec(&json).unwrap();
    parse_file(SEED_PATH, &bytes).expect_err("the changed file must be refused")
}

/// Asserts that one error names the seed file and `field`, and its message contains `words`.
fn assert_refused(errors: &[ContentError], field: &str, words: &str) {
    let hit = errors.iter().find(|e| e.field == field && e.message.contains(words));
    assert!(hit.is_some(), "expected an error on {field:?} containing {words:?}, got {errors:#?}");
    for error in errors {
        assert_eq!(error.file, SEED_PATH);
        assert!(error.to_string().starts_with(&format!("{SEED_PATH}: {}", error.field)), "{error}");
    }
}

#[test]
fn the_seed_comparison_loads_with_every_section() {
    let comparison =
        parse_file(SEED_PATH, &serde_json::to_vec(&seed_json()).unwrap()).expect("seed is valid");
    assert_eq!(comparison.id, "ec2-vs-lambda");
    assert_eq!(comparison.category, "Compute");
    let names: Vec<&str> = comparison.subjects.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Amazon EC2", "AWS Lambda"]);
    assert!(comparison.subjects.iter().all(|s| s.description.len() > 80));
    assert_eq!(comparison.differences.len(), 6, "all six key differences of the seed page");
    assert_eq!(comparison.when_to_use.len(), 2);
    assert_eq!(comparison.tradeoffs.len(), 3);
    assert_eq!(comparison.mistakes.len(), 3);
    assert!(comparison.interview_tip.contains("EC2") && comparison.interview_tip.contains("Lambda"));
    let sections: Vec<Section> = comparison.items().iter().map(|(s, _, _)| *s).collect();
    // Grid rows are note targets through `grid_rows` (tests/it/trust.rs);
    // scenarios are practice cards, never note targets.
    for section in Section::ALL.into_iter().filter(|s| !matches!(s, Section::Dimension | Section::Scenario)) {
        assert!(sections.contains(&section), "{section} has a note target");
    }
}

#[test]
fn the_embedded_library_is_valid_and_holds_the_seed() {
    let library = embedded_library().unwrap_or_else(|e| panic!("{e}"));
    assert!(library.comparisons.iter().any(|c| c.id == "ec2-vs-lambda"));
    assert_eq!(library.hash.len(), 64);
}

#[test]
fn malformed_json_names_the_file() {
    let errors = parse_file("compute/broken.json", b"{ \"id\": ").unwrap_err();
    assert_eq!(errors[0].file, "compute/broken.json");
    assert!(errors[0].message.contains("EOF"), "{errors:?}");
}

#[test]
fn unknown_fields_are_refused_with_their_path() {
    let errors = errors_after(|j| j["colour"] = json!("blue"));
    assert_refused(&errors, "colour", "unknown field");
    let errors = errors_after(|j| j["subjects"][1]["nickname"] = json!("λ"));
    assert_refused(&errors, "subjects[1].nickname", "unknown field");
    let errors = errors_after(|j| j["tradeoffs"][2]["weight"] = json!(3));
    assert_refused(&errors, "tradeoffs[2].weight", "unknown field");
}

#[test]
fn missing_and_mistyped_fields_are_refused_with_their_path() {
    let errors = errors_after(|j| {
        j.as_object_mut().unwrap().remove("interview_tip");
    });
    assert_refused(&errors, ".", "missing field `interview_tip`");
    let errors = errors_after(|j| j["differences"][0]["text"] = json!(42));
    assert_refused(&errors, "differences[0].text", "invalid type");
}

#[test]
fn ids_must_be_slugs() {
    assert_refused(&errors_after(|j| j["id"] = json!("EC2 vs Lambda")), "id", "not a lowercase slug");
    assert_refused(&errors_after(|j| j["subjects"][0]["id"] = json!("EC2")), "subjects[0].id", "slug");
    assert_refused(
        &errors_after(|j| j["mistakes"][1]["id"] = json!("double--hyphen")),
        "mistakes[1].id",
        "slug",
    );
    assert_refused(&errors_after(|j| j["tags"][0] = json!("AWS")), "tags[0]", "slug");
}

#[test]
fn the_id_matches_the_file_and_the_category_its_folder() {
    assert_refused(&errors_after(|j| j["id"] = json!("ec2-vs-fargate")), "id", "must match the file name");
    assert_refused(&errors_after(|j| j["category"] = json!("Storage")), "category", "belongs in the folder");
}

#[test]
fn a_comparison_has_two_to_four_subjects() {
    let errors = errors_after(|j| {
        let subjects = j["subjects"].as_array_mut().unwrap();
        subjects.truncate(1);
        j["when_to_use"].as_array_mut().unwrap().truncate(1);
    });
    assert_refused(&errors, "subjects", "needs 2 to 4 subjects, found 1");

    let errors = errors_after(|j| {
        for n in 0..3 {
            let id = format!("extra-{n}");
            j["subjects"]
                .as_array_mut()
                .unwrap()
                .push(json!({"id": id, "name": "X", "category": "C", "description": "D"}));
            j["when_to_use"]
                .as_array_mut()
                .unwrap()
                .push(json!({"subject": id, "text": "Use it when it fits the job."}));
        }
    });
    assert_refused(&errors, "subjects", "found 5");
}

#[test]
fn subject_ids_are_unique_and_fields_non_empty() {
    assert_refused(
        &errors_after(|j| j["subjects"][1]["id"] = json!("ec2")),
        "subjects[1].id",
        "used by another",
    );
    assert_refused(&errors_after(|j| j["subjects"][0]["name"] = json!("  ")), "subjects[0].name", "empty");
}

#[test]
fn when_to_use_has_exactly_one_entry_per_subject() {
    let errors = errors_after(|j| j["when_to_use"][1]["subject"] = json!("fargate"));
    assert_refused(&errors, "when_to_use[1].subject", "names no subject");
    assert_refused(&errors, "when_to_use", "missing: lambda");

    let errors = errors_after(|j| j["when_to_use"][1]["subject"] = json!("ec2"));
    assert_refused(&errors, "when_to_use[1].subject", "already has a when-to-use entry");

    let errors = errors_after(|j| {
        j["when_to_use"].as_array_mut().unwrap().remove(0);
    });
    assert_refused(&errors, "when_to_use", "missing: ec2");
}

#[test]
fn sections_have_their_minimum_number_of_items() {
    let errors = errors_after(|j| j["differences"].as_array_mut().unwrap().truncate(3));
    assert_refused(&errors, "differences", "at least 4 items, found 3");
    let errors = errors_after(|j| j["tradeoffs"].as_array_mut().unwrap().truncate(2));
    assert_refused(&errors, "tradeoffs", "at least 3 items, found 2");
    let errors = errors_after(|j| j["mistakes"].as_array_mut().unwrap().truncate(2));
    assert_refused(&errors, "mistakes", "at least 3 items, found 2");
}

#[test]
fn item_ids_are_unique_within_their_section() {
    let errors = errors_after(|j| j["differences"][3]["id"] = json!("control"));
    assert_refused(&errors, "differences[3].id", "used by another item in differences");
    // The same id in two different sections is fine.
    let mut json = seed_json();
    json["mistakes"][0]["id"] = json!("control");
    assert!(parse_file(SEED_PATH, &serde_json::to_vec(&json).unwrap()).is_ok());
}

#[test]
fn texts_and_the_interview_tip_are_not_empty() {
    assert_refused(&errors_after(|j| j["interview_tip"] = json!("")), "interview_tip", "empty");
    assert_refused(&errors_after(|j| j["tradeoffs"][0]["text"] = json!(" ")), "tradeoffs[0].text", "empty");
    assert_refused(&errors_after(|j| j["title"] = json!("")), "title", "empty");
}

#[test]
fn two_files_with_one_id_are_refused() {
    let seed = serde_json::to_vec(&seed_json()).unwrap();
    let mut other = seed_json();
    other["title"] = json!("Another title");
    let other = serde_json::to_vec(&other).unwrap();
    // Same stem in another folder would fail the folder rule; put both in compute/.
    let errors = parse_library([
        (SEED_PATH.to_string(), seed.as_slice()),
        ("compute/../compute/ec2-vs-lambda.json".to_string(), other.as_slice()),
    ])
    .unwrap_err();
    assert!(errors.0.iter().any(|e| e.field == "id" && e.message.contains("already the id of")), "{errors}");
}

#[test]
fn every_error_in_a_library_is_reported_not_only_the_first() {
    let mut a = seed_json();
    a["interview_tip"] = json!("");
    let b = b"not json".to_vec();
    let a = serde_json::to_vec(&a).unwrap();
    let errors =
        parse_library([(SEED_PATH.to_string(), a.as_slice()), ("compute/b.json".to_string(), b.as_slice())])
            .unwrap_err();
    assert!(errors.0.iter().any(|e| e.file == SEED_PATH));
    assert!(errors.0.iter().any(|e| e.file == "compute/b.json"));
    assert!(errors.to_string().contains("compute/b.json"));
}

/// `content/schema.json` is generated from the Rust types; this keeps it in step.
/// Run with `VERSUS_WRITE_SCHEMA=1` to rewrite it after changing the types.
#[test]
fn the_json_schema_is_in_step_with_the_rust_types() {
    let path = crate::support::repo_root().join("content/schema.json");
    let generated = serde_json::to_string_pretty(&json_schema()).unwrap() + "\n";
    if std::env::var_os("VERSUS_WRITE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).expect("content/schema.json exists");
    assert_eq!(committed, generated, "content/schema.json is stale: rerun with VERSUS_WRITE_SCHEMA=1");
    let schema: Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(schema["additionalProperties"], json!(false));
    let required: Vec<&str> =
        schema["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let seed = seed_json();
    let seed = seed.as_object().unwrap();
    for field in &required {
        assert!(seed.contains_key(*field), "the seed has the required field {field}");
    }
    // The trust fields are optional for packs and a learner's own
    // comparisons; the schema knows every field the seed has.
    for field in seed.keys() {
        assert!(schema["properties"].get(field).is_some(), "{field} is a property of the schema");
    }
    for field in ["checked", "sources", "dimensions", "scenarios"] {
        assert!(!required.contains(&field), "{field} is optional in the schema");
    }
}

/// `content/pack.schema.json`, for pack authors, is generated from the Rust
/// types like the comparison schema and kept in step the same way.
#[test]
fn the_pack_schema_is_in_step_with_the_rust_types() {
    let path = crate::support::repo_root().join("content/pack.schema.json");
    let generated = serde_json::to_string_pretty(&versus_core::content::pack::pack_schema()).unwrap() + "\n";
    if std::env::var_os("VERSUS_WRITE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).expect("content/pack.schema.json exists");
    assert_eq!(committed, generated, "content/pack.schema.json is stale: rerun with VERSUS_WRITE_SCHEMA=1");
    let schema: Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(schema["additionalProperties"], json!(false), "unknown pack fields are refused");
    assert_eq!(schema["properties"]["comparisons"]["items"]["$ref"], json!("#/$defs/Comparison"));
    assert!(schema["$defs"]["Comparison"]["properties"]["differences"].get("minItems") == Some(&json!(1)));
}

#[test]
fn the_embedded_fingerprint_read_without_parsing_is_the_parsed_librarys() {
    let library = embedded_library().unwrap();
    assert_eq!(versus_core::content::embedded_library_hash(), library.hash);
}

//! The fields that make content trustworthy: the checked day, sources, the
//! at-a-glance grid, scenarios and subject keys. Each rule refuses a file
//! that breaks it, naming the file and the field; the grid's rows are note
//! targets on the page like every other part.

use serde_json::{json, Value};
use versus_core::content::{parse_file, parse_library, trust_requirements, ContentError, Section};
use versus_core::notes::NoteKey;
use versus_core::ops;
use versus_core::study::queue::NewCards;

use crate::support::{library_of, seed_json, store_with, SEED_PATH};

/// The seed comparison with a valid set of every trust field.
fn trusted() -> Value {
    let mut json = seed_json();
    let object = json.as_object_mut().unwrap();
    object.insert("checked".into(), json!("2026-11-30"));
    object.insert(
        "sources".into(),
        json!([
            { "title": "Amazon EC2 User Guide", "url": "https://docs.aws.amazon.com/ec2/latest/userguide/concepts.html" },
            { "title": "AWS Lambda quotas", "url": "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html" }
        ]),
    );
    let row = |id: &str, label: &str, ec2: &str, lambda: &str| json!({ "id": id, "label": label, "values": { "ec2": ec2, "lambda": lambda } });
    object.insert(
        "dimensions".into(),
        json!([
            row("who-patches", "Who patches the OS", "You", "AWS"),
            row("billing", "Billing unit", "Per second, while running", "Per request and GB-second"),
            row("scales-to-zero", "Scales to zero", "No: you stop instances", "Yes"),
            row("state", "Local state", "Kept on the instance", "None between invocations"),
            row("control", "Control", "The whole VM", "Code and configuration"),
        ]),
    );
    object.insert(
        "scenarios".into(),
        json!([
            { "id": "nightly-resize", "text": "Resize images a few times an hour when files are uploaded.", "answer": "lambda", "because": "lambda" },
            { "id": "custom-kernel", "text": "A service needs a custom kernel module and runs all day.", "answer": "ec2", "because": "control" },
            { "id": "gpu-training", "text": "A training job holds a GPU for two days.", "answer": "ec2", "because": "ec2" }
        ]),
    );
    for (subject, key) in
        object["subjects"].as_array_mut().unwrap().iter_mut().zip(["amazon-ec2", "aws-lambda"])
    {
        subject.as_object_mut().unwrap().insert("key".into(), json!(key));
    }
    json
}

fn errors_after(change: impl FnOnce(&mut Value)) -> Vec<ContentError> {
    let mut json = trusted();
    change(&mut json);
    parse_file(SEED_PATH, &serde_json::to_vec(&json).unwrap()).expect_err("the changed file must be refused")
}

fn assert_refused(errors: &[ContentError], field: &str, words: &str) {
    let hit = errors.iter().find(|e| e.field == field && e.message.contains(words));
    assert!(hit.is_some(), "expected an error on {field:?} containing {words:?}, got {errors:#?}");
    assert!(errors.iter().all(|e| e.file == SEED_PATH));
}

#[test]
fn a_comparison_with_every_trust_field_is_valid_and_meets_the_library_requirements() {
    let comparison =
        parse_file(SEED_PATH, &serde_json::to_vec(&trusted()).unwrap()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(comparison.dimensions.len(), 5);
    assert!(trust_requirements(&comparison).is_empty(), "{:?}", trust_requirements(&comparison));
}

#[test]
fn the_library_requirements_name_what_is_missing() {
    let mut json = trusted();
    let object = json.as_object_mut().unwrap();
    for field in ["checked", "dimensions", "scenarios"] {
        object.remove(field);
    }
    object.insert("sources".into(), json!([{ "title": "One", "url": "https://docs.aws.amazon.com/x" }]));
    object["subjects"][1].as_object_mut().unwrap().remove("key");
    // Optional in the format (a pack or an own comparison may leave them
    // out); the shipped library's requirement names each one.
    let comparison: versus_core::content::Comparison = serde_json::from_value(json).expect("all optional");
    let missing: Vec<String> = trust_requirements(&comparison).into_iter().map(|(field, _)| field).collect();
    assert_eq!(missing, ["checked", "sources", "dimensions", "scenarios", "subjects[1].key"]);
}

#[test]
fn every_grid_row_needs_a_short_value_for_every_subject_and_nothing_else() {
    let errors = errors_after(|j| {
        j["dimensions"][0]["values"].as_object_mut().unwrap().remove("lambda");
    });
    assert_refused(&errors, "dimensions[0].values", "no value for the subject \"lambda\"");
    let errors = errors_after(|j| j["dimensions"][1]["values"]["ec2"] = json!("x".repeat(91)));
    assert_refused(&errors, "dimensions[1].values.ec2", "91 characters");
    let errors = errors_after(|j| j["dimensions"][2]["values"]["fargate"] = json!("Yes"));
    assert_refused(&errors, "dimensions[2].values.fargate", "names no subject");
    let errors = errors_after(|j| j["dimensions"][3]["values"]["ec2"] = json!("  "));
    assert_refused(&errors, "dimensions[3].values.ec2", "must not be empty");
    let errors = errors_after(|j| j["dimensions"][4]["id"] = json!("billing"));
    assert_refused(&errors, "dimensions[4].id", "used by another row");
    let errors = errors_after(|j| {
        j["dimensions"].as_array_mut().unwrap().truncate(4);
    });
    assert_refused(&errors, "dimensions", "needs 5 to 8 rows, found 4");
}

#[test]
fn sources_are_https_links_with_a_title() {
    let errors = errors_after(|j| j["sources"][0]["url"] = json!("http://docs.aws.amazon.com/ec2/"));
    assert_refused(&errors, "sources[0].url", "not an https address");
    let errors = errors_after(|j| j["sources"][1]["url"] = json!("https://localhost"));
    assert_refused(&errors, "sources[1].url", "not an https address");
    let errors = errors_after(|j| j["sources"][1]["title"] = json!(""));
    assert_refused(&errors, "sources[1].title", "must not be empty");
}

#[test]
fn the_checked_day_is_a_real_day_and_not_in_the_future() {
    let errors = errors_after(|j| j["checked"] = json!("2026-02-30"));
    assert_refused(&errors, "checked", "not a real day");
    let errors = errors_after(|j| j["checked"] = json!("2999-01-01"));
    assert_refused(&errors, "checked", "in the future");
    let errors = errors_after(|j| j["checked"] = json!("1 Dec 2026"));
    assert!(errors.iter().any(|e| e.field == "checked"), "{errors:?}");
}

#[test]
fn a_scenario_names_no_subject_and_its_answer_and_reason_exist() {
    for text in [
        "Resize images with Lambda.",
        "Pick EC2 instances for this.",
        "A job on lambdas.",
        "An AWS Lambda function.",
    ] {
        let errors = errors_after(|j| j["scenarios"][0]["text"] = json!(text));
        assert_refused(&errors, "scenarios[0].text", "names a subject");
    }
    let errors = errors_after(|j| j["scenarios"][1]["answer"] = json!("fargate"));
    assert_refused(&errors, "scenarios[1].answer", "names no subject");
    let errors = errors_after(|j| j["scenarios"][2]["because"] = json!("no-such-item"));
    assert_refused(&errors, "scenarios[2].because", "neither a difference nor a when-to-use entry");
    let errors = errors_after(|j| {
        j["scenarios"].as_array_mut().unwrap().truncate(2);
    });
    assert_refused(&errors, "scenarios", "needs 3 to 6 scenarios, found 2");
}

#[test]
fn one_key_never_names_two_things_and_one_thing_never_has_two_keys() {
    let first = trusted();
    let mut second = trusted();
    second["id"] = json!("ec2-vs-lambda-again");
    second["subjects"][1]["key"] = json!("lambda-functions");
    let bytes = [serde_json::to_vec(&first).unwrap(), serde_json::to_vec(&second).unwrap()];
    let files = [
        (SEED_PATH.to_string(), bytes[0].as_slice()),
        ("compute/ec2-vs-lambda-again.json".to_string(), bytes[1].as_slice()),
    ];
    let errors = parse_library(files.clone()).expect_err("two keys for AWS Lambda").0;
    assert!(
        errors.iter().any(|e| e.field == "subjects[1].key"
            && e.message.contains("\"AWS Lambda\" has the key")
            && e.message.contains("\"lambda-functions\"")
            && e.message.contains("\"aws-lambda\"")),
        "{errors:#?}"
    );

    second["subjects"][1]["key"] = json!("aws-lambda");
    second["subjects"][1]["name"] = json!("Lambda functions");
    let bytes = [serde_json::to_vec(&first).unwrap(), serde_json::to_vec(&second).unwrap()];
    let files = [
        (SEED_PATH.to_string(), bytes[0].as_slice()),
        ("compute/ec2-vs-lambda-again.json".to_string(), bytes[1].as_slice()),
    ];
    let errors = parse_library(files).expect_err("one key, two names").0;
    assert!(
        errors.iter().any(|e| e.field == "subjects[1].key"
            && e.message.contains("\"aws-lambda\" names")
            && e.message.contains("\"Lambda functions\"")
            && e.message.contains("\"AWS Lambda\"")),
        "{errors:#?}"
    );
}

#[test]
fn the_grid_is_on_the_page_and_a_note_on_a_row_survives_reopening() {
    let mut fx = store_with(&library_of(&[(SEED_PATH, &trusted())]));
    let page = ops::comparison_page(&fx.store, "ec2-vs-lambda").unwrap();
    assert_eq!(page.checked.as_deref(), Some("2026-11-30"));
    assert_eq!(page.sources.len(), 2);
    let labels: Vec<&str> = page.grid.iter().map(|g| g.row.name.as_deref().unwrap_or("")).collect();
    assert_eq!(labels, ["Who patches the OS", "Billing unit", "Scales to zero", "Local state", "Control"]);
    assert!(page.grid.iter().all(|g| g.values.len() == 2 && g.values.iter().all(|v| !v.is_empty())));
    assert_eq!(page.grid[0].values, ["You", "AWS"], "values follow the subjects' order");

    let key = NoteKey::new("ec2-vs-lambda", Section::Dimension, "billing");
    ops::save_note(&mut fx.store, &key, "Lambda bills per ms of duration").unwrap();
    let fx = fx.reopen();
    let page = ops::comparison_page(&fx.store, "ec2-vs-lambda").unwrap();
    let billing = page.grid.iter().find(|g| g.row.item_id == "billing").unwrap();
    assert_eq!(billing.row.note.as_ref().map(|n| n.body.as_str()), Some("Lambda bills per ms of duration"));
    let hits = ops::search(
        &fx.store,
        &versus_core::search::SearchQuery { text: "GB-second".into(), ..Default::default() },
    )
    .unwrap();
    assert!(!hits.hits.is_empty(), "grid values are searchable");
}

#[test]
fn a_row_dropped_from_the_grid_is_retired_and_its_note_archived() {
    let mut fx = store_with(&library_of(&[(SEED_PATH, &trusted())]));
    let key = NoteKey::new("ec2-vs-lambda", Section::Dimension, "state");
    ops::save_note(&mut fx.store, &key, "no sticky sessions").unwrap();
    let mut smaller = trusted();
    smaller["dimensions"].as_array_mut().unwrap().retain(|row| row["id"] != "state");
    smaller["dimensions"].as_array_mut().unwrap().push(json!({ "id": "cold-start", "label": "Cold start", "values": { "ec2": "Boot once", "lambda": "On scale-out" } }));
    ops::import_content(
        &mut fx.store,
        &library_of(&[(SEED_PATH, &smaller)]),
        &versus_core::store::Origin::Library,
    )
    .unwrap();
    let page = ops::comparison_page(&fx.store, "ec2-vs-lambda").unwrap();
    assert!(page.grid.iter().all(|g| g.row.item_id != "state"));
    assert!(page.archived.iter().any(|a| a.section == Section::Dimension && a.item_id == "state"));
    let archived = ops::archived_notes(&fx.store).unwrap();
    assert!(archived.iter().any(|a| a.archived.note.body == "no sticky sessions"));
}

#[test]
fn every_grid_row_is_a_recall_card_asking_for_each_subjects_value() {
    use versus_core::study::cards::CardKind;
    use versus_core::study::{Clock, Scope, StudySettings};
    let mut fx = store_with(&library_of(&[(SEED_PATH, &trusted())]));
    let settings = StudySettings { desired_retention: 0.9, new_per_day: 500 };
    let clock = Clock { now: 1_790_000_000_000, utc_offset_minutes: 0 };
    let scope = Scope::Comparison("ec2-vs-lambda".into());
    let faces =
        ops::review_queue(&fx.store, &scope, clock, settings, NewCards::WithinDailyLimit).unwrap().cards;
    let grid: Vec<_> = faces.iter().filter(|f| f.kind == CardKind::Grid).collect();
    assert_eq!(grid.len(), 5, "one card per grid row");
    let billing = grid.iter().find(|f| f.item_id == "billing").unwrap();
    assert_eq!(billing.front, "EC2 vs Lambda — Billing unit: _____ / _____");
    assert_eq!(
        billing.answer,
        ["Amazon EC2: Per second, while running", "AWS Lambda: Per request and GB-second"]
    );

    let mut smaller = trusted();
    smaller["dimensions"].as_array_mut().unwrap().retain(|row| row["id"] != "billing");
    smaller["dimensions"].as_array_mut().unwrap().push(json!({ "id": "cold-start", "label": "Cold start", "values": { "ec2": "Boot once", "lambda": "On scale-out" } }));
    ops::import_content(
        &mut fx.store,
        &library_of(&[(SEED_PATH, &smaller)]),
        &versus_core::store::Origin::Library,
    )
    .unwrap();
    let faces =
        ops::review_queue(&fx.store, &scope, clock, settings, NewCards::WithinDailyLimit).unwrap().cards;
    let rows: Vec<&str> =
        faces.iter().filter(|f| f.kind == CardKind::Grid).map(|f| f.item_id.as_str()).collect();
    assert!(!rows.contains(&"billing"), "a dropped row's card is retired: {rows:?}");
    assert!(rows.contains(&"cold-start"), "a new row gets its card: {rows:?}");
}

#[test]
fn the_shipped_library_requires_every_trust_field() {
    let mut json = trusted();
    json.as_object_mut().unwrap().remove("scenarios");
    let errors = parse_file(SEED_PATH, &serde_json::to_vec(&json).unwrap())
        .expect_err("a shipped file needs scenarios");
    assert_refused(&errors, "scenarios", "is required");
    let library = versus_core::content::embedded_library().unwrap_or_else(|e| panic!("{e}"));
    for comparison in &library.comparisons {
        assert!(
            trust_requirements(comparison).is_empty(),
            "{}: {:?}",
            comparison.id,
            trust_requirements(comparison)
        );
    }
}

#[test]
fn a_copy_keeps_the_grid_scenarios_and_sources_that_still_fit() {
    use versus_core::content::draft::DraftSubject;
    use versus_core::store::comparison_document;
    let mut fx = store_with(&library_of(&[(SEED_PATH, &trusted())]));
    let draft = ops::copy_comparison(&mut fx.store, "ec2-vs-lambda").unwrap();
    let copy = ops::publish_draft(&mut fx.store, draft).unwrap();
    let page = ops::comparison_page(&fx.store, &copy).unwrap();
    assert_eq!(page.grid.len(), 5, "the grid comes with the copy");
    assert_eq!(page.sources.len(), 2);
    assert_eq!(page.checked, None, "the copy is the learner's text, not checked by Versus");
    let document = fx.store.read("test", |conn| comparison_document(conn, &copy)).unwrap();
    assert_eq!(document.scenarios.len(), 3);
    assert_eq!(document.subjects[1].key.as_deref(), Some("aws-lambda"));

    // A third subject has no value in any row: the grid cannot stay.
    // Renaming a subject drops its key, which names the thing by its name.
    let edit = ops::edit_comparison(&mut fx.store, &copy).unwrap();
    let mut doc = ops::get_draft(&fx.store, edit).unwrap().document;
    doc.subjects[1].name = "Lambda functions".into();
    doc.subjects.push(DraftSubject {
        name: "AWS Fargate".into(),
        description: "Containers without servers to manage, billed per task.".into(),
        when_to_use: "Use it for long-running containers without managing hosts.".into(),
        ..Default::default()
    });
    ops::save_draft(&mut fx.store, edit, &doc).unwrap();
    ops::publish_draft(&mut fx.store, edit).unwrap();
    let document = fx.store.read("test", |conn| comparison_document(conn, &copy)).unwrap();
    assert!(document.dimensions.is_empty(), "a row without a value for every subject is not kept");
    assert_eq!(document.subjects[1].key, None);
    assert_eq!(document.subjects[0].key.as_deref(), Some("amazon-ec2"));
    assert_eq!(document.sources.len(), 2);
    assert!(ops::comparison_page(&fx.store, &copy).unwrap().grid.is_empty());
}

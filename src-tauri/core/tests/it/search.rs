//! Full-text search: any input is safe, the index follows every edit, and it
//! stays consistent.

use serde_json::json;
use versus_core::content::Section;
use versus_core::notes::NoteKey;
use versus_core::ops;
use versus_core::search::{check_index, search, terms_of, HitKind, SearchQuery, MAX_QUERY_CHARS};

use crate::support::{library_of, seed_json, seed_library, store_with, Fixture, SEED_PATH};

fn query(text: &str) -> SearchQuery {
    SearchQuery { text: text.into(), ..SearchQuery::default() }
}

fn two_comparisons() -> Fixture {
    let mut other = seed_json();
    other["id"] = json!("sqs-vs-kinesis");
    other["title"] = json!("SQS vs Kinesis");
    other["category"] = json!("Messaging & Streaming");
    other["summary"] = json!("Queues that delete on consume versus streams you replay.");
    other["tradeoffs"][0]["text"] =
        json!("FIFO throughput is capped per message group, while a stream scales by shards.");
    store_with(&library_of(&[(SEED_PATH, &seed_json()), ("messaging-streaming/sqs-vs-kinesis.json", &other)]))
}

#[test]
fn a_word_finds_its_item_with_a_marked_snippet() {
    let fx = two_comparisons();
    let results = search(fx.store.conn(), &query("throughput")).unwrap();
    let hit = &results.hits[0];
    assert_eq!(
        (hit.comparison_id.as_str(), hit.section, hit.item_id.as_str()),
        ("sqs-vs-kinesis", Section::Tradeoff, "flexibility-vs-ops")
    );
    assert_eq!(hit.kind, HitKind::Item);
    assert!(hit.snippet.contains("<mark>throughput</mark>"), "{}", hit.snippet);
    assert_eq!(hit.category, "Messaging & Streaming");
}

#[test]
fn prefixes_match_while_typing() {
    let fx = two_comparisons();
    let hits = search(fx.store.conn(), &query("thro")).unwrap().hits;
    assert!(hits.iter().any(|h| h.snippet.contains("<mark>throughput</mark>")), "{hits:?}");
    let hits = search(fx.store.conn(), &query("fi")).unwrap().hits;
    assert!(!hits.is_empty());
}

#[test]
fn a_title_hit_ranks_above_body_hits() {
    let fx = two_comparisons();
    let hits = search(fx.store.conn(), &query("kinesis")).unwrap().hits;
    assert_eq!(hits[0].section, Section::Comparison, "{hits:#?}");
    assert_eq!(hits[0].comparison_id, "sqs-vs-kinesis");
}

#[test]
fn every_awkward_input_is_accepted_without_error() {
    let mut fx = two_comparisons();
    ops::save_note(
        &mut fx.store,
        &NoteKey::new("ec2-vs-lambda", Section::Tradeoff, "control-vs-speed"),
        "Le café is where I read about C++ and trade-off analysis 🚀",
    )
    .unwrap();
    let long = "lambda ".repeat(2_000);
    let inputs = [
        "trade-off",
        "c++",
        "\"",
        "OR",
        "*",
        "'",
        "AND NOT",
        "NEAR(a b)",
        "a:b",
        "(",
        ")",
        "^",
        "-",
        "{x}",
        "🚀",
        "🚀 café",
        "\"unterminated",
        "col:lambda",
        "\u{0}",
        "",
        "   ",
        long.as_str(),
    ];
    for input in inputs {
        let results = search(fx.store.conn(), &query(input)).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert!(results.hits.len() <= 30, "{input:?}");
    }
    let conn = fx.store.conn();
    assert!(!search(conn, &query("trade-off")).unwrap().hits.is_empty(), "trade-off is plain text");
    assert!(!search(conn, &query("c++")).unwrap().hits.is_empty(), "c++ is plain text");
    let accents = search(conn, &query("cafe")).unwrap();
    assert!(accents.hits.iter().any(|h| h.kind == HitKind::Note), "cafe finds café: {accents:?}");
    let long_results = search(conn, &query(&long)).unwrap();
    assert!(long_results.truncated, "an overlong query is cut and says so");
    assert!(!long_results.hits.is_empty(), "the cut query still searches");
    assert!(search(conn, &query("\"")).unwrap().hits.is_empty());
}

#[test]
fn terms_are_cut_and_cleaned() {
    let (terms, truncated) = terms_of("  hello \" * 🚀 wor\"ld  ");
    assert_eq!(terms, ["hello", "wor\"ld"]);
    assert!(!truncated);
    let (_, truncated) = terms_of(&"x".repeat(MAX_QUERY_CHARS + 1));
    assert!(truncated);
    assert_eq!(versus_core::search::match_expression(&terms), "\"hello\"* \"wor\"\"ld\"*");
}

#[test]
fn an_edited_note_is_found_by_its_new_text_and_not_its_old() {
    let mut fx = two_comparisons();
    let key = NoteKey::new("ec2-vs-lambda", Section::Mistake, "ec2-by-default");
    ops::save_note(&mut fx.store, &key, "remember zanzibar").unwrap();
    let notes_only =
        |text: &str| SearchQuery { text: text.into(), notes_only: true, ..SearchQuery::default() };
    assert_eq!(search(fx.store.conn(), &notes_only("zanzibar")).unwrap().hits.len(), 1);
    ops::save_note(&mut fx.store, &key, "remember timbuktu").unwrap();
    assert!(search(fx.store.conn(), &notes_only("zanzibar")).unwrap().hits.is_empty());
    let hits = search(fx.store.conn(), &notes_only("timbuktu")).unwrap().hits;
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].kind, hits[0].section, hits[0].item_id.as_str()),
        (HitKind::Note, Section::Mistake, "ec2-by-default")
    );
    ops::save_note(&mut fx.store, &key, "").unwrap();
    assert!(
        search(fx.store.conn(), &notes_only("timbuktu")).unwrap().hits.is_empty(),
        "a cleared note is gone from search"
    );
    check_index(fx.store.conn()).unwrap();
}

#[test]
fn filters_by_category_and_by_notes_only() {
    let mut fx = two_comparisons();
    ops::save_note(
        &mut fx.store,
        &NoteKey::new("ec2-vs-lambda", Section::Comparison, "main"),
        "lambda cold starts bit us",
    )
    .unwrap();
    let in_messaging = SearchQuery {
        text: "lambda".into(),
        category: Some("Messaging & Streaming".into()),
        ..SearchQuery::default()
    };
    let hits = search(fx.store.conn(), &in_messaging).unwrap().hits;
    assert!(hits.iter().all(|h| h.category == "Messaging & Streaming"));
    let notes = SearchQuery { text: "lambda".into(), notes_only: true, ..SearchQuery::default() };
    let hits = search(fx.store.conn(), &notes).unwrap().hits;
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, HitKind::Note);
}

#[test]
fn a_retired_item_no_longer_shows_and_the_index_stays_consistent() {
    let mut fx = store_with(&seed_library());
    check_index(fx.store.conn()).unwrap();
    assert!(!search(fx.store.conn(), &query("patching")).unwrap().hits.is_empty());
    let mut updated = seed_json();
    updated["differences"].as_array_mut().unwrap().remove(2); // "operations", the one about patching
    updated["differences"][0]["text"] = json!("Rewritten difference about quokkas and control.");
    ops::import_content(
        &mut fx.store,
        &library_of(&[(SEED_PATH, &updated)]),
        &versus_core::store::Origin::Library,
    )
    .unwrap();
    check_index(fx.store.conn()).unwrap();
    let hits = search(fx.store.conn(), &query("patching")).unwrap().hits;
    assert!(hits.iter().all(|h| h.item_id != "operations"), "{hits:?}");
    assert_eq!(search(fx.store.conn(), &query("quokkas")).unwrap().hits.len(), 1);
    assert!(search(fx.store.conn(), &query("virtual machine from the operating system"))
        .unwrap()
        .hits
        .iter()
        .all(|h| h.item_id != "control"));
    // Many edits and deletes, then the check again.
    for i in 0..50 {
        let key = NoteKey::new("ec2-vs-lambda", Section::Tradeoff, "flexibility-vs-ops");
        ops::save_note(&mut fx.store, &key, &format!("edit {i}")).unwrap();
        if i % 7 == 0 {
            ops::save_note(&mut fx.store, &key, "").unwrap();
        }
    }
    check_index(fx.store.conn()).unwrap();
    let rows: i64 = fx.store.conn().query_row("SELECT count(*) FROM search_index", [], |r| r.get(0)).unwrap();
    let expected: i64 = fx
        .store
        .conn()
        .query_row(
            "SELECT (SELECT count(*) FROM item WHERE retired = 0) + (SELECT count(*) FROM note)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rows, expected, "one index row per current item and note");
}

#[test]
fn the_embedded_library_indexes_and_searches() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = versus_core::store::Store::open_in(dir.path()).unwrap();
    ops::sync_embedded_library(&mut store).unwrap();
    check_index(store.conn()).unwrap();
    let hits = search(store.conn(), &query("FIFO")).unwrap().hits;
    assert!(hits.iter().any(|h| h.comparison_id == "sqs-standard-vs-fifo"), "{hits:?}");
}

#[test]
fn a_misspelt_word_suggests_the_library_word() {
    let fx = store_with(&seed_library());
    let results = search(fx.store.conn(), &query("lamda")).unwrap();
    assert!(results.hits.is_empty());
    assert_eq!(results.suggestion.as_deref(), Some("lambda"));
    let corrected = search(fx.store.conn(), &query("lambda")).unwrap();
    assert!(!corrected.hits.is_empty(), "the suggestion finds something");
}

#[test]
fn an_exact_word_suggests_nothing() {
    let fx = store_with(&seed_library());
    let results = search(fx.store.conn(), &query("lambda")).unwrap();
    assert_eq!(results.suggestion, None);
    assert!(!results.suggestion_is_sure);
}

#[test]
fn a_word_with_no_near_word_suggests_nothing() {
    let fx = store_with(&seed_library());
    let results = search(fx.store.conn(), &query("qwxzvbnm")).unwrap();
    assert!(results.hits.is_empty());
    assert_eq!(results.suggestion, None);
}

#[test]
fn two_words_with_one_typo_keep_the_right_word() {
    let fx = store_with(&seed_library());
    let results = search(fx.store.conn(), &query("EC2 lamda")).unwrap();
    assert!(results.hits.is_empty());
    assert_eq!(results.suggestion.as_deref(), Some("ec2 lambda"));
    assert!(!search(fx.store.conn(), &query("ec2 lambda")).unwrap().hits.is_empty());
}

#[test]
fn swapped_first_letters_are_still_respelt() {
    let fx = store_with(&seed_library());
    let results = search(fx.store.conn(), &query("almbda")).unwrap();
    assert_eq!(results.suggestion.as_deref(), Some("lambda"));
}

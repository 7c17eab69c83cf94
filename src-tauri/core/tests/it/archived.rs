//! Archived notes: notes whose item the library no longer has current are
//! listed, readable with their history, and deletable (never a current one).

use serde_json::json;
use versus_core::content::Section;
use versus_core::notes::{self, archived_notes, get_note, NoteKey};
use versus_core::ops;
use versus_core::Error;

use crate::support::{library_of, seed_json, seed_library, store_with, Fixture, SEED_PATH};

fn key(section: Section, item: &str) -> NoteKey {
    NoteKey::new("ec2-vs-lambda", section, item)
}

/// The seed library with the difference "operations" removed, so it is retired.
fn retire_operations(fx: &mut Fixture) {
    let mut updated = seed_json();
    let differences = updated["differences"].as_array_mut().unwrap();
    differences.retain(|d| d["id"] != json!("operations"));
    let report = ops::import_content(
        &mut fx.store,
        &library_of(&[(SEED_PATH, &updated)]),
        &versus_core::store::Origin::Library,
    )
    .unwrap();
    assert_eq!(report.retired_items, 1);
}

/// A note on a key the library never had, as an import from another
/// library (or an older Versus) leaves it: written straight into the table.
fn write_orphan(fx: &Fixture, key: &NoteKey, body: &str) {
    fx.store
        .conn()
        .execute(
            "INSERT INTO note (comparison_id, section, item_id, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 1, 2)",
            rusqlite::params![key.comparison_id, key.section, key.item_id, body],
        )
        .unwrap();
}

#[test]
fn notes_on_a_retired_item_and_on_an_item_the_library_lacks_are_listed_with_what_is_known() {
    let mut fx = store_with(&seed_library());
    ops::save_note(&mut fx.store, &key(Section::Difference, "operations"), "ops note").unwrap();
    ops::save_note(&mut fx.store, &key(Section::Tradeoff, "flexibility-vs-ops"), "current note").unwrap();
    retire_operations(&mut fx);
    let missing_item = key(Section::Mistake, "never-in-the-library");
    let missing_comparison = NoteKey::new("gone-vs-forgotten", Section::Tradeoff, "speed");
    write_orphan(&fx, &missing_item, "orphan on a known comparison");
    write_orphan(&fx, &missing_comparison, "orphan on an unknown comparison");

    let listed = archived_notes(fx.store.conn()).unwrap();
    let by_key = |k: &NoteKey| listed.iter().find(|a| &a.note.key == k);
    assert_eq!(listed.len(), 3, "{listed:?}");
    assert!(
        by_key(&key(Section::Tradeoff, "flexibility-vs-ops")).is_none(),
        "a current note is not archived"
    );

    let retired = by_key(&key(Section::Difference, "operations")).expect("the retired item's note");
    assert_eq!(retired.comparison_title.as_deref(), Some("EC2 vs Lambda"));
    assert!(retired.item_text.as_deref().unwrap_or_default().contains("patching"));

    let orphan = by_key(&missing_item).expect("the note on an item the library lacks");
    assert_eq!(orphan.comparison_title.as_deref(), Some("EC2 vs Lambda"));
    assert_eq!(orphan.item_text, None);
    let lost = by_key(&missing_comparison).expect("the note on a comparison the library lacks");
    assert_eq!((lost.comparison_title.as_deref(), lost.item_text.as_deref()), (None, None));

    // The view's payload renders each note as the comparison page does.
    let shown = ops::archived_notes(&fx.store).unwrap();
    assert_eq!(shown.len(), 3);
    assert!(shown.iter().all(|v| v.html.contains("<p>")), "{shown:?}");
}

#[test]
fn deleting_a_current_items_note_is_refused_with_a_typed_error_and_changes_nothing() {
    let mut fx = store_with(&seed_library());
    let current = key(Section::Tradeoff, "flexibility-vs-ops");
    ops::save_note(&mut fx.store, &current, "keep me").unwrap();
    let err = ops::delete_archived_note(&mut fx.store, &current).unwrap_err();
    assert!(matches!(err, Error::NotArchived(_)), "{err:?}");
    assert_eq!(err.code(), "not_archived");
    assert_eq!(get_note(fx.store.conn(), &current).unwrap().unwrap().body, "keep me");
    assert!(ops::note_history(&fx.store, &current).unwrap().is_empty(), "a refusal writes no history");

    let nothing = key(Section::Difference, "operations");
    let err = ops::delete_archived_note(&mut fx.store, &nothing).unwrap_err();
    assert_eq!(err.code(), "unknown_note", "{err:?}");
}

#[test]
fn deleting_an_archived_note_clears_it_keeps_its_history_and_a_restore_brings_it_back() {
    let mut fx = store_with(&seed_library());
    let ops_key = key(Section::Difference, "operations");
    let at = 1_700_000_000_000;
    fx.store
        .transact("saving", |tx| notes::save_note_at(tx, &ops_key, "first draft of a long note", at))
        .unwrap();
    fx.store
        .transact("saving", |tx| notes::save_note_at(tx, &ops_key, "ops note, final", at + 3_600_000))
        .unwrap();
    retire_operations(&mut fx);

    let kept = ops::delete_archived_note(&mut fx.store, &ops_key).unwrap();
    assert_eq!(kept.body, "ops note, final");
    assert_eq!(get_note(fx.store.conn(), &ops_key).unwrap(), None);
    assert!(archived_notes(fx.store.conn()).unwrap().is_empty());
    let history: Vec<String> =
        ops::note_history(&fx.store, &ops_key).unwrap().into_iter().map(|v| v.body).collect();
    assert_eq!(history, ["ops note, final", "first draft of a long note"], "older versions stay too");

    let restored = ops::restore_note_version(&mut fx.store, &ops_key, kept.id).unwrap().unwrap();
    assert_eq!(restored.body, "ops note, final");
    assert_eq!(archived_notes(fx.store.conn()).unwrap().len(), 1, "the undo makes it archived again");
}

#[test]
fn a_note_on_an_item_the_library_lacks_has_a_history_and_can_be_deleted_and_restored() {
    let mut fx = store_with(&seed_library());
    let orphan = NoteKey::new("gone-vs-forgotten", Section::Tradeoff, "speed");
    write_orphan(&fx, &orphan, "orphan");
    assert!(ops::note_history(&fx.store, &orphan).unwrap().is_empty());
    let kept = ops::delete_archived_note(&mut fx.store, &orphan).unwrap();
    assert_eq!(ops::note_history(&fx.store, &orphan).unwrap().len(), 1);
    ops::restore_note_version(&mut fx.store, &orphan, kept.id).unwrap();
    assert_eq!(get_note(fx.store.conn(), &orphan).unwrap().unwrap().body, "orphan");

    // A key nobody wrote on is still unknown.
    let never = NoteKey::new("gone-vs-forgotten", Section::Tradeoff, "never");
    assert_eq!(ops::note_history(&fx.store, &never).unwrap_err().code(), "unknown_comparison");
}

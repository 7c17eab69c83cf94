//! Drafts across stores sharing one folder: saved, edited, discarded and
//! published anywhere, they end alike everywhere, the last writer winning;
//! a draft of a comparison a device lacks is kept; another device's
//! document is not checked as content but must read as a draft and be no
//! larger than one, refused one event at a time.

use std::path::Path;

use serde_json::json;
use versus_core::content::draft::MAX_DRAFT_BYTES;
use versus_core::ops::{self, SyncReport};
use versus_core::store::{comparison_source, Origin};
use versus_core::sync::folder::write_batch;

use crate::support::{own_draft, publish_own, seed_library, settings, store_with, Fixture, T0};

const FAKE: &str = "device-00000000000000dd";

fn sync(fx: &mut Fixture, folder: &Path, now: i64) -> SyncReport {
    ops::sync(&mut fx.store, folder, now, settings()).unwrap()
}

/// Every draft: (what it edits, what it was copied from, its title, its summary).
fn drafts(fx: &Fixture) -> Vec<(Option<String>, Option<String>, String, String)> {
    let mut all: Vec<_> = ops::list_drafts(&fx.store)
        .unwrap()
        .into_iter()
        .map(|d| {
            let draft = ops::get_draft(&fx.store, d.id).unwrap();
            (draft.comparison_id, draft.copied_from, draft.document.title, draft.document.summary)
        })
        .collect();
    all.sort();
    all
}

fn only_draft(fx: &Fixture) -> i64 {
    let all = ops::list_drafts(&fx.store).unwrap();
    assert_eq!(all.len(), 1, "{all:?}");
    all[0].id
}

fn set_summary(fx: &mut Fixture, id: i64, summary: &str) {
    let mut document = ops::get_draft(&fx.store, id).unwrap().document;
    document.summary = summary.into();
    ops::save_draft(&mut fx.store, id, &document).unwrap();
}

#[test]
fn a_draft_saved_on_one_device_is_edited_on_the_other_and_discarded_everywhere() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let mut unfinished = own_draft("Kafka vs Pulsar");
    unfinished.subjects.truncate(1);
    ops::create_draft(&mut a.store, &unfinished).unwrap();
    assert_eq!(sync(&mut a, folder.path(), T0).sent, 1);
    let report = sync(&mut b, folder.path(), T0 + 1);
    assert_eq!((report.received, report.skipped.len()), (1, 0), "{:?}", report.skipped);
    assert_eq!(drafts(&a), drafts(&b), "incomplete, and kept as it is");
    assert_eq!(sync(&mut b, folder.path(), T0 + 2).sent, 0, "what came in is not a change made here");

    let on_b = only_draft(&b);
    set_summary(&mut b, on_b, "Finished on the desktop.");
    assert_eq!(sync(&mut b, folder.path(), T0 + 3).sent, 1);
    assert_eq!(sync(&mut a, folder.path(), T0 + 4).received, 1);
    assert_eq!(drafts(&a)[0].3, "Finished on the desktop.");
    assert_eq!(drafts(&a), drafts(&b));

    let gone = only_draft(&a);
    ops::discard_draft(&mut a.store, gone).unwrap();
    assert_eq!(sync(&mut a, folder.path(), T0 + 5).sent, 1, "a tombstone");
    sync(&mut b, folder.path(), T0 + 6);
    assert!(drafts(&b).is_empty());
    assert_eq!(sync(&mut b, folder.path(), T0 + 7).sent, 0);
}

#[test]
fn edits_of_one_draft_on_both_devices_end_on_the_later_everywhere_and_the_other_is_kept_as_a_draft() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let on_a = ops::create_draft(&mut a.store, &own_draft("Kafka vs Pulsar")).unwrap();
    sync(&mut a, folder.path(), T0);
    sync(&mut b, folder.path(), T0 + 1);
    set_summary(&mut a, on_a, "On the laptop.");
    let on_b = only_draft(&b);
    set_summary(&mut b, on_b, "On the desktop, later.");
    sync(&mut a, folder.path(), T0 + 10);
    sync(&mut b, folder.path(), T0 + 20);
    sync(&mut a, folder.path(), T0 + 30);
    // The laptop's edit lost to a concurrent one: the laptop keeps it as a
    // draft of its own, which then travels like any draft.
    sync(&mut a, folder.path(), T0 + 40);
    sync(&mut b, folder.path(), T0 + 50);
    assert_eq!(drafts(&a), drafts(&b));
    let kept = format!("Kafka vs Pulsar{}", versus_core::sync::drafts::LOST_EDIT_SUFFIX);
    assert_eq!(
        drafts(&a),
        vec![
            (None, None, "Kafka vs Pulsar".to_string(), "On the desktop, later.".to_string()),
            (None, None, kept, "On the laptop.".to_string()),
        ]
    );
}

#[test]
fn an_edit_made_on_top_of_another_devices_keeps_no_copy() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let on_a = ops::create_draft(&mut a.store, &own_draft("Kafka vs Pulsar")).unwrap();
    set_summary(&mut a, on_a, "First, on the laptop.");
    sync(&mut a, folder.path(), T0);
    sync(&mut b, folder.path(), T0 + 1);
    let on_b = only_draft(&b);
    set_summary(&mut b, on_b, "Then on the desktop, having read it.");
    sync(&mut b, folder.path(), T0 + 2);
    sync(&mut a, folder.path(), T0 + 3);
    sync(&mut a, folder.path(), T0 + 4);
    sync(&mut b, folder.path(), T0 + 5);
    assert_eq!(drafts(&a), drafts(&b));
    assert_eq!(drafts(&a).len(), 1, "a later edit is no conflict: {:?}", drafts(&a));
    assert_eq!(drafts(&a)[0].3, "Then on the desktop, having read it.");
}

#[test]
fn a_draft_published_on_one_device_leaves_the_drafts_of_the_other_as_its_comparison_arrives() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let draft = ops::create_draft(&mut a.store, &own_draft("Kafka vs Pulsar")).unwrap();
    sync(&mut a, folder.path(), T0);
    sync(&mut b, folder.path(), T0 + 1);
    assert_eq!(drafts(&b).len(), 1);
    let id = ops::publish_draft(&mut a.store, draft).unwrap();
    assert_eq!(sync(&mut a, folder.path(), T0 + 2).sent, 2, "the comparison and the tombstone");
    let report = sync(&mut b, folder.path(), T0 + 3);
    assert!(report.comparisons.contains(&id));
    assert!(drafts(&b).is_empty());
    assert_eq!(comparison_source(b.store.conn(), &id).unwrap(), Some(Origin::Mine));

    // An edit begun there travels as an edit of it.
    let edit = ops::edit_comparison(&mut b.store, &id).unwrap();
    set_summary(&mut b, edit, "Edited on the desktop.");
    sync(&mut b, folder.path(), T0 + 4);
    sync(&mut a, folder.path(), T0 + 5);
    assert_eq!(
        drafts(&a),
        vec![(Some(id.clone()), None, "Kafka vs Pulsar".into(), "Edited on the desktop.".into())]
    );
}

#[test]
fn a_draft_of_a_comparison_this_device_lacks_or_already_edits_is_kept() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let id = publish_own(&mut a.store, &own_draft("Kafka vs Pulsar"));
    sync(&mut a, folder.path(), T0);
    sync(&mut b, folder.path(), T0 + 1);
    // Both open an edit of it before syncing again: one draft each.
    let (on_a, on_b) =
        (ops::edit_comparison(&mut a.store, &id).unwrap(), ops::edit_comparison(&mut b.store, &id).unwrap());
    set_summary(&mut a, on_a, "Laptop edit.");
    set_summary(&mut b, on_b, "Desktop edit.");
    let stamp = |n: u32| format!("{T0:015}-{n:06}-{FAKE}");
    let document = serde_json::to_string(&own_draft("Elsewhere")).unwrap();
    let elsewhere = json!({"kind": "draft", "id": stamp(1), "comparison": "not-here", "copied_from": null,
                           "document": document, "deleted": false, "stamp": stamp(1)});
    write_batch(folder.path(), FAKE, 1, &[elsewhere]).unwrap();
    sync(&mut a, folder.path(), T0 + 10);
    let report = sync(&mut b, folder.path(), T0 + 20);
    assert_eq!((report.received, report.skipped.len()), (2, 0), "{:?}", report.skipped);
    let on_b = drafts(&b);
    assert_eq!(on_b.len(), 3, "{on_b:?}");
    assert!(on_b.contains(&(
        Some("not-here".into()),
        None,
        "Elsewhere".into(),
        own_draft("Elsewhere").summary
    )));
    assert!(on_b.contains(&(Some(id.clone()), None, "Kafka vs Pulsar".into(), "Desktop edit.".into())));
    assert!(
        on_b.contains(&(None, Some(id.clone()), "Kafka vs Pulsar".into(), "Laptop edit.".into())),
        "a's edit kept as a copy: b has its own edit open"
    );
    sync(&mut a, folder.path(), T0 + 30);
    assert_eq!(drafts(&a).len(), 3, "{:?}", drafts(&a));
}

#[test]
fn a_draft_too_large_or_not_a_draft_document_is_refused_and_the_rest_taken_in() {
    let folder = tempfile::tempdir().unwrap();
    let mut b = store_with(&seed_library());
    let stamp = |n: u32| format!("{T0:015}-{n:06}-{FAKE}");
    let draft = |document: String, n: u32| {
        json!({"kind": "draft", "id": stamp(n), "comparison": null, "copied_from": null,
               "document": document, "deleted": false, "stamp": stamp(n)})
    };
    let mut big = own_draft("Big");
    big.summary = "x".repeat(MAX_DRAFT_BYTES);
    let events = vec![
        draft(serde_json::to_string(&big).unwrap(), 1),
        draft(json!({"title": "Odd", "colour": "red"}).to_string(), 2),
        draft("{\"title\": ".into(), 3),
        draft(json!({"title": "Half written"}).to_string(), 4),
    ];
    write_batch(folder.path(), FAKE, 1, &events).unwrap();
    let report = sync(&mut b, folder.path(), T0);
    assert_eq!(report.received, 1, "{:#?}", report.skipped);
    let said = report.skipped.join("\n");
    assert_eq!(report.skipped.len(), 3, "{said}");
    assert!(said.contains("a draft from another computer: a document of"), "{said}");
    assert!(said.contains("a draft from another computer: colour: unknown field"), "{said}");
    assert_eq!(drafts(&b), vec![(None, None, "Half written".into(), String::new())]);
}

#[test]
fn a_new_folder_gets_every_draft_and_tombstone_known() {
    let (old, new) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    ops::create_draft(&mut a.store, &own_draft("Kafka vs Pulsar")).unwrap();
    let gone = ops::create_draft(&mut a.store, &own_draft("Gone")).unwrap();
    ops::set_sync_folder(&mut a.store, Some(old.path())).unwrap();
    assert_eq!(sync(&mut a, old.path(), T0).sent, 2);
    ops::discard_draft(&mut a.store, gone).unwrap();
    sync(&mut a, old.path(), T0 + 1);
    ops::set_sync_folder(&mut a.store, Some(new.path())).unwrap();
    assert_eq!(sync(&mut a, new.path(), T0 + 2).sent, 2, "the draft and the tombstone");
    sync(&mut b, new.path(), T0 + 3);
    assert_eq!(drafts(&a), drafts(&b));
}

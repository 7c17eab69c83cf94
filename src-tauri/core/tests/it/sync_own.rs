//! The learner's own comparisons across stores sharing one folder: a
//! publish appears elsewhere with its cards; concurrent edits end on one
//! revision everywhere with the losing one kept as a draft where it was
//! made; an archive travels and keeps notes; notes, reviews and suspensions
//! that arrive before their comparison are applied once it does; another
//! device's document is checked like a publish, one event at a time.

use std::path::Path;

use serde_json::{json, Value};
use versus_core::content::Section;
use versus_core::notes::NoteKey;
use versus_core::ops::{self, SyncReport};
use versus_core::store::{comparison_document, comparison_source, Origin, Store};
use versus_core::study::drills::DrillAnswer;
use versus_core::study::Grade;
use versus_core::sync::folder::{read_batches, write_batch};

use crate::support::{clock, own_draft, publish_own, seed_library, settings, store_with, Fixture, T0};
use crate::sync_reviews::{cards, reviews, schedules};

const FAKE: &str = "device-00000000000000bb";

fn sync(fx: &mut Fixture, folder: &Path, now: i64) -> SyncReport {
    ops::sync(&mut fx.store, folder, now, settings()).unwrap()
}

/// Every event the devices in `folder` wrote, in device then batch order.
pub fn events_in(folder: &Path) -> Vec<Value> {
    let inbox = read_batches::<Value>(folder, "device-nobody-reads", &|_, _| false).unwrap();
    inbox.batches.into_iter().flat_map(|b| b.events).collect()
}

fn kind(event: &Value) -> &str {
    event["kind"].as_str().unwrap()
}

/// The stored document and archived flag of comparison `id`.
fn stored(store: &Store, id: &str) -> (String, bool) {
    store
        .conn()
        .query_row("SELECT document, retired FROM comparison WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap()
}

/// Edits comparison `id` of the learner's own: its summary becomes `summary`.
fn edit(fx: &mut Fixture, id: &str, summary: &str) {
    let draft = ops::edit_comparison(&mut fx.store, id).unwrap();
    let mut document = ops::get_draft(&fx.store, draft).unwrap().document;
    document.summary = summary.into();
    ops::save_draft(&mut fx.store, draft, &document).unwrap();
    ops::publish_draft(&mut fx.store, draft).unwrap();
}

fn summary(store: &Store, id: &str) -> String {
    comparison_document(store.conn(), id).unwrap().summary
}

fn card_keys(store: &Store, id: &str) -> Vec<crate::sync_reviews::Key> {
    cards(store).into_keys().filter(|k| k.0 == id).collect()
}

#[test]
fn a_comparison_published_on_one_device_appears_on_the_other_with_its_cards_and_nothing_bounces_back() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let id = publish_own(&mut a.store, &own_draft("Kafka vs Pulsar"));
    assert_eq!(sync(&mut a, folder.path(), T0).sent, 1);
    let report = sync(&mut b, folder.path(), T0 + 1);
    assert_eq!(report.received, 1);
    assert!(report.comparisons.contains(&id), "{:?}", report.comparisons);
    assert_eq!(comparison_source(b.store.conn(), &id).unwrap(), Some(Origin::Mine));
    assert_eq!(stored(&a.store, &id), stored(&b.store, &id));
    assert!(!card_keys(&b.store, &id).is_empty());
    assert_eq!(card_keys(&a.store, &id), card_keys(&b.store, &id));
    assert!(ops::list_comparisons(&b.store).unwrap().iter().any(|c| c.id == id));
    let query = versus_core::search::SearchQuery { text: "BookKeeper".into(), ..Default::default() };
    assert!(
        ops::search(&b.store, &query).unwrap().hits.iter().any(|h| h.comparison_id == id),
        "searchable there"
    );
    assert_eq!(sync(&mut b, folder.path(), T0 + 2).sent, 0, "what came in is not a change made here");
    assert_eq!(sync(&mut a, folder.path(), T0 + 3).received, 0);
    // Deleted for good there, it does not travel; a new comparison of the
    // same title takes a new id, never becoming a revision of the old one.
    ops::archive_comparison(&mut b.store, &id).unwrap();
    ops::delete_comparison(&mut b.store, &id).unwrap();
    assert_ne!(publish_own(&mut b.store, &own_draft("Kafka vs Pulsar")), id);
    sync(&mut b, folder.path(), T0 + 4);
    sync(&mut a, folder.path(), T0 + 5);
    assert!(!stored(&a.store, &id).1, "not archived, not deleted: a deletion stays where it was made");
}

#[test]
fn a_new_folder_gets_every_revision_known() {
    let (old, new) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let id = publish_own(&mut a.store, &own_draft("Kafka vs Pulsar"));
    ops::set_sync_folder(&mut a.store, Some(old.path())).unwrap();
    assert_eq!(sync(&mut a, old.path(), T0).sent, 1);
    ops::set_sync_folder(&mut a.store, Some(new.path())).unwrap();
    assert_eq!(sync(&mut a, new.path(), T0 + 1).sent, 1);
    sync(&mut b, new.path(), T0 + 2);
    assert_eq!(stored(&a.store, &id), stored(&b.store, &id));
}

#[test]
fn edits_on_both_devices_offline_end_on_one_revision_and_the_lost_one_is_a_draft_where_it_was_made() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let id = publish_own(&mut a.store, &own_draft("Kafka vs Pulsar"));
    sync(&mut a, folder.path(), T0);
    sync(&mut b, folder.path(), T0 + 1);
    edit(&mut a, &id, "Edited on the laptop.");
    edit(&mut b, &id, "Edited on the desktop.");
    sync(&mut a, folder.path(), T0 + 10);
    let on_b = sync(&mut b, folder.path(), T0 + 20);
    assert_eq!((on_b.sent, on_b.received), (1, 1));
    assert!(!on_b.comparisons.contains(&id), "the newer revision is b's own");
    let on_a = sync(&mut a, folder.path(), T0 + 30);
    assert!(on_a.comparisons.contains(&id));

    assert_eq!(stored(&a.store, &id), stored(&b.store, &id), "one revision everywhere");
    assert_eq!(summary(&a.store, &id), "Edited on the desktop.");
    assert!(ops::list_drafts(&b.store).unwrap().is_empty(), "b's revision won: nothing to keep there");
    let drafts = ops::list_drafts(&a.store).unwrap();
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    assert_eq!(drafts[0].title, "Kafka vs Pulsar (edited on this computer)");
    let draft = ops::get_draft(&a.store, drafts[0].id).unwrap();
    assert_eq!(
        draft.comparison_id.as_deref(),
        Some(id.as_str()),
        "an edit of the comparison, to publish again"
    );
    assert_eq!(draft.document.summary, "Edited on the laptop.");

    // Publishing the kept version again is a later revision, everywhere.
    ops::publish_draft(&mut a.store, draft.id).unwrap();
    sync(&mut a, folder.path(), T0 + 40);
    sync(&mut b, folder.path(), T0 + 50);
    assert_eq!(summary(&b.store, &id), "Edited on the laptop.");
    assert!(ops::list_drafts(&b.store).unwrap().is_empty(), "an edit made after b's is not concurrent");
    assert_eq!(stored(&a.store, &id), stored(&b.store, &id));
}

#[test]
fn a_lost_revision_is_kept_as_a_copy_when_an_edit_of_the_comparison_is_open_already() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let id = publish_own(&mut a.store, &own_draft("Kafka vs Pulsar"));
    sync(&mut a, folder.path(), T0);
    sync(&mut b, folder.path(), T0 + 1);
    edit(&mut a, &id, "Edited on the laptop.");
    let open = ops::edit_comparison(&mut a.store, &id).unwrap();
    edit(&mut b, &id, "Edited on the desktop.");
    sync(&mut a, folder.path(), T0 + 10);
    sync(&mut b, folder.path(), T0 + 20);
    sync(&mut a, folder.path(), T0 + 30);
    assert_eq!(summary(&a.store, &id), "Edited on the desktop.");
    let drafts = ops::list_drafts(&a.store).unwrap();
    assert_eq!(drafts.len(), 2, "{drafts:?}");
    assert_eq!(
        ops::get_draft(&a.store, open).unwrap().document.summary,
        "Edited on the laptop.",
        "left as it was"
    );
    let kept = drafts.iter().find(|d| d.id != open).unwrap();
    let kept = ops::get_draft(&a.store, kept.id).unwrap();
    assert_eq!((kept.comparison_id, kept.copied_from.as_deref()), (None, Some(id.as_str())));
    assert_eq!(kept.document.title, "Kafka vs Pulsar (edited on this computer)");
    assert_eq!(kept.document.summary, "Edited on the laptop.");
}

#[test]
fn an_edit_made_after_the_other_devices_revision_arrived_replaces_it_with_no_draft() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let id = publish_own(&mut a.store, &own_draft("Kafka vs Pulsar"));
    edit(&mut a, &id, "First edit, on the laptop.");
    sync(&mut a, folder.path(), T0);
    sync(&mut b, folder.path(), T0 + 1);
    edit(&mut b, &id, "Second edit, on the desktop.");
    sync(&mut b, folder.path(), T0 + 2);
    sync(&mut a, folder.path(), T0 + 3);
    assert_eq!(summary(&a.store, &id), "Second edit, on the desktop.");
    assert!(ops::list_drafts(&a.store).unwrap().is_empty());
}

#[test]
fn an_archive_travels_as_a_revision_and_the_other_devices_notes_on_it_stay() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let id = publish_own(&mut a.store, &own_draft("Kafka vs Pulsar"));
    sync(&mut a, folder.path(), T0);
    sync(&mut b, folder.path(), T0 + 1);
    let item = comparison_document(b.store.conn(), &id).unwrap().differences[0].id.clone();
    let note = NoteKey::new(&id, Section::Difference, &item);
    ops::save_note(&mut b.store, &note, "Written on the desktop.").unwrap();
    let cards_on_b = card_keys(&b.store, &id).len();

    ops::archive_comparison(&mut a.store, &id).unwrap();
    sync(&mut a, folder.path(), T0 + 2);
    let report = sync(&mut b, folder.path(), T0 + 3);
    assert!(report.comparisons.contains(&id));
    assert!(stored(&b.store, &id).1, "archived there too");
    assert!(ops::archived_comparisons(&b.store).unwrap().iter().any(|c| c.id == id && c.note_count == 1));
    let kept = versus_core::notes::get_note(b.store.conn(), &note).unwrap().unwrap();
    assert_eq!(kept.body, "Written on the desktop.");
    assert_eq!(card_keys(&b.store, &id).len(), cards_on_b, "cards kept for a restore");

    // The note b wrote reaches a, archived comparison or not; a restore travels back.
    ops::restore_comparison(&mut b.store, &id).unwrap();
    sync(&mut b, folder.path(), T0 + 4);
    sync(&mut a, folder.path(), T0 + 5);
    assert!(!stored(&a.store, &id).1, "restored everywhere");
    assert_eq!(
        versus_core::notes::get_note(a.store.conn(), &note).unwrap().unwrap().body,
        "Written on the desktop."
    );
}

#[test]
fn a_comparison_published_and_archived_before_any_sync_arrives_archived_with_its_cards_retired() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let id = publish_own(&mut a.store, &own_draft("Kafka vs Pulsar"));
    ops::archive_comparison(&mut a.store, &id).unwrap();
    sync(&mut a, folder.path(), T0);
    sync(&mut b, folder.path(), T0 + 1);
    assert_eq!(stored(&a.store, &id), stored(&b.store, &id));
    assert!(stored(&b.store, &id).1);
    assert_eq!(schedules(&a.store), schedules(&b.store), "the same cards, retired, as archiving leaves them");
    assert!(!ops::list_comparisons(&b.store).unwrap().iter().any(|c| c.id == id));
}

/// The events the devices in `folder` wrote: (comparison revisions, the rest).
pub fn split(folder: &Path) -> (Vec<Value>, Vec<Value>) {
    events_in(folder).into_iter().partition(|e| kind(e) == "comparison")
}

#[test]
fn notes_reviews_and_suspensions_on_a_comparison_that_arrives_later_are_applied_once_it_does() {
    let (first, folder) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let id = publish_own(&mut a.store, &own_draft("Kafka vs Pulsar"));
    let item = comparison_document(a.store.conn(), &id).unwrap().differences[0].id.clone();
    let note = NoteKey::new(&id, Section::Difference, &item);
    ops::save_note(&mut a.store, &note, "Written before the comparison reached the desktop.").unwrap();
    let mut on_a = cards(&a.store).into_iter().filter(|(k, _)| k.0 == id);
    let (graded, suspended) = (on_a.next().unwrap(), on_a.next().unwrap());
    ops::grade_card(&mut a.store, graded.1, Grade::Good, clock(T0), settings()).unwrap();
    ops::suspend_card(&mut a.store, suspended.1, true).unwrap();
    sync(&mut a, first.path(), T0 + 1);

    // The note, the review and the suspension in one batch, the comparison in a later one.
    let (own, rest) = split(first.path());
    write_batch(folder.path(), FAKE, 1, &rest).unwrap();
    let report = sync(&mut b, folder.path(), T0 + 2);
    assert_eq!((report.received, report.skipped.len()), (3, 0), "{:?}", report.skipped);
    assert!(reviews(&b.store).is_empty(), "the review waits for its card");
    write_batch(folder.path(), FAKE, 2, &own).unwrap();
    let report = sync(&mut b, folder.path(), T0 + 3);
    assert_eq!(report.received, 1);
    assert!(report.comparisons.contains(&id));

    let body = versus_core::notes::get_note(b.store.conn(), &note).unwrap().map(|n| n.body);
    assert_eq!(body.as_deref(), Some("Written before the comparison reached the desktop."));
    assert!(!versus_core::notes::is_archived(b.store.conn(), &note).unwrap(), "on a current part");
    assert_eq!(
        reviews(&a.store),
        reviews(&b.store),
        "the review is logged in the sync that brought its card"
    );
    assert_eq!(schedules(&a.store)[&graded.0], schedules(&b.store)[&graded.0]);
    assert!(schedules(&b.store)[&suspended.0].7, "suspended as on the other device");
}

#[test]
fn a_comparison_after_its_notes_reviews_and_suspensions_in_one_batch_brings_them_all_at_once() {
    let (first, folder) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let id = publish_own(&mut a.store, &own_draft("Kafka vs Pulsar"));
    let item = comparison_document(a.store.conn(), &id).unwrap().tradeoffs[0].id.clone();
    let note = NoteKey::new(&id, Section::Tradeoff, &item);
    ops::save_note(&mut a.store, &note, "In the same batch.").unwrap();
    let (key, card) = cards(&a.store).into_iter().find(|(k, _)| k.0 == id).unwrap();
    ops::grade_card(&mut a.store, card, Grade::Hard, clock(T0), settings()).unwrap();
    ops::suspend_card(&mut a.store, card, true).unwrap();
    sync(&mut a, first.path(), T0 + 1);
    let (own, rest) = split(first.path());
    write_batch(folder.path(), FAKE, 1, &[rest, own].concat()).unwrap();

    let report = sync(&mut b, folder.path(), T0 + 2);
    assert_eq!((report.received, report.skipped.len()), (4, 0), "{:?}", report.skipped);
    assert_eq!(
        versus_core::notes::get_note(b.store.conn(), &note).unwrap().unwrap().body,
        "In the same batch."
    );
    assert_eq!(reviews(&a.store), reviews(&b.store));
    assert_eq!(schedules(&a.store)[&key], schedules(&b.store)[&key]);
}

#[test]
fn a_document_failing_the_content_checks_or_naming_a_library_comparison_is_refused_and_the_rest_taken_in() {
    let folder = tempfile::tempdir().unwrap();
    let mut a = store_with(&seed_library());
    let mut b = store_with(&seed_library());
    let id = publish_own(&mut a.store, &own_draft("Kafka vs Pulsar"));
    let good = serde_json::to_value(comparison_document(a.store.conn(), &id).unwrap()).unwrap();
    let library =
        serde_json::to_value(comparison_document(b.store.conn(), "ec2-vs-lambda").unwrap()).unwrap();
    let library_before = stored(&b.store, "ec2-vs-lambda");
    let stamp = |n: u32| format!("{T0:015}-{n:06}-{FAKE}");
    let revision = |id: &str, document: String, n: u32| json!({"kind": "comparison", "id": id, "document": document, "archived": false, "stamp": stamp(n)});
    let mut no_subjects = good.clone();
    no_subjects["id"] = json!("no-subjects");
    no_subjects["subjects"] = json!([]);
    let mut wrong_type = good.clone();
    wrong_type["id"] = json!("wrong-type");
    wrong_type["differences"][1]["text"] = json!(5);
    let mut hijack = library.clone();
    hijack["title"] = json!("Replaced from elsewhere");
    let events = vec![
        revision("no-subjects", no_subjects.to_string(), 1),
        revision("wrong-type", wrong_type.to_string(), 2),
        revision("not-json", "{\"id\": ".into(), 3),
        revision("ec2-vs-lambda", hijack.to_string(), 4),
        revision("too-large", "x".repeat(versus_core::sync::own::MAX_DOCUMENT_BYTES + 1), 5),
        revision("other-id", good.to_string(), 6),
        revision(&id, good.to_string(), 7),
        json!({"kind": "note", "comparison": id, "section": "difference", "item": "x", "body": "kept",
               "stamp": stamp(8)}),
    ];
    write_batch(folder.path(), FAKE, 1, &events).unwrap();
    let report = sync(&mut b, folder.path(), T0);
    assert_eq!(report.received, 2, "{:#?}", report.skipped);
    assert_eq!(report.skipped.len(), 6, "{:#?}", report.skipped);
    let said = report.skipped.join("\n");
    for expected in [
        "the comparison no-subjects from another computer: subjects: needs 2 to 4 subjects",
        "the comparison wrong-type from another computer: differences[1].text: invalid type",
        "the comparison not-json from another computer",
        "the comparison ec2-vs-lambda from another computer: its id is a library comparison here",
        "the comparison too-large from another computer: a document of",
        "the comparison other-id from another computer: id:",
    ] {
        assert!(said.contains(expected), "{expected:?} not in\n{said}");
    }
    assert_eq!(stored(&b.store, "ec2-vs-lambda"), library_before, "library content is never replaced");
    assert_eq!(comparison_source(b.store.conn(), &id).unwrap(), Some(Origin::Mine));
    for refused in ["no-subjects", "wrong-type", "not-json", "too-large", "other-id"] {
        assert_eq!(comparison_source(b.store.conn(), refused).unwrap(), None);
    }
}

/// A drill as the list shows it, less its row id (which differs by store):
/// comparison, its title, started, submitted, seconds, answer, grade.
type DrillRow = (String, String, i64, i64, i64, String, Option<i64>);

fn drills(store: &Store) -> Vec<DrillRow> {
    ops::list_drills(store, 100)
        .unwrap()
        .into_iter()
        .map(|d| {
            (
                d.comparison_id,
                d.comparison_title,
                d.started_at,
                d.submitted_at,
                d.seconds_used,
                d.answer,
                d.grade,
            )
        })
        .collect()
}

fn drill_on(comparison: &str, answer: &str, grade: Option<Grade>) -> DrillAnswer {
    DrillAnswer {
        comparison_id: comparison.into(),
        started_at: T0 - 60_000,
        seconds_used: 58,
        answer: answer.into(),
        grade,
    }
}

#[test]
fn a_drill_made_on_one_device_appears_once_on_the_other_and_a_later_grade_follows_it() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let id = publish_own(&mut a.store, &own_draft("Kafka vs Pulsar"));
    let ungraded = drill_on("ec2-vs-lambda", "EC2 when you need the box.", None);
    let on_a = ops::submit_drill(&mut a.store, &ungraded, clock(T0), settings()).unwrap();
    let graded = drill_on(&id, "Kafka for the ecosystem.", Some(Grade::Good));
    ops::submit_drill(&mut a.store, &graded, clock(T0 + 1), settings()).unwrap();
    assert_eq!(sync(&mut a, folder.path(), T0 + 2).sent, 4, "the comparison, a review and two drills");
    let report = sync(&mut b, folder.path(), T0 + 3);
    assert_eq!((report.received, report.skipped.len()), (4, 0), "{:?}", report.skipped);
    assert_eq!(drills(&b.store).len(), 2);
    assert_eq!(drills(&a.store), drills(&b.store), "every field, the comparison's title included");
    assert_eq!(reviews(&a.store), reviews(&b.store), "taking a drill in grades no card a second time");
    for at in [T0 + 4, T0 + 5] {
        sync(&mut a, folder.path(), at);
        sync(&mut b, folder.path(), at);
    }
    assert_eq!(drills(&b.store).len(), 2, "once");

    // Graded later on a, the grade follows; graded again on b, the later grade wins.
    ops::grade_drill(&mut a.store, on_a, Grade::Hard, clock(T0 + 6), settings()).unwrap();
    sync(&mut a, folder.path(), T0 + 6);
    sync(&mut b, folder.path(), T0 + 7);
    assert_eq!(drills(&a.store), drills(&b.store));
    let on_b =
        ops::list_drills(&b.store, 100).unwrap().into_iter().find(|d| d.comparison_id == "ec2-vs-lambda");
    ops::grade_drill(&mut b.store, on_b.unwrap().id, Grade::Easy, clock(T0 + 8), settings()).unwrap();
    sync(&mut b, folder.path(), T0 + 8);
    sync(&mut a, folder.path(), T0 + 9);
    assert_eq!(drills(&a.store), drills(&b.store));
    assert!(drills(&a.store).iter().any(|d| d.0 == "ec2-vs-lambda" && d.6 == Some(Grade::Easy as i64)));
    assert_eq!(reviews(&a.store), reviews(&b.store));

    // Deleted for good on b with its comparison, the drill stays gone there.
    ops::archive_comparison(&mut b.store, &id).unwrap();
    ops::delete_comparison(&mut b.store, &id).unwrap();
    ops::set_sync_folder(&mut a.store, Some(folder.path())).unwrap();
    ops::set_sync_folder(&mut a.store, Some(tempfile::tempdir().unwrap().path())).unwrap();
    for at in [T0 + 10, T0 + 11] {
        sync(&mut b, folder.path(), at);
        sync(&mut a, folder.path(), at);
    }
    assert!(drills(&b.store).iter().all(|d| d.0 != id), "{:?}", drills(&b.store));
    assert_eq!(
        comparison_source(b.store.conn(), &id).unwrap(),
        None,
        "revisions known already bring nothing back"
    );
    assert_eq!(drills(&a.store).len(), 2, "a deletion for good stays where it was made");
}

#[test]
fn a_drill_on_a_comparison_this_device_lacks_is_kept_and_a_malformed_one_refused() {
    let folder = tempfile::tempdir().unwrap();
    let mut b = store_with(&seed_library());
    let stamp = |n: u32| format!("{T0:015}-{n:06}-{FAKE}");
    let drill = |comparison: &str, answer: String, grade: Value, started_at: i64, n: u32| {
        json!({"kind": "drill", "id": stamp(n), "comparison": comparison, "started_at": started_at,
               "submitted_at": T0, "seconds_used": 30, "answer": answer, "grade": grade, "stamp": stamp(n)})
    };
    let events = vec![
        drill("arrives-later", "Kept.".into(), json!(3), T0 - 30_000, 1),
        drill("ec2-vs-lambda", "x".repeat(versus_core::notes::MAX_NOTE_BYTES + 1), json!(null), T0, 2),
        drill("ec2-vs-lambda", "A grade of 7.".into(), json!(7), T0, 3),
        drill("ec2-vs-lambda", "Started before time began.".into(), json!(null), -5, 4),
        drill("", "No comparison.".into(), json!(null), T0, 5),
    ];
    write_batch(folder.path(), FAKE, 1, &events).unwrap();
    let report = sync(&mut b, folder.path(), T0 + 1);
    assert_eq!((report.received, report.skipped.len()), (1, 4), "{:#?}", report.skipped);
    assert!(report.skipped.iter().all(|s| s.starts_with("a drill on")), "{:#?}", report.skipped);
    let kept = drills(&b.store);
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (kept[0].0.as_str(), kept[0].1.as_str(), kept[0].6),
        ("arrives-later", "arrives-later", Some(3))
    );
    assert!(reviews(&b.store).is_empty(), "taking a drill in grades no card");
}

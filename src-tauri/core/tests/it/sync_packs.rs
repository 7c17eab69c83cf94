//! Installed packs across stores sharing one folder: an install, a newer
//! version and a removal travel, the pack itself with them (no file needed
//! on the other device); another device's pack is checked like a pack file,
//! one event at a time; what hangs on a pack's comparisons (a note) and
//! arrives before the pack is applied once it does; a pack too large for a
//! batch stays where it is, said, and the sync goes on.

use std::path::Path;

use serde_json::{json, Value};
use versus_core::content::pack::{parse_pack, Pack};
use versus_core::content::Section;
use versus_core::notes::{get_note, is_archived, NoteKey};
use versus_core::ops::{self, SyncReport};
use versus_core::store::{comparison_document, comparison_source, Origin, Store};
use versus_core::sync::folder::write_batch;

use crate::support::{clock, seed_json, seed_library, settings, store_with, Fixture, T0};
use crate::sync_own::events_in;
use crate::sync_reviews::{cards, reviews, schedules};

const FAKE: &str = "device-00000000000000cc";

fn sync(fx: &mut Fixture, folder: &Path, now: i64) -> SyncReport {
    ops::sync(&mut fx.store, folder, now, settings()).unwrap()
}

/// The seed comparison under another id and title, in the content format.
fn comparison(id: &str, title: &str) -> Value {
    let mut c = seed_json();
    c["id"] = json!(id);
    c["title"] = json!(title);
    c
}

fn pack_json(version: &str, comparisons: Vec<Value>) -> Value {
    json!({
        "format": "versus-pack", "format_version": 1, "id": "streaming", "name": "Streaming",
        "version": version, "author": "Test Author", "description": "A pack written by the tests.",
        "comparisons": comparisons
    })
}

fn pack(version: &str, comparisons: Vec<Value>) -> Pack {
    parse_pack("streaming.versuspack", &serde_json::to_vec(&pack_json(version, comparisons)).unwrap())
        .unwrap()
}

fn install(fx: &mut Fixture, pack: &Pack) {
    ops::install_pack(&mut fx.store, "streaming.versuspack", pack, &mut |_, _| {}).unwrap();
}

fn retired(store: &Store, id: &str) -> bool {
    store.conn().query_row("SELECT retired FROM comparison WHERE id = ?1", [id], |r| r.get(0)).unwrap()
}

fn installed(store: &Store) -> Vec<(String, String)> {
    ops::list_packs(store).unwrap().into_iter().map(|p| (p.id, p.version)).collect()
}

fn pack_cards(store: &Store, id: &str) -> Vec<crate::sync_reviews::Key> {
    cards(store).into_keys().filter(|k| k.0 == id).collect()
}

#[test]
fn a_pack_installed_on_one_device_is_installed_on_the_other_with_its_comparisons_and_cards() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    install(&mut a, &pack("1.0", vec![comparison("kafka-vs-pulsar", "Kafka vs Pulsar")]));
    assert_eq!(sync(&mut a, folder.path(), T0).sent, 1);
    let report = sync(&mut b, folder.path(), T0 + 1);
    assert_eq!((report.received, report.skipped.len()), (1, 0), "{:?}", report.skipped);
    assert_eq!(report.comparisons, vec!["kafka-vs-pulsar".to_string()]);
    assert_eq!(installed(&b.store), vec![("streaming".into(), "1.0".into())]);
    assert_eq!(
        comparison_source(b.store.conn(), "kafka-vs-pulsar").unwrap(),
        Some(Origin::Pack("streaming".into()))
    );
    assert_eq!(
        comparison_document(a.store.conn(), "kafka-vs-pulsar").unwrap(),
        comparison_document(b.store.conn(), "kafka-vs-pulsar").unwrap()
    );
    assert!(!pack_cards(&b.store, "kafka-vs-pulsar").is_empty());
    assert_eq!(pack_cards(&a.store, "kafka-vs-pulsar"), pack_cards(&b.store, "kafka-vs-pulsar"));
    assert_eq!(sync(&mut b, folder.path(), T0 + 2).sent, 0, "what came in is not a change made here");
    assert_eq!(sync(&mut a, folder.path(), T0 + 3).received, 0);
}

#[test]
fn a_new_folder_gets_every_installed_pack() {
    let (old, new) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    install(&mut a, &pack("1.0", vec![comparison("kafka-vs-pulsar", "Kafka vs Pulsar")]));
    ops::set_sync_folder(&mut a.store, Some(old.path())).unwrap();
    assert_eq!(sync(&mut a, old.path(), T0).sent, 1);
    ops::set_sync_folder(&mut a.store, Some(new.path())).unwrap();
    assert_eq!(sync(&mut a, new.path(), T0 + 1).sent, 1);
    sync(&mut b, new.path(), T0 + 2);
    assert_eq!(installed(&b.store), vec![("streaming".into(), "1.0".into())]);
}

#[test]
fn a_newer_version_updates_the_other_device_and_a_removal_archives_its_comparisons_keeping_notes() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let (kafka, nats) =
        (comparison("kafka-vs-pulsar", "Kafka vs Pulsar"), comparison("nats-vs-redis", "NATS"));
    install(&mut a, &pack("1.0", vec![kafka.clone(), nats]));
    sync(&mut a, folder.path(), T0);
    sync(&mut b, folder.path(), T0 + 1);
    let note = NoteKey::new("kafka-vs-pulsar", Section::Tradeoff, "flexibility-vs-ops");
    ops::save_note(&mut b.store, &note, "Written on the desktop.").unwrap();

    let mut renamed = kafka;
    renamed["title"] = json!("Kafka vs Pulsar, again");
    install(&mut a, &pack("2.0", vec![renamed]));
    sync(&mut a, folder.path(), T0 + 2);
    let report = sync(&mut b, folder.path(), T0 + 3);
    assert_eq!(
        (report.sent, report.received),
        (1, 1),
        "b's note went, a's update came: {:?}",
        report.skipped
    );
    assert_eq!(installed(&b.store), vec![("streaming".into(), "2.0".into())]);
    assert_eq!(
        comparison_document(b.store.conn(), "kafka-vs-pulsar").unwrap().title,
        "Kafka vs Pulsar, again"
    );
    assert!(retired(&b.store, "nats-vs-redis"), "dropped by the newer version");
    let mut changed = report.comparisons.clone();
    changed.sort();
    assert_eq!(changed, vec!["kafka-vs-pulsar".to_string(), "nats-vs-redis".to_string()]);

    ops::remove_pack(&mut a.store, "streaming").unwrap();
    sync(&mut a, folder.path(), T0 + 4);
    let report = sync(&mut b, folder.path(), T0 + 5);
    assert!(report.comparisons.contains(&"kafka-vs-pulsar".to_string()));
    assert!(installed(&b.store).is_empty());
    assert!(retired(&b.store, "kafka-vs-pulsar"));
    assert_eq!(get_note(b.store.conn(), &note).unwrap().unwrap().body, "Written on the desktop.");
    assert!(is_archived(b.store.conn(), &note).unwrap());

    // Installed again from its file there, it comes back everywhere, the note attached.
    install(&mut b, &pack("2.0", vec![comparison("kafka-vs-pulsar", "Kafka vs Pulsar, again")]));
    sync(&mut b, folder.path(), T0 + 6);
    sync(&mut a, folder.path(), T0 + 7);
    assert_eq!(installed(&a.store), vec![("streaming".into(), "2.0".into())]);
    assert!(!retired(&a.store, "kafka-vs-pulsar"));
    assert!(!is_archived(a.store.conn(), &note).unwrap());
}

#[test]
fn a_malformed_or_hijacking_pack_is_refused_naming_pack_and_field_and_the_rest_is_taken_in() {
    let folder = tempfile::tempdir().unwrap();
    let mut b = store_with(&seed_library());
    let library_before = comparison_document(b.store.conn(), "ec2-vs-lambda").unwrap();
    let stamp = |n: u32| format!("{T0:015}-{n:06}-{FAKE}");
    let event = |id: &str, pack: Value, n: u32| json!({"kind": "pack", "id": id, "removed": false, "pack": pack, "stamp": stamp(n)});
    let mut no_subjects = comparison("bad-doc", "Bad");
    no_subjects["subjects"] = json!([]);
    let mut bad = pack_json("1.0", vec![no_subjects]);
    bad["id"] = json!("bad");
    let mut hijack = pack_json("1.0", vec![comparison("ec2-vs-lambda", "Replaced from elsewhere")]);
    hijack["id"] = json!("hijack");
    let mut unknown_field = pack_json("1.0", vec![comparison("x-vs-y", "X vs Y")]);
    unknown_field["id"] = json!("odd");
    unknown_field["extra"] = json!(1);
    let events = vec![
        event("bad", bad, 1),
        event("hijack", hijack, 2),
        event("odd", unknown_field, 3),
        event("other", pack_json("1.0", vec![comparison("x-vs-y", "X vs Y")]), 4),
        json!({"kind": "pack", "id": "empty", "removed": false, "pack": null, "stamp": stamp(5)}),
        event("streaming", pack_json("1.0", vec![comparison("kafka-vs-pulsar", "Kafka vs Pulsar")]), 6),
        json!({"kind": "note", "comparison": "ec2-vs-lambda", "section": "difference", "item": "x",
               "body": "kept", "stamp": stamp(7)}),
    ];
    write_batch(folder.path(), FAKE, 1, &events).unwrap();
    let report = sync(&mut b, folder.path(), T0);
    assert_eq!(report.received, 2, "{:#?}", report.skipped);
    let said = report.skipped.join("\n");
    for expected in [
        "the pack bad from another computer: comparisons[0].subjects: needs 2 to 4 subjects",
        "the pack hijack from another computer: comparisons[0].id: \"ec2-vs-lambda\"",
        "the pack odd from another computer: extra: unknown field",
        "the pack other from another computer: id: the pack names another pack",
        "the pack empty from another computer: pack: missing",
    ] {
        assert!(said.contains(expected), "{expected:?} in {said}");
    }
    assert_eq!(report.skipped.len(), 5, "{said}");
    assert_eq!(installed(&b.store), vec![("streaming".into(), "1.0".into())]);
    assert_eq!(comparison_document(b.store.conn(), "ec2-vs-lambda").unwrap(), library_before);
    assert_eq!(comparison_source(b.store.conn(), "ec2-vs-lambda").unwrap(), Some(Origin::Library));
    assert_eq!(comparison_source(b.store.conn(), "bad-doc").unwrap(), None);
    assert_eq!(sync(&mut b, folder.path(), T0 + 1).sent, 0, "what b took in is not sent back");
}

#[test]
fn a_note_review_and_suspension_on_a_pack_comparison_that_arrive_before_the_pack_are_applied_once_it_does() {
    let (first, folder) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    install(&mut a, &pack("1.0", vec![comparison("kafka-vs-pulsar", "Kafka vs Pulsar")]));
    let note = NoteKey::new("kafka-vs-pulsar", Section::Difference, "control");
    ops::save_note(&mut a.store, &note, "Written before the pack reached the desktop.").unwrap();
    let mut on_a = cards(&a.store).into_iter().filter(|(k, _)| k.0 == "kafka-vs-pulsar");
    let ((key, card), (graded, graded_card)) = (on_a.next().unwrap(), on_a.next().unwrap());
    ops::suspend_card(&mut a.store, card, true).unwrap();
    ops::grade_card(&mut a.store, graded_card, versus_core::study::Grade::Good, clock(T0), settings())
        .unwrap();
    sync(&mut a, first.path(), T0);
    let (packs, rest): (Vec<Value>, Vec<Value>) =
        events_in(first.path()).into_iter().partition(|e| e["kind"] == "pack");
    write_batch(folder.path(), FAKE, 1, &rest).unwrap();
    let report = sync(&mut b, folder.path(), T0 + 1);
    assert_eq!((report.received, report.skipped.len()), (3, 0), "{:?}", report.skipped);
    assert!(is_archived(b.store.conn(), &note).unwrap(), "kept, waiting for its comparison");
    assert!(reviews(&b.store).is_empty(), "the review waits for its card");

    write_batch(folder.path(), FAKE, 2, &packs).unwrap();
    let report = sync(&mut b, folder.path(), T0 + 2);
    assert_eq!(report.received, 1);
    assert!(report.comparisons.contains(&"kafka-vs-pulsar".to_string()));
    let body = get_note(b.store.conn(), &note).unwrap().map(|n| n.body);
    assert_eq!(body.as_deref(), Some("Written before the pack reached the desktop."));
    assert!(!is_archived(b.store.conn(), &note).unwrap(), "on a current part");
    let suspended: bool = b
        .store
        .conn()
        .query_row(
            "SELECT suspended FROM card WHERE comparison_id = ?1 AND kind = ?2 AND section = ?3 AND item_id = ?4",
            [&key.0, &key.1, &key.2, &key.3],
            |r| r.get(0),
        )
        .unwrap();
    assert!(suspended, "the suspension that waited for the card is applied");
    assert_eq!(
        reviews(&a.store),
        reviews(&b.store),
        "the review is logged in the sync that brought its card"
    );
    assert_eq!(schedules(&a.store)[&graded], schedules(&b.store)[&graded]);
}

#[test]
fn a_pack_too_large_for_one_batch_is_not_sent_said_and_the_rest_of_the_sync_goes_on() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let big: Vec<Value> = (0..3)
        .map(|i| {
            let mut c = comparison(&format!("big-{i}"), &format!("Big {i}"));
            c["summary"] = json!("x".repeat(6 * 1024 * 1024));
            c
        })
        .collect();
    install(&mut a, &pack("1.0", big));
    let note = NoteKey::new("ec2-vs-lambda", Section::Difference, "control");
    ops::save_note(&mut a.store, &note, "Still sent.").unwrap();
    let report = sync(&mut a, folder.path(), T0);
    assert_eq!(report.sent, 1, "the note");
    assert!(
        report
            .skipped
            .iter()
            .any(|s| s.contains("the pack \"Streaming\" is not sent") && s.contains("16 MiB")),
        "{:?}",
        report.skipped
    );
    sync(&mut b, folder.path(), T0 + 1);
    assert!(installed(&b.store).is_empty());
    assert_eq!(get_note(b.store.conn(), &note).unwrap().unwrap().body, "Still sent.");
}

//! Reviews and suspensions across stores sharing one folder: reviews merge
//! as a union and every device replays each card to the same schedule; an
//! undo takes a review out everywhere; the later suspension wins; a review
//! for a card a device lacks waits for it; events no device should send
//! are refused one by one.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use versus_core::ops::{self, SyncReport};
use versus_core::store::Store;
use versus_core::study::Grade;

use crate::support::{clock, own_draft, publish_own, seed_library, settings, store_with, Fixture, DAY, T0};

/// A card as devices know it: (comparison, kind, section, item).
pub type Key = (String, String, String, String);

/// Every schedule column of a card, floats as bits so equality is exact.
pub type Schedule = (String, Option<u64>, Option<u64>, Option<i64>, Option<i64>, i64, i64, bool);

pub fn sync(fx: &mut Fixture, folder: &Path, now: i64) -> SyncReport {
    ops::sync(&mut fx.store, folder, now, settings()).unwrap()
}

/// The library's cards (not the learner's own), by key.
pub fn cards(store: &Store) -> BTreeMap<Key, i64> {
    store
        .conn()
        .prepare("SELECT comparison_id, kind, section, item_id, id FROM card WHERE kind <> 'custom'")
        .unwrap()
        .query_map([], |r| Ok(((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?), r.get(4)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Every review in the log, as (card key, reviewed_at, grade).
pub fn reviews(store: &Store) -> BTreeSet<(Key, i64, i64)> {
    store
        .conn()
        .prepare(
            "SELECT c.comparison_id, c.kind, c.section, c.item_id, r.reviewed_at, r.grade
             FROM review_log r JOIN card c ON c.id = r.card_id",
        )
        .unwrap()
        .query_map([], |r| Ok(((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?), r.get(4)?, r.get(5)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

pub fn review_count(store: &Store) -> usize {
    store.conn().query_row("SELECT count(*) FROM review_log", [], |r| r.get::<_, i64>(0)).unwrap() as usize
}

/// Every card's schedule columns and suspension, by key.
pub fn schedules(store: &Store) -> BTreeMap<Key, Schedule> {
    store
        .conn()
        .prepare(
            "SELECT comparison_id, kind, section, item_id, state, stability, difficulty, due, last_review, reps,
                    lapses, suspended
             FROM card WHERE kind <> 'custom'",
        )
        .unwrap()
        .query_map([], |r| {
            let bits = |v: Option<f64>| v.map(f64::to_bits);
            Ok((
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?),
                (
                    r.get(4)?,
                    bits(r.get(5)?),
                    bits(r.get(6)?),
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                    r.get(10)?,
                    r.get(11)?,
                ),
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Every column of every review but its row ids, by card key and time.
fn review_columns(store: &Store) -> BTreeMap<(Key, i64), Vec<String>> {
    store
        .conn()
        .prepare(
            "SELECT c.comparison_id, c.kind, c.section, c.item_id, r.reviewed_at,
                    json_array(r.grade, r.elapsed_days, r.before_state, r.before_stability, r.before_difficulty,
                               r.before_due, r.before_last_review, r.before_reps, r.before_lapses, r.after_state,
                               r.after_stability, r.after_difficulty, r.after_due)
             FROM review_log r JOIN card c ON c.id = r.card_id",
        )
        .unwrap()
        .query_map([], |r| Ok((((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?), r.get(4)?), vec![r.get(5)?])))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn grade(fx: &mut Fixture, card: i64, grade: Grade, at: i64) {
    ops::grade_card(&mut fx.store, card, grade, clock(at), settings()).unwrap();
}

/// Three distinct cards of the seed library, as ids in `fx`, with their keys.
fn three_cards(fx: &Fixture) -> Vec<(Key, i64)> {
    cards(&fx.store).into_iter().take(3).collect()
}

#[test]
fn two_devices_grading_different_and_the_same_cards_offline_end_with_the_same_reviews_and_schedules() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let picked = three_cards(&a);
    let (ka, kb) = (cards(&a.store), cards(&b.store));
    let on = |ids: &BTreeMap<Key, i64>, i: usize| ids[&picked[i].0];
    grade(&mut a, on(&ka, 0), Grade::Good, T0);
    grade(&mut a, on(&ka, 1), Grade::Again, T0 + DAY);
    grade(&mut a, on(&ka, 0), Grade::Good, T0 + 3 * DAY);
    // The other device grades the same first card between the two grades above.
    grade(&mut b, on(&kb, 0), Grade::Hard, T0 + 2 * DAY);
    grade(&mut b, on(&kb, 2), Grade::Easy, T0 + 2 * DAY + 1);

    let first = sync(&mut a, folder.path(), T0 + 4 * DAY);
    assert_eq!((first.sent, first.received), (3, 0));
    let second = sync(&mut b, folder.path(), T0 + 4 * DAY + 1);
    assert_eq!((second.sent, second.received), (2, 3));
    assert_eq!(second.comparisons, vec!["ec2-vs-lambda".to_string()], "the replayed cards' comparison");
    let third = sync(&mut a, folder.path(), T0 + 4 * DAY + 2);
    assert_eq!(third.received, 2);

    assert_eq!(reviews(&a.store).len(), 5);
    assert_eq!(reviews(&a.store), reviews(&b.store));
    assert_eq!(schedules(&a.store), schedules(&b.store));
    assert_eq!(review_columns(&a.store), review_columns(&b.store), "every review's before and after alike");
    let first_card = &schedules(&a.store)[&picked[0].0];
    assert_eq!((first_card.0.as_str(), first_card.4, first_card.5), ("review", Some(T0 + 3 * DAY), 3));

    // Undo after a replay still puts back the exact state before the review.
    let before_undo = review_columns(&a.store)[&(picked[0].0.clone(), T0 + 3 * DAY)].clone();
    ops::undo_review(&mut a.store).unwrap().unwrap();
    let restored = &schedules(&a.store)[&picked[0].0];
    let wrote: serde_json::Value = serde_json::from_str(&before_undo[0]).unwrap();
    assert_eq!(restored.4, wrote[6].as_i64(), "last review as before it");
    assert_eq!(restored.5, wrote[7].as_i64().unwrap(), "reps as before it");
    sync(&mut a, folder.path(), T0 + 5 * DAY);
    sync(&mut b, folder.path(), T0 + 5 * DAY + 1);
    assert_eq!(reviews(&a.store).len(), 4);
    assert_eq!(reviews(&a.store), reviews(&b.store));
    assert_eq!(schedules(&a.store), schedules(&b.store));

    let again = sync(&mut a, folder.path(), T0 + 6 * DAY);
    assert_eq!((again.sent, again.received), (0, 0), "nothing new, nothing sent");
}

#[test]
fn replaying_a_card_graded_on_one_device_gives_exactly_what_grading_wrote() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let picked = three_cards(&a);
    let (card, other) = (picked[0].1, picked[1].1);
    let mut at = T0;
    for g in [Grade::Good, Grade::Again, Grade::Good, Grade::Hard, Grade::Easy, Grade::Again, Grade::Good] {
        grade(&mut a, card, g, at);
        at += 3 * DAY + 7_777;
    }
    grade(&mut a, other, Grade::Hard, T0 + 1);
    grade(&mut a, other, Grade::Hard, T0 + 2);
    sync(&mut a, folder.path(), at);
    sync(&mut b, folder.path(), at + 1);
    // On b, every column of these reviews and cards was written by the replay.
    assert_eq!(review_columns(&a.store), review_columns(&b.store));
    assert_eq!(schedules(&a.store), schedules(&b.store));
    assert_eq!(schedules(&b.store)[&picked[0].0].6, 2, "two lapses, as grading counts them");
}

#[test]
fn an_undo_on_one_device_takes_the_review_out_on_the_other_and_a_reused_row_is_a_new_review() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let picked = three_cards(&a);
    let card = picked[0].1;
    grade(&mut a, card, Grade::Good, T0);
    grade(&mut a, card, Grade::Again, T0 + 2 * DAY);
    sync(&mut a, folder.path(), T0 + 2 * DAY + 1);
    sync(&mut b, folder.path(), T0 + 2 * DAY + 2);
    assert_eq!(review_count(&b.store), 2);

    // Undone, then graded again: the new review takes the undone one's row id.
    let undone_id: i64 =
        a.store.conn().query_row("SELECT max(id) FROM review_log", [], |r| r.get(0)).unwrap();
    ops::undo_review(&mut a.store).unwrap().unwrap();
    grade(&mut a, card, Grade::Easy, T0 + 3 * DAY);
    let new_id: i64 = a.store.conn().query_row("SELECT max(id) FROM review_log", [], |r| r.get(0)).unwrap();
    assert_eq!(new_id, undone_id, "the row id is reused");
    let report = sync(&mut a, folder.path(), T0 + 3 * DAY + 1);
    assert_eq!(report.sent, 2, "a tombstone and a review");
    let report = sync(&mut b, folder.path(), T0 + 3 * DAY + 2);
    assert_eq!(report.received, 2);
    let grades: Vec<i64> = reviews(&b.store).into_iter().map(|(_, _, g)| g).collect();
    assert_eq!(grades, vec![Grade::Good as i64, Grade::Easy as i64]);
    assert_eq!(reviews(&a.store), reviews(&b.store));
    assert_eq!(schedules(&a.store), schedules(&b.store));

    // Undoing everything leaves the card new on both.
    ops::undo_review(&mut a.store).unwrap().unwrap();
    ops::undo_review(&mut a.store).unwrap().unwrap();
    sync(&mut a, folder.path(), T0 + 4 * DAY);
    sync(&mut b, folder.path(), T0 + 4 * DAY + 1);
    assert_eq!(review_count(&b.store), 0);
    assert_eq!(schedules(&b.store)[&picked[0].0].0, "new");
    assert_eq!(schedules(&a.store), schedules(&b.store));
}

#[test]
fn a_suspension_wins_over_an_earlier_unsuspend_on_the_other_device_and_both_end_alike() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let picked = three_cards(&a);
    let (key, on_a) = picked[0].clone();
    let on_b = cards(&b.store)[&key];
    let suspended = |fx: &Fixture| schedules(&fx.store)[&key].7;

    ops::suspend_card(&mut b.store, on_b, true).unwrap();
    sync(&mut b, folder.path(), T0);
    ops::suspend_card(&mut b.store, on_b, false).unwrap();
    sync(&mut b, folder.path(), T0 + 1);
    // Offline meanwhile, the other device suspends the card; its sync stamps it later.
    ops::suspend_card(&mut a.store, on_a, true).unwrap();
    let report = sync(&mut a, folder.path(), T0 + 2);
    assert_eq!(report.received, 2);
    assert!(suspended(&a), "its own later suspension stands");
    let report = sync(&mut b, folder.path(), T0 + 3);
    assert!(suspended(&b), "the later suspension wins");
    assert_eq!(report.comparisons, vec!["ec2-vs-lambda".to_string()]);
    assert_eq!(schedules(&a.store), schedules(&b.store));

    // Unsuspended by undo on one device: unsuspended on both.
    ops::undo_review(&mut a.store).unwrap().unwrap();
    sync(&mut a, folder.path(), T0 + 4);
    sync(&mut b, folder.path(), T0 + 5);
    assert!(!suspended(&b));
    assert_eq!(schedules(&a.store), schedules(&b.store));
}

#[test]
fn a_review_for_a_card_the_other_device_lacks_waits_for_the_card() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let mine = publish_own(&mut a.store, &own_draft("Kafka vs Pulsar"));
    let (key, card) = cards(&a.store).into_iter().find(|(k, _)| k.0 == mine).unwrap();
    grade(&mut a, card, Grade::Good, T0);
    ops::suspend_card(&mut a.store, card, true).unwrap();
    // Only the review and the suspension reach b: the comparison stays behind.
    let first = tempfile::tempdir().unwrap();
    sync(&mut a, first.path(), T0 + 1);
    let (_, rest) = crate::sync_own::split(first.path());
    versus_core::sync::folder::write_batch(folder.path(), "device-00000000000000cc", 1, &rest).unwrap();
    let report = sync(&mut b, folder.path(), T0 + 2);
    assert_eq!((report.received, report.skipped.len()), (2, 0), "{:?}", report.skipped);
    assert_eq!(review_count(&b.store), 0);

    // The same comparison published there: its review and suspension arrive with it.
    assert_eq!(publish_own(&mut b.store, &own_draft("Kafka vs Pulsar")), mine);
    let report = sync(&mut b, folder.path(), T0 + 3);
    assert_eq!(
        report.sent, 1,
        "the comparison published there; a card that appeared sends nothing of its own"
    );
    assert!(report.comparisons.contains(&mine));
    assert_eq!(reviews(&a.store), reviews(&b.store));
    assert_eq!(schedules(&a.store)[&key], schedules(&b.store)[&key]);
    assert!(schedules(&b.store)[&key].7, "suspended as on the other device");
}

#[test]
fn events_no_device_should_send_are_refused_one_by_one_and_the_rest_taken_in() {
    let folder = tempfile::tempdir().unwrap();
    let mut a = store_with(&seed_library());
    let (key, _) = cards(&a.store).into_iter().next().unwrap();
    let device = "device-00000000000000aa";
    let review = |id: &str, card: &str, item: &str, grade: u8| {
        serde_json::json!({"kind": "review", "id": id, "comparison": key.0, "card": card, "section": key.2,
                           "item": item, "reviewed_at": T0, "grade": grade})
    };
    let stamp = |n: u32| format!("{T0:015}-{n:06}-{device}");
    let events = vec![
        review(&stamp(1), &key.1, &key.3, 3),
        review(&stamp(2), "custom", &key.3, 3),
        review(&stamp(3), &key.1, &key.3, 9),
        review(&stamp(4), &key.1, &"x".repeat(versus_core::sync::event::MAX_ID_BYTES + 1), 3),
        review("1-1-somebody", &key.1, &key.3, 3),
        review(&stamp(5), "a_kind_from_the_future", &key.3, 3),
        serde_json::json!({"kind": "something_new", "id": stamp(6)}),
        serde_json::json!({"kind": "review_undone", "id": "not a stamp"}),
    ];
    versus_core::sync::folder::write_batch(folder.path(), device, 1, &events).unwrap();
    let report = sync(&mut a, folder.path(), T0 + 1);
    assert_eq!(report.received, 1);
    assert_eq!(report.skipped.len(), 7, "{:#?}", report.skipped);
    assert!(report.skipped.iter().any(|s| s.contains("something_new")), "{:#?}", report.skipped);
    assert_eq!(reviews(&a.store).into_iter().map(|(k, _, _)| k).collect::<Vec<_>>(), vec![key.clone()]);

    // What this Versus does not understand may be a newer Versus's: the
    // batch is not marked read, so it is read again (and taken in whole
    // after an update); what it understood is not taken twice.
    let again = sync(&mut a, folder.path(), T0 + 2);
    assert_eq!(again.received, 0);
    assert!(again.skipped.iter().any(|s| s.contains("something_new")), "{:#?}", again.skipped);
    let logged: i64 = a.store.conn().query_row("SELECT count(*) FROM review_log", [], |r| r.get(0)).unwrap();
    assert_eq!(logged, 1);
}

#[test]
fn a_grade_given_with_the_clock_set_back_before_a_review_from_elsewhere_is_replayed_in_time_order() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let (key, on_a) = three_cards(&a)[0].clone();
    let on_b = cards(&b.store)[&key];
    grade(&mut a, on_a, Grade::Good, T0 + 5 * DAY);
    sync(&mut a, folder.path(), T0 + 5 * DAY);
    sync(&mut b, folder.path(), T0 + 5 * DAY);
    // Graded on top of the review from a, but earlier by the clock.
    grade(&mut b, on_b, Grade::Again, T0 + DAY);
    sync(&mut b, folder.path(), T0 + 6 * DAY);
    sync(&mut a, folder.path(), T0 + 6 * DAY);
    assert_eq!(schedules(&a.store), schedules(&b.store));
    assert_eq!(schedules(&b.store)[&key].4, Some(T0 + 5 * DAY), "the later review is the last");
}

#[test]
fn a_new_folder_gets_every_review_and_suspension_known() {
    let (old, new) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let picked = three_cards(&a);
    grade(&mut a, picked[0].1, Grade::Good, T0);
    ops::suspend_card(&mut a.store, picked[1].1, true).unwrap();
    ops::set_sync_folder(&mut a.store, Some(old.path())).unwrap();
    assert_eq!(sync(&mut a, old.path(), T0 + 1).sent, 2);
    ops::set_sync_folder(&mut a.store, Some(new.path())).unwrap();
    assert_eq!(sync(&mut a, new.path(), T0 + 2).sent, 2);
    assert_eq!(sync(&mut b, new.path(), T0 + 3).received, 2);
    assert_eq!(reviews(&a.store), reviews(&b.store));
    assert_eq!(schedules(&a.store), schedules(&b.store));
}

#[test]
fn the_state_counts_reviews_not_yet_sent_and_reading_it_writes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let picked = three_cards(&a);
    assert_eq!(ops::sync_state(&a.store).unwrap().pending_reviews, 0);
    grade(&mut a, picked[0].1, Grade::Good, T0);
    grade(&mut a, picked[1].1, Grade::Hard, T0);
    let recorded = |fx: &Fixture| -> i64 {
        fx.store.conn().query_row("SELECT count(*) FROM review_sync", [], |r| r.get(0)).unwrap()
    };
    assert_eq!(ops::sync_state(&a.store).unwrap().pending_reviews, 2);
    assert_eq!(ops::sync_state(&a.store).unwrap().pending_reviews, 2, "reading records nothing");
    assert_eq!(recorded(&a), 0);
    sync(&mut a, folder.path(), T0 + 1);
    assert_eq!(ops::sync_state(&a.store).unwrap().pending_reviews, 0);
    sync(&mut b, folder.path(), T0 + 2);
    assert_eq!(ops::sync_state(&b.store).unwrap().pending_reviews, 0, "what came in is not to send");
    ops::undo_review(&mut a.store).unwrap().unwrap();
    sync(&mut a, folder.path(), T0 + 3);
    assert_eq!(ops::sync_state(&a.store).unwrap().pending_reviews, 0, "the tombstone is sent");
}

//! A review session's order and steps: new cards where the learner is,
//! interleaving across comparisons, going past the daily limit for one
//! comparison, what each grade would do, and undo walking back grades and
//! suspensions exactly.

use serde_json::Value;
use versus_core::content::Section;
use versus_core::notes::NoteKey;
use versus_core::ops;
use versus_core::study::cards::card_schedule;
use versus_core::study::queue::{build_queue, build_queue_with, NewCards};
use versus_core::study::review::UndoAction;
use versus_core::study::{Grade, Scope, StudySettings};

use crate::support::{clock, library_of, seed_json, settings, store_with, Fixture, DAY, T0};

/// Four comparisons made from the seed, `c0`–`c3`, in one category.
fn four_comparisons() -> Fixture {
    let docs: Vec<(String, Value)> = (0..4)
        .map(|i| {
            let mut doc = seed_json();
            doc["id"] = format!("c{i}").into();
            doc["title"] = format!("EC2 vs Lambda, take {i}").into();
            (format!("compute/c{i}.json"), doc)
        })
        .collect();
    let files: Vec<(&str, &Value)> = docs.iter().map(|(name, doc)| (name.as_str(), doc)).collect();
    store_with(&library_of(&files))
}

fn comparison_of(fx: &Fixture, card: i64) -> String {
    fx.store.conn().query_row("SELECT comparison_id FROM card WHERE id = ?1", [card], |r| r.get(0)).unwrap()
}

fn limit(new_per_day: usize) -> StudySettings {
    StudySettings { desired_retention: 0.9, new_per_day }
}

#[test]
fn new_cards_of_a_comparison_the_learner_opened_or_annotated_come_first() {
    let mut fx = four_comparisons();
    ops::record_view(&mut fx.store, "c2").unwrap();
    let key = NoteKey::new("c3", Section::Tradeoff, "flexibility-vs-ops");
    ops::save_note(&mut fx.store, &key, "Patching is the hidden cost.").unwrap();

    let queue = build_queue(fx.store.conn(), &Scope::All, clock(T0 + DAY), limit(6)).unwrap();
    let from: Vec<String> = queue.cards.iter().map(|&card| comparison_of(&fx, card)).collect();
    assert_eq!(from.len(), 6);
    assert!(from.iter().all(|c| c == "c2" || c == "c3"), "only the two touched comparisons today: {from:?}");
    assert!(from.windows(2).all(|w| w[0] != w[1]), "and interleaved: {from:?}");

    let untouched = build_queue(fx.store.conn(), &Scope::All, clock(T0 + DAY), limit(200)).unwrap();
    let first_untouched = untouched
        .cards
        .iter()
        .position(|&card| !matches!(comparison_of(&fx, card).as_str(), "c2" | "c3"))
        .unwrap();
    let touched_cards =
        untouched.cards.iter().filter(|&&c| matches!(comparison_of(&fx, c).as_str(), "c2" | "c3")).count();
    assert_eq!(first_untouched, touched_cards, "every new card of a touched comparison leads the rest");
}

#[test]
fn a_fresh_library_mixes_comparisons_and_never_repeats_one_back_to_back() {
    let fx = four_comparisons();
    let queue = build_queue(fx.store.conn(), &Scope::All, clock(T0), limit(40)).unwrap();
    let from: Vec<String> = queue.cards.iter().map(|&card| comparison_of(&fx, card)).collect();
    assert_eq!(from.len(), 40);
    assert!(from.windows(2).all(|w| w[0] != w[1]), "{from:?}");
    let first_four: std::collections::HashSet<&String> = from[..4].iter().collect();
    assert_eq!(first_four.len(), 4, "one card of each comparison before a second of any: {from:?}");
    let again = build_queue(fx.store.conn(), &Scope::All, clock(T0 + 1000), limit(40)).unwrap();
    assert_eq!(again.cards, queue.cards, "the same day, the same order");
}

#[test]
fn a_one_comparison_review_goes_past_the_daily_limit_when_asked() {
    let mut fx = four_comparisons();
    let noon = T0 - T0.rem_euclid(DAY) + DAY / 2;
    let all = build_queue(fx.store.conn(), &Scope::All, clock(noon), limit(3)).unwrap();
    for &card in &all.cards {
        ops::grade_card(&mut fx.store, card, Grade::Good, clock(noon), limit(3)).unwrap();
    }
    let scope = Scope::Comparison("c1".into());
    let within = build_queue(fx.store.conn(), &scope, clock(noon + 60_000), limit(3)).unwrap();
    assert_eq!(within.new, 0, "today's limit is spent");
    let total_new: i64 = fx
        .store
        .conn()
        .query_row("SELECT count(*) FROM card WHERE comparison_id = 'c1' AND state = 'new'", [], |r| r.get(0))
        .unwrap();
    let total_new = total_new as usize;
    assert_eq!(within.new_held_back, total_new, "the view can offer them");
    let past = build_queue_with(
        fx.store.conn(),
        &scope,
        clock(noon + 60_000),
        limit(3),
        NewCards::PastDailyLimit,
        None,
    )
    .unwrap();
    assert_eq!(past.new, total_new);
    assert_eq!(past.new_held_back, 0);
    let everything = build_queue_with(
        fx.store.conn(),
        &Scope::All,
        clock(noon + 60_000),
        limit(3),
        NewCards::PastDailyLimit,
        None,
    )
    .unwrap();
    assert_eq!(everything.new, 0, "never past the limit for the whole library at once");
}

#[test]
fn each_grade_button_shows_the_interval_grading_gives() {
    let mut fx = four_comparisons();
    let card = build_queue(fx.store.conn(), &Scope::All, clock(T0), settings()).unwrap().cards[0];
    let preview = ops::preview_grades(&fx.store, card, clock(T0), settings()).unwrap();
    assert!(preview.again <= preview.hard && preview.hard <= preview.good && preview.good <= preview.easy);
    let before = card_schedule(fx.store.conn(), card).unwrap();
    assert_eq!(card_schedule(fx.store.conn(), card).unwrap(), before, "previewing writes nothing");
    let graded = ops::grade_card(&mut fx.store, card, Grade::Good, clock(T0), settings()).unwrap();
    assert_eq!(graded.interval_days, preview.good);
    let later = ops::preview_grades(&fx.store, card, clock(T0 + 3 * DAY), settings()).unwrap();
    let regraded =
        ops::grade_card(&mut fx.store, card, Grade::Easy, clock(T0 + 3 * DAY), settings()).unwrap();
    assert_eq!(regraded.interval_days, later.easy);
    assert_eq!(
        ops::preview_grades(&fx.store, 999_999, clock(T0), settings()).unwrap_err().code(),
        "unknown_card"
    );
}

#[test]
fn undo_walks_back_grades_and_suspensions_each_to_the_exact_prior_state() {
    let mut fx = four_comparisons();
    let cards = build_queue(fx.store.conn(), &Scope::All, clock(T0), settings()).unwrap().cards;
    let (a, b) = (cards[0], cards[1]);
    let a0 = card_schedule(fx.store.conn(), a).unwrap();
    let b0 = card_schedule(fx.store.conn(), b).unwrap();
    ops::grade_card(&mut fx.store, a, Grade::Good, clock(T0), settings()).unwrap();
    let a1 = card_schedule(fx.store.conn(), a).unwrap();
    ops::suspend_card(&mut fx.store, b, true).unwrap();
    ops::grade_card(&mut fx.store, a, Grade::Hard, clock(T0 + 2 * DAY), settings()).unwrap();
    let suspended = |fx: &Fixture, card: i64| -> bool {
        fx.store.conn().query_row("SELECT suspended FROM card WHERE id = ?1", [card], |r| r.get(0)).unwrap()
    };

    let step = ops::undo_review(&mut fx.store).unwrap().unwrap();
    assert_eq!((step.card.id, step.action), (a, UndoAction::Grade));
    assert_eq!(card_schedule(fx.store.conn(), a).unwrap(), a1);
    assert!(suspended(&fx, b), "the suspension is not undone yet");

    let step = ops::undo_review(&mut fx.store).unwrap().unwrap();
    assert_eq!((step.card.id, step.action), (b, UndoAction::Suspend));
    assert!(!suspended(&fx, b));
    assert!(!step.card.suspended);
    assert_eq!(card_schedule(fx.store.conn(), b).unwrap(), b0, "the suspended card, exactly as it was");

    let step = ops::undo_review(&mut fx.store).unwrap().unwrap();
    assert_eq!((step.card.id, step.action), (a, UndoAction::Grade));
    assert_eq!(card_schedule(fx.store.conn(), a).unwrap(), a0);
    let reviews: i64 =
        fx.store.conn().query_row("SELECT count(*) FROM review_log", [], |r| r.get(0)).unwrap();
    assert_eq!(reviews, 0, "every undone review left the log");
    assert!(ops::undo_review(&mut fx.store).unwrap().is_none(), "nothing left to undo");
}

#[test]
fn undo_survives_a_restart_and_passes_over_a_card_deleted_since() {
    let mut fx = four_comparisons();
    let cards = build_queue(fx.store.conn(), &Scope::All, clock(T0), settings()).unwrap().cards;
    ops::suspend_card(&mut fx.store, cards[0], true).unwrap();
    ops::grade_card(&mut fx.store, cards[1], Grade::Good, clock(T0), settings()).unwrap();
    let mut fx = fx.reopen();
    // The graded card vanishes (as when its comparison is deleted for good).
    fx.store.conn().execute("DELETE FROM review_log WHERE card_id = ?1", [cards[1]]).unwrap();
    let step = ops::undo_review(&mut fx.store).unwrap().unwrap();
    assert_eq!((step.card.id, step.action), (cards[0], UndoAction::Suspend), "the gone step is passed over");
    assert!(ops::undo_review(&mut fx.store).unwrap().is_none());
}

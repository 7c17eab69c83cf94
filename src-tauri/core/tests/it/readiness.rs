//! Interview day: predicted recall on a fixed clock is FSRS retrievability
//! on that day; cards the new-card pace leaves unseen; the weakest first.

use fsrs::{current_retrievability, MemoryState, DEFAULT_PARAMETERS};
use versus_core::clock::iso_date;
use versus_core::ops;
use versus_core::study::cards::card_schedule;
use versus_core::study::queue::build_queue;
use versus_core::study::{Grade, Scope, StudySettings};

use crate::support::{clock, seed_library, settings, store_with, DAY, T0};

#[test]
fn readiness_on_a_fixed_clock_is_fsrs_retrievability_on_the_day() {
    let mut fx = store_with(&seed_library());
    let cards = build_queue(fx.store.conn(), &Scope::All, clock(T0), settings()).unwrap().cards;
    ops::grade_card(&mut fx.store, cards[0], Grade::Good, clock(T0), settings()).unwrap();
    ops::grade_card(&mut fx.store, cards[1], Grade::Again, clock(T0), settings()).unwrap();
    let now = clock(T0 + DAY);
    let day = now.today() + 30;
    let date = iso_date(day * DAY);
    let ready = ops::readiness(&fx.store, &date, now, settings()).unwrap();
    assert_eq!(ready.days_left, 30);

    let expected: Vec<f64> = cards[..2]
        .iter()
        .map(|&card| {
            let s = card_schedule(fx.store.conn(), card).unwrap();
            let state = MemoryState {
                stability: s.stability.unwrap() as f32,
                difficulty: s.difficulty.unwrap() as f32,
            };
            let elapsed = (now.start_of_day(day) - s.last_review.unwrap()) as f32 / DAY as f32;
            f64::from(current_retrievability(state, elapsed, DEFAULT_PARAMETERS[20]))
        })
        .collect();
    let mean = (expected[0] + expected[1]) / 2.0;
    assert!((ready.recall.unwrap() - mean).abs() < 1e-9, "{:?} vs {mean}", ready.recall);
    let row = ready.comparisons.iter().find(|r| r.id == "ec2-vs-lambda").unwrap();
    assert_eq!(row.studied, 2);
    assert!((row.recall.unwrap() - mean).abs() < 1e-9);
    assert!(expected[0] > expected[1], "Good holds up better than Again");
    let category = ready.categories.iter().find(|r| r.id == "Compute").unwrap();
    assert_eq!((category.studied, category.new), (2, row.new));

    let weakest = ops::gap_session(&fx.store, &date, now).unwrap();
    assert_eq!(weakest.cards.iter().map(|c| c.id).collect::<Vec<_>>(), vec![cards[1], cards[0]]);
}

#[test]
fn the_new_card_pace_says_what_will_not_have_been_seen_by_then() {
    let fx = store_with(&seed_library());
    let total: i64 = fx
        .store
        .conn()
        .query_row("SELECT count(*) FROM card WHERE retired = 0 AND state = 'new'", [], |r| r.get(0))
        .unwrap();
    let pace = StudySettings { desired_retention: 0.9, new_per_day: 3 };
    let now = clock(T0);
    let date = iso_date((now.today() + 4) * DAY);
    let ready = ops::readiness(&fx.store, &date, now, pace).unwrap();
    assert_eq!(ready.new as i64, total);
    assert_eq!(
        ready.unseen_by_then as i64,
        total - 3 * 4,
        "three today and three on each of the next three days"
    );
    assert_eq!(ready.recall, None, "nothing studied, nothing predicted");

    let past = iso_date((now.today() - 1) * DAY);
    assert_eq!(ops::readiness(&fx.store, &past, now, pace).unwrap_err().code(), "invalid_argument");
    assert_eq!(ops::readiness(&fx.store, "someday", now, pace).unwrap_err().code(), "invalid_argument");
}

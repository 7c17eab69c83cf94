//! "Optimize my schedule": fitted to a review history simulated from known
//! parameters, the fit predicts it better than the defaults and moves
//! towards those parameters; too few answers say how many more; adopting
//! changes the next grade, resetting goes back, cancelling changes nothing.

use std::sync::{Arc, Mutex};

use fsrs::{current_retrievability, CombinedProgressState, FSRSItem, FSRSReview, DEFAULT_PARAMETERS, FSRS};
use versus_core::error::Error;
use versus_core::ops;
use versus_core::study::cards::card_schedule;
use versus_core::study::optimizer::{optimize, TrainingData, MIN_LONG_TERM_REVIEWS};
use versus_core::study::queue::build_queue;
use versus_core::study::{Grade, Scope};

use crate::support::{clock, seed_library, settings, store_with, DAY, T0};

/// A small, seeded generator (xorshift64*): the history is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

/// A learner whose memory follows `truth`: each card answered `answers`
/// times, a few days to weeks apart, recalled with the probability those
/// parameters give (Good when recalled, Again when not; the first answer
/// sometimes Easy or Again).
fn simulate(truth: &[f32], cards: usize, answers: usize, seed: u64) -> TrainingData {
    let model = FSRS::new(truth).unwrap();
    let mut rng = Rng(seed);
    let mut data = TrainingData::default();
    for card in 0..cards {
        let first = match rng.unit() {
            u if u < 0.15 => 1,
            u if u < 0.25 => 4,
            _ => 3,
        };
        let mut reviews = vec![FSRSReview { rating: first, delta_t: 0 }];
        for _ in 1..answers {
            let state = model.memory_state(FSRSItem { reviews: reviews.clone() }, None).unwrap();
            let delta_t = 1 + (rng.unit() * state.stability.clamp(1.0, 60.0) * 2.0) as u32;
            let recall = current_retrievability(state, delta_t as f32, truth[20]);
            let rating = if rng.unit() < recall { 3 } else { 1 };
            reviews.push(FSRSReview { rating, delta_t });
            data.items.push(FSRSItem { reviews: reviews.clone() });
            data.card_ids.push(card as i64);
            data.long_term += 1;
        }
    }
    data
}

fn log_distance(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| (x.ln() - y.ln()).powi(2)).sum::<f32>().sqrt()
}

#[test]
fn fitted_to_a_simulated_learner_the_parameters_predict_better_and_move_towards_the_truth() {
    let mut truth = DEFAULT_PARAMETERS.to_vec();
    // This learner keeps new material four times as long as the defaults assume.
    for w in &mut truth[..4] {
        *w *= 4.0;
    }
    let data = simulate(&truth, 400, 6, 7);
    assert!(data.long_term >= MIN_LONG_TERM_REVIEWS);
    let progress = CombinedProgressState::new_shared();
    let result = optimize(&data, &DEFAULT_PARAMETERS, &progress).unwrap();
    assert_eq!(result.current, DEFAULT_PARAMETERS.to_vec());
    assert!(
        result.fitted_fit.log_loss < result.current_fit.log_loss,
        "log loss {} fitted vs {} defaults",
        result.fitted_fit.log_loss,
        result.current_fit.log_loss
    );
    let before = log_distance(&DEFAULT_PARAMETERS[..4], &truth[..4]);
    let after = log_distance(&result.fitted[..4], &truth[..4]);
    assert!(after < before, "initial stabilities {:?}, truth {:?}", &result.fitted[..4], &truth[..4]);
    let progress = progress.lock().unwrap();
    assert!(progress.finished() && progress.total() > 0, "progress was reported");
}

#[test]
fn too_few_answers_say_how_many_more_and_a_cancel_changes_nothing() {
    let data = simulate(&DEFAULT_PARAMETERS, 50, 5, 3);
    let progress = CombinedProgressState::new_shared();
    match optimize(&data, &DEFAULT_PARAMETERS, &progress).unwrap_err() {
        Error::NotEnoughReviews { have, need } => assert_eq!((have, need), (200, MIN_LONG_TERM_REVIEWS)),
        other => panic!("{other}"),
    }
    let message = optimize(&data, &DEFAULT_PARAMETERS, &progress).unwrap_err().to_string();
    assert!(message.contains("200 more to go"), "{message}");

    let enough = simulate(&DEFAULT_PARAMETERS, 120, 5, 4);
    let cancelled: Arc<Mutex<CombinedProgressState>> = CombinedProgressState::new_shared();
    cancelled.lock().unwrap().want_abort = true;
    assert_eq!(optimize(&enough, &DEFAULT_PARAMETERS, &cancelled).unwrap_err().code(), "cancelled");
}

#[test]
fn adopted_parameters_schedule_the_next_answer_and_reset_brings_back_the_defaults() {
    let mut fx = store_with(&seed_library());
    let cards = build_queue(fx.store.conn(), &Scope::All, clock(T0), settings()).unwrap().cards;
    let defaults = ops::schedule_parameters(&fx.store).unwrap();
    assert!(!defaults.fitted);
    ops::grade_card(&mut fx.store, cards[0], Grade::Good, clock(T0), settings()).unwrap();
    let with_defaults = card_schedule(fx.store.conn(), cards[0]).unwrap();

    let mut slower = DEFAULT_PARAMETERS.to_vec();
    slower[2] *= 3.0;
    let fit = versus_core::study::optimizer::Fit { log_loss: 0.3, rmse: 0.05 };
    ops::adopt_schedule(&mut fx.store, &slower, fit).unwrap();
    let adopted = ops::schedule_parameters(&fx.store).unwrap();
    assert!(adopted.fitted && adopted.fit == Some(fit));
    assert_eq!(adopted.parameters, slower);
    ops::grade_card(&mut fx.store, cards[1], Grade::Good, clock(T0), settings()).unwrap();
    let with_fitted = card_schedule(fx.store.conn(), cards[1]).unwrap();
    assert!(with_fitted.due > with_defaults.due, "Good on a new card now waits longer");
    let preview = ops::preview_grades(&fx.store, cards[2], clock(T0), settings()).unwrap();
    assert!((preview.good - (with_fitted.due.unwrap() - T0) as f64 / DAY as f64).abs() < 0.01);

    let (data, current) = ops::schedule_training_data(&fx.store).unwrap();
    assert_eq!(current, slower, "the optimizer starts from the parameters in use");
    assert_eq!(data.items.len(), 0, "one answer per card is nothing to learn from yet");

    assert_eq!(ops::adopt_schedule(&mut fx.store, &[1.0; 3], fit).unwrap_err().code(), "invalid_argument");
    assert_eq!(
        ops::adopt_schedule(&mut fx.store, &[f32::NAN; 21], fit).unwrap_err().code(),
        "invalid_argument"
    );
    ops::reset_schedule(&mut fx.store).unwrap();
    assert!(!ops::schedule_parameters(&fx.store).unwrap().fitted);
}

#[test]
fn the_review_log_becomes_training_items_card_by_card() {
    let mut fx = store_with(&seed_library());
    let card = build_queue(fx.store.conn(), &Scope::All, clock(T0), settings()).unwrap().cards[0];
    for (day, grade) in [(0, Grade::Good), (3, Grade::Again), (4, Grade::Good), (15, Grade::Easy)] {
        ops::grade_card(&mut fx.store, card, grade, clock(T0 + day * DAY), settings()).unwrap();
    }
    let (data, _) = ops::schedule_training_data(&fx.store).unwrap();
    assert_eq!(data.items.len(), 3);
    let last = data.items.last().unwrap();
    let answers: Vec<(u32, u32)> = last.reviews.iter().map(|r| (r.rating, r.delta_t)).collect();
    assert_eq!(answers, vec![(3, 0), (1, 3), (3, 1), (4, 11)]);
    assert_eq!(data.long_term, 3);
    assert!(data.card_ids.iter().all(|&c| c == card));
}

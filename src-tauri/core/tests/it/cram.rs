//! Cram: a comparison reviewed ahead of schedule leaves every card's state
//! byte-identical, the review log and the optimizer's data untouched, and
//! each answer can be undone.

use rusqlite::types::Value;
use versus_core::ops;
use versus_core::study::review::UndoAction;
use versus_core::study::{Grade, Scope};

use crate::support::{clock, seed_library, settings, store_with, Fixture, DAY, T0};

/// Every column of every card, as stored.
fn card_table(fx: &Fixture) -> Vec<Vec<Value>> {
    let conn = fx.store.conn();
    let mut stmt = conn.prepare("SELECT * FROM card ORDER BY id").unwrap();
    let columns = stmt.column_count();
    stmt.query_map([], |r| (0..columns).map(|i| r.get::<_, Value>(i)).collect::<rusqlite::Result<Vec<_>>>())
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn count(fx: &Fixture, table: &str) -> i64 {
    fx.store.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn cramming_a_comparison_leaves_every_card_byte_identical() {
    let mut fx = store_with(&seed_library());
    let scope = Scope::Comparison("ec2-vs-lambda".into());
    // Some history first, so that cram meets studied cards too.
    let studied = ops::cram_queue(&fx.store, &scope, clock(T0)).unwrap().cards[0].id;
    ops::grade_card(&mut fx.store, studied, Grade::Good, clock(T0), settings()).unwrap();
    let before = card_table(&fx);
    let reviews = count(&fx, "review_log");
    let (training, _) = ops::schedule_training_data(&fx.store).unwrap();

    let session = ops::cram_queue(&fx.store, &scope, clock(T0 + DAY)).unwrap();
    let cards: i64 = fx
        .store
        .conn()
        .query_row(
            "SELECT count(*) FROM card WHERE comparison_id = 'ec2-vs-lambda' AND retired = 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(session.cards.len() as i64, cards, "every card, due or not");
    assert!(session.cards.windows(2).all(|w| w[0].id != w[1].id));
    for face in &session.cards {
        if face.choices.is_empty() {
            ops::cram_answer(&mut fx.store, face.id, Grade::Again, clock(T0 + DAY)).unwrap();
        } else {
            let wrong = face.choices.iter().find(|c| c.name != face.answer[0]).unwrap();
            let answer = ops::cram_scenario(&mut fx.store, face.id, &wrong.key, clock(T0 + DAY)).unwrap();
            assert!(!answer.correct && answer.graded.is_none());
        }
    }
    assert_eq!(card_table(&fx), before, "no card changed in any byte");
    assert_eq!(count(&fx, "review_log"), reviews, "FSRS sees no cram answer");
    assert_eq!(count(&fx, "confusion"), 0, "a crammed wrong pick is not a confusion");
    assert_eq!(count(&fx, "cram_log"), cards, "each answer is kept apart");
    let (after, _) = ops::schedule_training_data(&fx.store).unwrap();
    assert_eq!(
        (after.items.len(), after.long_term),
        (training.items.len(), training.long_term),
        "nor does the optimizer"
    );

    let step = ops::undo_review(&mut fx.store).unwrap().unwrap();
    assert_eq!((step.card.id, step.action), (session.cards.last().unwrap().id, UndoAction::Cram));
    assert_eq!(count(&fx, "cram_log"), cards - 1);
    assert_eq!(card_table(&fx), before);
}

#[test]
fn cram_takes_a_comparison_or_a_category_never_the_whole_library() {
    let mut fx = store_with(&seed_library());
    assert_eq!(ops::cram_queue(&fx.store, &Scope::All, clock(T0)).unwrap_err().code(), "invalid_argument");
    let category = ops::cram_queue(&fx.store, &Scope::Category("Compute".into()), clock(T0)).unwrap();
    assert!(!category.cards.is_empty());
    assert_eq!(
        ops::cram_answer(&mut fx.store, 999_999, Grade::Good, clock(T0)).unwrap_err().code(),
        "unknown_card"
    );
}

//! The card browser: filters, sorting, pages, several cards suspended at
//! once (each an undo step), and a card's history.

use versus_core::ops;
use versus_core::study::browser::{BrowseState, CardFilter, CardSort, Cards, DueWithin};
use versus_core::study::cards::{card_schedule, CardKind};
use versus_core::study::Grade;

use crate::support::{clock, seed_library, settings, store_with, DAY, T0};

fn filter(limit: usize) -> CardFilter {
    CardFilter { limit, ..CardFilter::default() }
}

#[test]
fn every_card_is_listed_and_filters_narrow_the_list() {
    let mut fx = store_with(&seed_library());
    let all = ops::list_cards(&fx.store, &filter(500), T0).unwrap();
    let cards: i64 =
        fx.store.conn().query_row("SELECT count(*) FROM card WHERE retired = 0", [], |r| r.get(0)).unwrap();
    assert_eq!(all.total, cards as usize);
    assert!(all.cards.iter().all(|c| c.state == BrowseState::New && !c.about.is_empty()), "{:?}", all.cards);

    let first = all.cards[0].id;
    ops::grade_card(&mut fx.store, first, Grade::Good, clock(T0), settings()).unwrap();
    let learning =
        ops::list_cards(&fx.store, &CardFilter { state: Some(BrowseState::Learning), ..filter(50) }, T0)
            .unwrap();
    assert_eq!(learning.cards.iter().map(|c| c.id).collect::<Vec<_>>(), vec![first]);
    let due_now = CardFilter { due: Some(DueWithin::Now), ..filter(50) };
    assert_eq!(ops::list_cards(&fx.store, &due_now, T0).unwrap().total, 0);
    assert_eq!(ops::list_cards(&fx.store, &due_now, T0 + 60 * DAY).unwrap().total, 1);

    let grids =
        ops::list_cards(&fx.store, &CardFilter { kind: Some(CardKind::Grid), ..filter(50) }, T0).unwrap();
    assert!(grids.total >= 5 && grids.cards.iter().all(|c| c.kind == CardKind::Grid));
    let scenarios =
        ops::list_cards(&fx.store, &CardFilter { kind: Some(CardKind::Scenario), ..filter(50) }, T0).unwrap();
    assert!(scenarios.cards.iter().all(|c| c.about.len() > 20), "a scenario reads as its situation");
    let elsewhere = CardFilter { category: Some("Storage".into()), ..filter(50) };
    assert_eq!(ops::list_cards(&fx.store, &elsewhere, T0).unwrap().total, 0);

    let page =
        ops::list_cards(&fx.store, &CardFilter { offset: 3, sort: CardSort::Comparison, ..filter(2) }, T0)
            .unwrap();
    let whole =
        ops::list_cards(&fx.store, &CardFilter { sort: CardSort::Comparison, ..filter(500) }, T0).unwrap();
    assert_eq!(page.cards, whole.cards[3..5].to_vec(), "pages follow the order");
    assert_eq!(page.total, whole.total);
    assert_eq!(ops::list_cards(&fx.store, &filter(0), T0).unwrap_err().code(), "invalid_argument");
    assert_eq!(ops::list_cards(&fx.store, &filter(501), T0).unwrap_err().code(), "invalid_argument");
}

#[test]
fn several_cards_suspend_at_once_and_ctrl_z_brings_each_back() {
    let mut fx = store_with(&seed_library());
    let ids: Vec<i64> =
        ops::list_cards(&fx.store, &filter(3), T0).unwrap().cards.iter().map(|c| c.id).collect();
    ops::suspend_card(&mut fx.store, ids[0], true).unwrap();
    let changed = ops::suspend_cards(&mut fx.store, &Cards::new(ids.clone()).unwrap(), true).unwrap();
    assert_eq!(changed, vec![ids[1], ids[2]], "the one already suspended did not change");
    let suspended = CardFilter { state: Some(BrowseState::Suspended), ..filter(50) };
    assert_eq!(ops::list_cards(&fx.store, &suspended, T0).unwrap().total, 3);

    ops::undo_review(&mut fx.store).unwrap();
    ops::undo_review(&mut fx.store).unwrap();
    assert_eq!(
        ops::list_cards(&fx.store, &suspended, T0).unwrap().total,
        1,
        "each card of the click is a step"
    );

    let unknown = Cards::new(vec![ids[1], 999_999]).unwrap();
    assert_eq!(ops::suspend_cards(&mut fx.store, &unknown, true).unwrap_err().code(), "unknown_card");
    assert_eq!(
        ops::list_cards(&fx.store, &suspended, T0).unwrap().total,
        1,
        "a refused click changes nothing"
    );
    assert_eq!(Cards::new(vec![]).unwrap_err().code(), "invalid_argument");
    assert_eq!(Cards::new(vec![1; 5001]).unwrap_err().code(), "invalid_argument");
}

#[test]
fn a_cards_history_lists_its_answers_oldest_first() {
    let mut fx = store_with(&seed_library());
    let card = ops::list_cards(&fx.store, &filter(1), T0).unwrap().cards[0].id;
    assert!(ops::card_history(&fx.store, card).unwrap().is_empty());
    ops::grade_card(&mut fx.store, card, Grade::Good, clock(T0), settings()).unwrap();
    ops::grade_card(&mut fx.store, card, Grade::Again, clock(T0 + 5 * DAY), settings()).unwrap();
    let history = ops::card_history(&fx.store, card).unwrap();
    assert_eq!(history.iter().map(|h| h.grade).collect::<Vec<_>>(), vec![3, 1]);
    assert_eq!(history[0].reviewed_at, T0);
    let due = card_schedule(fx.store.conn(), card).unwrap().due.unwrap();
    let last = history.last().unwrap();
    assert!((last.interval_days - (due - last.reviewed_at) as f64 / DAY as f64).abs() < 1e-9);
    assert_eq!(ops::card_history(&fx.store, 999_999).unwrap_err().code(), "unknown_card");
}

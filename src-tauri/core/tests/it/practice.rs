//! "Which would you pick?": scenario cards, their choices, objective grading,
//! the confusions a wrong pick leaves, and practising a confused pair.

use std::collections::{HashMap, HashSet};

use serde_json::Value;
use versus_core::content::embedded_library;
use versus_core::ops;
use versus_core::study::cards::{card_schedule, CardKind};
use versus_core::study::practice::choices_for;
use versus_core::study::queue::NewCards;
use versus_core::study::review::UndoAction;
use versus_core::study::{Grade, Scope};

use crate::support::{clock, library_of, repo_root, settings, store_with, Fixture, DAY, T0};

const FILES: [&str; 4] = [
    "compute/ec2-vs-lambda.json",
    "compute/lambda-vs-fargate.json",
    "compute/batch-vs-lambda.json",
    "storage/s3-vs-ebs-vs-efs.json",
];

fn four_real_comparisons() -> Fixture {
    let docs: Vec<(&str, Value)> = FILES
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(repo_root().join("content").join(f)).unwrap();
            (*f, serde_json::from_str(&text).unwrap())
        })
        .collect();
    let files: Vec<(&str, &Value)> = docs.iter().map(|(f, v)| (*f, v)).collect();
    store_with(&library_of(&files))
}

fn scenario_card(fx: &Fixture, comparison: &str, scenario: &str) -> i64 {
    fx.store
        .conn()
        .query_row(
            "SELECT id FROM card WHERE kind = 'scenario' AND comparison_id = ?1 AND item_id = ?2",
            [comparison, scenario],
            |r| r.get(0),
        )
        .unwrap()
}

/// A name without its vendor, lowercased, as words ("ec2 on-demand instances").
fn bare(name: &str) -> String {
    let name = ["Amazon ", "AWS ", "Azure ", "Microsoft ", "Google Cloud ", "Google "]
        .iter()
        .fold(name.to_string(), |n, prefix| n.strip_prefix(prefix).map(str::to_string).unwrap_or(n));
    format!(" {} ", name.to_lowercase())
}

fn confusion_count(fx: &Fixture) -> i64 {
    fx.store.conn().query_row("SELECT count(*) FROM confusion", [], |r| r.get(0)).unwrap()
}

#[test]
fn every_scenario_of_the_library_offers_its_answer_once_and_distractors_only_from_its_category() {
    let library = embedded_library().unwrap();
    let fx = store_with(&library);
    let category_of_key: HashMap<String, HashSet<String>> =
        library.comparisons.iter().fold(HashMap::new(), |mut map, c| {
            for s in &c.subjects {
                map.entry(s.key.clone().unwrap()).or_default().insert(c.category.clone());
            }
            map
        });
    let mut with_distractors = 0;
    for comparison in &library.comparisons {
        let own: HashSet<String> = comparison.subjects.iter().map(|s| s.key.clone().unwrap()).collect();
        for scenario in &comparison.scenarios {
            let card = scenario_card(&fx, &comparison.id, &scenario.id);
            let choices = choices_for(fx.store.conn(), card).unwrap();
            let at = format!("{} / {}", comparison.id, scenario.id);
            let keys: HashSet<&str> = choices.iter().map(|c| c.key.as_str()).collect();
            assert_eq!(keys.len(), choices.len(), "{at}: a subject twice in {choices:?}");
            let right = comparison.subjects.iter().find(|s| s.id == scenario.answer).unwrap();
            assert_eq!(
                choices.iter().filter(|c| Some(&c.key) == right.key.as_ref()).count(),
                1,
                "{at}: the right answer once"
            );
            assert!(own.iter().all(|k| keys.contains(k.as_str())), "{at}: every subject of the comparison");
            let others: Vec<_> = choices.iter().filter(|c| !own.contains(&c.key)).collect();
            assert!(others.len() <= 2, "{at}: at most two from elsewhere");
            for other in &others {
                for own in &comparison.subjects {
                    let (a, b) = (bare(&own.name), bare(&other.name));
                    assert!(
                        !a.contains(&b) && !b.contains(&a),
                        "{at}: {} is a variant of {}, a second right answer",
                        other.name,
                        own.name
                    );
                }
                assert!(
                    category_of_key[&other.key].contains(&comparison.category),
                    "{at}: {} is not from {}",
                    other.key,
                    comparison.category
                );
            }
            with_distractors += usize::from(!others.is_empty());
            assert_eq!(choices_for(fx.store.conn(), card).unwrap(), choices, "{at}: the same every time");
        }
    }
    assert!(with_distractors > 100, "most scenarios offer confusable subjects ({with_distractors})");
}

#[test]
fn a_wrong_pick_grades_again_and_is_kept_as_a_confusion_a_right_one_good_or_easy() {
    let mut fx = four_real_comparisons();
    let card = scenario_card(&fx, "ec2-vs-lambda", "custom-kernel-module");
    let choices = choices_for(fx.store.conn(), card).unwrap();
    let names: HashSet<&str> = choices.iter().map(|c| c.name.as_str()).collect();
    assert!(names.contains("AWS Fargate") || names.contains("AWS Batch"), "a confusable subject: {names:?}");
    assert!(!names.contains("Amazon S3"), "never from another category");
    assert!(
        names.iter().all(|n| *n == "Amazon EC2"
            || *n == "AWS Lambda"
            || !(n.contains("EC2") || n.contains("Lambda"))),
        "never a variant of a subject, which would be a second right answer: {names:?}"
    );

    let answer =
        ops::answer_scenario(&mut fx.store, card, "aws-lambda", false, clock(T0), settings()).unwrap();
    assert!(!answer.correct);
    assert_eq!((answer.right.key.as_str(), answer.chosen.name.as_str()), ("amazon-ec2", "AWS Lambda"));
    assert!(!answer.because_text.is_empty(), "the item that decides it");
    let last: i64 = fx
        .store
        .conn()
        .query_row("SELECT grade FROM review_log WHERE card_id = ?1 ORDER BY id DESC", [card], |r| r.get(0))
        .unwrap();
    assert_eq!(last, Grade::Again as i64);
    let pairs = ops::confusions(&fx.store, 10).unwrap();
    assert_eq!(pairs.len(), 1);
    assert_eq!((pairs[0].count, pairs[0].category.as_str()), (1, "Compute"));
    let pair: HashSet<&str> = [pairs[0].first.key.as_str(), pairs[0].second.key.as_str()].into();
    assert_eq!(pair, HashSet::from(["amazon-ec2", "aws-lambda"]));

    let other = scenario_card(&fx, "lambda-vs-fargate", "rare-webhook");
    let right =
        ops::answer_scenario(&mut fx.store, other, "aws-lambda", false, clock(T0), settings()).unwrap();
    assert!(right.correct);
    assert_eq!(right.graded.unwrap().card.reps, 1);
    let good = card_schedule(fx.store.conn(), other).unwrap();
    ops::undo_review(&mut fx.store).unwrap();
    ops::answer_scenario(&mut fx.store, other, "aws-lambda", true, clock(T0), settings()).unwrap();
    let easy = card_schedule(fx.store.conn(), other).unwrap();
    assert!(easy.due > good.due, "Easy when the learner says so");
    assert_eq!(confusion_count(&fx), 1, "a right pick leaves no confusion");
}

#[test]
fn undoing_a_wrong_pick_takes_its_confusion_back() {
    let mut fx = four_real_comparisons();
    let card = scenario_card(&fx, "ec2-vs-lambda", "tiny-hourly-task");
    let before = card_schedule(fx.store.conn(), card).unwrap();
    ops::answer_scenario(&mut fx.store, card, "amazon-ec2", false, clock(T0), settings()).unwrap();
    assert_eq!(confusion_count(&fx), 1);
    let step = ops::undo_review(&mut fx.store).unwrap().unwrap();
    assert_eq!((step.card.id, step.action), (card, UndoAction::Grade));
    assert_eq!(confusion_count(&fx), 0);
    assert_eq!(card_schedule(fx.store.conn(), card).unwrap(), before);
}

#[test]
fn confusions_count_a_pair_either_way_round_most_often_first() {
    let mut fx = four_real_comparisons();
    let pick = |fx: &mut Fixture, comparison: &str, scenario: &str, key: &str, at: i64| {
        let card = scenario_card(fx, comparison, scenario);
        let answer = ops::answer_scenario(&mut fx.store, card, key, false, clock(at), settings()).unwrap();
        assert!(!answer.correct);
    };
    pick(&mut fx, "lambda-vs-fargate", "websocket-chat", "aws-lambda", T0);
    pick(&mut fx, "lambda-vs-fargate", "rare-webhook", "aws-fargate", T0 + DAY);
    pick(&mut fx, "ec2-vs-lambda", "resize-on-upload", "amazon-ec2", T0 + 2 * DAY);
    let pairs = ops::confusions(&fx.store, 10).unwrap();
    assert_eq!(pairs.len(), 2);
    assert_eq!((pairs[0].first.key.as_str(), pairs[0].second.key.as_str()), ("aws-fargate", "aws-lambda"));
    assert_eq!((pairs[0].count, pairs[0].last_at), (2, T0 + DAY));
    assert_eq!(pairs[1].count, 1);
    assert_eq!(ops::confusions(&fx.store, 1).unwrap().len(), 1, "the dashboard's top ones");
}

#[test]
fn practising_a_pair_gives_the_scenarios_answered_by_either_and_the_differences_that_have_both() {
    let fx = four_real_comparisons();
    let session = ops::pair_practice(&fx.store, "aws-fargate", "aws-batch").unwrap();
    let kinds: HashSet<CardKind> = session.cards.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, HashSet::from([CardKind::Scenario]), "no comparison has both");
    assert_eq!(session.cards.len(), 4, "two Fargate and two Batch scenarios");
    let both = ops::pair_practice(&fx.store, "aws-lambda", "aws-fargate").unwrap();
    assert!(both
        .cards
        .iter()
        .any(|c| c.kind == CardKind::WhichOne && c.comparison_id == "lambda-vs-fargate"));
    assert!(both.cards.windows(2).any(|w| w[0].comparison_id != w[1].comparison_id));
}

#[test]
fn scenario_cards_are_mixed_into_reviews_and_make_a_practice_session_of_their_own() {
    let mut fx = four_real_comparisons();
    let scope = Scope::Comparison("ec2-vs-lambda".into());
    let all =
        ops::review_queue(&fx.store, &scope, clock(T0), settings(), NewCards::WithinDailyLimit).unwrap();
    assert!(all.cards.iter().any(|c| c.kind == CardKind::Scenario));
    let practice =
        ops::practice_queue(&fx.store, &scope, clock(T0), settings(), NewCards::WithinDailyLimit).unwrap();
    assert_eq!(practice.cards.len(), 4);
    assert!(practice.cards.iter().all(|c| c.kind == CardKind::Scenario && c.choices.len() >= 2));
    let card = practice.cards[0].id;
    let face = &practice.cards[0];
    assert!(!face.front.is_empty() && face.answer.len() == 1);
    let not_a_choice = ops::answer_scenario(&mut fx.store, card, "amazon-s3", false, clock(T0), settings());
    assert_eq!(not_a_choice.unwrap_err().code(), "invalid_argument");
    let which_one = all.cards.iter().find(|c| c.kind == CardKind::WhichOne).unwrap().id;
    let wrong_kind =
        ops::answer_scenario(&mut fx.store, which_one, "aws-lambda", false, clock(T0), settings());
    assert_eq!(wrong_kind.unwrap_err().code(), "invalid_argument");
    let nowhere = ops::answer_scenario(&mut fx.store, 999_999, "aws-lambda", false, clock(T0), settings());
    assert_eq!(nowhere.unwrap_err().code(), "unknown_card");
    assert_eq!(confusion_count(&fx), 0, "a refused answer writes nothing");
}

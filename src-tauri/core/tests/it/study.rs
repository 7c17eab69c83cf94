//! Active recall: cards from the library, FSRS scheduling, undo, limits,
//! progress and drills — on a fixed clock.

use serde_json::json;
use versus_core::content::Section;
use versus_core::notes::NoteKey;
use versus_core::ops;
use versus_core::store::Store;
use versus_core::study::cards::{card_schedule, CardKind, CardState};
use versus_core::study::drills::{list_drills, DrillAnswer};
use versus_core::study::face::{blank_subjects, card_face, subject_forms, SubjectName};
use versus_core::study::progress::{stats, Mastery};
use versus_core::study::queue::build_queue;
use versus_core::study::{Clock, Grade, Scope, StudySettings};

use crate::support::{library_of, seed_json, seed_library, store_with, SEED_PATH};

const DAY: i64 = 86_400_000;
const T0: i64 = 1_790_000_000_000; // a fixed instant in 2026

fn clock(at: i64) -> Clock {
    Clock { now: at, utc_offset_minutes: 0 }
}

fn settings() -> StudySettings {
    StudySettings { desired_retention: 0.9, new_per_day: 20 }
}

fn cards_of(conn: &rusqlite::Connection, comparison: &str) -> Vec<(String, String, String, bool)> {
    let mut stmt = conn
        .prepare("SELECT kind, section, item_id, retired FROM card WHERE comparison_id = ?1 ORDER BY kind, section, item_id")
        .unwrap();
    stmt.query_map([comparison], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn card_id(conn: &rusqlite::Connection, kind: &str, section: &str, item: &str) -> i64 {
    conn.query_row(
        "SELECT id FROM card WHERE kind = ?1 AND section = ?2 AND item_id = ?3",
        [kind, section, item],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn cards_are_made_for_a_two_subject_comparison() {
    let fx = store_with(&seed_library());
    let cards = cards_of(fx.store.conn(), "ec2-vs-lambda");
    let count = |kind: &str| cards.iter().filter(|c| c.0 == kind).count();
    assert_eq!(count("which_one"), 6 + 2, "six differences and two when-to-use entries");
    assert_eq!(count("recall_list"), 2, "tradeoffs and mistakes, three of each: a list one can grade");
    assert_eq!(count("recall_item"), 3 + 3, "and each tradeoff and mistake on its own");
    assert_eq!(count("interview"), 1);
    let one =
        card_face(fx.store.conn(), card_id(fx.store.conn(), "recall_item", "tradeoff", "flexibility-vs-ops"))
            .unwrap();
    assert_eq!(
        one.front,
        "EC2 vs Lambda — the tradeoff “flexibility vs ops”: what is it, and why does it matter?"
    );
    assert_eq!(one.answer.len(), 1);
    let tip =
        card_face(fx.store.conn(), card_id(fx.store.conn(), "interview", "interview_tip", "main")).unwrap();
    assert_eq!(tip.front, "EC2 or Lambda: give the short answer.");
    assert!(tip.answer[0].starts_with("EC2 gives you control"));
    let list =
        card_face(fx.store.conn(), card_id(fx.store.conn(), "recall_list", "tradeoff", "all")).unwrap();
    assert_eq!(list.front, "EC2 vs Lambda: name the 3 tradeoffs.");
    assert_eq!(list.answer.len(), 3);
}

#[test]
fn a_list_too_long_to_grade_has_no_list_card_and_notes_on_a_card_say_where_they_are() {
    let mut seed = seed_json();
    let mistakes = seed["mistakes"].as_array_mut().unwrap();
    for i in 0..2 {
        mistakes.push(json!({ "id": format!("extra-{i}"), "text": format!("Another common mistake, number {i}, long enough to count.") }));
    }
    let mut fx = store_with(&library_of(&[(SEED_PATH, &seed)]));
    let cards = cards_of(fx.store.conn(), "ec2-vs-lambda");
    let live =
        |kind: &str, section: &str| cards.iter().filter(|c| c.0 == kind && c.1 == section && !c.3).count();
    assert_eq!(live("recall_list", "mistake"), 0, "five mistakes: no list card");
    assert_eq!(live("recall_item", "mistake"), 5);
    assert_eq!(live("recall_list", "tradeoff"), 1);

    let key = NoteKey::new("ec2-vs-lambda", Section::Tradeoff, "flexibility-vs-ops");
    ops::save_note(&mut fx.store, &key, "Patching is the hidden cost.").unwrap();
    let list =
        card_face(fx.store.conn(), card_id(fx.store.conn(), "recall_list", "tradeoff", "all")).unwrap();
    assert_eq!(list.notes.len(), 1);
    assert_eq!(list.notes[0].place, "Tradeoff: Flexibility vs ops");
    assert_eq!(list.notes[0].body, "Patching is the hidden cost.");
}

#[test]
fn cards_are_made_for_a_three_subject_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    ops::sync_embedded_library(&mut store).unwrap();
    let cards = cards_of(store.conn(), "s3-vs-ebs-vs-efs");
    let when: Vec<&str> =
        cards.iter().filter(|c| c.0 == "which_one" && c.1 == "when_to_use").map(|c| c.2.as_str()).collect();
    assert_eq!(when.len(), 3, "{cards:?}");
    let differences: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM item WHERE comparison_id = 's3-vs-ebs-vs-efs' AND section = 'difference'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        cards.iter().filter(|c| c.0 == "which_one" && c.1 == "difference").count() as i64,
        differences
    );
    let face = card_face(store.conn(), card_id(store.conn(), "interview", "interview_tip", "main")).unwrap();
    assert!(face.front.contains(" or "), "{}", face.front);
}

#[test]
fn no_card_question_names_a_subject_or_one_of_its_aliases_across_the_whole_library() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    ops::sync_embedded_library(&mut store).unwrap();
    let conn = store.conn();
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM card WHERE kind IN ('which_one', 'scenario') AND retired = 0")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(ids.len() > 800, "{} which-one and scenario cards", ids.len());
    let mut with_aliases = 0;
    let mut with_blanks = 0;
    let total = ids.len();
    for id in ids {
        let face = card_face(conn, id).unwrap();
        let document = versus_core::store::comparison_document(conn, &face.comparison_id).unwrap();
        let subjects: Vec<SubjectName> = document.subjects.iter().map(SubjectName::of).collect();
        with_aliases += usize::from(subjects.iter().any(|s| !s.aliases.is_empty()));
        let lower = face.front.to_lowercase();
        // The aliases checked on their own too, not only through the forms the cards blank.
        let aliases = subjects.iter().flat_map(|s| s.aliases.iter().map(|a| a.to_lowercase()));
        for form in subject_forms(&face.comparison_title, &subjects).into_iter().chain(aliases) {
            let form = form.to_lowercase();
            let found = lower.match_indices(&form).any(|(at, _)| {
                let before = lower[..at].chars().next_back();
                let after = lower[at + form.len()..].chars().next();
                !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
            });
            assert!(
                !found,
                "{}: card {} still names {form:?}: {}",
                face.comparison_id, face.item_id, face.front
            );
        }
        with_blanks += usize::from(face.kind == CardKind::WhichOne && face.front.contains("_____"));
    }
    // Some differences describe the subjects without naming them; most name them.
    let which_ones = total
        - conn
            .query_row("SELECT count(*) FROM card WHERE kind = 'scenario' AND retired = 0", [], |r| {
                r.get::<_, i64>(0)
            })
            .unwrap() as usize;
    assert!(with_blanks * 10 >= which_ones * 8, "{with_blanks} of {which_ones} which-one cards have blanks");
    assert!(with_aliases > 0, "the library's short forms are part of the check");
}

#[test]
fn blanking_handles_vendor_prefixes_parentheses_plurals_and_case() {
    let subjects = [
        SubjectName {
            id: "dax".into(),
            name: "DynamoDB Accelerator (DAX)".into(),
            aliases: vec!["accelerator cache".into()],
        },
        SubjectName {
            id: "elasticache".into(),
            name: "Amazon ElastiCache".into(),
            aliases: vec!["cluster".into()],
        },
    ];
    let text = "ElastiCache serves many apps; DAX sits in front of one table. A dynamodb accelerator is not ELASTICACHE, and DAXes are rare. Each cluster differs from an accelerator cache.";
    let blanked = blank_subjects(text, "ElastiCache vs DAX", &subjects);
    for word in
        ["ElastiCache", "ELASTICACHE", "DAX", "dynamodb accelerator", "DAXes", "cluster", "accelerator cache"]
    {
        assert!(!blanked.contains(word), "{word} left in: {blanked}");
    }
    assert!(blanked.contains("serves many apps"), "{blanked}");
    assert!(blanked.contains("table"), "ordinary words stay");
}

#[test]
fn a_content_update_keeps_a_rewritten_items_card_and_retires_a_removed_ones() {
    let mut fx = store_with(&seed_library());
    let rewritten = card_id(fx.store.conn(), "which_one", "difference", "control");
    let removed = card_id(fx.store.conn(), "which_one", "difference", "operations");
    ops::grade_card(&mut fx.store, rewritten, Grade::Good, clock(T0), settings()).unwrap();
    ops::grade_card(&mut fx.store, removed, Grade::Hard, clock(T0), settings()).unwrap();
    let before = card_schedule(fx.store.conn(), rewritten).unwrap();

    let mut updated = seed_json();
    updated["differences"][0]["text"] =
        json!("EC2 hands you a whole machine; Lambda hands you a function to fill.");
    updated["differences"].as_array_mut().unwrap().remove(2);
    ops::import_content(
        &mut fx.store,
        &library_of(&[(SEED_PATH, &updated)]),
        &versus_core::store::Origin::Library,
    )
    .unwrap();

    let conn = fx.store.conn();
    assert_eq!(card_id(conn, "which_one", "difference", "control"), rewritten, "same card");
    assert_eq!(card_schedule(conn, rewritten).unwrap(), before, "its schedule is kept");
    assert!(
        card_face(conn, rewritten).unwrap().front.contains("hands you a whole machine"),
        "shows the new text"
    );
    let retired: bool =
        conn.query_row("SELECT retired FROM card WHERE id = ?1", [removed], |r| r.get(0)).unwrap();
    assert!(retired);
    let history: i64 = conn
        .query_row("SELECT count(*) FROM review_log WHERE card_id = ?1", [removed], |r| r.get(0))
        .unwrap();
    assert_eq!(history, 1, "the retired card's review history stays");
    let queue = build_queue(conn, &Scope::All, clock(T0 + 400 * DAY), settings()).unwrap();
    assert!(!queue.cards.contains(&removed), "a retired card is never shown");
}

#[test]
fn grading_moves_the_due_date_the_way_the_fsrs_crate_says() {
    let mut fx = store_with(&seed_library());
    let id = card_id(fx.store.conn(), "interview", "interview_tip", "main");
    let fsrs = fsrs::FSRS::new(&[]).unwrap();

    let first = ops::grade_card(&mut fx.store, id, Grade::Good, clock(T0), settings()).unwrap();
    let expected = fsrs.next_states(None, 0.9, 0).unwrap().good;
    assert_eq!(first.card.due, Some(T0 + (f64::from(expected.interval) * DAY as f64).round() as i64));
    assert!((first.card.stability.unwrap() - f64::from(expected.memory.stability)).abs() < 1e-4);

    let later = T0 + 3 * DAY;
    let second = ops::grade_card(
        &mut fx.store,
        id,
        Grade::Hard,
        clock(later),
        StudySettings { desired_retention: 0.85, new_per_day: 20 },
    )
    .unwrap();
    let expected2 = fsrs.next_states(Some(expected.memory), 0.85, 3).unwrap().hard;
    assert_eq!(second.card.due, Some(later + (f64::from(expected2.interval) * DAY as f64).round() as i64));
    assert!((second.card.difficulty.unwrap() - f64::from(expected2.memory.difficulty)).abs() < 1e-4);
    assert_eq!(second.card.reps, 2);

    let third =
        ops::grade_card(&mut fx.store, id, Grade::Again, clock(later + 20 * DAY), settings()).unwrap();
    assert_eq!(third.card.lapses, 1, "Again on a reviewed card is a lapse");
    let logged: i64 = fx
        .store
        .conn()
        .query_row("SELECT count(*) FROM review_log WHERE card_id = ?1", [id], |r| r.get(0))
        .unwrap();
    assert_eq!(logged, 3, "every review is logged");
}

#[test]
fn undo_restores_the_exact_prior_state() {
    let mut fx = store_with(&seed_library());
    let id = card_id(fx.store.conn(), "which_one", "difference", "control");
    ops::grade_card(&mut fx.store, id, Grade::Good, clock(T0), settings()).unwrap();
    let before = card_schedule(fx.store.conn(), id).unwrap();
    let logs_before: i64 =
        fx.store.conn().query_row("SELECT count(*) FROM review_log", [], |r| r.get(0)).unwrap();

    ops::grade_card(&mut fx.store, id, Grade::Easy, clock(T0 + 5 * DAY), settings()).unwrap();
    assert_ne!(card_schedule(fx.store.conn(), id).unwrap(), before);
    assert_eq!(ops::undo_review(&mut fx.store).unwrap().map(|step| step.card.id), Some(id));
    assert_eq!(card_schedule(fx.store.conn(), id).unwrap(), before);
    let logs_after: i64 =
        fx.store.conn().query_row("SELECT count(*) FROM review_log", [], |r| r.get(0)).unwrap();
    assert_eq!(logs_after, logs_before);

    assert_eq!(ops::undo_review(&mut fx.store).unwrap().map(|step| step.card.id), Some(id));
    let fresh = card_schedule(fx.store.conn(), id).unwrap();
    assert_eq!((fresh.state, fresh.due, fresh.reps), (CardState::New, None, 0), "back to new");
    assert_eq!(
        ops::undo_review(&mut fx.store).unwrap().map(|step| step.card.id),
        None,
        "nothing left to undo"
    );
}

#[test]
fn the_daily_new_card_limit_holds_across_restarts() {
    let fx = store_with(&seed_library());
    let dir = fx.dir.path().to_path_buf();
    drop(fx.store);
    let limit = StudySettings { desired_retention: 0.9, new_per_day: 5 };
    let noon = T0 - T0.rem_euclid(DAY) + DAY / 2;
    {
        let mut store = Store::open_in(&dir).unwrap();
        let queue = build_queue(store.conn(), &Scope::All, clock(noon), limit).unwrap();
        assert_eq!(queue.new, 5);
        for &card in &queue.cards[..3] {
            ops::grade_card(&mut store, card, Grade::Good, clock(noon), limit).unwrap();
        }
    }
    let store = Store::open_in(&dir).unwrap();
    let queue = build_queue(store.conn(), &Scope::All, clock(noon + 3_600_000), limit).unwrap();
    assert_eq!(queue.new_seen_today, 3);
    assert_eq!(queue.new, 2, "only the rest of today's five");
    let tomorrow = build_queue(store.conn(), &Scope::All, clock(noon + DAY), limit).unwrap();
    assert_eq!(tomorrow.new, 5, "a new day, a new allowance");
}

#[test]
fn due_cards_come_first_and_scopes_narrow_the_queue() {
    let mut fx = store_with(&seed_library());
    let id = card_id(fx.store.conn(), "which_one", "difference", "control");
    ops::grade_card(&mut fx.store, id, Grade::Again, clock(T0), settings()).unwrap();
    let queue = build_queue(fx.store.conn(), &Scope::All, clock(T0 + 2 * DAY), settings()).unwrap();
    assert_eq!(queue.cards[0], id);
    assert_eq!(queue.due, 1);
    let elsewhere =
        build_queue(fx.store.conn(), &Scope::Category("Storage".into()), clock(T0 + 2 * DAY), settings())
            .unwrap();
    assert!(elsewhere.cards.is_empty());
    let here = build_queue(
        fx.store.conn(),
        &Scope::Comparison("ec2-vs-lambda".into()),
        clock(T0 + 2 * DAY),
        settings(),
    )
    .unwrap();
    assert_eq!(here.cards.len(), queue.cards.len());
}

#[test]
fn streak_and_heatmap_count_reviews_per_local_day() {
    let mut fx = store_with(&seed_library());
    let cards: Vec<i64> = build_queue(fx.store.conn(), &Scope::All, clock(T0), settings()).unwrap().cards;
    let day0 = T0 - T0.rem_euclid(DAY) + 10 * 3_600_000; // 10:00 UTC
                                                         // Reviews on days -4, -2, -1 and 0 (two today): the streak is 3.
    for (offset, card) in [(-4, cards[0]), (-2, cards[1]), (-1, cards[2]), (0, cards[3]), (0, cards[4])] {
        ops::grade_card(&mut fx.store, card, Grade::Good, clock(day0 + offset * DAY), settings()).unwrap();
    }
    let today = stats(fx.store.conn(), clock(day0 + 3_600_000), settings()).unwrap();
    assert_eq!(today.reviews_today, 2);
    assert_eq!(today.streak, 3);
    assert_eq!(today.heatmap.len(), 84);
    assert_eq!(&today.heatmap[79..], &[1, 0, 1, 1, 2]);
    assert_eq!(today.heatmap.iter().sum::<i64>(), 5);
    // The next day with no review yet: the streak still counts up to yesterday.
    let tomorrow = stats(fx.store.conn(), clock(day0 + DAY), settings()).unwrap();
    assert_eq!((tomorrow.streak, tomorrow.reviews_today), (3, 0));
    // Two days later it is broken.
    assert_eq!(stats(fx.store.conn(), clock(day0 + 2 * DAY), settings()).unwrap().streak, 0);
    // A learner ten hours ahead of UTC sees 10:00 UTC as 20:00 the same day, 16:00 UTC as the next day.
    let ahead = Clock { now: day0 + 6 * 3_600_000, utc_offset_minutes: 600 };
    assert_eq!(stats(fx.store.conn(), ahead, settings()).unwrap().reviews_today, 0);
}

#[test]
fn mastery_follows_the_cards_stability() {
    let mut fx = store_with(&seed_library());
    let progress = |fx: &crate::support::Fixture| ops::comparison_progress(&fx.store).unwrap()[0].mastery;
    assert_eq!(progress(&fx), Mastery::New);
    let cards: Vec<i64> = build_queue(fx.store.conn(), &Scope::All, clock(T0), settings()).unwrap().cards;
    ops::grade_card(&mut fx.store, cards[0], Grade::Good, clock(T0), settings()).unwrap();
    assert_eq!(progress(&fx), Mastery::Learning);
    fx.store.conn().execute("UPDATE card SET state = 'review', stability = 30.0", []).unwrap();
    assert_eq!(progress(&fx), Mastery::Mastered);
    let stats = stats(fx.store.conn(), clock(T0), settings()).unwrap();
    assert_eq!(stats.categories[0].mastered, 1);
}

#[test]
fn a_drill_is_kept_and_its_self_grade_feeds_the_interview_card() {
    let mut fx = store_with(&seed_library());
    let answer = DrillAnswer {
        comparison_id: "ec2-vs-lambda".into(),
        started_at: T0 - 90_000,
        seconds_used: 90,
        answer: "EC2 when I need the box, Lambda for events.".into(),
        grade: Some(Grade::Good),
    };
    ops::submit_drill(&mut fx.store, &answer, clock(T0), settings()).unwrap();
    let drills = list_drills(fx.store.conn(), 10).unwrap();
    assert_eq!(drills.len(), 1);
    assert_eq!(drills[0].answer, answer.answer);
    assert_eq!(drills[0].comparison_title, "EC2 vs Lambda");
    let interview = card_id(fx.store.conn(), "interview", "interview_tip", "main");
    assert_eq!(card_schedule(fx.store.conn(), interview).unwrap().reps, 1);
    let ungraded = DrillAnswer { grade: None, ..answer.clone() };
    let later = ops::submit_drill(&mut fx.store, &ungraded, clock(T0 + DAY), settings()).unwrap();
    ops::grade_drill(&mut fx.store, later, Grade::Easy, clock(T0 + DAY), settings()).unwrap();
    assert_eq!(list_drills(fx.store.conn(), 10).unwrap()[0].grade, Some(4));
    assert_eq!(card_schedule(fx.store.conn(), interview).unwrap().reps, 2);
    let unknown = DrillAnswer { comparison_id: "nope".into(), ..answer };
    assert_eq!(
        ops::submit_drill(&mut fx.store, &unknown, clock(T0), settings()).unwrap_err().code(),
        "unknown_comparison"
    );
}

fn reviews_of(fx: &crate::support::Fixture, card: i64) -> Vec<i64> {
    let mut stmt =
        fx.store.conn().prepare("SELECT grade FROM review_log WHERE card_id = ?1 ORDER BY id").unwrap();
    stmt.query_map([card], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

#[test]
fn grading_a_drill_twice_grades_its_interview_card_once() {
    let mut fx = store_with(&seed_library());
    let interview = card_id(fx.store.conn(), "interview", "interview_tip", "main");
    let answer = DrillAnswer {
        comparison_id: "ec2-vs-lambda".into(),
        started_at: T0 - 60_000,
        seconds_used: 60,
        answer: "EC2 for the box, Lambda for events.".into(),
        grade: None,
    };
    let drill = ops::submit_drill(&mut fx.store, &answer, clock(T0), settings()).unwrap();
    assert!(reviews_of(&fx, interview).is_empty(), "an ungraded drill grades nothing");
    ops::grade_drill(&mut fx.store, drill, Grade::Hard, clock(T0), settings()).unwrap();
    let schedule = card_schedule(fx.store.conn(), interview).unwrap();
    // A second click, a retried request, a change of mind.
    ops::grade_drill(&mut fx.store, drill, Grade::Hard, clock(T0 + 1_000), settings()).unwrap();
    ops::grade_drill(&mut fx.store, drill, Grade::Easy, clock(T0 + 2_000), settings()).unwrap();
    assert_eq!(reviews_of(&fx, interview), [Grade::Hard as i64], "one answer, one review");
    assert_eq!(
        card_schedule(fx.store.conn(), interview).unwrap(),
        schedule,
        "the card is as the first grade left it"
    );
    assert_eq!(
        list_drills(fx.store.conn(), 10).unwrap()[0].grade,
        Some(Grade::Easy as i64),
        "the drill shows the last choice"
    );
}

#[test]
fn a_drill_handed_in_with_a_grade_and_graded_again_grades_its_card_once() {
    let mut fx = store_with(&seed_library());
    let interview = card_id(fx.store.conn(), "interview", "interview_tip", "main");
    let answer = DrillAnswer {
        comparison_id: "ec2-vs-lambda".into(),
        started_at: T0 - 60_000,
        seconds_used: 60,
        answer: "EC2 for the box, Lambda for events.".into(),
        grade: Some(Grade::Good),
    };
    let drill = ops::submit_drill(&mut fx.store, &answer, clock(T0), settings()).unwrap();
    ops::grade_drill(&mut fx.store, drill, Grade::Good, clock(T0 + 1_000), settings()).unwrap();
    assert_eq!(reviews_of(&fx, interview), [Grade::Good as i64]);
}

#[test]
fn a_card_of_ones_own_and_suspending_cards() {
    let mut fx = store_with(&seed_library());
    let item = NoteKey::new("ec2-vs-lambda", Section::Tradeoff, "flexibility-vs-ops");
    let id = ops::create_card(&mut fx.store, &item, "Hidden cost of EC2?", "Patching and AMIs").unwrap();
    let face = card_face(fx.store.conn(), id).unwrap();
    assert_eq!((face.kind, face.front.as_str()), (CardKind::Custom, "Hidden cost of EC2?"));
    assert_eq!(face.item_id, "flexibility-vs-ops", "a custom card keeps the real item id");
    let second = ops::create_card(&mut fx.store, &item, "And the other cost?", "AMIs").unwrap();
    assert_ne!(second, id, "several cards of one's own on one item");
    let nope = NoteKey::new("ec2-vs-lambda", Section::Tradeoff, "nope");
    assert_eq!(ops::create_card(&mut fx.store, &nope, "a", "b").unwrap_err().code(), "unknown_item");
    assert_eq!(ops::create_card(&mut fx.store, &item, " ", "b").unwrap_err().code(), "invalid_argument");

    let all = build_queue(
        fx.store.conn(),
        &Scope::All,
        clock(T0),
        StudySettings { desired_retention: 0.9, new_per_day: 100 },
    )
    .unwrap();
    assert!(all.cards.contains(&id));
    ops::suspend_card(&mut fx.store, id, true).unwrap();
    let after = build_queue(
        fx.store.conn(),
        &Scope::All,
        clock(T0),
        StudySettings { desired_retention: 0.9, new_per_day: 100 },
    )
    .unwrap();
    assert!(!after.cards.contains(&id));
    assert_eq!(ops::suspend_card(&mut fx.store, 999_999, true).unwrap_err().code(), "unknown_card");
}

#[test]
fn settings_out_of_range_are_refused() {
    assert!(StudySettings { desired_retention: 0.5, new_per_day: 10 }.checked().is_err());
    assert!(StudySettings { desired_retention: 0.9, new_per_day: 5000 }.checked().is_err());
    assert!(StudySettings::default().checked().is_ok());
    assert_eq!(Grade::from_number(5).unwrap_err().code(), "invalid_argument");
}

#[test]
fn a_streak_longer_than_the_heatmap_is_counted_in_full() {
    let mut fx = store_with(&seed_library());
    let card = build_queue(fx.store.conn(), &Scope::All, clock(T0), settings()).unwrap().cards[0];
    let day0 = T0 - T0.rem_euclid(DAY) + 9 * 3_600_000;
    for back in (0..100).rev() {
        ops::grade_card(&mut fx.store, card, Grade::Good, clock(day0 - back * DAY), settings()).unwrap();
    }
    let stats = stats(fx.store.conn(), clock(day0 + 3_600_000), settings()).unwrap();
    assert_eq!(stats.streak, 100);
    assert!(stats.heatmap.iter().all(|&n| n == 1));
}

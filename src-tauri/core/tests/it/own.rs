//! Comparisons of the learner's own: write, publish, edit (ids made from
//! words once, notes and schedules kept), validation, drafts that persist,
//! archive and restore, delete for good, copies, and a library import that
//! never writes over one of them.

use serde_json::json;
use versus_core::content::draft::{DraftDocument, DraftItem};
use versus_core::content::{ContentErrors, Section};
use versus_core::notes::NoteKey;
use versus_core::ops;
use versus_core::search::SearchQuery;
use versus_core::store::autobackup::AutoBackupStatus;
use versus_core::store::backup::Reason;
use versus_core::store::{comparison_document, comparison_source, Origin, OriginKind, Store};
use versus_core::study::cards::{card_schedule, CardState};
use versus_core::study::queue::NewCards;
use versus_core::study::{Grade, Scope, StudySettings};
use versus_core::Error;

use crate::support::{
    clock, empty_store, library_of, own_draft, publish_own, seed_json, seed_library, settings, store_with,
    Fixture, DAY, SEED_PATH, T0,
};

fn card_id(store: &Store, comparison: &str, kind: &str, section: &str, item: &str) -> i64 {
    store
        .conn()
        .query_row(
            "SELECT id FROM card WHERE comparison_id = ?1 AND kind = ?2 AND section = ?3 AND item_id = ?4",
            [comparison, kind, section, item],
            |r| r.get(0),
        )
        .unwrap_or_else(|err| panic!("no {kind} card on {section}/{item} of {comparison}: {err}"))
}

/// The ids of every card in the review queue for `scope` at `at`.
fn queue(store: &Store, scope: &Scope, at: i64) -> Vec<i64> {
    ops::review_queue(store, scope, clock(at), settings(), NewCards::WithinDailyLimit)
        .unwrap()
        .cards
        .iter()
        .map(|c| c.id)
        .collect()
}

/// Grades every card of comparison `id` Good at T0, so each has a schedule.
fn grade_all(store: &mut Store, id: &str) -> usize {
    let cards = queue(store, &Scope::Comparison(id.into()), T0);
    for &card in &cards {
        ops::grade_card(store, card, Grade::Good, clock(T0), settings()).unwrap();
    }
    cards.len()
}

fn count(store: &Store, sql: &str, id: &str) -> i64 {
    store.conn().query_row(sql, [id], |r| r.get(0)).unwrap()
}

fn listed_ids(store: &Store) -> Vec<String> {
    ops::list_comparisons(store).unwrap().into_iter().map(|c| c.id).collect()
}

fn search_hits(store: &Store, text: &str) -> Vec<(String, versus_core::search::HitKind)> {
    let query = SearchQuery { text: text.into(), ..SearchQuery::default() };
    ops::search(store, &query).unwrap().hits.into_iter().map(|h| (h.comparison_id, h.kind)).collect()
}

fn key(comparison: &str, section: Section, item: &str) -> NoteKey {
    NoteKey::new(comparison, section, item)
}

#[test]
fn editing_a_published_comparison_keeps_every_note_and_schedule_and_retires_what_was_removed() {
    let mut fx = empty_store();
    let id = publish_own(&mut fx.store, &own_draft("Kafka vs Pulsar"));
    assert_eq!(id, "kafka-vs-pulsar", "the id is made from the title's words");
    let page = ops::comparison_page(&fx.store, &id).unwrap();
    assert_eq!(page.origin, OriginKind::Mine);
    let first_ids: Vec<String> = page.differences.iter().map(|d| d.item_id.clone()).collect();
    assert_eq!(first_ids[0], "kafka-brokers-own-their-partitions", "item ids come from the words");
    let reworded = first_ids[0].clone();
    let removed = first_ids[1].clone();
    let removed_text = page.differences[1].text.clone();
    let tradeoff = page.tradeoffs[0].item_id.clone();
    let subject = page.subjects[0].item_id.clone();
    assert_eq!(subject, "kafka");

    let notes = [
        (key(&id, Section::Difference, &reworded), "note on the reworded difference"),
        (key(&id, Section::Difference, &removed), "note on the removed difference"),
        (key(&id, Section::Tradeoff, &tradeoff), "note on a tradeoff"),
        (key(&id, Section::Subject, &subject), "note on a subject"),
    ];
    for (k, body) in &notes {
        ops::save_note(&mut fx.store, k, body).unwrap();
    }
    assert!(grade_all(&mut fx.store, &id) >= 7, "differences, when-to-use, lists and the tip");
    let reworded_card = card_id(&fx.store, &id, "which_one", "difference", &reworded);
    let removed_card = card_id(&fx.store, &id, "which_one", "difference", &removed);
    let list_card = card_id(&fx.store, &id, "recall_list", "tradeoff", "all");
    let reworded_before = card_schedule(fx.store.conn(), reworded_card).unwrap();
    let list_before = card_schedule(fx.store.conn(), list_card).unwrap();
    assert_eq!(reworded_before.state, CardState::Review);
    assert!(reworded_before.due.is_some() && reworded_before.stability.is_some());

    // Edit: reword the title, a subject's name and a difference, reorder,
    // remove a difference and add one worded exactly as the removed one.
    let draft = ops::edit_comparison(&mut fx.store, &id).unwrap();
    assert_eq!(ops::edit_comparison(&mut fx.store, &id).unwrap(), draft, "one open draft per comparison");
    let opened = ops::get_draft(&fx.store, draft).unwrap();
    assert_eq!(opened.comparison_id.as_deref(), Some(id.as_str()));
    let mut doc = opened.document;
    assert_eq!(doc.differences[1].id, removed, "the draft carries the published ids");
    doc.title = "Apache Kafka vs Apache Pulsar".into();
    doc.subjects[0].name = "Apache Kafka".into();
    doc.differences[0].text = "Reworded: a Kafka broker owns its partitions on its own disks.".into();
    doc.differences.remove(1);
    doc.differences.swap(0, 1);
    doc.tradeoffs.reverse();
    doc.differences.push(DraftItem { id: String::new(), text: removed_text.clone() });
    let check = ops::save_draft(&mut fx.store, draft, &doc).unwrap();
    assert!(check.is_publishable(), "{check:?}");
    assert_eq!(ops::publish_draft(&mut fx.store, draft).unwrap(), id, "a new title keeps the id");
    assert_eq!(ops::get_draft(&fx.store, draft).unwrap_err().code(), "unknown_draft", "published drafts go");
    assert!(ops::list_drafts(&fx.store).unwrap().is_empty());

    let fx = fx.reopen();
    let page = ops::comparison_page(&fx.store, &id).unwrap();
    assert_eq!(page.title, "Apache Kafka vs Apache Pulsar");
    assert_eq!(listed_ids(&fx.store), [id.as_str()]);
    let ids: Vec<&str> = page.differences.iter().map(|d| d.item_id.as_str()).collect();
    assert_eq!(ids.len(), 4);
    assert_eq!(ids[1], reworded, "the reworded item keeps its id, in its new place");
    assert_eq!(page.differences[1].text, "Reworded: a Kafka broker owns its partitions on its own disks.");
    assert_eq!(page.differences[1].note.as_ref().unwrap().body, "note on the reworded difference");
    assert_eq!(page.tradeoffs[2].item_id, tradeoff, "the new order is shown");
    assert_eq!(page.tradeoffs[2].note.as_ref().unwrap().body, "note on a tradeoff");
    assert_eq!(page.subjects[0].item_id, subject, "a renamed subject keeps its id");
    assert_eq!(page.subjects[0].name.as_deref(), Some("Apache Kafka"));
    assert_eq!(page.subjects[0].note.as_ref().unwrap().body, "note on a subject");

    // The new item: the removed one's words, never its id.
    let added = &page.differences[3];
    assert_eq!(added.text, removed_text);
    assert!(!first_ids.contains(&added.item_id), "{} reuses an earlier id", added.item_id);
    assert_eq!(added.item_id, format!("{removed}-2"));
    assert!(added.note.is_none(), "the new item does not inherit the removed one's note");
    let added_card = card_id(&fx.store, &id, "which_one", "difference", &added.item_id);
    assert_ne!(added_card, removed_card);
    assert_eq!(card_schedule(fx.store.conn(), added_card).unwrap().state, CardState::New);

    // Schedules of the kept cards are untouched.
    assert_eq!(card_schedule(fx.store.conn(), reworded_card).unwrap(), reworded_before);
    assert_eq!(card_schedule(fx.store.conn(), list_card).unwrap(), list_before);

    // The removed item: note archived, card retired.
    let archived = ops::archived_notes(&fx.store).unwrap();
    assert_eq!(archived.len(), 1, "{archived:?}");
    assert_eq!(archived[0].archived.note.key, key(&id, Section::Difference, &removed));
    assert_eq!(archived[0].archived.note.body, "note on the removed difference");
    assert_eq!(archived[0].archived.item_text.as_deref(), Some(removed_text.as_str()));
    assert_eq!(page.archived.len(), 1);
    let later = queue(&fx.store, &Scope::All, T0 + 400 * DAY);
    assert!(later.contains(&reworded_card) && later.contains(&added_card));
    assert!(!later.contains(&removed_card), "a retired card is never shown");
    let retired: bool = fx
        .store
        .conn()
        .query_row("SELECT retired FROM card WHERE id = ?1", [removed_card], |r| r.get(0))
        .unwrap();
    assert!(retired);
}

#[test]
fn a_draft_survives_reopening_the_store_as_typed() {
    let mut fx = empty_store();
    let mut doc = DraftDocument { title: "Half written vs Not yet".into(), ..DraftDocument::default() };
    let draft = ops::create_draft(&mut fx.store, &doc).unwrap();
    doc.summary = "Typed a moment later.".into();
    doc.differences.push(DraftItem { id: String::new(), text: "One difference so far".into() });
    let check = ops::save_draft(&mut fx.store, draft, &doc).unwrap();
    assert!(!check.is_publishable(), "an incomplete draft is saved all the same");

    let fx = fx.reopen();
    let reopened = ops::get_draft(&fx.store, draft).unwrap();
    assert_eq!(reopened.document, doc);
    assert_eq!(reopened.comparison_id, None);
    assert!(reopened.check.errors.iter().any(|e| e.field == "subjects"), "{:?}", reopened.check);
    let listed = ops::list_drafts(&fx.store).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].id, listed[0].title.as_str(), listed[0].publishable),
        (draft, doc.title.as_str(), false)
    );
    assert!(listed_ids(&fx.store).is_empty(), "a draft is not a comparison");
}

#[test]
fn a_draft_that_breaks_the_structure_is_not_published_and_nothing_is_written() {
    let mut fx = store_with(&seed_library());
    type Break = fn(&mut DraftDocument);
    let cases: [(&str, Break); 4] = [
        ("subjects[1].name", |d| d.subjects[1].name = "  ".into()),
        ("when_to_use[1].text", |d| d.subjects[1].when_to_use.clear()),
        ("subjects", |d| d.subjects.truncate(1)),
        ("differences[2].text", |d| d.differences[2].text.clear()),
    ];
    for (field, break_it) in cases {
        let mut doc = own_draft("Kafka vs Pulsar");
        break_it(&mut doc);
        let draft = ops::create_draft(&mut fx.store, &doc).unwrap();
        let shown = ops::get_draft(&fx.store, draft).unwrap().check;
        assert!(shown.errors.iter().any(|e| e.field == field), "the editor shows {field}: {shown:?}");

        let comparisons = count(&fx.store, "SELECT count(*) FROM comparison WHERE id <> ?1", "");
        let items = count(&fx.store, "SELECT count(*) FROM item WHERE comparison_id <> ?1", "");
        let cards = count(&fx.store, "SELECT count(*) FROM card WHERE comparison_id <> ?1", "");
        let err = ops::publish_draft(&mut fx.store, draft).unwrap_err();
        assert_eq!(err.code(), "invalid", "{err}");
        assert!(
            matches!(&err, Error::Invalid(ContentErrors(errors)) if errors.iter().any(|e| e.field == field)),
            "{err:?}"
        );
        assert!(err.to_string().contains(field), "the message names {field}: {err}");
        assert_eq!(count(&fx.store, "SELECT count(*) FROM comparison WHERE id <> ?1", ""), comparisons);
        assert_eq!(count(&fx.store, "SELECT count(*) FROM item WHERE comparison_id <> ?1", ""), items);
        assert_eq!(count(&fx.store, "SELECT count(*) FROM card WHERE comparison_id <> ?1", ""), cards);
        assert_eq!(ops::get_draft(&fx.store, draft).unwrap().document, doc, "the draft is kept to fix");
        assert_eq!(listed_ids(&fx.store), ["ec2-vs-lambda"]);
        ops::discard_draft(&mut fx.store, draft).unwrap();
    }

    // Fewer than the library's minimum counts is advice: it publishes.
    let mut doc = own_draft("Kafka vs Pulsar");
    doc.differences.truncate(2);
    doc.tradeoffs.clear();
    let draft = ops::create_draft(&mut fx.store, &doc).unwrap();
    let check = ops::get_draft(&fx.store, draft).unwrap().check;
    assert!(check.errors.is_empty(), "{check:?}");
    let advised: Vec<&str> = check.advice.iter().map(|a| a.field.as_str()).collect();
    assert_eq!(advised, ["differences", "tradeoffs"]);
    assert_eq!(ops::publish_draft(&mut fx.store, draft).unwrap(), "kafka-vs-pulsar");
}

#[test]
fn archiving_takes_a_comparison_out_of_the_list_search_and_review_and_restoring_brings_it_all_back() {
    let mut fx = store_with(&seed_library());
    let id = publish_own(&mut fx.store, &own_draft("Kafka vs Pulsar"));
    let page = ops::comparison_page(&fx.store, &id).unwrap();
    let difference = page.differences[0].item_id.clone();
    ops::save_note(&mut fx.store, &key(&id, Section::Difference, &difference), "brokers own disks").unwrap();
    ops::save_note(&mut fx.store, &key(&id, Section::Comparison, "main"), "overall").unwrap();
    grade_all(&mut fx.store, &id);
    let card = card_id(&fx.store, &id, "which_one", "difference", &difference);
    let schedule = card_schedule(fx.store.conn(), card).unwrap();
    let own_cards: Vec<i64> = queue(&fx.store, &Scope::All, T0 + 400 * DAY)
        .into_iter()
        .filter(|c| own_card(&fx.store, *c, &id))
        .collect();
    assert!(own_cards.contains(&card));
    assert!(search_hits(&fx.store, "BookKeeper").iter().any(|(c, _)| c == &id));

    assert_eq!(ops::archive_comparison(&mut fx.store, "ec2-vs-lambda").unwrap_err().code(), "not_own");
    ops::archive_comparison(&mut fx.store, &id).unwrap();
    assert_eq!(listed_ids(&fx.store), ["ec2-vs-lambda"], "gone from the list");
    assert!(
        !search_hits(&fx.store, "BookKeeper")
            .iter()
            .any(|(c, kind)| c == &id && *kind == versus_core::search::HitKind::Item),
        "its text is gone from search"
    );
    let later = queue(&fx.store, &Scope::All, T0 + 400 * DAY);
    assert!(!later.iter().any(|c| own_card(&fx.store, *c, &id)), "none of its cards is reviewed");
    assert!(!later.is_empty(), "the shipped comparison's cards still are");
    let archived = ops::archived_notes(&fx.store).unwrap();
    let bodies: Vec<&str> = archived.iter().map(|a| a.archived.note.body.as_str()).collect();
    assert_eq!(archived.len(), 2, "{bodies:?}");
    assert!(bodies.contains(&"brokers own disks") && bodies.contains(&"overall"));
    let listed = ops::archived_comparisons(&fx.store).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].id.as_str(), listed[0].title.as_str(), listed[0].note_count),
        (id.as_str(), "Kafka vs Pulsar", 2)
    );
    assert!(ops::comparison_page(&fx.store, &id).unwrap().retired);
    let dashboard = ops::dashboard(&fx.store, clock(T0), StudySettings::default()).unwrap();
    assert_eq!(dashboard.archived_comparisons, 1, "the dashboard leads to the archive");

    let fx = fx.reopen();
    let mut fx = fx;
    ops::restore_comparison(&mut fx.store, &id).unwrap();
    let mut listed = listed_ids(&fx.store);
    listed.sort();
    assert_eq!(listed, ["ec2-vs-lambda", id.as_str()]);
    assert!(search_hits(&fx.store, "BookKeeper").iter().any(|(c, _)| c == &id), "searchable again");
    assert!(ops::archived_notes(&fx.store).unwrap().is_empty(), "its notes are current again");
    assert!(ops::archived_comparisons(&fx.store).unwrap().is_empty());
    let page = ops::comparison_page(&fx.store, &id).unwrap();
    assert!(!page.retired);
    assert_eq!(page.differences[0].note.as_ref().unwrap().body, "brokers own disks");
    assert_eq!(page.overview.note.as_ref().unwrap().body, "overall");
    assert_eq!(card_schedule(fx.store.conn(), card).unwrap(), schedule, "the schedule came back too");
    let back: Vec<i64> = queue(&fx.store, &Scope::All, T0 + 400 * DAY)
        .into_iter()
        .filter(|c| own_card(&fx.store, *c, &id))
        .collect();
    assert_eq!(back, own_cards, "the same cards are reviewed again");
}

fn own_card(store: &Store, card: i64, comparison: &str) -> bool {
    let of: String =
        store.conn().query_row("SELECT comparison_id FROM card WHERE id = ?1", [card], |r| r.get(0)).unwrap();
    of == comparison
}

#[test]
fn deleting_for_good_needs_an_archived_comparison_of_ones_own_and_a_backup_first() {
    let mut fx = store_with(&seed_library());
    let shipped_note = key("ec2-vs-lambda", Section::Tradeoff, "flexibility-vs-ops");
    ops::save_note(&mut fx.store, &shipped_note, "shipped note stays").unwrap();
    let id = publish_own(&mut fx.store, &own_draft("Kafka vs Pulsar"));
    let difference = ops::comparison_page(&fx.store, &id).unwrap().differences[0].item_id.clone();
    let note = key(&id, Section::Difference, &difference);
    ops::save_note(&mut fx.store, &note, "zanzibar first").unwrap();
    fx.store
        .transact("an older version", |tx| versus_core::notes::save_note_at(tx, &note, "zanzibar second", T0))
        .unwrap();
    let graded = grade_all(&mut fx.store, &id);
    ops::submit_drill(
        &mut fx.store,
        &versus_core::study::drills::DrillAnswer {
            comparison_id: id.clone(),
            started_at: T0 - 60_000,
            seconds_used: 60,
            answer: "Kafka for the ecosystem.".into(),
            grade: None,
        },
        clock(T0),
        settings(),
    )
    .unwrap();
    ops::record_view(&mut fx.store, &id).unwrap();
    let backups = |fx: &Fixture| ops::list_backups(&fx.store, AutoBackupStatus::default()).unwrap().backups;

    let err = ops::delete_comparison(&mut fx.store, &id).unwrap_err();
    assert_eq!(err.code(), "not_archived", "{err}");
    let err = ops::delete_comparison(&mut fx.store, "ec2-vs-lambda").unwrap_err();
    assert_eq!(err.code(), "not_own", "{err}");
    assert_eq!(ops::delete_comparison(&mut fx.store, "nope").unwrap_err().code(), "unknown_comparison");
    assert!(backups(&fx).is_empty(), "a refusal takes no backup");
    assert_eq!(listed_ids(&fx.store).len(), 2);

    ops::archive_comparison(&mut fx.store, &id).unwrap();
    // An open edit draft goes with it.
    let draft = ops::edit_comparison(&mut fx.store, &id).unwrap();
    let deleted = ops::delete_comparison(&mut fx.store, &id).unwrap();
    assert_eq!(deleted.notes, 1);
    assert_eq!(deleted.cards, graded);
    let taken = backups(&fx);
    assert_eq!(taken.len(), 1);
    assert_eq!(taken[0].reason, Reason::BeforeDelete);
    assert_eq!(taken[0].note_count, Some(2), "the backup holds the notes as they were");

    for table in ["note", "note_version", "card", "item", "draft", "drill", "recent_view"] {
        let left = count(&fx.store, &format!("SELECT count(*) FROM {table} WHERE comparison_id = ?1"), &id);
        assert_eq!(left, 0, "{table} still holds rows of {id}");
    }
    assert_eq!(count(&fx.store, "SELECT count(*) FROM comparison WHERE id = ?1", &id), 0);
    // Only its cards were ever graded.
    let reviews: i64 =
        fx.store.conn().query_row("SELECT count(*) FROM review_log", [], |r| r.get(0)).unwrap();
    assert_eq!(reviews, 0, "its reviews went too");
    assert_eq!(ops::get_draft(&fx.store, draft).unwrap_err().code(), "unknown_draft");
    assert_eq!(ops::comparison_page(&fx.store, &id).unwrap_err().code(), "unknown_comparison");
    assert!(search_hits(&fx.store, "zanzibar").is_empty(), "its notes left the search index");
    assert!(ops::archived_notes(&fx.store).unwrap().is_empty());
    assert!(ops::archived_comparisons(&fx.store).unwrap().is_empty());
    let kept = versus_core::notes::get_note(fx.store.conn(), &shipped_note).unwrap().unwrap();
    assert_eq!(kept.body, "shipped note stays");
    let integrity: String = fx.store.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    versus_core::search::check_index(fx.store.conn()).unwrap();
}

#[test]
fn making_ones_own_copy_of_a_shipped_comparison_leaves_the_original_untouched() {
    let mut fx = store_with(&seed_library());
    let original = comparison_document(fx.store.conn(), "ec2-vs-lambda").unwrap();
    let shipped_note = key("ec2-vs-lambda", Section::Difference, "control");
    ops::save_note(&mut fx.store, &shipped_note, "on the shipped one").unwrap();
    assert_eq!(ops::edit_comparison(&mut fx.store, "ec2-vs-lambda").unwrap_err().code(), "not_own");

    let draft = ops::copy_comparison(&mut fx.store, "ec2-vs-lambda").unwrap();
    let opened = ops::get_draft(&fx.store, draft).unwrap();
    assert_eq!(opened.copied_from.as_deref(), Some("ec2-vs-lambda"));
    assert_eq!(opened.comparison_id, None, "a copy is a new comparison");
    assert!(opened.check.is_publishable(), "{:?}", opened.check);
    let mut doc = opened.document;
    doc.differences[0].text = "My own wording of the control difference.".into();
    ops::save_draft(&mut fx.store, draft, &doc).unwrap();
    let copy = ops::publish_draft(&mut fx.store, draft).unwrap();
    assert_eq!(copy, "ec2-vs-lambda-2");

    assert_eq!(comparison_document(fx.store.conn(), "ec2-vs-lambda").unwrap(), original);
    assert_eq!(comparison_source(fx.store.conn(), "ec2-vs-lambda").unwrap(), Some(Origin::Library));
    assert_eq!(comparison_source(fx.store.conn(), &copy).unwrap(), Some(Origin::Mine));
    let page = ops::comparison_page(&fx.store, &copy).unwrap();
    assert_eq!(page.title, "EC2 vs Lambda");
    assert_eq!(page.differences[0].text, "My own wording of the control difference.");
    assert!(page.differences[0].note.is_none(), "notes stay on the original");
    let shipped = ops::comparison_page(&fx.store, "ec2-vs-lambda").unwrap();
    assert_eq!(shipped.differences[0].text, original.differences[0].text);
    assert_eq!(shipped.differences[0].note.as_ref().unwrap().body, "on the shipped one");

    // A second copy takes the next number.
    let again = ops::copy_comparison(&mut fx.store, "ec2-vs-lambda").unwrap();
    assert_eq!(ops::publish_draft(&mut fx.store, again).unwrap(), "ec2-vs-lambda-3");
}

#[test]
fn a_new_part_added_to_a_copy_never_takes_the_id_of_a_copied_part() {
    let mut fx = store_with(&seed_library());
    let draft = ops::copy_comparison(&mut fx.store, "ec2-vs-lambda").unwrap();
    let mut doc = ops::get_draft(&fx.store, draft).unwrap().document;
    // Worded so its slug is "control", the id of a copied difference further down.
    doc.differences.insert(0, DraftItem { id: String::new(), text: "Control".into() });
    doc.tradeoffs.insert(0, DraftItem { id: String::new(), text: "Flexibility vs ops".into() });
    let check = ops::save_draft(&mut fx.store, draft, &doc).unwrap();
    assert!(check.is_publishable(), "{check:?}");
    let copy = ops::publish_draft(&mut fx.store, draft).unwrap();
    let page = ops::comparison_page(&fx.store, &copy).unwrap();
    let ids: Vec<&str> = page.differences.iter().map(|d| d.item_id.as_str()).collect();
    assert_eq!(ids[0], "control-2");
    assert_eq!(ids[1], "control", "the copied part keeps its id");
    assert_eq!(page.tradeoffs[0].item_id, "flexibility-vs-ops-2");
}

#[test]
fn a_wrong_draft_id_and_an_oversized_draft_are_refused_and_write_nothing() {
    let mut fx = empty_store();
    let doc = own_draft("Kafka vs Pulsar");
    for err in [
        ops::get_draft(&fx.store, 4242).unwrap_err(),
        ops::save_draft(&mut fx.store, 4242, &doc).unwrap_err(),
        ops::publish_draft(&mut fx.store, 4242).unwrap_err(),
        ops::discard_draft(&mut fx.store, 4242).unwrap_err(),
    ] {
        assert_eq!(err.code(), "unknown_draft", "{err}");
        assert!(err.to_string().contains("4242"), "{err}");
    }
    assert!(ops::list_drafts(&fx.store).unwrap().is_empty(), "saving to a wrong id creates no draft");

    let mut huge = doc.clone();
    huge.summary = "x".repeat(versus_core::content::draft::MAX_DRAFT_BYTES + 1);
    let err = ops::create_draft(&mut fx.store, &huge).unwrap_err();
    assert_eq!(err.code(), "draft_too_large", "{err}");
    assert!(ops::list_drafts(&fx.store).unwrap().is_empty());

    let draft = ops::create_draft(&mut fx.store, &doc).unwrap();
    let err = ops::save_draft(&mut fx.store, draft, &huge).unwrap_err();
    assert_eq!(err.code(), "draft_too_large", "{err}");
    assert!(matches!(err, Error::DraftTooLarge { .. }));
    assert_eq!(ops::get_draft(&fx.store, draft).unwrap().document, doc, "the saved text is untouched");
}

#[test]
fn a_library_import_never_writes_over_a_comparison_of_ones_own_with_the_same_id() {
    let mut fx = store_with(&seed_library());
    let id = publish_own(&mut fx.store, &own_draft("Kafka vs Pulsar"));
    let mine = comparison_document(fx.store.conn(), &id).unwrap();
    let difference = mine.differences[0].id.clone();
    ops::save_note(&mut fx.store, &key(&id, Section::Difference, &difference), "mine").unwrap();

    // A later library ships a comparison with the same id.
    let mut shipped = seed_json();
    shipped["id"] = json!(id);
    shipped["title"] = json!("Kafka vs Pulsar (shipped)");
    let library = library_of(&[(SEED_PATH, &seed_json()), ("compute/kafka-vs-pulsar.json", &shipped)]);
    let report = ops::import_content(&mut fx.store, &library, &Origin::Library).unwrap();
    assert!(report.ran);
    assert_eq!(report.skipped, 1);
    assert_eq!(report.comparisons, 1);

    assert_eq!(comparison_document(fx.store.conn(), &id).unwrap(), mine, "the learner's text is intact");
    assert_eq!(comparison_source(fx.store.conn(), &id).unwrap(), Some(Origin::Mine));
    let page = ops::comparison_page(&fx.store, &id).unwrap();
    assert_eq!(page.title, "Kafka vs Pulsar");
    assert_eq!(page.differences[0].note.as_ref().unwrap().body, "mine");
    assert!(ops::archived_notes(&fx.store).unwrap().is_empty());
    let retired_items =
        count(&fx.store, "SELECT count(*) FROM item WHERE comparison_id = ?1 AND retired = 1", &id);
    assert_eq!(retired_items, 0, "none of its parts was retired");
}

//! Notes: durable saves, history (one version per editing session), restore,
//! clearing, the size limit and typed errors.

use versus_core::clock::now_ms;
use versus_core::content::Section;
use versus_core::notes::{self, get_note, NoteKey, SaveOutcome, EDIT_SESSION_MS, MAX_NOTE_BYTES};
use versus_core::ops;
use versus_core::store::Store;
use versus_core::Error;

use crate::support::{seed_library, store_with};

/// A fixed instant in 2023, before any clock these tests run under.
const T0: i64 = 1_700_000_000_000;
const SECOND: i64 = 1_000;
const HOUR: i64 = 3_600_000;

fn tradeoff() -> NoteKey {
    NoteKey::new("ec2-vs-lambda", Section::Tradeoff, "flexibility-vs-ops")
}

/// A save as `ops::save_note` makes it, at the time `at`.
fn save_at(store: &mut Store, key: &NoteKey, body: &str, at: i64) -> SaveOutcome {
    store.transact("saving a note", |tx| notes::save_note_at(tx, key, body, at)).unwrap()
}

fn history_of(store: &Store, key: &NoteKey) -> Vec<String> {
    ops::note_history(store, key).unwrap().into_iter().map(|v| v.body).collect()
}

#[test]
fn a_note_survives_closing_and_reopening_the_store() {
    let mut fx = store_with(&seed_library());
    let body = "**Ops cost** is the hidden line item.\n\n- patching\n- AMIs\n\nUnicode: café, 東京, 🚀";
    assert_eq!(ops::save_note(&mut fx.store, &tradeoff(), body).unwrap().outcome, SaveOutcome::Saved);
    let fx = fx.reopen();
    let note = get_note(fx.store.conn(), &tradeoff()).unwrap().expect("note kept");
    assert_eq!(note.body, body);
    assert!(note.updated_at >= note.created_at);
}

#[test]
fn every_section_accepts_a_note() {
    let mut fx = store_with(&seed_library());
    let keys = [
        (Section::Comparison, "main"),
        (Section::Subject, "ec2"),
        (Section::Difference, "runtime-constraints"),
        (Section::WhenToUse, "lambda"),
        (Section::Tradeoff, "control-vs-speed"),
        (Section::Mistake, "lambda-for-long-jobs"),
        (Section::InterviewTip, "main"),
    ];
    for (section, item) in keys {
        let key = NoteKey::new("ec2-vs-lambda", section, item);
        ops::save_note(&mut fx.store, &key, &format!("note on {section}")).unwrap();
        assert_eq!(get_note(fx.store.conn(), &key).unwrap().unwrap().body, format!("note on {section}"));
    }
}

#[test]
fn each_session_keeps_the_previous_version_newest_first_and_restorable() {
    let mut fx = store_with(&seed_library());
    let store = &mut fx.store;
    for (session, body) in ["first", "second", "third"].into_iter().enumerate() {
        save_at(store, &tradeoff(), body, T0 + session as i64 * HOUR);
    }
    assert_eq!(ops::save_note(store, &tradeoff(), "third").unwrap().outcome, SaveOutcome::Unchanged);
    let versions = ops::note_history(store, &tradeoff()).unwrap();
    let bodies: Vec<&str> = versions.iter().map(|v| v.body.as_str()).collect();
    assert_eq!(bodies, ["second", "first"], "an unchanged save adds no version");

    let restored = ops::restore_note_version(store, &tradeoff(), versions[1].id).unwrap().unwrap();
    assert_eq!(restored.body, "first");
    let bodies: Vec<String> =
        ops::note_history(store, &tradeoff()).unwrap().into_iter().map(|v| v.body).collect();
    assert_eq!(bodies, ["third", "second", "first"], "the restore itself can be undone");
}

#[test]
fn ten_saves_a_few_seconds_apart_leave_one_version_the_text_before_the_session() {
    let mut fx = store_with(&seed_library());
    let store = &mut fx.store;
    save_at(store, &tradeoff(), "Written last week.", T0);
    let session = T0 + 7 * 24 * HOUR;
    let mut body = String::from("Written last week.");
    for autosave in 1..=10 {
        body.push_str(&format!(" Typed in pause {autosave}."));
        save_at(store, &tradeoff(), &body, session + autosave * 3 * SECOND);
    }
    assert_eq!(history_of(store, &tradeoff()), ["Written last week."]);
    assert_eq!(get_note(store.conn(), &tradeoff()).unwrap().unwrap().body, body, "the last draft is current");

    // The next session keeps where this one ended, once.
    let ended = body.clone();
    for autosave in 1..=10 {
        body.push_str(" More.");
        save_at(store, &tradeoff(), &body, session + HOUR + autosave * 2 * SECOND);
    }
    assert_eq!(history_of(store, &tradeoff()), [ended.as_str(), "Written last week."]);
}

#[test]
fn a_new_note_typed_in_one_session_has_no_drafts_in_its_history() {
    let mut fx = store_with(&seed_library());
    let store = &mut fx.store;
    let mut body = String::new();
    for autosave in 0..10 {
        body.push_str("word ");
        save_at(store, &tradeoff(), &body, T0 + autosave * 2 * SECOND);
    }
    assert!(history_of(store, &tradeoff()).is_empty(), "nothing came before this note");
}

#[test]
fn saves_a_session_apart_each_leave_one_version() {
    let mut fx = store_with(&seed_library());
    let store = &mut fx.store;
    save_at(store, &tradeoff(), "monday", T0);
    save_at(store, &tradeoff(), "tuesday", T0 + EDIT_SESSION_MS);
    save_at(store, &tradeoff(), "wednesday", T0 + 2 * EDIT_SESSION_MS + 1);
    assert_eq!(history_of(store, &tradeoff()), ["tuesday", "monday"]);
    // Just inside the session: the body replaced is a draft of it.
    save_at(store, &tradeoff(), "thursday", T0 + 3 * EDIT_SESSION_MS);
    assert_eq!(history_of(store, &tradeoff()), ["tuesday", "monday"]);
}

#[test]
fn a_wipe_in_the_middle_of_a_session_keeps_the_text_just_before_it() {
    let mut fx = store_with(&seed_library());
    let store = &mut fx.store;
    save_at(store, &tradeoff(), "From before the session.", T0);
    let session = T0 + HOUR;
    let long = "Ops cost is the hidden line item: patching, AMIs, capacity planning.";
    save_at(store, &tradeoff(), &long[..40], session);
    save_at(store, &tradeoff(), long, session + 3 * SECOND);
    // Trimming less than half of it is an edit, not a wipe.
    let trimmed = &long[..long.len() / 2 + 4];
    save_at(store, &tradeoff(), trimmed, session + 6 * SECOND);
    assert_eq!(history_of(store, &tradeoff()), ["From before the session."]);

    // Select all, type over it: less than half is left.
    save_at(store, &tradeoff(), "oops", session + 9 * SECOND);
    assert_eq!(history_of(store, &tradeoff()), [trimmed, "From before the session."]);
    save_at(store, &tradeoff(), "oops, and more", session + 12 * SECOND);
    // A clear is a wipe too.
    assert_eq!(save_at(store, &tradeoff(), "", session + 15 * SECOND), SaveOutcome::Cleared);
    assert_eq!(
        history_of(store, &tradeoff()),
        ["oops, and more", trimmed, "From before the session."],
        "each wipe is one step back"
    );
}

#[test]
fn a_restore_in_the_middle_of_a_session_keeps_the_text_it_replaces() {
    let mut fx = store_with(&seed_library());
    let store = &mut fx.store;
    // Saves a minute or two before now, so the restore below falls in the same session.
    let session = now_ms() - 2 * 60 * SECOND;
    save_at(store, &tradeoff(), "The text from before, to go back to.", session - HOUR);
    save_at(store, &tradeoff(), "A rewrite the learner regrets at once.", session);
    let before = ops::note_history(store, &tradeoff()).unwrap();
    assert_eq!(before.len(), 1);
    let restored = ops::restore_note_version(store, &tradeoff(), before[0].id).unwrap().unwrap();
    assert_eq!(restored.body, "The text from before, to go back to.");
    assert_eq!(
        history_of(store, &tradeoff()),
        ["A rewrite the learner regrets at once.", "The text from before, to go back to."],
        "the restore can be undone"
    );
}

#[test]
fn an_empty_save_clears_the_note_but_keeps_its_history() {
    let mut fx = store_with(&seed_library());
    let store = &mut fx.store;
    ops::save_note(store, &tradeoff(), "months of thought").unwrap();
    assert_eq!(ops::save_note(store, &tradeoff(), "  \n").unwrap().outcome, SaveOutcome::Cleared);
    assert!(get_note(store.conn(), &tradeoff()).unwrap().is_none());
    let versions = ops::note_history(store, &tradeoff()).unwrap();
    assert_eq!(versions[0].body, "months of thought");
    ops::restore_note_version(store, &tradeoff(), versions[0].id).unwrap();
    assert_eq!(get_note(store.conn(), &tradeoff()).unwrap().unwrap().body, "months of thought");
    assert_eq!(
        ops::save_note(store, &NoteKey::new("ec2-vs-lambda", Section::Mistake, "ec2-by-default"), "")
            .unwrap()
            .outcome,
        SaveOutcome::Unchanged
    );
}

#[test]
fn a_note_over_one_mebibyte_is_refused_whole_not_truncated() {
    let mut fx = store_with(&seed_library());
    let store = &mut fx.store;
    ops::save_note(store, &tradeoff(), "the note before").unwrap();

    let at_limit = "a".repeat(MAX_NOTE_BYTES);
    assert_eq!(ops::save_note(store, &tradeoff(), &at_limit).unwrap().outcome, SaveOutcome::Saved);
    assert_eq!(get_note(store.conn(), &tradeoff()).unwrap().unwrap().body.len(), MAX_NOTE_BYTES);

    // One multi-byte character past the limit: counted in bytes, not chars.
    let over = format!("{}é", "a".repeat(MAX_NOTE_BYTES - 1));
    let err = ops::save_note(store, &tradeoff(), &over).unwrap_err();
    assert!(
        matches!(err, Error::NoteTooLarge { bytes, limit } if bytes == MAX_NOTE_BYTES + 1 && limit == MAX_NOTE_BYTES)
    );
    assert_eq!(err.code(), "note_too_large");
    assert_eq!(
        get_note(store.conn(), &tradeoff()).unwrap().unwrap().body,
        at_limit,
        "the stored note is untouched"
    );
}

#[test]
fn unknown_comparison_item_and_version_get_typed_errors() {
    let mut fx = store_with(&seed_library());
    let store = &mut fx.store;
    let err =
        ops::save_note(store, &NoteKey::new("no-such-comparison", Section::Tradeoff, "x"), "hi").unwrap_err();
    assert_eq!(err.code(), "unknown_comparison");
    let err = ops::save_note(store, &NoteKey::new("ec2-vs-lambda", Section::Tradeoff, "no-such-item"), "hi")
        .unwrap_err();
    assert_eq!(err.code(), "unknown_item");
    assert!(err.to_string().contains("no-such-item"));
    // A real item id under the wrong section is unknown too.
    let err =
        ops::save_note(store, &NoteKey::new("ec2-vs-lambda", Section::Mistake, "flexibility-vs-ops"), "hi")
            .unwrap_err();
    assert_eq!(err.code(), "unknown_item");
    let err = ops::restore_note_version(store, &tradeoff(), 9999).unwrap_err();
    assert_eq!(err.code(), "unknown_version");
    let err = ops::comparison_page(store, "nope").unwrap_err();
    assert_eq!(err.code(), "unknown_comparison");
}

#[test]
fn a_version_of_another_note_cannot_be_restored_here() {
    let mut fx = store_with(&seed_library());
    let store = &mut fx.store;
    let other = NoteKey::new("ec2-vs-lambda", Section::Mistake, "ec2-by-default");
    save_at(store, &other, "one", T0);
    save_at(store, &other, "two", T0 + HOUR);
    let foreign = ops::note_history(store, &other).unwrap()[0].id;
    assert_eq!(ops::restore_note_version(store, &tradeoff(), foreign).unwrap_err().code(), "unknown_version");
}

#[test]
fn markdown_is_rendered_and_sanitized() {
    let html = versus_core::markdown::render(
        "# Title\n\n**bold** <img src=x onerror=alert(1)> <script>alert(2)</script> [l](javascript:alert(3))",
    );
    assert!(html.contains("<h1>Title</h1>"), "{html}");
    assert!(html.contains("<strong>bold</strong>"));
    assert!(!html.contains("onerror"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("javascript:"), "{html}");
}

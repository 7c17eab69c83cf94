//! Notes: durable saves, history, restore, clearing, the size limit and typed errors.

use versus_core::content::Section;
use versus_core::notes::{get_note, NoteKey, SaveOutcome, MAX_NOTE_BYTES};
use versus_core::ops;
use versus_core::Error;

use crate::support::{seed_library, store_with};

fn tradeoff() -> NoteKey {
    NoteKey::new("ec2-vs-lambda", Section::Tradeoff, "flexibility-vs-ops")
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
fn each_save_keeps_the_previous_version_newest_first_and_restorable() {
    let mut fx = store_with(&seed_library());
    let store = &mut fx.store;
    for body in ["first", "second", "third"] {
        ops::save_note(store, &tradeoff(), body).unwrap();
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
    let err = ops::open_comparison(store, "nope").unwrap_err();
    assert_eq!(err.code(), "unknown_comparison");
}

#[test]
fn a_version_of_another_note_cannot_be_restored_here() {
    let mut fx = store_with(&seed_library());
    let store = &mut fx.store;
    let other = NoteKey::new("ec2-vs-lambda", Section::Mistake, "ec2-by-default");
    ops::save_note(store, &other, "one").unwrap();
    ops::save_note(store, &other, "two").unwrap();
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

//! Content packs: export and import give the same comparisons, the same pack
//! twice changes nothing, a newer version updates by ids and retires what it
//! dropped, removal and re-installation keep notes, and every bad or
//! colliding pack is refused, saying what and where, with nothing changed.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use versus_core::content::pack::{read_pack_file, MAX_PACK_BYTES, MAX_PACK_COMPARISONS};
use versus_core::content::Section;
use versus_core::notes::NoteKey;
use versus_core::ops;
use versus_core::packs::{Change, PackMeta};
use versus_core::store::{comparison_document, comparison_source, Origin, OriginKind, Store};
use versus_core::study::cards::card_schedule;
use versus_core::study::queue::NewCards;
use versus_core::study::{Grade, Scope};
use versus_core::Error;

use crate::support::{
    clock, empty_store, names_in, own_draft, publish_own, seed_json, seed_library, settings, store_with,
    Fixture, DAY, T0,
};

fn no_progress() -> impl FnMut(usize, usize) {
    |_, _| {}
}

/// The seed comparison under another id and title, in the content format.
fn comparison(id: &str, title: &str) -> Value {
    let mut c = seed_json();
    c["id"] = json!(id);
    c["title"] = json!(title);
    c
}

fn pack(id: &str, name: &str, version: &str, comparisons: Vec<Value>) -> Value {
    json!({
        "format": "versus-pack", "format_version": 1, "id": id, "name": name, "version": version,
        "author": "Test Author", "description": "A pack written by the tests.", "comparisons": comparisons
    })
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn write_json(dir: &Path, name: &str, value: &Value) -> PathBuf {
    write(dir, name, &serde_json::to_vec_pretty(value).unwrap())
}

fn import(fx: &mut Fixture, path: &Path) -> versus_core::store::ImportReport {
    ops::import_pack(&mut fx.store, path, &mut no_progress()).unwrap()
}

fn card_id(store: &Store, comparison: &str, kind: &str, section: &str, item: &str) -> i64 {
    store
        .conn()
        .query_row(
            "SELECT id FROM card WHERE comparison_id = ?1 AND kind = ?2 AND section = ?3 AND item_id = ?4",
            [comparison, kind, section, item],
            |r| r.get(0),
        )
        .unwrap()
}

fn listed_ids(store: &Store) -> Vec<String> {
    let mut ids: Vec<String> = ops::list_comparisons(store).unwrap().into_iter().map(|c| c.id).collect();
    ids.sort();
    ids
}

/// Everything a refused pack must leave as it was: every table's row count,
/// the stored documents, the meta table and the backups folder.
#[derive(Debug, PartialEq)]
struct Snapshot {
    counts: Vec<(&'static str, i64)>,
    /// (id, a hash of the stored document, retired)
    documents: Vec<(String, u64, bool)>,
    meta: Vec<(String, String)>,
    backups: Vec<String>,
}

fn hash_of(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

fn snapshot(fx: &Fixture) -> Snapshot {
    let conn = fx.store.conn();
    let counts = ["comparison", "item", "card", "note", "pack", "draft", "meta", "review_log"]
        .into_iter()
        .map(|t| (t, conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0)).unwrap()))
        .collect();
    let documents = conn
        .prepare("SELECT id, coalesce(document, ''), retired FROM comparison ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, hash_of(&r.get::<_, String>(1)?), r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let meta = conn
        .prepare("SELECT key, value FROM meta ORDER BY key")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let backup_dir = fx.store.backup_dir();
    let backups = if backup_dir.exists() { names_in(&backup_dir) } else { Vec::new() };
    Snapshot { counts, documents, meta, backups }
}

/// The pack at `path` is refused by preview and import with one problem at
/// `field` whose message holds `says`, and nothing changes.
fn assert_refused(fx: &mut Fixture, path: &Path, field: &str, says: &str) {
    let before = snapshot(fx);
    let file = path.file_name().unwrap().to_string_lossy().into_owned();
    let checked = ops::preview_pack(&fx.store, path).unwrap();
    assert!(checked.preview.is_none(), "{file}: a bad pack has no preview");
    assert!(!checked.errors.is_empty(), "{file}: refused");
    let problem = &checked.errors[0];
    assert_eq!(problem.file, file);
    assert_eq!(problem.field, field, "{file}: {problem:?}");
    assert!(problem.message.contains(says), "{file}: {:?} should say {says:?}", problem.message);

    let err = ops::import_pack(&mut fx.store, path, &mut no_progress()).unwrap_err();
    assert_eq!(err.code(), "invalid", "{file}: {err}");
    let message = err.to_string();
    assert!(message.contains(&format!("{file}: {field}: ")), "{file}: says what and where: {message}");
    assert!(message.contains(says), "{message}");
    assert_eq!(snapshot(fx), before, "{file}: a refused pack changes nothing");
}

#[test]
fn an_exported_pack_imports_into_a_fresh_store_as_the_same_comparisons() {
    let mut source = empty_store();
    let mut second = own_draft("RabbitMQ vs SQS");
    second.subjects[0].name = "RabbitMQ".into();
    second.subjects[1].name = "Amazon SQS".into();
    second.subjects[1].category = "Queues".into();
    let ids = vec![
        publish_own(&mut source.store, &own_draft("Kafka vs Pulsar")),
        publish_own(&mut source.store, &second),
    ];
    let meta = PackMeta {
        id: "streaming-notes".into(),
        name: " Streaming notes ".into(),
        version: "1.0".into(),
        author: "Me".into(),
        description: "Two comparisons of my own.".into(),
    };
    let path = source.dir.path().join("streaming.versuspack");
    let exported = ops::export_pack(&source.store, &meta, &ids, &path).unwrap();
    assert_eq!(exported.comparisons, 2);
    assert_eq!(exported.location, path.display().to_string());
    let written = read_pack_file(&path).unwrap();
    assert_eq!((written.name.as_str(), written.format_version), ("Streaming notes", 1));
    // Only one's own comparisons are exported.
    let with_shipped = store_with(&seed_library());
    let shipped = vec!["ec2-vs-lambda".to_string()];
    let err =
        ops::export_pack(&with_shipped.store, &meta, &shipped, &with_shipped.dir.path().join("x.versuspack"))
            .unwrap_err();
    assert_eq!(err.code(), "not_own");
    let bad_meta = PackMeta { id: "Not A Slug".into(), ..meta.clone() };
    assert_eq!(ops::export_pack(&source.store, &bad_meta, &ids, &path).unwrap_err().code(), "invalid");

    let mut fresh = empty_store();
    let preview = ops::preview_pack(&fresh.store, &path).unwrap().preview.unwrap();
    assert_eq!(preview.comparisons.len(), 2);
    assert!(preview.comparisons.iter().all(|c| c.change == Change::New), "{preview:?}");
    assert!(preview.collisions.is_empty() && preview.retiring.is_empty());
    assert_eq!(preview.installed_version, None);
    let report = import(&mut fresh, &path);
    assert!(report.ran);
    assert_eq!((report.comparisons, report.skipped), (2, 0));

    for id in &ids {
        let original = comparison_document(source.store.conn(), id).unwrap();
        assert_eq!(comparison_document(fresh.store.conn(), id).unwrap(), original, "{id}");
        let mut page = ops::comparison_page(&source.store, id).unwrap();
        let imported = ops::comparison_page(&fresh.store, id).unwrap();
        assert_eq!(imported.origin, OriginKind::Pack);
        page.origin = OriginKind::Pack;
        assert_eq!(imported, page, "{id}: the same page, item for item");
        assert_eq!(
            comparison_source(fresh.store.conn(), id).unwrap(),
            Some(Origin::Pack("streaming-notes".into()))
        );
    }
    let cards =
        |s: &Store| -> i64 { s.conn().query_row("SELECT count(*) FROM card", [], |r| r.get(0)).unwrap() };
    assert_eq!(cards(&fresh.store), cards(&source.store), "the same cards to study");
    let installed = ops::list_packs(&fresh.store).unwrap();
    assert_eq!(installed.len(), 1);
    assert_eq!(
        (
            installed[0].id.as_str(),
            installed[0].name.as_str(),
            installed[0].version.as_str(),
            installed[0].comparison_count
        ),
        ("streaming-notes", "Streaming notes", "1.0", 2)
    );
    let listed = ops::list_comparisons(&fresh.store).unwrap();
    assert!(listed.iter().all(|c| c.pack_id.as_deref() == Some("streaming-notes")));
}

#[test]
fn importing_the_same_pack_twice_changes_nothing() {
    let mut fx = store_with(&seed_library());
    let path = write_json(
        fx.dir.path(),
        "acme.versuspack",
        &pack(
            "acme",
            "Acme",
            "1",
            vec![comparison("p-one", "One vs Two"), comparison("p-two", "Three vs Four")],
        ),
    );
    let first = import(&mut fx, &path);
    assert!(first.ran);
    assert_eq!(first.comparisons, 2);
    ops::save_note(&mut fx.store, &NoteKey::new("p-one", Section::Difference, "control"), "kept").unwrap();
    let installed = ops::list_packs(&fx.store).unwrap();
    let before = snapshot(&fx);

    let preview = ops::preview_pack(&fx.store, &path).unwrap().preview.unwrap();
    assert!(preview.comparisons.iter().all(|c| c.change == Change::Unchanged), "{preview:?}");
    assert_eq!(preview.installed_version.as_deref(), Some("1"));
    let second = import(&mut fx, &path);
    assert!(!second.ran, "{second:?}");
    assert_eq!(second, versus_core::store::ImportReport::default());
    assert_eq!(snapshot(&fx), before, "not even a backup is taken for nothing");
    assert_eq!(ops::list_packs(&fx.store).unwrap(), installed, "not even the install time changes");

    // The same comparisons under a new version number: the listing follows.
    let mut renamed = pack(
        "acme",
        "Acme",
        "1.0.1",
        vec![comparison("p-one", "One vs Two"), comparison("p-two", "Three vs Four")],
    );
    renamed["description"] = json!("Same comparisons, new description.");
    let path = write_json(fx.dir.path(), "acme-1.0.1.versuspack", &renamed);
    let report = import(&mut fx, &path);
    assert_eq!(report.retired_comparisons + report.retired_items, 0, "{report:?}");
    let listed = ops::list_packs(&fx.store).unwrap();
    assert_eq!(
        (listed[0].version.as_str(), listed[0].description.as_str()),
        ("1.0.1", "Same comparisons, new description.")
    );
    assert_eq!(snapshot(&fx).documents, before.documents, "the comparisons are as they were");
    let note =
        versus_core::notes::get_note(fx.store.conn(), &NoteKey::new("p-one", Section::Difference, "control"));
    assert_eq!(note.unwrap().unwrap().body, "kept");
    assert!(!import(&mut fx, &path).ran, "and then it is current");
}

#[test]
fn a_newer_version_updates_by_ids_and_archives_what_it_dropped_with_its_notes() {
    let mut fx = store_with(&seed_library());
    let v1 = pack(
        "acme",
        "Acme",
        "1",
        vec![comparison("p-one", "One vs Two"), comparison("p-two", "Three vs Four")],
    );
    let path = write_json(fx.dir.path(), "acme-1.versuspack", &v1);
    import(&mut fx, &path);
    let notes = [
        (NoteKey::new("p-one", Section::Difference, "control"), "reworded keeps me"),
        (NoteKey::new("p-one", Section::Difference, "operations"), "removed archives me"),
        (NoteKey::new("p-two", Section::Tradeoff, "flexibility-vs-ops"), "dropped comparison archives me"),
    ];
    for (k, body) in &notes {
        ops::save_note(&mut fx.store, k, body).unwrap();
    }
    let cards = ops::review_queue(
        &fx.store,
        &Scope::Comparison("p-one".into()),
        clock(T0),
        settings(),
        NewCards::WithinDailyLimit,
    )
    .unwrap();
    for card in &cards.cards {
        ops::grade_card(&mut fx.store, card.id, Grade::Good, clock(T0), settings()).unwrap();
    }
    let control = card_id(&fx.store, "p-one", "which_one", "difference", "control");
    let operations = card_id(&fx.store, "p-one", "which_one", "difference", "operations");
    let schedule = card_schedule(fx.store.conn(), control).unwrap();

    let mut one = comparison("p-one", "One vs Two, revised");
    one["differences"][0]["text"] = json!("Reworded in version 2: EC2 is the machine, Lambda the function.");
    let removed = one["differences"].as_array_mut().unwrap().remove(2);
    assert_eq!(removed["id"], "operations");
    let v2 = pack("acme", "Acme", "2", vec![one]);
    let path = write_json(fx.dir.path(), "acme-2.versuspack", &v2);

    let preview = ops::preview_pack(&fx.store, &path).unwrap().preview.unwrap();
    assert_eq!(preview.installed_version.as_deref(), Some("1"));
    assert!(!preview.was_removed, "an installed pack is not a removed one");
    let entry = &preview.comparisons[0];
    assert_eq!(entry.change, Change::Updated);
    // The title counts as a reworded part too.
    assert_eq!((entry.added, entry.reworded, entry.removed), (0, 2, 1), "{entry:?}");
    assert_eq!(preview.retiring, ["p-two"]);

    let report = import(&mut fx, &path);
    assert!(report.ran);
    assert_eq!(report.retired_comparisons, 1);
    assert_eq!(listed_ids(&fx.store), ["ec2-vs-lambda", "p-one"]);
    assert_eq!(ops::list_packs(&fx.store).unwrap()[0].version, "2");
    assert_eq!(ops::list_packs(&fx.store).unwrap()[0].comparison_count, 1);

    let page = ops::comparison_page(&fx.store, "p-one").unwrap();
    assert_eq!(page.title, "One vs Two, revised");
    assert_eq!(page.differences[0].item_id, "control");
    assert!(page.differences[0].text.starts_with("Reworded in version 2"));
    assert_eq!(page.differences[0].note.as_ref().unwrap().body, "reworded keeps me");
    assert_eq!(card_schedule(fx.store.conn(), control).unwrap(), schedule, "the schedule is kept");

    let archived = ops::archived_notes(&fx.store).unwrap();
    let mut keys: Vec<&NoteKey> = archived.iter().map(|a| &a.archived.note.key).collect();
    keys.sort_by(|a, b| a.comparison_id.cmp(&b.comparison_id));
    assert_eq!(keys, [&notes[1].0, &notes[2].0]);
    let dropped = archived.iter().find(|a| a.archived.note.key.comparison_id == "p-two").unwrap();
    assert_eq!(dropped.archived.comparison_title.as_deref(), Some("Three vs Four"));

    let queue = ops::review_queue(
        &fx.store,
        &Scope::All,
        clock(T0 + 400 * DAY),
        settings(),
        NewCards::WithinDailyLimit,
    )
    .unwrap();
    let queued: Vec<(&str, i64)> = queue.cards.iter().map(|c| (c.comparison_id.as_str(), c.id)).collect();
    assert!(queued.contains(&("p-one", control)));
    assert!(!queued.iter().any(|(_, id)| *id == operations), "the removed part's card is retired");
    assert!(!queued.iter().any(|(c, _)| *c == "p-two"), "the dropped comparison's cards are retired");
}

#[test]
fn removing_a_pack_archives_its_comparisons_and_installing_it_again_brings_the_notes_back() {
    let mut fx = store_with(&seed_library());
    let path = write_json(
        fx.dir.path(),
        "acme.versuspack",
        &pack(
            "acme",
            "Acme",
            "1",
            vec![comparison("p-one", "One vs Two"), comparison("p-two", "Three vs Four")],
        ),
    );
    import(&mut fx, &path);
    let note = NoteKey::new("p-one", Section::Tradeoff, "flexibility-vs-ops");
    ops::save_note(&mut fx.store, &note, "survives a removal").unwrap();
    let card = card_id(&fx.store, "p-one", "interview", "interview_tip", "main");
    ops::grade_card(&mut fx.store, card, Grade::Easy, clock(T0), settings()).unwrap();
    let schedule = card_schedule(fx.store.conn(), card).unwrap();

    assert_eq!(ops::remove_pack(&mut fx.store, "acme").unwrap(), 2);
    assert!(ops::list_packs(&fx.store).unwrap().is_empty(), "the list reflects the removal");
    assert_eq!(listed_ids(&fx.store), ["ec2-vs-lambda"]);
    let archived = ops::archived_notes(&fx.store).unwrap();
    assert_eq!(archived.len(), 1);
    assert_eq!(archived[0].archived.note.body, "survives a removal");
    let queue = ops::review_queue(
        &fx.store,
        &Scope::All,
        clock(T0 + 400 * DAY),
        settings(),
        NewCards::WithinDailyLimit,
    )
    .unwrap();
    assert!(queue.cards.iter().all(|c| c.comparison_id == "ec2-vs-lambda"));
    assert_eq!(ops::remove_pack(&mut fx.store, "acme").unwrap_err().code(), "unknown_pack");

    let preview = ops::preview_pack(&fx.store, &path).unwrap().preview.unwrap();
    assert!(preview.comparisons.iter().all(|c| c.restored && c.change == Change::Updated), "{preview:?}");
    assert!(preview.was_removed, "the preview says the pack was removed: {preview:?}");
    let report = import(&mut fx, &path);
    assert!(report.ran, "installing a removed pack again runs");
    assert_eq!(listed_ids(&fx.store), ["ec2-vs-lambda", "p-one", "p-two"]);
    assert_eq!(ops::list_packs(&fx.store).unwrap().len(), 1);
    assert!(ops::archived_notes(&fx.store).unwrap().is_empty(), "the note is attached again");
    let page = ops::comparison_page(&fx.store, "p-one").unwrap();
    let tradeoff = page.tradeoffs.iter().find(|t| t.item_id == "flexibility-vs-ops").unwrap();
    assert_eq!(tradeoff.note.as_ref().unwrap().body, "survives a removal");
    assert_eq!(card_schedule(fx.store.conn(), card).unwrap(), schedule);
}

#[test]
fn each_bad_pack_is_refused_saying_what_and_where_and_nothing_changes() {
    let mut fx = store_with(&seed_library());
    let dir = fx.dir.path().to_path_buf();
    let good = pack("acme", "Acme", "1", vec![comparison("p-one", "One vs Two")]);
    let good_bytes = serde_json::to_vec_pretty(&good).unwrap();

    let truncated = write(&dir, "truncated.versuspack", &good_bytes[..good_bytes.len() / 2]);
    assert_refused(&mut fx, &truncated, ".", "cut short");
    let not_json = write(&dir, "notes.versuspack", b"# My notes\n\nThis is Markdown, not a pack.\n");
    assert_refused(&mut fx, &not_json, ".", "not a complete JSON object");

    let mut wrong_format = good.clone();
    wrong_format["format"] = json!("versus-notes");
    assert_refused(
        &mut fx,
        &write_json(&dir, "format.versuspack", &wrong_format),
        "format",
        "not a Versus pack",
    );

    let mut newer = good.clone();
    newer["format_version"] = json!(2);
    assert_refused(&mut fx, &write_json(&dir, "newer.versuspack", &newer), "format_version", "newer Versus");

    let mut unknown = good.clone();
    unknown["comparisons"][0]["grid"] = json!([[1, 2], [3, 4]]);
    assert_refused(
        &mut fx,
        &write_json(&dir, "unknown.versuspack", &unknown),
        "comparisons[0].grid",
        "unknown field",
    );

    let mut empty_text = good.clone();
    empty_text["comparisons"][0]["differences"][0]["text"] = json!("  ");
    assert_refused(
        &mut fx,
        &write_json(&dir, "invalid.versuspack", &empty_text),
        "comparisons[0].differences[0].text",
        "must not be empty",
    );

    let twice =
        pack("acme", "Acme", "1", vec![comparison("p-one", "One vs Two"), comparison("p-one", "Again")]);
    assert_refused(
        &mut fx,
        &write_json(&dir, "twice.versuspack", &twice),
        "comparisons[1].id",
        "comparisons[0]",
    );

    let mut no_name = good.clone();
    no_name["name"] = json!("");
    assert_refused(&mut fx, &write_json(&dir, "noname.versuspack", &no_name), "name", "must not be empty");
}

#[test]
fn a_pack_over_32_mib_is_refused_before_it_is_parsed() {
    let mut fx = store_with(&seed_library());
    let mut big = pack("acme", "Acme", "1", vec![comparison("p-one", "One vs Two")]);
    big["description"] = json!("A very long description. ".repeat((MAX_PACK_BYTES as usize) / 25 + 1));
    let path = write_json(fx.dir.path(), "big.versuspack", &big);
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size > MAX_PACK_BYTES && size < MAX_PACK_BYTES + 65_536, "just over the limit: {size}");
    assert_refused(&mut fx, &path, ".", "at most 32 MiB");
    let err = ops::import_pack(&mut fx.store, &path, &mut no_progress()).unwrap_err();
    assert!(err.to_string().contains("is 32.1 MiB"), "the size shown is over the limit, rounded up: {err}");
}

#[test]
fn a_pack_of_more_than_5000_comparisons_is_refused() {
    let mut fx = store_with(&seed_library());
    let minimal = |i: usize| {
        json!({
            "id": format!("c-{i}"), "title": format!("A{i} vs B{i}"), "category": "Compute",
            "summary": "s", "subjects": [
                {"id": "a", "name": "A", "category": "Compute", "description": "a"},
                {"id": "b", "name": "B", "category": "Compute", "description": "b"}],
            "differences": [{"id": "d", "text": "d"}],
            "when_to_use": [{"subject": "a", "text": "a"}, {"subject": "b", "text": "b"}],
            "tradeoffs": [], "mistakes": [], "interview_tip": "t", "tags": []
        })
    };
    let over = pack("huge", "Huge", "1", (0..=MAX_PACK_COMPARISONS).map(minimal).collect());
    let path = write(fx.dir.path(), "huge.versuspack", &serde_json::to_vec(&over).unwrap());
    assert_refused(&mut fx, &path, "comparisons", "at most 5000");

    // Exactly at the limit is a pack like any other.
    let at = pack("huge", "Huge", "1", (0..MAX_PACK_COMPARISONS).map(minimal).collect());
    let path = write(fx.dir.path(), "at-limit.versuspack", &serde_json::to_vec(&at).unwrap());
    let checked = ops::preview_pack(&fx.store, &path).unwrap();
    assert!(checked.errors.is_empty(), "{:?}", &checked.errors[..1]);
    assert_eq!(checked.preview.unwrap().comparisons.len(), MAX_PACK_COMPARISONS);
}

#[test]
fn a_pack_that_collides_with_another_sources_comparison_is_refused_naming_both() {
    let mut fx = store_with(&seed_library());
    let mine = publish_own(&mut fx.store, &own_draft("Kafka vs Pulsar"));
    let acme = pack("acme", "Acme Platform", "1", vec![comparison("p-one", "One vs Two")]);
    let path = write_json(fx.dir.path(), "acme.versuspack", &acme);
    import(&mut fx, &path);
    let before = snapshot(&fx);

    let cases = [
        ("shipped", "ec2-vs-lambda", "EC2 vs Lambda", "the shipped library"),
        ("mine", mine.as_str(), "Kafka vs Pulsar", "your own comparisons"),
        ("other-pack", "p-one", "One vs Two", "the pack \"Acme Platform\""),
    ];
    for (name, id, existing_title, whose) in cases {
        let colliding = pack(
            "intruder",
            "Intruder",
            "1",
            vec![comparison("fresh-one", "Fresh vs New"), comparison(id, "Their version")],
        );
        let path = write_json(fx.dir.path(), &format!("{name}.versuspack"), &colliding);
        let preview = ops::preview_pack(&fx.store, &path).unwrap().preview.unwrap();
        assert_eq!(preview.collisions.len(), 1, "{name}: {:?}", preview.collisions);
        assert_eq!(preview.collisions[0].field, "comparisons[1].id");

        let err = ops::import_pack(&mut fx.store, &path, &mut no_progress()).unwrap_err();
        assert_eq!(err.code(), "id_collision", "{name}: {err}");
        assert!(matches!(err, Error::IdCollision(_)));
        let message = err.to_string();
        assert!(message.contains(&format!("{name}.versuspack: comparisons[1].id")), "{message}");
        assert!(message.contains("Their version"), "names the pack's comparison: {message}");
        assert!(message.contains(existing_title), "names the one it collides with: {message}");
        assert!(message.contains(whose), "says whose it is: {message}");
        assert_eq!(snapshot(&fx), before, "{name}: nothing changed, not even a backup taken");
    }
    assert_eq!(comparison_source(fx.store.conn(), "ec2-vs-lambda").unwrap(), Some(Origin::Library));
    assert_eq!(comparison_source(fx.store.conn(), &mine).unwrap(), Some(Origin::Mine));
    assert_eq!(comparison_source(fx.store.conn(), "p-one").unwrap(), Some(Origin::Pack("acme".into())));
    assert_eq!(ops::comparison_page(&fx.store, "ec2-vs-lambda").unwrap().title, "EC2 vs Lambda");
    assert!(ops::list_packs(&fx.store).unwrap().iter().all(|p| p.id == "acme"));
}

#[test]
fn a_preview_writes_nothing() {
    let mut fx = store_with(&seed_library());
    let v1 = pack("acme", "Acme", "1", vec![comparison("p-one", "One vs Two")]);
    let path = write_json(fx.dir.path(), "acme-1.versuspack", &v1);
    import(&mut fx, &path);
    ops::save_note(&mut fx.store, &NoteKey::new("p-one", Section::Difference, "control"), "a note").unwrap();
    fx.store.checkpoint().unwrap();
    let mut updated = comparison("p-one", "One vs Two, revised");
    updated["differences"].as_array_mut().unwrap().pop();
    let v2 = pack("acme", "Acme", "2", vec![updated, comparison("p-new", "New vs Old")]);
    let path = write_json(fx.dir.path(), "acme-2.versuspack", &v2);

    let db = fx.dir.path().join(versus_core::store::DATABASE_FILE);
    let wal = fx.dir.path().join(format!("{}-wal", versus_core::store::DATABASE_FILE));
    let files = || {
        let stat = |p: &Path| std::fs::metadata(p).ok().map(|m| (m.len(), m.modified().unwrap()));
        (std::fs::read(&db).unwrap(), stat(&db), stat(&wal))
    };
    let before = (files(), fx.store.conn().total_changes(), snapshot(&fx));
    let preview = ops::preview_pack(&fx.store, &path).unwrap().preview.unwrap();
    assert_eq!(preview.comparisons[0].change, Change::Updated);
    assert_eq!(preview.comparisons[1].change, Change::New);
    assert_eq!(preview.comparisons[0].removed, 1);
    let after = (files(), fx.store.conn().total_changes(), snapshot(&fx));
    assert!(before == after, "the preview wrote something");
}

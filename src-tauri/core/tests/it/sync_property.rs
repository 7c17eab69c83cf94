//! Three devices, random work and syncs, then syncs in random orders with
//! a batch duplicated as a sync tool's "conflicted copy", until nothing
//! moves: every device ends with the same notes, the same synced texts in
//! each note's history, the same reviews, the same card schedules and the
//! same comparisons of the learner's own (published, edited, archived and
//! restored anywhere), with a revision lost to a concurrent one kept as a
//! draft, the same drills with the same grades, the same packs installed
//! (installed, updated and removed anywhere) and the same drafts.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use proptest::prelude::*;
use versus_core::content::Section;
use versus_core::notes::NoteKey;
use versus_core::ops;
use versus_core::store::Store;
use versus_core::study::drills::DrillAnswer;
use versus_core::study::review::UndoAction;
use versus_core::study::Grade;

use crate::support::{clock, own_draft, publish_own, seed_library, settings, store_with, Fixture, DAY, T0};
use crate::sync_reviews::{cards, schedules, sync, Key};

const HOUR: i64 = 3_600_000;
const ITEMS: [&str; 3] = ["flexibility-vs-ops", "simplicity-vs-constraints", "control-vs-speed"];
/// Any card of the seed library, the first few more often, so that
/// devices often work on the same one.
fn card() -> impl Strategy<Value = usize> {
    prop_oneof![3 => 0..3usize, 1 => any::<usize>()]
}

#[derive(Debug, Clone)]
enum Op {
    Save { device: usize, item: usize },
    Clear { device: usize, item: usize },
    Grade { device: usize, card: usize, grade: u8 },
    Undo { device: usize },
    Suspend { device: usize, card: usize, suspended: bool },
    Publish { device: usize },
    Edit { device: usize, pick: usize },
    Archive { device: usize, pick: usize, archived: bool },
    Drill { device: usize, grade: Option<u8> },
    GradeDrill { device: usize, pick: usize, grade: u8 },
    InstallPack { device: usize, version: u8 },
    RemovePack { device: usize },
    SaveDraft { device: usize, pick: usize },
    DiscardDraft { device: usize, pick: usize },
    Sync { device: usize },
    ConflictedCopy { device: usize, pick: usize },
}

fn op() -> impl Strategy<Value = Op> {
    let device = 0..3usize;
    prop_oneof![
        2 => (device.clone(), 0..ITEMS.len()).prop_map(|(device, item)| Op::Save { device, item }),
        1 => (device.clone(), 0..ITEMS.len()).prop_map(|(device, item)| Op::Clear { device, item }),
        4 => (device.clone(), card(), 1..=4u8).prop_map(|(device, card, grade)| Op::Grade { device, card, grade }),
        1 => device.clone().prop_map(|device| Op::Undo { device }),
        1 => (device.clone(), card(), any::<bool>())
            .prop_map(|(device, card, suspended)| Op::Suspend { device, card, suspended }),
        1 => device.clone().prop_map(|device| Op::Publish { device }),
        2 => (device.clone(), any::<usize>()).prop_map(|(device, pick)| Op::Edit { device, pick }),
        1 => (device.clone(), any::<usize>(), any::<bool>())
            .prop_map(|(device, pick, archived)| Op::Archive { device, pick, archived }),
        1 => (device.clone(), prop::option::of(1..=4u8)).prop_map(|(device, grade)| Op::Drill { device, grade }),
        1 => (device.clone(), any::<usize>(), 1..=4u8)
            .prop_map(|(device, pick, grade)| Op::GradeDrill { device, pick, grade }),
        1 => (device.clone(), 1..=2u8).prop_map(|(device, version)| Op::InstallPack { device, version }),
        1 => device.clone().prop_map(|device| Op::RemovePack { device }),
        1 => (device.clone(), any::<usize>()).prop_map(|(device, pick)| Op::SaveDraft { device, pick }),
        1 => (device.clone(), any::<usize>()).prop_map(|(device, pick)| Op::DiscardDraft { device, pick }),
        3 => device.clone().prop_map(|device| Op::Sync { device }),
        1 => (device, any::<usize>()).prop_map(|(device, pick)| Op::ConflictedCopy { device, pick }),
    ]
}

fn key(item: usize) -> NoteKey {
    NoteKey::new("ec2-vs-lambda", Section::Tradeoff, ITEMS[item])
}

/// Copies one of `device`'s batches to a "conflicted copy" beside it, as a
/// sync tool does when two machines touch one file.
fn conflicted_copy(folder: &Path, device: &str, pick: usize) {
    let dir = folder.join("versus-sync").join(device);
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    let mut batches: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.to_string_lossy().contains("conflicted"))
        .collect();
    if batches.is_empty() {
        return;
    }
    batches.sort();
    let original = &batches[pick % batches.len()];
    let stem = original.file_stem().unwrap().to_string_lossy().into_owned();
    let copy = dir.join(format!("{stem} (conflicted copy).json"));
    if !copy.exists() {
        std::fs::copy(original, copy).unwrap();
    }
}

fn device_id(store: &Store) -> Option<String> {
    ops::sync_state(store).unwrap().device
}

/// Per note key: the current text, and every text the key ever had that a
/// sync took up, among those this device keeps (current or history).
type Notes = BTreeMap<String, (Option<String>, BTreeSet<String>)>;

fn notes(store: &Store, synced: &BTreeMap<String, BTreeSet<String>>) -> Notes {
    let mut all = Notes::new();
    for (item, name) in ITEMS.iter().enumerate() {
        let key = key(item);
        let current = versus_core::notes::get_note(store.conn(), &key).unwrap().map(|n| n.body);
        let mut kept: BTreeSet<String> =
            versus_core::notes::history(store.conn(), &key).unwrap().into_iter().map(|v| v.body).collect();
        kept.extend(current.clone());
        let taken = synced.get(*name).cloned().unwrap_or_default();
        all.insert(name.to_string(), (current, kept.intersection(&taken).cloned().collect()));
    }
    all
}

/// Every non-empty text a sync took up anywhere, by item.
fn synced_texts(devices: &[Fixture]) -> BTreeMap<String, BTreeSet<String>> {
    let mut texts: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for device in devices {
        let mut stmt =
            device.store.conn().prepare("SELECT item_id, body FROM note_change WHERE body <> ''").unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).unwrap();
        for row in rows {
            let (item, body) = row.unwrap();
            texts.entry(item).or_default().insert(body);
        }
    }
    texts
}

/// Reviews as a multiset: two equal reviews from two devices count twice.
fn review_list(store: &Store) -> Vec<(Key, i64, i64)> {
    let mut all: Vec<(Key, i64, i64)> = store
        .conn()
        .prepare(
            "SELECT c.comparison_id, c.kind, c.section, c.item_id, r.reviewed_at, r.grade
             FROM review_log r JOIN card c ON c.id = r.card_id",
        )
        .unwrap()
        .query_map([], |r| Ok(((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?), r.get(4)?, r.get(5)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    all.sort();
    all
}

/// The comparisons of the learner's own: id, document, archived.
fn own(store: &Store) -> Vec<(String, String, bool)> {
    store
        .conn()
        .prepare("SELECT id, document, retired FROM comparison WHERE source = 'mine' ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Every drill, less its row id, in a stable order.
fn drill_list(store: &Store) -> Vec<(String, i64, i64, i64, String, Option<i64>)> {
    let mut all: Vec<_> = ops::list_drills(store, 10_000)
        .unwrap()
        .into_iter()
        .map(|d| (d.comparison_id, d.started_at, d.submitted_at, d.seconds_used, d.answer, d.grade))
        .collect();
    all.sort();
    all
}

/// The summaries of every draft, which is where a lost revision is kept.
fn draft_summaries(store: &Store) -> BTreeSet<String> {
    ops::list_drafts(store)
        .unwrap()
        .into_iter()
        .map(|d| ops::get_draft(store, d.id).unwrap().document.summary)
        .collect()
}

/// Version 1 or 2 of one pack: the second rewords one comparison and drops the other.
fn test_pack(version: u8) -> versus_core::content::pack::Pack {
    let comparison = |id: &str, title: &str| {
        let mut c = crate::support::seed_json();
        c["id"] = serde_json::json!(id);
        c["title"] = serde_json::json!(title);
        c
    };
    let comparisons = match version {
        1 => vec![comparison("p-one", "P one"), comparison("p-two", "P two")],
        _ => vec![comparison("p-one", "P one, reworded")],
    };
    let pack = serde_json::json!({"format": "versus-pack", "format_version": 1, "id": "prop", "name": "Prop",
        "version": version.to_string(), "comparisons": comparisons});
    versus_core::content::pack::parse_pack("prop.versuspack", &serde_json::to_vec(&pack).unwrap()).unwrap()
}

/// Pairs of texts: (pack id, version) or (comparison id, document).
type Pairs = Vec<(String, String)>;

/// The packs installed, with the comparisons of theirs not archived.
fn pack_list(store: &Store) -> (Pairs, Pairs) {
    let packs = ops::list_packs(store).unwrap().into_iter().map(|p| (p.id, p.version)).collect();
    let comparisons = store
        .conn()
        .prepare("SELECT id, document FROM comparison WHERE source LIKE 'pack:%' AND retired = 0 ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    (packs, comparisons)
}

/// Card schedules, less those of a pack's comparisons it dropped or that
/// were archived with it: a device that never had the version with them
/// never had them at all.
fn live_schedules(store: &Store) -> BTreeMap<Key, crate::sync_reviews::Schedule> {
    let archived: BTreeSet<String> = store
        .conn()
        .prepare("SELECT id FROM comparison WHERE source LIKE 'pack:%' AND retired = 1")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    schedules(store).into_iter().filter(|(key, _)| !archived.contains(&key.0)).collect()
}

/// Every draft by its global id (what it edits may differ: one arriving
/// where another edit of its comparison is open is kept as a copy).
fn draft_list(store: &Store) -> Vec<(Option<String>, String)> {
    store
        .conn()
        .prepare("SELECT sync_id, document FROM draft ORDER BY sync_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The drafts the learner wrote in the test (not the ones a sync kept).
fn written_drafts(store: &Store) -> Vec<i64> {
    ops::list_drafts(store)
        .unwrap()
        .into_iter()
        .filter(|d| d.title.starts_with("Draft "))
        .map(|d| d.id)
        .collect()
}

fn run(ops_: Vec<Op>, skews: [i64; 3], orders: Vec<Vec<usize>>, copy_at: usize) {
    let folder = tempfile::tempdir().unwrap();
    let mut devices: Vec<Fixture> = (0..3).map(|_| store_with(&seed_library())).collect();
    let keys: Vec<Key> = cards(&devices[0].store).into_keys().collect();
    let ids: Vec<BTreeMap<Key, i64>> = devices.iter().map(|d| cards(&d.store)).collect();
    let mut now = T0;
    // Reviews given and not undone, across all devices: what sync must end with.
    let mut standing: i64 = 0;
    let mut drills = 0;
    for (step, op) in ops_.into_iter().enumerate() {
        now += 1 + (step as i64 * 7_919 % 40) * HOUR;
        match op {
            Op::Save { device, item } => {
                let body = format!("step {step}: device {device} on {}", ITEMS[item]);
                ops::save_note(&mut devices[device].store, &key(item), &body).unwrap();
            }
            Op::Clear { device, item } => {
                ops::save_note(&mut devices[device].store, &key(item), "").unwrap();
            }
            Op::Grade { device, card, grade } => {
                let id = ids[device][&keys[card % keys.len()]];
                let grade = Grade::from_number(grade).unwrap();
                let at = now + skews[device];
                ops::grade_card(&mut devices[device].store, id, grade, clock(at), settings()).unwrap();
                standing += 1;
            }
            Op::Undo { device } => {
                let undone = ops::undo_review(&mut devices[device].store).unwrap();
                if undone.is_some_and(|step| step.action == UndoAction::Grade) {
                    standing -= 1;
                }
            }
            Op::Suspend { device, card, suspended } => {
                ops::suspend_card(
                    &mut devices[device].store,
                    ids[device][&keys[card % keys.len()]],
                    suspended,
                )
                .unwrap();
            }
            Op::Publish { device } => {
                let mut draft = own_draft(&format!("Mine {step}"));
                draft.summary = format!("step {step}: published on device {device}");
                publish_own(&mut devices[device].store, &draft);
            }
            Op::Edit { device, pick } => {
                let mine = own(&devices[device].store);
                let drafts = ops::list_drafts(&devices[device].store).unwrap();
                // A comparison with a kept draft open is left alone: editing
                // it would publish the kept draft, the learner's choice.
                let picked = mine.get(pick % mine.len().max(1)).filter(|(id, _, _)| {
                    drafts.iter().all(|d| d.comparison_id.as_deref() != Some(id.as_str()))
                });
                if let Some((id, _, _)) = picked {
                    let store = &mut devices[device].store;
                    let draft = ops::edit_comparison(store, id).unwrap();
                    let mut document = ops::get_draft(store, draft).unwrap().document;
                    document.summary = format!("step {step}: edited on device {device}");
                    ops::save_draft(store, draft, &document).unwrap();
                    ops::publish_draft(store, draft).unwrap();
                }
            }
            Op::Archive { device, pick, archived } => {
                let mine = own(&devices[device].store);
                if let Some((id, _, _)) = mine.get(pick % mine.len().max(1)) {
                    if archived {
                        ops::archive_comparison(&mut devices[device].store, id).unwrap();
                    } else {
                        ops::restore_comparison(&mut devices[device].store, id).unwrap();
                    }
                }
            }
            Op::Drill { device, grade } => {
                let answer = DrillAnswer {
                    comparison_id: "ec2-vs-lambda".into(),
                    started_at: now - 60_000,
                    seconds_used: 60,
                    answer: format!("step {step}: a drill on device {device}"),
                    grade: grade.map(|g| Grade::from_number(g).unwrap()),
                };
                let at = clock(now + skews[device]);
                ops::submit_drill(&mut devices[device].store, &answer, at, settings()).unwrap();
                drills += 1;
                // A self-grade also grades the interview card.
                standing += i64::from(grade.is_some());
            }
            Op::GradeDrill { device, pick, grade } => {
                let kept = ops::list_drills(&devices[device].store, 10_000).unwrap();
                if let Some(drill) = kept.get(pick % kept.len().max(1)) {
                    let grade = Grade::from_number(grade).unwrap();
                    let at = clock(now + skews[device]);
                    ops::grade_drill(&mut devices[device].store, drill.id, grade, at, settings()).unwrap();
                    // Only a drill's first grade here grades the interview card.
                    standing += i64::from(drill.grade.is_none());
                }
            }
            Op::InstallPack { device, version } => {
                let store = &mut devices[device].store;
                ops::install_pack(store, "prop.versuspack", &test_pack(version), &mut |_, _| {}).unwrap();
            }
            Op::RemovePack { device } => {
                let store = &mut devices[device].store;
                if ops::list_packs(store).unwrap().iter().any(|p| p.id == "prop") {
                    ops::remove_pack(store, "prop").unwrap();
                }
            }
            Op::SaveDraft { device, pick } => {
                let store = &mut devices[device].store;
                let mut document = own_draft(&format!("Draft {step}"));
                document.summary = format!("step {step}: drafted on device {device}");
                let written = written_drafts(store);
                match written.get(pick % (written.len() + 1)) {
                    Some(&id) => drop(ops::save_draft(store, id, &document).unwrap()),
                    None => drop(ops::create_draft(store, &document).unwrap()),
                }
            }
            Op::DiscardDraft { device, pick } => {
                let store = &mut devices[device].store;
                let written = written_drafts(store);
                if let Some(&id) = written.get(pick % written.len().max(1)) {
                    ops::discard_draft(store, id).unwrap();
                }
            }
            Op::Sync { device } => {
                sync(&mut devices[device], folder.path(), now + skews[device]);
            }
            Op::ConflictedCopy { device, pick } => {
                if let Some(id) = device_id(&devices[device].store) {
                    conflicted_copy(folder.path(), &id, pick);
                }
            }
        }
    }
    // Syncs in random orders until a whole round moves nothing.
    let mut quiet_rounds = 0;
    for (round, order) in orders.iter().cycle().enumerate() {
        assert!(round < 8, "no quiescence after {round} rounds");
        if round == copy_at {
            for device in &devices {
                if let Some(id) = device_id(&device.store) {
                    conflicted_copy(folder.path(), &id, round);
                }
            }
        }
        let mut moved = false;
        for &device in order {
            now += DAY / 24;
            let report = sync(&mut devices[device], folder.path(), now + skews[device]);
            moved |= report.sent > 0 || report.received > 0;
        }
        quiet_rounds = if moved { 0 } else { quiet_rounds + 1 };
        if quiet_rounds == 2 {
            break;
        }
    }

    let synced = synced_texts(&devices);
    let first = &devices[0].store;
    for (i, device) in devices.iter().enumerate().skip(1) {
        let store = &device.store;
        assert_eq!(own(first), own(store), "own comparisons of device {i}");
        assert_eq!(drill_list(first), drill_list(store), "drills of device {i}");
        assert_eq!(pack_list(first), pack_list(store), "packs of device {i}");
        assert_eq!(draft_list(first), draft_list(store), "drafts of device {i}");
        assert_eq!(notes(first, &synced), notes(store, &synced), "notes of device {i}");
        assert_eq!(review_list(first), review_list(store), "reviews of device {i}");
        assert_eq!(live_schedules(first), live_schedules(store), "card schedules of device {i}");
    }
    // Nothing lost: every revision of an own comparison is current, or was
    // replaced by a revision made with it (one whose base it is), or only
    // archived or restored its base, or is a draft on the device that made it.
    let makers: BTreeMap<String, usize> =
        devices.iter().enumerate().filter_map(|(i, d)| device_id(&d.store).map(|id| (id, i))).collect();
    let current: BTreeMap<String, String> =
        own(first).into_iter().map(|(id, document, _)| (id, document)).collect();
    let revisions: Vec<(String, String, String, String, bool, bool)> = first
        .conn()
        .prepare(
            "SELECT r.comparison_id, r.document, r.document ->> '$.summary', r.device,
                    EXISTS (SELECT 1 FROM comparison_change n WHERE n.base = r.stamp),
                    EXISTS (SELECT 1 FROM comparison_change b WHERE b.stamp = r.base AND b.document = r.document)
             FROM comparison_change r",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (id, document, summary, maker, replaced, flag_only) in revisions {
        let kept = draft_summaries(&devices[makers[&maker]].store).contains(&summary);
        assert!(
            current.get(&id) == Some(&document) || replaced || flag_only || kept,
            "{summary:?} on {id}, made by device {}, is gone",
            makers[&maker]
        );
    }
    assert_eq!(drill_list(first).len(), drills, "every drill, once");
    assert_eq!(review_list(first).len() as i64, standing, "no review lost, none undone comes back");
    for (item, (_, kept)) in notes(first, &synced) {
        assert_eq!(
            Some(&kept),
            synced.get(&item).or(Some(&BTreeSet::new())),
            "every synced text of {item} kept"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn three_devices_doing_anything_and_syncing_in_any_order_converge(
        ops_ in prop::collection::vec(op(), 1..40),
        skews in [-2 * HOUR..2 * HOUR, -2 * HOUR..2 * HOUR, -2 * HOUR..2 * HOUR],
        orders in prop::collection::vec(Just(vec![0usize, 1, 2]).prop_shuffle(), 3),
        copy_at in 0..3usize,
    ) {
        run(ops_, skews, orders, copy_at);
    }
}

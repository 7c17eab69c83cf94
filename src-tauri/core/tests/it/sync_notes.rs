//! Notes across two and three stores sharing one folder: concurrent offline
//! edits end on one current text on every device with the other in its
//! history; clocks hours apart never reorder a device's own edits; random
//! edits, clears and syncs in random orders converge and lose no text.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use versus_core::content::Section;
use versus_core::notes::NoteKey;
use versus_core::ops;
use versus_core::store::Store;

use crate::support::{seed_library, store_with, Fixture};

const HOUR: i64 = 3_600_000;
const T: i64 = 1_790_000_000_000;

fn key(item: &str) -> NoteKey {
    NoteKey::new("ec2-vs-lambda", Section::Tradeoff, item)
}

fn current(store: &Store, key: &NoteKey) -> Option<String> {
    versus_core::notes::get_note(store.conn(), key).unwrap().map(|n| n.body)
}

/// The current text and every earlier one.
fn texts(store: &Store, key: &NoteKey) -> BTreeSet<String> {
    let mut all: BTreeSet<String> =
        versus_core::notes::history(store.conn(), key).unwrap().into_iter().map(|v| v.body).collect();
    all.extend(current(store, key));
    all
}

fn write(fx: &mut Fixture, key: &NoteKey, body: &str) {
    ops::save_note(&mut fx.store, key, body).unwrap();
}

fn sync(fx: &mut Fixture, folder: &Path, now: i64) -> ops::SyncReport {
    ops::sync(&mut fx.store, folder, now, Default::default()).unwrap()
}

#[test]
fn two_devices_editing_one_note_offline_both_keep_their_text_and_agree_on_the_current_one() {
    let folder = tempfile::tempdir().unwrap();
    let (mut laptop, mut desktop) = (store_with(&seed_library()), store_with(&seed_library()));
    let note = key("flexibility-vs-ops");
    write(&mut laptop, &note, "From the laptop: patching is the hidden cost.");
    write(&mut desktop, &note, "From the desktop: AMIs need an owner.");

    let first = sync(&mut laptop, folder.path(), T);
    assert_eq!((first.sent, first.received), (1, 0));
    let second = sync(&mut desktop, folder.path(), T + 1000);
    assert_eq!((second.sent, second.received), (1, 1));
    assert_eq!(second.devices, vec![first.device.clone()]);
    sync(&mut laptop, folder.path(), T + 2000);

    let (a, b) = (current(&laptop.store, &note), current(&desktop.store, &note));
    assert_eq!(a, b, "one current text everywhere");
    assert_eq!(a.as_deref(), Some("From the desktop: AMIs need an owner."), "the later stamp is current");
    for store in [&laptop.store, &desktop.store] {
        let all = texts(store, &note);
        assert!(all.contains("From the laptop: patching is the hidden cost."), "{all:?}");
        assert!(all.contains("From the desktop: AMIs need an owner."), "{all:?}");
    }
    let again = sync(&mut laptop, folder.path(), T + 3000);
    assert_eq!((again.sent, again.received, again.applied), (0, 0, 0), "nothing new, nothing done");
}

#[test]
fn a_clock_set_back_hours_never_puts_a_devices_own_later_edit_behind_its_earlier_one() {
    let folder = tempfile::tempdir().unwrap();
    let (mut ahead, mut other) = (store_with(&seed_library()), store_with(&seed_library()));
    let note = key("simplicity-vs-constraints");
    write(&mut ahead, &note, "First thought.");
    sync(&mut ahead, folder.path(), T + 10 * HOUR);
    write(&mut ahead, &note, "Second thought, written after the clock was set back.");
    sync(&mut ahead, folder.path(), T + 2 * HOUR);
    sync(&mut other, folder.path(), T);
    assert_eq!(
        current(&other.store, &note).as_deref(),
        Some("Second thought, written after the clock was set back.")
    );
    // An edit made after reading another device's is stamped after it, whatever the clock says.
    write(&mut other, &note, "The other device's answer.");
    sync(&mut other, folder.path(), T + HOUR);
    sync(&mut ahead, folder.path(), T + 3 * HOUR);
    assert_eq!(current(&ahead.store, &note).as_deref(), Some("The other device's answer."));
}

#[test]
fn a_cleared_note_clears_everywhere_and_its_text_stays_in_the_history() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let note = key("flexibility-vs-ops");
    write(&mut a, &note, "Soon to be cleared.");
    sync(&mut a, folder.path(), T);
    sync(&mut b, folder.path(), T + 1);
    assert_eq!(current(&b.store, &note).as_deref(), Some("Soon to be cleared."));
    write(&mut a, &note, "");
    sync(&mut a, folder.path(), T + 2);
    sync(&mut b, folder.path(), T + 3);
    assert_eq!(current(&b.store, &note), None);
    assert!(texts(&b.store, &note).contains("Soon to be cleared."));
}

/// A small seeded generator, so a failure replays.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn three_devices_with_random_edits_clears_and_syncs_converge_and_lose_no_text() {
    let items = ["flexibility-vs-ops", "simplicity-vs-constraints", "control-vs-speed"];
    for seed in [1u64, 7, 42, 2026] {
        let folder = tempfile::tempdir().unwrap();
        let mut devices: Vec<Fixture> = (0..3).map(|_| store_with(&seed_library())).collect();
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        // Every text a sync took up (a device's current text when it synced):
        // sync must bring each to every device, current or in the history.
        let mut synced: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let take_up = |device: &Fixture, synced: &mut BTreeMap<String, BTreeSet<String>>| {
            for item in items {
                if let Some(body) = current(&device.store, &key(item)) {
                    synced.entry(item.to_string()).or_default().insert(body);
                }
            }
        };
        let mut now = T;
        for step in 0..60 {
            // Each device's clock is off by up to two hours either way.
            now += 1 + rng.below(60_000) as i64;
            let device = rng.below(3) as usize;
            let item = items[rng.below(items.len() as u64) as usize];
            match rng.below(5) {
                0 | 1 => {
                    let body = format!("seed {seed} step {step}: device {device} on {item}");
                    write(&mut devices[device], &key(item), &body);
                }
                2 => write(&mut devices[device], &key(item), ""),
                _ => {
                    let skew = rng.below(4 * HOUR as u64) as i64 - 2 * HOUR;
                    take_up(&devices[device], &mut synced);
                    sync(&mut devices[device], folder.path(), now + skew);
                }
            }
        }
        for _round in 0..2 {
            for device in &mut devices {
                now += 1000;
                take_up(device, &mut synced);
                sync(device, folder.path(), now);
            }
        }
        for item in items {
            let note = key(item);
            let currents: Vec<Option<String>> = devices.iter().map(|d| current(&d.store, &note)).collect();
            assert!(currents.windows(2).all(|w| w[0] == w[1]), "seed {seed}, {item}: {currents:?}");
            for (i, device) in devices.iter().enumerate() {
                let kept = texts(&device.store, &note);
                for body in synced.get(item).into_iter().flatten() {
                    assert!(
                        kept.contains(body),
                        "seed {seed}: device {i} lacks {body:?}, which a sync took up"
                    );
                }
            }
        }
    }
}

#[test]
fn the_state_counts_pending_notes_and_a_new_folder_gets_everything_known() {
    let (old, new) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let state = ops::sync_state(&a.store).unwrap();
    assert_eq!((state.device, state.pending_notes), (None, 0));
    write(&mut a, &key("flexibility-vs-ops"), "one");
    write(&mut a, &key("simplicity-vs-constraints"), "two");
    assert_eq!(ops::sync_state(&a.store).unwrap().pending_notes, 2);

    ops::set_sync_folder(&mut a.store, Some(old.path())).unwrap();
    assert_eq!(ops::sync_folder(&a.store).unwrap().as_deref(), Some(old.path()));
    let report = sync(&mut a, old.path(), T);
    let state = ops::sync_state(&a.store).unwrap();
    assert_eq!((state.device, state.pending_notes), (Some(report.device), 0));

    // Moved to another folder: the device that reads it there gets both notes.
    ops::set_sync_folder(&mut a.store, Some(new.path())).unwrap();
    assert_eq!(sync(&mut a, new.path(), T + 1).sent, 2);
    let report = sync(&mut b, new.path(), T + 2);
    assert_eq!((report.received, report.applied), (2, 2));
    assert_eq!(report.comparisons, vec!["ec2-vs-lambda".to_string()]);
    assert_eq!(current(&b.store, &key("simplicity-vs-constraints")).as_deref(), Some("two"));
    assert_eq!(ops::sync_state(&b.store).unwrap().devices_seen.len(), 1);

    ops::set_sync_folder(&mut a.store, None).unwrap();
    assert_eq!(ops::sync_folder(&a.store).unwrap(), None);
}

#[test]
fn notes_near_their_size_limit_travel_in_as_many_batches_as_the_size_limit_needs() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let keys: Vec<NoteKey> = a
        .store
        .conn()
        .prepare("SELECT comparison_id, section, item_id FROM item WHERE section <> 'scenario' LIMIT 20")
        .unwrap()
        .query_map([], |r| Ok(NoteKey { comparison_id: r.get(0)?, section: r.get(1)?, item_id: r.get(2)? }))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(keys.len(), 20);
    let body = "x".repeat(versus_core::notes::MAX_NOTE_BYTES - 10);
    for (i, key) in keys.iter().enumerate() {
        write(&mut a, key, &format!("{i:02}{body}"));
    }
    assert_eq!(sync(&mut a, folder.path(), T).sent, 20);
    let device_dir =
        folder.path().join("versus-sync").join(ops::sync_state(&a.store).unwrap().device.unwrap());
    let batches = crate::support::names_in(&device_dir);
    assert!(batches.len() >= 2, "{batches:?}");
    for name in &batches {
        let bytes = std::fs::metadata(device_dir.join(name)).unwrap().len();
        assert!(bytes <= versus_core::sync::folder::MAX_BATCH_BYTES, "{name}: {bytes}");
    }
    let report = sync(&mut b, folder.path(), T + 1);
    assert_eq!((report.received, report.skipped.len()), (20, 0), "{:?}", report.skipped);
    assert_eq!(current(&b.store, &keys[19]), current(&a.store, &keys[19]));
}

#[test]
fn the_device_that_wrote_a_text_keeps_it_in_the_history_like_its_peers_even_a_draft_of_one_session() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let note = key("flexibility-vs-ops");
    write(&mut a, &note, "A first draft, sent by a sync.");
    sync(&mut a, folder.path(), T);
    // Seconds later, in the same editing session: the history would not keep the draft.
    write(&mut a, &note, "The text as it stands.");
    sync(&mut a, folder.path(), T + 1);
    sync(&mut b, folder.path(), T + 2);
    assert_eq!(texts(&a.store, &note), texts(&b.store, &note));
    assert!(texts(&a.store, &note).contains("A first draft, sent by a sync."));
}

#[test]
fn a_text_from_another_device_saved_over_at_once_stays_in_the_history() {
    // The laptop is typing when the desktop's text arrives; its autosave a
    // moment later replaces it. That text is no draft of the laptop's: kept.
    let folder = tempfile::tempdir().unwrap();
    let (mut laptop, mut desktop) = (store_with(&seed_library()), store_with(&seed_library()));
    let note = key("flexibility-vs-ops");
    // Synced now: the save that follows is within one editing session.
    let t = versus_core::clock::now_ms() - 5_000;
    write(&mut desktop, &note, "From the desktop");
    sync(&mut desktop, folder.path(), t);
    sync(&mut laptop, folder.path(), t + 1000);
    assert_eq!(current(&laptop.store, &note).as_deref(), Some("From the desktop"));
    write(&mut laptop, &note, "From the laptop");
    assert!(
        texts(&laptop.store, &note).contains("From the desktop"),
        "the synced text is in the laptop's history"
    );
    sync(&mut laptop, folder.path(), t + 2000);
    sync(&mut desktop, folder.path(), t + 3000);
    assert_eq!(current(&desktop.store, &note).as_deref(), Some("From the laptop"));
    assert!(texts(&desktop.store, &note).contains("From the desktop"));
}

#[test]
fn a_hostile_batch_cannot_inject_markup_its_texts_stay_text() {
    let folder = tempfile::tempdir().unwrap();
    let mut fx = store_with(&seed_library());
    let other = "device-00000000000000aa";
    let dir = folder.path().join("versus-sync").join(other);
    std::fs::create_dir_all(&dir).unwrap();
    let hostile = r#"Words first. <script>alert(1)</script><img src=x onerror="alert(2)"> [link](javascript:alert(3)) <iframe src="https://example.com"></iframe>"#;
    let batch = serde_json::json!({
        "format": 1,
        "device": other,
        "seq": 1,
        "events": [{
            "kind": "note", "comparison": "ec2-vs-lambda", "section": "tradeoff", "item": "flexibility-vs-ops",
            "body": hostile, "stamp": format!("{:015}-000000-{other}", T),
        }],
    });
    std::fs::write(dir.join("batch-1.json"), serde_json::to_vec(&batch).unwrap()).unwrap();

    let report = sync(&mut fx, folder.path(), T + 1);
    assert_eq!((report.received, report.applied), (1, 1), "{:?}", report.skipped);
    let note = key("flexibility-vs-ops");
    assert_eq!(current(&fx.store, &note).as_deref(), Some(hostile), "the text is kept as it came, whole");
    let page = versus_core::library::get_comparison(fx.store.conn(), "ec2-vs-lambda").unwrap();
    let item = page.tradeoffs.iter().find(|i| i.item_id == "flexibility-vs-ops").unwrap();
    let html = item.note_html.as_deref().unwrap();
    for markup in ["<script", "<img", "<iframe", "onerror", "javascript:"] {
        assert!(!html.contains(markup), "{markup} reached the page: {html}");
    }
    assert!(html.contains("Words first."), "the words are shown: {html}");
}

#[test]
fn a_device_that_synced_many_times_keeps_few_files_and_a_new_device_still_gets_every_text() {
    use versus_core::sync::compact::COMPACT_OVER;
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (store_with(&seed_library()), store_with(&seed_library()));
    let note = key("flexibility-vs-ops");
    let syncs = COMPACT_OVER as i64 + 10;
    let mut device = String::new();
    for i in 0..syncs {
        write(&mut a, &note, &format!("Version {i} of the note."));
        device = sync(&mut a, folder.path(), T + i * HOUR).device;
    }
    let files = std::fs::read_dir(folder.path().join("versus-sync").join(&device)).unwrap().count();
    assert!(files <= COMPACT_OVER, "{files} files after {syncs} syncs");

    sync(&mut b, folder.path(), T + syncs * HOUR);
    let all = texts(&b.store, &note);
    assert_eq!(current(&b.store, &note), current(&a.store, &note));
    for i in 0..syncs {
        assert!(all.contains(&format!("Version {i} of the note.")), "version {i} reached the new device");
    }
}

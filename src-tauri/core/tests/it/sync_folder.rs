//! The sync folder as a transport, with three devices sharing one folder:
//! each writes only its own immutable batches and reads the others'; the
//! faults a sync tool or a disk causes are passed over, said, or retried.

use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};
use versus_core::sync::folder::{
    read_batches, write_batch, Skipped, BATCH_FORMAT, MAX_BATCH_BYTES, SYNC_DIR,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Event {
    note: String,
    text: String,
}

const A: &str = "device-aaaa";
const B: &str = "device-bbbb";
const C: &str = "device-cccc";

fn event(text: &str) -> Event {
    Event { note: "ec2-vs-lambda/tradeoff/cost".into(), text: text.into() }
}

fn unseen(_: &str, _: u64) -> bool {
    false
}

fn batch_path(folder: &Path, device: &str, seq: u64) -> std::path::PathBuf {
    folder.join(SYNC_DIR).join(device).join(format!("batch-{seq:012}.json"))
}

#[test]
fn each_device_reads_the_others_batches_never_its_own_and_never_twice() {
    let folder = tempfile::tempdir().unwrap();
    write_batch(folder.path(), A, 1, &[event("a1")]).unwrap();
    write_batch(folder.path(), A, 2, &[event("a2"), event("a3")]).unwrap();
    write_batch(folder.path(), B, 1, &[event("b1")]).unwrap();

    let at_c = read_batches::<Event>(folder.path(), C, &unseen).unwrap();
    assert_eq!(at_c.devices, vec![A.to_string(), B.to_string()]);
    let got: Vec<(String, u64, usize)> =
        at_c.batches.iter().map(|b| (b.device.clone(), b.seq, b.events.len())).collect();
    assert_eq!(got, vec![(A.into(), 1, 1), (A.into(), 2, 2), (B.into(), 1, 1)]);
    assert!(at_c.skipped.is_empty());

    let at_a = read_batches::<Event>(folder.path(), A, &unseen).unwrap();
    assert_eq!(at_a.batches.len(), 1, "a device does not read its own batches");
    let seen = |device: &str, seq: u64| device == A && seq == 1;
    let at_b = read_batches::<Event>(folder.path(), B, &seen).unwrap();
    assert_eq!(
        at_b.batches.iter().map(|b| b.seq).collect::<Vec<_>>(),
        vec![2],
        "what was read is passed over"
    );

    let again = write_batch(folder.path(), A, 2, &[event("rewritten")]);
    assert_eq!(again.unwrap_err().code(), "sync_folder", "a batch is written once");
    let kept: versus_core::sync::folder::Batch<Event> =
        serde_json::from_slice(&fs::read(batch_path(folder.path(), A, 2)).unwrap()).unwrap();
    assert_eq!(kept.events[0].text, "a2");
}

#[test]
fn a_batch_still_being_copied_is_passed_over_and_read_once_complete() {
    let folder = tempfile::tempdir().unwrap();
    let path = write_batch(folder.path(), A, 1, &[event("whole")]).unwrap();
    let whole = fs::read(&path).unwrap();
    fs::write(&path, &whole[..whole.len() / 2]).unwrap();
    // And a sync tool's temporary file, which is never read.
    fs::write(path.with_file_name(".batch-000000000002.json.syncthing.tmp.json"), b"{").unwrap();

    let first = read_batches::<Event>(folder.path(), B, &unseen).unwrap();
    assert!(first.batches.is_empty());
    assert!(
        matches!(&first.skipped[..], [Skipped::Incomplete { path: p, .. }] if p == &path),
        "{:?}",
        first.skipped
    );

    fs::write(&path, &whole).unwrap();
    let later = read_batches::<Event>(folder.path(), B, &unseen).unwrap();
    assert_eq!(later.batches.len(), 1, "retried once the copy finished");
    assert!(later.skipped.is_empty());
}

#[test]
fn a_conflicted_copy_is_read_like_any_batch_and_its_twin_only_once() {
    let folder = tempfile::tempdir().unwrap();
    let path = write_batch(folder.path(), A, 1, &[event("one")]).unwrap();
    let dir = path.parent().unwrap();
    fs::copy(&path, dir.join("batch-000000000001 (conflicted copy 2026-12-02).json")).unwrap();
    fs::copy(&path, dir.join("batch-000000000001.sync-conflict-20261202-101010-ABCDEFG.json")).unwrap();
    let inbox = read_batches::<Event>(folder.path(), B, &unseen).unwrap();
    assert_eq!(inbox.batches.len(), 1, "one batch, whatever name it comes under");

    // A conflicted copy whose original the sync tool lost is still read.
    fs::remove_file(&path).unwrap();
    let inbox = read_batches::<Event>(folder.path(), B, &unseen).unwrap();
    assert_eq!(inbox.batches.len(), 1);
}

#[test]
fn a_newer_format_a_huge_file_and_a_batch_claiming_another_device_are_said_and_left() {
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().join(SYNC_DIR).join(A);
    fs::create_dir_all(&dir).unwrap();
    let newer = dir.join("batch-000000000001.json");
    let body = format!(
        r#"{{"format": {}, "device": "{A}", "seq": 1, "events": [], "new_field": true}}"#,
        BATCH_FORMAT + 1
    );
    fs::write(&newer, body).unwrap();
    let huge = dir.join("batch-000000000002.json");
    let file = fs::File::create(&huge).unwrap();
    file.set_len(MAX_BATCH_BYTES + 1).unwrap();
    let liar = dir.join("batch-000000000003.json");
    fs::write(&liar, format!(r#"{{"format": 1, "device": "{B}", "seq": 3, "events": []}}"#)).unwrap();
    // A folder that is no device's is not read at all.
    fs::create_dir_all(folder.path().join(SYNC_DIR).join("Notes")).unwrap();

    let inbox = read_batches::<Event>(folder.path(), C, &unseen).unwrap();
    assert!(inbox.batches.is_empty());
    assert_eq!(inbox.devices, vec![A.to_string()]);
    assert!(inbox.skipped.contains(&Skipped::NewerFormat { path: newer, format: BATCH_FORMAT + 1 }));
    assert!(inbox.skipped.contains(&Skipped::TooLarge { path: huge, bytes: MAX_BATCH_BYTES + 1 }));
    assert!(inbox.skipped.contains(&Skipped::WrongDevice { path: liar, claims: B.into() }));
}

#[test]
fn a_missing_folder_pauses_sync_with_a_typed_error_and_is_never_created() {
    let parent = tempfile::tempdir().unwrap();
    let gone = parent.path().join("unplugged-disk");
    assert_eq!(read_batches::<Event>(&gone, A, &unseen).unwrap_err().code(), "sync_folder");
    assert_eq!(write_batch(&gone, A, 1, &[event("x")]).unwrap_err().code(), "sync_folder");
    assert!(!gone.exists(), "a missing folder is not made: it is a disk that is not there");
    let file = parent.path().join("a-file");
    fs::write(&file, b"not a folder").unwrap();
    assert_eq!(read_batches::<Event>(&file, A, &unseen).unwrap_err().code(), "sync_folder");
    assert_eq!(
        write_batch(parent.path(), "Not A Device", 1, &[event("x")]).unwrap_err().code(),
        "invalid_argument"
    );
}

#[test]
fn a_folder_that_cannot_be_written_pauses_writing_and_leaves_nothing_half_written() {
    // A device folder that cannot be made (here a file stands in its place,
    // as a read-only share would refuse it; the tests may run as root, for
    // whom permissions refuse nothing).
    let folder = tempfile::tempdir().unwrap();
    write_batch(folder.path(), A, 1, &[event("before")]).unwrap();
    let root = folder.path().join(SYNC_DIR);
    fs::write(root.join(B), b"in the way").unwrap();
    let refused = write_batch(folder.path(), B, 1, &[event("after")]);
    let err = refused.unwrap_err();
    assert_eq!(err.code(), "sync_folder");
    assert!(err.to_string().contains("cannot be written"), "{err}");
    let names: Vec<String> =
        fs::read_dir(&root).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, vec![A.to_string(), B.to_string()], "nothing else was written");
    assert_eq!(fs::read(root.join(B)).unwrap(), b"in the way");
}

#[test]
fn a_batch_already_read_is_known_by_its_name_and_not_read_again() {
    let folder = tempfile::tempdir().unwrap();
    write_batch(folder.path(), A, 1, &[event("a1")]).unwrap();
    write_batch(folder.path(), A, 2, &[event("a2")]).unwrap();
    // Were a seen batch read again, this would be said as a file still being copied.
    fs::write(batch_path(folder.path(), A, 1), b"{ not json").unwrap();
    fs::write(folder.path().join(SYNC_DIR).join(A).join("batch-000000000001 (conflicted copy).json"), b"{")
        .unwrap();
    let seen = |device: &str, seq: u64| device == A && seq == 1;
    let inbox = read_batches::<Event>(folder.path(), B, &seen).unwrap();
    assert_eq!(inbox.batches.iter().map(|b| b.seq).collect::<Vec<_>>(), vec![2]);
    assert!(inbox.skipped.is_empty(), "{:?}", inbox.skipped);
}

#[test]
fn a_device_folds_its_older_batches_together_and_nothing_is_dropped() {
    use versus_core::sync::compact::{compact_own, COMPACT_KEEP, COMPACT_OVER};
    let folder = tempfile::tempdir().unwrap();
    let total = COMPACT_OVER as u64 + 6;
    for seq in 1..=total {
        write_batch(folder.path(), A, seq, &[event(&format!("a{seq}")), event(&format!("b{seq}"))]).unwrap();
    }
    // A sync tool's conflicted copy of an old batch, and a file still being copied.
    let dir = folder.path().join(SYNC_DIR).join(A);
    fs::copy(batch_path(folder.path(), A, 3), dir.join("batch-000000000003 (conflicted copy).json")).unwrap();
    fs::write(dir.join("batch-000000000005 (1).json"), b"{\"format\": 1, \"dev").unwrap();
    let seen_before = read_batches::<Event>(folder.path(), B, &unseen).unwrap();

    let (done, next) = compact_own(folder.path(), A, total + 1).unwrap().expect("over the limit: compacted");
    let old = total as usize - COMPACT_KEEP;
    assert_eq!(done.merged, old + 1, "every old batch and the conflicted copy");
    assert_eq!(done.written, vec![total + 1], "small events fit one batch");
    assert_eq!(next, total + 2);
    assert_eq!(done.left.len(), 1, "the file still being copied is left: {:?}", done.left);
    let files = fs::read_dir(&dir).unwrap().count();
    assert_eq!(files, COMPACT_KEEP + 2, "the newest batches, the merged one and the one still being copied");

    // A device that had read nothing gets every event; one that had read
    // everything finds the same events again (taken in idempotently).
    let texts = |inbox: &versus_core::sync::folder::Inbox<Event>| {
        let mut all: Vec<String> =
            inbox.batches.iter().flat_map(|b| b.events.iter().map(|e| e.text.clone())).collect();
        all.sort();
        all.dedup();
        all
    };
    let after = read_batches::<Event>(folder.path(), B, &unseen).unwrap();
    assert_eq!(texts(&after), texts(&seen_before));
    assert_eq!(texts(&after).len(), 2 * total as usize);
    assert_eq!(compact_own(folder.path(), A, next).unwrap(), None, "now under the limit: nothing to do");
}

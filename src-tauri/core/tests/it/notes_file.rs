//! Reading a notes file to import: only a regular file of bounded size is
//! read, and a refusal leaves the store as it was. The app reads the file
//! before it takes the store, so a pipe or a device can never hold it.

use std::path::Path;
use std::process::Command;

use versus_core::content::Section;
use versus_core::notes::export::collect_notes;
use versus_core::notes::file::{read_notes_file, MAX_IMPORT_BYTES};
use versus_core::notes::NoteKey;
use versus_core::ops;
use versus_core::store::backup::list_backups;
use versus_core::Error;

use crate::support::{seed_library, store_with, Fixture};

const NOT_REGULAR: &str = "is not a regular file";

/// A store with one note, and a way to check it was left as it was.
fn store_with_a_note() -> (Fixture, impl Fn(&Fixture)) {
    let mut fx = store_with(&seed_library());
    let key = NoteKey::new("ec2-vs-lambda", Section::Tradeoff, "flexibility-vs-ops");
    ops::save_note(&mut fx.store, &key, "mine").unwrap();
    let before = collect_notes(fx.store.conn()).unwrap();
    let unchanged = move |fx: &Fixture| {
        assert_eq!(collect_notes(fx.store.conn()).unwrap(), before, "the notes are as they were");
        assert!(list_backups(&fx.store.backup_dir()).unwrap().is_empty(), "no backup was taken");
    };
    (fx, unchanged)
}

/// What the app does: read and check the file, then import it.
fn import(fx: &mut Fixture, path: &Path) -> Result<(), Error> {
    let file = read_notes_file(path)?;
    ops::import_notes(&mut fx.store, &file, &mut |_, _| {}).map(|_| ())
}

fn assert_refused(result: Result<(), Error>, path: &Path, why: &str) {
    let err = result.expect_err("the file is refused");
    assert_eq!(err.code(), "bad_import", "{err}");
    assert!(err.to_string().contains(&path.display().to_string()), "the message names the file: {err}");
    assert!(err.to_string().contains(why), "{err}");
}

#[test]
fn a_fifo_or_a_link_to_one_is_refused_without_waiting_for_a_writer() {
    let (mut fx, unchanged) = store_with_a_note();
    let fifo = fx.dir.path().join("notes.json");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success(), "mkfifo made {}", fifo.display());
    let link = fx.dir.path().join("link.json");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();

    // A writer that waits for a reader. A reader that opened the pipe would
    // meet it and read an empty file instead of being refused for what it
    // is, so the test fails rather than hangs.
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || drop(std::fs::OpenOptions::new().write(true).open(fifo)))
    };
    assert_refused(import(&mut fx, &fifo), &fifo, NOT_REGULAR);
    assert_refused(import(&mut fx, &link), &link, NOT_REGULAR);
    unchanged(&fx);
    // Nothing opened the pipe: let the writer go.
    drop(std::fs::File::open(&fifo).unwrap());
    writer.join().unwrap();
}

#[test]
fn a_device_or_a_folder_is_refused_without_reading_it() {
    let (mut fx, unchanged) = store_with_a_note();
    // Endless: read whole, it would grow memory until the app died.
    let zero = Path::new("/dev/zero");
    assert_refused(import(&mut fx, zero), zero, NOT_REGULAR);
    let folder = fx.dir.path().to_path_buf();
    assert_refused(import(&mut fx, &folder), &folder, NOT_REGULAR);
    unchanged(&fx);
}

#[test]
fn a_file_over_the_limit_is_refused_and_one_at_the_limit_is_read() {
    let (mut fx, unchanged) = store_with_a_note();
    let path = fx.dir.path().join("huge.json");
    // Sparse: the size is real, the disk is not used.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_IMPORT_BYTES + 1).unwrap();
    assert_refused(import(&mut fx, &path), &path, "larger than 64 MiB");

    file.set_len(MAX_IMPORT_BYTES).unwrap();
    // Read and parsed: refused for what it holds, not for its size.
    assert_refused(import(&mut fx, &path), &path, "not a complete JSON file");
    unchanged(&fx);
}

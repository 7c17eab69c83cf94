//! A child process saves notes in a loop and prints each id once its save
//! returned; it is killed with SIGKILL at random moments. After every kill the
//! store must open, pass `integrity_check`, and hold every acknowledged note:
//! each note's text is the last one acknowledged for it, or one saved after
//! it (a save can commit and be killed before it says so). The history keeps
//! one version per editing session, not every save, so versions are checked
//! to be texts that were written, to the note they were written to.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use versus_core::content::Section;
use versus_core::notes::NoteKey;
use versus_core::ops;
use versus_core::store::Store;

use crate::support::{seed_library, store_with};

const CHILD_DIR: &str = "VERSUS_CRASH_CHILD_DIR";
const CHILD_START: &str = "VERSUS_CRASH_CHILD_START";
const KILLS: usize = 24;

fn target(i: u64) -> NoteKey {
    const ITEMS: [(Section, &str); 6] = [
        (Section::Tradeoff, "flexibility-vs-ops"),
        (Section::Mistake, "ec2-by-default"),
        (Section::Difference, "control"),
        (Section::Subject, "lambda"),
        (Section::WhenToUse, "ec2"),
        (Section::Comparison, "main"),
    ];
    let (section, item) = ITEMS[(i % ITEMS.len() as u64) as usize];
    NoteKey::new("ec2-vs-lambda", section, item)
}

fn body(i: u64) -> String {
    format!("crash note {i}: {}", "x".repeat((i % 7 * 300) as usize))
}

/// The save a body was written by, if it is one this test writes.
fn save_of(text: &str) -> Option<u64> {
    let i = text.strip_prefix("crash note ")?.split(':').next()?.parse().ok()?;
    (body(i) == text).then_some(i)
}

/// Every (key, body) in `note`, or in `note_version`.
fn bodies(store: &Store, table: &str) -> Vec<(NoteKey, String)> {
    let mut stmt =
        store.conn().prepare(&format!("SELECT comparison_id, section, item_id, body FROM {table}")).unwrap();
    stmt.query_map([], |r| {
        Ok((NoteKey::new(r.get::<_, String>(0)?, r.get(1)?, r.get::<_, String>(2)?), r.get(3)?))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// The writer. Does nothing unless started by the test below.
#[test]
#[ignore = "started as a child process by sigkill_never_loses_an_acknowledged_note"]
fn crash_child_writer() {
    let (Some(dir), Some(start)) = (std::env::var_os(CHILD_DIR), std::env::var_os(CHILD_START)) else {
        return;
    };
    let start: u64 = start.to_str().and_then(|s| s.parse().ok()).expect("start id");
    let mut store = Store::open_in(std::path::Path::new(&dir)).expect("child opens store");
    for i in start.. {
        // "begin" before the save and "ack" after it: a kill after a
        // "begin" with no "ack" landed while a save was under way.
        println!("begin {i}");
        ops::save_note(&mut store, &target(i), &body(i)).expect("save");
        println!("ack {i}");
    }
}

#[test]
fn sigkill_never_loses_an_acknowledged_note() {
    let fx = store_with(&seed_library());
    let dir = fx.dir.path().to_path_buf();
    drop(fx.store);
    let exe = std::env::current_exe().unwrap();
    let mut acknowledged: Vec<u64> = Vec::new();
    let mut next_start = 0u64;
    let mut kills_mid_save = 0;

    for round in 0..KILLS {
        let mut child = Command::new(&exe)
            .args(["crash::crash_child_writer", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
            .env(CHILD_DIR, &dir)
            .env(CHILD_START, next_start.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout).lines().map_while(Result::ok).collect::<Vec<String>>()
        });
        std::thread::sleep(Duration::from_millis(fastrand::u64(40..400)));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let lines = reader.join().unwrap();
        let acks: Vec<u64> =
            lines.iter().filter_map(|line| line.strip_prefix("ack ").and_then(|n| n.parse().ok())).collect();
        if lines.last().is_some_and(|line| line.starts_with("begin ")) {
            kills_mid_save += 1;
        }
        next_start = acks.last().map_or(next_start, |last| last + 1) + 1_000;

        let store =
            Store::open_in(&dir).unwrap_or_else(|e| panic!("round {round}: store does not open: {e}"));
        let check: String = store.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok", "round {round}");
        acknowledged.extend(acks);
        let mut last_acknowledged: HashMap<NoteKey, u64> = HashMap::new();
        for &i in &acknowledged {
            last_acknowledged.insert(target(i), i);
        }
        let current: HashMap<NoteKey, String> = bodies(&store, "note").into_iter().collect();
        for (key, &last) in &last_acknowledged {
            let text = current.get(key).unwrap_or_else(|| panic!("round {round}: the note {key} is lost"));
            let saved =
                save_of(text).unwrap_or_else(|| panic!("round {round}: {key} holds a text never written"));
            assert_eq!(target(saved), *key, "round {round}: {key} holds another note's text");
            assert!(saved >= last, "round {round}: {key} lost acknowledged save {last} (it holds {saved})");
        }
        for (key, text) in bodies(&store, "note_version") {
            let saved = save_of(&text)
                .unwrap_or_else(|| panic!("round {round}: a version of {key} was never written"));
            assert_eq!(target(saved), key, "round {round}: a version of {key} is another note's text");
        }
    }
    assert!(acknowledged.len() > KILLS, "the writer made progress: {} saves", acknowledged.len());
    // Only a kill that lands inside a save tests anything; most must.
    assert!(kills_mid_save >= KILLS / 2, "only {kills_mid_save} of {KILLS} kills landed inside a save");
    println!("{kills_mid_save} of {KILLS} kills landed inside a save");
}

//! A saved note survives power loss, not only a crash: every save reaches
//! the disk through fsync before it returns. The SIGKILL test (crash.rs)
//! cannot tell, because the OS page cache outlives a killed process; this
//! counts the syncs a writer makes, under strace, so that `synchronous=OFF`
//! or `NORMAL` (no sync per commit in WAL mode) fails here.

use std::process::Command;

use versus_core::content::Section;
use versus_core::notes::NoteKey;
use versus_core::ops;
use versus_core::store::Store;

use crate::support::{seed_library, store_with};

const CHILD_DIR: &str = "VERSUS_DURABILITY_CHILD_DIR";
const SAVES: u64 = 30;

/// The writer. Does nothing unless started by the test below.
#[test]
#[ignore = "started as a child process under strace by every_save_is_synced_to_disk_before_it_returns"]
fn durability_child_writer() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else { return };
    let mut store = Store::open_in(std::path::Path::new(&dir)).expect("child opens store");
    for i in 0..SAVES {
        let key = NoteKey::new("ec2-vs-lambda", Section::Tradeoff, "flexibility-vs-ops");
        ops::save_note(&mut store, &key, &format!("durable save {i}")).expect("save");
    }
}

/// Total calls of the named syscalls in an `strace -c` summary.
fn calls(summary: &str, names: &[&str]) -> u64 {
    summary
        .lines()
        .filter_map(|line| {
            let columns: Vec<&str> = line.split_whitespace().collect();
            let name = columns.last()?;
            // % time, seconds, usecs/call, calls, [errors,] syscall
            names.contains(name).then(|| columns.get(3)?.parse::<u64>().ok()).flatten()
        })
        .sum()
}

#[test]
#[cfg(target_os = "linux")]
fn every_save_is_synced_to_disk_before_it_returns() {
    let fx = store_with(&seed_library());
    let dir = fx.dir.path().to_path_buf();
    drop(fx.store);
    let summary = fx.dir.path().join("strace.txt");
    let exe = std::env::current_exe().unwrap();
    let status = Command::new("strace")
        .args(["-f", "-c", "-e", "trace=fsync,fdatasync,sync_file_range", "-o"])
        .arg(&summary)
        .arg(&exe)
        .args(["durability::durability_child_writer", "--exact", "--ignored", "--test-threads=1"])
        .env(CHILD_DIR, &dir)
        .status()
        .unwrap_or_else(|err| panic!("strace could not run ({err}): scripts/setup.sh test installs it"));
    assert!(status.success(), "the writer under strace failed");
    let summary = std::fs::read_to_string(&summary).expect("strace wrote its summary");
    let syncs = calls(&summary, &["fsync", "fdatasync"]);
    assert!(syncs >= SAVES, "{SAVES} saves made only {syncs} syncs:\n{summary}");
}

#[test]
fn the_strace_summary_is_read_right() {
    let summary = "% time     seconds  usecs/call     calls    errors syscall\n\
                   ------ ----------- ----------- --------- --------- ----------------\n\
                   100.00    0.123456        4115        30           fdatasync\n\
                     0.00    0.000000           0         2         1 fsync\n\
                   ------ ----------- ----------- --------- --------- ----------------\n\
                   100.00    0.123456                    32         1 total\n";
    assert_eq!(calls(summary, &["fsync", "fdatasync"]), 32);
}

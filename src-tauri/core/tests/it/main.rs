//! Integration tests of the domain core, one module per area, linked as a
//! single binary against `versus_core` alone (no webview, no Tauri).

mod archived;
mod backup;
mod browser;
mod content;
mod cram;
mod crash;
mod durability;
mod hygiene;
mod library_content;
mod notes;
#[cfg(unix)]
mod notes_file;
mod ops;
mod optimizer;
mod own;
mod packs;
mod practice;
mod readiness;
mod recovery;
mod search;
mod sessions;
mod store;
mod study;
mod support;
mod sync_drafts;
mod sync_folder;
mod sync_notes;
mod sync_own;
mod sync_packs;
mod sync_property;
mod sync_reviews;
mod trust;

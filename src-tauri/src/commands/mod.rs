//! The Tauri commands, grouped by area: each parses its arguments, makes
//! exactly one call into `versus_core::ops`, and answers a typed error
//! `{ code, message }`. No SQL and no domain rule here.

pub mod args;
pub mod cards;
#[cfg(test)]
mod contract;
pub mod data;
mod error;
pub mod library;
pub mod notes;
pub mod own;
pub mod packs;
pub mod practice;
pub mod schedule;
mod state;
pub mod status;
pub mod study;
pub mod sync;
#[cfg(test)]
mod types;

pub use error::{CommandError, CommandResult};
pub use state::AppState;
pub use status::PREFERENCES_FILE;

/// Every command the page may call, for the app and for the command-layer
/// tests alike (which run it on Tauri's mock runtime).
pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        crate::window::close_window,
        crate::window::open_link,
        status::app_status,
        status::first_view_ready,
        library::list_comparisons,
        library::categories,
        library::get_comparison,
        library::record_view,
        library::dashboard,
        library::search,
        library::render_markdown,
        notes::save_note,
        notes::note_history,
        notes::restore_note_version,
        notes::archived_notes,
        notes::delete_archived_note,
        data::list_backups,
        data::backup_now,
        data::restore_preview,
        data::restore_backup,
        data::export_markdown,
        data::export_comparison_markdown,
        data::export_json,
        data::import_json,
        study::review_queue,
        study::grade_card,
        study::undo_review,
        study::preview_grades,
        study::suspend_card,
        study::create_card,
        study::comparison_progress,
        study::save_drill,
        study::grade_drill,
        study::list_drills,
        study::readiness,
        study::gap_session,
        practice::practice_queue,
        practice::pair_practice,
        practice::answer_scenario,
        practice::confusions,
        practice::cram_queue,
        practice::cram_answer,
        practice::cram_scenario,
        cards::list_cards,
        cards::suspend_cards,
        cards::card_history,
        schedule::optimize_schedule,
        schedule::optimizer_progress,
        schedule::cancel_optimize,
        schedule::adopt_schedule,
        schedule::reset_schedule,
        schedule::schedule_parameters,
        own::create_draft,
        own::save_draft,
        own::check_draft,
        own::get_draft,
        own::list_drafts,
        own::discard_draft,
        own::edit_comparison,
        own::copy_comparison,
        own::publish_draft,
        own::archive_comparison,
        own::restore_comparison,
        own::delete_comparison,
        own::archived_comparisons,
        packs::open_pack,
        packs::pending_packs,
        packs::import_pack,
        packs::list_packs,
        packs::remove_pack,
        packs::export_pack,
        sync::sync_status,
        sync::sync_settings,
        sync::choose_sync_folder,
        sync::stop_sync,
        sync::sync_now,
    ]
}

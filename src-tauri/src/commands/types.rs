//! `ui/js/types/api.d.ts`: the TypeScript declarations of every payload the
//! UI sends or receives, generated from the Rust types with ts-rs, so that
//! `tsc --checkJs` fails when the UI reads a field Rust does not send.
//! `VERSUS_WRITE_TYPES=1 cargo test types` rewrites the file.

use std::path::Path;

use ts_rs::{Config, TS};

macro_rules! declarations {
    ($cfg:expr; $($ty:ty),+ $(,)?) => {
        vec![$(format!("export {}", <$ty as TS>::decl($cfg))),+]
    };
}

fn generated() -> String {
    // Every integer the app sends fits a JavaScript number (times in ms, counts, ids).
    let cfg = &Config::new().with_large_int("number");
    use versus_core::{library, notes, ops, search, store, study};
    let declarations: Vec<String> = declarations![cfg;
        super::CommandError,
        super::status::AppStatus,
        super::status::RecoveryNotice,
        super::data::ProgressEvent,
        super::sync::SyncView,
        crate::background_sync::SyncStatus,
        crate::background_sync::SyncPhase,
        ops::SyncReport,
        ops::SyncState,
        super::study::DrillSubmission,
        store::ImportReport,
        store::recovery::Recovery,
        store::backup::Reason,
        store::backup::BackupInfo,
        store::autobackup::AutoBackupStatus,
        versus_core::content::Section,
        library::ComparisonSummary,
        library::CategoryCount,
        library::PageItem,
        library::ComparisonPage,
        library::GridRow,
        versus_core::content::Source,
        notes::NoteKey,
        notes::Note,
        notes::NoteVersion,
        notes::ArchivedNote,
        notes::NoteWithPlace,
        notes::SaveOutcome,
        notes::export::ExportSummary,
        notes::import::ImportSummary,
        search::HitKind,
        search::SearchHit,
        search::SearchResults,
        study::StudySettings,
        study::StudyContext,
        study::queue::NewCards,
        study::Grade,
        study::Scope,
        study::cards::CardKind,
        study::cards::CardState,
        study::cards::CardSchedule,
        study::face::CardFace,
        study::face::CardNote,
        study::review::Graded,
        study::progress::Mastery,
        study::progress::ComparisonProgress,
        study::progress::CategoryProgress,
        study::progress::StudyStats,
        study::drills::Drill,
        ops::Dashboard,
        ops::SavedNote,
        ops::ArchivedNoteView,
        ops::ReviewQueue,
        ops::UndoneStep,
        study::review::GradePreview,
        study::review::UndoAction,
        study::practice::Choice,
        study::practice::PracticeAnswer,
        study::practice::ConfusionPair,
        study::browser::BrowseState,
        study::browser::DueWithin,
        study::browser::CardSort,
        study::browser::CardFilter,
        study::browser::CardRow,
        study::browser::CardPage,
        study::browser::ReviewEntry,
        study::optimizer::Fit,
        study::readiness::Readiness,
        study::readiness::ReadinessRow,
        study::optimizer::Optimization,
        study::optimizer::ScheduleParameters,
        study::optimizer::OptimizerProgress,
        ops::BackupList,
        ops::Restored,
        store::restore_preview::RestorePreview,
        store::OriginKind,
        versus_core::content::ContentError,
        versus_core::content::draft::DraftDocument,
        versus_core::content::draft::DraftSubject,
        versus_core::content::draft::DraftItem,
        versus_core::content::draft::FieldMessage,
        versus_core::content::draft::DraftCheck,
        versus_core::own::Draft,
        versus_core::own::DraftSummary,
        versus_core::own::ArchivedComparison,
        versus_core::own::Deleted,
        versus_core::packs::Change,
        versus_core::packs::PreviewEntry,
        versus_core::packs::PackPreview,
        versus_core::packs::InstalledPack,
        versus_core::packs::PackMeta,
        ops::PackFileCheck,
        ops::ExportedPack,
        super::packs::OpenedPack,
    ];
    let mut out = String::from(
        "// Generated from the Rust payload types by ts-rs: do not edit by hand.\n\
         // Rewrite with `VERSUS_WRITE_TYPES=1 cargo test types` after changing a payload.\n\n",
    );
    for declaration in declarations {
        out.push_str(&declaration);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[test]
fn typescript_declarations_match_the_rust_payloads() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/js/types/api.d.ts");
    let expected = generated();
    if std::env::var_os("VERSUS_WRITE_TYPES").is_some() {
        std::fs::write(&path, &expected).expect("write ui/js/types/api.d.ts");
    }
    let found = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        found == expected,
        "{} is out of date with the Rust payload types: run `VERSUS_WRITE_TYPES=1 cargo test types`",
        path.display()
    );
}
